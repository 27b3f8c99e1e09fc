//! SLA attainment: the share of tickets answered (or solved) within their
//! channel's target, and the list of those that were not.

use super::civil::Instant;
use super::error::{SupportOutcome, SupportUndefined, TicketProblem};
use super::hours::BusinessCalendar;
use super::ticket::{span, Measure, Ticket};
use crate::{Field, InputError, InputProblem, Percent};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Which clock a target counts on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Clock {
    /// Every elapsed second.
    Calendar,
    /// Only the calendar's opening hours ([`BusinessCalendar::business_seconds`]).
    Business,
}

/// A target: tickets of `channel` (all channels when `None`) must reach
/// `measure` within `within_seconds` on `clock`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SlaTarget {
    /// The channel, compared ignoring case and surrounding spaces; `None`
    /// for the target of every channel without its own.
    pub channel: Option<String>,
    /// First reply or resolution.
    pub measure: Measure,
    /// The allowed time in seconds (4 business hours → 14 400).
    pub within_seconds: i64,
    /// Calendar or business time.
    pub clock: Clock,
}

/// Tickets that met, missed, or are not yet judged against a target.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SlaCounts {
    /// Reached within the target.
    pub met: u64,
    /// Reached late, or still waiting past the target.
    pub breached: u64,
    /// Still waiting, not yet past the target (not counted in attainment).
    pub pending: u64,
}

impl SlaCounts {
    /// Attainment: met ÷ (met + breached) × 100, exact.
    ///
    /// **Definition.** The share of judged tickets that met their target;
    /// tickets still within their target are not judged yet. **Source.**
    /// Zendesk, *Explore: SLA metrics — achieved, breached, active* (SLA
    /// achievement rate = achieved ÷ (achieved + breached)); ITIL 4, *Service
    /// level management*. [`SupportUndefined::NoTicketsMeasured`] with no
    /// judged ticket.
    ///
    /// # Example
    /// ```
    /// use cadran_core::{metrics::support_times::SlaCounts, Percent};
    /// use rust_decimal_macros::dec;
    /// let c = SlaCounts { met: 45, breached: 5, pending: 3 };
    /// assert_eq!(c.attainment(), Ok(Percent(dec!(90))));
    /// ```
    pub fn attainment(&self) -> SupportOutcome<Percent> {
        let judged = self.met.saturating_add(self.breached);
        if judged == 0 {
            return Err(SupportUndefined::NoTicketsMeasured.into());
        }
        let share = Decimal::from(self.met).checked_div(Decimal::from(judged));
        Ok(Percent(
            share
                .and_then(|s| s.checked_mul(Decimal::ONE_HUNDRED))
                .ok_or(SupportUndefined::Overflow)?,
        ))
    }

    fn add(&mut self, o: Outcome) {
        match o {
            Outcome::Met => self.met += 1,
            Outcome::Breached => self.breached += 1,
            Outcome::Pending => self.pending += 1,
        }
    }
}

/// A ticket that missed its target.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Breach {
    /// The ticket's index in the input (its line is the caller's to tell).
    pub index: usize,
    /// The ticket's id.
    pub id: String,
    /// Its channel.
    pub channel: String,
    /// Time taken on the target's clock, in seconds (so far, if still open).
    pub elapsed: i64,
    /// By how much the target was missed, in seconds.
    pub over_by: i64,
    /// Whether the ticket is still waiting (no reply or no solve yet).
    pub still_open: bool,
}

/// Attainment overall and by channel, with every breach.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SlaReport {
    /// Every ticket with a target.
    pub overall: SlaCounts,
    /// By channel, in name order.
    pub by_channel: Vec<(String, SlaCounts)>,
    /// The breaches, in input order.
    pub breaches: Vec<Breach>,
    /// Tickets whose channel has no target and no default target exists.
    pub without_target: u64,
    /// Tickets left out for impossible timestamps.
    pub skipped: Vec<(usize, TicketProblem)>,
}

#[derive(Clone, Copy)]
enum Outcome {
    Met,
    Breached,
    Pending,
}

/// Judges every ticket against its channel's target for `measure`.
///
/// **Definition.** A ticket's target is the one naming its channel, else
/// the one with no channel. A ticket that reached `measure` met it when the
/// time taken on the target's clock is at most the target; one still
/// waiting at `as_of` has breached when its time so far is over the target,
/// else it is pending (with no `as_of`, waiting tickets are pending).
/// Attainment is [`SlaCounts::attainment`]. **Source.** Zendesk, *Defining
/// and using SLA policies* (targets by channel and priority, in business or
/// calendar hours).
///
/// A target of zero seconds or less is an [`InputError`] on field `sla_target`.
///
/// # Example
/// ```
/// use cadran_core::metrics::support_times::*;
/// use cadran_core::Percent;
/// use rust_decimal_macros::dec;
/// let cal = BusinessCalendar::new(OpeningHours::weekdays(540, 1080).unwrap(), Zone::default(), []);
/// let at = |d, h| Instant::utc(2026, 12, d, h, 0, 0).unwrap(); // 4 Dec is a Friday
/// let t = |id: &str, from, to| Ticket { id: id.into(), created: from, first_reply: Some(to), ..Ticket::default() };
/// let tickets = [
///     t("A", at(4, 17), at(7, 11)), // Fri 17:00 → Mon 11:00: 3 business hours (66 calendar hours)
///     t("B", at(7, 9), at(7, 14)),  // 5 hours: 1 hour late
///     t("C", at(7, 10), at(7, 11)),
///     t("D", at(8, 9), at(8, 12)),
/// ];
/// let target = |clock| SlaTarget { channel: None, measure: Measure::FirstResponse, within_seconds: 4 * 3600, clock };
/// let business = sla_report(&tickets, Measure::FirstResponse, &[target(Clock::Business)], &cal, None).unwrap();
/// assert_eq!(business.overall.attainment(), Ok(Percent(dec!(75))));
/// assert_eq!((business.breaches[0].id.as_str(), business.breaches[0].over_by), ("B", 3600));
/// // On the calendar clock the weekend counts, and A breaches too.
/// let calendar = sla_report(&tickets, Measure::FirstResponse, &[target(Clock::Calendar)], &cal, None).unwrap();
/// assert_eq!(calendar.overall.attainment(), Ok(Percent(dec!(50))));
/// ```
pub fn sla_report(
    tickets: &[Ticket],
    measure: Measure,
    targets: &[SlaTarget],
    calendar: &BusinessCalendar,
    as_of: Option<Instant>,
) -> SupportOutcome<SlaReport> {
    if targets.iter().any(|t| t.within_seconds <= 0) {
        let min = InputProblem::OutOfRange {
            min: Decimal::ONE,
            max: Decimal::from(i64::MAX),
        };
        return Err(InputError::new(Field("sla_target"), min).into());
    }
    let targets: Vec<&SlaTarget> = targets.iter().filter(|t| t.measure == measure).collect();
    let same = |a: &str, b: &str| a.trim().eq_ignore_ascii_case(b.trim());
    let default = targets.iter().find(|t| t.channel.is_none()).copied();
    let mut report = SlaReport {
        overall: SlaCounts::default(),
        by_channel: Vec::new(),
        breaches: Vec::new(),
        without_target: 0,
        skipped: Vec::new(),
    };
    let mut by: BTreeMap<String, SlaCounts> = BTreeMap::new();
    for (index, t) in tickets.iter().enumerate() {
        let own = targets
            .iter()
            .find(|g| g.channel.as_deref().is_some_and(|c| same(c, &t.channel)));
        let Some(target) = own.copied().or(default) else {
            report.without_target += 1;
            continue;
        };
        let (end, still_open) = match (t.end(measure), as_of) {
            (Some(end), _) => (end, false),
            (None, Some(now)) if now > t.created => (now, true),
            (None, _) => (t.created, true),
        };
        if let Err(p) = span(t.created, end, measure) {
            report.skipped.push((index, p));
            continue;
        }
        let elapsed = match target.clock {
            Clock::Calendar => end.0 - t.created.0,
            Clock::Business => calendar.business_seconds(t.created, end),
        };
        let outcome = if elapsed > target.within_seconds {
            report.breaches.push(Breach {
                index,
                id: t.id.clone(),
                channel: t.channel.clone(),
                elapsed,
                over_by: elapsed - target.within_seconds,
                still_open,
            });
            Outcome::Breached
        } else if still_open {
            Outcome::Pending
        } else {
            Outcome::Met
        };
        report.overall.add(outcome);
        by.entry(t.channel.trim().to_string())
            .or_default()
            .add(outcome);
    }
    report.by_channel = by.into_iter().collect();
    Ok(report)
}

#[cfg(test)]
#[path = "sla_tests.rs"]
mod tests;
