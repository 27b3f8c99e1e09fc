//! Bring your own data: paste, drop or pick a CSV export, check how it is
//! read, import it in a Web Worker with progress and Cancel, and hand the
//! report to [`results::Results`]. Engine: [`cadran_core::ingest`], run by
//! the worker crate `crates/cadran-worker` (see its docs for the protocol).
//!
//! Parts: [`source`] (three ways in), [`layout`] (how the file is read,
//! column roles, preview), [`outcome`] (import, progress, bad rows),
//! [`state`] (the flow), [`worker`] (the page's side of the worker),
//! [`words`] (the ingestion's types in words).

mod layout;
mod run;
pub mod results;
mod source;
mod state;
mod texts;
mod words;
mod worker;

pub use texts::{Texts, T};

use crate::i18n::use_prefs;
use leptos::prelude::*;
use state::ImportState;

/// The page.
#[component]
pub fn ImportPage() -> impl IntoView {
    let prefs = use_prefs();
    let l = move || prefs.locale.get();
    let st = ImportState::new();
    let preview_error = move || {
        let l = prefs.locale.get();
        st.preview.with(|p| match p {
            Some(Err(e)) => Some(view! { <p class="error" role="alert">{words::ingest_error(e, l)}</p> }),
            _ => None,
        })
    };
    view! {
        <section class="page import-page" aria-labelledby="page-title">
            <div class="page-head">
                <h1 id="page-title">{move || crate::pages::page_title(crate::router::Route::Import, prefs.locale.get())}</h1>
                <p class="intro">{move || T.intro.get(l())}</p>
            </div>
            <source::Sources st=st />
            <Show when=move || st.source.with(Option::is_some)>
                <section class="import-layout" aria-labelledby="import-layout-title" aria-busy=move || st.previewing.get().to_string()>
                    <h2 id="import-layout-title" class="visually-hidden">{move || T.how_read.get(l())}</h2>
                    <Show when=move || st.previewing.get()>
                        <p class="help" role="status">{move || T.reading.get(l())}</p>
                    </Show>
                    {preview_error}
                    <layout::HowRead st=st />
                    <layout::ColumnsPreview st=st />
                    <run::StartImport st=st />
                </section>
            </Show>
            <run::RunStatus st=st />
            <results::Results report=st.report.into() />
        </section>
    }
}
