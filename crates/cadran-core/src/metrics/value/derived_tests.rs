//! Tests of derived importance (kept apart: the worked regression is long).

use super::*;
use crate::metrics::value::driver::ValueError;
use proptest::prelude::*;

fn row(ratings: &[f64], y: f64) -> SurveyRow {
    SurveyRow { ratings: ratings.iter().map(|&x| Some(x)).collect(), outcome: Some(y) }
}

/// A 3-predictor survey of 8 respondents.
fn worked() -> Vec<SurveyRow> {
    let data: [([f64; 3], f64); 8] = [
        ([4.0, 3.0, 5.0], 8.0),
        ([2.0, 2.0, 3.0], 5.0),
        ([5.0, 4.0, 4.0], 9.0),
        ([3.0, 5.0, 2.0], 6.0),
        ([1.0, 1.0, 2.0], 2.0),
        ([4.0, 2.0, 1.0], 6.0),
        ([2.0, 4.0, 5.0], 7.0),
        ([5.0, 5.0, 3.0], 10.0),
    ];
    data.iter().map(|(x, y)| row(x, *y)).collect()
}

/// R² by ordinary least squares on the raw data: the normal equations
/// XᵀX b = Xᵀy with an intercept, solved by Gaussian elimination with
/// partial pivoting, then R² = 1 − SSE ÷ SST. Independent of the
/// correlation-matrix route.
fn ols_r_squared(rows: &[SurveyRow]) -> f64 {
    let x: Vec<Vec<f64>> =
        rows.iter().map(|r| std::iter::once(1.0).chain(r.ratings.iter().map(|v| v.unwrap())).collect()).collect();
    let y: Vec<f64> = rows.iter().map(|r| r.outcome.unwrap()).collect();
    let p = x[0].len();
    let mut a: Vec<Vec<f64>> = (0..p)
        .map(|i| {
            let mut line: Vec<f64> = (0..p).map(|j| x.iter().map(|r| r[i] * r[j]).sum()).collect();
            line.push(x.iter().zip(&y).map(|(r, yi)| r[i] * yi).sum());
            line
        })
        .collect();
    for c in 0..p {
        let pivot = (c..p).max_by(|&i, &j| a[i][c].abs().total_cmp(&a[j][c].abs())).unwrap();
        a.swap(c, pivot);
        let pivot_row = a[c].clone();
        for (i, line) in a.iter_mut().enumerate() {
            if i != c {
                let f = line[c] / pivot_row[c];
                for (x, y) in line[c..].iter_mut().zip(&pivot_row[c..]) {
                    *x -= f * y;
                }
            }
        }
    }
    let b: Vec<f64> = (0..p).map(|i| a[i][p] / a[i][i]).collect();
    let mean = y.iter().sum::<f64>() / y.len() as f64;
    let sse: f64 = x.iter().zip(&y).map(|(r, yi)| (yi - r.iter().zip(&b).map(|(u, v)| u * v).sum::<f64>()).powi(2)).sum();
    let sst: f64 = y.iter().map(|yi| (yi - mean).powi(2)).sum();
    1.0 - sse / sst
}

#[test]
fn worked_example_sums_to_ols_r_squared() {
    let rows = worked();
    let want = ols_r_squared(&rows);
    let d = derived_importance(&rows, 3).unwrap();
    assert!((d.r_squared - want).abs() < 1e-9, "R² {} vs OLS {want}", d.r_squared);
    let rw: f64 = d.drivers.iter().map(|x| x.relative_weight).sum();
    assert!((rw - want).abs() < 1e-9, "relative weights sum {rw} vs OLS R² {want}");
    let sh = d.shapley.clone().unwrap();
    assert!((sh.iter().sum::<f64>() - want).abs() < 1e-9, "Shapley sum {sh:?} vs OLS R² {want}");
    let shares: f64 = d.drivers.iter().map(|x| x.relative_share).sum();
    assert!((shares - 1.0).abs() < 1e-9);
    assert!(d.drivers.iter().all(|x| x.relative_weight >= 0.0));
    // Each driver's Shapley value and relative weight agree closely (both
    // approximate dominance analysis; Johnson 2000 reports differences of
    // a few thousandths).
    for (j, (x, s)) in d.drivers.iter().zip(&sh).enumerate() {
        assert!((x.relative_weight - s).abs() < 0.05, "driver {j}: {} vs {s}", x.relative_weight);
    }
    // Pinned figures of this example (R² = 0.962 359 by both routes).
    let pinned = [(0.872_383, 0.528_717, 0.523_064), (0.757_343, 0.284_297, 0.294_862), (0.484_404, 0.149_346, 0.144_434)];
    for (j, (x, (r, w, s))) in d.drivers.iter().zip(pinned).enumerate() {
        assert!((x.correlation - r).abs() < 1e-6, "driver {j}: r {}", x.correlation);
        assert!((x.relative_weight - w).abs() < 1e-6, "driver {j}: relative weight {}", x.relative_weight);
        assert!((sh[j] - s).abs() < 1e-6, "driver {j}: Shapley {}", sh[j]);
    }
    // The one-predictor R² is the squared correlation.
    let one: Vec<SurveyRow> = rows.iter().map(|r| SurveyRow { ratings: vec![r.ratings[0]], outcome: r.outcome }).collect();
    let d1 = derived_importance(&one, 1).unwrap();
    assert!((d1.r_squared - d.drivers[0].correlation.powi(2)).abs() < 1e-12);
    assert!((d1.r_squared - ols_r_squared(&one)).abs() < 1e-9);
}

#[test]
fn bad_and_degenerate_surveys() {
    // One respondent, none, all answers missing.
    assert_eq!(derived_importance(&[row(&[1.0], 2.0)], 1), Err(Undefined::TooFewAnswers { have: 1, need: 2 }.into()));
    assert_eq!(derived_importance(&[], 1), Err(Undefined::TooFewAnswers { have: 0, need: 2 }.into()));
    // All equal.
    let same = vec![row(&[3.0, 3.0], 4.0); 5];
    assert_eq!(derived_importance(&same, 2), Err(Undefined::ConstantOutcome.into()));
    // A non-finite cell and a short row are named.
    let bad = [row(&[1.0, 2.0], 1.0), row(&[1.0, f64::NAN], 1.0)];
    let want = CellError { row: 1, column: SurveyColumn::Driver(1), problem: CellProblem::NotFinite };
    assert_eq!(derived_importance(&bad, 2), Err(ValueError::Survey(want)));
    let short = [row(&[1.0, 2.0], 1.0), row(&[1.0], 1.0)];
    let want = CellError { row: 1, column: SurveyColumn::Driver(1), problem: CellProblem::WrongLength { have: 1, need: 2 } };
    assert_eq!(derived_importance(&short, 2), Err(ValueError::Survey(want)));
    let bad_y = [SurveyRow { ratings: vec![], outcome: Some(f64::INFINITY) }];
    assert!(matches!(derived_importance(&bad_y, 0), Err(ValueError::Survey(CellError { column: SurveyColumn::Outcome, .. }))));
    // Every driver constant: R² 0, a note each.
    let flat = [row(&[3.0, 1.0], 1.0), row(&[3.0, 1.0], 5.0), row(&[3.0, 1.0], 2.0)];
    let d = derived_importance(&flat, 2).unwrap();
    assert_eq!(d.r_squared, 0.0);
    assert_eq!(d.notes, [DerivedNote::ConstantColumn { driver: 0 }, DerivedNote::ConstantColumn { driver: 1 }]);
    // Few respondents for the drivers.
    let few = [row(&[1.0, 2.0], 1.0), row(&[2.0, 1.0], 3.0), row(&[3.0, 5.0], 2.0)];
    assert!(derived_importance(&few, 2).unwrap().notes.contains(&DerivedNote::FewRespondents { respondents: 3, drivers: 2 }));
    // Two identical drivers share the weight and still sum to R².
    let twins: Vec<SurveyRow> = worked().iter().map(|r| SurveyRow { ratings: vec![r.ratings[0], r.ratings[0]], outcome: r.outcome }).collect();
    let d = derived_importance(&twins, 2).unwrap();
    let sh = d.shapley.unwrap();
    assert!((d.drivers[0].relative_weight - d.drivers[1].relative_weight).abs() < 1e-9);
    assert!((sh[0] - sh[1]).abs() < 1e-12 && (sh[0] + sh[1] - d.r_squared).abs() < 1e-9, "{sh:?} vs {}", d.r_squared);
}

fn survey(drivers: usize) -> impl Strategy<Value = Vec<SurveyRow>> {
    prop::collection::vec((prop::collection::vec(prop::option::weighted(0.95, 1u8..=5), drivers), 0u8..=10), 3..40).prop_map(|rows| {
        rows.into_iter()
            .map(|(r, y)| SurveyRow { ratings: r.into_iter().map(|x| x.map(f64::from)).collect(), outcome: Some(f64::from(y)) })
            .collect()
    })
}

proptest! {
    /// Relative weights and Shapley values both sum to R², are never NaN, and
    /// a constant column gets zero and a note.
    #[test]
    fn sums_to_r_squared(rows in survey(5), constant in 0usize..5) {
        let mut rows = rows;
        for r in &mut rows { r.ratings[constant] = r.ratings[constant].map(|_| 3.0); }
        match derived_importance(&rows, 5) {
            Ok(d) => {
                prop_assert!(d.r_squared.is_finite() && (0.0..=1.0).contains(&d.r_squared));
                let rw: f64 = d.drivers.iter().map(|x| x.relative_weight).sum();
                prop_assert!((rw - d.r_squared).abs() < 1e-7, "weights {} vs R² {}", rw, d.r_squared);
                let sh = d.shapley.unwrap();
                prop_assert!((sh.iter().sum::<f64>() - d.r_squared).abs() < 1e-7, "Shapley {:?} vs R² {}", sh, d.r_squared);
                prop_assert!(d.drivers.iter().all(|x| x.correlation.is_finite() && x.relative_share.is_finite()));
                prop_assert_eq!(d.drivers[constant].relative_weight, 0.0);
                prop_assert_eq!(sh[constant], 0.0);
                prop_assert!(d.notes.contains(&DerivedNote::ConstantColumn { driver: constant }), "{:?}", d.notes);
            }
            Err(e) => prop_assert!(matches!(e, ValueError::Metric(_)), "{e:?}"),
        }
    }

    /// Permuting the drivers permutes their derived importance.
    #[test]
    fn permuting_drivers_permutes_results(rows in survey(4), rotate in 1usize..4) {
        let shifted: Vec<SurveyRow> = rows.iter().map(|r| { let mut x = r.ratings.clone(); x.rotate_left(rotate); SurveyRow { ratings: x, outcome: r.outcome } }).collect();
        if let (Ok(a), Ok(b)) = (derived_importance(&rows, 4), derived_importance(&shifted, 4)) {
            prop_assert!((a.r_squared - b.r_squared).abs() < 1e-7);
            let (sa, sb) = (a.shapley.unwrap(), b.shapley.unwrap());
            for (k, (bk, sbk)) in b.drivers.iter().zip(&sb).enumerate() {
                let j = (k + rotate) % 4;
                prop_assert!((bk.relative_weight - a.drivers[j].relative_weight).abs() < 1e-7);
                prop_assert!((bk.correlation - a.drivers[j].correlation).abs() < 1e-9);
                prop_assert!((sbk - sa[j]).abs() < 1e-7);
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(3))]
    /// 200 drivers and any finite ratings: no panic; Shapley says too many.
    #[test]
    fn two_hundred_drivers(seed in prop::collection::vec(-1e6..1e6f64, 200 * 30 + 30)) {
        let rows: Vec<SurveyRow> = (0..30).map(|i| SurveyRow {
            ratings: (0..200).map(|j| Some(seed[i * 200 + j])).collect(),
            outcome: Some(seed[6000 + i]),
        }).collect();
        let d = derived_importance(&rows, 200).unwrap();
        prop_assert!(d.r_squared.is_finite());
        prop_assert_eq!(d.shapley, Err(Undefined::TooManyDrivers { have: 200, max: 15 }));
        prop_assert!(d.drivers.iter().all(|x| x.relative_weight.is_finite() && x.relative_weight >= 0.0));
    }
}


/// Fifteen drivers, the most for exact Shapley: both decompositions sum to
/// R²; a sixteenth varying driver gives a typed reason instead.
#[test]
fn fifteen_drivers_at_most() {
    let mut s = 12_345u64;
    let mut next = || {
        s = s.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        f64::from(u32::try_from(s >> 61).unwrap()) + 1.0
    };
    let rows = |p: usize, next: &mut dyn FnMut() -> f64| -> Vec<SurveyRow> {
        (0..60).map(|_| { let r: Vec<f64> = (0..p).map(|_| next()).collect(); let y = r.iter().take(3).sum::<f64>() + next(); row(&r, y) }).collect()
    };
    let fifteen = rows(15, &mut next);
    let d = derived_importance(&fifteen, 15).unwrap();
    let sh = d.shapley.unwrap();
    assert!((sh.iter().sum::<f64>() - d.r_squared).abs() < 1e-9, "{sh:?} vs {}", d.r_squared);
    assert!((d.r_squared - ols_r_squared(&fifteen)).abs() < 1e-9);
    let sixteen = rows(16, &mut next);
    assert_eq!(derived_importance(&sixteen, 16).unwrap().shapley, Err(Undefined::TooManyDrivers { have: 16, max: 15 }));
}

/// 200 drivers with more respondents than drivers (a full-rank correlation
/// matrix): the eigen solver converges and the weights sum to R².
#[test]
fn two_hundred_drivers_full_rank() {
    let mut s = 99u64;
    let mut next = || {
        s = s.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        f64::from(u32::try_from(s >> 60).unwrap())
    };
    let rows: Vec<SurveyRow> = (0..300).map(|_| { let r: Vec<f64> = (0..200).map(|_| next()).collect(); let y = r[0] + r[1] + next(); row(&r, y) }).collect();
    let d = derived_importance(&rows, 200).unwrap();
    let rw: f64 = d.drivers.iter().map(|x| x.relative_weight).sum();
    assert!((rw - d.r_squared).abs() < 1e-9 && d.r_squared > 0.3, "{rw} vs {}", d.r_squared);
    assert!(d.drivers[0].relative_weight > d.drivers[5].relative_weight);
}
