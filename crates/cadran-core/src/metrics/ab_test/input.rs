//! The choices and counts every A/B analysis shares, validated.

use crate::arith::count;
use crate::{Decimal, Field, InputError, InputProblem, Percent};
use rust_decimal::prelude::ToPrimitive;
use serde::{Deserialize, Serialize};

/// Largest count accepted (visitors, conversions, days of traffic): 10¹².
///
/// A trillion visitors per version is beyond any real test; above it a count
/// is almost surely a typo (10¹⁵ pasted for 10⁵), and `f64` statistics would
/// start to lose the unit digits of the counts.
pub const MAX_COUNT: u64 = 1_000_000_000_000;

/// The confidence level of a test and its intervals.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Confidence {
    /// 90 %: α = 0.10.
    Ninety,
    /// 95 %: α = 0.05, the usual choice.
    #[default]
    NinetyFive,
    /// 99 %: α = 0.01.
    NinetyNine,
}

impl Confidence {
    /// The level as a percentage (95 %).
    #[must_use]
    pub fn percent(self) -> Percent {
        Percent(Decimal::from(match self {
            Confidence::Ninety => 90,
            Confidence::NinetyFive => 95,
            Confidence::NinetyNine => 99,
        }))
    }

    /// α = 1 − level, the false-positive rate accepted. **Statistic: `f64`.**
    ///
    /// # Example
    /// ```
    /// use cadran_core::metrics::ab_test::Confidence;
    /// assert_eq!(Confidence::NinetyFive.alpha(), 0.05);
    /// ```
    #[must_use]
    pub fn alpha(self) -> f64 {
        match self {
            Confidence::Ninety => 0.10,
            Confidence::NinetyFive => 0.05,
            Confidence::NinetyNine => 0.01,
        }
    }
}

/// Which alternative the test looks for.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Sides {
    /// B differs from A, either way: the safe default.
    #[default]
    TwoSided,
    /// B is better than A. Only B can be declared better; an A that does
    /// better reads as "no conclusion".
    OneSided,
}

impl Sides {
    /// The critical value of the standard normal for `confidence`: z(1 − α/2)
    /// two-sided, z(1 − α) one-sided (1.96 and 1.645 at 95 %).
    /// **Statistic: `f64`.**
    ///
    /// # Example
    /// ```
    /// use cadran_core::metrics::ab_test::{Confidence, Sides};
    /// assert!((Sides::TwoSided.critical_z(Confidence::NinetyFive) - 1.959_964).abs() < 1e-6);
    /// assert!((Sides::OneSided.critical_z(Confidence::NinetyFive) - 1.644_854).abs() < 1e-6);
    /// ```
    #[must_use]
    pub fn critical_z(self, confidence: Confidence) -> f64 {
        // The six possible values, from A&S Table 26.5 (normal_quantile gives
        // the same digits; constants keep this function total).
        match (self, confidence) {
            (Sides::TwoSided, Confidence::Ninety) | (Sides::OneSided, Confidence::NinetyFive) => 1.644_853_626_951_472,
            (Sides::TwoSided, Confidence::NinetyFive) => 1.959_963_984_540_054,
            (Sides::TwoSided, Confidence::NinetyNine) => 2.575_829_303_548_901,
            (Sides::OneSided, Confidence::Ninety) => 1.281_551_565_544_601,
            (Sides::OneSided, Confidence::NinetyNine) => 2.326_347_874_040_841,
        }
    }

    /// The probability the interval leaves in its upper tail: α/2 two-sided,
    /// α one-sided. **Statistic: `f64`.**
    #[must_use]
    pub fn tail(self, confidence: Confidence) -> f64 {
        match self {
            Sides::TwoSided => confidence.alpha() / 2.0,
            Sides::OneSided => confidence.alpha(),
        }
    }
}

/// Checks that `value` is a whole number in `[min, MAX_COUNT]` and returns it
/// as `u64`; the error names `field`.
pub(crate) fn whole_count(field: &'static str, value: Decimal, min: u64) -> Result<u64, InputError> {
    count(field, value)?;
    let out_of_range = || InputError::new(Field(field), InputProblem::OutOfRange { min: Decimal::from(min), max: Decimal::from(MAX_COUNT) });
    let n = value.to_u64().ok_or_else(out_of_range)?;
    if n < min || n > MAX_COUNT {
        return Err(out_of_range());
    }
    Ok(n)
}

/// One version's visitors and conversions, validated: 1 ≤ visitors ≤
/// [`MAX_COUNT`], conversions ≤ visitors.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Group {
    /// Visitors who saw this version.
    pub visitors: u64,
    /// Visitors who converted.
    pub conversions: u64,
}

impl Group {
    /// Validates typed counts; errors name `visitors_field` or
    /// `conversions_field` (whole, not negative, at most [`MAX_COUNT`], at
    /// least one visitor, conversions not above visitors).
    ///
    /// # Example
    /// ```
    /// use cadran_core::metrics::ab_test::Group;
    /// use cadran_core::{Field, InputProblem};
    /// use rust_decimal_macros::dec;
    /// assert_eq!(Group::new("visitors_a", dec!(100), "conversions_a", dec!(7)).unwrap().conversions, 7);
    /// let e = Group::new("visitors_a", dec!(100), "conversions_a", dec!(101)).unwrap_err();
    /// assert_eq!(e.field, Field("conversions_a"));
    /// assert_eq!(e.problem, InputProblem::Exceeds { other: Field("visitors_a"), limit: dec!(100) });
    /// ```
    pub fn new(visitors_field: &'static str, visitors: Decimal, conversions_field: &'static str, conversions: Decimal) -> Result<Self, InputError> {
        let v = whole_count(visitors_field, visitors, 1)?;
        let c = whole_count(conversions_field, conversions, 0)?;
        if c > v {
            return Err(InputError::new(Field(conversions_field), InputProblem::Exceeds { other: Field(visitors_field), limit: visitors }));
        }
        Ok(Self { visitors: v, conversions: c })
    }

    /// Conversions ÷ visitors as a fraction. **Statistic: `f64`.**
    #[must_use]
    #[allow(clippy::cast_precision_loss)] // counts ≤ 10¹² < 2⁵³: exact
    pub fn rate_f64(&self) -> f64 {
        self.conversions as f64 / self.visitors.max(1) as f64
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::metrics::test_support::invalid;
    use rust_decimal_macros::dec;

    #[test]
    fn bad_counts_name_their_field() {
        let range = |min: u64| InputProblem::OutOfRange { min: Decimal::from(min), max: Decimal::from(MAX_COUNT) };
        let table = [
            ((dec!(0), dec!(0)), invalid("v", range(1))),
            ((dec!(-5), dec!(0)), invalid("v", InputProblem::Negative)),
            ((dec!(10.5), dec!(0)), invalid("v", InputProblem::NotWhole)),
            ((dec!(1000000000000000), dec!(0)), invalid("v", range(1))),
            ((dec!(10), dec!(2.5)), invalid("c", InputProblem::NotWhole)),
            ((dec!(10), dec!(-1)), invalid("c", InputProblem::Negative)),
            ((dec!(10), dec!(11)), invalid("c", InputProblem::Exceeds { other: Field("v"), limit: dec!(10) })),
            ((Decimal::MAX, dec!(1)), invalid("v", range(1))),
        ];
        for ((v, c), expected) in table {
            assert_eq!(Group::new("v", v, "c", c).map_err(crate::MetricError::from), Err(expected), "visitors {v}, conversions {c}");
        }
        assert_eq!(Group::new("v", dec!(1000000000000), "c", dec!(0)).unwrap().visitors, MAX_COUNT);
        assert_eq!(Group::new("v", dec!(10.0), "c", dec!(3)).unwrap(), Group { visitors: 10, conversions: 3 });
    }

    #[test]
    fn critical_values_match_the_quantile() {
        for conf in [Confidence::Ninety, Confidence::NinetyFive, Confidence::NinetyNine] {
            for sides in [Sides::TwoSided, Sides::OneSided] {
                let z = crate::stats::normal_quantile(1.0 - sides.tail(conf)).unwrap();
                assert!((z - sides.critical_z(conf)).abs() < 1e-13, "{sides:?} {conf:?}: {z}");
            }
        }
    }
}
