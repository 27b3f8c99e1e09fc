//! KPI cards as chunks of the shell's own module (release builds).
//!
//! The ten cards are about half of the shell's WebAssembly, yet a visitor —
//! above all one arriving from a marketing site's embedded calculator —
//! opens one of them. Making each card a page module like the scenario
//! workbench would repeat Leptos's runtime in every one (≈ 90 KB gz each,
//! measured). Instead the release build is split with wasm-split: each
//! card's view code becomes a small `.wasm` chunk that shares the shell's
//! memory, runtime and components and is fetched the first time the card
//! opens (the service worker precaches the chunks for offline use).
//!
//! The shell's host for the page modules (scenarios, import, embed builder)
//! is a chunk too: card visitors never run it.
//!
//! Only the build made by `scripts/split-cards.mjs` sets `--cfg cadran_split`
//! (it runs wasm-split between `cargo build` and `wasm-bindgen`, which Trunk
//! cannot do). Every other build — `trunk serve`, the wasm-bindgen tests,
//! the page modules — keeps [`crate::pages::view_for`]'s direct, synchronous
//! views, so this file is all the split build changes.

use crate::lazy::host::{load_texts, LazyPageView, LoadFailed};
use crate::lazy::LazyPage;
use crate::i18n::use_prefs;
use crate::pages::{arpa, cac, ces, clv, csat, dashboard, fcr, mrr, nps, retention, roi};
use crate::router::Route;
use leptos::prelude::*;
use leptos::wasm_split::{wasm_split, SplitLoaderError};
use send_wrapper::SendWrapper;
use std::future::Future;

/// One function per card: the split point `wasm_split` turns into an `async`
/// function that loads the chunk first. `fallible`: a chunk that cannot be
/// fetched (offline before the first visit cached it) is an error the page
/// shows in words, not a panic.
macro_rules! chunk {
    ($name:ident, $module:ident :: $page:ident) => {
        #[wasm_split($name, wasm_split_path = ::leptos::wasm_split, fallible)]
        fn $name() -> Result<AnyView, SplitLoaderError> {
            Ok(view! { <$module::$page /> }.into_any())
        }
    };
}

chunk!(card_roi, roi::RoiPage);
chunk!(card_nps, nps::NpsPage);
chunk!(card_csat, csat::CsatPage);
chunk!(card_ces, ces::CesPage);
chunk!(card_retention, retention::RetentionPage);
chunk!(card_mrr, mrr::MrrPage);
chunk!(card_arpa, arpa::ArpaPage);
chunk!(card_cac, cac::CacPage);
chunk!(card_clv, clv::ClvPage);
chunk!(card_fcr, fcr::FcrPage);
chunk!(page_dashboard, dashboard::DashboardPage);

/// The shell's side of the three pages that are modules of their own
/// ([`LazyPageView`]: import, mount, language changes, unmount) is itself a
/// chunk: a visit to a card never runs it, and it is the first step of a
/// visit to those pages, which then fetch their own, much larger module.
#[wasm_split(page_module, wasm_split_path = ::leptos::wasm_split, fallible)]
fn page_module(page: LazyPage) -> Result<AnyView, SplitLoaderError> {
    Ok(view! { <LazyPageView page=page /> }.into_any())
}

/// The view of `route` from its chunk — a card, the dashboard, or the shell's
/// side of a page module; `None` for the pages that stay in the shell.
#[must_use]
pub fn card_view(route: Route) -> Option<AnyView> {
    Some(match route {
        Route::Roi => show(card_roi),
        Route::Nps => show(card_nps),
        Route::Csat => show(card_csat),
        Route::Ces => show(card_ces),
        Route::Retention => show(card_retention),
        Route::Mrr => show(card_mrr),
        Route::Arpa => show(card_arpa),
        Route::Cac => show(card_cac),
        Route::Clv => show(card_clv),
        Route::Fcr => show(card_fcr),
        Route::Dashboard => show(page_dashboard),
        Route::Scenarios => show(|| page_module(LazyPage::Scenarios)),
        Route::Import => show(|| page_module(LazyPage::Import)),
        Route::Embed => show(|| page_module(LazyPage::EmbedBuilder)),
        _ => return None,
    })
}

/// The view `load` gives once its chunk is there; meanwhile the loading line,
/// and if the chunk cannot be fetched, why, with a button to try again.
fn show<F>(load: impl Fn() -> F + Copy + Send + Sync + 'static) -> AnyView
where
    F: Future<Output = Result<AnyView, SplitLoaderError>> + 'static,
{
    let prefs = use_prefs();
    let attempt = RwSignal::new(0_u32);
    let t = move || load_texts(prefs.locale.get());
    view! {
        <Suspense fallback=move || view! { <p class="lazy-status" role="status">{move || t().0}</p> }>
            {move || {
                attempt.track();
                // The chunk's future is not `Send` (it never leaves this
                // thread: the browser has one); `Suspend` asks for `Send`.
                let loading = SendWrapper::new(load());
                Suspend::new(async move {
                    match loading.await {
                        Ok(view) => view,
                        Err(why) => view! { <LoadFailed why=why.to_string() retry=attempt /> }.into_any(),
                    }
                })
            }}
        </Suspense>
    }
    .into_any()
}
