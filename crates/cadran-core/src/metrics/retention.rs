//! Customer retention and customer churn over one period, counted in
//! customers (for revenue, see [`super::mrr`]).

use crate::arith::{self, add, percent_of, sub};
use crate::{Field, InputError, InputProblem, Outcome, Percent, Undefined};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// Customer counts over one period (whole numbers).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct RetentionInputs {
    /// Customers at the start of the period, S.
    pub customers_start: Decimal,
    /// Customers at the end of the period, E.
    pub customers_end: Decimal,
    /// Customers won during the period, N (still there at the end or not).
    pub new_customers: Decimal,
}

/// Retention with its intermediate values, for "(1 050 − 100) ÷ 1 000 = 95 %".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Retention {
    /// S, as given.
    pub customers_start: Decimal,
    /// E, as given.
    pub customers_end: Decimal,
    /// N, as given.
    pub new_customers: Decimal,
    /// E − N: customers of the start still there at the end.
    pub retained: Decimal,
    /// (E − N) ÷ S × 100.
    pub rate: Percent,
}

/// Customer retention rate over a period.
///
/// **Definition.** retention = (E − N) ÷ S × 100, with E customers at the end,
/// N new customers during the period and S customers at the start. New
/// customers are taken out so that winning customers cannot hide losing
/// them. Undefined with no customer at the start ([`Undefined::NoCustomers`]).
/// N cannot exceed E (error on `new_customers`), and E cannot exceed S + N
/// (error on `customers_end`: more customers than could exist).
///
/// **Source.** Reichheld, F. F. (1996), *The Loyalty Effect*, Harvard Business
/// School Press; the (E − N) ÷ S form as popularised by e.g. HubSpot, *How to
/// Calculate Customer Retention Rate*.
///
/// # Example
/// ```
/// use cadran_core::metrics::retention::{retention_rate, RetentionInputs};
/// use cadran_core::Percent;
/// use rust_decimal_macros::dec;
/// let r = retention_rate(&RetentionInputs {
///     customers_start: dec!(1000), customers_end: dec!(1050), new_customers: dec!(100),
/// }).unwrap();
/// assert_eq!(r.retained, dec!(950));
/// assert_eq!(r.rate, Percent(dec!(95)));
/// ```
pub fn retention_rate(i: &RetentionInputs) -> Outcome<Retention> {
    let (start, end, new) = validated_counts(i)?;
    let retained = sub(end, new)?;
    let rate = percent_of(retained, start, Undefined::NoCustomers)?;
    Ok(Retention { customers_start: start, customers_end: end, new_customers: new, retained, rate })
}

/// `(S, E, N)` once checked: whole, not negative, N ≤ E ≤ S + N.
fn validated_counts(i: &RetentionInputs) -> Outcome<(Decimal, Decimal, Decimal)> {
    let start = arith::count("customers_start", i.customers_start)?;
    let end = arith::count("customers_end", i.customers_end)?;
    let new = arith::count("new_customers", i.new_customers)?;
    if new > end {
        return Err(InputError::new(
            Field("new_customers"),
            InputProblem::Exceeds { other: Field("customers_end"), limit: end },
        )
        .into());
    }
    let most = add(start, new)?;
    if end > most {
        return Err(InputError::new(Field("customers_end"), InputProblem::OutOfRange { min: new, max: most }).into());
    }
    Ok((start, end, new))
}

/// Customers lost over a period.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ChurnInputs {
    /// Customers at the start of the period, S.
    pub customers_start: Decimal,
    /// Customers of the start who left during the period (not counting new
    /// customers who came and left within it).
    pub customers_lost: Decimal,
}

/// Churn with its intermediate values, for "50 ÷ 1 000 = 5 %".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Churn {
    /// S, as given.
    pub customers_start: Decimal,
    /// Lost customers, as given.
    pub customers_lost: Decimal,
    /// Lost ÷ S × 100.
    pub rate: Percent,
}

/// Customer churn rate over a period.
///
/// **Definition.** churn = customers lost ÷ customers at the start × 100,
/// counting only customers present at the start, so it lies in [0, 100] and
/// retention + churn = 100 % when lost = S + N − E. Undefined with no customer
/// at the start ([`Undefined::NoCustomers`]); lost cannot exceed S.
///
/// **Source.** Skok, D. (2013), *SaaS Metrics 2.0*, "customer churn rate";
/// Farris et al. (2010), *Marketing Metrics*, §5.2 "Retention and churn".
///
/// # Example
/// ```
/// use cadran_core::metrics::retention::{churn_rate, ChurnInputs};
/// use cadran_core::Percent;
/// use rust_decimal_macros::dec;
/// let c = churn_rate(&ChurnInputs { customers_start: dec!(1000), customers_lost: dec!(50) }).unwrap();
/// assert_eq!(c.rate, Percent(dec!(5)));
/// ```
pub fn churn_rate(i: &ChurnInputs) -> Outcome<Churn> {
    let start = arith::count("customers_start", i.customers_start)?;
    let lost = arith::count("customers_lost", i.customers_lost)?;
    if lost > start {
        return Err(InputError::new(
            Field("customers_lost"),
            InputProblem::Exceeds { other: Field("customers_start"), limit: start },
        )
        .into());
    }
    let rate = percent_of(lost, start, Undefined::NoCustomers)?;
    Ok(Churn { customers_start: start, customers_lost: lost, rate })
}

/// Customers lost implied by start, end and new counts: S + N − E, between 0
/// and S (same validation as [`retention_rate`]; defined even when S = 0).
///
/// # Example
/// ```
/// use cadran_core::metrics::retention::{lost_customers, RetentionInputs};
/// use rust_decimal_macros::dec;
/// let i = RetentionInputs { customers_start: dec!(1000), customers_end: dec!(1050), new_customers: dec!(100) };
/// assert_eq!(lost_customers(&i).unwrap(), dec!(50));
/// ```
pub fn lost_customers(i: &RetentionInputs) -> Outcome<Decimal> {
    let (start, end, new) = validated_counts(i)?;
    sub(add(start, new)?, end)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::metrics::test_support::{invalid};
    use crate::metrics::test_support::any_decimal;
    use proptest::prelude::*;
    use rust_decimal_macros::dec;

    #[test]
    fn retention_table() {
        let table = [
            // (S, E, N, expected) — HubSpot's worked example: (1050 − 100) ÷ 1000 = 95 %.
            ((dec!(1000), dec!(1050), dec!(100)), Ok(Percent(dec!(95)))),
            ((dec!(1), dec!(1), dec!(0)), Ok(Percent(dec!(100)))),
            ((dec!(1), dec!(0), dec!(0)), Ok(Percent(dec!(0)))), // 100 % churn
            ((dec!(200), dec!(30), dec!(30)), Ok(Percent(dec!(0)))),
            ((dec!(0), dec!(10), dec!(10)), Err(Undefined::NoCustomers.into())),
            ((dec!(100), dec!(10), dec!(11)),
             Err(invalid("new_customers", InputProblem::Exceeds { other: Field("customers_end"), limit: dec!(10) }))),
            ((dec!(100), dec!(120), dec!(10)),
             Err(invalid("customers_end", InputProblem::OutOfRange { min: dec!(10), max: dec!(110) }))),
            ((dec!(-1), dec!(0), dec!(0)), Err(invalid("customers_start", InputProblem::Negative))),
            ((dec!(10), dec!(9.5), dec!(0)), Err(invalid("customers_end", InputProblem::NotWhole))),
        ];
        for ((s, e, n), expected) in table {
            let i = RetentionInputs { customers_start: s, customers_end: e, new_customers: n };
            assert_eq!(retention_rate(&i).map(|r| r.rate), expected, "S {s}, E {e}, N {n}");
        }
    }

    #[test]
    fn churn_table() {
        let table = [
            ((dec!(1000), dec!(50)), Ok(Percent(dec!(5)))),
            ((dec!(3), dec!(3)), Ok(Percent(dec!(100)))),
            ((dec!(3), dec!(0)), Ok(Percent(dec!(0)))),
            ((dec!(3), dec!(1)), Ok(Percent(dec!(33.333333333333333333333333330)))),
            ((dec!(0), dec!(0)), Err(Undefined::NoCustomers.into())),
            ((dec!(3), dec!(4)),
             Err(invalid("customers_lost", InputProblem::Exceeds { other: Field("customers_start"), limit: dec!(3) }))),
        ];
        for ((s, lost), expected) in table {
            let i = ChurnInputs { customers_start: s, customers_lost: lost };
            assert_eq!(churn_rate(&i).map(|c| c.rate), expected, "S {s}, lost {lost}");
        }
    }

    proptest! {
        /// With lost = S + N − E, retention + churn = 100 % exactly.
        #[test]
        fn retention_plus_churn_is_100(s in 1u64..u64::MAX, n in any::<u64>(), kept in any::<u64>()) {
            let (s, n) = (Decimal::from(s), Decimal::from(n));
            let kept = Decimal::from(kept) % (s + Decimal::ONE); // 0..=S
            let i = RetentionInputs { customers_start: s, customers_end: kept + n, new_customers: n };
            let r = retention_rate(&i).unwrap();
            let lost = lost_customers(&i).unwrap();
            let c = churn_rate(&ChurnInputs { customers_start: s, customers_lost: lost }).unwrap();
            let total = r.rate.0 + c.rate.0;
            // Each rate is rounded at the 28th decimal, so allow one unit there.
            prop_assert!((total - dec!(100)).abs() <= dec!(0.0000000000000000000000001), "S {s}, N {n}, kept {kept}: {total}");
        }

        /// Any inputs give a value or a typed reason: never a panic; rates in [0, 100].
        #[test]
        fn never_panics(v in proptest::collection::vec(any_decimal(), 3)) {
            let i = RetentionInputs { customers_start: v[0], customers_end: v[1], new_customers: v[2] };
            if let Ok(r) = retention_rate(&i) {
                prop_assert!(r.rate >= Percent::ZERO && r.rate <= Percent::HUNDRED, "{i:?} → {}", r.rate);
            }
            let _ = lost_customers(&i);
            if let Ok(c) = churn_rate(&ChurnInputs { customers_start: v[0], customers_lost: v[1] }) {
                prop_assert!(c.rate >= Percent::ZERO && c.rate <= Percent::HUNDRED);
            }
        }
    }
}
