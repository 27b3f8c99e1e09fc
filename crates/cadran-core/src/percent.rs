//! A percentage, typed so that "2.5 %" can never be confused with 2.5 or 0.025.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::fmt;

/// A percentage: `Percent(dec!(2.5))` is 2.5 %.
///
/// # Example
/// ```
/// use cadran_core::Percent;
/// use rust_decimal_macros::dec;
/// assert_eq!(Percent(dec!(2.5)).fraction(), dec!(0.025));
/// assert_eq!(Percent::from_fraction(dec!(0.4)), Percent(dec!(40)));
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Percent(pub Decimal);

impl Percent {
    /// Zero percent.
    pub const ZERO: Percent = Percent(Decimal::ZERO);
    /// One hundred percent.
    pub const HUNDRED: Percent = Percent(Decimal::ONE_HUNDRED);

    /// The value as a fraction of one (2.5 % → 0.025).
    #[must_use]
    pub fn fraction(self) -> Decimal {
        self.0 / Decimal::ONE_HUNDRED
    }

    /// A percentage from a fraction of one (0.025 → 2.5 %).
    ///
    /// Saturates instead of overflowing for fractions beyond ±7.9 × 10²⁶.
    #[must_use]
    pub fn from_fraction(fraction: Decimal) -> Self {
        Percent(fraction.saturating_mul(Decimal::ONE_HUNDRED))
    }

    /// The number of percent, as a Decimal.
    #[must_use]
    pub fn value(self) -> Decimal {
        self.0
    }
}

impl fmt::Display for Percent {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} %", self.0.normalize())
    }
}
