//! Potential gain per driver and the competitive value gap.

use super::driver::{normalised, Driver, Normalised, Scales, ValueOutcome};
use crate::Undefined;
use serde::{Deserialize, Serialize};

/// Potential gain of a driver: importance × distance from performance to a
/// target, all normalised to 0..=1. The target is the top of the scale (1)
/// or the best competitor's performance; a driver already at or beyond the
/// target gains 0.
///
/// **Definition.** gain = I × max(0, T − P).
///
/// **Source.** Hawes, J. M. & Rao, C. P. (1985), "Using Importance-
/// Performance Analysis to Develop Health Care Marketing Strategies",
/// *Journal of Health Care Marketing* 5(4), 19–25: the "potential gain in
/// customer value" (PGCV), importance × (ultimately desired performance −
/// actual performance).
///
/// # Example
/// Importance 5 and performance 3 on a 1–5 scale: 1 × (1 − 0.5) = 0.5.
/// ```
/// use cadran_core::metrics::value::potential_gain;
/// assert_eq!(potential_gain(1.0, 0.5, 1.0), 0.5);
/// assert_eq!(potential_gain(0.5, 0.5, 0.75), 0.125);
/// assert_eq!(potential_gain(0.5, 0.9, 0.75), 0.0);
/// ```
#[must_use]
pub fn potential_gain(importance: f64, performance: f64, target: f64) -> f64 {
    importance * (target - performance).max(0.0)
}

/// One driver's gains and gaps. **Statistics: `f64`**, on normalised
/// ratings (0..=1).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct DriverGap {
    /// [`potential_gain`] to the top of the scale.
    pub gain_to_top: f64,
    /// [`potential_gain`] to the best competitor; `None` without competitor data.
    pub gain_to_best: Option<f64>,
    /// Best competitor's performance.
    pub best_competitor: Option<f64>,
    /// Mean competitor performance.
    pub mean_competitor: Option<f64>,
    /// importance × (own − best competitor): negative where a competitor
    /// does better.
    pub weighted_gap_to_best: Option<f64>,
    /// importance × (own − mean competitor).
    pub weighted_gap_to_mean: Option<f64>,
}

/// Gains and gaps of every driver, and the importance-weighted competitive
/// gap of the whole offer. **Statistics: `f64`**.
#[derive(Debug, Clone, PartialEq)]
pub struct CompetitiveGap {
    /// One per driver, in table order.
    pub drivers: Vec<DriverGap>,
    /// Σ Iᵢ (Pᵢ − bestᵢ) ÷ Σ Iᵢ over the drivers with competitor data.
    pub gap_to_best: Result<f64, Undefined>,
    /// Σ Iᵢ (Pᵢ − meanᵢ) ÷ Σ Iᵢ.
    pub gap_to_mean: Result<f64, Undefined>,
}

/// The importance-weighted mean of differences: Σ wᵢ dᵢ ÷ Σ wᵢ.
///
/// **Definition.** The weighted arithmetic mean; used by Gale (1994) to
/// combine attribute-by-attribute comparisons into one score.
/// [`Undefined::NoCompetitors`] without any pair, [`Undefined::NoImportance`]
/// when the weights sum to zero.
///
/// # Example
/// ```
/// use cadran_core::metrics::value::weighted_gap;
/// assert_eq!(weighted_gap(&[(1.0, -0.25), (0.5, 0.5)]), Ok(0.0));
/// ```
pub fn weighted_gap(pairs: &[(f64, f64)]) -> Result<f64, Undefined> {
    if pairs.is_empty() {
        return Err(Undefined::NoCompetitors);
    }
    let w: f64 = pairs.iter().map(|p| p.0).sum();
    if w <= 0.0 {
        return Err(Undefined::NoImportance);
    }
    Ok(pairs.iter().map(|&(wi, d)| wi * d).sum::<f64>() / w)
}

fn driver_gap(d: &Normalised) -> DriverGap {
    let best = d.competitors.iter().copied().reduce(f64::max);
    #[allow(clippy::cast_precision_loss)] // a few competitors
    let mean = (!d.competitors.is_empty()).then(|| d.competitors.iter().sum::<f64>() / d.competitors.len() as f64);
    DriverGap {
        gain_to_top: potential_gain(d.importance, d.performance, 1.0),
        gain_to_best: best.map(|b| potential_gain(d.importance, d.performance, b)),
        best_competitor: best,
        mean_competitor: mean,
        weighted_gap_to_best: best.map(|b| d.importance * (d.performance - b)),
        weighted_gap_to_mean: mean.map(|m| d.importance * (d.performance - m)),
    }
}

/// Potential gain of every driver and the competitive value gap: own
/// performance against the best and the mean competitor, weighted by
/// importance.
///
/// **Definition.** With normalised importance Iᵢ, own performance Pᵢ and
/// competitors' Cᵢₖ: gainᵢ = Iᵢ (1 − Pᵢ) and Iᵢ max(0, maxₖ Cᵢₖ − Pᵢ)
/// ([`potential_gain`]); the gap of the offer is Σ Iᵢ (Pᵢ − maxₖ Cᵢₖ) ÷ Σ Iᵢ
/// (and with the mean of the Cᵢₖ), over drivers with competitor data.
///
/// **Source.** Hawes & Rao (1985) for the gain; Gale, B. T. (1994),
/// *Managing Customer Value*, Free Press, for the
/// importance-weighted attribute-by-attribute comparison with competitors.
///
/// # Example
/// ```
/// use cadran_core::metrics::value::{competitive_gaps, Driver, Scales};
/// let drivers = [
///     Driver { name: "Speed".into(), importance: 5.0, performance: 3.0, competitors: vec![4.0, 2.0], ..Driver::default() },
///     Driver { name: "Price".into(), importance: 3.0, performance: 4.0, competitors: vec![3.0, 3.0], ..Driver::default() },
/// ];
/// let g = competitive_gaps(&drivers, Scales::default()).unwrap();
/// assert_eq!(g.drivers[0].gain_to_top, 0.5);   // 1 × (1 − 0.5)
/// assert_eq!(g.drivers[0].gain_to_best, Some(0.25)); // 1 × (0.75 − 0.5)
/// // (1 × (0.5 − 0.75) + 0.5 × (0.75 − 0.5)) ÷ 1.5 = −1/12
/// assert!((g.gap_to_best.unwrap() + 1.0 / 12.0).abs() < 1e-12);
/// ```
pub fn competitive_gaps(drivers: &[Driver], scales: Scales) -> ValueOutcome<CompetitiveGap> {
    let n = normalised(drivers, scales)?;
    let gaps: Vec<DriverGap> = n.iter().map(driver_gap).collect();
    let pairs = |f: fn(&DriverGap) -> Option<f64>| -> Vec<(f64, f64)> {
        n.iter().zip(&gaps).filter_map(|(d, g)| f(g).map(|c| (d.importance, d.performance - c))).collect()
    };
    Ok(CompetitiveGap {
        gap_to_best: weighted_gap(&pairs(|g| g.best_competitor)),
        gap_to_mean: weighted_gap(&pairs(|g| g.mean_competitor)),
        drivers: gaps,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn d(importance: f64, performance: f64, competitors: Vec<f64>) -> Driver {
        Driver { name: "x".into(), importance, performance, competitors, ..Driver::default() }
    }

    #[test]
    fn gains_table() {
        for (i, p, t, want) in [(1.0, 0.0, 1.0, 1.0), (0.0, 0.0, 1.0, 0.0), (0.5, 1.0, 1.0, 0.0), (0.8, 0.5, 0.6, 0.08)] {
            assert!((potential_gain(i, p, t) - want).abs() < 1e-12, "I {i} P {p} target {t}");
        }
    }

    #[test]
    fn gaps_and_undefined() {
        let g = competitive_gaps(&[d(5.0, 5.0, vec![]), d(1.0, 1.0, vec![])], Scales::default()).unwrap();
        assert_eq!(g.gap_to_best, Err(Undefined::NoCompetitors));
        assert_eq!(g.drivers[1].gain_to_best, None);
        let g = competitive_gaps(&[d(1.0, 3.0, vec![5.0])], Scales::default()).unwrap();
        assert_eq!(g.gap_to_best, Err(Undefined::NoImportance), "importance at the bottom of the scale weighs nothing");
        assert_eq!(g.drivers[0].weighted_gap_to_best, Some(0.0));
        let g = competitive_gaps(&[d(5.0, 3.0, vec![5.0, 1.0]), d(3.0, 2.0, vec![])], Scales::default()).unwrap();
        assert_eq!(g.gap_to_best, Ok(-0.5), "only the driver with competitors counts");
        assert_eq!(g.gap_to_mean, Ok(0.0));
    }

    proptest! {
        #[test]
        fn gains_bounded(v in prop::collection::vec((1.0..=5.0f64, 1.0..=5.0f64, prop::collection::vec(1.0..=5.0f64, 0..4)), 1..200)) {
            let drivers: Vec<Driver> = v.into_iter().map(|(i, p, c)| d(i, p, c)).collect();
            let g = competitive_gaps(&drivers, Scales::default()).unwrap();
            for x in &g.drivers {
                prop_assert!((0.0..=1.0).contains(&x.gain_to_top));
                prop_assert!(x.gain_to_best.is_none_or(|b| (0.0..=1.0).contains(&b) && b <= x.gain_to_top + 1e-12));
            }
            if let Ok(t) = g.gap_to_best { prop_assert!((-1.0..=1.0).contains(&t)); }
        }
    }
}
