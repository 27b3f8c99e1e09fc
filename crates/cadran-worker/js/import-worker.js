// Cadran's import worker (a classic dedicated worker): streams a Blob or File
// through the wasm `Importer` chunk by chunk and posts progress. The message
// protocol is documented at the top of crates/cadran-worker/src/lib.rs.
// Nothing here reads a whole file at once: Blob.stream() gives chunks of
// about 64 KiB, each parsed and dropped.
'use strict';
importScripts('./cadran-worker.js');

const ready = wasm_bindgen({ module_or_path: './cadran-worker_bg.wasm' });
// Bytes of a file's start that the preview reads first; doubled while the
// core answers {"Ok":null} (header and first row not in them yet), up to the
// core's own limit (16 MiB, past which it says HeadTooLong).
const HEAD = 64 * 1024;
const cancelled = new Set();
// Throwaway imports of the first preview's bytes (see warmUp), once per worker.
const WARM_UP_RUNS = 32;
const WARM_UP_DELAY_MS = 300;
let warmedUp = false;
// One job at a time, in order: a preview asked during an import waits.
let queue = Promise.resolve();

self.onmessage = (e) => {
  const msg = e.data || {};
  if (msg.type === 'cancel') { cancelled.add(msg.id); return; }
  queue = queue.then(() => run(msg)).catch((err) => {
    self.postMessage({ type: 'failed', id: msg.id, message: String(err && err.message || err) });
  });
};

async function run(msg) {
  await ready;
  if (msg.type === 'preview') {
    let size = HEAD;
    let head, json;
    for (;;) {
      head = new Uint8Array(await msg.blob.slice(0, size).arrayBuffer());
      json = wasm_bindgen.preview(head, msg.options || '{}', msg.rows || 20, msg.blob.size <= size);
      if (json !== '{"Ok":null}' || msg.blob.size <= size) break;
      size *= 2;
    }
    self.postMessage({ type: 'preview', id: msg.id, json });
    if (!warmedUp && msg.blob.size > HEAD) {
      warmedUp = true;
      // After the page has drawn the preview: on two cores the warm-up would
      // otherwise delay it.
      setTimeout(() => warmUp(head, msg.options), WARM_UP_DELAY_MS);
    }
  } else if (msg.type === 'import') {
    await importBlob(msg);
  }
}

// Why: V8 first runs WebAssembly in its baseline tier and moves a function to
// optimised code only for its later calls — never during a call. A worker's
// first import therefore ran `finish()` (the whole aggregation, one long call)
// in baseline code: ≈ 0.3–0.45 s instead of 0.15 on a 1M-row file. Importing
// the preview's 64 KiB a few dozen times while the reader looks at the
// preview (≈ 1–2 MB of work, tens of ms) gets the hot functions optimised
// before the real import. The page starts the import as soon as the preview
// is painted (src/pages/import/state.rs), so the timer fires between two
// chunks of that import, before its `finish()`. Measured, and the
// alternatives tried: bench/README.md "Warming up the worker".
function warmUp(head, options) {
  for (let i = 0; i < WARM_UP_RUNS; i++) {
    let imp;
    try {
      imp = new wasm_bindgen.Importer(options || '{}');
      if (imp.push(head) === undefined) imp.finish();
    } catch (_) {
      return; // unreadable options or bytes: the real import will say why
    } finally {
      imp?.free();
    }
  }
}

async function importBlob({ id, blob, options }) {
  const started = performance.now();
  const imp = new wasm_bindgen.Importer(options || '{}');
  const total = blob.size;
  let last = 0;
  try {
    const reader = blob.stream().getReader();
    self.postMessage({ type: 'progress', id, done: 0, total });
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (cancelled.has(id)) {
        cancelled.delete(id);
        await reader.cancel();
        self.postMessage({ type: 'cancelled', id });
        return;
      }
      const err = imp.push(value);
      if (err !== undefined) {
        await reader.cancel();
        self.postMessage({ type: 'result', id, json: '{"Err":' + err + '}', ms: performance.now() - started });
        return;
      }
      const now = performance.now();
      if (now - last > 50) {
        last = now;
        self.postMessage({ type: 'progress', id, done: imp.bytes_consumed(), total });
      }
    }
    self.postMessage({ type: 'progress', id, done: total, total });
    self.postMessage({ type: 'result', id, json: imp.finish(), ms: performance.now() - started });
  } finally {
    imp.free();
  }
}
