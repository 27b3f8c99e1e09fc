//! Binomial coefficients in log form and the hypergeometric distribution.

use super::{finite, gamma::{ln_gamma, ln_gamma_ratio}, prob};

/// ln C(n, k), the log of the binomial coefficient, for k ≤ n (`None`
/// otherwise). Accurate for n up to 10¹⁵ through [`ln_gamma_ratio`].
///
/// # Example
/// ```
/// use cadran_core::stats::ln_choose;
/// assert!((ln_choose(8, 4).unwrap() - 70f64.ln()).abs() < 1e-13);
/// assert_eq!(ln_choose(3, 4), None);
/// ```
#[must_use]
pub fn ln_choose(n: u64, k: u64) -> Option<f64> {
    if k > n {
        return None;
    }
    let k = k.min(n - k);
    #[allow(clippy::cast_precision_loss)]
    let (n, k) = (n as f64, k as f64);
    // C(n, k) = Γ(n + 1) ÷ (Γ(k + 1) Γ(n − k + 1)).
    finite(ln_gamma_ratio(n - k + 1.0, k)? - ln_gamma(k + 1.0)?)
}

/// P(X = k) for X hypergeometric: `k` successes in `draws` drawn without
/// replacement from a `population` holding `successes` successes.
///
/// **Definition.** C(K, k) C(N − K, n − k) ÷ C(N, n); zero outside
/// max(0, n − (N − K)) ≤ k ≤ min(K, n). `None` if `successes` or `draws`
/// exceed `population`. This is the law of the top-left cell of a 2×2 table
/// with fixed margins, on which Fisher's exact test rests.
///
/// **Source.** Fisher, R. A. (1935), *The Design of Experiments*, ch. II
/// (the lady tasting tea: 8 cups, 4 with milk first, she picks 4): exactly 3
/// right has probability 16/70, all 4 right 1/70.
///
/// # Example
/// ```
/// use cadran_core::stats::hypergeometric_pmf;
/// assert!((hypergeometric_pmf(3, 8, 4, 4).unwrap() - 16.0 / 70.0).abs() < 1e-14);
/// assert!((hypergeometric_pmf(4, 8, 4, 4).unwrap() - 1.0 / 70.0).abs() < 1e-14);
/// assert_eq!(hypergeometric_pmf(5, 8, 4, 4), Some(0.0));
/// ```
#[must_use]
pub fn hypergeometric_pmf(k: u64, population: u64, successes: u64, draws: u64) -> Option<f64> {
    if successes > population || draws > population {
        return None;
    }
    let failures = population - successes;
    if k > successes || k > draws || draws - k > failures {
        return Some(0.0);
    }
    prob((ln_choose(successes, k)? + ln_choose(failures, draws - k)? - ln_choose(population, draws)?).exp())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pmf_sums_to_one_and_matches_fisher() {
        // Fisher (1935): the tea-tasting probabilities 1, 16, 36, 16, 1 over 70.
        for (k, num) in [(0u64, 1.0), (1, 16.0), (2, 36.0), (3, 16.0), (4, 1.0)] {
            let p = hypergeometric_pmf(k, 8, 4, 4).unwrap();
            assert!((p - num / 70.0).abs() < 1e-14, "k {k}: {p}");
        }
        let total: f64 = (0..=30).map(|k| hypergeometric_pmf(k, 100, 30, 40).unwrap()).sum();
        assert!((total - 1.0).abs() < 1e-12, "sum {total}");
        assert_eq!(hypergeometric_pmf(1, 5, 6, 2), None);
        // Huge population: still a probability.
        let p = hypergeometric_pmf(2, 1_000_000_000_000, 5, 1_000_000).unwrap();
        assert!((0.0..=1.0).contains(&p), "{p}");
    }
}
