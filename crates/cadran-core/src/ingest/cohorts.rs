//! The subscriptions aggregation: per-customer events → active customers and
//! MRR by month, MRR movements, churn and the cohort retention table.
//!
//! Generic over the money type so that the same code runs on exact
//! fixed-point sums (the fast path) or on `Decimal` (amounts with more than 4
//! decimals); see [`super::money`]. Definitions are in [`super::subscriptions`].

use super::date::YearMonth;
use super::error::IngestError;
use super::money::Money;
use super::sub::{Sub, NO_END};
use super::subscriptions::{CohortRow, MonthMovements, SubscriptionStats, MAX_MONTHS};
use rust_decimal::Decimal;

fn add<M: Money>(a: &mut M, b: M) -> Result<(), IngestError> {
    *a = a.add(b)?;
    Ok(())
}

fn bump(v: &mut [u64], i: usize) {
    if let Some(x) = v.get_mut(i) {
        *x += 1;
    }
}

/// First and last months of the tables: from the earliest start to the
/// latest start or end, at most [`MAX_MONTHS`].
pub(crate) fn month_range(subs: &[Sub]) -> (i32, i32) {
    let last = subs.iter().map(|s| if s.end == NO_END { s.start() } else { s.start().max(s.end) }).max().unwrap_or(0);
    let first = subs.iter().map(Sub::start).min().unwrap_or(0).max(last - (MAX_MONTHS - 1));
    (first, last)
}

/// Aggregates subscriptions sorted by customer (each customer's in file
/// order, see [`super::by_customer`]) over the months `range` (so that
/// segments share the overall months). A customer is a run of equal
/// `customer` values, read in order.
pub(crate) fn aggregate<M: Money>(
    subs: &[Sub],
    (first, last): (i32, i32),
    value: impl Fn(&Sub) -> M,
) -> Result<SubscriptionStats, IngestError> {
    let len = usize::try_from(last - first + 1).unwrap_or(1);
    let mut active_d = vec![0i64; len];
    let mut mrr_d = vec![M::ZERO; len];
    let mut new_c = vec![0u64; len];
    let mut churn_c = vec![0u64; len];
    let mut react_c = vec![0u64; len];
    let mut moves = vec![[M::ZERO; 5]; len]; // new, expansion, contraction, churn, reactivation
    let mut coh_n = vec![0u64; len];
    let mut coh_a: Vec<Vec<i64>> = (0..len).map(|c| vec![0; len - c]).collect();
    let mut coh_m: Vec<Vec<M>> = (0..len).map(|c| vec![M::ZERO; len - c]).collect();
    let mut events: Vec<(i32, i32, M)> = Vec::new();
    let mut customers = 0u64;
    for run in subs.chunk_by(|a, b| a.customer == b.customer) {
        customers += 1;
        events.clear();
        for s in run {
            let start = s.start().max(first);
            let v = value(s);
            events.push((start, 1, v));
            if s.end != NO_END && s.end <= last {
                events.push((s.end.max(first), -1, v.neg()));
            }
        }
        events.sort_unstable_by_key(|e| e.0);
        let cohort = events.first().map_or(first, |e| e.0);
        let c = (cohort - first) as usize;
        bump(&mut coh_n, c);
        let (mut count, mut mrr, mut ever) = (0i32, M::ZERO, false);
        let mut k = 0;
        while k < events.len() {
            let m = events.get(k).map_or(0, |e| e.0);
            let (prev_count, prev_mrr) = (count, mrr);
            while let Some(&(_, dc, dm)) = events.get(k).filter(|e| e.0 == m) {
                count += dc;
                mrr = mrr.add(dm)?;
                k += 1;
            }
            let idx = (m - first) as usize;
            let (was, is) = (prev_count > 0, count > 0);
            let delta = mrr.sub(prev_mrr)?;
            let mv = moves.get_mut(idx).ok_or(IngestError::Overflow)?;
            let [new, expansion, contraction, churn, reactivation] = mv;
            match (was, is) {
                (false, true) if ever => {
                    bump(&mut react_c, idx);
                    add(reactivation, mrr)?;
                }
                (false, true) => {
                    bump(&mut new_c, idx);
                    add(new, mrr)?;
                }
                (true, false) => {
                    bump(&mut churn_c, idx);
                    add(churn, prev_mrr)?;
                }
                (true, true) if delta.is_positive() => add(expansion, delta)?,
                (true, true) if delta.is_negative() => add(contraction, delta.neg())?,
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
    let movements = moves
        .iter()
        .map(|[new, expansion, contraction, churn, reactivation]| {
            Ok(MonthMovements {
                new: new.to_decimal()?,
                expansion: expansion.to_decimal()?,
                contraction: contraction.to_decimal()?,
                churn: churn.to_decimal()?,
                reactivation: reactivation.to_decimal()?,
            })
        })
        .collect::<Result<Vec<_>, IngestError>>()?;
    Ok(SubscriptionStats {
        first_month: YearMonth(first),
        subscriptions: subs.len() as u64,
        customers,
        active_customers,
        mrr,
        new_customers: new_c,
        churned_customers: churn_c,
        reactivated_customers: react_c,
        movements,
        cohorts,
    })
}

fn running(d: &[i64]) -> Vec<u64> {
    let mut acc = 0i64;
    d.iter().map(|x| {
        acc += x;
        acc.max(0) as u64
    }).collect()
}

fn running_dec<M: Money>(d: &[M]) -> Result<Vec<Decimal>, IngestError> {
    let mut acc = M::ZERO;
    d.iter().map(|&x| {
        add(&mut acc, x)?;
        acc.to_decimal()
    }).collect()
}
