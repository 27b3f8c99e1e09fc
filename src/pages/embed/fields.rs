//! The previewed calculator's fields, read from its document, so the builder
//! offers every card's fields without a list of its own to keep in sync.

use super::texts::T;
use crate::embed_mode::config::is_prefill_value;
use cadran_core::locale::{format_input, parse_number, Locale};
use cadran_core::Decimal;
use std::str::FromStr;
use crate::i18n::use_prefs;
use leptos::prelude::*;
use std::collections::BTreeMap;
use wasm_bindgen::JsCast;

/// The previewed calculator's fields, `(name, label)`, in page order.
pub fn read_fields(doc: &web_sys::Document) -> Vec<(String, String)> {
    let Ok(list) = doc.query_selector_all("main input[name], main select[name]") else { return Vec::new() };
    (0..list.length())
        // `unchecked_into`: the nodes come from the preview's realm, where
        // `instanceof Element` (what `dyn_into` checks) is false.
        .filter_map(|i| list.item(i).map(|n| n.unchecked_into::<web_sys::Element>()))
        .filter_map(|el| {
            let name = el.get_attribute("name")?;
            if !crate::embed_mode::config::is_field_name(&name) {
                return None;
            }
            let label = el
                .get_attribute("id")
                .and_then(|id| doc.query_selector(&format!("label[for=\"{id}\"]")).ok().flatten())
                .and_then(|l| l.text_content())
                .map_or_else(|| name.clone(), |l| l.trim().to_string());
            Some((name, label))
        })
        .fold(Vec::new(), |mut acc, f| {
            if !acc.iter().any(|(k, _): &(String, String)| *k == f.0) {
                acc.push(f);
            }
            acc
        })
}


/// The starting values fieldset: one text field per field of the previewed
/// calculator. A number is read in the builder's language and kept in the
/// address in its canonical form, so « 12,5 » typed in French is 12.5.
#[component]
pub fn StartingValues(fields: RwSignal<Vec<(String, String)>>, prefill: RwSignal<BTreeMap<String, String>>) -> impl IntoView {
    let prefs = use_prefs();
    let l = move || prefs.locale.get();
    view! {
        <fieldset>
            <legend>{move || T.values.get(l())}</legend>
            <p class="help">{move || T.values_help.get(l())}</p>
            // Keyed by name and label: the same field in another language
            // (the preview's `lang`) is a new row with its new label.
            <For each=move || fields.get() key=|field| field.clone() let:field>
                {
                    let (key, label) = field;
                    let id = format!("embed-pf-{key}");
                    let k2 = key.clone();
                    let k3 = key.clone();
                    view! {
                        <div class="field">
                            <label for=id.clone()>{label}</label>
                            <input
                                id=id
                                type="text"
                                inputmode="decimal"
                                autocomplete="off"
                                prop:value=move || prefill.with(|p| p.get(&k2).map(|v| shown(v, l())).unwrap_or_default())
                                on:change=move |ev| {
                                    let v = canonical(&event_target_value(&ev), l());
                                    prefill.update(|p| match v {
                                        Some(v) => {
                                            p.insert(k3.clone(), v);
                                        }
                                        None => {
                                            p.remove(&k3);
                                        }
                                    });
                                }
                            />
                        </div>
                    }
                }
            </For>
        </fieldset>
    }
}

/// What the address keeps for a typed starting value: a number read in the
/// builder's language, written canonically (`12.5`); a choice's key as is;
/// `None` for an empty or unusable text (the default then applies).
fn canonical(typed: &str, l: Locale) -> Option<String> {
    let typed = typed.trim();
    match parse_number(typed, l) {
        Ok(d) => Some(d.normalize().to_string()),
        Err(_) => Some(typed.to_string()).filter(|v| is_prefill_value(v)),
    }
}

/// A kept starting value as the user would type it in `l`.
fn shown(canonical: &str, l: Locale) -> String {
    Decimal::from_str(canonical).map_or_else(|_| canonical.to_string(), |d| format_input(d, l))
}
