//! Derived importance from survey answers: which drivers move the overall
//! outcome, beside what customers say matters.

use super::driver::{ValueError, ValueOutcome};
use super::linalg::jacobi_eigen;
use super::shapley::{shapley_values, SHAPLEY_MAX};
use crate::Undefined;
use serde::{Deserialize, Serialize};

/// One respondent: a rating per driver (`None`: not answered, or the cell
/// was empty or text, which the import counts as missing) and the overall
/// outcome (overall rating or 0–10 recommend score). **Statistics: `f64`.**
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SurveyRow {
    /// One rating per driver, in driver order.
    pub ratings: Vec<Option<f64>>,
    /// The outcome.
    pub outcome: Option<f64>,
}

/// A column of the survey.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SurveyColumn {
    /// The rating of driver `n` (0-based).
    Driver(usize),
    /// The overall outcome.
    Outcome,
}

/// What is wrong with a survey cell.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CellProblem {
    /// NaN or infinite.
    NotFinite,
    /// The row has a different number of driver ratings than there are drivers.
    WrongLength {
        /// Ratings in the row.
        have: usize,
        /// Drivers.
        need: usize,
    },
}

/// An impossible survey cell, naming the respondent's row (0-based) and the column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CellError {
    /// Respondent, from 0.
    pub row: usize,
    /// The column.
    pub column: SurveyColumn,
    /// What is wrong.
    pub problem: CellProblem,
}

/// Something the user should know about a derived-importance result.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum DerivedNote {
    /// Every respondent gave driver `driver` the same rating: it cannot
    /// explain anything, so its derived importance is 0 (not NaN).
    ConstantColumn {
        /// The driver (0-based).
        driver: usize,
    },
    /// Not more respondents than varying drivers plus one: the regression
    /// fits the answers (R² near 1) and says little.
    FewRespondents {
        /// Respondents used.
        respondents: usize,
        /// Drivers that vary.
        drivers: usize,
    },
}

/// One driver's derived importance. **Statistics: `f64`.**
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct DerivedDriver {
    /// Pearson correlation of its ratings with the outcome, −1 to 1.
    pub correlation: f64,
    /// Its relative weight (Johnson 2000): its share of R², 0 to R².
    pub relative_weight: f64,
    /// Relative weight ÷ R² (0 when R² is 0): the share the UI shows.
    pub relative_share: f64,
}

/// Derived importance of every driver. **Statistics: `f64`.**
#[derive(Debug, Clone, PartialEq)]
pub struct DerivedImportance {
    /// Respondents with every answer, used in the computation.
    pub respondents: usize,
    /// Respondents dropped for a missing answer (listwise deletion).
    pub dropped: usize,
    /// R² of the regression of the outcome on all drivers.
    pub r_squared: f64,
    /// One per driver, in driver order.
    pub drivers: Vec<DerivedDriver>,
    /// Shapley values (they sum to R²), or why not (more than
    /// [`SHAPLEY_MAX`] varying drivers).
    pub shapley: Result<Vec<f64>, Undefined>,
    /// What to tell the user.
    pub notes: Vec<DerivedNote>,
}

/// Pearson's correlation coefficient; `None` with fewer than two pairs,
/// unequal lengths or a constant series (the coefficient is undefined).
///
/// **Definition.** r = Σ (x − x̄)(y − ȳ) ÷ √(Σ (x − x̄)² Σ (y − ȳ)²), clamped
/// to [−1, 1] against rounding.
///
/// **Source.** Pearson, K. (1895), "Notes on regression and inheritance in
/// the case of two parents", *Proc. Royal Society of London* 58, 240–242.
///
/// # Example
/// ```
/// use cadran_core::metrics::value::pearson;
/// assert!((pearson(&[1.0, 2.0, 3.0], &[2.0, 4.0, 7.0]).unwrap() - 0.9934).abs() < 1e-4);
/// assert_eq!(pearson(&[3.0, 3.0], &[1.0, 2.0]), None);
/// ```
#[must_use]
pub fn pearson(x: &[f64], y: &[f64]) -> Option<f64> {
    if x.len() != y.len() || x.len() < 2 {
        return None;
    }
    #[allow(clippy::cast_precision_loss)] // respondents, far below 2⁵³
    let n = x.len() as f64;
    let (mx, my) = (x.iter().sum::<f64>() / n, y.iter().sum::<f64>() / n);
    let (mut sxy, mut sxx, mut syy) = (0.0, 0.0, 0.0);
    for (a, b) in x.iter().zip(y) {
        let (dx, dy) = (a - mx, b - my);
        sxy += dx * dy;
        sxx += dx * dx;
        syy += dy * dy;
    }
    let denominator = (sxx * syy).sqrt();
    if denominator.is_nan() || denominator <= 0.0 || denominator.is_infinite() {
        return None;
    }
    Some((sxy / denominator).clamp(-1.0, 1.0))
}

/// Relative weights: each predictor's share of R², from the correlation
/// matrix of the predictors `corr` (n × n, row-major) and their
/// correlations `r` with the outcome. The weights are non-negative and sum
/// to R². `None` when the decomposition fails (non-finite input).
///
/// **Definition.** With R = P Δ Pᵀ (eigen-decomposition, by
/// [`jacobi_eigen`]), Λ = P Δ^½ Pᵀ relates the predictors to their closest
/// orthogonal counterparts; β = P Δ^−½ Pᵀ r regresses the outcome on those
/// (eigenvalues below 10⁻¹⁰ are dropped, a pseudo-inverse, so collinear
/// predictors share their weight); εⱼ = Σₖ Λⱼₖ² βₖ². Since Σⱼ Λⱼₖ² = 1,
/// Σ εⱼ = Σ βₖ² = rᵀ R⁺ r = R².
///
/// **Source.** Johnson, J. W. (2000), "A Heuristic Method for Estimating the
/// Relative Weight of Predictor Variables in Multiple Regression",
/// *Multivariate Behavioral Research* 35(1), 1–19.
///
/// # Example
/// Uncorrelated predictors: the weights are the squared correlations.
/// ```
/// use cadran_core::metrics::value::relative_weights;
/// let w = relative_weights(&[1.0, 0.0, 0.0, 1.0], 2, &[0.6, 0.3]).unwrap();
/// assert!((w[0] - 0.36).abs() < 1e-12 && (w[1] - 0.09).abs() < 1e-12);
/// ```
#[must_use]
pub fn relative_weights(corr: &[f64], n: usize, r: &[f64]) -> Option<Vec<f64>> {
    if r.len() != n {
        return None;
    }
    let e = jacobi_eigen(corr, n)?;
    let p = |i: usize, k: usize| e.vectors[i * n + k];
    let half: Vec<f64> = e.values.iter().map(|&l| if l > 1e-10 { l.sqrt() } else { 0.0 }).collect();
    // Λ = P Δ^½ Pᵀ and β = P Δ^−½ Pᵀ r.
    let lambda: Vec<f64> = (0..n * n).map(|ij| (0..n).map(|k| p(ij / n, k) * half[k] * p(ij % n, k)).sum()).collect();
    let ptr: Vec<f64> = (0..n).map(|k| (0..n).map(|i| p(i, k) * r[i]).sum()).collect();
    let beta: Vec<f64> =
        (0..n).map(|i| (0..n).map(|k| if half[k] > 0.0 { p(i, k) * ptr[k] / half[k] } else { 0.0 }).sum()).collect();
    let w: Vec<f64> = (0..n).map(|j| (0..n).map(|k| lambda[j * n + k].powi(2) * beta[k].powi(2)).sum()).collect();
    w.iter().all(|x| x.is_finite()).then_some(w)
}

/// Checks every cell and keeps the complete rows (listwise deletion).
fn complete_rows(rows: &[SurveyRow], drivers: usize) -> ValueOutcome<Vec<(Vec<f64>, f64)>> {
    let mut out = Vec::new();
    for (row, r) in rows.iter().enumerate() {
        let cell = |column, problem| ValueError::Survey(CellError { row, column, problem });
        if r.ratings.len() != drivers {
            let problem = CellProblem::WrongLength { have: r.ratings.len(), need: drivers };
            return Err(cell(SurveyColumn::Driver(r.ratings.len().min(drivers)), problem));
        }
        if let Some(j) = r.ratings.iter().position(|x| x.is_some_and(|x| !x.is_finite())) {
            return Err(cell(SurveyColumn::Driver(j), CellProblem::NotFinite));
        }
        if r.outcome.is_some_and(|y| !y.is_finite()) {
            return Err(cell(SurveyColumn::Outcome, CellProblem::NotFinite));
        }
        if let (Some(ratings), Some(y)) = (r.ratings.iter().copied().collect::<Option<Vec<f64>>>(), r.outcome) {
            out.push((ratings, y));
        }
    }
    Ok(out)
}

/// Derived importance of `drivers` drivers from survey rows: Pearson
/// correlation with the outcome, relative weights and (up to
/// [`SHAPLEY_MAX`] varying drivers) Shapley values, both summing to R².
///
/// **Definition.** Respondents missing any answer are dropped (listwise
/// deletion, counted in `dropped`): pairwise deletion could give a
/// correlation matrix that no data set has, and then the weights would no
/// longer sum to R². A driver rated the same by everyone gets 0 and a
/// [`DerivedNote::ConstantColumn`]; the others are analysed by
/// [`pearson`], [`relative_weights`] and [`shapley_values`]. Fewer than two
/// complete respondents: [`Undefined::TooFewAnswers`]; a constant outcome:
/// [`Undefined::ConstantOutcome`]; a non-finite cell or a row of the wrong
/// length: a [`CellError`] naming it.
///
/// **Source.** Johnson (2000) for relative weights; Lipovetsky, S. & Conklin,
/// M. (2001), "Analysis of regression in game theory approach", *Applied
/// Stochastic Models in Business and Industry* 17(4), 319–330, for Shapley
/// value regression (Qualtrics and other key-driver tools use both).
///
/// # Example
/// ```
/// use cadran_core::metrics::value::{derived_importance, SurveyRow};
/// let row = |a, b, y| SurveyRow { ratings: vec![Some(a), b], outcome: Some(y) };
/// let rows = [row(1.0, Some(2.0), 1.0), row(2.0, Some(1.0), 2.0), row(3.0, Some(4.0), 4.0), row(4.0, Some(3.0), 4.0), row(5.0, None, 5.0)];
/// let d = derived_importance(&rows, 2).unwrap();
/// assert_eq!((d.respondents, d.dropped), (4, 1));
/// let total: f64 = d.drivers.iter().map(|x| x.relative_weight).sum();
/// assert!((total - d.r_squared).abs() < 1e-9);
/// let shapley: f64 = d.shapley.unwrap().iter().sum();
/// assert!((shapley - d.r_squared).abs() < 1e-9);
/// ```
pub fn derived_importance(rows: &[SurveyRow], drivers: usize) -> ValueOutcome<DerivedImportance> {
    let complete = complete_rows(rows, drivers)?;
    let respondents = complete.len();
    if respondents < 2 {
        return Err(Undefined::TooFewAnswers { have: respondents as u64, need: 2 }.into());
    }
    let outcome: Vec<f64> = complete.iter().map(|r| r.1).collect();
    let columns: Vec<Vec<f64>> = (0..drivers).map(|j| complete.iter().map(|r| r.0[j]).collect()).collect();
    let r: Vec<Option<f64>> = columns.iter().map(|c| pearson(c, &outcome)).collect();
    if pearson(&outcome, &outcome).is_none() {
        return Err(Undefined::ConstantOutcome.into());
    }
    // Varying drivers: a constant column has no correlation with anything.
    let active: Vec<usize> = (0..drivers).filter(|&j| pearson(&columns[j], &columns[j]).is_some()).collect();
    let mut notes: Vec<DerivedNote> =
        (0..drivers).filter(|j| !active.contains(j)).map(|driver| DerivedNote::ConstantColumn { driver }).collect();
    if respondents <= active.len() + 1 {
        notes.push(DerivedNote::FewRespondents { respondents, drivers: active.len() });
    }
    let m = active.len();
    let corr: Vec<f64> = (0..m * m)
        .map(|ij| {
            let (a, b) = (active[ij / m], active[ij % m]);
            if a == b { 1.0 } else { pearson(&columns[a], &columns[b]).unwrap_or(0.0) }
        })
        .collect();
    let ra: Vec<f64> = active.iter().map(|&j| r[j].unwrap_or(0.0)).collect();
    let weights = relative_weights(&corr, m, &ra).ok_or(Undefined::NotComputable)?;
    let r_squared = if m == 0 { 0.0 } else { weights.iter().sum::<f64>().clamp(0.0, 1.0) };
    let spread = |values: &[f64]| {
        let mut all = vec![0.0; drivers];
        for (&j, &v) in active.iter().zip(values) {
            all[j] = v;
        }
        all
    };
    let all_weights = spread(&weights);
    let shapley = if m > SHAPLEY_MAX {
        Err(Undefined::TooManyDrivers { have: m as u64, max: SHAPLEY_MAX as u64 })
    } else {
        shapley_values(&corr, m, &ra).map(|s| spread(&s))
    };
    Ok(DerivedImportance {
        respondents,
        dropped: rows.len() - respondents,
        r_squared,
        drivers: (0..drivers)
            .map(|j| DerivedDriver {
                correlation: r[j].unwrap_or(0.0),
                relative_weight: all_weights[j],
                relative_share: if r_squared > 0.0 { all_weights[j] / r_squared } else { 0.0 },
            })
            .collect(),
        shapley,
        notes,
    })
}

#[cfg(test)]
#[path = "derived_tests.rs"]
mod tests;
