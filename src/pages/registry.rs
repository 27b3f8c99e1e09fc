//! The `pages!` macro that turns the table in [`crate::pages`] into the
//! route enum, the titles, the views, the split build's chunks and the KPI
//! registry, so that none of them can forget a page.
//!
//! A macro rather than a `const` table of structs because the release build
//! needs one `#[wasm_split]` function per card (a chunk is a function), and
//! because a table holding every page's view or KPI functions, read by the
//! shell's navigation, would link every card into the shell's first download.

use crate::i18n::{use_prefs, SHELL};
use crate::router::Route;
use leptos::prelude::*;

/// Expands the page table (see [`crate::pages`]).
macro_rules! pages {
    (
        cards: [ $( $(#[doc = $cdoc:literal])* $card:ident = $cpath:literal, tr($cfr:literal, $cen:literal), nav($nfr:literal, $nen:literal) => $cm:ident :: $cc:ident in $chunk:ident ),* $(,)? ]
        others: [ $( $(#[doc = $odoc:literal])* $page:ident = $opath:literal, tr($ofr:literal, $oen:literal) in $section:ident => $kind:ident $args:tt ),* $(,)? ]
    ) => {
        /// Every page of the app (declared in the table of [`crate::pages`]).
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Route {
            $( $(#[doc = $cdoc])* $card, )*
            $( $(#[doc = $odoc])* $page, )*
            /// An address that matches no page.
            NotFound,
        }

        impl Route {
            /// The KPI calculator cards, in the order of the navigation.
            pub const CARDS: &'static [Route] = &[$(Route::$card),*];

            /// Every page reachable from the navigation: the cards, then the others.
            pub const ALL: &'static [Route] = &[$(Route::$card,)* $(Route::$page),*];

            /// The page's path after `#`, e.g. `/nps`.
            #[must_use]
            pub fn path(self) -> &'static str {
                match self {
                    $( Route::$card => concat!("/", $cpath), )*
                    $( Route::$page => concat!("/", $opath), )*
                    Route::NotFound => "/404",
                }
            }

            /// The section of the navigation the page belongs to.
            #[must_use]
            pub fn section(self) -> $crate::router::Section {
                match self {
                    $( Route::$page => $crate::router::Section::$section, )*
                    _ => $crate::router::Section::Kpis,
                }
            }
        }

        /// The title of `route` in `locale` (navigation, heading, `<title>`).
        ///
        /// The titles are in the page table rather than in each page's texts:
        /// the shell names every page, and a title read from a page's texts
        /// table would link that page's whole table into the shell.
        #[must_use]
        pub fn page_title(route: Route, l: ::cadran_core::locale::Locale) -> &'static str {
            match route {
                $( Route::$card => $crate::i18n::tr($cfr, $cen).get(l), )*
                $( Route::$page => $crate::i18n::tr($ofr, $oen).get(l), )*
                Route::NotFound => $crate::i18n::SHELL.not_found.get(l),
            }
        }

        /// The short name of `route` in the navigation: the card's
        /// abbreviation (NPS, CAC…), so every page's link fits on screen.
        #[must_use]
        pub fn nav_label(route: Route, l: ::cadran_core::locale::Locale) -> &'static str {
            match route {
                $( Route::$card => $crate::i18n::tr($nfr, $nen).get(l), )*
                other => page_title(other, l),
            }
        }

        /// Every card's KPIs (see [`crate::kpi`]), in the order of the cards.
        pub const CARD_KPIS: &[&[$crate::kpi::Kpi]] = &[$($cm::KPIS),*];

        /// The page component for `route` (the app shell and embed mode share
        /// it). In the release build each card and the dashboard come from
        /// their own chunk, and the pages that are modules of their own are
        /// loaded through the shell's host chunk (see [`crate::lazy`]).
        #[must_use]
        pub fn view_for(route: Route) -> AnyView {
            match route {
                $( Route::$card => pages!(@view chunk ($cm::$cc in $chunk)), )*
                $( Route::$page => pages!(@view $kind $args), )*
                Route::NotFound => view! { <$crate::pages::NotFound /> }.into_any(),
            }
        }

        $( pages!(@chunk chunk ($cm::$cc in $chunk)); )*
        $( pages!(@chunk $kind $args); )*

        /// The pages as the end-to-end tests list them (`tests/e2e/routes.json`).
        #[must_use]
        pub fn routes_json() -> String {
            let names = |routes: &[Route]| routes.iter().map(|r| format!("\"{}\"", &r.path()[1..])).collect::<Vec<_>>().join(", ");
            format!("{{\n  \"cards\": [{}],\n  \"all\": [{}]\n}}\n", names(Route::CARDS), names(Route::ALL))
        }
    };

    (@view chunk ($m:ident :: $c:ident in $chunk:ident)) => {{
        #[cfg(cadran_split)]
        { $crate::lazy::chunks::show($chunk) }
        #[cfg(not(cadran_split))]
        { view! { <$m::$c /> }.into_any() }
    }};
    (@view module ($m:ident, $lazy:ident)) => {{
        #[cfg(cadran_split)]
        { $crate::lazy::chunks::show(|| $crate::lazy::chunks::page_module($crate::lazy::LazyPage::$lazy)) }
        #[cfg(not(cadran_split))]
        { view! { <$crate::lazy::host::LazyPageView page=$crate::lazy::LazyPage::$lazy /> }.into_any() }
    }};

    (@chunk chunk ($m:ident :: $c:ident in $chunk:ident)) => {
        /// The page's view from its own chunk. `fallible`: a chunk that
        /// cannot be fetched is an error the page shows in words.
        #[cfg(cadran_split)]
        #[::leptos::wasm_split::wasm_split($chunk, wasm_split_path = ::leptos::wasm_split, fallible)]
        fn $chunk() -> Result<AnyView, ::leptos::wasm_split::SplitLoaderError> {
            Ok(view! { <$m::$c /> }.into_any())
        }
    };
    (@chunk module ($m:ident, $lazy:ident)) => {};
}

pub(crate) use pages;

/// The page shown for an unknown address.
#[component]
pub fn NotFound() -> impl IntoView {
    let prefs = use_prefs();
    view! {
        <section class="page">
            <h1 id="page-title">{move || SHELL.not_found.get(prefs.locale.get())}</h1>
            <p><a href="#/dashboard">{move || crate::pages::page_title(Route::Dashboard, prefs.locale.get())}</a></p>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use crate::pages::{routes_json, CARD_KPIS};
    use crate::router::Route;

    /// The end-to-end tests read the list of pages from this file; it must be
    /// the registry's. `CADRAN_WRITE_ROUTES=1` rewrites it.
    #[test]
    fn routes_json_is_the_registry() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/e2e/routes.json");
        let want = routes_json();
        if std::env::var_os("CADRAN_WRITE_ROUTES").is_some() {
            std::fs::write(path, &want).expect("write routes.json");
        }
        let have = std::fs::read_to_string(path).unwrap_or_default();
        assert_eq!(have, want, "tests/e2e/routes.json is out of date: run CADRAN_WRITE_ROUTES=1 cargo test -p cadran --lib routes_json");
    }

    /// Every field of every card has its label, in both languages, and a
    /// help or unit given in one language is given in the other.
    #[test]
    fn every_field_has_its_words_in_both_languages() {
        use cadran_core::locale::Locale;
        for kpi in CARD_KPIS.iter().flat_map(|k| k.iter()) {
            for f in kpi.fields {
                for l in [Locale::Fr, Locale::En] {
                    assert!(!f.label.get(l).is_empty(), "{:?} field {} has no {l:?} label", kpi.route, f.key);
                }
                for (what, t) in [("help", f.help), ("unit", f.unit)] {
                    assert_eq!(t.fr.is_empty(), t.en.is_empty(), "{:?} field {}: {what} in one language only", kpi.route, f.key);
                }
            }
        }
    }

    #[test]
    fn every_card_has_kpis_and_every_path_is_unique() {
        assert_eq!(CARD_KPIS.len(), Route::CARDS.len());
        for (card, kpis) in Route::CARDS.iter().zip(CARD_KPIS) {
            assert!(!kpis.is_empty(), "{card:?} registers no KPI");
            assert!(kpis.iter().all(|k| k.route == *card), "{card:?}'s KPIS name another route");
        }
        let mut paths: Vec<_> = Route::ALL.iter().map(|r| r.path()).collect();
        paths.sort_unstable();
        paths.dedup();
        assert_eq!(paths.len(), Route::ALL.len(), "two pages share a path");
    }
}
