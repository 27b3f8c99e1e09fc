//! SLA attainment on hand-worked cases, and its bounds.

use super::*;
use crate::metrics::support_times::{OpeningHours, Zone};
use proptest::prelude::*;
use rust_decimal_macros::dec;

fn cal() -> BusinessCalendar {
    BusinessCalendar::new(
        OpeningHours::weekdays(540, 1080).unwrap(),
        Zone::default(),
        [],
    )
}

fn at(day: u32, hour: u32) -> Instant {
    Instant::utc(2026, 12, day, hour, 0, 0).unwrap()
}

fn target(channel: Option<&str>, hours: i64, clock: Clock) -> SlaTarget {
    SlaTarget {
        channel: channel.map(str::to_string),
        measure: Measure::FirstResponse,
        within_seconds: hours * 3600,
        clock,
    }
}

/// Chat: 1 calendar hour; everything else: 4 business hours.
#[test]
fn per_channel_targets_and_open_tickets() {
    let t = |id: &str, ch: &str, from, to: Option<Instant>| Ticket {
        id: id.into(),
        channel: ch.into(),
        created: from,
        first_reply: to,
        ..Ticket::default()
    };
    let tickets = [
        t("c1", "Chat", at(7, 9), Some(at(7, 10))), // exactly 1 h: met
        t("c2", " chat ", at(7, 9), Some(at(7, 11))), // 2 h: 1 h over
        t("e1", "email", at(7, 9), Some(at(7, 12))), // 3 business hours: met
        t("e2", "email", at(7, 9), None), // 9 h Monday + 8 h Tuesday at as_of: 13 h over, still open
        t("e3", "email", at(8, 16), None), // 1 h at as_of: pending
        t("x", "email", at(7, 9), Some(at(7, 8))), // reply before creation: skipped
    ];
    let targets = [
        target(Some("CHAT"), 1, Clock::Calendar),
        target(None, 4, Clock::Business),
    ];
    let r = sla_report(
        &tickets,
        Measure::FirstResponse,
        &targets,
        &cal(),
        Some(at(8, 17)),
    )
    .unwrap();
    assert_eq!(
        r.overall,
        SlaCounts {
            met: 2,
            breached: 2,
            pending: 1
        }
    );
    assert_eq!(r.overall.attainment(), Ok(Percent(dec!(50))));
    let ids: Vec<(&str, i64, bool)> = r
        .breaches
        .iter()
        .map(|b| (b.id.as_str(), b.over_by, b.still_open))
        .collect();
    assert_eq!(ids, [("c2", 3600, false), ("e2", 13 * 3600, true)]);
    assert_eq!(
        r.skipped,
        [(5, TicketProblem::ReplyBeforeCreated { seconds: 3600 })]
    );
    assert_eq!(
        r.by_channel
            .iter()
            .map(|(c, _)| c.as_str())
            .collect::<Vec<_>>(),
        ["Chat", "chat", "email"]
    );
    // Resolution targets only: no first-reply target, so nothing is judged.
    let none = sla_report(&tickets, Measure::Resolution, &targets, &cal(), None).unwrap();
    assert_eq!(none.without_target, 6);
    assert_eq!(
        none.overall.attainment(),
        Err(SupportUndefined::NoTicketsMeasured.into())
    );
    assert!(sla_report(
        &tickets,
        Measure::FirstResponse,
        &[target(None, 0, Clock::Calendar)],
        &cal(),
        None
    )
    .is_err());
}

/// Changing the opening hours changes attainment (the end-to-end check, in the core).
#[test]
fn opening_hours_move_attainment() {
    let tickets = [Ticket {
        created: at(7, 16),
        first_reply: Some(at(8, 10)),
        ..Ticket::default()
    }];
    let targets = [target(None, 4, Clock::Business)];
    let nine_to_six = sla_report(&tickets, Measure::FirstResponse, &targets, &cal(), None).unwrap();
    assert_eq!(nine_to_six.overall.met, 1, "2 h Monday + 1 h Tuesday");
    let long = BusinessCalendar::new(
        OpeningHours::weekdays(420, 1320).unwrap(),
        Zone::default(),
        [],
    );
    let seven_to_ten = sla_report(&tickets, Measure::FirstResponse, &targets, &long, None).unwrap();
    assert_eq!(
        seven_to_ten.breaches[0].over_by,
        5 * 3600,
        "7:00–22:00: 6 h Monday + 3 h Tuesday = 9 h, 5 h over"
    );
}

proptest! {
    /// Attainment lies between 0 and 100 %, and met + breached + pending
    /// counts every ticket with a target.
    #[test]
    fn attainment_bounded(spans in proptest::collection::vec((0i64..400_000, proptest::option::of(0i64..400_000)), 1..40), hours in 1i64..48) {
        let base = at(1, 0).0;
        let tickets: Vec<Ticket> = spans.iter().map(|&(start, len)| Ticket {
            created: Instant(base + start),
            first_reply: len.map(|l| Instant(base + start + l)),
            ..Ticket::default()
        }).collect();
        let r = sla_report(&tickets, Measure::FirstResponse, &[target(None, hours, Clock::Business)], &cal(), Some(Instant(base + 900_000))).unwrap();
        let c = r.overall;
        prop_assert_eq!(c.met + c.breached + c.pending, tickets.len() as u64);
        if let Ok(p) = c.attainment() {
            prop_assert!(Percent::ZERO <= p && p <= Percent::HUNDRED);
        }
        prop_assert_eq!(r.breaches.len() as u64, c.breached);
    }
}
