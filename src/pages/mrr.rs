//! MRR movements, gross and net MRR churn, GRR, NRR and the waterfall.
//! Formulas: [`cadran_core::metrics::mrr`].

use crate::charts::waterfall::Waterfall;
use crate::components::{
    fmt_exact, fmt_money, fmt_percent, FieldKind, FieldSpec, Fmt, Form, NumberField, Output, OutputValue, TargetControl,
};
use crate::i18n::{describe_problem, field_help, field_label, use_prefs, FieldText};
use crate::kpi::{near_absolute, Kpi, Unit, Values, NEAR_10_PERCENT};
use crate::router::Route;
use cadran_core::locale::Locale;
use cadran_core::metrics::mrr::{
    compute_mrr, end_mrr, gross_revenue_retention, net_mrr_churn, net_revenue_retention, MrrMovements, MrrReport,
};
use cadran_core::metrics::target::Direction;
use cadran_core::{Decimal, InputProblem, MetricError, Outcome, Percent};
use leptos::prelude::*;

/// The form's fields: names are the core's field names.
pub const FIELDS: &[FieldSpec] = &[
    FieldSpec::new("start_mrr", FieldKind::Money, "50000"),
    FieldSpec::new("new_mrr", FieldKind::Money, "6000"),
    FieldSpec::new("expansion_mrr", FieldKind::Money, "3000"),
    FieldSpec::new("reactivation_mrr", FieldKind::Money, "1000"),
    FieldSpec::new("contraction_mrr", FieldKind::Money, "1500"),
    FieldSpec::new("churned_mrr", FieldKind::Money, "3500"),
];

/// The card's KPIs, for targets and the dashboard.
pub const KPIS: &[Kpi] = &[
    Kpi {
        key: "end_mrr",
        route: Route::Mrr,
        form_id: "mrr",
        fields: FIELDS,
        label: ("MRR à la fin de la période", "MRR at the end of the period"),
        unit: Unit::MoneyPerMonth,
        direction: Direction::AtLeast,
        near: NEAR_10_PERCENT,
        read: |v| end_mrr(&movements(v)),
    },
    Kpi {
        key: "nrr",
        route: Route::Mrr,
        form_id: "mrr",
        fields: FIELDS,
        label: ("Rétention nette du revenu (NRR)", "Net revenue retention (NRR)"),
        unit: Unit::Percent,
        direction: Direction::AtLeast,
        near: NEAR_10_PERCENT,
        read: |v| net_revenue_retention(&movements(v)).map(|p| p.0),
    },
    Kpi {
        key: "grr",
        route: Route::Mrr,
        form_id: "mrr",
        fields: FIELDS,
        label: ("Rétention brute du revenu (GRR)", "Gross revenue retention (GRR)"),
        unit: Unit::Percent,
        direction: Direction::AtLeast,
        near: NEAR_10_PERCENT,
        read: |v| gross_revenue_retention(&movements(v)).map(|p| p.0),
    },
    Kpi {
        key: "net_mrr_churn",
        route: Route::Mrr,
        form_id: "mrr",
        fields: FIELDS,
        label: ("Attrition nette du MRR", "Net MRR churn"),
        unit: Unit::Percent,
        direction: Direction::AtMost,
        // Net churn sits near zero and changes sign: a relative band vanishes.
        near: near_absolute(1),
        read: |v| net_mrr_churn(&movements(v)).map(|p| p.0),
    },
];

/// The page's texts.
pub struct Texts {
    intro: &'static str,
    start: &'static str,
    gains: &'static str,
    losses: &'static str,
    results: &'static str,
    reset: &'static str,
    how: &'static str,
    source: &'static str,
    per_month: &'static str,
    end: &'static str,
    gross_churn: &'static str,
    net_churn: &'static str,
    grr: &'static str,
    nrr: &'static str,
    net_negative: &'static str,
    chart: &'static str,
    labels: &'static [FieldText],
}

const FR: Texts = Texts {
    intro: "Comment votre revenu récurrent mensuel (MRR) a bougé sur une période : ce que les clients existants ont gardé (GRR), ce qu’ils ont fait croître (NRR), et la cascade du début à la fin.",
    start: "Au début de la période",
    gains: "Hausses pendant la période",
    losses: "Baisses pendant la période",
    results: "Résultats",
    reset: "Rétablir les valeurs par défaut",
    how: "Comment est-ce calculé ?",
    source: "Sources : mouvements du MRR (nouveau, expansion, réactivation, contraction, attrition) selon ChartMogul, « MRR movements » ; GRR et NRR selon SaaS Capital, « What is Gross / Net Revenue Retention? » (2021) ; « attrition nette négative » : D. Skok, « SaaS Metrics 2.0 » (2013).",
    per_month: "/ mois",
    end: "MRR à la fin",
    gross_churn: "Attrition brute du MRR",
    net_churn: "Attrition nette du MRR",
    grr: "Rétention brute du revenu (GRR)",
    nrr: "Rétention nette du revenu (NRR)",
    net_negative: "Attrition nette négative : vos clients existants ont plus augmenté leurs achats qu’ils n’en ont perdu.",
    chart: "Cascade du MRR sur la période",
    labels: &[
        ("start_mrr", "MRR au début", "Revenu récurrent mensuel de tous les clients au premier jour."),
        ("new_mrr", "MRR des nouveaux clients", "Clients arrivés pendant la période."),
        ("expansion_mrr", "Expansion", "Hausses des clients existants : montée en gamme, sièges, ventes croisées."),
        ("reactivation_mrr", "Réactivation", "Anciens clients revenus pendant la période."),
        ("contraction_mrr", "Contraction", "Baisses des clients restés : passage à une offre moins chère, moins de sièges. En montant positif."),
        ("churned_mrr", "MRR perdu par attrition", "MRR des clients partis. En montant positif."),
    ],
};

const EN: Texts = Texts {
    intro: "How your monthly recurring revenue (MRR) moved over a period: what existing customers kept (GRR), what they grew (NRR), and the bridge from start to end.",
    start: "At the start of the period",
    gains: "Increases during the period",
    losses: "Decreases during the period",
    results: "Results",
    reset: "Restore defaults",
    how: "How is this computed?",
    source: "Sources: MRR movements (new, expansion, reactivation, contraction, churn) as in ChartMogul, “MRR movements”; GRR and NRR as in SaaS Capital, “What is Gross / Net Revenue Retention?” (2021); “net negative churn”: D. Skok, “SaaS Metrics 2.0” (2013).",
    per_month: "/ month",
    end: "MRR at the end",
    gross_churn: "Gross MRR churn",
    net_churn: "Net MRR churn",
    grr: "Gross revenue retention (GRR)",
    nrr: "Net revenue retention (NRR)",
    net_negative: "Net negative churn: your existing customers grew their spending more than they cut it.",
    chart: "MRR bridge over the period",
    labels: &[
        ("start_mrr", "MRR at the start", "Monthly recurring revenue of all customers on the first day."),
        ("new_mrr", "New customers’ MRR", "Customers who arrived during the period."),
        ("expansion_mrr", "Expansion", "Increases from existing customers: upgrades, seats, cross-sell."),
        ("reactivation_mrr", "Reactivation", "Former customers who came back during the period."),
        ("contraction_mrr", "Contraction", "Decreases from customers who stayed: downgrades, fewer seats. As a positive amount."),
        ("churned_mrr", "MRR lost to churn", "MRR of the customers who left. As a positive amount."),
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
        Locale::Fr => "MRR et rétention du revenu",
        Locale::En => "MRR and revenue retention",
    }
}

fn label(key: &str, l: Locale) -> String {
    field_label(texts(l).labels, key)
}

/// Reads the live or stored form into the core's inputs.
fn movements(v: &dyn Values) -> MrrMovements {
    MrrMovements {
        start_mrr: v.value("start_mrr"),
        new_mrr: v.value("new_mrr"),
        expansion_mrr: v.value("expansion_mrr"),
        reactivation_mrr: v.value("reactivation_mrr"),
        contraction_mrr: v.value("contraction_mrr"),
        churned_mrr: v.value("churned_mrr"),
    }
}

/// The core's validation message for `key`, if any output rejects it.
fn problem_of(r: &MrrReport, key: &str, l: Locale) -> Option<String> {
    let errors = [
        r.end_mrr.as_ref().err(),
        r.gross_mrr_churn.as_ref().err(),
        r.net_mrr_churn.as_ref().err(),
        r.gross_revenue_retention.as_ref().err(),
        r.net_revenue_retention.as_ref().err(),
    ];
    errors.into_iter().flatten().find_map(|e| match e {
        MetricError::Invalid(ie) if ie.field.0 == key => {
            let other = match &ie.problem {
                InputProblem::Exceeds { other, .. } => label(other.0, l),
                _ => String::new(),
            };
            Some(describe_problem(&ie.problem, &other, l))
        }
        _ => None,
    })
}

/// The MRR movements calculator.
#[component]
pub fn MrrPage() -> impl IntoView {
    let prefs = use_prefs();
    let form = Form::new("mrr", FIELDS);
    let t = move || texts(prefs.locale.get());
    let report = Memo::new(move |_| compute_mrr(&movements(&form)));
    let field = move |key: &'static str| {
        view! {
            <NumberField
                form=form
                key=key
                label=Signal::derive(move || label(key, prefs.locale.get()))
                unit=Signal::derive(move || {
                    let f = Fmt::of(prefs);
                    format!("{} {}", f.currency.symbol(f.locale), t().per_month)
                })
                help=Signal::derive(move || field_help(t().labels, key).unwrap_or_default().to_string())
                problem=Signal::derive(move || problem_of(&report.get(), key, prefs.locale.get()))
            />
        }
    };
    let pct = move |o: Outcome<Percent>| {
        let f = Fmt::of(prefs);
        OutputValue::from_outcome(o, f, label, |p| (fmt_percent(p, f), fmt_exact(p.0, f) + " %"))
    };
    let money = move |o: Outcome<Decimal>| {
        let f = Fmt::of(prefs);
        OutputValue::from_outcome(o, f, label, |v| (format!("{} {}", fmt_money(v, f), t().per_month), fmt_exact(v, f)))
    };
    let net_negative = move || report.get().net_mrr_churn.is_ok_and(|p| p.0.is_sign_negative() && !p.0.is_zero());
    let steps = Signal::derive(move || report.get().waterfall.unwrap_or_default());
    view! {
        <section class="page calculator mrr-page" aria-labelledby="page-title">
            <div class="page-head">
                <h1 id="page-title">{move || title(prefs.locale.get())}</h1>
                <p class="intro">{move || t().intro}</p>
            </div>
            <div class="calc-grid">
                <form class="inputs" on:submit=|ev| ev.prevent_default()>
                    <fieldset>
                        <legend>{move || t().start}</legend>
                        {field("start_mrr")}
                    </fieldset>
                    <fieldset>
                        <legend>{move || t().gains}</legend>
                        {field("new_mrr")}
                        {field("expansion_mrr")}
                        {field("reactivation_mrr")}
                    </fieldset>
                    <fieldset>
                        <legend>{move || t().losses}</legend>
                        {field("contraction_mrr")}
                        {field("churned_mrr")}
                    </fieldset>
                    <button type="button" class="secondary" on:click=move |_| form.reset()>{move || t().reset}</button>
                </form>
                <div class="results" aria-live="polite">
                    <h2>{move || t().results}</h2>
                    <Output name="end_mrr" primary=true label=Signal::derive(move || t().end.to_string())
                        value=Signal::derive(move || money(report.get().end_mrr)) />
                    <Output name="nrr" label=Signal::derive(move || t().nrr.to_string())
                        value=Signal::derive(move || pct(report.get().net_revenue_retention)) />
                    <Output name="grr" label=Signal::derive(move || t().grr.to_string())
                        value=Signal::derive(move || pct(report.get().gross_revenue_retention)) />
                    <Output name="gross_churn" label=Signal::derive(move || t().gross_churn.to_string())
                        value=Signal::derive(move || pct(report.get().gross_mrr_churn)) />
                    <Output name="net_churn" label=Signal::derive(move || t().net_churn.to_string())
                        value=Signal::derive(move || pct(report.get().net_mrr_churn))
                        tone=Signal::derive(move || if net_negative() { "good" } else { "" }) />
                    <Show when=net_negative>
                        <p class="note good">{move || t().net_negative}</p>
                    </Show>
                    {KPIS.iter().map(|k| view! { <TargetControl kpi=k form=form /> }).collect_view()}
                    <details class="how">
                        <summary>{move || t().how}</summary>
                        <HowMrr report=report form=form />
                        <p class="source">{move || t().source}</p>
                    </details>
                </div>
            </div>
            <Waterfall steps=steps title=Signal::derive(move || t().chart.to_string()) />
        </section>
    }
}

/// The formulas with the user's own numbers substituted.
#[component]
fn HowMrr(report: Memo<MrrReport>, form: Form) -> impl IntoView {
    let prefs = use_prefs();
    move || {
        let r = report.get();
        let m = movements(&form);
        let f = Fmt::of(prefs);
        let fr = f.locale == Locale::Fr;
        let t = texts(f.locale);
        let n = |v: Decimal| fmt_money(v, f);
        let p = |o: &Outcome<Percent>| o.as_ref().map_or("?".to_string(), |v| fmt_percent(*v, f));
        let end = r.end_mrr.as_ref().map_or("?".to_string(), |v| n(*v));
        let (s, nw, e, re, c, ch) =
            (n(m.start_mrr), n(m.new_mrr), n(m.expansion_mrr), n(m.reactivation_mrr), n(m.contraction_mrr), n(m.churned_mrr));
        let words = if fr {
            ["début + nouveau + expansion + réactivation − contraction − attrition", "(attrition + contraction) ÷ début × 100",
             "(attrition + contraction − expansion − réactivation) ÷ début × 100", "(début − attrition − contraction) ÷ début × 100",
             "(début + expansion + réactivation − contraction − attrition) ÷ début × 100"]
        } else {
            ["start + new + expansion + reactivation − contraction − churn", "(churn + contraction) ÷ start × 100",
             "(churn + contraction − expansion − reactivation) ÷ start × 100", "(start − churn − contraction) ÷ start × 100",
             "(start + expansion + reactivation − contraction − churn) ÷ start × 100"]
        };
        let lines = [
            format!("{} = {}", t.end, words[0]),
            format!("= {s} + {nw} + {e} + {re} − {c} − {ch} = {end}"),
            format!("{} = {}", t.gross_churn, words[1]),
            format!("= ({ch} + {c}) ÷ {s} × 100 = {}", p(&r.gross_mrr_churn)),
            format!("{} = {}", t.net_churn, words[2]),
            format!("= ({ch} + {c} − {e} − {re}) ÷ {s} × 100 = {}", p(&r.net_mrr_churn)),
            format!("GRR = {}", words[3]),
            format!("= ({s} − {ch} − {c}) ÷ {s} × 100 = {}", p(&r.gross_revenue_retention)),
            format!("NRR = {}", words[4]),
            format!("= ({s} + {e} + {re} − {c} − {ch}) ÷ {s} × 100 = {}", p(&r.net_revenue_retention)),
        ];
        view! {
            <ul class="formulas" data-formula="mrr">
                {lines
                    .chunks(2)
                    .map(|pair| view! { <li>{pair[0].clone()}<br />{pair[1].clone()}</li> })
                    .collect_view()}
            </ul>
        }
    }
}
