//! ROI: worked examples, the dependency rules, and invariants.

use super::*;
use proptest::prelude::*;
use rust_decimal_macros::dec;

fn base() -> RoiInputs {
    RoiInputs {
        salaries: dec!(60000),
        training: dec!(5000),
        tools: dec!(12000),
        other_costs: dec!(3000),
        customers: dec!(2000),
        churn_reduction: Percent(dec!(1)),
        arpa: dec!(150),
        months: dec!(12),
        use_gross_margin: false,
        gross_margin: Percent(dec!(75)),
        upsell: dec!(20000),
        aov_increase: dec!(4),
        orders: dec!(5000),
        unreadable: Vec::new(),
    }
}

/// Worked example (Totango's method): a CS team costing 80 000 over a year
/// that cuts monthly churn by one point on 2 000 customers paying 150 a month
/// keeps 2 000 × 0.01 × 150 × 12 = 36 000, plus 20 000 upsell and
/// 4 × 5 000 = 20 000 from bigger orders.
#[test]
fn worked_example() {
    let r = compute_roi(&base());
    assert_eq!(r.total_cost, Ok(dec!(80000)));
    assert_eq!(r.retained_revenue, Ok(dec!(36000)));
    assert_eq!(r.total_gain, Ok(dec!(76000)));
    assert_eq!(r.net_gain, Ok(dec!(-4000)));
    assert_eq!(r.roi_percent, Ok(Percent(dec!(-5))));
    // 80 000 / (76 000 / 12) = 12.63… months
    assert_eq!(r.payback_months.unwrap().round_dp(2), dec!(12.63));
    // (80 000 − 40 000) / (2 000 × 150 × 12) × 100 = 1.11… points
    assert_eq!(r.break_even_churn_reduction.unwrap().0.round_dp(4), dec!(1.1111));
}

#[test]
fn gross_margin_scales_kept_revenue() {
    let i = RoiInputs { use_gross_margin: true, ..base() };
    assert_eq!(retained_revenue(&i), Ok(dec!(27000)));
}

#[test]
fn invalid_field_blanks_only_dependent_outputs() {
    let i = RoiInputs { churn_reduction: Percent(dec!(150)), ..base() };
    let r = compute_roi(&i);
    assert_eq!(r.total_cost, Ok(dec!(80000)), "cost does not depend on churn");
    assert_eq!(r.aov_gain, Ok(dec!(20000)));
    let expected = MetricError::Invalid(InputError::new(
        Field("churn_reduction"),
        InputProblem::OutOfRange { min: dec!(0), max: dec!(100) },
    ));
    assert_eq!(r.roi_percent, Err(expected.clone()));
    assert_eq!(r.retained_revenue, Err(expected));
}

#[test]
fn edge_cases() {
    let table: Vec<(&str, RoiInputs, Outcome<Percent>)> = vec![
        ("no cost", RoiInputs { salaries: dec!(0), training: dec!(0), tools: dec!(0), other_costs: dec!(0), ..base() },
         Err(Undefined::ZeroCost.into())),
        ("negative salary", RoiInputs { salaries: dec!(-1), ..base() },
         Err(InputError::new(Field("salaries"), InputProblem::Negative).into())),
        ("fractional customers", RoiInputs { customers: dec!(10.5), ..base() },
         Err(InputError::new(Field("customers"), InputProblem::NotWhole).into())),
    ];
    for (name, inputs, expected) in table {
        assert_eq!(roi_percent(&inputs), expected, "case {name}: {inputs:?}");
    }
}

#[test]
fn break_even_reasons() {
    let zero_customers = RoiInputs { customers: dec!(0), upsell: dec!(0), aov_increase: dec!(0), ..base() };
    assert_eq!(break_even_churn_reduction(&zero_customers), Err(Undefined::NoCustomers.into()));
    let covered = RoiInputs { upsell: dec!(1000000), ..base() };
    assert_eq!(break_even_churn_reduction(&covered), Ok(Percent::ZERO));
    let impossible = RoiInputs { salaries: dec!(100000000), ..base() };
    assert_eq!(break_even_churn_reduction(&impossible), Err(Undefined::Unreachable.into()));
}

#[test]
fn payback_edges() {
    let free = RoiInputs { salaries: dec!(0), training: dec!(0), tools: dec!(0), other_costs: dec!(0), ..base() };
    assert_eq!(payback_months(&free), Ok(dec!(0)));
    let no_gain = RoiInputs { churn_reduction: Percent::ZERO, upsell: dec!(0), aov_increase: dec!(0), ..base() };
    assert_eq!(payback_months(&no_gain), Err(Undefined::NeverPaysBack.into()));
}

#[test]
fn huge_values_overflow_into_a_reason() {
    let i = RoiInputs { customers: Decimal::MAX, arpa: Decimal::MAX, ..base() };
    assert_eq!(retained_revenue(&i), Err(Undefined::Overflow.into()));
}

fn any_decimal() -> impl Strategy<Value = Decimal> {
    prop_oneof![
        (any::<i64>(), 0u32..10).prop_map(|(m, s)| Decimal::new(m, s)),
        any::<[u8; 16]>().prop_map(Decimal::deserialize),
        Just(Decimal::ZERO),
        Just(Decimal::MAX),
        Just(Decimal::MIN),
    ]
}

proptest! {
    /// Any inputs give a value or a typed reason: never a panic.
    #[test]
    fn never_panics(v in proptest::collection::vec(any_decimal(), 12), m in any::<bool>()) {
        let i = RoiInputs {
            salaries: v[0], training: v[1], tools: v[2], other_costs: v[3],
            customers: v[4], churn_reduction: Percent(v[5]), arpa: v[6], months: v[7],
            use_gross_margin: m, gross_margin: Percent(v[8]), upsell: v[9],
            aov_increase: v[10], orders: v[11], unreadable: Vec::new(),
        };
        let _ = compute_roi(&i);
    }

    /// Break-even is exact: at the computed churn reduction, net gain is zero.
    #[test]
    fn break_even_gives_zero_net(cost in 1u32..1_000_000, customers in 1u32..100_000,
                                 arpa in 1u32..10_000, months in 1u32..60) {
        let i = RoiInputs { salaries: cost.into(), customers: customers.into(),
                            arpa: arpa.into(), months: months.into(), ..RoiInputs::default() };
        if let Ok(x) = break_even_churn_reduction(&i) {
            let at = RoiInputs { churn_reduction: x, ..i };
            let net = sub(total_gain(&at).unwrap(), total_cost(&at).unwrap()).unwrap();
            prop_assert!(net.abs() < dec!(0.000001), "net {net} at {x}");
        }
    }

    /// More churn reduction never lowers the ROI.
    #[test]
    fn roi_monotone_in_churn_reduction(a in 0u32..100, b in 0u32..100) {
        let (lo, hi) = (a.min(b), a.max(b));
        let r = |p: u32| roi_percent(&RoiInputs { churn_reduction: Percent(p.into()), ..base() }).unwrap();
        prop_assert!(r(lo) <= r(hi));
    }
}

/// The fields each output needs (with the margin used), as the functions
/// above read them: the expectation the next test checks against.
const NEEDS: [(&str, &[&str]); 7] = [
    ("total_cost", &["salaries", "training", "tools", "other_costs"]),
    ("retained_revenue", &["customers", "churn_reduction", "arpa", "months", "gross_margin"]),
    ("aov_gain", &["aov_increase", "orders"]),
    ("total_gain", &["customers", "churn_reduction", "arpa", "months", "gross_margin", "upsell", "aov_increase", "orders"]),
    ("roi_percent", &["salaries", "training", "tools", "other_costs", "customers", "churn_reduction", "arpa", "months", "gross_margin", "upsell", "aov_increase", "orders"]),
    ("payback_months", &["salaries", "training", "tools", "other_costs", "customers", "churn_reduction", "arpa", "months", "gross_margin", "upsell", "aov_increase", "orders"]),
    ("break_even_churn_reduction", &["salaries", "training", "tools", "other_costs", "customers", "arpa", "months", "gross_margin", "upsell", "aov_increase", "orders"]),
];

/// An unreadable field blanks exactly the outputs that need it, naming it;
/// every other output is what it is with all fields readable.
#[test]
fn an_unreadable_field_blanks_only_what_needs_it() {
    let base = RoiInputs {
        salaries: dec!(50000), training: dec!(5000), tools: dec!(6000), other_costs: dec!(1000),
        customers: dec!(1000), churn_reduction: Percent(dec!(1.5)), arpa: dec!(80), months: dec!(12),
        use_gross_margin: true, gross_margin: Percent(dec!(75)), upsell: dec!(3000),
        aov_increase: dec!(2), orders: dec!(500), unreadable: Vec::new(),
    };
    let full = compute_roi(&base);
    let outputs = |r: &RoiReport| -> [(&'static str, Result<Decimal, MetricError>); 7] {
        [
            ("total_cost", r.total_cost.clone()),
            ("retained_revenue", r.retained_revenue.clone()),
            ("aov_gain", r.aov_gain.clone()),
            ("total_gain", r.total_gain.clone()),
            ("roi_percent", r.roi_percent.clone().map(|p| p.0)),
            ("payback_months", r.payback_months.clone()),
            ("break_even_churn_reduction", r.break_even_churn_reduction.clone().map(|p| p.0)),
        ]
    };
    for field in ["salaries", "training", "tools", "other_costs", "customers", "churn_reduction", "arpa", "months", "gross_margin", "upsell", "aov_increase", "orders"] {
        // The value under an unreadable field must not matter: give it one
        // that would be an error of its own if it were read.
        let mut i = RoiInputs { unreadable: vec![Field(field)], ..base.clone() };
        match field {
            "churn_reduction" => i.churn_reduction = Percent(dec!(-7)),
            "gross_margin" => i.gross_margin = Percent(dec!(-7)),
            "salaries" => i.salaries = dec!(-7),
            _ => {}
        }
        let got = compute_roi(&i);
        for ((name, out), (_, want)) in outputs(&got).into_iter().zip(outputs(&full)) {
            let needs = NEEDS.iter().find(|(n, _)| *n == name).map_or(&[][..], |(_, f)| *f).contains(&field);
            if needs {
                assert_eq!(out, Err(MetricError::from(InputError::new(Field(field), InputProblem::NotANumber))),
                           "{name} with {field} unreadable");
            } else {
                assert_eq!(out, want, "{name} does not need {field}");
            }
        }
    }
}
