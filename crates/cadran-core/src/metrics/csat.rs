//! Customer satisfaction score (CSAT): the share of satisfied answers to "How
//! satisfied were you with…?" on a short scale, usually 1–5.

use super::distribution;
use crate::arith::percent_of;
use crate::{Outcome, Percent, Undefined};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// Answers to a satisfaction survey and what counts as satisfied.
///
/// `counts[k]` is the number of answers of score `k + 1`: the scale is
/// `1..=counts.len()` (5 counts for the usual 1–5 scale). Keeping the scale's
/// length and the counts in one vector means they cannot disagree.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct CsatInputs {
    /// Answers per score, from score 1 to the top of the scale (2 to 100 scores).
    pub counts: Vec<u64>,
    /// Lowest score that counts as satisfied (4 on a 1–5 scale: "top two
    /// boxes").
    pub satisfied_from: u32,
}

impl Default for CsatInputs {
    fn default() -> Self {
        Self { counts: vec![0; 5], satisfied_from: 4 }
    }
}

/// CSAT with its intermediate values, so the UI can print "CSAT = 84 ÷ 120 =
/// 70 %" and the mean score.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Csat {
    /// Top of the scale (5 for 1–5).
    pub scale_max: u32,
    /// Lowest satisfied score, as given.
    pub satisfied_from: u32,
    /// Answers at or above `satisfied_from`.
    pub satisfied: u64,
    /// All answers.
    pub answers: u64,
    /// Satisfied ÷ answers × 100.
    pub csat: Percent,
    /// Mean score, between 1 and `scale_max`.
    pub mean_score: Decimal,
}

/// Customer satisfaction score and mean satisfaction.
///
/// **Definition.** CSAT = satisfied answers ÷ all answers × 100, where
/// satisfied means a score of at least `satisfied_from` (4 or 5 on a 1–5
/// scale by default, the "top-two-box" convention). Also returns the mean
/// score, which uses every answer instead of a cut-off. Undefined with no
/// answers ([`Undefined::NoAnswers`]). The scale must have 2 to 100 points
/// (error on `scale_max`) and the threshold must be on it (error on
/// `satisfied_from`).
///
/// **Source.** Farris, Bendle, Pfeifer & Reibstein (2010), *Marketing Metrics*,
/// 2nd ed., §2.7 "Customer Satisfaction" (share of customers in the top two
/// boxes); American Customer Satisfaction Index methodology for the mean.
///
/// # Example
/// ```
/// use cadran_core::metrics::csat::{csat, CsatInputs};
/// use cadran_core::Percent;
/// use rust_decimal_macros::dec;
/// // 1–5 scale: 6, 10, 20, 44 and 40 answers → (44 + 40) ÷ 120 = 70 %.
/// let c = csat(&CsatInputs { counts: vec![6, 10, 20, 44, 40], satisfied_from: 4 }).unwrap();
/// assert_eq!((c.satisfied, c.answers), (84, 120));
/// assert_eq!(c.csat, Percent(dec!(70)));
/// assert_eq!(c.mean_score, dec!(3.85)); // (6 + 20 + 60 + 176 + 200) ÷ 120 = 462 ÷ 120
/// ```
pub fn csat(i: &CsatInputs) -> Outcome<Csat> {
    let scale_max = distribution::scale_max("scale_max", &i.counts)?;
    let satisfied_from = distribution::on_scale("satisfied_from", i.satisfied_from, scale_max)?;
    let answers = distribution::count_where(&i.counts, |_| true)?;
    let satisfied = distribution::count_where(&i.counts, |s| s >= satisfied_from)?;
    let csat = percent_of(Decimal::from(satisfied), Decimal::from(answers), Undefined::NoAnswers)?;
    let mean_score = distribution::mean(&i.counts)?;
    Ok(Csat { scale_max, satisfied_from, satisfied, answers, csat, mean_score })
}

/// CSAT on the usual 1–5 scale with "satisfied" = 4 or 5.
///
/// # Example
/// ```
/// use cadran_core::metrics::csat::csat_five_point;
/// use cadran_core::Percent;
/// use rust_decimal_macros::dec;
/// assert_eq!(csat_five_point([0, 0, 1, 1, 2]).unwrap().csat, Percent(dec!(75)));
/// ```
pub fn csat_five_point(counts: [u64; 5]) -> Outcome<Csat> {
    csat(&CsatInputs { counts: counts.to_vec(), satisfied_from: 4 })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Field, InputError, InputProblem};
    use proptest::prelude::*;
    use rust_decimal_macros::dec;

    fn run(counts: &[u64], satisfied_from: u32) -> Outcome<Csat> {
        csat(&CsatInputs { counts: counts.to_vec(), satisfied_from })
    }

    #[test]
    fn csat_table() {
        let table: Vec<(&[u64], u32, Outcome<Percent>)> = vec![
            // Top-two-box on 1–5 (Farris et al. 2010).
            (&[6, 10, 20, 44, 40], 4, Ok(Percent(dec!(70)))),
            (&[6, 10, 20, 44, 40], 5, Ok(Percent(dec!(33.333333333333333333333333330)))),
            (&[0, 0, 0, 0, 1], 4, Ok(Percent(dec!(100)))), // one answer
            (&[1, 0, 0, 0, 0], 4, Ok(Percent(dec!(0)))),
            (&[0, 0, 0, 0, 0], 4, Err(Undefined::NoAnswers.into())),
            // 1–7 scale, satisfied = 6 or 7.
            (&[1, 1, 1, 1, 1, 3, 2], 6, Ok(Percent(dec!(50)))),
            // 1–10 scale, satisfied from 8.
            (&[0, 0, 0, 0, 0, 0, 1, 1, 1, 1], 8, Ok(Percent(dec!(75)))),
            (&[1, 1, 1, 1, 1], 0,
             Err(InputError::new(Field("satisfied_from"), InputProblem::OutOfRange { min: dec!(1), max: dec!(5) }).into())),
            (&[1, 1, 1, 1, 1], 6,
             Err(InputError::new(Field("satisfied_from"), InputProblem::OutOfRange { min: dec!(1), max: dec!(5) }).into())),
            (&[5], 1,
             Err(InputError::new(Field("scale_max"), InputProblem::OutOfRange { min: dec!(2), max: dec!(100) }).into())),
            (&[], 1,
             Err(InputError::new(Field("scale_max"), InputProblem::OutOfRange { min: dec!(2), max: dec!(100) }).into())),
            (&[u64::MAX, 1], 1, Err(Undefined::Overflow.into())),
        ];
        for (counts, from, expected) in table {
            assert_eq!(run(counts, from).map(|c| c.csat), expected, "counts {counts:?}, satisfied from {from}");
        }
    }

    #[test]
    fn mean_score_table() {
        let table: [(&[u64], Decimal); 4] = [
            (&[6, 10, 20, 44, 40], dec!(3.85)),
            (&[0, 0, 0, 0, 3], dec!(5)),
            (&[1, 0, 0, 0, 0], dec!(1)),
            (&[1, 1], dec!(1.5)),
        ];
        for (counts, expected) in table {
            assert_eq!(run(counts, 2).map(|c| c.mean_score), Ok(expected), "counts {counts:?}");
        }
    }

    #[test]
    fn default_is_an_empty_five_point_survey() {
        assert_eq!(csat(&CsatInputs::default()), Err(Undefined::NoAnswers.into()));
    }

    proptest! {
        /// CSAT ∈ [0, 100] and the mean lies on the scale; never a panic.
        #[test]
        fn invariants(counts in proptest::collection::vec(any::<u64>().prop_map(|n| n >> (n % 64)), 0..12),
                      from in 0u32..13) {
            if let Ok(c) = run(&counts, from) {
                prop_assert!(c.csat >= Percent::ZERO && c.csat <= Percent::HUNDRED, "{counts:?} → {}", c.csat);
                prop_assert!(c.mean_score >= Decimal::ONE && c.mean_score <= Decimal::from(c.scale_max),
                             "{counts:?} → mean {}", c.mean_score);
                prop_assert!(c.satisfied <= c.answers);
            }
        }
    }
}
