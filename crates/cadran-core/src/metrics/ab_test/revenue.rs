//! Revenue per visitor: does B earn more per visitor than A? Welch's t-test.

use super::input::{whole_count, Confidence, Sides};
use super::interval::IntervalStat;
use super::verdict::Verdict;
use crate::arith::{add, div, mul, non_negative, sub};
use crate::stats::{student_t_quantile, student_t_sf};
use crate::{Decimal, Outcome, Undefined};
use rust_decimal::prelude::{FromPrimitive, ToPrimitive};
use serde::{Deserialize, Serialize};

/// One version's revenue per visitor, summarised: exact as typed or as
/// computed by [`revenue_summary`].
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(default)]
pub struct RevenueGroup {
    /// Visitors who saw this version (every visitor, buyers or not).
    pub visitors: Decimal,
    /// Mean revenue per visitor.
    pub mean: Decimal,
    /// Sample standard deviation of revenue per visitor (divisor n − 1).
    pub std_dev: Decimal,
}

/// What a revenue test needs.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(default)]
pub struct RevenueInputs {
    /// A (the control).
    pub a: RevenueGroup,
    /// B (the variant).
    pub b: RevenueGroup,
    /// Confidence level.
    pub confidence: Confidence,
    /// One- or two-sided (one-sided: H₁ is "B earns more").
    pub sides: Sides,
}

/// The result of Welch's test. **Statistic: `f64`** throughout.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct WelchStat {
    /// Mean(B) − mean(A), money per visitor, with its confidence interval.
    pub difference: IntervalStat,
    /// Welch's t (B − A).
    pub t: f64,
    /// Welch–Satterthwaite degrees of freedom (fractional).
    pub df: f64,
    /// p-value, in [0, 1].
    pub p_value: f64,
    /// What this lets one say (`NoConclusion` never carries a visitor count
    /// here).
    pub verdict: Verdict,
}

/// Welch's unequal-variances t-test on revenue per visitor.
///
/// **Definition.** With means x̄ᵢ, sample standard deviations sᵢ and
/// visitors nᵢ, vᵢ = sᵢ² ÷ nᵢ: t = (x̄_B − x̄_A) ÷ √(v_A + v_B), with
/// ν = (v_A + v_B)² ÷ (v_A² ÷ (n_A − 1) + v_B² ÷ (n_B − 1)) degrees of
/// freedom (Welch–Satterthwaite); p = 2 P(T_ν > |t|) two-sided, P(T_ν > t)
/// one-sided. The interval is (x̄_B − x̄_A) ± t_ν(1 − tail) √(v_A + v_B),
/// two-sided at the level (one-sided: the two-sided 1 − 2α interval, whose
/// lower bound is the one-sided bound). Fields `visitors_a`/`visitors_b`
/// (whole, 2 to 10¹²) and `std_dev_a`/`std_dev_b` (≥ 0); a mean may be
/// negative (refunds).
/// Undefined with fewer than 2 visitors in a version
/// ([`Undefined::TooFewVisitors`]) or both deviations zero
/// ([`Undefined::NoVariance`]).
///
/// **Sources.** Welch, B. L. (1947), "The generalization of 'Student's'
/// problem when several different population variances are involved",
/// *Biometrika* 34, 28–35; Satterthwaite, F. E. (1946), *Biometrics Bulletin*
/// 2(6), 110–114. Worked example: Student's (1908) sleep data (Cushny &
/// Peebles), *Biometrika* 6, 1–25, as analysed by Welch's test in R's
/// `t.test(extra ~ group, data = sleep)`: t = 1.8608, ν = 17.776,
/// p = 0.07939, 95 % interval on the difference (−0.2055, 3.3655).
///
/// # Example
/// ```
/// use cadran_core::metrics::ab_test::{revenue_summary, welch_test, RevenueInputs, Verdict};
/// use rust_decimal_macros::dec;
/// let a = revenue_summary(&[dec!(0.7), dec!(-1.6), dec!(-0.2), dec!(-1.2), dec!(-0.1),
///                           dec!(3.4), dec!(3.7), dec!(0.8), dec!(0.0), dec!(2.0)]).unwrap();
/// let b = revenue_summary(&[dec!(1.9), dec!(0.8), dec!(1.1), dec!(0.1), dec!(-0.1),
///                           dec!(4.4), dec!(5.5), dec!(1.6), dec!(4.6), dec!(3.4)]).unwrap();
/// let w = welch_test(&RevenueInputs { a, b, ..RevenueInputs::default() }).unwrap();
/// assert!((w.t - 1.8608).abs() < 1e-4 && (w.df - 17.776).abs() < 1e-3, "{w:?}");
/// assert!((w.p_value - 0.07939).abs() < 1e-5);
/// assert!((w.difference.low + 0.205_483_2).abs() < 1e-6 && (w.difference.high - 3.365_483_2).abs() < 1e-6);
/// assert!(matches!(w.verdict, Verdict::NoConclusion { .. }));
/// ```
pub fn welch_test(inputs: &RevenueInputs) -> Outcome<WelchStat> {
    let (na, ma, sa) = group("visitors_a", "std_dev_a", inputs.a)?;
    let (nb, mb, sb) = group("visitors_b", "std_dev_b", inputs.b)?;
    if sa == 0.0 && sb == 0.0 {
        return Err(Undefined::NoVariance.into());
    }
    let (va, vb) = (sa * sa / na, sb * sb / nb);
    let var = va + vb;
    let se = var.sqrt();
    let df = var * var / (va * va / (na - 1.0) + vb * vb / (nb - 1.0));
    let diff = mb - ma;
    let t = diff / se;
    if !(se.is_finite() && se > 0.0 && df.is_finite() && df > 0.0 && t.is_finite()) {
        return Err(Undefined::NotComputable.into());
    }
    let (confidence, sides) = (inputs.confidence, inputs.sides);
    let p_value = match sides {
        Sides::TwoSided => 2.0 * student_t_sf(t.abs(), df).ok_or(Undefined::NotComputable)?,
        Sides::OneSided => student_t_sf(t, df).ok_or(Undefined::NotComputable)?,
    }
    .clamp(0.0, 1.0);
    let crit = student_t_quantile(1.0 - sides.tail(confidence), df).ok_or(Undefined::NotComputable)?;
    let difference = IntervalStat::new(diff, diff - crit * se, diff + crit * se).ok_or(Undefined::NotComputable)?;
    let verdict = match (p_value < confidence.alpha(), sides) {
        (true, _) if diff > 0.0 => Verdict::BBetter,
        (true, Sides::TwoSided) if diff < 0.0 => Verdict::ABetter,
        _ => Verdict::NoConclusion { more_visitors_per_version: None },
    };
    Ok(WelchStat { difference, t, df, p_value, verdict })
}

/// Validates one group; returns (n, mean, sd) in f64.
fn group(visitors: &'static str, sd: &'static str, g: RevenueGroup) -> Outcome<(f64, f64, f64)> {
    let n = whole_count(visitors, g.visitors, 1)?;
    if n < 2 {
        return Err(Undefined::TooFewVisitors { have: n, need: 2 }.into());
    }
    let sd = non_negative(sd, g.std_dev)?;
    let m = g.mean.to_f64().ok_or(Undefined::NotComputable)?;
    let s = sd.to_f64().ok_or(Undefined::NotComputable)?;
    #[allow(clippy::cast_precision_loss)] // ≤ 10¹² < 2⁵³: exact
    Ok((n as f64, m, s))
}

/// Summarises raw per-visitor revenue values (one per visitor, zero for a
/// visitor who bought nothing) into a [`RevenueGroup`] for [`welch_test`].
///
/// **Definition.** n = number of values, mean = Σx ÷ n, standard deviation
/// s = √(Σ(x − mean)² ÷ (n − 1)) (the sample deviation; 0 for a single
/// value). The sums are exact `Decimal`; the square root is Newton's method
/// in `Decimal` (28 significant digits). Source: any statistics text, e.g.
/// NIST/SEMATECH *e-Handbook of Statistical Methods* (2012), §1.3.5.6
/// ("Measures of scale").
///
/// Undefined with no value ([`Undefined::TooFewVisitors`]), or `Overflow`
/// when a sum exceeds `Decimal`.
///
/// # Example
/// Student's (1908) sleep data, group 1: mean 0.75, s = 1.789 010.
/// ```
/// use cadran_core::metrics::ab_test::revenue_summary;
/// use rust_decimal_macros::dec;
/// let g = revenue_summary(&[dec!(0.7), dec!(-1.6), dec!(-0.2), dec!(-1.2), dec!(-0.1),
///                           dec!(3.4), dec!(3.7), dec!(0.8), dec!(0.0), dec!(2.0)]).unwrap();
/// assert_eq!((g.visitors, g.mean), (dec!(10), dec!(0.75)));
/// assert_eq!(g.std_dev.round_dp(6), dec!(1.789010));
/// ```
pub fn revenue_summary(values: &[Decimal]) -> Outcome<RevenueGroup> {
    let n = u64::try_from(values.len()).map_err(|_| Undefined::Overflow)?;
    if n == 0 {
        return Err(Undefined::TooFewVisitors { have: 0, need: 1 }.into());
    }
    let count = Decimal::from(n);
    let total = values.iter().try_fold(Decimal::ZERO, |s, &x| add(s, x))?;
    let mean = div(total, count, Undefined::TooFewVisitors { have: 0, need: 1 })?;
    let std_dev = if n < 2 {
        Decimal::ZERO
    } else {
        let squares = values.iter().try_fold(Decimal::ZERO, |s, &x| {
            let d = sub(x, mean)?;
            add(s, mul(d, d)?)
        })?;
        sqrt(div(squares, count - Decimal::ONE, Undefined::TooFewVisitors { have: n, need: 2 })?)?
    };
    Ok(RevenueGroup { visitors: count, mean, std_dev })
}

/// [`revenue_summary`] from running sums, for a file streamed row by row:
/// n values, Σx and Σx².
///
/// **Definition.** mean = Σx ÷ n; s = √((n Σx² − (Σx)²) ÷ (n (n − 1))), the
/// same sample deviation as [`revenue_summary`] (the numerator is exact in
/// `Decimal` for sums of up to 28 significant digits; 0 for a single value).
/// Undefined with no value, `Overflow` when a product exceeds `Decimal`.
pub(crate) fn revenue_from_sums(n: u64, sum: Decimal, sum_sq: Decimal) -> Outcome<RevenueGroup> {
    if n == 0 {
        return Err(Undefined::TooFewVisitors { have: 0, need: 1 }.into());
    }
    let count = Decimal::from(n);
    let mean = div(sum, count, Undefined::TooFewVisitors { have: 0, need: 1 })?;
    let std_dev = if n < 2 {
        Decimal::ZERO
    } else {
        let spread = sub(mul(count, sum_sq)?, mul(sum, sum)?)?.max(Decimal::ZERO);
        sqrt(div(spread, mul(count, count - Decimal::ONE)?, Undefined::TooFewVisitors { have: n, need: 2 })?)?
    };
    Ok(RevenueGroup { visitors: count, mean, std_dev })
}

/// √v for v ≥ 0 in `Decimal`: an `f64` seed, then Newton's iterations.
fn sqrt(v: Decimal) -> Outcome<Decimal> {
    if v <= Decimal::ZERO {
        return Ok(Decimal::ZERO);
    }
    let seed = v.to_f64().map(f64::sqrt).and_then(Decimal::from_f64).filter(|s| *s > Decimal::ZERO);
    let mut x = seed.ok_or(Undefined::NotComputable)?;
    let two = Decimal::TWO;
    for _ in 0..6 {
        let next = div(add(x, div(v, x, Undefined::NotComputable)?)?, two, Undefined::NotComputable)?;
        if next == x {
            break;
        }
        x = next;
    }
    Ok(x)
}

#[cfg(test)]
#[path = "revenue/tests.rs"]
mod tests;
