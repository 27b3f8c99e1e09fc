//! Two proportions: does B convert better than A?

use super::input::{Confidence, Group, Sides};
use super::interval::IntervalStat;
use super::plan::visitors_per_version_f64;
use super::verdict::Verdict;
use crate::arith::percent_of;
use crate::stats::{fisher_exact, normal_quantile, normal_sf};
use crate::{Decimal, Outcome, Percent, Undefined};
use serde::{Deserialize, Serialize};

/// Fisher's exact test runs instead of the N−1 chi-square test when an
/// expected cell count is below this.
///
/// Cochran's classic rule (5) rather than Campbell's 1: Campbell (2007)
/// found the N−1 test accurate down to an expected count of 1, so 5 errs on
/// the side of the exact, slightly conservative test.
pub const FISHER_BELOW_EXPECTED: f64 = 5.0;

/// What a conversion test needs: each version's counts as typed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(default)]
pub struct ConversionInputs {
    /// Visitors who saw A (the control).
    pub visitors_a: Decimal,
    /// A's conversions.
    pub conversions_a: Decimal,
    /// Visitors who saw B (the variant).
    pub visitors_b: Decimal,
    /// B's conversions.
    pub conversions_b: Decimal,
    /// Confidence level.
    pub confidence: Confidence,
    /// One- or two-sided.
    pub sides: Sides,
}

/// Which test gave the p-value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum TestUsed {
    /// The N−1 two-proportion (chi-square) test (Campbell 2007).
    NMinusOneChiSquare,
    /// Fisher's exact test, because an expected count was below
    /// [`FISHER_BELOW_EXPECTED`].
    FisherExact,
}

/// The result of a conversion test.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ConversionTest {
    /// A's validated counts.
    pub a: Group,
    /// B's validated counts.
    pub b: Group,
    /// A's conversion rate, exact.
    pub rate_a: Percent,
    /// B's conversion rate, exact.
    pub rate_b: Percent,
    /// B − A in percentage points, with its adjusted-Wald interval
    /// (Agresti & Caffo 2000). **Statistic: `f64`.**
    pub absolute_lift: IntervalStat,
    /// B ÷ A − 1 in percent, with the log (Katz) interval; undefined when a
    /// version has no conversion. **Statistic: `f64`.**
    pub relative_lift: Result<IntervalStat, Undefined>,
    /// The p-value of the test that ran. **Statistic: `f64`**, in [0, 1].
    pub p_value: f64,
    /// The N−1 test's z (its χ² is z²); `None` when Fisher's test ran.
    /// **Statistic: `f64`.**
    pub z: Option<f64>,
    /// Which test ran.
    pub test: TestUsed,
    /// The smallest expected cell count of the 2×2 table. **Statistic: `f64`.**
    pub smallest_expected: f64,
    /// Confidence level used.
    pub confidence: Confidence,
    /// One- or two-sided.
    pub sides: Sides,
    /// What this lets one say.
    pub verdict: Verdict,
}

/// Compares A's and B's conversion rates.
///
/// **Definition.** With xᵢ conversions of nᵢ visitors, pᵢ = xᵢ ÷ nᵢ, N = n_A +
/// n_B and P the pooled rate (x_A + x_B) ÷ N, the **N−1 two-proportion test**
/// is z = (p_B − p_A) ÷ √(P(1 − P)(1/n_A + 1/n_B)) × √((N − 1) ÷ N), i.e.
/// Pearson's χ² scaled by (N − 1) ÷ N; p = 2(1 − Φ(|z|)) two-sided, 1 − Φ(z)
/// one-sided (H₁: B better). When an expected count n_i × (conversions or
/// non-conversions) ÷ N is below [`FISHER_BELOW_EXPECTED`], **Fisher's exact
/// test** ([`crate::stats::fisher_exact`]) gives p instead.
///
/// The absolute lift's interval is the **adjusted Wald** one: add one
/// conversion and one non-conversion to each version, p̃ᵢ = (xᵢ + 1) ÷ (nᵢ + 2),
/// then (p̃_B − p̃_A) ± z √(p̃_A(1 − p̃_A)/(n_A + 2) + p̃_B(1 − p̃_B)/(n_B + 2)).
/// The relative lift's is exp(ln(p_B/p_A) ± z √(1/x_B − 1/n_B + 1/x_A −
/// 1/n_A)) − 1. Both are two-sided at the confidence level for a two-sided
/// test; for a one-sided test they are the two-sided (1 − 2α) intervals, whose
/// lower bound is the one-sided bound.
///
/// A verdict of "no conclusion" carries the visitors per version still needed
/// to detect the observed difference with 80 % power ([`super::plan`]).
///
/// Undefined when both rates are 0 % ([`Undefined::NoConversions`]) or both
/// 100 % ([`Undefined::AllConverted`]). Counts are validated by
/// [`Group::new`] (fields `visitors_a`, `conversions_a`, `visitors_b`,
/// `conversions_b`).
///
/// **Sources.** Campbell, I. (2007), "Chi-squared and Fisher–Irwin tests of
/// two-by-two tables with small sample recommendations", *Statistics in
/// Medicine* 26(19), 3661–3675; recommended by Sauro, J. & Lewis, J. R.
/// (2016), *Quantifying the User Experience*, 2nd ed., ch. 5. Agresti, A. &
/// Caffo, B. (2000), "Simple and effective confidence intervals for
/// proportions and differences of proportions result from adding two
/// successes and two failures", *The American Statistician* 54(4). Katz, D.
/// et al. (1978), "Obtaining confidence intervals for the risk ratio in
/// cohort studies", *Biometrics* 34(3).
///
/// # Example
/// 144 of 1 200 visitors convert on A, 192 of 1 200 on B: the classical
/// two-proportion z is 2.824 (p = 0.0047); the N−1 test scales it by
/// √(2 399 ÷ 2 400).
/// ```
/// use cadran_core::metrics::ab_test::{conversion_test, ConversionInputs, TestUsed, Verdict};
/// use cadran_core::Percent;
/// use rust_decimal_macros::dec;
/// let t = conversion_test(&ConversionInputs {
///     visitors_a: dec!(1200), conversions_a: dec!(144),
///     visitors_b: dec!(1200), conversions_b: dec!(192),
///     ..ConversionInputs::default()
/// }).unwrap();
/// assert_eq!((t.rate_a, t.rate_b), (Percent(dec!(12)), Percent(dec!(16))));
/// assert_eq!(t.test, TestUsed::NMinusOneChiSquare);
/// assert!((t.z.unwrap() - 2.8239 * (2399.0f64 / 2400.0).sqrt()).abs() < 1e-3);
/// assert!((t.p_value - 0.0048).abs() < 1e-4);
/// assert_eq!(t.verdict, Verdict::BBetter);
/// assert!(t.absolute_lift.low > 0.0 && (t.absolute_lift.estimate - 4.0).abs() < 1e-12);
/// ```
pub fn conversion_test(inputs: &ConversionInputs) -> Outcome<ConversionTest> {
    let a = Group::new("visitors_a", inputs.visitors_a, "conversions_a", inputs.conversions_a)?;
    let b = Group::new("visitors_b", inputs.visitors_b, "conversions_b", inputs.conversions_b)?;
    let conversions = a.conversions + b.conversions; // ≤ 2 × 10¹²
    let visitors = a.visitors + b.visitors;
    if conversions == 0 {
        return Err(Undefined::NoConversions.into());
    }
    if conversions == visitors {
        return Err(Undefined::AllConverted.into());
    }
    let rate = |g: Group| percent_of(Decimal::from(g.conversions), Decimal::from(g.visitors), Undefined::NoCustomers);
    let (confidence, sides) = (inputs.confidence, inputs.sides);
    let z_crit = sides.critical_z(confidence);
    #[allow(clippy::cast_precision_loss)] // counts ≤ 2 × 10¹² < 2⁵³: exact
    let (n, x) = (visitors as f64, conversions as f64);
    #[allow(clippy::cast_precision_loss)]
    let smallest_expected = (a.visitors.min(b.visitors) as f64) * x.min(n - x) / n;

    let (pa, pb) = (a.rate_f64(), b.rate_f64());
    let fisher = if smallest_expected < FISHER_BELOW_EXPECTED { fisher_p(a, b, sides) } else { None };
    let (z, p_value, test) = match fisher {
        Some(p) => (None, p, TestUsed::FisherExact),
        None => {
            let z = n_minus_one_z(a, b).ok_or(Undefined::NotComputable)?;
            let p = match sides {
                Sides::TwoSided => 2.0 * normal_sf(z.abs()).ok_or(Undefined::NotComputable)?,
                Sides::OneSided => normal_sf(z).ok_or(Undefined::NotComputable)?,
            };
            (Some(z), p.clamp(0.0, 1.0), TestUsed::NMinusOneChiSquare)
        }
    };
    let absolute_lift = adjusted_wald(a, b, z_crit).ok_or(Undefined::NotComputable)?;
    let relative_lift = katz_relative(a, b, z_crit);
    let significant = p_value < confidence.alpha();
    let verdict = match (significant, sides) {
        (true, _) if pb > pa => Verdict::BBetter,
        (true, Sides::TwoSided) if pb < pa => Verdict::ABetter,
        _ => Verdict::NoConclusion { more_visitors_per_version: more_visitors(a, b, confidence, sides) },
    };
    Ok(ConversionTest {
        a,
        b,
        rate_a: rate(a)?,
        rate_b: rate(b)?,
        absolute_lift,
        relative_lift,
        p_value,
        z,
        test,
        smallest_expected,
        confidence,
        sides,
        verdict,
    })
}

/// The N−1 test's z (B − A); `None` if the pooled variance is zero.
#[allow(clippy::cast_precision_loss)]
fn n_minus_one_z(a: Group, b: Group) -> Option<f64> {
    let (na, nb) = (a.visitors as f64, b.visitors as f64);
    let n = na + nb;
    let pooled = (a.conversions + b.conversions) as f64 / n;
    let se = (pooled * (1.0 - pooled) * (1.0 / na + 1.0 / nb)).sqrt();
    let z = (b.rate_f64() - a.rate_f64()) / se * ((n - 1.0) / n).sqrt();
    (se > 0.0 && z.is_finite()).then_some(z)
}

/// Fisher's p for the table [[x_B, n_B − x_B], [x_A, n_A − x_A]]: one-sided
/// is P(B's conversions ≥ observed).
fn fisher_p(a: Group, b: Group, sides: Sides) -> Option<f64> {
    let f = fisher_exact(b.conversions, b.visitors - b.conversions, a.conversions, a.visitors - a.conversions)?;
    Some(match sides {
        Sides::TwoSided => f.two_sided,
        Sides::OneSided => f.greater,
    })
}

/// Adjusted-Wald interval on B − A, in points.
#[allow(clippy::cast_precision_loss)]
fn adjusted_wald(a: Group, b: Group, z: f64) -> Option<IntervalStat> {
    let adj = |g: Group| ((g.conversions as f64 + 1.0) / (g.visitors as f64 + 2.0), g.visitors as f64 + 2.0);
    let ((qa, ma), (qb, mb)) = (adj(a), adj(b));
    let half = z * (qa * (1.0 - qa) / ma + qb * (1.0 - qb) / mb).sqrt();
    let centre = qb - qa;
    IntervalStat::new((b.rate_f64() - a.rate_f64()) * 100.0, (centre - half) * 100.0, (centre + half) * 100.0)
}

/// Katz log interval on B ÷ A − 1, in percent.
#[allow(clippy::cast_precision_loss)]
fn katz_relative(a: Group, b: Group, z: f64) -> Result<IntervalStat, Undefined> {
    if a.conversions == 0 {
        return Err(Undefined::ZeroBase);
    }
    if b.conversions == 0 {
        return Err(Undefined::NoConversions);
    }
    let inv = |x: u64| 1.0 / x as f64;
    let se = (inv(b.conversions) - inv(b.visitors) + inv(a.conversions) - inv(a.visitors)).max(0.0).sqrt();
    let ratio = b.rate_f64() / a.rate_f64();
    let ln = ratio.ln();
    let pct = |r: f64| (r - 1.0) * 100.0;
    IntervalStat::new(pct(ratio), pct((ln - z * se).exp()), pct((ln + z * se).exp())).ok_or(Undefined::NotComputable)
}

/// Visitors per version still needed to detect the observed difference with
/// 80 % power, beyond the smaller version's visitors.
fn more_visitors(a: Group, b: Group, confidence: Confidence, sides: Sides) -> Option<u64> {
    let z_beta = normal_quantile(0.8)?;
    let needed = visitors_per_version_f64(a.rate_f64(), b.rate_f64(), sides.critical_z(confidence), z_beta)?.ceil();
    #[allow(clippy::cast_precision_loss)]
    if !(needed.is_finite() && needed <= super::input::MAX_COUNT as f64 * 1000.0) {
        return None;
    }
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let needed = needed as u64;
    Some(needed.saturating_sub(a.visitors.min(b.visitors)))
}

#[cfg(test)]
mod tests;
