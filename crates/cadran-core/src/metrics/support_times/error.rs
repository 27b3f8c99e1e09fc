//! Why a support-time figure has no value, or why a ticket was left out.
//!
//! A module enum rather than new [`crate::Undefined`] variants: the app
//! matches every crate reason by name, so these reach it as their own type
//! until its words are written (see the module docs).

use serde::{Deserialize, Serialize};

/// Why a support-time statistic is undefined for valid input.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum SupportUndefined {
    /// No duration to summarise (no ticket answered or solved in the group):
    /// a median or a mean of nothing does not exist.
    NoDurations,
    /// No ticket solved in the period: a cost per solved ticket or a reopen
    /// rate over solved tickets divides by zero.
    NoTicketsSolved,
    /// No ticket could be judged against the target (none answered or solved,
    /// none overdue yet): an attainment rate divides by zero.
    NoTicketsMeasured,
    /// The result exceeds what a `Decimal` holds exactly (about 7.9 × 10²⁸).
    Overflow,
}

/// Why one ticket's duration was not counted. The caller knows the ticket's
/// line; each variant says what is wrong with its timestamps.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum TicketProblem {
    /// The first reply is dated before the ticket was created (clock skew,
    /// a merged ticket or swapped columns).
    ReplyBeforeCreated {
        /// How many seconds before creation.
        seconds: i64,
    },
    /// The ticket is marked solved before it was created.
    SolvedBeforeCreated {
        /// How many seconds before creation.
        seconds: i64,
    },
    /// The duration is longer than [`super::MAX_DURATION_SECONDS`] (ten
    /// years): almost surely a placeholder date such as 1900-01-01.
    Absurd {
        /// The duration found, in seconds.
        seconds: i64,
    },
    /// A timestamp lies outside the years 1–9999 that dates support.
    OutOfRange,
}

/// A support-time result's error: an impossible input naming its field, or
/// a reason the figure is undefined.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SupportError {
    /// An input is impossible (a percentile above 100, opening hours that
    /// end before they start); the field is named.
    Invalid(crate::InputError),
    /// The inputs are valid but the figure does not exist for them.
    Undefined(SupportUndefined),
}

impl From<crate::InputError> for SupportError {
    fn from(e: crate::InputError) -> Self {
        SupportError::Invalid(e)
    }
}

impl From<SupportUndefined> for SupportError {
    fn from(u: SupportUndefined) -> Self {
        SupportError::Undefined(u)
    }
}

/// What support-time formulas return.
pub type SupportOutcome<T> = Result<T, SupportError>;
