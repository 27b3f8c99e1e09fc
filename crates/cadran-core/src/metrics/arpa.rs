//! Average revenue per account (ARPA) or per user (ARPU), and the MRR ↔ ARR
//! conversions that go with it.

use crate::arith::{self, div, mul};
use crate::{Outcome, Undefined};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// What the average is taken over: paying accounts (companies) or users
/// (seats, people). B2B SaaS reports ARPA; consumer apps report ARPU.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Per {
    /// Per paying account (ARPA).
    #[default]
    Account,
    /// Per user (ARPU).
    User,
}

/// An average revenue with its two terms, for "ARPA = 50 000 ÷ 400 = 125".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AverageRevenue {
    /// Accounts or users.
    pub per: Per,
    /// MRR, as given.
    pub mrr: Decimal,
    /// Active accounts or users, as given.
    pub active: Decimal,
    /// MRR ÷ active: average revenue per account (or user) per month.
    pub average: Decimal,
}

/// Average revenue per account (ARPA) or per user (ARPU), per month.
///
/// **Definition.** ARPA = MRR ÷ active accounts; ARPU = MRR ÷ active users.
/// Monthly, like the MRR it comes from. Undefined with no active account or
/// user ([`Undefined::NoCustomers`]).
///
/// **Source.** Skok, D. (2013), *SaaS Metrics 2.0*, "ARPA"; ChartMogul,
/// *Average Revenue Per Account*.
///
/// # Example
/// ```
/// use cadran_core::metrics::arpa::{average_revenue, Per};
/// use rust_decimal_macros::dec;
/// let a = average_revenue(dec!(50000), dec!(400), Per::Account).unwrap();
/// assert_eq!(a.average, dec!(125));
/// ```
pub fn average_revenue(mrr: Decimal, active: Decimal, per: Per) -> Outcome<AverageRevenue> {
    let mrr = arith::non_negative("mrr", mrr)?;
    let field = match per {
        Per::Account => "active_accounts",
        Per::User => "active_users",
    };
    let active = arith::count(field, active)?;
    Ok(AverageRevenue { per, mrr, active, average: div(mrr, active, Undefined::NoCustomers)? })
}

/// MRR from a number of active customers and their ARPA.
///
/// **Definition.** MRR = active customers × ARPA (the inverse of
/// [`average_revenue`]).
///
/// **Source.** Skok, D. (2013), *SaaS Metrics 2.0*.
///
/// # Example
/// ```
/// use cadran_core::metrics::arpa::mrr_from_arpa;
/// use rust_decimal_macros::dec;
/// assert_eq!(mrr_from_arpa(dec!(400), dec!(125)).unwrap(), dec!(50000));
/// ```
pub fn mrr_from_arpa(active_customers: Decimal, arpa: Decimal) -> Outcome<Decimal> {
    let customers = arith::count("active_customers", active_customers)?;
    let arpa = arith::non_negative("arpa", arpa)?;
    mul(customers, arpa)
}

/// Annual recurring revenue from MRR.
///
/// **Definition.** ARR = 12 × MRR: the current recurring run rate over a year,
/// not a forecast (it ignores churn and growth to come).
///
/// **Source.** ChartMogul, *Annual Run Rate / ARR*; SaaS Capital, *ARR
/// definition*.
///
/// # Example
/// ```
/// use cadran_core::metrics::arpa::arr;
/// use rust_decimal_macros::dec;
/// assert_eq!(arr(dec!(50000)).unwrap(), dec!(600000));
/// ```
pub fn arr(mrr: Decimal) -> Outcome<Decimal> {
    mul(arith::non_negative("mrr", mrr)?, Decimal::from(12))
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
    fn average_table() {
        let table = [
            (dec!(50000), dec!(400), Per::Account, Ok(dec!(125))),
            (dec!(50000), dec!(1000), Per::User, Ok(dec!(50))),
            (dec!(99), dec!(1), Per::Account, Ok(dec!(99))),
            (dec!(0), dec!(10), Per::Account, Ok(dec!(0))),
            (dec!(100), dec!(0), Per::Account, Err(Undefined::NoCustomers.into())),
            (dec!(100), dec!(2.5), Per::User, Err(invalid("active_users", InputProblem::NotWhole))),
            (dec!(100), dec!(-2), Per::Account, Err(invalid("active_accounts", InputProblem::Negative))),
            (dec!(-100), dec!(2), Per::Account, Err(invalid("mrr", InputProblem::Negative))),
        ];
        for (mrr, active, per, expected) in table {
            assert_eq!(average_revenue(mrr, active, per).map(|a| a.average), expected, "MRR {mrr}, active {active}, {per:?}");
        }
    }

    #[test]
    fn mrr_and_arr() {
        assert_eq!(mrr_from_arpa(dec!(0), dec!(125)), Ok(dec!(0)));
        assert_eq!(mrr_from_arpa(dec!(1.5), dec!(125)), Err(invalid("active_customers", InputProblem::NotWhole)));
        assert_eq!(mrr_from_arpa(Decimal::MAX, dec!(2)), Err(Undefined::Overflow.into()));
        assert_eq!(arr(dec!(0)), Ok(dec!(0)));
        assert_eq!(arr(Decimal::MAX), Err(Undefined::Overflow.into()));
        assert_eq!(arr(dec!(-1)), Err(invalid("mrr", InputProblem::Negative)));
    }

    proptest! {
        /// Never a panic; ARPA × accounts gives MRR back (up to rounding).
        #[test]
        fn round_trip(mrr in any_decimal(), active in any_decimal()) {
            if let Ok(a) = average_revenue(mrr, active, Per::Account) {
                if let Ok(back) = mrr_from_arpa(a.active, a.average) {
                    // ARPA is rounded to 28 significant digits or 28 decimals,
                    // whichever is coarser; multiplying back scales that error.
                    let tolerance = a.mrr * dec!(0.000000000000000000001)
                        + a.active * dec!(0.0000000000000000000000000001)
                        + dec!(0.0000001);
                    prop_assert!((back - a.mrr).abs() <= tolerance, "MRR {mrr}, active {active}: {back}");
                }
            }
            let _ = arr(mrr);
        }
    }
}
