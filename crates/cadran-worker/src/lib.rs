//! Cadran's import worker: [`cadran_core::ingest`] exposed to JavaScript so a
//! dedicated Web Worker can read a 100 MB export in chunks while the page
//! stays responsive. Only the core, `serde_json` and `wasm-bindgen` are linked
//! (no `web-sys`): the streaming loop is a few lines of JavaScript in
//! `js/import-worker.js`, which keeps this wasm small.
//!
//! # Files (built by Trunk, `data-type="worker"`, names not hashed)
//! - `cadran-worker.js` + `cadran-worker_bg.wasm`: wasm-bindgen's
//!   `no-modules` output, defining the global `wasm_bindgen`.
//! - `import-worker.js`: the worker script (`new Worker('./import-worker.js')`),
//!   which `importScripts` the two files above. Nothing is fetched before the
//!   page creates the worker, so the first visit does not download it.
//!
//! # wasm API (for any worker script, e.g. the in-browser benchmark)
//! Every JSON value is serde's form of the core's types; money is a decimal
//! string (`"1234.56"`), so sums stay exact.
//! ```js
//! importScripts('./cadran-worker.js');
//! await wasm_bindgen({ module_or_path: './cadran-worker_bg.wasm' });
//! // Preview: layout detection and the first rows as read, for the mapping step.
//! // head: Uint8Array of the file's start (64 KiB is what the import sniffs);
//! // whole: true when head is the whole file (else the last partial line is dropped).
//! const p = JSON.parse(wasm_bindgen.preview(head, optionsJson, 20, whole));
//! //   → { Ok: Preview { layout, rows } } | { Err: IngestError }
//! // Streaming import.
//! const imp = new wasm_bindgen.Importer(optionsJson); // throws a string on malformed options JSON
//! const err = imp.push(chunk);          // Uint8Array; undefined, or IngestError JSON (then stop)
//! imp.bytes_consumed();                 // number, for progress
//! const r = JSON.parse(imp.finish());   // { Ok: Report } | { Err: IngestError }
//! imp.free();
//! ```
//! `optionsJson` is [`Options`] as JSON, every field optional (`"{}"` detects
//! everything), e.g. `{"delimiter":59,"on_bad_row":"Stop","mapping":{…}}`.
//!
//! # Worker messages (`js/import-worker.js`)
//! Page → worker (a `Blob` or `File` is passed by reference, never read on the page):
//! - `{ type: 'preview', id, blob, options, rows }`
//! - `{ type: 'import', id, blob, options }`
//! - `{ type: 'cancel', id }` — stops import `id` at its next chunk; the app sends it
//!   to drop an import it started ahead of the Import button. Its Cancel button
//!   terminates the worker instead, which frees the memory at once.
//!
//! Worker → page:
//! - `{ type: 'preview', id, json }` — `json` as from `preview` above
//! - `{ type: 'progress', id, done, total }` — bytes, at most every 50 ms
//! - `{ type: 'result', id, json, ms }` — `json` as from `finish` above; `ms`: time spent
//! - `{ type: 'cancelled', id }`
//! - `{ type: 'failed', id, message }` — the worker itself failed (wasm did not load…)
//!
//! Memory: the file is read chunk by chunk (`Blob.stream()`), each chunk is
//! copied into wasm memory, parsed and dropped; only the aggregates grow, so
//! peak memory stays well under the file size.

use cadran_core::ingest::{IngestError, Ingestor, Options, Preview, Report};
use wasm_bindgen::prelude::*;

/// A streaming import (see the crate docs for the JavaScript side).
#[wasm_bindgen]
pub struct Importer {
    inner: Ingestor,
}

#[wasm_bindgen]
impl Importer {
    /// A new import with `options_json` ([`Options`] as JSON, `"{}"` for
    /// "detect everything").
    ///
    /// # Errors
    /// Malformed options JSON (a programming error on the JS side), as a message.
    #[wasm_bindgen(constructor)]
    pub fn new(options_json: &str) -> Result<Importer, String> {
        Ok(Importer { inner: Ingestor::new(parse_options(options_json)?) })
    }

    /// Feeds the next chunk; `None` (`undefined`) when all is well, else the
    /// [`IngestError`] as JSON (the import is over).
    pub fn push(&mut self, chunk: &[u8]) -> Option<String> {
        self.inner.push(chunk).err().map(|e| to_json(&e))
    }

    /// Bytes fed so far.
    #[must_use]
    pub fn bytes_consumed(&self) -> f64 {
        // Exact up to 2⁵³ bytes, far beyond any file a browser can read.
        self.inner.bytes_consumed() as f64
    }

    /// Ends the import: `{"Ok": Report}` or `{"Err": IngestError}` as JSON.
    pub fn finish(&mut self) -> String {
        to_json(&self.inner.finish())
    }
}

/// Layout and the first `rows` data rows of `head` (the start of a file):
/// `{"Ok": Preview}` or `{"Err": IngestError}` as JSON, or `{"Ok": null}`
/// when `head` is too short to hold the header and a data row (the worker
/// then slices twice as many bytes and asks again, as the core's import
/// does with its window: [`cadran_core::ingest::preview_head`]). Unless
/// `whole`, a record cut by the end of `head` is not shown.
#[wasm_bindgen]
#[must_use]
pub fn preview(head: &[u8], options_json: &str, rows: usize, whole: bool) -> String {
    match parse_options(options_json) {
        Ok(o) => to_json(&preview_head(head, &o, rows, whole)),
        Err(message) => message,
    }
}

/// [`preview`] on Rust types: the core's [`cadran_core::ingest::preview_head`],
/// with "too short" impossible for a whole file (it is then empty).
///
/// # Errors
/// What [`cadran_core::ingest::preview_head`] finds in that start of the file.
pub fn preview_head(head: &[u8], options: &Options, rows: usize, whole: bool) -> Result<Option<Preview>, IngestError> {
    match cadran_core::ingest::preview_head(head, whole, options, rows)? {
        None if whole => Err(IngestError::Empty),
        p => Ok(p),
    }
}

/// Reads options, refusing garbage with a message.
///
/// # Errors
/// The JSON is not [`Options`].
pub fn parse_options(json: &str) -> Result<Options, String> {
    if json.trim().is_empty() {
        return Ok(Options::default());
    }
    serde_json::from_str(json).map_err(|e| format!("invalid options: {e}"))
}

/// Serialises a value the worker sends. Every type here serialises (plain
/// structs, string keys), so the error branch is unreachable in practice;
/// it still yields valid JSON rather than a panic.
fn to_json<T: serde::Serialize>(v: &T) -> String {
    serde_json::to_string(v).unwrap_or_else(|_| String::from("{\"Err\":\"Overflow\"}"))
}

/// The result type sent by [`Importer::finish`], for readers on the Rust side.
pub type ImportResult = Result<Report, IngestError>;

#[cfg(test)]
mod tests;
