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
//! views; the split points themselves are generated from the page table
//! (`pages!` in src/pages/registry.rs), so no card can be missing here.

use crate::i18n::{use_prefs, Tr};
use crate::lazy::host::{LazyPageView, LoadFailed, LOADING};
use crate::lazy::LazyPage;
use leptos::prelude::*;
use leptos::wasm_split::{wasm_split, SplitLoaderError};
use send_wrapper::SendWrapper;
use std::future::Future;

// The cards' and the dashboard's split points are generated from the page
// table by `pages!` (src/pages/registry.rs), next to their pages.

/// The shell's side of the three pages that are modules of their own
/// ([`LazyPageView`]: import, mount, language changes, unmount) is itself a
/// chunk: a visit to a card never runs it, and it is the first step of a
/// visit to those pages, which then fetch their own, much larger module.
#[wasm_split(page_module, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn page_module(page: LazyPage) -> Result<AnyView, SplitLoaderError> {
    Ok(view! { <LazyPageView page=page /> }.into_any())
}

/// The view `load` gives once its chunk is there; meanwhile the loading line,
/// and if the chunk cannot be fetched, why, with a button to try again.
pub fn show<F>(load: impl Fn() -> F + Copy + Send + Sync + 'static) -> AnyView
where
    F: Future<Output = Result<AnyView, SplitLoaderError>> + 'static,
{
    show_with(load, LOADING)
}

/// [`show`] for a part of a page (a chart): `loading` says what is coming.
pub fn show_with<F>(load: impl Fn() -> F + Copy + Send + Sync + 'static, loading: Tr) -> AnyView
where
    F: Future<Output = Result<AnyView, SplitLoaderError>> + 'static,
{
    let prefs = use_prefs();
    let attempt = RwSignal::new(0_u32);
    view! {
        <Suspense fallback=move || view! { <p class="lazy-status" role="status">{move || loading.get(prefs.locale.get())}</p> }>
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
