//! Value drivers: what customers weigh when they judge what they get for
//! what they give, in four dimensions, each rated on a chosen scale.

use crate::{MetricError, Undefined};
use serde::{Deserialize, Serialize};
use std::fmt;

/// The four dimensions of customer value.
///
/// **Source.** Smith, J. B. & Colgate, M. (2007), "Customer Value Creation:
/// A Practical Framework", *Journal of Marketing Theory and Practice* 15(1),
/// 7–23: functional/instrumental, experiential/hedonic, symbolic/expressive
/// and cost/sacrifice value.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Dimension {
    /// What the offer does: features, performance, reliability.
    #[default]
    Functional,
    /// How it feels to use and to deal with the company: ease, service, care.
    Experiential,
    /// What it says about the customer: brand, status, shared values.
    Symbolic,
    /// What it costs: price, switching and learning costs, time, risk.
    Economic,
}

impl Dimension {
    /// The four dimensions, in the order of Smith & Colgate (2007).
    pub const ALL: [Dimension; 4] = [Self::Functional, Self::Experiential, Self::Symbolic, Self::Economic];
}

/// A rating scale for importance or performance.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Scale {
    /// 1 to 5 (the classic Likert scale).
    #[default]
    OneToFive,
    /// 1 to 7.
    OneToSeven,
    /// 0 to 10 (as a recommend score).
    ZeroToTen,
}

impl Scale {
    /// Lowest rating.
    ///
    /// # Example
    /// ```
    /// use cadran_core::metrics::value::Scale;
    /// assert_eq!(Scale::OneToSeven.min(), 1.0);
    /// assert_eq!(Scale::ZeroToTen.min(), 0.0);
    /// ```
    #[must_use]
    pub const fn min(self) -> f64 {
        match self {
            Self::OneToFive | Self::OneToSeven => 1.0,
            Self::ZeroToTen => 0.0,
        }
    }

    /// Highest rating.
    ///
    /// # Example
    /// ```
    /// use cadran_core::metrics::value::Scale;
    /// assert_eq!(Scale::OneToSeven.max(), 7.0);
    /// ```
    #[must_use]
    pub const fn max(self) -> f64 {
        match self {
            Self::OneToFive => 5.0,
            Self::OneToSeven => 7.0,
            Self::ZeroToTen => 10.0,
        }
    }

    /// The middle of the scale, (min + max) ÷ 2.
    ///
    /// # Example
    /// ```
    /// use cadran_core::metrics::value::Scale;
    /// assert_eq!(Scale::OneToFive.midpoint(), 3.0);
    /// assert_eq!(Scale::ZeroToTen.midpoint(), 5.0);
    /// ```
    #[must_use]
    pub fn midpoint(self) -> f64 {
        (self.min() + self.max()) / 2.0
    }

    /// Whether `x` is a finite rating within the scale (bounds included).
    ///
    /// # Example
    /// ```
    /// use cadran_core::metrics::value::Scale;
    /// assert!(Scale::OneToFive.contains(5.0));
    /// assert!(!Scale::OneToFive.contains(0.0) && !Scale::OneToFive.contains(f64::NAN));
    /// ```
    #[must_use]
    pub fn contains(self, x: f64) -> bool {
        x.is_finite() && x >= self.min() && x <= self.max()
    }

    /// A rating moved to 0..=1: (x − min) ÷ (max − min), so that drivers
    /// rated on different scales can be compared. A value outside the scale
    /// is clamped (validation reports it first); NaN gives 0.
    ///
    /// **Definition.** Min–max rescaling; 0 is the bottom of the scale, 1 the
    /// top, the midpoint 0.5.
    ///
    /// # Example
    /// ```
    /// use cadran_core::metrics::value::Scale;
    /// assert_eq!(Scale::OneToFive.normalise(4.0), 0.75);
    /// assert_eq!(Scale::OneToSeven.normalise(4.0), 0.5);
    /// assert_eq!(Scale::ZeroToTen.normalise(7.0), 0.7);
    /// ```
    #[must_use]
    pub fn normalise(self, x: f64) -> f64 {
        if x.is_nan() {
            return 0.0;
        }
        ((x - self.min()) / (self.max() - self.min())).clamp(0.0, 1.0)
    }
}

/// The scales the driver table uses (importance and performance may differ).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(default)]
pub struct Scales {
    /// Scale of stated importance.
    pub importance: Scale,
    /// Scale of performance (own and competitors').
    pub performance: Scale,
}

/// One value driver: a row of the driver table. Ratings are **statistics
/// (`f64`)**, on the [`Scales`] of the table.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Driver {
    /// What customers judge ("Time to first answer").
    pub name: String,
    /// Its dimension.
    pub dimension: Dimension,
    /// How much it matters to customers (stated importance).
    pub importance: f64,
    /// How well the company does on it.
    pub performance: f64,
    /// Competitors' performance on it, one per competitor, in the order of
    /// the competitor list (may be empty).
    pub competitors: Vec<f64>,
}

/// A field of a driver row (or of its improvement plan).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DriverField {
    /// The driver's name.
    Name,
    /// Stated importance.
    Importance,
    /// Own performance.
    Performance,
    /// Competitor `n`'s performance (0-based, in the competitor list's order).
    Competitor(usize),
    /// Feasibility of improving it (1–5).
    Feasibility,
    /// Cost of improving it (1–5).
    Cost,
}

/// What is wrong with a driver's field.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum DriverProblem {
    /// Empty (a name with no letters).
    Empty,
    /// Not a finite number (NaN or infinite).
    NotFinite,
    /// Outside the scale `[min, max]`.
    OutOfScale {
        /// Lowest accepted rating.
        min: f64,
        /// Highest accepted rating.
        max: f64,
    },
    /// Missing: a value the analysis needs was not entered.
    Missing,
}

/// An impossible driver field, naming the row (0-based, in table order) and
/// the field, so the UI can mark the cell.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct DriverError {
    /// Row of the driver table, from 0.
    pub row: usize,
    /// The offending field.
    pub field: DriverField,
    /// What is wrong with it.
    pub problem: DriverProblem,
}

impl fmt::Display for DriverError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "driver {}: {:?}: {:?}", self.row + 1, self.field, self.problem)
    }
}

impl std::error::Error for DriverError {}

/// Why a value analysis has no result: a cell to correct, a survey cell to
/// correct, or a formula undefined for valid input.
#[derive(Debug, Clone, PartialEq)]
pub enum ValueError {
    /// A driver field is impossible.
    Driver(DriverError),
    /// A survey cell is impossible (see [`super::derived::CellError`]).
    Survey(super::derived::CellError),
    /// A price or cost is impossible, or the result is undefined.
    Metric(MetricError),
}

impl From<DriverError> for ValueError {
    fn from(e: DriverError) -> Self {
        Self::Driver(e)
    }
}

impl From<MetricError> for ValueError {
    fn from(e: MetricError) -> Self {
        Self::Metric(e)
    }
}

impl From<Undefined> for ValueError {
    fn from(u: Undefined) -> Self {
        Self::Metric(MetricError::Undefined(u))
    }
}

/// A value or the reason there is none.
pub type ValueOutcome<T> = Result<T, ValueError>;

/// Checks a rating: finite and within the scale.
pub(crate) fn check_rating(row: usize, field: DriverField, x: f64, scale: Scale) -> Result<f64, DriverError> {
    let problem = if !x.is_finite() {
        DriverProblem::NotFinite
    } else if !scale.contains(x) {
        DriverProblem::OutOfScale { min: scale.min(), max: scale.max() }
    } else {
        return Ok(x);
    };
    Err(DriverError { row, field, problem })
}

impl Driver {
    /// Every problem of this row (row `row`): an empty name, importance
    /// outside its scale, performance or a competitor's outside theirs,
    /// NaN or infinite values.
    ///
    /// # Example
    /// ```
    /// use cadran_core::metrics::value::{Driver, DriverField, DriverProblem, Scales};
    /// let d = Driver { name: "Speed".into(), importance: 6.0, performance: 3.0, ..Driver::default() };
    /// let e = d.problems(2, Scales::default());
    /// assert_eq!(e[0].row, 2);
    /// assert_eq!(e[0].field, DriverField::Importance);
    /// assert_eq!(e[0].problem, DriverProblem::OutOfScale { min: 1.0, max: 5.0 });
    /// ```
    #[must_use]
    pub fn problems(&self, row: usize, scales: Scales) -> Vec<DriverError> {
        let mut out = Vec::new();
        if self.name.trim().is_empty() {
            out.push(DriverError { row, field: DriverField::Name, problem: DriverProblem::Empty });
        }
        out.extend(check_rating(row, DriverField::Importance, self.importance, scales.importance).err());
        out.extend(check_rating(row, DriverField::Performance, self.performance, scales.performance).err());
        for (k, &c) in self.competitors.iter().enumerate() {
            out.extend(check_rating(row, DriverField::Competitor(k), c, scales.performance).err());
        }
        out
    }
}

/// Every problem of every driver row, in table order (empty when the table
/// is valid), so that no bad cell goes unmarked.
///
/// # Example
/// ```
/// use cadran_core::metrics::value::{validate_drivers, Driver, DriverField, Scales};
/// let ok = Driver { name: "Price".into(), importance: 5.0, performance: 2.0, ..Driver::default() };
/// let bad = Driver { name: "".into(), importance: f64::NAN, ..ok.clone() };
/// let e = validate_drivers(&[ok, bad], Scales::default());
/// assert_eq!(e.len(), 2);
/// assert_eq!((e[0].row, e[0].field), (1, DriverField::Name));
/// assert_eq!((e[1].row, e[1].field), (1, DriverField::Importance));
/// ```
#[must_use]
pub fn validate_drivers(drivers: &[Driver], scales: Scales) -> Vec<DriverError> {
    drivers.iter().enumerate().flat_map(|(row, d)| d.problems(row, scales)).collect()
}

/// A driver's ratings moved to 0..=1.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Normalised {
    pub importance: f64,
    pub performance: f64,
    pub competitors: Vec<f64>,
}

/// The drivers normalised, after validation: the first bad cell, or
/// [`Undefined::NoDrivers`] for an empty table.
pub(crate) fn normalised(drivers: &[Driver], scales: Scales) -> ValueOutcome<Vec<Normalised>> {
    if let Some(e) = validate_drivers(drivers, scales).first() {
        return Err((*e).into());
    }
    if drivers.is_empty() {
        return Err(Undefined::NoDrivers.into());
    }
    Ok(drivers
        .iter()
        .map(|d| Normalised {
            importance: scales.importance.normalise(d.importance),
            performance: scales.performance.normalise(d.performance),
            competitors: d.competitors.iter().map(|&c| scales.performance.normalise(c)).collect(),
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scales_table() {
        for (s, min, max, mid) in [
            (Scale::OneToFive, 1.0, 5.0, 3.0),
            (Scale::OneToSeven, 1.0, 7.0, 4.0),
            (Scale::ZeroToTen, 0.0, 10.0, 5.0),
        ] {
            assert_eq!((s.min(), s.max(), s.midpoint()), (min, max, mid), "{s:?}");
            assert_eq!(s.normalise(min), 0.0, "{s:?} bottom");
            assert_eq!(s.normalise(max), 1.0, "{s:?} top");
            assert_eq!(s.normalise(mid), 0.5, "{s:?} midpoint");
            assert_eq!(s.normalise(max + 3.0), 1.0, "{s:?} clamps");
            assert_eq!(s.normalise(f64::NAN), 0.0, "{s:?} NaN");
            assert_eq!(s.normalise(f64::NEG_INFINITY), 0.0, "{s:?} −∞");
        }
    }

    #[test]
    fn problems_name_every_cell() {
        let scales = Scales { importance: Scale::OneToSeven, performance: Scale::ZeroToTen };
        let d = Driver {
            name: "  ".into(),
            dimension: Dimension::Symbolic,
            importance: 0.5,
            performance: f64::INFINITY,
            competitors: vec![3.0, 11.0],
        };
        let e = d.problems(4, scales);
        let got: Vec<_> = e.iter().map(|e| (e.row, e.field, e.problem)).collect();
        assert_eq!(
            got,
            vec![
                (4, DriverField::Name, DriverProblem::Empty),
                (4, DriverField::Importance, DriverProblem::OutOfScale { min: 1.0, max: 7.0 }),
                (4, DriverField::Performance, DriverProblem::NotFinite),
                (4, DriverField::Competitor(1), DriverProblem::OutOfScale { min: 0.0, max: 10.0 }),
            ]
        );
        assert_eq!(normalised(&[], scales), Err(Undefined::NoDrivers.into()));
        assert!(matches!(normalised(&[d], scales), Err(ValueError::Driver(_))));
        assert_eq!(e[0].to_string(), "driver 5: Name: Empty");
    }
}
