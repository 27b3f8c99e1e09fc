//! Native leg of the ingest benchmark (issue 7, `bench/run.sh`).
//!
//! `cargo run --release -p cadran-core --example ingest_file -- [--runs N] [--json] FILE...`
//!
//! For each file: reads it into memory once, then N times (default 5) imports
//! it through the streaming [`Ingestor`] in 64 KiB chunks (what
//! `File.stream()` hands the browser) up to the full report: for
//! subscriptions the monthly cohort retention table, MRR and churned customers
//! by month. Prints the median time, MB/s and rows/s; with `--json`, one JSON
//! line per file with the table too, which `bench/ingest.mjs` compares with the
//! browser's.

use cadran_core::ingest::{DatasetReport, Ingestor, Options, Report};
use std::fmt::Write as _;
use std::time::Instant;

const CHUNK: usize = 64 << 10;

/// The report and the time spent in `push` (parsing) and `finish` (aggregation).
fn import(data: &[u8]) -> (Report, f64, f64) {
    let t = Instant::now();
    let mut i = Ingestor::new(Options::default());
    for c in data.chunks(CHUNK) {
        if let Err(e) = i.push(c) {
            panic!("import failed: {e:?}");
        }
    }
    let parsed = t.elapsed().as_secs_f64();
    match i.finish() {
        Ok(r) => (r, parsed, t.elapsed().as_secs_f64() - parsed),
        Err(e) => panic!("import failed: {e:?}"),
    }
}

/// The figures both benchmark paths produce, as JSON.
fn summary(r: &Report) -> String {
    let mut s = String::new();
    match &r.data {
        DatasetReport::Subscriptions(sub) => {
            let o = &sub.overall;
            let list = |v: &mut String, xs: &mut dyn Iterator<Item = String>| {
                v.push('[');
                for (i, x) in xs.enumerate() {
                    if i > 0 {
                        v.push(',');
                    }
                    v.push_str(&x);
                }
                v.push(']');
            };
            let _ = write!(s, "{{\"kind\":\"subscriptions\",\"first_month\":{},\"customers\":{},\"mrr\":", o.first_month.0, o.customers);
            list(&mut s, &mut o.mrr.iter().map(|m| format!("\"{m}\"")));
            s.push_str(",\"active\":");
            list(&mut s, &mut o.active_customers.iter().map(u64::to_string));
            s.push_str(",\"churned\":");
            list(&mut s, &mut o.churned_customers.iter().map(u64::to_string));
            s.push_str(",\"cohorts\":[");
            for (i, c) in o.cohorts.iter().enumerate() {
                if i > 0 {
                    s.push(',');
                }
                let _ = write!(s, "{{\"customers\":{},\"active\":", c.customers);
                list(&mut s, &mut c.active.iter().map(u64::to_string));
                s.push_str(",\"mrr\":");
                list(&mut s, &mut c.mrr.iter().map(|m| format!("\"{m}\"")));
                s.push('}');
            }
            s.push_str("]}");
        }
        DatasetReport::Survey(_) => s.push_str("{\"kind\":\"survey\"}"),
        DatasetReport::Experiment(e) => {
            let _ = write!(s, "{{\"kind\":\"experiment\",\"variants\":{}}}", e.variants.len());
        }
        DatasetReport::Transactions(_) => s.push_str("{\"kind\":\"transactions\"}"),
        DatasetReport::Support(_) => s.push_str("{\"kind\":\"support\"}"),
    }
    s
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let json = args.iter().any(|a| a == "--json");
    let runs = args.iter().position(|a| a == "--runs").and_then(|i| args.get(i + 1)).and_then(|n| n.parse().ok()).unwrap_or(5usize);
    let files: Vec<&String> = args.iter().enumerate().filter(|(i, a)| !a.starts_with("--") && args.get(i.wrapping_sub(1)).is_none_or(|p| p != "--runs")).map(|(_, a)| a).collect();
    for path in files {
        let data = std::fs::read(path).unwrap_or_else(|e| panic!("{path}: {e}"));
        let mut times = Vec::new();
        let mut last = None;
        let mut split = Vec::new();
        for _ in 0..runs.max(1) {
            let t = Instant::now();
            let (r, p, a) = import(&data);
            times.push(t.elapsed().as_secs_f64());
            split.push((p, a));
            last = Some(r);
        }
        split.sort_by(|a, b| (a.0 + a.1).total_cmp(&(b.0 + b.1)));
        let (parse, agg) = split[split.len() / 2];
        let Some(r) = last else { continue };
        times.sort_by(f64::total_cmp);
        let med = times[times.len() / 2];
        let mb = data.len() as f64 / 1e6;
        if json {
            let ms: Vec<String> = times.iter().map(|t| format!("{:.2}", t * 1e3)).collect();
            println!("{{\"file\":\"{path}\",\"bytes\":{},\"rows\":{},\"bad_rows\":{},\"runs_ms\":[{}],\"median_ms\":{:.2},\"summary\":{}}}",
                data.len(), r.rows, r.bad_rows.count, ms.join(","), med * 1e3, summary(&r));
        } else {
            println!("{path}: {} rows ({} bad), {mb:.1} MB: median {:.1} ms (parse {:.0} + aggregate {:.0}), {:.0} MB/s, {:.2} M rows/s",
                r.rows, r.bad_rows.count, med * 1e3, parse * 1e3, agg * 1e3, mb / med, r.rows as f64 / med / 1e6);
        }
    }
}
