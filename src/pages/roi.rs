//! The ROI of customer-success spending. Formulas: [`cadran_core::metrics::roi`].

use crate::components::{
    fmt_exact, fmt_money, fmt_months, fmt_percent, FieldLabels, CalculatorPage, CardField, CheckboxField, FieldKind, FieldSpec, Fmt,
    Form, Output, OutputValue, TargetControl,
};
use crate::i18n::{describe_error, describe_problem, tr, use_prefs, Tr};
use crate::kpi::{Kpi, Unit, Values, NEAR_10_PERCENT};
use crate::router::Route;
use cadran_core::metrics::target::Direction;
use cadran_core::locale::Locale;
use cadran_core::metrics::roi::{compute_roi, RoiInputs, RoiReport};
use cadran_core::{Decimal, MetricError, Outcome, Percent};
use leptos::prelude::*;

/// The form's fields: names are the core's field names.
pub const FIELDS: &[FieldSpec] = &[
    FieldSpec::new("salaries", FieldKind::Money, "60000")
        .label(tr("Salaires", "Salaries"))
        .help(tr("Salaires et charges de l’équipe succès client.", "Salaries and payroll costs of the customer-success team.")),
    FieldSpec::new("training", FieldKind::Money, "5000").label(tr("Formation", "Training")),
    FieldSpec::new("tools", FieldKind::Money, "12000").label(tr("Outils et logiciels", "Tools and software")),
    FieldSpec::new("other_costs", FieldKind::Money, "3000").label(tr("Autres coûts", "Other costs")),
    FieldSpec::new("customers", FieldKind::Count, "2000").label(tr("Clients au début de la période", "Customers at the start of the period")),
    FieldSpec::new("churn_reduction", FieldKind::Percent, "1")
        .label(tr("Baisse de l’attrition mensuelle", "Monthly churn reduction"))
        .help(tr(
            "En points de pourcentage : de 3 % à 2 % par mois, c’est 1 point.",
            "In percentage points: from 3 % to 2 % a month is 1 point.",
        ))
        .unit(POINTS),
    FieldSpec::new("arpa", FieldKind::Money, "150")
        .label(tr("Revenu moyen par compte (ARPA)", "Average revenue per account (ARPA)"))
        .help(tr("Par client et par mois.", "Per customer per month."))
        .unit(tr("/ mois", "/ month")),
    FieldSpec::new("months", FieldKind::Months, "12").label(tr("Durée de la période", "Length of the period")),
    FieldSpec::new("use_gross_margin", FieldKind::Flag, "false").label(tr(
        "Compter le revenu conservé à la marge brute (profit) plutôt qu’en chiffre d’affaires",
        "Count kept revenue at gross margin (profit) rather than as revenue",
    )),
    FieldSpec::new("gross_margin", FieldKind::Percent, "75").label(tr("Marge brute", "Gross margin")),
    FieldSpec::new("upsell", FieldKind::Money, "20000")
        .label(tr("Ventes additionnelles et croisées", "Upsell and cross-sell"))
        .help(tr("Revenu supplémentaire obtenu par l’équipe sur la période.", "Extra revenue the team brought in over the period.")),
    FieldSpec::new("aov_increase", FieldKind::Money, "4")
        .label(tr("Hausse du panier moyen", "Average order value increase"))
        .help(tr("Par commande.", "Per order.")),
    FieldSpec::new("orders", FieldKind::Count, "5000").label(tr("Commandes sur la période", "Orders over the period")),
];

const POINTS: Tr = tr("points", "points");

/// The KPIs of this card (see [`crate::kpi`]).
pub const KPIS: &[Kpi] = &[Kpi {
    key: "roi",
    route: Route::Roi,
    form_id: "roi",
    fields: FIELDS,
    label: tr("ROI du succès client", "Customer-success ROI"),
    unit: Unit::Percent,
    direction: Direction::AtLeast,
    near: NEAR_10_PERCENT,
    read: |v| compute_roi(&inputs(v)).roi_percent.map(|p| p.0),
}];

/// The page's texts.
struct Texts {
    intro: Tr,
    costs: Tr,
    gains: Tr,
    source: Tr,
    total_cost: Tr,
    retained: Tr,
    total_gain: Tr,
    net_gain: Tr,
    roi: Tr,
    payback: Tr,
    break_even: Tr,
    /// The formulas in words: total gain, kept revenue, payback.
    total_gain_is: Tr,
    retained_is: Tr,
    payback_is: Tr,
}

const T: Texts = Texts {
    intro: tr(
        "Ce que coûte votre équipe succès client, ce qu’elle rapporte, et à partir de quand elle est rentable.",
        "What your customer-success team costs, what it brings in, and when it pays for itself.",
    ),
    costs: tr("Coûts sur la période", "Costs over the period"),
    gains: tr("Gains sur la période", "Gains over the period"),
    source: tr(
        "Source : rapport retour sur investissement (Investopedia, « Return on Investment ») appliqué au succès client comme dans les calculateurs ROI de Gainsight et Totango.",
        "Source: the return-on-investment ratio (Investopedia, “Return on Investment”), applied to customer success as in Gainsight’s and Totango’s ROI calculators.",
    ),
    total_cost: tr("Coût total", "Total cost"),
    retained: tr("Revenu conservé grâce à la baisse de l’attrition", "Revenue kept by lower churn"),
    total_gain: tr("Gain total", "Total gain"),
    net_gain: tr("Gain net", "Net gain"),
    roi: tr("ROI", "ROI"),
    payback: tr("Délai de retour sur investissement", "Payback period"),
    break_even: tr("Baisse d’attrition nécessaire pour être rentable", "Churn reduction needed to break even"),
    total_gain_is: tr(
        "revenu conservé + ventes additionnelles + hausse du panier × commandes",
        "kept revenue + upsell + order value increase × orders",
    ),
    retained_is: tr(
        "Revenu conservé = clients × baisse d’attrition × ARPA × mois",
        "Kept revenue = customers × churn reduction × ARPA × months",
    ),
    payback_is: tr("Délai = coût ÷ (gain ÷ mois)", "Payback = cost ÷ (gain ÷ months)"),
};


/// Reads the form into the core's inputs: a field whose text is not a
/// number is listed as unreadable (its value is never read by the core,
/// which blanks only the outputs that need it).
fn inputs(form: &dyn Values) -> RoiInputs {
    let mut unreadable = Vec::new();
    let mut get = |key: &'static str| {
        form.value(key).unwrap_or_else(|e| {
            unreadable.push(e.field);
            Decimal::ZERO
        })
    };
    let mut i = RoiInputs {
        salaries: get("salaries"),
        training: get("training"),
        tools: get("tools"),
        other_costs: get("other_costs"),
        customers: get("customers"),
        churn_reduction: Percent(get("churn_reduction")),
        arpa: get("arpa"),
        months: get("months"),
        use_gross_margin: form.text("use_gross_margin") == "true",
        gross_margin: Percent(get("gross_margin")),
        upsell: get("upsell"),
        aov_increase: get("aov_increase"),
        orders: get("orders"),
        unreadable: Vec::new(),
    };
    i.unreadable = unreadable;
    i
}

/// The core's validation message for `key`, if any output rejects it.
fn problem_of(report: &RoiReport, key: &str, l: Locale) -> Option<String> {
    let errors = [
        report.total_cost.as_ref().err(),
        report.retained_revenue.as_ref().err(),
        report.aov_gain.as_ref().err(),
        report.total_gain.as_ref().err(),
        report.payback_months.as_ref().err(),
        report.break_even_churn_reduction.as_ref().err(),
        report.roi_percent.as_ref().err(),
    ];
    errors.into_iter().flatten().find_map(|e| match e {
        MetricError::Invalid(ie) if ie.field.0 == key => Some(describe_problem(&ie.problem, "", l)),
        _ => None,
    })
}

/// The ROI calculator.
#[component]
pub fn RoiPage() -> impl IntoView {
    let prefs = use_prefs();
    let form = Form::new("roi", FIELDS);
    let report = Memo::new(move |_| compute_roi(&inputs(&form)));
    let l = move || prefs.locale.get();
    let fmt = move || Fmt::of(prefs);
    let field = move |key: &'static str| {
        view! { <CardField form=form key=key problem=Signal::derive(move || problem_of(&report.get(), key, l())) /> }
    };
    let text = move |t: Tr| Signal::derive(move || t.get(l()).to_string());

    let money_out = move |o: Outcome<cadran_core::Decimal>| {
        let f = fmt();
        OutputValue::from_outcome(o, f, |k, l| FIELDS.label(k, l), |v| (fmt_money(v, f), fmt_exact(v, f)))
    };
    let pct_out = move |o: Outcome<Percent>| {
        let f = fmt();
        OutputValue::from_outcome(o, f, |k, l| FIELDS.label(k, l), |v| (fmt_percent(v, f), fmt_exact(v.0, f) + " %"))
    };
    let sign_tone = move |o: Outcome<cadran_core::Decimal>| match o {
        Ok(v) if v.is_sign_negative() && !v.is_zero() => "bad",
        Ok(v) if v.is_zero() => "",
        Ok(_) => "good",
        Err(_) => "",
    };

    view! {
        <CalculatorPage
            route=Route::Roi
            form=form
            intro=T.intro
            source=T.source
            inputs=view! {
                <fieldset>
                    <legend>{move || T.costs.get(l())}</legend>
                    {field("salaries")}
                    {field("training")}
                    {field("tools")}
                    {field("other_costs")}
                </fieldset>
                <fieldset>
                    <legend>{move || T.gains.get(l())}</legend>
                    {field("customers")}
                    {field("churn_reduction")}
                    {field("arpa")}
                    {field("months")}
                    <CheckboxField form=form key="use_gross_margin" label=Signal::derive(move || FIELDS.label("use_gross_margin", l())) />
                    <Show when=move || form.flag("use_gross_margin")>
                        {field("gross_margin")}
                    </Show>
                    {field("upsell")}
                    {field("aov_increase")}
                    {field("orders")}
                </fieldset>
            }
            .into_any()
            results=view! {
                <Output name="roi" primary=true label=text(T.roi)
                    value=Signal::derive(move || pct_out(report.get().roi_percent))
                    tone=Signal::derive(move || sign_tone(report.get().roi_percent.map(|p| p.0))) />
                <Output name="net_gain" label=text(T.net_gain)
                    value=Signal::derive(move || money_out(report.get().net_gain))
                    tone=Signal::derive(move || sign_tone(report.get().net_gain)) />
                <Output name="total_cost" label=text(T.total_cost) value=Signal::derive(move || money_out(report.get().total_cost)) />
                <Output name="total_gain" label=text(T.total_gain) value=Signal::derive(move || money_out(report.get().total_gain)) />
                <Output name="retained" label=text(T.retained) value=Signal::derive(move || money_out(report.get().retained_revenue)) />
                <Output name="payback" label=text(T.payback)
                    value=Signal::derive(move || {
                        let f = fmt();
                        OutputValue::from_outcome(report.get().payback_months, f, |k, l| FIELDS.label(k, l), |v| (fmt_months(v, f), fmt_exact(v, f)))
                    }) />
                <Output name="break_even" label=text(T.break_even)
                    value=Signal::derive(move || {
                        let f = fmt();
                        match report.get().break_even_churn_reduction {
                            Ok(v) => OutputValue::Value {
                                shown: format!("{} {}", cadran_core::locale::format_number(v.0, 2, f.locale), POINTS.get(f.locale)),
                                exact: fmt_exact(v.0, f),
                            },
                            Err(e) => OutputValue::Reason(describe_error(&e, &|k| FIELDS.label(k, f.locale), f.locale)),
                        }
                    }) />
                <TargetControl kpi=&KPIS[0] form=form />
            }
            .into_any()
            how=view! { <HowRoi report=report /> }.into_any()
        />
    }
}

/// The formulas with the user's own numbers substituted.
#[component]
fn HowRoi(report: Memo<RoiReport>) -> impl IntoView {
    let prefs = use_prefs();
    move || {
        let r = report.get();
        let f = Fmt::of(prefs);
        let l = f.locale;
        let m = |o: &Outcome<cadran_core::Decimal>| o.as_ref().map_or("?".to_string(), |v| fmt_money(*v, f));
        let roi = r.roi_percent.as_ref().map_or("?".to_string(), |p| fmt_percent(*p, f));
        view! {
            <ul class="formulas">
                <li>{T.total_gain.get(l)} " = " {T.total_gain_is.get(l)} " = " {m(&r.total_gain)}</li>
                <li>{T.retained_is.get(l)} " = " {m(&r.retained_revenue)}</li>
                <li>"ROI = (" {m(&r.total_gain)} " − " {m(&r.total_cost)} ") ÷ " {m(&r.total_cost)} " = " {roi}</li>
                <li>{T.payback_is.get(l)}</li>
            </ul>
        }
    }
}
