//! Timestamps and durations as help desks export them, read into
//! [`Instant`]s and seconds, with the local-time traps (the hour skipped in
//! spring, the hour repeated in autumn) reported instead of guessed.

use super::civil::{Instant, DAY};
use super::headers::DurationUnit;
use super::ticket::MAX_DURATION_SECONDS;
use super::zone::Zone;
use crate::ingest::date::{parse_date, DateOrder};
use crate::ingest::number::{parse_number, DecimalSep};
use rust_decimal::{Decimal, RoundingStrategy};
use serde::{Deserialize, Serialize};

/// A local wall-clock time mapped to UTC.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum LocalTime {
    /// One instant has this local time.
    Unique(Instant),
    /// The clock showed it twice (the autumn change): both instants.
    Repeated {
        /// The first time, still in summer time.
        earlier: Instant,
        /// The second time, in winter time.
        later: Instant,
    },
    /// The clock never showed it (the hour skipped in spring).
    Skipped,
}

impl Zone {
    /// The instant(s) at which the zone's clocks showed `local` (seconds
    /// since 1970-01-01T00:00 local).
    ///
    /// **Definition.** An instant `t` has local time `local` when
    /// `t + offset(t) = local`; with two possible offsets there are zero,
    /// one or two such instants. **Source.** As [`Zone`] (Directive 2000/84/EC).
    ///
    /// # Example
    /// ```
    /// use cadran_core::metrics::support_times::{Instant, LocalTime, Zone};
    /// let paris = Zone::named("Europe/Paris").unwrap();
    /// let local = |d, h, m| Instant::utc(2026, 3, d, h, m, 0).unwrap().0; // as if UTC
    /// assert_eq!(paris.from_local(local(29, 2, 30)), LocalTime::Skipped); // 02:30 never happened
    /// assert_eq!(paris.from_local(local(29, 3, 30)), LocalTime::Unique(Instant::utc(2026, 3, 29, 1, 30, 0).unwrap()));
    /// ```
    #[must_use]
    pub fn from_local(self, local: i64) -> LocalTime {
        let offsets = match self {
            Zone::Fixed { offset_minutes } => [i64::from(offset_minutes) * 60; 2],
            Zone::Eu { standard_minutes } => {
                let s = i64::from(standard_minutes) * 60;
                [s + 3600, s]
            }
        };
        let fits = |o: i64| {
            let t = Instant(local.saturating_sub(o));
            (self.offset_at(t) == o).then_some(t)
        };
        match (fits(offsets[0]), fits(offsets[1])) {
            (Some(a), Some(b)) if a != b => LocalTime::Repeated {
                earlier: a,
                later: b,
            },
            (Some(t), _) | (None, Some(t)) => LocalTime::Unique(t),
            (None, None) => LocalTime::Skipped,
        }
    }
}

/// Why a timestamp cell could not be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum TimestampProblem {
    /// Empty cell.
    Empty,
    /// The date part is not a date, or the day does not exist (29 February
    /// of a common year, 31 April).
    NotADate,
    /// The time of day is not `hh:mm[:ss[.fff]]` (optionally AM/PM) within 00:00–23:59:59.
    BadTime,
    /// The offset after the time is not `Z`, `UTC`, `±hh:mm`, `±hhmm` or `±hh`.
    BadOffset,
    /// The local time was skipped by the spring clock change in the chosen zone.
    SkippedByClockChange,
}

/// Reads a timestamp: a date as [`parse_date`] reads it, then optionally a
/// time (`T` or a space, `hh:mm[:ss[.fff]]`, `AM`/`PM`) and an offset (`Z`,
/// `UTC`, `+01:00`, `+0100`, `-05`); or a Unix time in seconds (9–10 digits)
/// or milliseconds (12–13).
///
/// **Definition.** With an offset, the instant is local − offset. Without
/// one, the time is local to `zone` ([`Zone::from_local`]): a time the
/// autumn change repeats is read as its first occurrence (as Zendesk and
/// Freshdesk write local times in export order) and a time the spring
/// change skips is an error. **Source.** ISO 8601-1:2019 §5.3.4 (UTC
/// offsets) and §5.4 (date and time of day).
///
/// # Example
/// ```
/// use cadran_core::{ingest::date::DateOrder, metrics::support_times::*};
/// let paris = Zone::named("Europe/Paris").unwrap();
/// let want = Instant::utc(2026, 3, 5, 9, 22, 0);
/// assert_eq!(parse_instant("05/03/2026 10:22", DateOrder::DayFirst, paris).ok(), want);
/// assert_eq!(parse_instant("2026-03-05T09:22:00Z", DateOrder::DayFirst, paris).ok(), want);
/// assert_eq!(parse_instant("2026-03-05 04:22:00 -0500", DateOrder::DayFirst, paris).ok(), want);
/// assert_eq!(parse_instant("29/02/2026 10:00", DateOrder::DayFirst, paris), Err(TimestampProblem::NotADate));
/// ```
pub fn parse_instant(
    text: &str,
    order: DateOrder,
    zone: Zone,
) -> Result<Instant, TimestampProblem> {
    let text = text.trim();
    if text.is_empty() {
        return Err(TimestampProblem::Empty);
    }
    if text.bytes().all(|b| b.is_ascii_digit()) && matches!(text.len(), 9 | 10 | 12 | 13) {
        let v: i64 = text.parse().map_err(|_| TimestampProblem::NotADate)?;
        return Ok(Instant(if text.len() > 10 {
            v.div_euclid(1000)
        } else {
            v
        }));
    }
    let split = text.find(['T', ' ']).unwrap_or(text.len());
    let (date, rest) = text.split_at(split);
    let day = parse_date(date, order).ok_or(TimestampProblem::NotADate)?;
    let rest = rest.get(1..).unwrap_or("").trim();
    let (seconds, offset) = time_and_offset(rest)?;
    let local = i64::from(day.0) * DAY + seconds;
    match offset {
        Some(o) => Ok(Instant(local - o)),
        None => match zone.from_local(local) {
            LocalTime::Unique(t) | LocalTime::Repeated { earlier: t, .. } => Ok(t),
            LocalTime::Skipped => Err(TimestampProblem::SkippedByClockChange),
        },
    }
}

/// `hh:mm[:ss[.fff]] [AM|PM] [offset]` → (seconds after midnight, offset in seconds).
fn time_and_offset(rest: &str) -> Result<(i64, Option<i64>), TimestampProblem> {
    if rest.is_empty() {
        return Ok((0, None));
    }
    let end = rest
        .find(|c: char| !(c.is_ascii_digit() || c == ':' || c == '.' || c == ','))
        .unwrap_or(rest.len());
    let (clock, tail) = rest.split_at(end);
    let mut parts = clock.split(':');
    let num = |p: Option<&str>| p.and_then(|s| s.parse::<i64>().ok());
    let h = num(parts.next()).ok_or(TimestampProblem::BadTime)?;
    let m = num(parts.next()).ok_or(TimestampProblem::BadTime)?;
    let s = match parts.next() {
        Some(sec) => num(sec.split(['.', ',']).next()).ok_or(TimestampProblem::BadTime)?,
        None => 0,
    };
    let mut tail = tail.trim();
    let mut h = h;
    for (suffix, pm) in [("AM", false), ("PM", true), ("am", false), ("pm", true)] {
        if let Some(t) = tail.strip_prefix(suffix) {
            if !(1..=12).contains(&h) {
                return Err(TimestampProblem::BadTime);
            }
            h = h % 12 + if pm { 12 } else { 0 };
            tail = t.trim();
        }
    }
    if parts.next().is_some()
        || !(0..24).contains(&h)
        || !(0..60).contains(&m)
        || !(0..60).contains(&s)
    {
        return Err(TimestampProblem::BadTime);
    }
    let offset = if tail.is_empty() {
        None
    } else {
        let zone = Zone::named(tail).ok_or(TimestampProblem::BadOffset)?;
        match zone {
            Zone::Fixed { offset_minutes } => Some(i64::from(offset_minutes) * 60),
            Zone::Eu { .. } => return Err(TimestampProblem::BadOffset),
        }
    };
    Ok((h * 3600 + m * 60 + s, offset))
}

/// Why a duration cell could not be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum DurationProblem {
    /// Not a number (nor `hh:mm[:ss]`).
    NotANumber,
    /// Below zero.
    Negative,
    /// Over [`MAX_DURATION_SECONDS`] (ten years).
    Absurd,
}

/// Reads a duration cell in `unit` into whole seconds (rounded half away
/// from zero); `Ok(None)` for an empty cell (no reply yet). `hh:mm[:ss]`
/// is read as a clock duration whatever the unit.
///
/// **Definition.** seconds = value × 1, 60 or 3 600, exactly in `Decimal`
/// before the one rounding. **Source.** Zendesk exports minutes
/// ("First reply time in minutes"), Freshdesk hours with decimals
/// ("First response time (in hrs)", e.g. `1.25`).
///
/// # Example
/// ```
/// use cadran_core::{ingest::number::DecimalSep, metrics::support_times::*};
/// assert_eq!(parse_duration("1,25", DurationUnit::Hours, DecimalSep::Comma), Ok(Some(4500)));
/// assert_eq!(parse_duration("45", DurationUnit::Minutes, DecimalSep::Point), Ok(Some(2700)));
/// assert_eq!(parse_duration("01:30:00", DurationUnit::Minutes, DecimalSep::Point), Ok(Some(5400)));
/// assert_eq!(parse_duration("", DurationUnit::Minutes, DecimalSep::Point), Ok(None));
/// assert_eq!(parse_duration("-3", DurationUnit::Minutes, DecimalSep::Point), Err(DurationProblem::Negative));
/// ```
pub fn parse_duration(
    text: &str,
    unit: DurationUnit,
    sep: DecimalSep,
) -> Result<Option<i64>, DurationProblem> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    let seconds = if text.contains(':') {
        let parts: Vec<&str> = text.split(':').collect();
        let n: Option<Vec<i64>> = parts
            .iter()
            .map(|p| p.trim().parse::<i64>().ok().filter(|&x| x >= 0))
            .collect();
        match n.as_deref() {
            Some([h, m]) if *m < 60 => Decimal::from(h * 3600 + m * 60),
            Some([h, m, s]) if *m < 60 && *s < 60 => {
                Decimal::from(h.saturating_mul(3600) + m * 60 + s)
            }
            _ => return Err(DurationProblem::NotANumber),
        }
    } else {
        let v = parse_number(text, sep, false).map_err(|_| DurationProblem::NotANumber)?;
        let per = match unit {
            DurationUnit::Seconds => 1,
            DurationUnit::Minutes => 60,
            DurationUnit::Hours => 3600,
        };
        v.checked_mul(Decimal::from(per))
            .ok_or(DurationProblem::Absurd)?
    };
    if seconds.is_sign_negative() && !seconds.is_zero() {
        return Err(DurationProblem::Negative);
    }
    let whole = seconds.round_dp_with_strategy(0, RoundingStrategy::MidpointAwayFromZero);
    match i64::try_from(whole) {
        Ok(s) if s <= MAX_DURATION_SECONDS => Ok(Some(s)),
        _ => Err(DurationProblem::Absurd),
    }
}

#[cfg(test)]
#[path = "timestamp_tests.rs"]
mod tests;
