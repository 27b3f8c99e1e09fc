//! Saving the export: a Blob made in the browser, downloaded through a
//! temporary link. No network: the object URL points into the page's memory
//! and is revoked right after the click.
//!
//! `URL.createObjectURL` is reached through `js_sys` so that the app needs no
//! extra `web-sys` feature for it.

use wasm_bindgen::{JsCast, JsValue};

/// Offers `text` as a CSV file named `name`. Failures (a browser without
/// Blob URLs) are ignored: the results stay on screen.
pub(super) fn save_csv(name: &str, text: &str) {
    let _ = try_save(name, text);
}

fn url_fn(name: &str) -> Result<(JsValue, js_sys::Function), JsValue> {
    let url = js_sys::Reflect::get(&js_sys::global(), &JsValue::from_str("URL"))?;
    let f = js_sys::Reflect::get(&url, &JsValue::from_str(name))?.dyn_into::<js_sys::Function>()?;
    Ok((url, f))
}

fn try_save(name: &str, text: &str) -> Result<(), JsValue> {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let props = web_sys::BlobPropertyBag::new();
    props.set_type("text/csv;charset=utf-8");
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &props)?;
    let (url_obj, create) = url_fn("createObjectURL")?;
    let href = create.call1(&url_obj, &blob)?;
    let document = leptos::prelude::document();
    let a = document.create_element("a")?;
    a.set_attribute("href", &href.as_string().unwrap_or_default())?;
    a.set_attribute("download", name)?;
    a.set_attribute("hidden", "")?;
    if let Some(body) = document.body() {
        body.append_child(&a)?;
        a.dyn_ref::<web_sys::HtmlElement>().ok_or(JsValue::NULL)?.click();
        body.remove_child(&a)?;
    }
    let (url_obj, revoke) = url_fn("revokeObjectURL")?;
    revoke.call1(&url_obj, &href).map(|_| ())
}
