//! Per-scenario summary (CLV, LTV:CAC, CAC payback, profit at 1, 3 and 5
//! years) and the comparison of a variant with the baseline (ROI of the
//! variant's extra spending, its payback month, and the delta of every output).
//!
//! The KPI formulas are **not** re-implemented here: CLV, CAC payback and
//! LTV:CAC come from [`crate::metrics::clv`] and [`crate::metrics::cac`], called
//! from the three functions of the "KPI calls" section only.

use super::model::Baseline;
use super::projection::{project, Projection};
use crate::arith::{self, add, sub};
use crate::metrics::cac::{cac_payback, ltv_to_cac, CacPaybackInputs};
use crate::metrics::clv::{margin_churn_clv, MarginChurnClvInputs};
use crate::metrics::period::Period;
use crate::{MetricError, Outcome, Percent, Undefined};
use rust_decimal::Decimal;

// ------------------------------------------------------------- KPI calls

/// Steady-state CLV of the scenario's customers: ARPA × gross margin ÷
/// monthly churn ([`margin_churn_clv`], Skok 2013). It ignores expansion and
/// discounting, as the published formula does.
fn clv(b: &Baseline) -> Outcome<Decimal> {
    margin_churn_clv(&MarginChurnClvInputs {
        arpa: b.arpa,
        gross_margin: b.gross_margin,
        churn: b.monthly_churn,
        period: Period::Month,
    })
    .map(|c| c.clv)
}

/// Months for a new customer's margin to repay CAC ([`cac_payback`]).
fn cac_payback_months(b: &Baseline) -> Outcome<Decimal> {
    cac_payback(&CacPaybackInputs { cac: b.cac, arpa: b.arpa, gross_margin: b.gross_margin, period: Period::Month })
        .map(|p| p.payback_months)
}

/// LTV ÷ CAC ([`ltv_to_cac`]) with the CLV above.
fn ltv_cac(b: &Baseline) -> Outcome<Decimal> {
    ltv_to_cac(clv(b)?, b.cac).map(|r| r.ratio)
}

// ------------------------------------------------------------- summary

/// The headline numbers of one scenario. Each is computed on its own, so an
/// undefined CLV (zero churn) does not blank the profits.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Summary {
    /// Steady-state CLV: ARPA × margin ÷ churn (Skok 2013).
    pub clv: Outcome<Decimal>,
    /// CLV ÷ CAC.
    pub ltv_to_cac: Outcome<Decimal>,
    /// CAC ÷ (ARPA × margin), in months.
    pub cac_payback_months: Outcome<Decimal>,
    /// Cumulative net profit at the horizon.
    pub total_profit: Outcome<Decimal>,
    /// Cumulative discounted net profit at the horizon (net present value).
    pub discounted_profit: Outcome<Decimal>,
    /// Cumulative profit after 12 months. The three milestones are read from
    /// a projection over at least [`MILESTONE_MONTHS`], whatever the horizon
    /// (as the retention what-if does), so a figure such as the 5-year profit
    /// is the same number on every view of the scenario page.
    pub profit_12: Outcome<Decimal>,
    /// Cumulative profit after 36 months.
    pub profit_36: Outcome<Decimal>,
    /// Cumulative profit after 60 months.
    pub profit_60: Outcome<Decimal>,
    /// Customers at the horizon.
    pub customers_end: Outcome<Decimal>,
    /// MRR at the horizon.
    pub mrr_end: Outcome<Decimal>,
}

/// The output of the projection at the last month, or the projection's error.
fn at_end(p: &Outcome<Projection>, column: fn(&super::projection::Month) -> Decimal) -> Outcome<Decimal> {
    let p = p.as_ref().map_err(Clone::clone)?;
    p.last().map(column).ok_or(MetricError::Undefined(Undefined::BeyondHorizon))
}

/// The longest milestone, in months: 5 years.
pub const MILESTONE_MONTHS: u32 = 60;

fn profit_at(p: &Outcome<Projection>, month: u32) -> Outcome<Decimal> {
    p.as_ref().map_err(Clone::clone)?.cumulative_profit_at(month)
}

impl Summary {
    /// Summarises a scenario from its inputs and its projection (pass the
    /// result of [`project`] to avoid projecting twice).
    #[must_use]
    pub fn of(b: &Baseline, p: &Outcome<Projection>) -> Self {
        let milestones = Decimal::from(MILESTONE_MONTHS);
        let longer;
        let long = if b.horizon_months < milestones {
            longer = project(&Baseline { horizon_months: milestones, ..b.clone() });
            &longer
        } else {
            p
        };
        Self {
            clv: clv(b),
            ltv_to_cac: ltv_cac(b),
            cac_payback_months: cac_payback_months(b),
            total_profit: at_end(p, |m| m.cumulative_profit),
            discounted_profit: at_end(p, |m| m.cumulative_discounted_profit),
            profit_12: profit_at(long, 12),
            profit_36: profit_at(long, 36),
            profit_60: profit_at(long, MILESTONE_MONTHS),
            customers_end: at_end(p, |m| m.customers_end),
            mrr_end: at_end(p, |m| m.mrr),
        }
    }
}

/// Summarises a scenario: projects it and computes its [`Summary`].
///
/// # Example
/// ```
/// use cadran_core::scenario::{model::Baseline, summary::summarize};
/// use cadran_core::Percent;
/// use rust_decimal_macros::dec;
/// let s = summarize(&Baseline { arpa: dec!(100), gross_margin: Percent(dec!(80)),
///                               monthly_churn: Percent(dec!(2)), cac: dec!(2000),
///                               horizon_months: dec!(24), ..Baseline::default() });
/// // CLV = 100 × 80 % ÷ 2 % = 4 000; LTV:CAC = 2; payback 2 000 ÷ 80 = 25 months.
/// assert_eq!(s.clv, Ok(dec!(4000)));
/// assert_eq!(s.ltv_to_cac, Ok(dec!(2)));
/// assert_eq!(s.cac_payback_months, Ok(dec!(25)));
/// // The milestones are projected past the 24-month horizon.
/// assert!(s.profit_36.is_ok() && s.profit_60.is_ok());
/// ```
#[must_use]
pub fn summarize(b: &Baseline) -> Summary {
    Summary::of(b, &project(b))
}

// ------------------------------------------------------------- comparison

/// A variant against the baseline, over the months both projections cover.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Comparison {
    /// Σ variant gross profit − Σ baseline gross profit.
    pub extra_gross_profit: Outcome<Decimal>,
    /// Σ variant (acquisition + CS) cost − Σ baseline (acquisition + CS) cost.
    pub extra_cost: Outcome<Decimal>,
    /// (extra gross profit − extra cost) ÷ extra cost × 100.
    pub roi: Outcome<Percent>,
    /// First month at which the cumulative extra net profit is ≥ 0.
    pub payback_month: Outcome<u32>,
}

/// Compares a variant's projection with the baseline's.
///
/// **Definition.** Over the months both cover, extra gross profit
/// ΔGP = Σ GPᵥ − Σ GP_b and extra cost ΔC = Σ (acquisition + CS)ᵥ − Σ (…)_b;
/// ROI = (ΔGP − ΔC) ÷ ΔC × 100, i.e. extra net profit per unit of extra
/// spending, undiscounted. [`Undefined::NoExtraCost`] when ΔC ≤ 0 (the variant
/// saves money: no investment, no return). Payback month = first month `t`
/// with Σ_{1..t} (netᵥ − net_b) ≥ 0; [`Undefined::NeverPaysBack`] when that
/// never happens within the horizon, [`Undefined::NoExtraCost`] (as the ROI)
/// when there is no extra spending to repay.
///
/// **Source.** The return-on-investment ratio (Investopedia, *Return on
/// Investment*) applied to incremental cash flows, as in Gainsight, *The
/// Customer Success ROI Calculator*; simple payback period (Investopedia,
/// *Payback Period*).
///
/// # Example
/// ```
/// use cadran_core::scenario::{model::Baseline, projection::project, summary::compare};
/// use cadran_core::Percent;
/// use rust_decimal_macros::dec;
/// let base = Baseline { horizon_months: dec!(12), ..Baseline::default() };
/// // Spend 2 000 more a month on customer success to halve churn.
/// let variant = Baseline { cs_cost_per_month: base.cs_cost_per_month + dec!(2000),
///                          monthly_churn: Percent(dec!(1)), ..base.clone() };
/// let c = compare(&project(&base).unwrap(), &project(&variant).unwrap());
/// assert_eq!(c.extra_cost, Ok(dec!(24000)));
/// assert!(c.roi.unwrap() > Percent(dec!(0)));
/// ```
#[must_use]
pub fn compare(base: &Projection, variant: &Projection) -> Comparison {
    let months = || base.months.iter().zip(&variant.months);
    let extra_gross_profit =
        months().try_fold(Decimal::ZERO, |acc, (b, v)| add(acc, sub(v.gross_profit, b.gross_profit)?));
    let cost = |m: &super::projection::Month| add(m.acquisition_cost, m.cs_cost);
    let extra_cost = months().try_fold(Decimal::ZERO, |acc, (b, v)| add(acc, sub(cost(v)?, cost(b)?)?));
    let roi = match (&extra_gross_profit, &extra_cost) {
        (Ok(_), Ok(c)) if *c <= Decimal::ZERO => Err(Undefined::NoExtraCost.into()),
        (Ok(g), Ok(c)) => sub(*g, *c).and_then(|net| arith::percent_of(net, *c, Undefined::NoExtraCost)),
        (Err(e), _) | (_, Err(e)) => Err(e.clone()),
    };
    // No extra spending: nothing to repay, so no payback month either (one
    // reason for the two figures, never "not applicable" beside a month).
    let payback_month = match &extra_cost {
        Ok(c) if *c <= Decimal::ZERO => Err(Undefined::NoExtraCost.into()),
        _ => payback_month(base, variant),
    };
    Comparison { extra_gross_profit, extra_cost, roi, payback_month }
}

fn payback_month(base: &Projection, variant: &Projection) -> Outcome<u32> {
    let mut cumulative = Decimal::ZERO;
    for (b, v) in base.months.iter().zip(&variant.months) {
        cumulative = add(cumulative, sub(v.net_profit, b.net_profit)?)?;
        if cumulative >= Decimal::ZERO {
            return Ok(v.month);
        }
    }
    Err(Undefined::NeverPaysBack.into())
}

/// The change of one output from the baseline to a variant.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Delta {
    /// Variant − baseline.
    pub absolute: Outcome<Decimal>,
    /// (variant − baseline) ÷ |baseline| × 100; [`Undefined::ZeroBase`] when
    /// the baseline value is zero.
    pub percent: Outcome<Percent>,
}

/// Absolute and percentage change from `base` to `variant`; an error on
/// either side is carried.
///
/// # Example
/// ```
/// use cadran_core::scenario::summary::delta;
/// use cadran_core::Percent;
/// use rust_decimal_macros::dec;
/// let d = delta(&Ok(dec!(-200)), &Ok(dec!(-100)));
/// // From −200 to −100 is +100, an improvement of 50 % of |−200|.
/// assert_eq!((d.absolute, d.percent), (Ok(dec!(100)), Ok(Percent(dec!(50)))));
/// ```
#[must_use]
pub fn delta(base: &Outcome<Decimal>, variant: &Outcome<Decimal>) -> Delta {
    let absolute = match (base, variant) {
        (Ok(b), Ok(v)) => sub(*v, *b),
        (Err(e), _) | (_, Err(e)) => Err(e.clone()),
    };
    let percent = match (&absolute, base) {
        (Ok(d), Ok(b)) => arith::percent_of(*d, b.abs(), Undefined::ZeroBase),
        (Err(e), _) | (_, Err(e)) => Err(e.clone()),
    };
    Delta { absolute, percent }
}

/// Every delta of a variant's [`Summary`] against the baseline's.
#[derive(Debug, Clone, PartialEq, Eq)]
#[allow(missing_docs)] // one field per `Summary` field, same meaning.
pub struct SummaryDeltas {
    pub clv: Delta,
    pub ltv_to_cac: Delta,
    pub cac_payback_months: Delta,
    pub total_profit: Delta,
    pub discounted_profit: Delta,
    pub profit_12: Delta,
    pub profit_36: Delta,
    pub profit_60: Delta,
    pub customers_end: Delta,
    pub mrr_end: Delta,
}

impl SummaryDeltas {
    /// The deltas from `base` to `variant`.
    #[must_use]
    pub fn between(base: &Summary, variant: &Summary) -> Self {
        Self {
            clv: delta(&base.clv, &variant.clv),
            ltv_to_cac: delta(&base.ltv_to_cac, &variant.ltv_to_cac),
            cac_payback_months: delta(&base.cac_payback_months, &variant.cac_payback_months),
            total_profit: delta(&base.total_profit, &variant.total_profit),
            discounted_profit: delta(&base.discounted_profit, &variant.discounted_profit),
            profit_12: delta(&base.profit_12, &variant.profit_12),
            profit_36: delta(&base.profit_36, &variant.profit_36),
            profit_60: delta(&base.profit_60, &variant.profit_60),
            customers_end: delta(&base.customers_end, &variant.customers_end),
            mrr_end: delta(&base.mrr_end, &variant.mrr_end),
        }
    }
}

/// One scenario (baseline or variant) with its projection and summary.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScenarioResult {
    /// The name shown in the table ("Baseline" for the baseline).
    pub name: String,
    /// The effective inputs (baseline with overrides applied).
    pub inputs: Baseline,
    /// The month-by-month projection.
    pub projection: Outcome<Projection>,
    /// The headline numbers.
    pub summary: Summary,
    /// Against the baseline (`None` for the baseline itself).
    pub versus_baseline: Option<(Comparison, SummaryDeltas)>,
}

/// Projects and summarises the baseline and every variant, and compares each
/// variant with the baseline: everything the side-by-side table and the charts
/// need, computed once.
///
/// # Example
/// ```
/// use cadran_core::scenario::{model::{Scenario, Variant}, summary::run};
/// let s = Scenario { variants: vec![Variant { name: "Same".into(), ..Variant::default() }],
///                    ..Scenario::default() };
/// let r = run(&s);
/// assert_eq!(r.len(), 2);
/// let (_, deltas) = r[1].versus_baseline.as_ref().unwrap();
/// assert_eq!(deltas.total_profit.absolute, Ok(0.into()));
/// ```
#[must_use]
pub fn run(s: &super::model::Scenario) -> Vec<ScenarioResult> {
    let base_projection = project(&s.baseline);
    let base_summary = Summary::of(&s.baseline, &base_projection);
    let mut out = Vec::with_capacity(s.variants.len() + 1);
    for v in &s.variants {
        let inputs = v.overrides.apply(&s.baseline);
        let projection = project(&inputs);
        let summary = Summary::of(&inputs, &projection);
        let comparison = match (&base_projection, &projection) {
            (Ok(b), Ok(p)) => compare(b, p),
            (Err(e), _) | (_, Err(e)) => Comparison {
                extra_gross_profit: Err(e.clone()),
                extra_cost: Err(e.clone()),
                roi: Err(e.clone()),
                payback_month: Err(e.clone()),
            },
        };
        let deltas = SummaryDeltas::between(&base_summary, &summary);
        out.push(ScenarioResult {
            name: v.name.clone(),
            inputs,
            projection,
            summary,
            versus_baseline: Some((comparison, deltas)),
        });
    }
    out.insert(
        0,
        ScenarioResult {
            name: "Baseline".into(),
            inputs: s.baseline.clone(),
            projection: base_projection,
            summary: base_summary,
            versus_baseline: None,
        },
    );
    out
}

#[cfg(test)]
mod tests;
