use super::*;
use crate::metrics::test_support::invalid;
use crate::InputProblem;
use proptest::prelude::*;
use rust_decimal_macros::dec;

fn inputs(va: u64, ca: u64, vb: u64, cb: u64) -> ConversionInputs {
    ConversionInputs {
        visitors_a: Decimal::from(va),
        conversions_a: Decimal::from(ca),
        visitors_b: Decimal::from(vb),
        conversions_b: Decimal::from(cb),
        ..ConversionInputs::default()
    }
}

fn run(va: u64, ca: u64, vb: u64, cb: u64) -> Outcome<ConversionTest> {
    conversion_test(&inputs(va, ca, vb, cb))
}

/// The N−1 statistic is Pearson's χ² × (N − 1) ÷ N (Campbell 2007, eq. for
/// χ²ₙ₋₁ = (ad − bc)²(N − 1) ÷ (m n r s)): checked against that form.
#[test]
fn n_minus_one_equals_campbells_chi_square() {
    for (va, ca, vb, cb) in [(1200u64, 144u64, 1200u64, 192u64), (793, 8, 736, 15), (60, 40, 35, 15), (5000, 250, 4000, 260)] {
        let t = run(va, ca, vb, cb).unwrap();
        #[allow(clippy::cast_precision_loss)]
        let (a, b, c, d) = (cb as f64, (vb - cb) as f64, ca as f64, (va - ca) as f64);
        let n = a + b + c + d;
        let chi = (a * d - b * c).powi(2) * (n - 1.0) / ((a + b) * (c + d) * (a + c) * (b + d));
        let z = t.z.unwrap_or(f64::NAN);
        assert!((z * z - chi).abs() < 1e-9 * chi.max(1.0), "A {ca}/{va}, B {cb}/{vb}: z² {} vs χ² {chi}", z * z);
        let p_chi = crate::stats::chi_squared_sf(chi, 1.0).unwrap();
        assert!((t.p_value - p_chi).abs() < 1e-12, "A {ca}/{va}, B {cb}/{vb}: p {} vs {p_chi}", t.p_value);
    }
}

/// The DIY Themes test quoted by Zuschlag ("Stat 203", 2012): 8 of 793 vs
/// 15 of 736, "p = 0.051" from the vendor's calculator, which is the
/// one-sided p (B better); two-sided it is about 0.10. No conclusion at 95 %.
#[test]
fn social_proof_example_is_borderline() {
    let t = run(793, 8, 736, 15).unwrap();
    assert_eq!(t.test, TestUsed::NMinusOneChiSquare);
    let one = conversion_test(&ConversionInputs { sides: Sides::OneSided, ..inputs(793, 8, 736, 15) }).unwrap();
    assert!((one.p_value - 0.051).abs() < 0.002, "one-sided p {}", one.p_value);
    assert!((t.p_value - 2.0 * one.p_value).abs() < 1e-12, "two-sided p {}", t.p_value);
    assert!(matches!(t.verdict, Verdict::NoConclusion { more_visitors_per_version: Some(n) } if n > 0), "{:?}", t.verdict);
}

/// Tiny samples: an expected count below 5 switches to Fisher's exact test;
/// Fisher's tea tasting as an A/B test (3 of 4 vs 1 of 4) gives its p-values.
#[test]
fn fisher_for_small_counts() {
    let t = run(4, 1, 4, 3).unwrap();
    assert_eq!(t.test, TestUsed::FisherExact);
    assert!((t.p_value - 34.0 / 70.0).abs() < 1e-14, "two-sided {}", t.p_value);
    assert_eq!(t.z, None);
    let one = conversion_test(&ConversionInputs { sides: Sides::OneSided, ..inputs(4, 1, 4, 3) }).unwrap();
    assert!((one.p_value - 17.0 / 70.0).abs() < 1e-14, "one-sided {}", one.p_value);
    // A huge test with a handful of conversions also goes to Fisher, quickly.
    let big = run(1_000_000_000_000, 2, 1_000_000_000_000, 3).unwrap();
    assert_eq!(big.test, TestUsed::FisherExact);
    assert!(big.p_value > 0.9, "{}", big.p_value);
}

#[test]
fn verdicts() {
    let b_better = run(10_000, 500, 10_000, 600).unwrap();
    assert_eq!(b_better.verdict, Verdict::BBetter, "A 5 %, B 6 % on 10 000 each");
    let a_better = run(10_000, 600, 10_000, 500).unwrap();
    assert_eq!(a_better.verdict, Verdict::ABetter, "A 6 %, B 5 % on 10 000 each");
    // One-sided only declares B better.
    let one = conversion_test(&ConversionInputs { sides: Sides::OneSided, ..inputs(10_000, 600, 10_000, 500) }).unwrap();
    assert!(matches!(one.verdict, Verdict::NoConclusion { .. }), "{:?}", one.verdict);
    assert!(one.p_value > 0.99);
    // Same rates: no difference to chase.
    let same = run(1000, 100, 2000, 200).unwrap();
    assert_eq!(same.verdict, Verdict::NoConclusion { more_visitors_per_version: None });
    // Already large enough for the observed difference but not significant.
    let small = run(100, 10, 100, 11).unwrap();
    assert!(matches!(small.verdict, Verdict::NoConclusion { more_visitors_per_version: Some(n) } if n > 10_000), "{:?}", small.verdict);
    // 99 % is stricter than 90 %.
    let mid = inputs(2000, 100, 2000, 130);
    let p90 = conversion_test(&ConversionInputs { confidence: Confidence::Ninety, ..mid }).unwrap();
    let p99 = conversion_test(&ConversionInputs { confidence: Confidence::NinetyNine, ..mid }).unwrap();
    assert_eq!(p90.verdict, Verdict::BBetter, "p {}", p90.p_value);
    assert!(matches!(p99.verdict, Verdict::NoConclusion { .. }), "p {}", p99.p_value);
    assert!(p99.absolute_lift.width() > p90.absolute_lift.width());
}

#[test]
fn undefined_and_invalid() {
    let range = |min: u64| InputProblem::OutOfRange { min: Decimal::from(min), max: Decimal::from(super::super::MAX_COUNT) };
    let table = [
        (run(100, 0, 100, 0), Undefined::NoConversions.into()),
        (run(100, 100, 50, 50), Undefined::AllConverted.into()),
        (run(0, 0, 100, 3), invalid("visitors_a", range(1))),
        (run(100, 3, 0, 0), invalid("visitors_b", range(1))),
        (run(100, 101, 100, 3), invalid("conversions_a", InputProblem::Exceeds { other: crate::Field("visitors_a"), limit: dec!(100) })),
        (run(1_000_000_000_000_000, 3, 100, 3), invalid("visitors_a", range(1))),
        (conversion_test(&ConversionInputs { conversions_b: dec!(2.5), ..inputs(10, 1, 10, 0) }), invalid("conversions_b", InputProblem::NotWhole)),
        (conversion_test(&ConversionInputs { visitors_b: dec!(-10), ..inputs(10, 1, 10, 0) }), invalid("visitors_b", InputProblem::Negative)),
    ];
    for (got, expected) in table {
        assert_eq!(got.map(|t| t.p_value), Err(expected));
    }
    // 0 % against 100 % is a real difference.
    let extreme = run(20, 0, 20, 20).unwrap();
    assert!(extreme.p_value < 1e-6 && extreme.verdict == Verdict::BBetter, "{extreme:?}");
    assert_eq!(extreme.relative_lift, Err(Undefined::ZeroBase));
    assert_eq!(run(20, 5, 20, 0).unwrap().relative_lift, Err(Undefined::NoConversions));
}

/// Relative lift of 12 % → 16 %: +33.3 %, Katz interval around it.
#[test]
fn relative_lift() {
    let r = run(1200, 144, 1200, 192).unwrap().relative_lift.unwrap();
    assert!((r.estimate - 100.0 / 3.0).abs() < 1e-9, "{r:?}");
    assert!(r.low > 0.0 && r.low < r.estimate && r.high > r.estimate, "{r:?}");
}

fn counts() -> impl Strategy<Value = (u64, u64, u64, u64)> {
    (1u64..100_000, 1u64..100_000).prop_flat_map(|(va, vb)| (Just(va), 0..=va, Just(vb), 0..=vb))
}

proptest! {
    /// p ∈ [0, 1], bounds finite and ordered, for any valid counts.
    #[test]
    fn p_is_a_probability((va, ca, vb, cb) in counts()) {
        if let Ok(t) = run(va, ca, vb, cb) {
            prop_assert!((0.0..=1.0).contains(&t.p_value), "{t:?}");
            prop_assert!(t.absolute_lift.low <= t.absolute_lift.high);
            prop_assert!(t.smallest_expected.is_finite());
        }
    }

    /// Swapping A and B mirrors the absolute lift and keeps the two-sided p.
    #[test]
    fn swapping_mirrors((va, ca, vb, cb) in counts()) {
        if let (Ok(ab), Ok(ba)) = (run(va, ca, vb, cb), run(vb, cb, va, ca)) {
            prop_assert_eq!(ab.absolute_lift.estimate, -ba.absolute_lift.estimate);
            prop_assert!((ab.absolute_lift.low + ba.absolute_lift.high).abs() < 1e-9);
            prop_assert!((ab.absolute_lift.high + ba.absolute_lift.low).abs() < 1e-9);
            prop_assert!((ab.p_value - ba.p_value).abs() < 1e-9, "{} vs {}", ab.p_value, ba.p_value);
            match ab.verdict {
                Verdict::BBetter => prop_assert_eq!(ba.verdict, Verdict::ABetter),
                Verdict::ABetter => prop_assert_eq!(ba.verdict, Verdict::BBetter),
                Verdict::NoConclusion { .. } => {
                    let mirrored = matches!(ba.verdict, Verdict::NoConclusion { .. });
                    prop_assert!(mirrored, "{:?}", ba.verdict);
                }
            }
        }
    }

    /// More visitors at the same rates never widen the intervals.
    #[test]
    fn more_visitors_never_widen((va, ca, vb, cb) in counts(), k in 2u64..50) {
        if let (Ok(one), Ok(more)) = (run(va, ca, vb, cb), run(va * k, ca * k, vb * k, cb * k)) {
            prop_assert!(more.absolute_lift.width() <= one.absolute_lift.width() + 1e-12, "×{k}: {:?} vs {:?}", more.absolute_lift, one.absolute_lift);
            if let (Ok(r1), Ok(rk)) = (one.relative_lift, more.relative_lift) {
                prop_assert!(rk.width() <= r1.width() + 1e-9, "×{k}: {rk:?} vs {r1:?}");
            }
        }
    }

    /// Anything typed: a value or a typed reason, never a panic.
    #[test]
    fn never_panics(va in crate::metrics::test_support::any_decimal(), ca in crate::metrics::test_support::any_decimal(), vb in crate::metrics::test_support::any_decimal(), cb in crate::metrics::test_support::any_decimal()) {
        let _ = conversion_test(&ConversionInputs { visitors_a: va, conversions_a: ca, visitors_b: vb, conversions_b: cb, ..ConversionInputs::default() });
    }
}
