//! "Use in scenarios": an improvement of a driver becomes a scenario
//! variant through a link to churn that the user states as an assumption.

use crate::arith::{add, in_range, mul, non_negative, sub};
use crate::scenario::model::{Baseline, Overrides, Variant};
use crate::{Decimal, Outcome, Percent};
use serde::{Deserialize, Serialize};

/// The user's assumption linking a driver's performance to monthly churn.
/// **An assumption, never a measured fact**: the page says so beside it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(default)]
pub struct DriverLink {
    /// Points of performance gained on the driver's scale (field
    /// `improvement_points`, 0 to 10).
    pub points: Decimal,
    /// Assumed fall in monthly churn per point, in percentage points (field
    /// `churn_points_per_point`, 0 to 100).
    pub churn_points_per_point: Percent,
    /// Extra customer-success cost per month the improvement needs (field
    /// `extra_cost_per_month`, zero or more).
    pub extra_cost_per_month: Decimal,
}

/// The variant "improve this driver by k points": the baseline's monthly
/// churn lowered by k × the assumed effect per point (never below 0 %), and
/// its customer-success cost raised by the extra cost.
///
/// **Definition.** churn′ = max(0, churn − k × e); cost′ = cost + extra.
/// The link e is the user's assumption (from their own history, a survey
/// of churned customers, or a benchmark); a driver analysis shows what
/// matters, not by how much churn moves.
///
/// **Source.** The linear "what-if" of a service-profit chain link
/// (Heskett, J. L. et al. (1994), "Putting the Service-Profit Chain to
/// Work", *Harvard Business Review* 72(2), 164–174), made explicit.
///
/// # Example
/// Two points better on "Onboarding", assumed worth 0.25 point of churn each:
/// churn 2 % → 1.5 %.
/// ```
/// use cadran_core::metrics::value::{driver_variant, DriverLink};
/// use cadran_core::scenario::model::Baseline;
/// use cadran_core::Percent;
/// use rust_decimal_macros::dec;
/// let link = DriverLink { points: dec!(2), churn_points_per_point: Percent(dec!(0.25)), extra_cost_per_month: dec!(500) };
/// let v = driver_variant("Onboarding +2", &Baseline::default(), &link).unwrap();
/// assert_eq!(v.overrides.monthly_churn, Some(Percent(dec!(1.5))));
/// assert_eq!(v.overrides.cs_cost_per_month, Some(dec!(10500)));
/// ```
pub fn driver_variant(name: &str, base: &Baseline, link: &DriverLink) -> Outcome<Variant> {
    let k = in_range("improvement_points", link.points, Decimal::ZERO, Decimal::TEN)?;
    let e = in_range("churn_points_per_point", link.churn_points_per_point.0, Decimal::ZERO, Decimal::ONE_HUNDRED)?;
    let extra = non_negative("extra_cost_per_month", link.extra_cost_per_month)?;
    let churn = sub(base.monthly_churn.0, mul(k, e)?)?.max(Decimal::ZERO);
    let cost = add(base.cs_cost_per_month, extra)?;
    Ok(Variant {
        name: name.to_string(),
        overrides: Overrides { monthly_churn: Some(Percent(churn)), cs_cost_per_month: Some(cost), ..Overrides::default() },
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::metrics::test_support::{any_decimal, invalid};
    use crate::InputProblem;
    use proptest::prelude::*;
    use rust_decimal_macros::dec;

    #[test]
    fn link_table() {
        let base = Baseline::default();
        let link = |k, e| DriverLink { points: k, churn_points_per_point: Percent(e), extra_cost_per_month: dec!(0) };
        let churn = |k, e| driver_variant("v", &base, &link(k, e)).map(|v| v.overrides.monthly_churn);
        assert_eq!(churn(dec!(0), dec!(1)), Ok(Some(Percent(dec!(2)))), "no improvement");
        assert_eq!(churn(dec!(10), dec!(1)), Ok(Some(Percent(dec!(0)))), "never below 0 %");
        let range = |max| InputProblem::OutOfRange { min: dec!(0), max };
        assert_eq!(churn(dec!(11), dec!(1)), Err(invalid("improvement_points", range(dec!(10)))));
        assert_eq!(churn(dec!(1), dec!(-1)), Err(invalid("churn_points_per_point", range(dec!(100)))));
        let neg = DriverLink { extra_cost_per_month: dec!(-1), ..link(dec!(1), dec!(1)) };
        assert_eq!(driver_variant("v", &base, &neg), Err(invalid("extra_cost_per_month", InputProblem::Negative)));
    }

    proptest! {
        #[test]
        fn no_panic(k in any_decimal(), e in any_decimal(), c in any_decimal()) {
            let link = DriverLink { points: k, churn_points_per_point: Percent(e), extra_cost_per_month: c };
            if let Ok(v) = driver_variant("v", &Baseline::default(), &link) {
                prop_assert!(v.overrides.monthly_churn.is_some_and(|p| p.0 >= Decimal::ZERO));
            }
        }
    }
}
