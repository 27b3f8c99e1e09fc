//! The worker's API gives what the core gives, whatever the chunking, and its
//! JSON reads back to the same values (money exact).

use super::*;
use cadran_core::ingest::{ingest, DatasetReport};

/// A French Excel-style subscriptions export: Windows-1252, `;`, decimal comma.
fn french() -> Vec<u8> {
    let mut b = b"Client;D\xe9but;Date de r\xe9siliation;MRR\r\n".to_vec();
    for i in 0..500u32 {
        let end = if i % 7 == 0 { format!("{:02}/03/2024", 1 + i % 28) } else { String::new() };
        b.extend_from_slice(format!("c{i};{:02}/01/2024;{end};{},{:02}\r\n", 1 + i % 28, 10 + i % 90, i % 100).as_bytes());
    }
    b
}

fn import_in_chunks(bytes: &[u8], size: usize, options: &str) -> ImportResult {
    let mut imp = Importer::new(options).unwrap();
    for c in bytes.chunks(size) {
        if let Some(e) = imp.push(c) {
            return Err(serde_json::from_str(&e).unwrap());
        }
    }
    assert_eq!(imp.bytes_consumed(), bytes.len() as f64);
    serde_json::from_str(&imp.finish()).unwrap()
}

#[test]
fn chunking_does_not_change_the_report() {
    let bytes = french();
    let whole = ingest(&bytes, &Options::default()).unwrap();
    for size in [1, 7, 1000, 65_536, bytes.len()] {
        assert_eq!(import_in_chunks(&bytes, size, "{}").unwrap(), whole, "chunks of {size}");
    }
    let DatasetReport::Subscriptions(s) = whole.data else { panic!("subscriptions expected") };
    assert_eq!(s.overall.active_customers.first(), Some(&500));
}

#[test]
fn options_and_errors_cross_as_json() {
    let csv = b"score;date\n9;05/03/2024\nx;06/03/2024\n";
    let stop = import_in_chunks(csv, 4, r#"{"on_bad_row":"Stop"}"#).unwrap_err();
    let IngestError::BadRow(e) = stop else { panic!("bad row expected, got {stop:?}") };
    assert_eq!((e.line, e.column, e.raw.as_str()), (3, Some(1), "x"));
    let skip = import_in_chunks(csv, 4, "{}").unwrap();
    assert_eq!((skip.rows, skip.bad_rows.count), (1, 1));
    assert!(Importer::new("{not json").is_err());
    assert_eq!(import_in_chunks(b"", 4, "{}"), Err(IngestError::Empty));
}

#[test]
fn preview_drops_a_cut_last_line_unless_whole() {
    // Larger than the core's 64 KiB detection window, cut in the middle of a line.
    let mut bytes = french();
    let rows = bytes.split(|b| *b == b'\n').skip(1).filter(|r| !r.is_empty()).map(|r| [r, b"\n"].concat()).collect::<Vec<_>>().concat();
    while bytes.len() < 80 * 1024 {
        bytes.extend_from_slice(&rows);
    }
    let head = &bytes[..64 * 1024 + 7];
    let cut: Result<Option<Preview>, IngestError> = serde_json::from_str(&preview(head, "{}", 50, false)).unwrap();
    let cut = cut.unwrap().unwrap();
    assert!(cut.rows.iter().all(|r| r.cells.len() == 4), "no ragged last row");
    assert_eq!(cut.layout.delimiter, b';');
    assert_eq!(cut.layout.headers[1], "Début");
    let p = preview_head(b"score\n9\n1", &Options::default(), 10, true).unwrap().unwrap();
    assert_eq!(p.rows.len(), 2);
    assert_eq!(preview_head(b"", &Options::default(), 10, true), Err(IngestError::Empty), "a whole file is never 'too short'");
    assert!(preview(b"a", "{oops", 1, true).starts_with("invalid options"));
}

#[test]
fn money_survives_json_exactly() {
    let mut csv = b"customer,date,amount\n".to_vec();
    for i in 0..1000 {
        csv.extend_from_slice(format!("c{},2024-01-{:02},0.10\n", i % 10, 1 + i % 28).as_bytes());
    }
    let r = import_in_chunks(&csv, 333, "{}").unwrap();
    let json = serde_json::to_string(&r).unwrap();
    let back: Report = serde_json::from_str(&json).unwrap();
    assert_eq!(back, r);
    let DatasetReport::Transactions(t) = back.data else { panic!("transactions expected") };
    assert_eq!(t.overall.revenue.to_string(), "100.00");
}

#[test]
fn preview_asks_for_more_bytes_when_the_header_is_longer_than_the_slice() {
    // A survey with 300 long question headers: 80 KB before the first row.
    let heads: Vec<String> = (0..300).map(|i| format!("Question {i} : {}", "x".repeat(260))).collect();
    let mut file = format!("score,{}\n", heads.join(",")).into_bytes();
    file.extend_from_slice(format!("9,{}\n", vec!["oui"; 300].join(",")).as_bytes());
    assert_eq!(preview(&file[..64 * 1024], "{}", 5, false), "{\"Ok\":null}", "64 KiB: read more");
    let p: Result<Option<Preview>, IngestError> = serde_json::from_str(&preview(&file, "{}", 5, true)).unwrap();
    let p = p.unwrap().unwrap();
    assert_eq!((p.layout.headers.len(), p.rows.len()), (301, 1));
}
