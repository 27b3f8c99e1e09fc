//! What-if scenarios: a baseline and up to four variants, compared side by
//! side, with charts, retention / CLV / ROI views, sensitivity, goal seek,
//! save, share and print. Engine: [`cadran_core::scenario`] — this page only
//! wires inputs to it and renders what comes back.
//!
//! * [`state`] — the scenario, autosave, status and undo;
//! * [`editor`] and [`field`] — baseline and variant inputs;
//! * [`table`], [`charts_view`] — the comparison;
//! * [`retention`], [`focus`] (CLV, ROI), [`sensitivity`], [`goal_seek`] — the views;
//! * [`toolbar`], [`file_io`] — export, import, share link, print;
//! * [`report`] — what only the printed report shows.

pub mod charts_view;
pub mod editor;
pub mod field;
pub mod file_io;
pub mod focus;
pub mod goal_seek;
pub mod pickers;
pub mod report;
pub mod retention;
pub mod sensitivity;
pub mod state;
pub mod table;
pub mod texts;
pub mod toolbar;
pub mod words;

pub use texts::{Texts, T};

use crate::i18n::use_prefs;
use cadran_core::scenario::output::Output;
use leptos::prelude::*;
use state::Ctx;
use crate::i18n::tr;

/// The views of the page (`#/scenarios?view=…`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum View {
    /// Table and charts.
    Compare,
    /// Retention what-if.
    Retention,
    /// CLV what-if.
    Clv,
    /// ROI what-if.
    Roi,
    /// Tornado chart.
    Sensitivity,
    /// Goal seek.
    Goal,
}

impl View {
    /// Every view, in tab order.
    pub const ALL: [View; 6] = [View::Compare, View::Retention, View::Clv, View::Roi, View::Sensitivity, View::Goal];

    /// The `view=` value.
    #[must_use]
    pub fn key(self) -> &'static str {
        match self {
            View::Compare => "compare",
            View::Retention => "retention",
            View::Clv => "clv",
            View::Roi => "roi",
            View::Sensitivity => "sensitivity",
            View::Goal => "goal",
        }
    }

    /// The view named in a location hash (the comparison by default).
    #[must_use]
    pub fn from_hash(hash: &str) -> View {
        let key = crate::router::hash_params(hash).into_iter().find(|(k, _)| k == "view").map(|(_, v)| v);
        View::ALL.into_iter().find(|v| Some(v.key()) == key.as_deref()).unwrap_or(View::Compare)
    }

    fn label(self, l: cadran_core::locale::Locale) -> &'static str {
        match self {
            View::Compare => tr("Comparaison", "Comparison").get(l),
            View::Retention => tr("Rétention", "Retention").get(l),
            View::Clv => tr("Valeur client", "Customer value").get(l),
            View::Roi => "ROI",
            View::Sensitivity => tr("Sensibilité", "Sensitivity").get(l),
            View::Goal => tr("Valeur cible", "Goal seek").get(l),
        }
    }
}

fn current_hash() -> String {
    window().location().hash().unwrap_or_default()
}

/// The page.
#[component]
pub fn ScenariosPage() -> impl IntoView {
    let prefs = use_prefs();
    let l = move || prefs.locale.get();
    let ctx = Ctx::new();
    provide_context(ctx);
    let view = RwSignal::new(View::from_hash(&current_hash()));

    // A share link wins over the autosave; then numbers handed over by the
    // import page are applied to the baseline.
    toolbar::open_share_link(ctx, &current_hash(), prefs.locale.get_untracked());
    let handed = crate::handoff::take_scenario_handoff();
    if !handed.is_empty() {
        state::apply_handoff(ctx, handed, prefs.locale.get_untracked());
    }
    if let Some(pending) = crate::handoff::take_variant_handoff() {
        state::apply_variant_handoff(ctx, &pending, prefs.locale.get_untracked());
    }
    let handle = window_event_listener(leptos::ev::hashchange, move |_| {
        let hash = current_hash();
        if crate::router::Route::from_hash(&hash) == crate::router::Route::Scenarios {
            view.set(View::from_hash(&hash));
            toolbar::open_share_link(ctx, &hash, prefs.locale.get_untracked());
        }
    });
    on_cleanup(move || handle.remove());

    let print = Callback::new(move |()| {
        if view.get_untracked() != View::Compare {
            let _ = window().location().set_hash("#/scenarios");
            view.set(View::Compare);
        }
        set_timeout(move || { let _ = window().print(); }, std::time::Duration::from_millis(100));
    });

    let status = move || {
        ctx.status.get().map(|s| {
            let undo = s.undo.is_some();
            view! {
                <div class="sc-status" class:error=s.error role=if s.error { "alert" } else { "status" }>
                    <p>{s.text}</p>
                    {undo.then(|| view! { <button type="button" class="secondary" on:click=move |_| ctx.undo()>{tr("Annuler", "Undo").get(l())}</button> })}
                    <button type="button" class="link" on:click=move |_| ctx.status.set(None)>{tr("Fermer", "Dismiss").get(l())}</button>
                </div>
            }
        })
    };
    let stale = move || {
        let names: Vec<String> = ctx.unparsed.with(|u| {
            u.iter().map(|(s, i)| format!("{} ({})", texts::input_label(*i, l()), ctx.scenario.with(|sc| Ctx::name_of(sc, *s, l())))).collect()
        });
        (!names.is_empty()).then(|| view! {
            <p class="sc-stale" role="status">{format!("{} {}", tr("Les résultats utilisent la dernière valeur lisible de :", "Results use the last readable value of:").get(l()), names.join(", "))}</p>
        })
    };
    let tabs = move || {
        View::ALL
            .into_iter()
            .map(|v| {
                let href = if v == View::Compare { "#/scenarios".to_string() } else { format!("#/scenarios?view={}", v.key()) };
                view! {
                    <li><a href=href aria-current=move || (view.get() == v).then_some("page")>{move || v.label(l())}</a></li>
                }
            })
            .collect_view()
    };
    let body = move || match view.get() {
        View::Compare => view! {
            <table::ComparisonTable id="compare" caption=Signal::derive(move || tr("Résultats côte à côte", "Results side by side").get(l()).to_string()) />
            <charts_view::ChartsView />
        }.into_any(),
        View::Retention => view! { <retention::RetentionPanel /> }.into_any(),
        View::Clv => view! { <focus::ClvView /> }.into_any(),
        View::Roi => view! { <focus::RoiView /> }.into_any(),
        View::Sensitivity => view! { <sensitivity::SensitivityPanel id="main" output=Output::PROFIT_36 /> }.into_any(),
        View::Goal => view! { <goal_seek::GoalSeekPanel id="main" input=cadran_core::scenario::model::Input::MonthlyChurn output=Output::Clv target="5000" /> }.into_any(),
    };

    view! {
        <section class="page scenarios" aria-labelledby="page-title">
            <report::ReportHead />
            <div class="page-head screen-only">
                <h1 id="page-title">{move || crate::pages::page_title(crate::router::Route::Scenarios, l())}</h1>
                <p class="intro">{move || T.intro.get(l())}</p>
            </div>
            <toolbar::Toolbar on_print=print />
            <div class="sc-status-area" aria-live="polite">{status}</div>
            <div class="sc-grid">
                <editor::Editor />
                <div class="sc-main">
                    <nav class="sc-views" aria-label=move || tr("Vues", "Views").get(l())><ul>{tabs}</ul></nav>
                    {stale}
                    <div class="sc-view" data-view=move || view.get().key()>{body}</div>
                </div>
            </div>
            <report::ReportAppendix />
        </section>
    }
}
