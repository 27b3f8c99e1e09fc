//! A labelled number field with its unit, help and error message.

use super::{FieldKind, Form};
use crate::i18n::{describe_number_error, use_prefs};
use cadran_core::locale::NumberError;
use leptos::prelude::*;

/// A number field bound to `form`'s field `key`.
///
/// Shows, in order of precedence, the reason the text is not a number, or
/// `problem` (the core's validation message for this field). The input is
/// `type="text"` with `inputmode="decimal"`: a `type="number"` input refuses
/// the French decimal comma in most browsers and hides what was typed.
#[component]
pub fn NumberField(
    form: Form,
    key: &'static str,
    #[prop(into)] label: Signal<String>,
    #[prop(into)] unit: Signal<String>,
    #[prop(into, optional)] help: Option<Signal<String>>,
    /// The core's message for this field, if it rejects the value.
    #[prop(into, optional)]
    problem: Option<Signal<Option<String>>>,
) -> impl IntoView {
    let prefs = use_prefs();
    let text = form.text(key);
    let id = format!("f-{}-{key}", form.id());
    let msg_id = format!("{id}-msg");
    let help_id = format!("{id}-help");
    let optional = form.spec(key).is_some_and(|s| s.optional);
    let error = Memo::new(move |_| match form.number(key) {
        Err(NumberError::Empty) if optional => None,
        Err(NumberError::Empty) if text.get().trim().is_empty() => {
            Some(describe_number_error(NumberError::Empty, prefs.locale.get()))
        }
        Err(e) => Some(describe_number_error(e, prefs.locale.get())),
        Ok(_) => problem.and_then(|p| p.get()),
    });
    let inputmode = match form.spec(key).map(|s| s.kind) {
        Some(FieldKind::Count) => "numeric",
        _ => "decimal",
    };
    let described_by = {
        let (m, h) = (msg_id.clone(), help_id.clone());
        move || {
            let mut ids = Vec::new();
            if help.is_some() {
                ids.push(h.clone());
            }
            if error.get().is_some() {
                ids.push(m.clone());
            }
            ids.join(" ")
        }
    };
    view! {
        <div class="field" class:invalid=move || error.get().is_some()>
            <label for=id.clone()>{move || label.get()}</label>
            <div class="input-unit">
                <input
                    id=id.clone()
                    name=key
                    type="text"
                    inputmode=inputmode
                    autocomplete="off"
                    spellcheck="false"
                    prop:value=move || text.get()
                    on:input=move |ev| text.set(event_target_value(&ev))
                    aria-invalid=move || if error.get().is_some() { "true" } else { "false" }
                    aria-describedby=described_by
                />
                <span class="unit" aria-hidden="true">{move || unit.get()}</span>
            </div>
            {help.map(|h| view! { <p class="help" id=help_id.clone()>{move || h.get()}</p> })}
            <p class="error" id=msg_id.clone() role="alert" hidden=move || error.get().is_none()>
                {move || error.get().unwrap_or_default()}
            </p>
        </div>
    }
}

/// A checkbox bound to `form`'s flag field `key`.
#[component]
pub fn CheckboxField(form: Form, key: &'static str, #[prop(into)] label: Signal<String>) -> impl IntoView {
    let text = form.text(key);
    let id = format!("f-{}-{key}", form.id());
    view! {
        <div class="field check">
            <input
                id=id.clone()
                name=key
                type="checkbox"
                prop:checked=move || text.get() == "true"
                on:change=move |ev| text.set(event_target_checked(&ev).to_string())
            />
            <label for=id>{move || label.get()}</label>
        </div>
    }
}
