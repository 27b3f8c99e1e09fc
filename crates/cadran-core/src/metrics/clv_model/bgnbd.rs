//! The BG/NBD model of non-contractual repeat purchasing ("buy till you
//! die"): while alive, a customer buys as a Poisson process of rate λ;
//! after each purchase they drop out with probability p; λ ~ Gamma(r, α)
//! and p ~ Beta(a, b) across customers (Fader, Hardie & Lee 2005,
//! "'Counting your customers' the easy way: an alternative to the
//! Pareto/NBD model", *Marketing Science* 24(2), 275–284).
//!
//! Its data are three numbers per customer — frequency x (repeat
//! purchases), recency t_x (time of the last one, from the first purchase)
//! and age T (time from the first purchase to the end of the calibration)
//! — in one time unit the user picks (days, weeks, months). Customers with
//! no repeat purchase (x = 0) are kept: they carry most of the information
//! about dropping out.

use super::bgnbd_likelihood::{frequency_terms, ll_row, Prepared};
use super::error::{ClvModelError, CustomerField, ValueProblem};
use super::{minimise, standard_errors};
use crate::stats::hyp2f1;
use crate::Undefined;

/// One customer's frequency, recency and age, in the model's time unit.
/// Times are floating point (fractions of the unit are expected).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CustomerSummary {
    /// x: repeat purchases (purchases after the first).
    pub frequency: u32,
    /// t_x: time of the last purchase since the first (0 when x = 0).
    pub recency: f64,
    /// T: time since the first purchase, to the end of the calibration.
    pub age: f64,
}

impl CustomerSummary {
    /// The first problem of this summary (row `row`), if any: a non-finite
    /// or negative time, recency after age, recency without repeat.
    ///
    /// # Errors
    /// [`ClvModelError::Customer`] naming the row and field.
    ///
    /// # Example
    /// ```
    /// use cadran_core::metrics::clv_model::bgnbd::CustomerSummary;
    /// let bad = CustomerSummary { frequency: 2, recency: 40.0, age: 30.0 };
    /// assert!(bad.check(7).is_err());
    /// assert!(CustomerSummary { frequency: 0, recency: 0.0, age: 30.0 }.check(0).is_ok());
    /// ```
    pub fn check(&self, row: usize) -> Result<(), ClvModelError> {
        let err = |field, problem| {
            Err(ClvModelError::Customer {
                row,
                field,
                problem,
            })
        };
        for (field, v) in [
            (CustomerField::Recency, self.recency),
            (CustomerField::Age, self.age),
        ] {
            if !v.is_finite() {
                return err(field, ValueProblem::NotFinite);
            }
            if v < 0.0 {
                return err(field, ValueProblem::Negative);
            }
        }
        if self.recency > self.age {
            return err(CustomerField::Recency, ValueProblem::RecencyAfterAge);
        }
        if self.frequency == 0 && self.recency > 0.0 {
            return err(CustomerField::Recency, ValueProblem::RecencyWithoutRepeat);
        }
        Ok(())
    }
}

/// BG/NBD parameters: floating-point (`f64`) maximum-likelihood estimates.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct BgNbdParams {
    /// r: shape of the Gamma distribution of purchase rates.
    pub r: f64,
    /// α: scale of the Gamma distribution of purchase rates (time unit).
    pub alpha: f64,
    /// a: first shape of the Beta distribution of dropout probabilities.
    pub a: f64,
    /// b: second shape of the Beta distribution of dropout probabilities.
    pub b: f64,
}

/// A BG/NBD fit: estimates (floating point), standard errors, ln L,
/// iterations and convergence.
#[derive(Debug, Clone, PartialEq)]
pub struct BgNbdFit {
    /// The estimates.
    pub params: BgNbdParams,
    /// Standard errors from the Hessian; `None` if it is not positive
    /// definite.
    pub standard_errors: Option<BgNbdParams>,
    /// ln L at the estimates, summed over customers.
    pub log_likelihood: f64,
    /// Simplex iterations used.
    pub iterations: usize,
    /// Whether the optimiser met its tolerance.
    pub converged: bool,
}

impl BgNbdParams {
    pub(crate) fn valid(&self) -> bool {
        [self.r, self.alpha, self.a, self.b]
            .iter()
            .all(|v| v.is_finite() && *v > 0.0)
    }

    /// ln L of one customer.
    ///
    /// **Definition.** L = B(a, b + x) ÷ B(a, b) · Γ(r + x) αʳ ÷ (Γ(r) (α +
    /// T)^(r + x)) + [x > 0] B(a + 1, b + x − 1) ÷ B(a, b) · Γ(r + x) αʳ ÷
    /// (Γ(r) (α + t_x)^(r + x)) (Fader, Hardie & Lee 2005, eq. 6), summed in
    /// logs. `None` for invalid parameters.
    ///
    /// # Example
    /// ```
    /// use cadran_core::metrics::clv_model::bgnbd::{BgNbdParams, CustomerSummary};
    /// // x = 0: L = (α ÷ (α + T))^r, the chance of no purchase in T.
    /// let p = BgNbdParams { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
    /// let c = CustomerSummary { frequency: 0, recency: 0.0, age: 38.86 };
    /// let want = 0.243 * (4.414f64 / (4.414 + 38.86)).ln();
    /// assert!((p.log_likelihood(&c).unwrap() - want).abs() < 1e-12);
    /// ```
    #[must_use]
    pub fn log_likelihood(&self, c: &CustomerSummary) -> Option<f64> {
        if !self.valid() {
            return None;
        }
        let (k, b1, b2) = frequency_terms(self, c.frequency)?;
        ll_row(self, c.frequency, c.recency, c.age, k, b1, b2)
    }

    /// P(alive): the probability that a customer with this history is still
    /// a customer at the end of the calibration.
    ///
    /// **Definition.** P(alive | x, t_x, T) = 1 ÷ (1 + [x > 0] · a ÷
    /// (b + x − 1) · ((α + T) ÷ (α + t_x))^(r + x)) (Fader, Hardie & Lee
    /// 2005, eq. 11). A customer with no repeat purchase is alive for sure: in this
    /// model one can only drop out just after a purchase. `None` for invalid
    /// parameters.
    ///
    /// # Example
    /// ```
    /// use cadran_core::metrics::clv_model::bgnbd::{BgNbdParams, CustomerSummary};
    /// let p = BgNbdParams { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
    /// let recent = CustomerSummary { frequency: 5, recency: 38.0, age: 38.86 };
    /// let lapsed = CustomerSummary { frequency: 5, recency: 10.0, age: 38.86 };
    /// // 0.879 and 0.025 (eq. 11 by hand).
    /// assert!((p.p_alive(&recent).unwrap() - 0.879).abs() < 1e-3);
    /// assert!((p.p_alive(&lapsed).unwrap() - 0.025).abs() < 1e-3);
    /// ```
    #[must_use]
    pub fn p_alive(&self, c: &CustomerSummary) -> Option<f64> {
        if !self.valid() {
            return None;
        }
        if c.frequency == 0 {
            return Some(1.0);
        }
        let x = f64::from(c.frequency);
        let ln_odds = self.a.ln() - (self.b + x - 1.0).ln()
            + (self.r + x) * ((self.alpha + c.age).ln() - (self.alpha + c.recency).ln());
        // 1 ÷ (1 + e^z), written to neither overflow nor lose small values.
        let p = if ln_odds > 0.0 {
            (-ln_odds).exp() / (1.0 + (-ln_odds).exp())
        } else {
            1.0 / (1.0 + ln_odds.exp())
        };
        crate::stats::prob(p)
    }

    /// Expected purchases in the next `t` time units of a customer with this
    /// history.
    ///
    /// **Definition.** E[Y(t) | x, t_x, T] = (a + b + x − 1) ÷ (a − 1) · [1 −
    /// ((α + T) ÷ (α + T + t))^(r + x) ₂F₁(r + x, b + x; a + b + x − 1; t ÷
    /// (α + T + t))] · P(alive) (Fader, Hardie & Lee 2005, eq. 10). At a = 1,
    /// where both factors vanish, the mean of a = 1 ± 10⁻⁵ is used. `None` if
    /// t < 0, the parameters are invalid or the series does not converge
    /// (a + b + x ≤ 1, or t far beyond α + T).
    ///
    /// # Example
    /// ```
    /// use cadran_core::metrics::clv_model::bgnbd::{BgNbdParams, CustomerSummary};
    /// // lifetimes' CDNOW estimates; its Quickstart gives 0.7106 for customer
    /// // 1516 (x 26, t_x 30.86, T 31) over the next week.
    /// let p = BgNbdParams { r: 0.242593, alpha: 4.413532, a: 0.792886, b: 2.425752 };
    /// let c = CustomerSummary { frequency: 26, recency: 30.86, age: 31.0 };
    /// assert!((p.expected_purchases(&c, 1.0).unwrap() - 0.710623).abs() < 1e-5);
    /// ```
    #[must_use]
    pub fn expected_purchases(&self, c: &CustomerSummary, t: f64) -> Option<f64> {
        if !(self.valid() && t.is_finite() && t >= 0.0) {
            return None;
        }
        if (self.a - 1.0).abs() < 1e-6 {
            let lo = Self {
                a: 1.0 - 1e-5,
                ..*self
            }
            .expected_purchases(c, t)?;
            let hi = Self {
                a: 1.0 + 1e-5,
                ..*self
            }
            .expected_purchases(c, t)?;
            return Some(0.5 * (lo + hi));
        }
        let x = f64::from(c.frequency);
        let (r, al, a, b) = (self.r, self.alpha, self.a, self.b);
        let z = t / (al + c.age + t);
        let f = hyp2f1(r + x, b + x, a + b + x - 1.0, z)?;
        let bracket = 1.0 - ((al + c.age) / (al + c.age + t)).powf(r + x) * f;
        let e = (a + b + x - 1.0) / (a - 1.0) * bracket * self.p_alive(c)?;
        crate::stats::finite(e.max(0.0))
    }

    /// Expected repeat purchases of a *new* customer in their first `t` time
    /// units: the population curve the holdout comparison is drawn against.
    ///
    /// **Definition.** E[X(t)] = (a + b − 1) ÷ (a − 1) · [1 − (α ÷ (α +
    /// t))^r ₂F₁(r, b; a + b − 1; t ÷ (α + t))] (Fader, Hardie & Lee 2005,
    /// eq. 7). `None` as for [`Self::expected_purchases`].
    ///
    /// # Example
    /// ```
    /// use cadran_core::metrics::clv_model::bgnbd::BgNbdParams;
    /// let p = BgNbdParams { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
    /// let (e39, e78) = (p.expected_purchases_new(39.0).unwrap(), p.expected_purchases_new(78.0).unwrap());
    /// assert!(e39 > 0.0 && e78 > e39);
    /// assert_eq!(p.expected_purchases_new(0.0), Some(0.0));
    /// ```
    #[must_use]
    pub fn expected_purchases_new(&self, t: f64) -> Option<f64> {
        if !(self.valid() && t.is_finite() && t >= 0.0) {
            return None;
        }
        if (self.a - 1.0).abs() < 1e-6 {
            let lo = Self {
                a: 1.0 - 1e-5,
                ..*self
            }
            .expected_purchases_new(t)?;
            let hi = Self {
                a: 1.0 + 1e-5,
                ..*self
            }
            .expected_purchases_new(t)?;
            return Some(0.5 * (lo + hi));
        }
        let (r, al, a, b) = (self.r, self.alpha, self.a, self.b);
        let f = hyp2f1(r, b, a + b - 1.0, t / (al + t))?;
        let e = (a + b - 1.0) / (a - 1.0) * (1.0 - (al / (al + t)).powf(r) * f);
        crate::stats::finite(e.max(0.0))
    }
}

/// Fits the BG/NBD model by maximum likelihood.
///
/// **Definition.** Maximises Σ ln L (see [`BgNbdParams::log_likelihood`])
/// over ln r, ln α, ln a, ln b by [`minimise`] from three starts (one
/// scaled to the data's mean age); standard errors from
/// [`standard_errors`]. **Source.** Fader, Hardie & Lee (2005), §4 (their
/// CDNOW fit: r = 0.243, α = 4.414, a = 0.793, b = 2.426, ln L = −9 582.4).
///
/// # Errors
/// [`ClvModelError::Customer`] for an impossible row;
/// `Undefined(NoCustomers)` for none; [`ClvModelError::NoRepeatCustomers`]
/// when nobody bought twice (the likelihood then has no interior maximum).
///
/// # Example
/// ```
/// use cadran_core::metrics::clv_model::bgnbd::{fit_bgnbd, CustomerSummary};
/// let c = |x, t_x, t| CustomerSummary { frequency: x, recency: t_x, age: t };
/// let data = [c(0, 0.0, 30.0), c(2, 20.0, 30.0), c(1, 5.0, 28.0), c(5, 27.0, 29.0), c(0, 0.0, 25.0), c(3, 10.0, 30.0)];
/// let fit = fit_bgnbd(&data).unwrap();
/// assert!(fit.log_likelihood.is_finite() && fit.params.r > 0.0);
/// ```
pub fn fit_bgnbd(customers: &[CustomerSummary]) -> Result<BgNbdFit, ClvModelError> {
    if customers.is_empty() {
        return Err(Undefined::NoCustomers.into());
    }
    for (row, c) in customers.iter().enumerate() {
        c.check(row)?;
    }
    if customers.iter().all(|c| c.frequency == 0) {
        return Err(ClvModelError::NoRepeatCustomers);
    }
    let data = Prepared::new(customers);
    #[allow(clippy::cast_precision_loss)]
    let mean_age = customers.iter().map(|c| c.age).sum::<f64>() / customers.len() as f64;
    let neg_ll = |x: &[f64]| {
        let p = BgNbdParams {
            r: x[0].exp(),
            alpha: x[1].exp(),
            a: x[2].exp(),
            b: x[3].exp(),
        };
        data.log_likelihood(&p).map_or(f64::INFINITY, |ll| -ll)
    };
    let scale = (mean_age.max(1e-3) / 10.0).ln();
    let starts = [
        vec![0.0, 0.0, 0.0, 0.0],
        vec![-1.0, scale, 0.0, 1.0],
        vec![-2.0, scale + 1.0, 1.0, 2.0],
    ];
    let m = minimise(neg_ll, &starts).ok_or(Undefined::NotComputable)?;
    let params = BgNbdParams {
        r: m.x[0].exp(),
        alpha: m.x[1].exp(),
        a: m.x[2].exp(),
        b: m.x[3].exp(),
    };
    let natural = |t: &[f64]| {
        data.log_likelihood(&BgNbdParams {
            r: t[0],
            alpha: t[1],
            a: t[2],
            b: t[3],
        })
        .map_or(f64::INFINITY, |ll| -ll)
    };
    let se = standard_errors(natural, &[params.r, params.alpha, params.a, params.b]).map(|s| {
        BgNbdParams {
            r: s[0],
            alpha: s[1],
            a: s[2],
            b: s[3],
        }
    });
    Ok(BgNbdFit {
        params,
        standard_errors: se,
        log_likelihood: -m.value,
        iterations: m.iterations,
        converged: m.converged,
    })
}

#[cfg(test)]
#[path = "bgnbd_tests.rs"]
mod tests;
