//! The Gauss hypergeometric function ₂F₁(a, b; c; z) on 0 ≤ z < 1, by its
//! series, with its convergence guarded.
//!
//! The buy-till-you-die models need it in two places: the expected number of
//! future purchases of the BG/NBD model (Fader, Hardie & Lee 2005, eq. 10)
//! and the discounted expected residual lifetime of the shifted-beta-geometric
//! model (Fader & Hardie 2010, eq. 6). Their arguments are always real, with
//! a, b, c > 0 and 0 ≤ z < 1, where the series converges; the users of
//! Python's `lifetimes` met silent NaN when it was pushed near z = 1, which is
//! why this one counts its terms and says `None` instead.

use super::finite;

/// Most series terms before ₂F₁ gives up (z = 0.999 needs about 40 000).
pub const HYP2F1_MAX_TERMS: usize = 200_000;

/// ₂F₁(a, b; c; z) for a, b, c > 0 and 0 ≤ z < 1 (`None` outside that
/// domain, if the series has not converged within [`HYP2F1_MAX_TERMS`]
/// terms, or if the result overflows).
///
/// **Definition.** ₂F₁(a, b; c; z) = Σₙ (a)ₙ (b)ₙ ÷ ((c)ₙ n!) zⁿ, with (x)ₙ
/// the rising factorial (Abramowitz & Stegun 1964, 15.1.1). Each term is the
/// previous one times (a + n)(b + n) z ÷ ((c + n)(n + 1)); summation stops
/// once a term is below 10⁻¹⁶ of the sum *and* the ratio of successive terms
/// is below one (so that the tail is bounded by a geometric series and
/// cannot add more than the stopping tolerance ÷ (1 − ratio)).
///
/// **Source of the checks.** A&S 15.1.3 (₂F₁(1, 1; 2; z) = −ln(1 − z) ÷ z),
/// 15.1.8 (₂F₁(a, b; b; z) = (1 − z)^(−a)), and Gauss's theorem 15.1.20 near
/// z = 1.
///
/// # Example
/// ```
/// use cadran_core::stats::hyp2f1;
/// // A&S 15.1.3: ₂F₁(1, 1; 2; ½) = 2 ln 2.
/// let f = hyp2f1(1.0, 1.0, 2.0, 0.5).unwrap();
/// assert!((f - 2.0 * 2f64.ln()).abs() < 1e-14);
/// assert_eq!(hyp2f1(1.0, 1.0, 2.0, 1.0), None); // diverges at z = 1
/// ```
#[must_use]
pub fn hyp2f1(a: f64, b: f64, c: f64, z: f64) -> Option<f64> {
    let ok = |x: f64| x.is_finite() && x > 0.0;
    if !(ok(a) && ok(b) && ok(c) && z.is_finite() && (0.0..1.0).contains(&z)) {
        return None;
    }
    let mut term = 1.0_f64;
    let mut sum = 1.0_f64;
    for i in 0..HYP2F1_MAX_TERMS {
        #[allow(clippy::cast_precision_loss)]
        let n = i as f64;
        let ratio = (a + n) * (b + n) / ((c + n) * (n + 1.0)) * z;
        term *= ratio;
        sum += term;
        if !sum.is_finite() {
            return None;
        }
        if term < 1e-16 * sum && ratio < 1.0 {
            // Tail ≤ term × ratio ÷ (1 − ratio); accept it only if that is
            // also negligible.
            if term * ratio / (1.0 - ratio) <= 1e-14 * sum {
                return finite(sum);
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn closed_forms() {
        // A&S 15.1.3 and 15.1.8.
        for z in [0.0, 0.1, 0.5, 0.9, 0.99] {
            let f = hyp2f1(1.0, 1.0, 2.0, z).unwrap();
            let want = if z == 0.0 { 1.0 } else { -(-z).ln_1p() / z };
            assert!(
                (f / want - 1.0).abs() < 1e-12,
                "2F1(1,1;2;{z}) = {f}, want {want}"
            );
            let g = hyp2f1(0.7, 3.2, 3.2, z).unwrap();
            let want = (1.0 - z).powf(-0.7);
            assert!(
                (g / want - 1.0).abs() < 1e-12,
                "2F1(0.7,3.2;3.2;{z}) = {g}, want {want}"
            );
        }
    }

    #[test]
    fn gauss_theorem_near_one() {
        // A&S 15.1.20: ₂F₁(a, b; c; 1) = Γ(c)Γ(c−a−b) ÷ (Γ(c−a)Γ(c−b)) for
        // c > a + b; at z = 1 − 10⁻⁴ the value is within 10⁻³ of it
        // (the gap is O(1 − z) here, c − a − b = 2).
        use crate::stats::ln_gamma;
        let (a, b, c) = (0.5, 1.5, 4.0);
        let at_one = (ln_gamma(c).unwrap() + ln_gamma(c - a - b).unwrap()
            - ln_gamma(c - a).unwrap()
            - ln_gamma(c - b).unwrap())
        .exp();
        let f = hyp2f1(a, b, c, 1.0 - 1e-4).unwrap();
        assert!((f - at_one).abs() < 1e-3, "{f} vs {at_one}");
    }

    #[test]
    fn guarded() {
        for (a, b, c, z) in [
            (-1.0, 1.0, 1.0, 0.5),
            (1.0, 1.0, 0.0, 0.5),
            (1.0, 1.0, 1.0, -0.1),
            (1.0, 1.0, 1.0, f64::NAN),
        ] {
            assert_eq!(hyp2f1(a, b, c, z), None, "2F1({a},{b};{c};{z})");
        }
        // Too close to 1 for the series to converge within its budget.
        assert_eq!(hyp2f1(3.0, 3.0, 1.0, 1.0 - 1e-9), None);
    }
}
