//! The KPIs computed from an import: one view per dataset (survey,
//! subscriptions, transactions, support), a segment picker that splits every
//! KPI, "Use these numbers" (to the KPI cards and the scenario baseline) and
//! a CSV export in the user's conventions.
//!
//! Formulas: [`cadran_core::ingest::kpis`] (which calls
//! [`cadran_core::metrics`]); this module only picks the segment, formats and
//! wires buttons.

mod download;
mod experiment;
mod subscriptions;
mod support;
mod survey;
mod transactions;

use crate::handoff::{send_to_form, send_to_scenario};
use crate::i18n::{describe_error, tr, use_prefs, Tr};
use crate::router::Route;
use cadran_core::ingest::date::YearMonth;
use cadran_core::ingest::export::{file_name, write_csv, Table};
use cadran_core::ingest::{DatasetReport, Report};
use cadran_core::locale::Locale;
use cadran_core::{Decimal, MetricError};
use leptos::prelude::*;
use std::sync::Arc;


/// A month as written in tables: "janv. 2024", "Jan 2024".
pub(super) fn month_label(m: YearMonth, l: Locale) -> String {
    const MONTHS: [Tr; 12] = [
        tr("janv.", "Jan"),
        tr("févr.", "Feb"),
        tr("mars", "Mar"),
        tr("avr.", "Apr"),
        tr("mai", "May"),
        tr("juin", "Jun"),
        tr("juil.", "Jul"),
        tr("août", "Aug"),
        tr("sept.", "Sep"),
        tr("oct.", "Oct"),
        tr("nov.", "Nov"),
        tr("déc.", "Dec"),
    ];
    let i = (m.month() as usize).saturating_sub(1).min(11);
    format!("{} {}", MONTHS[i].get(l), m.year())
}

/// A month on a chart axis: "01/24".
pub(super) fn month_short(m: YearMonth) -> String {
    format!("{:02}/{:02}", m.month(), m.year().rem_euclid(100))
}

/// A core reason in words (no field to name here: the values come from the file).
pub(super) fn reason(e: &MetricError, l: Locale) -> String {
    describe_error(e, &|k| k.to_string(), l)
}

/// Values for one card: its form id, its route and field values.
pub(super) type CardValues = (&'static str, Route, Vec<(&'static str, Decimal)>);

/// What "Use these numbers" sends: card forms (form id, the card's route,
/// field values) and scenario baseline inputs.
#[derive(Default)]
pub(super) struct Handoff {
    pub(super) forms: Vec<CardValues>,
    pub(super) scenario: Vec<(&'static str, Decimal)>,
}

/// The dataset's segments (empty without a segment column).
fn segments(r: &Report) -> Vec<String> {
    match &r.data {
        DatasetReport::Survey(s) => s.by_segment.iter().map(|x| x.segment.clone()).collect(),
        DatasetReport::Subscriptions(s) => s.by_segment.iter().map(|x| x.segment.clone()).collect(),
        DatasetReport::Transactions(t) => t.by_segment.iter().map(|x| x.0.clone()).collect(),
        DatasetReport::Support(s) => s.by_segment.iter().map(|x| x.0.clone()).collect(),
        DatasetReport::Experiment(_) => Vec::new(),
    }
}

fn tables(r: &Report, seg: Option<&str>, l: Locale) -> Vec<Table> {
    match &r.data {
        DatasetReport::Survey(s) => survey::tables(s, seg, l),
        DatasetReport::Subscriptions(s) => subscriptions::tables(s, seg, l),
        DatasetReport::Transactions(t) => transactions::tables(t, seg, l),
        DatasetReport::Support(s) => support::tables(s, seg, l),
        DatasetReport::Experiment(e) => experiment::tables(e, l),
    }
}

fn handoff(r: &Report, seg: Option<&str>) -> Handoff {
    match &r.data {
        DatasetReport::Survey(s) => survey::handoff(s, seg),
        DatasetReport::Subscriptions(s) => subscriptions::handoff(s, seg),
        DatasetReport::Transactions(_) => Handoff::default(),
        DatasetReport::Support(s) => support::handoff(s, seg),
        DatasetReport::Experiment(e) => experiment::handoff(e),
    }
}

fn card_name(route: Route, l: Locale) -> &'static str {
    match route {
        Route::Nps => tr("la carte NPS", "the NPS card").get(l),
        Route::Retention => tr("la carte rétention", "the retention card").get(l),
        Route::Mrr => tr("la carte MRR", "the MRR card").get(l),
        Route::Arpa => tr("la carte ARPA", "the ARPA card").get(l),
        Route::Fcr => tr("la carte FCR", "the FCR card").get(l),
        Route::AbTest => tr("la carte test A/B", "the A/B test card").get(l),
        _ => tr("la carte", "the card").get(l),
    }
}

/// The KPIs computed from an import.
#[component]
pub fn Results(report: Signal<Option<Arc<Report>>>) -> impl IntoView {
    let prefs = use_prefs();
    let l = move || prefs.locale.get();
    let chosen = RwSignal::new(String::new());
    let segment_list = Memo::new(move |_| report.with(|r| r.as_deref().map(segments).unwrap_or_default()));
    // The chosen segment, if it exists in this report (a new import resets it).
    let segment: Signal<Option<String>> = Signal::derive(move || {
        let c = chosen.get();
        segment_list.with(|s| s.contains(&c)).then_some(c)
    });
    // What was last sent, for which report and segment: the notice shows only
    // while they are still the ones on screen (derived, not reset by an effect).
    type Sent = (usize, Option<String>, Vec<(&'static str, Route)>, bool);
    let sent_raw: RwSignal<Option<Sent>> = RwSignal::new(None);
    let key = move || report.with(|r| r.as_ref().map_or(0, |a| Arc::as_ptr(a) as usize));
    let sent = move || sent_raw.get().filter(|s| s.0 == key() && s.1 == segment.get()).map(|s| s.2);
    let sent_scenario = move || sent_raw.get().is_some_and(|s| s.3);

    let use_numbers = move |_| {
        let Some(r) = report.get_untracked() else { return };
        let h = handoff(&r, segment.get_untracked().as_deref());
        for (form, _, values) in &h.forms {
            send_to_form(form, values);
        }
        if !h.scenario.is_empty() {
            send_to_scenario(&h.scenario);
        }
        let forms = h.forms.iter().map(|(f, route, _)| (*f, *route)).collect();
        sent_raw.set(Some((Arc::as_ptr(&r) as usize, segment.get_untracked(), forms, !h.scenario.is_empty())));
    };
    let can_send = move || report.with(|r| r.as_deref().is_some_and(|r| { let h = handoff(r, None); !h.forms.is_empty() || !h.scenario.is_empty() }));
    let export = move |_| {
        let Some(r) = report.get_untracked() else { return };
        let loc = prefs.locale.get_untracked();
        let seg = segment.get_untracked();
        let csv = write_csv(&tables(&r, seg.as_deref(), loc), loc);
        let what = match &r.data {
            DatasetReport::Survey(_) => tr("enquête", "survey").get(loc),
            DatasetReport::Subscriptions(_) => tr("abonnements", "subscriptions").get(loc),
            DatasetReport::Transactions(_) => tr("transactions", "transactions").get(loc),
            DatasetReport::Support(_) => tr("support", "support").get(loc),
            DatasetReport::Experiment(_) => tr("test AB", "AB test").get(loc),
        };
        let name = file_name(&format!("{what} {}", seg.unwrap_or_default()));
        download::save_csv(&name, &csv);
    };

    let body = move || {
        report.with(|r| {
            r.as_deref().map(|r| match &r.data {
                DatasetReport::Survey(_) => view! { <survey::SurveyResults report=report segment=segment /> }.into_any(),
                DatasetReport::Subscriptions(_) => view! { <subscriptions::SubscriptionResults report=report segment=segment /> }.into_any(),
                DatasetReport::Transactions(_) => view! { <transactions::TransactionResults report=report segment=segment /> }.into_any(),
                DatasetReport::Support(_) => view! { <support::SupportResults report=report segment=segment /> }.into_any(),
                DatasetReport::Experiment(_) => view! { <experiment::ExperimentResults report=report /> }.into_any(),
            })
        })
    };

    view! {
        <Show when=move || report.with(Option::is_some)>
            <section class="import-results" aria-labelledby="results-title">
                <div class="results-head">
                    <h2 id="results-title">{move || tr("Vos indicateurs", "Your KPIs").get(l())}</h2>
                    <Show when=move || !segment_list.with(Vec::is_empty)>
                        <div class="segment-picker">
                            <label for="results-segment">{move || tr("Segment", "Segment").get(l())}</label>
                            <select
                                id="results-segment"
                                prop:value=move || chosen.get()
                                on:change=move |ev| chosen.set(event_target_value(&ev))
                            >
                                <option value="">{move || tr("Tous les segments", "All segments").get(l())}</option>
                                <For each=move || segment_list.get() key=|s| s.clone() let:s>
                                    <option value=s.clone()>{s.clone()}</option>
                                </For>
                            </select>
                        </div>
                    </Show>
                </div>
                {body}
                <div class="results-actions">
                    <Show when=can_send>
                        <button type="button" class="primary" on:click=use_numbers>
                            {move || tr("Utiliser ces chiffres", "Use these numbers").get(l())}
                        </button>
                    </Show>
                    <button type="button" class="secondary" on:click=export>
                        {move || tr("Exporter les résultats (CSV)", "Export the results (CSV)").get(l())}
                    </button>
                    <p class="results-note">
                        {move || tr("L’export suit vos conventions : « ; » et virgule décimale en français. Rien n’est envoyé : le fichier est créé dans votre navigateur.", "The export follows your conventions: “,” and decimal point in English. Nothing is uploaded: the file is made in your browser.").get(l())}
                    </p>
                </div>
                <div class="results-sent" role="status">
                    {move || sent().map(|forms| {
                        let loc = l();
                        let mut names: Vec<String> = forms.iter().map(|(_, r)| card_name(*r, loc).to_string()).collect();
                        if sent_scenario() {
                            names.push(tr("la base des scénarios", "the scenario baseline").get(loc).to_string());
                        }
                        let to = match names.split_last() {
                            Some((last, rest)) if !rest.is_empty() => format!("{}{}{last}", rest.join(", "), tr(" et ", " and ").get(loc)),
                            Some((last, _)) => last.clone(),
                            None => String::new(),
                        };
                        view! {
                            <p>{format!("{} {to}.", tr("Chiffres envoyés à", "Numbers sent to").get(loc))}</p>
                            <ul class="sent-links">
                                {forms.into_iter().map(|(_, r)| view! {
                                    <li><a href=r.href()>{format!("{} {}", tr("Ouvrir", "Open").get(loc), card_name(r, loc))}</a></li>
                                }).collect_view()}
                                {sent_scenario().then(|| view! {
                                    <li><a href=Route::Scenarios.href()>{tr("Ouvrir les scénarios", "Open the scenarios").get(loc)}</a></li>
                                })}
                            </ul>
                        }
                    })}
                </div>
            </section>
        </Show>
    }
}
