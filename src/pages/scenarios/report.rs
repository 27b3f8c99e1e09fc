//! What only the printed report shows: its title and date, every scenario's
//! inputs side by side, and the model's assumptions in words. The comparison
//! table and the charts follow, from the page itself (see the print block of
//! the stylesheet).

use super::state::Ctx;
use super::texts::{input_label, input_value};
use crate::i18n::tr;
use crate::components::Fmt;
use crate::i18n::use_prefs;
use cadran_core::locale::Locale;
use cadran_core::scenario::model::{Input, Subject};
use leptos::prelude::*;

/// The report's head: title, date, inputs, assumptions.
#[component]
pub fn ReportHead() -> impl IntoView {
    let ctx = Ctx::get();
    let prefs = use_prefs();
    let l = move || prefs.locale.get();
    let date = move || {
        let tag = match l() {
            Locale::Fr => "fr-FR",
            Locale::En => "en-GB",
        };
        js_sys::Date::new_0().to_locale_date_string(tag, &wasm_bindgen::JsValue::UNDEFINED).as_string().unwrap_or_default()
    };
    let title = move || {
        let t = ctx.title.get();
        if t.trim().is_empty() { tr("Comparaison de scénarios", "Scenario comparison").get(l()).to_string() } else { t }
    };
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
                    <caption>{tr("Hypothèses (« = » : comme la référence)", "Inputs (“=”: same as the baseline)").get(f.locale)}</caption>
                    <thead><tr><th scope="col">{tr("Hypothèse", "Input").get(f.locale)}</th>{head}</tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            }
        })
    };
    view! {
        <header class="report-only report-head">
            <h1>{title}</h1>
            <p class="report-date">{move || format!("{} {}", tr("Cadran — rapport du", "Cadran — report of").get(l()), date())}</p>
            {inputs}
            <h2>{move || tr("Hypothèses du modèle", "Model assumptions").get(l())}</h2>
            <ul class="assumptions">
                <li>{move || tr("Projection mois par mois de valeurs moyennes (les clients peuvent être fractionnaires) ; montants exacts, non arrondis par le calcul.", "Month-by-month projection of expected values (customers may be fractional); exact amounts, not rounded by the computation.").get(l())}</li>
                <li>{move || tr("L’attrition a lieu en début de mois : les partants ne paient pas ce mois-là ; les nouveaux clients arrivent en début de mois et paient le mois entier, à l’ARPA de base.", "Churn happens at the start of the month: leavers do not pay that month; new customers join at the start and pay the full month, at the base ARPA.").get(l())}</li>
                <li>{move || tr("L’expansion fait croître chaque mois le revenu des clients restants (négative : contraction).", "Expansion grows the revenue of retained customers each month (negative: contraction).").get(l())}</li>
                <li>{move || tr("Profit net = MRR × marge brute − nouveaux clients × CAC − budget succès client ; actualisé à (1 + taux)^−mois.", "Net profit = MRR × gross margin − new customers × CAC − customer-success budget; discounted at (1 + rate)^−month.").get(l())}</li>
                <li>{move || tr("Valeur vie client = ARPA × marge ÷ attrition (état d’équilibre, sans expansion ni actualisation) ; ROI d’une variante = (marge en plus − dépense en plus) ÷ dépense en plus.", "CLV = ARPA × margin ÷ churn (steady state, without expansion or discounting); ROI of a variant = (extra gross profit − extra spending) ÷ extra spending.").get(l())}</li>
                <li>{move || tr("Sources : Skok, « SaaS Metrics 2.0 » (2013) ; Gupta et Lehmann, « Managing Customers as Investments » (2005).", "Sources: Skok, “SaaS Metrics 2.0” (2013); Gupta and Lehmann, “Managing Customers as Investments” (2005).").get(l())}</li>
            </ul>
        </header>
    }
}
