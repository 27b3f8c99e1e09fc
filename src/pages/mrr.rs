//! MRR movements, gross and net MRR churn, GRR, NRR and the waterfall.
//! Formulas: [`cadran_core::metrics::mrr`].

use crate::charts::waterfall::Waterfall;
use crate::components::{
    fmt_exact, fmt_money, fmt_percent, FieldLabels, CalculatorPage, CardField, FieldKind, FieldSpec, Fmt, Form, Output, OutputValue,
    TargetControl,
};
use crate::i18n::{describe_problem, tr, use_prefs, Tr};
use crate::kpi::{near_absolute, Kpi, Unit, Values, NEAR_10_PERCENT};
use crate::router::Route;
use cadran_core::locale::Locale;
use cadran_core::metrics::mrr::{
    compute_mrr, end_mrr, gross_revenue_retention, net_mrr_churn, net_revenue_retention, MrrMovements, MrrReport, WaterfallStep,
};
use cadran_core::metrics::target::Direction;
use cadran_core::{Decimal, InputError, InputProblem, MetricError, Outcome, Percent};
use leptos::prelude::*;

/// The form's fields: names are the core's field names.
pub const FIELDS: &[FieldSpec] = &[
    FieldSpec::new("start_mrr", FieldKind::Money, "50000")
        .label(tr("MRR au début", "MRR at the start"))
        .help(tr("Revenu récurrent mensuel de tous les clients au premier jour.", "Monthly recurring revenue of all customers on the first day."))
        .unit(PER_MONTH),
    FieldSpec::new("new_mrr", FieldKind::Money, "6000")
        .label(tr("MRR des nouveaux clients", "New customers’ MRR"))
        .help(tr("Clients arrivés pendant la période.", "Customers who arrived during the period."))
        .unit(PER_MONTH),
    FieldSpec::new("expansion_mrr", FieldKind::Money, "3000")
        .label(tr("Expansion", "Expansion"))
        .help(tr(
            "Hausses des clients existants : montée en gamme, sièges, ventes croisées.",
            "Increases from existing customers: upgrades, seats, cross-sell.",
        ))
        .unit(PER_MONTH),
    FieldSpec::new("reactivation_mrr", FieldKind::Money, "1000")
        .label(tr("Réactivation", "Reactivation"))
        .help(tr("Anciens clients revenus pendant la période.", "Former customers who came back during the period."))
        .unit(PER_MONTH),
    FieldSpec::new("contraction_mrr", FieldKind::Money, "1500")
        .label(tr("Contraction", "Contraction"))
        .help(tr(
            "Baisses des clients restés : passage à une offre moins chère, moins de sièges. En montant positif.",
            "Decreases from customers who stayed: downgrades, fewer seats. As a positive amount.",
        ))
        .unit(PER_MONTH),
    FieldSpec::new("churned_mrr", FieldKind::Money, "3500")
        .label(tr("MRR perdu par attrition", "MRR lost to churn"))
        .help(tr("MRR des clients partis. En montant positif.", "MRR of the customers who left. As a positive amount."))
        .unit(PER_MONTH),
];

const PER_MONTH: Tr = tr("/ mois", "/ month");

/// The card's KPIs, for targets and the dashboard.
pub const KPIS: &[Kpi] = &[
    Kpi {
        key: "end_mrr",
        route: Route::Mrr,
        form_id: "mrr",
        fields: FIELDS,
        label: tr("MRR à la fin de la période", "MRR at the end of the period"),
        unit: Unit::MoneyPerMonth,
        direction: Direction::AtLeast,
        near: NEAR_10_PERCENT,
        read: |v| end_mrr(&movements(v)?),
    },
    Kpi {
        key: "nrr",
        route: Route::Mrr,
        form_id: "mrr",
        fields: FIELDS,
        label: tr("Rétention nette du revenu (NRR)", "Net revenue retention (NRR)"),
        unit: Unit::Percent,
        direction: Direction::AtLeast,
        near: NEAR_10_PERCENT,
        read: |v| net_revenue_retention(&movements(v)?).map(|p| p.0),
    },
    Kpi {
        key: "grr",
        route: Route::Mrr,
        form_id: "mrr",
        fields: FIELDS,
        label: tr("Rétention brute du revenu (GRR)", "Gross revenue retention (GRR)"),
        unit: Unit::Percent,
        direction: Direction::AtLeast,
        near: NEAR_10_PERCENT,
        read: |v| gross_revenue_retention(&movements(v)?).map(|p| p.0),
    },
    Kpi {
        key: "net_mrr_churn",
        route: Route::Mrr,
        form_id: "mrr",
        fields: FIELDS,
        label: tr("Attrition nette du MRR", "Net MRR churn"),
        unit: Unit::Percent,
        direction: Direction::AtMost,
        // Net churn sits near zero and changes sign: a relative band vanishes.
        near: near_absolute(1),
        read: |v| net_mrr_churn(&movements(v)?).map(|p| p.0),
    },
];

/// The page's texts.
struct Texts {
    intro: Tr,
    start: Tr,
    gains: Tr,
    losses: Tr,
    source: Tr,
    end: Tr,
    gross_churn: Tr,
    net_churn: Tr,
    grr: Tr,
    nrr: Tr,
    net_negative: Tr,
    chart: Tr,
    /// The five formulas in words: end MRR, gross churn, net churn, GRR, NRR.
    words: [Tr; 5],
}

const T: Texts = Texts {
    intro: tr(
        "Comment votre revenu récurrent mensuel (MRR) a bougé sur une période : ce que les clients existants ont gardé (GRR), ce qu’ils ont fait croître (NRR), et la cascade du début à la fin.",
        "How your monthly recurring revenue (MRR) moved over a period: what existing customers kept (GRR), what they grew (NRR), and the bridge from start to end.",
    ),
    start: tr("Au début de la période", "At the start of the period"),
    gains: tr("Hausses pendant la période", "Increases during the period"),
    losses: tr("Baisses pendant la période", "Decreases during the period"),
    source: tr(
        "Sources : mouvements du MRR (nouveau, expansion, réactivation, contraction, attrition) selon ChartMogul, « MRR movements » ; GRR et NRR selon SaaS Capital, « What is Gross / Net Revenue Retention? » (2021) ; « attrition nette négative » : D. Skok, « SaaS Metrics 2.0 » (2013).",
        "Sources: MRR movements (new, expansion, reactivation, contraction, churn) as in ChartMogul, “MRR movements”; GRR and NRR as in SaaS Capital, “What is Gross / Net Revenue Retention?” (2021); “net negative churn”: D. Skok, “SaaS Metrics 2.0” (2013).",
    ),
    end: tr("MRR à la fin", "MRR at the end"),
    gross_churn: tr("Attrition brute du MRR", "Gross MRR churn"),
    net_churn: tr("Attrition nette du MRR", "Net MRR churn"),
    grr: tr("Rétention brute du revenu (GRR)", "Gross revenue retention (GRR)"),
    nrr: tr("Rétention nette du revenu (NRR)", "Net revenue retention (NRR)"),
    net_negative: tr(
        "Attrition nette négative : vos clients existants ont plus augmenté leurs achats qu’ils n’en ont perdu.",
        "Net negative churn: your existing customers grew their spending more than they cut it.",
    ),
    chart: tr("Cascade du MRR sur la période", "MRR bridge over the period"),
    words: [
        tr("début + nouveau + expansion + réactivation − contraction − attrition", "start + new + expansion + reactivation − contraction − churn"),
        tr("(attrition + contraction) ÷ début × 100", "(churn + contraction) ÷ start × 100"),
        tr("(attrition + contraction − expansion − réactivation) ÷ début × 100", "(churn + contraction − expansion − reactivation) ÷ start × 100"),
        tr("(début − attrition − contraction) ÷ début × 100", "(start − churn − contraction) ÷ start × 100"),
        tr("(début + expansion + réactivation − contraction − attrition) ÷ début × 100", "(start + expansion + reactivation − contraction − churn) ÷ start × 100"),
    ],
};


/// Reads the live or stored form into the core's inputs.
fn movements(v: &dyn Values) -> Result<MrrMovements, InputError> {
    Ok(MrrMovements {
        start_mrr: v.value("start_mrr")?,
        new_mrr: v.value("new_mrr")?,
        expansion_mrr: v.value("expansion_mrr")?,
        reactivation_mrr: v.value("reactivation_mrr")?,
        contraction_mrr: v.value("contraction_mrr")?,
        churned_mrr: v.value("churned_mrr")?,
    })
}

/// Every output of the card (all of them read every field).
fn report(v: &dyn Values) -> MrrReport {
    movements(v).map_or_else(|e| MrrReport::failed(e.into()), |m| compute_mrr(&m))
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
                InputProblem::Exceeds { other, .. } => FIELDS.label(other.0, l),
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
    let l = move || prefs.locale.get();
    let report = Memo::new(move |_| report(&form));
    let field = move |key: &'static str| {
        view! { <CardField form=form key=key problem=Signal::derive(move || problem_of(&report.get(), key, l())) /> }
    };
    let text = move |t: Tr| Signal::derive(move || t.get(l()).to_string());
    let pct = move |o: Outcome<Percent>| {
        let f = Fmt::of(prefs);
        OutputValue::from_outcome(o, f, |k, l| FIELDS.label(k, l), |p| (fmt_percent(p, f), fmt_exact(p.0, f) + " %"))
    };
    let money = move |o: Outcome<Decimal>| {
        let f = Fmt::of(prefs);
        OutputValue::from_outcome(o, f, |k, l| FIELDS.label(k, l), |v| (format!("{} {}", fmt_money(v, f), PER_MONTH.get(f.locale)), fmt_exact(v, f)))
    };
    let net_negative = move || report.get().net_mrr_churn.is_ok_and(|p| p.0.is_sign_negative() && !p.0.is_zero());
    let steps = Signal::derive(move || report.get().waterfall.unwrap_or_default());
    view! {
        <CalculatorPage
            route=Route::Mrr
            form=form
            class="mrr-page"
            intro=T.intro
            source=T.source
            inputs=view! {
                <fieldset>
                    <legend>{move || T.start.get(l())}</legend>
                    {field("start_mrr")}
                </fieldset>
                <fieldset>
                    <legend>{move || T.gains.get(l())}</legend>
                    {field("new_mrr")}
                    {field("expansion_mrr")}
                    {field("reactivation_mrr")}
                </fieldset>
                <fieldset>
                    <legend>{move || T.losses.get(l())}</legend>
                    {field("contraction_mrr")}
                    {field("churned_mrr")}
                </fieldset>
            }
            .into_any()
            results=view! {
                <Output name="end_mrr" primary=true label=text(T.end) value=Signal::derive(move || money(report.get().end_mrr)) />
                <Output name="nrr" label=text(T.nrr) value=Signal::derive(move || pct(report.get().net_revenue_retention)) />
                <Output name="grr" label=text(T.grr) value=Signal::derive(move || pct(report.get().gross_revenue_retention)) />
                <Output name="gross_churn" label=text(T.gross_churn) value=Signal::derive(move || pct(report.get().gross_mrr_churn)) />
                <Output name="net_churn" label=text(T.net_churn)
                    value=Signal::derive(move || pct(report.get().net_mrr_churn))
                    tone=Signal::derive(move || if net_negative() { "good" } else { "" }) />
                <Show when=net_negative>
                    <p class="note good">{move || T.net_negative.get(l())}</p>
                </Show>
                {KPIS.iter().map(|k| view! { <TargetControl kpi=k form=form /> }).collect_view()}
            }
            .into_any()
            how=view! { <HowMrr report=report form=form /> }.into_any()
            after=waterfall(steps, text(T.chart))
        />
    }
}

const LOADING_CHART: Tr = tr("Chargement du graphique…", "Loading the chart…");

/// The waterfall chart. In the split build it is a chunk of its own, asked
/// for at the frame after the card is drawn: the chart is a third of the
/// card's code, and the card's numbers (what an embedded calculator is
/// opened for) need none of it.
fn waterfall(steps: Signal<Vec<WaterfallStep>>, title: Signal<String>) -> AnyView {
    #[cfg(cadran_split)]
    {
        let drawn = RwSignal::new(false);
        request_animation_frame(move || drawn.set(true));
        let prefs = use_prefs();
        let waiting = move || view! { <p class="lazy-status" role="status">{move || LOADING_CHART.get(prefs.locale.get())}</p> };
        (move || {
            if drawn.get() {
                crate::lazy::chunks::show_with(move || waterfall_chunk(steps, title), LOADING_CHART)
            } else {
                waiting().into_any()
            }
        })
        .into_any()
    }
    #[cfg(not(cadran_split))]
    {
        let _ = LOADING_CHART;
        view! { <Waterfall steps=steps title=title /> }.into_any()
    }
}

#[cfg(cadran_split)]
#[leptos::wasm_split::wasm_split(mrr_waterfall, wasm_split_path = ::leptos::wasm_split, fallible)]
fn waterfall_chunk(
    steps: Signal<Vec<WaterfallStep>>,
    title: Signal<String>,
) -> Result<AnyView, leptos::wasm_split::SplitLoaderError> {
    Ok(view! { <Waterfall steps=steps title=title /> }.into_any())
}

/// The formulas with the user's own numbers substituted.
#[component]
fn HowMrr(report: Memo<MrrReport>, form: Form) -> impl IntoView {
    let prefs = use_prefs();
    move || {
        let r = report.get();
        let f = Fmt::of(prefs);
        let l = f.locale;
        let n = |key: &'static str| form.value(key).map_or_else(|_| "?".to_string(), |v| fmt_money(v, f));
        let p = |o: &Outcome<Percent>| o.as_ref().map_or("?".to_string(), |v| fmt_percent(*v, f));
        let end = r.end_mrr.as_ref().map_or("?".to_string(), |v| fmt_money(*v, f));
        let (s, nw, e, re, c, ch) =
            (n("start_mrr"), n("new_mrr"), n("expansion_mrr"), n("reactivation_mrr"), n("contraction_mrr"), n("churned_mrr"));
        let words = T.words.map(|w| w.get(l));
        let lines = [
            format!("{} = {}", T.end.get(l), words[0]),
            format!("= {s} + {nw} + {e} + {re} − {c} − {ch} = {end}"),
            format!("{} = {}", T.gross_churn.get(l), words[1]),
            format!("= ({ch} + {c}) ÷ {s} × 100 = {}", p(&r.gross_mrr_churn)),
            format!("{} = {}", T.net_churn.get(l), words[2]),
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
