//! The beta function and the regularised incomplete beta function.

use super::{finite, gamma::{ln_gamma, ln_gamma_ratio}, prob};

/// ln B(a, b) = ln Γ(a) + ln Γ(b) − ln Γ(a + b), for a, b > 0.
///
/// Computed as ln Γ(min) − [ln Γ(max + min) − ln Γ(max)] with
/// [`ln_gamma_ratio`], so that it stays accurate when one argument is huge
/// (a count of 10¹² visitors).
///
/// # Example
/// ```
/// use cadran_core::stats::ln_beta;
/// // B(2, 3) = 1! 2! ÷ 4! = 1/12.
/// assert!((ln_beta(2.0, 3.0).unwrap() - (1.0f64 / 12.0).ln()).abs() < 1e-14);
/// ```
#[must_use]
pub fn ln_beta(a: f64, b: f64) -> Option<f64> {
    if !(a.is_finite() && b.is_finite() && a > 0.0 && b > 0.0) {
        return None;
    }
    let (small, large) = if a < b { (a, b) } else { (b, a) };
    finite(ln_gamma(small)? - ln_gamma_ratio(large, small)?)
}

const MAX_ITERATIONS: usize = 20_000;
const EPS: f64 = 1e-16;
const TINY: f64 = 1e-300;

/// The regularised incomplete beta function I_x(a, b), for a, b > 0 and
/// 0 ≤ x ≤ 1.
///
/// **Definition.** I_x(a, b) = B(x; a, b) ÷ B(a, b), B(x; a, b) =
/// ∫₀ˣ t^(a−1) (1 − t)^(b−1) dt: the CDF of a Beta(a, b) variable. Computed by
/// its continued fraction (A&S 26.5.8) with the modified Lentz method, using
/// the symmetry I_x(a, b) = 1 − I_{1−x}(b, a) where the fraction converges
/// faster (Press et al., *Numerical Recipes*, 2007, §6.4).
///
/// **Source of the check.** I_x(a, 1) = xᵃ and the Student t values of
/// A&S Table 26.10 (through [`crate::stats::student_t_cdf`]).
///
/// # Example
/// ```
/// use cadran_core::stats::regularized_incomplete_beta;
/// // I_x(a, 1) = xᵃ; I_½(a, a) = ½ by symmetry.
/// assert!((regularized_incomplete_beta(0.3, 2.5, 1.0).unwrap() - 0.3f64.powf(2.5)).abs() < 1e-15);
/// assert!((regularized_incomplete_beta(0.5, 7.0, 7.0).unwrap() - 0.5).abs() < 1e-15);
/// ```
#[must_use]
pub fn regularized_incomplete_beta(x: f64, a: f64, b: f64) -> Option<f64> {
    if !(x.is_finite() && (0.0..=1.0).contains(&x)) {
        return None;
    }
    let ln_b = ln_beta(a, b)?;
    if x == 0.0 {
        return Some(0.0);
    }
    if x == 1.0 {
        return Some(1.0);
    }
    let ln_front = a * x.ln() + b * (-x).ln_1p() - ln_b;
    if x < (a + 1.0) / (a + b + 2.0) {
        prob(finite(ln_front)?.exp() * continued_fraction(x, a, b)? / a)
    } else {
        prob(1.0 - finite(ln_front)?.exp() * continued_fraction(1.0 - x, b, a)? / b)
    }
}

/// The continued fraction of A&S 26.5.8 (Lentz), `None` if it does not
/// converge.
fn continued_fraction(x: f64, a: f64, b: f64) -> Option<f64> {
    let qab = a + b;
    let qap = a + 1.0;
    let qam = a - 1.0;
    let mut c = 1.0;
    let mut d = 1.0 - qab * x / qap;
    if d.abs() < TINY {
        d = TINY;
    }
    d = 1.0 / d;
    let mut h = d;
    for i in 1..MAX_ITERATIONS {
        #[allow(clippy::cast_precision_loss)]
        let m = i as f64;
        let m2 = 2.0 * m;
        let mut step = |aa: f64| {
            d = 1.0 + aa * d;
            if d.abs() < TINY {
                d = TINY;
            }
            c = 1.0 + aa / c;
            if c.abs() < TINY {
                c = TINY;
            }
            d = 1.0 / d;
            d * c
        };
        let even = m * (b - m) * x / ((qam + m2) * (a + m2));
        h *= step(even);
        let odd = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2));
        let delta = step(odd);
        h *= delta;
        if (delta - 1.0).abs() < EPS {
            return finite(h);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn beta_table() {
        // I_x(1, b) = 1 − (1 − x)^b; I_x(2, 2) = 3x² − 2x³.
        for (x, a, b, expected) in [(0.2, 1.0, 3.0, 1.0 - 0.8f64.powi(3)), (0.7, 2.0, 2.0, 3.0 * 0.49 - 2.0 * 0.343), (0.9, 1.0, 0.5, 1.0 - 0.1f64.sqrt())] {
            let got = regularized_incomplete_beta(x, a, b).unwrap();
            assert!((got - expected).abs() < 1e-14, "I_{x}({a}, {b}) = {got}, expected {expected}");
        }
        assert_eq!(regularized_incomplete_beta(1.5, 1.0, 1.0), None);
        assert_eq!(regularized_incomplete_beta(0.5, 0.0, 1.0), None);
        assert_eq!(ln_beta(1.0, f64::NAN), None);
    }

    proptest! {
        /// A CDF: in [0, 1] and non-decreasing in x.
        #[test]
        fn incomplete_beta_is_a_cdf(x in 0.0f64..1.0, dx in 0.0f64..0.1, a in 0.1f64..500.0, b in 0.1f64..500.0) {
            let lo = regularized_incomplete_beta(x, a, b).unwrap();
            let hi = regularized_incomplete_beta((x + dx).min(1.0), a, b).unwrap();
            prop_assert!((0.0..=1.0).contains(&lo) && lo <= hi + 1e-12, "I_{x}({a},{b}) = {lo}, at +{dx} {hi}");
        }
    }
}
