//! Reopen rate and cost per ticket: the quality and the price of a solve.

use super::error::{SupportOutcome, SupportUndefined};
use super::ticket::Ticket;
use crate::{arith, Percent};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// Solved tickets and those reopened at least once.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReopenCounts {
    /// Tickets solved (with a solve date).
    pub solved: u64,
    /// Of those, reopened at least once.
    pub reopened: u64,
}

impl ReopenCounts {
    /// Counts the solved tickets and the reopened ones among them.
    ///
    /// # Example
    /// ```
    /// use cadran_core::metrics::support_times::{Instant, ReopenCounts, Ticket};
    /// let solved = |reopens| Ticket { solved: Some(Instant(60)), reopens, ..Ticket::default() };
    /// let c = ReopenCounts::of(&[solved(0), solved(2), solved(0), Ticket { reopens: 1, ..Ticket::default() }]);
    /// assert_eq!(c, ReopenCounts { solved: 3, reopened: 1 });
    /// ```
    #[must_use]
    pub fn of(tickets: &[Ticket]) -> Self {
        let solved = tickets.iter().filter(|t| t.solved.is_some());
        let (n, r) = solved.fold((0, 0), |(n, r), t| (n + 1, r + u64::from(t.reopens > 0)));
        ReopenCounts {
            solved: n,
            reopened: r,
        }
    }

    /// Reopen rate = solved tickets reopened at least once ÷ solved tickets × 100.
    ///
    /// **Definition.** A ticket is reopened when it goes from solved back to
    /// open or pending; the rate counts tickets, not reopen events, so one
    /// ticket reopened three times weighs as one. **Source.** Zendesk,
    /// *Metrics and attributes for Zendesk Support: Reopened tickets*
    /// (Explore); HDI, *Support Center Practices*, reopen rate as a quality
    /// check on FCR. [`SupportUndefined::NoTicketsSolved`] with no solved ticket.
    ///
    /// # Example
    /// ```
    /// use cadran_core::{metrics::support_times::ReopenCounts, Percent};
    /// use rust_decimal_macros::dec;
    /// assert_eq!(ReopenCounts { solved: 400, reopened: 18 }.rate(), Ok(Percent(dec!(4.5))));
    /// ```
    pub fn rate(&self) -> SupportOutcome<Percent> {
        if self.solved == 0 {
            return Err(SupportUndefined::NoTicketsSolved.into());
        }
        let share = Decimal::from(self.reopened) / Decimal::from(self.solved);
        Ok(Percent(share * Decimal::ONE_HUNDRED))
    }
}

/// Cost per ticket = total support cost of the period ÷ tickets solved in it.
///
/// **Definition.** The full operating cost of support (agents' and
/// managers' salaries and benefits, training, tools and telecom, premises)
/// over the tickets solved in the same period. **Source.** J. Rumburg
/// (MetricNet), "Understanding Cost per Ticket", HDI *SupportWorld*, 2021
/// (total operating expense ÷ ticket volume; solved tickets here, so work
/// still open is not priced). A negative cost is an [`crate::InputError`]
/// on field `support_cost`; no solved ticket is
/// [`SupportUndefined::NoTicketsSolved`].
///
/// # Example
/// ```
/// use cadran_core::metrics::support_times::cost_per_ticket;
/// use rust_decimal_macros::dec;
/// // 3 agents at 4 000 € + 1 500 € of tools, 2 700 tickets solved in the month.
/// assert_eq!(cost_per_ticket(dec!(13500), 2700), Ok(dec!(5)));
/// assert!(cost_per_ticket(dec!(13500), 0).is_err());
/// ```
pub fn cost_per_ticket(total_cost: Decimal, solved: u64) -> SupportOutcome<Decimal> {
    let cost = arith::non_negative("support_cost", total_cost)?;
    if solved == 0 {
        return Err(SupportUndefined::NoTicketsSolved.into());
    }
    cost.checked_div(Decimal::from(solved))
        .ok_or_else(|| SupportUndefined::Overflow.into())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::metrics::support_times::SupportError;
    use crate::{Field, InputError, InputProblem};
    use proptest::prelude::*;
    use rust_decimal_macros::dec;

    #[test]
    fn worked_cases() {
        assert_eq!(
            cost_per_ticket(dec!(10000), 3),
            Ok(dec!(3333.3333333333333333333333333)),
            "10 000 ÷ 3"
        );
        assert_eq!(cost_per_ticket(dec!(0), 5), Ok(dec!(0)));
        assert_eq!(
            cost_per_ticket(dec!(-1), 5),
            Err(SupportError::Invalid(InputError::new(
                Field("support_cost"),
                InputProblem::Negative
            )))
        );
        assert_eq!(
            cost_per_ticket(dec!(1), 0),
            Err(SupportUndefined::NoTicketsSolved.into())
        );
        assert_eq!(
            ReopenCounts::default().rate(),
            Err(SupportUndefined::NoTicketsSolved.into())
        );
        assert_eq!(
            ReopenCounts {
                solved: 3,
                reopened: 1
            }
            .rate()
            .map(|p| p.0.round_dp(4)),
            Ok(dec!(33.3333))
        );
    }

    proptest! {
        /// The rate lies in [0, 100] %; cost × tickets gives the cost back to within a cent.
        #[test]
        fn bounded(solved in 1u64..u64::MAX, share in 0u64..=1000, cost in 0i64..1_000_000_000_000) {
            let reopened = (u128::from(solved) * u128::from(share) / 1000) as u64;
            let p = ReopenCounts { solved, reopened }.rate().unwrap();
            prop_assert!(Percent::ZERO <= p && p <= Percent::HUNDRED);
            let cost = Decimal::new(cost, 2);
            let per = cost_per_ticket(cost, solved % 1_000_000 + 1).unwrap();
            prop_assert!((per * Decimal::from(solved % 1_000_000 + 1) - cost).abs() < dec!(0.01));
        }
    }
}
