//! Shared proptest strategies for the metric tests (compiled in tests only).

use proptest::prelude::*;
use rust_decimal::Decimal;

/// Any `Decimal`, including the extremes: zero, `MAX`, `MIN`, negatives, random
/// 96-bit mantissas with any scale (same strategy as the ROI tests).
pub fn any_decimal() -> impl Strategy<Value = Decimal> {
    prop_oneof![
        (any::<i64>(), 0u32..10).prop_map(|(m, s)| Decimal::new(m, s)),
        any::<[u8; 16]>().prop_map(Decimal::deserialize),
        Just(Decimal::ZERO),
        Just(Decimal::ONE),
        Just(Decimal::ONE_HUNDRED),
        Just(Decimal::MAX),
        Just(Decimal::MIN),
    ]
}

/// A percentage between 0 and 100 with up to four decimals.
pub fn percent_0_100() -> impl Strategy<Value = Decimal> {
    (0u32..=1_000_000).prop_map(|n| Decimal::new(i64::from(n), 4))
}

/// The error a formula returns for `field` with `problem`.
pub fn invalid(field: &'static str, problem: crate::InputProblem) -> crate::MetricError {
    crate::InputError::new(crate::Field(field), problem).into()
}

/// The problem of a percentage outside [0, 100].
pub fn pct_range() -> crate::InputProblem {
    crate::InputProblem::OutOfRange { min: Decimal::ZERO, max: Decimal::ONE_HUNDRED }
}
