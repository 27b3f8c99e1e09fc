//! Native benchmark of the ticket file reader (issue 22): a synthetic
//! Zendesk-style export read into tickets.
//!
//! `cargo run --release -p cadran-core --example ticket_read_bench -- [tickets]`
//!
//! Rows from a fixed linear congruential generator (same file every run):
//! a quoted subject, local timestamps in Paris, first reply in minutes.
//! Prints the file size and the median of five reads after a warm-up.

use cadran_core::metrics::support_times::*;
use std::time::Instant as Clock;

fn main() {
    let n: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(1_000_000);
    let mut seed = 0x2545_f491_4f6c_dd1du64;
    let mut next = move |m: u64| {
        seed = seed
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (seed >> 33) % m
    };
    let channels = ["Email", "Chat", "Phone", "Web"];
    let mut csv = String::from(
        "Id,Subject,Created at,Solved at,Via,Assignee,First reply time in minutes,Reopens\n",
    );
    for i in 0..n {
        let (m, d, h) = (1 + next(12), 1 + next(28), 8 + next(10));
        let solved = if next(10) > 0 {
            format!("2026-{m:02}-{d:02} {:02}:{:02}", h + 1 + next(5), next(60))
        } else {
            String::new()
        };
        csv.push_str(&format!(
            "{i},\"Subject, {i}\",2026-{m:02}-{d:02} {h:02}:{:02},{solved},{},agent{},{},{}\n",
            next(60),
            channels[next(4) as usize],
            next(20),
            next(600),
            next(3),
        ));
    }
    let o = ReadOptions {
        zone: Zone::named("Europe/Paris").unwrap_or_default(),
        ..ReadOptions::default()
    };
    let _ = read_tickets(csv.as_bytes(), &o);
    let mut times = Vec::new();
    let mut read = 0;
    for _ in 0..5 {
        let t = Clock::now();
        let f = read_tickets(csv.as_bytes(), &o).expect("a readable file");
        times.push(t.elapsed());
        read = f.tickets.len();
    }
    times.sort();
    println!(
        "{} MB, {read} tickets read: median {:?}",
        csv.len() / 1_000_000,
        times[2]
    );
}
