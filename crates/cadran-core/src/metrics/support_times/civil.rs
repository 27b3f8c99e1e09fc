//! Instants, weekdays and ISO weeks by plain integer arithmetic on
//! [`Date`] (days since 1970-01-01, Hinnant's civil algorithms), so no time
//! library is needed in the browser build.

use crate::ingest::date::Date;
use serde::{Deserialize, Serialize};
use std::fmt;

/// Seconds in a day (no leap seconds: exports are in Unix time, which has none).
pub const DAY: i64 = 86_400;

/// A moment in time: seconds since 1970-01-01T00:00:00 UTC (Unix time).
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
pub struct Instant(pub i64);

/// Earliest instant accepted (0001-01-01T00:00Z, the first day [`Date`] knows).
pub const MIN_INSTANT: Instant = Instant(-62_135_596_800);
/// Latest instant accepted (the end of 9999-12-31 UTC).
pub const MAX_INSTANT: Instant = Instant(253_402_300_799);

impl Instant {
    /// The instant at a UTC date and time; `None` when the day does not exist
    /// or the time is not `00:00:00`–`23:59:59`.
    ///
    /// # Example
    /// ```
    /// use cadran_core::metrics::support_times::Instant;
    /// assert_eq!(Instant::utc(1970, 1, 2, 0, 0, 1), Some(Instant(86_401)));
    /// assert_eq!(Instant::utc(2023, 2, 29, 9, 0, 0), None);
    /// ```
    #[must_use]
    pub fn utc(y: i32, m: u32, d: u32, h: u32, min: u32, s: u32) -> Option<Instant> {
        if h > 23 || min > 59 || s > 59 {
            return None;
        }
        let day = Date::from_ymd(y, m, d)?;
        Some(Instant(
            i64::from(day.0) * DAY + i64::from(h * 3600 + min * 60 + s),
        ))
    }

    /// Whether the instant lies in the years 1–9999 (UTC).
    #[must_use]
    pub fn in_range(self) -> bool {
        (MIN_INSTANT..=MAX_INSTANT).contains(&self)
    }
}

impl fmt::Display for Instant {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let day = self.0.div_euclid(DAY);
        let s = self.0.rem_euclid(DAY);
        match i32::try_from(day) {
            Ok(d) => write!(
                f,
                "{}T{:02}:{:02}:{:02}Z",
                Date(d),
                s / 3600,
                s / 60 % 60,
                s % 60
            ),
            Err(_) => write!(f, "@{}", self.0),
        }
    }
}

/// The day of the week, Monday = 0 … Sunday = 6 (ISO 8601 order, minus one).
///
/// 1970-01-01 was a Thursday, so the weekday is `(days + 3) mod 7`.
///
/// # Example
/// ```
/// use cadran_core::{ingest::date::Date, metrics::support_times::weekday};
/// assert_eq!(weekday(Date::from_ymd(2026, 12, 7).unwrap()), 0); // a Monday
/// assert_eq!(weekday(Date::from_ymd(2024, 3, 31).unwrap()), 6); // Easter Sunday
/// ```
#[must_use]
pub fn weekday(d: Date) -> u32 {
    (i64::from(d.0) + 3).rem_euclid(7) as u32
}

/// An ISO 8601 week: weeks start on Monday and week 1 is the one holding the
/// year's first Thursday, so a week belongs to the year of its Thursday.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct IsoWeek {
    /// The ISO week-numbering year (may differ from the calendar year near 1 January).
    pub year: i32,
    /// The week, 1–53.
    pub week: u32,
}

impl IsoWeek {
    /// The ISO week of a day.
    ///
    /// **Definition.** ISO 8601-1:2019 §5.2.4: the week's Thursday decides
    /// the year; the week number is the Thursday's day of the year, minus
    /// one, divided by seven, plus one.
    ///
    /// # Example
    /// ```
    /// use cadran_core::{ingest::date::Date, metrics::support_times::IsoWeek};
    /// let w = |y, m, d| IsoWeek::of(Date::from_ymd(y, m, d).unwrap());
    /// // 2021-01-03, a Sunday, still belongs to week 53 of 2020.
    /// assert_eq!(w(2021, 1, 3), IsoWeek { year: 2020, week: 53 });
    /// assert_eq!(w(2024, 12, 30), IsoWeek { year: 2025, week: 1 });
    /// ```
    #[must_use]
    pub fn of(d: Date) -> IsoWeek {
        let thursday = Date(d.0 - weekday(d) as i32 + 3);
        let (year, _, _) = thursday.ymd();
        let jan1 = Date::from_ymd(year, 1, 1).map_or(thursday.0, |j| j.0);
        IsoWeek {
            year,
            week: ((thursday.0 - jan1) / 7 + 1) as u32,
        }
    }

    /// The Monday that starts the week.
    ///
    /// # Example
    /// ```
    /// use cadran_core::{ingest::date::Date, metrics::support_times::IsoWeek};
    /// let monday = IsoWeek { year: 2020, week: 53 }.monday();
    /// assert_eq!(monday, Date::from_ymd(2020, 12, 28).unwrap());
    /// ```
    #[must_use]
    pub fn monday(self) -> Date {
        // 4 January is always in week 1.
        let jan4 = Date::from_ymd(self.year, 1, 4).map_or(0, |d| d.0);
        let week1 = jan4 - weekday(Date(jan4)) as i32;
        Date(week1 + (self.week as i32 - 1) * 7)
    }
}

impl fmt::Display for IsoWeek {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-W{:02}", self.year, self.week)
    }
}

/// The last day of a month that falls on `wd` (Monday = 0), for rules such as
/// "last Sunday of March"; `None` for a month that does not exist.
#[must_use]
pub(crate) fn last_weekday(y: i32, m: u32, wd: u32) -> Option<Date> {
    let last = (28..=31).rev().find_map(|d| Date::from_ymd(y, m, d))?;
    let back = (weekday(last) + 7 - wd) % 7;
    Some(Date(last.0 - back as i32))
}

/// The `n`-th (1-based) day of a month that falls on `wd` (Monday = 0).
#[must_use]
pub(crate) fn nth_weekday(y: i32, m: u32, wd: u32, n: u32) -> Option<Date> {
    let first = Date::from_ymd(y, m, 1)?;
    let ahead = (wd + 7 - weekday(first)) % 7;
    let d = Date(first.0 + ahead as i32 + 7 * (n as i32 - 1));
    (d.ymd().1 == m).then_some(d)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn day(y: i32, m: u32, d: u32) -> Date {
        Date::from_ymd(y, m, d).unwrap()
    }

    /// ISO weeks of the boundary days listed in ISO 8601 and on Wikipedia's
    /// "ISO week date" page (examples table).
    #[test]
    fn iso_week_table() {
        let cases = [
            ((2005, 1, 1), (2004, 53)),
            ((2005, 1, 2), (2004, 53)),
            ((2005, 12, 31), (2005, 52)),
            ((2007, 1, 1), (2007, 1)),
            ((2007, 12, 30), (2007, 52)),
            ((2007, 12, 31), (2008, 1)),
            ((2008, 12, 29), (2009, 1)),
            ((2009, 12, 31), (2009, 53)),
            ((2010, 1, 3), (2009, 53)),
            ((2010, 1, 4), (2010, 1)),
        ];
        for ((y, m, d), (wy, ww)) in cases {
            assert_eq!(
                IsoWeek::of(day(y, m, d)),
                IsoWeek { year: wy, week: ww },
                "{y}-{m}-{d}"
            );
        }
    }

    #[test]
    fn rules_of_the_month() {
        assert_eq!(
            last_weekday(2024, 3, 6),
            Some(day(2024, 3, 31)),
            "last Sunday of March 2024"
        );
        assert_eq!(
            last_weekday(2025, 10, 6),
            Some(day(2025, 10, 26)),
            "last Sunday of October 2025"
        );
        assert_eq!(last_weekday(2025, 12, 0), Some(day(2025, 12, 29)));
        assert_eq!(
            nth_weekday(2026, 11, 3, 4),
            Some(day(2026, 11, 26)),
            "Thanksgiving 2026"
        );
        assert_eq!(
            nth_weekday(2026, 1, 0, 3),
            Some(day(2026, 1, 19)),
            "MLK Day 2026"
        );
        assert_eq!(
            nth_weekday(2026, 2, 0, 5),
            None,
            "no fifth Monday in February 2026"
        );
        assert_eq!(last_weekday(2024, 13, 0), None);
    }

    #[test]
    fn instants() {
        assert_eq!(
            Instant::utc(2024, 3, 31, 1, 0, 0).unwrap().to_string(),
            "2024-03-31T01:00:00Z"
        );
        assert!(MIN_INSTANT.in_range() && MAX_INSTANT.in_range() && !Instant(i64::MAX).in_range());
        assert_eq!(Instant::utc(1, 1, 1, 0, 0, 0), Some(MIN_INSTANT));
        assert_eq!(Instant::utc(9999, 12, 31, 23, 59, 59), Some(MAX_INSTANT));
    }

    proptest! {
        /// Every day lies in its week, between that week's Monday and Sunday.
        #[test]
        fn week_contains_day(days in -700_000i32..2_900_000) {
            let d = Date(days);
            let w = IsoWeek::of(d);
            prop_assert!((1..=53).contains(&w.week));
            let monday = w.monday();
            prop_assert!(monday.0 <= d.0 && d.0 < monday.0 + 7, "{:?} {:?}", d, w);
            prop_assert_eq!(weekday(monday), 0);
        }
    }
}
