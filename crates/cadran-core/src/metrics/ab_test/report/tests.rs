use super::*;
use crate::metrics::ab_test::{BayesMethod, TestUsed};
use crate::metrics::test_support::{any_decimal, invalid};
use crate::{InputProblem, MetricError, Undefined};
use proptest::prelude::*;
use rust_decimal_macros::dec;

fn counts(va: Decimal, ca: Decimal, vb: Decimal, cb: Decimal) -> AbInputs {
    AbInputs { visitors_a: va, conversions_a: ca, visitors_b: vb, conversions_b: cb, ..AbInputs::default() }
}

#[test]
fn default_split_is_even() {
    assert_eq!(AbInputs::default().intended_share_a, Percent(dec!(50)));
}

#[test]
fn verdicts_table() {
    // (inputs, expected verdict kind) — the kind is named in the message.
    let b_better = report(&counts(dec!(1200), dec!(144), dec!(1200), dec!(192)));
    assert!(matches!(b_better.verdict, Ok(AbVerdict::BBetter { confidence: Confidence::NinetyFive, sides: Sides::TwoSided, .. })), "144/1200 vs 192/1200: {:?}", b_better.verdict);
    let a_better = report(&counts(dec!(1200), dec!(192), dec!(1200), dec!(144)));
    let Ok(AbVerdict::ABetter { lift_low, lift_high, .. }) = a_better.verdict else { panic!("192/1200 vs 144/1200: {:?}", a_better.verdict) };
    assert!(lift_low < lift_high && lift_high < 0.0, "A better: interval below zero ({lift_low}, {lift_high})");
    let none = report(&counts(dec!(1000), dec!(100), dec!(1000), dec!(105)));
    assert!(matches!(none.verdict, Ok(AbVerdict::NoConclusion { more_visitors_per_version: Some(n) }) if n > 0), "100/1000 vs 105/1000: {:?}", none.verdict);
    // One-sided: A's better rate is not a conclusion.
    let one = report(&AbInputs { sides: Sides::OneSided, ..counts(dec!(1200), dec!(192), dec!(1200), dec!(144)) });
    assert!(matches!(one.verdict, Ok(AbVerdict::NoConclusion { .. })), "one-sided, A better: {:?}", one.verdict);
    // Small counts: Fisher's test runs, and the report says so.
    let small = report(&counts(dec!(12), dec!(11), dec!(10), dec!(5)));
    assert_eq!(small.conversion.as_ref().unwrap().test, TestUsed::FisherExact, "11/12 vs 5/10");
    assert_eq!(small.bayes.as_ref().unwrap().method, BayesMethod::ExactSum);
}

#[test]
fn broken_split_comes_first() {
    // 90/10 in a test meant to be 50/50, with B clearly better.
    let r = report(&counts(dec!(9000), dec!(900), dec!(1000), dec!(200)));
    assert!(matches!(r.conversion.as_ref().unwrap().verdict, Verdict::BBetter), "the test alone says B");
    let Ok(AbVerdict::SplitBroken { srm_p_value, observed_share_a, intended_share_a }) = r.verdict else { panic!("{:?}", r.verdict) };
    assert!(srm_p_value < 1e-100, "9000 vs 1000 for 50/50: p {srm_p_value}");
    assert_eq!((observed_share_a, intended_share_a), (Percent(dec!(90)), Percent(dec!(50))));
    // The same counts are fine for an intended 90/10 split.
    let r = report(&AbInputs { intended_share_a: Percent(dec!(90)), ..counts(dec!(9000), dec!(900), dec!(1000), dec!(200)) });
    assert!(matches!(r.verdict, Ok(AbVerdict::BBetter { .. })), "90/10 as intended: {:?}", r.verdict);
    // A broken split is said even when the conversion test is undefined.
    let r = report(&counts(dec!(9000), dec!(0), dec!(1000), dec!(0)));
    assert_eq!(r.conversion, Err(Undefined::NoConversions.into()));
    assert!(matches!(r.verdict, Ok(AbVerdict::SplitBroken { .. })), "no conversions, broken split: {:?}", r.verdict);
}

#[test]
fn one_undefined_part_keeps_the_others() {
    // No conversion at all: the test, verdict, Bayes and money are undefined;
    // the split check and revenue still stand.
    let r = report(&AbInputs {
        revenue: Some(RevenuePair {
            a: RevenueGroup { visitors: dec!(0), mean: dec!(1.5), std_dev: dec!(2) },
            b: RevenueGroup { visitors: dec!(0), mean: dec!(1.9), std_dev: dec!(2.5) },
        }),
        money: Some(MoneyInputs { monthly_visitors: dec!(10000), arpa: dec!(50), clv: None }),
        ..counts(dec!(500), dec!(0), dec!(510), dec!(0))
    });
    let none = MetricError::from(Undefined::NoConversions);
    assert_eq!(r.conversion.as_ref().err(), Some(&none), "conversion");
    assert_eq!(r.verdict.as_ref().err(), Some(&none), "verdict");
    assert_eq!(r.bayes.as_ref().err(), Some(&none), "bayes");
    assert_eq!(r.money.unwrap().err(), Some(none), "money");
    assert!(!r.srm.unwrap().mismatch, "500 vs 510");
    let w = r.revenue.unwrap().unwrap();
    assert!((w.difference.estimate - 0.4).abs() < 1e-12, "revenue visitors taken from the test: {w:?}");

    // Revenue given but invalid: only revenue fails, naming its field.
    let r = report(&AbInputs {
        revenue: Some(RevenuePair { a: RevenueGroup { visitors: dec!(1200), mean: dec!(1), std_dev: dec!(-1) }, b: RevenueGroup::default() }),
        ..counts(dec!(1200), dec!(144), dec!(1200), dec!(192))
    });
    assert_eq!(r.revenue, Some(Err(invalid("std_dev_a", InputProblem::Negative))));
    assert!(r.verdict.is_ok() && r.bayes.is_ok() && r.srm.is_ok(), "{r:?}");
}

#[test]
fn money_follows_the_lift() {
    let r = report(&AbInputs {
        money: Some(MoneyInputs { monthly_visitors: dec!(5000), arpa: dec!(49), clv: Some(dec!(1176)) }),
        ..counts(dec!(1200), dec!(144), dec!(1200), dec!(192))
    });
    let m = r.money.unwrap().unwrap();
    // +4 points on 5 000 visitors: 200 customers, 9 800 MRR (lift_to_money's example).
    assert_eq!((m.estimate.extra_customers_per_month, m.estimate.extra_mrr), (dec!(200), dec!(9800)), "12 % → 16 %");
    assert!(m.low.extra_mrr < m.estimate.extra_mrr && m.estimate.extra_mrr < m.high.extra_mrr, "{m:?}");
}

#[test]
fn bad_fields_are_named() {
    let r = report(&counts(dec!(100), dec!(101), dec!(100), dec!(5)));
    let e = invalid("conversions_a", InputProblem::Exceeds { other: crate::Field("visitors_a"), limit: dec!(100) });
    assert_eq!((r.conversion.map(|_| ()), r.bayes.map(|_| ())), (Err(e.clone()), Err(e)), "101 of 100");
    assert!(r.srm.is_ok() && r.verdict.is_err(), "the split is checkable, the verdict is not");
    let r = report(&AbInputs { intended_share_a: Percent(dec!(0)), ..counts(dec!(100), dec!(10), dec!(100), dec!(20)) });
    let e = invalid("intended_share_a", InputProblem::OutOfRange { min: dec!(1), max: dec!(99) });
    assert_eq!(r.srm.map(|_| ()), Err(e.clone()), "share 0 %");
    assert_eq!(r.verdict.map(|_| ()), Err(e), "no verdict without the split check");
    assert!(r.conversion.is_ok());
}

proptest! {
    #[test]
    fn never_panics(va in any_decimal(), ca in any_decimal(), vb in any_decimal(), cb in any_decimal(), s in any_decimal(), m in any_decimal()) {
        let _ = report(&AbInputs {
            intended_share_a: Percent(s),
            revenue: Some(RevenuePair { a: RevenueGroup { visitors: va, mean: m, std_dev: s }, b: RevenueGroup::default() }),
            money: Some(MoneyInputs { monthly_visitors: m, arpa: s, clv: Some(m) }),
            ..counts(va, ca, vb, cb)
        });
    }

    /// Without a broken split the verdict is the conversion test's.
    #[test]
    fn verdict_is_the_tests(n in 100u64..100_000, xa in 0u64..100, xb in 0u64..100) {
        let (ca, cb) = (n * xa / 100, n * xb / 100);
        let r = report(&counts(Decimal::from(n), Decimal::from(ca), Decimal::from(n), Decimal::from(cb)));
        if let (Ok(t), Ok(v)) = (&r.conversion, &r.verdict) {
            let same = matches!((t.verdict, v), (Verdict::BBetter, AbVerdict::BBetter { .. }) | (Verdict::ABetter, AbVerdict::ABetter { .. }) | (Verdict::NoConclusion { .. }, AbVerdict::NoConclusion { .. }));
            prop_assert!(same, "{:?} vs {:?}", t.verdict, v);
        }
    }

    /// Swapping A and B (and the intended shares) swaps B-better and A-better.
    #[test]
    fn mirror(va in 50u64..5000, vb in 50u64..5000, pa in 0u64..100, pb in 0u64..100) {
        let (ca, cb) = (va * pa / 100, vb * pb / 100);
        let d = |x: u64| Decimal::from(x);
        let x = report(&counts(d(va), d(ca), d(vb), d(cb))).verdict;
        let y = report(&counts(d(vb), d(cb), d(va), d(ca))).verdict;
        match (x, y) {
            (Ok(AbVerdict::BBetter { .. }), other) => prop_assert!(matches!(other, Ok(AbVerdict::ABetter { .. })), "{other:?}"),
            (Ok(AbVerdict::SplitBroken { srm_p_value: p, .. }), Ok(AbVerdict::SplitBroken { srm_p_value: q, .. })) => prop_assert!((p - q).abs() < 1e-9),
            (Err(e), Err(f)) => prop_assert!(matches!((e, f), (MetricError::Undefined(_), MetricError::Undefined(_)))),
            _ => {}
        }
    }
}
