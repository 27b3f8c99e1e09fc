//! A help-desk ticket as the times need it, and its two durations.

use super::civil::Instant;
use super::error::TicketProblem;
use serde::{Deserialize, Serialize};

/// Longest duration accepted: ten years of 365.25 days. Longer spans come
/// from placeholder dates (1900-01-01) and would swamp every mean.
pub const MAX_DURATION_SECONDS: i64 = 315_576_000;

/// One ticket.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Ticket {
    /// The help desk's ticket id, shown in the list of breaches.
    pub id: String,
    /// When the customer's request arrived.
    pub created: Instant,
    /// The first public reply by an agent, if any yet.
    pub first_reply: Option<Instant>,
    /// When the ticket was (last) solved, if it is.
    pub solved: Option<Instant>,
    /// The channel (email, chat, phone, web…); empty when unknown.
    pub channel: String,
    /// The assignee; empty when unknown.
    pub agent: String,
    /// The customer segment (plan, organisation group…); empty when unknown.
    pub segment: String,
    /// Times the ticket was reopened after being solved.
    pub reopens: u32,
}

/// Which duration of a ticket.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Measure {
    /// Created → first agent reply ("first reply time" in Zendesk, "first
    /// response time" in Freshdesk).
    FirstResponse,
    /// Created → solved ("full resolution time" in Zendesk: to the last
    /// solve, so reopened tickets count their whole life).
    Resolution,
}

impl Ticket {
    /// The end of the ticket's `measure`, if reached.
    #[must_use]
    pub fn end(&self, measure: Measure) -> Option<Instant> {
        match measure {
            Measure::FirstResponse => self.first_reply,
            Measure::Resolution => self.solved,
        }
    }

    /// The ticket's calendar duration for `measure`, in seconds: `None` while
    /// not reached (no reply yet, still open).
    ///
    /// **Definition.** End minus creation, in elapsed (UTC) seconds, so a
    /// change of summer time inside the span neither adds nor removes an
    /// hour. Zendesk, *Zendesk Explore metrics: Tickets — First reply time,
    /// Full resolution time* (calendar-hour variants).
    ///
    /// Errors: the end before creation, a span over
    /// [`MAX_DURATION_SECONDS`], or an instant outside years 1–9999.
    ///
    /// # Example
    /// ```
    /// use cadran_core::metrics::support_times::{Instant, Measure, Ticket};
    /// let created = Instant::utc(2026, 3, 2, 9, 0, 0).unwrap();
    /// let t = Ticket { created, first_reply: Some(Instant(created.0 + 2700)), ..Ticket::default() };
    /// assert_eq!(t.duration(Measure::FirstResponse), Ok(Some(2700))); // 45 minutes
    /// assert_eq!(t.duration(Measure::Resolution), Ok(None)); // still open
    /// ```
    pub fn duration(&self, measure: Measure) -> Result<Option<i64>, TicketProblem> {
        let Some(end) = self.end(measure) else {
            return Ok(None);
        };
        span(self.created, end, measure).map(Some)
    }
}

/// Checks a span and returns its length in seconds.
pub(crate) fn span(start: Instant, end: Instant, measure: Measure) -> Result<i64, TicketProblem> {
    if !start.in_range() || !end.in_range() {
        return Err(TicketProblem::OutOfRange);
    }
    // Both in range: the difference fits easily in an i64.
    let seconds = end.0 - start.0;
    if seconds < 0 {
        return Err(match measure {
            Measure::FirstResponse => TicketProblem::ReplyBeforeCreated { seconds: -seconds },
            Measure::Resolution => TicketProblem::SolvedBeforeCreated { seconds: -seconds },
        });
    }
    if seconds > MAX_DURATION_SECONDS {
        return Err(TicketProblem::Absurd { seconds });
    }
    Ok(seconds)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bad_spans() {
        let t = Instant(1_700_000_000);
        let cases = [
            (
                t,
                Instant(t.0 - 60),
                Measure::FirstResponse,
                Err(TicketProblem::ReplyBeforeCreated { seconds: 60 }),
            ),
            (
                t,
                Instant(t.0 - 1),
                Measure::Resolution,
                Err(TicketProblem::SolvedBeforeCreated { seconds: 1 }),
            ),
            (t, t, Measure::Resolution, Ok(0)),
            (
                t,
                Instant(t.0 + MAX_DURATION_SECONDS),
                Measure::Resolution,
                Ok(MAX_DURATION_SECONDS),
            ),
            (
                t,
                Instant(t.0 + MAX_DURATION_SECONDS + 1),
                Measure::Resolution,
                Err(TicketProblem::Absurd {
                    seconds: MAX_DURATION_SECONDS + 1,
                }),
            ),
            (
                Instant(i64::MIN),
                t,
                Measure::Resolution,
                Err(TicketProblem::OutOfRange),
            ),
            (
                t,
                Instant(i64::MAX),
                Measure::FirstResponse,
                Err(TicketProblem::OutOfRange),
            ),
        ];
        for (start, end, m, want) in cases {
            assert_eq!(span(start, end, m), want, "{start} → {end} ({m:?})");
        }
    }
}
