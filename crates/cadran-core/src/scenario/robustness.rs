//! Whole-engine properties (compiled in tests only): any scenario, however
//! absurd, gives values or typed reasons through every entry point, never a
//! panic.

use super::goal_seek::goal_seek;
use super::input::Input;
use super::model::{Baseline, Overrides, Scenario, Subject, Variant};
use super::output::Output;
use super::retention_whatif::{retention_whatif, RetentionBasis};
use super::sensitivity::{tornado, DEFAULT_CHANGE};
use super::share::{decode_share_unvalidated, encode_share};
use super::summary::run;
use crate::metrics::test_support::any_decimal;
use crate::Percent;
use proptest::prelude::*;
use rust_decimal::Decimal;

fn any_baseline() -> impl Strategy<Value = Baseline> {
    proptest::collection::vec(any_decimal(), 10).prop_map(|v| {
        let mut b = Baseline::default();
        for (input, value) in Input::ALL.iter().zip(v) {
            input.set(&mut b, value);
        }
        b
    })
}

/// Mostly-valid values with one wild field, so that the deep code paths run.
fn nearly_valid_baseline() -> impl Strategy<Value = Baseline> {
    (super::test_support::valid_baseline(), 0usize..10, any_decimal()).prop_map(|(b, i, v)| {
        Input::ALL.get(i).map_or(b.clone(), |input| input.with(&b, v))
    })
}

fn any_variant() -> impl Strategy<Value = Variant> {
    proptest::collection::vec(proptest::option::of(any_decimal()), 10).prop_map(|v| {
        let mut overrides = Overrides::default();
        for (input, value) in Input::ALL.iter().zip(v) {
            input.set_override(&mut overrides, value);
        }
        Variant { name: "v".into(), overrides }
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn every_entry_point_survives(b in prop_oneof![any_baseline(), nearly_valid_baseline()],
                                  variants in proptest::collection::vec(any_variant(), 0..=5),
                                  target in any_decimal(), pts in any_decimal(), which in 0usize..10) {
        let s = Scenario { baseline: b.clone(), variants };
        let _ = run(&s);
        let _ = tornado(&s, Subject::Baseline, Output::PROFIT_36, DEFAULT_CHANGE);
        let _ = tornado(&s, Subject::Variant(0), Output::RoiVsBaseline, Percent(pts));
        let input = Input::ALL[which];
        let _ = goal_seek(&s, Subject::Baseline, input, Output::TotalProfit, target);
        let _ = goal_seek(&s, Subject::Variant(0), Input::CsCostPerMonth, Output::RoiVsBaseline, target);
        let _ = retention_whatif(&b, Percent(pts), RetentionBasis::Annual);
        let _ = retention_whatif(&b, Percent(pts), RetentionBasis::Monthly);
        prop_assert_eq!(decode_share_unvalidated(&encode_share(&s)), Ok(s));
    }
}

/// Timings for the lead; run with
/// `cargo test -p cadran-core --release scenario::robustness::timings -- --ignored --nocapture`.
#[test]
#[ignore = "timing, not a test"]
fn timings() {
    use std::time::Instant;
    let base = Baseline { horizon_months: Decimal::from(120), ..Baseline::default() };
    let v = |c: i64| Variant {
        name: format!("v{c}"),
        overrides: Overrides { monthly_churn: Some(Percent(Decimal::new(c, 1))), cs_cost_per_month: Some(Decimal::from(12000)),
                               ..Overrides::default() },
    };
    let s = Scenario { baseline: base, variants: (15..19).map(v).collect() };
    let time = |label: &str, runs: u32, f: &dyn Fn()| {
        let t = Instant::now();
        for _ in 0..runs {
            f();
        }
        println!("{label}: {:?}", t.elapsed() / runs);
    };
    time("run (5 scenarios × 120 months, summaries, deltas)", 100, &|| { std::hint::black_box(run(&s)); });
    time("tornado of 3-year profit", 20, &|| { std::hint::black_box(tornado(&s, Subject::Baseline, Output::PROFIT_36, DEFAULT_CHANGE).ok()); });
    time("goal seek ARPA for 3-year profit (bisection)", 20, &|| {
        std::hint::black_box(goal_seek(&s, Subject::Baseline, Input::Arpa, Output::PROFIT_36, Decimal::from(5_000_000)).ok());
    });
    time("share link encode + decode", 100, &|| { std::hint::black_box(decode_share_unvalidated(&encode_share(&s)).ok()); });
}
