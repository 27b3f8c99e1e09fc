//! A transactions import as KPIs: purchase cohorts and historical CLV.

use super::CohortRetention;
use crate::arith;
use crate::ingest::transactions::{PurchaseCohort, TransactionStats};
use crate::{Outcome, Undefined};
use rust_decimal::Decimal;

/// The cohorts of a transactions import by first purchase month: share of the
/// cohort buying again, and revenue against the first month's.
///
/// **Definition.** As [`subscription_cohorts`], with "bought in month c + k"
/// for "active" and the month's revenue for MRR.
///
/// # Example
/// ```
/// use cadran_core::ingest::{ingest, kpis::purchase_cohorts, DatasetReport, Options};
/// use cadran_core::Percent;
/// use rust_decimal_macros::dec;
/// let csv = "customer,date,amount\na,2024-01-05,10\nb,2024-01-09,30\na,2024-02-02,20\n";
/// let DatasetReport::Transactions(t) = ingest(csv.as_bytes(), &Options::default()).unwrap().data else { panic!() };
/// let c = purchase_cohorts(&t.overall.cohorts);
/// assert_eq!(c[0].by_customers[1], Ok(Percent(dec!(50))));
/// assert_eq!(c[0].by_revenue[1], Ok(Percent(dec!(50)))); // 20 ÷ 40
/// ```
#[must_use]
pub fn purchase_cohorts(cohorts: &[PurchaseCohort]) -> Vec<CohortRetention> {
    cohorts
        .iter()
        .filter(|c| c.customers > 0)
        .map(|c| CohortRetention::of(c.month, c.customers, &c.active, &c.revenue))
        .collect()
}

/// Historical customer lifetime value: what the average customer has spent so far.
///
/// **Definition.** Historical CLV = total revenue ÷ distinct customers (the
/// sum of each customer's past purchases, averaged). It looks backwards only:
/// no margin, churn or discounting (see the CLV card for the predictive one).
///
/// **Source.** Kumar, V. & Reinartz, W. (2018), *Customer Relationship
/// Management*, 3rd ed., ch. 6 "historical customer value"; Shopify,
/// *Customer lifetime value* (historic CLV).
///
/// # Example
/// ```
/// use cadran_core::ingest::{ingest, kpis::historical_clv, DatasetReport, Options};
/// use rust_decimal_macros::dec;
/// let csv = "customer,date,amount\na,2024-01-05,10\nb,2024-01-09,30\na,2024-02-02,20\n";
/// let DatasetReport::Transactions(t) = ingest(csv.as_bytes(), &Options::default()).unwrap().data else { panic!() };
/// assert_eq!(historical_clv(&t.overall), Ok(dec!(30))); // 60 ÷ 2
/// ```
///
/// # Errors
/// [`Undefined::NoCustomers`] without customers.
pub fn historical_clv(t: &TransactionStats) -> Outcome<Decimal> {
    arith::div(t.revenue, Decimal::from(t.customers), Undefined::NoCustomers)
}
