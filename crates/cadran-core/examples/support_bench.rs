//! Native benchmark of the support-times core (issue 22): one million
//! tickets summarised the way the support page would.
//!
//! `cargo run --release -p cadran-core --example support_bench -- [tickets]`
//!
//! Synthetic tickets (a fixed linear congruential generator, so every run
//! sees the same data) over two years in Paris, four channels, 20 agents,
//! Mon–Fri 9:00–18:00 with French holidays. Times each step (the median of
//! five runs after a warm-up): calendar and business-hour summaries, SLA attainment
//! in business hours, the weekly backlog.

use cadran_core::metrics::support_times::*;
use std::time::Instant as Clock0;

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
    let start = cadran_core::metrics::support_times::Instant::utc(2025, 1, 1, 0, 0, 0)
        .unwrap()
        .0;
    let channels = ["email", "chat", "phone", "web"];
    let tickets: Vec<Ticket> = (0..n)
        .map(|i| {
            let created = start + next(2 * 365 * 86_400) as i64;
            // Skewed waits: mostly minutes, sometimes days.
            let reply = (next(60) * next(60) * next(30) + 60) as i64;
            let solve = reply + (next(100) * next(100) * next(60)) as i64;
            Ticket {
                id: i.to_string(),
                created: cadran_core::metrics::support_times::Instant(created),
                first_reply: (next(50) > 0).then_some(
                    cadran_core::metrics::support_times::Instant(created + reply),
                ),
                solved: (next(20) > 0).then_some(cadran_core::metrics::support_times::Instant(
                    created + solve,
                )),
                channel: channels[next(4) as usize].to_string(),
                agent: format!("agent {}", next(20)),
                reopens: u32::from(next(25) == 0),
                segment: String::new(),
            }
        })
        .collect();
    let paris = Zone::named("Europe/Paris").unwrap();
    let cal = BusinessCalendar::new(
        OpeningHours::weekdays(540, 1080).unwrap(),
        paris,
        holiday_dates(Country::France, 2024..=2027),
    );
    let targets = [SlaTarget {
        channel: None,
        measure: Measure::FirstResponse,
        within_seconds: 4 * 3600,
        clock: Clock::Business,
    }];
    // The median of five runs after a warm-up (the machine is shared).
    let time = |what: &str, f: &dyn Fn() -> String| {
        let out = f();
        let mut ms: Vec<f64> = (0..5)
            .map(|_| {
                let t = Clock0::now();
                std::hint::black_box(f());
                t.elapsed().as_secs_f64() * 1000.0
            })
            .collect();
        ms.sort_by(f64::total_cmp);
        println!("{what:<42} {:>8.1} ms   {out}", ms[2]);
    };
    println!("{n} tickets");
    time("first reply, calendar, by channel", &|| {
        let g = summarise_by(&tickets, GroupBy::Channel, |t| {
            t.duration(Measure::FirstResponse)
        })
        .unwrap();
        format!("median {} s", g.overall.unwrap().median)
    });
    time("first reply, business hours, by channel", &|| {
        let g = summarise_by(&tickets, GroupBy::Channel, |t| {
            cal.duration(t, Measure::FirstResponse)
        })
        .unwrap();
        format!("median {} s", g.overall.unwrap().median)
    });
    time("resolution, business hours, by month", &|| {
        let g = summarise_by(&tickets, GroupBy::Month(paris), |t| {
            cal.duration(t, Measure::Resolution)
        })
        .unwrap();
        format!(
            "p90 {} s, {} months",
            g.overall.unwrap().p90,
            g.groups.len()
        )
    });
    time("SLA 4 business hours", &|| {
        let r = sla_report(&tickets, Measure::FirstResponse, &targets, &cal, None).unwrap();
        format!(
            "{} %, {} breaches",
            r.overall.attainment().unwrap().0.round_dp(2),
            r.breaches.len()
        )
    });
    time("weekly backlog", &|| {
        format!("{} weeks", weekly_backlog(&tickets, paris).weeks.len())
    });
}
