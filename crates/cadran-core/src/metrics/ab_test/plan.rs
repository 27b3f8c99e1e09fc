//! Planning a conversion test: visitors per version and days to run.

use super::input::{Confidence, Sides, MAX_COUNT};
use crate::arith::{add, div, in_range, mul, non_negative, percent_0_100, sub};
use crate::stats::normal_quantile;
use crate::{Decimal, Field, InputError, InputProblem, MetricError, Outcome, Percent, Undefined};
use rust_decimal::prelude::ToPrimitive;
use serde::{Deserialize, Serialize};

/// The smallest lift worth detecting.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Mde {
    /// In percentage points: 2 → from 10 % to 12 %.
    Absolute(Percent),
    /// Relative to the baseline: 20 → from 10 % to 12 %.
    Relative(Percent),
}

impl Default for Mde {
    fn default() -> Self {
        Mde::Relative(Percent(Decimal::TEN))
    }
}

/// What a test plan needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(default)]
pub struct PlanInputs {
    /// A's (the control's) current conversion rate.
    pub baseline: Percent,
    /// The smallest lift worth detecting.
    pub mde: Mde,
    /// Confidence level of the test that will be run.
    pub confidence: Confidence,
    /// One- or two-sided test.
    pub sides: Sides,
    /// Chance of detecting a true lift of the MDE (80 % by default).
    pub power: Percent,
    /// Visitors per day, both versions together (split 50/50). Zero: no
    /// duration is given.
    pub traffic_per_day: Decimal,
}

impl Default for PlanInputs {
    fn default() -> Self {
        Self {
            baseline: Percent::ZERO,
            mde: Mde::default(),
            confidence: Confidence::default(),
            sides: Sides::default(),
            power: Percent(Decimal::from(80)),
            traffic_per_day: Decimal::ZERO,
        }
    }
}

/// A test plan.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct TestPlan {
    /// Visitors each version needs, rounded up.
    pub visitors_per_version: u64,
    /// Both versions together.
    pub total_visitors: u64,
    /// Days to reach `total_visitors` at the traffic given, rounded up;
    /// `None` when no traffic was given.
    pub days: Option<u64>,
    /// The rate B must have for the lift to equal the MDE.
    pub target_rate: Percent,
    /// Visitors per version before rounding. **Statistic: `f64`.**
    pub visitors_per_version_stat: f64,
    /// Conversions expected once the test reaches its size (A at the
    /// baseline, B at the target rate), rounded, at least 1: the N of Evan
    /// Miller's simple sequential rule ([`super::sequential::winning_lead`])
    /// for those who will look before the end.
    #[serde(default)]
    pub planned_conversions: u64,
}

/// Visitors per version to detect `p2` against a baseline `p1` (fractions),
/// Evan Miller's formula; `None` if p1 = p2 or a value is not finite.
pub(crate) fn visitors_per_version_f64(p1: f64, p2: f64, z_alpha: f64, z_beta: f64) -> Option<f64> {
    let delta = p2 - p1;
    if delta == 0.0 || !delta.is_finite() {
        return None;
    }
    let null = (2.0 * p1 * (1.0 - p1)).max(0.0).sqrt();
    let alternative = (p1 * (1.0 - p1) + p2 * (1.0 - p2)).max(0.0).sqrt();
    let n = (z_alpha * null + z_beta * alternative).powi(2) / (delta * delta);
    n.is_finite().then_some(n)
}

/// Visitors per version and days needed to detect a lift of the MDE.
///
/// **Definition.** With p₁ the baseline, p₂ = p₁ + δ the target, z_α the
/// critical value of the test ([`Sides::critical_z`]) and z_β the normal
/// quantile of the power,
/// n = (z_α √(2 p₁(1 − p₁)) + z_β √(p₁(1 − p₁) + p₂(1 − p₂)))² ÷ δ²
/// per version, rounded up; days = 2n ÷ traffic per day, rounded up. The
/// null variance uses the baseline, since under "no difference" both
/// versions convert at p₁.
///
/// Looking at the results before the planned size and stopping at the first
/// significant reading inflates false positives far above α; for those who
/// will peek, see [`super::sequential`].
///
/// **Source.** Evan Miller, "Sample Size Calculator" (evanmiller.org/ab-testing/
/// sample-size.html) and "How Not To Run an A/B Test" (2010). Its published
/// default case — baseline 20 %, MDE 5 points absolute, 5 % significance
/// two-sided, 80 % power — reads "1,030 per variation"; the formula gives
/// 1 030.2, which this function rounds up to 1 031.
///
/// # Example
/// ```
/// use cadran_core::metrics::ab_test::{plan_test, Mde, PlanInputs};
/// use cadran_core::Percent;
/// use rust_decimal_macros::dec;
/// let plan = plan_test(&PlanInputs {
///     baseline: Percent(dec!(20)),
///     mde: Mde::Absolute(Percent(dec!(5))),
///     traffic_per_day: dec!(100),
///     ..PlanInputs::default()
/// }).unwrap();
/// assert!((plan.visitors_per_version_stat - 1030.2).abs() < 0.05);
/// assert_eq!(plan.visitors_per_version, 1031);
/// assert_eq!(plan.days, Some(21)); // 2 062 visitors at 100 a day
/// // 1 031 × (20 % + 25 %) = 463.95 conversions expected at the end.
/// assert_eq!(plan.planned_conversions, 464);
/// ```
pub fn plan_test(inputs: &PlanInputs) -> Outcome<TestPlan> {
    let baseline = percent_0_100("baseline", inputs.baseline)?;
    let power = in_range("power", inputs.power.0, Decimal::from(50), Decimal::new(999, 1))?;
    let traffic = in_range("traffic_per_day", non_negative("traffic_per_day", inputs.traffic_per_day)?, Decimal::ZERO, Decimal::from(MAX_COUNT))?;
    let target = target_rate(baseline, inputs.mde)?;
    let to_f64 = |d: Decimal| d.to_f64().ok_or(MetricError::Undefined(Undefined::NotComputable));
    let p1 = to_f64(baseline.fraction())?;
    let p2 = to_f64(target.fraction())?;
    let z_beta = normal_quantile(to_f64(power)? / 100.0).ok_or(Undefined::NotComputable)?;
    let n = visitors_per_version_f64(p1, p2, inputs.sides.critical_z(inputs.confidence), z_beta).ok_or(Undefined::ZeroEffect)?;
    let rounded = n.ceil();
    #[allow(clippy::cast_precision_loss)]
    if rounded > MAX_COUNT as f64 {
        return Err(Undefined::Overflow.into());
    }
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)] // 1 ≤ rounded ≤ 10¹²
    let per_version = (rounded as u64).max(1);
    let total = per_version * 2;
    let days = if traffic.is_zero() {
        None
    } else {
        div(Decimal::from(total), traffic, Undefined::ZeroEffect)?.ceil().to_u64()
    };
    let expected = div(mul(Decimal::from(per_version), add(baseline.0, target.0)?)?, Decimal::ONE_HUNDRED, Undefined::ZeroEffect)?.round();
    let planned_conversions = expected.to_u64().unwrap_or(0).max(1);
    Ok(TestPlan { visitors_per_version: per_version, total_visitors: total, days, target_rate: target, visitors_per_version_stat: n, planned_conversions })
}

/// B's rate if the lift equals the MDE; errors name the field `mde`.
fn target_rate(baseline: Percent, mde: Mde) -> Outcome<Percent> {
    let hundred = Decimal::ONE_HUNDRED;
    let (value, target, max) = match mde {
        Mde::Absolute(points) => (points.0, add(baseline.0, non_negative("mde", points.0)?)?, sub(hundred, baseline.0)?),
        Mde::Relative(share) => {
            if baseline.0.is_zero() {
                return Err(Undefined::ZeroBase.into());
            }
            let target = mul(baseline.0, add(Decimal::ONE, non_negative("mde", share.0)?.checked_div(hundred).ok_or(Undefined::Overflow)?)?)?;
            (share.0, target, mul(sub(div(hundred, baseline.0, Undefined::ZeroBase)?, Decimal::ONE)?, hundred)?)
        }
    };
    if value.is_zero() {
        return Err(Undefined::ZeroEffect.into());
    }
    if target > hundred {
        return Err(InputError::new(Field("mde"), InputProblem::OutOfRange { min: Decimal::ZERO, max: max.round_dp(4) }).into());
    }
    Ok(Percent(target))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::metrics::test_support::{any_decimal, invalid};
    use proptest::prelude::*;
    use rust_decimal_macros::dec;

    fn plan(baseline: Decimal, mde: Mde) -> Outcome<TestPlan> {
        plan_test(&PlanInputs { baseline: Percent(baseline), mde, ..PlanInputs::default() })
    }

    /// Evan Miller's calculator (two-sided 5 %, 80 % power): the default case
    /// 20 % + 5 points → 1 030; and the same formula by hand for others.
    #[test]
    fn plan_table() {
        let table = [
            ((dec!(20), Mde::Absolute(Percent(dec!(5)))), 1030.22),
            // 20 % relative of 20 % is the same target (24 %): 4 points.
            ((dec!(20), Mde::Relative(Percent(dec!(20)))), 1_602.40),
            ((dec!(10), Mde::Absolute(Percent(dec!(1)))), 14_312.8),
        ];
        for ((b, mde), expected) in table {
            let p = plan(b, mde).unwrap();
            assert!((p.visitors_per_version_stat - expected).abs() < 0.5, "baseline {b}, {mde:?}: {}", p.visitors_per_version_stat);
            assert_eq!(p.total_visitors, 2 * p.visitors_per_version);
            assert_eq!(p.days, None, "no traffic given");
        }
        // Stricter tests need more visitors.
        let strict = plan_test(&PlanInputs { baseline: Percent(dec!(20)), mde: Mde::Absolute(Percent(dec!(5))), confidence: Confidence::NinetyNine, power: Percent(dec!(90)), ..PlanInputs::default() }).unwrap();
        assert!(strict.visitors_per_version > 1031, "{strict:?}");
        let one = plan_test(&PlanInputs { baseline: Percent(dec!(20)), mde: Mde::Absolute(Percent(dec!(5))), sides: Sides::OneSided, ..PlanInputs::default() }).unwrap();
        assert!(one.visitors_per_version < 1031, "{one:?}");
    }

    #[test]
    fn plan_errors() {
        let table = [
            ((dec!(20), Mde::Absolute(Percent(dec!(0)))), Undefined::ZeroEffect.into()),
            ((dec!(0), Mde::Relative(Percent(dec!(10)))), Undefined::ZeroBase.into()),
            ((dec!(20), Mde::Absolute(Percent(dec!(-1)))), invalid("mde", InputProblem::Negative)),
            ((dec!(90), Mde::Absolute(Percent(dec!(15)))), invalid("mde", InputProblem::OutOfRange { min: dec!(0), max: dec!(10) })),
            ((dec!(50), Mde::Relative(Percent(dec!(150)))), invalid("mde", InputProblem::OutOfRange { min: dec!(0), max: dec!(100) })),
            ((dec!(101), Mde::Absolute(Percent(dec!(1)))), invalid("baseline", crate::metrics::test_support::pct_range())),
        ];
        for ((b, mde), expected) in table {
            assert_eq!(plan(b, mde), Err(expected), "baseline {b}, {mde:?}");
        }
        let bad_power = plan_test(&PlanInputs { baseline: Percent(dec!(20)), power: Percent(dec!(100)), ..PlanInputs::default() });
        assert_eq!(bad_power, Err(invalid("power", InputProblem::OutOfRange { min: dec!(50), max: dec!(99.9) })));
        let bad_traffic = plan_test(&PlanInputs { baseline: Percent(dec!(20)), traffic_per_day: dec!(-3), ..PlanInputs::default() });
        assert_eq!(bad_traffic, Err(invalid("traffic_per_day", InputProblem::Negative)));
        // A tiny effect beyond 10¹² visitors is an overflow, not a wrong number.
        assert_eq!(plan(dec!(50), Mde::Absolute(Percent(dec!(0.0000001)))), Err(Undefined::Overflow.into()));
    }

    proptest! {
        /// Any inputs: a plan or a typed reason; a larger MDE never needs more visitors.
        #[test]
        fn plan_never_panics(b in any_decimal(), m in any_decimal(), t in any_decimal()) {
            let _ = plan_test(&PlanInputs { baseline: Percent(b), mde: Mde::Absolute(Percent(m)), traffic_per_day: t, ..PlanInputs::default() });
            let _ = plan_test(&PlanInputs { baseline: Percent(b), mde: Mde::Relative(Percent(m)), traffic_per_day: t, ..PlanInputs::default() });
        }

        #[test]
        fn larger_effect_needs_fewer_visitors(b in 1u32..90, m in 1u32..9) {
            let small = plan(Decimal::from(b), Mde::Absolute(Percent(Decimal::from(m)))).unwrap();
            let large = plan(Decimal::from(b), Mde::Absolute(Percent(Decimal::from(m + 1)))).unwrap();
            prop_assert!(large.visitors_per_version <= small.visitors_per_version, "baseline {b}, mde {m}");
        }
    }
}
