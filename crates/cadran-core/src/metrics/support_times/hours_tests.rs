//! Business time checked against hand-computed cases (a weekend, French
//! holidays, both summer-time changes, a lunch break) and a minute-by-minute
//! count.

use super::*;
use crate::metrics::support_times::holidays::{public_holidays, Country};
use proptest::prelude::*;

/// Paris, Mon–Fri 9:00–18:00, French public holidays of 2026.
fn paris() -> BusinessCalendar {
    let holidays = public_holidays(Country::France, 2026)
        .into_iter()
        .map(|h| h.date);
    BusinessCalendar::new(
        OpeningHours::weekdays(540, 1080).unwrap(),
        Zone::named("Europe/Paris").unwrap(),
        holidays,
    )
}

fn utc(y: i32, m: u32, d: u32, h: u32, mi: u32) -> Instant {
    Instant::utc(y, m, d, h, mi, 0).unwrap()
}

/// (what, from UTC, to UTC, business seconds worked out by hand).
#[test]
fn hand_computed_paris() {
    let h = 3600;
    let cases = [
        (
            "Fri 17:00 → Mon 10:00 (CET): 1 h + 1 h",
            utc(2026, 3, 6, 16, 0),
            utc(2026, 3, 9, 9, 0),
            2 * h,
        ),
        (
            "Sun 15:00 → Mon 9:30: the weekend counts nothing",
            utc(2026, 3, 8, 14, 0),
            utc(2026, 3, 9, 8, 30),
            h / 2,
        ),
        (
            "Sat → Sun: closed all along",
            utc(2026, 3, 7, 8, 0),
            utc(2026, 3, 8, 16, 0),
            0,
        ),
        (
            "Thu 7 May 17:30 → Mon 11 May 9:30 (CEST), Fri 8 May a holiday",
            utc(2026, 5, 7, 15, 30),
            utc(2026, 5, 11, 7, 30),
            h,
        ),
        (
            "Wed 13 May 16:00 → Fri 15 May 11:00, Ascension Thursday",
            utc(2026, 5, 13, 14, 0),
            utc(2026, 5, 15, 9, 0),
            4 * h,
        ),
        (
            "Easter Monday 6 April 2026 is closed",
            utc(2026, 4, 6, 7, 0),
            utc(2026, 4, 6, 16, 0),
            0,
        ),
        (
            "Whit Monday 25 May → Tue 26 May 10:00",
            utc(2026, 5, 25, 6, 0),
            utc(2026, 5, 26, 8, 0),
            h,
        ),
        (
            "Fri 27 Mar 17:00 CET → Mon 30 Mar 10:00 CEST, across the spring change",
            utc(2026, 3, 27, 16, 0),
            utc(2026, 3, 30, 8, 0),
            2 * h,
        ),
        (
            "Fri 23 Oct 17:00 CEST → Mon 26 Oct 10:00 CET, across the autumn change",
            utc(2026, 10, 23, 15, 0),
            utc(2026, 10, 26, 9, 0),
            2 * h,
        ),
        (
            "Mon 9:00 → Mon 18:00, a full day",
            utc(2026, 12, 7, 8, 0),
            utc(2026, 12, 7, 17, 0),
            9 * h,
        ),
        (
            "Thu 24 Dec 12:00 → Mon 28 Dec 12:00, Christmas Friday",
            utc(2026, 12, 24, 11, 0),
            utc(2026, 12, 28, 11, 0),
            6 * h + 3 * h,
        ),
        (
            "Backwards span",
            utc(2026, 12, 7, 17, 0),
            utc(2026, 12, 7, 8, 0),
            0,
        ),
    ];
    let cal = paris();
    for (what, from, to, want) in cases {
        assert_eq!(cal.business_seconds(from, to), want, "{what}");
    }
}

/// A 24/7 desk counts the wall clock's 23 and 25 hours on change days.
#[test]
fn always_open_across_changes() {
    let cal = BusinessCalendar::new(
        OpeningHours::always(),
        Zone::named("Europe/Paris").unwrap(),
        [],
    );
    // Sat 28 Mar 12:00 CET (11:00 UTC) → Sun 29 Mar 12:00 CEST (10:00 UTC).
    assert_eq!(
        cal.business_seconds(utc(2026, 3, 28, 11, 0), utc(2026, 3, 29, 10, 0)),
        23 * 3600
    );
    // Sat 24 Oct 12:00 CEST (10:00 UTC) → Sun 25 Oct 12:00 CET (11:00 UTC).
    assert_eq!(
        cal.business_seconds(utc(2026, 10, 24, 10, 0), utc(2026, 10, 25, 11, 0)),
        25 * 3600
    );
    // The local night of the spring change: 00:00–06:00 local holds 5 real hours.
    assert_eq!(
        cal.business_seconds(utc(2026, 3, 28, 23, 0), utc(2026, 3, 29, 4, 0)),
        5 * 3600
    );
}

#[test]
fn lunch_break_and_fixed_offset() {
    let split = vec![(540, 720), (840, 1080)];
    let hours = OpeningHours::new([
        split.clone(),
        split.clone(),
        split.clone(),
        split.clone(),
        split,
        vec![],
        vec![],
    ])
    .unwrap();
    let cal = BusinessCalendar::new(hours, Zone::named("UTC+01:00").unwrap(), []);
    // Monday 11:00 → 15:00 local (10:00 → 14:00 UTC): 1 h before lunch, 1 h after.
    assert_eq!(
        cal.business_seconds(utc(2026, 12, 7, 10, 0), utc(2026, 12, 7, 14, 0)),
        7200
    );
    // Two full weeks: 70 open hours.
    assert_eq!(
        cal.business_seconds(utc(2026, 12, 6, 23, 0), utc(2026, 12, 20, 23, 0)),
        70 * 3600
    );
    // Overlapping intervals merge.
    let merged = OpeningHours::new([
        vec![(540, 800), (700, 1080)],
        vec![],
        vec![],
        vec![],
        vec![],
        vec![],
        vec![],
    ])
    .unwrap();
    assert_eq!(merged.seconds_per_week(), 9 * 3600);
    assert!(
        OpeningHours::weekdays(540, 1441).is_err() && OpeningHours::weekdays(540, 540).is_err()
    );
}

#[test]
fn ticket_checks_come_first() {
    let cal = paris();
    let t = Ticket {
        created: utc(2026, 3, 9, 9, 0),
        solved: Some(utc(2026, 3, 9, 8, 0)),
        ..Ticket::default()
    };
    assert_eq!(
        cal.duration(&t, Measure::Resolution),
        Err(TicketProblem::SolvedBeforeCreated { seconds: 3600 })
    );
    assert_eq!(cal.duration(&t, Measure::FirstResponse), Ok(None));
    let all = cal.business_seconds(Instant(i64::MIN), Instant(i64::MAX));
    assert!(all > 0, "no overflow on absurd spans");
}

/// Minute by minute: is the desk open at each minute of the span?
fn brute_force(cal: &BusinessCalendar, from: i64, to: i64) -> i64 {
    (from..to)
        .step_by(60)
        .filter(|&t| cal.is_open(Instant(t)))
        .count() as i64
        * 60
}

proptest! {
    /// Business time equals the minute-by-minute count, and never exceeds
    /// calendar time, in Paris (with holidays and summer time) and in UTC.
    #[test]
    fn matches_minute_count(start in 0i64..(366 * 24 * 60), len in 0i64..(6 * 24 * 60), open in 0u32..700, shut in 700u32..=1440, paris_zone in any::<bool>()) {
        let base = utc(2026, 1, 1, 0, 0).0;
        let (from, to) = (base + start * 60, base + (start + len) * 60);
        let zone = if paris_zone { Zone::named("Europe/Paris").unwrap() } else { Zone::default() };
        let holidays = public_holidays(Country::France, 2026).into_iter().map(|h| h.date);
        let cal = BusinessCalendar::new(OpeningHours::weekdays(open, shut).unwrap(), zone, holidays);
        let got = cal.business_seconds(Instant(from), Instant(to));
        prop_assert_eq!(got, brute_force(&cal, from, to));
        prop_assert!(0 <= got && got <= to - from);
    }

    /// The kept shifts and the zone's rule give the same business time.
    #[test]
    fn shifts_agree_with_rule(a in 0i64..4_000_000_000, len in 0i64..80_000_000, standard in prop_oneof![Just(0), Just(60), Just(120)]) {
        let zone = Zone::Eu { standard_minutes: standard };
        let holidays = public_holidays(Country::France, 2026).into_iter().map(|h| h.date);
        let cal = BusinessCalendar::new(OpeningHours::weekdays(480, 1200).unwrap(), zone, holidays);
        let (from, to) = (Instant(a), Instant(a + len));
        prop_assert_eq!(cal.business_seconds(from, to), cal.by_rule(from, to));
    }

    /// Additive: [a, c) = [a, b) + [b, c).
    #[test]
    fn additive(a in -4_000_000_000i64..4_000_000_000, d1 in 0i64..50_000_000, d2 in 0i64..50_000_000) {
        let cal = paris();
        let (b, c) = (a + d1, a + d1 + d2);
        let whole = cal.business_seconds(Instant(a), Instant(c));
        prop_assert_eq!(whole, cal.business_seconds(Instant(a), Instant(b)) + cal.business_seconds(Instant(b), Instant(c)));
        prop_assert!(whole <= c - a);
    }
}
