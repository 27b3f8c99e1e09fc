//! Why a buy-till-you-die model has no fit: a row of the input to correct
//! (named by its position and field), or a fit undefined for valid input.

use crate::{InputError, Undefined};
use std::fmt;

/// Why a model could not be fitted or evaluated.
#[derive(Debug, Clone, PartialEq)]
pub enum ClvModelError {
    /// A customer's summary is impossible. `row` is its 0-based position in
    /// the slice given to the fit (the page adds its file line).
    Customer {
        /// Position of the customer in the input.
        row: usize,
        /// The offending value.
        field: CustomerField,
        /// What is wrong with it.
        problem: ValueProblem,
    },
    /// A cohort's count of customers still alive is impossible.
    Cohort {
        /// The cohort (0-based row of the cohort table; 0 for a single one).
        cohort: usize,
        /// The period of the count (0 = the start of the cohort).
        period: usize,
        /// What is wrong with it.
        problem: CohortProblem,
    },
    /// A setting that is not per customer is impossible (a horizon of zero
    /// months, a discount above 100 %), naming its field.
    Input(InputError),
    /// No customer has a repeat purchase: the Gamma-Gamma spend model has
    /// nothing to learn from, and the BG/NBD cannot tell dropping out from
    /// never buying again.
    NoRepeatCustomers,
    /// The inputs are valid but the model is undefined for them (no
    /// customers, too few periods, no churn at all, a series that does not
    /// converge).
    Undefined(Undefined),
}

impl From<Undefined> for ClvModelError {
    fn from(u: Undefined) -> Self {
        Self::Undefined(u)
    }
}

impl fmt::Display for ClvModelError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Customer {
                row,
                field,
                problem,
            } => write!(f, "customer {}: {field:?}: {problem:?}", row + 1),
            Self::Cohort {
                cohort,
                period,
                problem,
            } => {
                write!(f, "cohort {}, period {period}: {problem:?}", cohort + 1)
            }
            Self::Input(e) => e.fmt(f),
            Self::NoRepeatCustomers => f.write_str("no customer has a repeat purchase"),
            Self::Undefined(u) => write!(f, "undefined: {u:?}"),
        }
    }
}

impl std::error::Error for ClvModelError {}

/// A field of a customer's summary (frequency, recency, age, spend).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CustomerField {
    /// x: the number of repeat purchases.
    Frequency,
    /// t_x: the time of the last purchase, from the first.
    Recency,
    /// T: the time from the first purchase to the end of the calibration.
    Age,
    /// m̄: the mean value of the repeat purchases.
    MeanSpend,
}

/// What is wrong with a customer's value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ValueProblem {
    /// NaN or infinite.
    NotFinite,
    /// Below zero.
    Negative,
    /// A count that is not a whole number.
    NotWhole,
    /// Recency after age: the last purchase after the end of the data.
    RecencyAfterAge,
    /// A recency above zero with no repeat purchase.
    RecencyWithoutRepeat,
    /// A mean spend of zero or less (a refund, a free order): the
    /// Gamma-Gamma model is a model of positive amounts.
    NotPositive,
}

/// What is wrong with a cohort count.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CohortProblem {
    /// The cohort starts with no customer.
    EmptyStart,
    /// More customers alive than in the period before: survivors cannot
    /// come back in a contractual cohort.
    Increasing {
        /// The count in the period before.
        previous: u64,
    },
}
