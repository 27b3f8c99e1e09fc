//! One module per page. Each page owns its texts and calls one core module.

pub mod arpa;
pub mod cac;
pub mod ces;
pub mod clv;
pub mod csat;
pub mod dashboard;
pub mod embed;
pub mod fcr;
pub mod import;
pub mod mrr;
pub mod nps;
pub mod retention;
pub mod roi;
pub mod scenarios;

use crate::lazy::{host::LazyPageView, LazyPage};
use crate::router::{Route, Section};
use cadran_core::locale::Locale;
use leptos::prelude::*;

/// The title of `route` in `locale` (navigation, `<title>`).
///
/// Each page gives its title through its own `title(locale)`, not a field
/// of its `Texts`: the shell names every page, and reading a title from a
/// page's `Texts` linked that page's whole text table into the shell's
/// first download instead of the page's own chunk or module (shell
/// −13.5 KB gzipped when they were split).
#[must_use]
pub fn page_title(route: Route, l: Locale) -> &'static str {
    match route {
        Route::Roi => roi::title(l),
        Route::Nps => nps::title(l),
        Route::Csat => csat::title(l),
        Route::Ces => ces::title(l),
        Route::Retention => retention::title(l),
        Route::Mrr => mrr::title(l),
        Route::Arpa => arpa::title(l),
        Route::Cac => cac::title(l),
        Route::Clv => clv::title(l),
        Route::Fcr => fcr::title(l),
        Route::Dashboard => dashboard::title(l),
        Route::Scenarios => scenarios::title(l),
        Route::Import => import::title(l),
        Route::Embed => embed::title(l),
        Route::NotFound => crate::i18n::shell_texts(l).not_found,
    }
}

/// The name of a navigation section in `locale`.
#[must_use]
pub fn section_title(section: Section, l: Locale) -> &'static str {
    let fr = l == Locale::Fr;
    match section {
        Section::Kpis => if fr { "Indicateurs" } else { "KPIs" },
        Section::Scenarios => if fr { "Scénarios" } else { "Scenarios" },
        Section::Import => if fr { "Importer" } else { "Import" },
        Section::Embed => if fr { "Intégrer" } else { "Embed" },
    }
}

/// The page component for `route` (the app shell and embed mode share it).
/// The scenario, import and embed-builder pages are modules of their own,
/// loaded when first opened (see [`crate::lazy`]).
#[must_use]
pub fn view_for(route: Route) -> AnyView {
    // The release build loads each card from its own chunk (see `crate::lazy::chunks`).
    #[cfg(cadran_split)]
    if let Some(card) = crate::lazy::chunks::card_view(route) {
        return card;
    }
    match route {
        Route::Roi => view! { <roi::RoiPage /> }.into_any(),
        Route::Nps => view! { <nps::NpsPage /> }.into_any(),
        Route::Csat => view! { <csat::CsatPage /> }.into_any(),
        Route::Ces => view! { <ces::CesPage /> }.into_any(),
        Route::Retention => view! { <retention::RetentionPage /> }.into_any(),
        Route::Mrr => view! { <mrr::MrrPage /> }.into_any(),
        Route::Arpa => view! { <arpa::ArpaPage /> }.into_any(),
        Route::Cac => view! { <cac::CacPage /> }.into_any(),
        Route::Clv => view! { <clv::ClvPage /> }.into_any(),
        Route::Fcr => view! { <fcr::FcrPage /> }.into_any(),
        Route::Dashboard => view! { <dashboard::DashboardPage /> }.into_any(),
        Route::Scenarios => view! { <LazyPageView page=LazyPage::Scenarios /> }.into_any(),
        Route::Import => view! { <LazyPageView page=LazyPage::Import /> }.into_any(),
        Route::Embed => view! { <LazyPageView page=LazyPage::EmbedBuilder /> }.into_any(),
        Route::NotFound => view! { <NotFound /> }.into_any(),
    }
}

/// The page shown for an unknown address.
#[component]
fn NotFound() -> impl IntoView {
    let prefs = crate::i18n::use_prefs();
    view! {
        <section class="page">
            <h1 id="page-title">{move || crate::i18n::shell_texts(prefs.locale.get()).not_found}</h1>
            <p><a href="#/dashboard">{move || page_title(Route::Dashboard, prefs.locale.get())}</a></p>
        </section>
    }
}
