//! Subscriptions → active customers and MRR by month, MRR movements, churn and
//! the monthly cohort retention table.
//!
//! This is the hot path of large imports: each row becomes a 28-byte
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

use super::cells::{CellError, Ctx};
use super::date::YearMonth;
use super::error::{IngestError, Problem};
use super::hash::{Ids, Labels};
use super::mapping::Role;
use super::reader::Fields;
use crate::arith;
use rust_decimal::{Decimal, RoundingStrategy};
use serde::{Deserialize, Serialize};

/// Most months in the tables (50 years); older months are folded into the first.
pub const MAX_MONTHS: i32 = 600;
const NO_END: i32 = i32::MAX;

#[derive(Clone, Copy)]
struct Sub {
    customer: u32,
    start: i32,
    end: i32,
    mrr: Decimal,
    segment: u16,
}

/// MRR movements of one month.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MrrMovements {
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
    pub movements: Vec<MrrMovements>,
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
    /// Rows left out because their status is a trial or incomplete.
    pub trials_skipped: u64,
}

#[derive(Default)]
pub(crate) struct SubsAcc {
    ids: Ids,
    subs: Vec<Sub>,
    segments: Labels,
    trials: u64,
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
    #[inline]
    pub(crate) fn row(&mut self, f: &Fields<'_>, cx: &Ctx) -> Result<(), CellError> {
        let (_, cust) = cx.bytes(f, Role::Customer).ok_or_else(|| cx.missing(Role::Customer))?;
        if let Some((_, s)) = cx.bytes(f, Role::Status) {
            if matches!(s.to_ascii_lowercase().as_slice(), b"trialing" | b"in_trial" | b"incomplete" | b"incomplete_expired" | b"future") {
                self.trials += 1;
                return Ok(());
            }
        }
        let start = cx.date(f, Role::Start)?.ok_or_else(|| cx.missing(Role::Start))?;
        let end = match cx.date(f, Role::EndedAt)? {
            Some(d) => Some(d),
            None => cx.date(f, Role::CanceledAt)?,
        };
        if let Some(e) = end {
            if e < start {
                let c = cx.col(Role::EndedAt).filter(|&c| !f.get(c).trim_ascii().is_empty()).or(cx.col(Role::CanceledAt));
                return Err(CellError { column: c.unwrap_or(0), problem: Problem::EndsBeforeStart });
            }
        }
        let mrr = match cx.number(f, Role::Mrr, true)? {
            Some(m) => m,
            None => self.mrr_from_amount(f, cx)?,
        };
        let segment = match (cx.col(Role::Segment), cx.text(f, Role::Segment)) {
            (Some(_), Some((_, s))) => self.segments.id(&s),
            (Some(_), None) => self.segments.id("(none)"),
            (None, _) => 0,
        };
        self.subs.push(Sub {
            customer: self.ids.id(cust),
            start: start.year_month().0,
            end: end.map_or(NO_END, |e| e.year_month().0),
            mrr,
            segment,
        });
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

    pub(crate) fn finish(self) -> Result<SubscriptionsReport, IngestError> {
        let n = self.ids.len();
        let range = month_range(&self.subs);
        let overall = aggregate(&self.subs, n, range)?;
        let mut by_segment = Vec::new();
        if !self.segments.names.is_empty() {
            for (i, name) in self.segments.names.iter().enumerate() {
                let subset: Vec<Sub> = self.subs.iter().filter(|s| usize::from(s.segment) == i).copied().collect();
                by_segment.push(SegmentSubscriptions { segment: name.clone(), stats: aggregate(&subset, n, range)? });
            }
        }
        Ok(SubscriptionsReport { overall, by_segment, trials_skipped: self.trials })
    }
}

fn overflow<T>(_: T) -> IngestError {
    IngestError::Overflow
}

fn add(a: &mut Decimal, b: Decimal) -> Result<(), IngestError> {
    *a = arith::add(*a, b).map_err(overflow)?;
    Ok(())
}

fn bump(v: &mut [u64], i: usize) {
    if let Some(x) = v.get_mut(i) {
        *x += 1;
    }
}

/// First and last months of the tables: from the earliest start to the
/// latest start or end, at most [`MAX_MONTHS`].
fn month_range(subs: &[Sub]) -> (i32, i32) {
    let last = subs.iter().map(|s| if s.end == NO_END { s.start } else { s.start.max(s.end) }).max().unwrap_or(0);
    let first = subs.iter().map(|s| s.start).min().unwrap_or(0).max(last - (MAX_MONTHS - 1));
    (first, last)
}

/// Aggregates subscriptions whose customers are indexed below `n_customers`
/// over the months `range` (so that segments share the overall months).
fn aggregate(subs: &[Sub], n_customers: usize, (first, last): (i32, i32)) -> Result<SubscriptionStats, IngestError> {
    let len = usize::try_from(last - first + 1).unwrap_or(1);
    // Counting sort of subscriptions by customer.
    let mut starts = vec![0u32; n_customers + 1];
    for s in subs {
        bump_u32(&mut starts, s.customer as usize + 1);
    }
    for i in 1..starts.len() {
        let prev = starts.get(i - 1).copied().unwrap_or(0);
        if let Some(x) = starts.get_mut(i) {
            *x += prev;
        }
    }
    let mut order = vec![0u32; subs.len()];
    let mut fill = starts.clone();
    for (i, s) in subs.iter().enumerate() {
        if let Some(pos) = fill.get_mut(s.customer as usize) {
            if let Some(o) = order.get_mut(*pos as usize) {
                *o = i as u32;
            }
            *pos += 1;
        }
    }
    let mut active_d = vec![0i64; len];
    let mut mrr_d = vec![Decimal::ZERO; len];
    let mut new_c = vec![0u64; len];
    let mut churn_c = vec![0u64; len];
    let mut react_c = vec![0u64; len];
    let mut moves = vec![MrrMovements::default(); len];
    let mut coh_n = vec![0u64; len];
    let mut coh_a: Vec<Vec<i64>> = (0..len).map(|c| vec![0; len - c]).collect();
    let mut coh_m: Vec<Vec<Decimal>> = (0..len).map(|c| vec![Decimal::ZERO; len - c]).collect();
    let mut events: Vec<(i32, i32, Decimal)> = Vec::new();
    let mut customers = 0u64;
    for w in starts.windows(2) {
        let (a, b) = (w.first().copied().unwrap_or(0) as usize, w.get(1).copied().unwrap_or(0) as usize);
        if a == b {
            continue;
        }
        customers += 1;
        events.clear();
        for &i in order.get(a..b).unwrap_or(&[]) {
            let Some(s) = subs.get(i as usize) else { continue };
            let start = s.start.max(first);
            events.push((start, 1, s.mrr));
            if s.end != NO_END && s.end <= last {
                events.push((s.end.max(first), -1, -s.mrr));
            }
        }
        events.sort_unstable_by_key(|e| e.0);
        let cohort = events.first().map_or(first, |e| e.0);
        let c = (cohort - first) as usize;
        bump(&mut coh_n, c);
        let (mut count, mut mrr, mut ever) = (0i32, Decimal::ZERO, false);
        let mut k = 0;
        while k < events.len() {
            let m = events.get(k).map_or(0, |e| e.0);
            let (prev_count, prev_mrr) = (count, mrr);
            while let Some(&(_, dc, dm)) = events.get(k).filter(|e| e.0 == m) {
                count += dc;
                mrr = arith::add(mrr, dm).map_err(overflow)?;
                k += 1;
            }
            let idx = (m - first) as usize;
            let (was, is) = (prev_count > 0, count > 0);
            let delta = arith::sub(mrr, prev_mrr).map_err(overflow)?;
            let mv = moves.get_mut(idx).ok_or(IngestError::Overflow)?;
            match (was, is) {
                (false, true) if ever => {
                    bump(&mut react_c, idx);
                    add(&mut mv.reactivation, mrr)?;
                }
                (false, true) => {
                    bump(&mut new_c, idx);
                    add(&mut mv.new, mrr)?;
                }
                (true, false) => {
                    bump(&mut churn_c, idx);
                    add(&mut mv.churn, prev_mrr)?;
                }
                (true, true) if delta > Decimal::ZERO => add(&mut mv.expansion, delta)?,
                (true, true) if delta < Decimal::ZERO => add(&mut mv.contraction, -delta)?,
                _ => {}
            }
            ever |= is;
            let da = i64::from(is) - i64::from(was);
            if let Some(x) = active_d.get_mut(idx) {
                *x += da;
            }
            if let Some(x) = mrr_d.get_mut(idx) {
                add(x, delta)?;
            }
            let ck = (m - cohort) as usize;
            if let Some(row) = coh_a.get_mut(c) {
                if let Some(x) = row.get_mut(ck) {
                    *x += da;
                }
            }
            if let Some(x) = coh_m.get_mut(c).and_then(|r| r.get_mut(ck)) {
                add(x, delta)?;
            }
        }
    }
    let active_customers = running(&active_d);
    let mrr = running_dec(&mrr_d)?;
    let mut cohorts = Vec::with_capacity(len);
    for (c, (a, m)) in coh_a.iter().zip(&coh_m).enumerate() {
        cohorts.push(CohortRow {
            month: YearMonth(first + c as i32),
            customers: coh_n.get(c).copied().unwrap_or(0),
            active: running(a),
            mrr: running_dec(m)?,
        });
    }
    Ok(SubscriptionStats {
        first_month: YearMonth(first),
        subscriptions: subs.len() as u64,
        customers,
        active_customers,
        mrr,
        new_customers: new_c,
        churned_customers: churn_c,
        reactivated_customers: react_c,
        movements: moves,
        cohorts,
    })
}

fn bump_u32(v: &mut [u32], i: usize) {
    if let Some(x) = v.get_mut(i) {
        *x += 1;
    }
}

fn running(d: &[i64]) -> Vec<u64> {
    let mut acc = 0i64;
    d.iter().map(|x| {
        acc += x;
        acc.max(0) as u64
    }).collect()
}

fn running_dec(d: &[Decimal]) -> Result<Vec<Decimal>, IngestError> {
    let mut acc = Decimal::ZERO;
    d.iter().map(|&x| {
        add(&mut acc, x)?;
        Ok(acc)
    }).collect()
}
