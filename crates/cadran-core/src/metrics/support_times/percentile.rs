//! Exact sample percentiles of durations (Hyndman & Fan type 7).

use super::error::{SupportOutcome, SupportUndefined};
use crate::{Field, InputError, InputProblem, Percent};
use rust_decimal::Decimal;

/// The `p`-th percentile of sorted whole numbers (seconds), exactly.
///
/// **Definition.** Hyndman & Fan's sample quantile **type 7**: with the
/// values sorted `x₁ ≤ … ≤ xₙ`, `h = (n − 1)·p/100 + 1`, `j = ⌊h⌋`,
/// `Q(p) = xⱼ + (h − j)·(xⱼ₊₁ − xⱼ)`: linear interpolation between the
/// closest ranks, so `Q(0)` is the minimum, `Q(100)` the maximum and
/// `Q(50)` the usual median. It is R's default `quantile()`, NumPy's default
/// `percentile()`, and the one spreadsheets use (Excel `PERCENTILE.INC` and
/// `PERCENTILE`, LibreOffice and Google Sheets `PERCENTILE`), so a support
/// lead checking in a spreadsheet finds the same number.
///
/// Every step is exact `Decimal` arithmetic on whole seconds: no sampling
/// and no rounding beyond `Decimal`'s 28 digits.
///
/// **Source.** R. J. Hyndman and Y. Fan, "Sample Quantiles in Statistical
/// Packages", *The American Statistician* 50(4), 1996, pp. 361–365,
/// definition 7; Microsoft, *PERCENTILE.INC function* (its example:
/// {1, 3, 2, 4} at 0.3 gives 1.9).
///
/// `sorted` must be in ascending order (the caller sorts once for several
/// percentiles). [`SupportUndefined::NoDurations`] when it is empty; an
/// [`InputError`] on field `percentile` when `p` is outside 0–100.
///
/// # Example
/// ```
/// use cadran_core::{metrics::support_times::percentile, Percent};
/// use rust_decimal_macros::dec;
/// // First replies after 5, 10, 15, 20, 30, 45, 60 and 240 minutes.
/// let minutes = [5, 10, 15, 20, 30, 45, 60, 240];
/// // p90: h = 7 × 0.9 + 1 = 7.3, so 60 + 0.3 × (240 − 60) = 114.
/// assert_eq!(percentile(&minutes, Percent(dec!(90))), Ok(dec!(114)));
/// // The median: h = 4.5, halfway between 20 and 30.
/// assert_eq!(percentile(&minutes, Percent(dec!(50))), Ok(dec!(25)));
/// ```
pub fn percentile(sorted: &[i64], p: Percent) -> SupportOutcome<Decimal> {
    if p.0 < Decimal::ZERO || p.0 > Decimal::ONE_HUNDRED {
        let range = InputProblem::OutOfRange {
            min: Decimal::ZERO,
            max: Decimal::ONE_HUNDRED,
        };
        return Err(InputError::new(Field("percentile"), range).into());
    }
    let Some(last) = sorted.len().checked_sub(1) else {
        return Err(SupportUndefined::NoDurations.into());
    };
    // Zero-based rank h − 1 = (n − 1)·p/100; exact: n < 2⁶⁴ and p has ≤ 28 digits.
    let Some(rank) = Decimal::from(last as u64).checked_mul(p.fraction()) else {
        return Err(SupportUndefined::Overflow.into());
    };
    let j = rank.floor();
    let g = rank - j;
    let j = usize::try_from(u64::try_from(j).unwrap_or(0))
        .unwrap_or(last)
        .min(last);
    let lo = sorted.get(j).copied().unwrap_or(0);
    let hi = sorted.get(j + 1).copied().unwrap_or(lo);
    // hi − lo fits in i128 and in a Decimal (< 2⁶⁵ < 2⁹⁶).
    let step = Decimal::from(i128::from(hi) - i128::from(lo));
    Ok(g.checked_mul(step)
        .and_then(|x| x.checked_add(Decimal::from(lo)))
        .ok_or(SupportUndefined::Overflow)?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use rust_decimal_macros::dec;

    fn p(x: Decimal) -> Percent {
        Percent(x)
    }

    /// Published values: Microsoft's PERCENTILE.INC example, R's
    /// `quantile(1:10, c(.1, .5, .9))` (type 7: 1.9, 5.5, 9.1) and
    /// Hyndman & Fan's sample-size-one and boundary conventions.
    #[test]
    fn published_values() {
        let cases: [(&[i64], Decimal, Decimal); 9] = [
            (&[1, 2, 3, 4], dec!(30), dec!(1.9)),
            (&[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], dec!(10), dec!(1.9)),
            (&[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], dec!(50), dec!(5.5)),
            (&[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], dec!(90), dec!(9.1)),
            (&[7], dec!(90), dec!(7)),
            (&[3, 9], dec!(0), dec!(3)),
            (&[3, 9], dec!(100), dec!(9)),
            (&[-5, 5], dec!(25), dec!(-2.5)),
            (&[i64::MIN, i64::MAX], dec!(50), dec!(-0.5)),
        ];
        for (xs, pc, want) in cases {
            assert_eq!(percentile(xs, p(pc)), Ok(want), "{xs:?} at {pc} %");
        }
        assert_eq!(
            percentile(&[], p(dec!(50))),
            Err(SupportUndefined::NoDurations.into())
        );
        assert!(
            percentile(&[1], p(dec!(100.1))).is_err() && percentile(&[1], p(dec!(-1))).is_err()
        );
    }

    proptest! {
        /// Monotone in p, and between the minimum and the maximum.
        #[test]
        fn monotone_in_p(mut xs in proptest::collection::vec(-1_000_000_000i64..1_000_000_000, 1..60),
                         a in 0u32..=10_000, b in 0u32..=10_000) {
            xs.sort_unstable();
            let (a, b) = (a.min(b), a.max(b));
            let q = |x: u32| percentile(&xs, p(Decimal::new(i64::from(x), 2))).unwrap();
            prop_assert!(q(a) <= q(b), "{:?} p {} {}", xs, a, b);
            prop_assert!(Decimal::from(xs[0]) <= q(a) && q(b) <= Decimal::from(xs[xs.len() - 1]));
        }
    }
}
