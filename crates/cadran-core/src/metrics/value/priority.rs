//! The second round of prioritisation: what is worth improving first, once
//! feasibility and cost are known.

use super::driver::{check_rating, normalised, Driver, DriverError, DriverField, DriverProblem, Scale, Scales, ValueOutcome};
use super::gap::potential_gain;
use serde::{Deserialize, Serialize};

/// How hard and how costly improving a driver would be, each on a 1–5
/// scale (feasibility 5: easy; cost 5: very costly). **Statistics (`f64`)**:
/// judgments, not money.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Improvement {
    /// 1 (hardly feasible) to 5 (easy).
    pub feasibility: f64,
    /// 1 (cheap) to 5 (very costly).
    pub cost: f64,
}

impl Default for Improvement {
    fn default() -> Self {
        Self { feasibility: 3.0, cost: 3.0 }
    }
}

/// One entry of the ranked action list. **Statistics: `f64`.**
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Action {
    /// The driver's row in the table.
    pub driver: usize,
    /// Its name.
    pub name: String,
    /// Its potential gain to the top of the scale (0..=1).
    pub gain: f64,
    /// Feasibility, 1–5.
    pub feasibility: f64,
    /// Cost, 1–5.
    pub cost: f64,
    /// [`action_score`].
    pub score: f64,
}

/// The priority score of an improvement: gain × feasibility ÷ cost.
///
/// **Definition.** The potential gain ([`potential_gain`], 0..=1) scaled up
/// by how feasible the improvement is and down by what it costs, both on
/// 1–5 scales; the score runs from 0 to 5. A transparent rule of thumb in
/// the spirit of the "impact × ease" matrices of quality management, not a
/// published optimum: the page shows the three parts.
///
/// **Source.** The second-round prioritisation of Slack (1994), who weighs
/// the improvement priority of the importance–performance matrix against
/// the effort it needs.
///
/// # Example
/// ```
/// use cadran_core::metrics::value::action_score;
/// assert_eq!(action_score(0.5, 4.0, 2.0), 1.0);
/// ```
#[must_use]
pub fn action_score(gain: f64, feasibility: f64, cost: f64) -> f64 {
    gain * feasibility / cost
}

/// The ranked action list: every driver with its gain, feasibility, cost
/// and score, from the highest score down; equal scores by name, then by
/// row. `improvements` holds one entry per driver, in table order (a
/// missing one is a [`DriverProblem::Missing`] naming the row).
///
/// **Definition.** gainᵢ = Iᵢ (1 − Pᵢ) on normalised ratings; scoreᵢ =
/// [`action_score`].
///
/// **Source.** Hawes & Rao (1985) for the gain; Slack (1994) for the second
/// round.
///
/// # Example
/// ```
/// use cadran_core::metrics::value::{rank_actions, Driver, Improvement, Scales};
/// let d = |name: &str, importance, performance| Driver { name: name.into(), importance, performance, ..Driver::default() };
/// let drivers = [d("Onboarding", 5.0, 3.0), d("Invoices", 4.0, 2.0)];
/// let plan = [Improvement { feasibility: 2.0, cost: 4.0 }, Improvement { feasibility: 5.0, cost: 2.0 }];
/// let a = rank_actions(&drivers, Scales::default(), &plan).unwrap();
/// // Invoices: 0.75 × 0.75 × 5 ÷ 2 = 1.406; Onboarding: 1 × 0.5 × 2 ÷ 4 = 0.25.
/// assert_eq!(a[0].name, "Invoices");
/// assert!((a[0].score - 1.40625).abs() < 1e-12);
/// ```
pub fn rank_actions(drivers: &[Driver], scales: Scales, improvements: &[Improvement]) -> ValueOutcome<Vec<Action>> {
    let n = normalised(drivers, scales)?;
    let mut actions = Vec::with_capacity(n.len());
    for (row, (d, nd)) in drivers.iter().zip(&n).enumerate() {
        let Some(plan) = improvements.get(row) else {
            return Err(DriverError { row, field: DriverField::Feasibility, problem: DriverProblem::Missing }.into());
        };
        let feasibility = check_rating(row, DriverField::Feasibility, plan.feasibility, Scale::OneToFive)?;
        let cost = check_rating(row, DriverField::Cost, plan.cost, Scale::OneToFive)?;
        let gain = potential_gain(nd.importance, nd.performance, 1.0);
        actions.push(Action { driver: row, name: d.name.clone(), gain, feasibility, cost, score: action_score(gain, feasibility, cost) });
    }
    actions.sort_by(|a, b| b.score.total_cmp(&a.score).then_with(|| a.name.cmp(&b.name)).then(a.driver.cmp(&b.driver)));
    Ok(actions)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn d(name: &str, importance: f64, performance: f64) -> Driver {
        Driver { name: name.into(), importance, performance, ..Driver::default() }
    }

    #[test]
    fn ties_and_errors() {
        let same = Improvement::default();
        let drivers = [d("b", 5.0, 3.0), d("a", 5.0, 3.0), d("a", 5.0, 3.0), d("c", 5.0, 5.0)];
        let a = rank_actions(&drivers, Scales::default(), &[same; 4]).unwrap();
        let order: Vec<_> = a.iter().map(|x| x.driver).collect();
        assert_eq!(order, [1, 2, 0, 3], "equal scores by name then row; no gain last");
        assert_eq!(a[3].score, 0.0);
        let e = rank_actions(&drivers, Scales::default(), &[same; 3]);
        assert_eq!(e, Err(DriverError { row: 3, field: DriverField::Feasibility, problem: DriverProblem::Missing }.into()));
        let e = rank_actions(&drivers[..1], Scales::default(), &[Improvement { feasibility: 3.0, cost: 0.0 }]);
        let range = DriverProblem::OutOfScale { min: 1.0, max: 5.0 };
        assert_eq!(e, Err(DriverError { row: 0, field: DriverField::Cost, problem: range }.into()));
    }

    proptest! {
        /// Permuting the drivers gives the same ranking of names and scores.
        #[test]
        fn permutation_invariant(v in prop::collection::vec(("[a-z]{1,3}", 1.0..=5.0f64, 1.0..=5.0f64, 1.0..=5.0f64, 1.0..=5.0f64), 1..200)) {
            let drivers: Vec<Driver> = v.iter().map(|(n, i, p, _, _)| d(n, *i, *p)).collect();
            let plan: Vec<Improvement> = v.iter().map(|&(_, _, _, feasibility, cost)| Improvement { feasibility, cost }).collect();
            let a = rank_actions(&drivers, Scales::default(), &plan).unwrap();
            let (rd, rp): (Vec<Driver>, Vec<Improvement>) = drivers.iter().cloned().zip(plan.iter().copied()).rev().unzip();
            let b = rank_actions(&rd, Scales::default(), &rp).unwrap();
            for (x, y) in a.iter().zip(&b) {
                prop_assert_eq!(&x.name, &y.name);
                prop_assert_eq!(x.score, y.score);
            }
            prop_assert!(a.windows(2).all(|w| w[0].score >= w[1].score));
        }
    }
}
