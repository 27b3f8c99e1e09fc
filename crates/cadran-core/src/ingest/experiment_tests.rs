use super::*;
use crate::ingest::{ingest, DatasetReport, IngestError, Ingestor, OnBadRow, Options, Problem, Report};
use proptest::prelude::*;
use rust_decimal_macros::dec;

fn experiment(csv: &str) -> (Report, ExperimentReport) {
    let r = ingest(csv.as_bytes(), &Options::default()).unwrap_or_else(|e| panic!("{csv:?}: {e:?}"));
    match r.data.clone() {
        DatasetReport::Experiment(e) => (r, e),
        other => panic!("{csv:?}: not an experiment: {other:?}"),
    }
}

fn counts(e: &ExperimentReport) -> Vec<(&str, u64, u64)> {
    e.variants.iter().map(|v| (v.name.as_str(), v.visitors, v.conversions)).collect()
}

#[test]
fn one_row_per_visitor() {
    type Case = (&'static str, Vec<(&'static str, u64, u64)>, usize);
    let table: [Case; 5] = [
        ("variant,converted\nA,1\nB,0\nA,0\nB,1\nB,1\n", vec![("A", 2, 1), ("B", 3, 2)], 0),
        ("Version;A converti\ntest;oui\ncontrôle;non\ntest;non\n", vec![("test", 2, 1), ("contrôle", 1, 0)], 1),
        ("group,converted\nnew,true\nControl,FALSE\nnew,false\n", vec![("new", 2, 1), ("Control", 1, 0)], 1),
        ("user id,variant,conversion\n1,B,yes\n2,A,no\n", vec![("B", 1, 1), ("A", 1, 0)], 1),
        ("bucket,converted\nred,y\nblue,n\n", vec![("red", 1, 1), ("blue", 1, 0)], 0),
    ];
    for (csv, want, control) in table {
        let (r, e) = experiment(csv);
        assert_eq!((counts(&e), e.control, e.rows), (want, control, Some(ExperimentRows::PerVisitor)), "{csv:?}");
        assert_eq!(r.bad_rows.count, 0, "{csv:?}");
        assert!(e.variants.iter().all(|v| v.revenue.is_none()), "{csv:?}: no revenue column");
    }
}

#[test]
fn revenue_per_visitor_is_exact() {
    // Student's sleep data (as in revenue_summary's example), group 1 as A.
    let a = ["0.7", "-1.6", "-0.2", "-1.2", "-0.1", "3.4", "3.7", "0.8", "0.0", "2.0"];
    let mut csv = "variant,converted,revenue\n".to_string();
    for x in a {
        csv += &format!("A,{},{x}\n", u8::from(x != "0.0"));
    }
    csv += "B,no,\nB,yes,10\n";
    let (_, e) = experiment(&csv);
    let ra = e.variants[0].revenue.unwrap();
    assert_eq!((ra.n, ra.total, ra.mean), (10, dec!(7.5), dec!(0.75)), "sleep group 1");
    assert_eq!(ra.std_dev.unwrap().round_dp(6), dec!(1.789010), "sleep group 1 sd");
    let rb = e.variants[1].revenue.unwrap();
    assert_eq!((rb.n, rb.mean, rb.std_dev.map(|s| s.round_dp(10))), (2, dec!(5), Some(dec!(7.0710678119))), "empty revenue is zero: 0 and 10");
}

#[test]
fn one_row_per_group() {
    let (_, e) = experiment("Groupe;Visiteurs;Conversions;Chiffre d'affaires\nB;1200;192;4 800,50\nA;1200;144;3 600\nB;100;8;200\n");
    assert_eq!((counts(&e), e.control, e.rows), (vec![("B", 1300, 200), ("A", 1200, 144)], 1, Some(ExperimentRows::PerGroup)));
    let rb = e.variants[0].revenue.unwrap();
    assert_eq!((rb.n, rb.total, rb.mean, rb.std_dev), (1300, dec!(5000.50), dec!(5000.50) / dec!(1300), None));
    let (a, b) = e.a_and_b().unwrap();
    assert_eq!((a.name.as_str(), b.name.as_str()), ("A", "B"));
    let (_, e) = experiment("variant,visitors,conversions\nA,0,0\nB,10,1\n");
    assert_eq!(counts(&e), vec![("A", 0, 0), ("B", 10, 1)], "a group with no visitors is kept");
}

#[test]
fn errors_name_line_and_column() {
    let stop = Options::builder().on_bad_row(OnBadRow::Stop).build();
    let table = [
        ("variant,converted\nA,1\nB,maybe\n", 3, 2, Problem::NotYesNo),
        ("variant,converted\nA,1\n,1\n", 3, 1, Problem::Missing),
        ("variant,converted,revenue\nA,1,abc\n", 2, 3, Problem::NotANumber),
        ("variant,visitors,conversions\nA,10,11\n", 2, 3, Problem::ConversionsExceedVisitors),
        ("variant,visitors,conversions\nA,10.5,1\n", 2, 2, Problem::NotACount),
        ("variant,visitors,conversions\nA,10,-1\n", 2, 3, Problem::NotACount),
        ("variant,visitors,conversions\nA,10,\n", 2, 3, Problem::Missing),
    ];
    for (csv, line, column, problem) in table {
        match ingest(csv.as_bytes(), &stop) {
            Err(IngestError::BadRow(e)) => assert_eq!((e.line, e.column, e.problem), (line, Some(column), problem), "{csv:?}"),
            other => panic!("{csv:?}: {other:?}"),
        }
    }
    // Skipped rows are not counted.
    let (r, e) = experiment("variant,converted\nA,1\nB,maybe\nB,0\n");
    assert_eq!((counts(&e), r.bad_rows.count, r.rows), (vec![("A", 1, 1), ("B", 1, 0)], 1, 2));
    assert_eq!(ingest(b"variant,visitors\nA,1\n", &Options::default()), Err(IngestError::UnknownDataset));
    let kind = Options::builder().kind(crate::ingest::mapping::DatasetKind::Experiment).build();
    assert_eq!(ingest(b"variant,visitors,score\nA,1,3\n", &kind), Err(IngestError::MissingColumn { role: "converted".into() }));
}

proptest! {
    /// Streamed in chunks, a file gives the same report as read whole; the
    /// counts are the rows'.
    #[test]
    fn chunked_equals_whole(rows in prop::collection::vec((0usize..3, any::<bool>(), 0i64..100_000), 1..60), size in 1usize..40) {
        let names = ["control", "B", "C"];
        let mut csv = "variant;converted;revenue\r\n".to_string();
        for (v, c, cents) in &rows {
            csv += &format!("{};{};{}\r\n", names[*v], if *c { "oui" } else { "non" }, Decimal::new(*cents, 2).to_string().replace('.', ","));
        }
        let whole = ingest(csv.as_bytes(), &Options::default()).unwrap();
        let mut i = Ingestor::new(Options::default());
        for c in csv.as_bytes().chunks(size) {
            i.push(c).unwrap();
        }
        prop_assert_eq!(i.finish().unwrap(), whole.clone());
        let DatasetReport::Experiment(e) = whole.data else { panic!() };
        for v in &e.variants {
            let k = names.iter().position(|n| *n == v.name).unwrap();
            let mine: Vec<_> = rows.iter().filter(|r| r.0 == k).collect();
            prop_assert_eq!((v.visitors, v.conversions), (mine.len() as u64, mine.iter().filter(|r| r.1).count() as u64));
            let values: Vec<Decimal> = mine.iter().map(|r| Decimal::new(r.2, 2)).collect();
            let g = crate::metrics::ab_test::revenue_summary(&values).unwrap();
            let r = v.revenue.unwrap();
            prop_assert_eq!(r.mean, g.mean);
            prop_assert_eq!(r.std_dev.unwrap().round_dp(12), g.std_dev.round_dp(12));
        }
        let want = if rows.iter().any(|r| r.0 == 0) { "control" } else { names[rows[0].0] };
        prop_assert_eq!(e.variants.get(e.control).map(|v| v.name.as_str()), Some(want), "control, else the first");
    }
}
