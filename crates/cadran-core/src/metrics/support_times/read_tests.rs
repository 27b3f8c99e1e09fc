//! Ticket files as help desks write them (Zendesk, Freshdesk, French Excel),
//! their bad rows checked by line and column, and streaming checked against
//! the whole-file read.

use super::*;
use crate::ingest::{IngestError, OnBadRow};
use crate::metrics::support_times::{
    DurationProblem, DurationSource, DurationUnit, HelpDesk, Instant, Measure, TicketColumn,
    TicketProblem, TicketRowProblem, TimestampProblem,
};
use proptest::prelude::*;

/// A bad row as seen: line, column, header, raw text, problem.
type Seen<'a> = (
    u64,
    Option<usize>,
    Option<&'a str>,
    &'a str,
    TicketRowProblem,
);

fn utc(y: i32, m: u32, d: u32, h: u32, mi: u32) -> Instant {
    Instant::utc(y, m, d, h, mi, 0).unwrap()
}

fn paris() -> ReadOptions {
    ReadOptions {
        zone: Zone::named("Europe/Paris").unwrap(),
        ..ReadOptions::default()
    }
}

/// A Zendesk-style export: BOM, CRLF, quoted fields (one with a comma, one
/// spanning two lines), first reply in minutes, resolution from timestamps.
const ZENDESK: &str = "\u{feff}Id,Subject,Created at,Solved at,Via,First reply time in minutes,Full resolution time in minutes,Reopens\r\n\
101,\"Login, again\",2026-03-02 09:00,2026-03-02 12:30,Email,45,210,0\r\n\
102,\"Two\r\nlines\",2026-03-03 10:00,,Chat,5,,1\r\n\
103,Billing,2026-03-04 08:00,2026-03-03 08:00,Web,10,,0\r\n\
104,Refund,2026-02-29 10:00,2026-03-01 10:00,Web,10,,0\r\n\
105,Other,2026-03-05 09:00,,Email,-3,,0\r\n\
106,Count,2026-03-05 09:00,2026-03-05 10:00,Email,15,60,two\r\n";

#[test]
fn zendesk_export() {
    let f = read_tickets(ZENDESK.as_bytes(), &paris()).unwrap();
    assert_eq!(f.mapping.help_desk, HelpDesk::Zendesk);
    assert_eq!((f.encoding, f.delimiter), (Encoding::Utf8, b','));
    assert_eq!(
        f.headers[0], "Id",
        "the BOM is not part of the first header"
    );
    assert_eq!(
        f.measures,
        [
            MeasureSource {
                measure: Measure::FirstResponse,
                source: DurationSource::Column(DurationUnit::Minutes),
                headers: vec!["First reply time in minutes".into()],
            },
            MeasureSource {
                measure: Measure::Resolution,
                source: DurationSource::Timestamps,
                headers: vec!["Created at".into(), "Solved at".into()],
            },
        ]
    );
    let ids: Vec<&str> = f.tickets.iter().map(|t| t.id.as_str()).collect();
    assert_eq!(ids, ["101", "102"]);
    // 09:00 in Paris in March (UTC+1) is 08:00 UTC; 45 minutes later the first reply.
    let t = &f.tickets[0];
    assert_eq!(t.created, utc(2026, 3, 2, 8, 0));
    assert_eq!(t.first_reply, Some(utc(2026, 3, 2, 8, 45)));
    assert_eq!(t.duration(Measure::Resolution), Ok(Some(3 * 3600 + 1800)));
    assert_eq!((t.channel.as_str(), t.reopens), ("Email", 0));
    let open = &f.tickets[1];
    assert_eq!(
        (open.solved, open.reopens, open.channel.as_str()),
        (None, 1, "Chat")
    );
    let bad: Vec<Seen<'_>> = f
        .bad_rows
        .details
        .iter()
        .map(|e| {
            (
                e.line,
                e.column,
                e.column_name.as_deref(),
                e.raw.as_str(),
                e.problem,
            )
        })
        .collect();
    assert_eq!(
        bad,
        [
            // Line 5, not 4: ticket 102's subject spans lines 3 and 4.
            (
                5,
                Some(4),
                Some("Solved at"),
                "2026-03-03 08:00",
                TicketRowProblem::Span(TicketProblem::SolvedBeforeCreated { seconds: 86_400 })
            ),
            (
                6,
                Some(3),
                Some("Created at"),
                "2026-02-29 10:00",
                TicketRowProblem::Timestamp(TimestampProblem::NotADate)
            ),
            (
                7,
                Some(6),
                Some("First reply time in minutes"),
                "-3",
                TicketRowProblem::Duration(DurationProblem::Negative)
            ),
            (
                8,
                Some(8),
                Some("Reopens"),
                "two",
                TicketRowProblem::NotACount
            ),
        ]
    );
    assert_eq!(f.bad_rows.count, 4);
}

#[test]
fn freshdesk_export_in_hours() {
    let csv = "\"Ticket ID\",\"Subject\",\"Status\",\"Source\",\"Agent\",\"Created time\",\"Resolved time\",\"First response time (in hrs)\",\"Resolution time (in hrs)\"\n\
               1,\"Can't log in\",Resolved,Email,\"Smith, Ann\",2026-03-02 09:00:00,2026-03-02 11:00:00,1.25,2.0\n\
               2,Bug,Open,Portal,Bob,2026-03-02 10:00:00,,0.5,\n\
               3,Late,Open,Portal,Bob,2026-03-02 10:00:00,,abc,\n\
               4,Old,Resolved,Email,Bob,1900-01-01 00:00:00,2026-03-02 11:00:00,1,\n";
    let f = read_tickets(csv.as_bytes(), &ReadOptions::default()).unwrap();
    assert_eq!(f.mapping.help_desk, HelpDesk::Freshdesk);
    assert_eq!(
        f.measures[0].source,
        DurationSource::Column(DurationUnit::Hours)
    );
    assert_eq!(f.measures[0].headers, ["First response time (in hrs)"]);
    assert_eq!(f.measures[1].source, DurationSource::Timestamps);
    let t = &f.tickets[0];
    assert_eq!(
        t.duration(Measure::FirstResponse),
        Ok(Some(4500)),
        "1.25 h = 4 500 s"
    );
    assert_eq!(t.duration(Measure::Resolution), Ok(Some(7200)));
    assert_eq!(
        (t.agent.as_str(), t.channel.as_str()),
        ("Smith, Ann", "Email")
    );
    assert_eq!(
        f.tickets[1].duration(Measure::FirstResponse),
        Ok(Some(1800))
    );
    let e = &f.bad_rows.details[0];
    assert_eq!(
        (e.line, e.column, e.raw.as_str(), e.problem),
        (
            4,
            Some(8),
            "abc",
            TicketRowProblem::Duration(DurationProblem::NotANumber)
        )
    );
}

/// French Excel: Windows-1252, semicolons, CRLF, day-first dates, comma decimals.
fn french() -> Vec<u8> {
    let mut v = b"Num\xe9ro;Date de cr\xe9ation;D\xe9lai de premi\xe8re r\xe9ponse (min);Date de r\xe9solution;Canal;Conseiller;R\xe9ouvertures\r\n".to_vec();
    v.extend_from_slice(
        b"A-1;05/03/2026 10:22;12,5;05/03/2026 14:22;T\xe9l\xe9phone;H\xe9l\xe8ne;0\r\n",
    );
    v.extend_from_slice(b"A-2;31/04/2026 09:00;5;;Email;Luc;0\r\n");
    v.extend_from_slice(b"A-3;29/03/2026 02:30;5;;Email;Luc;0\r\n");
    v.extend_from_slice(b"A-4;25/03/2026 09:00;5;\r\n");
    v
}

#[test]
fn french_excel_export() {
    let f = read_tickets(&french(), &paris()).unwrap();
    assert_eq!((f.encoding, f.delimiter), (Encoding::Windows1252, b';'));
    assert_eq!(f.mapping.help_desk, HelpDesk::Generic);
    assert_eq!(f.headers[2], "Délai de première réponse (min)");
    assert_eq!(
        f.measures[0].source,
        DurationSource::Column(DurationUnit::Minutes)
    );
    assert_eq!(
        f.date_order,
        [(1, DateOrder::DayFirst), (3, DateOrder::DayFirst)]
    );
    let t = &f.tickets[0];
    assert_eq!(t.created, utc(2026, 3, 5, 9, 22), "5 March 10:22 in Paris");
    assert_eq!(
        t.duration(Measure::FirstResponse),
        Ok(Some(750)),
        "12,5 min"
    );
    assert_eq!(t.duration(Measure::Resolution), Ok(Some(4 * 3600)));
    assert_eq!(
        (t.channel.as_str(), t.agent.as_str()),
        ("Téléphone", "Hélène")
    );
    let bad: Vec<(u64, Option<usize>, TicketRowProblem)> = f
        .bad_rows
        .details
        .iter()
        .map(|e| (e.line, e.column, e.problem))
        .collect();
    assert_eq!(
        bad,
        [
            (
                3,
                Some(2),
                TicketRowProblem::Timestamp(TimestampProblem::NotADate)
            ),
            (
                4,
                Some(2),
                TicketRowProblem::Timestamp(TimestampProblem::SkippedByClockChange)
            ),
            (
                5,
                None,
                TicketRowProblem::Ragged {
                    expected: 7,
                    found: 4
                }
            ),
        ],
        "31 April, 02:30 on the spring change, a short row"
    );
    assert_eq!(f.bad_rows.details[2].raw, "A-4;25/03/2026 09:00;5;");
}

#[test]
fn hubspot_offsets_and_reply_before_created() {
    let csv = "Ticket ID,Create date,First agent reply date,Close date,Ticket owner,Source\n\
               1,2026-03-02T09:00:00+01:00,2026-03-02T09:30:00+01:00,2026-03-03T09:00:00+01:00,Ann,Chat\n\
               2,2026-03-02T09:00:00Z,2026-03-02T08:00:00Z,,Ann,Chat\n";
    let f = read_tickets(csv.as_bytes(), &ReadOptions::default()).unwrap();
    assert_eq!(f.mapping.help_desk, HelpDesk::HubSpot);
    let t = &f.tickets[0];
    assert_eq!(
        t.created,
        utc(2026, 3, 2, 8, 0),
        "the offset wins over the zone (UTC)"
    );
    assert_eq!(t.duration(Measure::FirstResponse), Ok(Some(1800)));
    assert_eq!(t.duration(Measure::Resolution), Ok(Some(86_400)));
    let e = &f.bad_rows.details[0];
    assert_eq!(
        (e.line, e.column, e.column_name.as_deref(), e.problem),
        (
            3,
            Some(3),
            Some("First agent reply date"),
            TicketRowProblem::Span(TicketProblem::ReplyBeforeCreated { seconds: 3600 })
        )
    );
}

#[test]
fn options_stop_and_bound() {
    let stop = ReadOptions {
        on_bad_row: OnBadRow::Stop,
        ..paris()
    };
    match read_tickets(ZENDESK.as_bytes(), &stop) {
        Err(TicketFileError::BadRow(e)) => assert_eq!((e.line, e.column), (5, Some(4))),
        other => panic!("stop at line 5, got {other:?}"),
    }
    let one = ReadOptions {
        max_error_details: 1,
        ..paris()
    };
    let f = read_tickets(ZENDESK.as_bytes(), &one).unwrap();
    assert_eq!((f.bad_rows.count, f.bad_rows.details.len()), (4, 1));
}

#[test]
fn file_errors() {
    let r = |s: &str| read_tickets(s.as_bytes(), &ReadOptions::default());
    assert_eq!(
        r("Subject,Status\nfoo,open\n"),
        Err(TicketFileError::MissingColumns {
            missing: vec![
                TicketColumn::Created,
                TicketColumn::FirstReplyAt,
                TicketColumn::Solved,
                TicketColumn::FirstReplyDuration,
                TicketColumn::ResolutionDuration,
            ],
            found: vec!["Subject".into(), "Status".into()],
        })
    );
    assert_eq!(
        r("Created at,Subject\n2026-03-02,x\n"),
        Err(TicketFileError::MissingColumns {
            missing: vec![
                TicketColumn::FirstReplyAt,
                TicketColumn::Solved,
                TicketColumn::FirstReplyDuration,
                TicketColumn::ResolutionDuration,
            ],
            found: vec!["Created at".into(), "Subject".into()],
        }),
        "a creation date alone gives no duration"
    );
    assert_eq!(r(""), Err(TicketFileError::File(IngestError::Empty)));
    assert_eq!(
        r("Created at,Solved at\n"),
        Err(TicketFileError::File(IngestError::HeaderOnly))
    );
    assert_eq!(
        r("Created at,Solved at\n\"2026-03-02,x\n"),
        Err(TicketFileError::File(IngestError::UnterminatedQuote {
            line: 2
        }))
    );
    let mut reader = TicketReader::new(ReadOptions::default());
    reader
        .push(b"Created at,Solved at\n2026-03-02,2026-03-03\n")
        .unwrap();
    assert!(reader.finish().is_ok());
    assert_eq!(reader.finish(), Err(TicketFileError::Finished));
}

/// A file longer than the first detection window (64 KiB), so that streaming
/// goes through the record loop, not only the head.
fn long_file() -> Vec<u8> {
    let mut v = ZENDESK.as_bytes().to_vec();
    for i in 0..1500 {
        let line = format!(
            "{i},\"S, {i}\",2026-03-{:02} 09:00,2026-03-{:02} 1{}:00,Email,{},,0\r\n",
            1 + i % 28,
            1 + i % 28,
            i % 10,
            i % 90
        );
        v.extend_from_slice(line.as_bytes());
    }
    v.extend_from_slice(b"9999,x,2026-03-05 09:00,,Email,-1,,0\r\n");
    v
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]
    /// Any chunking gives the whole-file result, bad rows included.
    #[test]
    fn streamed_equals_whole(which in 0usize..3, cuts in proptest::collection::vec(any::<prop::sample::Index>(), 0..12)) {
        let bytes = match which { 0 => ZENDESK.as_bytes().to_vec(), 1 => french(), _ => long_file() };
        let whole = read_tickets(&bytes, &paris());
        let mut at: Vec<usize> = cuts.iter().map(|c| c.index(bytes.len() + 1)).collect();
        at.sort_unstable();
        let mut r = TicketReader::new(paris());
        let mut from = 0;
        for &to in &at {
            r.push(&bytes[from..to]).unwrap();
            from = to;
        }
        r.push(&bytes[from..]).unwrap();
        prop_assert_eq!(r.finish(), whole);
    }
}
