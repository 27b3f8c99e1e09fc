//! Probability distributions and exact tests shared by the statistical
//! analyses (A/B tests, the buy-till-you-die CLV models).
//!
//! Everything here is a **statistic: `f64`**. The functions are written by
//! hand, small and checked against published tables (Abramowitz & Stegun,
//! *Handbook of Mathematical Functions*, 1964), rather than taken from
//! `statrs`: that crate pulls `nalgebra` by default and would add far more
//! code to the browser build than the few functions needed.
//!
//! No function here panics or returns NaN or ∞: a function whose argument
//! lies outside its domain (a negative variance, a probability above 1, a
//! non-finite number) returns `None`, which callers turn into a typed reason.

mod beta;
mod chi_squared;
mod fisher;
mod gamma;
mod gauss_2f1;
mod hypergeometric;
mod normal;
mod student_t;

pub use beta::{ln_beta, regularized_incomplete_beta};
pub use chi_squared::{chi_squared_cdf, chi_squared_sf};
pub use fisher::{fisher_exact, FisherExactStat, FISHER_MAX_SUPPORT};
pub use gauss_2f1::{hyp2f1, HYP2F1_MAX_TERMS};
pub use gamma::{ln_gamma, ln_gamma_ratio, regularized_gamma_p, regularized_gamma_q};
pub use hypergeometric::{hypergeometric_pmf, ln_choose};
pub use normal::{normal_cdf, normal_pdf, normal_quantile, normal_sf};
pub use student_t::{student_t_cdf, student_t_quantile, student_t_sf};

/// `Some(x)` if `x` is finite, else `None`: the one gate every result passes.
pub(crate) fn finite(x: f64) -> Option<f64> {
    x.is_finite().then_some(x)
}

/// Clamps a probability computed in floating point into `[0, 1]` (rounding
/// can leave it a few ulps outside).
pub(crate) fn prob(x: f64) -> Option<f64> {
    finite(x).map(|p| p.clamp(0.0, 1.0))
}
