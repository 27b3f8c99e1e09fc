//! What-if scenarios: a baseline, up to four variants, and the month-by-month
//! projection engine behind the retention, CLV and ROI what-if pages (which
//! are views of this one engine, not separate code).
//!
//! * [`model`] — the baseline, variants, validation;
//! * [`input`] — the list of inputs ([`input::Input`]);
//! * [`projection`] — the month-by-month engine;
//! * [`summary`] — CLV, LTV:CAC, payback, profits, ROI of a variant, deltas;
//! * [`output`] — the outputs sensitivity and goal seek target;
//! * [`sensitivity`] — tornado chart;
//! * [`goal_seek`] — which input value hits a target;
//! * [`retention_whatif`] — "+X points of retention" against the 25–95 % claim;
//! * [`acquisition_whatif`] — an A/B test's winning lift as extra new customers;
//! * [`file`] — the versioned scenario file and its validation;
//! * [`share`] — the share-link codec (URL fragment).

pub mod model;
pub mod input;
pub mod projection;
pub mod summary;
pub mod output;
pub mod sensitivity;
pub mod goal_seek;
pub mod retention_whatif;
pub mod acquisition_whatif;
pub mod file;
pub mod share;
mod compress;
#[cfg(test)]
pub(crate) mod test_support;
#[cfg(test)]
mod robustness;
