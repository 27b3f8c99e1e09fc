//! Subscriptions → active customers and MRR by month, MRR movements, churn and
//! the monthly cohort retention table.
//!
//! This is the hot path of large imports: each row becomes a 16-byte
//! [`Sub`] (dense customer index, start and end months, MRR) with no
//! allocation except once per new customer; aggregation runs afterwards on
//! per-customer events, so its cost is proportional to rows, not to
//! customers × months.
//!
//! **Definitions.** A subscription counts at the *end* of each month: it is
//! active in month M when it started on or before M's last day and has not
//! ended by then. A customer's subscriptions are combined first. MRR
//! movements follow the usual SaaS taxonomy (new, expansion, contraction,
//! churn, reactivation) as defined by ChartMogul, *SaaS Metrics Cheat Sheet*
//! and Baremetrics, *MRR Movements* (both 2019–2023).

use super::by_customer::by_customer;
use super::cells::{CellError, Ctx};
use super::date::YearMonth;
use super::error::{IngestError, Problem};
use super::cohorts::{aggregate, month_range};
use super::hash::Labels;
use super::id_batch::IdBatch;
use super::money::{Amount, Fixed, SCALE};
use super::sub::Sub;
use super::mapping::Role;
use super::reader::Fields;
use rust_decimal::{Decimal, RoundingStrategy};
use serde::{Deserialize, Serialize};

/// Most months in the tables (50 years); older months are folded into the first.
pub const MAX_MONTHS: i32 = 600;
/// One month's MRR movements as the import counts them (the amounts only;
/// [`crate::metrics::mrr::MrrMovements`] adds the month's starting MRR for
/// the formulas).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MonthMovements {
    /// MRR of customers active for the first time.
    pub new: Decimal,
    /// MRR increases of customers active in both months.
    pub expansion: Decimal,
    /// MRR decreases (positive number) of customers active in both months.
    pub contraction: Decimal,
    /// Previous MRR (positive number) of customers who left.
    pub churn: Decimal,
    /// MRR of customers coming back after having left.
    pub reactivation: Decimal,
}

/// One cohort: customers whose first subscription started in `month`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CohortRow {
    /// The cohort's first month.
    pub month: YearMonth,
    /// Customers in the cohort.
    pub customers: u64,
    /// `active[k]`: customers of the cohort active at the end of month `month + k`.
    pub active: Vec<u64>,
    /// `mrr[k]`: their MRR then (exact sum).
    pub mrr: Vec<Decimal>,
}

/// Everything the subscriptions import produces, month by month from
/// `first_month`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SubscriptionStats {
    /// First month of every table.
    pub first_month: YearMonth,
    /// Subscriptions read.
    pub subscriptions: u64,
    /// Distinct customers.
    pub customers: u64,
    /// Active customers at the end of each month.
    pub active_customers: Vec<u64>,
    /// MRR at the end of each month (exact sum).
    pub mrr: Vec<Decimal>,
    /// Customers active for the first time in each month.
    pub new_customers: Vec<u64>,
    /// Customers active at the end of the previous month and not of this one.
    pub churned_customers: Vec<u64>,
    /// Customers coming back in each month.
    pub reactivated_customers: Vec<u64>,
    /// MRR movements of each month.
    pub movements: Vec<MonthMovements>,
    /// Cohort retention table, by customers and by revenue.
    pub cohorts: Vec<CohortRow>,
}

impl SubscriptionStats {
    /// Gross and net revenue retention inputs for month index `i` (≥ 1):
    /// (starting MRR, expansion + reactivation, contraction, churn).
    /// GRR = (start − contraction − churn) ÷ start; NRR adds expansion
    /// (Bessemer Venture Partners, *State of the Cloud*, 2020).
    #[must_use]
    pub fn retention_inputs(&self, i: usize) -> Option<(Decimal, Decimal, Decimal, Decimal)> {
        let start = *self.mrr.get(i.checked_sub(1)?)?;
        let m = self.movements.get(i)?;
        Some((start, m.expansion.checked_add(m.reactivation)?, m.contraction, m.churn))
    }
}

/// Subscriptions of one segment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SegmentSubscriptions {
    /// Segment label.
    pub segment: String,
    /// Its tables.
    pub stats: SubscriptionStats,
}

/// Subscriptions report: overall, and per segment when a segment is mapped.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SubscriptionsReport {
    /// All subscriptions.
    pub overall: SubscriptionStats,
    /// Per segment (empty without a segment column).
    pub by_segment: Vec<SegmentSubscriptions>,
    /// Rows left out because their status is a trial or incomplete
    /// (0 when [`Options::include_trials`](super::Options::include_trials) is set).
    pub trials_skipped: u64,
    /// Rows with a trial or incomplete status that were counted, because
    /// [`Options::include_trials`](super::Options::include_trials) is set.
    #[serde(default)]
    pub trials_included: u64,
}

#[derive(Default)]
pub(crate) struct SubsAcc {
    /// Customer ids; the last `ids.queued()` subscriptions wait for theirs.
    ids: IdBatch,
    subs: Vec<Sub>,
    /// Amounts that fit fixed point but not an `i32`.
    wide: Vec<i64>,
    /// Amounts with more than 4 decimals or too large for `i64` ten-thousandths.
    big: Vec<Decimal>,
    segments: Labels,
    /// Rows with a trial or incomplete status.
    trials: u64,
    /// Count those rows as subscriptions instead of setting them aside.
    include_trials: bool,
}

fn months_factor(interval: &str) -> Option<(Decimal, Decimal)> {
    // (multiplier, divisor) turning a price per interval into a price per month.
    let t = interval.trim().to_lowercase();
    Some(match t.as_str() {
        "month" | "monthly" | "mois" | "mensuel" | "mensuelle" | "m" | "months" => (Decimal::ONE, Decimal::ONE),
        "year" | "yearly" | "annual" | "annually" | "an" | "annuel" | "annuelle" | "année" | "y" | "years" => {
            (Decimal::ONE, Decimal::from(12))
        }
        "quarter" | "quarterly" | "trimestre" | "trimestriel" => (Decimal::ONE, Decimal::from(3)),
        "week" | "weekly" | "semaine" | "hebdomadaire" | "weeks" => (Decimal::from(52), Decimal::from(12)),
        "day" | "daily" | "jour" | "quotidien" | "days" => (Decimal::from(365), Decimal::from(12)),
        _ => return None,
    })
}

fn too_large(column: usize) -> CellError {
    CellError { column, problem: Problem::NumberTooLarge }
}

impl SubsAcc {
    pub(crate) fn new(include_trials: bool) -> Self {
        Self { include_trials, ..Self::default() }
    }

    #[inline]
    pub(crate) fn row(&mut self, f: &Fields<'_>, cx: &Ctx) -> Result<(), CellError> {
        let (_, cust) = cx.bytes(f, Role::Customer).ok_or_else(|| cx.missing(Role::Customer))?;
        if let Some((_, s)) = cx.bytes(f, Role::Status) {
            // Compared in place: lower-casing into a new Vec allocated once per row.
            if [&b"trialing"[..], b"in_trial", b"incomplete", b"incomplete_expired", b"future"].iter().any(|t| s.eq_ignore_ascii_case(t)) {
                self.trials += 1;
                if !self.include_trials {
                    return Ok(());
                }
            }
        }
        let (start, start_month) = cx.date_month(f, Role::Start)?.ok_or_else(|| cx.missing(Role::Start))?;
        let end = match cx.date_month(f, Role::EndedAt)? {
            Some(d) => Some(d),
            None => cx.date_month(f, Role::CanceledAt)?,
        };
        if let Some((e, _)) = end {
            if e < start {
                let c = cx.col(Role::EndedAt).filter(|&c| !f.get(c).trim_ascii().is_empty()).or(cx.col(Role::CanceledAt));
                return Err(CellError { column: c.unwrap_or(0), problem: Problem::EndsBeforeStart });
            }
        }
        let mrr = match cx.money(f, Role::Mrr)? {
            Some(m) => m,
            None => Amount::of(self.mrr_from_amount(f, cx)?),
        };
        let segment = match (cx.col(Role::Segment), cx.text(f, Role::Segment)) {
            (Some(_), Some((_, s))) => self.segments.id(&s),
            (Some(_), None) => self.segments.id("(none)"),
            (None, _) => 0,
        };
        let end = end.map(|(_, m)| m);
        // The customer index is filled in by `resolve`, a batch at a time.
        let full = self.ids.push(cust);
        self.subs.push(Sub::new(0, (start_month, end), segment, mrr, &mut self.wide, &mut self.big));
        if full {
            self.resolve();
        }
        Ok(())
    }

    fn mrr_from_amount(&self, f: &Fields<'_>, cx: &Ctx) -> Result<Decimal, CellError> {
        let amount = cx.number(f, Role::Amount, true)?.ok_or_else(|| cx.missing(Role::Amount))?;
        let ac = cx.col(Role::Amount).unwrap_or(0);
        let qty = cx.number(f, Role::Quantity, false)?.unwrap_or(Decimal::ONE);
        let count = cx.number(f, Role::IntervalCount, false)?.unwrap_or(Decimal::ONE);
        let (mul, div) = match cx.text(f, Role::Interval) {
            Some((c, t)) => months_factor(&t).ok_or(CellError { column: c, problem: Problem::NotAnInterval })?,
            None => (Decimal::ONE, Decimal::ONE),
        };
        let div = div.checked_mul(count).ok_or_else(|| too_large(ac))?;
        let gross = amount.checked_mul(qty).and_then(|v| v.checked_mul(mul)).ok_or_else(|| too_large(ac))?;
        if div == Decimal::ONE {
            return Ok(gross);
        }
        if div.is_zero() {
            return Err(CellError { column: cx.col(Role::IntervalCount).unwrap_or(ac), problem: Problem::NotANumber });
        }
        // Normalised to a month and rounded to 1/100 of a cent, so that sums
        // over millions of rows stay exact.
        gross
            .checked_div(div)
            .map(|v| v.round_dp_with_strategy(4, RoundingStrategy::MidpointNearestEven))
            .ok_or_else(|| too_large(ac))
    }

    /// Gives the queued subscriptions their customer indices.
    #[inline(never)]
    fn resolve(&mut self) {
        let base = self.subs.len().saturating_sub(self.ids.queued());
        let waiting = self.subs.get_mut(base..).unwrap_or_default();
        self.ids.flush(|i, id| {
            if let Some(s) = waiting.get_mut(i) {
                s.customer = id;
            }
        });
    }

    pub(crate) fn finish(mut self) -> Result<SubscriptionsReport, IngestError> {
        self.resolve();
        let range = month_range(&self.subs);
        // In customer order once; segments filter it and stay in that order.
        let subs = by_customer(&self.subs, self.ids.len(), |s| s.customer);
        drop(self.subs);
        let (wide, big) = (&self.wide, &self.big);
        // Exact either way; the fixed-point path is the fast one (see money.rs).
        let run = |subs: &[Sub]| if big.is_empty() {
            aggregate(subs, range, |s| {
                let (v, scale) = s.packed.fixed(wide);
                Fixed::new(v, scale)
            })
        } else {
            aggregate(subs, range, |s| if s.packed.is_big() {
                s.packed.big(big)
            } else {
                let (v, scale) = s.packed.fixed(wide);
                Decimal::new(v, SCALE).round_dp(u32::from(scale))
            })
        };
        let overall = run(&subs)?;
        let mut by_segment = Vec::new();
        if !self.segments.names.is_empty() {
            for (i, name) in self.segments.names.iter().enumerate() {
                let subset: Vec<Sub> = subs.iter().filter(|s| usize::from(s.packed.segment()) == i).copied().collect();
                by_segment.push(SegmentSubscriptions { segment: name.clone(), stats: run(&subset)? });
            }
        }
        let (trials_skipped, trials_included) = if self.include_trials { (0, self.trials) } else { (self.trials, 0) };
        Ok(SubscriptionsReport { overall, by_segment, trials_skipped, trials_included })
    }
}

