//! Everything the A/B-test card shows, from one input struct.

use super::bayes::{bayesian_reading, BayesianStat};
use super::conversion::{conversion_test, ConversionInputs, ConversionTest};
use super::input::{Confidence, Sides};
use super::money::{lift_interval_to_money, LiftMoneyRange, MoneyInputs};
use super::revenue::{welch_test, RevenueGroup, RevenueInputs, WelchStat};
use super::srm::{sample_ratio_mismatch, SrmStat};
use super::verdict::Verdict;
use crate::{Decimal, Outcome, Percent};
use serde::{Deserialize, Serialize};

/// Revenue per visitor of both versions, for [`AbInputs::revenue`].
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(default)]
pub struct RevenuePair {
    /// A's (the control's) revenue per visitor. Visitors 0: A's visitors
    /// of the conversion test.
    pub a: RevenueGroup,
    /// B's (the variant's). Visitors 0: B's visitors of the conversion test.
    pub b: RevenueGroup,
}

/// What the A/B-test card asks for (saved by the app, so every field has a
/// default). The plan of a future test is a separate call,
/// [`super::plan_test`] with [`super::PlanInputs`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(default)]
pub struct AbInputs {
    /// Visitors who saw A (the control).
    pub visitors_a: Decimal,
    /// A's conversions.
    pub conversions_a: Decimal,
    /// Visitors who saw B (the variant).
    pub visitors_b: Decimal,
    /// B's conversions.
    pub conversions_b: Decimal,
    /// Confidence level of every test and interval.
    pub confidence: Confidence,
    /// One- or two-sided (one-sided: only "B better" can be concluded).
    pub sides: Sides,
    /// The share of visitors meant to see A (50 % for an even split), for
    /// the sample-ratio check.
    pub intended_share_a: Percent,
    /// Revenue per visitor, if the user has it; `None` hides that part.
    pub revenue: Option<RevenuePair>,
    /// The user's traffic, ARPA and CLV, to turn the lift into money;
    /// `None` hides that part.
    pub money: Option<MoneyInputs>,
}

impl Default for AbInputs {
    fn default() -> Self {
        Self {
            visitors_a: Decimal::ZERO,
            conversions_a: Decimal::ZERO,
            visitors_b: Decimal::ZERO,
            conversions_b: Decimal::ZERO,
            confidence: Confidence::default(),
            sides: Sides::default(),
            intended_share_a: Percent(Decimal::from(50)),
            revenue: None,
            money: None,
        }
    }
}

impl AbInputs {
    /// The conversion test's part of the inputs.
    #[must_use]
    pub fn conversion_inputs(&self) -> ConversionInputs {
        ConversionInputs {
            visitors_a: self.visitors_a,
            conversions_a: self.conversions_a,
            visitors_b: self.visitors_b,
            conversions_b: self.conversions_b,
            confidence: self.confidence,
            sides: self.sides,
        }
    }
}

/// The card's conclusion, in the order a reader needs it: a broken split
/// first, then the conversion test's verdict with the figures the sentence
/// quotes. **Statistics: `f64`** (intervals and p-value).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub enum AbVerdict {
    /// The traffic split is not the one intended (sample-ratio mismatch,
    /// p < [`super::SRM_ALPHA`]): no result of this test can be trusted until
    /// the cause is found (a redirect losing visitors, bots, a bucketing bug).
    SplitBroken {
        /// The sample-ratio test's p-value.
        srm_p_value: f64,
        /// A's observed share of the visitors, exact.
        observed_share_a: Percent,
        /// A's intended share.
        intended_share_a: Percent,
    },
    /// B converts better than A, significantly at `confidence`.
    BBetter {
        /// Lower bound of the absolute lift (B − A), percentage points.
        lift_low: f64,
        /// Upper bound, percentage points.
        lift_high: f64,
        /// Confidence level of the interval.
        confidence: Confidence,
        /// One-sided: `lift_low` is the one-sided bound (see
        /// [`super::conversion_test`]).
        sides: Sides,
    },
    /// A converts better than B, significantly (two-sided tests only).
    ABetter {
        /// Lower bound of the absolute lift (B − A, negative), points.
        lift_low: f64,
        /// Upper bound (negative), points.
        lift_high: f64,
        /// Confidence level of the interval.
        confidence: Confidence,
    },
    /// The difference may be noise: keep the test running.
    NoConclusion {
        /// About how many more visitors each version needs (see
        /// [`Verdict::NoConclusion`]).
        more_visitors_per_version: Option<u64>,
    },
}

/// Every part of the card. Each is computed on its own, so one undefined part
/// (no revenue given, no conversion at all) never blanks the others.
#[derive(Debug, Clone, PartialEq)]
pub struct AbReport {
    /// The conversion test: which test ran (N−1 χ² or Fisher), both rates,
    /// absolute and relative lift with intervals, p-value.
    pub conversion: Outcome<ConversionTest>,
    /// What to say, broken split first.
    pub verdict: Outcome<AbVerdict>,
    /// P(B > A) and the expected loss of each choice.
    pub bayes: Outcome<BayesianStat>,
    /// The sample-ratio check against `intended_share_a`.
    pub srm: Outcome<SrmStat>,
    /// Welch's test on revenue per visitor; `None` when no revenue was given.
    pub revenue: Option<Outcome<WelchStat>>,
    /// The lift and its interval in customers and money; `None` when no
    /// money inputs were given.
    pub money: Option<Outcome<LiftMoneyRange>>,
}

/// Computes every part of the A/B-test card.
///
/// **Definition.** [`conversion_test`] (the N−1 two-proportion test, or
/// Fisher's exact test when an expected count is below 5, with
/// adjusted-Wald and Katz intervals), [`bayesian_reading`] (Beta(1, 1)
/// priors, exact sums), [`sample_ratio_mismatch`] against
/// `intended_share_a`, [`welch_test`] on revenue when given, and
/// [`lift_interval_to_money`] on the absolute lift's interval when money
/// inputs are given. The verdict is [`AbVerdict::SplitBroken`] whenever the
/// split is flagged, whatever the conversion test says — Kohavi, Tang & Xu
/// (2020), *Trustworthy Online Controlled Experiments*, ch. 3 and 21: a
/// sample-ratio mismatch invalidates the experiment's metrics; otherwise it
/// is the conversion test's, with its interval. The verdict is an error
/// when the split cannot be checked (the SRM check's error) or the
/// conversion test is undefined (its error).
///
/// **Sources.** Sauro, J. & Lewis, J. R. (2016), *Quantifying the User
/// Experience*, 2nd ed., ch. 5 (N−1 two-proportion test and adjusted-Wald
/// interval for between-subjects A/B tests); Campbell (2007); Kohavi et al.
/// (2020); Miller (2015); Welch (1947) — see each function.
///
/// # Example
/// 144 of 1 200 visitors convert on A and 192 of 1 200 on B: Pearson's
/// z = 2.824, p = 0.0047 (as R's `prop.test(c(192, 144), c(1200, 1200),
/// correct = FALSE)` gives, χ² = 7.97); the N−1 test scales χ² by
/// 2 399 ÷ 2 400, p = 0.0048. B is better by +4 points; the split is 50/50
/// (SRM p = 1). Then the textbook SRM case of Kohavi et al. (2020, ch. 3):
/// 821 588 vs 815 482 visitors in a 50/50 test, p = 1.8 × 10⁻⁶ — the
/// verdict is that the test is broken, even though B converts better.
/// ```
/// use cadran_core::metrics::ab_test::{report, AbInputs, AbVerdict, TestUsed};
/// use rust_decimal_macros::dec;
/// let r = report(&AbInputs {
///     visitors_a: dec!(1200), conversions_a: dec!(144),
///     visitors_b: dec!(1200), conversions_b: dec!(192),
///     ..AbInputs::default()
/// });
/// let t = r.conversion.as_ref().unwrap();
/// assert_eq!(t.test, TestUsed::NMinusOneChiSquare);
/// assert!((t.p_value - 0.0048).abs() < 1e-4);
/// let Ok(AbVerdict::BBetter { lift_low, lift_high, .. }) = r.verdict else { panic!("{:?}", r.verdict) };
/// assert!(0.0 < lift_low && lift_low < 4.0 && 4.0 < lift_high);
/// assert!(r.bayes.unwrap().prob_b_beats_a > 0.99);
/// assert_eq!(r.srm.unwrap().p_value, 1.0);
/// assert!(r.revenue.is_none() && r.money.is_none());
///
/// let broken = report(&AbInputs {
///     visitors_a: dec!(821588), conversions_a: dec!(16432),
///     visitors_b: dec!(815482), conversions_b: dec!(17940),
///     ..AbInputs::default()
/// });
/// let Ok(AbVerdict::SplitBroken { srm_p_value, .. }) = broken.verdict else { panic!() };
/// assert!((srm_p_value - 1.8e-6).abs() < 0.05e-6);
/// ```
#[must_use]
pub fn report(inputs: &AbInputs) -> AbReport {
    let conv_inputs = inputs.conversion_inputs();
    let conversion = conversion_test(&conv_inputs);
    let srm = sample_ratio_mismatch(inputs.visitors_a, inputs.visitors_b, inputs.intended_share_a);
    let verdict = verdict(&srm, &conversion, inputs.intended_share_a);
    let revenue = inputs.revenue.map(|r| {
        let fill = |g: RevenueGroup, visitors: Decimal| RevenueGroup { visitors: if g.visitors.is_zero() { visitors } else { g.visitors }, ..g };
        welch_test(&RevenueInputs {
            a: fill(r.a, inputs.visitors_a),
            b: fill(r.b, inputs.visitors_b),
            confidence: inputs.confidence,
            sides: inputs.sides,
        })
    });
    let money = inputs.money.map(|m| conversion.as_ref().map_err(Clone::clone).and_then(|t| lift_interval_to_money(&t.absolute_lift, &m)));
    AbReport { bayes: bayesian_reading(&conv_inputs), conversion, verdict, srm, revenue, money }
}

fn verdict(srm: &Outcome<SrmStat>, conversion: &Outcome<ConversionTest>, intended_share_a: Percent) -> Outcome<AbVerdict> {
    let s = srm.as_ref().map_err(Clone::clone)?;
    if s.mismatch {
        return Ok(AbVerdict::SplitBroken { srm_p_value: s.p_value, observed_share_a: s.observed_share_a, intended_share_a });
    }
    let t = conversion.as_ref().map_err(Clone::clone)?;
    let (lift_low, lift_high) = (t.absolute_lift.low, t.absolute_lift.high);
    Ok(match t.verdict {
        Verdict::BBetter => AbVerdict::BBetter { lift_low, lift_high, confidence: t.confidence, sides: t.sides },
        Verdict::ABetter => AbVerdict::ABetter { lift_low, lift_high, confidence: t.confidence },
        Verdict::NoConclusion { more_visitors_per_version } => AbVerdict::NoConclusion { more_visitors_per_version },
    })
}

#[cfg(test)]
#[path = "report/tests.rs"]
mod tests;
