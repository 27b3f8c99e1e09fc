//! The fixture corpus: each file under `tests/fixtures/` with its expected
//! result or error. Windows-1252 files are stored as raw bytes.

use cadran_core::ingest::date::{DateOrder, OrderEvidence, YearMonth};
use cadran_core::ingest::decode::Encoding;
use cadran_core::ingest::number::DecimalSep;
use cadran_core::ingest::subscriptions::SubscriptionsReport;
use cadran_core::ingest::survey::{Scale, SurveyReport};
use cadran_core::ingest::{ingest, DatasetReport, IngestError, Options, Problem, Report};
use rust_decimal::Decimal;
use rust_decimal_macros::dec;

fn read(name: &str) -> Vec<u8> {
    let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn ok(name: &str) -> Report {
    ingest(&read(name), &Options::default()).unwrap_or_else(|e| panic!("{name}: {e:?}"))
}

fn err(name: &str) -> IngestError {
    ingest(&read(name), &Options::default()).expect_err(name)
}

fn subs(name: &str) -> (Report, SubscriptionsReport) {
    let r = ok(name);
    match r.data.clone() {
        DatasetReport::Subscriptions(s) => (r, s),
        other => panic!("{name}: not subscriptions: {other:?}"),
    }
}

fn survey(name: &str) -> (Report, SurveyReport) {
    let r = ok(name);
    match r.data.clone() {
        DatasetReport::Survey(s) => (r, s),
        other => panic!("{name}: not a survey: {other:?}"),
    }
}

fn ym(y: i32, m: u32) -> YearMonth {
    YearMonth::new(y, m)
}

#[test]
fn stripe_export() {
    let (r, s) = subs("subs_stripe.csv");
    assert_eq!(s.trials_skipped, 1, "trialing row left out");
    assert_eq!(s.overall.first_month, ym(2024, 1));
    assert_eq!(s.overall.active_customers, vec![2, 2]);
    assert_eq!(s.overall.mrr, vec![dec!(20), dec!(25)], "yearly 120 → 10/month; 3 seats × 5");
    assert_eq!(s.overall.churned_customers, vec![0, 1]);
    assert_eq!(s.overall.new_customers, vec![2, 1]);
    assert_eq!(r.bad_rows.count, 0);
}

#[test]
fn stripe_export_with_trials_counted() {
    let o = Options::builder().include_trials(true).build();
    let r = ingest(&read("subs_stripe.csv"), &o).expect("subs_stripe.csv with trials");
    let DatasetReport::Subscriptions(s) = r.data else { panic!("subs_stripe.csv: not subscriptions") };
    assert_eq!((s.trials_skipped, s.trials_included), (0, 1), "the trialing row is counted");
    assert_eq!(s.overall.active_customers, vec![2, 3], "cus_4 is active from February");
    assert_eq!(s.overall.mrr, vec![dec!(20), dec!(35)], "its 10/month joins February's MRR");
    assert_eq!(r.rows, 4);
}

#[test]
fn chargebee_timestamps() {
    let (_, s) = subs("subs_chargebee.csv");
    assert_eq!(s.overall.active_customers, vec![2, 2, 1]);
    assert_eq!(s.overall.mrr, vec![dec!(150), dec!(150), dec!(100)]);
    assert_eq!(s.overall.movements[2].churn, dec!(50));
}

#[test]
fn baremetrics_combines_a_customers_subscriptions() {
    let (_, s) = subs("subs_baremetrics.csv");
    assert_eq!(s.overall.customers, 1);
    assert_eq!(s.overall.mrr, vec![dec!(2000), dec!(3000)]);
    assert_eq!(s.overall.movements[1].expansion, dec!(1000));
    assert_eq!(s.overall.new_customers, vec![1, 0]);
}

#[test]
fn french_excel_utf8_bom_and_1252() {
    for (name, enc) in [("subs_fr_utf8_bom.csv", Encoding::Utf8), ("subs_fr_1252.csv", Encoding::Windows1252)] {
        let (r, s) = subs(name);
        assert_eq!(r.layout.encoding, enc, "{name}");
        assert_eq!(r.layout.delimiter, b';', "{name}");
        assert_eq!(r.layout.headers[1], "Date de début", "{name}: header decoded");
        assert_eq!(r.layout.decimal[3], DecimalSep::Comma, "{name}");
        assert_eq!(r.layout.date_order[1], Some((DateOrder::DayFirst, OrderEvidence::DayFirst)), "{name}");
        assert_eq!(s.overall.mrr, vec![dec!(1334.50), dec!(1234.50)], "{name}");
        assert_eq!(s.overall.churned_customers, vec![0, 1], "{name}");
    }
}

#[test]
fn tab_pipe_and_us_dates() {
    for name in ["subs_tab.csv", "subs_pipe.csv", "subs_us_dates.csv"] {
        let (_, s) = subs(name);
        assert_eq!(s.overall.active_customers, vec![2, 2, 1], "{name}");
        assert_eq!(s.overall.mrr, vec![dec!(30), dec!(30), dec!(10)], "{name}");
    }
    let (r, _) = subs("subs_us_dates.csv");
    assert_eq!(r.layout.date_order[1], Some((DateOrder::MonthFirst, OrderEvidence::MonthFirst)));
}

#[test]
fn ambiguous_dates_default_to_day_first_in_semicolon_files() {
    let (r, s) = subs("subs_ambiguous_dates.csv");
    assert_eq!(r.layout.date_order[1], Some((DateOrder::DayFirst, OrderEvidence::Ambiguous)));
    assert_eq!(s.overall.first_month, ym(2024, 2));
    assert_eq!(s.overall.active_customers, vec![1, 2]);
}

#[test]
fn segments_split_the_tables() {
    let (_, s) = subs("subs_segments.csv");
    let seg: Vec<(&str, Vec<u64>)> =
        s.by_segment.iter().map(|g| (g.segment.as_str(), g.stats.active_customers.clone())).collect();
    assert_eq!(seg, vec![("SMB", vec![2, 1]), ("Enterprise", vec![1, 1])]);
}

#[test]
fn movements_and_cohorts() {
    let (_, s) = subs("subs_movements.csv");
    let o = &s.overall;
    assert_eq!(o.mrr, vec![dec!(30), dec!(15), dec!(15), dec!(40)]);
    assert_eq!((o.movements[1].expansion, o.movements[1].churn), (dec!(5), dec!(20)));
    assert_eq!(o.movements[3].reactivation, dec!(25));
    assert_eq!(o.reactivated_customers, vec![0, 0, 0, 1]);
    assert_eq!(o.cohorts[0].customers, 2);
    assert_eq!(o.cohorts[0].active, vec![2, 1, 1, 2]);
    assert_eq!(o.cohorts[0].mrr, vec![dec!(30), dec!(15), dec!(15), dec!(40)]);
    assert_eq!(o.retention_inputs(1), Some((dec!(30), dec!(5), dec!(0), dec!(20))));
}

#[test]
fn currencies_parentheses_and_cents() {
    let (_, s) = subs("subs_currency.csv");
    assert_eq!(s.overall.mrr, vec![dec!(1225.50)]);
    let (r, s) = subs("subs_cents.csv");
    assert!(r.layout.mapping.amount_in_cents);
    assert_eq!(s.overall.mrr, vec![dec!(29.99)]);
}

fn one_bad(name: &str, line: u64, column: usize, col_name: &str, raw: &str, problem: Problem) {
    let r = ok(name);
    assert_eq!(r.bad_rows.count, 1, "{name}: {:?}", r.bad_rows);
    let e = &r.bad_rows.details[0];
    assert_eq!((e.line, e.column, e.column_name.as_deref(), e.raw.as_str(), &e.problem),
               (line, Some(column), Some(col_name), raw, &problem), "{name}");
}

#[test]
fn bad_values_are_positioned() {
    one_bad("bad_text_in_numbers.csv", 3, 4, "mrr", "douze", Problem::NotANumber);
    one_bad("bad_dates.csv", 3, 2, "start", "le 6 janvier", Problem::NotADate);
    one_bad("subs_multiline_quoted.csv", 4, 4, "mrr", "oops", Problem::NotANumber);
    one_bad("bad_end_before_start.csv", 2, 3, "end", "2024-01-01", Problem::EndsBeforeStart);
    one_bad("support_fr.csv", 6, 3, "Résolu au premier contact", "peut-etre", Problem::NotYesNo);
    let r = ok("bad_text_in_numbers.csv");
    assert_eq!(r.rows, 2);
}

#[test]
fn stop_on_first_bad_row() {
    let o = Options::builder().on_bad_row(cadran_core::ingest::OnBadRow::Stop).build();
    match ingest(&read("bad_dates.csv"), &o) {
        Err(IngestError::BadRow(e)) => assert_eq!(e.line, 3),
        other => panic!("{other:?}"),
    }
}

#[test]
fn ragged_rows() {
    let r = ok("bad_ragged.csv");
    let got: Vec<(u64, Problem)> = r.bad_rows.details.iter().map(|e| (e.line, e.problem.clone())).collect();
    assert_eq!(got, vec![(3, Problem::Ragged { expected: 4, found: 2 }), (4, Problem::Ragged { expected: 4, found: 5 })]);
    let r = ok("subs_ragged_decimal.csv");
    assert_eq!(r.bad_rows.count, 1, "unquoted decimal comma in a comma file");
    let (_, s) = subs("subs_trailing_separator.csv");
    assert_eq!(s.overall.mrr, vec![dec!(30)], "trailing separators tolerated");
}

#[test]
fn file_level_errors() {
    assert_eq!(err("bad_unterminated_quote.csv"), IngestError::UnterminatedQuote { line: 3 });
    assert_eq!(err("bad_empty.csv"), IngestError::Empty);
    assert_eq!(err("bad_header_only.csv"), IngestError::HeaderOnly);
    assert_eq!(err("bad_binary.bin"), IngestError::Binary);
    assert_eq!(err("bad_duplicate_headers.csv"),
               IngestError::DuplicateHeader { name: "start".into(), first: 2, second: 3 });
    assert_eq!(err("bad_unknown.csv"), IngestError::UnknownDataset);
}

#[test]
fn surveys() {
    let (_, s) = survey("survey_nps.csv");
    assert_eq!(s.scale, Scale::ZeroToTen);
    assert_eq!(s.overall.total(), 5);
    assert_eq!((s.overall.counts[10], s.overall.counts[0]), (1, 1));
    assert_eq!(s.undated, 1);
    assert_eq!(s.comments, 2);
    let months: Vec<(YearMonth, u64)> = s.by_month.iter().map(|(m, d)| (*m, d.total())).collect();
    assert_eq!(months, vec![(ym(2024, 1), 2), (ym(2024, 2), 2)]);
    let segs: Vec<(&str, u64)> = s.by_segment.iter().map(|g| (g.segment.as_str(), g.overall.total())).collect();
    assert_eq!(segs, vec![("SMB", 2), ("Enterprise", 2), ("(none)", 1)]);

    let (r, s) = survey("survey_csat_1252.csv");
    assert_eq!(r.layout.encoding, Encoding::Windows1252);
    assert_eq!(s.scale, Scale::OneToFive);
    assert_eq!(s.by_month.len(), 2);
    let (_, s) = survey("survey_ces.csv");
    assert_eq!(s.scale, Scale::OneToSeven);

    let r = ok("survey_bad_scores.csv");
    assert_eq!(r.rows, 2);
    assert_eq!(r.bad_rows.count, 2);
    let got: Vec<(u64, &str, &Problem)> =
        r.bad_rows.details.iter().map(|e| (e.line, e.raw.as_str(), &e.problem)).collect();
    assert_eq!(got, vec![(3, "11", &Problem::NotAScore), (5, "abc", &Problem::NotANumber)]);
}

#[test]
fn support_fcr() {
    let DatasetReport::Support(s) = ok("support_fr.csv").data else { panic!("not support") };
    assert_eq!((s.overall.contacts, s.overall.resolved_first), (4, 3));
    let ch: Vec<(&str, u64, u64)> = s.by_channel.iter().map(|(c, n)| (c.as_str(), n.contacts, n.resolved_first)).collect();
    assert_eq!(ch, vec![("chat", 1, 1), ("email", 2, 2), ("phone", 1, 0)]);
    assert_eq!(s.overall.rate().unwrap(), cadran_core::Percent(dec!(75)));
}

#[test]
fn transactions() {
    let DatasetReport::Transactions(t) = ok("tx_fr_quoted.csv").data else { panic!("not transactions") };
    let o = &t.overall;
    assert_eq!((o.customers, o.orders, o.revenue, o.repeat_customers), (3, 4, dec!(1160.50), 1));
    assert_eq!(o.average_order_value().unwrap(), dec!(290.125));
    assert_eq!(o.clv_histogram.iter().map(|b| b.customers).sum::<u64>(), 3);
    assert_eq!(o.cohorts[0].customers, 2);
    assert_eq!(o.cohorts[0].active, vec![2, 1, 0]);
    let r = ok("tx_crlf_blank_lines.csv");
    let DatasetReport::Transactions(t) = r.data else { panic!() };
    assert_eq!((t.overall.orders, t.overall.revenue, r.bad_rows.count), (3, dec!(240), 0));
}

#[test]
fn experiments() {
    let r = ok("experiment_visitors_fr.csv");
    let DatasetReport::Experiment(e) = r.data else { panic!("not an experiment: {:?}", r.data) };
    let c: Vec<_> = e.variants.iter().map(|v| (v.name.as_str(), v.visitors, v.conversions)).collect();
    assert_eq!((c, e.control, r.layout.delimiter), (vec![("B", 3, 2), ("Contrôle", 3, 1)], 1, b';'), "French, one row per visitor");
    let rb = e.variants[0].revenue.unwrap();
    assert_eq!((rb.total, rb.mean, rb.std_dev.map(|s| s.round_dp(6))), (dec!(149.70), dec!(49.90), Some(dec!(49.900000))), "49.90, 0, 99.80");
    let r = ok("experiment_groups.csv");
    let DatasetReport::Experiment(e) = r.data else { panic!("not an experiment: {:?}", r.data) };
    let (a, b) = e.a_and_b().unwrap();
    assert_eq!((a.visitors, a.conversions, b.visitors, b.conversions), (1200, 144, 1200, 192), "one row per group");
    assert_eq!((b.revenue.unwrap().total, b.revenue.unwrap().std_dev), (dec!(4800.50), None));
    let r = ok("experiment_bad_flag.csv");
    let e = &r.bad_rows.details[0];
    assert_eq!((r.bad_rows.count, e.line, e.column, e.problem.clone()), (1, 3, Some(2), Problem::NotYesNo), "maybe is not yes/no");
}

/// Issue 16: record splitting as csv-core does it, the right lines, no row
/// lost, BOMs and stray Windows-1252 bytes.
#[test]
fn quotes_line_ends_boms_and_stray_bytes() {
    let r = ok("subs_quote_inside_value_no_final_newline.csv");
    assert_eq!((r.rows, r.bad_rows.count), (2, 0), "a quote inside an unquoted value is data, even on a last line without newline");
    assert_eq!(err("bad_quote_opened_mid_file.csv"), IngestError::UnterminatedQuote { line: 3 }, "a quote opened and never closed: refused, not rows c3 and c4 lost");
    one_bad("subs_cr_only.csv", 4, 4, "mrr", "douze", Problem::NotANumber);
    let r = ok("subs_mixed_line_ends.csv");
    let lines: Vec<(u64, Option<usize>)> = r.bad_rows.details.iter().map(|e| (e.line, e.column)).collect();
    assert_eq!(lines, vec![(4, Some(4)), (7, Some(4))], "\\r\\n, \\n and \\r each end one line, inside quotes too");
    assert_eq!(r.rows, 3);
    let r = ok("subs_bom_mid_file.csv");
    assert_eq!((r.rows, r.bad_rows.count), (3, 1), "the second export's header is a bad row");
    let e = &r.bad_rows.details[0];
    assert_eq!((e.line, e.column, e.raw.as_str()), (4, Some(2), "start"), "the second export's header, BOM and all, is a row");
    let (r, s) = subs("subs_utf8_stray_1252.csv");
    assert_eq!((r.layout.encoding, r.not_utf8), (Encoding::Utf8, 1), "one stray byte does not flip the file");
    assert_eq!(r.layout.headers[1], "Date de début");
    assert_eq!(s.overall.customers, 2);
    use cadran_core::ingest::mapping::{DatasetKind, Mapping, Role};
    let m = Mapping { kind: DatasetKind::Survey, columns: vec![Some(Role::Score), None], amount_in_cents: false };
    let o = Options::builder().has_header(false).mapping(m).build();
    let p = cadran_core::ingest::preview(&read("survey_bom_no_header.csv"), &o, 5).unwrap();
    assert_eq!(p.rows[0].cells[0].raw, "7", "the file's BOM is not part of its first cell");
}

#[test]
fn corpus_has_thirty_files() {
    let n = std::fs::read_dir(format!("{}/tests/fixtures", env!("CARGO_MANIFEST_DIR"))).unwrap().count();
    assert!(n >= 30, "{n} fixtures");
}

#[test]
fn chunked_equals_whole() {
    for name in ["subs_quote_inside_value_no_final_newline.csv", "subs_cr_only.csv", "subs_mixed_line_ends.csv", "subs_bom_mid_file.csv", "subs_utf8_stray_1252.csv",
                 "subs_stripe.csv", "subs_fr_1252.csv", "subs_multiline_quoted.csv", "survey_nps.csv", "bad_ragged.csv", "experiment_visitors_fr.csv", "experiment_groups.csv"] {
        let bytes = read(name);
        let whole = ingest(&bytes, &Options::default()).unwrap();
        for size in [1, 2, 3, 7, 64] {
            let mut i = cadran_core::ingest::Ingestor::new(Options::default());
            for c in bytes.chunks(size) {
                i.push(c).unwrap();
            }
            assert_eq!(i.bytes_consumed(), bytes.len() as u64);
            assert_eq!(i.finish().unwrap(), whole, "{name} in chunks of {size}");
        }
    }
    let _ = Decimal::ZERO;
}
