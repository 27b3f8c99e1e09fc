//! A streamed import gives the whole-file report, whatever the chunk sizes:
//! for the files whose start does not fit the first 64 KiB (long headers,
//! thousands of columns, a huge first value, blank lines first) and for
//! generated files with quotes, BOMs, CR-only or mixed line ends.

use cadran_core::ingest::{ingest, preview, preview_head, DatasetReport, IngestError, Ingestor, Options, Report};
use proptest::prelude::*;

/// The import of `bytes` pushed in chunks of `sizes` (cycled).
fn streamed(bytes: &[u8], sizes: &[usize]) -> Result<Report, IngestError> {
    let mut i = Ingestor::new(Options::default());
    let mut rest = bytes;
    let mut k = 0;
    while !rest.is_empty() {
        let n = sizes[k % sizes.len()].clamp(1, rest.len());
        k += 1;
        let (c, r) = rest.split_at(n);
        rest = r;
        i.push(c)?;
    }
    i.finish()
}

/// The preview as the worker gets it: a head doubling from 64 KiB until the
/// core can tell.
fn growing_preview(bytes: &[u8]) -> Result<cadran_core::ingest::Preview, IngestError> {
    let mut n = 64 * 1024;
    loop {
        let whole = n >= bytes.len();
        if let Some(p) = preview_head(&bytes[..n.min(bytes.len())], whole, &Options::default(), 5)? {
            return Ok(p);
        }
        n *= 2;
    }
}

fn subscriptions(header: &str, rows: usize, id: impl Fn(usize) -> String, extra: &str) -> Vec<u8> {
    let mut s = format!("{header}\n");
    for i in 0..rows {
        s += &format!("{},2024-01-{:02},{}{extra}\n", id(i), 1 + i % 28, 10 + i);
    }
    s.into_bytes()
}

#[test]
fn starts_longer_than_the_first_window() {
    let questions: Vec<String> = (0..300).map(|i| format!("\"Question {i}: {}\"", "how likely are you, honestly, ".repeat(9))).collect();
    let survey = {
        let mut s = format!("score,{}\n", questions.join(","));
        for i in 0..20 {
            s += &format!("{}{}\n", i % 11, ",x".repeat(300));
        }
        s.into_bytes()
    };
    let cols: Vec<String> = (4..=10_000).map(|i| format!("c{i}")).collect();
    let wide = subscriptions(&format!("customer,start,mrr,{}", cols.join(",")), 50, |i| format!("c{i}"), &",0".repeat(9_997));
    let huge_id = subscriptions("customer,start,mrr", 2, |i| if i == 0 { "x".repeat(10_000_000) } else { format!("c{i}") }, "");
    let blank_first = [vec![b'\n'; 1_000_000], subscriptions("customer,start,mrr", 3, |i| format!("c{i}"), "")].concat();
    for (name, bytes, rows) in [("80 KB survey header", &survey, 20), ("10 000 columns", &wide, 50), ("10 MB id in row 2", &huge_id, 2), ("1 MB of blank lines first", &blank_first, 3)] {
        let whole = ingest(bytes, &Options::default()).unwrap_or_else(|e| panic!("{name}: {e:?}"));
        assert_eq!(whole.rows, rows, "{name}");
        for size in [65_536, 4_096, 1_000_003] {
            assert_eq!(streamed(bytes, &[size]), Ok(whole.clone()), "{name} in chunks of {size}");
        }
        let p = growing_preview(bytes).unwrap_or_else(|e| panic!("{name} preview: {e:?}"));
        assert_eq!(p.layout, whole.layout, "{name}: the preview's layout is the import's");
        assert!(!p.rows.is_empty(), "{name}: preview rows");
    }
    let DatasetReport::Survey(_) = ingest(&survey, &Options::default()).unwrap().data else { panic!("survey expected") };
}

#[test]
fn a_line_too_long_is_named_not_called_empty() {
    let ten_mb = vec![b'x'; 10_000_000];
    let whole = ingest(&ten_mb, &Options::default());
    assert_eq!(whole, Err(IngestError::HeaderOnly), "one 10 MB line: one header, no data");
    assert_eq!(streamed(&ten_mb, &[65_536]), whole);
    let too_long = vec![b'x'; 17 * 1024 * 1024];
    let limit = Err(IngestError::HeadTooLong { limit: 16 * 1024 * 1024 });
    assert_eq!(ingest(&too_long, &Options::default()), limit);
    assert_eq!(streamed(&too_long, &[65_536]), limit);
    assert_eq!(preview(&too_long, &Options::default(), 5).err(), limit.err());
}

/// One cell of a generated file: plain, quoted with delimiters, doubled
/// quotes and line breaks inside, or a stray quote inside an unquoted value.
fn cell() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => "[a-z0-9]{0,6}",
        1 => "[a-z,\"\r\n ]{0,8}".prop_map(|s| format!("\"{}\"", s.replace('"', "\"\""))),
        1 => "[a-z]{1,4}\"[a-z ]{0,4}",
        1 => Just("\u{feff}x".to_string()),
        1 => Just("Andr\u{e9}".to_string()),
    ]
}

fn line_end() -> impl Strategy<Value = &'static str> {
    prop_oneof![Just("\n"), Just("\r\n"), Just("\r"), Just("\n\n"), Just("\r\r\n")]
}

fn file() -> impl Strategy<Value = Vec<u8>> {
    (
        any::<bool>(),
        prop_oneof![4 => Just(0usize), 1 => Just(70_000usize)],
        prop::collection::vec((cell(), 0u32..40, -5i32..500, line_end()), 0..25),
        line_end(),
        any::<bool>(),
    )
        .prop_map(|(bom, pad, rows, first_end, last_end)| {
            let mut s = String::new();
            if bom {
                s.push('\u{feff}');
            }
            s += "customer,start,mrr";
            if pad > 0 {
                s += &format!(",\"{}\"", "long question ".repeat(pad / 14));
            }
            s += first_end;
            let n = rows.len();
            for (i, (c, day, mrr, end)) in rows.into_iter().enumerate() {
                s += &format!("{c},2024-{:02}-{:02},{mrr}", 1 + day % 12, 1 + day % 28);
                if pad > 0 {
                    s += ",";
                }
                if i + 1 < n || last_end {
                    s += end;
                }
            }
            s.into_bytes()
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    /// Whatever the chunk sizes, the streamed report (or error) is the
    /// whole-file one.
    #[test]
    fn streamed_report_is_the_whole_file_report(bytes in file(), sizes in prop::collection::vec(prop_oneof![1usize..8, 8usize..5_000, 60_000usize..80_000], 1..5)) {
        let whole = ingest(&bytes, &Options::default());
        prop_assert_eq!(streamed(&bytes, &sizes), whole.clone(), "chunks {:?}", sizes);
        if let Ok(r) = whole {
            let p = growing_preview(&bytes);
            prop_assert_eq!(p.map(|p| p.layout), Ok(r.layout));
        }
    }
}

#[test]
fn a_nul_byte_past_the_first_8_kb_skips_its_row() {
    let mut bytes = subscriptions("customer,start,mrr", 600, |i| format!("c{i}"), "");
    assert!(bytes.len() > 8192);
    bytes.extend_from_slice(b"c\x00\x00x,2024-01-05,10\nlast,2024-01-06,20\n");
    let r = ingest(&bytes, &Options::default()).unwrap();
    assert_eq!((r.rows, r.bad_rows.count), (601, 1));
    let e = &r.bad_rows.details[0];
    assert_eq!((e.line, e.column, e.raw.as_str(), e.problem.clone()), (602, Some(1), "c\u{2400}\u{2400}x", cadran_core::ingest::Problem::NulByte));
    assert_eq!(streamed(&bytes, &[100]), Ok(r));
}
