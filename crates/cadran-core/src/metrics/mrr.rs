//! Monthly recurring revenue (MRR) movements over a period, and the revenue
//! churn and retention rates built on them (gross and net MRR churn, GRR, NRR).

use crate::arith::{self, add, percent_of, sub};
use crate::{Field, InputError, InputProblem, Outcome, Percent, Undefined};
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

/// Which bar of the MRR waterfall a step is; the UI maps [`MrrStep::key`] to a
/// translated label.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum MrrStep {
    /// MRR at the start (a total bar).
    Start,
    /// New customers (up).
    New,
    /// Expansion (up).
    Expansion,
    /// Reactivation (up).
    Reactivation,
    /// Contraction (down).
    Contraction,
    /// Churn (down).
    Churned,
    /// MRR at the end (a total bar).
    End,
}

impl MrrStep {
    /// A stable snake_case key for translations and scenario files.
    #[must_use]
    pub const fn key(self) -> &'static str {
        match self {
            MrrStep::Start => "start_mrr",
            MrrStep::New => "new_mrr",
            MrrStep::Expansion => "expansion_mrr",
            MrrStep::Reactivation => "reactivation_mrr",
            MrrStep::Contraction => "contraction_mrr",
            MrrStep::Churned => "churned_mrr",
            MrrStep::End => "end_mrr",
        }
    }
}

/// One bar of the MRR waterfall.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct WaterfallStep {
    /// Which movement.
    pub step: MrrStep,
    /// Signed change: positive for gains, negative for losses; for the
    /// `Start` and `End` bars, the total itself.
    pub delta: Decimal,
    /// MRR after this step (the top of a gain bar, the bottom of a loss bar).
    pub running_total: Decimal,
}

/// The MRR bridge from start to end, in chart order: start, new, expansion,
/// reactivation, contraction, churn, end.
///
/// **Definition.** Each movement step has a signed delta (losses negative) and
/// the running total after it; the last running total equals [`end_mrr`].
///
/// **Source.** ChartMogul, *MRR movements* chart; the standard "MRR bridge"
/// of SaaS board decks.
///
/// # Example
/// ```
/// use cadran_core::metrics::mrr::{waterfall, MrrMovements, MrrStep};
/// use rust_decimal_macros::dec;
/// let w = waterfall(&MrrMovements { start_mrr: dec!(100), new_mrr: dec!(20), churned_mrr: dec!(5),
///     ..MrrMovements::default() }).unwrap();
/// assert_eq!(w.len(), 7);
/// assert_eq!((w[5].step, w[5].delta, w[5].running_total), (MrrStep::Churned, dec!(-5), dec!(115)));
/// assert_eq!(w[6].running_total, dec!(115));
/// ```
pub fn waterfall(m: &MrrMovements) -> Outcome<Vec<WaterfallStep>> {
    let m = validated(m)?;
    let moves = [
        (MrrStep::New, m.new_mrr),
        (MrrStep::Expansion, m.expansion_mrr),
        (MrrStep::Reactivation, m.reactivation_mrr),
        (MrrStep::Contraction, -m.contraction_mrr),
        (MrrStep::Churned, -m.churned_mrr),
    ];
    let mut steps = Vec::with_capacity(7);
    let mut total = m.start_mrr;
    steps.push(WaterfallStep { step: MrrStep::Start, delta: total, running_total: total });
    for (step, delta) in moves {
        total = add(total, delta)?;
        steps.push(WaterfallStep { step, delta, running_total: total });
    }
    steps.push(WaterfallStep { step: MrrStep::End, delta: total, running_total: total });
    Ok(steps)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::metrics::test_support::any_decimal;
    use crate::MetricError;
    use proptest::prelude::*;
    use rust_decimal_macros::dec;

    fn example() -> MrrMovements {
        MrrMovements {
            start_mrr: dec!(100000),
            new_mrr: dec!(8000),
            expansion_mrr: dec!(5000),
            reactivation_mrr: dec!(1000),
            contraction_mrr: dec!(2000),
            churned_mrr: dec!(4000),
        }
    }

    /// Worked example following ChartMogul's movement definitions: 100 000
    /// start, +8 000 new, +5 000 expansion, +1 000 reactivation, −2 000
    /// contraction, −4 000 churn.
    #[test]
    fn worked_example() {
        let r = compute_mrr(&example());
        assert_eq!(r.end_mrr, Ok(dec!(108000)));
        assert_eq!(r.gross_mrr_churn, Ok(Percent(dec!(6))), "(4 000 + 2 000) ÷ 100 000");
        assert_eq!(r.net_mrr_churn, Ok(Percent(dec!(0))), "(6 000 − 6 000) ÷ 100 000");
        assert_eq!(r.gross_revenue_retention, Ok(Percent(dec!(94))));
        assert_eq!(r.net_revenue_retention, Ok(Percent(dec!(100))));
        let w = r.waterfall.unwrap();
        let keys: Vec<_> = w.iter().map(|s| s.step.key()).collect();
        assert_eq!(keys, ["start_mrr", "new_mrr", "expansion_mrr", "reactivation_mrr", "contraction_mrr", "churned_mrr", "end_mrr"]);
        let totals: Vec<_> = w.iter().map(|s| s.running_total).collect();
        assert_eq!(totals, [dec!(100000), dec!(108000), dec!(113000), dec!(114000), dec!(112000), dec!(108000), dec!(108000)]);
    }

    #[test]
    fn edges() {
        let all_churn = MrrMovements { start_mrr: dec!(500), churned_mrr: dec!(500), ..MrrMovements::default() };
        assert_eq!(gross_revenue_retention(&all_churn), Ok(Percent(dec!(0))), "100 % churn");
        assert_eq!(gross_mrr_churn(&all_churn), Ok(Percent(dec!(100))));
        assert_eq!(end_mrr(&all_churn), Ok(dec!(0)));
        let net_negative = MrrMovements { expansion_mrr: dec!(20000), ..example() };
        assert_eq!(net_mrr_churn(&net_negative), Ok(Percent(dec!(-15))), "net negative churn");
        assert_eq!(net_revenue_retention(&net_negative), Ok(Percent(dec!(115))));
        let zero = MrrMovements::default();
        assert_eq!(gross_mrr_churn(&zero), Err(Undefined::ZeroRevenue.into()));
        assert_eq!(end_mrr(&zero), Ok(dec!(0)));
    }

    #[test]
    fn invalid_inputs() {
        let err = |f: &'static str, p: InputProblem| -> Outcome<Decimal> { Err(MetricError::from(InputError::new(Field(f), p))) };
        let table = [
            ("negative new", MrrMovements { new_mrr: dec!(-1), ..example() }, err("new_mrr", InputProblem::Negative)),
            ("contraction above start", MrrMovements { contraction_mrr: dec!(100001), ..example() },
             err("contraction_mrr", InputProblem::Exceeds { other: Field("start_mrr"), limit: dec!(100000) })),
            ("contraction + churn above start", MrrMovements { churned_mrr: dec!(98001), ..example() },
             err("churned_mrr", InputProblem::OutOfRange { min: dec!(0), max: dec!(98000) })),
        ];
        for (name, m, expected) in table {
            assert_eq!(end_mrr(&m), expected, "case {name}: {m:?}");
            assert_eq!(gross_revenue_retention(&m).map(|_| Decimal::ZERO), expected.clone().map(|_| Decimal::ZERO), "case {name}");
        }
        let huge = MrrMovements { start_mrr: Decimal::MAX, new_mrr: Decimal::MAX, ..MrrMovements::default() };
        assert_eq!(end_mrr(&huge), Err(Undefined::Overflow.into()));
    }

    fn movements() -> impl Strategy<Value = MrrMovements> {
        proptest::collection::vec(any_decimal(), 6).prop_map(|v| MrrMovements {
            start_mrr: v[0], new_mrr: v[1], expansion_mrr: v[2], reactivation_mrr: v[3],
            contraction_mrr: v[4], churned_mrr: v[5],
        })
    }

    fn valid_movements() -> impl Strategy<Value = MrrMovements> {
        (1u64..1_000_000_000, 0u64..1_000_000_000, 0u64..1_000_000_000, 0u64..1_000_000_000, 0u32..=100, 0u32..=100)
            .prop_map(|(s, n, e, r, c, ch)| {
                let start = Decimal::from(s);
                let contraction = start * Decimal::from(c) / dec!(100);
                let churned = (start - contraction) * Decimal::from(ch) / dec!(100);
                MrrMovements { start_mrr: start, new_mrr: n.into(), expansion_mrr: e.into(),
                               reactivation_mrr: r.into(), contraction_mrr: contraction, churned_mrr: churned }
            })
    }

    proptest! {
        /// Any inputs give a value or a typed reason: never a panic.
        #[test]
        fn never_panics(m in movements()) {
            let _ = compute_mrr(&m);
        }

        /// GRR ∈ [0, 100] and NRR ≥ GRR (expansion and reactivation are ≥ 0);
        /// gross churn + GRR = 100; the waterfall ends at end MRR.
        #[test]
        fn invariants(m in valid_movements()) {
            let grr = gross_revenue_retention(&m).unwrap();
            let nrr = net_revenue_retention(&m).unwrap();
            prop_assert!(grr <= Percent::HUNDRED && grr >= Percent::ZERO, "{m:?}: GRR {grr}");
            prop_assert!(nrr >= grr, "{m:?}: NRR {nrr} < GRR {grr}");
            let gross = gross_mrr_churn(&m).unwrap();
            // Decimal keeps 28 significant digits: a ratio of thousands of
            // percent (expansion ≫ start) leaves ~24 decimals, so 1e-20 is
            // the honest tolerance for rounding in the two divisions.
            let eps = dec!(0.00000000000000000001);
            prop_assert!((gross.0 + grr.0 - dec!(100)).abs() <= eps, "gross churn + GRR");
            let net = net_mrr_churn(&m).unwrap();
            prop_assert!((net.0 + nrr.0 - dec!(100)).abs() <= eps, "net churn + NRR");
            let w = waterfall(&m).unwrap();
            prop_assert_eq!(w.last().map(|s| s.running_total), Some(end_mrr(&m).unwrap()));
        }

        /// GRR ≤ 100 % ≤ NRR + (contraction + churn) ÷ start: what existing
        /// customers lost, added back to NRR, can only leave growth on top of
        /// 100 %. (With contraction alone the bound fails as soon as churn
        /// exceeds expansion + reactivation, so churn is part of it.) Also:
        /// NRR − GRR = (expansion + reactivation) ÷ start.
        #[test]
        fn retention_bounds(m in valid_movements()) {
            let grr = gross_revenue_retention(&m).unwrap().0;
            let nrr = net_revenue_retention(&m).unwrap().0;
            let eps = dec!(0.0000000000000000000001);
            prop_assert!(grr <= dec!(100), "{m:?}: GRR {grr}");
            let lost = (m.contraction_mrr + m.churned_mrr) / m.start_mrr * dec!(100);
            prop_assert!(dec!(100) <= nrr + lost + eps, "{m:?}: NRR {nrr} + lost {lost} < 100");
            let growth = (m.expansion_mrr + m.reactivation_mrr) / m.start_mrr * dec!(100);
            prop_assert!((nrr - grr - growth).abs() <= eps, "{m:?}: NRR − GRR ≠ growth {growth}");
        }
    }
}
