//! Customer retention and churn over a period. Formulas:
//! [`cadran_core::metrics::retention`].

use crate::components::{fmt_count, fmt_exact, fmt_percent, FieldKind, FieldSpec, Fmt, Form, NumberField, Output, OutputValue, TargetControl};
use crate::i18n::{describe_problem, field_help, field_label, use_prefs, FieldText};
use crate::kpi::{Kpi, Unit, Values, NEAR_10_PERCENT};
use crate::router::Route;
use cadran_core::metrics::target::Direction;
use cadran_core::locale::Locale;
use cadran_core::metrics::retention::{churn_rate, lost_customers, retention_rate, ChurnInputs, RetentionInputs};
use cadran_core::{MetricError, Outcome, Percent};
use leptos::prelude::*;

/// The form's fields: names are the core's field names.
pub const FIELDS: &[FieldSpec] = &[
    FieldSpec::new("customers_start", FieldKind::Count, "500"),
    FieldSpec::new("customers_end", FieldKind::Count, "520"),
    FieldSpec::new("new_customers", FieldKind::Count, "60"),
];

/// The KPIs of this card (see [`crate::kpi`]).
pub const KPIS: &[Kpi] = &[
    Kpi {
        key: "retention",
        route: Route::Retention,
        form_id: "retention",
        fields: FIELDS,
        label: ("Taux de rétention client", "Customer retention rate"),
        unit: Unit::Percent,
        direction: Direction::AtLeast,
        near: NEAR_10_PERCENT,
        read: |v| retention_rate(&inputs(v)).map(|r| r.rate.0),
    },
    Kpi {
        key: "churn",
        route: Route::Retention,
        form_id: "retention",
        fields: FIELDS,
        label: ("Taux d’attrition client", "Customer churn rate"),
        unit: Unit::Percent,
        direction: Direction::AtMost,
        near: NEAR_10_PERCENT,
        read: |v| churn(v).map(|c| c.0),
    },
];

/// The core's inputs from the card's fields.
fn inputs(v: &dyn Values) -> RetentionInputs {
    RetentionInputs {
        customers_start: v.value("customers_start"),
        customers_end: v.value("customers_end"),
        new_customers: v.value("new_customers"),
    }
}

/// Churn over the period: customers lost (S + N − E), then lost ÷ S.
fn churn(v: &dyn Values) -> Outcome<Percent> {
    let lost = lost_customers(&inputs(v))?;
    churn_rate(&ChurnInputs { customers_start: v.value("customers_start"), customers_lost: lost }).map(|c| c.rate)
}

/// The page's texts.
pub struct Texts {
    intro: &'static str,
    period: &'static str,
    results: &'static str,
    reset: &'static str,
    how: &'static str,
    source: &'static str,
    retention: &'static str,
    churn: &'static str,
    lost: &'static str,
    labels: &'static [FieldText],
}

const FR: Texts = Texts {
    intro: "Sur une période (mois, trimestre ou année) : la part des clients du début encore là à la fin, et la part perdue.",
    period: "Clients sur la période",
    results: "Résultats",
    reset: "Rétablir les valeurs par défaut",
    how: "Comment est-ce calculé ?",
    source: "Source : taux de rétention client = (E − N) ÷ S × 100 (HubSpot, « How to Calculate Customer Retention Rate » ; Harvard Business School Online). Attrition = clients perdus ÷ S × 100, avec perdus = S + N − E.",
    retention: "Taux de rétention",
    churn: "Taux d’attrition",
    lost: "Clients perdus",
    labels: &[
        ("customers_start", "Clients au début (S)", ""),
        ("customers_end", "Clients à la fin (E)", ""),
        ("new_customers", "Nouveaux clients pendant la période (N)", "Clients acquis entre le début et la fin."),
    ],
};

const EN: Texts = Texts {
    intro: "Over a period (month, quarter or year): the share of the customers you had at the start who are still there at the end, and the share you lost.",
    period: "Customers over the period",
    results: "Results",
    reset: "Restore defaults",
    how: "How is this computed?",
    source: "Source: customer retention rate = (E − N) ÷ S × 100 (HubSpot, “How to Calculate Customer Retention Rate”; Harvard Business School Online). Churn = customers lost ÷ S × 100, with lost = S + N − E.",
    retention: "Retention rate",
    churn: "Churn rate",
    lost: "Customers lost",
    labels: &[
        ("customers_start", "Customers at the start (S)", ""),
        ("customers_end", "Customers at the end (E)", ""),
        ("new_customers", "New customers during the period (N)", "Customers acquired between the start and the end."),
    ],
};

/// The page's texts in `l`.
#[must_use]
pub fn texts(l: Locale) -> &'static Texts {
    match l {
        Locale::Fr => &FR,
        Locale::En => &EN,
    }
}

/// The page's title in `l` (its heading, the navigation, the tab's
/// title); outside [`Texts`] for the reason given at [`crate::pages::page_title`].
#[must_use]
pub fn title(l: Locale) -> &'static str {
    match l {
        Locale::Fr => "Rétention et attrition",
        Locale::En => "Retention and churn",
    }
}

fn label(key: &str, l: Locale) -> String {
    field_label(texts(l).labels, key)
}

/// The retention and churn calculator.
#[component]
pub fn RetentionPage() -> impl IntoView {
    let prefs = use_prefs();
    let form = Form::new("retention", FIELDS);
    let t = move || texts(prefs.locale.get());
    let inputs = move || inputs(&form);
    let retention = Memo::new(move |_| retention_rate(&inputs()));
    let lost = Memo::new(move |_| lost_customers(&inputs()));
    let churn = Memo::new(move |_| churn(&form));
    let problem = move |key: &'static str| {
        Signal::derive(move || {
            let l = prefs.locale.get();
            [retention.get().err(), lost.get().err()].into_iter().flatten().find_map(|e| match e {
                MetricError::Invalid(ie) if ie.field.0 == key => {
                    let other = match &ie.problem {
                        cadran_core::InputProblem::Exceeds { other, .. } => label(other.0, l),
                        _ => String::new(),
                    };
                    Some(describe_problem(&ie.problem, &other, l))
                }
                _ => None,
            })
        })
    };
    let field = move |key: &'static str| {
        view! {
            <NumberField
                form=form
                key=key
                label=Signal::derive(move || label(key, prefs.locale.get()))
                unit=Signal::derive(move || if prefs.locale.get() == Locale::Fr { "clients" } else { "customers" }.to_string())
                help=Signal::derive(move || field_help(t().labels, key).unwrap_or_default().to_string())
                problem=problem(key)
            />
        }
    };
    let pct = move |o: Outcome<Percent>| {
        let f = Fmt::of(prefs);
        OutputValue::from_outcome(o, f, label, |p| (fmt_percent(p, f), fmt_exact(p.0, f)))
    };
    let how = move || {
        let f = Fmt::of(prefs);
        let i = inputs();
        let n = |d| fmt_count(d, f);
        match (retention.get(), churn.get(), lost.get()) {
            (Ok(r), Ok(c), Ok(lost)) => vec![
                format!("{} = ({} − {}) ÷ {} × 100 = {}", t().retention, n(i.customers_end), n(i.new_customers), n(i.customers_start), fmt_percent(r.rate, f)),
                format!("{} = {} + {} − {} = {}", t().lost, n(i.customers_start), n(i.new_customers), n(i.customers_end), n(lost)),
                format!("{} = {} ÷ {} × 100 = {}", t().churn, n(lost), n(i.customers_start), fmt_percent(c, f)),
            ],
            _ => vec![format!("{} = (E − N) ÷ S × 100", t().retention)],
        }
    };
    view! {
        <section class="page calculator" aria-labelledby="page-title">
            <div class="page-head">
                <h1 id="page-title">{move || title(prefs.locale.get())}</h1>
                <p class="intro">{move || t().intro}</p>
            </div>
            <div class="calc-grid">
                <form class="inputs" on:submit=|ev| ev.prevent_default()>
                    <fieldset>
                        <legend>{move || t().period}</legend>
                        {field("customers_start")}
                        {field("customers_end")}
                        {field("new_customers")}
                    </fieldset>
                    <button type="button" class="secondary" on:click=move |_| form.reset()>{move || t().reset}</button>
                </form>
                <div class="results" aria-live="polite">
                    <h2>{move || t().results}</h2>
                    <Output name="retention" primary=true label=Signal::derive(move || t().retention.to_string())
                        value=Signal::derive(move || pct(retention.get().map(|r| r.rate))) />
                    <Output name="churn" label=Signal::derive(move || t().churn.to_string())
                        value=Signal::derive(move || pct(churn.get())) />
                    <Output name="lost" label=Signal::derive(move || t().lost.to_string())
                        value=Signal::derive(move || {
                            let f = Fmt::of(prefs);
                            OutputValue::from_outcome(lost.get(), f, label, |v| (fmt_count(v, f), fmt_exact(v, f)))
                        }) />
                    <TargetControl kpi=&KPIS[0] form=form />
                    <TargetControl kpi=&KPIS[1] form=form />
                    <details class="how">
                        <summary>{move || t().how}</summary>
                        <ul class="formulas" data-formula="retention">
                            {move || how().into_iter().map(|line| view! { <li>{line}</li> }).collect_view()}
                        </ul>
                        <p class="source">{move || t().source}</p>
                    </details>
                </div>
            </div>
        </section>
    }
}
