//! "What if retention improved by X points?" — a one-click variant, the
//! change in cumulative profit at one, three and five years, and whether the
//! user's own numbers land inside the famous 25–95 % band.
//!
//! The claim: "a 5 % increase in customer retention increases profits by 25 %
//! to 95 %" (Reichheld, F. F., *The Loyalty Effect*, Harvard Business School
//! Press, 1996; Bain & Company; first in Reichheld & Sasser, "Zero Defections:
//! Quality Comes to Services", HBR 1990). It was measured across industries
//! with high acquisition costs and thin margins; the [`Why`] below tells which
//! of the user's inputs push their result in or out of the band.

use super::model::{Baseline, Overrides, Variant};
use super::projection::{project, Projection};
use super::summary::{delta, Delta};
use crate::arith::{self, add, div, mul, sub};
use crate::{Outcome, Percent, Undefined};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// Lower edge of the claimed profit increase, in percent.
pub const BAND_LOW: Percent = Percent(Decimal::from_parts(25, 0, 0, false, 0));
/// Upper edge of the claimed profit increase, in percent.
pub const BAND_HIGH: Percent = Percent(Decimal::from_parts(95, 0, 0, false, 0));
/// The retention gain the claim is about, in points.
pub const CLAIM_POINTS: Percent = Percent(Decimal::from_parts(5, 0, 0, false, 0));

/// What the retention points refer to.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum RetentionBasis {
    /// Points of **annual** retention (90 % → 95 % a year), the basis of
    /// Reichheld's figures.
    #[default]
    Annual,
    /// Points of **monthly** retention, i.e. points off the monthly churn.
    Monthly,
}

/// Annual retention of a monthly churn: (1 − c)¹², exact.
fn annual_retention(churn: Percent) -> Outcome<Percent> {
    let keep = sub(Decimal::ONE, div(churn.0, Decimal::ONE_HUNDRED, Undefined::Overflow)?)?;
    let mut r = Decimal::ONE;
    for _ in 0..12 {
        r = mul(r, keep)?;
    }
    Ok(Percent(mul(r, Decimal::ONE_HUNDRED)?))
}

/// The twelfth root of `r` in [0, 1], by Newton's method from 1 (monotone
/// convergence for the convex yⁱ² − r), to 10⁻²⁰; approximate in the last
/// digits, which is harmless for a churn rate.
fn twelfth_root(r: Decimal) -> Outcome<Decimal> {
    if r <= Decimal::ZERO {
        return Ok(Decimal::ZERO);
    }
    let (twelve, eps) = (Decimal::from(12), Decimal::new(1, 20));
    let mut y = Decimal::ONE;
    for _ in 0..200 {
        let y11 = (0..11).try_fold(Decimal::ONE, |acc, _| mul(acc, y))?;
        let f = sub(mul(y11, y)?, r)?;
        let next = sub(y, div(f, mul(twelve, y11)?, Undefined::Overflow)?)?;
        if sub(y, next)?.abs() < eps || next <= Decimal::ZERO {
            return Ok(next.max(Decimal::ZERO));
        }
        y = next;
    }
    Ok(y)
}

/// The monthly churn after improving retention by `points` on `basis`, floored
/// at zero churn (retention cannot pass 100 %).
///
/// # Errors
/// An invalid churn or points (field `points`, 0–100).
///
/// # Example
/// ```
/// use cadran_core::scenario::retention_whatif::{improved_churn, RetentionBasis};
/// use cadran_core::Percent;
/// use rust_decimal_macros::dec;
/// assert_eq!(improved_churn(Percent(dec!(3)), Percent(dec!(1)), RetentionBasis::Monthly), Ok(Percent(dec!(2))));
/// // 2 % a month keeps 78.47 % a year; 83.47 % a year is 1.49 % a month.
/// let c = improved_churn(Percent(dec!(2)), Percent(dec!(5)), RetentionBasis::Annual).unwrap();
/// assert_eq!(c.0.round_dp(2), dec!(1.49));
/// ```
pub fn improved_churn(churn: Percent, points: Percent, basis: RetentionBasis) -> Outcome<Percent> {
    let churn = arith::percent_0_100("monthly_churn", churn)?;
    let points = arith::percent_0_100("points", points)?;
    if points.0.is_zero() {
        return Ok(churn);
    }
    match basis {
        RetentionBasis::Monthly => Ok(Percent(sub(churn.0, points.0)?.max(Decimal::ZERO))),
        RetentionBasis::Annual => {
            let annual = add(annual_retention(churn)?.0, points.0)?;
            if annual >= Decimal::ONE_HUNDRED {
                return Ok(Percent::ZERO);
            }
            let monthly_keep = twelfth_root(div(annual, Decimal::ONE_HUNDRED, Undefined::Overflow)?)?;
            // Never above the old churn, whatever the last digits of the root.
            let new = mul(sub(Decimal::ONE, monthly_keep)?, Decimal::ONE_HUNDRED)?;
            Ok(Percent(new.clamp(Decimal::ZERO, churn.0)))
        }
    }
}

/// The one-click variant "retention + X points".
///
/// # Errors
/// As [`improved_churn`].
pub fn retention_variant(base: &Baseline, points: Percent, basis: RetentionBasis) -> Outcome<Variant> {
    let churn = improved_churn(base.monthly_churn, points, basis)?;
    let unit = match basis {
        RetentionBasis::Annual => "annual",
        RetentionBasis::Monthly => "monthly",
    };
    Ok(Variant {
        name: format!("Retention +{} pts ({unit})", points.0.normalize()),
        overrides: Overrides { monthly_churn: Some(churn), ..Overrides::default() },
    })
}

/// Where the user's profit increase falls against the 25–95 % claim.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Band {
    /// Below 25 %.
    Below,
    /// From 25 % to 95 %.
    Inside,
    /// Above 95 %.
    Above,
    /// The baseline makes no profit over five years: a percentage increase of
    /// a loss means nothing (the absolute change is still shown).
    BaselineNotProfitable,
}

/// What makes the user's numbers differ from the claim's, for the UI to put
/// into words. Thresholds are rules of thumb, documented on each variant.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Driver {
    /// Five-year profit is small against revenue (< 10 %): any gain is a large
    /// share of it — the main reason for the claim's high figures.
    ThinProfit,
    /// Five-year profit is at least 30 % of revenue: the gain is a small share.
    ThickProfit,
    /// Annual retention below 80 %: many customers to save, big effect.
    HighChurn,
    /// Annual retention of 95 % or more: few customers left to save.
    LowChurn,
    /// Gross margin of 75 % or more: each saved customer adds a lot of profit.
    HighMargin,
    /// Gross margin below 50 %: each saved customer adds little.
    LowMargin,
    /// Acquisition costs are 30 % or more of gross profit: retention saves the
    /// cost of replacing customers, as in Reichheld's industries.
    HighAcquisitionShare,
    /// Acquisition costs under 10 % of gross profit.
    LowAcquisitionShare,
    /// Retained customers' revenue grows (expansion > 0): saved customers
    /// compound.
    ExpansionCompounds,
    /// The variant's gain is for a different number of points than the
    /// claim's five: scale accordingly.
    NotFivePoints,
}

/// The inputs behind the verdict, as numbers and as [`Driver`]s.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Why {
    /// Baseline annual retention, (1 − monthly churn)¹².
    pub annual_retention: Outcome<Percent>,
    /// Gross margin.
    pub gross_margin: Percent,
    /// Σ acquisition cost ÷ Σ gross profit over five years.
    pub acquisition_cost_share: Outcome<Percent>,
    /// Σ net profit ÷ Σ revenue over five years.
    pub profit_margin: Outcome<Percent>,
    /// The drivers that apply, in the order of [`Driver`].
    pub drivers: Vec<Driver>,
}

/// The change of cumulative profit at one horizon.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProfitChange {
    /// Months from the start (12, 36, 60).
    pub months: u32,
    /// Baseline cumulative profit.
    pub baseline: Outcome<Decimal>,
    /// Variant cumulative profit.
    pub variant: Outcome<Decimal>,
    /// The change, absolute and in percent of |baseline|.
    pub change: Delta,
}

/// The full retention what-if.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RetentionWhatIf {
    /// The variant to add to the scenario.
    pub variant: Variant,
    /// Change at one, three and five years.
    pub changes: [ProfitChange; 3],
    /// Where the five-year change falls against 25–95 %.
    pub band: Outcome<Band>,
    /// Why.
    pub why: Why,
}

/// Improves retention by `points` and measures the profit effect.
///
/// **Definition.** The variant is the baseline with the improved monthly
/// churn ([`improved_churn`]). Both are projected over `max(horizon, 60)`
/// months so that the one-, three- and five-year cumulative profits always
/// exist. The verdict compares the five-year change, in percent of the
/// baseline's five-year profit, with the claim's 25–95 % band.
///
/// **Source.** Reichheld, F. F. (1996), *The Loyalty Effect*, Harvard Business
/// School Press; Reichheld & Sasser (1990), "Zero Defections", *Harvard
/// Business Review*; Bain & Company, "Prescription for cutting costs" (2001).
///
/// # Errors
/// Invalid baseline or points.
///
/// # Example
/// ```
/// use cadran_core::scenario::{model::Baseline, retention_whatif::{retention_whatif, RetentionBasis}};
/// use cadran_core::Percent;
/// use rust_decimal_macros::dec;
/// let w = retention_whatif(&Baseline::default(), Percent(dec!(5)), RetentionBasis::Annual).unwrap();
/// assert!(w.changes[2].change.absolute.clone().unwrap() > dec!(0));
/// ```
pub fn retention_whatif(base: &Baseline, points: Percent, basis: RetentionBasis) -> Outcome<RetentionWhatIf> {
    let horizon = base.horizon_months.max(Decimal::from(60));
    let base = Baseline { horizon_months: horizon, ..base.clone() };
    let variant = retention_variant(&base, points, basis)?;
    let (bp, vp) = (project(&base)?, project(&variant.overrides.apply(&base))?);
    let change = |months: u32| {
        let (b, v) = (bp.cumulative_profit_at(months), vp.cumulative_profit_at(months));
        ProfitChange { months, change: delta(&b, &v), baseline: b, variant: v }
    };
    let changes = [change(12), change(36), change(60)];
    let five = &changes[2];
    let band = match (&five.baseline, &five.change.percent) {
        (Ok(b), _) if *b <= Decimal::ZERO => Ok(Band::BaselineNotProfitable),
        (_, Ok(p)) if *p < BAND_LOW => Ok(Band::Below),
        (_, Ok(p)) if *p > BAND_HIGH => Ok(Band::Above),
        (_, Ok(_)) => Ok(Band::Inside),
        (_, Err(e)) => Err(e.clone()),
    };
    Ok(RetentionWhatIf { variant, band, why: why(&base, &bp, points, basis), changes })
}

fn sum_to(p: &Projection, months: usize, column: fn(&super::projection::Month) -> Decimal) -> Outcome<Decimal> {
    arith::sum(p.months.iter().take(months).map(column))
}

fn why(base: &Baseline, p: &Projection, points: Percent, basis: RetentionBasis) -> Why {
    let five = |col| sum_to(p, 60, col);
    let acquisition_cost_share = five(|m| m.acquisition_cost).and_then(|a| {
        arith::percent_of(a, five(|m| m.gross_profit)?, Undefined::ZeroMargin)
    });
    let profit_margin =
        five(|m| m.net_profit).and_then(|n| arith::percent_of(n, five(|m| m.revenue)?, Undefined::ZeroRevenue));
    let annual = annual_retention(base.monthly_churn);
    let pct = |n: i64| Percent(Decimal::from(n));
    let mut drivers = Vec::new();
    let mut push = |cond: bool, d: Driver| {
        if cond {
            drivers.push(d);
        }
    };
    let pm = profit_margin.as_ref().ok().copied();
    push(pm.is_some_and(|p| p < pct(10)), Driver::ThinProfit);
    push(pm.is_some_and(|p| p >= pct(30)), Driver::ThickProfit);
    let ar = annual.as_ref().ok().copied();
    push(ar.is_some_and(|r| r < pct(80)), Driver::HighChurn);
    push(ar.is_some_and(|r| r >= pct(95)), Driver::LowChurn);
    push(base.gross_margin >= pct(75), Driver::HighMargin);
    push(base.gross_margin < pct(50), Driver::LowMargin);
    let acs = acquisition_cost_share.as_ref().ok().copied();
    push(acs.is_some_and(|s| s >= pct(30)), Driver::HighAcquisitionShare);
    push(acs.is_some_and(|s| s < pct(10)), Driver::LowAcquisitionShare);
    push(base.monthly_expansion > Percent::ZERO, Driver::ExpansionCompounds);
    push(points != CLAIM_POINTS || basis != RetentionBasis::Annual, Driver::NotFivePoints);
    Why { annual_retention: annual, gross_margin: base.gross_margin, acquisition_cost_share, profit_margin, drivers }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use rust_decimal_macros::dec;

    #[test]
    fn annual_basis_round_trip() {
        // 2 % a month → 0.98¹² = 78.4716…% a year.
        assert_eq!(annual_retention(Percent(dec!(2))).unwrap().0.round_dp(4), dec!(78.4717));
        let c = improved_churn(Percent(dec!(2)), Percent(dec!(5)), RetentionBasis::Annual).unwrap();
        let back = annual_retention(c).unwrap().0;
        assert!((back - dec!(83.4716)).abs() < dec!(0.0001), "annual retention after +5 pts: {back}");
        assert_eq!(improved_churn(Percent(dec!(1)), Percent(dec!(50)), RetentionBasis::Annual), Ok(Percent::ZERO));
        assert_eq!(improved_churn(Percent(dec!(1)), Percent(dec!(3)), RetentionBasis::Monthly), Ok(Percent::ZERO));
    }

    #[test]
    fn costly_acquisition_business_lands_in_or_above_band() {
        // High churn and costly acquisition, like Reichheld's industries.
        let b = Baseline { cac: dec!(1400), ..Baseline::default() };
        let w = retention_whatif(&b, CLAIM_POINTS, RetentionBasis::Annual).unwrap();
        assert!(matches!(w.band, Ok(Band::Inside | Band::Above)), "{:?} {:?}", w.band, w.changes[2].change);
        assert!(w.why.drivers.contains(&Driver::HighAcquisitionShare) && w.why.drivers.contains(&Driver::HighChurn),
                "{:?}", w.why);
        // A fat-margin, low-churn business barely moves.
        let rich = Baseline { monthly_churn: Percent(dec!(0.3)), cs_cost_per_month: dec!(0), cac: dec!(10), ..Baseline::default() };
        let w = retention_whatif(&rich, CLAIM_POINTS, RetentionBasis::Annual).unwrap();
        assert_eq!(w.band, Ok(Band::Below));
        assert!(w.why.drivers.contains(&Driver::LowChurn) && w.why.drivers.contains(&Driver::ThickProfit));
        // A loss-making baseline has no percentage.
        let loss = Baseline { cs_cost_per_month: dec!(10000000), ..Baseline::default() };
        assert_eq!(retention_whatif(&loss, CLAIM_POINTS, RetentionBasis::Annual).unwrap().band, Ok(Band::BaselineNotProfitable));
    }

    #[test]
    fn horizons_always_present() {
        let b = Baseline { horizon_months: dec!(6), ..Baseline::default() };
        let w = retention_whatif(&b, Percent(dec!(1)), RetentionBasis::Monthly).unwrap();
        assert!(w.changes.iter().all(|c| c.change.absolute.is_ok()));
        assert!(w.why.drivers.contains(&Driver::NotFivePoints));
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(32))]
        /// Better retention never lowers five-year cumulative gross profit.
        #[test]
        fn never_panics_and_monotone(b in crate::scenario::test_support::valid_baseline(), pts in 0u32..=10_000,
                                     monthly in any::<bool>()) {
            let basis = if monthly { RetentionBasis::Monthly } else { RetentionBasis::Annual };
            if let Ok(w) = retention_whatif(&b, Percent(Decimal::new(pts.into(), 2)), basis) {
                if let Ok(d) = &w.changes[2].change.absolute {
                    prop_assert!(*d >= Decimal::ZERO, "{}", d);
                }
            }
        }
    }
}
