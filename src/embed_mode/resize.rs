//! Tells the host page how tall the embedded calculator is, so its iframe
//! can fit it without a scroll bar.
//!
//! The message is `{ type: "cadran:height", height: <CSS pixels> }` and
//! nothing else: never a value the visitor typed. It is posted to any
//! origin (`"*"`) because it carries nothing private and the app cannot know
//! who embeds it; the host checks the message's origin (README snippet).

use leptos::prelude::*;
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;

/// The `type` of the height message.
pub const MESSAGE_TYPE: &str = "cadran:height";

/// Observes `<body>` and posts its height to the parent on every change.
pub fn report_height() {
    let win = window();
    let Ok(parent) = win.parent() else { return };
    let Some(parent) = parent else { return };
    // Not in a frame: nobody to tell.
    if parent == win {
        return;
    }
    let Some(body) = document().body() else { return };
    let last = Rc::new(Cell::new(-1.0_f64));
    let observed = body.clone();
    let callback = Closure::<dyn Fn()>::new(move || {
        // Layout pixels, not money: a float is right here.
        let height = observed.get_bounding_client_rect().height().ceil();
        if height == last.get() {
            return;
        }
        last.set(height);
        let msg = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&msg, &"type".into(), &MESSAGE_TYPE.into());
        let _ = js_sys::Reflect::set(&msg, &"height".into(), &height.into());
        let _ = parent.post_message(&msg, "*");
    });
    if let Ok(observer) = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()) {
        observer.observe(&body);
        // Both live as long as the page: the observer must keep firing.
        std::mem::forget(observer);
        callback.forget();
    }
}
