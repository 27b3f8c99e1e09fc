//! Customer-success KPI formulas, one concept per file.
//!
//! Each file holds the inputs, the formula(s) with their definition and
//! published source, and table tests with worked examples.

pub mod ab_test;
pub mod arpa;
pub mod cac;
pub mod ces;
pub mod clv;
pub mod clv_model;
pub mod csat;
pub mod distribution;
pub mod fcr;
pub mod mrr;
pub mod nps;
pub mod period;
pub mod retention;
pub mod roi;
pub mod target;
#[cfg(test)]
pub mod test_support;
pub mod value;
