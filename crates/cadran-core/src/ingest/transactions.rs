//! Transactions (customer, date, amount) → customers, orders, average order
//! value, purchase frequency, repeat rate, historical CLV distribution and
//! cohorts by first purchase month.

use super::cells::{CellError, Ctx};
use super::date::YearMonth;
use super::error::IngestError;
use super::hash::{FxSet, Labels};
use super::ids::Ids;
use super::mapping::Role;
use super::reader::Fields;
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

#[derive(Clone, Copy)]
struct Tx {
    customer: u32,
    month: i32,
    amount: Decimal,
    segment: u16,
}

#[derive(Default)]
pub(crate) struct TxAcc {
    ids: Ids,
    rows: Vec<Tx>,
    labels: Labels,
}

impl TxAcc {
    pub(crate) fn row(&mut self, f: &Fields<'_>, cx: &Ctx) -> Result<(), CellError> {
        let (_, cust) = cx.bytes(f, Role::Customer).ok_or_else(|| cx.missing(Role::Customer))?;
        let (_, month) = cx.date_month(f, Role::Date)?.ok_or_else(|| cx.missing(Role::Date))?;
        let amount = cx.number(f, Role::Amount, true)?.ok_or_else(|| cx.missing(Role::Amount))?;
        let segment = match (cx.col(Role::Segment), cx.text(f, Role::Segment)) {
            (Some(_), Some((_, s))) => self.labels.id(&s),
            (Some(_), None) => self.labels.id("(none)"),
            (None, _) => 0,
        };
        self.rows.push(Tx { customer: self.ids.id(cust), month: month.0, amount, segment });
        Ok(())
    }

    pub(crate) fn finish(self) -> Result<TransactionsReport, IngestError> {
        let overall = stats(self.rows.iter())?;
        let mut by_segment = Vec::new();
        for (i, name) in self.labels.names.iter().enumerate() {
            by_segment.push((name.clone(), stats(self.rows.iter().filter(|t| usize::from(t.segment) == i))?));
        }
        Ok(TransactionsReport { overall, by_segment })
    }
}

fn ov<T>(_: T) -> IngestError {
    IngestError::Overflow
}

fn stats<'a>(rows: impl Iterator<Item = &'a Tx> + Clone) -> Result<TransactionStats, IngestError> {
    // Per customer: orders, total, first month. Customer ids are dense
    // indices, so a vector replaces the B-tree map the profile showed (about
    // three quarters of a 1M-row import went to map lookups).
    let n = rows.clone().map(|t| t.customer as usize + 1).max().unwrap_or(0);
    let mut slots: Vec<Option<(u64, Decimal, i32)>> = vec![None; n];
    let (mut orders, mut revenue) = (0u64, Decimal::ZERO);
    for t in rows.clone() {
        let Some(slot) = slots.get_mut(t.customer as usize) else { continue };
        let e = slot.get_or_insert((0, Decimal::ZERO, t.month));
        e.0 += 1;
        e.1 = arith::add(e.1, t.amount).map_err(ov)?;
        e.2 = e.2.min(t.month);
        orders += 1;
        revenue = arith::add(revenue, t.amount).map_err(ov)?;
    }
    let per = Per(&slots);
    let repeat_customers = per.values().filter(|v| v.0 >= 2).count() as u64;
    let first = per.values().map(|v| v.2).min().unwrap_or(0);
    let last = rows.clone().map(|t| t.month).max().unwrap_or(0);
    let first = first.max(last - 599);
    let len = usize::try_from(last - first + 1).unwrap_or(0);
    let mut cohorts: Vec<PurchaseCohort> = (0..len).map(|c| PurchaseCohort {
        month: YearMonth(first + c as i32), customers: 0, active: vec![0; len - c], revenue: vec![Decimal::ZERO; len - c],
    }).collect();
    for v in per.values() {
        if let Some(c) = cohorts.get_mut(usize::try_from(v.2.max(first) - first).unwrap_or(0)) {
            c.customers += 1;
        }
    }
    let mut seen: FxSet<u64> = FxSet::default();
    for t in rows {
        let Some(v) = per.get(t.customer) else { continue };
        let cohort = v.2.max(first);
        let (c, k) = (usize::try_from(cohort - first).unwrap_or(0), usize::try_from(t.month.max(cohort) - cohort).unwrap_or(0));
        if let Some(row) = cohorts.get_mut(c) {
            if let Some(r) = row.revenue.get_mut(k) {
                *r = arith::add(*r, t.amount).map_err(ov)?;
            }
            if seen.insert(u64::from(t.customer) << 32 | u64::from(t.month as u32)) {
                if let Some(a) = row.active.get_mut(k) {
                    *a += 1;
                }
            }
        }
    }
    Ok(TransactionStats { customers: per.values().count() as u64, orders, revenue, repeat_customers,
        clv_histogram: histogram(per.values().map(|v| v.1))?, cohorts })
}

/// Per-customer slots, read like the map they replace.
struct Per<'a>(&'a [Option<(u64, Decimal, i32)>]);

impl Per<'_> {
    fn values(&self) -> impl Iterator<Item = &(u64, Decimal, i32)> + Clone {
        self.0.iter().flatten()
    }
    fn get(&self, customer: u32) -> Option<&(u64, Decimal, i32)> {
        self.0.get(customer as usize).and_then(Option::as_ref)
    }
}

/// Ten buckets of a "nice" width (1, 2 or 5 × 10ⁿ) from the smallest value
/// (or 0) up to the largest.
fn histogram(values: impl Iterator<Item = Decimal> + Clone) -> Result<Vec<Bucket>, IngestError> {
    let (Some(min), Some(max)) = (values.clone().min(), values.clone().max()) else { return Ok(Vec::new()) };
    let lo = min.min(Decimal::ZERO).floor();
    let span = arith::sub(max, lo).map_err(ov)?;
    let mut width = Decimal::ONE;
    let raw = span / Decimal::TEN;
    'outer: for p in 0..28 {
        for m in [1u32, 2, 5] {
            let w = Decimal::from(m).saturating_mul(Decimal::from_i128_with_scale(10i128.pow(p), 0));
            if w > raw {
                width = w;
                break 'outer;
            }
        }
    }
    let mut buckets: Vec<Bucket> = (0..10u32).map(|i| Bucket {
        lower: lo.saturating_add(width.saturating_mul(Decimal::from(i))),
        upper: lo.saturating_add(width.saturating_mul(Decimal::from(i + 1))),
        customers: 0,
    }).collect();
    for v in values {
        let i = v.checked_sub(lo).and_then(|d| d.checked_div(width)).map_or(9, |q| {
            rust_decimal::prelude::ToPrimitive::to_usize(&q.floor()).unwrap_or(9)
        });
        let i = i.min(9);
        if let Some(b) = buckets.get_mut(i) {
            b.customers += 1;
        }
    }
    Ok(buckets)
}
