//! Subscriptions → active customers and MRR by month, customer churn and
//! retention by month, the MRR movements of a month as a waterfall, GRR, NRR,
//! ARPA and the monthly cohort retention heatmap (by customers and revenue).
//! Formulas: [`cadran_core::ingest::kpis`] (`subscription_months`,
//! `subscription_cohorts`, `scenario_baseline`).

use super::{month_label, month_short, reason, Handoff};
use crate::i18n::tr;
use crate::charts::heatmap::{HeatRow, Heatmap};
use crate::charts::trend::{Point, TrendChart};
use crate::components::{fmt_money, fmt_percent, Fmt, Output, OutputValue};
use crate::i18n::use_prefs;
use crate::router::Route;
use cadran_core::ingest::export::{Cell, Table};
use cadran_core::ingest::kpis::{scenario_baseline, subscription_cohorts, subscription_months, CohortRetention, SubsMonth};
use cadran_core::ingest::subscriptions::{SubscriptionStats, SubscriptionsReport};
use cadran_core::ingest::{DatasetReport, Report};
use cadran_core::locale::{format_number, Locale};
use cadran_core::metrics::mrr::MrrStep;
use cadran_core::scenario::input::Input;
use cadran_core::{Decimal, Outcome, Percent};
use leptos::prelude::*;
use std::sync::Arc;

/// Cohorts and months shown in the heatmap (the export has them all).
const HEAT_COHORTS: usize = 24;
pub(super) const HEAT_MONTHS: usize = 13;
/// Months averaged for the scenario baseline.
const BASELINE_WINDOW: usize = 12;

fn choose<'a>(s: &'a SubscriptionsReport, seg: Option<&str>) -> &'a SubscriptionStats {
    seg.and_then(|n| s.by_segment.iter().find(|x| x.segment == n)).map_or(&s.overall, |x| &x.stats)
}

fn pct(o: &Outcome<Percent>, f: Fmt) -> Result<String, String> {
    o.as_ref().map(|p| fmt_percent(*p, f)).map_err(|e| reason(e, f.locale))
}

fn out(r: Result<String, String>) -> OutputValue {
    match r {
        Ok(t) => OutputValue::Value { exact: t.clone(), shown: t },
        Err(why) => OutputValue::Reason(why),
    }
}

fn step_name(s: MrrStep, l: Locale) -> &'static str {
    match s {
        MrrStep::Start => tr("MRR au début", "MRR at the start").get(l),
        MrrStep::New => tr("Nouveaux clients", "New customers").get(l),
        MrrStep::Expansion => tr("Expansion", "Expansion").get(l),
        MrrStep::Reactivation => tr("Réactivation", "Reactivation").get(l),
        MrrStep::Contraction => tr("Contraction", "Contraction").get(l),
        MrrStep::Churned => tr("Attrition (clients partis)", "Churn (customers who left)").get(l),
        MrrStep::End => tr("MRR à la fin", "MRR at the end").get(l),
    }
}

pub(super) fn heat_rows(c: &[CohortRetention], by_revenue: bool, f: Fmt) -> Vec<HeatRow> {
    let skip = c.len().saturating_sub(HEAT_COHORTS);
    c.iter()
        .skip(skip)
        .map(|r| HeatRow {
            label: month_label(r.month, f.locale),
            size: format_number(Decimal::from(r.customers), 0, f.locale),
            cells: (if by_revenue { &r.by_revenue } else { &r.by_customers })
                .iter()
                .take(HEAT_MONTHS)
                .map(|p| p.as_ref().ok().map(|p| (*p, format_number(p.0, 0, f.locale) + if f.locale == Locale::Fr { "\u{a0}%" } else { "%" })))
                .collect(),
        })
        .collect()
}

/// The heatmap legend's five steps, in the locale's percent style.
pub(super) fn heat_legend(l: Locale) -> [String; 5] {
    let p = if l == Locale::Fr { "\u{a0}%" } else { "%" };
    [format!("≥ 90{p}"), format!("75–90{p}"), format!("50–75{p}"), format!("25–50{p}"), format!("< 25{p}")]
}

/// Column headers M0, M1… as far as the data goes (at most 13).
pub(super) fn heat_columns(c: &[CohortRetention]) -> Vec<String> {
    let n = c.iter().map(|r| r.by_customers.len()).max().unwrap_or(0).min(HEAT_MONTHS);
    (0..n).map(|k| format!("M{k}")).collect()
}

/// Subscription results.
#[component]
pub fn SubscriptionResults(report: Signal<Option<Arc<Report>>>, segment: Signal<Option<String>>) -> impl IntoView {
    let prefs = use_prefs();
    let l = move || prefs.locale.get();
    let stats = Memo::new(move |_| {
        let seg = segment.get();
        report.with(|r| match r.as_deref().map(|r| &r.data) {
            Some(DatasetReport::Subscriptions(s)) => Some(choose(s, seg.as_deref()).clone()),
            _ => None,
        })
    });
    let months = Memo::new(move |_| stats.with(|s| s.as_ref().map(subscription_months).unwrap_or_default()));
    let cohorts = Memo::new(move |_| stats.with(|s| s.as_ref().map(subscription_cohorts).unwrap_or_default()));
    let baseline = Memo::new(move |_| stats.with(|s| s.as_ref().map(|s| scenario_baseline(s, BASELINE_WINDOW)).unwrap_or_default()));
    // The month of the waterfall; the last one unless the user picks another.
    let picked: RwSignal<Option<usize>> = RwSignal::new(None);
    let month_ix = move || {
        let n = months.with(Vec::len);
        picked.get().filter(|i| *i < n).unwrap_or(n.saturating_sub(1))
    };
    let at = move |f: &dyn Fn(&SubsMonth, Fmt) -> Result<String, String>| {
        let fm = Fmt::of(prefs);
        let i = month_ix();
        out(months.with(|m| m.get(i).map_or(Err(String::new()), |m| f(m, fm))))
    };
    let kpi = move |name: &'static str, fr: &'static str, en: &'static str, f: fn(&SubsMonth, Fmt) -> Result<String, String>, primary: bool| {
        view! { <Output name=name primary=primary label=Signal::derive(move || tr(fr, en).get(l()).to_string()) value=Signal::derive(move || at(&f)) /> }
    };
    let avg_churn = Signal::derive(move || {
        let f = Fmt::of(prefs);
        out(baseline
            .with(|b| b.iter().find(|(i, _)| *i == Input::MonthlyChurn).map(|(_, v)| fmt_percent(Percent(*v), f)))
            .ok_or_else(|| tr("Pas assez de mois pour une moyenne.", "Not enough months for an average.").get(f.locale).to_string()))
    });
    let series = move |f: fn(&SubsMonth, Fmt) -> (Option<Decimal>, String)| {
        Signal::derive(move || {
            let fm = Fmt::of(prefs);
            months.with(|m| {
                m.iter()
                    .map(|x| {
                        let (value, shown) = f(x, fm);
                        Point { label: month_label(x.month, fm.locale), short: month_short(x.month), value, shown }
                    })
                    .collect::<Vec<_>>()
            })
        })
    };
    let trend = move |id: &'static str, fr: &'static str, en: &'static str, unit: Signal<String>, points: Signal<Vec<Point>>| {
        view! {
            <TrendChart
                id=id
                title=Signal::derive(move || tr(fr, en).get(l()).to_string())
                unit=unit
                points=points
                month_header=Signal::derive(move || tr("Mois", "Month").get(l()).to_string())
                locale=Signal::derive(l)
                table_label=Signal::derive(move || tr("Voir le tableau", "Show the table").get(l()).to_string())
            />
        }
    };
    let money_unit = Signal::derive(move || {
        let f = Fmt::of(prefs);
        format!("{} {}", f.currency.symbol(f.locale), tr("par mois", "per month").get(f.locale))
    });
    let by_revenue = RwSignal::new(false);
    let waterfall_rows = move || {
        let f = Fmt::of(prefs);
        let i = month_ix();
        months.with(|m| match m.get(i).map(|x| &x.mrr_report.waterfall) {
            Some(Ok(steps)) => steps
                .iter()
                .map(|s| {
                    let change = match s.step {
                        MrrStep::Start | MrrStep::End => "—".to_string(),
                        _ if s.delta < Decimal::ZERO => format!("−{}", fmt_money(-s.delta, f)),
                        _ => format!("+{}", fmt_money(s.delta, f)),
                    };
                    view! {
                        <tr data-step=s.step.key()>
                            <th scope="row">{step_name(s.step, f.locale)}</th>
                            <td class="num">{change}</td>
                            <td class="num">{fmt_money(s.running_total, f)}</td>
                        </tr>
                    }
                    .into_any()
                })
                .collect_view()
                .into_any(),
            Some(Err(e)) => view! { <tr><td colspan="3">{reason(e, f.locale)}</td></tr> }.into_any(),
            None => ().into_any(),
        })
    };
    view! {
        <div class="results-grid" data-dataset="subscriptions">
            <div class="month-picker">
                <label for="results-month">{move || tr("Mois affiché", "Month shown").get(l())}</label>
                <select id="results-month" prop:value=move || month_ix().to_string() on:change=move |ev| picked.set(event_target_value(&ev).parse().ok())>
                    {move || {
                        let loc = l();
                        months.with(|m| m.iter().enumerate().map(|(i, x)| view! { <option value=i.to_string()>{month_label(x.month, loc)}</option> }).collect_view())
                    }}
                </select>
            </div>
            <div class="results-kpis">
                {kpi("active_customers", "Clients actifs", "Active customers", |m, f| Ok(format_number(Decimal::from(m.active), 0, f.locale)), true)}
                {kpi("mrr", "MRR", "MRR", |m, f| Ok(fmt_money(m.mrr, f)), true)}
                {kpi("customer_churn", "Attrition clients du mois", "Customer churn this month", |m, f| m.churn.as_ref().map(|c| fmt_percent(c.rate, f)).map_err(|e| reason(e, f.locale)), false)}
                {kpi("customer_retention", "Rétention clients du mois", "Customer retention this month", |m, f| m.retention.as_ref().map(|c| fmt_percent(c.rate, f)).map_err(|e| reason(e, f.locale)), false)}
                {kpi("grr", "Rétention brute du revenu (GRR)", "Gross revenue retention (GRR)", |m, f| pct(&m.mrr_report.gross_revenue_retention, f), false)}
                {kpi("nrr", "Rétention nette du revenu (NRR)", "Net revenue retention (NRR)", |m, f| pct(&m.mrr_report.net_revenue_retention, f), false)}
                {kpi("arpa", "ARPA (revenu moyen par client)", "ARPA (average revenue per account)", |m, f| m.arpa.as_ref().map(|a| fmt_money(*a, f)).map_err(|e| reason(e, f.locale)), false)}
                <Output name="average_churn" label=Signal::derive(move || tr("Attrition mensuelle moyenne (12 derniers mois)", "Average monthly churn (last 12 months)").get(l()).to_string()) value=avg_churn />
            </div>
            <figure class="chart waterfall-table" data-chart="mrr-movements">
                <table>
                    <caption>
                        <span class="chart-title">{move || format!("{} — {}", tr("Mouvements du MRR", "MRR movements").get(l()), months.with(|m| m.get(month_ix()).map(|x| month_label(x.month, l())).unwrap_or_default()))}</span>
                    </caption>
                    <thead>
                        <tr>
                            <th scope="col">{move || tr("Étape", "Step").get(l())}</th>
                            <th scope="col" class="num">{move || tr("Variation", "Change").get(l())}</th>
                            <th scope="col" class="num">{move || tr("MRR après", "MRR after").get(l())}</th>
                        </tr>
                    </thead>
                    <tbody>{waterfall_rows}</tbody>
                </table>
            </figure>
            {trend("subs-active", "Clients actifs par mois", "Active customers by month", Signal::derive(move || tr("clients", "customers").get(l()).to_string()),
                series(|m, f| (Some(Decimal::from(m.active)), format_number(Decimal::from(m.active), 0, f.locale))))}
            {trend("subs-mrr", "MRR par mois", "MRR by month", money_unit, series(|m, f| (Some(m.mrr), fmt_money(m.mrr, f))))}
            {trend("subs-churn", "Attrition clients par mois", "Customer churn by month", Signal::derive(move || tr("% des clients du début du mois", "% of customers at the start of the month").get(l()).to_string()),
                series(|m, f| match &m.churn { Ok(c) => (Some(c.rate.0), fmt_percent(c.rate, f)), Err(e) => (None, reason(e, f.locale)) }))}
            <div class="heat-block">
                <fieldset class="heat-toggle">
                    <legend>{move || tr("Rétention des cohortes", "Cohort retention").get(l())}</legend>
                    <label><input type="radio" name="heat-by" prop:checked=move || !by_revenue.get() on:change=move |_| by_revenue.set(false) />{move || tr("par clients", "by customers").get(l())}</label>
                    <label><input type="radio" name="heat-by" prop:checked=move || by_revenue.get() on:change=move |_| by_revenue.set(true) />{move || tr("par revenu (MRR)", "by revenue (MRR)").get(l())}</label>
                </fieldset>
                <Heatmap
                    id="cohorts"
                    title=Signal::derive(move || if by_revenue.get() {
                        tr("MRR de chaque cohorte, en % de son premier mois", "Each cohort’s MRR, as % of its first month").get(l()).to_string()
                    } else {
                        tr("Clients de chaque cohorte encore actifs, en %", "Each cohort’s customers still active, in %").get(l()).to_string()
                    })
                    headers=Signal::derive(move || (tr("Cohorte", "Cohort").get(l()).to_string(), tr("Clients", "Customers").get(l()).to_string()))
                    columns=Signal::derive(move || heat_columns(&cohorts.get()))
                    rows=Signal::derive(move || cohorts.with(|c| heat_rows(c, by_revenue.get(), Fmt::of(prefs))))
                    legend=Signal::derive(move || heat_legend(l()))
                />
                <p class="results-note">{move || tr("M0 = mois où la cohorte a commencé. Au plus les 24 dernières cohortes et 12 mois sont affichés ; l’export CSV contient tout.", "M0 = the month the cohort started. At most the last 24 cohorts and 12 months are shown; the CSV export has them all.").get(l())}</p>
            </div>
        </div>
    }
}

fn opt_pct(o: &Outcome<Percent>) -> Cell {
    o.as_ref().map_or(Cell::Empty, |p| Cell::Number(p.0.round_dp(2)))
}

/// The tables of the CSV export.
pub(super) fn tables(s: &SubscriptionsReport, seg: Option<&str>, l: Locale) -> Vec<Table> {
    let st = choose(s, seg);
    let months = subscription_months(st);
    let h = |fr: &'static str, en: &'static str| tr(fr, en).get(l).to_string();
    let monthly = Table {
        title: format!("{} — {}", h("Abonnements par mois", "Subscriptions by month"), seg.unwrap_or(tr("tous les segments", "all segments").get(l))),
        headers: vec![
            h("Mois", "Month"), h("Clients actifs", "Active customers"), "MRR".into(), h("Nouveaux", "New"), h("Réactivés", "Reactivated"),
            h("Partis", "Churned"), h("Attrition (%)", "Churn (%)"), h("Rétention (%)", "Retention (%)"), "GRR (%)".into(), "NRR (%)".into(),
            "ARPA".into(), h("MRR nouveau", "New MRR"), "Expansion".into(), h("Réactivation", "Reactivation"), "Contraction".into(), h("MRR perdu", "Churned MRR"),
        ],
        rows: months
            .iter()
            .map(|m| {
                vec![
                    Cell::Text(m.month.to_string()), Cell::Number(m.active.into()), Cell::Number(m.mrr), Cell::Number(m.new.into()),
                    Cell::Number(m.reactivated.into()), Cell::Number(m.churned.into()),
                    opt_pct(&m.churn.clone().map(|c| c.rate)), opt_pct(&m.retention.clone().map(|r| r.rate)),
                    opt_pct(&m.mrr_report.gross_revenue_retention), opt_pct(&m.mrr_report.net_revenue_retention),
                    m.arpa.as_ref().map_or(Cell::Empty, |a| Cell::Number(a.round_dp(2))),
                    Cell::Number(m.movements.new_mrr), Cell::Number(m.movements.expansion_mrr), Cell::Number(m.movements.reactivation_mrr),
                    Cell::Number(m.movements.contraction_mrr), Cell::Number(m.movements.churned_mrr),
                ]
            })
            .collect(),
    };
    let cohorts = subscription_cohorts(st);
    let width = cohorts.iter().map(|c| c.by_customers.len()).max().unwrap_or(0);
    let cohort_table = |title: String, rev: bool| Table {
        title,
        headers: [h("Cohorte", "Cohort"), h("Clients", "Customers")].into_iter().chain((0..width).map(|k| format!("M{k}"))).collect(),
        rows: cohorts
            .iter()
            .map(|c| {
                [Cell::Text(c.month.to_string()), Cell::Number(c.customers.into())]
                    .into_iter()
                    .chain((if rev { &c.by_revenue } else { &c.by_customers }).iter().map(opt_pct))
                    .collect()
            })
            .collect(),
    };
    vec![
        monthly,
        cohort_table(h("Rétention des cohortes par clients (%)", "Cohort retention by customers (%)"), false),
        cohort_table(h("Rétention des cohortes par revenu (%)", "Cohort retention by revenue (%)"), true),
    ]
}

/// The last month to the retention and MRR cards; the baseline to the scenarios.
pub(super) fn handoff(s: &SubscriptionsReport, seg: Option<&str>) -> Handoff {
    let st = choose(s, seg);
    let months = subscription_months(st);
    let mut h = Handoff::default();
    if let Some(m) = months.last() {
        if let Ok(r) = &m.retention {
            h.forms.push((
                "retention",
                Route::Retention,
                vec![("customers_start", r.customers_start), ("customers_end", r.customers_end), ("new_customers", r.new_customers)],
            ));
        }
        if m.arpa.is_ok() {
            h.forms.push(("arpa", Route::Arpa, vec![("mrr", m.mrr), ("active", m.active.into())]));
        }
        let mv = &m.movements;
        h.forms.push((
            "mrr",
            Route::Mrr,
            vec![
                ("start_mrr", mv.start_mrr),
                ("new_mrr", mv.new_mrr),
                ("expansion_mrr", mv.expansion_mrr),
                ("reactivation_mrr", mv.reactivation_mrr),
                ("contraction_mrr", mv.contraction_mrr),
                ("churned_mrr", mv.churned_mrr),
            ],
        ));
    }
    h.scenario = scenario_baseline(st, BASELINE_WINDOW).into_iter().map(|(i, v)| (i.field().0, v)).collect();
    h
}
