//! Importance–performance analysis: the four-quadrant grid and the
//! diagonal iso-priority reading.

use super::driver::{normalised, Driver, Scales, ValueOutcome};
use serde::{Deserialize, Serialize};

/// A quadrant of the importance–performance grid.
///
/// **Source.** Martilla, J. A. & James, J. C. (1977), "Importance-Performance
/// Analysis", *Journal of Marketing* 41(1), 77–79, figure 1.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Quadrant {
    /// High importance, low performance: fix these first.
    ConcentrateHere,
    /// High importance, high performance: keep it up.
    KeepUpTheGoodWork,
    /// Low importance, low performance: not worth much effort.
    LowPriority,
    /// Low importance, high performance: resources may be better spent elsewhere.
    PossibleOverkill,
}

/// Where the grid's crosshairs are drawn.
///
/// Martilla & James (1977) leave the placement to judgment. **Data means
/// are the usual default** because stated importance bunches at the top of
/// the scale: customers call almost everything "important", so a crosshair
/// at the scale midpoint leaves nearly every driver in the two upper
/// quadrants and the grid says nothing. The means split drivers into
/// *relatively* more and less important ones (Oh, H. (2001), "Revisiting
/// importance–performance analysis", *Tourism Management* 22(6), 617–627;
/// Bacon, D. R. (2003), "A comparison of approaches to
/// importance-performance analysis", *International Journal of Market
/// Research* 45(1), 55–71). The midpoint suits a scale whose middle has a
/// meaning of its own ("neither good nor bad").
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Crosshairs {
    /// At the middle of each scale (0.5 once normalised).
    ScaleMidpoint,
    /// At the mean importance and the mean performance of the drivers.
    #[default]
    DataMeans,
}

/// The quadrant of a point, given the crosshairs (all values on one scale,
/// normalised or not).
///
/// **Ties.** A point exactly on a crosshair goes to the side that asks for
/// attention: importance equal to the crosshair counts as *high*, performance
/// equal to it counts as *low* — a tie never dismisses a driver as "low
/// priority" or "overkill". A point on both crosshairs is
/// [`Quadrant::ConcentrateHere`].
///
/// # Example
/// ```
/// use cadran_core::metrics::value::{quadrant, Quadrant};
/// assert_eq!(quadrant(0.9, 0.2, 0.5, 0.5), Quadrant::ConcentrateHere);
/// assert_eq!(quadrant(0.9, 0.8, 0.5, 0.5), Quadrant::KeepUpTheGoodWork);
/// assert_eq!(quadrant(0.1, 0.2, 0.5, 0.5), Quadrant::LowPriority);
/// assert_eq!(quadrant(0.1, 0.8, 0.5, 0.5), Quadrant::PossibleOverkill);
/// assert_eq!(quadrant(0.5, 0.5, 0.5, 0.5), Quadrant::ConcentrateHere);
/// ```
#[must_use]
pub fn quadrant(importance: f64, performance: f64, crosshair_importance: f64, crosshair_performance: f64) -> Quadrant {
    let high_importance = importance >= crosshair_importance;
    let high_performance = performance > crosshair_performance;
    match (high_importance, high_performance) {
        (true, false) => Quadrant::ConcentrateHere,
        (true, true) => Quadrant::KeepUpTheGoodWork,
        (false, false) => Quadrant::LowPriority,
        (false, true) => Quadrant::PossibleOverkill,
    }
}

/// The iso-priority gap of a point: how far above the diagonal through the
/// crosshairs it lies, (importance − cᵢ) − (performance − cₚ). Positive: the
/// driver matters more than it is delivered (improve); negative: it is
/// delivered beyond its importance. Drivers with equal gaps lie on one
/// iso-priority line, parallel to the diagonal.
///
/// **Source.** Slack, N. (1994), "The importance-performance matrix as a
/// determinant of improvement priority", *International Journal of
/// Operations & Production Management* 14(5), 59–75; Bacon (2003), the
/// "diagonal" model, where priority grows with importance − performance.
/// With midpoint crosshairs (0.5, 0.5) the gap is simply importance −
/// performance.
///
/// # Example
/// ```
/// use cadran_core::metrics::value::priority_gap;
/// assert!((priority_gap(0.9, 0.4, 0.5, 0.5) - 0.5).abs() < 1e-12);
/// assert!((priority_gap(0.7, 0.6, 0.7, 0.4) + 0.2).abs() < 1e-12);
/// ```
#[must_use]
pub fn priority_gap(importance: f64, performance: f64, crosshair_importance: f64, crosshair_performance: f64) -> f64 {
    (importance - crosshair_importance) - (performance - crosshair_performance)
}

/// One driver on the grid. **Statistics: `f64`**, normalised to 0..=1.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct IpaPoint {
    /// Importance, 0 (bottom of the scale) to 1 (top).
    pub importance: f64,
    /// Performance, 0 to 1.
    pub performance: f64,
    /// Its quadrant.
    pub quadrant: Quadrant,
    /// Its iso-priority gap ([`priority_gap`]).
    pub priority_gap: f64,
}

/// The importance–performance grid. **Statistics: `f64`**, normalised.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct IpaGrid {
    /// The crosshairs used.
    pub crosshairs: Crosshairs,
    /// Importance of the horizontal crosshair.
    pub crosshair_importance: f64,
    /// Performance of the vertical crosshair.
    pub crosshair_performance: f64,
    /// One point per driver, in table order.
    pub points: Vec<IpaPoint>,
    /// Driver rows from the highest iso-priority gap to the lowest (ties:
    /// table order).
    pub by_priority: Vec<usize>,
    /// Stated importance bunches at the top ([`bunched_at_top`]): the page
    /// says why data-mean crosshairs are then the better choice.
    pub importance_bunched: bool,
}

/// Share of drivers above the scale midpoint from which stated importance
/// is said to bunch at the top: 80 %.
pub const BUNCHED_SHARE: f64 = 0.8;

/// Whether stated importance bunches at the top of the scale: at least two
/// drivers, and at least [`BUNCHED_SHARE`] of them rated above the
/// midpoint (normalised importance > 0.5). A rule of thumb for the warning
/// of Oh (2001) and Bacon (2003) that midpoint crosshairs then put nearly
/// every driver in the upper quadrants.
///
/// # Example
/// ```
/// use cadran_core::metrics::value::bunched_at_top;
/// assert!(bunched_at_top(&[0.9, 0.8, 0.75, 0.6, 0.4]));
/// assert!(!bunched_at_top(&[0.9, 0.3, 0.75, 0.6, 0.4]));
/// assert!(!bunched_at_top(&[0.9]));
/// ```
#[must_use]
pub fn bunched_at_top(importance: &[f64]) -> bool {
    let above = importance.iter().filter(|&&i| i > 0.5).count();
    #[allow(clippy::cast_precision_loss)] // a table of drivers
    let share = above as f64 / importance.len().max(1) as f64;
    importance.len() >= 2 && share >= BUNCHED_SHARE
}

/// Importance–performance analysis of every driver: normalise the ratings,
/// place the crosshairs, and give each driver its quadrant and iso-priority
/// gap.
///
/// **Definition.** Importance and performance are normalised to 0..=1 by
/// their scales; crosshairs at 0.5 ([`Crosshairs::ScaleMidpoint`]) or at
/// the means of the drivers' normalised importance and performance
/// ([`Crosshairs::DataMeans`]); quadrants by [`quadrant`], gaps by
/// [`priority_gap`].
///
/// **Source.** Martilla & James (1977); crosshairs as discussed by Oh (2001)
/// and Bacon (2003); diagonal after Slack (1994).
///
/// # Example
/// One driver in each quadrant, in the spirit of Martilla & James's (1977)
/// car-dealer service illustration (the ratings are invented for the
/// example).
/// ```
/// use cadran_core::metrics::value::{importance_performance, Crosshairs, Driver, Quadrant, Scales};
/// let d = |name: &str, importance, performance| Driver { name: name.into(), importance, performance, ..Driver::default() };
/// let drivers = [d("Service prices", 4.8, 2.0), d("Friendliness", 4.5, 4.5), d("Courtesy car", 1.5, 2.0), d("Free coffee", 1.2, 4.8)];
/// let g = importance_performance(&drivers, Scales::default(), Crosshairs::ScaleMidpoint).unwrap();
/// let q: Vec<_> = g.points.iter().map(|p| p.quadrant).collect();
/// assert_eq!(q, [Quadrant::ConcentrateHere, Quadrant::KeepUpTheGoodWork, Quadrant::LowPriority, Quadrant::PossibleOverkill]);
/// assert_eq!(g.by_priority[0], 0);
/// ```
pub fn importance_performance(drivers: &[Driver], scales: Scales, crosshairs: Crosshairs) -> ValueOutcome<IpaGrid> {
    let n = normalised(drivers, scales)?;
    #[allow(clippy::cast_precision_loss)] // a table of drivers, far below 2⁵³
    let count = n.len() as f64;
    let (ci, cp) = match crosshairs {
        Crosshairs::ScaleMidpoint => (0.5, 0.5),
        Crosshairs::DataMeans => (
            n.iter().map(|d| d.importance).sum::<f64>() / count,
            n.iter().map(|d| d.performance).sum::<f64>() / count,
        ),
    };
    let points: Vec<IpaPoint> = n
        .iter()
        .map(|d| IpaPoint {
            importance: d.importance,
            performance: d.performance,
            quadrant: quadrant(d.importance, d.performance, ci, cp),
            priority_gap: priority_gap(d.importance, d.performance, ci, cp),
        })
        .collect();
    let mut by_priority: Vec<usize> = (0..points.len()).collect();
    by_priority.sort_by(|&a, &b| points[b].priority_gap.total_cmp(&points[a].priority_gap).then(a.cmp(&b)));
    let importance_bunched = bunched_at_top(&n.iter().map(|d| d.importance).collect::<Vec<f64>>());
    Ok(IpaGrid { crosshairs, crosshair_importance: ci, crosshair_performance: cp, points, by_priority, importance_bunched })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::metrics::value::driver::{Scale, ValueError};
    use crate::Undefined;
    use proptest::prelude::*;

    fn d(name: &str, importance: f64, performance: f64) -> Driver {
        Driver { name: name.into(), importance, performance, ..Driver::default() }
    }

    /// Every textbook point: the four quadrant centres, the four corners,
    /// the points on each crosshair and the centre.
    #[test]
    fn textbook_points() {
        use Quadrant::*;
        for (i, p, want) in [
            (0.75, 0.25, ConcentrateHere),
            (0.75, 0.75, KeepUpTheGoodWork),
            (0.25, 0.25, LowPriority),
            (0.25, 0.75, PossibleOverkill),
            (1.0, 0.0, ConcentrateHere),
            (1.0, 1.0, KeepUpTheGoodWork),
            (0.0, 0.0, LowPriority),
            (0.0, 1.0, PossibleOverkill),
            (0.5, 0.25, ConcentrateHere),   // on the importance crosshair: high
            (0.5, 0.75, KeepUpTheGoodWork), // idem
            (0.75, 0.5, ConcentrateHere),   // on the performance crosshair: low
            (0.25, 0.5, LowPriority),       // idem
            (0.5, 0.5, ConcentrateHere),    // the centre
        ] {
            assert_eq!(quadrant(i, p, 0.5, 0.5), want, "importance {i}, performance {p}");
        }
    }

    #[test]
    fn means_separate_bunched_importance() {
        // Stated importance bunched at the top (4.2–4.8 of 5): at the midpoint
        // every driver is "important"; at the means two are not.
        let drivers = [d("a", 4.8, 2.0), d("b", 4.6, 4.5), d("c", 4.2, 2.5), d("d", 4.3, 4.6)];
        let mid = importance_performance(&drivers, Scales::default(), Crosshairs::ScaleMidpoint).unwrap();
        assert!(mid.points.iter().all(|p| matches!(p.quadrant, Quadrant::ConcentrateHere | Quadrant::KeepUpTheGoodWork)));
        assert!(mid.importance_bunched);
        let means = importance_performance(&drivers, Scales::default(), Crosshairs::DataMeans).unwrap();
        assert!((means.crosshair_importance - (4.475 - 1.0) / 4.0).abs() < 1e-12, "{}", means.crosshair_importance);
        let q: Vec<_> = means.points.iter().map(|p| p.quadrant).collect();
        use Quadrant::*;
        assert_eq!(q, [ConcentrateHere, KeepUpTheGoodWork, LowPriority, PossibleOverkill]);
    }

    #[test]
    fn scales_and_errors() {
        let s = Scales { importance: Scale::ZeroToTen, performance: Scale::OneToSeven };
        let g = importance_performance(&[d("x", 10.0, 1.0)], s, Crosshairs::ScaleMidpoint).unwrap();
        assert_eq!((g.points[0].importance, g.points[0].performance, g.points[0].priority_gap), (1.0, 0.0, 1.0));
        assert_eq!(importance_performance(&[], s, Crosshairs::DataMeans), Err(Undefined::NoDrivers.into()));
        assert!(matches!(importance_performance(&[d("x", 11.0, 1.0)], s, Crosshairs::DataMeans), Err(ValueError::Driver(_))));
    }

    fn driver_strategy() -> impl Strategy<Value = Driver> {
        ("[a-z]{1,6}", 1.0..=5.0f64, 1.0..=5.0f64).prop_map(|(n, i, p)| d(&n, i, p))
    }

    proptest! {
        /// Permuting the drivers permutes their points.
        #[test]
        fn permuting_drivers_permutes_points(drivers in prop::collection::vec(driver_strategy(), 1..30), seed in any::<u64>()) {
            let mut order: Vec<usize> = (0..drivers.len()).collect();
            // A deterministic shuffle from the seed.
            let mut s = seed;
            for i in (1..order.len()).rev() {
                s = s.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
                order.swap(i, (s >> 33) as usize % (i + 1));
            }
            let shuffled: Vec<Driver> = order.iter().map(|&i| drivers[i].clone()).collect();
            for c in [Crosshairs::ScaleMidpoint, Crosshairs::DataMeans] {
                let a = importance_performance(&drivers, Scales::default(), c).unwrap();
                let b = importance_performance(&shuffled, Scales::default(), c).unwrap();
                for (k, &i) in order.iter().enumerate() {
                    prop_assert_eq!(b.points[k].quadrant, a.points[i].quadrant);
                    prop_assert!((b.points[k].priority_gap - a.points[i].priority_gap).abs() < 1e-9);
                }
            }
        }

        /// Any finite input, up to 200 drivers: no panic, a result or a typed error.
        #[test]
        fn no_panic(v in prop::collection::vec((any::<f64>(), any::<f64>()), 0..200)) {
            let drivers: Vec<Driver> = v.iter().map(|&(i, p)| d("x", i, p)).collect();
            if let Ok(g) = importance_performance(&drivers, Scales::default(), Crosshairs::DataMeans) {
                prop_assert!(g.points.iter().all(|p| p.priority_gap.is_finite()));
            }
        }
    }
}
