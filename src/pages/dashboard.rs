//! The dashboard: every KPI the user has filled in, with its value, target
//! and status. Driven by the registry ([`crate::kpi`]): a card's KPIs appear
//! here once its form is stored, with values read through the card's own
//! core function and statuses from [`cadran_core::metrics::target::evaluate`].

use crate::components::{describe_distance, describe_target, evaluate_kpi, load_targets, status_class, status_words, Fmt};
use crate::i18n::{describe_undefined, tr, use_prefs, Tr};
use crate::kpi::{self, Kpi};
use crate::pages::page_title;
use crate::router::Route;
use cadran_core::locale::Locale;
use cadran_core::metrics::target::{Target, TargetStatus};
use cadran_core::{Decimal, MetricError, Outcome};
use leptos::prelude::*;

/// The page's texts.
pub struct Texts {
    intro: Tr,
    empty: Tr,
    empty_cta: Tr,
    caption: Tr,
    kpi: Tr,
    value: Tr,
    target: Tr,
    status: Tr,
    distance: Tr,
    no_target: Tr,
    set_target: Tr,
    print: Tr,
    others: Tr,
    fix_on_card: Tr,
}

const T: Texts = Texts {
    intro: tr(
        "Chaque indicateur que vous avez rempli, face à son objectif. Les valeurs viennent des calculateurs ; fixez un objectif en bas des résultats de chacun.",
        "Every indicator you have filled in, against its target. Values come from the calculators; set a target at the bottom of each one’s results.",
    ),
    empty: tr(
        "Aucun indicateur pour l’instant. Ouvrez un calculateur et saisissez vos chiffres : il apparaîtra ici, avec son objectif.",
        "No indicator yet. Open a calculator and enter your numbers: it will show up here, with its target.",
    ),
    empty_cta: tr("Commencer par un calculateur :", "Start with a calculator:"),
    caption: tr("Indicateurs remplis, leur objectif et leur statut", "Filled-in indicators, their target and status"),
    kpi: tr("Indicateur", "Indicator"),
    value: tr("Valeur", "Value"),
    target: tr("Objectif", "Target"),
    status: tr("Statut", "Status"),
    distance: tr("Écart", "Distance"),
    no_target: tr("Aucun objectif", "No target"),
    set_target: tr("Fixer un objectif", "Set a target"),
    print: tr("Imprimer", "Print"),
    others: tr("Indicateurs pas encore remplis :", "Indicators not filled in yet:"),
    fix_on_card: tr("Une saisie est à corriger sur la fiche.", "An input needs correcting on the card."),
};




/// The dashboard's one-line summary: each non-zero count with its noun in
/// the right number ("2 objectifs atteints, 1 proche de l’objectif"), never
/// "0 atteint(s)".
fn summary_words(met: usize, near: usize, missed: usize, none: usize, l: Locale) -> String {
    let part = |n: usize, one: Tr, many: Tr| (n > 0).then(|| if n == 1 { one } else { many }.fill(l, &[&n.to_string()]));
    let parts: Vec<String> = [
        part(met, tr("{} objectif atteint", "{} target met"), tr("{} objectifs atteints", "{} targets met")),
        part(near, tr("{} proche de l’objectif", "{} near its target"), tr("{} proches de l’objectif", "{} near their targets")),
        part(missed, tr("{} objectif manqué", "{} target missed"), tr("{} objectifs manqués", "{} targets missed")),
        part(none, tr("{} indicateur sans objectif ou sans valeur", "{} indicator without a target or a value"), tr("{} indicateurs sans objectif ou sans valeur", "{} indicators without a target or a value")),
    ]
    .into_iter()
    .flatten()
    .collect();
    if parts.is_empty() { String::new() } else { parts.join(", ") + "." }
}

/// One filled-in KPI: its value (or why none) and its target, if any.
#[derive(Clone)]
struct Entry {
    kpi: &'static Kpi,
    value: Outcome<Decimal>,
    target: Option<Target>,
}

/// The dashboard.
#[component]
pub fn DashboardPage() -> impl IntoView {
    let prefs = use_prefs();
    let l = move || prefs.locale.get();
    // Storage is read once when the page opens: cards write it, this page
    // only reads it, and a visit to a card remounts this page.
    let targets = load_targets();
    let entries: Vec<Entry> = kpi::all()
        .filter_map(|k| k.stored_value().map(|value| Entry { kpi: k, value, target: targets.get(k.key).copied() }))
        .collect();
    let filled: Vec<Route> = entries.iter().map(|e| e.kpi.route).collect();
    let unfilled: Vec<Route> = Route::CARDS.iter().copied().filter(|r| !filled.contains(r)).collect();
    let statuses: Vec<Option<TargetStatus>> = entries
        .iter()
        .map(|e| e.target.and_then(|tg| evaluate_kpi(&e.value, &tg).ok()).map(|ev| ev.status))
        .collect();
    let summary = move || {
        let l = prefs.locale.get();
        let count = |s: TargetStatus| statuses.iter().filter(|x| **x == Some(s)).count();
        let (met, near, missed) = (count(TargetStatus::Met), count(TargetStatus::Near), count(TargetStatus::Missed));
        let none = statuses.iter().filter(|x| x.is_none()).count();
        summary_words(met, near, missed, none, l)
    };
    let card_links = move |routes: Vec<Route>| {
        view! {
            <ul class="card-links">
                {routes
                    .into_iter()
                    .map(|r| view! { <li><a href=r.href()>{move || page_title(r, prefs.locale.get())}</a></li> })
                    .collect_view()}
            </ul>
        }
    };
    let empty = entries.is_empty();
    let rows = entries.into_iter().map(|e| view! { <Row entry=e /> }).collect_view();
    view! {
        <section class="page dashboard" aria-labelledby="page-title">
            <div class="page-head">
                <h1 id="page-title">{move || crate::pages::page_title(Route::Dashboard, prefs.locale.get())}</h1>
                <p class="intro">{move || T.intro.get(l())}</p>
            </div>
            {if empty {
                view! {
                    <div class="dashboard-empty">
                        <p>{move || T.empty.get(l())}</p>
                        <p>{move || T.empty_cta.get(l())}</p>
                        {card_links(Route::CARDS.to_vec())}
                    </div>
                }
                    .into_any()
            } else {
                view! {
                    <div class="dashboard-body">
                        <div class="dashboard-actions">
                            <p class="dashboard-summary" data-summary="">{summary}</p>
                            <button type="button" class="secondary" on:click=move |_| { let _ = window().print(); }>{move || T.print.get(l())}</button>
                        </div>
                        <table class="kpi-table">
                            <caption>{move || T.caption.get(l())}</caption>
                            <thead>
                                <tr>
                                    <th scope="col">{move || T.kpi.get(l())}</th>
                                    <th scope="col">{move || T.value.get(l())}</th>
                                    <th scope="col">{move || T.target.get(l())}</th>
                                    <th scope="col">{move || T.status.get(l())}</th>
                                    <th scope="col">{move || T.distance.get(l())}</th>
                                </tr>
                            </thead>
                            <tbody>{rows}</tbody>
                        </table>
                        {(!unfilled.is_empty()).then(|| view! {
                            <div class="dashboard-more">
                                <p>{move || T.others.get(l())}</p>
                                {card_links(unfilled.clone())}
                            </div>
                        })}
                    </div>
                }
                    .into_any()
            }}
        </section>
    }
}

/// One KPI's row.
#[component]
fn Row(entry: Entry) -> impl IntoView {
    let prefs = use_prefs();
    let l = move || prefs.locale.get();
    let Entry { kpi, value, target } = entry;
    let evaluation = target.map(|tg| evaluate_kpi(&value, &tg));
    let status = evaluation.clone().and_then(Result::ok).map(|e| e.status);
    let exact = value.as_ref().ok().copied();
    let shown = move || {
        let f = Fmt::of(prefs);
        match &value {
            Ok(v) => kpi.unit.format(*v, f),
            // The card names the field; here, only where to go.
            Err(MetricError::Invalid(_)) => T.fix_on_card.get(l()).to_string(),
            Err(MetricError::Undefined(u)) => describe_undefined(u, f.locale),
        }
    };
    let evaluation2 = evaluation.clone();
    view! {
        <tr data-kpi=kpi.key data-status=status.map_or("none", status_class)>
            <th scope="row" data-label=move || T.kpi.get(l())><a href=kpi.route.href()>{move || kpi.label(prefs.locale.get())}</a></th>
            <td data-label=move || T.value.get(l()) class="kpi-value" title=move || exact.map(|v| kpi.unit.exact(v, Fmt::of(prefs))).unwrap_or_default()>
                {shown}
            </td>
            <td data-label=move || T.target.get(l())>
                {move || match target {
                    Some(tg) => view! { <span>{describe_target(kpi, &tg, Fmt::of(prefs))}</span> }.into_any(),
                    None => view! { <span class="muted">{move || T.no_target.get(l())}</span> }.into_any(),
                }}
            </td>
            <td data-label=move || T.status.get(l())>
                {move || match (status, target) {
                    (Some(s), _) => view! {
                        <span class=format!("target-status {}", status_class(s))>{status_words(s, prefs.locale.get())}</span>
                    }
                        .into_any(),
                    (None, Some(_)) => view! { <span>"—"</span> }.into_any(),
                    (None, None) => view! { <a href=kpi.route.href()>{move || T.set_target.get(l())}</a> }.into_any(),
                }}
            </td>
            <td data-label=move || T.distance.get(l())>
                {move || match &evaluation2 {
                    Some(Ok(e)) => describe_distance(kpi, e, Fmt::of(prefs)),
                    _ => "—".to_string(),
                }}
            </td>
        </tr>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_summary_counts_in_words() {
        assert_eq!(summary_words(2, 1, 0, 3, Locale::Fr), "2 objectifs atteints, 1 proche de l’objectif, 3 indicateurs sans objectif ou sans valeur.");
        assert_eq!(summary_words(0, 0, 1, 1, Locale::En), "1 target missed, 1 indicator without a target or a value.");
        assert_eq!(summary_words(0, 0, 0, 0, Locale::En), "");
    }
}
