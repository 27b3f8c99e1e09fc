//! Weekly volume and backlog: tickets created and solved in each ISO week,
//! and how many were open when the week ended.

use super::civil::{weekday, IsoWeek};
use super::error::TicketProblem;
use super::summary::local_date;
use super::ticket::{span, Measure, Ticket};
use super::zone::Zone;
use crate::ingest::date::Date;
use serde::{Deserialize, Serialize};

/// One week of the backlog chart.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct WeekVolume {
    /// The ISO week (Monday to Sunday, local time).
    pub week: IsoWeek,
    /// Tickets created in the week.
    pub created: u64,
    /// Tickets solved in the week (by their last solve).
    pub solved: u64,
    /// Tickets created by the end of the week and not solved by then.
    pub open_at_end: u64,
}

/// The weeks from the first ticket's to the last event's, with the tickets
/// left out.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Backlog {
    /// Every week in order, including weeks with nothing in them.
    pub weeks: Vec<WeekVolume>,
    /// Tickets left out for impossible timestamps, by input index.
    pub skipped: Vec<(usize, TicketProblem)>,
}

/// Most weeks a backlog spans (about 20 years): a file spanning more holds
/// a placeholder date, and the chart would be unreadable.
pub const MAX_BACKLOG_WEEKS: usize = 1044;

/// Tickets created vs solved per ISO week, and the open backlog at each
/// week's end (Sunday 24:00 local).
///
/// **Definition.** `created` and `solved` count the tickets whose creation
/// or (last) solve falls in the week, in the zone's local time;
/// `open_at_end` = tickets created up to the week's end − tickets solved up
/// to it. Weeks are ISO 8601 weeks. **Source.** Zendesk, *Explore recipe:
/// created vs. solved tickets and the backlog* (backlog = unsolved tickets
/// at a point in time); ISO 8601-1:2019 §5.2.4 for weeks.
///
/// Tickets solved before they were created, or over ten years later, are
/// listed in `skipped`. When the weeks would exceed [`MAX_BACKLOG_WEEKS`],
/// only the last ones are kept (their open counts still include earlier tickets).
///
/// # Example
/// ```
/// use cadran_core::metrics::support_times::{weekly_backlog, Instant, IsoWeek, Ticket, Zone};
/// let at = |d| Instant::utc(2026, 12, d, 10, 0, 0).unwrap(); // 7 Dec 2026 is a Monday (week 50)
/// let t = |c, s: Option<u32>| Ticket { created: at(c), solved: s.map(at), ..Ticket::default() };
/// let b = weekly_backlog(&[t(7, Some(8)), t(9, Some(15)), t(11, None), t(15, Some(16))], Zone::default());
/// let rows: Vec<_> = b.weeks.iter().map(|w| (w.week.week, w.created, w.solved, w.open_at_end)).collect();
/// // Week 50: 3 created, 1 solved, 2 open; week 51: 1 created, 2 solved, 1 open.
/// assert_eq!(rows, [(50, 3, 1, 2), (51, 1, 2, 1)]);
/// ```
#[must_use]
pub fn weekly_backlog(tickets: &[Ticket], zone: Zone) -> Backlog {
    // The Monday of a local day, as days since 1970.
    let monday = |d: Date| d.0 - weekday(d) as i32;
    // (week of creation, week of solve) per counted ticket.
    let mut weeks_of: Vec<(i32, Option<i32>)> = Vec::with_capacity(tickets.len());
    let mut skipped = Vec::new();
    for (i, t) in tickets.iter().enumerate() {
        let solved = match t
            .solved
            .map(|s| span(t.created, s, Measure::Resolution).map(|_| s))
        {
            Some(Err(p)) => {
                skipped.push((i, p));
                continue;
            }
            Some(Ok(s)) => Some(monday(local_date(zone, s))),
            None if !t.created.in_range() => {
                skipped.push((i, TicketProblem::OutOfRange));
                continue;
            }
            None => None,
        };
        weeks_of.push((monday(local_date(zone, t.created)), solved));
    }
    let ends = weeks_of.iter().flat_map(|&(c, s)| [Some(c), s]).flatten();
    let (Some(first), Some(last)) = (weeks_of.iter().map(|w| w.0).min(), ends.max()) else {
        return Backlog {
            weeks: Vec::new(),
            skipped,
        };
    };
    // Count into week buckets (no sort: linear in the tickets). Weeks
    // before the kept window all fold into bucket 0, so open counts stay right.
    let span_weeks = ((last - first) / 7) as usize + 1;
    let kept = span_weeks.min(MAX_BACKLOG_WEEKS);
    let first_kept = last - 7 * (kept as i32 - 1);
    let bucket = |w: i32| (((w - first_kept) / 7).max(-1) + 1) as usize;
    let (mut created, mut solved) = (vec![0u64; kept + 1], vec![0u64; kept + 1]);
    for &(c, s) in &weeks_of {
        created[bucket(c)] += 1;
        if let Some(s) = s {
            solved[bucket(s)] += 1;
        }
    }
    let mut open = created[0] - solved[0];
    let weeks = (1..=kept)
        .map(|b| {
            // Never negative: a ticket is solved in its creation week or later.
            open = (open + created[b]).saturating_sub(solved[b]);
            let week = IsoWeek::of(Date(first_kept + 7 * (b as i32 - 1)));
            WeekVolume {
                week,
                created: created[b],
                solved: solved[b],
                open_at_end: open,
            }
        })
        .collect();
    Backlog { weeks, skipped }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::metrics::support_times::Instant;
    use proptest::prelude::*;

    #[test]
    fn empty_weeks_and_local_time() {
        let t = |c: Instant, s: Option<Instant>| Ticket {
            created: c,
            solved: s,
            ..Ticket::default()
        };
        // Sunday 2026-12-13 23:30 UTC is Monday 00:30 in Paris: week 51 there, 50 in UTC.
        let late = Instant::utc(2026, 12, 13, 23, 30, 0).unwrap();
        let later = Instant::utc(2026, 12, 29, 12, 0, 0).unwrap();
        let tickets = [t(late, Some(later))];
        let utc: Vec<_> = weekly_backlog(&tickets, Zone::default())
            .weeks
            .iter()
            .map(|w| (w.week.week, w.created, w.solved, w.open_at_end))
            .collect();
        assert_eq!(
            utc,
            [(50, 1, 0, 1), (51, 0, 0, 1), (52, 0, 0, 1), (53, 0, 1, 0)]
        );
        let paris = weekly_backlog(&tickets, Zone::named("Europe/Paris").unwrap());
        assert_eq!(
            paris.weeks[0].week,
            IsoWeek {
                year: 2026,
                week: 51
            }
        );
        let bad = weekly_backlog(&[t(later, Some(late))], Zone::default());
        assert!(bad.weeks.is_empty());
        assert_eq!(bad.skipped.len(), 1);
    }

    #[test]
    fn long_spans_keep_the_last_weeks() {
        let old = Ticket {
            created: Instant::utc(1996, 1, 1, 12, 0, 0).unwrap(),
            ..Ticket::default()
        };
        let now = Ticket {
            created: Instant::utc(2026, 12, 7, 12, 0, 0).unwrap(),
            ..Ticket::default()
        };
        let b = weekly_backlog(&[old, now], Zone::default());
        assert_eq!(b.weeks.len(), MAX_BACKLOG_WEEKS);
        assert_eq!(
            b.weeks[0].open_at_end, 1,
            "the 1996 ticket is still open in the first week kept"
        );
        assert_eq!(
            b.weeks.last().map(|w| (w.week, w.created, w.open_at_end)),
            Some((
                IsoWeek {
                    year: 2026,
                    week: 50
                },
                1,
                2
            ))
        );
    }

    proptest! {
        /// The backlog at each week's end is everything created minus
        /// everything solved so far, and never negative.
        #[test]
        fn conservation(spans in proptest::collection::vec((0i64..20_000_000, proptest::option::of(0i64..5_000_000)), 0..50)) {
            let base = Instant::utc(2025, 1, 1, 0, 0, 0).unwrap().0;
            let tickets: Vec<Ticket> = spans.iter().map(|&(c, s)| Ticket {
                created: Instant(base + c), solved: s.map(|s| Instant(base + c + s)), ..Ticket::default()
            }).collect();
            let b = weekly_backlog(&tickets, Zone::named("Europe/Paris").unwrap());
            let (mut created, mut solved) = (0, 0);
            for w in &b.weeks {
                created += w.created;
                solved += w.solved;
                prop_assert_eq!(w.open_at_end, created - solved);
            }
            prop_assert_eq!(created, tickets.len() as u64);
            prop_assert_eq!(b.weeks.last().map_or(0, |w| w.open_at_end), spans.iter().filter(|s| s.1.is_none()).count() as u64);
        }
    }
}
