//! Checked arithmetic and input validation shared by every formula.
//!
//! `Decimal`'s operators panic on overflow; user input can be as large as
//! 7.9 × 10²⁸, so formulas use these helpers, which turn overflow into
//! [`Undefined::Overflow`] and bad inputs into field-named [`InputError`]s.

use crate::{Field, InputError, InputProblem, MetricError, Outcome, Percent, Undefined};
use rust_decimal::Decimal;

/// `a + b`, or `Overflow`.
pub(crate) fn add(a: Decimal, b: Decimal) -> Outcome<Decimal> {
    a.checked_add(b).ok_or(MetricError::Undefined(Undefined::Overflow))
}

/// `a - b`, or `Overflow`.
pub(crate) fn sub(a: Decimal, b: Decimal) -> Outcome<Decimal> {
    a.checked_sub(b).ok_or(MetricError::Undefined(Undefined::Overflow))
}

/// `a × b`, or `Overflow`.
pub(crate) fn mul(a: Decimal, b: Decimal) -> Outcome<Decimal> {
    a.checked_mul(b).ok_or(MetricError::Undefined(Undefined::Overflow))
}

/// `a ÷ b`; `when_zero` if `b` is zero, `Overflow` if the quotient is too large.
pub(crate) fn div(a: Decimal, b: Decimal, when_zero: Undefined) -> Outcome<Decimal> {
    if b.is_zero() {
        return Err(when_zero.into());
    }
    a.checked_div(b).ok_or(MetricError::Undefined(Undefined::Overflow))
}

/// Sum of many values, or `Overflow`.
pub(crate) fn sum<I: IntoIterator<Item = Decimal>>(values: I) -> Outcome<Decimal> {
    values.into_iter().try_fold(Decimal::ZERO, add)
}

/// `value` as a percentage of `whole`: `value / whole × 100`.
pub(crate) fn percent_of(value: Decimal, whole: Decimal, when_zero: Undefined) -> Outcome<Percent> {
    Ok(Percent(mul(div(value, whole, when_zero)?, Decimal::ONE_HUNDRED)?))
}

/// Checks that `value ≥ 0`.
pub(crate) fn non_negative(field: &'static str, value: Decimal) -> Result<Decimal, InputError> {
    if value.is_sign_negative() && !value.is_zero() {
        Err(InputError::new(Field(field), InputProblem::Negative))
    } else {
        Ok(value)
    }
}

/// Checks that `value` is a whole number `≥ 0` (a count).
pub(crate) fn count(field: &'static str, value: Decimal) -> Result<Decimal, InputError> {
    non_negative(field, value)?;
    if value.fract().is_zero() {
        Ok(value)
    } else {
        Err(InputError::new(Field(field), InputProblem::NotWhole))
    }
}

/// Checks that a percentage lies in `[0, 100]`.
pub(crate) fn percent_0_100(field: &'static str, value: Percent) -> Result<Percent, InputError> {
    in_range(field, value.0, Decimal::ZERO, Decimal::ONE_HUNDRED).map(Percent)
}

/// Checks that `min ≤ value ≤ max`.
pub(crate) fn in_range(
    field: &'static str,
    value: Decimal,
    min: Decimal,
    max: Decimal,
) -> Result<Decimal, InputError> {
    if value < min || value > max {
        Err(InputError::new(Field(field), InputProblem::OutOfRange { min, max }))
    } else {
        Ok(value)
    }
}
