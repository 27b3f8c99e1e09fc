//! Transactions → calibration/holdout split → BG/NBD fit on the calibration
//! → predicted vs actual holdout purchases and the tracking curve, on a
//! simulated file (no published transaction-level figures are in the
//! repository: the CDNOW sample of Fader, Hardie & Lee 2005 is stored only
//! as its calibration summary).

use cadran_core::ingest::date::Date;
use cadran_core::metrics::clv_model::bgnbd::fit_bgnbd;
use cadran_core::metrics::clv_model::holdout::{compare_holdout, split_holdout};
use cadran_core::metrics::clv_model::summary::{Purchase, TimeUnit};
use cadran_core::metrics::clv_model::tracking::tracking;

/// A deterministic file drawn from the BG/NBD story itself: 2 000
/// customers arriving over 12 weeks, each buying as a Poisson process of
/// weekly rate λ (one of four values) and dropping out after each purchase
/// with probability p (one of three), observed over 78 weeks.
fn simulated() -> (Vec<Purchase>, Date, Date) {
    let start = Date::from_ymd(1997, 1, 1).unwrap();
    let mut seed: u64 = 42;
    let mut uniform = || {
        seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
        ((seed >> 11) as f64 + 0.5) / (1u64 << 53) as f64
    };
    let end = Date(start.0 + 78 * 7 - 1);
    let mut tx = Vec::new();
    for customer in 0..2_000u32 {
        let lambda = [0.05, 0.1, 0.2, 0.5][(uniform() * 4.0) as usize % 4];
        let p = [0.1, 0.3, 0.6][(uniform() * 3.0) as usize % 3];
        let mut day = f64::from(start.0) + (uniform() * 84.0).floor();
        loop {
            tx.push(Purchase {
                customer,
                day: Date(day as i32),
                amount: 10.0 + 40.0 * uniform(),
            });
            if uniform() < p {
                break;
            }
            day += -7.0 * uniform().ln() / lambda;
            if day > f64::from(end.0) {
                break;
            }
        }
    }
    (tx, Date(start.0 + 39 * 7 - 1), end)
}

#[test]
fn holdout_pipeline_on_a_simulated_file() {
    let (tx, cal_end, end) = simulated();
    let split = split_holdout(&tx, TimeUnit::Weeks, cal_end, end).unwrap();
    assert_eq!(split.first_seen_in_holdout, 0, "all arrive in 12 weeks");
    assert_eq!(split.holdout_length, 39.0);
    let summaries: Vec<_> = split
        .customers
        .iter()
        .map(|c| c.calibration.summary)
        .collect();
    let fit = fit_bgnbd(&summaries).unwrap();
    let cmp = compare_holdout(&fit.params, &split).unwrap();
    let n: usize = cmp.groups.iter().map(|g| g.customers).sum();
    assert_eq!(n, split.customers.len());
    assert!(cmp.predicted_total.is_finite() && cmp.mean_absolute_error.is_finite());
    assert!(cmp.total_error.unwrap().abs() < 0.2, "{cmp:?}");
    eprintln!(
        "holdout: actual {} predicted {:.1} mae {:.3} err {:?}",
        cmp.actual_total, cmp.predicted_total, cmp.mean_absolute_error, cmp.total_error
    );
    let curve = tracking(&fit.params, &tx, TimeUnit::Weeks, end).unwrap();
    assert!(curve.len() >= 78);
    assert!(curve
        .windows(2)
        .all(|w| w[1].expected_cumulative >= w[0].expected_cumulative
            && w[1].actual_cumulative >= w[0].actual_cumulative));
    // Over the calibration the fitted curve follows the data.
    let at = curve[38];
    let rel =
        (at.expected_cumulative - at.actual_cumulative as f64).abs() / at.actual_cumulative as f64;
    assert!(rel < 0.1, "week 39: {at:?}");
    eprintln!("week 39 {at:?}; week 78 {:?}", curve[77]);
}
