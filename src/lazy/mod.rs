//! Pages loaded on demand, as their own WebAssembly modules.
//!
//! The scenario workbench, the import page and the embed builder are most of
//! Cadran's code but not what a first visit needs (a KPI card or the
//! dashboard). Each is built as its own small binary (`src/bin/`) that the
//! app shell imports the first time its page opens. Each such module repeats
//! Leptos's runtime, which pays off only for pages this large; the smaller
//! KPI cards and the dashboard are instead wasm-split chunks of the shell's
//! own module in release builds (`chunks`, built by `scripts/split-cards.mjs`).
//!
//! - [`host`]: the shell's side — loads a module, mounts it in the page,
//!   forwards language and currency, unmounts it when the page changes.
//! - `chunks` (release builds only): the KPI cards as wasm-split chunks of
//!   the shell's own module, sharing its runtime.
//! - [`guest`]: the module's side — mounts a page with its own reactive
//!   runtime and the preferences context the pages expect.
//!
//! The two sides share nothing but the DOM element, the preferences (passed
//! as codes) and storage, which pages already use to hand numbers over.

#[cfg(cadran_split)]
pub mod chunks;
pub mod guest;
pub mod host;

use cadran_core::locale::{Currency, Locale};

/// A page built as its own module.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LazyPage {
    /// The scenario workbench (`src/bin/cadran-scenarios.rs`).
    Scenarios,
    /// The CSV import page (`src/bin/cadran-import.rs`).
    Import,
    /// The "Embed this calculator" builder (`src/bin/cadran-embed.rs`).
    EmbedBuilder,
}

impl LazyPage {
    /// The module's JavaScript file, next to `index.html` (Trunk writes it
    /// unhashed, like the import worker; the service worker's per-build
    /// cache keeps a build's files together).
    #[must_use]
    pub fn script(self) -> &'static str {
        match self {
            LazyPage::Scenarios => "cadran-scenarios.js",
            LazyPage::Import => "cadran-import.js",
            LazyPage::EmbedBuilder => "cadran-embed.js",
        }
    }
}

/// `fr` or `en`: how the shell tells a module the language.
#[must_use]
pub fn locale_code(l: Locale) -> &'static str {
    match l {
        Locale::Fr => "fr",
        Locale::En => "en",
    }
}

/// The language of a code from [`locale_code`]; French otherwise.
#[must_use]
pub fn locale_from_code(code: &str) -> Locale {
    if code == "en" {
        Locale::En
    } else {
        Locale::Fr
    }
}

/// The currency of an ISO code; euro otherwise.
#[must_use]
pub fn currency_from_code(code: &str) -> Currency {
    Currency::from_code(code).unwrap_or(Currency::Eur)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip() {
        for l in [Locale::Fr, Locale::En] {
            assert_eq!(locale_from_code(locale_code(l)), l, "{l:?}");
        }
        for c in Currency::ALL {
            assert_eq!(currency_from_code(c.code()), c, "{c:?}");
        }
        assert_eq!(locale_from_code("de"), Locale::Fr);
        assert_eq!(currency_from_code("XYZ"), Currency::Eur);
    }

    #[test]
    fn every_module_has_its_own_file() {
        let all = [LazyPage::Scenarios, LazyPage::Import, LazyPage::EmbedBuilder];
        for (i, a) in all.iter().enumerate() {
            assert!(a.script().ends_with(".js"));
            for b in &all[i + 1..] {
                assert_ne!(a.script(), b.script());
            }
        }
    }
}
