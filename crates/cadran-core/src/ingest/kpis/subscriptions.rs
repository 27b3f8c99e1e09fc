//! A subscriptions import as KPIs: months (MRR movements, churn, retention),
//! cohort retention, and the scenario baseline.

use super::CohortRetention;
use crate::arith;
use crate::ingest::date::YearMonth;
use crate::ingest::subscriptions::SubscriptionStats;
use crate::metrics::arpa::{average_revenue, Per};
use crate::metrics::mrr::{compute_mrr, MrrMovements, MrrReport};
use crate::metrics::retention::{churn_rate, retention_rate, Churn, ChurnInputs, Retention, RetentionInputs};
use crate::scenario::input::Input;
use crate::{Outcome, Undefined};
use rust_decimal::Decimal;

/// One month of a subscriptions import, as KPIs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SubsMonth {
    /// The month.
    pub month: YearMonth,
    /// Customers active at its end.
    pub active: u64,
    /// MRR at its end (exact).
    pub mrr: Decimal,
    /// Customers active for the first time.
    pub new: u64,
    /// Customers coming back.
    pub reactivated: u64,
    /// Customers lost.
    pub churned: u64,
    /// Customer churn: lost ÷ active at the end of the previous month ([`churn_rate`]).
    pub churn: Outcome<Churn>,
    /// Customer retention: (end − new − reactivated) ÷ start ([`retention_rate`]).
    pub retention: Outcome<Retention>,
    /// ARPA = MRR ÷ active customers ([`average_revenue`]).
    pub arpa: Outcome<Decimal>,
    /// The month's MRR movements, starting from the previous month's MRR.
    pub movements: MrrMovements,
    /// GRR, NRR and the waterfall of the month ([`compute_mrr`]).
    pub mrr_report: MrrReport,
}

/// Every month of a subscriptions import as KPIs.
///
/// **Definition.** Month `i` starts with the customers and MRR at the end of
/// month `i − 1` (none before the first month, so its rates are undefined).
/// Churn = lost ÷ start; retention = (end − new − reactivated) ÷ start, so
/// retention + churn = 100 %; ARPA = MRR ÷ active; GRR and NRR from the
/// month's movements. Sources: see each formula.
///
/// # Example
/// ```
/// use cadran_core::ingest::{ingest, kpis::subscription_months, DatasetReport, Options};
/// use cadran_core::Percent;
/// use rust_decimal_macros::dec;
/// let csv = "customer,start,end,mrr\na,2024-01-05,,10\nb,2024-01-09,2024-02-20,30\n";
/// let DatasetReport::Subscriptions(s) = ingest(csv.as_bytes(), &Options::default()).unwrap().data else { panic!() };
/// let months = subscription_months(&s.overall);
/// assert_eq!(months[1].churn.as_ref().map(|c| c.rate), Ok(Percent(dec!(50))));
/// assert_eq!(months[1].mrr_report.net_revenue_retention, Ok(Percent(dec!(25)))); // 10 ÷ 40
/// assert_eq!(months[1].arpa, Ok(dec!(10)));
/// ```
#[must_use]
pub fn subscription_months(s: &SubscriptionStats) -> Vec<SubsMonth> {
    let at = |v: &[u64], i: usize| v.get(i).copied().unwrap_or(0);
    (0..s.mrr.len().min(s.active_customers.len()))
        .map(|i| {
            let active = at(&s.active_customers, i);
            let mrr = s.mrr.get(i).copied().unwrap_or_default();
            let start = i.checked_sub(1).map_or(0, |p| at(&s.active_customers, p));
            let start_mrr = i.checked_sub(1).and_then(|p| s.mrr.get(p)).copied().unwrap_or_default();
            let (new, reactivated, churned) = (at(&s.new_customers, i), at(&s.reactivated_customers, i), at(&s.churned_customers, i));
            let m = s.movements.get(i).cloned().unwrap_or_default();
            let movements = MrrMovements {
                start_mrr,
                new_mrr: m.new,
                expansion_mrr: m.expansion,
                reactivation_mrr: m.reactivation,
                contraction_mrr: m.contraction,
                churned_mrr: m.churn,
            };
            SubsMonth {
                month: YearMonth(s.first_month.0.saturating_add(i32::try_from(i).unwrap_or(i32::MAX))),
                active,
                mrr,
                new,
                reactivated,
                churned,
                churn: churn_rate(&ChurnInputs { customers_start: start.into(), customers_lost: churned.into() }),
                retention: retention_rate(&RetentionInputs {
                    customers_start: start.into(),
                    customers_end: active.into(),
                    new_customers: Decimal::from(new) + Decimal::from(reactivated),
                }),
                arpa: average_revenue(mrr, active.into(), Per::Account).map(|a| a.average),
                mrr_report: compute_mrr(&movements),
                movements,
            }
        })
        .collect()
}

/// The monthly cohort retention table of a subscriptions import.
///
/// **Definition.** Customers are grouped by the month they first became
/// active. Customer retention of cohort c in month k = its customers active at
/// the end of month c + k ÷ its customers; revenue retention = its MRR then ÷
/// its MRR at the end of month c.
///
/// **Source.** Baremetrics, *Cohort Analysis*; ChartMogul, *Cohort analysis:
/// customer and MRR retention* (2019–2023).
///
/// # Example
/// ```
/// use cadran_core::ingest::{ingest, kpis::subscription_cohorts, DatasetReport, Options};
/// use cadran_core::Percent;
/// use rust_decimal_macros::dec;
/// let csv = "customer,start,end,mrr\na,2024-01-05,,10\nb,2024-01-09,2024-02-20,30\n";
/// let DatasetReport::Subscriptions(s) = ingest(csv.as_bytes(), &Options::default()).unwrap().data else { panic!() };
/// let c = subscription_cohorts(&s.overall);
/// assert_eq!(c[0].by_customers, vec![Ok(Percent(dec!(100))), Ok(Percent(dec!(50)))]);
/// assert_eq!(c[0].by_revenue[1], Ok(Percent(dec!(25))));
/// ```
#[must_use]
pub fn subscription_cohorts(s: &SubscriptionStats) -> Vec<CohortRetention> {
    s.cohorts
        .iter()
        .filter(|c| c.customers > 0)
        .map(|c| CohortRetention::of(c.month, c.customers, &c.active, &c.mrr))
        .collect()
}

/// Scenario baseline values taken from a subscriptions import, over its last
/// `window` months (at most), keyed by the scenario's inputs.
///
/// **Definition.** Customers at start = active customers at the end of the
/// last month; new customers per month = mean of the window's new customers;
/// monthly churn = Σ lost ÷ Σ customers at the start of each month (a pooled
/// average, so quiet months weigh less); ARPA = the last month's; monthly
/// expansion = (Σ expansion − Σ contraction) ÷ Σ starting MRR. Rates and
/// amounts are rounded to 2 decimals, as a person would type them. A value
/// whose formula is undefined (no customer at the start…) is left out.
///
/// # Example
/// ```
/// use cadran_core::ingest::{ingest, kpis::scenario_baseline, DatasetReport, Options};
/// use cadran_core::scenario::input::Input;
/// use rust_decimal_macros::dec;
/// let csv = "customer,start,end,mrr\na,2024-01-05,,10\nb,2024-01-09,2024-02-20,30\nc,2024-02-01,,20\n";
/// let DatasetReport::Subscriptions(s) = ingest(csv.as_bytes(), &Options::default()).unwrap().data else { panic!() };
/// let b = scenario_baseline(&s.overall, 12);
/// assert!(b.contains(&(Input::MonthlyChurn, dec!(50))));   // 1 lost of 2 at the start of February
/// assert!(b.contains(&(Input::CustomersStart, dec!(2))));  // a and c
/// assert!(b.contains(&(Input::Arpa, dec!(15))));           // 30 ÷ 2
/// ```
#[must_use]
pub fn scenario_baseline(s: &SubscriptionStats, window: usize) -> Vec<(Input, Decimal)> {
    let months = subscription_months(s);
    let Some(last) = months.last() else { return Vec::new() };
    let from = months.len().saturating_sub(window.max(1)).max(1);
    let w = months.get(from..).unwrap_or(&[]);
    let two = |d: Decimal| d.round_dp(2).normalize();
    let mut out = vec![(Input::CustomersStart, Decimal::from(last.active))];
    let n = Decimal::from(w.len() as u64);
    let total = |f: &dyn Fn(&SubsMonth) -> Decimal| -> Outcome<Decimal> { arith::sum(w.iter().map(f)) };
    if let Ok(v) = total(&|m| Decimal::from(m.new)).and_then(|t| arith::div(t, n, Undefined::NoCustomers)) {
        out.push((Input::NewCustomersPerMonth, two(v)));
    }
    let starts = total(&|m| m.churn.as_ref().map_or(Decimal::ZERO, |c| c.customers_start));
    let lost = total(&|m| Decimal::from(m.churned));
    if let (Ok(s), Ok(l)) = (starts, lost) {
        if let Ok(c) = churn_rate(&ChurnInputs { customers_start: s, customers_lost: l }) {
            out.push((Input::MonthlyChurn, two(c.rate.0)));
        }
    }
    if let Ok(a) = &last.arpa {
        out.push((Input::Arpa, two(*a)));
    }
    let net = total(&|m| m.movements.expansion_mrr - m.movements.contraction_mrr);
    let base = total(&|m| m.movements.start_mrr);
    if let Ok(p) = net.and_then(|x| base.and_then(|b| arith::percent_of(x, b, Undefined::ZeroRevenue))) {
        out.push((Input::MonthlyExpansion, two(p.0)));
    }
    out
}
