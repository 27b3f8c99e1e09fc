//! Native ingest throughput on a generated subscriptions export (issue 7).
//!
//! `cargo run --release -p cadran-core --example ingest_bench -- [rows] [fr]`
//! generates `rows` (default 1 000 000) subscriptions in memory, in the
//! English flavour (UTF-8, `,`, ISO dates, decimal point) or with `fr` the
//! French Excel one (`;`, dd/mm/yyyy, decimal comma, CRLF), then times the
//! whole import (file → cohort table + MRR and churn by month) in 4 MB chunks.

use cadran_core::ingest::{DatasetReport, Ingestor, Options};
use std::time::Instant;

fn generate(rows: usize, fr: bool) -> Vec<u8> {
    let mut s = String::with_capacity(rows * 50);
    let (d, nl) = if fr { (';', "\r\n") } else { (',', "\n") };
    s += &format!("customer_id{d}start{d}canceled_at{d}mrr{d}plan{nl}");
    let mut x: u64 = 42;
    let mut next = || {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        x
    };
    for _ in 0..rows {
        let c = next() % (rows as u64 / 3 + 1);
        let (y, m, day) = (2020 + next() % 4, 1 + next() % 12, 1 + next() % 28);
        let cents = 500 + next() % 50_000;
        let end = if next() % 3 == 0 {
            let (ey, em) = (y + 1 + next() % 2, 1 + next() % 12);
            if fr { format!("{:02}/{em:02}/{ey}", day) } else { format!("{ey}-{em:02}-{day:02}") }
        } else {
            String::new()
        };
        let start = if fr { format!("{day:02}/{m:02}/{y}") } else { format!("{y}-{m:02}-{day:02}") };
        let amount = if fr { format!("{},{:02}", cents / 100, cents % 100) } else { format!("{}.{:02}", cents / 100, cents % 100) };
        s += &format!("cus_{c:08}{d}{start}{d}{end}{d}{amount}{d}plan_{}{nl}", next() % 5);
    }
    s.into_bytes()
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let rows = args.get(1).and_then(|a| a.parse().ok()).unwrap_or(1_000_000);
    let fr = args.iter().any(|a| a == "fr");
    let data = generate(rows, fr);
    let mut times = Vec::new();
    for _ in 0..5 {
        let t = Instant::now();
        let mut i = Ingestor::new(Options::default());
        for c in data.chunks(4 << 20) {
            i.push(c).expect("push");
        }
        let parsed = t.elapsed().as_secs_f64();
        let r = i.finish().expect("finish");
        if times.is_empty() {
            println!("  parse {:.0} ms, aggregate {:.0} ms", parsed * 1e3, (t.elapsed().as_secs_f64() - parsed) * 1e3);
        }
        let el = t.elapsed().as_secs_f64();
        times.push(el);
        if let DatasetReport::Subscriptions(s) = &r.data {
            assert_eq!(r.bad_rows.count, 0, "{:?}", r.bad_rows.details.first());
            assert!(s.overall.cohorts.len() > 40);
        }
    }
    times.sort_by(f64::total_cmp);
    let med = times[times.len() / 2];
    let mb = data.len() as f64 / 1e6;
    println!("{} rows, {mb:.1} MB ({}): median {:.1} ms, {:.0} MB/s, {:.2} M rows/s",
             rows, if fr { "fr" } else { "en" }, med * 1e3, mb / med, rows as f64 / med / 1e6);
}
