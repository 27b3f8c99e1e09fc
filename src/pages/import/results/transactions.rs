//! Transactions → customers, orders, average order value, purchase
//! frequency, repeat rate, historical CLV per customer and its distribution,
//! and cohorts by first purchase month.
//! Formulas: [`cadran_core::ingest::transactions::TransactionStats`] and
//! [`cadran_core::ingest::kpis`] (`historical_clv`, `purchase_cohorts`).

use super::subscriptions::{heat_columns, heat_legend, heat_rows};
use super::{reason};
use crate::i18n::tr;
use crate::charts::bars::{Bar, BarChart};
use crate::charts::heatmap::Heatmap;
use crate::components::{fmt_money, fmt_percent, Fmt, Output, OutputValue};
use crate::i18n::use_prefs;
use cadran_core::ingest::export::{Cell, Table};
use cadran_core::ingest::kpis::{historical_clv, purchase_cohorts};
use cadran_core::ingest::transactions::{TransactionStats, TransactionsReport};
use cadran_core::ingest::{DatasetReport, Report};
use cadran_core::locale::{format_number, Locale};
use cadran_core::{Decimal, Outcome};
use leptos::prelude::*;
use std::sync::Arc;

fn choose<'a>(t: &'a TransactionsReport, seg: Option<&str>) -> &'a TransactionStats {
    seg.and_then(|n| t.by_segment.iter().find(|x| x.0 == n)).map_or(&t.overall, |x| &x.1)
}

fn show<T>(o: Outcome<T>, f: Fmt, w: impl Fn(T) -> String) -> OutputValue {
    match o {
        Ok(v) => {
            let t = w(v);
            OutputValue::Value { exact: t.clone(), shown: t }
        }
        Err(e) => OutputValue::Reason(reason(&e, f.locale)),
    }
}

fn count(n: u64, f: Fmt) -> OutputValue {
    show(Ok(Decimal::from(n)), f, |v| format_number(v, 0, f.locale))
}

/// Transaction results.
#[component]
pub fn TransactionResults(report: Signal<Option<Arc<Report>>>, segment: Signal<Option<String>>) -> impl IntoView {
    let prefs = use_prefs();
    let l = move || prefs.locale.get();
    let stats = Memo::new(move |_| {
        let seg = segment.get();
        report.with(|r| match r.as_deref().map(|r| &r.data) {
            Some(DatasetReport::Transactions(t)) => Some(choose(t, seg.as_deref()).clone()),
            _ => None,
        })
    });
    let cohorts = Memo::new(move |_| stats.with(|s| s.as_ref().map(|s| purchase_cohorts(&s.cohorts)).unwrap_or_default()));
    let kpi = move |name: &'static str, fr: &'static str, en: &'static str, primary: bool, f: fn(&TransactionStats, Fmt) -> OutputValue| {
        let value = Signal::derive(move || {
            let fm = Fmt::of(prefs);
            stats.with(|s| s.as_ref().map_or(OutputValue::Reason(String::new()), |s| f(s, fm)))
        });
        view! { <Output name=name primary=primary label=Signal::derive(move || tr(fr, en).get(l()).to_string()) value=value /> }
    };
    let histogram = Signal::derive(move || {
        let f = Fmt::of(prefs);
        stats.with(|s| {
            s.as_ref().map_or_else(Vec::new, |s| {
                s.clv_histogram
                    .iter()
                    .map(|b| Bar {
                        label: format!("{} – {}", fmt_money(b.lower, f), fmt_money(b.upper, f)),
                        value: Decimal::from(b.customers),
                        shown: format_number(Decimal::from(b.customers), 0, f.locale),
                    })
                    .collect()
            })
        })
    });
    let by_revenue = RwSignal::new(false);
    view! {
        <div class="results-grid" data-dataset="transactions">
            <div class="results-kpis">
                {kpi("tx_customers", "Clients", "Customers", true, |s, f| count(s.customers, f))}
                {kpi("tx_orders", "Commandes", "Orders", true, |s, f| count(s.orders, f))}
                {kpi("tx_revenue", "Chiffre d’affaires", "Revenue", false, |s, f| show(Ok(s.revenue), f, |v| fmt_money(v, f)))}
                {kpi("aov", "Panier moyen", "Average order value", false, |s, f| show(s.average_order_value(), f, |v| fmt_money(v, f)))}
                {kpi("purchase_frequency", "Fréquence d’achat (commandes par client)", "Purchase frequency (orders per customer)", false,
                    |s, f| show(s.purchase_frequency(), f, |v| format_number(v, 2, f.locale)))}
                {kpi("repeat_rate", "Taux de réachat", "Repeat purchase rate", false, |s, f| show(s.repeat_rate(), f, |v| fmt_percent(v, f)))}
                {kpi("historical_clv", "Valeur client historique (CLV moyenne)", "Historical CLV (average per customer)", false,
                    |s, f| show(historical_clv(s), f, |v| fmt_money(v, f)))}
            </div>
            <BarChart
                id="clv-distribution"
                title=Signal::derive(move || tr("Répartition de la valeur client historique", "Distribution of historical CLV").get(l()).to_string())
                unit=Signal::derive(move || tr("clients", "customers").get(l()).to_string())
                label_header=Signal::derive(move || tr("Total dépensé par client", "Total spent per customer").get(l()).to_string())
                bars=histogram
            />
            <div class="heat-block">
                <fieldset class="heat-toggle">
                    <legend>{move || tr("Cohortes par mois du premier achat", "Cohorts by first purchase month").get(l())}</legend>
                    <label><input type="radio" name="tx-heat-by" prop:checked=move || !by_revenue.get() on:change=move |_| by_revenue.set(false) />{move || tr("clients qui achètent", "customers buying").get(l())}</label>
                    <label><input type="radio" name="tx-heat-by" prop:checked=move || by_revenue.get() on:change=move |_| by_revenue.set(true) />{move || tr("chiffre d’affaires", "revenue").get(l())}</label>
                </fieldset>
                <Heatmap
                    id="purchase-cohorts"
                    title=Signal::derive(move || if by_revenue.get() {
                        tr("Chiffre d’affaires de chaque cohorte, en % de son premier mois", "Each cohort’s revenue, as % of its first month").get(l()).to_string()
                    } else {
                        tr("Clients de chaque cohorte qui achètent dans le mois, en %", "Each cohort’s customers buying in the month, in %").get(l()).to_string()
                    })
                    headers=Signal::derive(move || (tr("Premier achat", "First purchase").get(l()).to_string(), tr("Clients", "Customers").get(l()).to_string()))
                    columns=Signal::derive(move || heat_columns(&cohorts.get()))
                    rows=Signal::derive(move || cohorts.with(|c| heat_rows(c, by_revenue.get(), Fmt::of(prefs))))
                    legend=Signal::derive(move || heat_legend(l()))
                />
            </div>
        </div>
    }
}

/// The tables of the CSV export.
pub(super) fn tables(t: &TransactionsReport, seg: Option<&str>, l: Locale) -> Vec<Table> {
    let s = choose(t, seg);
    let h = |fr: &'static str, en: &'static str| tr(fr, en).get(l).to_string();
    let num = |o: Outcome<Decimal>| o.map_or(Cell::Empty, |v| Cell::Number(v.round_dp(2)));
    let summary = Table {
        title: format!("{} — {}", h("Transactions", "Transactions"), seg.unwrap_or(tr("tous les segments", "all segments").get(l))),
        headers: vec![h("Indicateur", "Metric"), h("Valeur", "Value")],
        rows: vec![
            vec![Cell::Text(h("Clients", "Customers")), Cell::Number(s.customers.into())],
            vec![Cell::Text(h("Commandes", "Orders")), Cell::Number(s.orders.into())],
            vec![Cell::Text(h("Chiffre d’affaires", "Revenue")), Cell::Number(s.revenue)],
            vec![Cell::Text(h("Panier moyen", "Average order value")), num(s.average_order_value())],
            vec![Cell::Text(h("Fréquence d’achat", "Purchase frequency")), num(s.purchase_frequency())],
            vec![Cell::Text(h("Taux de réachat (%)", "Repeat purchase rate (%)")), num(s.repeat_rate().map(|p| p.0))],
            vec![Cell::Text(h("Valeur client historique", "Historical CLV")), num(historical_clv(s))],
        ],
    };
    let histogram = Table {
        title: h("Répartition de la valeur client historique", "Distribution of historical CLV"),
        headers: vec![h("De", "From"), h("À (exclu)", "To (excluded)"), h("Clients", "Customers")],
        rows: s.clv_histogram.iter().map(|b| vec![Cell::Number(b.lower), Cell::Number(b.upper), Cell::Number(b.customers.into())]).collect(),
    };
    let cohorts = purchase_cohorts(&s.cohorts);
    let width = cohorts.iter().map(|c| c.by_customers.len()).max().unwrap_or(0);
    let cohort_table = |title: String, rev: bool| Table {
        title,
        headers: [h("Premier achat", "First purchase"), h("Clients", "Customers")].into_iter().chain((0..width).map(|k| format!("M{k}"))).collect(),
        rows: cohorts
            .iter()
            .map(|c| {
                [Cell::Text(c.month.to_string()), Cell::Number(c.customers.into())]
                    .into_iter()
                    .chain((if rev { &c.by_revenue } else { &c.by_customers }).iter().map(|p| p.as_ref().map_or(Cell::Empty, |p| Cell::Number(p.0.round_dp(2)))))
                    .collect()
            })
            .collect(),
    };
    vec![
        summary,
        histogram,
        cohort_table(h("Cohortes : clients qui achètent (%)", "Cohorts: customers buying (%)"), false),
        cohort_table(h("Cohortes : chiffre d’affaires (% du premier mois)", "Cohorts: revenue (% of the first month)"), true),
    ]
}
