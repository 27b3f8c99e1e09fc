//! An estimate with its confidence interval.

use serde::{Deserialize, Serialize};

/// An estimate and the bounds of its confidence interval. **Statistic:
/// `f64`**: show it rounded, never compare it exactly. The unit is the one
/// of the field holding it (percentage points, percent, money per visitor).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct IntervalStat {
    /// The point estimate (B − A, or B ÷ A − 1).
    pub estimate: f64,
    /// Lower bound.
    pub low: f64,
    /// Upper bound.
    pub high: f64,
}

impl IntervalStat {
    /// Builds an interval, `None` if a bound is NaN or infinite or the bounds
    /// are reversed.
    #[must_use]
    pub fn new(estimate: f64, low: f64, high: f64) -> Option<Self> {
        (estimate.is_finite() && low.is_finite() && high.is_finite() && low <= high).then_some(Self { estimate, low, high })
    }

    /// Whether the whole interval lies above zero (B better) or below (A better).
    #[must_use]
    pub fn excludes_zero(&self) -> bool {
        self.low > 0.0 || self.high < 0.0
    }

    /// high − low.
    #[must_use]
    pub fn width(&self) -> f64 {
        self.high - self.low
    }
}
