//! The user's language and currency, shared through context and remembered.

use crate::persistence;
use cadran_core::locale::{Currency, Locale};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// Language and currency, as a context newtype so that `expect_context`
/// can't confuse it with any other pair of signals.
#[derive(Clone, Copy)]
pub struct Prefs {
    /// Interface language (also the number conventions).
    pub locale: RwSignal<Locale>,
    /// Currency used to write money.
    pub currency: RwSignal<Currency>,
}

#[derive(Serialize, Deserialize)]
struct StoredPrefs {
    locale: Locale,
    currency: Currency,
}

const KEY: &str = "prefs";

impl Prefs {
    /// Preferences from storage, else French when the browser speaks French,
    /// English otherwise, and euros.
    #[must_use]
    pub fn load() -> Self {
        let stored: Option<StoredPrefs> = persistence::load(KEY);
        let (locale, currency) = match stored {
            Some(p) => (p.locale, p.currency),
            None => (browser_locale(), Currency::Eur),
        };
        Self { locale: RwSignal::new(locale), currency: RwSignal::new(currency) }
    }

    /// Remembers the current choice.
    pub fn save(&self) {
        persistence::save(
            KEY,
            &StoredPrefs { locale: self.locale.get_untracked(), currency: self.currency.get_untracked() },
        );
    }
}

/// French when the browser's preferred language is French, else English.
fn browser_locale() -> Locale {
    let lang = window().navigator().language().unwrap_or_default();
    if lang.to_ascii_lowercase().starts_with("fr") {
        Locale::Fr
    } else {
        Locale::En
    }
}

/// The preferences provided by the app shell.
#[must_use]
pub fn use_prefs() -> Prefs {
    expect_context::<Prefs>()
}
