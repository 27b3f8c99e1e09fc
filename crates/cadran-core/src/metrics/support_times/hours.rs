//! Opening hours and business time: how much of a span the help desk was
//! open, in its own time zone, with its holidays closed.

use super::civil::{weekday, Instant, DAY, MAX_INSTANT, MIN_INSTANT};
use super::error::TicketProblem;
use super::ticket::{span, Measure, Ticket};
use super::zone::Zone;
use crate::ingest::date::Date;
use crate::{Field, InputError, InputProblem};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// Minutes in a day: the latest closing time (24:00).
const DAY_MINUTES: u32 = 1440;

/// When the desk is open, per weekday, as local `[open, close)` intervals
/// in seconds after midnight (Monday first). Overlapping intervals are
/// merged, so a day's intervals are sorted and disjoint.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OpeningHours {
    days: [Vec<(u32, u32)>; 7],
}

impl OpeningHours {
    /// Opening hours from each weekday's intervals in **minutes** after
    /// midnight (Monday first; `(540, 1080)` is 9:00–18:00, a lunch break is
    /// two intervals). An interval that is empty or ends after 24:00 is an
    /// [`InputError`] on field `opening_hours`.
    ///
    /// # Example
    /// ```
    /// use cadran_core::metrics::support_times::OpeningHours;
    /// let split = vec![(540, 720), (840, 1080)]; // 9–12 and 14–18
    /// let h = OpeningHours::new([split.clone(), split.clone(), split.clone(), split.clone(), split, vec![], vec![]]).unwrap();
    /// assert_eq!(h.seconds_per_week(), 5 * 7 * 3600);
    /// assert!(OpeningHours::new([vec![(600, 540)], vec![], vec![], vec![], vec![], vec![], vec![]]).is_err());
    /// ```
    pub fn new(days: [Vec<(u32, u32)>; 7]) -> Result<Self, InputError> {
        let bad = InputError::new(
            Field("opening_hours"),
            InputProblem::OutOfRange {
                min: Decimal::ZERO,
                max: Decimal::from(DAY_MINUTES),
            },
        );
        let mut out: [Vec<(u32, u32)>; 7] = Default::default();
        for (slot, mut day) in out.iter_mut().zip(days) {
            if day.iter().any(|&(a, b)| a >= b || b > DAY_MINUTES) {
                return Err(bad);
            }
            day.sort_unstable();
            for (a, b) in day {
                match slot.last_mut() {
                    Some(last) if a * 60 <= last.1 => last.1 = last.1.max(b * 60),
                    _ => slot.push((a * 60, b * 60)),
                }
            }
        }
        Ok(OpeningHours { days: out })
    }

    /// The same hours Monday to Friday, closed at the weekend (minutes after
    /// midnight: `weekdays(540, 1080)` is Mon–Fri 9:00–18:00).
    ///
    /// # Example
    /// ```
    /// use cadran_core::metrics::support_times::OpeningHours;
    /// assert_eq!(OpeningHours::weekdays(540, 1080).unwrap().seconds_per_week(), 45 * 3600);
    /// ```
    pub fn weekdays(open: u32, close: u32) -> Result<Self, InputError> {
        let d = vec![(open, close)];
        Self::new([
            d.clone(),
            d.clone(),
            d.clone(),
            d.clone(),
            d,
            vec![],
            vec![],
        ])
    }

    /// Open all day, every day (a 24/7 desk): business time is calendar
    /// time except on holidays.
    ///
    /// # Example
    /// ```
    /// use cadran_core::metrics::support_times::OpeningHours;
    /// assert_eq!(OpeningHours::always().seconds_per_week(), 7 * 86_400);
    /// ```
    #[must_use]
    pub fn always() -> Self {
        OpeningHours {
            days: std::array::from_fn(|_| vec![(0, DAY_MINUTES * 60)]),
        }
    }

    /// Open seconds in a whole week.
    #[must_use]
    pub fn seconds_per_week(&self) -> i64 {
        (0..7).map(|d| self.open_before(d, DAY)).sum()
    }

    /// Open seconds of weekday `wd` before `sec` seconds after midnight.
    fn open_before(&self, wd: usize, sec: i64) -> i64 {
        let day = self.days.get(wd).map_or(&[][..], Vec::as_slice);
        day.iter()
            .map(|&(a, b)| (sec.min(i64::from(b)) - i64::from(a)).max(0))
            .sum()
    }
}

/// Opening hours, a zone and holidays: everything business time needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BusinessCalendar {
    hours: OpeningHours,
    zone: Zone,
    /// Holidays as local days since 1970, sorted, without repeats.
    holidays: Vec<i32>,
    /// Open seconds a week, and before each weekday (Monday first).
    week: i64,
    before_day: [i64; 7],
    /// `closed[i]`: open seconds lost to the first `i` holidays.
    closed: Vec<i64>,
    /// The zone's offset changes of [`SHIFT_YEARS`], each with the offset
    /// from it on: a binary search instead of the rule's date arithmetic.
    shifts: Vec<(i64, i64)>,
}

/// Years whose clock changes a calendar keeps at hand; spans outside them
/// follow the zone's rule directly (same answer, checked by a property).
const SHIFT_YEARS: std::ops::RangeInclusive<i32> = 1970..=2100;

impl BusinessCalendar {
    /// A calendar from opening hours, a zone and holidays (local dates, in
    /// any order; repeats are ignored).
    ///
    /// # Example
    /// ```
    /// use cadran_core::metrics::support_times::{BusinessCalendar, OpeningHours, Zone};
    /// let cal = BusinessCalendar::new(OpeningHours::weekdays(540, 1080).unwrap(), Zone::default(), []);
    /// assert_eq!(cal.zone(), Zone::default());
    /// ```
    #[must_use]
    pub fn new(hours: OpeningHours, zone: Zone, holidays: impl IntoIterator<Item = Date>) -> Self {
        let mut days: Vec<i32> = holidays.into_iter().map(|d| d.0).collect();
        days.sort_unstable();
        days.dedup();
        let per_day: [i64; 7] = std::array::from_fn(|wd| hours.open_before(wd, DAY));
        let mut before_day = [0; 7];
        for wd in 1..7 {
            before_day[wd] = before_day[wd - 1] + per_day[wd - 1];
        }
        let mut closed = Vec::with_capacity(days.len() + 1);
        closed.push(0);
        for &d in &days {
            let lost = per_day[weekday(Date(d)) as usize];
            closed.push(closed.last().copied().unwrap_or(0) + lost);
        }
        BusinessCalendar {
            week: before_day[6] + per_day[6],
            hours,
            zone,
            holidays: days,
            before_day,
            closed,
            shifts: zone.shifts(SHIFT_YEARS),
        }
    }

    /// The calendar's zone.
    #[must_use]
    pub fn zone(&self) -> Zone {
        self.zone
    }

    /// Whether the desk is open at instant `t`.
    ///
    /// # Example
    /// ```
    /// use cadran_core::metrics::support_times::{BusinessCalendar, Instant, OpeningHours, Zone};
    /// let cal = BusinessCalendar::new(OpeningHours::weekdays(540, 1080).unwrap(), Zone::named("Europe/Paris").unwrap(), []);
    /// // Monday 2026-12-07 08:30 UTC is 09:30 in Paris.
    /// assert!(cal.is_open(Instant::utc(2026, 12, 7, 8, 30, 0).unwrap()));
    /// assert!(!cal.is_open(Instant::utc(2026, 12, 7, 7, 30, 0).unwrap()));
    /// ```
    #[must_use]
    pub fn is_open(&self, t: Instant) -> bool {
        let local = self.zone.local(t);
        self.open_until(local.saturating_add(1)) > self.open_until(local)
    }

    /// Open seconds from a fixed origin to local time `local` (seconds since
    /// 1970-01-01T00:00 local): whole weeks, then days, then the day's part,
    /// minus what holidays closed. Counting from an origin makes any span
    /// two look-ups, whatever its length.
    fn open_until(&self, local: i64) -> i64 {
        let day = local.div_euclid(DAY);
        let sec = local.rem_euclid(DAY);
        // Weeks from Monday 1969-12-29 (day −3).
        let (weeks, wd) = ((day + 3).div_euclid(7), (day + 3).rem_euclid(7) as usize);
        let today = self.hours.open_before(wd, sec);
        let mut open = weeks * self.week + self.before_day[wd] + today;
        let i = self.holidays.partition_point(|&h| i64::from(h) < day);
        open -= self.closed.get(i).copied().unwrap_or(0);
        if self.holidays.get(i).is_some_and(|&h| i64::from(h) == day) {
            open -= today;
        }
        open
    }

    /// Business seconds from `from` to `to`: the time inside opening hours,
    /// outside holidays, in the calendar's local time (0 when `to ≤ from`).
    ///
    /// **Definition.** The measure of the instants of `[from, to)` whose
    /// local time falls in an opening interval of a day that is not a
    /// holiday. The span is cut where the zone's offset changes, so a desk
    /// open 24 hours counts 23 on the day summer time begins and 25 on the
    /// day it ends, as a clock on the wall would. Business time is never
    /// more than calendar time. **Source.** Zendesk, *About business hours
    /// and SLA policies* (SLA clocks pause outside business hours and on
    /// holidays); Freshdesk, *Business hours and SLA* (same rule).
    ///
    /// # Example
    /// ```
    /// use cadran_core::metrics::support_times::{BusinessCalendar, Instant, OpeningHours, Zone};
    /// let cal = BusinessCalendar::new(OpeningHours::weekdays(540, 1080).unwrap(), Zone::named("Europe/Paris").unwrap(), []);
    /// // Friday 2026-03-06 17:00 Paris → Monday 10:00: one hour each side of the weekend.
    /// let from = Instant::utc(2026, 3, 6, 16, 0, 0).unwrap();
    /// let to = Instant::utc(2026, 3, 9, 9, 0, 0).unwrap();
    /// assert_eq!(cal.business_seconds(from, to), 7200);
    /// ```
    #[must_use]
    pub fn business_seconds(&self, from: Instant, to: Instant) -> i64 {
        let clamp = |t: Instant| t.clamp(MIN_INSTANT, MAX_INSTANT);
        let (from, to) = (clamp(from), clamp(to));
        if to <= from {
            return 0;
        }
        match (self.shifts.first(), self.shifts.last()) {
            (Some(&(lo, _)), Some(&(hi, _))) if lo <= from.0 && to.0 <= hi => {
                self.by_shifts(from.0, to.0)
            }
            _ => self.by_rule(from, to),
        }
    }

    /// [`Self::business_seconds`] within the kept shifts (`from` at or
    /// after the first).
    fn by_shifts(&self, from: i64, to: i64) -> i64 {
        let mut i = self.shifts.partition_point(|&(t, _)| t <= from);
        let mut offset = self.shifts.get(i.wrapping_sub(1)).map_or(0, |s| s.1);
        let (mut total, mut start) = (0, from);
        while let Some(&(t, next)) = self.shifts.get(i).filter(|s| s.0 < to) {
            total += self.open_until(t + offset) - self.open_until(start + offset);
            (start, offset, i) = (t, next, i + 1);
        }
        total + self.open_until(to + offset) - self.open_until(start + offset)
    }

    /// [`Self::business_seconds`] by the zone's rule: cut the span where the
    /// offset changes, count each piece in its local time.
    fn by_rule(&self, from: Instant, to: Instant) -> i64 {
        let mut total = 0;
        let mut start = from;
        for end in self.zone.changes(from, to).chain([to]) {
            let o = self.zone.offset_at(start);
            total += self.open_until(end.0 + o) - self.open_until(start.0 + o);
            start = end;
        }
        total
    }

    /// A ticket's duration for `measure` in business seconds: `None` while
    /// not reached; the same checks as [`Ticket::duration`].
    ///
    /// **Definition.** [`BusinessCalendar::business_seconds`] from creation
    /// to the first reply or the solve. **Source.** Zendesk, *Explore
    /// metrics: First reply time (business hours)*.
    ///
    /// # Example
    /// ```
    /// use cadran_core::metrics::support_times::{BusinessCalendar, Instant, Measure, OpeningHours, Ticket, Zone};
    /// let cal = BusinessCalendar::new(OpeningHours::weekdays(540, 1080).unwrap(), Zone::default(), []);
    /// let t = Ticket {
    ///     created: Instant::utc(2026, 12, 4, 17, 30, 0).unwrap(),        // Friday 17:30
    ///     first_reply: Some(Instant::utc(2026, 12, 7, 9, 15, 0).unwrap()), // Monday 9:15
    ///     ..Ticket::default()
    /// };
    /// assert_eq!(cal.duration(&t, Measure::FirstResponse), Ok(Some(45 * 60)));
    /// ```
    pub fn duration(&self, t: &Ticket, measure: Measure) -> Result<Option<i64>, TicketProblem> {
        let Some(end) = t.end(measure) else {
            return Ok(None);
        };
        span(t.created, end, measure)?;
        Ok(Some(self.business_seconds(t.created, end)))
    }
}

#[cfg(test)]
#[path = "hours_tests.rs"]
mod tests;
