//! Return on experience (ROX): what experience improvements bring back
//! for what they cost.

use crate::arith::{add, div, mul, non_negative, sub};
use crate::metrics::roi::{retained_revenue, total_cost, total_gain, RoiInputs};
use crate::{Decimal, Outcome, Percent, Undefined};
use serde::{Deserialize, Serialize};

/// The parts of the return on experience (money, exact).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(default)]
pub struct RoxInputs {
    /// Revenue kept thanks to the improvements (churn avoided), field
    /// `revenue_retained`.
    pub revenue_retained: Decimal,
    /// Revenue won thanks to them (upsell, larger orders, referrals), field
    /// `revenue_gained`.
    pub revenue_gained: Decimal,
    /// What the improvements cost, field `cost`.
    pub cost: Decimal,
}

impl RoxInputs {
    /// The parts taken from the ROI card's inputs: retained revenue (customers
    /// × churn reduction × ARPA × months, margin applied if chosen), the
    /// other gains (upsell, order value), and the total cost.
    ///
    /// # Example
    /// ```
    /// use cadran_core::metrics::roi::RoiInputs;
    /// use cadran_core::metrics::value::RoxInputs;
    /// use cadran_core::Percent;
    /// use rust_decimal_macros::dec;
    /// let roi = RoiInputs { salaries: dec!(8000), customers: dec!(500), churn_reduction: Percent(dec!(2)),
    ///     arpa: dec!(100), months: dec!(12), upsell: dec!(1000), ..RoiInputs::default() };
    /// let r = RoxInputs::from_roi(&roi).unwrap();
    /// assert_eq!((r.revenue_retained, r.revenue_gained, r.cost), (dec!(12000), dec!(1000), dec!(8000)));
    /// ```
    pub fn from_roi(i: &RoiInputs) -> Outcome<Self> {
        let retained = retained_revenue(i)?;
        Ok(Self { revenue_retained: retained, revenue_gained: sub(total_gain(i)?, retained)?, cost: total_cost(i)? })
    }
}

/// Return on experience and its parts (exact).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Rox {
    /// Retained + gained revenue.
    pub benefit: Decimal,
    /// Benefit − cost.
    pub net: Decimal,
    /// Net ÷ cost, in percent.
    pub rox: Percent,
}

/// Return on experience: what customer-experience improvements bring back,
/// net of their cost, per unit of cost.
///
/// **Definition.** ROX = (revenue retained + revenue gained thanks to the
/// experience improvements − their cost) ÷ their cost × 100 %, exact.
/// [`Undefined::ZeroCost`] when they cost nothing. This is one transparent
/// definition, the ROI formula applied to experience spending: vendors
/// blend NPS, CSAT, customer lifetime value and retention into their own
/// "ROX" indices in different, often unpublished, ways, so figures from
/// different tools do not compare.
///
/// **Source.** "Return on experience" is a term of the CX trade press and
/// vendors, with no single published formula; the ratio here is the
/// standard return on investment (as in [`crate::metrics::roi`]) applied to
/// experience spending, with its parts shown.
///
/// # Example
/// 12 000 € kept and 1 000 € won for 8 000 € spent: (13 000 − 8 000) ÷ 8 000 = 62.5 %.
/// ```
/// use cadran_core::metrics::value::{return_on_experience, RoxInputs};
/// use cadran_core::{Percent, Undefined, MetricError};
/// use rust_decimal_macros::dec;
/// let r = return_on_experience(&RoxInputs { revenue_retained: dec!(12000), revenue_gained: dec!(1000), cost: dec!(8000) }).unwrap();
/// assert_eq!((r.benefit, r.net, r.rox), (dec!(13000), dec!(5000), Percent(dec!(62.5))));
/// let free = RoxInputs { revenue_retained: dec!(1), ..RoxInputs::default() };
/// assert_eq!(return_on_experience(&free), Err(MetricError::Undefined(Undefined::ZeroCost)));
/// ```
pub fn return_on_experience(i: &RoxInputs) -> Outcome<Rox> {
    let retained = non_negative("revenue_retained", i.revenue_retained)?;
    let gained = non_negative("revenue_gained", i.revenue_gained)?;
    let cost = non_negative("cost", i.cost)?;
    let benefit = add(retained, gained)?;
    let net = sub(benefit, cost)?;
    let rox = Percent(mul(div(net, cost, Undefined::ZeroCost)?, Decimal::ONE_HUNDRED)?);
    Ok(Rox { benefit, net, rox })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::metrics::test_support::{any_decimal, invalid};
    use crate::InputProblem;
    use proptest::prelude::*;
    use rust_decimal_macros::dec;

    #[test]
    fn rox_table() {
        let r = |a, b, c| return_on_experience(&RoxInputs { revenue_retained: a, revenue_gained: b, cost: c });
        assert_eq!(r(dec!(0), dec!(0), dec!(100)).unwrap().rox, Percent(dec!(-100)), "nothing back");
        assert_eq!(r(dec!(50), dec!(50), dec!(100)).unwrap().rox, Percent(dec!(0)), "break-even");
        assert_eq!(r(dec!(1), dec!(0), dec!(3)).unwrap().net, dec!(-2));
        assert_eq!(r(dec!(-1), dec!(0), dec!(3)), Err(invalid("revenue_retained", InputProblem::Negative)));
        assert_eq!(r(dec!(1), dec!(-1), dec!(3)), Err(invalid("revenue_gained", InputProblem::Negative)));
        assert_eq!(r(dec!(1), dec!(0), dec!(-3)), Err(invalid("cost", InputProblem::Negative)));
        assert_eq!(r(Decimal::MAX, Decimal::MAX, dec!(1)), Err(Undefined::Overflow.into()));
    }

    proptest! {
        #[test]
        fn no_panic(a in any_decimal(), b in any_decimal(), c in any_decimal()) {
            if let Ok(r) = return_on_experience(&RoxInputs { revenue_retained: a, revenue_gained: b, cost: c }) {
                prop_assert_eq!(r.net, r.benefit - c);
            }
        }
    }
}
