//! Customer lifetime value, three ways side by side, each with its
//! assumptions. Formulas: [`cadran_core::metrics::clv`].
//!
//! One visible unit choice (month or year) governs every per-period amount
//! and rate on the card, and every such label names its period: a monthly
//! ARPA over an annual churn is the mistake CLV tools see most.

mod how;
mod texts;

use crate::components::{
    fmt_exact, fmt_money, label_of, per_period, period_of, periods_word, FieldKind, FieldSpec, Fmt, Form, NumberField, Output,
    OutputValue, PeriodChoice, TargetControl, CARD,
};
use crate::i18n::{describe_problem, tr, use_prefs};
use how::how_lines;
use texts::{with_period, T};
use crate::kpi::{Kpi, Unit, Values, NEAR_10_PERCENT};
use cadran_core::metrics::target::Direction;
use crate::router::{hash_params, Route};
use cadran_core::locale::{format_number, Locale};
use cadran_core::metrics::clv::{
    discounted_clv, discounted_clv_over, margin_churn_clv, margin_per_period, simple_clv, DiscountedClv,
    DiscountedClvInputs, HorizonClv, MarginChurnClv, MarginChurnClvInputs, SimpleClv, SimpleClvInputs,
    MAX_HORIZON_PERIODS,
};
use cadran_core::metrics::period::Period;
use cadran_core::{Decimal, Field, InputError, InputProblem, MetricError, Outcome, Percent};
use leptos::prelude::*;

/// The form's fields: names are the core's field names; `period` is the
/// unit of every per-period field, as months per period.
pub const FIELDS: &[FieldSpec] = &[
    FieldSpec::new("period", FieldKind::Choice, "1").label(tr("Unité de temps des montants et des taux", "Time unit of amounts and rates")),
    FieldSpec::new("revenue", FieldKind::Money, "5000")
        .label(tr("Revenu reçu du client", "Revenue received from the customer"))
        .help(tr("Total sur toute la relation jusqu’ici.", "Total over the whole relationship so far.")),
    FieldSpec::new("acquisition_cost", FieldKind::Money, "1200")
        .label(tr("Coût d’acquisition", "Acquisition cost"))
        .help(tr("Sa part des dépenses ventes et marketing (le CAC).", "Their share of sales and marketing spend (the CAC).")),
    FieldSpec::new("serving_cost", FieldKind::Money, "800")
        .label(tr("Coût de service", "Cost to serve"))
        .help(tr("Support, hébergement, succès client, sur toute la relation.", "Support, hosting, customer success, over the whole relationship.")),
    FieldSpec::new("arpa", FieldKind::Money, "100").label(tr("Revenu moyen par compte (ARPA), {p}", "Average revenue per account (ARPA), {p}")),
    FieldSpec::new("gross_margin", FieldKind::Percent, "80")
        .label(tr("Marge brute", "Gross margin"))
        .help(tr("Part du revenu qui reste après le coût de service.", "Share of revenue left after the cost to serve.")),
    FieldSpec::new("churn", FieldKind::Percent, "2")
        .label(tr("Taux d’attrition, {p}", "Churn rate, {p}"))
        .help(tr("Part des clients perdus à chaque période.", "Share of customers lost each period.")),
    FieldSpec::new("discount_rate", FieldKind::Percent, "0.8")
        .label(tr("Taux d’actualisation, {p}", "Discount rate, {p}"))
        .help(tr("Le coût du capital ramené à la période choisie.", "The cost of capital, brought to the chosen period.")),
    FieldSpec::new("horizon_periods", FieldKind::Count, "36")
        .label(tr("Horizon H, en {ps}", "Horizon H, in {ps}"))
        .help(tr(
            "Durée d’un contrat ou d’un plan (au plus 1 200 périodes).",
            "A contract length or planning horizon (at most 1,200 periods).",
        )),
];


fn label(key: &str, l: Locale, p: Period) -> String {
    // The core names the margin it computes from ARPA and gross margin.
    let label = if key == "margin" { tr("Marge par période", "Margin per period").get(l).to_string() } else { label_of(FIELDS, key, l) };
    with_period(&label, p, l)
}

/// The horizon as the core's whole number of periods, or what is wrong with it.
fn horizon(v: &dyn Values) -> Outcome<u32> {
    let v = v.value("horizon_periods")?;
    let bad = |p| Err(MetricError::from(InputError::new(Field("horizon_periods"), p)));
    if v.is_sign_negative() {
        return bad(InputProblem::Negative);
    }
    if !v.fract().is_zero() {
        return bad(InputProblem::NotWhole);
    }
    u32::try_from(v).or_else(|_| bad(InputProblem::OutOfRange { min: Decimal::ZERO, max: Decimal::from(MAX_HORIZON_PERIODS) }))
}

/// The card's KPIs, for targets and the dashboard. Each variant is its own
/// KPI: they answer different questions, so a target on one says nothing of
/// the others.
pub const KPIS: &[Kpi] = &[
    Kpi {
        key: "clv_simple",
        route: Route::Clv,
        form_id: "clv",
        fields: FIELDS,
        label: tr("CLV historique (revenu − coûts)", "Historic CLV (revenue − costs)"),
        unit: Unit::Money,
        direction: Direction::AtLeast,
        near: NEAR_10_PERCENT,
        read: |v| compute(v).simple.map(|c| c.clv),
    },
    Kpi {
        key: "clv_margin_churn",
        route: Route::Clv,
        form_id: "clv",
        fields: FIELDS,
        label: tr("CLV marge ÷ attrition", "CLV margin ÷ churn"),
        unit: Unit::Money,
        direction: Direction::AtLeast,
        near: NEAR_10_PERCENT,
        read: |v| compute(v).margin_churn.map(|c| c.clv),
    },
    Kpi {
        key: "clv_discounted",
        route: Route::Clv,
        form_id: "clv",
        fields: FIELDS,
        label: tr("CLV actualisée (horizon infini)", "Discounted CLV (infinite horizon)"),
        unit: Unit::Money,
        direction: Direction::AtLeast,
        near: NEAR_10_PERCENT,
        read: |v| compute(v).discounted.map(|c| c.clv),
    },
];

/// Every result of the card.
#[derive(Clone, PartialEq)]
pub(super) struct ClvReport {
    pub simple: Outcome<SimpleClv>,
    pub margin_churn: Outcome<MarginChurnClv>,
    pub discounted: Outcome<DiscountedClv>,
    pub horizon: Outcome<HorizonClv>,
}

fn compute(form: &dyn Values) -> ClvReport {
    let period = period_of(form, "period");
    let arpa = form.value("arpa");
    let gross_margin = form.value("gross_margin").map(Percent);
    let churn = form.value("churn").map(Percent);
    let d = (|| -> Outcome<DiscountedClvInputs> {
        Ok(DiscountedClvInputs {
            margin: margin_per_period(arpa.clone()?, gross_margin.clone()?)?,
            churn: churn.clone()?,
            discount_rate: Percent(form.value("discount_rate")?),
            period,
        })
    })();
    ClvReport {
        simple: (|| {
            simple_clv(&SimpleClvInputs {
                revenue: form.value("revenue")?,
                acquisition_cost: form.value("acquisition_cost")?,
                serving_cost: form.value("serving_cost")?,
            })
        })(),
        margin_churn: (|| {
            margin_churn_clv(&MarginChurnClvInputs { arpa: arpa.clone()?, gross_margin: gross_margin.clone()?, churn: churn.clone()?, period })
        })(),
        discounted: d.clone().and_then(|d| discounted_clv(&d)),
        horizon: d.and_then(|d| discounted_clv_over(&d, horizon(form)?)),
    }
}

fn problem_of(r: &ClvReport, key: &str, l: Locale) -> Option<String> {
    [r.simple.as_ref().err(), r.margin_churn.as_ref().err(), r.discounted.as_ref().err(), r.horizon.as_ref().err()]
        .into_iter()
        .flatten()
        .find_map(|e| match e {
            MetricError::Invalid(ie) if ie.field.0 == key => Some(describe_problem(&ie.problem, "", l)),
            _ => None,
        })
}

/// Sends `values` plus this card's ARPA, margin and unit to the CAC card and opens it.
fn open_cac(form: &Form, ltv: Option<Decimal>) {
    let mut values: Vec<(&str, Decimal)> = Vec::new();
    for key in ["arpa", "gross_margin"] {
        if let Ok(v) = form.number(key) {
            values.push((key, v));
        }
    }
    values.push(("period", period_of(form, "period").months()));
    if let Some(v) = ltv {
        values.push(("ltv", v.round_dp(2)));
    }
    crate::handoff::send_to_form("cac", &values);
    let _ = window().location().set_hash(&format!("{}?from=clv", Route::Cac.path()));
}

/// The CLV calculator.
#[component]
pub fn ClvPage() -> impl IntoView {
    let prefs = use_prefs();
    let form = Form::new("clv", FIELDS);
    let l = move || prefs.locale.get();
    let fmt = move || Fmt::of(prefs);
    let period = move || period_of(&form, "period");
    let from_cac = hash_params(&window().location().hash().unwrap_or_default()).iter().any(|(k, v)| k == "from" && v == "cac");
    let report = Memo::new(move |_| compute(&form));
    let currency = move || fmt().currency.symbol(fmt().locale).to_string();

    let field = move |key: &'static str, unit: Signal<String>| {
        view! {
            <NumberField
                form=form
                key=key
                label=Signal::derive(move || label(key, prefs.locale.get(), period()))
                unit=unit
                help=Signal::derive(move || form.spec(key).map_or("", |s| s.help.get(l())).to_string())
                problem=Signal::derive(move || problem_of(&report.get(), key, prefs.locale.get()))
            />
        }
    };
    let money = Signal::derive(currency);
    let money_pp = Signal::derive(move || format!("{} {}", currency(), per_period(period(), prefs.locale.get())));
    let pct = Signal::derive(|| "%".to_string());
    let pct_pp = Signal::derive(move || format!("% {}", per_period(period(), prefs.locale.get())));
    let periods = Signal::derive(move || periods_word(period(), prefs.locale.get()).to_string());

    let out = move |o: Outcome<Decimal>| {
        let f = fmt();
        let p = period();
        OutputValue::from_outcome(o, f, move |k, l| label(k, l, p), |v| (fmt_money(v, f), fmt_exact(v, f)))
    };
    let lifetime = Signal::derive(move || {
        let f = fmt();
        let p = period();
        OutputValue::from_outcome(report.get().margin_churn.map(|c| c.expected_lifetime_periods), f, move |k, l| label(k, l, p), |v| {
            (format!("{} {}", format_number(v, 1, f.locale), periods_word(p, f.locale)), fmt_exact(v, f))
        })
    });
    let assumptions = move |i: usize| {
        move || {
            let (l, p) = (prefs.locale.get(), period());
            T.assumptions[i].iter().map(|a| view! { <li>{with_period(a.get(l), p, l)}</li> }).collect_view()
        }
    };
    let how = move |i: usize| {
        move || how_lines(&report.get(), i, fmt()).into_iter().map(|line| view! { <li>{line}</li> }).collect_view()
    };

    view! {
        <section class="page calculator clv" aria-labelledby="page-title">
            <div class="page-head">
                <h1 id="page-title">{move || crate::pages::page_title(Route::Clv, prefs.locale.get())}</h1>
                <p class="intro">{move || T.intro.get(l())}</p>
                {from_cac.then(|| view! { <p class="carried" role="status">{move || T.from_cac.get(l())}</p> })}
            </div>
            <form class="inputs clv-form" on:submit=|ev| ev.prevent_default()>
                <div class="unit-box">
                    <PeriodChoice form=form key="period" legend=Signal::derive(move || label("period", l(), period()))
                        help=Signal::derive(move || T.unit_help.get(l()).to_string()) />
                </div>
                <div class="variants">
                    <section class="variant" aria-labelledby="clv-a">
                        <h2 id="clv-a">{move || T.names[0].get(l())}</h2>
                        <ul class="assumptions">{assumptions(0)}</ul>
                        <fieldset>
                            <legend class="visually-hidden">{move || T.names[0].get(l())}</legend>
                            {field("revenue", money)}
                            {field("acquisition_cost", money)}
                            {field("serving_cost", money)}
                        </fieldset>
                        <div class="variant-results" aria-live="polite">
                            <Output name="clv_simple" primary=true label=Signal::derive(move || T.clv.get(l()).to_string())
                                value=Signal::derive(move || out(report.get().simple.map(|c| c.clv)))
                                tone=Signal::derive(move || if report.get().simple.is_ok_and(|c| c.clv.is_sign_negative() && !c.clv.is_zero()) { "bad" } else { "" }) />
                            <TargetControl kpi=&KPIS[0] form=form value=Signal::derive(move || report.get().simple.map(|c| c.clv)) />
                        </div>
                        <details class="how">
                            <summary>{move || CARD.how.get(l())}</summary>
                            <ul class="formulas" data-formula="clv_simple">{how(0)}</ul>
                            <p class="source">{move || T.sources[0].get(l())}</p>
                        </details>
                    </section>
                    <section class="variant" aria-labelledby="clv-b">
                        <h2 id="clv-b">{move || T.names[1].get(l())}</h2>
                        <ul class="assumptions">{assumptions(1)}</ul>
                        <fieldset>
                            <legend class="visually-hidden">{move || T.names[1].get(l())}</legend>
                            {field("arpa", money_pp)}
                            {field("gross_margin", pct)}
                            {field("churn", pct_pp)}
                        </fieldset>
                        <div class="variant-results" aria-live="polite">
                            <Output name="clv_margin_churn" primary=true label=Signal::derive(move || T.clv.get(l()).to_string())
                                value=Signal::derive(move || out(report.get().margin_churn.map(|c| c.clv))) />
                            <Output name="lifetime" label=Signal::derive(move || T.lifetime.get(l()).to_string()) value=lifetime />
                            <TargetControl kpi=&KPIS[1] form=form value=Signal::derive(move || report.get().margin_churn.map(|c| c.clv)) />
                        </div>
                        <details class="how">
                            <summary>{move || CARD.how.get(l())}</summary>
                            <ul class="formulas" data-formula="clv_margin_churn">{how(1)}</ul>
                            <p class="source">{move || T.sources[1].get(l())}</p>
                        </details>
                        <div class="links">
                            <button type="button" class="link-button" disabled=move || report.get().margin_churn.is_err()
                                on:click=move |_| open_cac(&form, report.get_untracked().margin_churn.ok().map(|c| c.clv))>
                                {move || T.to_ratio.get(l())} " →"
                            </button>
                            <button type="button" class="link-button" on:click=move |_| open_cac(&form, None)>
                                {move || T.to_payback.get(l())} " →"
                            </button>
                        </div>
                    </section>
                    <section class="variant" aria-labelledby="clv-c">
                        <h2 id="clv-c">{move || T.names[2].get(l())}</h2>
                        <ul class="assumptions">{assumptions(2)}</ul>
                        <fieldset>
                            <legend class="visually-hidden">{move || T.names[2].get(l())}</legend>
                            {field("discount_rate", pct_pp)}
                            {field("horizon_periods", periods)}
                        </fieldset>
                        <div class="variant-results" aria-live="polite">
                            <Output name="clv_discounted" primary=true label=Signal::derive(move || T.infinite.get(l()).to_string())
                                value=Signal::derive(move || out(report.get().discounted.map(|c| c.clv))) />
                            <Output name="clv_horizon" label=Signal::derive(move || T.horizon_clv.get(l()).to_string())
                                value=Signal::derive(move || out(report.get().horizon.map(|c| c.clv))) />
                            <TargetControl kpi=&KPIS[2] form=form value=Signal::derive(move || report.get().discounted.map(|c| c.clv)) />
                        </div>
                        <details class="how">
                            <summary>{move || CARD.how.get(l())}</summary>
                            <ul class="formulas" data-formula="clv_discounted">{how(2)}</ul>
                            <p class="source">{move || T.sources[2].get(l())}</p>
                        </details>
                        <div class="links">
                            <button type="button" class="link-button" disabled=move || report.get().discounted.is_err()
                                on:click=move |_| open_cac(&form, report.get_untracked().discounted.ok().map(|c| c.clv))>
                                {move || T.to_ratio.get(l())} " →"
                            </button>
                        </div>
                    </section>
                </div>
                <button type="button" class="secondary" on:click=move |_| form.reset()>{move || CARD.reset.get(l())}</button>
            </form>
        </section>
    }
}

