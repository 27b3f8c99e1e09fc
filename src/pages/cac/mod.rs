//! Acquisition cost, CAC payback and LTV:CAC, chained on one card: the CAC
//! computed at the top feeds the payback and the ratio below it.
//! Formulas: [`cadran_core::metrics::cac`].

mod how;

use crate::components::{
    fmt_exact, fmt_money, fmt_months, fmt_ratio, label_of, per_period, period_of, CalculatorPage, CardField, FieldKind, FieldSpec,
    Fmt, Form, NumberField, Output, OutputValue, PeriodChoice, TargetControl,
};
use crate::i18n::{describe_problem, tr, use_prefs, Tr};
use how::{HowCac, RatioScale};
use crate::kpi::{Kpi, Unit, Values, NEAR_10_PERCENT};
use cadran_core::metrics::target::Direction;
use crate::router::{hash_params, Route};
use cadran_core::locale::Locale;
use cadran_core::metrics::cac::{cac, cac_payback, ltv_to_cac, Cac, CacInputs, CacPayback, CacPaybackInputs, LtvCacRatio};
use cadran_core::{Decimal, InputProblem, MetricError, Outcome, Percent};
use leptos::prelude::*;

/// The form's fields: names are the core's field names (`ltv` is the first
/// argument of [`ltv_to_cac`], `period` the unit of `arpa`, as months per
/// period: see [`PeriodChoice`]).
pub const FIELDS: &[FieldSpec] = &[
    FieldSpec::new("sales_and_marketing_spend", FieldKind::Money, "60000")
        .label(tr("Dépenses ventes et marketing", "Sales and marketing spend"))
        .help(tr("Sur la période : salaires, publicité, outils, agences.", "Over the period: salaries, ads, tools, agencies.")),
    FieldSpec::new("new_customers", FieldKind::Count, "40")
        .label(tr("Nouveaux clients", "New customers"))
        .help(tr("Gagnés sur la même période.", "Won over the same period."))
        .unit(tr("clients", "customers")),
    FieldSpec::new("period", FieldKind::Choice, "1").label(tr("Unité de l’ARPA", "Unit of ARPA")),
    FieldSpec::new("arpa", FieldKind::Money, "100")
        .label(tr("Revenu moyen par compte (ARPA)", "Average revenue per account (ARPA)"))
        .help(tr("Par client, dans l’unité choisie ci-dessus.", "Per customer, in the unit chosen above.")),
    FieldSpec::new("gross_margin", FieldKind::Percent, "80")
        .label(tr("Marge brute", "Gross margin"))
        .help(tr(
            "Part du revenu qui reste après le coût de service (hébergement, support).",
            "Share of revenue left after the cost to serve (hosting, support).",
        )),
    FieldSpec::new("ltv", FieldKind::Money, "4000")
        .label(tr("Valeur vie client (LTV)", "Customer lifetime value (LTV)"))
        .help(tr(
            "Marge totale attendue d’un client sur toute sa durée de vie (carte CLV).",
            "Total margin expected from a customer over their whole lifetime (CLV card).",
        )),
];

/// The page's texts.
struct Texts {
    intro: Tr,
    acquisition: Tr,
    customer: Tr,
    value: Tr,
    source: Tr,
    cac: Tr,
    margin: Tr,
    payback: Tr,
    ratio: Tr,
    reference: Tr,
    above: Tr,
    below: Tr,
    to_clv: Tr,
    from_clv: Tr,
    /// The formulas' words (see `how.rs`).
    spend_per_new: Tr,
    payback_word: Tr,
    gross_margin: Tr,
    years: Tr,
}

const T: Texts = Texts {
    intro: tr(
        "Ce que coûte un nouveau client, en combien de mois sa marge le rembourse, et combien de fois sa valeur vie couvre ce coût.",
        "What a new customer costs, how many months of their margin repay it, and how many times their lifetime value covers it.",
    ),
    acquisition: tr("1. Acquisition sur une période", "1. Acquisition over a period"),
    customer: tr("2. Revenu et marge d’un client", "2. A customer’s revenue and margin"),
    value: tr("3. Valeur vie d’un client", "3. A customer’s lifetime value"),
    source: tr(
        "Source : D. Skok, « SaaS Metrics 2.0 – A Guide to Measuring and Improving What Matters » (2013) : CAC = dépenses ventes et marketing ÷ nouveaux clients ; mois pour rembourser le CAC = CAC ÷ (ARPA × marge brute) ; repère LTV > 3 × CAC. Farris et al., « Marketing Metrics » (2010), coût moyen d’acquisition.",
        "Source: D. Skok, “SaaS Metrics 2.0 – A Guide to Measuring and Improving What Matters” (2013): CAC = sales and marketing spend ÷ new customers; months to recover CAC = CAC ÷ (ARPA × gross margin); the LTV > 3 × CAC reference. Farris et al., “Marketing Metrics” (2010), average acquisition cost.",
    ),
    cac: tr("Coût d’acquisition client (CAC)", "Customer acquisition cost (CAC)"),
    margin: tr("Marge par client (ARPA × marge brute)", "Margin per customer (ARPA × gross margin)"),
    payback: tr("Délai de remboursement du CAC", "CAC payback"),
    ratio: tr("LTV:CAC", "LTV:CAC"),
    reference: tr(
        "Repère souvent cité : 3:1 (D. Skok, 2013). C’est un contexte, pas une règle : sous 1:1, chaque client coûte plus qu’il ne rapporte ; bien au-dessus de 3:1, vous investissez peut-être trop peu dans la croissance. Le bon niveau dépend de votre trésorerie et du délai de remboursement.",
        "Reference often quoted: 3:1 (D. Skok, 2013). It is context, not a rule: below 1:1 each customer costs more than they bring; well above 3:1 you may be under-investing in growth. The right level depends on your cash and your payback time.",
    ),
    above: tr("Votre ratio atteint ou dépasse ce repère.", "Your ratio reaches or exceeds this reference."),
    below: tr("Votre ratio est sous ce repère.", "Your ratio is below this reference."),
    to_clv: tr(
        "Calculer la valeur vie (CLV) avec cet ARPA, cette marge et ce CAC",
        "Compute lifetime value (CLV) with this ARPA, margin and CAC",
    ),
    from_clv: tr(
        "Valeurs reprises de la carte CLV : ARPA, marge brute et unité de temps, ou valeur vie.",
        "Values carried over from the CLV card: ARPA, gross margin and time unit, or lifetime value.",
    ),
    spend_per_new: tr("dépenses ÷ nouveaux clients", "spend ÷ new customers"),
    payback_word: tr("Délai", "Payback"),
    gross_margin: tr("marge brute", "gross margin"),
    years: tr("an(s)", "year(s)"),
};


fn label(key: &str, l: Locale) -> String {
    // The core names the CAC computed above as the field `cac` of the payback and the ratio.
    if key == "cac" {
        return "CAC".to_string();
    }
    label_of(FIELDS, key, l)
}

/// CAC from the live or stored form.
fn cac_of(v: &dyn Values) -> Outcome<Cac> {
    cac(&CacInputs {
        sales_and_marketing_spend: v.value("sales_and_marketing_spend")?,
        new_customers: v.value("new_customers")?,
    })
}

/// Payback from the form, on the CAC computed above it.
fn payback_of(v: &dyn Values) -> Outcome<CacPayback> {
    let c = cac_of(v)?;
    cac_payback(&CacPaybackInputs {
        cac: c.cac,
        arpa: v.value("arpa")?,
        gross_margin: Percent(v.value("gross_margin")?),
        period: period_of(v, "period"),
    })
}

/// LTV:CAC from the form, on the CAC computed above it.
fn ratio_of(v: &dyn Values) -> Outcome<LtvCacRatio> {
    let c = cac_of(v)?;
    ltv_to_cac(v.value("ltv")?, c.cac)
}

/// The card's KPIs, for targets and the dashboard.
pub const KPIS: &[Kpi] = &[
    Kpi {
        key: "cac",
        route: Route::Cac,
        form_id: "cac",
        fields: FIELDS,
        label: tr("Coût d’acquisition client (CAC)", "Customer acquisition cost (CAC)"),
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
        label: tr("Délai de remboursement du CAC", "CAC payback"),
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
        label: tr("Ratio LTV:CAC", "LTV:CAC ratio"),
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
    let l = move || prefs.locale.get();
    let fmt = move || Fmt::of(prefs);
    let from_clv = hash_params(&window().location().hash().unwrap_or_default()).iter().any(|(k, v)| k == "from" && v == "clv");
    let cac_r = Memo::new(move |_| cac_of(&form));
    let payback = Memo::new(move |_| payback_of(&form));
    let ratio = Memo::new(move |_| ratio_of(&form));
    let period = move || period_of(&form, "period");
    let errors = move || vec![cac_r.get().err(), payback.get().err(), ratio.get().err()];
    let problem = move |key: &'static str| Signal::derive(move || problem_of(&errors(), key, l()));
    let field = move |key: &'static str| view! { <CardField form=form key=key problem=problem(key) /> };
    // ARPA's unit follows the period chosen above it.
    let arpa_unit = Signal::derive(move || format!("{} {}", fmt().currency.symbol(l()), per_period(period(), l())));
    let arpa_help = Signal::derive(move || help_of("arpa", l()));
    let text = move |t: Tr| Signal::derive(move || t.get(l()).to_string());

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
    let verdict = move || ratio.get().ok().map(|r| if r.meets_reference() { T.above.get(l()) } else { T.below.get(l()) });

    view! {
        <CalculatorPage
            route=Route::Cac
            form=form
            class="cac-page"
            intro=T.intro
            source=T.source
            note=from_clv.then(|| view! { <p class="carried" role="status">{move || T.from_clv.get(l())}</p> }.into_any()).unwrap_or_else(|| ().into_any())
            inputs=view! {
                <fieldset>
                    <legend>{move || T.acquisition.get(l())}</legend>
                    {field("sales_and_marketing_spend")}
                    {field("new_customers")}
                </fieldset>
                <fieldset>
                    <legend>{move || T.customer.get(l())}</legend>
                    <PeriodChoice form=form key="period" legend=Signal::derive(move || label("period", l())) />
                    <NumberField form=form key="arpa" label=Signal::derive(move || label("arpa", l())) unit=arpa_unit help=arpa_help problem=problem("arpa") />
                    {field("gross_margin")}
                </fieldset>
                <fieldset>
                    <legend>{move || T.value.get(l())}</legend>
                    {field("ltv")}
                </fieldset>
            }
            .into_any()
            results=view! {
                <Output name="cac" primary=true label=text(T.cac) value=cac_out />
                <TargetControl kpi=&KPIS[0] form=form />
                <Output name="payback" label=text(T.payback) value=payback_out />
                <TargetControl kpi=&KPIS[1] form=form />
                <Output name="margin_per_period" label=text(T.margin) value=margin_out />
                <Output name="ltv_cac" label=text(T.ratio) value=ratio_out />
                <div class="reference">
                    <RatioScale ratio=ratio />
                    <p class="help">{move || verdict().map(|v| format!("{v} ")).unwrap_or_default()}{move || T.reference.get(l())}</p>
                </div>
                <TargetControl kpi=&KPIS[2] form=form />
                <p class="links">
                    <button type="button" class="link-button" on:click=move |_| open_clv(&form)>{move || T.to_clv.get(l())} " →"</button>
                </p>
            }
            .into_any()
            how=view! { <HowCac cac=cac_r payback=payback ratio=ratio /> }.into_any()
        />
    }
}

/// The help sentence of field `key` in `l`.
fn help_of(key: &str, l: Locale) -> String {
    FIELDS.iter().find(|s| s.key == key).map_or("", |s| s.help.get(l)).to_string()
}
