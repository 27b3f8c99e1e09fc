//! The three ways in: paste into a text area, pick a file, or drop one
//! anywhere on the page. Files stay `Blob`s handed to the worker by
//! reference: the page never reads a file's contents itself. Reaching for
//! data (the picker's dialog, a drag over the page, typing a paste) starts
//! the worker, which loads while the user is still choosing.

use super::state::ImportState;
use super::texts::T;
use crate::i18n::use_prefs;
use crate::persistence;
use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Blob, BlobPropertyBag, File, HtmlInputElement};

/// Storage key of the pasted text (kept so that nothing typed is lost).
const PASTE_KEY: &str = "import.paste";
/// Pasted texts longer than this are not remembered across reloads (storage is small).
const PASTE_KEEP_MAX: usize = 200_000;

/// Text as a UTF-8 `Blob`, read by the worker like any file.
fn text_blob(text: &str) -> Option<Blob> {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let bag = BlobPropertyBag::new();
    bag.set_type("text/csv");
    Blob::new_with_str_sequence_and_options(&parts, &bag).ok()
}

fn use_file(st: ImportState, file: File) {
    let name = file.name();
    st.set_source(file.into(), Some(name));
}

/// The paste area, the file picker and the page-wide drop zone.
#[component]
pub fn Sources(st: ImportState) -> impl IntoView {
    let prefs = use_prefs();
    let l = move || prefs.locale.get();
    let pasted = RwSignal::new(persistence::load::<String>(PASTE_KEY).unwrap_or_default());
    let dragging = RwSignal::new(false);

    let read_paste = move |_| {
        let text = pasted.get_untracked();
        if text.len() <= PASTE_KEEP_MAX {
            persistence::save(PASTE_KEY, &text);
        }
        if let Some(blob) = text_blob(&text) {
            st.set_source(blob, None);
        }
    };
    let picked = move |e: ev::Event| {
        let Some(input) = e.target().and_then(|t| t.dyn_into::<HtmlInputElement>().ok()) else { return };
        if let Some(file) = input.files().and_then(|f| f.get(0)) {
            use_file(st, file);
        }
        // Picking the same file again (after fixing it) must fire again.
        input.set_value("");
    };

    // Drop anywhere: the window listens while this page is shown.
    let has_files = |e: &web_sys::DragEvent| e.data_transfer().is_some_and(|d| d.types().includes(&JsValue::from_str("Files"), 0));
    let over = window_event_listener(ev::dragover, move |e| {
        if has_files(&e) {
            e.prevent_default();
            if !dragging.get_untracked() {
                st.prepare();
            }
            dragging.set(true);
        }
    });
    let leave = window_event_listener(ev::dragleave, move |e| {
        // Leaving the window (not just moving between elements).
        if e.related_target().is_none() {
            dragging.set(false);
        }
    });
    let drop = window_event_listener(ev::drop, move |e| {
        e.prevent_default();
        dragging.set(false);
        if let Some(file) = e.data_transfer().and_then(|d| d.files()).and_then(|f| f.get(0)) {
            use_file(st, file);
        }
    });
    on_cleanup(move || {
        over.remove();
        leave.remove();
        drop.remove();
    });

    let source_name = move || {
        st.source.get().map(|s| {
            let l = prefs.locale.get();
            let size = super::words::size(s.size, l);
            let name = s.name.unwrap_or_else(|| T.pasted.get(l).to_string());
            format!("{name} — {size}")
        })
    };
    view! {
        <section class="import-sources" aria-labelledby="import-sources-title">
            <h2 id="import-sources-title">{move || T.ways_in.get(l())}</h2>
            <div class="import-ways">
                <div class="field import-paste">
                    <label for="import-paste">{move || T.paste_label.get(l())}</label>
                    <textarea
                        id="import-paste"
                        rows="6"
                        spellcheck="false"
                        aria-describedby="import-paste-help"
                        prop:value=move || pasted.get()
                        on:input=move |e| {
                            st.prepare();
                            pasted.set(event_target_value(&e));
                        }
                    ></textarea>
                    <p class="help" id="import-paste-help">{move || T.paste_help.get(l())}</p>
                    <button type="button" on:click=read_paste disabled=move || pasted.with(|p| p.trim().is_empty())>
                        {move || T.read_paste.get(l())}
                    </button>
                </div>
                <div class="field import-pick">
                    <input id="import-file" class="visually-hidden" type="file" accept=".csv,.tsv,.txt,text/csv,text/plain"
                        on:click=move |_| st.prepare()
                        on:change=picked
                    />
                    <label for="import-file" class="button">{move || T.pick.get(l())}</label>
                    <p class="help">{move || T.pick_help.get(l())}</p>
                    <p class="import-source" aria-live="polite">{source_name}</p>
                </div>
            </div>
            <div class="drop-overlay" class:shown=move || dragging.get() aria-hidden="true">
                <p>{move || T.drop_overlay.get(l())}</p>
            </div>
        </section>
    }
}
