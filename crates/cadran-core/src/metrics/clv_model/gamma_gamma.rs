//! The Gamma-Gamma model of spend per purchase: a customer's purchase
//! amounts are Gamma(p, ν) around their own mean p ÷ ν, and ν ~ Gamma(q, γ)
//! across customers. A customer's expected spend is then a weighted mean of
//! their own observed average and the population's, the weight on their own
//! growing with the number of purchases seen (Fader, Hardie & Lee 2005,
//! "RFM and CLV: using iso-value curves for customer base analysis",
//! *J. Marketing Research* 42(4), 415–430; Fader & Hardie 2013, "The
//! Gamma-Gamma model of monetary value", brucehardie.com note 025).
//!
//! It is fitted on **repeat** customers only: those with no repeat purchase
//! have no repeat-spend average (their first purchase is excluded, as in the
//! note), and they are counted in the fit rather than silently dropped.

use super::error::{ClvModelError, CustomerField, ValueProblem};
use super::{minimise, standard_errors};
use crate::stats::{finite, ln_gamma};

/// One customer's repeat purchases and their mean value (money, here in
/// floating point: a statistic's input, not an amount to keep to the cent).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RepeatSpend {
    /// x: repeat purchases.
    pub frequency: u32,
    /// m̄: mean value of those purchases (ignored when x = 0).
    pub mean_spend: f64,
}

/// Gamma-Gamma parameters: floating-point (`f64`) maximum-likelihood
/// estimates.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct GammaGammaParams {
    /// p: shape of the per-purchase amounts.
    pub p: f64,
    /// q: shape of the Gamma distribution of ν across customers.
    pub q: f64,
    /// γ: scale of that distribution (money).
    pub gamma: f64,
}

/// A Gamma-Gamma fit.
#[derive(Debug, Clone, PartialEq)]
pub struct GammaGammaFit {
    /// The estimates.
    pub params: GammaGammaParams,
    /// Standard errors from the Hessian, `None` if not positive definite.
    pub standard_errors: Option<GammaGammaParams>,
    /// ln L at the estimates over the repeat customers.
    pub log_likelihood: f64,
    /// Customers fitted (x > 0).
    pub fitted: usize,
    /// Customers left out because they have no repeat purchase (x = 0).
    pub without_repeat: usize,
    /// Simplex iterations used.
    pub iterations: usize,
    /// Whether the optimiser met its tolerance.
    pub converged: bool,
}

impl GammaGammaParams {
    fn valid(&self) -> bool {
        [self.p, self.q, self.gamma]
            .iter()
            .all(|v| v.is_finite() && *v > 0.0)
    }

    /// ln L of one repeat customer (x ≥ 1, m̄ > 0).
    ///
    /// **Definition.** L = Γ(px + q) ÷ (Γ(px) Γ(q)) · γ^q m̄^(px − 1) x^(px)
    /// ÷ (γ + x m̄)^(px + q) (Fader & Hardie 2013, eq. 3). `None` for x = 0,
    /// m̄ ≤ 0 or invalid parameters.
    ///
    /// # Example
    /// ```
    /// use cadran_core::metrics::clv_model::gamma_gamma::{GammaGammaParams, RepeatSpend};
    /// // p = q = γ = 1, x = 1, m̄ = 1: L = Γ(2) ÷ (Γ(1)Γ(1)) · 1 ÷ 2² = ¼.
    /// let g = GammaGammaParams { p: 1.0, q: 1.0, gamma: 1.0 };
    /// let ll = g.log_likelihood(&RepeatSpend { frequency: 1, mean_spend: 1.0 }).unwrap();
    /// assert!((ll - 0.25f64.ln()).abs() < 1e-14);
    /// ```
    #[must_use]
    pub fn log_likelihood(&self, c: &RepeatSpend) -> Option<f64> {
        if !(self.valid() && c.frequency > 0 && c.mean_spend.is_finite() && c.mean_spend > 0.0) {
            return None;
        }
        let (x, m) = (f64::from(c.frequency), c.mean_spend);
        let px = self.p * x;
        finite(
            ln_gamma(px + self.q)? - ln_gamma(px)? - ln_gamma(self.q)?
                + self.q * self.gamma.ln()
                + (px - 1.0) * m.ln()
                + px * x.ln()
                - (px + self.q) * (self.gamma + x * m).ln(),
        )
    }

    /// The population's mean spend per purchase, E[Z] = p γ ÷ (q − 1);
    /// `None` when q ≤ 1 (the mean is infinite) or the parameters are invalid.
    ///
    /// # Example
    /// ```
    /// use cadran_core::metrics::clv_model::gamma_gamma::GammaGammaParams;
    /// // Fader & Hardie (2013), CDNOW: 6.25 × 15.44 ÷ 2.74 = $35.22.
    /// let g = GammaGammaParams { p: 6.25, q: 3.74, gamma: 15.44 };
    /// assert!((g.population_mean().unwrap() - 35.22).abs() < 0.005);
    /// ```
    #[must_use]
    pub fn population_mean(&self) -> Option<f64> {
        if !(self.valid() && self.q > 1.0) {
            return None;
        }
        finite(self.p * self.gamma / (self.q - 1.0))
    }

    /// A customer's expected spend per purchase given their history.
    ///
    /// **Definition.** E[M | x, m̄] = p (γ + x m̄) ÷ (px + q − 1), which is
    /// the weighted mean w · p γ ÷ (q − 1) + (1 − w) · m̄ with w = (q − 1) ÷
    /// (px + q − 1) (Fader, Hardie & Lee 2005b, eq. 5; Fader & Hardie 2013,
    /// eq. 5); the population mean for x = 0. `None` when q ≤ 1, for m̄ ≤ 0
    /// with x > 0, or invalid parameters.
    ///
    /// # Example
    /// ```
    /// use cadran_core::metrics::clv_model::gamma_gamma::{GammaGammaParams, RepeatSpend};
    /// let g = GammaGammaParams { p: 6.25, q: 3.74, gamma: 15.44 };
    /// // CDNOW customer 1: 2 repeat purchases averaging $22.35 → $24.66,
    /// // pulled towards the population's $35.22.
    /// let e = g.expected_spend(&RepeatSpend { frequency: 2, mean_spend: 22.35 }).unwrap();
    /// assert!((e - 24.66).abs() < 0.01, "{e}");
    /// ```
    #[must_use]
    pub fn expected_spend(&self, c: &RepeatSpend) -> Option<f64> {
        let population = self.population_mean()?;
        if c.frequency == 0 {
            return Some(population);
        }
        if !(c.mean_spend.is_finite() && c.mean_spend > 0.0) {
            return None;
        }
        let px = self.p * f64::from(c.frequency);
        finite(self.p * (self.gamma + f64::from(c.frequency) * c.mean_spend) / (px + self.q - 1.0))
    }
}

/// Fits the Gamma-Gamma model by maximum likelihood on the customers with
/// at least one repeat purchase.
///
/// **Definition.** Maximises Σ ln L ([`GammaGammaParams::log_likelihood`])
/// over ln p, ln q, ln γ by [`minimise`]; standard errors from
/// [`standard_errors`]. **Source.** Fader & Hardie (2013), §3 (CDNOW: p =
/// 6.25, q = 3.74, γ = 15.44 on 946 repeat customers).
///
/// # Errors
/// [`ClvModelError::Customer`] for a repeat customer whose mean spend is
/// not finite or not positive (a refund is reported, not dropped);
/// [`ClvModelError::NoRepeatCustomers`] when none has a repeat purchase.
///
/// # Example
/// ```
/// use cadran_core::metrics::clv_model::gamma_gamma::{fit_gamma_gamma, RepeatSpend};
/// let s = |x, m| RepeatSpend { frequency: x, mean_spend: m };
/// let fit = fit_gamma_gamma(&[s(2, 20.0), s(1, 35.0), s(5, 28.0), s(0, 0.0), s(3, 60.0), s(1, 15.0)]).unwrap();
/// assert_eq!((fit.fitted, fit.without_repeat), (5, 1));
/// assert!(fit.log_likelihood.is_finite());
/// ```
pub fn fit_gamma_gamma(customers: &[RepeatSpend]) -> Result<GammaGammaFit, ClvModelError> {
    let mut repeat = Vec::with_capacity(customers.len());
    for (row, c) in customers.iter().enumerate() {
        if c.frequency == 0 {
            continue;
        }
        let problem = if !c.mean_spend.is_finite() {
            ValueProblem::NotFinite
        } else if c.mean_spend <= 0.0 {
            ValueProblem::NotPositive
        } else {
            repeat.push(*c);
            continue;
        };
        return Err(ClvModelError::Customer {
            row,
            field: CustomerField::MeanSpend,
            problem,
        });
    }
    if repeat.is_empty() {
        return Err(ClvModelError::NoRepeatCustomers);
    }
    // The log-gammas depend on x only: computed once per distinct x, so an
    // evaluation costs three logarithms per customer (CDNOW: 946 customers,
    // 30-odd distinct frequencies).
    repeat.sort_by_key(|c| c.frequency);
    let rows: Vec<(f64, f64, f64)> = repeat
        .iter()
        .map(|c| {
            (
                f64::from(c.frequency),
                f64::from(c.frequency).ln(),
                c.mean_spend,
            )
        })
        .collect();
    let sum_ll = |g: &GammaGammaParams| -> f64 {
        if !g.valid() {
            return f64::INFINITY;
        }
        let Some(lg_q) = ln_gamma(g.q) else {
            return f64::INFINITY;
        };
        let mut s = 0.0;
        let mut cached = (f64::NAN, 0.0);
        for &(x, ln_x, m) in &rows {
            let px = g.p * x;
            if cached.0 != x {
                match (ln_gamma(px + g.q), ln_gamma(px)) {
                    (Some(a), Some(b)) => cached = (x, a - b),
                    _ => return f64::INFINITY,
                }
            }
            s += cached.1 - lg_q + g.q * g.gamma.ln() + (px - 1.0) * m.ln() + px * ln_x
                - (px + g.q) * (g.gamma + x * m).ln();
        }
        if s.is_finite() {
            -s
        } else {
            f64::INFINITY
        }
    };
    let neg_ll = |x: &[f64]| {
        sum_ll(&GammaGammaParams {
            p: x[0].exp(),
            q: x[1].exp(),
            gamma: x[2].exp(),
        })
    };
    #[allow(clippy::cast_precision_loss)]
    let mean = repeat.iter().map(|c| c.mean_spend).sum::<f64>() / repeat.len() as f64;
    let starts = [
        vec![0.0, 0.0, 0.0],
        vec![1.5, 1.0, mean.ln() - 1.0],
        vec![0.5, 2.0, mean.ln()],
    ];
    let m = minimise(neg_ll, &starts).ok_or(crate::Undefined::NotComputable)?;
    let params = GammaGammaParams {
        p: m.x[0].exp(),
        q: m.x[1].exp(),
        gamma: m.x[2].exp(),
    };
    let natural = |t: &[f64]| {
        sum_ll(&GammaGammaParams {
            p: t[0],
            q: t[1],
            gamma: t[2],
        })
    };
    let se =
        standard_errors(natural, &[params.p, params.q, params.gamma]).map(|s| GammaGammaParams {
            p: s[0],
            q: s[1],
            gamma: s[2],
        });
    Ok(GammaGammaFit {
        params,
        standard_errors: se,
        log_likelihood: -m.value,
        fitted: repeat.len(),
        without_repeat: customers.len() - repeat.len(),
        iterations: m.iterations,
        converged: m.converged,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn bad_spend_is_named() {
        let s = |x, m| RepeatSpend {
            frequency: x,
            mean_spend: m,
        };
        let err = |row, problem| {
            Err(ClvModelError::Customer {
                row,
                field: CustomerField::MeanSpend,
                problem,
            })
        };
        assert_eq!(
            fit_gamma_gamma(&[s(1, 10.0), s(2, -5.0)]),
            err(1, ValueProblem::NotPositive)
        );
        assert_eq!(
            fit_gamma_gamma(&[s(1, f64::NAN)]),
            err(0, ValueProblem::NotFinite)
        );
        assert_eq!(
            fit_gamma_gamma(&[s(0, 0.0), s(0, -3.0)]),
            Err(ClvModelError::NoRepeatCustomers)
        );
        let g = GammaGammaParams {
            p: 2.0,
            q: 0.8,
            gamma: 10.0,
        };
        assert_eq!(g.population_mean(), None);
        assert_eq!(g.expected_spend(&s(0, 0.0)), None);
    }

    proptest! {
        // Random spends often have no interior maximum (the fit runs to the
        // search box and the iteration cap): 24 cases keep this test short.
        #![proptest_config(ProptestConfig::with_cases(24))]
        /// Fits never give NaN; the expected spend lies between the
        /// customer's own mean and the population's.
        #[test]
        fn finite_and_shrunk(rows in prop::collection::vec((0u32..10, 1.0f64..500.0), 1..30)) {
            let data: Vec<RepeatSpend> = rows.iter().map(|&(x, m)| RepeatSpend { frequency: x, mean_spend: m }).collect();
            match fit_gamma_gamma(&data) {
                Ok(fit) => {
                    let g = fit.params;
                    prop_assert!(fit.log_likelihood.is_finite() && g.p.is_finite() && g.q.is_finite() && g.gamma.is_finite(), "{:?}", fit);
                    if let Some(pop) = g.population_mean() {
                        for c in data.iter().filter(|c| c.frequency > 0) {
                            let e = g.expected_spend(c).unwrap();
                            let (lo, hi) = (pop.min(c.mean_spend), pop.max(c.mean_spend));
                            prop_assert!(e >= lo * (1.0 - 1e-12) && e <= hi * (1.0 + 1e-12), "{} not in [{}, {}]", e, lo, hi);
                        }
                    }
                }
                Err(e) => prop_assert_eq!(e, ClvModelError::NoRepeatCustomers),
            }
        }
    }
}
