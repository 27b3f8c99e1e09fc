//! Probabilistic customer lifetime value: the "buy-till-you-die" models.
//!
//! The formula family of [`super::clv`] assumes one churn rate and one
//! margin for everybody. These models instead describe how customers
//! *differ*, fit that heterogeneity by maximum likelihood, and then say, per
//! customer, how likely they are to still be a customer and what they will
//! be worth. One concept per file:
//!
//! * [`sbg`]: the shifted-beta-geometric model of contractual (subscription)
//!   retention (Fader & Hardie 2007), its projected survival and discounted
//!   expected residual lifetime (Fader & Hardie 2010);
//! * [`bgnbd`]: the BG/NBD model of non-contractual repeat purchasing
//!   (Fader, Hardie & Lee 2005a), P(alive) and expected purchases;
//! * [`gamma_gamma`]: the Gamma-Gamma model of spend per purchase
//!   (Fader, Hardie & Lee 2005b; Fader & Hardie 2013);
//! * [`summary`]: x, t_x, T and mean repeat spend read from transactions;
//! * [`holdout`]: the calibration/holdout split and predicted vs actual
//!   holdout purchases; [`tracking`]: cumulative expected vs actual repeat
//!   purchases period by period;
//! * [`clv`]: CLV over a horizon combining the two, with a monthly discount;
//! * [`optimise`]: the Nelder–Mead optimiser with restarts, and [`hessian`]:
//!   standard errors from the observed information;
//! * [`error`]: why there is no fit, naming the row and field.
//!
//! Everything here is a **statistic in floating point (`f64`)**: the
//! parameters are maximum-likelihood estimates, and predictions of
//! purchases and money are expectations, not amounts to the cent. The page
//! shows money from them rounded and says so. No function returns NaN: an
//! undefined value is `None` or a typed [`ClvModelError`].

pub mod bgnbd;
mod bgnbd_counts;
mod bgnbd_likelihood;
pub mod clv;
pub mod error;
pub mod gamma_gamma;
pub mod hessian;
pub mod holdout;
pub mod optimise;
pub mod sbg;
pub mod summary;
pub mod tracking;
mod unit;

pub use error::{ClvModelError, CohortProblem, CustomerField, ValueProblem};
pub use hessian::standard_errors;
pub use optimise::{minimise, Minimum, BOUND, MAX_ITERATIONS};
pub use sbg::{fit_sbg, fit_sbg_cohorts, SbgFit, SbgParams};
pub use unit::TimeUnit;
