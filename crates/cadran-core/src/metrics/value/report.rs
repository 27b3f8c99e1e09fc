//! Everything the value page shows, from one input struct.

use super::derived::{derived_importance, DerivedImportance, SurveyRow};
use super::driver::{validate_drivers, Driver, DriverError, Scales, ValueOutcome};
use super::gap::{competitive_gaps, CompetitiveGap};
use super::grid::{importance_performance, Crosshairs, IpaGrid};
use super::priority::{rank_actions, Action, Improvement};
use super::rox::{return_on_experience, Rox, RoxInputs};
use super::value_map::{value_map, CompanyValue, ValueMapInputs};
use crate::Outcome;
use serde::{Deserialize, Serialize};

/// What the value page asks for (saved by the app, so every field has a
/// default). Optional parts are `None` (or empty) until the user fills them.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ValueInputs {
    /// Scales of importance and performance.
    pub scales: Scales,
    /// The driver table, in display order.
    pub drivers: Vec<Driver>,
    /// Where the grid's crosshairs go (data means by default).
    pub crosshairs: Crosshairs,
    /// Prices of the own offer and the competitors, for the value map.
    pub value_map: Option<ValueMapInputs>,
    /// Feasibility and cost per driver (table order), for the action list;
    /// empty hides it.
    pub improvements: Vec<Improvement>,
    /// Imported survey answers (one rating per driver and the outcome).
    pub survey: Vec<SurveyRow>,
    /// The parts of the return on experience.
    pub rox: Option<RoxInputs>,
}

/// Everything the page shows. Each part is its own result, so one bad part
/// never hides the others.
#[derive(Debug, Clone, PartialEq)]
pub struct ValueReport {
    /// Every bad cell of the driver table (empty when valid), to mark them all.
    pub invalid: Vec<DriverError>,
    /// The importance–performance grid.
    pub grid: ValueOutcome<IpaGrid>,
    /// Potential gains and the competitive gap.
    pub gaps: ValueOutcome<CompetitiveGap>,
    /// The value map, when prices were entered.
    pub value_map: Option<ValueOutcome<Vec<CompanyValue>>>,
    /// The ranked action list, when feasibility and cost were entered.
    pub actions: Option<ValueOutcome<Vec<Action>>>,
    /// Derived importance, when a survey was imported.
    pub derived: Option<ValueOutcome<DerivedImportance>>,
    /// Return on experience, when its parts were entered.
    pub rox: Option<Outcome<Rox>>,
}

/// Computes every part of the value page.
///
/// **Definition.** [`importance_performance`], [`competitive_gaps`],
/// [`value_map`], [`rank_actions`], [`derived_importance`] and
/// [`return_on_experience`] on the same inputs; see each for its formula
/// and source.
///
/// # Example
/// ```
/// use cadran_core::metrics::value::{report, Driver, Quadrant, ValueInputs};
/// let d = |name: &str, importance, performance| Driver { name: name.into(), importance, performance, ..Driver::default() };
/// let r = report(&ValueInputs { drivers: vec![d("Speed", 5.0, 2.0), d("Design", 2.0, 5.0)], ..ValueInputs::default() });
/// assert!(r.invalid.is_empty());
/// let g = r.grid.unwrap();
/// assert_eq!(g.points[0].quadrant, Quadrant::ConcentrateHere);
/// assert_eq!(g.points[1].quadrant, Quadrant::PossibleOverkill);
/// assert_eq!(r.gaps.unwrap().drivers[0].gain_to_top, 0.75);
/// assert!(r.value_map.is_none() && r.actions.is_none() && r.derived.is_none() && r.rox.is_none());
/// ```
#[must_use]
pub fn report(i: &ValueInputs) -> ValueReport {
    ValueReport {
        invalid: validate_drivers(&i.drivers, i.scales),
        grid: importance_performance(&i.drivers, i.scales, i.crosshairs),
        gaps: competitive_gaps(&i.drivers, i.scales),
        value_map: i.value_map.as_ref().map(|m| value_map(&i.drivers, i.scales, m)),
        actions: (!i.improvements.is_empty()).then(|| rank_actions(&i.drivers, i.scales, &i.improvements)),
        derived: (!i.survey.is_empty()).then(|| derived_importance(&i.survey, i.drivers.len())),
        rox: i.rox.as_ref().map(return_on_experience),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::metrics::value::{Competitor, DriverField, ValueError};
    use crate::Undefined;
    use proptest::prelude::*;
    use rust_decimal_macros::dec;

    fn full() -> ValueInputs {
        let d = |name: &str, importance, performance, c| Driver { name: name.into(), importance, performance, competitors: vec![c], ..Driver::default() };
        let row = |a, b, y| SurveyRow { ratings: vec![Some(a), Some(b)], outcome: Some(y) };
        ValueInputs {
            drivers: vec![d("Speed", 5.0, 2.0, 4.0), d("Design", 2.0, 5.0, 3.0)],
            value_map: Some(ValueMapInputs { own_price: dec!(90), competitors: vec![Competitor { name: "B".into(), price: dec!(100) }] }),
            improvements: vec![Improvement::default(); 2],
            survey: vec![row(1.0, 2.0, 3.0), row(2.0, 2.0, 4.0), row(4.0, 1.0, 8.0), row(5.0, 3.0, 9.0)],
            rox: Some(RoxInputs { revenue_retained: dec!(10), revenue_gained: dec!(0), cost: dec!(5) }),
            ..ValueInputs::default()
        }
    }

    #[test]
    fn every_part() {
        let r = report(&full());
        assert!(r.grid.is_ok() && r.gaps.is_ok());
        assert!(r.value_map.unwrap().is_ok());
        assert_eq!(r.actions.unwrap().unwrap()[0].name, "Speed");
        assert!(r.derived.unwrap().unwrap().r_squared > 0.9);
        assert_eq!(r.rox.unwrap().unwrap().rox.0, dec!(100));
    }

    #[test]
    fn one_bad_part_hides_no_other() {
        let mut i = full();
        i.drivers[1].importance = 9.0;
        i.rox = Some(RoxInputs::default());
        let r = report(&i);
        assert_eq!(r.invalid.len(), 1);
        assert_eq!((r.invalid[0].row, r.invalid[0].field), (1, DriverField::Importance));
        assert!(matches!(r.grid, Err(ValueError::Driver(_))));
        assert!(r.derived.unwrap().is_ok(), "the survey does not need the table's ratings");
        assert_eq!(r.rox.unwrap(), Err(Undefined::ZeroCost.into()));
        assert_eq!(report(&ValueInputs::default()).grid, Err(Undefined::NoDrivers.into()));
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(16))]
        /// Any finite input, up to 200 drivers: no panic.
        #[test]
        fn no_panic(v in prop::collection::vec((-1e9..1e9f64, -1e9..1e9f64, prop::collection::vec(-1e9..1e9f64, 0..3), -1e9..1e9f64, -1e9..1e9f64), 0..200)) {
            let i = ValueInputs {
                drivers: v.iter().map(|(a, b, c, _, _)| Driver { name: "x".into(), importance: *a, performance: *b, competitors: c.clone(), ..Driver::default() }).collect(),
                improvements: v.iter().map(|&(_, _, _, feasibility, cost)| Improvement { feasibility, cost }).collect(),
                value_map: Some(ValueMapInputs { own_price: dec!(1), competitors: vec![Competitor::default(); 2] }),
                ..ValueInputs::default()
            };
            let _ = report(&i);
            let clamped = ValueInputs {
                drivers: i.drivers.iter().map(|d| Driver { importance: d.importance.rem_euclid(4.0) + 1.0, performance: d.performance.rem_euclid(4.0) + 1.0, competitors: vec![], ..d.clone() }).collect(),
                ..i
            };
            let r = report(&clamped);
            if !clamped.drivers.is_empty() { prop_assert!(r.grid.is_ok()); }
        }
    }
}
