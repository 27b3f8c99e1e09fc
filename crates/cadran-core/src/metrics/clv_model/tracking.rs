//! The "tracking plot": cumulative repeat purchases of the whole customer
//! base, period by period, as the fitted BG/NBD expects them and as they
//! happened (Fader, Hardie & Lee 2005, Figure 1; the weekly version is
//! their Figure 2). Across the calibration the two curves should agree by
//! construction; after it, their gap is the model's forecast error.
//!
//! Expected values are statistics in floating point (`f64`).

use super::bgnbd::BgNbdParams;
use super::error::ClvModelError;
use super::summary::{period_rows, Purchase, SummaryError, TimeUnit};
use crate::ingest::date::Date;
use crate::Undefined;

/// Cumulative repeat purchases at the end of one period.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TrackingPoint {
    /// The period, counted from the first period of the data (0).
    pub period: u32,
    /// Repeat purchase periods of all customers up to this one.
    pub actual_cumulative: u64,
    /// Expected repeat purchases up to this period (`f64`).
    pub expected_cumulative: f64,
}

/// Why there is no tracking curve.
#[derive(Debug, Clone, PartialEq)]
pub enum TrackingError {
    /// The purchases cannot be read (a row is named).
    Summary(SummaryError),
    /// The model cannot be evaluated.
    Model(ClvModelError),
}

impl std::fmt::Display for TrackingError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Summary(e) => e.fmt(f),
            Self::Model(e) => e.fmt(f),
        }
    }
}

impl std::error::Error for TrackingError {}

/// Cumulative expected and actual repeat purchases, period by period, from
/// the first period of the data to that of `observation_end`.
///
/// **Definition.** With n_f the customers whose first purchase is in period
/// f, the expected cumulative repeat purchases at the end of period k are
/// Σ_{f ≤ k} n_f · E[X(k − f)], E[X(t)] of
/// [`BgNbdParams::expected_purchases_new`] (Fader, Hardie & Lee 2005, eq. 7,
/// summed over the cohort as for their Figure 1). A customer's age is
/// measured as T is in [`super::summary`]: whole periods since the first.
/// E[X(t)] is computed once per age, so the cost is in periods, not
/// customers.
///
/// # Errors
/// [`TrackingError::Summary`] naming a bad purchase or with no purchase;
/// [`TrackingError::Model`] when E[X(t)] cannot be computed.
///
/// # Example
/// ```
/// use cadran_core::ingest::date::Date;
/// use cadran_core::metrics::clv_model::bgnbd::BgNbdParams;
/// use cadran_core::metrics::clv_model::summary::{Purchase, TimeUnit};
/// use cadran_core::metrics::clv_model::tracking::tracking;
/// let d = |day| Date::from_ymd(2024, 1, day).unwrap();
/// let p = |customer, day| Purchase { customer, day: d(day), amount: 1.0 };
/// let tx = [p(1, 1), p(1, 2), p(2, 2), p(1, 4)];
/// let params = BgNbdParams { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
/// let t = tracking(&params, &tx, TimeUnit::Days, d(4)).unwrap();
/// let actual: Vec<u64> = t.iter().map(|q| q.actual_cumulative).collect();
/// assert_eq!(actual, [0, 1, 1, 2]);
/// assert_eq!(t[0].expected_cumulative, 0.0);
/// assert!(t.windows(2).all(|w| w[1].expected_cumulative >= w[0].expected_cumulative));
/// ```
pub fn tracking(
    params: &BgNbdParams,
    purchases: &[Purchase],
    unit: TimeUnit,
    observation_end: Date,
) -> Result<Vec<TrackingPoint>, TrackingError> {
    let rows = period_rows(purchases, unit, observation_end, observation_end)
        .map_err(TrackingError::Summary)?;
    let Some(start) = rows.iter().map(|r| r.1).min() else {
        return Err(TrackingError::Summary(SummaryError::NoPurchases));
    };
    let len = usize::try_from(unit.period(observation_end) - start + 1).unwrap_or(0);
    // New customers and repeat purchase periods, per period since start.
    let (mut new, mut repeats) = (vec![0u64; len], vec![0u64; len]);
    for (i, r) in rows.iter().enumerate() {
        let k = usize::try_from(r.1 - start).unwrap_or(0);
        if i == 0 || rows[i - 1].0 != r.0 {
            new[k] += 1;
        } else {
            repeats[k] += 1;
        }
    }
    let mut by_age = Vec::with_capacity(len);
    for age in 0..len {
        by_age.push(
            params
                .expected_purchases_new(age as f64)
                .ok_or(TrackingError::Model(ClvModelError::Undefined(
                    Undefined::NotComputable,
                )))?,
        );
    }
    let mut out = Vec::with_capacity(len);
    let mut actual = 0u64;
    for k in 0..len {
        actual += repeats[k];
        let expected = (0..=k).map(|f| new[f] as f64 * by_age[k - f]).sum();
        out.push(TrackingPoint {
            period: u32::try_from(k).unwrap_or(u32::MAX),
            actual_cumulative: actual,
            expected_cumulative: expected,
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bad_input_is_an_error() {
        let params = BgNbdParams {
            r: 0.243,
            alpha: 4.414,
            a: 0.793,
            b: 2.426,
        };
        let d = |day| Date::from_ymd(2024, 1, day).unwrap();
        let t = |tx: &[Purchase]| tracking(&params, tx, TimeUnit::Weeks, d(10));
        assert_eq!(
            t(&[]),
            Err(TrackingError::Summary(SummaryError::NoPurchases))
        );
        let late = Purchase {
            customer: 9,
            day: d(20),
            amount: 1.0,
        };
        assert_eq!(
            t(&[late]),
            Err(TrackingError::Summary(SummaryError::AfterObservationEnd {
                row: 0,
                customer: 9
            }))
        );
        let bad = BgNbdParams { r: -1.0, ..params };
        let one = Purchase { day: d(1), ..late };
        assert!(matches!(
            tracking(&bad, &[one], TimeUnit::Weeks, d(10)),
            Err(TrackingError::Model(_))
        ));
    }
}
