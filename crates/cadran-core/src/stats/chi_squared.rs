//! The χ² distribution's CDF and upper tail.

use super::gamma::{regularized_gamma_p, regularized_gamma_q};

/// P(X ≤ x) for X ~ χ² with k > 0 degrees of freedom.
///
/// **Definition.** P(k/2, x/2), the regularised lower incomplete gamma
/// function (A&S 26.4.19).
///
/// # Example
/// ```
/// use cadran_core::stats::chi_squared_cdf;
/// // A&S Table 26.8: the 0.95 point of χ²(1) is 3.841 459.
/// assert!((chi_squared_cdf(3.841_458_820_694_124, 1.0).unwrap() - 0.95).abs() < 1e-13);
/// ```
#[must_use]
pub fn chi_squared_cdf(x: f64, k: f64) -> Option<f64> {
    if x.is_finite() && x < 0.0 {
        return Some(0.0);
    }
    regularized_gamma_p(0.5 * k, 0.5 * x)
}

/// P(X > x) for X ~ χ² with k degrees of freedom: Q(k/2, x/2), computed
/// directly so that small p-values (10⁻⁶ for a sample-ratio mismatch) keep
/// their digits.
///
/// **Source of the check.** Abramowitz & Stegun (1964), Table 26.8:
/// χ²(0.999; 1) = 10.828, χ²(0.95; 10) = 18.307.
///
/// # Example
/// ```
/// use cadran_core::stats::chi_squared_sf;
/// assert!((chi_squared_sf(10.827_566_170_662_733, 1.0).unwrap() - 0.001).abs() < 1e-15);
/// assert!((chi_squared_sf(18.307_038_053_275_146, 10.0).unwrap() - 0.05).abs() < 1e-13);
/// ```
#[must_use]
pub fn chi_squared_sf(x: f64, k: f64) -> Option<f64> {
    if x.is_finite() && x < 0.0 {
        return Some(1.0);
    }
    regularized_gamma_q(0.5 * k, 0.5 * x)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A&S Table 26.8 percentage points.
    #[test]
    fn chi_squared_table() {
        for (x, k, upper) in [(6.634_896_601_021_214, 1.0, 0.01), (5.991_464_547_107_979, 2.0, 0.05), (9.487_729_036_781_154, 4.0, 0.05), (2.705_543_454_095_404, 1.0, 0.1)] {
            let got = chi_squared_sf(x, k).unwrap();
            assert!((got - upper).abs() < 1e-13, "P(χ²({k}) > {x}) = {got}, table {upper}");
            assert!((chi_squared_cdf(x, k).unwrap() + got - 1.0).abs() < 1e-15);
        }
        // χ²(2) is exponential: P(X > x) = e^(−x/2).
        assert!((chi_squared_sf(7.0, 2.0).unwrap() - (-3.5f64).exp()).abs() < 1e-15);
        assert_eq!(chi_squared_sf(-1.0, 1.0), Some(1.0));
        assert_eq!(chi_squared_sf(1.0, 0.0), None);
        assert_eq!(chi_squared_cdf(f64::NAN, 1.0), None);
    }
}
