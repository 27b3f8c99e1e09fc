//! Customer retention and churn over a period. Formulas:
//! [`cadran_core::metrics::retention`].

use crate::components::{
    fmt_count, fmt_exact, fmt_percent, FieldLabels, CalculatorPage, FormulaList, CardField, FieldKind, FieldSpec, Fmt, Form, Output, OutputValue,
    TargetControl,
};
use crate::i18n::{describe_problem, tr, use_prefs, Tr};
use crate::kpi::{Kpi, Unit, Values, NEAR_10_PERCENT};
use crate::router::Route;
use cadran_core::metrics::target::Direction;
use cadran_core::metrics::retention::{churn_rate, lost_customers, retention_rate, ChurnInputs, RetentionInputs};
use cadran_core::{InputError, MetricError, Outcome, Percent};
use leptos::prelude::*;

/// The form's fields: names are the core's field names.
pub const FIELDS: &[FieldSpec] = &[
    FieldSpec::new("customers_start", FieldKind::Count, "500").label(tr("Clients au début (S)", "Customers at the start (S)")).unit(CUSTOMERS),
    FieldSpec::new("customers_end", FieldKind::Count, "520").label(tr("Clients à la fin (E)", "Customers at the end (E)")).unit(CUSTOMERS),
    FieldSpec::new("new_customers", FieldKind::Count, "60")
        .label(tr("Nouveaux clients pendant la période (N)", "New customers during the period (N)"))
        .help(tr("Clients acquis entre le début et la fin.", "Customers acquired between the start and the end."))
        .unit(CUSTOMERS),
];

const CUSTOMERS: Tr = tr("clients", "customers");

/// The KPIs of this card (see [`crate::kpi`]).
pub const KPIS: &[Kpi] = &[
    Kpi {
        key: "retention",
        route: Route::Retention,
        form_id: "retention",
        fields: FIELDS,
        label: tr("Taux de rétention client", "Customer retention rate"),
        unit: Unit::Percent,
        direction: Direction::AtLeast,
        near: NEAR_10_PERCENT,
        read: |v| retention_rate(&inputs(v)?).map(|r| r.rate.0),
    },
    Kpi {
        key: "churn",
        route: Route::Retention,
        form_id: "retention",
        fields: FIELDS,
        label: tr("Taux d’attrition client", "Customer churn rate"),
        unit: Unit::Percent,
        direction: Direction::AtMost,
        near: NEAR_10_PERCENT,
        read: |v| churn(v).map(|c| c.0),
    },
];

/// The core's inputs from the card's fields.
fn inputs(v: &dyn Values) -> Result<RetentionInputs, InputError> {
    Ok(RetentionInputs {
        customers_start: v.value("customers_start")?,
        customers_end: v.value("customers_end")?,
        new_customers: v.value("new_customers")?,
    })
}

/// Churn over the period: customers lost (S + N − E), then lost ÷ S.
fn churn(v: &dyn Values) -> Outcome<Percent> {
    let lost = lost_customers(&inputs(v)?)?;
    churn_rate(&ChurnInputs { customers_start: v.value("customers_start")?, customers_lost: lost }).map(|c| c.rate)
}

/// The page's texts.
struct Texts {
    intro: Tr,
    period: Tr,
    source: Tr,
    retention: Tr,
    churn: Tr,
    lost: Tr,
}

const T: Texts = Texts {
    intro: tr(
        "Sur une période (mois, trimestre ou année) : la part des clients du début encore là à la fin, et la part perdue.",
        "Over a period (month, quarter or year): the share of the customers you had at the start who are still there at the end, and the share you lost.",
    ),
    period: tr("Clients sur la période", "Customers over the period"),
    source: tr(
        "Source : taux de rétention client = (E − N) ÷ S × 100 (HubSpot, « How to Calculate Customer Retention Rate » ; Harvard Business School Online). Attrition = clients perdus ÷ S × 100, avec perdus = S + N − E.",
        "Source: customer retention rate = (E − N) ÷ S × 100 (HubSpot, “How to Calculate Customer Retention Rate”; Harvard Business School Online). Churn = customers lost ÷ S × 100, with lost = S + N − E.",
    ),
    retention: tr("Taux de rétention", "Retention rate"),
    churn: tr("Taux d’attrition", "Churn rate"),
    lost: tr("Clients perdus", "Customers lost"),
};


/// The retention and churn calculator.
#[component]
pub fn RetentionPage() -> impl IntoView {
    let prefs = use_prefs();
    let form = Form::new("retention", FIELDS);
    let l = move || prefs.locale.get();
    let inputs = move || inputs(&form);
    let retention = Memo::new(move |_| retention_rate(&inputs()?));
    let lost = Memo::new(move |_| lost_customers(&inputs()?));
    let churn = Memo::new(move |_| churn(&form));
    let problem = move |key: &'static str| {
        Signal::derive(move || {
            let l = prefs.locale.get();
            [retention.get().err(), lost.get().err()].into_iter().flatten().find_map(|e| match e {
                MetricError::Invalid(ie) if ie.field.0 == key => {
                    let other = match &ie.problem {
                        cadran_core::InputProblem::Exceeds { other, .. } => FIELDS.label(other.0, l),
                        _ => String::new(),
                    };
                    Some(describe_problem(&ie.problem, &other, l))
                }
                _ => None,
            })
        })
    };
    let field = move |key: &'static str| view! { <CardField form=form key=key problem=problem(key) /> };
    let text = move |t: Tr| Signal::derive(move || t.get(l()).to_string());
    let pct = move |o: Outcome<Percent>| {
        let f = Fmt::of(prefs);
        OutputValue::from_outcome(o, f, |k, l| FIELDS.label(k, l), |p| (fmt_percent(p, f), fmt_exact(p.0, f)))
    };
    let how = move || {
        let f = Fmt::of(prefs);
        let n = |d| fmt_count(d, f);
        match (inputs(), retention.get(), churn.get(), lost.get()) {
            (Ok(i), Ok(r), Ok(c), Ok(lost)) => vec![
                format!("{} = ({} − {}) ÷ {} × 100 = {}", T.retention.get(f.locale), n(i.customers_end), n(i.new_customers), n(i.customers_start), fmt_percent(r.rate, f)),
                format!("{} = {} + {} − {} = {}", T.lost.get(f.locale), n(i.customers_start), n(i.new_customers), n(i.customers_end), n(lost)),
                format!("{} = {} ÷ {} × 100 = {}", T.churn.get(f.locale), n(lost), n(i.customers_start), fmt_percent(c, f)),
            ],
            _ => vec![format!("{} = (E − N) ÷ S × 100", T.retention.get(f.locale))],
        }
    };
    view! {
        <CalculatorPage
            route=Route::Retention
            form=form
            intro=T.intro
            source=T.source
            inputs=view! {
                <fieldset>
                    <legend>{move || T.period.get(l())}</legend>
                    {field("customers_start")}
                    {field("customers_end")}
                    {field("new_customers")}
                </fieldset>
            }
            .into_any()
            results=view! {
                <Output name="retention" primary=true label=text(T.retention)
                    value=Signal::derive(move || pct(retention.get().map(|r| r.rate))) />
                <Output name="churn" label=text(T.churn) value=Signal::derive(move || pct(churn.get())) />
                <Output name="lost" label=text(T.lost)
                    value=Signal::derive(move || {
                        let f = Fmt::of(prefs);
                        OutputValue::from_outcome(lost.get(), f, |k, l| FIELDS.label(k, l), |v| (fmt_count(v, f), fmt_exact(v, f)))
                    }) />
                <TargetControl kpi=&KPIS[0] form=form />
                <TargetControl kpi=&KPIS[1] form=form />
            }
            .into_any()
            how=view! { <FormulaList name="retention" lines=Signal::derive(how) /> }.into_any()
        />
    }
}
