//! MRR: worked examples and invariants.

use super::*;
use crate::metrics::test_support::any_decimal;
use crate::MetricError;
use proptest::prelude::*;
use rust_decimal_macros::dec;

fn example() -> MrrMovements {
    MrrMovements {
        start_mrr: dec!(100000),
        new_mrr: dec!(8000),
        expansion_mrr: dec!(5000),
        reactivation_mrr: dec!(1000),
        contraction_mrr: dec!(2000),
        churned_mrr: dec!(4000),
    }
}

/// Worked example following ChartMogul's movement definitions: 100 000
/// start, +8 000 new, +5 000 expansion, +1 000 reactivation, −2 000
/// contraction, −4 000 churn.
#[test]
fn worked_example() {
    let r = compute_mrr(&example());
    assert_eq!(r.end_mrr, Ok(dec!(108000)));
    assert_eq!(r.gross_mrr_churn, Ok(Percent(dec!(6))), "(4 000 + 2 000) ÷ 100 000");
    assert_eq!(r.net_mrr_churn, Ok(Percent(dec!(0))), "(6 000 − 6 000) ÷ 100 000");
    assert_eq!(r.gross_revenue_retention, Ok(Percent(dec!(94))));
    assert_eq!(r.net_revenue_retention, Ok(Percent(dec!(100))));
    let w = r.waterfall.unwrap();
    let keys: Vec<_> = w.iter().map(|s| s.step.key()).collect();
    assert_eq!(keys, ["start_mrr", "new_mrr", "expansion_mrr", "reactivation_mrr", "contraction_mrr", "churned_mrr", "end_mrr"]);
    let totals: Vec<_> = w.iter().map(|s| s.running_total).collect();
    assert_eq!(totals, [dec!(100000), dec!(108000), dec!(113000), dec!(114000), dec!(112000), dec!(108000), dec!(108000)]);
}

#[test]
fn edges() {
    let all_churn = MrrMovements { start_mrr: dec!(500), churned_mrr: dec!(500), ..MrrMovements::default() };
    assert_eq!(gross_revenue_retention(&all_churn), Ok(Percent(dec!(0))), "100 % churn");
    assert_eq!(gross_mrr_churn(&all_churn), Ok(Percent(dec!(100))));
    assert_eq!(end_mrr(&all_churn), Ok(dec!(0)));
    let net_negative = MrrMovements { expansion_mrr: dec!(20000), ..example() };
    assert_eq!(net_mrr_churn(&net_negative), Ok(Percent(dec!(-15))), "net negative churn");
    assert_eq!(net_revenue_retention(&net_negative), Ok(Percent(dec!(115))));
    let zero = MrrMovements::default();
    assert_eq!(gross_mrr_churn(&zero), Err(Undefined::ZeroRevenue.into()));
    assert_eq!(end_mrr(&zero), Ok(dec!(0)));
}

#[test]
fn invalid_inputs() {
    let err = |f: &'static str, p: InputProblem| -> Outcome<Decimal> { Err(MetricError::from(InputError::new(Field(f), p))) };
    let table = [
        ("negative new", MrrMovements { new_mrr: dec!(-1), ..example() }, err("new_mrr", InputProblem::Negative)),
        ("contraction above start", MrrMovements { contraction_mrr: dec!(100001), ..example() },
         err("contraction_mrr", InputProblem::Exceeds { other: Field("start_mrr"), limit: dec!(100000) })),
        ("contraction + churn above start", MrrMovements { churned_mrr: dec!(98001), ..example() },
         err("churned_mrr", InputProblem::OutOfRange { min: dec!(0), max: dec!(98000) })),
    ];
    for (name, m, expected) in table {
        assert_eq!(end_mrr(&m), expected, "case {name}: {m:?}");
        assert_eq!(gross_revenue_retention(&m).map(|_| Decimal::ZERO), expected.clone().map(|_| Decimal::ZERO), "case {name}");
    }
    let huge = MrrMovements { start_mrr: Decimal::MAX, new_mrr: Decimal::MAX, ..MrrMovements::default() };
    assert_eq!(end_mrr(&huge), Err(Undefined::Overflow.into()));
}

fn movements() -> impl Strategy<Value = MrrMovements> {
    proptest::collection::vec(any_decimal(), 6).prop_map(|v| MrrMovements {
        start_mrr: v[0], new_mrr: v[1], expansion_mrr: v[2], reactivation_mrr: v[3],
        contraction_mrr: v[4], churned_mrr: v[5],
    })
}

fn valid_movements() -> impl Strategy<Value = MrrMovements> {
    (1u64..1_000_000_000, 0u64..1_000_000_000, 0u64..1_000_000_000, 0u64..1_000_000_000, 0u32..=100, 0u32..=100)
        .prop_map(|(s, n, e, r, c, ch)| {
            let start = Decimal::from(s);
            let contraction = start * Decimal::from(c) / dec!(100);
            let churned = (start - contraction) * Decimal::from(ch) / dec!(100);
            MrrMovements { start_mrr: start, new_mrr: n.into(), expansion_mrr: e.into(),
                           reactivation_mrr: r.into(), contraction_mrr: contraction, churned_mrr: churned }
        })
}

proptest! {
    /// Any inputs give a value or a typed reason: never a panic.
    #[test]
    fn never_panics(m in movements()) {
        let _ = compute_mrr(&m);
    }

    /// GRR ∈ [0, 100] and NRR ≥ GRR (expansion and reactivation are ≥ 0);
    /// gross churn + GRR = 100; the waterfall ends at end MRR.
    #[test]
    fn invariants(m in valid_movements()) {
        let grr = gross_revenue_retention(&m).unwrap();
        let nrr = net_revenue_retention(&m).unwrap();
        prop_assert!(grr <= Percent::HUNDRED && grr >= Percent::ZERO, "{m:?}: GRR {grr}");
        prop_assert!(nrr >= grr, "{m:?}: NRR {nrr} < GRR {grr}");
        let gross = gross_mrr_churn(&m).unwrap();
        // Decimal keeps 28 significant digits: a ratio of thousands of
        // percent (expansion ≫ start) leaves ~24 decimals, so 1e-20 is
        // the honest tolerance for rounding in the two divisions.
        let eps = dec!(0.00000000000000000001);
        prop_assert!((gross.0 + grr.0 - dec!(100)).abs() <= eps, "gross churn + GRR");
        let net = net_mrr_churn(&m).unwrap();
        prop_assert!((net.0 + nrr.0 - dec!(100)).abs() <= eps, "net churn + NRR");
        let w = waterfall(&m).unwrap();
        prop_assert_eq!(w.last().map(|s| s.running_total), Some(end_mrr(&m).unwrap()));
    }

    /// GRR ≤ 100 % ≤ NRR + (contraction + churn) ÷ start: what existing
    /// customers lost, added back to NRR, can only leave growth on top of
    /// 100 %. (With contraction alone the bound fails as soon as churn
    /// exceeds expansion + reactivation, so churn is part of it.) Also:
    /// NRR − GRR = (expansion + reactivation) ÷ start.
    #[test]
    fn retention_bounds(m in valid_movements()) {
        let grr = gross_revenue_retention(&m).unwrap().0;
        let nrr = net_revenue_retention(&m).unwrap().0;
        let eps = dec!(0.0000000000000000000001);
        prop_assert!(grr <= dec!(100), "{m:?}: GRR {grr}");
        let lost = (m.contraction_mrr + m.churned_mrr) / m.start_mrr * dec!(100);
        prop_assert!(dec!(100) <= nrr + lost + eps, "{m:?}: NRR {nrr} + lost {lost} < 100");
        let growth = (m.expansion_mrr + m.reactivation_mrr) / m.start_mrr * dec!(100);
        prop_assert!((nrr - grr - growth).abs() <= eps, "{m:?}: NRR − GRR ≠ growth {growth}");
    }
}
