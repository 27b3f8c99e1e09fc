//! The dashboard: every KPI the user has filled in, with its value, target
//! and status. Driven by the registry ([`crate::kpi`]): a card's KPIs appear
//! here once its form is stored, with values read through the card's own
//! core function and statuses from [`cadran_core::metrics::target::evaluate`].

use crate::components::{describe_distance, describe_target, evaluate_kpi, load_targets, status_class, status_words, Fmt};
use crate::i18n::{describe_undefined, use_prefs};
use crate::kpi::{self, Kpi};
use crate::pages::page_title;
use crate::router::Route;
use cadran_core::locale::Locale;
use cadran_core::metrics::target::{Target, TargetStatus};
use cadran_core::{Decimal, MetricError, Outcome};
use leptos::prelude::*;

/// The page's texts.
pub struct Texts {
    intro: &'static str,
    empty: &'static str,
    empty_cta: &'static str,
    caption: &'static str,
    kpi: &'static str,
    value: &'static str,
    target: &'static str,
    status: &'static str,
    distance: &'static str,
    no_target: &'static str,
    set_target: &'static str,
    print: &'static str,
    others: &'static str,
    fix_on_card: &'static str,
}

const FR: Texts = Texts {
    intro: "Chaque indicateur que vous avez rempli, face à son objectif. Les valeurs viennent des calculateurs ; fixez un objectif en bas des résultats de chacun.",
    empty: "Aucun indicateur pour l’instant. Ouvrez un calculateur et saisissez vos chiffres : il apparaîtra ici, avec son objectif.",
    empty_cta: "Commencer par un calculateur :",
    caption: "Indicateurs remplis, leur objectif et leur statut",
    kpi: "Indicateur",
    value: "Valeur",
    target: "Objectif",
    status: "Statut",
    distance: "Écart",
    no_target: "Aucun objectif",
    set_target: "Fixer un objectif",
    print: "Imprimer",
    others: "Indicateurs pas encore remplis :",
    fix_on_card: "Une saisie est à corriger sur la fiche.",
};

const EN: Texts = Texts {
    intro: "Every indicator you have filled in, against its target. Values come from the calculators; set a target at the bottom of each one’s results.",
    empty: "No indicator yet. Open a calculator and enter your numbers: it will show up here, with its target.",
    empty_cta: "Start with a calculator:",
    caption: "Filled-in indicators, their target and status",
    kpi: "Indicator",
    value: "Value",
    target: "Target",
    status: "Status",
    distance: "Distance",
    no_target: "No target",
    set_target: "Set a target",
    print: "Print",
    others: "Indicators not filled in yet:",
    fix_on_card: "An input needs correcting on the card.",
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
        Locale::Fr => "Tableau de bord",
        Locale::En => "Dashboard",
    }
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
    let t = move || texts(prefs.locale.get());
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
        match l {
            Locale::Fr => format!("{met} atteint(s), {near} proche(s), {missed} manqué(s), {none} sans objectif ou sans valeur."),
            Locale::En => format!("{met} met, {near} near, {missed} missed, {none} without a target or a value."),
        }
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
                <h1 id="page-title">{move || title(prefs.locale.get())}</h1>
                <p class="intro">{move || t().intro}</p>
            </div>
            {if empty {
                view! {
                    <div class="dashboard-empty">
                        <p>{move || t().empty}</p>
                        <p>{move || t().empty_cta}</p>
                        {card_links(Route::CARDS.to_vec())}
                    </div>
                }
                    .into_any()
            } else {
                view! {
                    <div class="dashboard-body">
                        <div class="dashboard-actions">
                            <p class="dashboard-summary" data-summary="">{summary}</p>
                            <button type="button" class="secondary" on:click=move |_| { let _ = window().print(); }>{move || t().print}</button>
                        </div>
                        <table class="kpi-table">
                            <caption>{move || t().caption}</caption>
                            <thead>
                                <tr>
                                    <th scope="col">{move || t().kpi}</th>
                                    <th scope="col">{move || t().value}</th>
                                    <th scope="col">{move || t().target}</th>
                                    <th scope="col">{move || t().status}</th>
                                    <th scope="col">{move || t().distance}</th>
                                </tr>
                            </thead>
                            <tbody>{rows}</tbody>
                        </table>
                        {(!unfilled.is_empty()).then(|| view! {
                            <div class="dashboard-more">
                                <p>{move || t().others}</p>
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
    let t = move || texts(prefs.locale.get());
    let Entry { kpi, value, target } = entry;
    let evaluation = target.map(|tg| evaluate_kpi(&value, &tg));
    let status = evaluation.clone().and_then(Result::ok).map(|e| e.status);
    let exact = value.as_ref().ok().copied();
    let shown = move || {
        let f = Fmt::of(prefs);
        match &value {
            Ok(v) => kpi.unit.format(*v, f),
            // The card names the field; here, only where to go.
            Err(MetricError::Invalid(_)) => t().fix_on_card.to_string(),
            Err(MetricError::Undefined(u)) => describe_undefined(u, f.locale),
        }
    };
    let evaluation2 = evaluation.clone();
    view! {
        <tr data-kpi=kpi.key data-status=status.map_or("none", status_class)>
            <th scope="row" data-label=move || t().kpi><a href=kpi.route.href()>{move || kpi.label(prefs.locale.get())}</a></th>
            <td data-label=move || t().value class="kpi-value" title=move || exact.map(|v| kpi.unit.exact(v, Fmt::of(prefs))).unwrap_or_default()>
                {shown}
            </td>
            <td data-label=move || t().target>
                {move || match target {
                    Some(tg) => view! { <span>{describe_target(kpi, &tg, Fmt::of(prefs))}</span> }.into_any(),
                    None => view! { <span class="muted">{move || t().no_target}</span> }.into_any(),
                }}
            </td>
            <td data-label=move || t().status>
                {move || match (status, target) {
                    (Some(s), _) => view! {
                        <span class=format!("target-status {}", status_class(s))>{status_words(s, prefs.locale.get())}</span>
                    }
                        .into_any(),
                    (None, Some(_)) => view! { <span>"—"</span> }.into_any(),
                    (None, None) => view! { <a href=kpi.route.href()>{move || t().set_target}</a> }.into_any(),
                }}
            </td>
            <td data-label=move || t().distance>
                {move || match &evaluation2 {
                    Some(Ok(e)) => describe_distance(kpi, e, Fmt::of(prefs)),
                    _ => "—".to_string(),
                }}
            </td>
        </tr>
    }
}
