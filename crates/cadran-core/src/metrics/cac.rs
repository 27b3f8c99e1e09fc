//! Customer acquisition cost (CAC), the months it takes a customer to repay it,
//! and the LTV:CAC ratio that compares what a customer is worth with what it
//! cost to win them.

use super::period::Period;
use crate::arith::{self, div, mul};
use crate::{Outcome, Percent, Undefined};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// The customary LTV:CAC reference of 3 (a customer worth three times what it
/// cost to acquire).
///
/// It is **context, not a rule**: it comes from venture-capital practice for
/// growing SaaS companies (Skok 2013), not from a theorem. A ratio well above 3
/// can mean the company under-invests in growth; below 1 it loses money on each
/// customer. What is healthy depends on the discount rate, the payback period
/// and the cash available, so the UI shows it as a reference line only.
pub const LTV_CAC_REFERENCE: Decimal = Decimal::from_parts(3, 0, 0, false, 0);

/// What CAC is computed from, over one period (a month, a quarter…).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct CacInputs {
    /// Sales and marketing spend over the period (salaries, ads, tools, agencies).
    pub sales_and_marketing_spend: Decimal,
    /// Customers won over the same period (whole number).
    pub new_customers: Decimal,
}

/// CAC and its inputs, for "CAC = 50 000 ÷ 25 = 2 000".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Cac {
    /// Sales and marketing spend, as given.
    pub sales_and_marketing_spend: Decimal,
    /// New customers, as given.
    pub new_customers: Decimal,
    /// Spend ÷ new customers.
    pub cac: Decimal,
}

/// Customer acquisition cost.
///
/// **Definition.** CAC = sales and marketing spend over a period ÷ new
/// customers won in that period ("blended" CAC: all spend, all new customers).
/// Undefined with no new customer ([`Undefined::NoNewCustomers`]).
///
/// **Source.** Skok, D. (2013), *SaaS Metrics 2.0 – A Guide to Measuring and
/// Improving What Matters*, For Entrepreneurs; Farris et al. (2010), *Marketing
/// Metrics*, "average acquisition cost".
///
/// # Example
/// ```
/// use cadran_core::metrics::cac::{cac, CacInputs};
/// use rust_decimal_macros::dec;
/// let c = cac(&CacInputs { sales_and_marketing_spend: dec!(50000), new_customers: dec!(25) }).unwrap();
/// assert_eq!(c.cac, dec!(2000));
/// ```
pub fn cac(i: &CacInputs) -> Outcome<Cac> {
    let spend = arith::non_negative("sales_and_marketing_spend", i.sales_and_marketing_spend)?;
    let new_customers = arith::count("new_customers", i.new_customers)?;
    Ok(Cac {
        sales_and_marketing_spend: spend,
        new_customers,
        cac: div(spend, new_customers, Undefined::NoNewCustomers)?,
    })
}

/// What CAC payback is computed from. `arpa` is **per `period`**.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct CacPaybackInputs {
    /// Customer acquisition cost (see [`cac`]).
    pub cac: Decimal,
    /// Average revenue per account, per period.
    pub arpa: Decimal,
    /// Gross margin on that revenue, 0–100 %.
    pub gross_margin: Percent,
    /// The unit of `arpa`.
    pub period: Period,
}

impl Default for CacPaybackInputs {
    fn default() -> Self {
        Self {
            cac: Decimal::ZERO,
            arpa: Decimal::ZERO,
            gross_margin: Percent(Decimal::from(80)),
            period: Period::Month,
        }
    }
}

/// CAC payback with its intermediate values, for "2 000 ÷ (100 × 80 %) = 25
/// months".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CacPayback {
    /// The unit of `arpa`, `margin_per_period` and `payback_periods`.
    pub period: Period,
    /// CAC, as given.
    pub cac: Decimal,
    /// ARPA per period, as given.
    pub arpa: Decimal,
    /// Gross margin, as given.
    pub gross_margin: Percent,
    /// ARPA × gross margin.
    pub margin_per_period: Decimal,
    /// CAC ÷ margin per period, in periods.
    pub payback_periods: Decimal,
    /// The same payback in months (periods × months per period).
    pub payback_months: Decimal,
}

/// Months needed for a new customer's gross margin to repay their CAC.
///
/// **Definition.** payback = CAC ÷ (ARPA × gross margin), in the period of ARPA
/// (months for a monthly ARPA); also given in months. It ignores churn and
/// expansion: it is the time a customer who stays and pays the same must stay
/// to break even. Zero when CAC is zero; undefined when the gross margin is
/// zero ([`Undefined::ZeroMargin`]) or ARPA is zero
/// ([`Undefined::NeverPaysBack`]).
///
/// **Source.** Skok, D. (2013), *SaaS Metrics 2.0*, "Months to recover CAC =
/// CAC ÷ (MRR × gross margin %)", with MRR per customer = ARPA.
///
/// # Example
/// ```
/// use cadran_core::metrics::cac::{cac_payback, CacPaybackInputs};
/// use cadran_core::metrics::period::Period;
/// use cadran_core::Percent;
/// use rust_decimal_macros::dec;
/// let p = cac_payback(&CacPaybackInputs {
///     cac: dec!(2000), arpa: dec!(100), gross_margin: Percent(dec!(80)), period: Period::Month,
/// }).unwrap();
/// assert_eq!(p.margin_per_period, dec!(80));
/// assert_eq!(p.payback_months, dec!(25));
/// ```
pub fn cac_payback(i: &CacPaybackInputs) -> Outcome<CacPayback> {
    let cac = arith::non_negative("cac", i.cac)?;
    let arpa = arith::non_negative("arpa", i.arpa)?;
    let gross_margin = arith::percent_0_100("gross_margin", i.gross_margin)?;
    let margin_per_period = mul(arpa, div(gross_margin.0, Decimal::ONE_HUNDRED, Undefined::Overflow)?)?;
    let payback_periods = if cac.is_zero() {
        Decimal::ZERO
    } else if gross_margin.0.is_zero() {
        return Err(Undefined::ZeroMargin.into());
    } else {
        div(cac, margin_per_period, Undefined::NeverPaysBack)?
    };
    Ok(CacPayback {
        period: i.period,
        cac,
        arpa,
        gross_margin,
        margin_per_period,
        payback_periods,
        payback_months: mul(payback_periods, i.period.months())?,
    })
}

/// The LTV:CAC ratio with its two terms.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LtvCacRatio {
    /// Lifetime value, as given.
    pub ltv: Decimal,
    /// Acquisition cost, as given.
    pub cac: Decimal,
    /// LTV ÷ CAC (a plain ratio: 3 means "3 : 1").
    pub ratio: Decimal,
}

impl LtvCacRatio {
    /// Whether the ratio reaches [`LTV_CAC_REFERENCE`]. A reading aid, not a
    /// verdict (see the constant's documentation).
    #[must_use]
    pub fn meets_reference(&self) -> bool {
        self.ratio >= LTV_CAC_REFERENCE
    }
}

/// LTV:CAC ratio: how many times a customer repays what it cost to win them.
///
/// **Definition.** ratio = LTV ÷ CAC, a plain ratio (3 reads "3 : 1"). LTV may
/// be negative (a historic CLV below zero); CAC may not. Undefined when CAC is
/// zero ([`Undefined::ZeroCost`]). Both must be in the same currency; LTV is a
/// total over the lifetime, so no period applies. Compare with
/// [`LTV_CAC_REFERENCE`], which is context, not a rule.
///
/// **Source.** Skok, D. (2013), *SaaS Metrics 2.0*, "LTV > 3 × CAC".
///
/// # Example
/// ```
/// use cadran_core::metrics::cac::{ltv_to_cac, LTV_CAC_REFERENCE};
/// use rust_decimal_macros::dec;
/// let r = ltv_to_cac(dec!(4000), dec!(2000)).unwrap();
/// assert_eq!(r.ratio, dec!(2));
/// assert!(r.ratio < LTV_CAC_REFERENCE && !r.meets_reference());
/// ```
pub fn ltv_to_cac(ltv: Decimal, cac: Decimal) -> Outcome<LtvCacRatio> {
    let cac = arith::non_negative("cac", cac)?;
    Ok(LtvCacRatio { ltv, cac, ratio: div(ltv, cac, Undefined::ZeroCost)? })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::metrics::test_support::{invalid};
    use crate::metrics::test_support::any_decimal;
    use crate::InputProblem;
    use proptest::prelude::*;
    use rust_decimal_macros::dec;

    #[test]
    fn reference_is_three() {
        assert_eq!(LTV_CAC_REFERENCE, dec!(3));
    }

    #[test]
    fn cac_table() {
        let table = [
            (dec!(50000), dec!(25), Ok(dec!(2000))),
            (dec!(0), dec!(10), Ok(dec!(0))),
            (dec!(1000), dec!(1), Ok(dec!(1000))),
            (dec!(1000), dec!(0), Err(Undefined::NoNewCustomers.into())),
            (dec!(1000), dec!(2.5), Err(invalid("new_customers", InputProblem::NotWhole))),
            (dec!(-1), dec!(2), Err(invalid("sales_and_marketing_spend", InputProblem::Negative))),
        ];
        for (spend, n, expected) in table {
            let got = cac(&CacInputs { sales_and_marketing_spend: spend, new_customers: n }).map(|c| c.cac);
            assert_eq!(got, expected, "spend {spend}, new customers {n}");
        }
    }

    /// Worked example in the style of Skok (2013): CAC 6 000, ARPA 500 a month
    /// at 75 % margin → 6 000 ÷ 375 = 16 months.
    #[test]
    fn payback_table() {
        let base = CacPaybackInputs {
            cac: dec!(6000), arpa: dec!(500), gross_margin: Percent(dec!(75)), period: Period::Month,
        };
        let table: Vec<(&str, CacPaybackInputs, Outcome<Decimal>)> = vec![
            ("Skok-style example", base.clone(), Ok(dec!(16))),
            ("annual ARPA, payback in months",
             CacPaybackInputs { arpa: dec!(6000), period: Period::Year, ..base.clone() }, Ok(dec!(16))),
            ("free customers", CacPaybackInputs { cac: dec!(0), ..base.clone() }, Ok(dec!(0))),
            ("zero margin", CacPaybackInputs { gross_margin: Percent(dec!(0)), ..base.clone() },
             Err(Undefined::ZeroMargin.into())),
            ("zero ARPA", CacPaybackInputs { arpa: dec!(0), ..base.clone() }, Err(Undefined::NeverPaysBack.into())),
            ("margin above 100", CacPaybackInputs { gross_margin: Percent(dec!(120)), ..base.clone() },
             Err(invalid("gross_margin", InputProblem::OutOfRange { min: dec!(0), max: dec!(100) }))),
        ];
        for (name, inputs, expected) in table {
            assert_eq!(cac_payback(&inputs).map(|p| p.payback_months), expected, "case {name}: {inputs:?}");
        }
        let yearly = cac_payback(&CacPaybackInputs { arpa: dec!(6000), period: Period::Year, ..base }).unwrap();
        assert_eq!(yearly.payback_periods, dec!(1.3333333333333333333333333333), "in years");
    }

    #[test]
    fn ratio_table() {
        let table = [
            (dec!(9000), dec!(3000), Ok(dec!(3))),
            (dec!(-300), dec!(100), Ok(dec!(-3))),
            (dec!(100), dec!(0), Err(Undefined::ZeroCost.into())),
            (dec!(100), dec!(-1), Err(invalid("cac", InputProblem::Negative))),
            (Decimal::MAX, dec!(0.1), Err(Undefined::Overflow.into())),
        ];
        for (ltv, c, expected) in table {
            assert_eq!(ltv_to_cac(ltv, c).map(|r| r.ratio), expected, "LTV {ltv}, CAC {c}");
        }
        assert!(ltv_to_cac(dec!(9000), dec!(3000)).unwrap().meets_reference());
    }

    proptest! {
        /// Any inputs give a value or a typed reason: never a panic.
        #[test]
        fn never_panics(v in proptest::collection::vec(any_decimal(), 4), year in any::<bool>()) {
            let period = if year { Period::Year } else { Period::Month };
            let _ = cac(&CacInputs { sales_and_marketing_spend: v[0], new_customers: v[1] });
            let _ = cac_payback(&CacPaybackInputs { cac: v[0], arpa: v[1], gross_margin: Percent(v[2]), period });
            let _ = ltv_to_cac(v[3], v[0]);
        }

        /// Payback × margin per period gives CAC back (up to rounding).
        #[test]
        fn payback_inverts(c in 0u32..10_000_000, arpa in 1u32..100_000, gm in 1u32..=100) {
            let p = cac_payback(&CacPaybackInputs {
                cac: c.into(), arpa: arpa.into(), gross_margin: Percent(gm.into()), period: Period::Month,
            }).unwrap();
            let back = p.payback_periods * p.margin_per_period;
            prop_assert!((back - Decimal::from(c)).abs() < dec!(0.0000001), "{back} vs {c}");
        }
    }
}
