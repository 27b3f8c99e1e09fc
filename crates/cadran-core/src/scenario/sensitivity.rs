//! One-at-a-time sensitivity analysis, drawn as a tornado chart: which input
//! moves the chosen output the most?

use super::model::{Input, Scenario, Subject};
use super::output::{evaluate, no_such_variant, Output};
use crate::arith::{self, add, mul, sub};
use crate::{Outcome, Percent};
use rust_decimal::Decimal;

/// The usual change tested on each input: ±10 %.
pub const DEFAULT_CHANGE: Percent = Percent(Decimal::TEN);

/// One bar of the tornado: the output with the input lowered and raised.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TornadoBar {
    /// The input changed.
    pub input: Input,
    /// Its value in the scenario.
    pub value: Decimal,
    /// The lowered value actually used (after clamping, see [`tornado`]).
    pub low_value: Decimal,
    /// The raised value actually used.
    pub high_value: Decimal,
    /// The output with the lowered input, or why there is none.
    pub low: Outcome<Decimal>,
    /// The output with the raised input, or why there is none.
    pub high: Outcome<Decimal>,
    /// |high − low|, the bar's length; `None` when either end is undefined.
    pub swing: Option<Decimal>,
}

/// A tornado chart: the output's value and one bar per input, widest first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tornado {
    /// The output studied.
    pub output: Output,
    /// Its value with the inputs unchanged.
    pub base: Outcome<Decimal>,
    /// One bar per [`Input::DRIVERS`], sorted by swing, descending; bars
    /// without a swing come last, in input order.
    pub bars: Vec<TornadoBar>,
}

/// The input's value moved by `factor` (0.9 or 1.1), kept valid: percentages
/// are clamped to their range and counts rounded to whole numbers, so that a
/// 95 % margin + 10 % tests 100 %, not an impossible 104.5 %.
fn moved(input: Input, value: Decimal, factor: Decimal) -> Outcome<Decimal> {
    let v = mul(value, factor)?;
    let hundred = Decimal::ONE_HUNDRED;
    Ok(match input {
        Input::MonthlyExpansion => v.clamp(-hundred, hundred),
        i if i.is_percent() => v.clamp(Decimal::ZERO, hundred),
        Input::CustomersStart | Input::HorizonMonths => v.round(),
        _ => v,
    })
}

/// Tornado chart of `output` for `subject`, changing each input by ±`change`
/// of its value, one at a time.
///
/// **Definition.** For each input `x` (all of [`Input::DRIVERS`]; the horizon
/// is a choice of view, not a driver): low = output(x × (1 − change)), high =
/// output(x × (1 + change)), the others unchanged; bars sorted by |high − low|.
/// An input at zero gives a zero bar (a relative change of zero is zero).
/// Percentages stay in range and customer counts are rounded (see `moved`).
/// For a variant, the changed input becomes one of its overrides.
///
/// **Source.** One-way sensitivity analysis and the tornado diagram: Howard,
/// R. A. (1988), "Decision Analysis: Practice and Promise", *Management
/// Science* 34(6); Clemen, R. T. (1996), *Making Hard Decisions*, ch. 5.
///
/// # Errors
/// An invalid `change` (field `change`, 0–100 %) or a missing variant.
///
/// # Example
/// ```
/// use cadran_core::scenario::{model::{Scenario, Subject, Input}, output::Output,
///                             sensitivity::{tornado, DEFAULT_CHANGE}};
/// let t = tornado(&Scenario::default(), Subject::Baseline, Output::Clv, DEFAULT_CHANGE).unwrap();
/// // CLV = ARPA × margin ÷ churn: churn has the widest bar (÷ 0.9 vs ÷ 1.1).
/// assert_eq!(t.bars[0].input, Input::MonthlyChurn);
/// ```
pub fn tornado(s: &Scenario, subject: Subject, output: Output, change: Percent) -> Outcome<Tornado> {
    let change = arith::percent_0_100("change", change)?;
    let inputs = s.inputs(subject).ok_or_else(no_such_variant)?;
    let fraction = arith::div(change.0, Decimal::ONE_HUNDRED, crate::Undefined::Overflow)?;
    let (down, up) = (sub(Decimal::ONE, fraction)?, add(Decimal::ONE, fraction)?);
    let mut bars = Vec::with_capacity(Input::DRIVERS.len());
    for input in Input::DRIVERS {
        let value = input.get(&inputs);
        let (low_value, high_value) = (moved(input, value, down)?, moved(input, value, up)?);
        let at = |v: Decimal| s.with(subject, input, v).ok_or_else(no_such_variant).and_then(|s| evaluate(&s, subject, output));
        let (low, high) = (at(low_value), at(high_value));
        let swing = match (&low, &high) {
            (Ok(l), Ok(h)) => sub(*h, *l).ok().map(|d| d.abs()),
            _ => None,
        };
        bars.push(TornadoBar { input, value, low_value, high_value, low, high, swing });
    }
    // Stable sort: widest first, undefined last, ties in input order.
    bars.sort_by(|a, b| match (a.swing, b.swing) {
        (Some(x), Some(y)) => y.cmp(&x),
        (Some(_), None) => std::cmp::Ordering::Less,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (None, None) => std::cmp::Ordering::Equal,
    });
    Ok(Tornado { output, base: evaluate(s, subject, output), bars })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::model::{Baseline, Overrides, Variant};
    use crate::{MetricError, Undefined};
    use proptest::prelude::*;
    use rust_decimal_macros::dec;

    #[test]
    fn clv_bars_by_hand() {
        let t = tornado(&Scenario::default(), Subject::Baseline, Output::Clv, DEFAULT_CHANGE).unwrap();
        assert_eq!(t.base, Ok(dec!(4000)));
        // Churn 1.8 % → 80 ÷ 0.018 = 4 444.44…; 2.2 % → 3 636.36…; swing 808.08…
        let churn = &t.bars[0];
        assert_eq!((churn.low_value, churn.high_value), (dec!(1.8), dec!(2.2)));
        assert_eq!(churn.swing.unwrap().round_dp(2), dec!(808.08), "churn ±10 % on CLV 4 000");
        // ARPA and margin: 4 000 × 0.9 → 3 600, × 1.1 → 4 400: swing 800 each, input order.
        assert_eq!((t.bars[1].input, t.bars[1].swing), (Input::Arpa, Some(dec!(800))));
        assert_eq!((t.bars[2].input, t.bars[2].swing), (Input::GrossMargin, Some(dec!(800))));
        // CAC does not enter CLV.
        assert!(t.bars.iter().any(|b| b.input == Input::Cac && b.swing == Some(dec!(0))));
    }

    #[test]
    fn undefined_ends_carry_reason_and_sort_last() {
        let s = Scenario { baseline: Baseline { monthly_churn: Percent(dec!(0)), ..Baseline::default() }, ..Scenario::default() };
        let t = tornado(&s, Subject::Baseline, Output::Clv, DEFAULT_CHANGE).unwrap();
        assert!(t.bars.iter().all(|b| b.low == Err(Undefined::ZeroChurn.into())), "zero churn: CLV undefined everywhere");
        let clamped = Scenario { baseline: Baseline { gross_margin: Percent(dec!(95)), ..Baseline::default() }, ..Scenario::default() };
        let t = tornado(&clamped, Subject::Baseline, Output::TotalProfit, DEFAULT_CHANGE).unwrap();
        let margin = t.bars.iter().find(|b| b.input == Input::GrossMargin).unwrap();
        assert_eq!(margin.high_value, dec!(100), "95 % + 10 % clamps to 100 %");
    }

    #[test]
    fn roi_of_variant_and_bad_change() {
        let s = Scenario {
            variants: vec![Variant { name: "v".into(), overrides: Overrides {
                cs_cost_per_month: Some(dec!(12000)), monthly_churn: Some(Percent(dec!(1.5))), ..Overrides::default() } }],
            ..Scenario::default()
        };
        let t = tornado(&s, Subject::Variant(0), Output::RoiVsBaseline, DEFAULT_CHANGE).unwrap();
        assert!(t.base.is_ok() && t.bars[0].swing.is_some());
        assert!(matches!(tornado(&s, Subject::Baseline, Output::Clv, Percent(dec!(101))), Err(MetricError::Invalid(_))));
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(16))]
        #[test]
        fn sorted_and_never_panics(b in crate::scenario::test_support::valid_baseline(), pct in 0u32..=100) {
            let s = Scenario { baseline: b, ..Scenario::default() };
            let t = tornado(&s, Subject::Baseline, Output::TotalProfit, Percent(pct.into())).unwrap();
            let swings: Vec<_> = t.bars.iter().filter_map(|b| b.swing).collect();
            prop_assert!(swings.windows(2).all(|w| w[0] >= w[1]));
        }
    }
}
