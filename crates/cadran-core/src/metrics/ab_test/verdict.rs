//! The conclusion of a test, for the UI to put in words.

use serde::{Deserialize, Serialize};

/// What a test lets one say.
///
/// The UI words it ("B converts better than A: 95 % confident the lift is
/// between +0.4 and +3.1 points"), taking the interval from the test's
/// result.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Verdict {
    /// B does better than A, significantly at the chosen confidence.
    BBetter,
    /// A does better than B, significantly (two-sided tests only).
    ABetter,
    /// The difference may be noise: keep the test running.
    NoConclusion {
        /// About how many more visitors each version needs for the planned
        /// power (80 %) to detect a difference the size of the one observed.
        /// `Some(0)` when the test is already that large (the true difference
        /// is then probably smaller than observed, or nil); `None` when no
        /// estimate exists (no observed difference, or a revenue test).
        more_visitors_per_version: Option<u64>,
    },
}
