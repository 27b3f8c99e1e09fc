//! Shapley value regression: each driver's average contribution to R² over
//! every order in which drivers could enter the regression.

use super::linalg::subset_r_squared;
use crate::Undefined;

/// Most predictors for the exact Shapley computation: 2¹⁵ = 32 768 subset
/// regressions, each a Cholesky factorisation of at most 15 × 15.
pub const SHAPLEY_MAX: usize = 15;

/// Shapley values of R²: each predictor's share, summing to R² of the full
/// regression (the efficiency property). From the predictors' correlation
/// matrix `corr` (n × n, row-major) and their correlations `r` with the
/// outcome; [`Undefined::TooManyDrivers`] above [`SHAPLEY_MAX`] predictors.
///
/// **Definition.** φⱼ = Σ_{S ⊆ N∖{j}} |S|! (n − |S| − 1)! ÷ n! ×
/// (R²(S ∪ {j}) − R²(S)), with R²(S) by
/// [`super::linalg::subset_r_squared`] (R²(∅) = 0). Exact: every subset is
/// visited.
///
/// **Source.** Shapley, L. S. (1953), "A value for n-person games", in
/// *Contributions to the Theory of Games II*, Princeton University Press;
/// applied to regression by Lipovetsky, S. & Conklin, M. (2001), "Analysis
/// of regression in game theory approach", *Applied Stochastic Models in
/// Business and Industry* 17(4), 319–330 (the same decomposition as
/// Budescu's 1993 dominance analysis "general dominance").
///
/// # Example
/// Two predictors correlated 0.5, each correlated 0.5 with the outcome:
/// R² = 1/3, shared equally.
/// ```
/// use cadran_core::metrics::value::shapley_values;
/// let s = shapley_values(&[1.0, 0.5, 0.5, 1.0], 2, &[0.5, 0.5]).unwrap();
/// assert!((s[0] - 1.0 / 6.0).abs() < 1e-12 && (s[1] - 1.0 / 6.0).abs() < 1e-12);
/// ```
pub fn shapley_values(corr: &[f64], n: usize, r: &[f64]) -> Result<Vec<f64>, Undefined> {
    if n > SHAPLEY_MAX {
        return Err(Undefined::TooManyDrivers { have: n as u64, max: SHAPLEY_MAX as u64 });
    }
    if corr.len() != n * n || r.len() != n {
        return Err(Undefined::NotComputable);
    }
    let subsets = 1u64 << n;
    let r2: Vec<f64> = (0..subsets).map(|s| subset_r_squared(corr, n, r, s)).collect();
    // weight[k] = k! (n − k − 1)! ÷ n!, for a subset of k others.
    let factorial = |k: usize| (1..=k).map(|i| i as f64).product::<f64>();
    let weight: Vec<f64> = (0..n).map(|k| factorial(k) * factorial(n - k - 1) / factorial(n)).collect();
    let mut phi = vec![0.0; n];
    for s in 0..subsets {
        let size = s.count_ones() as usize;
        for (j, p) in phi.iter_mut().enumerate() {
            if s >> j & 1 == 0 {
                *p += weight[size] * (r2[(s | 1 << j) as usize] - r2[s as usize]);
            }
        }
    }
    Ok(phi)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapley_table() {
        // Uncorrelated: each gets its r².
        let s = shapley_values(&[1.0, 0.0, 0.0, 0.0, 1.0, 0.0, 0.0, 0.0, 1.0], 3, &[0.5, 0.4, 0.1]).unwrap();
        for (got, want) in s.iter().zip([0.25, 0.16, 0.01]) {
            assert!((got - want).abs() < 1e-12, "{s:?}");
        }
        assert_eq!(shapley_values(&[], 0, &[]), Ok(vec![]));
        assert_eq!(shapley_values(&[1.0], 1, &[]), Err(Undefined::NotComputable));
        let big = vec![0.0; 16 * 16];
        assert_eq!(shapley_values(&big, 16, &[0.0; 16]), Err(Undefined::TooManyDrivers { have: 16, max: 15 }));
    }
}
