//! First contact resolution (FCR): the share of customer requests solved at
//! the first contact, with no follow-up, transfer or call-back.

use crate::arith::{self, percent_of};
use crate::{Field, InputError, InputProblem, Outcome, Percent, Undefined};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// Which first contacts FCR is measured against. Both are in use and give
/// different numbers for the same team, so the choice is explicit and shown.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum FcrDenominator {
    /// Every first contact ("gross" FCR). The stricter, more common choice.
    #[default]
    AllContacts,
    /// Only first contacts that the first level could have solved ("net"
    /// FCR), leaving out requests that must be escalated by design (refunds
    /// needing approval, bugs needing engineers).
    ResolvableContacts,
}

/// Counts of first contacts over a period (whole numbers).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct FcrInputs {
    /// First contacts resolved at that contact.
    pub resolved_first_contact: Decimal,
    /// All first contacts.
    pub all_contacts: Decimal,
    /// First contacts the first level could resolve (used with
    /// [`FcrDenominator::ResolvableContacts`]; at most `all_contacts`).
    pub resolvable_contacts: Decimal,
    /// Which denominator to use.
    pub denominator: FcrDenominator,
}

/// FCR with its two terms, for "FCR = 720 ÷ 1 000 = 72 %".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Fcr {
    /// The denominator chosen.
    pub denominator: FcrDenominator,
    /// Resolved at first contact, as given.
    pub resolved_first_contact: Decimal,
    /// The contacts counted in the denominator.
    pub contacts: Decimal,
    /// Resolved ÷ contacts × 100.
    pub rate: Percent,
}

/// First contact resolution rate.
///
/// **Definition.** FCR = contacts resolved at the first contact ÷ first
/// contacts × 100, where the denominator is either all first contacts or only
/// those the first level can resolve ([`FcrDenominator`]). Resolved contacts
/// cannot exceed the denominator, nor resolvable contacts all contacts (errors
/// name the field). With no contact in the denominator the rate is undefined
/// ([`Undefined::NoContacts`]: nobody asked for help).
///
/// **Source.** SQM Group, *First Call Resolution: Definition and Measurement*;
/// COPC Inc., *COPC Customer Experience Standard* (gross vs. net FCR).
///
/// # Example
/// ```
/// use cadran_core::metrics::fcr::{fcr, FcrDenominator, FcrInputs};
/// use cadran_core::Percent;
/// use rust_decimal_macros::dec;
/// let i = FcrInputs { resolved_first_contact: dec!(720), all_contacts: dec!(1000),
///     resolvable_contacts: dec!(900), denominator: FcrDenominator::AllContacts };
/// assert_eq!(fcr(&i).unwrap().rate, Percent(dec!(72)));
/// let net = FcrInputs { denominator: FcrDenominator::ResolvableContacts, ..i };
/// assert_eq!(fcr(&net).unwrap().rate, Percent(dec!(80)));
/// ```
pub fn fcr(i: &FcrInputs) -> Outcome<Fcr> {
    let resolved = arith::count("resolved_first_contact", i.resolved_first_contact)?;
    let all = arith::count("all_contacts", i.all_contacts)?;
    let (contacts, field) = match i.denominator {
        FcrDenominator::AllContacts => (all, "all_contacts"),
        FcrDenominator::ResolvableContacts => {
            let resolvable = arith::count("resolvable_contacts", i.resolvable_contacts)?;
            if resolvable > all {
                return Err(exceeds("resolvable_contacts", "all_contacts", all));
            }
            (resolvable, "resolvable_contacts")
        }
    };
    if resolved > contacts {
        return Err(exceeds("resolved_first_contact", field, contacts));
    }
    Ok(Fcr {
        denominator: i.denominator,
        resolved_first_contact: resolved,
        contacts,
        rate: percent_of(resolved, contacts, Undefined::NoContacts)?,
    })
}

fn exceeds(field: &'static str, other: &'static str, limit: Decimal) -> crate::MetricError {
    InputError::new(Field(field), InputProblem::Exceeds { other: Field(other), limit }).into()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::metrics::test_support::any_decimal;
    use proptest::prelude::*;
    use rust_decimal_macros::dec;

    #[test]
    fn fcr_table() {
        use FcrDenominator::{AllContacts as All, ResolvableContacts as Resolvable};
        let table = [
            // (resolved, all, resolvable, denominator, expected)
            ((dec!(720), dec!(1000), dec!(900), All), Ok(Percent(dec!(72)))),
            ((dec!(720), dec!(1000), dec!(900), Resolvable), Ok(Percent(dec!(80)))),
            ((dec!(1), dec!(1), dec!(0), All), Ok(Percent(dec!(100)))), // one contact
            ((dec!(0), dec!(1), dec!(0), All), Ok(Percent(dec!(0)))),
            ((dec!(0), dec!(0), dec!(0), All), Err(Undefined::NoContacts.into())),
            ((dec!(0), dec!(10), dec!(0), Resolvable), Err(Undefined::NoContacts.into())),
            ((dec!(11), dec!(10), dec!(0), All), Err(exceeds("resolved_first_contact", "all_contacts", dec!(10)))),
            ((dec!(10), dec!(20), dec!(9), Resolvable), Err(exceeds("resolved_first_contact", "resolvable_contacts", dec!(9)))),
            ((dec!(1), dec!(20), dec!(21), Resolvable), Err(exceeds("resolvable_contacts", "all_contacts", dec!(20)))),
            // A bad resolvable count does not matter when it is not used.
            ((dec!(1), dec!(20), dec!(21), All), Ok(Percent(dec!(5)))),
            ((dec!(1.5), dec!(20), dec!(0), All),
             Err(InputError::new(Field("resolved_first_contact"), InputProblem::NotWhole).into())),
        ];
        for ((resolved, all, resolvable, denominator), expected) in table {
            let i = FcrInputs { resolved_first_contact: resolved, all_contacts: all, resolvable_contacts: resolvable, denominator };
            assert_eq!(fcr(&i).map(|f| f.rate), expected, "{i:?}");
        }
    }

    proptest! {
        /// Never a panic; a rate is always in [0, 100].
        #[test]
        fn never_panics(v in proptest::collection::vec(any_decimal(), 3), net in any::<bool>()) {
            let denominator = if net { FcrDenominator::ResolvableContacts } else { FcrDenominator::AllContacts };
            let i = FcrInputs { resolved_first_contact: v[0], all_contacts: v[1], resolvable_contacts: v[2], denominator };
            if let Ok(f) = fcr(&i) {
                prop_assert!(f.rate >= Percent::ZERO && f.rate <= Percent::HUNDRED, "{i:?} → {}", f.rate);
            }
        }
    }
}
