//! Calendar dates as exports write them, reduced to a compact civil date.
//!
//! No time zones: a date is the calendar day written in the file (the time,
//! if any, is ignored), because KPIs are aggregated by calendar month as the
//! billing tool showed them. Unix timestamps are read in UTC.

use serde::{Deserialize, Serialize};
use std::fmt;

/// A civil date, stored as days since 1970-01-01.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Date(pub i32);

/// A calendar month, stored as `year × 12 + month − 1`; the key of every
/// monthly aggregate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct YearMonth(pub i32);

impl YearMonth {
    /// From a year and a month (1–12).
    #[must_use]
    pub fn new(y: i32, m: u32) -> Self {
        YearMonth(y * 12 + m.clamp(1, 12) as i32 - 1)
    }
    /// The year.
    #[must_use]
    pub fn year(self) -> i32 {
        self.0.div_euclid(12)
    }
    /// The month, 1–12.
    #[must_use]
    pub fn month(self) -> u32 {
        self.0.rem_euclid(12) as u32 + 1
    }
}

impl fmt::Display for YearMonth {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.year(), self.month())
    }
}

impl Date {
    /// From year, month, day; `None` when the day does not exist.
    ///
    /// # Example
    /// ```
    /// use cadran_core::ingest::date::Date;
    /// assert_eq!(Date::from_ymd(1970, 1, 2), Some(Date(1)));
    /// assert_eq!(Date::from_ymd(2023, 2, 29), None);
    /// ```
    #[must_use]
    pub fn from_ymd(y: i32, m: u32, d: u32) -> Option<Date> {
        if !(1..=12).contains(&m) || d == 0 || d > days_in_month(y, m) || !(1..=9999).contains(&y) {
            return None;
        }
        // Howard Hinnant, "chrono-Compatible Low-Level Date Algorithms" (days_from_civil).
        let y = if m <= 2 { y - 1 } else { y };
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let mp = (m as i32 + 9) % 12;
        let doy = (153 * mp + 2) / 5 + d as i32 - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        Some(Date(era * 146_097 + doe - 719_468))
    }

    /// Year, month, day (Hinnant's civil_from_days).
    #[must_use]
    pub fn ymd(self) -> (i32, u32, u32) {
        let z = self.0 + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        (yoe + era * 400 + i32::from(m <= 2), m, d)
    }

    /// The month this date falls in.
    #[must_use]
    pub fn year_month(self) -> YearMonth {
        let (y, m, _) = self.ymd();
        YearMonth::new(y, m)
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (y, m, d) = self.ymd();
        write!(f, "{y:04}-{m:02}-{d:02}")
    }
}

fn days_in_month(y: i32, m: u32) -> u32 {
    match m {
        2 if y % 4 == 0 && (y % 100 != 0 || y % 400 == 0) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Order of day and month in `nn/nn/yyyy` dates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum DateOrder {
    /// dd/mm/yyyy (France, UK…).
    #[default]
    DayFirst,
    /// mm/dd/yyyy (United States).
    MonthFirst,
}

/// Reads a date: ISO `2024-03-05` (optionally `T10:00:00Z` or ` 10:00[:00]`),
/// `2024/03/05`, `05/03/2024` or `03/05/2024` per `order` (also with `-` or
/// `.`, two-digit years as 20yy below 70), or a Unix timestamp in seconds (9–10
/// digits) or milliseconds (12–13 digits).
///
/// # Example
/// ```
/// use cadran_core::ingest::date::{parse_date, Date, DateOrder::*};
/// let d = Date::from_ymd(2024, 3, 5);
/// assert_eq!(parse_date("2024-03-05T10:22:00Z", DayFirst), d);
/// assert_eq!(parse_date("05/03/2024", DayFirst), d);
/// assert_eq!(parse_date("03/05/2024 10:22", MonthFirst), d);
/// assert_eq!(parse_date("1709596800", DayFirst), d);
/// assert_eq!(parse_date("mars", DayFirst), None);
/// ```
#[must_use]
pub fn parse_date(text: &str, order: DateOrder) -> Option<Date> {
    parse_trimmed(text.trim().as_bytes(), order).map(|(d, _)| d)
}

/// [`parse_date`] on the bytes of an ASCII cell, with no UTF-8 check: on
/// ASCII text both give the same answer (`str::trim` removes exactly these
/// six ASCII whitespace bytes).
/// Also returns the month, known from the digits without converting back
/// from days (that conversion was a tenth of a date's cost).
#[inline]
pub(crate) fn parse_ascii_date(b: &[u8], order: DateOrder) -> Option<(Date, YearMonth)> {
    let ws = |c: &u8| matches!(c, b'\t' | b'\n' | 0x0b | 0x0c | b'\r' | b' ');
    let start = b.iter().position(|c| !ws(c)).unwrap_or(b.len());
    let end = b.iter().rposition(|c| !ws(c)).map_or(start, |e| e + 1);
    parse_trimmed(b.get(start..end).unwrap_or(&[]), order)
}

/// The two shapes of nearly every export, `yyyy-mm-dd` and `dd/mm/yyyy`
/// (any of `-/.`, optionally followed by a time), read without the general
/// scanner; `None` when `b` has another shape (the general path then gives
/// the same answer it always did: this is only a shortcut for it, checked by
/// the `shortcut_agrees` property).
#[inline]
fn fast_shape(b: &[u8], order: DateOrder) -> Option<Option<(Date, YearMonth)>> {
    let (head, tail) = b.split_first_chunk::<10>()?;
    if !tail.is_empty() && !time_ok(tail) {
        return None;
    }
    let [c0, c1, c2, c3, c4, c5, c6, c7, c8, c9] = head.map(|c| u32::from(c.wrapping_sub(b'0')));
    let sep = |c: u32| matches!(c.wrapping_add(u32::from(b'0')) as u8, b'-' | b'/' | b'.');
    let digits = |xs: &[u32]| xs.iter().all(|&x| x < 10);
    let (y, m, d) = if sep(c4) && sep(c7) && digits(&[c0, c1, c2, c3, c5, c6, c8, c9]) {
        (c0 * 1000 + c1 * 100 + c2 * 10 + c3, c5 * 10 + c6, c8 * 10 + c9)
    } else if sep(c2) && sep(c5) && digits(&[c0, c1, c3, c4, c6, c7, c8, c9]) {
        let (a, bv, y) = (c0 * 10 + c1, c3 * 10 + c4, c6 * 1000 + c7 * 100 + c8 * 10 + c9);
        match order {
            DateOrder::DayFirst => (y, bv, a),
            DateOrder::MonthFirst => (y, a, bv),
        }
    } else {
        return None;
    };
    Some(with_month(y as i32, m, d))
}

/// The date and its month, when the day exists.
#[inline]
fn with_month(y: i32, m: u32, d: u32) -> Option<(Date, YearMonth)> {
    Date::from_ymd(y, m, d).map(|date| (date, YearMonth::new(y, m)))
}

/// [`parse_date`] on trimmed bytes, with the month.
pub(crate) fn parse_trimmed(b: &[u8], order: DateOrder) -> Option<(Date, YearMonth)> {
    if let Some(d) = fast_shape(b, order) {
        return d;
    }
    let (a, s1, rest) = num(b)?;
    if s1.is_none() {
        return timestamp(b).map(|d| (d, d.year_month()));
    }
    let (bv, _, rest2) = num(rest)?;
    let (c, tail) = num3(rest2)?;
    if !time_ok(tail) {
        return None;
    }
    let (y, m, d) = if a.1 == 4 {
        (a.0, bv.0, c.0)
    } else {
        let y = match c.1 {
            4 => c.0,
            2 if c.0 < 70 => 2000 + c.0,
            2 => 1900 + c.0,
            _ => return None,
        };
        match order {
            DateOrder::DayFirst => (y, bv.0, a.0),
            DateOrder::MonthFirst => (y, a.0, bv.0),
        }
    };
    with_month(i32::try_from(y).ok()?, u32::try_from(m).ok()?, u32::try_from(d).ok()?)
}

/// A number read: (value, count of digits).
type Num = (i64, usize);

/// Digits (value, count) then one separator in `-/.`; returns the rest.
fn num(b: &[u8]) -> Option<(Num, Option<u8>, &[u8])> {
    let n = b.iter().take_while(|c| c.is_ascii_digit()).count();
    if n == 0 || n > 13 {
        return None;
    }
    let v = b.get(..n)?.iter().fold(0i64, |v, &c| v * 10 + i64::from(c - b'0'));
    match b.get(n) {
        None => Some(((v, n), None, &[])),
        Some(&s @ (b'-' | b'/' | b'.')) if n <= 4 => Some(((v, n), Some(s), b.get(n + 1..)?)),
        Some(_) => None,
    }
}

/// The last date component, followed by nothing or a time.
fn num3(b: &[u8]) -> Option<(Num, &[u8])> {
    let n = b.iter().take_while(|c| c.is_ascii_digit()).count();
    if n == 0 || n > 4 {
        return None;
    }
    let v = b.get(..n)?.iter().fold(0i64, |v, &c| v * 10 + i64::from(c - b'0'));
    Some(((v, n), b.get(n..)?))
}

fn time_ok(tail: &[u8]) -> bool {
    match tail.first() {
        None => true,
        Some(b'T' | b' ') => tail.get(1).is_some_and(u8::is_ascii_digit),
        _ => false,
    }
}

fn timestamp(b: &[u8]) -> Option<Date> {
    let v = b.iter().try_fold(0i64, |v, &c| c.is_ascii_digit().then(|| v * 10 + i64::from(c - b'0')))?;
    let secs = match b.len() {
        9 | 10 => v,
        12 | 13 => v / 1000,
        _ => return None,
    };
    Some(Date(i32::try_from(secs.div_euclid(86_400)).ok()?))
}

/// What a column's values say about day/month order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum OrderEvidence {
    /// No `nn/nn/yyyy` value had a field above 12: the caller decides.
    Ambiguous,
    /// Some first field is above 12.
    DayFirst,
    /// Some second field is above 12.
    MonthFirst,
    /// Both happened: the column mixes orders (some values will be errors).
    Conflicting,
}

/// Collects [`OrderEvidence`] from values.
///
/// # Example
/// ```
/// use cadran_core::ingest::date::{OrderDetector, OrderEvidence};
/// let mut d = OrderDetector::default();
/// d.observe("01/02/2024");
/// assert_eq!(d.evidence(), OrderEvidence::Ambiguous);
/// d.observe("25/02/2024");
/// assert_eq!(d.evidence(), OrderEvidence::DayFirst);
/// ```
#[derive(Debug, Clone, Copy, Default)]
pub struct OrderDetector {
    day_first: bool,
    month_first: bool,
}

impl OrderDetector {
    /// Looks at one value.
    pub fn observe(&mut self, v: &str) {
        let b = v.trim().as_bytes();
        if let Some((a, Some(_), rest)) = num(b) {
            if a.1 <= 2 {
                if let Some((bv, Some(_), _)) = num(rest) {
                    self.day_first |= a.0 > 12;
                    self.month_first |= bv.0 > 12;
                }
            }
        }
    }
    /// What was seen.
    #[must_use]
    pub fn evidence(&self) -> OrderEvidence {
        match (self.day_first, self.month_first) {
            (false, false) => OrderEvidence::Ambiguous,
            (true, false) => OrderEvidence::DayFirst,
            (false, true) => OrderEvidence::MonthFirst,
            (true, true) => OrderEvidence::Conflicting,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn flavours() {
        let d = Date::from_ymd(2024, 3, 5);
        for t in ["2024-03-05", "2024-03-05 10:22", "2024-03-05 10:22:33", "2024/03/05", "05/03/2024",
                  "05-03-2024", "05.03.2024", "5/3/24", "1709596800", "1709596800000", " 2024-03-05T23:59:59+02:00 "] {
            assert_eq!(parse_date(t, DateOrder::DayFirst), d, "{t:?}");
        }
        assert_eq!(parse_date("03/05/2024", DateOrder::MonthFirst), d);
        for t in ["", "2024-13-01", "31/02/2024", "2024-03", "abc", "12345", "2024-03-05x"] {
            assert_eq!(parse_date(t, DateOrder::DayFirst), None, "{t:?}");
        }
    }

    /// The general scanner alone (what `parse_trimmed` did before the shortcut).
    fn general(b: &[u8], order: DateOrder) -> Option<(Date, YearMonth)> {
        let (a, s1, rest) = num(b)?;
        if s1.is_none() {
            return timestamp(b).map(|d| (d, d.year_month()));
        }
        let (bv, _, rest2) = num(rest)?;
        let (c, tail) = num3(rest2)?;
        if !time_ok(tail) {
            return None;
        }
        let (y, m, d) = if a.1 == 4 { (a.0, bv.0, c.0) } else {
            let y = match c.1 { 4 => c.0, 2 if c.0 < 70 => 2000 + c.0, 2 => 1900 + c.0, _ => return None };
            match order { DateOrder::DayFirst => (y, bv.0, a.0), DateOrder::MonthFirst => (y, a.0, bv.0) }
        };
        let date = Date::from_ymd(i32::try_from(y).ok()?, u32::try_from(m).ok()?, u32::try_from(d).ok()?)?;
        Some((date, date.year_month()))
    }

    proptest! {
        /// The `yyyy-mm-dd` / `dd/mm/yyyy` shortcut answers exactly as the general scanner.
        #[test]
        fn shortcut_agrees(b in proptest::collection::vec(prop_oneof![
            4 => b'0'..=b'9', 1 => Just(b'-'), 1 => Just(b'/'), 1 => Just(b'.'), 1 => Just(b'T'), 1 => Just(b' '), 1 => Just(b'x')], 8..16),
            month_first in any::<bool>()) {
            let order = if month_first { DateOrder::MonthFirst } else { DateOrder::DayFirst };
            prop_assert_eq!(parse_trimmed(&b, order), general(&b, order));
        }

        #[test]
        fn round_trip(days in -700_000i32..2_900_000) {
            let (y, m, d) = Date(days).ymd();
            prop_assert_eq!(Date::from_ymd(y, m, d), Some(Date(days)));
        }
    }
}
