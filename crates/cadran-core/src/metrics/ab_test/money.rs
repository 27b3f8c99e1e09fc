//! From lift to money: what B's lift is worth a month if it holds.

use super::interval::IntervalStat;
use crate::arith::{div, in_range, mul, non_negative};
use crate::{Decimal, Outcome, Undefined};
use rust_decimal::prelude::FromPrimitive;
use serde::{Deserialize, Serialize};

/// Decimal places kept when an interval bound (a statistic, `f64`) becomes
/// an exact lift: 10⁻⁶ of a percentage point, far below any meaningful digit.
pub const BOUND_DECIMALS: u32 = 6;

/// The user's numbers, from the other cards (the existing hand-off).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(default)]
pub struct MoneyInputs {
    /// Visitors a month who would see the winning version.
    pub monthly_visitors: Decimal,
    /// Average revenue per account, per month (the ARPA card).
    pub arpa: Decimal,
    /// Customer lifetime value (the CLV card), if known.
    pub clv: Option<Decimal>,
}

/// What a lift is worth, exact.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct LiftMoney {
    /// Extra customers a month (fractional: it is an expectation).
    pub extra_customers_per_month: Decimal,
    /// Extra monthly recurring revenue those customers bring, per month of
    /// acquisition.
    pub extra_mrr: Decimal,
    /// Lifetime value of one month's extra customers; `None` without a CLV.
    pub extra_clv: Option<Decimal>,
}

/// The money at the lift's estimate and at both bounds of its interval.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct LiftMoneyRange {
    /// At the observed lift.
    pub estimate: LiftMoney,
    /// At the interval's lower bound (may be negative: money lost).
    pub low: LiftMoney,
    /// At the interval's upper bound.
    pub high: LiftMoney,
}

/// Turns an absolute lift into customers and money.
///
/// **Definition.** With a lift of Δ percentage points (B's rate − A's),
/// V visitors a month, ARPA and CLV: extra customers = V × Δ ÷ 100; extra
/// MRR = extra customers × ARPA; extra CLV = extra customers × CLV. MRR =
/// customers × ARPA is the definition of ARPA (Skok, D. (2013), *SaaS
/// Metrics 2.0*, "ARPA"); treating a conversion lift as extra customers
/// assumes the converted visitors become customers at the same ARPA.
/// Fields: `lift_points` (−100 to 100), `monthly_visitors`, `arpa`, `clv`
/// (≥ 0).
///
/// # Example
/// The 12 % → 16 % test of [`super::conversion_test`]'s example: +4 points
/// on 5 000 visitors a month at an ARPA of 49 and a CLV of 1 176 (49 ÷ 4 %
/// churn × 96 % margin, Skok's formula) is 200 customers, 9 800 MRR and
/// 235 200 of lifetime value a month.
/// ```
/// use cadran_core::metrics::ab_test::{lift_to_money, MoneyInputs};
/// use rust_decimal_macros::dec;
/// let m = lift_to_money(dec!(4), &MoneyInputs { monthly_visitors: dec!(5000), arpa: dec!(49), clv: Some(dec!(1176)) }).unwrap();
/// assert_eq!((m.extra_customers_per_month, m.extra_mrr, m.extra_clv), (dec!(200), dec!(9800), Some(dec!(235200))));
/// ```
pub fn lift_to_money(lift_points: Decimal, inputs: &MoneyInputs) -> Outcome<LiftMoney> {
    let lift = in_range("lift_points", lift_points, -Decimal::ONE_HUNDRED, Decimal::ONE_HUNDRED)?;
    let visitors = non_negative("monthly_visitors", inputs.monthly_visitors)?;
    let arpa = non_negative("arpa", inputs.arpa)?;
    let clv = inputs.clv.map(|c| non_negative("clv", c)).transpose()?;
    let customers = div(mul(visitors, lift)?, Decimal::ONE_HUNDRED, Undefined::Overflow)?;
    Ok(LiftMoney {
        extra_customers_per_month: customers.normalize(),
        extra_mrr: mul(customers, arpa)?.normalize(),
        extra_clv: clv.map(|c| mul(customers, c).map(|d| d.normalize())).transpose()?,
    })
}

/// [`lift_to_money`] at the estimate and both bounds of an absolute-lift
/// interval (percentage points, as in
/// [`super::ConversionTest::absolute_lift`]).
///
/// **Definition.** Each bound is rounded to [`BOUND_DECIMALS`] places, then
/// converted exactly; money is monotone in the lift, so the range of money
/// is the money of the range (Kohavi, Tang & Xu (2020), *Trustworthy Online
/// Controlled Experiments*, ch. 2: report the interval, not only the point).
/// A bound outside ±100 points is clamped to it.
///
/// # Example
/// ```
/// use cadran_core::metrics::ab_test::{lift_interval_to_money, IntervalStat, MoneyInputs};
/// use rust_decimal_macros::dec;
/// let lift = IntervalStat::new(4.0, 1.25, 6.75).unwrap();
/// let r = lift_interval_to_money(&lift, &MoneyInputs { monthly_visitors: dec!(5000), arpa: dec!(49), clv: None }).unwrap();
/// assert_eq!((r.low.extra_customers_per_month, r.estimate.extra_mrr, r.high.extra_mrr), (dec!(62.5), dec!(9800), dec!(16537.5)));
/// ```
pub fn lift_interval_to_money(lift: &IntervalStat, inputs: &MoneyInputs) -> Outcome<LiftMoneyRange> {
    let exact = |x: f64| -> Outcome<Decimal> {
        let d = Decimal::from_f64(x.clamp(-100.0, 100.0)).ok_or(Undefined::NotComputable)?;
        Ok(d.round_dp(BOUND_DECIMALS))
    };
    Ok(LiftMoneyRange {
        estimate: lift_to_money(exact(lift.estimate)?, inputs)?,
        low: lift_to_money(exact(lift.low)?, inputs)?,
        high: lift_to_money(exact(lift.high)?, inputs)?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::metrics::test_support::{any_decimal, invalid};
    use crate::InputProblem;
    use proptest::prelude::*;
    use rust_decimal_macros::dec;

    fn inputs(v: Decimal, arpa: Decimal, clv: Option<Decimal>) -> MoneyInputs {
        MoneyInputs { monthly_visitors: v, arpa, clv }
    }

    #[test]
    fn money_table() {
        let m = lift_to_money(dec!(-0.5), &inputs(dec!(10000), dec!(30), None)).unwrap();
        assert_eq!((m.extra_customers_per_month, m.extra_mrr, m.extra_clv), (dec!(-50), dec!(-1500), None), "−0.5 pt on 10 000");
        let m = lift_to_money(dec!(0.37), &inputs(dec!(1234), dec!(19.99), Some(dec!(300)))).unwrap();
        assert_eq!((m.extra_customers_per_month, m.extra_mrr, m.extra_clv), (dec!(4.5658), dec!(91.270342), Some(dec!(1369.74))), "0.37 pt on 1 234");
        let range = InputProblem::OutOfRange { min: dec!(-100), max: dec!(100) };
        assert_eq!(lift_to_money(dec!(101), &inputs(dec!(1), dec!(1), None)), Err(invalid("lift_points", range)));
        assert_eq!(lift_to_money(dec!(1), &inputs(dec!(-1), dec!(1), None)), Err(invalid("monthly_visitors", InputProblem::Negative)));
        assert_eq!(lift_to_money(dec!(1), &inputs(dec!(1), dec!(1), Some(dec!(-3)))), Err(invalid("clv", InputProblem::Negative)));
        assert_eq!(lift_to_money(dec!(100), &inputs(Decimal::MAX, Decimal::MAX, None)), Err(Undefined::Overflow.into()));
        let wide = IntervalStat::new(0.0, -300.0, 1e300).unwrap();
        let r = lift_interval_to_money(&wide, &inputs(dec!(100), dec!(1), None)).unwrap();
        assert_eq!((r.low.extra_customers_per_month, r.high.extra_customers_per_month), (dec!(-100), dec!(100)), "clamped bounds");
    }

    proptest! {
        #[test]
        fn never_panics(l in any_decimal(), v in any_decimal(), a in any_decimal(), c in any_decimal()) {
            let _ = lift_to_money(l, &inputs(v, a, Some(c)));
        }

        /// Money is monotone in the lift: the range is ordered.
        #[test]
        fn range_is_ordered(est in -50.0f64..50.0, w1 in 0.0f64..50.0, w2 in 0.0f64..50.0, v in 0u32..1_000_000, a in 0u32..100_000) {
            let lift = IntervalStat::new(est, est - w1, est + w2).unwrap();
            let r = lift_interval_to_money(&lift, &inputs(Decimal::from(v), Decimal::new(i64::from(a), 2), None)).unwrap();
            prop_assert!(r.low.extra_mrr <= r.estimate.extra_mrr && r.estimate.extra_mrr <= r.high.extra_mrr, "{r:?}");
        }

        /// Swapping A and B negates the lift and so the money.
        #[test]
        fn mirror(l in -10_000i64..10_000, v in 0u32..1_000_000) {
            let i = inputs(Decimal::from(v), dec!(10), None);
            let (x, y) = (lift_to_money(Decimal::new(l, 2), &i).unwrap(), lift_to_money(Decimal::new(-l, 2), &i).unwrap());
            prop_assert_eq!(x.extra_mrr, -y.extra_mrr);
        }
    }
}
