//! The shifted-beta-geometric (sBG) model of contractual retention.
//!
//! Each customer churns at each renewal with a constant probability θ, and
//! θ varies across customers as Beta(α, β). A cohort's retention rate then
//! *rises* with tenure (the likely churners leave first), which is why a
//! constant churn rate fitted on the first periods under-predicts long-run
//! retention (Fader & Hardie 2007, §2).

use super::error::{ClvModelError, CohortProblem};
use super::{minimise, standard_errors};
use crate::stats::{hyp2f1, ln_gamma_ratio};
use crate::Undefined;

/// sBG parameters: floating-point (`f64`) maximum-likelihood estimates of
/// the Beta(α, β) mixing distribution of the per-period churn probability.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SbgParams {
    /// α > 0.
    pub alpha: f64,
    /// β > 0.
    pub beta: f64,
}

/// An sBG fit: estimates (floating point), their standard errors, the
/// maximised log-likelihood and whether the optimiser converged.
#[derive(Debug, Clone, PartialEq)]
pub struct SbgFit {
    /// The estimates.
    pub params: SbgParams,
    /// Standard errors of α and β from the Hessian; `None` when it is not
    /// positive definite (a fit at a boundary).
    pub standard_errors: Option<SbgParams>,
    /// ln L at the estimates.
    pub log_likelihood: f64,
    /// Simplex iterations used.
    pub iterations: usize,
    /// Whether the optimiser met its tolerance.
    pub converged: bool,
}

impl SbgParams {
    fn valid(&self) -> bool {
        self.alpha.is_finite() && self.beta.is_finite() && self.alpha > 0.0 && self.beta > 0.0
    }

    /// S(t), the share of a cohort still a customer after `t` periods.
    ///
    /// **Definition.** S(t) = B(α, β + t) ÷ B(α, β) (Fader & Hardie 2007,
    /// "How to project customer retention", *J. Interactive Marketing*
    /// 21(1), eq. 4). `None` for invalid parameters.
    ///
    /// # Example
    /// ```
    /// use cadran_core::metrics::clv_model::SbgParams;
    /// // α = β = 1: S(t) = 1 ÷ (t + 1).
    /// let p = SbgParams { alpha: 1.0, beta: 1.0 };
    /// assert!((p.survival(3).unwrap() - 0.25).abs() < 1e-14);
    /// ```
    #[must_use]
    pub fn survival(&self, t: u32) -> Option<f64> {
        if !self.valid() {
            return None;
        }
        // Γ(β + t)Γ(α + β) ÷ (Γ(β)Γ(α + β + t)), as two log-ratios that stay
        // accurate when α and β are both huge (a near-constant churn).
        let t = f64::from(t);
        let ln_s = ln_gamma_ratio(self.beta, t)? - ln_gamma_ratio(self.alpha + self.beta, t)?;
        crate::stats::prob(ln_s.exp())
    }

    /// r_t, the retention rate at renewal `t` ≥ 1: the share of customers
    /// alive after t − 1 periods who renew.
    ///
    /// **Definition.** r_t = S(t) ÷ S(t − 1) = (β + t − 1) ÷ (α + β + t − 1)
    /// (Fader & Hardie 2007, eq. 8): increasing in t. `None` for t = 0 or
    /// invalid parameters.
    ///
    /// # Example
    /// ```
    /// use cadran_core::metrics::clv_model::SbgParams;
    /// let p = SbgParams { alpha: 1.0, beta: 1.0 };
    /// assert_eq!(p.retention(1), Some(0.5));
    /// assert!(p.retention(10).unwrap() > p.retention(2).unwrap());
    /// ```
    #[must_use]
    pub fn retention(&self, t: u32) -> Option<f64> {
        if !self.valid() || t == 0 {
            return None;
        }
        let b = self.beta + f64::from(t) - 1.0;
        crate::stats::prob(b / (self.alpha + b))
    }

    /// ln L of a cohort's survivors `alive` (n₀, n₁, …, n_k: customers still
    /// there after 0, 1, …, k periods).
    ///
    /// **Definition.** ln L = Σ_{t=1..k} (n_{t−1} − n_t) ln P(T = t) + n_k ln
    /// S(k), with P(T = t) = S(t − 1) · α ÷ (α + β + t − 1) (Fader & Hardie
    /// 2007, eqs. 3 and B3). `None` for invalid parameters or counts.
    ///
    /// # Example
    /// ```
    /// use cadran_core::metrics::clv_model::SbgParams;
    /// // Fader & Hardie (2007), Appendix B: at α = β = 1 the "high end"
    /// // cohort's ln L is −2 115.5.
    /// let high_end = [1000, 869, 743, 653, 593, 551, 517, 491];
    /// let ll = SbgParams { alpha: 1.0, beta: 1.0 }.log_likelihood(&high_end).unwrap();
    /// assert!((ll + 2115.5).abs() < 0.05, "{ll}");
    /// ```
    #[must_use]
    pub fn log_likelihood(&self, alive: &[u64]) -> Option<f64> {
        if !self.valid() || alive.len() < 2 || alive.windows(2).any(|w| w[1] > w[0]) {
            return None;
        }
        let (a, b) = (self.alpha, self.beta);
        let mut ln_s = 0.0; // ln S(t − 1)
        let mut ll = 0.0;
        for (i, w) in alive.windows(2).enumerate() {
            #[allow(clippy::cast_precision_loss)]
            let (t, lost) = ((i + 1) as f64, (w[0] - w[1]) as f64);
            let ln_p = ln_s + a.ln() - (a + b + t - 1.0).ln();
            if lost > 0.0 {
                ll += lost * ln_p;
            }
            ln_s += (b + t - 1.0).ln() - (a + b + t - 1.0).ln();
        }
        #[allow(clippy::cast_precision_loss)]
        let last = alive[alive.len() - 1] as f64;
        if last > 0.0 {
            ll += last * ln_s;
        }
        ll.is_finite().then_some(ll)
    }

    /// DERL: the discounted expected residual lifetime of a customer who has
    /// renewed `renewals` times, at the point of their next renewal
    /// decision, in payments (one per period, the first undiscounted). Times
    /// the margin per period, it is that customer's residual CLV.
    ///
    /// **Definition.** DERL = Σ_{k≥0} S(n + 1 + k) ÷ S(n) ÷ (1 + d)^k
    /// = (β + n) ÷ (α + β + n) · ₂F₁(1, β + n + 1; α + β + n + 1; 1 ÷ (1 + d))
    /// for n renewals (Fader & Hardie 2010, "Customer-base valuation in a
    /// contractual setting: the perils of ignoring heterogeneity",
    /// *Marketing Science* 29(1), eq. 6, with their n − 1 renewals as n).
    /// `None` if `discount` ≤ 0 or not finite, or the series fails.
    ///
    /// # Example
    /// ```
    /// use cadran_core::metrics::clv_model::SbgParams;
    /// // A new customer (no renewal yet), α = 1, β = 9, 10 % discount: the
    /// // closed form equals the discounted sum of survival probabilities.
    /// let p = SbgParams { alpha: 1.0, beta: 9.0 };
    /// let derl = p.derl(0.10, 0).unwrap();
    /// let direct: f64 = (0..3000).map(|k| p.survival(k + 1).unwrap() / 1.1f64.powi(k as i32)).sum();
    /// assert!((derl - direct).abs() < 1e-9, "{derl} vs {direct}");
    /// assert_eq!(p.derl(0.0, 0), None);
    /// ```
    #[must_use]
    pub fn derl(&self, discount: f64, renewals: u32) -> Option<f64> {
        if !(self.valid() && discount.is_finite() && discount > 0.0) {
            return None;
        }
        let n = f64::from(renewals);
        let (a, b) = (self.alpha, self.beta);
        let f = hyp2f1(1.0, b + n + 1.0, a + b + n + 1.0, 1.0 / (1.0 + discount))?;
        crate::stats::finite((b + n) / (a + b + n) * f)
    }
}

/// Fits the sBG model by maximum likelihood to one cohort's survivors
/// `alive` (n₀ ≥ n₁ ≥ … ≥ n_k, customers still there after 0 … k periods,
/// k ≥ 2).
///
/// **Definition.** Maximises [`SbgParams::log_likelihood`] over ln α, ln β
/// by [`minimise`] from three starts; standard errors from
/// [`standard_errors`]. **Source.** Fader & Hardie (2007), §3 and
/// Appendix B (the Excel Solver fit).
///
/// # Errors
/// [`ClvModelError::Cohort`] for an empty start or a count above the one
/// before; `TooFewAnswers` when fewer than two periods follow the start
/// (two parameters need two churn ratios); `ZeroChurn` when nobody left, where
/// the likelihood has no maximum.
///
/// # Example
/// ```
/// use cadran_core::metrics::clv_model::fit_sbg;
/// // Fader & Hardie (2007), Table 1 "regular" customers, years 0–7:
/// // α̂ = 0.704, β̂ = 1.182.
/// let fit = fit_sbg(&[1000, 631, 468, 382, 326, 289, 262, 241]).unwrap();
/// assert!(fit.converged);
/// assert!((fit.params.alpha - 0.704).abs() < 5e-4 && (fit.params.beta - 1.182).abs() < 5e-4, "{fit:?}");
/// ```
pub fn fit_sbg(alive: &[u64]) -> Result<SbgFit, ClvModelError> {
    fit_sbg_cohorts(&[alive])
}

/// Fits one sBG model to several cohorts at once (a cohort table: each row
/// a cohort's survivors from its start, younger cohorts shorter).
///
/// **Definition.** The log-likelihood is the sum of each cohort's
/// [`SbgParams::log_likelihood`]: the cohorts are assumed to share one
/// Beta(α, β) churn distribution, as in Fader & Hardie (2007, §5, "multiple
/// cohorts"). Pooling lets young cohorts borrow strength from old ones.
///
/// # Errors
/// As [`fit_sbg`], with `cohort` naming the row; `TooFewAnswers` counts
/// the periods observed after the starts, over all cohorts (need 2). A
/// cohort with only its start count adds nothing and is accepted.
///
/// # Example
/// ```
/// use cadran_core::metrics::clv_model::sbg::fit_sbg_cohorts;
/// // The regular customers' 7 years, and the same cohort's first 3 years
/// // again: the estimates move little.
/// let old: &[u64] = &[1000, 631, 468, 382, 326, 289, 262, 241];
/// let young: &[u64] = &[1000, 631, 468, 382];
/// let fit = fit_sbg_cohorts(&[old, young]).unwrap();
/// assert!((fit.params.alpha - 0.704).abs() < 0.05 && (fit.params.beta - 1.182).abs() < 0.15, "{fit:?}");
/// ```
pub fn fit_sbg_cohorts(cohorts: &[&[u64]]) -> Result<SbgFit, ClvModelError> {
    let mut periods = 0;
    for (cohort, alive) in cohorts.iter().enumerate() {
        if alive.first().is_none_or(|&n| n == 0) {
            return Err(ClvModelError::Cohort {
                cohort,
                period: 0,
                problem: CohortProblem::EmptyStart,
            });
        }
        if let Some(i) = alive.windows(2).position(|w| w[1] > w[0]) {
            let problem = CohortProblem::Increasing { previous: alive[i] };
            return Err(ClvModelError::Cohort {
                cohort,
                period: i + 1,
                problem,
            });
        }
        periods += alive.len() - 1;
    }
    if periods < 2 {
        #[allow(clippy::cast_possible_truncation)]
        let have = periods as u64;
        return Err(Undefined::TooFewAnswers { have, need: 2 }.into());
    }
    if cohorts.iter().all(|a| a[a.len() - 1] == a[0]) {
        return Err(Undefined::ZeroChurn.into());
    }
    let neg_ll = |p: SbgParams| -> f64 {
        let mut s = 0.0;
        for alive in cohorts.iter().filter(|a| a.len() >= 2) {
            match p.log_likelihood(alive) {
                Some(ll) => s += ll,
                None => return f64::INFINITY,
            }
        }
        -s
    };
    let on_logs = |x: &[f64]| {
        neg_ll(SbgParams {
            alpha: x[0].exp(),
            beta: x[1].exp(),
        })
    };
    let starts = [vec![0.0, 0.0], vec![-1.0, 1.0], vec![1.0, 2.5]];
    let m = minimise(on_logs, &starts).ok_or(Undefined::NotComputable)?;
    let params = SbgParams {
        alpha: m.x[0].exp(),
        beta: m.x[1].exp(),
    };
    let natural = |t: &[f64]| {
        neg_ll(SbgParams {
            alpha: t[0],
            beta: t[1],
        })
    };
    let se = standard_errors(natural, &[params.alpha, params.beta]).map(|s| SbgParams {
        alpha: s[0],
        beta: s[1],
    });
    Ok(SbgFit {
        params,
        standard_errors: se,
        log_likelihood: -m.value,
        iterations: m.iterations,
        converged: m.converged,
    })
}

#[cfg(test)]
#[path = "sbg_tests.rs"]
mod tests;
