//! Tests of the scenario summary on worked projections.

use super::*;
use crate::scenario::model::{Overrides, Scenario, Variant};
use proptest::prelude::*;
use rust_decimal_macros::dec;

fn base() -> Baseline {
    Baseline { horizon_months: dec!(12), ..Baseline::default() }
}

#[test]
fn roi_worked_example() {
    // Baseline: no new customers, no expansion, 100 customers at 100/month,
    // 10 % churn, 50 % margin, no CS cost, over 2 months.
    let b = Baseline {
        customers_start: dec!(100), new_customers_per_month: dec!(0), monthly_churn: Percent(dec!(10)),
        arpa: dec!(100), monthly_expansion: Percent(dec!(0)), gross_margin: Percent(dec!(50)),
        cac: dec!(0), cs_cost_per_month: dec!(0), monthly_discount_rate: Percent(dec!(0)),
        horizon_months: dec!(2),
    };
    // Variant: 100/month of CS halves churn to 5 %.
    let v = Baseline { cs_cost_per_month: dec!(100), monthly_churn: Percent(dec!(5)), ..b.clone() };
    // Baseline MRR: 9 000, 8 100 → GP 4 500 + 4 050 = 8 550.
    // Variant MRR: 9 500, 9 025 → GP 4 750 + 4 512.5 = 9 262.5.
    // ΔGP = 712.5, ΔC = 200, ROI = 512.5 / 200 = 256.25 %.
    let c = compare(&project(&b).unwrap(), &project(&v).unwrap());
    assert_eq!(c.extra_gross_profit, Ok(dec!(712.5)));
    assert_eq!(c.extra_cost, Ok(dec!(200)));
    assert_eq!(c.roi, Ok(Percent(dec!(256.25))));
    // Month 1: Δnet = 250 − 100 = 150 ≥ 0 → pays back in month 1.
    assert_eq!(c.payback_month, Ok(1));
}

#[test]
fn no_extra_cost_and_never_pays_back() {
    let b = base();
    let same = compare(&project(&b).unwrap(), &project(&b).unwrap());
    assert_eq!(same.roi, Err(Undefined::NoExtraCost.into()));
    let waste = Baseline { cs_cost_per_month: b.cs_cost_per_month + dec!(1), ..b.clone() };
    let c = compare(&project(&b).unwrap(), &project(&waste).unwrap());
    assert_eq!(c.roi, Ok(Percent(dec!(-100))), "pure extra cost returns −100 %");
    assert_eq!(c.payback_month, Err(Undefined::NeverPaysBack.into()));
}

#[test]
fn delta_edges() {
    assert_eq!(delta(&Ok(dec!(0)), &Ok(dec!(5))).percent, Err(Undefined::ZeroBase.into()));
    assert_eq!(delta(&Err(Undefined::ZeroChurn.into()), &Ok(dec!(5))).absolute, Err(Undefined::ZeroChurn.into()));
}

#[test]
fn profit_horizons() {
    let s = summarize(&Baseline { horizon_months: dec!(60), ..Baseline::default() });
    assert!(s.profit_12.is_ok() && s.profit_36.is_ok() && s.profit_60.is_ok());
    assert_eq!(s.profit_60, s.total_profit);
}

proptest! {
    /// A variant equal to the baseline has zero deltas everywhere a value exists.
    #[test]
    fn identical_variant_zero_deltas(b in crate::scenario::test_support::valid_baseline(),
                                      echo in any::<bool>()) {
        let overrides = if echo { Overrides { monthly_churn: Some(b.monthly_churn), arpa: Some(b.arpa),
                                              ..Overrides::default() } } else { Overrides::default() };
        let s = Scenario { baseline: b, variants: vec![Variant { name: "v".into(), overrides }] };
        let r = run(&s);
        let (c, d) = r[1].versus_baseline.clone().unwrap();
        for delta in [d.clv, d.ltv_to_cac, d.cac_payback_months, d.total_profit, d.discounted_profit,
                      d.profit_12, d.profit_36, d.profit_60, d.customers_end, d.mrr_end] {
            if let Ok(a) = delta.absolute { prop_assert!(a.is_zero()); }
            if let Ok(p) = delta.percent { prop_assert!(p.0.is_zero()); }
        }
        if let Ok(x) = c.extra_cost { prop_assert!(x.is_zero()); }
        // The same spending: nothing to repay, as the ROI says.
        if r[0].projection.is_ok() { prop_assert_eq!(c.payback_month, Err(Undefined::NoExtraCost.into())); }
    }
}

#[test]
fn milestones_are_projected_past_a_short_horizon_and_agree_with_a_long_one() {
    let short = Baseline { horizon_months: dec!(24), ..Baseline::default() };
    let long = Baseline { horizon_months: dec!(60), ..Baseline::default() };
    let (s, l) = (summarize(&short), summarize(&long));
    assert_eq!(s.profit_36, l.profit_36, "36-month profit, horizon 24 vs 60");
    assert_eq!(s.profit_60, l.profit_60, "60-month profit, horizon 24 vs 60");
    assert_ne!(s.total_profit, l.total_profit, "the totals stay at each horizon");
}

#[test]
fn no_extra_spending_means_neither_roi_nor_payback_month() {
    let base = base();
    // Lower churn at the same spending: better, but nothing to repay.
    let variant = Baseline { monthly_churn: Percent(dec!(1)), ..base.clone() };
    let c = compare(&project(&base).unwrap(), &project(&variant).unwrap());
    assert_eq!(c.roi, Err(Undefined::NoExtraCost.into()));
    assert_eq!(c.payback_month, Err(Undefined::NoExtraCost.into()), "payback beside a not-applicable ROI");
}
