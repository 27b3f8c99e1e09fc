//! The import flow's state: the chosen file, the options the user changed,
//! the preview, the running import and the last report. Every change of
//! options asks the worker for a fresh preview; the import itself runs in the
//! worker and only its report comes back.
//!
//! The import starts *ahead*, as soon as a preview is shown, with the layout
//! that preview shows: the reader looks at the preview and the mapping for a
//! second or more before pressing Import, and a 50 MB file takes about as
//! long to import. Pressing Import then adopts that import — finished, or
//! still running with its progress — instead of starting from the first
//! byte. Any change of options or file drops it (stopping the worker if it is
//! still reading, so the new preview does not wait behind it); its result is
//! never shown unless the user asked for exactly that import.
//!
//! Nothing the user had is lost: a failed or cancelled import leaves the
//! previous report (and the pasted text) in place.

use super::worker::{ImportWorker, WorkerEvent};
use cadran_core::ingest::mapping::Mapping;
use cadran_core::ingest::{IngestError, Options, Preview, Report};
use leptos::prelude::*;
use std::cell::RefCell;
use std::sync::Arc;
use std::time::Duration;
use web_sys::Blob;

/// Rows shown in the preview.
const PREVIEW_ROWS: u32 = 12;

thread_local! {
    /// The last report, so coming back to the page shows it again.
    static LAST: RefCell<Option<Arc<Report>>> = const { RefCell::new(None) };
}

/// Where the data comes from.
#[derive(Debug, Clone, PartialEq)]
pub struct Source {
    /// File name, or `None` for pasted text.
    pub name: Option<String>,
    /// Size in bytes.
    pub size: f64,
}

/// Where the import stands.
#[derive(Debug, Clone, PartialEq)]
pub enum Run {
    /// Nothing running.
    Idle,
    /// Reading: bytes done of total.
    Importing {
        /// Bytes read.
        done: f64,
        /// File size.
        total: f64,
    },
    /// The last import finished; its report is shown.
    Done,
    /// The user cancelled.
    Cancelled,
    /// The file could not be imported.
    Failed(IngestError),
    /// The worker could not run.
    WorkerFailed,
}

/// An import started ahead of the Import button (see the module's doc).
#[derive(Debug, Clone, PartialEq)]
struct Ahead {
    /// Its worker request.
    id: u32,
    /// The options it runs with, as sent to the worker.
    options: String,
    /// Bytes read so far, of the file's size.
    progress: (f64, f64),
    /// Its outcome once the worker has answered (JSON, as
    /// [`WorkerEvent::Result`]).
    result: Option<String>,
}

/// The flow's signals. `Copy`, shared by the page's parts.
#[derive(Clone, Copy)]
pub struct ImportState {
    /// The chosen data, if any.
    pub source: RwSignal<Option<Source>>,
    blob: StoredValue<Option<Blob>, LocalStorage>,
    /// What the user chose (everything else is detected).
    pub options: RwSignal<Options>,
    /// The preview of the current source with the current options.
    pub preview: RwSignal<Option<Result<Preview, IngestError>>>,
    /// A preview is being computed.
    pub previewing: RwSignal<bool>,
    /// The columns were not recognised: the user maps them.
    pub unrecognised: RwSignal<bool>,
    /// The import.
    pub run: RwSignal<Run>,
    /// The last successful import.
    pub report: RwSignal<Option<Arc<Report>>>,
    worker: ImportWorker,
    preview_id: StoredValue<u32>,
    import_id: StoredValue<u32>,
    ahead: StoredValue<Option<Ahead>>,
}

impl ImportState {
    /// The state of a freshly opened page (with the last report, if any).
    pub fn new() -> Self {
        let st = Self {
            source: RwSignal::new(None),
            blob: StoredValue::new_local(None),
            options: RwSignal::new(Options::default()),
            preview: RwSignal::new(None),
            previewing: RwSignal::new(false),
            unrecognised: RwSignal::new(false),
            run: RwSignal::new(Run::Idle),
            report: RwSignal::new(LAST.with(|l| l.borrow().clone())),
            worker: ImportWorker::new(),
            preview_id: StoredValue::new(0),
            import_id: StoredValue::new(0),
            ahead: StoredValue::new(None),
        };
        st.worker.on_event(move |id, ev| st.on_event(id, ev));
        st
    }

    /// The user is reaching for data (opening the file picker, dragging a
    /// file over the page, typing into the paste area): the worker starts
    /// loading now rather than once the data is there. A visit that gives no
    /// data still downloads nothing of it.
    pub fn prepare(&self) {
        self.worker.start();
    }

    /// Uses `blob` (a dropped or picked file, or pasted text): detection
    /// starts afresh; the previous report stays until a new one replaces it.
    pub fn set_source(&self, blob: Blob, name: Option<String>) {
        if matches!(self.run.get_untracked(), Run::Importing { .. }) {
            self.cancel();
        }
        let size = blob.size();
        self.blob.set_value(Some(blob));
        self.source.set(Some(Source { name, size }));
        let on_bad_row = self.options.with_untracked(|o| o.on_bad_row);
        self.options.set(Options { on_bad_row, ..Options::default() });
        self.unrecognised.set(false);
        self.preview.set(None);
        self.run.set(Run::Idle);
        self.request_preview();
    }

    /// Changes the options and previews again.
    pub fn change(&self, f: impl FnOnce(&mut Options)) {
        self.options.update(f);
        self.request_preview();
    }

    /// Changes how the file is split (encoding, delimiter, header row): the
    /// columns may change, so their mapping is detected again.
    pub fn change_layout(&self, f: impl FnOnce(&mut Options)) {
        self.unrecognised.set(false);
        self.change(|o| {
            f(o);
            o.mapping = None;
        });
    }

    fn request_preview(&self) {
        let Some(Some(blob)) = self.blob.try_with_value(Clone::clone) else { return };
        self.drop_ahead();
        self.previewing.set(true);
        let json = self.options.with_untracked(options_json);
        self.preview_id.set_value(self.worker.preview(&blob, &json, PREVIEW_ROWS));
    }

    /// Whether the import can start: a readable preview, no import running.
    pub fn can_import(&self) -> bool {
        !matches!(self.run.get(), Run::Importing { .. }) && matches!(self.preview.get(), Some(Ok(_)))
    }

    /// Imports the whole source with the layout the preview shows — by
    /// adopting the import started ahead when its options are these.
    pub fn start(&self) {
        let Some(Some(blob)) = self.blob.try_with_value(Clone::clone) else { return };
        let Some(options) = self.import_options() else { return };
        match self.ahead.try_update_value(Option::take).flatten() {
            Some(a) if a.options == options => {
                match a.result {
                    Some(json) => self.finish(&json),
                    None => {
                        self.import_id.set_value(a.id);
                        self.run.set(Run::Importing { done: a.progress.0, total: a.progress.1 });
                    }
                }
                return;
            }
            // Options changed without a new preview (skip or stop on bad rows).
            Some(a) if a.result.is_none() => self.worker.cancel(a.id),
            _ => {}
        }
        self.run.set(Run::Importing { done: 0.0, total: blob.size() });
        self.import_id.set_value(self.worker.import(&blob, &options));
    }

    /// The options of an import of what the preview shows, as sent to the
    /// worker; `None` without a readable preview.
    fn import_options(&self) -> Option<String> {
        let Some(Ok(p)) = self.preview.get_untracked() else { return None };
        let mut o = self.options.get_untracked();
        // What the user saw is what is imported.
        o.encoding = Some(p.layout.encoding);
        o.delimiter = Some(p.layout.delimiter);
        o.has_header = Some(p.layout.has_header);
        o.mapping = Some(p.layout.mapping);
        Some(options_json(&o))
    }

    /// Starts the import of what the preview shows, ahead of the Import
    /// button; nothing is shown of it until the user asks for it.
    fn start_ahead(&self) {
        let started = self.ahead.try_with_value(Option::is_some).unwrap_or(true);
        let stale = self.previewing.try_get_untracked().unwrap_or(true);
        if started || stale || matches!(self.run.try_get_untracked(), Some(Run::Importing { .. }) | None) {
            return;
        }
        let Some(Some(blob)) = self.blob.try_with_value(Clone::clone) else { return };
        let Some(options) = self.import_options() else { return };
        let id = self.worker.import(&blob, &options);
        self.ahead.set_value(Some(Ahead { id, options, progress: (0.0, blob.size()), result: None }));
    }

    /// Forgets the import started ahead, cancelling it if it is still
    /// running (a preview sent after it would otherwise wait for its end).
    fn drop_ahead(&self) {
        if let Some(Some(a)) = self.ahead.try_update_value(Option::take) {
            if a.result.is_none() {
                self.worker.cancel(a.id);
            }
        }
    }

    /// Stops the import at once; what was shown before stays.
    pub fn cancel(&self) {
        self.worker.terminate();
        self.ahead.set_value(None);
        self.import_id.set_value(0);
        self.run.set(Run::Cancelled);
        // The preview was in the same worker: ask again if it was pending.
        if self.previewing.get_untracked() {
            self.request_preview();
        }
    }

    /// Shows the outcome of the import the user asked for (`json` as
    /// [`WorkerEvent::Result`]).
    fn finish(&self, json: &str) {
        self.import_id.set_value(0);
        match serde_json::from_str::<Result<Report, IngestError>>(json) {
            Ok(Ok(r)) => {
                let r = Arc::new(r);
                LAST.with(|l| *l.borrow_mut() = Some(r.clone()));
                self.report.set(Some(r));
                self.run.set(Run::Done);
            }
            Ok(Err(e)) => self.run.set(Run::Failed(e)),
            Err(_) => self.run.set(Run::WorkerFailed),
        }
    }

    fn on_event(&self, id: u32, ev: WorkerEvent) {
        let is_preview = Some(id) == self.preview_id.try_get_value();
        let is_import = Some(id) == self.import_id.try_get_value();
        let is_ahead = self.ahead.try_with_value(|a| a.as_ref().map(|a| a.id)).flatten() == Some(id);
        match ev {
            WorkerEvent::Progress { done, total } if is_ahead => self.ahead.update_value(|a| {
                if let Some(a) = a {
                    a.progress = (done, total);
                }
            }),
            WorkerEvent::Result(json) if is_ahead => self.ahead.update_value(|a| {
                if let Some(a) = a {
                    a.result = Some(json);
                }
            }),
            // Said again, and shown, by the import the Import button starts.
            WorkerEvent::Failed(_) if is_ahead => self.ahead.set_value(None),
            WorkerEvent::Preview(json) if is_preview => {
                let p = serde_json::from_str::<Result<Preview, IngestError>>(&json)
                    .unwrap_or(Err(IngestError::Binary));
                if p == Err(IngestError::UnknownDataset) && self.options.with_untracked(|o| o.mapping.is_none()) {
                    // No dataset recognised: show every column unmapped, the user maps them.
                    self.unrecognised.set(true);
                    let kind = self.options.with_untracked(|o| o.kind).unwrap_or(cadran_core::ingest::mapping::DatasetKind::Survey);
                    self.change(|o| o.mapping = Some(Mapping { kind, columns: Vec::new(), amount_in_cents: false }));
                    return;
                }
                self.previewing.set(false);
                let readable = p.is_ok();
                self.preview.set(Some(p));
                if readable {
                    // Once the preview is painted: on two cores, reading the
                    // file meanwhile delayed the preview by a third.
                    let st = *self;
                    request_animation_frame(move || set_timeout(move || st.start_ahead(), Duration::ZERO));
                }
            }
            WorkerEvent::Progress { done, total } if is_import => self.run.set(Run::Importing { done, total }),
            WorkerEvent::Result(json) if is_import => self.finish(&json),
            WorkerEvent::Failed(_) if is_preview || is_import => {
                self.previewing.set(false);
                self.run.set(Run::WorkerFailed);
            }
            _ => {}
        }
    }
}

/// Options as the worker reads them.
fn options_json(o: &Options) -> String {
    serde_json::to_string(o).unwrap_or_else(|_| "{}".to_string())
}
