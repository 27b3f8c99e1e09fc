//! The standard normal distribution: density, CDF, upper tail and quantile.

use super::{finite, gamma::regularized_gamma_q, prob};

/// 1 ÷ √(2π).
const INV_SQRT_TWO_PI: f64 = 0.398_942_280_401_432_7;

/// The standard normal density φ(x) = e^(−x²/2) ÷ √(2π).
///
/// # Example
/// ```
/// use cadran_core::stats::normal_pdf;
/// // A&S Table 26.1: φ(1) = 0.241 970 724 5.
/// assert!((normal_pdf(1.0).unwrap() - 0.241_970_724_519_143).abs() < 1e-15);
/// ```
#[must_use]
pub fn normal_pdf(x: f64) -> Option<f64> {
    finite(x).map(|x| INV_SQRT_TWO_PI * (-0.5 * x * x).exp())
}

/// The standard normal CDF Φ(x) = P(Z ≤ x).
///
/// **Definition.** Φ(x) = ½ erfc(−x ÷ √2), with erfc(z) = Q(½, z²) for z ≥ 0
/// (A&S 7.1.2, 6.5.17), computed by [`regularized_gamma_q`] so that both
/// tails keep full relative precision.
///
/// **Source of the check.** Abramowitz & Stegun (1964), Table 26.1:
/// Φ(1) = 0.841 344 746 1, Φ(1.96) = 0.975 002 104 9, Φ(−3) = 0.001 349 898.
///
/// # Example
/// ```
/// use cadran_core::stats::normal_cdf;
/// assert!((normal_cdf(1.0).unwrap() - 0.841_344_746_068_543).abs() < 1e-15);
/// assert!((normal_cdf(1.96).unwrap() - 0.975_002_104_851_780).abs() < 1e-15);
/// assert!((normal_cdf(-3.0).unwrap() / 0.001_349_898_031_630_1 - 1.0).abs() < 1e-12);
/// ```
#[must_use]
pub fn normal_cdf(x: f64) -> Option<f64> {
    let x = finite(x)?;
    let tail = 0.5 * regularized_gamma_q(0.5, 0.5 * x * x)?;
    prob(if x < 0.0 { tail } else { 1.0 - tail })
}

/// The standard normal upper tail 1 − Φ(x) = P(Z > x), computed directly so
/// that p-values far in the tail (10⁻²⁰) are not rounded to zero.
///
/// # Example
/// ```
/// use cadran_core::stats::normal_sf;
/// // A&S Table 26.1: Q(5) = 2.866 515 7 × 10⁻⁷.
/// assert!((normal_sf(5.0).unwrap() / 2.866_515_718_791_939e-7 - 1.0).abs() < 1e-12);
/// ```
#[must_use]
pub fn normal_sf(x: f64) -> Option<f64> {
    normal_cdf(-finite(x)?)
}

/// Coefficients of Acklam's rational approximation of the normal quantile
/// (relative error 1.15 × 10⁻⁹ before refinement).
const A: [f64; 6] = [-3.969_683_028_665_376e1, 2.209_460_984_245_205e2, -2.759_285_104_469_687e2, 1.383_577_518_672_69e2, -3.066_479_806_614_716e1, 2.506_628_277_459_239];
const B: [f64; 5] = [-5.447_609_879_822_406e1, 1.615_858_368_580_409e2, -1.556_989_798_598_866e2, 6.680_131_188_771_972e1, -1.328_068_155_288_572e1];
const C: [f64; 6] = [-7.784_894_002_430_293e-3, -3.223_964_580_411_365e-1, -2.400_758_277_161_838, -2.549_732_539_343_734, 4.374_664_141_464_968, 2.938_163_982_698_783];
const D: [f64; 4] = [7.784_695_709_041_462e-3, 3.224_671_290_700_398e-1, 2.445_134_137_142_996, 3.754_408_661_907_416];
const P_LOW: f64 = 0.024_25;

/// The standard normal quantile Φ⁻¹(p) for 0 < p < 1 (`None` outside).
///
/// **Definition.** The x with Φ(x) = p. Computed by Acklam's rational
/// approximation (P. J. Acklam, "An algorithm for computing the inverse
/// normal cumulative distribution function", 2003) followed by two Halley
/// steps on [`normal_cdf`], which bring it to about 10⁻¹⁵.
///
/// **Source of the check.** Abramowitz & Stegun (1964), Table 26.5:
/// z(0.975) = 1.959 963 985, z(0.995) = 2.575 829 304, z(0.95) = 1.644 853 627.
///
/// # Example
/// ```
/// use cadran_core::stats::normal_quantile;
/// assert!((normal_quantile(0.975).unwrap() - 1.959_963_984_540_054).abs() < 1e-14);
/// assert!((normal_quantile(0.995).unwrap() - 2.575_829_303_548_901).abs() < 1e-14);
/// assert!((normal_quantile(0.05).unwrap() + 1.644_853_626_951_472).abs() < 1e-14);
/// assert_eq!(normal_quantile(1.0), None);
/// ```
#[must_use]
pub fn normal_quantile(p: f64) -> Option<f64> {
    if !(p.is_finite() && p > 0.0 && p < 1.0) {
        return None;
    }
    let mut x = if p < P_LOW {
        let q = (-2.0 * p.ln()).sqrt();
        (((((C[0] * q + C[1]) * q + C[2]) * q + C[3]) * q + C[4]) * q + C[5]) / ((((D[0] * q + D[1]) * q + D[2]) * q + D[3]) * q + 1.0)
    } else if p <= 1.0 - P_LOW {
        let q = p - 0.5;
        let r = q * q;
        (((((A[0] * r + A[1]) * r + A[2]) * r + A[3]) * r + A[4]) * r + A[5]) * q / (((((B[0] * r + B[1]) * r + B[2]) * r + B[3]) * r + B[4]) * r + 1.0)
    } else {
        let q = (-2.0 * (1.0 - p).ln()).sqrt();
        -(((((C[0] * q + C[1]) * q + C[2]) * q + C[3]) * q + C[4]) * q + C[5]) / ((((D[0] * q + D[1]) * q + D[2]) * q + D[3]) * q + 1.0)
    };
    for _ in 0..2 {
        // Halley's step on f(x) = Φ(x) − p, measured on the smaller tail.
        let e = if x < 0.0 { normal_cdf(x)? - p } else { (1.0 - p) - normal_sf(x)? };
        let u = e / normal_pdf(x)?;
        let step = u / (1.0 + 0.5 * x * u);
        if step.is_finite() {
            x -= step;
        }
    }
    finite(x)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// A&S Table 26.1 (Φ) and Table 26.5 (quantiles).
    #[test]
    fn normal_table() {
        for (x, phi) in [(0.0, 0.5), (0.5, 0.691_462_461_274_013), (2.0, 0.977_249_868_051_821), (-1.0, 0.158_655_253_931_457), (3.0, 0.998_650_101_968_370)] {
            let got = normal_cdf(x).unwrap();
            assert!((got - phi).abs() < 1e-15, "Φ({x}) = {got}, table {phi}");
        }
        for (p, z) in [(0.9, 1.281_551_565_544_601), (0.95, 1.644_853_626_951_472), (0.8, 0.841_621_233_572_914), (0.999, 3.090_232_306_167_813), (1e-10, -6.361_340_902_404_056)] {
            let got = normal_quantile(p).unwrap();
            assert!((got - z).abs() < 1e-12 * z.abs().max(1.0), "z({p}) = {got}, table {z}");
        }
        for bad in [0.0, -0.1, 1.5, f64::NAN] {
            assert_eq!(normal_quantile(bad), None, "quantile of {bad}");
        }
        assert_eq!(normal_cdf(f64::INFINITY), None);
        assert!(normal_cdf(-40.0).unwrap() >= 0.0 && normal_cdf(40.0) == Some(1.0));
    }

    proptest! {
        /// Φ(Φ⁻¹(p)) = p and Φ stays in [0, 1].
        #[test]
        fn quantile_inverts_cdf(p in 1e-12f64..(1.0 - 1e-12)) {
            let x = normal_quantile(p).unwrap();
            let back = normal_cdf(x).unwrap();
            prop_assert!((back - p).abs() <= 1e-13 * p.min(1.0 - p).max(1e-3), "p {p} → {x} → {back}");
        }

        #[test]
        fn cdf_is_a_probability(x in -1e6f64..1e6) {
            let c = normal_cdf(x).unwrap();
            prop_assert!((0.0..=1.0).contains(&c));
        }
    }
}
