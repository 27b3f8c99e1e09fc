//! The skeleton every KPI card shares: heading and intro, the inputs with
//! a reset button, the results, and "How is this computed?" with the
//! formula (the user's numbers substituted) and its published source.
//!
//! A card file then holds only its fields, its texts, its KPIs and the call
//! to its core function; the layout, the shared words and the wiring of a
//! field to its label, unit and help live here once.

use super::{FieldKind, Fmt, Form, NumberField};
use crate::i18n::{tr, use_prefs, Tr, CORRECT_FIELD};
use crate::pages::page_title;
use crate::router::Route;
use cadran_core::locale::Locale;
use leptos::prelude::*;

/// Words every card uses.
pub struct CardTexts {
    /// Heading of the results column.
    pub results: Tr,
    /// The button that puts the defaults back.
    pub reset: Tr,
    /// Summary of the formula block.
    pub how: Tr,
}

/// The words every card uses.
pub const CARD: CardTexts = CardTexts {
    results: tr("Résultats", "Results"),
    reset: tr("Rétablir les valeurs par défaut", "Restore defaults"),
    how: tr("Comment est-ce calculé ?", "How is this computed?"),
};

/// "Correct “label” to see this result." for the field `key` of `form`.
#[must_use]
pub fn correct_field(form: Form, key: &str, l: Locale) -> String {
    let label = form.spec(key).map_or("", |s| s.label.get(l));
    CORRECT_FIELD.fill(l, &[label])
}

/// The unit shown after field `key`: money takes the currency symbol (and
/// the field's unit word after it, "/ month"), a unit word given with the
/// field wins over the kind's ("points" rather than "%").
#[must_use]
pub fn field_unit(form: Form, key: &str, f: Fmt) -> String {
    let Some(spec) = form.spec(key) else { return String::new() };
    let word = spec.unit.get(f.locale);
    match spec.kind {
        FieldKind::Money if word.is_empty() => f.currency.symbol(f.locale).to_string(),
        FieldKind::Money => format!("{} {word}", f.currency.symbol(f.locale)),
        _ if !word.is_empty() => word.to_string(),
        FieldKind::Percent => "%".to_string(),
        FieldKind::Months => tr("mois", "months").get(f.locale).to_string(),
        _ => String::new(),
    }
}

/// A number field of a card, with the label, unit and help its
/// [`FieldSpec`](super::FieldSpec) gives; `problem` is the core's message
/// for this field, if it rejects the value.
#[component]
pub fn CardField(
    form: Form,
    key: &'static str,
    #[prop(into, optional)] problem: Option<Signal<Option<String>>>,
) -> impl IntoView {
    let prefs = use_prefs();
    let spec = form.spec(key);
    let label = move || spec.map_or("", |s| s.label.get(prefs.locale.get())).to_string();
    let help = spec.filter(|s| !s.help.is_none()).map(|s| Signal::derive(move || s.help.get(prefs.locale.get()).to_string()));
    let unit = Signal::derive(move || field_unit(form, key, Fmt::of(prefs)));
    let problem = problem.unwrap_or_else(|| Signal::derive(|| None));
    match help {
        Some(help) => view! { <NumberField form=form key=key label=Signal::derive(label) unit=unit help=help problem=problem /> }.into_any(),
        None => view! { <NumberField form=form key=key label=Signal::derive(label) unit=unit problem=problem /> }.into_any(),
    }
}

/// A card's page. `inputs` go in the form, before the reset button;
/// `results` in the results column, before the formula block; `how` is the
/// formula block's content (the substituted formulas), `source` its source;
/// `after` spans the page below them.
#[component]
pub fn CalculatorPage(
    route: Route,
    form: Form,
    /// One or two sentences saying what the card computes.
    intro: Tr,
    /// Extra classes of the page (`"mrr-page"`).
    #[prop(optional)]
    class: &'static str,
    inputs: AnyView,
    results: AnyView,
    how: AnyView,
    source: Tr,
    /// What comes below both columns, at full width (a chart).
    #[prop(optional)]
    after: Option<AnyView>,
    /// A note under the intro ("values carried over from the CLV card").
    #[prop(optional)]
    note: Option<AnyView>,
) -> impl IntoView {
    let prefs = use_prefs();
    let l = move || prefs.locale.get();
    let class = if class.is_empty() { "page calculator".to_string() } else { format!("page calculator {class}") };
    view! {
        <section class=class aria-labelledby="page-title">
            <div class="page-head">
                <h1 id="page-title">{move || page_title(route, l())}</h1>
                <p class="intro">{move || intro.get(l())}</p>
                {note}
            </div>
            <div class="calc-grid">
                <form class="inputs" on:submit=|ev| ev.prevent_default()>
                    {inputs}
                    <button type="button" class="secondary" on:click=move |_| form.reset()>{move || CARD.reset.get(l())}</button>
                </form>
                <div class="results" aria-live="polite">
                    <h2>{move || CARD.results.get(l())}</h2>
                    {results}
                    <How source=source>{how}</How>
                </div>
            </div>
            {after}
        </section>
    }
}

/// "How is this computed?": the formulas (children) and their source.
#[component]
pub fn How(source: Tr, children: Children) -> impl IntoView {
    let prefs = use_prefs();
    view! {
        <details class="how">
            <summary>{move || CARD.how.get(prefs.locale.get())}</summary>
            {children()}
            <p class="source">{move || source.get(prefs.locale.get())}</p>
        </details>
    }
}

/// The formulas of a card as a list, one line each, named `name` for tests
/// and the report (`data-formula`).
#[component]
pub fn FormulaList(name: &'static str, #[prop(into)] lines: Signal<Vec<String>>) -> impl IntoView {
    view! {
        <ul class="formulas" data-formula=name>
            {move || lines.get().into_iter().map(|line| view! { <li>{line}</li> }).collect_view()}
        </ul>
    }
}
