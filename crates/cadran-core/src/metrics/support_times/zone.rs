//! The clock the help desk works by: a fixed offset from UTC, or a European
//! zone that moves to summer time, computed by hand (no tz database).

use super::civil::{weekday, Instant, DAY};
use crate::ingest::date::Date;
use serde::{Deserialize, Serialize};

/// A time zone.
///
/// **European summer time.** Directive 2000/84/EC of the European
/// Parliament and of the Council (19 January 2001), articles 2 and 3: summer
/// time begins at 01:00 UTC on the last Sunday of March and ends at 01:00 UTC
/// on the last Sunday of October, at the same instant in every member state
/// (and in the United Kingdom, by the Summer Time Order 2002). The rule is
/// applied to every year; dates before 1996, when the end was in
/// September, are not reproduced.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Zone {
    /// Always the same offset, in minutes east of UTC (UTC+05:30 → 330).
    Fixed {
        /// Minutes east of UTC, −1439 to 1439.
        offset_minutes: i32,
    },
    /// A European zone: `standard_minutes` in winter, one hour more from the
    /// last Sunday of March to the last Sunday of October (01:00 UTC).
    Eu {
        /// The winter offset in minutes (London 0, Paris 60, Helsinki 120).
        standard_minutes: i32,
    },
}

impl Default for Zone {
    /// UTC.
    fn default() -> Self {
        Zone::Fixed { offset_minutes: 0 }
    }
}

/// Names of the European zones Cadran knows, with their winter offset.
const EU_ZONES: [(&str, i32); 16] = [
    ("Europe/London", 0),
    ("Europe/Dublin", 0),
    ("Europe/Lisbon", 0),
    ("Europe/Paris", 60),
    ("Europe/Brussels", 60),
    ("Europe/Berlin", 60),
    ("Europe/Amsterdam", 60),
    ("Europe/Luxembourg", 60),
    ("Europe/Madrid", 60),
    ("Europe/Rome", 60),
    ("Europe/Vienna", 60),
    ("Europe/Zurich", 60),
    ("Europe/Stockholm", 60),
    ("Europe/Warsaw", 60),
    ("Europe/Helsinki", 120),
    ("Europe/Athens", 120),
];

impl Zone {
    /// A zone from its IANA name (the European zones above, `UTC`) or an
    /// offset written `UTC+02:00`, `+0530`, `-03:00`; `None` when unknown,
    /// so the caller can say which name it did not recognise.
    ///
    /// # Example
    /// ```
    /// use cadran_core::metrics::support_times::Zone;
    /// assert_eq!(Zone::named("Europe/Paris"), Some(Zone::Eu { standard_minutes: 60 }));
    /// assert_eq!(Zone::named("UTC+05:30"), Some(Zone::Fixed { offset_minutes: 330 }));
    /// assert_eq!(Zone::named("Mars/Olympus"), None);
    /// ```
    #[must_use]
    pub fn named(name: &str) -> Option<Zone> {
        let name = name.trim();
        if name.is_empty() {
            return None;
        }
        if let Some(&(_, m)) = EU_ZONES.iter().find(|(n, _)| n.eq_ignore_ascii_case(name)) {
            return Some(Zone::Eu {
                standard_minutes: m,
            });
        }
        let rest = name
            .strip_prefix("UTC")
            .or_else(|| name.strip_prefix("GMT"))
            .unwrap_or(name);
        if rest.is_empty() || rest == "Z" {
            return Some(Zone::default());
        }
        let (sign, digits) = match rest.as_bytes().first()? {
            b'+' => (1, &rest[1..]),
            b'-' => (-1, &rest[1..]),
            _ => return None,
        };
        let (h, m) = match digits.split_once(':') {
            Some((h, m)) => (h, m),
            None if digits.len() == 4 => digits.split_at(2),
            None => (digits, "0"),
        };
        let (h, m): (i32, i32) = (h.parse().ok()?, m.parse().ok()?);
        (h <= 14 && m < 60 && !digits.is_empty()).then_some(Zone::Fixed {
            offset_minutes: sign * (h * 60 + m),
        })
    }

    /// The zone's offset from UTC at instant `t`, in seconds.
    ///
    /// # Example
    /// ```
    /// use cadran_core::metrics::support_times::{Instant, Zone};
    /// let paris = Zone::Eu { standard_minutes: 60 };
    /// // Summer time began on 2024-03-31 at 01:00 UTC.
    /// assert_eq!(paris.offset_at(Instant::utc(2024, 3, 31, 0, 59, 59).unwrap()), 3600);
    /// assert_eq!(paris.offset_at(Instant::utc(2024, 3, 31, 1, 0, 0).unwrap()), 7200);
    /// ```
    #[must_use]
    pub fn offset_at(self, t: Instant) -> i64 {
        match self {
            Zone::Fixed { offset_minutes } => i64::from(offset_minutes) * 60,
            Zone::Eu { standard_minutes } => {
                let year = Date(t.0.div_euclid(DAY).clamp(-719_162, 2_932_896) as i32)
                    .ymd()
                    .0;
                let summer = match summer_bounds(year) {
                    Some((start, end)) => start <= t && t < end,
                    None => false,
                };
                i64::from(standard_minutes) * 60 + if summer { 3600 } else { 0 }
            }
        }
    }

    /// The local wall-clock time of `t`, in seconds since 1970-01-01T00:00
    /// local (the local day is `div_euclid(86 400)`).
    ///
    /// # Example
    /// ```
    /// use cadran_core::metrics::support_times::{Instant, Zone};
    /// let t = Instant::utc(2024, 7, 1, 8, 0, 0).unwrap();
    /// let local = Zone::named("Europe/Paris").unwrap().local(t);
    /// assert_eq!(local - t.0, 7200); // 10:00 in Paris
    /// ```
    #[must_use]
    pub fn local(self, t: Instant) -> i64 {
        t.0.saturating_add(self.offset_at(t))
    }

    /// The instants in `(from, to)` where the offset changes, in order: what
    /// cuts a span into pieces of constant offset. An iterator, not a
    /// vector: business time asks for it once per ticket.
    pub(crate) fn changes(self, from: Instant, to: Instant) -> impl Iterator<Item = Instant> {
        let year = |t: Instant| {
            Date(t.0.div_euclid(DAY).clamp(-719_162, 2_932_896) as i32)
                .ymd()
                .0
        };
        let eu = matches!(self, Zone::Eu { .. });
        let years = (year(from)..=year(to)).filter(move |_| eu);
        years
            .filter_map(summer_bounds)
            .flat_map(|(a, b)| [a, b])
            .filter(move |&t| from < t && t < to)
    }
}

impl Zone {
    /// Every offset change from `years.start()` to `years.end()`, with the
    /// offset in force from it: `(instant, offset in seconds)`, in order.
    pub(crate) fn shifts(self, years: std::ops::RangeInclusive<i32>) -> Vec<(i64, i64)> {
        let Zone::Eu { standard_minutes } = self else {
            return Vec::new();
        };
        let s = i64::from(standard_minutes) * 60;
        years
            .filter_map(summer_bounds)
            .flat_map(|(a, b)| [(a.0, s + 3600), (b.0, s)])
            .collect()
    }
}

/// Start and end of summer time in `year`: the last Sundays of March and
/// October at 01:00 UTC.
fn summer_bounds(year: i32) -> Option<(Instant, Instant)> {
    // Both months end on the 31st, 214 days apart; the last Sunday is the
    // 31st moved back to a Sunday (Monday = 0, so Sunday = 6).
    let march = Date::from_ymd(year, 3, 31)?;
    let at = |last: i32| {
        let back = (weekday(Date(last)) + 1) % 7;
        Instant(i64::from(last - back as i32) * DAY + 3600)
    };
    Some((at(march.0), at(march.0 + 214)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utc(y: i32, m: u32, d: u32, h: u32, mi: u32) -> Instant {
        Instant::utc(y, m, d, h, mi, 0).unwrap()
    }

    /// Transition instants published by the European Commission's summer-time
    /// communications (2022–2026) and timeanddate.com for Paris.
    #[test]
    fn eu_transitions() {
        let paris = Zone::named("Europe/Paris").unwrap();
        let cases = [
            (utc(2025, 3, 30, 1, 0), utc(2025, 10, 26, 1, 0)),
            (utc(2026, 3, 29, 1, 0), utc(2026, 10, 25, 1, 0)),
            (utc(2024, 3, 31, 1, 0), utc(2024, 10, 27, 1, 0)),
        ];
        for (start, end) in cases {
            assert_eq!(
                paris.offset_at(Instant(start.0 - 1)),
                3600,
                "before {start}"
            );
            assert_eq!(paris.offset_at(start), 7200, "at {start}");
            assert_eq!(paris.offset_at(Instant(end.0 - 1)), 7200, "before {end}");
            assert_eq!(paris.offset_at(end), 3600, "at {end}");
            assert_eq!(
                paris
                    .changes(Instant(start.0 - 10 * DAY), end)
                    .collect::<Vec<_>>(),
                vec![start],
                "one change before {end}"
            );
        }
        let london = Zone::named("europe/london").unwrap();
        assert_eq!(london.offset_at(utc(2025, 7, 1, 12, 0)), 3600, "BST");
        assert_eq!(london.offset_at(utc(2025, 12, 1, 12, 0)), 0, "GMT");
    }

    #[test]
    fn offsets_by_name() {
        let cases = [
            ("UTC", Some(0)),
            ("Z", Some(0)),
            ("+01:00", Some(60)),
            ("UTC-03:00", Some(-180)),
            ("+0530", Some(330)),
            ("GMT+2", Some(120)),
            ("+25:00", None),
            ("+01:75", None),
            ("Paris", None),
            ("", None),
        ];
        for (name, want) in cases {
            assert_eq!(
                Zone::named(name),
                want.map(|m| Zone::Fixed { offset_minutes: m }),
                "{name:?}"
            );
        }
        assert_eq!(Zone::default().offset_at(Instant(i64::MIN)), 0);
        assert_eq!(
            Zone::Eu {
                standard_minutes: 60
            }
            .offset_at(Instant(i64::MAX)),
            3600,
            "no panic far away"
        );
    }
}
