//! Timestamps across the clock changes, offsets, AM/PM, and bad cells.

use super::*;
use DateOrder::*;

fn utc(y: i32, m: u32, d: u32, h: u32, mi: u32, s: u32) -> Instant {
    Instant::utc(y, m, d, h, mi, s).unwrap()
}

#[test]
fn clock_changes_in_paris() {
    let paris = Zone::named("Europe/Paris").unwrap();
    let read = |s| parse_instant(s, DayFirst, paris);
    // Spring 2026: 02:00–02:59 never happened on 29 March.
    assert_eq!(read("29/03/2026 01:59"), Ok(utc(2026, 3, 29, 0, 59, 0)));
    assert_eq!(
        read("29/03/2026 02:00"),
        Err(TimestampProblem::SkippedByClockChange)
    );
    assert_eq!(read("29/03/2026 03:00"), Ok(utc(2026, 3, 29, 1, 0, 0)));
    // Autumn 2026: 02:30 happened at 00:30 and at 01:30 UTC on 25 October; the first is taken.
    assert_eq!(read("25/10/2026 02:30"), Ok(utc(2026, 10, 25, 0, 30, 0)));
    let local = utc(2026, 10, 25, 2, 30, 0).0;
    assert_eq!(
        paris.from_local(local),
        LocalTime::Repeated {
            earlier: utc(2026, 10, 25, 0, 30, 0),
            later: utc(2026, 10, 25, 1, 30, 0)
        }
    );
    // An explicit offset wins over the zone.
    assert_eq!(
        read("2026-03-29T02:30:00+01:00"),
        Ok(utc(2026, 3, 29, 1, 30, 0))
    );
}

#[test]
fn shapes() {
    let z = Zone::default();
    let cases = [
        ("2026-12-07", Ok(utc(2026, 12, 7, 0, 0, 0))),
        ("2026-12-07 09:15:30.250", Ok(utc(2026, 12, 7, 9, 15, 30))),
        ("12/07/2026 9:15 PM", Ok(utc(2026, 7, 12, 21, 15, 0))), // day first: 12 July
        ("07/12/2026 12:05 AM", Ok(utc(2026, 12, 7, 0, 5, 0))),
        ("07/12/2026 12:05 PM", Ok(utc(2026, 12, 7, 12, 5, 0))),
        ("2026-12-07T09:15:00+0530", Ok(utc(2026, 12, 7, 3, 45, 0))),
        ("2026-12-07 09:15 UTC", Ok(utc(2026, 12, 7, 9, 15, 0))),
        ("1765098900", Ok(utc(2025, 12, 7, 9, 15, 0))),
        ("1765098900000", Ok(utc(2025, 12, 7, 9, 15, 0))),
        ("2026-12-07 25:00", Err(TimestampProblem::BadTime)),
        ("2026-12-07 13:00 PM", Err(TimestampProblem::BadTime)),
        (
            "2026-12-07 10:00 Europe/Paris",
            Err(TimestampProblem::BadOffset),
        ),
        ("2026-12-07 10:00 +99:00", Err(TimestampProblem::BadOffset)),
        ("2023-02-29 10:00", Err(TimestampProblem::NotADate)),
        ("   ", Err(TimestampProblem::Empty)),
        ("mardi", Err(TimestampProblem::NotADate)),
    ];
    for (text, want) in cases {
        let got = parse_instant(text, DayFirst, z);
        if text.starts_with("12/07") {
            assert_eq!(
                got,
                Ok(utc(2026, 7, 12, 21, 15, 0)),
                "{text:?} day first is 12 July"
            );
        } else {
            assert_eq!(got, want, "{text:?}");
        }
    }
    assert_eq!(
        parse_instant("12/07/2026 9:15 PM", MonthFirst, z),
        Ok(utc(2026, 12, 7, 21, 15, 0))
    );
}

#[test]
fn durations() {
    let cases = [
        (
            "90",
            DurationUnit::Minutes,
            DecimalSep::Point,
            Ok(Some(5400)),
        ),
        (
            "1.5",
            DurationUnit::Hours,
            DecimalSep::Point,
            Ok(Some(5400)),
        ),
        (
            "0,01",
            DurationUnit::Minutes,
            DecimalSep::Comma,
            Ok(Some(1)),
        ),
        ("0.5", DurationUnit::Seconds, DecimalSep::Point, Ok(Some(1))),
        (
            "12:30",
            DurationUnit::Hours,
            DecimalSep::Point,
            Ok(Some(45000)),
        ),
        (
            "1:75",
            DurationUnit::Hours,
            DecimalSep::Point,
            Err(DurationProblem::NotANumber),
        ),
        (
            "abc",
            DurationUnit::Hours,
            DecimalSep::Point,
            Err(DurationProblem::NotANumber),
        ),
        (
            "-0.5",
            DurationUnit::Hours,
            DecimalSep::Point,
            Err(DurationProblem::Negative),
        ),
        (
            "100000",
            DurationUnit::Hours,
            DecimalSep::Point,
            Err(DurationProblem::Absurd),
        ),
        (
            "99999999999999999999999999",
            DurationUnit::Hours,
            DecimalSep::Point,
            Err(DurationProblem::Absurd),
        ),
    ];
    for (text, unit, sep, want) in cases {
        assert_eq!(parse_duration(text, unit, sep), want, "{text:?} {unit:?}");
    }
}

proptest::proptest! {
    /// Every instant's local time maps back to it (uniquely, or as one of the two).
    #[test]
    fn local_round_trip(t in -2_000_000_000i64..4_000_000_000, paris in proptest::bool::ANY) {
        let zone = if paris { Zone::named("Europe/Paris").unwrap() } else { Zone::named("UTC-03:00").unwrap() };
        let back = zone.from_local(zone.local(Instant(t)));
        let ok = match back {
            LocalTime::Unique(u) => u.0 == t,
            LocalTime::Repeated { earlier, later } => earlier.0 == t || later.0 == t,
            LocalTime::Skipped => false,
        };
        proptest::prop_assert!(ok, "{} → {:?}", t, back);
    }
}
