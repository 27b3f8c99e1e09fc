//! Customer effort score (CES): how easy customers found it to get their issue
//! handled, usually "The company made it easy for me to handle my issue",
//! answered from 1 (strongly disagree) to 7 (strongly agree).

use super::distribution;
use crate::arith::percent_of;
use crate::{Outcome, Percent, Undefined};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// Which end of the scale means "easy".
///
/// CES 2.0 asks customers to agree with "the company made it easy", so a high
/// score is easy ([`EasyEnd::High`], the default). The original CES 1.0 asked
/// "how much effort did you personally have to put forth?", where a low score
/// is easy ([`EasyEnd::Low`]). Mixing the two inverts the metric, hence the
/// explicit parameter.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum EasyEnd {
    /// High scores mean easy (CES 2.0 agreement wording).
    #[default]
    High,
    /// Low scores mean easy (CES 1.0 effort wording).
    Low,
}

/// Answers to an effort survey and how to read them.
///
/// `counts[k]` is the number of answers of score `k + 1`: the scale is
/// `1..=counts.len()` (7 counts for the usual 1–7 scale).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct CesInputs {
    /// Answers per score, from score 1 to the top of the scale (2 to 100 scores).
    pub counts: Vec<u64>,
    /// Which end of the scale means easy.
    pub easy_end: EasyEnd,
    /// With [`EasyEnd::High`], answers **at or above** this score are easy
    /// (5 of 7 by default: "somewhat agree" or better); with [`EasyEnd::Low`],
    /// answers **at or below** it are (use 3 of 7 for the mirror image).
    pub easy_threshold: u32,
}

impl Default for CesInputs {
    fn default() -> Self {
        Self { counts: vec![0; 7], easy_end: EasyEnd::High, easy_threshold: 5 }
    }
}

/// CES with its intermediate values, for "CES = 5.4 / 7; 80 ÷ 100 = 80 % found
/// it easy".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Ces {
    /// Top of the scale (7 for 1–7).
    pub scale_max: u32,
    /// Which end means easy, as given.
    pub easy_end: EasyEnd,
    /// Easy threshold, as given.
    pub easy_threshold: u32,
    /// All answers.
    pub answers: u64,
    /// Answers on the easy side of the threshold.
    pub easy_answers: u64,
    /// The CES: mean score, between 1 and `scale_max`.
    pub mean_score: Decimal,
    /// Easy answers ÷ answers × 100.
    pub easy_share: Percent,
}

/// Customer effort score: mean score and share of "easy" answers.
///
/// **Definition.** CES = the mean of the answers on a 1–7 scale (configurable);
/// whether high or low is good depends on the wording ([`EasyEnd`]). The share
/// of easy answers = answers on the easy side of `easy_threshold` ÷ all
/// answers × 100 (≥ 5 of 7 by default). Undefined with no answers
/// ([`Undefined::NoAnswers`]); the scale must have 2 to 100 points and the
/// threshold must be on it.
///
/// **Source.** Dixon, M., Freeman, K. & Toman, N. (2010), "Stop Trying to
/// Delight Your Customers", *Harvard Business Review* 88(7–8) (CES 1.0);
/// CEB / Gartner (2013), *The Effortless Experience* and CES 2.0 ("The company
/// made it easy for me to handle my issue", 1 = strongly disagree, 7 =
/// strongly agree).
///
/// # Example
/// ```
/// use cadran_core::metrics::ces::{ces, CesInputs, EasyEnd};
/// use cadran_core::Percent;
/// use rust_decimal_macros::dec;
/// // 10 answers: two 3s, two 4s, three 6s, three 7s.
/// let c = ces(&CesInputs {
///     counts: vec![0, 0, 2, 2, 0, 3, 3], easy_end: EasyEnd::High, easy_threshold: 5,
/// }).unwrap();
/// assert_eq!(c.mean_score, dec!(5.3)); // (6 + 8 + 18 + 21) ÷ 10
/// assert_eq!(c.easy_share, Percent(dec!(60)));
/// ```
pub fn ces(i: &CesInputs) -> Outcome<Ces> {
    let scale_max = distribution::scale_max("scale_max", &i.counts)?;
    let threshold = distribution::on_scale("easy_threshold", i.easy_threshold, scale_max)?;
    let answers = distribution::count_where(&i.counts, |_| true)?;
    let easy_answers = distribution::count_where(&i.counts, |s| match i.easy_end {
        EasyEnd::High => s >= threshold,
        EasyEnd::Low => s <= threshold,
    })?;
    let easy_share = percent_of(Decimal::from(easy_answers), Decimal::from(answers), Undefined::NoAnswers)?;
    Ok(Ces {
        scale_max,
        easy_end: i.easy_end,
        easy_threshold: threshold,
        answers,
        easy_answers,
        mean_score: distribution::mean(&i.counts)?,
        easy_share,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Field, InputError, InputProblem};
    use proptest::prelude::*;
    use rust_decimal_macros::dec;

    fn run(counts: &[u64], easy_end: EasyEnd, easy_threshold: u32) -> Outcome<Ces> {
        ces(&CesInputs { counts: counts.to_vec(), easy_end, easy_threshold })
    }

    #[test]
    fn ces_table() {
        let survey: &[u64] = &[0, 0, 2, 2, 0, 3, 3];
        type Case<'a> = (&'a [u64], EasyEnd, u32, Outcome<(Decimal, Percent)>);
        let table: Vec<Case> = vec![
            (survey, EasyEnd::High, 5, Ok((dec!(5.3), Percent(dec!(60))))),
            (survey, EasyEnd::High, 7, Ok((dec!(5.3), Percent(dec!(30))))),
            // CES 1.0 wording: low = easy, ≤ 3 of 7.
            (survey, EasyEnd::Low, 3, Ok((dec!(5.3), Percent(dec!(20))))),
            (&[0, 0, 0, 0, 0, 0, 1], EasyEnd::High, 5, Ok((dec!(7), Percent(dec!(100))))), // one answer
            (&[0; 7], EasyEnd::High, 5, Err(Undefined::NoAnswers.into())),
            (survey, EasyEnd::High, 8,
             Err(InputError::new(Field("easy_threshold"), InputProblem::OutOfRange { min: dec!(1), max: dec!(7) }).into())),
            (&[1], EasyEnd::High, 1,
             Err(InputError::new(Field("scale_max"), InputProblem::OutOfRange { min: dec!(2), max: dec!(100) }).into())),
        ];
        for (counts, end, threshold, expected) in table {
            assert_eq!(
                run(counts, end, threshold).map(|c| (c.mean_score, c.easy_share)),
                expected,
                "counts {counts:?}, easy end {end:?}, threshold {threshold}"
            );
        }
    }

    #[test]
    fn defaults_follow_ces_2() {
        let d = CesInputs::default();
        assert_eq!((d.counts.len(), d.easy_end, d.easy_threshold), (7, EasyEnd::High, 5));
    }

    proptest! {
        /// Easy share ∈ [0, 100], mean on the scale; never a panic.
        #[test]
        fn invariants(counts in proptest::collection::vec(any::<u64>().prop_map(|n| n >> (n % 64)), 0..12),
                      t in 0u32..13, low in any::<bool>()) {
            let end = if low { EasyEnd::Low } else { EasyEnd::High };
            if let Ok(c) = run(&counts, end, t) {
                prop_assert!(c.easy_share >= Percent::ZERO && c.easy_share <= Percent::HUNDRED);
                prop_assert!(c.mean_score >= Decimal::ONE && c.mean_score <= Decimal::from(c.scale_max));
                prop_assert!(c.easy_answers <= c.answers);
            }
        }
    }
}
