//! Survey answers as scores (NPS, CSAT, CES) with their margins of error.

use crate::ingest::survey::{Distribution, Scale};
use crate::metrics::ces::{ces, Ces, CesInputs};
use crate::metrics::csat::{csat, Csat, CsatInputs};
use crate::metrics::nps::{margin_of_error, nps, MarginOfError, Nps, NpsCounts, MIN_ANSWERS_FOR_MARGIN};
use crate::{Outcome, Undefined};
use rust_decimal::Decimal;

/// z-value of a two-sided 95 % confidence interval under the normal law.
const Z_95: f64 = 1.96;

/// The score of a set of survey answers, on the survey's scale.
#[derive(Debug, Clone, PartialEq)]
pub enum SurveyScore {
    /// 0–10 answers: NPS and its margin of error.
    Nps {
        /// See [`nps`].
        score: Outcome<Nps>,
        /// See [`margin_of_error`].
        margin: Outcome<MarginOfError>,
    },
    /// 1–5 answers: CSAT (satisfied = 4 or 5) and the margin of its share.
    Csat {
        /// See [`csat`].
        score: Outcome<Csat>,
        /// See [`share_margin`].
        margin: Outcome<ShareMargin>,
    },
    /// 1–7 answers: CES (mean score; easy = 5 or more) and the margin of the easy share.
    Ces {
        /// See [`ces`].
        score: Outcome<Ces>,
        /// See [`share_margin`].
        margin: Outcome<ShareMargin>,
    },
}

impl SurveyScore {
    /// The headline number: NPS in points, CSAT in percent, CES mean score.
    ///
    /// # Errors
    /// The formula's reason when it is undefined (no answers…).
    pub fn headline(&self) -> Outcome<Decimal> {
        match self {
            SurveyScore::Nps { score, .. } => score.as_ref().map(|n| n.nps).map_err(Clone::clone),
            SurveyScore::Csat { score, .. } => score.as_ref().map(|c| c.csat.0).map_err(Clone::clone),
            SurveyScore::Ces { score, .. } => score.as_ref().map(|c| c.mean_score).map_err(Clone::clone),
        }
    }
}

/// Scores a distribution of answers on its scale, with the card defaults
/// (CSAT: 4 and 5 of 5 are satisfied; CES: 5 to 7 of 7 are easy).
///
/// **Definition.** See [`nps`], [`csat`] and [`ces`]; the distribution's
/// `counts[s]` are the answers of score `s`.
///
/// # Example
/// ```
/// use cadran_core::ingest::kpis::{survey_score, SurveyScore};
/// use cadran_core::ingest::survey::{Distribution, Scale};
/// use rust_decimal_macros::dec;
/// // 2 detractors (3, 6), 1 passive (8), 3 promoters (9, 10, 10).
/// let d = Distribution { counts: [0, 0, 0, 1, 0, 0, 1, 0, 1, 1, 2] };
/// assert_eq!(survey_score(Scale::ZeroToTen, &d).headline(), Ok(dec!(16.666666666666666666666666670)));
/// ```
#[must_use]
pub fn survey_score(scale: Scale, d: &Distribution) -> SurveyScore {
    let (lo, hi) = scale.bounds();
    let counts: Vec<u64> = d.counts.get(usize::from(lo)..=usize::from(hi)).map(<[u64]>::to_vec).unwrap_or_default();
    match scale {
        Scale::ZeroToTen => match NpsCounts::from_distribution(&d.counts) {
            Ok(c) => SurveyScore::Nps { score: nps(&c), margin: margin_of_error(&c) },
            Err(e) => SurveyScore::Nps { score: Err(e.clone()), margin: Err(e) },
        },
        Scale::OneToFive => {
            let score = csat(&CsatInputs { counts, ..CsatInputs::default() });
            let margin = score.as_ref().map_err(Clone::clone).and_then(|c| share_margin(c.satisfied, c.answers));
            SurveyScore::Csat { score, margin }
        }
        Scale::OneToSeven => {
            let score = ces(&CesInputs { counts, ..CesInputs::default() });
            let margin = score.as_ref().map_err(Clone::clone).and_then(|c| share_margin(c.easy_answers, c.answers));
            SurveyScore::Ces { score, margin }
        }
    }
}

/// The 95 % margin of error of a share (CSAT, share of easy answers), in
/// percentage points. **Approximate**: floating point, normal approximation;
/// show it rounded.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ShareMargin {
    /// Half-width of the 95 % interval, in points (share ± this).
    pub value: f64,
    /// The share, in percent.
    pub share: f64,
    /// Number of answers.
    pub answers: u64,
}

impl ShareMargin {
    /// The 95 % interval `(low, high)`, clipped to [0, 100].
    #[must_use]
    pub fn interval(&self) -> (f64, f64) {
        ((self.share - self.value).max(0.0), (self.share + self.value).min(100.0))
    }
}

/// Margin of error of a share at 95 % confidence.
///
/// **Definition.** With `k` of `n` answers in the share, p = k ÷ n, the
/// margin is 1.96 × √(p (1 − p) ÷ n) × 100 points (the Wald interval of a
/// binomial proportion). [`Undefined::NoAnswers`] with no answers;
/// [`Undefined::TooFewAnswers`] below 30 answers, for the same reason as the
/// NPS ([`MIN_ANSWERS_FOR_MARGIN`]).
///
/// **Source.** Agresti, A. & Coull, B. A. (1998), "Approximate Is Better than
/// 'Exact' for Interval Estimation of Binomial Proportions", *The American
/// Statistician* 52(2) (the Wald interval and when it is adequate).
///
/// # Example
/// ```
/// use cadran_core::ingest::kpis::share_margin;
/// // 80 satisfied of 100: √(0.8 × 0.2 ÷ 100) = 0.04 → ± 7.84 points.
/// let m = share_margin(80, 100).unwrap();
/// assert!((m.value - 7.84).abs() < 1e-9);
/// ```
///
/// # Errors
/// As above; `k > n` is reported as [`Undefined::Unreachable`].
pub fn share_margin(k: u64, n: u64) -> Outcome<ShareMargin> {
    if n == 0 {
        return Err(Undefined::NoAnswers.into());
    }
    if k > n {
        return Err(Undefined::Unreachable.into());
    }
    if n < MIN_ANSWERS_FOR_MARGIN {
        return Err(Undefined::TooFewAnswers { have: n, need: MIN_ANSWERS_FOR_MARGIN }.into());
    }
    // Counts far below 2⁵³: exact enough for an approximation.
    #[allow(clippy::cast_precision_loss)]
    let (p, nf) = (k as f64 / n as f64, n as f64);
    Ok(ShareMargin { value: Z_95 * (p * (1.0 - p) / nf).sqrt() * 100.0, share: p * 100.0, answers: n })
}
