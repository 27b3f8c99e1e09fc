//! KPI targets: is a value on target, near it, or off it?
//!
//! A target is a value, a direction (churn should be *at most* 2 %, NPS *at
//! least* 30) and a "near" band, so the dashboard can show three states rather
//! than a pass/fail that flips on the smallest change.

use crate::arith::{self, mul, sub};
use crate::{Outcome, Percent};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// Which side of the target is good.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Direction {
    /// Higher is better: the value must be at least the target (NPS, CSAT,
    /// retention, NRR).
    #[default]
    AtLeast,
    /// Lower is better: the value must be at most the target (churn, CAC,
    /// payback months, CES when low means easy).
    AtMost,
}

/// How close to the target counts as "near".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Tolerance {
    /// A share of the target's magnitude: 10 % of a target of 30 is a band of
    /// 3. Gives a zero band for a zero target; use [`Tolerance::Absolute`]
    /// there.
    Relative(Percent),
    /// A fixed band in the KPI's own unit (5 NPS points, 0.5 churn points),
    /// for KPIs near zero or that change sign such as NPS.
    Absolute(Decimal),
}

impl Default for Tolerance {
    /// Within 10 % of the target's magnitude: wide enough that a single noisy
    /// month doesn't read as failure, narrow enough that a real 10 % miss does.
    fn default() -> Self {
        Tolerance::Relative(Percent(Decimal::TEN))
    }
}

/// A KPI target.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Target {
    /// The target value, in the KPI's unit (percent points for rates).
    pub value: Decimal,
    /// Which side is good.
    pub direction: Direction,
    /// The "near" band on the bad side.
    pub near: Tolerance,
}

/// Where a value stands against its target.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum TargetStatus {
    /// On the good side of the target, or exactly on it.
    Met,
    /// On the bad side, but within the near band.
    Near,
    /// On the bad side, beyond the near band.
    Missed,
}

/// The result of [`evaluate`], with the numbers to explain it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Evaluation {
    /// Met, near or missed.
    pub status: TargetStatus,
    /// value − target (negative when below the target, whatever the direction).
    pub difference: Decimal,
    /// The signed distance in the good direction: ≥ 0 means ahead of the
    /// target by that much, < 0 means short by that much.
    pub gap: Decimal,
    /// Width of the near band, in the KPI's unit.
    pub band: Decimal,
}

/// Evaluates a value against a target.
///
/// **Definition.** gap = value − target for [`Direction::AtLeast`], target −
/// value for [`Direction::AtMost`]. Met when gap ≥ 0; near when −band ≤ gap <
/// 0; missed otherwise. band = |target| × tolerance ÷ 100 for a relative
/// tolerance (10 % by default), or the absolute tolerance. A negative
/// tolerance is an input error on `near_tolerance`.
///
/// **Source.** The red/amber/green ("RAG") status convention of balanced
/// scorecards: Kaplan, R. S. & Norton, D. P. (1996), *The Balanced Scorecard*,
/// Harvard Business School Press.
///
/// # Example
/// ```
/// use cadran_core::metrics::target::{evaluate, Direction, Target, TargetStatus, Tolerance};
/// use rust_decimal_macros::dec;
/// // Monthly churn should be at most 2 %, "near" up to 10 % above (2.2 %).
/// let t = Target { value: dec!(2), direction: Direction::AtMost, near: Tolerance::default() };
/// let e = evaluate(dec!(2.1), &t).unwrap();
/// assert_eq!((e.status, e.gap, e.band), (TargetStatus::Near, dec!(-0.1), dec!(0.2)));
/// assert_eq!(evaluate(dec!(1.5), &t).unwrap().status, TargetStatus::Met);
/// assert_eq!(evaluate(dec!(2.5), &t).unwrap().status, TargetStatus::Missed);
/// ```
pub fn evaluate(value: Decimal, target: &Target) -> Outcome<Evaluation> {
    let band = match target.near {
        Tolerance::Relative(p) => {
            let p = arith::non_negative("near_tolerance", p.0)?;
            mul(target.value.abs(), arith::div(p, Decimal::ONE_HUNDRED, crate::Undefined::Overflow)?)?
        }
        Tolerance::Absolute(b) => arith::non_negative("near_tolerance", b)?,
    };
    let difference = sub(value, target.value)?;
    let gap = match target.direction {
        Direction::AtLeast => difference,
        Direction::AtMost => -difference,
    };
    let status = if gap >= Decimal::ZERO {
        TargetStatus::Met
    } else if -gap <= band {
        TargetStatus::Near
    } else {
        TargetStatus::Missed
    };
    Ok(Evaluation { status, difference, gap, band })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::metrics::test_support::any_decimal;
    use crate::{Field, InputError, InputProblem, Undefined};
    use proptest::prelude::*;
    use rust_decimal_macros::dec;
    use TargetStatus::{Met, Missed, Near};

    #[test]
    fn evaluate_table() {
        let nps_30 = Target { value: dec!(30), direction: Direction::AtLeast, near: Tolerance::default() };
        let churn_2 = Target { value: dec!(2), direction: Direction::AtMost, near: Tolerance::default() };
        let nps_0 = Target { value: dec!(0), direction: Direction::AtLeast, near: Tolerance::Absolute(dec!(5)) };
        let nps_0_rel = Target { near: Tolerance::default(), ..nps_0 };
        let table = [
            ("NPS on target", dec!(30), nps_30, Met, dec!(0)),
            ("NPS above", dec!(41), nps_30, Met, dec!(11)),
            ("NPS within 10 %", dec!(27), nps_30, Near, dec!(-3)),
            ("NPS just beyond", dec!(26.9), nps_30, Missed, dec!(-3.1)),
            ("churn below", dec!(1), churn_2, Met, dec!(1)),
            ("churn at edge of band", dec!(2.2), churn_2, Near, dec!(-0.2)),
            ("churn too high", dec!(3), churn_2, Missed, dec!(-1)),
            ("negative NPS, absolute band", dec!(-4), nps_0, Near, dec!(-4)),
            ("negative NPS, beyond band", dec!(-6), nps_0, Missed, dec!(-6)),
            ("zero target, relative band is zero", dec!(-0.1), nps_0_rel, Missed, dec!(-0.1)),
        ];
        for (name, value, target, status, gap) in table {
            let e = evaluate(value, &target).unwrap();
            assert_eq!((e.status, e.gap), (status, gap), "case {name}: value {value}, target {target:?}");
        }
    }

    #[test]
    fn difference_is_raw_and_errors_are_typed() {
        let churn_2 = Target { value: dec!(2), direction: Direction::AtMost, near: Tolerance::default() };
        assert_eq!(evaluate(dec!(3), &churn_2).unwrap().difference, dec!(1));
        let bad = Target { near: Tolerance::Absolute(dec!(-1)), ..churn_2 };
        assert_eq!(evaluate(dec!(3), &bad), Err(InputError::new(Field("near_tolerance"), InputProblem::Negative).into()));
        let far = Target { value: Decimal::MIN, ..churn_2 };
        assert_eq!(evaluate(Decimal::MAX, &far), Err(Undefined::Overflow.into()));
    }

    proptest! {
        /// Never a panic; the status agrees with the gap and the band.
        #[test]
        fn consistent(value in any_decimal(), t in any_decimal(), tol in any_decimal(), at_most in any::<bool>(), abs in any::<bool>()) {
            let target = Target {
                value: t,
                direction: if at_most { Direction::AtMost } else { Direction::AtLeast },
                near: if abs { Tolerance::Absolute(tol) } else { Tolerance::Relative(Percent(tol)) },
            };
            if let Ok(e) = evaluate(value, &target) {
                prop_assert_eq!(e.status == Met, e.gap >= Decimal::ZERO);
                prop_assert!(e.band >= Decimal::ZERO);
                if e.status == Near { prop_assert!(-e.gap <= e.band); }
            }
        }
    }
}
