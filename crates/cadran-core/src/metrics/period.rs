//! The time unit a rate or an amount refers to.
//!
//! Mixing units is the most common lifetime-value mistake: a *monthly* margin
//! divided by an *annual* churn rate gives a number twelve times too small. So
//! every per-period input and output in the metrics carries its [`Period`].

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// The length of one period of a rate (churn per month) or an amount (ARPA per
/// month).
///
/// # Example
/// ```
/// use cadran_core::metrics::period::Period;
/// use rust_decimal_macros::dec;
/// assert_eq!(Period::Year.months(), dec!(12));
/// assert_eq!(Period::default(), Period::Month);
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Period {
    /// One calendar month (the usual unit of SaaS metrics).
    #[default]
    Month,
    /// One year of twelve months.
    Year,
}

impl Period {
    /// How many months one period lasts (1 or 12), to convert a count of
    /// periods into months.
    #[must_use]
    pub fn months(self) -> Decimal {
        match self {
            Period::Month => Decimal::ONE,
            Period::Year => Decimal::from(12),
        }
    }
}
