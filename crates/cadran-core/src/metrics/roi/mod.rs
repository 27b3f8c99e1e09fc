//! Return on investment of customer-success spending.
//!
//! The customer-success team costs money (salaries, training, tools); it earns
//! money by keeping customers who would have left, by upselling and
//! cross-selling, and by raising the average order value. ROI compares the two.

use crate::arith::{self, add, div, mul, sub};
use crate::{Field, InputError, InputProblem, MetricError, Outcome, Percent, Undefined};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// What the ROI calculator asks for. Money is in the user's currency over the
/// whole period, except `arpa` which is **per customer per month**.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct RoiInputs {
    /// Customer-success salaries over the period.
    pub salaries: Decimal,
    /// Training over the period.
    pub training: Decimal,
    /// Tools and software over the period.
    pub tools: Decimal,
    /// Other costs over the period.
    pub other_costs: Decimal,
    /// Customers at the start of the period (whole number).
    pub customers: Decimal,
    /// Reduction of the monthly churn rate obtained, in percentage points.
    pub churn_reduction: Percent,
    /// Average revenue per account, per month.
    pub arpa: Decimal,
    /// Length of the period, in months.
    pub months: Decimal,
    /// Count kept revenue at gross margin (profit) rather than as revenue.
    pub use_gross_margin: bool,
    /// Gross margin, used when `use_gross_margin` is set.
    pub gross_margin: Percent,
    /// Upsell and cross-sell revenue over the period.
    pub upsell: Decimal,
    /// Increase of the average order value.
    pub aov_increase: Decimal,
    /// Orders over the period that benefit from the higher order value.
    pub orders: Decimal,
    /// Fields whose text is not a number. Their value above is never read:
    /// every output that needs one of them reports
    /// [`InputProblem::NotANumber`] on it, and the outputs that do not need
    /// them are still computed (total cost does not depend on the churn
    /// reduction). One struct for all outputs, rather than one per output,
    /// keeps the dependency rules here, in the functions that use the fields.
    ///
    /// # Example
    /// ```
    /// use cadran_core::metrics::roi::{compute_roi, RoiInputs};
    /// use cadran_core::{Field, InputError, InputProblem, MetricError};
    /// use rust_decimal_macros::dec;
    /// let r = compute_roi(&RoiInputs {
    ///     salaries: dec!(1000), unreadable: vec![Field("churn_reduction")], ..RoiInputs::default()
    /// });
    /// assert_eq!(r.total_cost, Ok(dec!(1000)));
    /// assert_eq!(r.retained_revenue,
    ///            Err(MetricError::from(InputError::new(Field("churn_reduction"), InputProblem::NotANumber))));
    /// ```
    #[serde(skip)]
    pub unreadable: Vec<Field>,
}

impl RoiInputs {
    /// `value`, the field `field`, unless its text was not a number.
    fn read<T>(&self, field: &'static str, value: T) -> Result<T, InputError> {
        if self.unreadable.iter().any(|f| f.0 == field) {
            Err(InputError::new(Field(field), InputProblem::NotANumber))
        } else {
            Ok(value)
        }
    }
}

impl Default for RoiInputs {
    fn default() -> Self {
        Self {
            salaries: Decimal::ZERO,
            training: Decimal::ZERO,
            tools: Decimal::ZERO,
            other_costs: Decimal::ZERO,
            customers: Decimal::ZERO,
            churn_reduction: Percent::ZERO,
            arpa: Decimal::ZERO,
            months: Decimal::from(12),
            use_gross_margin: false,
            gross_margin: Percent(Decimal::from(80)),
            upsell: Decimal::ZERO,
            aov_increase: Decimal::ZERO,
            orders: Decimal::ZERO,
            unreadable: Vec::new(),
        }
    }
}

/// Every output of the ROI calculator. Each is computed on its own, so an
/// invalid field blanks only the outputs that depend on it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RoiReport {
    /// Salaries + training + tools + other costs.
    pub total_cost: Outcome<Decimal>,
    /// Revenue kept by lower churn (see [`retained_revenue`]).
    pub retained_revenue: Outcome<Decimal>,
    /// Average-order-value gain: increase × orders.
    pub aov_gain: Outcome<Decimal>,
    /// Retained revenue + upsell + order-value gain.
    pub total_gain: Outcome<Decimal>,
    /// Total gain − total cost.
    pub net_gain: Outcome<Decimal>,
    /// (gain − cost) / cost × 100.
    pub roi_percent: Outcome<Percent>,
    /// Months until the cumulated gain covers the cost.
    pub payback_months: Outcome<Decimal>,
    /// Churn reduction, in points, at which gain equals cost.
    pub break_even_churn_reduction: Outcome<Percent>,
}

/// Revenue kept by lower churn over the period.
///
/// **Definition.** kept = customers × churn reduction (points ÷ 100) × ARPA ×
/// months, × gross margin when profit rather than revenue is wanted. It is the
/// linear first-order estimate used by customer-success ROI calculators: each
/// month, `customers × Δchurn` customers stay who would have left, and each pays
/// ARPA. It ignores compounding, which the scenario engine models month by
/// month.
///
/// **Source.** Gainsight, *Customer Success ROI* (the "retention lever":
/// customers saved × revenue per customer); Totango, *How to calculate the
/// ROI of customer success* (2021).
///
/// # Example
/// ```
/// use cadran_core::metrics::roi::{retained_revenue, RoiInputs};
/// use cadran_core::Percent;
/// use rust_decimal_macros::dec;
/// let inputs = RoiInputs {
///     customers: dec!(1000), churn_reduction: Percent(dec!(1.5)),
///     arpa: dec!(80), months: dec!(12), ..RoiInputs::default()
/// };
/// // 1000 × 0.015 × 80 × 12 = 14 400
/// assert_eq!(retained_revenue(&inputs).unwrap(), dec!(14400));
/// ```
pub fn retained_revenue(i: &RoiInputs) -> Outcome<Decimal> {
    let customers = arith::count("customers", i.read("customers", i.customers)?)?;
    let reduction = arith::percent_0_100("churn_reduction", i.read("churn_reduction", i.churn_reduction)?)?;
    let arpa = arith::non_negative("arpa", i.read("arpa", i.arpa)?)?;
    let months = arith::non_negative("months", i.read("months", i.months)?)?;
    let revenue = mul(mul(mul(customers, reduction.fraction())?, arpa)?, months)?;
    if i.use_gross_margin {
        let margin = arith::percent_0_100("gross_margin", i.read("gross_margin", i.gross_margin)?)?;
        mul(revenue, margin.fraction())
    } else {
        Ok(revenue)
    }
}

/// Total customer-success cost over the period: salaries + training + tools +
/// other.
///
/// # Example
/// ```
/// use cadran_core::metrics::roi::{total_cost, RoiInputs};
/// use rust_decimal_macros::dec;
/// let i = RoiInputs { salaries: dec!(50000), tools: dec!(6000), ..RoiInputs::default() };
/// assert_eq!(total_cost(&i).unwrap(), dec!(56000));
/// ```
pub fn total_cost(i: &RoiInputs) -> Outcome<Decimal> {
    arith::sum([
        arith::non_negative("salaries", i.read("salaries", i.salaries)?)?,
        arith::non_negative("training", i.read("training", i.training)?)?,
        arith::non_negative("tools", i.read("tools", i.tools)?)?,
        arith::non_negative("other_costs", i.read("other_costs", i.other_costs)?)?,
    ])
}

fn aov_gain(i: &RoiInputs) -> Outcome<Decimal> {
    let increase = arith::non_negative("aov_increase", i.read("aov_increase", i.aov_increase)?)?;
    let orders = arith::count("orders", i.read("orders", i.orders)?)?;
    mul(increase, orders)
}

/// Gains other than kept revenue: upsell + order-value gain.
fn other_gains(i: &RoiInputs) -> Outcome<Decimal> {
    add(arith::non_negative("upsell", i.read("upsell", i.upsell)?)?, aov_gain(i)?)
}

/// Total gain: kept revenue + upsell and cross-sell + AOV increase × orders.
///
/// # Example
/// ```
/// use cadran_core::metrics::roi::{total_gain, RoiInputs};
/// use rust_decimal_macros::dec;
/// let i = RoiInputs { upsell: dec!(3000), aov_increase: dec!(2.5), orders: dec!(400),
///                     ..RoiInputs::default() };
/// assert_eq!(total_gain(&i).unwrap(), dec!(4000));
/// ```
pub fn total_gain(i: &RoiInputs) -> Outcome<Decimal> {
    add(retained_revenue(i)?, other_gains(i)?)
}

/// ROI of customer-success spending, in percent.
///
/// **Definition.** ROI = (gain − cost) / cost × 100. Undefined when the cost
/// is zero.
///
/// **Source.** The standard return-on-investment ratio (Investopedia, *Return
/// on Investment (ROI)*); applied to customer success as in Gainsight, *The
/// Customer Success ROI Calculator*.
///
/// # Example
/// ```
/// use cadran_core::metrics::roi::{roi_percent, RoiInputs};
/// use cadran_core::{Percent, MetricError, Undefined};
/// use rust_decimal_macros::dec;
/// let i = RoiInputs { salaries: dec!(10000), upsell: dec!(13000), ..RoiInputs::default() };
/// assert_eq!(roi_percent(&i).unwrap(), Percent(dec!(30)));
/// let free = RoiInputs { upsell: dec!(1), ..RoiInputs::default() };
/// assert_eq!(roi_percent(&free), Err(MetricError::Undefined(Undefined::ZeroCost)));
/// ```
pub fn roi_percent(i: &RoiInputs) -> Outcome<Percent> {
    let cost = total_cost(i)?;
    let net = sub(total_gain(i)?, cost)?;
    arith::percent_of(net, cost, Undefined::ZeroCost)
}

/// Months until the gain covers the cost, assuming the gain accrues evenly
/// over the period.
///
/// **Definition.** payback = cost ÷ (gain ÷ months). Zero when nothing was
/// spent; [`Undefined::NeverPaysBack`] when there is no gain.
///
/// **Source.** Simple payback period (Investopedia, *Payback Period*).
///
/// # Example
/// ```
/// use cadran_core::metrics::roi::{payback_months, RoiInputs};
/// use rust_decimal_macros::dec;
/// // 9 000 spent, 12 000 gained over 12 months → 1 000 a month → 9 months.
/// let i = RoiInputs { salaries: dec!(9000), upsell: dec!(12000), months: dec!(12),
///                     ..RoiInputs::default() };
/// assert_eq!(payback_months(&i).unwrap(), dec!(9));
/// ```
pub fn payback_months(i: &RoiInputs) -> Outcome<Decimal> {
    let cost = total_cost(i)?;
    let gain = total_gain(i)?;
    let months = arith::non_negative("months", i.read("months", i.months)?)?;
    if cost.is_zero() {
        return Ok(Decimal::ZERO);
    }
    if gain <= Decimal::ZERO || months.is_zero() {
        return Err(Undefined::NeverPaysBack.into());
    }
    div(mul(cost, months)?, gain, Undefined::NeverPaysBack)
}

/// The churn reduction, in percentage points, at which the gain equals the cost.
///
/// **Definition.** Solving kept(x) + other gains = cost for x:
/// x = (cost − upsell − AOV gain) ÷ (customers × ARPA × months [× margin]) × 100.
/// Zero when the other gains already cover the cost;
/// [`Undefined::Unreachable`] when it would take more than 100 points.
///
/// # Example
/// ```
/// use cadran_core::metrics::roi::{break_even_churn_reduction, RoiInputs};
/// use cadran_core::Percent;
/// use rust_decimal_macros::dec;
/// // 12 000 to recover from 500 customers × 100 € × 12 months = 600 000 per point-fraction.
/// let i = RoiInputs { salaries: dec!(12000), customers: dec!(500), arpa: dec!(100),
///                     months: dec!(12), ..RoiInputs::default() };
/// assert_eq!(break_even_churn_reduction(&i).unwrap(), Percent(dec!(2)));
/// ```
pub fn break_even_churn_reduction(i: &RoiInputs) -> Outcome<Percent> {
    let to_recover = sub(total_cost(i)?, other_gains(i)?)?;
    if to_recover <= Decimal::ZERO {
        return Ok(Percent::ZERO);
    }
    let customers = arith::count("customers", i.read("customers", i.customers)?)?;
    let arpa = arith::non_negative("arpa", i.read("arpa", i.arpa)?)?;
    let months = arith::non_negative("months", i.read("months", i.months)?)?;
    let mut per_unit = mul(mul(customers, arpa)?, months)?;
    if i.use_gross_margin {
        let margin = arith::percent_0_100("gross_margin", i.read("gross_margin", i.gross_margin)?)?;
        if margin.0.is_zero() {
            return Err(Undefined::ZeroMargin.into());
        }
        per_unit = mul(per_unit, margin.fraction())?;
    }
    let reason = if customers.is_zero() {
        Undefined::NoCustomers
    } else if arpa.is_zero() {
        Undefined::ZeroRevenue
    } else {
        Undefined::Unreachable
    };
    let points = arith::percent_of(to_recover, per_unit, reason)?;
    if points > Percent::HUNDRED {
        Err(MetricError::Undefined(Undefined::Unreachable))
    } else {
        Ok(points)
    }
}

/// Computes every output of the ROI calculator at once.
///
/// # Example
/// ```
/// use cadran_core::metrics::roi::{compute_roi, RoiInputs};
/// use rust_decimal_macros::dec;
/// let r = compute_roi(&RoiInputs { salaries: dec!(100), upsell: dec!(150), ..RoiInputs::default() });
/// assert_eq!(r.net_gain.unwrap(), dec!(50));
/// ```
#[must_use]
pub fn compute_roi(i: &RoiInputs) -> RoiReport {
    let total_cost = total_cost(i);
    let total_gain = total_gain(i);
    let net_gain = match (&total_gain, &total_cost) {
        (Ok(g), Ok(c)) => sub(*g, *c),
        (Err(e), _) | (_, Err(e)) => Err(e.clone()),
    };
    RoiReport {
        retained_revenue: retained_revenue(i),
        aov_gain: aov_gain(i),
        roi_percent: roi_percent(i),
        payback_months: payback_months(i),
        break_even_churn_reduction: break_even_churn_reduction(i),
        total_cost,
        total_gain,
        net_gain,
    }
}

#[cfg(test)]
mod tests;
