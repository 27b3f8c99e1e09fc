//! The time unit of a card's per-period amounts and rates (month or year), as
//! a visible choice: mixing a monthly amount with an annual rate is the most
//! common lifetime-value mistake, so the unit is never implicit.
//!
//! Stored in a [`FieldKind::Choice`](super::FieldKind) field as the number of
//! months in one period (`"1"` or `"12"`), so another card can carry it over
//! with [`crate::handoff::send_to_form`] like any number.

use super::Form;
use crate::i18n::{tr, use_prefs, Tr};
use cadran_core::locale::Locale;
use cadran_core::metrics::period::Period;
use leptos::prelude::*;

/// The period stored in field `key` of a live or stored form (month unless
/// it says 12).
pub fn period_of(v: &dyn crate::kpi::Values, key: &str) -> Period {
    if v.text(key).trim() == "12" {
        Period::Year
    } else {
        Period::Month
    }
}

/// "/ mois", "/ an" (after a currency or %).
#[must_use]
pub fn per_period(p: Period, l: Locale) -> &'static str {
    match p {
        Period::Month => tr("/ mois", "/ month"),
        Period::Year => tr("/ an", "/ year"),
    }
    .get(l)
}

/// "mois", "ans" (a number of periods).
#[must_use]
pub fn periods_word(p: Period, l: Locale) -> &'static str {
    match p {
        Period::Month => tr("mois", "months"),
        Period::Year => tr("ans", "years"),
    }
    .get(l)
}

/// Two radio buttons, "per month" / "per year", bound to `form`'s field `key`.
#[component]
pub fn PeriodChoice(
    form: Form,
    key: &'static str,
    #[prop(into)] legend: Signal<String>,
    #[prop(into, optional)] help: Option<Signal<String>>,
) -> impl IntoView {
    let prefs = use_prefs();
    let text = form.text(key);
    let name = format!("f-{}-{key}", form.id());
    let help_id = format!("{name}-help");
    let option = move |value: &'static str, label: Tr| {
        let id = format!("{name}-{value}");
        let for_id = id.clone();
        view! {
            <label class="choice" for=for_id>
                <input
                    type="radio"
                    id=id
                    name=name.clone()
                    value=value
                    prop:checked=move || (text.get().trim() == "12") == (value == "12")
                    on:change=move |_| text.set(value.to_string())
                />
                <span>{move || label.get(prefs.locale.get())}</span>
            </label>
        }
    };
    view! {
        <fieldset class="period-choice" aria-describedby=help.map(|_| help_id.clone())>
            <legend>{move || legend.get()}</legend>
            <div class="choices">
                {option("1", tr("Par mois", "Per month"))}
                {option("12", tr("Par an", "Per year"))}
            </div>
            {help.map(|h| view! { <p class="help" id=help_id.clone()>{move || h.get()}</p> })}
        </fieldset>
    }
}
