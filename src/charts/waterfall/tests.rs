//! Tests of the waterfall chart's geometry and labels.

use super::*;
use cadran_core::metrics::mrr::{waterfall, MrrMovements};
use rust_decimal_macros::dec;

fn example() -> Vec<WaterfallStep> {
    waterfall(&MrrMovements {
        start_mrr: dec!(100000),
        new_mrr: dec!(8000),
        expansion_mrr: dec!(5000),
        reactivation_mrr: dec!(1000),
        contraction_mrr: dec!(2000),
        churned_mrr: dec!(4000),
    })
    .unwrap()
}

#[test]
fn bars_float_between_running_totals() {
    let b = bars(&example());
    assert_eq!(b[0], Bar { kind: BarKind::Total, lo: 0.0, hi: 100000.0 });
    assert_eq!(b[1], Bar { kind: BarKind::Up, lo: 100000.0, hi: 108000.0 });
    assert_eq!(b[5], Bar { kind: BarKind::Down, lo: 108000.0, hi: 112000.0 });
    assert_eq!(b[6], Bar { kind: BarKind::Total, lo: 0.0, hi: 108000.0 });
}

#[test]
fn axis_is_cut_only_when_movements_would_be_slivers() {
    let a = axis(&bars(&example()));
    assert!(a.cut && a.lo > 0.0 && a.lo < 100000.0 && a.hi >= 114000.0, "{a:?}");
    assert!(a.ticks.len() >= 3 && a.ticks.first() == Some(&a.lo));
    // Half the MRR churned: the bars reach the bottom half, so the axis starts at zero.
    let big = waterfall(&MrrMovements { start_mrr: dec!(1000), churned_mrr: dec!(600), ..MrrMovements::default() }).unwrap();
    let a = axis(&bars(&big));
    assert!(!a.cut && a.lo == 0.0, "{a:?}");
    // Nothing at all: still a usable axis, no division by zero.
    let zero = waterfall(&MrrMovements::default()).unwrap();
    let a = axis(&bars(&zero));
    assert!(a.hi > a.lo && !a.cut, "{a:?}");
}

#[test]
fn labels_carry_signs() {
    let w = example();
    assert_eq!(signed(&w[1], Locale::En), "+8,000");
    assert_eq!(signed(&w[5], Locale::En), "−4,000");
    assert_eq!(signed(&w[6], Locale::En), "108,000");
}
