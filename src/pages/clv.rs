//! Customer lifetime value, three ways side by side, each with its
//! assumptions. Formulas: [`cadran_core::metrics::clv`].
//!
//! One visible unit choice (month or year) governs every per-period amount
//! and rate on the card, and every such label names its period: a monthly
//! ARPA over an annual churn is the mistake CLV tools see most.

use crate::components::{
    fmt_exact, fmt_money, fmt_percent, per_period, period_of, periods_word, FieldKind, FieldSpec, Fmt, Form,
    NumberField, Output, OutputValue, PeriodChoice, TargetControl,
};
use crate::i18n::{describe_problem, field_help, field_label, use_prefs, FieldText};
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
    FieldSpec::new("period", FieldKind::Choice, "1"),
    FieldSpec::new("revenue", FieldKind::Money, "5000"),
    FieldSpec::new("acquisition_cost", FieldKind::Money, "1200"),
    FieldSpec::new("serving_cost", FieldKind::Money, "800"),
    FieldSpec::new("arpa", FieldKind::Money, "100"),
    FieldSpec::new("gross_margin", FieldKind::Percent, "80"),
    FieldSpec::new("churn", FieldKind::Percent, "2"),
    FieldSpec::new("discount_rate", FieldKind::Percent, "0.8"),
    FieldSpec::new("horizon_periods", FieldKind::Count, "36"),
];

/// The page's texts. In labels and assumptions, `{p}` is the period
/// ("par mois" / "per month") and `{ps}` its plural noun ("mois" / "months").
pub struct Texts {
    intro: &'static str,
    unit_legend: &'static str,
    unit_help: &'static str,
    names: [&'static str; 3],
    assumptions: [&'static [&'static str]; 3],
    clv: &'static str,
    lifetime: &'static str,
    infinite: &'static str,
    horizon_clv: &'static str,
    reset: &'static str,
    how: &'static str,
    sources: [&'static str; 3],
    to_ratio: &'static str,
    to_payback: &'static str,
    from_cac: &'static str,
    labels: &'static [FieldText],
}

const FR: Texts = Texts {
    intro: "Ce qu’un client vaut sur toute la relation, calculé de trois façons qui ne répondent pas à la même question. Comparez-les, et lisez leurs hypothèses.",
    unit_legend: "Unité de temps des montants et des taux",
    unit_help: "Tous les champs marqués « par mois » ou « par an » suivent ce choix : l’ARPA, l’attrition et le taux d’actualisation doivent porter sur la même période. Changer l’unité ne convertit pas vos nombres.",
    names: ["(a) Historique : revenu − coûts", "(b) Marge ÷ attrition", "(c) Actualisée"],
    assumptions: [
        &[
            "Regarde seulement le passé : ce que le client a payé et coûté, sans prévision.",
            "Montants totaux sur toute la relation jusqu’ici (pas d’unité de temps).",
            "Juste pour un client parti ; un minimum pour un client encore là.",
            "Déjà nette du coût d’acquisition : ne la divisez pas encore par le CAC.",
        ],
        &[
            "ARPA, marge et attrition restent constants pour toujours.",
            "ARPA et attrition sont {p} : la même période pour les deux.",
            "Durée de vie moyenne = 1 ÷ attrition.",
            "Pas d’actualisation : l’argent dans cinq ans compte autant qu’aujourd’hui, ce qui surestime les longues durées de vie.",
            "Coût d’acquisition non déduit : comparez avec le CAC (LTV:CAC).",
        ],
        &[
            "Marge m = ARPA × marge brute de (b), reçue à la fin de chaque période.",
            "Rétention r = 1 − attrition {p}, constante.",
            "Marges futures actualisées au taux d {p} (coût du capital) : 10 % par an ≈ 0,8 % par mois.",
            "Horizon infini : m × r ÷ (1 + d − r) ; horizon fini : somme sur H {ps}.",
        ],
    ],
    clv: "CLV",
    lifetime: "Durée de vie moyenne",
    infinite: "CLV, horizon infini",
    horizon_clv: "CLV sur l’horizon H",
    reset: "Rétablir les valeurs par défaut",
    how: "Comment est-ce calculé ?",
    sources: [
        "Source : V. Kumar, « Customer Lifetime Value: The Path to Profitability » (2008), approche historique ; Farris et al., « Marketing Metrics » (2010), chap. 5.",
        "Source : D. Skok, « SaaS Metrics 2.0 » (2013) : LTV = ARPA × marge brute ÷ taux d’attrition.",
        "Sources : S. Gupta et D. R. Lehmann, « Customers as Assets », Journal of Interactive Marketing 17(1), 2003 ; Gupta, Lehmann et Stuart, « Valuing Customers », Journal of Marketing Research 41(1), 2004 (horizon fini).",
    ],
    to_ratio: "Utiliser cette CLV dans LTV:CAC",
    to_payback: "Ouvrir le délai de remboursement du CAC avec cet ARPA et cette marge",
    from_cac: "Valeurs reprises de la carte CAC : ARPA, marge brute, unité de temps et coût d’acquisition.",
    labels: &[
        ("revenue", "Revenu reçu du client", "Total sur toute la relation jusqu’ici."),
        ("acquisition_cost", "Coût d’acquisition", "Sa part des dépenses ventes et marketing (le CAC)."),
        ("serving_cost", "Coût de service", "Support, hébergement, succès client, sur toute la relation."),
        ("arpa", "Revenu moyen par compte (ARPA), {p}", ""),
        ("gross_margin", "Marge brute", "Part du revenu qui reste après le coût de service."),
        ("churn", "Taux d’attrition, {p}", "Part des clients perdus à chaque période."),
        ("discount_rate", "Taux d’actualisation, {p}", "Le coût du capital ramené à la période choisie."),
        ("horizon_periods", "Horizon H, en {ps}", "Durée d’un contrat ou d’un plan (au plus 1 200 périodes)."),
        ("margin", "Marge par période", ""),
    ],
};

const EN: Texts = Texts {
    intro: "What a customer is worth over the whole relationship, computed three ways that answer different questions. Compare them, and read their assumptions.",
    unit_legend: "Time unit of amounts and rates",
    unit_help: "Every field marked “per month” or “per year” follows this choice: ARPA, churn and discount rate must refer to the same period. Changing the unit does not convert your numbers.",
    names: ["(a) Historic: revenue − costs", "(b) Margin ÷ churn", "(c) Discounted"],
    assumptions: [
        &[
            "Looks back only: what the customer actually paid and cost, no forecast.",
            "Totals over the whole relationship so far (no time unit).",
            "Right for a customer who left; a lower bound for one who is still there.",
            "Already net of acquisition cost: do not divide it by CAC again.",
        ],
        &[
            "ARPA, margin and churn stay the same forever.",
            "ARPA and churn are {p}: the same period for both.",
            "Average lifetime = 1 ÷ churn.",
            "No discounting: money in five years counts as much as today, which overstates long lifetimes.",
            "Acquisition cost not subtracted: compare with CAC (LTV:CAC).",
        ],
        &[
            "Margin m = ARPA × gross margin from (b), received at the end of each period.",
            "Retention r = 1 − churn {p}, constant.",
            "Future margins discounted at rate d {p} (cost of capital): 10 % a year ≈ 0.8 % a month.",
            "Infinite horizon: m × r ÷ (1 + d − r); finite: the sum over H {ps}.",
        ],
    ],
    clv: "CLV",
    lifetime: "Average lifetime",
    infinite: "CLV, infinite horizon",
    horizon_clv: "CLV over horizon H",
    reset: "Restore defaults",
    how: "How is this computed?",
    sources: [
        "Source: V. Kumar, “Customer Lifetime Value: The Path to Profitability” (2008), historic approach; Farris et al., “Marketing Metrics” (2010), ch. 5.",
        "Source: D. Skok, “SaaS Metrics 2.0” (2013): LTV = ARPA × gross margin ÷ churn rate.",
        "Sources: S. Gupta and D. R. Lehmann, “Customers as Assets”, Journal of Interactive Marketing 17(1), 2003; Gupta, Lehmann and Stuart, “Valuing Customers”, Journal of Marketing Research 41(1), 2004 (finite horizon).",
    ],
    to_ratio: "Use this CLV in LTV:CAC",
    to_payback: "Open CAC payback with this ARPA and margin",
    from_cac: "Values carried over from the CAC card: ARPA, gross margin, time unit and acquisition cost.",
    labels: &[
        ("revenue", "Revenue received from the customer", "Total over the whole relationship so far."),
        ("acquisition_cost", "Acquisition cost", "Their share of sales and marketing spend (the CAC)."),
        ("serving_cost", "Cost to serve", "Support, hosting, customer success, over the whole relationship."),
        ("arpa", "Average revenue per account (ARPA), {p}", ""),
        ("gross_margin", "Gross margin", "Share of revenue left after the cost to serve."),
        ("churn", "Churn rate, {p}", "Share of customers lost each period."),
        ("discount_rate", "Discount rate, {p}", "The cost of capital, brought to the chosen period."),
        ("horizon_periods", "Horizon H, in {ps}", "A contract length or planning horizon (at most 1,200 periods)."),
        ("margin", "Margin per period", ""),
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
        Locale::Fr => "Valeur vie client (CLV)",
        Locale::En => "Customer lifetime value (CLV)",
    }
}

/// `{p}` → "par mois", `{ps}` → "mois" for period `p`.
fn with_period(s: &str, p: Period, l: Locale) -> String {
    let per = match (p, l) {
        (Period::Month, Locale::Fr) => "par mois",
        (Period::Year, Locale::Fr) => "par an",
        (Period::Month, Locale::En) => "per month",
        (Period::Year, Locale::En) => "per year",
    };
    s.replace("{ps}", periods_word(p, l)).replace("{p}", per)
}

fn label(key: &str, l: Locale, p: Period) -> String {
    with_period(&field_label(texts(l).labels, key), p, l)
}

/// The horizon as the core's whole number of periods, or what is wrong with it.
fn horizon(v: &dyn Values) -> Outcome<u32> {
    let v = v.value("horizon_periods");
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
        label: ("CLV historique (revenu − coûts)", "Historic CLV (revenue − costs)"),
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
        label: ("CLV marge ÷ attrition", "CLV margin ÷ churn"),
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
        label: ("CLV actualisée (horizon infini)", "Discounted CLV (infinite horizon)"),
        unit: Unit::Money,
        direction: Direction::AtLeast,
        near: NEAR_10_PERCENT,
        read: |v| compute(v).discounted.map(|c| c.clv),
    },
];

/// Every result of the card.
#[derive(Clone, PartialEq)]
struct ClvReport {
    simple: Outcome<SimpleClv>,
    margin_churn: Outcome<MarginChurnClv>,
    discounted: Outcome<DiscountedClv>,
    horizon: Outcome<HorizonClv>,
}

fn compute(form: &dyn Values) -> ClvReport {
    let period = period_of(form, "period");
    let (arpa, gross_margin, churn) = (form.value("arpa"), Percent(form.value("gross_margin")), Percent(form.value("churn")));
    let d = margin_per_period(arpa, gross_margin).map(|margin| DiscountedClvInputs {
        margin,
        churn,
        discount_rate: Percent(form.value("discount_rate")),
        period,
    });
    ClvReport {
        simple: simple_clv(&SimpleClvInputs {
            revenue: form.value("revenue"),
            acquisition_cost: form.value("acquisition_cost"),
            serving_cost: form.value("serving_cost"),
        }),
        margin_churn: margin_churn_clv(&MarginChurnClvInputs { arpa, gross_margin, churn, period }),
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
    let t = move || texts(prefs.locale.get());
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
                help=Signal::derive(move || field_help(t().labels, key).unwrap_or_default().to_string())
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
            t().assumptions[i].iter().map(|a| view! { <li>{with_period(a, p, l)}</li> }).collect_view()
        }
    };
    let how = move |i: usize| {
        move || how_lines(&report.get(), i, fmt()).into_iter().map(|l| view! { <li>{l}</li> }).collect_view()
    };

    view! {
        <section class="page calculator clv" aria-labelledby="page-title">
            <div class="page-head">
                <h1 id="page-title">{move || title(prefs.locale.get())}</h1>
                <p class="intro">{move || t().intro}</p>
                {from_cac.then(|| view! { <p class="carried" role="status">{move || t().from_cac}</p> })}
            </div>
            <form class="inputs clv-form" on:submit=|ev| ev.prevent_default()>
                <div class="unit-box">
                    <PeriodChoice form=form key="period" legend=Signal::derive(move || t().unit_legend.to_string())
                        help=Signal::derive(move || t().unit_help.to_string()) />
                </div>
                <div class="variants">
                    <section class="variant" aria-labelledby="clv-a">
                        <h2 id="clv-a">{move || t().names[0]}</h2>
                        <ul class="assumptions">{assumptions(0)}</ul>
                        <fieldset>
                            <legend class="visually-hidden">{move || t().names[0]}</legend>
                            {field("revenue", money)}
                            {field("acquisition_cost", money)}
                            {field("serving_cost", money)}
                        </fieldset>
                        <div class="variant-results" aria-live="polite">
                            <Output name="clv_simple" primary=true label=Signal::derive(move || t().clv.to_string())
                                value=Signal::derive(move || out(report.get().simple.map(|c| c.clv)))
                                tone=Signal::derive(move || if report.get().simple.is_ok_and(|c| c.clv.is_sign_negative() && !c.clv.is_zero()) { "bad" } else { "" }) />
                            <TargetControl kpi=&KPIS[0] form=form />
                        </div>
                        <details class="how">
                            <summary>{move || t().how}</summary>
                            <ul class="formulas" data-formula="clv_simple">{how(0)}</ul>
                            <p class="source">{move || t().sources[0]}</p>
                        </details>
                    </section>
                    <section class="variant" aria-labelledby="clv-b">
                        <h2 id="clv-b">{move || t().names[1]}</h2>
                        <ul class="assumptions">{assumptions(1)}</ul>
                        <fieldset>
                            <legend class="visually-hidden">{move || t().names[1]}</legend>
                            {field("arpa", money_pp)}
                            {field("gross_margin", pct)}
                            {field("churn", pct_pp)}
                        </fieldset>
                        <div class="variant-results" aria-live="polite">
                            <Output name="clv_margin_churn" primary=true label=Signal::derive(move || t().clv.to_string())
                                value=Signal::derive(move || out(report.get().margin_churn.map(|c| c.clv))) />
                            <Output name="lifetime" label=Signal::derive(move || t().lifetime.to_string()) value=lifetime />
                            <TargetControl kpi=&KPIS[1] form=form />
                        </div>
                        <details class="how">
                            <summary>{move || t().how}</summary>
                            <ul class="formulas" data-formula="clv_margin_churn">{how(1)}</ul>
                            <p class="source">{move || t().sources[1]}</p>
                        </details>
                        <div class="links">
                            <button type="button" class="link-button" disabled=move || report.get().margin_churn.is_err()
                                on:click=move |_| open_cac(&form, report.get_untracked().margin_churn.ok().map(|c| c.clv))>
                                {move || t().to_ratio} " →"
                            </button>
                            <button type="button" class="link-button" on:click=move |_| open_cac(&form, None)>
                                {move || t().to_payback} " →"
                            </button>
                        </div>
                    </section>
                    <section class="variant" aria-labelledby="clv-c">
                        <h2 id="clv-c">{move || t().names[2]}</h2>
                        <ul class="assumptions">{assumptions(2)}</ul>
                        <fieldset>
                            <legend class="visually-hidden">{move || t().names[2]}</legend>
                            {field("discount_rate", pct_pp)}
                            {field("horizon_periods", periods)}
                        </fieldset>
                        <div class="variant-results" aria-live="polite">
                            <Output name="clv_discounted" primary=true label=Signal::derive(move || t().infinite.to_string())
                                value=Signal::derive(move || out(report.get().discounted.map(|c| c.clv))) />
                            <Output name="clv_horizon" label=Signal::derive(move || t().horizon_clv.to_string())
                                value=Signal::derive(move || out(report.get().horizon.map(|c| c.clv))) />
                            <TargetControl kpi=&KPIS[2] form=form />
                        </div>
                        <details class="how">
                            <summary>{move || t().how}</summary>
                            <ul class="formulas" data-formula="clv_discounted">{how(2)}</ul>
                            <p class="source">{move || t().sources[2]}</p>
                        </details>
                        <div class="links">
                            <button type="button" class="link-button" disabled=move || report.get().discounted.is_err()
                                on:click=move |_| open_cac(&form, report.get_untracked().discounted.ok().map(|c| c.clv))>
                                {move || t().to_ratio} " →"
                            </button>
                        </div>
                    </section>
                </div>
                <button type="button" class="secondary" on:click=move |_| form.reset()>{move || t().reset}</button>
            </form>
        </section>
    }
}

/// Variant `i`'s formula with the user's own numbers substituted.
fn how_lines(r: &ClvReport, i: usize, f: Fmt) -> Vec<String> {
    let fr = f.locale == Locale::Fr;
    let m = |v: Decimal| fmt_money(v, f);
    let frac = |p: Percent| format_number(p.fraction(), 4, f.locale).trim_end_matches('0').trim_end_matches([',', '.']).to_string();
    match i {
        0 => match &r.simple {
            Ok(c) => vec![format!(
                "CLV = {} = {} − ({} + {}) = {}",
                if fr { "revenu − (acquisition + service)" } else { "revenue − (acquisition + serving)" },
                m(c.revenue),
                m(c.acquisition_cost),
                m(c.serving_cost),
                m(c.clv)
            )],
            Err(_) => vec![if fr { "CLV = revenu − (acquisition + service)" } else { "CLV = revenue − (acquisition + serving)" }.into()],
        },
        1 => match &r.margin_churn {
            Ok(c) => {
                let per = per_period(c.period, f.locale);
                vec![
                    format!(
                        "CLV = ARPA × {} ÷ {} = {} {per} × {} ÷ {} {per} = {}",
                        if fr { "marge brute" } else { "gross margin" },
                        if fr { "attrition" } else { "churn" },
                        m(c.arpa),
                        fmt_percent(c.gross_margin, f),
                        fmt_percent(c.churn, f),
                        m(c.clv)
                    ),
                    format!(
                        "{} = 1 ÷ {} = {} {}",
                        if fr { "Durée de vie" } else { "Lifetime" },
                        fmt_percent(c.churn, f),
                        format_number(c.expected_lifetime_periods, 1, f.locale),
                        periods_word(c.period, f.locale)
                    ),
                ]
            }
            Err(_) => vec![if fr { "CLV = ARPA × marge brute ÷ attrition" } else { "CLV = ARPA × gross margin ÷ churn" }.into()],
        },
        _ => {
            let mut lines = Vec::new();
            match &r.discounted {
                Ok(c) => {
                    let r_ = frac(c.retention);
                    let d = frac(c.discount_rate);
                    lines.push(format!("m = ARPA × {} = {}", if fr { "marge brute" } else { "gross margin" }, m(c.margin)));
                    lines.push(format!(
                        "CLV = m × r ÷ (1 + d − r) = {} × {r_} ÷ (1 + {d} − {r_}) = {}",
                        m(c.margin),
                        m(c.clv)
                    ));
                }
                Err(_) => lines.push("CLV = m × r ÷ (1 + d − r)".into()),
            }
            match &r.horizon {
                Ok(h) => lines.push(format!(
                    "CLV_H = Σ t=1…{} m × rᵗ ÷ (1 + d)ᵗ = {}",
                    h.horizon_periods,
                    m(h.clv)
                )),
                Err(_) => lines.push("CLV_H = Σ t=1…H m × rᵗ ÷ (1 + d)ᵗ".into()),
            }
            lines
        }
    }
}
