//! Transactions (customer, date, amount) → customers, orders, average order
//! value, purchase frequency, repeat rate, historical CLV distribution and
//! cohorts by first purchase month.
//!
//! Each row is kept as a 12-byte [`Tx`] until the end (the outputs need every
//! customer's first purchase month before any of their rows can be put in a
//! cohort, and that month may come last in the file). It was a 32-byte row
//! with a `Decimal` amount, plus, at the end, a hashed set of every
//! (customer, month) pair and per-customer slots: the 100 MB transactions
//! file peaked at about 3× its size in Chromium. The aggregation is in
//! [`super::tx_stats`].

use super::cells::{CellError, Ctx};
use super::date::YearMonth;
use super::error::IngestError;
use super::hash::Labels;
use super::ids::Ids;
use super::mapping::Role;
use super::money::Amount;
use super::packed::Packed;
use super::reader::Fields;
use super::tx_stats::{sort_by_customer_month, stats_decimal, stats_fixed};
use crate::{arith, Outcome, Percent, Undefined};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// One histogram bucket of historical CLV: customers whose total spend is in
/// `[lower, upper)`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Bucket {
    /// Inclusive lower bound.
    pub lower: Decimal,
    /// Exclusive upper bound.
    pub upper: Decimal,
    /// Customers in the bucket.
    pub customers: u64,
}

/// A first-purchase cohort: `active[k]` customers bought and spent
/// `revenue[k]` in month `month + k`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PurchaseCohort {
    /// First purchase month.
    pub month: YearMonth,
    /// Customers whose first purchase is in `month`.
    pub customers: u64,
    /// Buying customers per month since.
    pub active: Vec<u64>,
    /// Revenue per month since.
    pub revenue: Vec<Decimal>,
}

/// Transactions of a set of customers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TransactionStats {
    /// Distinct customers.
    pub customers: u64,
    /// Orders.
    pub orders: u64,
    /// Total revenue (exact).
    pub revenue: Decimal,
    /// Customers with two orders or more.
    pub repeat_customers: u64,
    /// Historical CLV (sum of a customer's amounts) histogram, 10 buckets.
    pub clv_histogram: Vec<Bucket>,
    /// Cohorts by first purchase month.
    pub cohorts: Vec<PurchaseCohort>,
}

impl TransactionStats {
    /// Average order value = revenue ÷ orders (Shopify, *Average order value*).
    pub fn average_order_value(&self) -> Outcome<Decimal> {
        arith::div(self.revenue, Decimal::from(self.orders), Undefined::NoCustomers)
    }
    /// Purchase frequency = orders ÷ customers (Kumar & Reinartz, *Customer
    /// Relationship Management*, 2018).
    pub fn purchase_frequency(&self) -> Outcome<Decimal> {
        arith::div(Decimal::from(self.orders), Decimal::from(self.customers), Undefined::NoCustomers)
    }
    /// Repeat purchase rate = customers with ≥ 2 orders ÷ customers × 100.
    pub fn repeat_rate(&self) -> Outcome<Percent> {
        arith::percent_of(Decimal::from(self.repeat_customers), Decimal::from(self.customers), Undefined::NoCustomers)
    }
}

/// Transactions report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TransactionsReport {
    /// All transactions.
    pub overall: TransactionStats,
    /// Per segment.
    pub by_segment: Vec<(String, TransactionStats)>,
}

/// One transaction: its customer's dense index, and its month, segment and
/// amount packed as [`Packed`] (12 bytes in all).
#[derive(Clone, Copy)]
pub(crate) struct Tx {
    pub(crate) customer: u32,
    /// The month, the segment and the amount.
    pub(crate) packed: Packed,
}

impl Tx {
    /// Packs a row; an amount that does not fit goes to `wide` or `big`.
    pub(crate) fn new(customer: u32, month: YearMonth, segment: u16, amount: Amount, wide: &mut Vec<i64>, big: &mut Vec<Decimal>) -> Tx {
        Tx { customer, packed: Packed::new(month, segment, amount, wide, big) }
    }

    /// The month (`YearMonth.0`), the key the statistics sort and group by.
    #[inline]
    pub(crate) fn month(&self) -> i32 {
        self.packed.month()
    }
}

#[derive(Default)]
pub(crate) struct TxAcc {
    ids: Ids,
    rows: Vec<Tx>,
    /// Amounts that fit fixed point but not an `i32`.
    wide: Vec<i64>,
    /// Amounts that do not fit fixed point (more than 4 decimals, or huge).
    big: Vec<Decimal>,
    labels: Labels,
}

impl TxAcc {
    #[inline]
    pub(crate) fn row(&mut self, f: &Fields<'_>, cx: &Ctx) -> Result<(), CellError> {
        let (_, cust) = cx.bytes(f, Role::Customer).ok_or_else(|| cx.missing(Role::Customer))?;
        let (_, month) = cx.date_month(f, Role::Date)?.ok_or_else(|| cx.missing(Role::Date))?;
        let amount = cx.money(f, Role::Amount)?.ok_or_else(|| cx.missing(Role::Amount))?;
        let segment = match (cx.col(Role::Segment), cx.text(f, Role::Segment)) {
            (Some(_), Some((_, s))) => self.labels.id(&s),
            (Some(_), None) => self.labels.id("(none)"),
            (None, _) => 0,
        };
        let t = Tx::new(self.ids.id(cust), month, segment, amount, &mut self.wide, &mut self.big);
        self.rows.push(t);
        Ok(())
    }

    pub(crate) fn finish(mut self) -> Result<TransactionsReport, IngestError> {
        let segments = self.labels.names.len();
        let mut by_segment = Vec::new();
        // Exact either way; the fixed-point path (sorted rows, no set of pairs)
        // is the fast and small one.
        let overall = if self.big.is_empty() {
            sort_by_customer_month(&mut self.rows, self.ids.len());
            for i in 0..segments {
                by_segment.push(stats_fixed(self.rows.iter().filter(|t| usize::from(t.packed.segment()) == i), &self.wide)?);
            }
            stats_fixed(self.rows.iter(), &self.wide)?
        } else {
            let (wide, big) = (&self.wide, &self.big);
            let amount = |t: &Tx| t.packed.decimal(wide, big);
            for i in 0..segments {
                by_segment.push(stats_decimal(self.rows.iter().filter(|t| usize::from(t.packed.segment()) == i), amount)?);
            }
            stats_decimal(self.rows.iter(), amount)?
        };
        Ok(TransactionsReport { overall, by_segment: self.labels.names.into_iter().zip(by_segment).collect() })
    }
}
