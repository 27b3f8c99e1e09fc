//! BG/NBD checks. The fit on the paper's CDNOW data is in the integration
//! test `tests/clv_model_cdnow.rs`; here, hand-checked values, guards and
//! invariants.

use super::*;
use proptest::prelude::*;

/// Fader, Hardie & Lee (2005), §4: the CDNOW estimates.
const PAPER: BgNbdParams = BgNbdParams {
    r: 0.243,
    alpha: 4.414,
    a: 0.793,
    b: 2.426,
};

fn c(x: u32, t_x: f64, t: f64) -> CustomerSummary {
    CustomerSummary {
        frequency: x,
        recency: t_x,
        age: t,
    }
}

#[test]
fn likelihood_by_hand() {
    // x = 2, t_x = 30.43, T = 38.86 (CDNOW customer 1), the two terms of
    // eq. 6 written out with Γ(r + 2) ÷ Γ(r) = r (r + 1) and the Beta
    // ratios as products.
    let BgNbdParams { r, alpha, a, b } = PAPER;
    let g = r * (r + 1.0) * alpha.powf(r);
    let beta1 = (b * (b + 1.0)) / ((a + b) * (a + b + 1.0)); // B(a, b+2) ÷ B(a, b)
    let beta2 = a * b / ((a + b) * (a + b + 1.0)); // B(a+1, b+1) ÷ B(a, b)
    let want = (beta1 * g / (alpha + 38.86f64).powf(r + 2.0)
        + beta2 * g / (alpha + 30.43f64).powf(r + 2.0))
    .ln();
    let got = PAPER.log_likelihood(&c(2, 30.43, 38.86)).unwrap();
    assert!((got - want).abs() < 1e-12, "{got} vs {want}");
}

#[test]
fn p_alive_and_expectations_by_hand() {
    // P(alive) of x = 2, t_x = 30.43, T = 38.86 by eq. 11 directly.
    let BgNbdParams { r, alpha, a, b } = PAPER;
    let want = 1.0 / (1.0 + a / (b + 1.0) * ((alpha + 38.86) / (alpha + 30.43)).powf(r + 2.0));
    assert!((PAPER.p_alive(&c(2, 30.43, 38.86)).unwrap() - want).abs() < 1e-14);
    assert_eq!(PAPER.p_alive(&c(0, 0.0, 38.86)), Some(1.0));
    // lifetimes' Quickstart table (its own estimates, t = 1 week):
    // customers 509, 841, 1981, 157, 1516.
    let lt = BgNbdParams {
        r: 0.242593,
        alpha: 4.413532,
        a: 0.792886,
        b: 2.425752,
    };
    for (x, t_x, t, want) in [
        (18, 35.14, 35.86, 0.424877),
        (19, 34.00, 34.14, 0.474738),
        (17, 28.43, 28.86, 0.486526),
        (29, 37.71, 38.00, 0.662396),
        (26, 30.86, 31.00, 0.710623),
    ] {
        let e = lt.expected_purchases(&c(x, t_x, t), 1.0).unwrap();
        assert!(
            (e - want).abs() < 2e-6,
            "x {x} t_x {t_x} T {t}: {e} vs lifetimes {want}"
        );
    }
    // E[Y(0)] = 0, E[X(0)] = 0, and a = 1 exactly is handled.
    assert_eq!(PAPER.expected_purchases(&c(3, 20.0, 30.0), 0.0), Some(0.0));
    let one = BgNbdParams { a: 1.0, ..PAPER };
    let near = BgNbdParams {
        a: 1.0 + 1e-4,
        ..PAPER
    };
    let (e1, e2) = (
        one.expected_purchases_new(10.0).unwrap(),
        near.expected_purchases_new(10.0).unwrap(),
    );
    assert!((e1 - e2).abs() < 1e-3, "{e1} vs {e2}");
}

#[test]
fn bad_rows_are_named() {
    let err = |row, field, problem| {
        Err(ClvModelError::Customer {
            row,
            field,
            problem,
        })
    };
    assert_eq!(
        fit_bgnbd(&[c(1, 2.0, 5.0), c(1, 6.0, 5.0)]),
        err(1, CustomerField::Recency, ValueProblem::RecencyAfterAge)
    );
    assert_eq!(
        fit_bgnbd(&[c(0, 2.0, 5.0)]),
        err(
            0,
            CustomerField::Recency,
            ValueProblem::RecencyWithoutRepeat
        )
    );
    assert_eq!(
        fit_bgnbd(&[c(1, 2.0, f64::NAN)]),
        err(0, CustomerField::Age, ValueProblem::NotFinite)
    );
    assert_eq!(
        fit_bgnbd(&[c(1, -2.0, 5.0)]),
        err(0, CustomerField::Recency, ValueProblem::Negative)
    );
    assert_eq!(fit_bgnbd(&[]), Err(Undefined::NoCustomers.into()));
    assert_eq!(
        fit_bgnbd(&[c(0, 0.0, 5.0), c(0, 0.0, 9.0)]),
        Err(ClvModelError::NoRepeatCustomers)
    );
}

#[test]
fn degenerate_data_give_numbers() {
    // One customer; everybody on one day (t_x = T = 0); all the same.
    for data in [
        vec![c(3, 10.0, 12.0)],
        vec![c(2, 0.0, 0.0), c(0, 0.0, 0.0)],
        vec![c(1, 4.0, 8.0); 50],
    ] {
        let fit = fit_bgnbd(&data).unwrap();
        let p = fit.params;
        assert!(fit.log_likelihood.is_finite(), "{data:?}: {fit:?}");
        assert!(
            [p.r, p.alpha, p.a, p.b]
                .iter()
                .all(|v| v.is_finite() && *v > 0.0),
            "{data:?}: {fit:?}"
        );
    }
}

fn params() -> impl Strategy<Value = BgNbdParams> {
    (0.05f64..5.0, 0.1f64..50.0, 0.05f64..5.0, 0.05f64..10.0)
        .prop_map(|(r, alpha, a, b)| BgNbdParams { r, alpha, a, b })
}

proptest! {
    /// P(alive) is a probability and a more recent last purchase never
    /// lowers it; expected purchases grow with the horizon.
    #[test]
    fn invariants(p in params(), x in 1u32..40, age in 1.0f64..100.0, f in 0.0f64..1.0, g in 0.0f64..1.0) {
        let (early, late) = (age * f.min(g), age * f.max(g));
        let pa_early = p.p_alive(&c(x, early, age)).unwrap();
        let pa_late = p.p_alive(&c(x, late, age)).unwrap();
        prop_assert!((0.0..=1.0).contains(&pa_early) && (0.0..=1.0).contains(&pa_late));
        prop_assert!(pa_late >= pa_early - 1e-12, "{} < {}", pa_late, pa_early);
        if p.a + p.b > 1.05 {
            let mut prev = 0.0;
            for t in [1.0, 5.0, 20.0, 50.0] {
                if let Some(e) = p.expected_purchases(&c(x, late, age), t) {
                    prop_assert!(e >= prev - 1e-9 && e.is_finite(), "E[Y({})] = {} after {}", t, e, prev);
                    prev = e;
                }
            }
        }
    }
}

proptest! {
    // Each case is a full fit (a few ms natively in debug): 64 cases.
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Fits on small random data are finite or a typed error, never NaN.
    #[test]
    fn fits_never_nan(rows in prop::collection::vec((0u32..8, 0.0f64..1.0, 0.1f64..60.0), 1..25)) {
        let data: Vec<CustomerSummary> =
            rows.iter().map(|&(x, f, t)| c(x, if x == 0 { 0.0 } else { f * t }, t)).collect();
        match fit_bgnbd(&data) {
            Ok(fit) => {
                let p = fit.params;
                prop_assert!(fit.log_likelihood.is_finite());
                prop_assert!([p.r, p.alpha, p.a, p.b].iter().all(|v| v.is_finite() && *v > 0.0), "{:?}", fit);
                for d in &data {
                    prop_assert!((0.0..=1.0).contains(&p.p_alive(d).unwrap()));
                }
            }
            Err(e) => prop_assert_eq!(e, ClvModelError::NoRepeatCustomers),
        }
    }
}
