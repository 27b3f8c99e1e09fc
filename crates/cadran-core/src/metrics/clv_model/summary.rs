//! Frequency, recency, age and mean repeat spend of each customer, read from
//! their transactions: the input of the BG/NBD and Gamma-Gamma fits.
//!
//! The rules are those of `lifetimes`' `summary_data_from_transaction_data`
//! (`lifetimes/utils.py`, repository `CamDavidsonPilon/lifetimes`): each
//! date is first reduced to its *period* in the chosen time unit, purchases
//! in the same period count once (their amounts are added), x is the number
//! of distinct periods with a purchase minus one, t_x the periods from the
//! first to the last, T the periods from the first to the observation end,
//! and the mean spend is over the repeat periods only (the first purchase
//! is left out: it is often a different kind of order, Fader & Hardie 2013).
//!
//! Times are whole numbers of periods held as `f64` (what the models take).
//! Amounts are `f64` too: a statistic's input, not money kept to the cent.

use super::bgnbd::CustomerSummary;
use super::gamma_gamma::RepeatSpend;
use crate::ingest::date::Date;
pub use super::unit::TimeUnit;
use std::fmt;

/// One purchase: a customer (any id the import gave), its day, its amount
/// (`f64`, see the module docs).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Purchase {
    /// The customer's id.
    pub customer: u32,
    /// The day of the purchase.
    pub day: Date,
    /// Its amount.
    pub amount: f64,
}

/// One customer's summary, in the periods of the time unit.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CustomerRfm {
    /// The customer's id.
    pub customer: u32,
    /// The period of the first purchase.
    pub first_period: i32,
    /// x, t_x and T.
    pub summary: CustomerSummary,
    /// Mean amount of the repeat periods (`f64`; 0 when x = 0).
    pub mean_repeat_spend: f64,
}

impl CustomerRfm {
    /// The Gamma-Gamma input of this customer: x and the mean repeat spend
    /// (Fader & Hardie 2013, the first purchase left out).
    ///
    /// # Example
    /// ```
    /// use cadran_core::ingest::date::Date;
    /// use cadran_core::metrics::clv_model::summary::{summarise, Purchase, TimeUnit};
    /// let p = |day, amount| Purchase { customer: 1, day: Date(day), amount };
    /// let s = summarise(&[p(0, 100.0), p(3, 20.0), p(5, 30.0)], TimeUnit::Days, Date(9)).unwrap();
    /// let g = s[0].repeat_spend();
    /// assert_eq!((g.frequency, g.mean_spend), (2, 25.0));
    /// ```
    #[must_use]
    pub fn repeat_spend(&self) -> RepeatSpend {
        RepeatSpend {
            frequency: self.summary.frequency,
            mean_spend: self.mean_repeat_spend,
        }
    }
}

/// Why transactions cannot be summarised. `row` is the 0-based position of
/// the purchase in the slice given (the page adds its file line).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SummaryError {
    /// An amount is NaN or infinite.
    AmountNotFinite {
        /// The purchase's position.
        row: usize,
        /// Its customer.
        customer: u32,
    },
    /// A purchase is dated after the observation end: the end the user
    /// picked is before the data, or the row's date is wrong.
    AfterObservationEnd {
        /// The purchase's position.
        row: usize,
        /// Its customer.
        customer: u32,
    },
    /// The calibration does not end before the observation does.
    CalibrationNotBeforeEnd,
    /// No purchase on or before the (calibration) end.
    NoPurchases,
}

impl fmt::Display for SummaryError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::AmountNotFinite { row, customer } => {
                write!(
                    f,
                    "purchase {} (customer {customer}): amount is not a number",
                    row + 1
                )
            }
            Self::AfterObservationEnd { row, customer } => write!(
                f,
                "purchase {} (customer {customer}) is after the end of the observation",
                row + 1
            ),
            Self::CalibrationNotBeforeEnd => {
                f.write_str("the calibration must end before the observation")
            }
            Self::NoPurchases => f.write_str("no purchase before the end"),
        }
    }
}

impl std::error::Error for SummaryError {}

/// (customer, period, amount) with one row per customer and period, sorted,
/// of the purchases on or before `end`; an error for a bad row or one after
/// `limit`.
pub(crate) fn period_rows(
    purchases: &[Purchase],
    unit: TimeUnit,
    end: Date,
    limit: Date,
) -> Result<Vec<(u32, i32, f64)>, SummaryError> {
    let mut rows = Vec::with_capacity(purchases.len());
    for (row, p) in purchases.iter().enumerate() {
        if !p.amount.is_finite() {
            return Err(SummaryError::AmountNotFinite {
                row,
                customer: p.customer,
            });
        }
        if p.day > limit {
            return Err(SummaryError::AfterObservationEnd {
                row,
                customer: p.customer,
            });
        }
        if p.day <= end {
            rows.push((p.customer, unit.period(p.day), p.amount));
        }
    }
    rows.sort_unstable_by_key(|&(c, d, _)| (c, d));
    let mut merged: Vec<(u32, i32, f64)> = Vec::with_capacity(rows.len());
    for (c, d, a) in rows {
        match merged.last_mut() {
            Some(last) if last.0 == c && last.1 == d => last.2 += a,
            _ => merged.push((c, d, a)),
        }
    }
    Ok(merged)
}

/// Per-customer x, t_x, T and mean repeat spend of the purchases up to
/// `end` (inclusive), in periods of `unit`, sorted by customer id.
///
/// **Definition.** With P the distinct periods of a customer's purchases,
/// x = |P| − 1, t_x = max P − min P, T = period(end) − min P, mean spend =
/// mean over P \ {min P} of the period's total amount (`lifetimes`,
/// `summary_data_from_transaction_data`; Fader, Hardie & Lee 2005, §2).
///
/// # Errors
/// [`SummaryError`] naming the purchase: a non-finite amount, a date after
/// `end`; [`SummaryError::NoPurchases`] when there are none.
///
/// # Example
/// ```
/// use cadran_core::ingest::date::Date;
/// use cadran_core::metrics::clv_model::summary::{summarise, Purchase, TimeUnit};
/// let d = |m, day| Date::from_ymd(2024, m, day).unwrap();
/// let p = |day, amount| Purchase { customer: 1, day, amount };
/// // Two orders on Monday 1 January count once; then 8 and 22 January.
/// let tx = [p(d(1, 1), 10.0), p(d(1, 1), 5.0), p(d(1, 8), 20.0), p(d(1, 22), 30.0)];
/// let s = summarise(&tx, TimeUnit::Weeks, d(1, 29)).unwrap();
/// assert_eq!(s[0].summary.frequency, 2);
/// assert_eq!((s[0].summary.recency, s[0].summary.age), (3.0, 4.0));
/// assert_eq!(s[0].mean_repeat_spend, 25.0);
/// ```
pub fn summarise(
    purchases: &[Purchase],
    unit: TimeUnit,
    end: Date,
) -> Result<Vec<CustomerRfm>, SummaryError> {
    let rows = period_rows(purchases, unit, end, end)?;
    let out = from_rows(&rows, unit.period(end));
    if out.is_empty() {
        return Err(SummaryError::NoPurchases);
    }
    Ok(out)
}

/// The summaries of sorted, merged `(customer, period, amount)` rows.
pub(crate) fn from_rows(rows: &[(u32, i32, f64)], end_period: i32) -> Vec<CustomerRfm> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < rows.len() {
        let (c, first, _) = rows[i];
        let mut j = i + 1;
        let mut spend = 0.0;
        while j < rows.len() && rows[j].0 == c {
            spend += rows[j].2;
            j += 1;
        }
        let x = j - i - 1;
        let last = rows[j - 1].1;
        out.push(CustomerRfm {
            customer: c,
            first_period: first,
            summary: CustomerSummary {
                frequency: u32::try_from(x).unwrap_or(u32::MAX),
                recency: f64::from(last - first),
                age: f64::from(end_period - first),
            },
            mean_repeat_spend: if x == 0 { 0.0 } else { spend / x as f64 },
        });
        i = j;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn d(m: u32, day: u32) -> Date {
        Date::from_ymd(2024, m, day).unwrap()
    }

    #[test]
    fn hand_worked_in_days_weeks_months() {
        // Customer 7: 1 Jan (10 + 5), 8 Jan (20), 22 Jan (30), end 29 Feb.
        // Customer 3: one order on 5 Feb.
        let p = |customer, day, amount| Purchase {
            customer,
            day,
            amount,
        };
        let tx = [
            p(7, d(1, 22), 30.0),
            p(7, d(1, 1), 10.0),
            p(3, d(2, 5), 99.0),
            p(7, d(1, 8), 20.0),
            p(7, d(1, 1), 5.0),
        ];
        let want = [
            // unit, customer 7 (x, t_x, T, spend), customer 3 T
            (TimeUnit::Days, (2, 21.0, 59.0, 25.0), 24.0),
            (TimeUnit::Weeks, (2, 3.0, 8.0, 25.0), 3.0),
            (TimeUnit::Months, (0, 0.0, 1.0, 0.0), 0.0),
        ];
        for (unit, (x, tx_, t, m), t3) in want {
            let s = summarise(&tx, unit, d(2, 29)).unwrap();
            assert_eq!(s.len(), 2, "{unit:?}");
            assert_eq!((s[0].customer, s[0].summary.age), (3, t3), "{unit:?}");
            let c = s[1];
            assert_eq!(
                (
                    c.summary.frequency,
                    c.summary.recency,
                    c.summary.age,
                    c.mean_repeat_spend
                ),
                (x, tx_, t, m),
                "{unit:?}"
            );
        }
    }

    #[test]
    fn bad_rows_are_named() {
        let p = |day, amount| Purchase {
            customer: 4,
            day,
            amount,
        };
        let tx = [p(d(1, 1), 1.0), p(d(1, 2), f64::NAN)];
        assert_eq!(
            summarise(&tx, TimeUnit::Days, d(3, 1)),
            Err(SummaryError::AmountNotFinite {
                row: 1,
                customer: 4
            })
        );
        let tx = [p(d(1, 1), 1.0), p(d(5, 2), 1.0)];
        assert_eq!(
            summarise(&tx, TimeUnit::Days, d(3, 1)),
            Err(SummaryError::AfterObservationEnd {
                row: 1,
                customer: 4
            })
        );
        assert_eq!(
            summarise(&[], TimeUnit::Days, d(3, 1)),
            Err(SummaryError::NoPurchases)
        );
    }

    proptest! {
        /// 0 ≤ t_x ≤ T, x = distinct periods − 1, and t_x = 0 when x = 0.
        #[test]
        fn summary_invariants(
            tx in prop::collection::vec((0u32..5, 0i32..400, -50.0f64..500.0), 1..60),
            unit in prop::sample::select(vec![TimeUnit::Days, TimeUnit::Weeks, TimeUnit::Months]),
        ) {
            let start = d(1, 1).0;
            let end = Date(start + 400);
            let p: Vec<Purchase> = tx.iter().map(|&(customer, o, amount)| Purchase {
                customer, day: Date(start + o), amount }).collect();
            let s = summarise(&p, unit, end).unwrap();
            for c in &s {
                let mut periods: Vec<i32> = p.iter().filter(|q| q.customer == c.customer)
                    .map(|q| unit.period(q.day)).collect();
                periods.sort_unstable();
                periods.dedup();
                prop_assert_eq!(c.summary.frequency as usize, periods.len() - 1);
                prop_assert!(0.0 <= c.summary.recency && c.summary.recency <= c.summary.age);
                prop_assert!(c.summary.frequency > 0 || c.summary.recency == 0.0);
                prop_assert!(c.summary.check(0).is_ok());
            }
        }
    }
}
