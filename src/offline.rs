//! Works offline after one visit: registers the service worker that the
//! build generates (`sw.js`, written by `scripts/post-build.mjs` with the
//! list of this build's files).
//!
//! Only over http(s) in a secure context (the API does not exist elsewhere)
//! and never in embed mode: a calculator embedded in someone else's page
//! should not install anything in their visitors' browsers.

use leptos::prelude::*;
use wasm_bindgen::prelude::*;

/// Registers `./sw.js` when the browser allows it; failures are only logged.
pub fn register_service_worker() {
    let win = window();
    let protocol = win.location().protocol().unwrap_or_default();
    if !(protocol == "http:" || protocol == "https:") || !win.is_secure_context() {
        return;
    }
    let navigator = win.navigator();
    // Absent in some contexts (private modes, old browsers): check, don't assume.
    if !js_sys::Reflect::has(&navigator, &"serviceWorker".into()).unwrap_or(false) {
        return;
    }
    let on_error = Closure::<dyn FnMut(JsValue)>::new(|e: JsValue| {
        leptos::logging::warn!("Cadran: the offline cache could not be installed: {e:?}");
    });
    let _ = navigator.service_worker().register("./sw.js").catch(&on_error);
    on_error.forget();
}
