//! The ROI of customer-success spending. Formulas: [`cadran_core::metrics::roi`].

use crate::components::{
    fmt_exact, fmt_money, fmt_months, fmt_percent, CheckboxField, FieldKind, FieldSpec, Fmt, Form, NumberField, Output,
    OutputValue, TargetControl,
};
use crate::i18n::{describe_error, describe_problem, field_help, field_label, use_prefs, FieldText};
use crate::kpi::{Kpi, Unit, Values, NEAR_10_PERCENT};
use crate::router::Route;
use cadran_core::metrics::target::Direction;
use cadran_core::locale::Locale;
use cadran_core::metrics::roi::{compute_roi, RoiInputs, RoiReport};
use cadran_core::{MetricError, Outcome, Percent};
use leptos::prelude::*;

/// The form's fields: names are the core's field names.
pub const FIELDS: &[FieldSpec] = &[
    FieldSpec::new("salaries", FieldKind::Money, "60000"),
    FieldSpec::new("training", FieldKind::Money, "5000"),
    FieldSpec::new("tools", FieldKind::Money, "12000"),
    FieldSpec::new("other_costs", FieldKind::Money, "3000"),
    FieldSpec::new("customers", FieldKind::Count, "2000"),
    FieldSpec::new("churn_reduction", FieldKind::Percent, "1"),
    FieldSpec::new("arpa", FieldKind::Money, "150"),
    FieldSpec::new("months", FieldKind::Months, "12"),
    FieldSpec::new("use_gross_margin", FieldKind::Flag, "false"),
    FieldSpec::new("gross_margin", FieldKind::Percent, "75"),
    FieldSpec::new("upsell", FieldKind::Money, "20000"),
    FieldSpec::new("aov_increase", FieldKind::Money, "4"),
    FieldSpec::new("orders", FieldKind::Count, "5000"),
];

/// The KPIs of this card (see [`crate::kpi`]).
pub const KPIS: &[Kpi] = &[Kpi {
    key: "roi",
    route: Route::Roi,
    form_id: "roi",
    fields: FIELDS,
    label: ("ROI du succès client", "Customer-success ROI"),
    unit: Unit::Percent,
    direction: Direction::AtLeast,
    near: NEAR_10_PERCENT,
    read: |v| compute_roi(&inputs(v)).roi_percent.map(|p| p.0),
}];

/// The page's texts.
pub struct Texts {
    /// What the page is for.
    pub intro: &'static str,
    costs: &'static str,
    gains: &'static str,
    results: &'static str,
    reset: &'static str,
    how: &'static str,
    source: &'static str,
    per_month: &'static str,
    points: &'static str,
    total_cost: &'static str,
    retained: &'static str,
    total_gain: &'static str,
    net_gain: &'static str,
    roi: &'static str,
    payback: &'static str,
    break_even: &'static str,
    use_margin: &'static str,
    labels: &'static [FieldText],
}

const FR: Texts = Texts {
    intro: "Ce que coûte votre équipe succès client, ce qu’elle rapporte, et à partir de quand elle est rentable.",
    costs: "Coûts sur la période",
    gains: "Gains sur la période",
    results: "Résultats",
    reset: "Rétablir les valeurs par défaut",
    how: "Comment est-ce calculé ?",
    source: "Source : rapport retour sur investissement (Investopedia, « Return on Investment ») appliqué au succès client comme dans les calculateurs ROI de Gainsight et Totango.",
    per_month: "/ mois",
    points: "points",
    total_cost: "Coût total",
    retained: "Revenu conservé grâce à la baisse de l’attrition",
    total_gain: "Gain total",
    net_gain: "Gain net",
    roi: "ROI",
    payback: "Délai de retour sur investissement",
    break_even: "Baisse d’attrition nécessaire pour être rentable",
    use_margin: "Compter le revenu conservé à la marge brute (profit) plutôt qu’en chiffre d’affaires",
    labels: &[
        ("salaries", "Salaires", "Salaires et charges de l’équipe succès client."),
        ("training", "Formation", ""),
        ("tools", "Outils et logiciels", ""),
        ("other_costs", "Autres coûts", ""),
        ("customers", "Clients au début de la période", ""),
        ("churn_reduction", "Baisse de l’attrition mensuelle", "En points de pourcentage : de 3 % à 2 % par mois, c’est 1 point."),
        ("arpa", "Revenu moyen par compte (ARPA)", "Par client et par mois."),
        ("months", "Durée de la période", ""),
        ("gross_margin", "Marge brute", ""),
        ("upsell", "Ventes additionnelles et croisées", "Revenu supplémentaire obtenu par l’équipe sur la période."),
        ("aov_increase", "Hausse du panier moyen", "Par commande."),
        ("orders", "Commandes sur la période", ""),
    ],
};

const EN: Texts = Texts {
    intro: "What your customer-success team costs, what it brings in, and when it pays for itself.",
    costs: "Costs over the period",
    gains: "Gains over the period",
    results: "Results",
    reset: "Restore defaults",
    how: "How is this computed?",
    source: "Source: the return-on-investment ratio (Investopedia, “Return on Investment”), applied to customer success as in Gainsight’s and Totango’s ROI calculators.",
    per_month: "/ month",
    points: "points",
    total_cost: "Total cost",
    retained: "Revenue kept by lower churn",
    total_gain: "Total gain",
    net_gain: "Net gain",
    roi: "ROI",
    payback: "Payback period",
    break_even: "Churn reduction needed to break even",
    use_margin: "Count kept revenue at gross margin (profit) rather than as revenue",
    labels: &[
        ("salaries", "Salaries", "Salaries and payroll costs of the customer-success team."),
        ("training", "Training", ""),
        ("tools", "Tools and software", ""),
        ("other_costs", "Other costs", ""),
        ("customers", "Customers at the start of the period", ""),
        ("churn_reduction", "Monthly churn reduction", "In percentage points: from 3 % to 2 % a month is 1 point."),
        ("arpa", "Average revenue per account (ARPA)", "Per customer per month."),
        ("months", "Length of the period", ""),
        ("gross_margin", "Gross margin", ""),
        ("upsell", "Upsell and cross-sell", "Extra revenue the team brought in over the period."),
        ("aov_increase", "Average order value increase", "Per order."),
        ("orders", "Orders over the period", ""),
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
        Locale::Fr => "ROI du succès client",
        Locale::En => "Customer-success ROI",
    }
}

fn label(key: &str, l: Locale) -> String {
    field_label(texts(l).labels, key)
}

fn help(key: &str, l: Locale) -> Option<&'static str> {
    field_help(texts(l).labels, key)
}

/// Reads the form into the core's inputs.
fn inputs(form: &dyn Values) -> RoiInputs {
    RoiInputs {
        salaries: form.value("salaries"),
        training: form.value("training"),
        tools: form.value("tools"),
        other_costs: form.value("other_costs"),
        customers: form.value("customers"),
        churn_reduction: Percent(form.value("churn_reduction")),
        arpa: form.value("arpa"),
        months: form.value("months"),
        use_gross_margin: form.text("use_gross_margin") == "true",
        gross_margin: Percent(form.value("gross_margin")),
        upsell: form.value("upsell"),
        aov_increase: form.value("aov_increase"),
        orders: form.value("orders"),
    }
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
    let t = move || texts(prefs.locale.get());
    let fmt = move || Fmt::of(prefs);
    let currency = move || fmt().currency.symbol(fmt().locale).to_string();

    let field = move |key: &'static str, unit: Signal<String>| {
        let help = help(key, prefs.locale.get_untracked()).map(|_| Signal::derive(move || help(key, prefs.locale.get()).unwrap_or_default().to_string()));
        view! {
            <NumberField
                form=form
                key=key
                label=Signal::derive(move || label(key, prefs.locale.get()))
                unit=unit
                help=help.unwrap_or_else(|| Signal::derive(String::new))
                problem=Signal::derive(move || problem_of(&report.get(), key, prefs.locale.get()))
            />
        }
    };
    let money_unit = Signal::derive(currency);
    let money_pm = Signal::derive(move || format!("{} {}", currency(), t().per_month));
    let pct = Signal::derive(|| "%".to_string());
    let points = Signal::derive(move || t().points.to_string());
    let months = Signal::derive(move || if prefs.locale.get() == Locale::Fr { "mois" } else { "months" }.to_string());
    let count = Signal::derive(String::new);

    let money_out = move |o: Outcome<cadran_core::Decimal>| {
        let f = fmt();
        OutputValue::from_outcome(o, f, label, |v| (fmt_money(v, f), fmt_exact(v, f)))
    };
    let pct_out = move |o: Outcome<Percent>| {
        let f = fmt();
        OutputValue::from_outcome(o, f, label, |v| (fmt_percent(v, f), fmt_exact(v.0, f) + " %"))
    };
    let sign_tone = move |o: Outcome<cadran_core::Decimal>| match o {
        Ok(v) if v.is_sign_negative() && !v.is_zero() => "bad",
        Ok(v) if v.is_zero() => "",
        Ok(_) => "good",
        Err(_) => "",
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
                        <legend>{move || t().costs}</legend>
                        {field("salaries", money_unit)}
                        {field("training", money_unit)}
                        {field("tools", money_unit)}
                        {field("other_costs", money_unit)}
                    </fieldset>
                    <fieldset>
                        <legend>{move || t().gains}</legend>
                        {field("customers", count)}
                        {field("churn_reduction", points)}
                        {field("arpa", money_pm)}
                        {field("months", months)}
                        <CheckboxField form=form key="use_gross_margin" label=Signal::derive(move || t().use_margin.to_string()) />
                        <Show when=move || form.flag("use_gross_margin")>
                            {field("gross_margin", pct)}
                        </Show>
                        {field("upsell", money_unit)}
                        {field("aov_increase", money_unit)}
                        {field("orders", count)}
                    </fieldset>
                    <button type="button" class="secondary" on:click=move |_| form.reset()>{move || t().reset}</button>
                </form>
                <div class="results" aria-live="polite">
                    <h2>{move || t().results}</h2>
                    <Output name="roi" primary=true label=Signal::derive(move || t().roi.to_string())
                        value=Signal::derive(move || pct_out(report.get().roi_percent))
                        tone=Signal::derive(move || sign_tone(report.get().roi_percent.map(|p| p.0))) />
                    <Output name="net_gain" label=Signal::derive(move || t().net_gain.to_string())
                        value=Signal::derive(move || money_out(report.get().net_gain))
                        tone=Signal::derive(move || sign_tone(report.get().net_gain)) />
                    <Output name="total_cost" label=Signal::derive(move || t().total_cost.to_string())
                        value=Signal::derive(move || money_out(report.get().total_cost)) />
                    <Output name="total_gain" label=Signal::derive(move || t().total_gain.to_string())
                        value=Signal::derive(move || money_out(report.get().total_gain)) />
                    <Output name="retained" label=Signal::derive(move || t().retained.to_string())
                        value=Signal::derive(move || money_out(report.get().retained_revenue)) />
                    <Output name="payback" label=Signal::derive(move || t().payback.to_string())
                        value=Signal::derive(move || {
                            let f = fmt();
                            OutputValue::from_outcome(report.get().payback_months, f, label, |v| (fmt_months(v, f), fmt_exact(v, f)))
                        }) />
                    <Output name="break_even" label=Signal::derive(move || t().break_even.to_string())
                        value=Signal::derive(move || {
                            let f = fmt();
                            match report.get().break_even_churn_reduction {
                                Ok(v) => OutputValue::Value {
                                    shown: format!("{} {}", cadran_core::locale::format_number(v.0, 2, f.locale), t().points),
                                    exact: fmt_exact(v.0, f),
                                },
                                Err(e) => OutputValue::Reason(describe_error(&e, &|k| label(k, f.locale), f.locale)),
                            }
                        }) />
                    <TargetControl kpi=&KPIS[0] form=form />
                    <details class="how">
                        <summary>{move || t().how}</summary>
                        <HowRoi report=report />
                        <p class="source">{move || t().source}</p>
                    </details>
                </div>
            </div>
        </section>
    }
}

/// The formulas with the user's own numbers substituted.
#[component]
fn HowRoi(report: Memo<RoiReport>) -> impl IntoView {
    let prefs = use_prefs();
    move || {
        let r = report.get();
        let f = Fmt::of(prefs);
        let fr = f.locale == Locale::Fr;
        let m = |o: &Outcome<cadran_core::Decimal>| o.as_ref().map_or("?".to_string(), |v| fmt_money(*v, f));
        let roi = r.roi_percent.as_ref().map_or("?".to_string(), |p| fmt_percent(*p, f));
        view! {
            <ul class="formulas">
                <li>{if fr { "Gain total" } else { "Total gain" }} " = "
                    {if fr { "revenu conservé + ventes additionnelles + hausse du panier × commandes" } else { "kept revenue + upsell + order value increase × orders" }}
                    " = " {m(&r.total_gain)}</li>
                <li>{if fr { "Revenu conservé = clients × baisse d’attrition × ARPA × mois" } else { "Kept revenue = customers × churn reduction × ARPA × months" }}
                    " = " {m(&r.retained_revenue)}</li>
                <li>"ROI = (" {m(&r.total_gain)} " − " {m(&r.total_cost)} ") ÷ " {m(&r.total_cost)} " = " {roi}</li>
                <li>{if fr { "Délai = coût ÷ (gain ÷ mois)" } else { "Payback = cost ÷ (gain ÷ months)" }}</li>
            </ul>
        }
    }
}
