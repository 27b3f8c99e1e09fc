//! Builds the snippet that embeds one calculator in another site.
//!
//! Placeholder: the page is being built.

use crate::i18n::use_prefs;
use cadran_core::locale::Locale;
use leptos::prelude::*;

/// The page's texts.
pub struct Texts {
    /// Page title.
    pub title: &'static str,
}

const FR: Texts = Texts { title: "Intégrer un calculateur" };
const EN: Texts = Texts { title: "Embed a calculator" };

/// The page's texts in `l`.
#[must_use]
pub fn texts(l: Locale) -> &'static Texts {
    match l {
        Locale::Fr => &FR,
        Locale::En => &EN,
    }
}

/// The page.
#[component]
pub fn EmbedPage() -> impl IntoView {
    let prefs = use_prefs();
    view! {
        <section class="page" aria-labelledby="page-title">
            <div class="page-head">
                <h1 id="page-title">{move || texts(prefs.locale.get()).title}</h1>
            </div>
        </section>
    }
}
