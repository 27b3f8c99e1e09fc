//! "Use my ARPA and CLV": the money part of the A/B card takes the values the
//! user already worked out on the ARPA and CLV cards, instead of asking for
//! them again. The values come from those cards' stored forms through the KPI
//! registry ([`crate::kpi::find`]), so each is computed by its own card's core
//! call, never here.
//!
//! Reading them links every card's formulas, so in the split build the
//! lookup is a chunk of its own, fetched when the button is pressed: a first
//! visit to the A/B card does not download the other cards.

use crate::components::{fmt_money, Fmt, Form};
use crate::i18n::{tr, use_prefs, Tr};
use crate::kpi;
use cadran_core::Decimal;
use leptos::prelude::*;

/// The CLV cards' KPIs, the one a consultant would quote first: discounted,
/// then margin ÷ churn, then the simple formula.
const CLV_KEYS: [&str; 3] = ["clv_discounted", "clv_margin_churn", "clv_simple"];

const BUTTON: Tr = tr("Reprendre les valeurs des fiches ARPA et CLV", "Use the values of the ARPA and CLV cards");
const NONE_YET: Tr = tr(
    "Les fiches ARPA et CLV n’ont pas encore de valeur : remplissez-les d’abord, ou saisissez les montants ici.",
    "The ARPA and CLV cards have no value yet: fill them in first, or type the amounts here.",
);
const TAKEN: Tr = tr("Repris : {}.", "Taken: {}.");
const FAILED: Tr = tr("Cette partie n’a pas pu être chargée ; réessayez une fois en ligne.", "This part could not be loaded; try again once online.");

/// A KPI's value from its card, when the card was filled in and computes.
fn from_card(key: &str) -> Option<Decimal> {
    kpi::find(key)?.stored_value()?.ok()
}

/// The ARPA card's ARPA and the first CLV the CLV card computes.
fn card_values() -> (Option<Decimal>, Option<Decimal>) {
    (from_card("arpa"), CLV_KEYS.iter().find_map(|k| from_card(k)))
}

#[cfg(cadran_split)]
#[leptos::wasm_split::wasm_split(ab_card_values, wasm_split_path = ::leptos::wasm_split, fallible)]
fn card_values_chunk() -> Result<(Option<Decimal>, Option<Decimal>), leptos::wasm_split::SplitLoaderError> {
    Ok(card_values())
}

/// [`card_values`], from its chunk in the split build; `None` when the chunk
/// could not be fetched.
async fn load_card_values() -> Option<(Option<Decimal>, Option<Decimal>)> {
    #[cfg(cadran_split)]
    {
        card_values_chunk().await.ok()
    }
    #[cfg(not(cadran_split))]
    {
        Some(card_values())
    }
}

/// A button that fills the `arpa` and `clv` fields from their cards and says
/// what it took (or why it took nothing).
#[component]
pub fn FromCards(form: Form) -> impl IntoView {
    let prefs = use_prefs();
    let l = move || prefs.locale.get();
    let said = RwSignal::new(None::<String>);
    let fill = move |_| {
        leptos::task::spawn_local(async move {
            let f = Fmt::of(prefs);
            let words = match load_card_values().await {
                None => FAILED.get(f.locale).to_string(),
                Some((None, None)) => NONE_YET.get(f.locale).to_string(),
                Some((arpa, clv)) => {
                    let mut parts = Vec::new();
                    if let Some(a) = arpa {
                        form.set_number("arpa", a);
                        parts.push(format!("ARPA {}", fmt_money(a, f)));
                    }
                    if let Some(c) = clv {
                        form.set_number("clv", c);
                        parts.push(format!("CLV {}", fmt_money(c, f)));
                    }
                    TAKEN.fill(f.locale, &[&parts.join(", ")])
                }
            };
            said.set(Some(words));
        });
    };
    view! {
        <p class="from-cards">
            <button type="button" class="secondary" on:click=fill>{move || BUTTON.get(l())}</button>
            <span class="help" role="status">{move || said.get()}</span>
        </p>
    }
}
