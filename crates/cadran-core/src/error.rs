//! One error type for every formula: either the user typed something
//! impossible (an [`InputError`] naming the field), or the formula is
//! undefined for valid input (an [`Undefined`] reason). The UI turns both into
//! words; neither is ever shown as NaN, ∞ or a raw Rust message.

use rust_decimal::Decimal;
use std::fmt;

/// What every formula returns: a value or the reason there is none.
pub type Outcome<T> = Result<T, MetricError>;

/// The name of an input field, as the UI knows it (for example
/// `"churn_reduction"`). The UI uses it to mark the field and pick the label.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Field(pub &'static str);

impl fmt::Display for Field {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0)
    }
}

/// Why a formula has no value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MetricError {
    /// An input is impossible (negative cost, churn above 100 %…).
    Invalid(InputError),
    /// The inputs are valid but the formula is undefined for them.
    Undefined(Undefined),
}

impl From<InputError> for MetricError {
    fn from(e: InputError) -> Self {
        MetricError::Invalid(e)
    }
}

impl From<Undefined> for MetricError {
    fn from(u: Undefined) -> Self {
        MetricError::Undefined(u)
    }
}

impl fmt::Display for MetricError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            MetricError::Invalid(e) => e.fmt(f),
            MetricError::Undefined(u) => write!(f, "undefined: {u:?}"),
        }
    }
}

impl std::error::Error for MetricError {}

/// An impossible input, with the field it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputError {
    /// The offending field.
    pub field: Field,
    /// What is wrong with it.
    pub problem: InputProblem,
}

impl InputError {
    /// Builds an error for `field`.
    #[must_use]
    pub const fn new(field: Field, problem: InputProblem) -> Self {
        Self { field, problem }
    }
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {:?}", self.field, self.problem)
    }
}

impl std::error::Error for InputError {}

/// What is wrong with an input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InputProblem {
    /// The value is below zero where only zero or more makes sense (a cost,
    /// a number of customers).
    Negative,
    /// The value must be a whole number (a count of customers or answers).
    NotWhole,
    /// The value is outside `[min, max]` (a percentage above 100, a scale
    /// threshold outside the scale).
    OutOfRange {
        /// Smallest accepted value.
        min: Decimal,
        /// Largest accepted value.
        max: Decimal,
    },
    /// The value must not exceed the value of another field (new customers
    /// cannot exceed customers at the end of the period).
    Exceeds {
        /// The field whose value is the upper bound.
        other: Field,
        /// That field's value.
        limit: Decimal,
    },
    /// The value is too large to compute with exactly.
    TooLarge,
    /// The value is not one this version of Cadran knows (a foreign file's
    /// schema name, a file version from the future, an unknown share-link key).
    Unrecognised,
    /// The text entered in the field is not a number. The core never sees a
    /// stand-in value for it: the results that need the field report this,
    /// the others are computed (see [`crate::metrics::roi::RoiInputs::unreadable`]).
    NotANumber,
}

/// Why a formula is undefined for valid inputs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Undefined {
    /// A ratio over a cost that is zero (ROI with no spending).
    ZeroCost,
    /// A rate per customer with no customers.
    NoCustomers,
    /// A rate per support contact with no contacts (first-contact resolution
    /// when nobody asked for help).
    NoContacts,
    /// A survey score with no answers.
    NoAnswers,
    /// A rate over a starting revenue of zero.
    ZeroRevenue,
    /// Payback never happens: the monthly gain is zero or negative.
    NeverPaysBack,
    /// A lifetime with zero churn is infinite.
    ZeroChurn,
    /// A margin of zero makes the ratio meaningless.
    ZeroMargin,
    /// No new customers in the period, so a cost per new customer is undefined.
    NoNewCustomers,
    /// Too few answers for the statistic to mean anything.
    TooFewAnswers {
        /// Answers available.
        have: u64,
        /// Answers needed.
        need: u64,
    },
    /// The result exceeds what can be represented exactly (about 7.9 × 10²⁸).
    Overflow,
    /// The goal cannot be reached with any value of the input.
    Unreachable,
    /// The month asked for lies outside the projection (profit at 60 months
    /// of a 36-month scenario): extending the horizon would answer it.
    BeyondHorizon,
    /// A variant that costs no more than the baseline has no return on extra
    /// spending: its gain is pure saving or pure gain, not a return.
    NoExtraCost,
    /// A percentage change from a value of zero (a delta against a baseline
    /// profit of exactly zero).
    ZeroBase,
    /// No visitor converted in either version of an A/B test (both rates
    /// 0 %), or none in one version where a ratio's log interval needs at
    /// least one: there is no difference to measure.
    NoConversions,
    /// Every visitor converted in both versions of an A/B test (both rates
    /// 100 %): there is no variation left to compare.
    AllConverted,
    /// Every value is identical in both groups (both standard deviations
    /// zero): a t-test has no spread to measure a difference against.
    NoVariance,
    /// Too few visitors in a version for the statistic (a standard
    /// deviation needs at least two).
    TooFewVisitors {
        /// Visitors available.
        have: u64,
        /// Visitors needed.
        need: u64,
    },
    /// A minimum detectable effect of zero: no finite test can detect it.
    ZeroEffect,
    /// A statistic could not be computed in floating point for these inputs
    /// (a series that does not converge); a safeguard, not expected on
    /// validated inputs.
    NotComputable,
    /// A value analysis with no driver rows: there is nothing to place on the
    /// importance–performance grid.
    NoDrivers,
    /// Every driver's importance is at the bottom of its scale, so an
    /// importance-weighted average (competitive gap, quality score) has no
    /// weight to divide by.
    NoImportance,
    /// A comparison with competitors, but no competitor performance was
    /// entered for any driver.
    NoCompetitors,
    /// The overall outcome of a driver survey (overall rating or recommend
    /// score) is the same for every respondent: there is nothing for the
    /// drivers to explain, so derived importance is undefined.
    ConstantOutcome,
    /// More drivers than an exact computation allows (Shapley value
    /// regression visits every subset of drivers: 2¹⁵ at most).
    TooManyDrivers {
        /// Drivers in the analysis (those that vary).
        have: u64,
        /// Most drivers allowed.
        max: u64,
    },
}
