//! Acquisition cost, CAC payback and LTV:CAC, chained on one card: the CAC
//! computed at the top feeds the payback and the ratio below it.
//! Formulas: [`cadran_core::metrics::cac`].

use crate::components::{
    fmt_exact, fmt_money, fmt_months, fmt_percent, fmt_ratio, per_period, period_of, FieldKind, FieldSpec, Fmt, Form,
    NumberField, Output, OutputValue, PeriodChoice, TargetControl,
};
use crate::i18n::{describe_problem, field_help, field_label, use_prefs, FieldText};
use crate::kpi::{Kpi, Unit, Values, NEAR_10_PERCENT};
use cadran_core::metrics::target::Direction;
use crate::router::{hash_params, Route};
use crate::charts::coord::coord;
use cadran_core::locale::{format_number, Locale};
use cadran_core::metrics::cac::{cac, cac_payback, ltv_to_cac, Cac, CacInputs, CacPayback, CacPaybackInputs, LtvCacRatio, LTV_CAC_REFERENCE};
use cadran_core::{Decimal, Field, InputError, InputProblem, MetricError, Outcome, Percent};
use leptos::prelude::*;

/// The form's fields: names are the core's field names (`ltv` is the first
/// argument of [`ltv_to_cac`], `period` the unit of `arpa`, as months per
/// period: see [`PeriodChoice`]).
pub const FIELDS: &[FieldSpec] = &[
    FieldSpec::new("sales_and_marketing_spend", FieldKind::Money, "60000"),
    FieldSpec::new("new_customers", FieldKind::Count, "40"),
    FieldSpec::new("period", FieldKind::Choice, "1"),
    FieldSpec::new("arpa", FieldKind::Money, "100"),
    FieldSpec::new("gross_margin", FieldKind::Percent, "80"),
    FieldSpec::new("ltv", FieldKind::Money, "4000"),
];

/// The page's texts.
pub struct Texts {
    intro: &'static str,
    acquisition: &'static str,
    customer: &'static str,
    value: &'static str,
    unit_legend: &'static str,
    results: &'static str,
    reset: &'static str,
    how: &'static str,
    source: &'static str,
    cac: &'static str,
    margin: &'static str,
    payback: &'static str,
    ratio: &'static str,
    reference: &'static str,
    above: &'static str,
    below: &'static str,
    to_clv: &'static str,
    from_clv: &'static str,
    labels: &'static [FieldText],
}

const FR: Texts = Texts {
    intro: "Ce que coûte un nouveau client, en combien de mois sa marge le rembourse, et combien de fois sa valeur vie couvre ce coût.",
    acquisition: "1. Acquisition sur une période",
    customer: "2. Revenu et marge d’un client",
    value: "3. Valeur vie d’un client",
    unit_legend: "Unité de l’ARPA",
    results: "Résultats",
    reset: "Rétablir les valeurs par défaut",
    how: "Comment est-ce calculé ?",
    source: "Source : D. Skok, « SaaS Metrics 2.0 – A Guide to Measuring and Improving What Matters » (2013) : CAC = dépenses ventes et marketing ÷ nouveaux clients ; mois pour rembourser le CAC = CAC ÷ (ARPA × marge brute) ; repère LTV > 3 × CAC. Farris et al., « Marketing Metrics » (2010), coût moyen d’acquisition.",
    cac: "Coût d’acquisition client (CAC)",
    margin: "Marge par client (ARPA × marge brute)",
    payback: "Délai de remboursement du CAC",
    ratio: "LTV:CAC",
    reference: "Repère souvent cité : 3:1 (D. Skok, 2013). C’est un contexte, pas une règle : sous 1:1, chaque client coûte plus qu’il ne rapporte ; bien au-dessus de 3:1, vous investissez peut-être trop peu dans la croissance. Le bon niveau dépend de votre trésorerie et du délai de remboursement.",
    above: "Votre ratio atteint ou dépasse ce repère.",
    below: "Votre ratio est sous ce repère.",
    to_clv: "Calculer la valeur vie (CLV) avec cet ARPA, cette marge et ce CAC",
    from_clv: "Valeurs reprises de la carte CLV : ARPA, marge brute et unité de temps, ou valeur vie.",
    labels: &[
        ("sales_and_marketing_spend", "Dépenses ventes et marketing", "Sur la période : salaires, publicité, outils, agences."),
        ("new_customers", "Nouveaux clients", "Gagnés sur la même période."),
        ("arpa", "Revenu moyen par compte (ARPA)", "Par client, dans l’unité choisie ci-dessus."),
        ("gross_margin", "Marge brute", "Part du revenu qui reste après le coût de service (hébergement, support)."),
        ("ltv", "Valeur vie client (LTV)", "Marge totale attendue d’un client sur toute sa durée de vie (carte CLV)."),
        ("cac", "CAC", ""),
    ],
};

const EN: Texts = Texts {
    intro: "What a new customer costs, how many months of their margin repay it, and how many times their lifetime value covers it.",
    acquisition: "1. Acquisition over a period",
    customer: "2. A customer’s revenue and margin",
    value: "3. A customer’s lifetime value",
    unit_legend: "Unit of ARPA",
    results: "Results",
    reset: "Restore defaults",
    how: "How is this computed?",
    source: "Source: D. Skok, “SaaS Metrics 2.0 – A Guide to Measuring and Improving What Matters” (2013): CAC = sales and marketing spend ÷ new customers; months to recover CAC = CAC ÷ (ARPA × gross margin); the LTV > 3 × CAC reference. Farris et al., “Marketing Metrics” (2010), average acquisition cost.",
    cac: "Customer acquisition cost (CAC)",
    margin: "Margin per customer (ARPA × gross margin)",
    payback: "CAC payback",
    ratio: "LTV:CAC",
    reference: "Reference often quoted: 3:1 (D. Skok, 2013). It is context, not a rule: below 1:1 each customer costs more than they bring; well above 3:1 you may be under-investing in growth. The right level depends on your cash and your payback time.",
    above: "Your ratio reaches or exceeds this reference.",
    below: "Your ratio is below this reference.",
    to_clv: "Compute lifetime value (CLV) with this ARPA, margin and CAC",
    from_clv: "Values carried over from the CLV card: ARPA, gross margin and time unit, or lifetime value.",
    labels: &[
        ("sales_and_marketing_spend", "Sales and marketing spend", "Over the period: salaries, ads, tools, agencies."),
        ("new_customers", "New customers", "Won over the same period."),
        ("arpa", "Average revenue per account (ARPA)", "Per customer, in the unit chosen above."),
        ("gross_margin", "Gross margin", "Share of revenue left after the cost to serve (hosting, support)."),
        ("ltv", "Customer lifetime value (LTV)", "Total margin expected from a customer over their whole lifetime (CLV card)."),
        ("cac", "CAC", ""),
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
        Locale::Fr => "CAC, délai de remboursement et LTV:CAC",
        Locale::En => "CAC, payback and LTV:CAC",
    }
}

fn label(key: &str, l: Locale) -> String {
    field_label(texts(l).labels, key)
}

/// CAC from the live or stored form.
fn cac_of(v: &dyn Values) -> Outcome<Cac> {
    cac(&CacInputs {
        sales_and_marketing_spend: v.value("sales_and_marketing_spend"),
        new_customers: v.value("new_customers"),
    })
}

/// Payback from the form, on the CAC computed above it.
fn payback_of(v: &dyn Values) -> Outcome<CacPayback> {
    let c = cac_of(v)?;
    cac_payback(&CacPaybackInputs {
        cac: c.cac,
        arpa: v.value("arpa"),
        gross_margin: Percent(v.value("gross_margin")),
        period: period_of(v, "period"),
    })
}

/// The LTV field. LTV may be negative (a historic CLV), so the "unreadable
/// is −1" convention cannot tell garbage from a real −1: an unreadable text
/// (in either locale's writing, or canonical) is reported on the field.
fn ltv_of(v: &dyn Values) -> Outcome<Decimal> {
    let x = v.value("ltv");
    let text = v.text("ltv");
    let readable = x != Decimal::NEGATIVE_ONE
        || [Locale::Fr, Locale::En].into_iter().any(|l| cadran_core::locale::parse_number(&text, l).is_ok());
    if readable {
        Ok(x)
    } else {
        Err(MetricError::from(InputError::new(Field("ltv"), InputProblem::Unrecognised)))
    }
}

/// LTV:CAC from the form, on the CAC computed above it.
fn ratio_of(v: &dyn Values) -> Outcome<LtvCacRatio> {
    let c = cac_of(v)?;
    ltv_to_cac(ltv_of(v)?, c.cac)
}

/// The card's KPIs, for targets and the dashboard.
pub const KPIS: &[Kpi] = &[
    Kpi {
        key: "cac",
        route: Route::Cac,
        form_id: "cac",
        fields: FIELDS,
        label: ("Coût d’acquisition client (CAC)", "Customer acquisition cost (CAC)"),
        unit: Unit::Money,
        direction: Direction::AtMost,
        near: NEAR_10_PERCENT,
        read: |v| cac_of(v).map(|c| c.cac),
    },
    Kpi {
        key: "cac_payback",
        route: Route::Cac,
        form_id: "cac",
        fields: FIELDS,
        label: ("Délai de remboursement du CAC", "CAC payback"),
        unit: Unit::Months,
        direction: Direction::AtMost,
        near: NEAR_10_PERCENT,
        read: |v| payback_of(v).map(|p| p.payback_months),
    },
    Kpi {
        key: "ltv_cac",
        route: Route::Cac,
        form_id: "cac",
        fields: FIELDS,
        label: ("Ratio LTV:CAC", "LTV:CAC ratio"),
        unit: Unit::Ratio,
        direction: Direction::AtLeast,
        near: NEAR_10_PERCENT,
        read: |v| ratio_of(v).map(|r| r.ratio),
    },
];

/// The core's validation message for `key`.
fn problem_of(outcomes: &[Option<MetricError>], key: &str, l: Locale) -> Option<String> {
    outcomes.iter().flatten().find_map(|e| match e {
        MetricError::Invalid(ie) if ie.field.0 == key && ie.problem != InputProblem::Unrecognised => {
            Some(describe_problem(&ie.problem, "", l))
        }
        _ => None,
    })
}

/// Carries this card's ARPA, margin, unit and CAC to the CLV card and opens it.
fn open_clv(form: &Form) {
    let mut values: Vec<(&str, Decimal)> = Vec::new();
    for key in ["arpa", "gross_margin"] {
        if let Ok(v) = form.number(key) {
            values.push((key, v));
        }
    }
    values.push(("period", period_of(form, "period").months()));
    if let Ok(c) = cac_of(form) {
        values.push(("acquisition_cost", c.cac.round_dp(2)));
    }
    crate::handoff::send_to_form("clv", &values);
    let _ = window().location().set_hash(&format!("{}?from=cac", Route::Clv.path()));
}

/// The CAC, payback and LTV:CAC calculator.
#[component]
pub fn CacPage() -> impl IntoView {
    let prefs = use_prefs();
    let form = Form::new("cac", FIELDS);
    let t = move || texts(prefs.locale.get());
    let fmt = move || Fmt::of(prefs);
    let from_clv = hash_params(&window().location().hash().unwrap_or_default()).iter().any(|(k, v)| k == "from" && v == "clv");
    let cac_r = Memo::new(move |_| cac_of(&form));
    let payback = Memo::new(move |_| payback_of(&form));
    let ratio = Memo::new(move |_| ratio_of(&form));
    let period = move || period_of(&form, "period");
    let errors = move || vec![cac_r.get().err(), payback.get().err(), ratio.get().err()];
    let field = move |key: &'static str, unit: Signal<String>| {
        view! {
            <NumberField
                form=form
                key=key
                label=Signal::derive(move || label(key, prefs.locale.get()))
                unit=unit
                help=Signal::derive(move || field_help(t().labels, key).unwrap_or_default().to_string())
                problem=Signal::derive(move || problem_of(&errors(), key, prefs.locale.get()))
            />
        }
    };
    let currency = Signal::derive(move || fmt().currency.symbol(fmt().locale).to_string());
    let arpa_unit = Signal::derive(move || format!("{} {}", currency.get(), per_period(period(), prefs.locale.get())));
    let customers = Signal::derive(move || if prefs.locale.get() == Locale::Fr { "clients" } else { "customers" }.to_string());
    let pct = Signal::derive(|| "%".to_string());

    let cac_out = Signal::derive(move || {
        let f = fmt();
        OutputValue::from_outcome(cac_r.get(), f, label, |c| (fmt_money(c.cac, f), fmt_exact(c.cac, f)))
    });
    let margin_out = Signal::derive(move || {
        let f = fmt();
        OutputValue::from_outcome(payback.get(), f, label, |p| {
            (format!("{} {}", fmt_money(p.margin_per_period, f), per_period(p.period, f.locale)), fmt_exact(p.margin_per_period, f))
        })
    });
    let payback_out = Signal::derive(move || {
        let f = fmt();
        OutputValue::from_outcome(payback.get(), f, label, |p| (fmt_months(p.payback_months, f), fmt_exact(p.payback_months, f)))
    });
    let ratio_out = Signal::derive(move || {
        let f = fmt();
        OutputValue::from_outcome(ratio.get(), f, label, |r| (fmt_ratio(r.ratio, f), fmt_exact(r.ratio, f) + ":1"))
    });
    let verdict = move || ratio.get().ok().map(|r| if r.meets_reference() { t().above } else { t().below });

    view! {
        <section class="page calculator cac-page" aria-labelledby="page-title">
            <div class="page-head">
                <h1 id="page-title">{move || title(prefs.locale.get())}</h1>
                <p class="intro">{move || t().intro}</p>
                {from_clv.then(|| view! { <p class="carried" role="status">{move || t().from_clv}</p> })}
            </div>
            <div class="calc-grid">
                <form class="inputs" on:submit=|ev| ev.prevent_default()>
                    <fieldset>
                        <legend>{move || t().acquisition}</legend>
                        {field("sales_and_marketing_spend", currency)}
                        {field("new_customers", customers)}
                    </fieldset>
                    <fieldset>
                        <legend>{move || t().customer}</legend>
                        <PeriodChoice form=form key="period" legend=Signal::derive(move || t().unit_legend.to_string()) />
                        {field("arpa", arpa_unit)}
                        {field("gross_margin", pct)}
                    </fieldset>
                    <fieldset>
                        <legend>{move || t().value}</legend>
                        {field("ltv", currency)}
                    </fieldset>
                    <button type="button" class="secondary" on:click=move |_| form.reset()>{move || t().reset}</button>
                </form>
                <div class="results" aria-live="polite">
                    <h2>{move || t().results}</h2>
                    <Output name="cac" primary=true label=Signal::derive(move || t().cac.to_string()) value=cac_out />
                    <TargetControl kpi=&KPIS[0] form=form />
                    <Output name="payback" label=Signal::derive(move || t().payback.to_string()) value=payback_out />
                    <TargetControl kpi=&KPIS[1] form=form />
                    <Output name="margin_per_period" label=Signal::derive(move || t().margin.to_string()) value=margin_out />
                    <Output name="ltv_cac" label=Signal::derive(move || t().ratio.to_string()) value=ratio_out />
                    <div class="reference">
                        <RatioScale ratio=ratio />
                        <p class="help">{move || verdict().map(|v| format!("{v} ")).unwrap_or_default()}{move || t().reference}</p>
                    </div>
                    <TargetControl kpi=&KPIS[2] form=form />
                    <p class="links">
                        <button type="button" class="link-button" on:click=move |_| open_clv(&form)>{move || t().to_clv} " →"</button>
                    </p>
                    <details class="how">
                        <summary>{move || t().how}</summary>
                        <HowCac cac=cac_r payback=payback ratio=ratio />
                        <p class="source">{move || t().source}</p>
                    </details>
                </div>
            </div>
        </section>
    }
}

/// A small scale from 0:1 to 6:1 with the 3:1 reference marked and the user's
/// ratio placed on it (clamped at the ends, with the exact ratio in words
/// above it). Decorative: the ratio and the reference are also in text.
#[component]
fn RatioScale(ratio: Memo<Outcome<LtvCacRatio>>) -> impl IntoView {
    const MAX: f64 = 6.0;
    let x = |r: f64| 8.0 + 284.0 * (r.clamp(0.0, MAX) / MAX);
    let reference = rust_decimal::prelude::ToPrimitive::to_f64(&LTV_CAC_REFERENCE).unwrap_or(3.0);
    move || {
        ratio.get().ok().map(|r| {
            let v = rust_decimal::prelude::ToPrimitive::to_f64(&r.ratio).unwrap_or(0.0);
            let (xr, xv) = (x(reference), x(v));
            view! {
                <svg class="ratio-scale" viewBox="0 0 300 34" aria-hidden="true">
                    <line class="rs-track" x1="8" x2="292" y1="20" y2="20"></line>
                    <line class="rs-ref" x1={coord(xr)} x2={coord(xr)} y1="10" y2="30"></line>
                    <text class="rs-label" x={coord(xr + 4.0)} y="10">"3:1"</text>
                    <circle class="rs-dot" cx={coord(xv)} cy="20" r="6"></circle>
                    <text class="rs-label" x="8" y="33">"0"</text>
                    <text class="rs-label" x="292" y="33" text-anchor="end">"6+"</text>
                </svg>
            }
        })
    }
}

/// The formulas with the user's own numbers substituted.
#[component]
fn HowCac(
    cac: Memo<Outcome<Cac>>,
    payback: Memo<Outcome<CacPayback>>,
    ratio: Memo<Outcome<LtvCacRatio>>,
) -> impl IntoView {
    let prefs = use_prefs();
    move || {
        let f = Fmt::of(prefs);
        let fr = f.locale == Locale::Fr;
        let m = |v: Decimal| fmt_money(v, f);
        let mut lines = Vec::new();
        match cac.get() {
            Ok(c) => lines.push(format!(
                "CAC = {} = {} ÷ {} = {}",
                if fr { "dépenses ÷ nouveaux clients" } else { "spend ÷ new customers" },
                m(c.sales_and_marketing_spend),
                format_number(c.new_customers, 0, f.locale),
                m(c.cac)
            )),
            Err(_) => lines.push(format!("CAC = {}", if fr { "dépenses ÷ nouveaux clients" } else { "spend ÷ new customers" })),
        }
        match payback.get() {
            Ok(p) => {
                let per = per_period(p.period, f.locale);
                lines.push(format!(
                    "{} = CAC ÷ (ARPA × {}) = {} ÷ ({} {per} × {}) = {} ÷ {} {per} = {}",
                    if fr { "Délai" } else { "Payback" },
                    if fr { "marge brute" } else { "gross margin" },
                    m(p.cac),
                    m(p.arpa),
                    fmt_percent(p.gross_margin, f),
                    m(p.cac),
                    m(p.margin_per_period),
                    if p.period.months() == Decimal::ONE {
                        fmt_months(p.payback_months, f)
                    } else {
                        format!(
                            "{} {} = {}",
                            format_number(p.payback_periods, 2, f.locale),
                            if fr { "an(s)" } else { "year(s)" },
                            fmt_months(p.payback_months, f)
                        )
                    }
                ));
            }
            Err(_) => lines.push(format!(
                "{} = CAC ÷ (ARPA × {})",
                if fr { "Délai" } else { "Payback" },
                if fr { "marge brute" } else { "gross margin" }
            )),
        }
        match ratio.get() {
            Ok(r) => lines.push(format!("LTV:CAC = LTV ÷ CAC = {} ÷ {} = {}", m(r.ltv), m(r.cac), fmt_ratio(r.ratio, f))),
            Err(_) => lines.push("LTV:CAC = LTV ÷ CAC".to_string()),
        }
        view! {
            <ul class="formulas" data-formula="cac">
                {lines.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}
            </ul>
        }
    }
}
