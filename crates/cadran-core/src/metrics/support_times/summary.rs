//! Median, mean and 90th percentile of ticket durations, overall and by
//! channel, agent or month.

use super::civil::{Instant, DAY};
use super::error::{SupportOutcome, SupportUndefined, TicketProblem};
use super::percentile::percentile;
use super::ticket::Ticket;
use super::zone::Zone;
use crate::ingest::date::{Date, YearMonth};
use crate::Percent;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The usual summary of a set of durations, in seconds.
///
/// Support times are skewed: most tickets are answered quickly and a few
/// wait for days, so the mean sits far above what a typical customer
/// experienced. The median says what the typical customer waited, the 90th
/// percentile how long the slowest tenth waited; the mean is kept because
/// costs add up (total hours = mean × tickets).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct TimeSummary {
    /// Durations summarised.
    pub count: u64,
    /// The median (type 7 percentile at 50 %), in seconds.
    pub median: Decimal,
    /// The arithmetic mean, in seconds (exact to 28 significant digits).
    pub mean: Decimal,
    /// The 90th percentile (type 7), in seconds.
    pub p90: Decimal,
}

/// Summarises durations (seconds), sorting them in place.
///
/// **Definition.** Median and 90th percentile by Hyndman & Fan's type 7
/// ([`percentile`]); mean = sum ÷ count. **Source.** R. J. Hyndman and
/// Y. Fan, *The American Statistician* 50(4), 1996. The mean is shown with
/// the median because on skewed times it misleads (Zendesk, *Explore recipe:
/// median vs. average first reply time*).
///
/// [`SupportUndefined::NoDurations`] for an empty set.
///
/// # Example
/// ```
/// use cadran_core::metrics::support_times::summarise;
/// use rust_decimal_macros::dec;
/// // Eight first replies, in minutes (× 60 for seconds).
/// let mut secs: Vec<i64> = [5, 10, 15, 20, 30, 45, 60, 240].iter().map(|m| m * 60).collect();
/// let s = summarise(&mut secs).unwrap();
/// assert_eq!(s.median, dec!(1500)); // 25 minutes
/// assert_eq!(s.mean, dec!(3187.5)); // 53.125 minutes: twice the median
/// assert_eq!(s.p90, dec!(6840)); // 114 minutes
/// ```
pub fn summarise(durations: &mut [i64]) -> SupportOutcome<TimeSummary> {
    durations.sort_unstable();
    let sum: i128 = durations.iter().map(|&x| i128::from(x)).sum();
    let count = durations.len() as u64;
    let sum = Decimal::try_from_i128_with_scale(sum, 0).map_err(|_| SupportUndefined::Overflow)?;
    let mean = sum
        .checked_div(Decimal::from(count))
        .ok_or(SupportUndefined::NoDurations)?;
    Ok(TimeSummary {
        count,
        median: percentile(durations, Percent(Decimal::from(50)))?,
        mean,
        p90: percentile(durations, Percent(Decimal::from(90)))?,
    })
}

/// How to group tickets.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum GroupBy {
    /// By channel (`(none)` when empty).
    Channel,
    /// By agent (`(none)` when empty).
    Agent,
    /// By customer segment (`(none)` when empty).
    Segment,
    /// By the month of creation in this zone's local time (`2026-03`).
    Month(Zone),
}

impl GroupBy {
    /// The group a ticket falls in.
    #[must_use]
    pub fn key(self, t: &Ticket) -> String {
        Key::of(self, t).shown()
    }
}

/// A group key that borrows the ticket's text: one allocation per group,
/// not per ticket. Orders as the displayed keys do (`YYYY-MM` sorts as months).
#[derive(PartialEq, Eq, PartialOrd, Ord)]
enum Key<'a> {
    Text(&'a str),
    Month(YearMonth),
}

impl<'a> Key<'a> {
    fn of(group: GroupBy, t: &'a Ticket) -> Key<'a> {
        let named = |s: &'a str| {
            Key::Text(if s.trim().is_empty() {
                "(none)"
            } else {
                s.trim()
            })
        };
        match group {
            GroupBy::Channel => named(&t.channel),
            GroupBy::Agent => named(&t.agent),
            GroupBy::Segment => named(&t.segment),
            GroupBy::Month(zone) => Key::Month(local_date(zone, t.created).year_month()),
        }
    }

    fn shown(&self) -> String {
        match self {
            Key::Text(s) => (*s).to_string(),
            Key::Month(m) => m.to_string(),
        }
    }
}

/// The local calendar day of an instant (clamped to years 1–9999).
pub(crate) fn local_date(zone: Zone, t: Instant) -> Date {
    Date(zone.local(t).div_euclid(DAY).clamp(-719_162, 2_932_896) as i32)
}

/// Durations grouped and summarised, with the tickets left out.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GroupedTimes {
    /// Every counted ticket (`None` when there is none).
    pub overall: Option<TimeSummary>,
    /// Each group with at least one duration, in key order.
    pub groups: Vec<(String, TimeSummary)>,
    /// Tickets whose end is not reached yet (no reply, still open).
    pub pending: u64,
    /// Tickets left out, by their index in the input, with the reason.
    pub skipped: Vec<(usize, TicketProblem)>,
}

/// Summarises each group's durations, measured by `duration` (calendar
/// seconds with [`Ticket::duration`], or business seconds).
///
/// **Definition.** For every group, [`summarise`] of the durations of its
/// tickets whose end is reached; tickets with impossible timestamps are
/// listed in `skipped`, never counted. **Source.** As [`summarise`].
///
/// # Example
/// ```
/// use cadran_core::metrics::support_times::{summarise_by, GroupBy, Instant, Measure, Ticket};
/// use rust_decimal_macros::dec;
/// let t0 = Instant::utc(2026, 3, 2, 9, 0, 0).unwrap();
/// let ticket = |ch: &str, mins: i64| Ticket {
///     channel: ch.into(), created: t0, first_reply: Some(Instant(t0.0 + mins * 60)), ..Ticket::default()
/// };
/// let ts = [ticket("chat", 2), ticket("chat", 4), ticket("email", 60), ticket("email", 180)];
/// let g = summarise_by(&ts, GroupBy::Channel, |t| t.duration(Measure::FirstResponse)).unwrap();
/// assert_eq!(g.groups[0].0, "chat");
/// assert_eq!(g.groups[0].1.median, dec!(180)); // 3 minutes
/// assert_eq!(g.groups[1].1.median, dec!(7200)); // 2 hours
/// assert_eq!(g.overall.unwrap().median, dec!(1920)); // (4 + 60) ÷ 2 = 32 minutes
/// ```
pub fn summarise_by(
    tickets: &[Ticket],
    group: GroupBy,
    duration: impl Fn(&Ticket) -> Result<Option<i64>, TicketProblem>,
) -> SupportOutcome<GroupedTimes> {
    let mut by: BTreeMap<Key<'_>, Vec<i64>> = BTreeMap::new();
    let mut all = Vec::with_capacity(tickets.len());
    let (mut pending, mut skipped) = (0, Vec::new());
    for (i, t) in tickets.iter().enumerate() {
        match duration(t) {
            Ok(Some(d)) => {
                all.push(d);
                by.entry(Key::of(group, t)).or_default().push(d);
            }
            Ok(None) => pending += 1,
            Err(p) => skipped.push((i, p)),
        }
    }
    let overall = if all.is_empty() {
        None
    } else {
        Some(summarise(&mut all)?)
    };
    let groups = by
        .into_iter()
        .map(|(k, mut v)| summarise(&mut v).map(|s| (k.shown(), s)))
        .collect::<Result<_, _>>()?;
    Ok(GroupedTimes {
        overall,
        groups,
        pending,
        skipped,
    })
}

#[cfg(test)]
mod tests {
    use super::super::ticket::Measure;
    use super::*;
    use proptest::prelude::*;
    use rust_decimal_macros::dec;

    #[test]
    fn months_follow_local_time() {
        // 2026-03-31 23:30 UTC is already April in Paris (summer time, +2).
        let t = Ticket {
            created: Instant::utc(2026, 3, 31, 23, 30, 0).unwrap(),
            ..Ticket::default()
        };
        assert_eq!(GroupBy::Month(Zone::default()).key(&t), "2026-03");
        assert_eq!(
            GroupBy::Month(Zone::named("Europe/Paris").unwrap()).key(&t),
            "2026-04"
        );
        assert_eq!(GroupBy::Agent.key(&t), "(none)");
        let t = Ticket {
            segment: " Enterprise ".into(),
            ..t
        };
        assert_eq!(GroupBy::Segment.key(&t), "Enterprise");
    }

    #[test]
    fn problems_are_listed_not_counted() {
        let t0 = Instant(1_770_000_000);
        let ts = [
            Ticket {
                created: t0,
                solved: Some(Instant(t0.0 + 600)),
                ..Ticket::default()
            },
            Ticket {
                created: t0,
                solved: Some(Instant(t0.0 - 600)),
                ..Ticket::default()
            },
            Ticket {
                created: t0,
                ..Ticket::default()
            },
        ];
        let g = summarise_by(&ts, GroupBy::Channel, |t| t.duration(Measure::Resolution)).unwrap();
        assert_eq!(g.overall.map(|s| (s.count, s.median)), Some((1, dec!(600))));
        assert_eq!(g.pending, 1);
        assert_eq!(
            g.skipped,
            vec![(1, TicketProblem::SolvedBeforeCreated { seconds: 600 })]
        );
        let none = summarise_by(&ts[2..], GroupBy::Channel, |t| {
            t.duration(Measure::Resolution)
        })
        .unwrap();
        assert_eq!((none.overall, none.groups.len()), (None, 0));
        assert_eq!(
            summarise(&mut []),
            Err(SupportUndefined::NoDurations.into())
        );
    }

    proptest! {
        /// min ≤ median ≤ p90 ≤ max and min ≤ mean ≤ max.
        #[test]
        fn ordered(mut xs in proptest::collection::vec(0i64..400_000_000, 1..80)) {
            let s = summarise(&mut xs).unwrap();
            let (lo, hi) = (Decimal::from(xs[0]), Decimal::from(xs[xs.len() - 1]));
            prop_assert!(lo <= s.median && s.median <= s.p90 && s.p90 <= hi);
            prop_assert!(lo <= s.mean && s.mean <= hi);
        }
    }
}
