//! Calibration and holdout: fit on the purchases up to a calibration end,
//! then compare what the model predicts for the rest of the data with what
//! the customers did — how a user learns to trust or distrust the model
//! (Fader, Hardie & Lee 2005, §4: CDNOW, 39 weeks calibration, 39 weeks
//! holdout, Figure 4 "conditional expectations" by calibration frequency).
//!
//! Split rules follow `lifetimes`' `calibration_and_holdout_data`
//! (`lifetimes/utils.py`): the calibration summary is that of the purchases
//! on or before the calibration end; a customer's holdout purchases are the
//! distinct periods of their purchases after it, up to the observation end;
//! customers first seen after the calibration end are left out (here
//! counted, so the page can say how many). Predictions and errors are
//! statistics in floating point (`f64`).

use super::bgnbd::BgNbdParams;
use super::error::{ClvModelError, CustomerField, ValueProblem};
use super::summary::{from_rows, period_rows, CustomerRfm, Purchase, SummaryError, TimeUnit};
use crate::ingest::date::Date;
use crate::Undefined;

/// A calibration customer and their repeat purchases in the holdout.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct HoldoutCustomer {
    /// The summary up to the calibration end.
    pub calibration: CustomerRfm,
    /// Distinct purchase periods after the calibration end.
    pub holdout_purchases: u32,
}

/// The calibration/holdout split of a transactions file.
#[derive(Debug, Clone, PartialEq)]
pub struct HoldoutSplit {
    /// Customers first seen on or before the calibration end, by id.
    pub customers: Vec<HoldoutCustomer>,
    /// Periods from the calibration end to the observation end.
    pub holdout_length: f64,
    /// Customers whose first purchase is after the calibration end (left
    /// out of the comparison).
    pub first_seen_in_holdout: usize,
}

/// Splits purchases at `calibration_end` (inclusive) and `observation_end`.
///
/// **Definition.** As `lifetimes`' `calibration_and_holdout_data`: the
/// calibration summary of [`super::summary::summarise`] at
/// `calibration_end`; holdout purchases = distinct periods of the purchases
/// in (calibration end, observation end]; holdout length = period(end) −
/// period(calibration end).
///
/// # Errors
/// [`SummaryError`] naming a bad purchase or one after the observation end;
/// [`SummaryError::CalibrationNotBeforeEnd`] and
/// [`SummaryError::NoPurchases`] for dates outside the data.
///
/// # Example
/// ```
/// use cadran_core::ingest::date::Date;
/// use cadran_core::metrics::clv_model::summary::{Purchase, TimeUnit};
/// use cadran_core::metrics::clv_model::holdout::split_holdout;
/// let d = |day| Date::from_ymd(2024, 1, day).unwrap();
/// let p = |customer, day| Purchase { customer, day: d(day), amount: 10.0 };
/// let tx = [p(1, 1), p(1, 3), p(1, 12), p(1, 13), p(2, 15)];
/// let s = split_holdout(&tx, TimeUnit::Days, d(10), d(20)).unwrap();
/// assert_eq!(s.customers.len(), 1);
/// assert_eq!(s.customers[0].calibration.summary.frequency, 1);
/// assert_eq!(s.customers[0].holdout_purchases, 2);
/// assert_eq!((s.holdout_length, s.first_seen_in_holdout), (10.0, 1));
/// ```
pub fn split_holdout(
    purchases: &[Purchase],
    unit: TimeUnit,
    calibration_end: Date,
    observation_end: Date,
) -> Result<HoldoutSplit, SummaryError> {
    if calibration_end >= observation_end {
        return Err(SummaryError::CalibrationNotBeforeEnd);
    }
    let all = period_rows(purchases, unit, observation_end, observation_end)?;
    let cal = period_rows(purchases, unit, calibration_end, observation_end)?;
    let calibration = from_rows(&cal, unit.period(calibration_end));
    if calibration.is_empty() {
        return Err(SummaryError::NoPurchases);
    }
    // Holdout periods per customer: the purchases after the calibration end
    // (a period straddling the end counts on both sides, as in lifetimes).
    let mut late: Vec<(u32, i32)> = purchases
        .iter()
        .filter(|p| p.day > calibration_end)
        .map(|p| (p.customer, unit.period(p.day)))
        .collect();
    late.sort_unstable();
    late.dedup();
    let mut customers = Vec::with_capacity(calibration.len());
    let mut k = 0;
    for c in calibration {
        while k < late.len() && late[k].0 < c.customer {
            k += 1;
        }
        let start = k;
        while k < late.len() && late[k].0 == c.customer {
            k += 1;
        }
        customers.push(HoldoutCustomer {
            calibration: c,
            holdout_purchases: u32::try_from(k - start).unwrap_or(u32::MAX),
        });
    }
    let mut ids: Vec<u32> = all.iter().map(|r| r.0).collect();
    ids.dedup();
    Ok(HoldoutSplit {
        first_seen_in_holdout: ids.len() - customers.len(),
        customers,
        holdout_length: f64::from(unit.period(observation_end) - unit.period(calibration_end)),
    })
}

/// Mean holdout purchases of the customers with one calibration frequency.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct HoldoutGroup {
    /// Calibration repeat purchases x (the last group is x ≥ this).
    pub repeat_purchases: u32,
    /// Customers in the group.
    pub customers: usize,
    /// Mean actual holdout purchases (`f64`).
    pub actual_mean: f64,
    /// Mean predicted holdout purchases (`f64`).
    pub predicted_mean: f64,
}

/// Predicted against actual holdout purchases.
#[derive(Debug, Clone, PartialEq)]
pub struct HoldoutComparison {
    /// By calibration frequency 0, 1, …, 6 and 7+ (empty groups omitted).
    pub groups: Vec<HoldoutGroup>,
    /// Actual holdout purchases of all calibration customers.
    pub actual_total: u64,
    /// Predicted holdout purchases (`f64`).
    pub predicted_total: f64,
    /// Mean over customers of |predicted − actual| (`f64`).
    pub mean_absolute_error: f64,
    /// (predicted − actual) ÷ actual of the totals, a fraction (`f64`);
    /// `None` when nobody bought in the holdout.
    pub total_error: Option<f64>,
}

/// The last group of the comparison: x ≥ 7, as in Fader, Hardie & Lee
/// (2005), Figure 4.
pub const TOP_GROUP: u32 = 7;

/// Compares the fitted BG/NBD's expected holdout purchases of each
/// calibration customer with what they bought.
///
/// **Definition.** Predicted = E[Y(t) | x, t_x, T] of
/// [`BgNbdParams::expected_purchases`] with t the holdout length (Fader,
/// Hardie & Lee 2005, eq. 10 and Figure 4), grouped by x (0–6, 7+).
///
/// # Errors
/// [`ClvModelError::Customer`] naming the row of an invalid summary,
/// [`ClvModelError::Undefined`] with no customers or a prediction that
/// cannot be computed.
///
/// # Example
/// ```
/// use cadran_core::ingest::date::Date;
/// use cadran_core::metrics::clv_model::bgnbd::BgNbdParams;
/// use cadran_core::metrics::clv_model::summary::{Purchase, TimeUnit};
/// use cadran_core::metrics::clv_model::holdout::{compare_holdout, split_holdout};
/// let d = |day| Date::from_ymd(2024, 1, day).unwrap();
/// let p = |customer, day| Purchase { customer, day: d(day), amount: 10.0 };
/// let tx = [p(1, 1), p(1, 3), p(1, 12), p(2, 2), p(2, 25)];
/// let s = split_holdout(&tx, TimeUnit::Days, d(10), d(30)).unwrap();
/// let params = BgNbdParams { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
/// let c = compare_holdout(&params, &s).unwrap();
/// assert_eq!(c.actual_total, 2);
/// assert_eq!(c.groups.len(), 2); // x = 0 (customer 2), x = 1 (customer 1)
/// assert!(c.predicted_total > 0.0 && c.total_error.is_some());
/// ```
pub fn compare_holdout(
    params: &BgNbdParams,
    split: &HoldoutSplit,
) -> Result<HoldoutComparison, ClvModelError> {
    if split.customers.is_empty() {
        return Err(Undefined::NoCustomers.into());
    }
    let mut sums = [(0usize, 0.0f64, 0.0f64); TOP_GROUP as usize + 1];
    let (mut actual_total, mut predicted_total, mut abs) = (0u64, 0.0, 0.0);
    for (row, c) in split.customers.iter().enumerate() {
        let s = &c.calibration.summary;
        s.check(row)?;
        let predicted =
            params
                .expected_purchases(s, split.holdout_length)
                .ok_or(ClvModelError::Customer {
                    row,
                    field: CustomerField::Frequency,
                    problem: ValueProblem::NotFinite,
                })?;
        let actual = f64::from(c.holdout_purchases);
        let g = &mut sums[s.frequency.min(TOP_GROUP) as usize];
        *g = (g.0 + 1, g.1 + actual, g.2 + predicted);
        actual_total += u64::from(c.holdout_purchases);
        predicted_total += predicted;
        abs += (predicted - actual).abs();
    }
    let groups = (0..=TOP_GROUP)
        .zip(sums)
        .filter(|(_, (n, _, _))| *n > 0)
        .map(|(x, (n, a, p))| HoldoutGroup {
            repeat_purchases: x,
            customers: n,
            actual_mean: a / n as f64,
            predicted_mean: p / n as f64,
        })
        .collect();
    Ok(HoldoutComparison {
        groups,
        actual_total,
        predicted_total,
        mean_absolute_error: abs / split.customers.len() as f64,
        total_error: (actual_total > 0)
            .then(|| (predicted_total - actual_total as f64) / actual_total as f64),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// Calibration + holdout periods = all distinct periods of the
        /// customers first seen before the calibration end (for days, where
        /// no period straddles the end), and every customer is counted once.
        #[test]
        fn split_adds_up(
            tx in prop::collection::vec((0u32..6, 0i32..120), 1..50),
            cut in 0i32..119,
        ) {
            let start = Date::from_ymd(2024, 1, 1).unwrap().0;
            let p: Vec<Purchase> = tx.iter().map(|&(customer, o)| Purchase {
                customer, day: Date(start + o), amount: 1.0 }).collect();
            let (cal, end) = (Date(start + cut), Date(start + 120));
            let Ok(s) = split_holdout(&p, TimeUnit::Days, cal, end) else {
                prop_assert!(p.iter().all(|q| q.day > cal));
                return Ok(());
            };
            let all = super::super::summary::summarise(&p, TimeUnit::Days, end).unwrap();
            prop_assert_eq!(all.len(), s.customers.len() + s.first_seen_in_holdout);
            for c in &s.customers {
                let whole = all.iter().find(|a| a.customer == c.calibration.customer).unwrap();
                prop_assert_eq!(
                    whole.summary.frequency,
                    c.calibration.summary.frequency + c.holdout_purchases,
                    "customer {}", c.calibration.customer
                );
            }
        }
    }

    #[test]
    fn dates_outside_the_data() {
        let d = |day| Date::from_ymd(2024, 1, day).unwrap();
        let tx = [Purchase {
            customer: 1,
            day: d(5),
            amount: 1.0,
        }];
        let s = |a, b| split_holdout(&tx, TimeUnit::Days, d(a), d(b)).map(|_| ());
        assert_eq!(s(10, 10), Err(SummaryError::CalibrationNotBeforeEnd));
        assert_eq!(s(2, 10), Err(SummaryError::NoPurchases));
        assert_eq!(
            s(1, 3),
            Err(SummaryError::AfterObservationEnd {
                row: 0,
                customer: 1
            })
        );
    }
}
