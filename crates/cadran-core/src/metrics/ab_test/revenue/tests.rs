use super::*;
use crate::metrics::test_support::{any_decimal, invalid};
use crate::InputProblem;
use proptest::prelude::*;
use rust_decimal_macros::dec;

fn g(visitors: Decimal, mean: Decimal, std_dev: Decimal) -> RevenueGroup {
    RevenueGroup { visitors, mean, std_dev }
}

fn welch(a: RevenueGroup, b: RevenueGroup) -> Outcome<WelchStat> {
    welch_test(&RevenueInputs { a, b, ..RevenueInputs::default() })
}

#[test]
fn welch_table() {
    // Student's sleep data typed as summaries (R: t = 1.8608, df = 17.776).
    let w = welch(g(dec!(10), dec!(0.75), dec!(1.789010)), g(dec!(10), dec!(2.33), dec!(2.002249))).unwrap();
    assert!((w.t - 1.8608).abs() < 1e-3 && (w.df - 17.776).abs() < 1e-2, "sleep summaries: {w:?}");
    // Equal variances and sizes: ν = 2(n − 1).
    let w = welch(g(dec!(50), dec!(10), dec!(4)), g(dec!(50), dec!(12), dec!(4))).unwrap();
    assert!((w.df - 98.0).abs() < 1e-9, "equal groups: df {}", w.df);
    assert_eq!(w.verdict, Verdict::BBetter, "10 vs 12, sd 4, n 50: t = 2.5");
    // One deviation zero: ν = n − 1 of the other.
    let w = welch(g(dec!(20), dec!(5), dec!(0)), g(dec!(11), dec!(5), dec!(3))).unwrap();
    assert!((w.df - 10.0).abs() < 1e-9 && w.p_value == 1.0, "one sd zero: {w:?}");
    // One-sided: A better is no conclusion.
    let one = welch_test(&RevenueInputs {
        a: g(dec!(50), dec!(12), dec!(4)),
        b: g(dec!(50), dec!(10), dec!(4)),
        sides: Sides::OneSided,
        ..RevenueInputs::default()
    })
    .unwrap();
    assert!(matches!(one.verdict, Verdict::NoConclusion { more_visitors_per_version: None }) && one.p_value > 0.99, "{one:?}");
}

#[test]
fn welch_errors() {
    let ok = g(dec!(10), dec!(1), dec!(1));
    assert_eq!(welch(g(dec!(1), dec!(1), dec!(1)), ok), Err(Undefined::TooFewVisitors { have: 1, need: 2 }.into()));
    assert_eq!(welch(ok, g(dec!(10), dec!(1), dec!(-1))), Err(invalid("std_dev_b", InputProblem::Negative)));
    assert_eq!(welch(g(dec!(10.5), dec!(1), dec!(1)), ok), Err(invalid("visitors_a", InputProblem::NotWhole)));
    assert_eq!(welch(g(dec!(5), dec!(1), dec!(0)), g(dec!(5), dec!(2), dec!(0))), Err(Undefined::NoVariance.into()));
    let range = InputProblem::OutOfRange { min: dec!(1), max: Decimal::from(super::super::MAX_COUNT) };
    assert_eq!(welch(ok, g(dec!(1000000000000000), dec!(1), dec!(1))), Err(invalid("visitors_b", range)));
}

#[test]
fn summary_table() {
    assert_eq!(revenue_summary(&[]), Err(Undefined::TooFewVisitors { have: 0, need: 1 }.into()));
    assert_eq!(revenue_summary(&[dec!(7)]), Ok(g(dec!(1), dec!(7), dec!(0))));
    // 2, 4, 4, 4, 5, 5, 7, 9: mean 5, Σ(x − 5)² = 32, s = √(32/7).
    let s = revenue_summary(&[dec!(2), dec!(4), dec!(4), dec!(4), dec!(5), dec!(5), dec!(7), dec!(9)]).unwrap();
    assert_eq!(s.mean, dec!(5));
    assert!((s.std_dev.to_f64().unwrap() - (32.0f64 / 7.0).sqrt()).abs() < 1e-15, "sd {}", s.std_dev);
    assert_eq!(revenue_summary(&[dec!(3), dec!(3), dec!(3)]).unwrap().std_dev, Decimal::ZERO);
    assert_eq!(revenue_summary(&[Decimal::MAX, Decimal::MAX]), Err(Undefined::Overflow.into()));
}

proptest! {
    #[test]
    fn never_panics(v in prop::collection::vec(any_decimal(), 6)) {
        let r = welch(g(v[0], v[1], v[2]), g(v[3], v[4], v[5]));
        if let Ok(w) = r {
            prop_assert!((0.0..=1.0).contains(&w.p_value) && w.df > 0.0 && w.t.is_finite(), "{w:?}");
        }
        let _ = revenue_summary(&v);
    }

    /// Swapping A and B negates t and the interval and keeps p (two-sided).
    #[test]
    fn symmetric(na in 2u32..10_000, nb in 2u32..10_000, ma in 0u32..100_000, mb in 0u32..100_000, sa in 1u32..10_000, sb in 1u32..10_000) {
        let a = g(Decimal::from(na), Decimal::new(i64::from(ma), 2), Decimal::new(i64::from(sa), 2));
        let b = g(Decimal::from(nb), Decimal::new(i64::from(mb), 2), Decimal::new(i64::from(sb), 2));
        let (x, y) = (welch(a, b).unwrap(), welch(b, a).unwrap());
        prop_assert!((x.t + y.t).abs() < 1e-9 * (1.0 + x.t.abs()), "{x:?} vs {y:?}");
        prop_assert!((x.p_value - y.p_value).abs() < 1e-9 && (x.df - y.df).abs() < 1e-9 * x.df, "{x:?} vs {y:?}");
        prop_assert!((x.difference.low + y.difference.high).abs() < 1e-6 * (1.0 + x.difference.width()), "{x:?} vs {y:?}");
    }
}
