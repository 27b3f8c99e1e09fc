//! Small dense linear algebra for derived importance: the Jacobi
//! eigenvalue method for symmetric matrices and R² of a regression from a
//! correlation matrix. Matrices are row-major `n × n` slices. **Statistics:
//! `f64`.**

/// Eigenvalues and eigenvectors of a symmetric matrix.
#[derive(Debug, Clone, PartialEq)]
pub struct Eigen {
    /// Eigenvalues λₖ, in the order of the columns of `vectors`.
    pub values: Vec<f64>,
    /// Row-major n × n: column k is the unit eigenvector of λₖ.
    pub vectors: Vec<f64>,
}

/// Most Jacobi sweeps before giving up (convergence is quadratic; a 200 ×
/// 200 correlation matrix needs about ten).
const MAX_SWEEPS: usize = 100;

/// Eigen-decomposition of a symmetric `n × n` matrix A = V Λ Vᵀ by the
/// cyclic Jacobi method: plane rotations zero each off-diagonal entry in
/// turn until their sum of squares is below 10⁻²² of the matrix's (eigenvalues
/// then err by about that much, relative). `None` if `a` is not
/// `n × n`, holds a non-finite value, or does not converge.
///
/// **Source.** Jacobi, C. G. J. (1846), *Crelle's Journal* 30, 51–94; the
/// rotation formulas of Press, W. H. et al. (2007), *Numerical Recipes*,
/// 3rd ed., §11.1, Cambridge University Press.
///
/// # Example
/// ```
/// use cadran_core::metrics::value::linalg::jacobi_eigen;
/// // [[2, 1], [1, 2]] has eigenvalues 1 and 3.
/// let e = jacobi_eigen(&[2.0, 1.0, 1.0, 2.0], 2).unwrap();
/// let mut v = e.values.clone();
/// v.sort_by(f64::total_cmp);
/// assert!((v[0] - 1.0).abs() < 1e-12 && (v[1] - 3.0).abs() < 1e-12);
/// ```
#[must_use]
pub fn jacobi_eigen(a: &[f64], n: usize) -> Option<Eigen> {
    if a.len() != n * n || a.iter().any(|x| !x.is_finite()) {
        return None;
    }
    let mut m = a.to_vec();
    let mut v = vec![0.0; n * n];
    for i in 0..n {
        v[i * n + i] = 1.0;
    }
    let scale: f64 = m.iter().map(|x| x * x).sum::<f64>().max(f64::MIN_POSITIVE);
    for _ in 0..MAX_SWEEPS {
        let off: f64 = (0..n).flat_map(|i| (0..n).filter(move |&j| j != i).map(move |j| (i, j))).map(|(i, j)| m[i * n + j].powi(2)).sum();
        if off <= 1e-22 * scale {
            return Some(Eigen { values: (0..n).map(|i| m[i * n + i]).collect(), vectors: v });
        }
        for p in 0..n {
            for q in p + 1..n {
                let apq = m[p * n + q];
                if apq.abs() <= f64::MIN_POSITIVE {
                    continue;
                }
                let theta = (m[q * n + q] - m[p * n + p]) / (2.0 * apq);
                let t = theta.signum() / (theta.abs() + theta.hypot(1.0));
                let t = if theta == 0.0 { 1.0 } else { t };
                let c = 1.0 / t.hypot(1.0);
                let s = t * c;
                for k in 0..n {
                    let (mkp, mkq) = (m[k * n + p], m[k * n + q]);
                    m[k * n + p] = c * mkp - s * mkq;
                    m[k * n + q] = s * mkp + c * mkq;
                }
                for k in 0..n {
                    let (mpk, mqk) = (m[p * n + k], m[q * n + k]);
                    m[p * n + k] = c * mpk - s * mqk;
                    m[q * n + k] = s * mpk + c * mqk;
                }
                for k in 0..n {
                    let (vkp, vkq) = (v[k * n + p], v[k * n + q]);
                    v[k * n + p] = c * vkp - s * vkq;
                    v[k * n + q] = s * vkp + c * vkq;
                }
            }
        }
    }
    None
}

/// Pivots below this (relative to the diagonal, 1 in a correlation matrix)
/// mark a predictor as a linear combination of those before it.
pub const COLLINEAR: f64 = 1e-10;

/// R² of the least-squares regression of a standardised outcome on the
/// predictors in `subset` (a bit mask over the `n` predictors), from their
/// correlation matrix `corr` and their correlations `r` with the outcome.
///
/// **Definition.** R² = r_Sᵀ R_SS⁻¹ r_S, computed by a Cholesky
/// factorisation R_SS = L Lᵀ as ‖L⁻¹ r_S‖². A predictor whose pivot falls
/// below [`COLLINEAR`] adds nothing to the span and is skipped, so perfectly
/// collinear predictors give the R² of the projection, never NaN. The result
/// is clamped to [0, 1].
///
/// **Source.** The normal equations in correlation form (e.g. Cohen, J.
/// et al. (2003), *Applied Multiple Regression/Correlation Analysis*, 3rd
/// ed., §3.5).
///
/// # Example
/// Two uncorrelated predictors with r = 0.6 and 0.3: R² = 0.36 + 0.09.
/// ```
/// use cadran_core::metrics::value::linalg::subset_r_squared;
/// let r2 = subset_r_squared(&[1.0, 0.0, 0.0, 1.0], 2, &[0.6, 0.3], 0b11);
/// assert!((r2 - 0.45).abs() < 1e-12);
/// ```
#[must_use]
pub fn subset_r_squared(corr: &[f64], n: usize, r: &[f64], subset: u64) -> f64 {
    if corr.len() != n * n || r.len() != n {
        return 0.0;
    }
    // Rows of L for the kept predictors (original indices in `kept`), and
    // z = L⁻¹ r_S built alongside.
    let mut kept: Vec<usize> = Vec::new();
    let mut l: Vec<Vec<f64>> = Vec::new();
    let mut z: Vec<f64> = Vec::new();
    for i in (0..n.min(64)).filter(|&i| subset >> i & 1 == 1) {
        let mut row: Vec<f64> = Vec::with_capacity(kept.len() + 1);
        for (j, &kj) in kept.iter().enumerate() {
            let dot: f64 = row.iter().zip(&l[j]).map(|(a, b)| a * b).sum();
            row.push((corr[i * n + kj] - dot) / l[j][j]);
        }
        let d2 = corr[i * n + i] - row.iter().map(|x| x * x).sum::<f64>();
        if d2.is_nan() || d2 <= COLLINEAR {
            continue;
        }
        let d = d2.sqrt();
        let zi = (r[i] - row.iter().zip(&z).map(|(a, b)| a * b).sum::<f64>()) / d;
        row.push(d);
        l.push(row);
        z.push(zi);
        kept.push(i);
    }
    let r2 = z.iter().map(|x| x * x).sum::<f64>();
    if r2.is_nan() { 0.0 } else { r2.clamp(0.0, 1.0) }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// A V Λ Vᵀ reconstruction of the matrix, entry by entry.
    fn reconstruct(e: &Eigen, n: usize) -> Vec<f64> {
        (0..n * n)
            .map(|ij| {
                let (i, j) = (ij / n, ij % n);
                (0..n).map(|k| e.vectors[i * n + k] * e.values[k] * e.vectors[j * n + k]).sum()
            })
            .collect()
    }

    #[test]
    fn eigen_table() {
        // Diagonal, 3 × 3 with known eigenvalues 2 − √2, 2, 2 + √2, and a
        // rank-one matrix of ones (eigenvalues 0, 0, 3).
        let cases: [(&[f64], usize, [f64; 3]); 3] = [
            (&[3.0, 0.0, 0.0, 0.0, 1.0, 0.0, 0.0, 0.0, 2.0], 3, [1.0, 2.0, 3.0]),
            (&[2.0, -1.0, 0.0, -1.0, 2.0, -1.0, 0.0, -1.0, 2.0], 3, [2.0 - std::f64::consts::SQRT_2, 2.0, 2.0 + std::f64::consts::SQRT_2]),
            (&[1.0; 9], 3, [0.0, 0.0, 3.0]),
        ];
        for (a, n, want) in cases {
            let e = jacobi_eigen(a, n).unwrap();
            let mut v = e.values.clone();
            v.sort_by(f64::total_cmp);
            for (got, w) in v.iter().zip(want) {
                assert!((got - w).abs() < 1e-10, "{a:?}: {v:?} vs {want:?}");
            }
            for (x, y) in reconstruct(&e, n).iter().zip(a) {
                assert!((x - y).abs() < 1e-10, "{a:?} rebuilt");
            }
        }
        assert_eq!(jacobi_eigen(&[1.0, 2.0], 2), None, "not 2 × 2");
        assert_eq!(jacobi_eigen(&[f64::NAN], 1), None, "NaN");
        assert_eq!(jacobi_eigen(&[], 0).map(|e| e.values.len()), Some(0));
    }

    #[test]
    fn r_squared_table() {
        // Two correlated predictors (r₁₂ = 0.5) with r = 0.5, 0.5:
        // R² = rᵀ R⁻¹ r = 2 × 0.25 ÷ 1.5 = 1/3.
        let c = [1.0, 0.5, 0.5, 1.0];
        assert!((subset_r_squared(&c, 2, &[0.5, 0.5], 0b11) - 1.0 / 3.0).abs() < 1e-12);
        assert!((subset_r_squared(&c, 2, &[0.5, 0.5], 0b01) - 0.25).abs() < 1e-12);
        assert_eq!(subset_r_squared(&c, 2, &[0.5, 0.5], 0), 0.0);
        // Two identical predictors: the second adds nothing.
        let same = [1.0, 1.0, 1.0, 1.0];
        assert!((subset_r_squared(&same, 2, &[0.7, 0.7], 0b11) - 0.49).abs() < 1e-12);
        assert_eq!(subset_r_squared(&same, 3, &[0.7, 0.7], 0b11), 0.0, "wrong size");
    }

    proptest! {
        /// Random symmetric matrices up to 12 × 12 are rebuilt from their
        /// decomposition.
        #[test]
        fn rebuilds(n in 1usize..12, seed in prop::collection::vec(-10.0..10.0f64, 144)) {
            let a: Vec<f64> = (0..n * n).map(|ij| { let (i, j) = (ij / n, ij % n); seed[i.min(j) * 12 + i.max(j)] }).collect();
            let e = jacobi_eigen(&a, n).unwrap();
            for (x, y) in reconstruct(&e, n).iter().zip(&a) {
                prop_assert!((x - y).abs() < 1e-8, "{} vs {}", x, y);
            }
        }
    }
}
