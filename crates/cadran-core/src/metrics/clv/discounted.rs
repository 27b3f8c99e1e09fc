//! Discounted customer lifetime value: the present value of future margins,
//! each weighted by the chance the customer is still there (variant (c) of
//! [`super`]).

use super::fraction;
use crate::arith::{self, add, div, mul, sub};
use crate::metrics::period::Period;
use crate::{Field, InputError, InputProblem, Outcome, Percent, Undefined};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// Longest horizon accepted by [`discounted_clv_over`]: 1 200 periods, which is
/// 100 years of months. Longer horizons add nothing measurable (use
/// [`discounted_clv`] for the infinite one) and would only cost time.
pub const MAX_HORIZON_PERIODS: u32 = 1200;


/// Inputs of the discounted CLV. `margin`, `churn` and `discount_rate` are all
/// **per `period`**: with a monthly period, use a monthly discount rate (about
/// 0.8 % a month for 10 % a year), not the annual one.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct DiscountedClvInputs {
    /// Margin a customer brings per period (revenue × gross margin − cost to
    /// serve), received at the end of each period.
    pub margin: Decimal,
    /// Share of customers lost per period, 0–100 %; retention r = 1 − churn.
    pub churn: Percent,
    /// Discount rate per period, 0–100 % (the cost of capital).
    pub discount_rate: Percent,
    /// The unit of the three values above.
    pub period: Period,
}

/// The infinite-horizon discounted CLV with the numbers of its formula, so the
/// UI can print "CLV = 80 × 0.9 ÷ (1 + 0.01 − 0.9) = 654.5…".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DiscountedClv {
    /// The unit of the per-period values.
    pub period: Period,
    /// Margin per period, `m`.
    pub margin: Decimal,
    /// Retention per period, `r` = 100 % − churn.
    pub retention: Percent,
    /// Discount rate per period, `d`.
    pub discount_rate: Percent,
    /// 1 + d − r (as fractions).
    pub denominator: Decimal,
    /// m × r ÷ (1 + d − r).
    pub clv: Decimal,
}

/// The finite-horizon discounted CLV with the numbers of its formula.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HorizonClv {
    /// The unit of the per-period values and of the horizon.
    pub period: Period,
    /// Margin per period, `m`.
    pub margin: Decimal,
    /// Retention per period, `r` = 100 % − churn.
    pub retention: Percent,
    /// Discount rate per period, `d`.
    pub discount_rate: Percent,
    /// Number of periods summed, `H`.
    pub horizon_periods: u32,
    /// r ÷ (1 + d): the weight of each period relative to the one before.
    pub factor_per_period: Decimal,
    /// Σ_{t=1..H} m × r^t ÷ (1 + d)^t.
    pub clv: Decimal,
}

/// Validated `(m, r, d)` as fractions, plus the retention as a percentage.
fn discounted_parts(i: &DiscountedClvInputs) -> Outcome<(Decimal, Decimal, Decimal, Percent)> {
    let margin = arith::non_negative("margin", i.margin)?;
    let churn = arith::percent_0_100("churn", i.churn)?;
    let discount = arith::percent_0_100("discount_rate", i.discount_rate)?;
    let retention = Percent(sub(Decimal::ONE_HUNDRED, churn.0)?);
    Ok((margin, fraction(retention)?, fraction(discount)?, retention))
}

/// Discounted CLV over an infinite horizon.
///
/// **Definition.** With a margin `m` per period received at the end of each
/// period, a retention `r` = 1 − churn per period and a discount rate `d` per
/// period, the customer is still there after `t` periods with probability
/// `r^t`, and money then is worth `1 ÷ (1 + d)^t` today, so
/// CLV = Σ_{t≥1} m × r^t ÷ (1 + d)^t = m × r ÷ (1 + d − r).
/// Acquisition cost is not subtracted (compare the result with CAC instead).
/// With no churn and no discounting the sum is infinite:
/// [`Undefined::ZeroChurn`].
///
/// **Source.** Gupta, S. & Lehmann, D. R. (2003), "Customers as assets",
/// *Journal of Interactive Marketing* 17(1); Gupta & Lehmann (2005), *Managing
/// Customers as Investments*, Wharton School Publishing.
///
/// # Example
/// ```
/// use cadran_core::metrics::clv::{discounted_clv, DiscountedClvInputs};
/// use cadran_core::metrics::period::Period;
/// use cadran_core::Percent;
/// use rust_decimal_macros::dec;
/// // Gupta & Lehmann's rule of thumb: margin 100 a year, 80 % retention, 12 %
/// // discount rate → 100 × 0.8 ÷ (1 + 0.12 − 0.8) = 250.
/// let c = discounted_clv(&DiscountedClvInputs {
///     margin: dec!(100), churn: Percent(dec!(20)), discount_rate: Percent(dec!(12)),
///     period: Period::Year,
/// }).unwrap();
/// assert_eq!(c.retention, Percent(dec!(80)));
/// assert_eq!(c.denominator, dec!(0.32));
/// assert_eq!(c.clv, dec!(250));
/// ```
pub fn discounted_clv(i: &DiscountedClvInputs) -> Outcome<DiscountedClv> {
    let (m, r, d, retention) = discounted_parts(i)?;
    let denominator = sub(add(Decimal::ONE, d)?, r)?;
    let clv = div(mul(m, r)?, denominator, Undefined::ZeroChurn)?;
    Ok(DiscountedClv {
        period: i.period,
        margin: m,
        retention,
        discount_rate: i.discount_rate,
        denominator,
        clv,
    })
}

/// Discounted CLV over a finite horizon of `horizon_periods` periods.
///
/// **Definition.** CLV_H = Σ_{t=1..H} m × r^t ÷ (1 + d)^t, with the same
/// assumptions as [`discounted_clv`] but counting only the first `H` periods
/// (a contract length, or a planning horizon). It is computed term by term,
/// each term being the previous one × r ÷ (1 + d), in checked `Decimal`
/// arithmetic (28 significant digits), so it never overflows into a wrong
/// number. Always defined, even with zero churn and zero discount (then it is
/// m × H). `H` is limited to [`MAX_HORIZON_PERIODS`].
///
/// **Source.** Gupta, S., Lehmann, D. R. & Stuart, J. A. (2004), "Valuing
/// Customers", *Journal of Marketing Research* 41(1) (finite-horizon form);
/// Farris et al. (2010), *Marketing Metrics*, ch. 5.
///
/// # Example
/// ```
/// use cadran_core::metrics::clv::{discounted_clv_over, DiscountedClvInputs};
/// use cadran_core::metrics::period::Period;
/// use cadran_core::Percent;
/// use rust_decimal_macros::dec;
/// let i = DiscountedClvInputs {
///     margin: dec!(100), churn: Percent(dec!(20)), discount_rate: Percent(dec!(0)),
///     period: Period::Year,
/// };
/// // 100 × 0.8 + 100 × 0.64 = 144 over two years.
/// assert_eq!(discounted_clv_over(&i, 2).unwrap().clv, dec!(144));
/// ```
pub fn discounted_clv_over(i: &DiscountedClvInputs, horizon_periods: u32) -> Outcome<HorizonClv> {
    if horizon_periods > MAX_HORIZON_PERIODS {
        return Err(InputError::new(
            Field("horizon_periods"),
            InputProblem::OutOfRange { min: Decimal::ZERO, max: Decimal::from(MAX_HORIZON_PERIODS) },
        )
        .into());
    }
    let (m, r, d, retention) = discounted_parts(i)?;
    // 1 + d ≥ 1, so the division is always defined.
    let factor_per_period = div(r, add(Decimal::ONE, d)?, Undefined::Overflow)?;
    let mut term = m;
    let mut clv = Decimal::ZERO;
    for _ in 0..horizon_periods {
        term = mul(term, factor_per_period)?;
        if term.is_zero() {
            break;
        }
        clv = add(clv, term)?;
    }
    Ok(HorizonClv {
        period: i.period,
        margin: m,
        retention,
        discount_rate: i.discount_rate,
        horizon_periods,
        factor_per_period,
        clv,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::metrics::test_support::{invalid, pct_range};
    use proptest::prelude::*;
    use rust_decimal_macros::dec;

    /// Worked example from Gupta & Lehmann (2003): the margin multiple
    /// r ÷ (1 + i − r) with r = 80 %, i = 12 % is 2.5.
    #[test]
    fn discounted_worked_example() {
        let i = DiscountedClvInputs {
            margin: dec!(1), churn: Percent(dec!(20)), discount_rate: Percent(dec!(12)), period: Period::Year,
        };
        assert_eq!(discounted_clv(&i).unwrap().clv, dec!(2.5));
        // Retention 90 %, discount 10 %: multiple 0.9 ÷ 0.2 = 4.5 (Gupta & Lehmann's table).
        let j = DiscountedClvInputs { churn: Percent(dec!(10)), discount_rate: Percent(dec!(10)), ..i };
        assert_eq!(discounted_clv(&j).unwrap().clv, dec!(4.5));
    }

    #[test]
    fn discounted_edges() {
        let base = DiscountedClvInputs { margin: dec!(100), ..Default::default() };
        let none = DiscountedClvInputs { churn: Percent(dec!(0)), discount_rate: Percent(dec!(0)), ..base.clone() };
        assert_eq!(discounted_clv(&none), Err(Undefined::ZeroChurn.into()), "no churn, no discount");
        assert_eq!(discounted_clv_over(&none, 12).unwrap().clv, dec!(1200), "finite sum is m × H");
        let all_leave = DiscountedClvInputs { churn: Percent(dec!(100)), discount_rate: Percent(dec!(5)), ..base.clone() };
        assert_eq!(discounted_clv(&all_leave).unwrap().clv, dec!(0), "100 % churn: nobody is left to pay");
        assert_eq!(discounted_clv_over(&all_leave, 10).unwrap().clv, dec!(0));
        let no_discount = DiscountedClvInputs { churn: Percent(dec!(50)), ..base.clone() };
        assert_eq!(discounted_clv(&no_discount).unwrap().clv, dec!(100), "100 × 0.5 ÷ 0.5");
        assert_eq!(discounted_clv_over(&no_discount, 0).unwrap().clv, dec!(0), "empty horizon");
        assert_eq!(
            discounted_clv_over(&no_discount, MAX_HORIZON_PERIODS + 1),
            Err(invalid("horizon_periods", InputProblem::OutOfRange { min: dec!(0), max: dec!(1200) }))
        );
        let bad = DiscountedClvInputs { discount_rate: Percent(dec!(150)), ..base.clone() };
        assert_eq!(discounted_clv(&bad), Err(invalid("discount_rate", pct_range())));
        let negative = DiscountedClvInputs { margin: dec!(-3), ..base };
        assert_eq!(discounted_clv(&negative), Err(invalid("margin", InputProblem::Negative)));
    }

    #[test]
    fn finite_horizon_converges_to_infinite() {
        let i = DiscountedClvInputs {
            margin: dec!(80), churn: Percent(dec!(2)), discount_rate: Percent(dec!(1)), period: Period::Month,
        };
        let infinite = discounted_clv(&i).unwrap().clv;
        let long = discounted_clv_over(&i, MAX_HORIZON_PERIODS).unwrap().clv;
        assert!(long <= infinite, "{long} ≤ {infinite}");
        assert!(infinite - long < dec!(0.000001), "{infinite} − {long}");
        // 36 months: Σ 80 × (0.98 ÷ 1.01)^t, about 1 730.73 (geometric series).
        let three_years = discounted_clv_over(&i, 36).unwrap().clv;
        assert_eq!(three_years.round_dp(2), dec!(1730.73), "36-month sum {three_years}");
    }


    proptest! {
        /// The finite sum never exceeds the infinite one.
        #[test]
        fn finite_below_infinite(m in 0u32..1_000_000, c in 1u32..=100, disc in 0u32..=100, h in 0u32..=1200) {
            let i = DiscountedClvInputs {
                margin: m.into(), churn: Percent(c.into()), discount_rate: Percent(disc.into()), period: Period::Month,
            };
            let finite = discounted_clv_over(&i, h).unwrap().clv;
            let infinite = discounted_clv(&i).unwrap().clv;
            prop_assert!(finite <= infinite + dec!(0.000000001), "H {h}: {finite} > {infinite}");
        }
    }
}
