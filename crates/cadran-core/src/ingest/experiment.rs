//! A/B-test files → visitors, conversions and revenue per variant, for the
//! A/B-test card ([`crate::metrics::ab_test`]).
//!
//! Two shapes are recognised from the headers: one row per visitor
//! (variant, converted yes/no, revenue optional — empty revenue is zero,
//! a visitor who bought nothing) or one row per group (variant, visitors,
//! conversions, revenue sum optional; several rows of a variant, one per day
//! say, add up). Counts and sums are exact; the revenue's standard deviation
//! needs one row per visitor.

use super::cells::{yes_no, CellError, Ctx};
use super::error::{IngestError, Problem};
use super::mapping::{normalize, Role};
use super::reader::Fields;
use crate::metrics::ab_test::revenue::revenue_from_sums;
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// How the file's rows were read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum ExperimentRows {
    /// One row per visitor (a `converted` column).
    PerVisitor,
    /// One row per group (`visitors` and `conversions` columns).
    PerGroup,
}

/// Revenue of one variant, exact.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct VariantRevenue {
    /// Visitors the mean is over (every visitor, buyers or not).
    pub n: u64,
    /// Total revenue.
    pub total: Decimal,
    /// Mean revenue per visitor.
    pub mean: Decimal,
    /// Sample standard deviation per visitor (divisor n − 1; 0 for one
    /// visitor); `None` for a file of groups, which does not contain it.
    pub std_dev: Option<Decimal>,
}

/// One variant's counts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct VariantCounts {
    /// The variant as written in the file (trimmed).
    pub name: String,
    /// Visitors.
    pub visitors: u64,
    /// Visitors who converted.
    pub conversions: u64,
    /// Revenue, when the file has a revenue column and the variant visitors.
    pub revenue: Option<VariantRevenue>,
}

/// Experiment report.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExperimentReport {
    /// How the rows were read; `None` only when no row was read.
    pub rows: Option<ExperimentRows>,
    /// Every variant, in the order of its first row in the file.
    pub variants: Vec<VariantCounts>,
    /// Index in `variants` of A, the control: the variant named `control`,
    /// `contrôle`, `A`, `baseline`, `original`, `témoin` or `reference`
    /// (case and accents ignored), else the first in the file.
    pub control: usize,
}

/// Names that mark the control.
const CONTROL_NAMES: [&str; 9] = ["control", "controle", "a", "baseline", "original", "temoin", "reference", "ctrl", "version a"];

impl ExperimentReport {
    /// A (the control) and B (the first other variant in file order);
    /// `None` with fewer than two variants.
    ///
    /// # Example
    /// ```
    /// use cadran_core::ingest::{ingest, DatasetReport, Options};
    /// let csv = "variant,converted\nB,yes\nA,no\nB,no\nA,yes\n";
    /// let DatasetReport::Experiment(e) = ingest(csv.as_bytes(), &Options::default()).unwrap().data else { panic!() };
    /// let (a, b) = e.a_and_b().unwrap();
    /// assert_eq!((a.name.as_str(), b.name.as_str()), ("A", "B"));
    /// ```
    #[must_use]
    pub fn a_and_b(&self) -> Option<(&VariantCounts, &VariantCounts)> {
        let a = self.variants.get(self.control)?;
        let b = self.variants.iter().enumerate().find(|(i, _)| *i != self.control)?.1;
        Some((a, b))
    }
}

#[derive(Default)]
struct Acc1 {
    name: String,
    visitors: u64,
    conversions: u64,
    sum: Decimal,
    sum_sq: Decimal,
}

#[derive(Default)]
pub(crate) struct ExperimentAcc {
    index: HashMap<String, usize>,
    variants: Vec<Acc1>,
    overflow: bool,
}

/// A whole count ≥ 0 in column `r` (required).
fn count(f: &Fields<'_>, cx: &Ctx, r: Role) -> Result<(usize, u64), CellError> {
    let c = cx.col(r).unwrap_or(0);
    let v = cx.number(f, r, false)?.ok_or_else(|| cx.missing(r))?;
    let n = (v.fract().is_zero()).then(|| v.to_u64()).flatten();
    n.map(|n| (c, n)).ok_or(CellError { column: c, problem: Problem::NotACount })
}

impl ExperimentAcc {
    pub(crate) fn row(&mut self, f: &Fields<'_>, cx: &Ctx) -> Result<(), CellError> {
        let (_, name) = cx.text(f, Role::Variant).ok_or_else(|| cx.missing(Role::Variant))?;
        let (visitors, conversions) = if per_group(cx) {
            let (_, v) = count(f, cx, Role::Visitors)?;
            let (c, x) = count(f, cx, Role::Conversions)?;
            if x > v {
                return Err(CellError { column: c, problem: Problem::ConversionsExceedVisitors });
            }
            (v, x)
        } else {
            let (c, t) = cx.text(f, Role::Converted).ok_or_else(|| cx.missing(Role::Converted))?;
            (1, u64::from(yes_no(&t).ok_or(CellError { column: c, problem: Problem::NotYesNo })?))
        };
        let revenue = cx.number(f, Role::Revenue, true)?.unwrap_or(Decimal::ZERO);
        let i = match self.index.get(name.as_ref()) {
            Some(&i) => i,
            None => {
                self.index.insert(name.to_string(), self.variants.len());
                self.variants.push(Acc1 { name: name.into_owned(), ..Acc1::default() });
                self.variants.len() - 1
            }
        };
        if let Some(a) = self.variants.get_mut(i) {
            let sum_sq = revenue.checked_mul(revenue).and_then(|sq| a.sum_sq.checked_add(sq));
            match (a.visitors.checked_add(visitors), a.sum.checked_add(revenue), sum_sq) {
                (Some(v), Some(s), Some(q)) => {
                    a.visitors = v;
                    a.conversions += conversions; // ≤ visitors
                    a.sum = s;
                    a.sum_sq = q;
                }
                _ => self.overflow = true,
            }
        }
        Ok(())
    }

    pub(crate) fn finish(self, cx: &Ctx) -> Result<ExperimentReport, IngestError> {
        if self.overflow {
            return Err(IngestError::Overflow);
        }
        let group = per_group(cx);
        let with_revenue = cx.col(Role::Revenue).is_some();
        let mut variants = Vec::with_capacity(self.variants.len());
        for a in self.variants {
            let revenue = if !with_revenue || a.visitors == 0 {
                None
            } else if group {
                let mean = a.sum.checked_div(Decimal::from(a.visitors)).ok_or(IngestError::Overflow)?;
                Some(VariantRevenue { n: a.visitors, total: a.sum, mean, std_dev: None })
            } else {
                let g = revenue_from_sums(a.visitors, a.sum, a.sum_sq).map_err(|_| IngestError::Overflow)?;
                Some(VariantRevenue { n: a.visitors, total: a.sum, mean: g.mean, std_dev: Some(g.std_dev) })
            };
            variants.push(VariantCounts { name: a.name, visitors: a.visitors, conversions: a.conversions, revenue });
        }
        let control = variants.iter().position(|v| CONTROL_NAMES.contains(&normalize(&v.name).as_str())).unwrap_or(0);
        let rows = (!variants.is_empty()).then_some(if group { ExperimentRows::PerGroup } else { ExperimentRows::PerVisitor });
        Ok(ExperimentReport { rows, variants, control })
    }
}

/// Groups when both counts are mapped; else one row per visitor.
pub(crate) fn per_group(cx: &Ctx) -> bool {
    cx.col(Role::Visitors).is_some() && cx.col(Role::Conversions).is_some()
}

#[cfg(test)]
#[path = "experiment_tests.rs"]
mod tests;
