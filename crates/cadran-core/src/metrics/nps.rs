//! Net Promoter Score (NPS): the share of customers who would recommend the
//! company minus the share who would not, from the answers to "How likely are
//! you to recommend us to a friend or colleague?" on a 0–10 scale.
//!
//! The score itself is exact ([`Decimal`]); its margin of error is a
//! statistical approximation and so is a float ([`MarginOfError`]).

use crate::arith::{percent_of, sub};
use crate::{MetricError, Outcome, Percent, Undefined};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// Fewest answers for which [`margin_of_error`] gives a value.
///
/// The margin uses the normal approximation of the mean of scores +1/0/−1.
/// Below about 30 answers that approximation is poor (the usual rule of thumb
/// for the central limit theorem), and the margin would be so wide anyway —
/// up to ±36 points at n = 30, ±1.96 ÷ √n × 100 in the worst case — that the
/// survey cannot support a conclusion. The UI says "too few answers to
/// conclude" instead of printing a misleading interval.
pub const MIN_ANSWERS_FOR_MARGIN: u64 = 30;

/// z-value of a two-sided 95 % confidence interval under the normal law.
const Z_95: f64 = 1.96;

/// Answers grouped the NPS way: promoters (9–10), passives (7–8), detractors
/// (0–6).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(default)]
pub struct NpsCounts {
    /// Answers of 9 or 10.
    pub promoters: u64,
    /// Answers of 7 or 8.
    pub passives: u64,
    /// Answers of 0 to 6.
    pub detractors: u64,
}

impl NpsCounts {
    /// Groups a full 0–10 distribution (`distribution[s]` = answers of score
    /// `s`) into promoters, passives and detractors.
    ///
    /// [`Undefined::Overflow`] if a group holds more than `u64::MAX` answers.
    ///
    /// # Example
    /// ```
    /// use cadran_core::metrics::nps::NpsCounts;
    /// let c = NpsCounts::from_distribution(&[1, 0, 0, 0, 0, 2, 3, 4, 5, 6, 7]).unwrap();
    /// assert_eq!((c.detractors, c.passives, c.promoters), (6, 9, 13));
    /// ```
    pub fn from_distribution(distribution: &[u64; 11]) -> Outcome<Self> {
        let group = |scores: &[u64]| {
            scores
                .iter()
                .try_fold(0u64, |acc, n| acc.checked_add(*n))
                .ok_or(MetricError::Undefined(Undefined::Overflow))
        };
        let (detractors, rest) = distribution.split_at(7);
        let (passives, promoters) = rest.split_at(2);
        Ok(Self { promoters: group(promoters)?, passives: group(passives)?, detractors: group(detractors)? })
    }

    /// All answers: promoters + passives + detractors, or
    /// [`Undefined::Overflow`] beyond `u64::MAX`.
    pub fn total(&self) -> Outcome<u64> {
        self.promoters
            .checked_add(self.passives)
            .and_then(|s| s.checked_add(self.detractors))
            .ok_or(MetricError::Undefined(Undefined::Overflow))
    }
}

/// The NPS and the shares it is computed from, so the UI can print
/// "NPS = 45 % − 20 % = 25".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Nps {
    /// The grouped answers.
    pub counts: NpsCounts,
    /// Number of answers.
    pub answers: u64,
    /// Promoters ÷ answers.
    pub promoters_share: Percent,
    /// Passives ÷ answers (computed as 100 − the other two, so the three shares
    /// always add up to exactly 100).
    pub passives_share: Percent,
    /// Detractors ÷ answers.
    pub detractors_share: Percent,
    /// Promoters share − detractors share, in points, between −100 and 100.
    pub nps: Decimal,
}

/// Net Promoter Score from grouped answers.
///
/// **Definition.** NPS = % promoters (9–10) − % detractors (0–6), in points
/// from −100 (all detractors) to +100 (all promoters); passives (7–8) count in
/// the total only. Undefined with no answers ([`Undefined::NoAnswers`]).
///
/// **Source.** Reichheld, F. F. (2003), "The One Number You Need to Grow",
/// *Harvard Business Review* 81(12); Bain & Company, *Measuring Your Net
/// Promoter Score* (netpromotersystem.com).
///
/// # Example
/// ```
/// use cadran_core::metrics::nps::{nps, NpsCounts};
/// use cadran_core::Percent;
/// use rust_decimal_macros::dec;
/// let n = nps(&NpsCounts { promoters: 45, passives: 35, detractors: 20 }).unwrap();
/// assert_eq!((n.promoters_share, n.detractors_share), (Percent(dec!(45)), Percent(dec!(20))));
/// assert_eq!(n.nps, dec!(25)); // 45 % − 20 % = 25
/// ```
pub fn nps(counts: &NpsCounts) -> Outcome<Nps> {
    let answers = counts.total()?;
    let n = Decimal::from(answers);
    let promoters_share = percent_of(Decimal::from(counts.promoters), n, Undefined::NoAnswers)?;
    let detractors_share = percent_of(Decimal::from(counts.detractors), n, Undefined::NoAnswers)?;
    let passives_share = Percent(sub(sub(Decimal::ONE_HUNDRED, promoters_share.0)?, detractors_share.0)?);
    Ok(Nps {
        counts: *counts,
        answers,
        promoters_share,
        passives_share,
        detractors_share,
        nps: sub(promoters_share.0, detractors_share.0)?,
    })
}

/// Net Promoter Score from the 11 counts of a 0–10 distribution
/// (`distribution[s]` = answers of score `s`). Same definition and source as
/// [`nps`].
///
/// # Example
/// ```
/// use cadran_core::metrics::nps::nps_from_distribution;
/// use rust_decimal_macros::dec;
/// // 2 detractors (scores 3 and 6), 1 passive (8), 2 promoters (9 and 10).
/// let n = nps_from_distribution(&[0, 0, 0, 1, 0, 0, 1, 0, 1, 1, 1]).unwrap();
/// assert_eq!(n.nps, dec!(0));
/// ```
pub fn nps_from_distribution(distribution: &[u64; 11]) -> Outcome<Nps> {
    nps(&NpsCounts::from_distribution(distribution)?)
}

/// The margin of error of an NPS at 95 % confidence, in NPS points.
///
/// **Approximate**: computed in floating point (`f64`) under the normal
/// approximation; show it rounded (to one decimal), never compare it exactly.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct MarginOfError {
    /// Half-width of the 95 % interval, in NPS points (NPS ± this).
    pub value: f64,
    /// Standard error of the NPS, in NPS points.
    pub standard_error: f64,
    /// The NPS it applies to, as a float, for [`MarginOfError::interval`].
    pub nps: f64,
    /// Number of answers.
    pub answers: u64,
}

impl MarginOfError {
    /// The 95 % interval `(low, high)`, clipped to the possible range
    /// [−100, 100].
    #[must_use]
    pub fn interval(&self) -> (f64, f64) {
        ((self.nps - self.value).max(-100.0), (self.nps + self.value).min(100.0))
    }
}

/// Margin of error of the NPS at 95 % confidence.
///
/// **Definition.** Score each answer +1 (promoter), 0 (passive) or −1
/// (detractor); the NPS is 100 × the mean score. With shares `p` of promoters
/// and `d` of detractors, the variance of one score is p + d − (p − d)², so the
/// standard error of the NPS is 100 × √((p + d − (p − d)²) ÷ n) and the 95 %
/// margin is 1.96 × that. [`Undefined::NoAnswers`] with no answers;
/// [`Undefined::TooFewAnswers`] below [`MIN_ANSWERS_FOR_MARGIN`] answers
/// (see there why).
///
/// **Source.** Rocks, B. (2016), "Interval Estimation for the 'Net Promoter
/// Score'", *The American Statistician* 70(4) (the Wald interval, variance of
/// the trinomial +1/0/−1).
///
/// # Example
/// ```
/// use cadran_core::metrics::nps::{margin_of_error, NpsCounts};
/// // 100 answers, 45 % promoters, 20 % detractors:
/// // √((0.45 + 0.20 − 0.25²) ÷ 100) = √0.005875 ≈ 0.0766 → ± 15.0 points.
/// let m = margin_of_error(&NpsCounts { promoters: 45, passives: 35, detractors: 20 }).unwrap();
/// assert!((m.value - 15.02).abs() < 0.01);
/// ```
pub fn margin_of_error(counts: &NpsCounts) -> Outcome<MarginOfError> {
    let answers = counts.total()?;
    if answers == 0 {
        return Err(Undefined::NoAnswers.into());
    }
    if answers < MIN_ANSWERS_FOR_MARGIN {
        return Err(Undefined::TooFewAnswers { have: answers, need: MIN_ANSWERS_FOR_MARGIN }.into());
    }
    // u64 → f64 is lossy only beyond 2⁵³ answers, far beyond any survey, and
    // the result is an approximation anyway.
    #[allow(clippy::cast_precision_loss)]
    let (n, p, d) = {
        let n = answers as f64;
        (n, counts.promoters as f64 / n, counts.detractors as f64 / n)
    };
    let variance = (p + d - (p - d).powi(2)).max(0.0);
    let standard_error = (variance / n).sqrt() * 100.0;
    Ok(MarginOfError { value: Z_95 * standard_error, standard_error, nps: (p - d) * 100.0, answers })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use rust_decimal_macros::dec;

    fn counts(promoters: u64, passives: u64, detractors: u64) -> NpsCounts {
        NpsCounts { promoters, passives, detractors }
    }

    /// Worked examples in the spirit of Bain & Company's definition: the NPS
    /// is the promoter share minus the detractor share.
    #[test]
    fn nps_table() {
        let table = [
            ((45, 35, 20), Ok(dec!(25))),
            ((100, 0, 0), Ok(dec!(100))),
            ((0, 0, 7), Ok(dec!(-100))),
            ((0, 5, 0), Ok(dec!(0))),
            ((1, 0, 0), Ok(dec!(100))), // one answer
            ((0, 0, 1), Ok(dec!(-100))),
            ((1, 1, 1), Ok(dec!(0))),
            ((2, 1, 0), Ok(dec!(66.666666666666666666666666670))),
            ((0, 0, 0), Err(Undefined::NoAnswers.into())),
            ((u64::MAX, 1, 0), Err(Undefined::Overflow.into())),
        ];
        for ((p, pa, d), expected) in table {
            assert_eq!(nps(&counts(p, pa, d)).map(|n| n.nps), expected, "promoters {p}, passives {pa}, detractors {d}");
        }
    }

    #[test]
    fn shares_are_exposed_for_the_ui() {
        let n = nps(&counts(45, 35, 20)).unwrap();
        assert_eq!(n.passives_share, Percent(dec!(35)));
        assert_eq!(n.answers, 100);
        let thirds = nps(&counts(1, 1, 1)).unwrap();
        assert_eq!(
            thirds.promoters_share.0 + thirds.passives_share.0 + thirds.detractors_share.0,
            dec!(100),
            "shares of 1/1/1 add up to exactly 100"
        );
        // Rounding must never make the passive share negative when there are none.
        for p in 0..60 {
            for d in 0..60 {
                if let Ok(n) = nps(&counts(p, 0, d)) {
                    assert!(n.passives_share.0 >= Decimal::ZERO, "promoters {p}, detractors {d}: {:?}", n.passives_share);
                }
            }
        }
    }

    #[test]
    fn distribution_groups_scores() {
        // Scores 0–6 detractors, 7–8 passives, 9–10 promoters (Reichheld 2003).
        let mut d = [0u64; 11];
        d[6] = 20;
        d[7] = 30;
        d[8] = 5;
        d[9] = 40;
        d[10] = 5;
        let n = nps_from_distribution(&d).unwrap();
        assert_eq!(n.counts, counts(45, 35, 20), "distribution {d:?}");
        assert_eq!(n.nps, dec!(25));
        assert_eq!(nps_from_distribution(&[0; 11]), Err(Undefined::NoAnswers.into()));
        assert_eq!(NpsCounts::from_distribution(&[u64::MAX, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0]), Err(Undefined::Overflow.into()));
    }

    /// Rocks (2016)-style Wald interval: p = 0.45, d = 0.20, n = 100 →
    /// variance 0.65 − 0.0625 = 0.5875, SE = 7.665 points, margin ±15.02.
    #[test]
    fn margin_worked_example() {
        let m = margin_of_error(&counts(45, 35, 20)).unwrap();
        assert!((m.standard_error - 7.6649).abs() < 0.001, "SE {}", m.standard_error);
        assert!((m.value - 15.0232).abs() < 0.001, "margin {}", m.value);
        let (lo, hi) = m.interval();
        assert!((lo - 9.977).abs() < 0.01 && (hi - 40.023).abs() < 0.01, "({lo}, {hi})");
    }

    #[test]
    fn margin_edges() {
        let table = [
            ((0, 0, 0), Err(Undefined::NoAnswers.into())),
            ((1, 0, 0), Err(Undefined::TooFewAnswers { have: 1, need: 30 }.into())),
            ((10, 9, 10), Err(Undefined::TooFewAnswers { have: 29, need: 30 }.into())),
        ];
        for ((p, pa, d), expected) in table {
            assert_eq!(margin_of_error(&counts(p, pa, d)), expected, "promoters {p}, passives {pa}, detractors {d}");
        }
        // All promoters: no variance at all.
        assert_eq!(margin_of_error(&counts(30, 0, 0)).unwrap().value, 0.0);
        // Worst case at n = 30: half promoters, half detractors → ±1.96/√30 × 100.
        let worst = margin_of_error(&counts(15, 0, 15)).unwrap();
        assert!((worst.value - 35.78).abs() < 0.01, "worst case {}", worst.value);
        // All promoters near 100: interval clipped at 100.
        let (_, hi) = margin_of_error(&counts(99, 0, 1)).unwrap().interval();
        assert!(hi <= 100.0);
    }

    proptest! {
        /// NPS ∈ [−100, 100], the shares add up to 100 and NPS = promoters −
        /// detractors, for any counts; never a panic.
        #[test]
        fn nps_invariants(p in any::<u64>(), pa in any::<u64>(), d in any::<u64>()) {
            let c = counts(p >> (p % 64), pa >> (pa % 64), d >> (d % 64));
            if let Ok(n) = nps(&c) {
                prop_assert!(n.nps >= dec!(-100) && n.nps <= dec!(100), "{c:?} → {}", n.nps);
                prop_assert_eq!(n.promoters_share.0 + n.passives_share.0 + n.detractors_share.0, dec!(100));
                prop_assert_eq!(n.nps, n.promoters_share.0 - n.detractors_share.0);
                prop_assert!(n.passives_share.0 >= Decimal::ZERO, "{c:?}: passives {}", n.passives_share);
            }
            if let Ok(m) = margin_of_error(&c) {
                prop_assert!(m.value.is_finite() && m.value >= 0.0 && m.value <= 196.0, "{c:?}: {}", m.value);
            }
        }

        /// Any distribution gives a value or a typed reason.
        #[test]
        fn distribution_never_panics(d in any::<[u64; 11]>()) {
            let _ = nps_from_distribution(&d);
        }
    }
}
