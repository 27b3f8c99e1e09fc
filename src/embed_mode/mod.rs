//! Embed mode: one calculator, without header or navigation, for an iframe
//! in another site (`index.html#/nps?embed=1&…`, see [`config`]).
//!
//! An embedded calculator starts from its defaults and the URL's prefills,
//! and neither reads nor writes the visitor's storage (see
//! [`crate::components::Prefill`]); it tells its parent page its height, and
//! nothing else.

pub mod config;
mod resize;
mod theme;

pub use config::{EmbedConfig, Rgb, Theme, FONTS, MAX_RADIUS};

use crate::i18n::tr;
use crate::components::{Notices, Prefill};
use crate::i18n::use_prefs;
use crate::pages::view_for;
use crate::router::Route;
use leptos::prelude::*;

/// The embed configuration of the current page, if it is in embed mode.
/// Read once at start: the mode does not change while the page lives.
#[must_use]
pub fn from_location() -> Option<EmbedConfig> {
    EmbedConfig::from_hash(&window().location().hash().unwrap_or_default())
}

/// The app in embed mode: provides the prefills, applies the theme and the
/// language, reports the height, and shows the calculator of `route`.
pub fn embed_view(config: EmbedConfig, route: ReadSignal<Route>, notices: RwSignal<Vec<String>>) -> impl IntoView {
    let prefs = use_prefs();
    if let Some(l) = config.locale {
        prefs.locale.set(l);
    }
    prefs.currency.set(config.currency.unwrap_or(crate::i18n::Currency::Eur));
    provide_context(Prefill(config.prefill.clone()));
    theme::apply(&config);
    resize::report_height();
    let l = move || prefs.locale.get();
    let full_app = move || format!("./{}", route.get().href());
    view! {
        <div class="embed-root">
            <Notices messages=notices />
            <main id="main" class="embed-main">
                {move || {
                    let r = route.get();
                    if r.is_card() {
                        view_for(r)
                    } else {
                        view! {
                            <section class="page">
                                <h1>{move || tr("Cette page ne s’intègre pas", "This page cannot be embedded").get(l())}</h1>
                            </section>
                        }
                        .into_any()
                    }
                }}
            </main>
            <p class="embed-foot">
                {move || tr("Calculé dans votre navigateur, rien n’est envoyé ni enregistré. ", "Computed in your browser; nothing is sent or stored. ").get(l())}
                <a href=full_app target="_blank" rel="noopener">
                    {move || tr("Ouvrir dans Cadran", "Open in Cadran").get(l())}
                </a>
            </p>
        </div>
    }
}
