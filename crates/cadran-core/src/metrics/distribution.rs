//! Survey answers given as a distribution: how many answers each score of a
//! `1..=max` scale received. Shared by [`super::csat`] and [`super::ces`],
//! which validate the scale the same way.

use crate::arith::{add, div, mul};
use crate::{Field, InputError, InputProblem, MetricError, Outcome, Undefined};
use rust_decimal::Decimal;

/// Longest scale accepted (1–100); real surveys use 1–5, 1–7 or 1–10.
pub const MAX_SCALE: u32 = 100;

/// Checks that `counts` describes a scale `1..=max` with `2 ≤ max ≤ 100`, and
/// returns `max`. The scale's length is the number of counts: the error names
/// `field` (the UI's "scale maximum").
pub(crate) fn scale_max(field: &'static str, counts: &[u64]) -> Result<u32, InputError> {
    let max = u32::try_from(counts.len()).unwrap_or(u32::MAX);
    if (2..=MAX_SCALE).contains(&max) {
        Ok(max)
    } else {
        Err(InputError::new(
            Field(field),
            InputProblem::OutOfRange { min: Decimal::TWO, max: Decimal::from(MAX_SCALE) },
        ))
    }
}

/// Checks that a score threshold lies on the scale `1..=max`.
pub(crate) fn on_scale(field: &'static str, score: u32, max: u32) -> Result<u32, InputError> {
    if (1..=max).contains(&score) {
        Ok(score)
    } else {
        Err(InputError::new(
            Field(field),
            InputProblem::OutOfRange { min: Decimal::ONE, max: Decimal::from(max) },
        ))
    }
}

/// Number of answers whose score (1-based) satisfies `keep`, or `Overflow`.
pub(crate) fn count_where(counts: &[u64], keep: impl Fn(u32) -> bool) -> Outcome<u64> {
    (1u32..)
        .zip(counts)
        .filter(|(score, _)| keep(*score))
        .try_fold(0u64, |acc, (_, n)| acc.checked_add(*n))
        .ok_or(MetricError::Undefined(Undefined::Overflow))
}

/// Mean score (scores 1..=len), or [`Undefined::NoAnswers`].
pub(crate) fn mean(counts: &[u64]) -> Outcome<Decimal> {
    let mut weighted = Decimal::ZERO;
    let mut answers = Decimal::ZERO;
    for (score, n) in (1u32..).zip(counts) {
        let n = Decimal::from(*n);
        weighted = add(weighted, mul(Decimal::from(score), n)?)?;
        answers = add(answers, n)?;
    }
    div(weighted, answers, Undefined::NoAnswers)
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn helpers() {
        assert_eq!(mean(&[1, 0, 0, 0, 1]), Ok(dec!(3)), "one 1 and one 5");
        assert_eq!(mean(&[0, 0, 0]), Err(Undefined::NoAnswers.into()));
        assert_eq!(count_where(&[1, 2, 3], |s| s >= 2), Ok(5));
        assert_eq!(count_where(&[u64::MAX, 1], |_| true), Err(Undefined::Overflow.into()));
        assert_eq!(scale_max("scale_max", &[0; 7]), Ok(7));
        assert!(scale_max("scale_max", &[0; 1]).is_err(), "a one-point scale");
        assert!(scale_max("scale_max", &[0; 101]).is_err());
        assert_eq!(on_scale("t", 5, 5), Ok(5));
        assert!(on_scale("t", 0, 5).is_err() && on_scale("t", 6, 5).is_err());
    }

    #[test]
    fn mean_of_huge_counts_is_exact() {
        // 100 scores × u64::MAX answers fit easily in a Decimal (96 bits).
        assert_eq!(mean(&[u64::MAX; 100]), Ok(dec!(50.5)));
    }
}
