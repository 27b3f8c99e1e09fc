//! # cadran-core
//!
//! The metrics core of Cadran: exact customer-success KPI formulas, CSV
//! ingestion and what-if scenarios. It has no web or UI dependency so that it
//! is tested natively in seconds and reused unchanged by the browser app, its
//! Web Worker and the native benchmarks.
//!
//! ## Conventions every formula follows
//!
//! * **Exact numbers.** Money, counts and rates are [`Decimal`]. Floating point
//!   appears only where statistics need it (confidence intervals, model fits),
//!   and then the type says so (for example [`metrics::nps::MarginOfError`]).
//! * **Rates are typed.** A rate is a [`Percent`] (2.5 means 2.5 %), never a bare
//!   fraction, so a field in percent can't be mistaken for a fraction.
//! * **No panics, no NaN.** A formula returns [`Outcome<T>`]: either a value, or a
//!   [`MetricError`] that is either an [`InputError`] naming the offending field
//!   (negative cost, churn above 100 %) or an [`Undefined`] reason (no customers,
//!   zero cost) that the UI shows in words. All arithmetic is checked.
//! * **Sourced.** Each public formula's doc comment states its definition, its
//!   published source and a worked example as a doc-test.
//!
//! ```
//! use cadran_core::{metrics::roi::{RoiInputs, compute_roi}, Percent};
//! use rust_decimal_macros::dec;
//!
//! let roi = compute_roi(&RoiInputs {
//!     salaries: dec!(8000),
//!     customers: dec!(500),
//!     churn_reduction: Percent(dec!(2)),
//!     arpa: dec!(100),
//!     months: dec!(12),
//!     ..RoiInputs::default()
//! });
//! // 500 customers × 2 % × 100 € × 12 months = 12 000 € kept for 8 000 € spent.
//! assert_eq!(roi.roi_percent.unwrap(), Percent(dec!(50)));
//! ```

// `deny`, not `forbid`: the one module that may use `unsafe` (the SIMD
// record splitter's 16-byte loads, `ingest/simd.rs`) allows it for itself,
// with a `// SAFETY:` proof at each use.
#![deny(unsafe_code)]
#![warn(missing_docs)]

mod error;
mod percent;

pub mod ingest;
pub mod locale;
pub mod metrics;
pub mod scenario;
pub mod stats;

pub use error::{Field, InputError, InputProblem, MetricError, Outcome, Undefined};
pub use percent::Percent;
pub use rust_decimal::Decimal;

pub(crate) mod arith;
