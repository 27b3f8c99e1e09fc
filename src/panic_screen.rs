//! What the user sees if the app panics anyway.
//!
//! The default hook only logs to the console, leaving a frozen page. This one
//! keeps the log and puts a readable message (in the page's language) with a
//! reload button over the app. It touches the DOM only — never storage — so
//! everything the user saved is still there after the reload.
//!
//! It builds its markup with `insertAdjacentHTML` from constant texts (no
//! user data) rather than through Leptos: after a panic the reactive runtime
//! may be in any state, and the release build aborts right after the hook.

use crate::i18n::{tr, Locale};
use wasm_bindgen::prelude::*;

/// Id of the panic screen's root element.
pub const ROOT_ID: &str = "cadran-panic";

/// Installs the hook: console log (as before) plus the panic screen.
pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        show();
    }));
}

/// Shows the panic screen once (a second panic leaves the first screen).
pub fn show() {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else { return };
    if doc.get_element_by_id(ROOT_ID).is_some() {
        return;
    }
    // The reactive preferences may be what failed: the page's `lang` is read instead.
    let french = doc.document_element().and_then(|e| e.get_attribute("lang")).is_none_or(|l| l.starts_with("fr"));
    let l = if french { Locale::Fr } else { Locale::En };
    let title = tr("Cadran a rencontré une erreur inattendue", "Cadran hit an unexpected error").get(l);
    let text = tr(
        "Vos valeurs enregistrées sont intactes dans ce navigateur. Rechargez la page pour reprendre là où vous en étiez.",
        "Your saved values are intact in this browser. Reload the page to carry on where you were.",
    )
    .get(l);
    let reload = tr("Recharger la page", "Reload the page").get(l);
    let Some(body) = doc.body() else { return };
    let html = format!(
        r#"<div id="{ROOT_ID}" class="panic" role="alertdialog" aria-modal="true" aria-labelledby="{ROOT_ID}-title" aria-describedby="{ROOT_ID}-text"><div class="panic-box"><h1 id="{ROOT_ID}-title">{title}</h1><p id="{ROOT_ID}-text">{text}</p><button type="button" class="panic-reload">{reload}</button></div></div>"#
    );
    if body.insert_adjacent_html("beforeend", &html).is_err() {
        return;
    }
    let Ok(Some(button)) = doc.query_selector(&format!("#{ROOT_ID} button")) else { return };
    let on_click = Closure::<dyn Fn()>::new(|| {
        if let Some(w) = web_sys::window() {
            let _ = w.location().reload();
        }
    });
    let _ = button.add_event_listener_with_callback("click", on_click.as_ref().unchecked_ref());
    on_click.forget();
    if let Ok(button) = button.dyn_into::<web_sys::HtmlElement>() {
        let _ = button.focus();
    }
}
