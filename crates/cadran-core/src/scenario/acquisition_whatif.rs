//! "If the winning version holds": a measured conversion lift as extra new
//! customers a month, tried as a scenario variant.

use crate::arith::{add, non_negative};
use crate::scenario::model::{Baseline, Overrides, Variant};
use crate::{Decimal, Outcome};

/// The variant "the baseline with `extra` more new customers a month".
///
/// **Definition.** new customers′ = new customers + extra, every other input
/// as in the baseline. `extra` is what the A/B card computes from the lift
/// and the monthly visitors ([`crate::metrics::ab_test::money::lift_to_money`]:
/// visitors × lift in points ÷ 100); it must be zero or more (a losing
/// version is not rolled out).
///
/// **Source.** The acquisition term of the customer-base projection
/// (Gupta & Lehmann, *Managing Customers as Investments*, 2005), with the
/// lift of a controlled experiment as its change (Kohavi, Tang & Xu,
/// *Trustworthy Online Controlled Experiments*, 2020, ch. 1).
///
/// # Errors
/// An [`crate::InputError`] on `extra_customers_per_month` when negative.
///
/// # Example
/// 1 000 visitors a month and a lift of 0.8 point: 8 more customers a month.
/// ```
/// use cadran_core::scenario::acquisition_whatif::acquisition_variant;
/// use cadran_core::scenario::model::Baseline;
/// use rust_decimal_macros::dec;
/// let base = Baseline::default();
/// let v = acquisition_variant("Page B", &base, dec!(8)).unwrap();
/// assert_eq!(v.overrides.new_customers_per_month, Some(base.new_customers_per_month + dec!(8)));
/// assert!(acquisition_variant("Page B", &base, dec!(-1)).is_err());
/// ```
pub fn acquisition_variant(name: &str, base: &Baseline, extra: Decimal) -> Outcome<Variant> {
    let extra = non_negative("extra_customers_per_month", extra)?;
    let new = add(base.new_customers_per_month, extra)?;
    Ok(Variant { name: name.to_string(), overrides: Overrides { new_customers_per_month: Some(new), ..Overrides::default() } })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{InputProblem, MetricError};
    use proptest::prelude::*;
    use rust_decimal_macros::dec;

    #[test]
    fn only_new_customers_change() {
        let base = Baseline::default();
        let v = acquisition_variant("B", &base, dec!(12.5)).unwrap();
        assert_eq!(v.name, "B");
        assert_eq!(v.overrides, Overrides { new_customers_per_month: Some(base.new_customers_per_month + dec!(12.5)), ..Overrides::default() });
        assert_eq!(acquisition_variant("B", &base, Decimal::ZERO).unwrap().overrides.new_customers_per_month, Some(base.new_customers_per_month), "no lift: same acquisition");
        match acquisition_variant("B", &base, dec!(-3)) {
            Err(MetricError::Invalid(e)) => assert_eq!((e.field.0, e.problem), ("extra_customers_per_month", InputProblem::Negative)),
            other => panic!("negative extra: {other:?}"),
        }
    }

    proptest! {
        /// Any extra: a variant or a typed error, never a panic; never fewer new customers.
        #[test]
        fn never_panics(n in any::<i64>(), scale in 0u32..10) {
            let extra = Decimal::new(n, scale);
            if let Ok(v) = acquisition_variant("x", &Baseline::default(), extra) {
                prop_assert!(v.overrides.new_customers_per_month.unwrap() >= Baseline::default().new_customers_per_month);
            }
        }
    }
}
