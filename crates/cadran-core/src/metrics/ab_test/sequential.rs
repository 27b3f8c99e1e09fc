//! Evan Miller's simple sequential test, for those who will peek.

use super::input::whole_count;
use crate::{Decimal, Outcome};
use serde::{Deserialize, Serialize};

/// Where a sequential test stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum SequentialDecision {
    /// B's conversions lead A's by 2√N or more: stop, B (the treatment) wins.
    BWins,
    /// A and B's conversions together reached N without such a lead: stop,
    /// no winner.
    NoWinner,
    /// Neither: keep the test running.
    KeepGoing,
}

/// Evan Miller's simple sequential rule, checked as often as one likes.
///
/// **Definition.** Choose N, the total conversions to wait for, before the
/// test; split visitors 50/50; with T conversions in B (treatment) and C in
/// A (control): stop and declare B the winner as soon as T − C ≥ 2√N; stop
/// with no winner when T + C ≥ N. Failures are ignored. The rule is
/// one-sided (a 5 % test that B is better): A leading by 2√N is not a stop,
/// as in the source. Computed exactly in integers: T > C and (T − C)² ≥ 4N.
/// Fields `conversions_a`, `conversions_b` (whole, 0 to 10¹²) and
/// `planned_conversions` (1 to 10¹²).
///
/// **Source.** Evan Miller, "Simple Sequential A/B Testing" (2015,
/// evanmiller.org/sequential-ab-testing.html).
///
/// # Example
/// With N = 1 000 the winning lead is 2√1000 = 63.2 conversions.
/// ```
/// use cadran_core::metrics::ab_test::{sequential_decision, SequentialDecision};
/// use rust_decimal_macros::dec;
/// assert_eq!(sequential_decision(dec!(300), dec!(364), dec!(1000)).unwrap(), SequentialDecision::BWins);
/// assert_eq!(sequential_decision(dec!(300), dec!(363), dec!(1000)).unwrap(), SequentialDecision::KeepGoing);
/// assert_eq!(sequential_decision(dec!(480), dec!(520), dec!(1000)).unwrap(), SequentialDecision::NoWinner);
/// ```
pub fn sequential_decision(conversions_a: Decimal, conversions_b: Decimal, planned_conversions: Decimal) -> Outcome<SequentialDecision> {
    let c = whole_count("conversions_a", conversions_a, 0)?;
    let t = whole_count("conversions_b", conversions_b, 0)?;
    let n = whole_count("planned_conversions", planned_conversions, 1)?;
    let lead = u128::from(t.saturating_sub(c));
    Ok(if t > c && lead * lead >= 4 * u128::from(n) {
        SequentialDecision::BWins
    } else if t + c >= n {
        SequentialDecision::NoWinner
    } else {
        SequentialDecision::KeepGoing
    })
}

/// The lead B needs to win, 2√N. **Statistic: `f64`**, for display ("B must
/// lead by 64 conversions").
///
/// # Example
/// ```
/// use cadran_core::metrics::ab_test::sequential::winning_lead;
/// assert_eq!(winning_lead(10_000), 200.0);
/// ```
#[must_use]
#[allow(clippy::cast_precision_loss)]
pub fn winning_lead(planned_conversions: u64) -> f64 {
    2.0 * (planned_conversions as f64).sqrt()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::metrics::test_support::invalid;
    use crate::InputProblem;
    use rust_decimal_macros::dec;

    #[test]
    fn sequential_table() {
        use SequentialDecision::{BWins, KeepGoing, NoWinner};
        let table = [
            ((dec!(0), dec!(20), dec!(100)), BWins),      // 20 ≥ 2√100
            ((dec!(0), dec!(19), dec!(100)), KeepGoing),
            ((dec!(20), dec!(0), dec!(100)), KeepGoing),  // A leading is no stop
            ((dec!(50), dec!(50), dec!(100)), NoWinner),
            ((dec!(40), dec!(61), dec!(100)), BWins),     // a lead wins even past N
            ((dec!(0), dec!(2), dec!(1)), BWins),
            ((dec!(0), dec!(0), dec!(1)), KeepGoing),
        ];
        for ((c, t, n), expected) in table {
            assert_eq!(sequential_decision(c, t, n), Ok(expected), "C {c}, T {t}, N {n}");
        }
        let range = InputProblem::OutOfRange { min: dec!(1), max: Decimal::from(super::super::MAX_COUNT) };
        assert_eq!(sequential_decision(dec!(1), dec!(2), dec!(0)), Err(invalid("planned_conversions", range)));
        assert_eq!(sequential_decision(dec!(-1), dec!(2), dec!(10)), Err(invalid("conversions_a", InputProblem::Negative)));
        assert_eq!(sequential_decision(dec!(0), dec!(1000000000000), dec!(1000000000000)), Ok(BWins));
    }
}
