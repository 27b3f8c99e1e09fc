//! Standard errors of maximum-likelihood estimates from a numerical Hessian.
//!
//! The asymptotic covariance of an MLE is the inverse of the observed
//! information, the Hessian of the negative log-likelihood at the optimum.
//! Python's `lifetimes` reports NaN standard errors when that matrix is not
//! positive definite (issue #332: a fit at a boundary or a flat ridge); here
//! the Cholesky factorisation *is* the positive-definiteness test, and a
//! failure gives `None`: "no standard error", which the page says in words.

/// Standard errors (floating point) of the parameters at `x`, the square
/// roots of the diagonal of the inverse Hessian of `neg_ll` there; `None`
/// if the Hessian is not finite or not positive definite.
///
/// **Definition.** Var(θ̂) ≈ H⁻¹, H = ∇²(−ln L)(θ̂) (the observed Fisher
/// information; Cramér 1946, Efron & Hinkley 1978). H is taken by central
/// differences with steps hᵢ = 10⁻⁴ · max(|θᵢ|, 10⁻³) (Press et al.,
/// *Numerical Recipes*, 3rd ed., 2007, §5.7: step ∝ ε^(1/4) for second
/// derivatives), inverted through its Cholesky factor.
///
/// # Example
/// ```
/// use cadran_core::metrics::clv_model::standard_errors;
/// // −ln L of a normal mean with σ = 2 and n = 25: SE = σ ÷ √n = 0.4.
/// let neg_ll = |t: &[f64]| 25.0 * (t[0] - 1.0).powi(2) / (2.0 * 4.0);
/// let se = standard_errors(neg_ll, &[1.0]).unwrap();
/// assert!((se[0] - 0.4).abs() < 1e-6);
/// // A maximum, not a minimum: no standard error.
/// assert_eq!(standard_errors(|t: &[f64]| -t[0] * t[0], &[0.0]), None);
/// ```
#[must_use]
pub fn standard_errors(mut neg_ll: impl FnMut(&[f64]) -> f64, x: &[f64]) -> Option<Vec<f64>> {
    let n = x.len();
    let h: Vec<f64> = x.iter().map(|v| 1e-4 * v.abs().max(1e-3)).collect();
    let mut at = |dx: &[(usize, f64)]| {
        let mut p = x.to_vec();
        for &(i, d) in dx {
            p[i] += d;
        }
        neg_ll(&p)
    };
    let f0 = at(&[]);
    let mut hess = vec![0.0; n * n];
    for i in 0..n {
        let fp = at(&[(i, h[i])]);
        let fm = at(&[(i, -h[i])]);
        hess[i * n + i] = (fp - 2.0 * f0 + fm) / (h[i] * h[i]);
        for j in 0..i {
            let pp = at(&[(i, h[i]), (j, h[j])]);
            let pm = at(&[(i, h[i]), (j, -h[j])]);
            let mp = at(&[(i, -h[i]), (j, h[j])]);
            let mm = at(&[(i, -h[i]), (j, -h[j])]);
            let v = (pp - pm - mp + mm) / (4.0 * h[i] * h[j]);
            hess[i * n + j] = v;
            hess[j * n + i] = v;
        }
    }
    if !hess.iter().all(|v| v.is_finite()) {
        return None;
    }
    let l = cholesky(&hess, n)?;
    // Diagonal of H⁻¹ = L⁻ᵀ L⁻¹: (H⁻¹)ᵢᵢ = Σₖ (L⁻¹)ₖᵢ².
    let mut se = Vec::with_capacity(n);
    for i in 0..n {
        // Column i of L⁻¹ by forward substitution on eᵢ.
        let mut col = vec![0.0; n];
        for r in i..n {
            let mut s = if r == i { 1.0 } else { 0.0 };
            for k in i..r {
                s -= l[r * n + k] * col[k];
            }
            col[r] = s / l[r * n + r];
        }
        let var: f64 = col.iter().map(|c| c * c).sum();
        se.push(var.sqrt());
    }
    se.iter().all(|s| s.is_finite() && *s > 0.0).then_some(se)
}

/// The lower Cholesky factor of a symmetric n×n matrix (row-major); `None`
/// if it is not positive definite.
fn cholesky(a: &[f64], n: usize) -> Option<Vec<f64>> {
    let mut l = vec![0.0; n * n];
    for i in 0..n {
        for j in 0..=i {
            let s = a[i * n + j] - (0..j).map(|k| l[i * n + k] * l[j * n + k]).sum::<f64>();
            if i == j {
                if !(s > 0.0 && s.is_finite()) {
                    return None;
                }
                l[i * n + i] = s.sqrt();
            } else {
                l[i * n + j] = s / l[j * n + j];
            }
        }
    }
    Some(l)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn correlated_normal() {
        // −ln L = ½ θᵀ H θ with H = [[4, 1], [1, 2]]: H⁻¹ = [[2, −1], [−1, 4]] ÷ 7.
        let f = |t: &[f64]| 0.5 * (4.0 * t[0] * t[0] + 2.0 * t[0] * t[1] + 2.0 * t[1] * t[1]);
        let se = standard_errors(f, &[0.3, -0.2]).unwrap();
        assert!((se[0] - (2.0f64 / 7.0).sqrt()).abs() < 1e-6, "{se:?}");
        assert!((se[1] - (4.0f64 / 7.0).sqrt()).abs() < 1e-6, "{se:?}");
        // Singular (a flat ridge): none.
        assert_eq!(
            standard_errors(|t: &[f64]| (t[0] - t[1]).powi(2), &[1.0, 1.0]),
            None
        );
        assert_eq!(standard_errors(|_: &[f64]| f64::NAN, &[1.0]), None);
    }
}
