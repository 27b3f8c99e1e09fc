//! Survey answers → score distributions per scale, overall, by month and by
//! segment. NPS, CSAT and CES are computed from these counts (see
//! [`crate::metrics`]).

use super::cells::{CellError, Ctx};
use super::date::YearMonth;
use super::error::{Problem, RowError};
use super::hash::Labels;
use super::mapping::{normalize, Role};
use super::reader::Fields;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// A survey scale.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Scale {
    /// 0–10, Net Promoter Score (Reichheld 2003).
    ZeroToTen,
    /// 1–5, customer satisfaction (CSAT).
    OneToFive,
    /// 1–7, customer effort score (CES 2.0, Gartner/CEB 2013).
    OneToSeven,
}

impl Scale {
    /// Lowest and highest score.
    #[must_use]
    pub fn bounds(self) -> (u8, u8) {
        match self {
            Scale::ZeroToTen => (0, 10),
            Scale::OneToFive => (1, 5),
            Scale::OneToSeven => (1, 7),
        }
    }

    /// Scale suggested by a score column's header (`NPS`, `How likely…`,
    /// `CSAT`, `effort`).
    #[must_use]
    pub fn from_header(h: &str) -> Option<Scale> {
        let h = normalize(h);
        let has = |k: &str| h.split(' ').any(|w| w == k) || k.len() > 4 && h.contains(k);
        if has("nps") || has("recommend") || has("recommand") || has("how likely") || has("net promoter") {
            Some(Scale::ZeroToTen)
        } else if has("ces") || has("effort") {
            Some(Scale::OneToSeven)
        } else if has("csat") || has("satisfaction") {
            Some(Scale::OneToFive)
        } else {
            None
        }
    }
}

/// Answers per score: `counts[s]` answers gave score `s` (0–10; the entries
/// outside the scale stay zero).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Distribution {
    /// Counts indexed by score.
    pub counts: [u64; 11],
}

impl Distribution {
    /// Total answers.
    #[must_use]
    pub fn total(&self) -> u64 {
        self.counts.iter().sum()
    }
}

/// One segment's answers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SegmentSurvey {
    /// Segment label.
    pub segment: String,
    /// All its answers.
    pub overall: Distribution,
    /// Its answers by month.
    pub by_month: Vec<(YearMonth, Distribution)>,
}

/// Survey report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SurveyReport {
    /// The scale (given, from the header, or from the values).
    pub scale: Scale,
    /// All answers.
    pub overall: Distribution,
    /// Answers by month (dated answers only).
    pub by_month: Vec<(YearMonth, Distribution)>,
    /// Answers without a date.
    pub undated: u64,
    /// Answers with a comment.
    pub comments: u64,
    /// Per segment (empty without a segment column).
    pub by_segment: Vec<SegmentSurvey>,
}

#[derive(Default)]
struct Acc {
    overall: Distribution,
    by_month: BTreeMap<YearMonth, Distribution>,
}

#[derive(Default)]
pub(crate) struct SurveyAcc {
    all: Acc,
    segs: Vec<Acc>,
    labels: Labels,
    first_line: [u64; 11],
    undated: u64,
    comments: u64,
}

impl SurveyAcc {
    pub(crate) fn row(&mut self, f: &Fields<'_>, cx: &Ctx, line: u64) -> Result<(), CellError> {
        let v = cx.number(f, Role::Score, false)?.ok_or_else(|| cx.missing(Role::Score))?;
        let col = cx.col(Role::Score).unwrap_or(0);
        let score = (v.fract().is_zero() && v >= rust_decimal::Decimal::ZERO && v <= rust_decimal::Decimal::TEN)
            .then(|| v.mantissa() / 10i128.pow(v.scale()))
            .and_then(|s| usize::try_from(s).ok())
            .ok_or(CellError { column: col, problem: Problem::NotAScore })?;
        let month = cx.month(f, Role::Date)?;
        if cx.bytes(f, Role::Comment).is_some() {
            self.comments += 1;
        }
        if let Some(fl) = self.first_line.get_mut(score) {
            if *fl == 0 {
                *fl = line;
            }
        }
        let seg = match (cx.col(Role::Segment), cx.text(f, Role::Segment)) {
            (Some(_), Some((_, s))) => Some(self.labels.id(&s)),
            (Some(_), None) => Some(self.labels.id("(none)")),
            (None, _) => None,
        };
        if month.is_none() {
            self.undated += 1;
        }
        for acc in [Some(&mut self.all), seg.and_then(|s| { let s = usize::from(s); if self.segs.len() <= s { self.segs.resize_with(s + 1, Acc::default); } self.segs.get_mut(s) })].into_iter().flatten() {
            bump(&mut acc.overall, score);
            if let Some(m) = month {
                bump(acc.by_month.entry(m).or_default(), score);
            }
        }
        Ok(())
    }

    /// Decides the scale and drops scores outside it, reporting each value
    /// out of scale at its first line.
    pub(crate) fn finish(mut self, scale: Option<Scale>, column: (usize, String)) -> (SurveyReport, Vec<(RowError, u64)>) {
        let c = &self.all.overall.counts;
        let max = c.iter().rposition(|&n| n > 0).unwrap_or(10);
        let scale = scale.unwrap_or(if max > 7 || c.first().is_some_and(|&n| n > 0) {
            Scale::ZeroToTen
        } else if max > 5 {
            Scale::OneToSeven
        } else {
            Scale::OneToFive
        });
        let (lo, hi) = scale.bounds();
        let mut errors = Vec::new();
        for s in (0..11usize).filter(|&s| s < usize::from(lo) || s > usize::from(hi)) {
            let n = self.all.overall.counts.get(s).copied().unwrap_or(0);
            if n > 0 {
                let line = self.first_line.get(s).copied().unwrap_or(0);
                errors.push((RowError { line, column: Some(column.0 + 1), column_name: Some(column.1.clone()),
                    raw: s.to_string(), problem: Problem::NotAScore }, n));
                for acc in std::iter::once(&mut self.all).chain(self.segs.iter_mut()) {
                    for d in std::iter::once(&mut acc.overall).chain(acc.by_month.values_mut()) {
                        if let Some(x) = d.counts.get_mut(s) {
                            *x = 0;
                        }
                    }
                }
            }
        }
        let by_segment = self.segs.into_iter().enumerate().map(|(i, a)| SegmentSurvey {
            segment: self.labels.name(i as u16),
            overall: a.overall,
            by_month: a.by_month.into_iter().collect(),
        }).collect();
        (SurveyReport { scale, overall: self.all.overall, by_month: self.all.by_month.into_iter().collect(),
            undated: self.undated, comments: self.comments, by_segment }, errors)
    }
}

fn bump(d: &mut Distribution, s: usize) {
    if let Some(x) = d.counts.get_mut(s) {
        *x += 1;
    }
}
