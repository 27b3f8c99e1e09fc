//! Student's t distribution: CDF, upper tail and quantile.

use super::{beta::regularized_incomplete_beta, finite, normal, prob};

/// Degrees of freedom above which the t distribution is replaced by the
/// normal: the two differ by less than 10⁻⁶ in any quantile used here, and the
/// incomplete beta's continued fraction slows down as √ν.
pub const NORMAL_ABOVE_DF: f64 = 1e6;

/// P(T > t) for Student's t with ν > 0 degrees of freedom.
///
/// **Definition.** P(T > t) = ½ I_{ν/(ν+t²)}(ν/2, ½) for t ≥ 0 (A&S 26.7.1,
/// 26.5.27), mirrored for t < 0; the standard normal above
/// [`NORMAL_ABOVE_DF`].
///
/// # Example
/// ```
/// use cadran_core::stats::student_t_sf;
/// // A&S Table 26.10: t = 2.228 is the 0.975 point at ν = 10.
/// assert!((student_t_sf(2.228_138_851_986, 10.0).unwrap() - 0.025).abs() < 1e-12);
/// ```
#[must_use]
pub fn student_t_sf(t: f64, df: f64) -> Option<f64> {
    let t = finite(t)?;
    if !(df.is_finite() && df > 0.0) {
        return None;
    }
    if df > NORMAL_ABOVE_DF {
        return normal::normal_sf(t);
    }
    let x = df / (df + t * t);
    let tail = 0.5 * regularized_incomplete_beta(x, 0.5 * df, 0.5)?;
    prob(if t >= 0.0 { tail } else { 1.0 - tail })
}

/// P(T ≤ t) for Student's t with ν degrees of freedom; see [`student_t_sf`].
///
/// **Source of the check.** Abramowitz & Stegun (1964), Table 26.10, and
/// ν = 1 (Cauchy): P(T ≤ 1) = ¾.
///
/// # Example
/// ```
/// use cadran_core::stats::student_t_cdf;
/// assert!((student_t_cdf(1.0, 1.0).unwrap() - 0.75).abs() < 1e-15);
/// ```
#[must_use]
pub fn student_t_cdf(t: f64, df: f64) -> Option<f64> {
    student_t_sf(-finite(t)?, df)
}

/// The t with P(T ≤ t) = p, for 0 < p < 1 and ν > 0.
///
/// **Definition.** Found by bisection on [`student_t_sf`] after bracketing
/// (robust for any ν, including the fractional ν of Welch's test); about
/// 10⁻¹² relative.
///
/// **Source of the check.** Abramowitz & Stegun (1964), Table 26.10:
/// t(0.975; 10) = 2.228 139, t(0.995; 5) = 4.032 143, t(0.975; 1) = 12.706 205.
///
/// # Example
/// ```
/// use cadran_core::stats::student_t_quantile;
/// assert!((student_t_quantile(0.975, 10.0).unwrap() - 2.228_138_851_986).abs() < 1e-9);
/// assert!((student_t_quantile(0.995, 5.0).unwrap() - 4.032_142_983_557).abs() < 1e-9);
/// assert!((student_t_quantile(0.975, 1.0).unwrap() - 12.706_204_736_175).abs() < 1e-8);
/// ```
#[must_use]
pub fn student_t_quantile(p: f64, df: f64) -> Option<f64> {
    if !(p.is_finite() && p > 0.0 && p < 1.0 && df.is_finite() && df > 0.0) {
        return None;
    }
    if df > NORMAL_ABOVE_DF {
        return normal::normal_quantile(p);
    }
    if p == 0.5 {
        return Some(0.0);
    }
    // Solve P(T > t) = q for t > 0, then mirror.
    let q = if p > 0.5 { 1.0 - p } else { p };
    let mut lo = 0.0;
    let mut hi = 1.0;
    while student_t_sf(hi, df)? > q {
        lo = hi;
        hi *= 2.0;
        if hi > 1e300 {
            return None;
        }
    }
    for _ in 0..200 {
        let mid = 0.5 * (lo + hi);
        if student_t_sf(mid, df)? > q {
            lo = mid;
        } else {
            hi = mid;
        }
        if hi - lo <= 1e-14 * hi {
            break;
        }
    }
    let t = 0.5 * (lo + hi);
    finite(if p > 0.5 { t } else { -t })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Abramowitz & Stegun (1964), Table 26.10 (percentage points of t).
    #[test]
    fn t_table() {
        let table = [
            (0.95, 1.0, 6.313_751_514_675),
            (0.975, 2.0, 4.302_652_729_911),
            (0.975, 5.0, 2.570_581_835_636),
            (0.95, 20.0, 1.724_718_242_921),
            (0.995, 30.0, 2.749_995_653_567),
            (0.975, 120.0, 1.979_930_405_052),
        ];
        for (p, df, t) in table {
            let got = student_t_quantile(p, df).unwrap();
            assert!((got - t).abs() < 1e-9, "t({p}; {df}) = {got}, table {t}");
            let back = student_t_cdf(t, df).unwrap();
            assert!((back - p).abs() < 1e-10, "P(T ≤ {t}; {df}) = {back}, expected {p}");
        }
        // ν = 2 has a closed form: P(T ≤ t) = ½ + t ÷ (2√(2 + t²)).
        let t: f64 = 1.3;
        assert!((student_t_cdf(t, 2.0).unwrap() - (0.5 + t / (2.0 * (2.0 + t * t).sqrt()))).abs() < 1e-14);
        // Huge df: the normal.
        assert!((student_t_quantile(0.975, 1e9).unwrap() - 1.959_963_984_540_054).abs() < 1e-13);
        assert_eq!(student_t_quantile(0.975, 0.0), None);
        assert_eq!(student_t_sf(f64::NAN, 3.0), None);
        assert!((student_t_quantile(0.025, 10.0).unwrap() + 2.228_138_851_986).abs() < 1e-9);
    }
}
