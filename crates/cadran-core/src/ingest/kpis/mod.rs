//! An import's aggregates turned into KPI values, by calling the formulas of
//! [`crate::metrics`] on them: the results page only formats what comes back.
//!
//! Why a separate step: the ingestion keeps raw counts and exact sums (so that
//! a segment or a month can be recombined without rereading the file); the
//! KPIs are computed from those counts here, month by month, cohort by cohort,
//! with the same functions the KPI cards use, so a number on the results page
//! and the same number typed into a card always agree.

mod experiment;
mod subscriptions;
mod survey;
#[cfg(test)]
mod tests;
mod transactions;

pub use experiment::experiment_inputs;
pub use subscriptions::{scenario_baseline, subscription_cohorts, subscription_months, SubsMonth};
pub use survey::{share_margin, survey_score, ShareMargin, SurveyScore};
pub use transactions::{historical_clv, purchase_cohorts};

use crate::{arith, Outcome, Percent, Undefined};
use super::date::YearMonth;
use rust_decimal::Decimal;

/// One row of a retention heatmap: a cohort and its share still there, month
/// after month.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CohortRetention {
    /// The cohort's first month.
    pub month: YearMonth,
    /// Customers in the cohort.
    pub customers: u64,
    /// `by_customers[k]`: cohort customers active (or buying) in month `k` ÷ cohort customers.
    pub by_customers: Vec<Outcome<Percent>>,
    /// `by_revenue[k]`: the cohort's MRR (or revenue) in month `k` ÷ its month-0 MRR
    /// (above 100 % when expansion outweighs losses).
    pub by_revenue: Vec<Outcome<Percent>>,
}

impl CohortRetention {
    /// A cohort's row from its size, its active customers month by month and
    /// its revenue (MRR or purchases) month by month: both shares are of
    /// month 0. One rule for subscription and purchase cohorts alike.
    fn of(month: YearMonth, customers: u64, active: &[u64], revenue: &[Decimal]) -> Self {
        let active: Vec<Decimal> = active.iter().map(|a| Decimal::from(*a)).collect();
        Self {
            month,
            customers,
            by_customers: shares(&active, customers.into(), Undefined::NoCustomers),
            by_revenue: shares(revenue, revenue.first().copied().unwrap_or_default(), Undefined::ZeroRevenue),
        }
    }
}

fn shares(values: &[Decimal], whole: Decimal, when_zero: Undefined) -> Vec<Outcome<Percent>> {
    values.iter().map(|v| arith::percent_of(*v, whole, when_zero)).collect()
}
/// Whether an outcome is a value, for charts that skip undefined points.
#[must_use]
pub fn defined<T: Clone>(o: &Outcome<T>) -> Option<T> {
    o.as_ref().ok().cloned()
}
