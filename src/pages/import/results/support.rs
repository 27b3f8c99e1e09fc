//! Support contacts → first-contact resolution (FCR) overall, by channel, by
//! month and by segment. Formula: [`cadran_core::ingest::support::FcrCounts::rate`].

use super::{month_label, month_short, reason, Handoff};
use crate::i18n::tr;
use crate::router::Route;
use crate::charts::bars::{Bar, BarChart};
use crate::charts::trend::{Point, TrendChart};
use crate::components::{fmt_percent, Fmt, Output, OutputValue};
use crate::i18n::use_prefs;
use cadran_core::ingest::export::{Cell, Table};
use cadran_core::ingest::support::{FcrCounts, SupportReport};
use cadran_core::ingest::{DatasetReport, Report};
use cadran_core::locale::{format_number, Locale};
use cadran_core::Decimal;
use leptos::prelude::*;
use std::sync::Arc;

/// The chosen segment's counts; the channel and month splits exist for all
/// contacts only (the import keeps them overall).
#[derive(Clone, PartialEq)]
struct Chosen {
    overall: FcrCounts,
    split: Option<SupportReport>,
}

fn choose(s: &SupportReport, seg: Option<&str>) -> Chosen {
    match seg.and_then(|n| s.by_segment.iter().find(|x| x.0 == n)) {
        Some((_, c)) => Chosen { overall: *c, split: None },
        None => Chosen { overall: s.overall, split: Some(s.clone()) },
    }
}

/// "75,0 % (6 / 8)" or why there is no rate.
fn rate_text(c: &FcrCounts, f: Fmt) -> String {
    match c.rate() {
        Ok(p) => format!("{} ({} / {})", fmt_percent(p, f), c.resolved_first, c.contacts),
        Err(e) => reason(&e, f.locale),
    }
}

fn bars(items: &[(String, FcrCounts)], f: Fmt) -> Vec<Bar> {
    items.iter().map(|(k, c)| Bar { label: k.clone(), value: c.rate().map(|p| p.0).unwrap_or_default(), shown: rate_text(c, f) }).collect()
}

/// Support results.
#[component]
pub fn SupportResults(report: Signal<Option<Arc<Report>>>, segment: Signal<Option<String>>) -> impl IntoView {
    let prefs = use_prefs();
    let l = move || prefs.locale.get();
    let chosen = Memo::new(move |_| {
        let seg = segment.get();
        report.with(|r| match r.as_deref().map(|r| &r.data) {
            Some(DatasetReport::Support(s)) => Some(choose(s, seg.as_deref())),
            _ => None,
        })
    });
    let fcr = Signal::derive(move || {
        let f = Fmt::of(prefs);
        match chosen.with(|c| c.as_ref().map(|c| c.overall.rate())) {
            Some(Ok(p)) => OutputValue::Value { shown: fmt_percent(p, f), exact: p.0.normalize().to_string() },
            Some(Err(e)) => OutputValue::Reason(reason(&e, f.locale)),
            None => OutputValue::Reason(String::new()),
        }
    });
    let contacts = Signal::derive(move || {
        let f = Fmt::of(prefs);
        let c = chosen.with(|c| c.as_ref().map(|c| c.overall).unwrap_or_default());
        let t = format!("{} ({} {})", format_number(Decimal::from(c.contacts), 0, f.locale), c.resolved_first, tr("résolus au premier contact", "resolved at the first contact").get(f.locale));
        OutputValue::Value { exact: t.clone(), shown: t }
    });
    let channel = Signal::derive(move || chosen.with(|c| c.as_ref().and_then(|c| c.split.as_ref()).map_or_else(Vec::new, |s| bars(&s.by_channel, Fmt::of(prefs)))));
    let segments = Signal::derive(move || chosen.with(|c| c.as_ref().and_then(|c| c.split.as_ref()).map_or_else(Vec::new, |s| bars(&s.by_segment, Fmt::of(prefs)))));
    let trend = Signal::derive(move || {
        let f = Fmt::of(prefs);
        chosen.with(|c| {
            c.as_ref().and_then(|c| c.split.as_ref()).map_or_else(Vec::new, |s| {
                s.by_month
                    .iter()
                    .map(|(m, c)| Point { label: month_label(*m, f.locale), short: month_short(*m), value: c.rate().ok().map(|p| p.0), shown: rate_text(c, f) })
                    .collect()
            })
        })
    });
    let unit = Signal::derive(move || tr("% résolus au premier contact", "% resolved at the first contact").get(l()).to_string());
    view! {
        <div class="results-grid" data-dataset="support">
            <div class="results-kpis">
                <Output name="fcr" primary=true label=Signal::derive(move || tr("Résolution au premier contact (FCR)", "First contact resolution (FCR)").get(l()).to_string()) value=fcr />
                <Output name="contacts" label=Signal::derive(move || tr("Contacts", "Contacts").get(l()).to_string()) value=contacts />
            </div>
            <Show when=move || channel.with(|c| !c.is_empty())>
                <BarChart
                    id="fcr-channel"
                    title=Signal::derive(move || tr("FCR par canal", "FCR by channel").get(l()).to_string())
                    unit=unit
                    value_header=Signal::derive(|| "FCR".to_string())
                    label_header=Signal::derive(move || tr("Canal", "Channel").get(l()).to_string())
                    bars=channel
                />
            </Show>
            <Show when=move || trend.with(|c| !c.is_empty())>
                <TrendChart
                    id="fcr-month"
                    title=Signal::derive(move || tr("FCR par mois", "FCR by month").get(l()).to_string())
                    unit=unit
                    points=trend
                    month_header=Signal::derive(move || tr("Mois", "Month").get(l()).to_string())
                    locale=Signal::derive(l)
                    table_label=Signal::derive(move || tr("Voir le tableau", "Show the table").get(l()).to_string())
                />
            </Show>
            <Show when=move || segments.with(|c| !c.is_empty())>
                <BarChart
                    id="fcr-segment"
                    title=Signal::derive(move || tr("FCR par segment", "FCR by segment").get(l()).to_string())
                    unit=unit
                    value_header=Signal::derive(|| "FCR".to_string())
                    label_header=Signal::derive(move || tr("Segment", "Segment").get(l()).to_string())
                    bars=segments
                />
            </Show>
            <Show when=move || chosen.with(|c| c.as_ref().is_some_and(|c| c.split.is_none()))>
                <p class="results-note">{move || tr("Pour un segment, le fichier donne le FCR global du segment ; le détail par canal et par mois porte sur tous les contacts.", "For one segment the import gives its overall FCR; the split by channel and month covers all contacts.").get(l())}</p>
            </Show>
        </div>
    }
}

/// The tables of the CSV export.
pub(super) fn tables(s: &SupportReport, seg: Option<&str>, l: Locale) -> Vec<Table> {
    let c = choose(s, seg);
    let h = |fr: &'static str, en: &'static str| tr(fr, en).get(l).to_string();
    let headers = |first: String| vec![first, h("Contacts", "Contacts"), h("Résolus au premier contact", "Resolved at first contact"), "FCR (%)".into()];
    let row = |k: String, c: &FcrCounts| vec![Cell::Text(k), Cell::Number(c.contacts.into()), Cell::Number(c.resolved_first.into()), c.rate().map_or(Cell::Empty, |p| Cell::Number(p.0.round_dp(2)))];
    let mut out = vec![Table {
        title: format!("FCR — {}", seg.unwrap_or(tr("tous les segments", "all segments").get(l))),
        headers: headers(String::new()),
        rows: vec![row(h("Tous", "All"), &c.overall)],
    }];
    if let Some(s) = &c.split {
        let split = |title: String, first: String, items: Vec<(String, FcrCounts)>| Table { title, headers: headers(first), rows: items.iter().map(|(k, c)| row(k.clone(), c)).collect() };
        out.push(split(h("FCR par canal", "FCR by channel"), h("Canal", "Channel"), s.by_channel.clone()));
        out.push(split(h("FCR par mois", "FCR by month"), h("Mois", "Month"), s.by_month.iter().map(|(m, c)| (m.to_string(), *c)).collect()));
        if !s.by_segment.is_empty() {
            out.push(split(h("FCR par segment", "FCR by segment"), "Segment".into(), s.by_segment.clone()));
        }
    }
    out
}

/// The counts of the chosen segment go to the FCR card (all contacts as the denominator).
pub(super) fn handoff(s: &SupportReport, seg: Option<&str>) -> Handoff {
    let c = choose(s, seg).overall;
    Handoff {
        forms: vec![("fcr", Route::Fcr, vec![("resolved_first_contact", c.resolved_first.into()), ("all_contacts", c.contacts.into())])],
        scenario: Vec::new(),
    }
}
