//! Customer lifetime value (CLV, also called LTV): what a customer is worth
//! over the whole relationship.
//!
//! Three variants, from the crudest to the most careful, because each answers
//! a different question and rests on different assumptions:
//!
//! * [`simple_clv`] — *historic*: what a customer actually brought in minus what
//!   they cost. No forecast, no assumption.
//! * [`margin_churn_clv`] — *steady-state SaaS*: margin per period ÷ churn per
//!   period. Assumes constant ARPA, margin and churn forever, and no discounting.
//! * [`discounted_clv`] and [`discounted_clv_over`] — *discounted*: the present
//!   value of future margins, each weighted by the chance the customer is still
//!   there. Assumes constant margin and retention; money later is worth less.
//!
//! Every per-period input carries its [`Period`]: a monthly margin over an
//! annual churn is the most common CLV mistake, so the unit travels with the
//! numbers and comes back in the output.

use super::period::Period;
use crate::arith::{self, add, div, mul, sub};
use crate::{Outcome, Percent, Undefined};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

mod discounted;
pub use discounted::{
    discounted_clv, discounted_clv_over, DiscountedClv, DiscountedClvInputs, HorizonClv, MAX_HORIZON_PERIODS,
};

/// A percentage as a fraction of one, with checked arithmetic.
fn fraction(p: Percent) -> Outcome<Decimal> {
    div(p.0, Decimal::ONE_HUNDRED, Undefined::Overflow)
}

// ---------------------------------------------------------------- (a) simple

/// Inputs of the historic CLV, all in money over the customer's whole
/// relationship so far.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct SimpleClvInputs {
    /// Revenue received from the customer.
    pub revenue: Decimal,
    /// What it cost to acquire them (their share of sales and marketing).
    pub acquisition_cost: Decimal,
    /// What it cost to serve them (support, hosting, customer success…).
    pub serving_cost: Decimal,
}

/// The historic CLV and the numbers it was computed from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SimpleClv {
    /// Revenue received.
    pub revenue: Decimal,
    /// Cost of acquisition.
    pub acquisition_cost: Decimal,
    /// Cost of serving.
    pub serving_cost: Decimal,
    /// Acquisition + serving.
    pub total_cost: Decimal,
    /// Revenue − total cost; negative when the customer cost more than they paid.
    pub clv: Decimal,
}

/// Historic ("simple") customer lifetime value.
///
/// **Definition.** CLV = revenue from the customer − cost of acquiring them −
/// cost of serving them. It looks backwards only: it needs no churn or discount
/// assumption, which makes it the right figure for a customer who already left,
/// and a lower bound for one who is still there. It may be negative.
///
/// **Source.** Kumar, V. (2008), *Customer Lifetime Value: The Path to
/// Profitability*, Foundations and Trends in Marketing (the "historic" or
/// "past customer value" approach); Farris, Bendle, Pfeifer & Reibstein (2010),
/// *Marketing Metrics*, ch. 5.
///
/// # Example
/// ```
/// use cadran_core::metrics::clv::{simple_clv, SimpleClvInputs};
/// use rust_decimal_macros::dec;
/// let c = simple_clv(&SimpleClvInputs {
///     revenue: dec!(5000), acquisition_cost: dec!(1200), serving_cost: dec!(800),
/// }).unwrap();
/// // 5 000 − (1 200 + 800) = 3 000
/// assert_eq!((c.total_cost, c.clv), (dec!(2000), dec!(3000)));
/// ```
pub fn simple_clv(i: &SimpleClvInputs) -> Outcome<SimpleClv> {
    let revenue = arith::non_negative("revenue", i.revenue)?;
    let acquisition_cost = arith::non_negative("acquisition_cost", i.acquisition_cost)?;
    let serving_cost = arith::non_negative("serving_cost", i.serving_cost)?;
    let total_cost = add(acquisition_cost, serving_cost)?;
    Ok(SimpleClv { revenue, acquisition_cost, serving_cost, total_cost, clv: sub(revenue, total_cost)? })
}

// ------------------------------------------------------- (b) margin ÷ churn

/// The margin a customer brings per period.
///
/// **Definition.** margin per period = ARPA × gross margin, in the period of
/// ARPA. It is the `m` of the discounted CLV ([`discounted_clv`]) when the
/// cost to serve is already in the gross margin, and the numerator of the
/// steady-state CLV ([`margin_churn_clv`]). Both inputs are validated (ARPA
/// ≥ 0, margin in 0–100 %), with the error naming `arpa` or `gross_margin`.
///
/// **Source.** Skok, D. (2013), *SaaS Metrics 2.0* ("ARPA × gross margin %");
/// Gupta & Lehmann (2003), "Customers as assets" (margin per period `m`).
///
/// # Example
/// ```
/// use cadran_core::metrics::clv::margin_per_period;
/// use cadran_core::Percent;
/// use rust_decimal_macros::dec;
/// assert_eq!(margin_per_period(dec!(100), Percent(dec!(80))).unwrap(), dec!(80));
/// ```
pub fn margin_per_period(arpa: Decimal, gross_margin: Percent) -> Outcome<Decimal> {
    let arpa = arith::non_negative("arpa", arpa)?;
    let gross_margin = arith::percent_0_100("gross_margin", gross_margin)?;
    mul(arpa, fraction(gross_margin)?)
}

/// Inputs of the steady-state SaaS CLV. `arpa` and `churn` are **per
/// `period`**.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct MarginChurnClvInputs {
    /// Average revenue per account, per period.
    pub arpa: Decimal,
    /// Gross margin on that revenue, 0–100 %.
    pub gross_margin: Percent,
    /// Share of customers lost per period, 0–100 %.
    pub churn: Percent,
    /// The unit of `arpa` and `churn`.
    pub period: Period,
}

impl Default for MarginChurnClvInputs {
    fn default() -> Self {
        Self {
            arpa: Decimal::ZERO,
            gross_margin: Percent(Decimal::from(80)),
            churn: Percent::ZERO,
            period: Period::Month,
        }
    }
}

/// The steady-state CLV with its intermediate values, so the UI can print
/// "CLV = 100 × 80 % ÷ 2 % = 4 000".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MarginChurnClv {
    /// The unit of every per-period value below.
    pub period: Period,
    /// ARPA per period, as given.
    pub arpa: Decimal,
    /// Gross margin, as given.
    pub gross_margin: Percent,
    /// Churn per period, as given.
    pub churn: Percent,
    /// ARPA × gross margin: the margin a customer brings per period.
    pub margin_per_period: Decimal,
    /// 1 ÷ churn: the expected lifetime, in periods.
    pub expected_lifetime_periods: Decimal,
    /// Margin per period ÷ churn: the lifetime value, in money.
    pub clv: Decimal,
}

/// Steady-state SaaS CLV: margin per period ÷ churn per period.
///
/// **Definition.** CLV = ARPA × gross margin ÷ churn, where ARPA and churn refer
/// to the same period (both monthly, or both annual). With a constant churn
/// `c`, a customer stays on average 1 ÷ c periods, so this is margin per period
/// × expected lifetime. It assumes ARPA, margin and churn never change and does
/// not discount future money, so it overstates the value of long lifetimes (see
/// [`discounted_clv`]). Zero churn means an infinite lifetime:
/// [`Undefined::ZeroChurn`].
///
/// **Source.** Skok, D. (2013), *SaaS Metrics 2.0 – A Guide to Measuring and
/// Improving What Matters*, For Entrepreneurs ("LTV = ARPA × gross margin % ÷
/// churn rate").
///
/// # Example
/// ```
/// use cadran_core::metrics::clv::{margin_churn_clv, MarginChurnClvInputs};
/// use cadran_core::metrics::period::Period;
/// use cadran_core::Percent;
/// use rust_decimal_macros::dec;
/// let c = margin_churn_clv(&MarginChurnClvInputs {
///     arpa: dec!(100), gross_margin: Percent(dec!(80)), churn: Percent(dec!(2)),
///     period: Period::Month,
/// }).unwrap();
/// // 100 × 80 % = 80 a month; 1 ÷ 2 % = 50 months; 80 × 50 = 4 000.
/// assert_eq!(c.margin_per_period, dec!(80));
/// assert_eq!(c.expected_lifetime_periods, dec!(50));
/// assert_eq!(c.clv, dec!(4000));
/// ```
pub fn margin_churn_clv(i: &MarginChurnClvInputs) -> Outcome<MarginChurnClv> {
    let margin_per_period = margin_per_period(i.arpa, i.gross_margin)?;
    let (arpa, gross_margin) = (i.arpa, i.gross_margin);
    let churn = arith::percent_0_100("churn", i.churn)?;
    let churn_fraction = fraction(churn)?;
    let expected_lifetime_periods = div(Decimal::ONE, churn_fraction, Undefined::ZeroChurn)?;
    let clv = div(margin_per_period, churn_fraction, Undefined::ZeroChurn)?;
    Ok(MarginChurnClv {
        period: i.period,
        arpa,
        gross_margin,
        churn,
        margin_per_period,
        expected_lifetime_periods,
        clv,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::metrics::test_support::{invalid, pct_range};
    use crate::metrics::test_support::{any_decimal, percent_0_100};
    use crate::InputProblem;
    use proptest::prelude::*;
    use rust_decimal_macros::dec;

    #[test]
    fn simple_clv_table() {
        let table = [
            // (revenue, acquisition, serving, expected)
            (dec!(5000), dec!(1200), dec!(800), Ok(dec!(3000))),
            (dec!(1000), dec!(1200), dec!(0), Ok(dec!(-200))),
            (dec!(0), dec!(0), dec!(0), Ok(dec!(0))),
            (dec!(-1), dec!(0), dec!(0), Err(invalid("revenue", InputProblem::Negative))),
            (dec!(1), dec!(0), dec!(-5), Err(invalid("serving_cost", InputProblem::Negative))),
            (dec!(0), Decimal::MAX, Decimal::MAX, Err(Undefined::Overflow.into())),
        ];
        for (revenue, acquisition_cost, serving_cost, expected) in table {
            let got = simple_clv(&SimpleClvInputs { revenue, acquisition_cost, serving_cost }).map(|c| c.clv);
            assert_eq!(got, expected, "revenue {revenue}, acquisition {acquisition_cost}, serving {serving_cost}");
        }
    }

    /// Worked example from Skok (2013): ARPA 100 a month, 80 % margin, 2 %
    /// monthly churn → LTV 4 000. The same customer counted by the year (ARPA
    /// 1 200, annual churn 24 %) gives 4 000 too — only if the units match.
    #[test]
    fn margin_churn_worked_example_and_units() {
        let monthly = MarginChurnClvInputs {
            arpa: dec!(100), gross_margin: Percent(dec!(80)), churn: Percent(dec!(2)), period: Period::Month,
        };
        assert_eq!(margin_churn_clv(&monthly).unwrap().clv, dec!(4000));
        let yearly = MarginChurnClvInputs { arpa: dec!(1200), churn: Percent(dec!(24)), period: Period::Year, ..monthly };
        let y = margin_churn_clv(&yearly).unwrap();
        assert_eq!(y.clv, dec!(4000));
        assert_eq!(y.period, Period::Year, "the unit comes back in the output");
    }

    #[test]
    fn margin_churn_edges() {
        let base = MarginChurnClvInputs { arpa: dec!(50), gross_margin: Percent(dec!(70)), ..Default::default() };
        let table = [
            ("zero churn", Percent(dec!(0)), Err(Undefined::ZeroChurn.into())),
            ("100 % churn: one period of margin", Percent(dec!(100)), Ok(dec!(35))),
            ("churn above 100", Percent(dec!(101)), Err(invalid("churn", pct_range()))),
            ("negative churn", Percent(dec!(-1)), Err(invalid("churn", pct_range()))),
        ];
        for (name, churn, expected) in table {
            let got = margin_churn_clv(&MarginChurnClvInputs { churn, ..base.clone() }).map(|c| c.clv);
            assert_eq!(got, expected, "case {name}: churn {churn}");
        }
        let negative = MarginChurnClvInputs { arpa: dec!(-1), churn: Percent(dec!(5)), ..base };
        assert_eq!(margin_churn_clv(&negative), Err(invalid("arpa", InputProblem::Negative)));
    }

    #[test]
    fn margin_per_period_table() {
        let table = [
            (dec!(100), dec!(80), Ok(dec!(80))),
            (dec!(0), dec!(80), Ok(dec!(0))),
            (dec!(250), dec!(0), Ok(dec!(0))),
            (dec!(-1), dec!(80), Err(invalid("arpa", InputProblem::Negative))),
            (dec!(100), dec!(101), Err(invalid("gross_margin", pct_range()))),
        ];
        for (arpa, gm, expected) in table {
            assert_eq!(margin_per_period(arpa, Percent(gm)), expected, "ARPA {arpa}, margin {gm} %");
        }
    }

    proptest! {
        /// Any inputs give a value or a typed reason: never a panic.
        #[test]
        fn never_panics(v in proptest::collection::vec(any_decimal(), 6), h in 0u32..1300, year in any::<bool>()) {
            let period = if year { Period::Year } else { Period::Month };
            let _ = simple_clv(&SimpleClvInputs { revenue: v[0], acquisition_cost: v[1], serving_cost: v[2] });
            let _ = margin_churn_clv(&MarginChurnClvInputs {
                arpa: v[0], gross_margin: Percent(v[3]), churn: Percent(v[4]), period,
            });
            let d = DiscountedClvInputs { margin: v[0], churn: Percent(v[4]), discount_rate: Percent(v[5]), period };
            let _ = discounted_clv(&d);
            let _ = discounted_clv_over(&d, h);
        }

        /// CLV rises (never falls) when churn falls, in every variant.
        #[test]
        fn clv_monotone_in_churn(a in percent_0_100(), b in percent_0_100(), margin in any_decimal(),
                                 gm in percent_0_100(), disc in percent_0_100(), h in 0u32..200) {
            let (lo, hi) = (a.min(b), a.max(b));
            let margin = margin.abs();
            let mc = |c: Decimal| margin_churn_clv(&MarginChurnClvInputs {
                arpa: margin, gross_margin: Percent(gm), churn: Percent(c), period: Period::Month,
            }).map(|x| x.clv);
            if let (Ok(l), Ok(h)) = (mc(lo), mc(hi)) {
                prop_assert!(l >= h, "margin÷churn: churn {lo} → {l}, churn {hi} → {h}");
            }
            let d = |c: Decimal| DiscountedClvInputs {
                margin, churn: Percent(c), discount_rate: Percent(disc), period: Period::Month,
            };
            if let (Ok(l), Ok(h)) = (discounted_clv(&d(lo)), discounted_clv(&d(hi))) {
                prop_assert!(l.clv >= h.clv, "discounted: churn {lo} → {}, churn {hi} → {}", l.clv, h.clv);
            }
            if let (Ok(l), Ok(hh)) = (discounted_clv_over(&d(lo), h), discounted_clv_over(&d(hi), h)) {
                prop_assert!(l.clv >= hh.clv, "horizon {h}: churn {lo} → {}, churn {hi} → {}", l.clv, hh.clv);
            }
        }

    }
}
