//! Fisher's exact test on a 2×2 table.

use super::prob;
use serde::{Deserialize, Serialize};

/// Most values the top-left cell can take for [`fisher_exact`] to run (it
/// visits each once). With counts validated at 10¹² and the test only used
/// when an expected count is below 5, the support never exceeds about
/// 3.2 × 10⁶ (the smaller margin is below √(5 N)).
pub const FISHER_MAX_SUPPORT: u64 = 10_000_000;

/// The p-values of Fisher's exact test. **Statistic: `f64`.**
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct FisherExactStat {
    /// Two-sided: the probability of every table, with the same margins, no
    /// more likely than the one observed (Irwin's rule, as R's `fisher.test`).
    pub two_sided: f64,
    /// One-sided: P(top-left cell ≤ observed).
    pub less: f64,
    /// One-sided: P(top-left cell ≥ observed).
    pub greater: f64,
}

/// Fisher's exact test of independence on the table `[[a, b], [c, d]]`.
///
/// **Definition.** With the margins fixed, the top-left cell is
/// hypergeometric (see [`crate::stats::hypergeometric_pmf`]); the p-values sum
/// its probabilities over the tables at least as extreme as the one observed.
/// The probabilities are computed relative to the mode by the exact ratio of
/// consecutive terms, (r₁ − k)(c₁ − k) ÷ ((k + 1)(N − r₁ − c₁ + k + 1)), which
/// needs no factorial and cannot overflow. `None` for an empty table, a total
/// above `u64::MAX` or a support larger than [`FISHER_MAX_SUPPORT`].
///
/// **Source.** Fisher, R. A. (1935), *The Design of Experiments*, ch. II (the
/// lady tasting tea, table [[3, 1], [1, 3]]: one-sided p = 17/70 = 0.243);
/// Irwin, J. O. (1935), "Tests of significance for differences between
/// percentages based on small numbers", *Metron* 12 (the two-sided rule).
///
/// # Example
/// ```
/// use cadran_core::stats::fisher_exact;
/// let tea = fisher_exact(3, 1, 1, 3).unwrap();
/// assert!((tea.greater - 17.0 / 70.0).abs() < 1e-14);
/// assert!((tea.two_sided - 34.0 / 70.0).abs() < 1e-14);
/// ```
#[must_use]
pub fn fisher_exact(a: u64, b: u64, c: u64, d: u64) -> Option<FisherExactStat> {
    let row1 = a.checked_add(b)?;
    let col1 = a.checked_add(c)?;
    let n = row1.checked_add(c.checked_add(d)?)?;
    if n == 0 {
        return None;
    }
    let lo = (u128::from(row1) + u128::from(col1)).saturating_sub(u128::from(n));
    let lo = u64::try_from(lo).ok()?;
    let hi = row1.min(col1);
    if hi - lo >= FISHER_MAX_SUPPORT {
        return None;
    }
    let mode = u128::from(row1 + 1) * u128::from(col1 + 1) / (u128::from(n) + 2);
    let mode = u64::try_from(mode).ok()?.clamp(lo, hi);
    // w(k + 1) ÷ w(k); every factor positive for lo ≤ k < hi.
    #[allow(clippy::cast_precision_loss)]
    let ratio = |k: u64| {
        ((row1 - k) as f64) * ((col1 - k) as f64) / (((k + 1) as f64) * ((n + k + 1 - row1 - col1) as f64))
    };
    // Weight of the observed table relative to the mode.
    let mut w_obs = 1.0;
    if a > mode {
        for k in mode..a {
            w_obs *= ratio(k);
        }
    } else {
        for k in (a..mode).rev() {
            w_obs /= ratio(k);
        }
    }
    let threshold = w_obs * (1.0 + 1e-7);
    let (mut total, mut less, mut greater, mut two) = (0.0, 0.0, 0.0, 0.0);
    let mut add = |k: u64, w: f64| {
        total += w;
        if k <= a {
            less += w;
        }
        if k >= a {
            greater += w;
        }
        if w <= threshold {
            two += w;
        }
    };
    // Upwards from the mode, then downwards; the law is unimodal, so once a
    // weight underflows every further one is negligible.
    let mut w = 1.0;
    let mut k = mode;
    loop {
        add(k, w);
        if k == hi {
            break;
        }
        w *= ratio(k);
        k += 1;
        if w < f64::MIN_POSITIVE {
            break;
        }
    }
    let mut w = 1.0;
    let mut k = mode;
    while k > lo {
        w /= ratio(k - 1);
        k -= 1;
        if w < f64::MIN_POSITIVE {
            break;
        }
        add(k, w);
    }
    Some(FisherExactStat { two_sided: prob(two / total)?, less: prob(less / total)?, greater: prob(greater / total)? })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The dieting example of the Wikipedia article "Fisher's exact test"
    /// (men 1 dieting / 11 not, women 9 / 3): the observed table has
    /// probability 0.001346, one-sided p 0.001380, two-sided p 0.002759.
    /// Exactly: one-sided (3640 + 91) ÷ C(24, 12) = 3731 ÷ 2 704 156.
    #[test]
    fn dieting_example() {
        let f = fisher_exact(1, 9, 11, 3).unwrap();
        assert!((f.less - 3731.0 / 2_704_156.0).abs() < 1e-15, "one-sided {}", f.less);
        assert!((f.two_sided - 0.002_759).abs() < 5e-7, "two-sided {}", f.two_sided);
        assert!((f.greater - 1.0).abs() < 0.01);
    }

    #[test]
    fn edges() {
        assert_eq!(fisher_exact(0, 0, 0, 0), None);
        assert_eq!(fisher_exact(u64::MAX, 1, 0, 0), None);
        // One row empty: a single possible table, p = 1.
        let f = fisher_exact(0, 0, 5, 7).unwrap();
        assert_eq!((f.two_sided, f.less, f.greater), (1.0, 1.0, 1.0));
        // Huge counts with a tiny margin stay fast and in [0, 1].
        let f = fisher_exact(2, 999_999_999_998, 3, 999_999_999_997).unwrap();
        assert!(f.two_sided > 0.9 && f.two_sided <= 1.0, "{f:?}");
        // Mirror: swapping the rows swaps the one-sided tails.
        let (x, y) = (fisher_exact(2, 10, 7, 5).unwrap(), fisher_exact(7, 5, 2, 10).unwrap());
        assert!((x.less - y.greater).abs() < 1e-14 && (x.two_sided - y.two_sided).abs() < 1e-14);
    }
}
