//! The page's side of the import worker (`crates/cadran-worker`, protocol at
//! the top of its `lib.rs`). The worker is created on first use, so visiting
//! any other page never downloads it; cancelling terminates it (which also
//! frees its memory at once) and the next request creates a fresh one.

use leptos::prelude::*;
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Blob, MessageEvent, Worker};

/// The worker script, next to `index.html` (Trunk copies it there).
const SCRIPT: &str = "./import-worker.js";

/// What the worker said about request `id`.
#[derive(Debug, Clone, PartialEq)]
pub enum WorkerEvent {
    /// A preview: `{"Ok": Preview}` or `{"Err": IngestError}` as JSON.
    Preview(String),
    /// Bytes read so far, of `total`.
    Progress {
        /// Bytes read.
        done: f64,
        /// File size.
        total: f64,
    },
    /// The import's outcome: `{"Ok": Report}` or `{"Err": IngestError}` as JSON.
    Result(String),
    /// The worker could not run (its files missing, blocked by a policy…).
    Failed(String),
}

type Handler = Rc<dyn Fn(u32, WorkerEvent)>;

struct Live {
    worker: Worker,
    _on_message: Closure<dyn FnMut(MessageEvent)>,
    _on_error: Closure<dyn FnMut(web_sys::Event)>,
}

/// A lazily created import worker. `Copy`, so event handlers can capture it.
#[derive(Clone, Copy)]
pub struct ImportWorker {
    live: StoredValue<Option<Live>, LocalStorage>,
    handler: StoredValue<Option<Handler>, LocalStorage>,
    next_id: StoredValue<u32>,
}

impl ImportWorker {
    /// A worker, not yet started; it is terminated when the calling
    /// component is cleaned up.
    pub fn new() -> Self {
        let this = Self { live: StoredValue::new_local(None), handler: StoredValue::new_local(None), next_id: StoredValue::new(0) };
        on_cleanup(move || this.terminate());
        this
    }

    /// Sends the worker's messages to `on_event` (set once, before the first
    /// request; it may capture this `ImportWorker` to send follow-up requests).
    pub fn on_event(&self, on_event: impl Fn(u32, WorkerEvent) + 'static) {
        self.handler.set_value(Some(Rc::new(on_event)));
    }

    /// Starts the worker now, if it is not running, so that its script and
    /// WebAssembly are loaded by the time data comes (a failure is told at
    /// the first request instead).
    pub fn start(&self) {
        let _ = self.worker();
    }

    /// Asks for the layout and first `rows` rows of `blob` read with
    /// `options` (JSON); returns the request id.
    pub fn preview(&self, blob: &Blob, options: &str, rows: u32) -> u32 {
        self.send("preview", blob, options, Some(rows))
    }

    /// Starts importing `blob` with `options` (JSON); returns the request id.
    pub fn import(&self, blob: &Blob, options: &str) -> u32 {
        self.send("import", blob, options, None)
    }

    /// Asks the worker to stop import `id` at its next chunk of the file
    /// (within a millisecond or so, unless it is already aggregating); the
    /// worker, its warmed-up code and its memory stay for the next request.
    pub fn cancel(&self, id: u32) {
        if let Some(Some(w)) = self.live.try_with_value(|l| l.as_ref().map(|l| l.worker.clone())) {
            let msg = js_sys::Object::new();
            let _ = js_sys::Reflect::set(&msg, &JsValue::from_str("type"), &JsValue::from_str("cancel"));
            let _ = js_sys::Reflect::set(&msg, &JsValue::from_str("id"), &JsValue::from(id));
            let _ = w.post_message(&msg);
        }
    }

    /// Stops whatever the worker is doing, at once.
    pub fn terminate(&self) {
        if let Some(Some(live)) = self.live.try_update_value(Option::take) {
            live.worker.terminate();
        }
    }

    fn send(&self, kind: &str, blob: &Blob, options: &str, rows: Option<u32>) -> u32 {
        let id = self.next_id.try_update_value(|n| {
            *n += 1;
            *n
        });
        let id = id.unwrap_or_default();
        let msg = js_sys::Object::new();
        let set = |k: &str, v: &JsValue| {
            let _ = js_sys::Reflect::set(&msg, &JsValue::from_str(k), v);
        };
        set("type", &JsValue::from_str(kind));
        set("id", &JsValue::from(id));
        set("blob", blob);
        set("options", &JsValue::from_str(options));
        if let Some(r) = rows {
            set("rows", &JsValue::from(r));
        }
        match self.worker() {
            Ok(w) => {
                if let Err(e) = w.post_message(&msg) {
                    self.fail(id, &e);
                }
            }
            Err(e) => self.fail(id, &e),
        }
        id
    }

    /// Tells the handler that request `id` failed — later, like every
    /// answer of the worker, so the caller has its id before it hears of it.
    fn fail(&self, id: u32, e: &JsValue) {
        let text = e.as_string().or_else(|| js_sys::JSON::stringify(e).ok().and_then(|s| s.as_string())).unwrap_or_default();
        let handler = self.handler;
        queue_microtask(move || {
            if let Some(Some(h)) = handler.try_get_value() {
                h(id, WorkerEvent::Failed(text));
            }
        });
    }

    /// The running worker, created if needed.
    fn worker(&self) -> Result<Worker, JsValue> {
        if let Some(Some(w)) = self.live.try_with_value(|l| l.as_ref().map(|l| l.worker.clone())) {
            return Ok(w);
        }
        let worker = Worker::new(SCRIPT)?;
        let handler = self.handler;
        let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |e: MessageEvent| {
            let Some(Some(h)) = handler.try_get_value() else { return };
            if let Some((id, ev)) = decode(&e.data()) {
                h(id, ev);
            }
        });
        let this = *self;
        let on_error = Closure::<dyn FnMut(web_sys::Event)>::new(move |e: web_sys::Event| {
            // The script or its wasm could not load: tell the page, and start
            // afresh on the next request.
            e.prevent_default();
            // The last request's id: 0 when the worker was only started
            // ahead of any request, which then fails by itself if it must.
            let id = this.next_id.try_get_value().unwrap_or_default();
            if let Some(Some(live)) = this.live.try_update_value(Option::take) {
                live.worker.terminate();
                // This very closure is running: leak it rather than drop it.
                std::mem::forget(live);
            }
            if id != 0 {
                this.fail(id, &JsValue::from_str("worker error"));
            }
        });
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        self.live.set_value(Some(Live { worker: worker.clone(), _on_message: on_message, _on_error: on_error }));
        Ok(worker)
    }
}

/// Reads one message from the worker; `None` for anything unexpected.
fn decode(data: &JsValue) -> Option<(u32, WorkerEvent)> {
    let get = |k: &str| js_sys::Reflect::get(data, &JsValue::from_str(k)).ok();
    let id = get("id")?.as_f64()? as u32;
    let text = |k: &str| get(k).and_then(|v| v.as_string()).unwrap_or_default();
    let ev = match get("type")?.as_string()?.as_str() {
        "preview" => WorkerEvent::Preview(text("json")),
        "result" => WorkerEvent::Result(text("json")),
        "progress" => WorkerEvent::Progress {
            done: get("done").and_then(|v| v.as_f64()).unwrap_or(0.0),
            total: get("total").and_then(|v| v.as_f64()).unwrap_or(0.0),
        },
        "failed" => WorkerEvent::Failed(text("message")),
        _ => return None,
    };
    Some((id, ev))
}
