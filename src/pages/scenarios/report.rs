//! What only the printed report shows, in the order a consultant's client
//! reads it: title, date and key results first; the comparison table and the
//! charts from the page itself (see the print block of the stylesheet); then
//! every scenario's inputs side by side and the model's assumptions, with the
//! discount factor typeset rather than in caret notation.

use super::state::Ctx;
use super::table::{signed, Row};
use super::texts::{input_label, input_value, show};
use crate::i18n::{tr, Tr};
use crate::components::Fmt;
use crate::i18n::use_prefs;
use cadran_core::scenario::model::{Input, Subject};
use leptos::prelude::*;

/// The rows a reader of the report wants first.
const KEY_ROWS: [Row; 4] = [Row::Profit36, Row::Clv, Row::LtvCac, Row::Roi];

/// The report's first lines: title, date and, for each scenario, its key
/// results (with the change from the baseline), so that page 1 answers the
/// question before the detail; the comparison table and the charts follow.
#[component]
pub fn ReportHead() -> impl IntoView {
    let ctx = Ctx::get();
    let prefs = use_prefs();
    let l = move || prefs.locale.get();
    let date = move || {
        // The date's language tag (the browser writes the date itself).
        let tag = tr("fr-FR", "en-GB").get(l());
        js_sys::Date::new_0().to_locale_date_string(tag, &wasm_bindgen::JsValue::UNDEFINED).as_string().unwrap_or_default()
    };
    let title = move || {
        let t = ctx.title.get();
        if t.trim().is_empty() { T.title.get(l()).to_string() } else { t }
    };
    let key_results = move || {
        let f = Fmt::of(prefs);
        let names: Vec<String> = ctx.scenario.with(|s| {
            std::iter::once(Subject::Baseline).chain((0..s.variants.len()).map(Subject::Variant)).map(|sub| Ctx::name_of(s, sub, f.locale)).collect()
        });
        ctx.results.with(|results| {
            results
                .iter()
                .zip(names)
                .enumerate()
                .map(|(k, (r, name))| {
                    let parts: Vec<String> = KEY_ROWS
                        .iter()
                        .filter(|row| k > 0 || !row.variant_only())
                        .filter_map(|&row| {
                            let v = row.value(r).ok()?;
                            let delta = r
                                .versus_baseline
                                .as_ref()
                                .and_then(|(_, d)| row.delta(d))
                                .and_then(|d| d.absolute.as_ref().ok())
                                .filter(|d| !d.is_zero())
                                .map(|d| T.versus.fill(f.locale, &[&signed(row.kind(), *d, f)]))
                                .unwrap_or_default();
                            Some(format!("{} {}{delta}", row.label(f.locale), show(row.kind(), v, f)))
                        })
                        .collect();
                    view! {
                        <li data-col=k><strong>{name}</strong>{T.colon.get(f.locale)}{parts.join(" ; ")}</li>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <header class="report-only report-head">
            <h1>{title}</h1>
            <p class="report-date">{move || format!("{} {}", T.report_of.get(l()), date())}</p>
            <h2>{move || T.key_results.get(l())}</h2>
            <ul class="report-key">{key_results}</ul>
        </header>
    }
}

/// What the report gives after its results: every scenario's inputs side by
/// side, and the model's assumptions with their formulas typeset.
#[component]
pub fn ReportAppendix() -> impl IntoView {
    let ctx = Ctx::get();
    let prefs = use_prefs();
    let l = move || prefs.locale.get();
    let inputs = move || {
        let f = Fmt::of(prefs);
        ctx.scenario.with(|s| {
            let head = std::iter::once(Subject::Baseline)
                .chain((0..s.variants.len()).map(Subject::Variant))
                .map(|sub| view! { <th scope="col">{Ctx::name_of(s, sub, f.locale)}</th> })
                .collect_view();
            let rows = Input::ALL
                .into_iter()
                .map(|input| {
                    let cells = s
                        .variants
                        .iter()
                        .map(|v| match input.get_override(&v.overrides) {
                            Some(x) => view! { <td class="changed">{input_value(input, x, f)}</td> }.into_any(),
                            None => view! { <td class="same">"="</td> }.into_any(),
                        })
                        .collect_view();
                    view! {
                        <tr>
                            <th scope="row">{input_label(input, f.locale)}</th>
                            <td>{input_value(input, input.get(&s.baseline), f)}</td>
                            {cells}
                        </tr>
                    }
                })
                .collect_view();
            view! {
                <table class="sc-table report-inputs">
                    <caption>{T.inputs_caption.get(f.locale)}</caption>
                    <thead><tr><th scope="col">{T.input.get(f.locale)}</th>{head}</tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            }
        })
    };
    view! {
        <section class="report-only report-appendix">
            <h2>{move || T.inputs.get(l())}</h2>
            {inputs}
            <h2>{move || T.assumptions.get(l())}</h2>
            <ul class="assumptions">
                <li>{move || T.a_projection.get(l())}</li>
                <li>{move || T.a_churn.get(l())}</li>
                <li>{move || T.a_expansion.get(l())}</li>
                <li>
                    {move || T.a_profit.get(l())}
                    <span class="formula">"(1 + "{move || T.rate.get(l())}")"<sup>{move || format!("\u{2212}{}", T.month.get(l()))}</sup></span>
                    "."
                </li>
                <li>{move || T.a_clv.get(l())}</li>
                <li>{move || T.a_sources.get(l())}</li>
            </ul>
        </section>
    }
}

/// The report's words.
struct Texts {
    title: Tr,
    report_of: Tr,
    key_results: Tr,
    versus: Tr,
    colon: Tr,
    inputs: Tr,
    inputs_caption: Tr,
    input: Tr,
    assumptions: Tr,
    a_projection: Tr,
    a_churn: Tr,
    a_expansion: Tr,
    a_profit: Tr,
    rate: Tr,
    month: Tr,
    a_clv: Tr,
    a_sources: Tr,
}

const T: Texts = Texts {
    title: tr("Comparaison de scénarios", "Scenario comparison"),
    report_of: tr("Cadran — rapport du", "Cadran — report of"),
    key_results: tr("Résultats clés", "Key results"),
    versus: tr(" (Δ {} par rapport à la référence)", " (Δ {} against the baseline)"),
    colon: tr(" : ", ": "),
    inputs: tr("Hypothèses de chaque scénario", "Each scenario’s inputs"),
    inputs_caption: tr("Hypothèses (« = » : comme la référence)", "Inputs (“=”: same as the baseline)"),
    input: tr("Hypothèse", "Input"),
    assumptions: tr("Hypothèses du modèle", "Model assumptions"),
    a_projection: tr(
        "Projection mois par mois de valeurs moyennes (les clients peuvent être fractionnaires) ; montants exacts, non arrondis par le calcul.",
        "Month-by-month projection of expected values (customers may be fractional); exact amounts, not rounded by the computation.",
    ),
    a_churn: tr(
        "L’attrition a lieu en début de mois : les partants ne paient pas ce mois-là ; les nouveaux clients arrivent en début de mois et paient le mois entier, à l’ARPA de base.",
        "Churn happens at the start of the month: leavers do not pay that month; new customers join at the start and pay the full month, at the base ARPA.",
    ),
    a_expansion: tr(
        "L’expansion fait croître chaque mois le revenu des clients restants (négative : contraction).",
        "Expansion grows the revenue of retained customers each month (negative: contraction).",
    ),
    a_profit: tr(
        "Profit net = MRR × marge brute − nouveaux clients × CAC − budget succès client ; actualisé au facteur ",
        "Net profit = MRR × gross margin − new customers × CAC − customer-success budget; discounted by the factor ",
    ),
    rate: tr("taux", "rate"),
    month: tr("mois", "month"),
    a_clv: tr(
        "Valeur vie client = ARPA × marge ÷ attrition (état d’équilibre, sans expansion ni actualisation) ; ROI d’une variante = (marge en plus − dépense en plus) ÷ dépense en plus.",
        "CLV = ARPA × margin ÷ churn (steady state, without expansion or discounting); ROI of a variant = (extra gross profit − extra spending) ÷ extra spending.",
    ),
    a_sources: tr(
        "Sources : Skok, « SaaS Metrics 2.0 » (2013) ; Gupta et Lehmann, « Managing Customers as Investments » (2005).",
        "Sources: Skok, “SaaS Metrics 2.0” (2013); Gupta and Lehmann, “Managing Customers as Investments” (2005).",
    ),
};
