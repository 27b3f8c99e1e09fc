//! Monthly recurring revenue (MRR) movements over a period, and the revenue
//! churn and retention rates built on them (gross and net MRR churn, GRR, NRR).

use crate::arith::{self, add, percent_of, sub};
use crate::{Field, InputError, InputProblem, MetricError, Outcome, Percent, Undefined};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// MRR at the start of a period and how it moved during it. Every amount is
/// MRR (recurring revenue per month), zero or more; decreases are given as
/// positive amounts.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct MrrMovements {
    /// MRR at the start of the period.
    pub start_mrr: Decimal,
    /// MRR from new customers.
    pub new_mrr: Decimal,
    /// MRR added by existing customers (upgrades, more seats, cross-sell).
    pub expansion_mrr: Decimal,
    /// MRR from former customers who came back.
    pub reactivation_mrr: Decimal,
    /// MRR lost by customers who stayed but pay less (downgrades).
    pub contraction_mrr: Decimal,
    /// MRR lost by customers who left.
    pub churned_mrr: Decimal,
}

/// Validated movements: every amount ≥ 0 and contraction + churn ≤ start (a
/// customer cannot lose more revenue than they paid at the start).
fn validated(m: &MrrMovements) -> Outcome<MrrMovements> {
    let start = arith::non_negative("start_mrr", m.start_mrr)?;
    let contraction = arith::non_negative("contraction_mrr", m.contraction_mrr)?;
    let churned = arith::non_negative("churned_mrr", m.churned_mrr)?;
    if contraction > start {
        return Err(InputError::new(
            Field("contraction_mrr"),
            InputProblem::Exceeds { other: Field("start_mrr"), limit: start },
        )
        .into());
    }
    let room = sub(start, contraction)?;
    if churned > room {
        return Err(InputError::new(Field("churned_mrr"), InputProblem::OutOfRange { min: Decimal::ZERO, max: room })
            .into());
    }
    Ok(MrrMovements {
        start_mrr: start,
        new_mrr: arith::non_negative("new_mrr", m.new_mrr)?,
        expansion_mrr: arith::non_negative("expansion_mrr", m.expansion_mrr)?,
        reactivation_mrr: arith::non_negative("reactivation_mrr", m.reactivation_mrr)?,
        contraction_mrr: contraction,
        churned_mrr: churned,
    })
}

/// MRR at the end of the period.
///
/// **Definition.** end = start + new + expansion + reactivation − contraction −
/// churn. Contraction + churn may not exceed start (error on the offending
/// field).
///
/// **Source.** ChartMogul, *MRR movements* (new, expansion, reactivation,
/// contraction, churn); Baremetrics, *MRR*.
///
/// # Example
/// ```
/// use cadran_core::metrics::mrr::{end_mrr, MrrMovements};
/// use rust_decimal_macros::dec;
/// let m = MrrMovements { start_mrr: dec!(100000), new_mrr: dec!(8000), expansion_mrr: dec!(5000),
///     reactivation_mrr: dec!(1000), contraction_mrr: dec!(2000), churned_mrr: dec!(4000) };
/// assert_eq!(end_mrr(&m).unwrap(), dec!(108000));
/// ```
pub fn end_mrr(m: &MrrMovements) -> Outcome<Decimal> {
    let m = validated(m)?;
    let up = arith::sum([m.start_mrr, m.new_mrr, m.expansion_mrr, m.reactivation_mrr])?;
    sub(sub(up, m.contraction_mrr)?, m.churned_mrr)
}

/// Gross MRR churn rate: revenue lost from existing customers.
///
/// **Definition.** gross MRR churn = (churn + contraction) ÷ start × 100, in
/// [0, 100]. Undefined when start MRR is zero ([`Undefined::ZeroRevenue`]).
///
/// **Source.** ChartMogul, *Gross MRR Churn Rate*; SaaS Capital, *Net and
/// gross revenue retention / churn definitions*.
///
/// # Example
/// ```
/// use cadran_core::metrics::mrr::{gross_mrr_churn, MrrMovements};
/// use cadran_core::Percent;
/// use rust_decimal_macros::dec;
/// let m = MrrMovements { start_mrr: dec!(100000), contraction_mrr: dec!(2000), churned_mrr: dec!(4000),
///     ..MrrMovements::default() };
/// assert_eq!(gross_mrr_churn(&m).unwrap(), Percent(dec!(6)));
/// ```
pub fn gross_mrr_churn(m: &MrrMovements) -> Outcome<Percent> {
    let m = validated(m)?;
    percent_of(add(m.churned_mrr, m.contraction_mrr)?, m.start_mrr, Undefined::ZeroRevenue)
}

/// Net MRR churn rate: revenue lost from existing customers, net of what they
/// added.
///
/// **Definition.** net MRR churn = (churn + contraction − expansion −
/// reactivation) ÷ start × 100. Negative ("net negative churn") when existing
/// customers grow more than they shrink. Undefined when start MRR is zero.
///
/// **Source.** ChartMogul, *Net MRR Churn Rate*; Skok, D. (2013), *SaaS
/// Metrics 2.0* ("negative churn").
///
/// # Example
/// ```
/// use cadran_core::metrics::mrr::{net_mrr_churn, MrrMovements};
/// use cadran_core::Percent;
/// use rust_decimal_macros::dec;
/// let m = MrrMovements { start_mrr: dec!(100000), expansion_mrr: dec!(5000), reactivation_mrr: dec!(1000),
///     contraction_mrr: dec!(2000), churned_mrr: dec!(4000), ..MrrMovements::default() };
/// assert_eq!(net_mrr_churn(&m).unwrap(), Percent(dec!(0)));
/// ```
pub fn net_mrr_churn(m: &MrrMovements) -> Outcome<Percent> {
    let m = validated(m)?;
    let lost = add(m.churned_mrr, m.contraction_mrr)?;
    let added = add(m.expansion_mrr, m.reactivation_mrr)?;
    percent_of(sub(lost, added)?, m.start_mrr, Undefined::ZeroRevenue)
}

/// Gross revenue retention (GRR).
///
/// **Definition.** GRR = (start − churn − contraction) ÷ start × 100, in
/// [0, 100]: the share of starting MRR kept, ignoring any growth. Never above
/// 100 % by construction. Undefined when start MRR is zero.
///
/// **Source.** SaaS Capital (2021), *What is Gross Revenue Retention?*;
/// KeyBanc Capital Markets SaaS Survey definitions.
///
/// # Example
/// ```
/// use cadran_core::metrics::mrr::{gross_revenue_retention, MrrMovements};
/// use cadran_core::Percent;
/// use rust_decimal_macros::dec;
/// let m = MrrMovements { start_mrr: dec!(100000), contraction_mrr: dec!(2000), churned_mrr: dec!(4000),
///     expansion_mrr: dec!(9000), ..MrrMovements::default() };
/// assert_eq!(gross_revenue_retention(&m).unwrap(), Percent(dec!(94)));
/// ```
pub fn gross_revenue_retention(m: &MrrMovements) -> Outcome<Percent> {
    let m = validated(m)?;
    let kept = sub(sub(m.start_mrr, m.churned_mrr)?, m.contraction_mrr)?;
    percent_of(kept, m.start_mrr, Undefined::ZeroRevenue)
}

/// Net revenue retention (NRR, also NDR).
///
/// **Definition.** NRR = (start + expansion + reactivation − contraction −
/// churn) ÷ start × 100: the starting customers' MRR at the end, new
/// customers excluded. Above 100 % when existing customers grow. Always ≥ GRR.
/// Undefined when start MRR is zero.
///
/// **Source.** SaaS Capital (2021), *What is Net Revenue Retention?*;
/// ChartMogul, *Net MRR Retention*.
///
/// # Example
/// ```
/// use cadran_core::metrics::mrr::{net_revenue_retention, MrrMovements};
/// use cadran_core::Percent;
/// use rust_decimal_macros::dec;
/// let m = MrrMovements { start_mrr: dec!(100000), contraction_mrr: dec!(2000), churned_mrr: dec!(4000),
///     expansion_mrr: dec!(9000), reactivation_mrr: dec!(1000), ..MrrMovements::default() };
/// assert_eq!(net_revenue_retention(&m).unwrap(), Percent(dec!(104)));
/// ```
pub fn net_revenue_retention(m: &MrrMovements) -> Outcome<Percent> {
    let m = validated(m)?;
    let up = arith::sum([m.start_mrr, m.expansion_mrr, m.reactivation_mrr])?;
    let kept = sub(sub(up, m.contraction_mrr)?, m.churned_mrr)?;
    percent_of(kept, m.start_mrr, Undefined::ZeroRevenue)
}

/// Every MRR output at once. Each is computed on its own, so a zero start
/// blanks the rates but not the end MRR.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MrrReport {
    /// See [`end_mrr`].
    pub end_mrr: Outcome<Decimal>,
    /// See [`gross_mrr_churn`].
    pub gross_mrr_churn: Outcome<Percent>,
    /// See [`net_mrr_churn`].
    pub net_mrr_churn: Outcome<Percent>,
    /// See [`gross_revenue_retention`].
    pub gross_revenue_retention: Outcome<Percent>,
    /// See [`net_revenue_retention`].
    pub net_revenue_retention: Outcome<Percent>,
    /// See [`waterfall`].
    pub waterfall: Outcome<Vec<WaterfallStep>>,
}

impl MrrReport {
    /// Every output failing with `e`: what the card shows when one of its
    /// fields cannot be read (every MRR output reads every movement).
    ///
    /// # Example
    /// ```
    /// use cadran_core::metrics::mrr::MrrReport;
    /// use cadran_core::{Field, InputError, InputProblem, MetricError};
    /// let e = MetricError::from(InputError::new(Field("new_mrr"), InputProblem::NotANumber));
    /// let r = MrrReport::failed(e.clone());
    /// assert_eq!(r.end_mrr, Err(e.clone()));
    /// assert_eq!(r.waterfall, Err(e));
    /// ```
    #[must_use]
    pub fn failed(e: MetricError) -> Self {
        Self {
            end_mrr: Err(e.clone()),
            gross_mrr_churn: Err(e.clone()),
            net_mrr_churn: Err(e.clone()),
            gross_revenue_retention: Err(e.clone()),
            net_revenue_retention: Err(e.clone()),
            waterfall: Err(e),
        }
    }
}

/// Computes every MRR output.
///
/// # Example
/// ```
/// use cadran_core::metrics::mrr::{compute_mrr, MrrMovements};
/// use cadran_core::{MetricError, Undefined};
/// use rust_decimal_macros::dec;
/// let r = compute_mrr(&MrrMovements { new_mrr: dec!(500), ..MrrMovements::default() });
/// assert_eq!(r.end_mrr, Ok(dec!(500)));
/// assert_eq!(r.net_revenue_retention, Err(MetricError::Undefined(Undefined::ZeroRevenue)));
/// ```
#[must_use]
pub fn compute_mrr(m: &MrrMovements) -> MrrReport {
    MrrReport {
        end_mrr: end_mrr(m),
        gross_mrr_churn: gross_mrr_churn(m),
        net_mrr_churn: net_mrr_churn(m),
        gross_revenue_retention: gross_revenue_retention(m),
        net_revenue_retention: net_revenue_retention(m),
        waterfall: waterfall(m),
    }
}

mod waterfall;
pub use waterfall::{waterfall, MrrStep, WaterfallStep};

#[cfg(test)]
mod tests;
