//! Gale's customer value map: relative quality against relative price,
//! and the fair-value line.

use super::driver::{Driver, DriverError, DriverField, DriverProblem, Scales, ValueOutcome};
use crate::arith::non_negative;
use crate::{Decimal, MetricError, Undefined};
use rust_decimal::prelude::ToPrimitive;
use serde::{Deserialize, Serialize};

/// A competitor on the value map: its name and its price (money, exact).
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(default)]
pub struct Competitor {
    /// Its name.
    pub name: String,
    /// Its price for the offer compared (same unit as the own price).
    pub price: Decimal,
}

/// What the value map needs beyond the driver table.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(default)]
pub struct ValueMapInputs {
    /// The own price (field `own_price`).
    pub own_price: Decimal,
    /// Competitors, in the order of each driver's `competitors` ratings
    /// (fields `competitor_price_{k}`, validated as `competitor_price`).
    pub competitors: Vec<Competitor>,
}

/// Which side of the fair-value line a company falls on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ValueSide {
    /// Relative quality above relative price: more for the money.
    BetterValue,
    /// On the line (to 10⁻⁹).
    FairValue,
    /// Relative price above relative quality: less for the money.
    WorseValue,
}

/// One company on the map. Quality figures are **statistics (`f64`)**; the
/// price ratio is exact.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CompanyValue {
    /// `None` for the own company, else the competitor's index.
    pub competitor: Option<usize>,
    /// Market-perceived quality score, Σ wᵢ Pᵢ ÷ Σ wᵢ, on the performance scale.
    pub quality_score: f64,
    /// Its score ÷ the mean score of the other companies.
    pub relative_quality: f64,
    /// Its price ÷ the mean price of the other companies (exact).
    pub relative_price: Decimal,
    /// relative quality − relative price: distance from the fair-value line
    /// (positive: better value).
    pub value_advantage: f64,
    /// Its side of the line.
    pub side: ValueSide,
}

/// Market-perceived quality score: the importance-weighted mean of a
/// company's performance ratings.
///
/// **Definition.** Q = Σ wᵢ Pᵢ ÷ Σ wᵢ, with wᵢ the normalised stated
/// importance and Pᵢ the rating on the performance scale.
/// [`Undefined::NoImportance`] when the weights sum to zero.
///
/// **Source.** Gale, B. T. (1994), *Managing Customer Value*, Free Press,
/// the market-perceived quality profile, attribute ratings weighted by their
/// importance.
///
/// # Example
/// ```
/// use cadran_core::metrics::value::quality_score;
/// assert_eq!(quality_score(&[(0.6, 8.0), (0.4, 6.0)]), Ok(7.2));
/// ```
pub fn quality_score(weighted: &[(f64, f64)]) -> Result<f64, Undefined> {
    let w: f64 = weighted.iter().map(|p| p.0).sum();
    if weighted.is_empty() || w <= 0.0 {
        return Err(Undefined::NoImportance);
    }
    Ok(weighted.iter().map(|&(wi, p)| wi * p).sum::<f64>() / w)
}

/// The side of the fair-value line for a relative quality and a relative
/// price: the line is relative quality = relative price (slope 1 through
/// the market average (1, 1): 10 % more quality justifies 10 % more price).
///
/// **Source.** Gale (1994), the customer value map and its
/// fair-value line.
///
/// # Example
/// ```
/// use cadran_core::metrics::value::{value_side, ValueSide};
/// assert_eq!(value_side(1.1, 1.0), ValueSide::BetterValue);
/// assert_eq!(value_side(0.9, 1.0), ValueSide::WorseValue);
/// assert_eq!(value_side(1.0, 1.0), ValueSide::FairValue);
/// ```
#[must_use]
pub fn value_side(relative_quality: f64, relative_price: f64) -> ValueSide {
    let d = relative_quality - relative_price;
    if d.abs() <= 1e-9 * relative_price.abs().max(1.0) {
        ValueSide::FairValue
    } else if d > 0.0 {
        ValueSide::BetterValue
    } else {
        ValueSide::WorseValue
    }
}

/// Every company's quality and price relative to the others, and its side
/// of the fair-value line.
///
/// **Definition.** For each company c (own first, then each competitor):
/// Q_c = [`quality_score`]; relative quality = Q_c ÷ mean of the other
/// companies' Q; relative price = price_c ÷ mean of the other companies'
/// prices; side by [`value_side`]. Every driver needs a rating for every
/// competitor (else a [`DriverProblem::Missing`] naming the cell).
/// [`Undefined::NoCompetitors`] without competitors, [`Undefined::ZeroBase`]
/// when the others' mean score or price is zero.
///
/// **Source.** Gale (1994): relative performance vs relative
/// price, the customer value map.
///
/// # Example
/// Own quality 7.2 vs a competitor's 6, own price 120 vs 100: relative
/// quality 1.2, relative price 1.2 — on the fair-value line; the competitor
/// sits at (0.833…, 0.833…), also fair.
/// ```
/// use cadran_core::metrics::value::{value_map, Competitor, Driver, Scale, Scales, ValueMapInputs, ValueSide};
/// use rust_decimal_macros::dec;
/// let s = Scales { importance: Scale::ZeroToTen, performance: Scale::ZeroToTen };
/// let drivers = [
///     Driver { name: "Taste".into(), importance: 6.0, performance: 8.0, competitors: vec![6.0], ..Driver::default() },
///     Driver { name: "Yield".into(), importance: 4.0, performance: 6.0, competitors: vec![6.0], ..Driver::default() },
/// ];
/// let i = ValueMapInputs { own_price: dec!(120), competitors: vec![Competitor { name: "B".into(), price: dec!(100) }] };
/// let m = value_map(&drivers, s, &i).unwrap();
/// assert!((m[0].quality_score - 7.2).abs() < 1e-12);
/// assert_eq!(m[0].relative_price, dec!(1.2));
/// assert_eq!(m[0].side, ValueSide::FairValue);
/// let cheaper = ValueMapInputs { own_price: dec!(110), ..i };
/// assert_eq!(value_map(&drivers, s, &cheaper).unwrap()[0].side, ValueSide::BetterValue);
/// ```
pub fn value_map(drivers: &[Driver], scales: Scales, inputs: &ValueMapInputs) -> ValueOutcome<Vec<CompanyValue>> {
    let _ = super::driver::normalised(drivers, scales)?;
    non_negative("own_price", inputs.own_price).map_err(MetricError::from)?;
    for c in &inputs.competitors {
        non_negative("competitor_price", c.price).map_err(MetricError::from)?;
    }
    let k = inputs.competitors.len();
    if k == 0 {
        return Err(Undefined::NoCompetitors.into());
    }
    for (row, d) in drivers.iter().enumerate() {
        if d.competitors.len() < k {
            let field = DriverField::Competitor(d.competitors.len());
            return Err(DriverError { row, field, problem: DriverProblem::Missing }.into());
        }
    }
    let weights: Vec<f64> = drivers.iter().map(|d| scales.importance.normalise(d.importance)).collect();
    let score = |c: Option<usize>| {
        let pairs: Vec<(f64, f64)> =
            drivers.iter().zip(&weights).map(|(d, &w)| (w, c.map_or(d.performance, |k| d.competitors[k]))).collect();
        quality_score(&pairs)
    };
    let companies: Vec<Option<usize>> = std::iter::once(None).chain((0..k).map(Some)).collect();
    let scores = companies.iter().map(|&c| score(c)).collect::<Result<Vec<f64>, Undefined>>()?;
    let prices: Vec<Decimal> = std::iter::once(inputs.own_price).chain(inputs.competitors.iter().map(|c| c.price)).collect();
    #[allow(clippy::cast_precision_loss)] // a few competitors
    let others = k as f64;
    let total_score: f64 = scores.iter().sum();
    let total_price = crate::arith::sum(prices.iter().copied())?;
    let others_dec = Decimal::from(k);
    companies
        .iter()
        .enumerate()
        .map(|(i, &competitor)| {
            let mean_q = (total_score - scores[i]) / others;
            if mean_q <= 0.0 {
                return Err(Undefined::ZeroBase.into());
            }
            let mean_p = crate::arith::div(crate::arith::sub(total_price, prices[i])?, others_dec, Undefined::ZeroBase)?;
            let relative_price = crate::arith::div(prices[i], mean_p, Undefined::ZeroBase)?;
            let relative_quality = scores[i] / mean_q;
            let rp = relative_price.to_f64().ok_or(Undefined::NotComputable)?;
            Ok(CompanyValue {
                competitor,
                quality_score: scores[i],
                relative_quality,
                relative_price,
                value_advantage: relative_quality - rp,
                side: value_side(relative_quality, rp),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::metrics::test_support::any_decimal;
    use crate::metrics::value::driver::ValueError;
    use proptest::prelude::*;
    use rust_decimal_macros::dec;

    fn d(importance: f64, performance: f64, competitors: Vec<f64>) -> Driver {
        Driver { name: "x".into(), importance, performance, competitors, ..Driver::default() }
    }

    fn inputs(own: Decimal, prices: &[Decimal]) -> ValueMapInputs {
        ValueMapInputs {
            own_price: own,
            competitors: prices.iter().map(|&price| Competitor { name: "c".into(), price }).collect(),
        }
    }

    #[test]
    fn three_companies() {
        // Scores: own 4, A 3, B 5 (one driver, weight 1). Prices 100, 80, 120.
        let drivers = [d(5.0, 4.0, vec![3.0, 5.0])];
        let m = value_map(&drivers, Scales::default(), &inputs(dec!(100), &[dec!(80), dec!(120)])).unwrap();
        // Own: 4 ÷ 4 = 1, 100 ÷ 100 = 1: fair.
        assert_eq!((m[0].relative_quality, m[0].relative_price, m[0].side), (1.0, dec!(1), ValueSide::FairValue));
        // A: 3 ÷ 4.5 = 0.667, 80 ÷ 110 = 0.727: worse value.
        assert_eq!(m[1].side, ValueSide::WorseValue, "{:?}", m[1]);
        // B: 5 ÷ 3.5 = 1.43, 120 ÷ 90 = 1.33: better value.
        assert_eq!(m[2].side, ValueSide::BetterValue, "{:?}", m[2]);
        assert_eq!(m[2].competitor, Some(1));
    }

    #[test]
    fn bad_inputs() {
        let s = Scales::default();
        let e = value_map(&[d(5.0, 4.0, vec![3.0]), d(5.0, 4.0, vec![])], s, &inputs(dec!(1), &[dec!(1)]));
        assert_eq!(e, Err(DriverError { row: 1, field: DriverField::Competitor(0), problem: DriverProblem::Missing }.into()));
        assert_eq!(value_map(&[d(5.0, 4.0, vec![])], s, &inputs(dec!(1), &[])), Err(Undefined::NoCompetitors.into()));
        assert!(matches!(value_map(&[d(5.0, 4.0, vec![3.0])], s, &inputs(dec!(-1), &[dec!(1)])), Err(ValueError::Metric(MetricError::Invalid(_)))));
        assert_eq!(value_map(&[d(5.0, 4.0, vec![3.0])], s, &inputs(dec!(1), &[dec!(0)])), Err(Undefined::ZeroBase.into()));
        assert_eq!(value_map(&[d(1.0, 4.0, vec![3.0])], s, &inputs(dec!(1), &[dec!(1)])), Err(Undefined::NoImportance.into()));
    }

    proptest! {
        #[test]
        fn no_panic(own in any_decimal(), p in any_decimal(), i in any::<f64>(), q in any::<f64>(), c in any::<f64>()) {
            let _ = value_map(&[d(i, q, vec![c])], Scales::default(), &inputs(own, &[p]));
        }
    }
}
