//! Native benchmark of the scenario engine (issue 4): what one interaction on
//! the scenario page asks of the core.
//!
//! `cargo run --release -p cadran-core --example scenario_bench -- [months] [runs]`
//!
//! Times, for a baseline and four variants over `months` (default 60):
//! one projection of one scenario, and the page's full recomputation
//! (`run`: five projections, summaries and deltas). Prints median and p95.

use cadran_core::scenario::model::{Baseline, Overrides, Scenario, Variant};
use cadran_core::scenario::projection::project;
use cadran_core::scenario::summary::run;
use cadran_core::{Decimal, Percent};
use std::hint::black_box;
use std::time::{Duration, Instant};

fn stats(mut samples: Vec<Duration>) -> (Duration, Duration) {
    samples.sort();
    let pick = |q: f64| samples[((samples.len() - 1) as f64 * q).round() as usize];
    (pick(0.5), pick(0.95))
}

fn time(runs: usize, mut f: impl FnMut()) -> (Duration, Duration) {
    for _ in 0..runs / 10 + 1 {
        f(); // warm-up
    }
    stats((0..runs).map(|_| { let t = Instant::now(); f(); t.elapsed() }).collect())
}

fn main() {
    let mut args = std::env::args().skip(1);
    let months: i64 = args.next().and_then(|a| a.parse().ok()).unwrap_or(60);
    let runs: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(1000);
    let baseline = Baseline { horizon_months: Decimal::from(months), ..Baseline::default() };
    let variants = (0..4)
        .map(|k| Variant {
            name: format!("Variant {}", k + 1),
            overrides: Overrides {
                monthly_churn: Some(Percent(Decimal::new(15 - k, 1))),
                cs_cost_per_month: Some(Decimal::from(12_000 + 500 * k)),
                ..Overrides::default()
            },
        })
        .collect();
    let s = Scenario { baseline: baseline.clone(), variants };
    let (p50, p95) = time(runs, || { black_box(project(black_box(&baseline)).ok()); });
    println!("one projection, {months} months: median {p50:?}, p95 {p95:?} ({runs} runs)");
    let (p50, p95) = time(runs, || { black_box(run(black_box(&s))); });
    println!("5 scenarios × {months} months (run: projections, summaries, deltas): median {p50:?}, p95 {p95:?} ({runs} runs)");
}
