//! Goal seek: which value of one input makes an output hit a target?
//! ("Which monthly churn gives CLV = 5 000?", "which CS budget gives ROI = 0?")
//!
//! Solved exactly where the formula can be inverted (churn for CLV, CS cost
//! for ROI), by a bracketed bisection otherwise.

use super::model::{Input, Scenario, Subject, MAX_HORIZON_MONTHS};
use super::output::{evaluate, no_such_variant, Output};
use super::projection::project;
use super::summary::compare;
use crate::arith::{self, add, div, mul, sub};
use crate::{MetricError, Outcome, Undefined};
use rust_decimal::Decimal;

/// Relative tolerance of the bisection: the answer's output is within
/// `TOLERANCE × max(1, |target|)` of the target (10⁻⁹).
pub const TOLERANCE: Decimal = Decimal::from_parts(1, 0, 0, false, 9);

/// Most bisection steps (each halves the bracket: 200 steps shrink any
/// bracket below `Decimal`'s 28 digits).
pub const MAX_ITERATIONS: u32 = 200;

/// Points at which the search interval is sampled to find a bracket where
/// the output crosses the target, so that undefined ends (CLV at zero churn)
/// and non-monotone outputs are handled.
pub const SAMPLES: u32 = 32;

/// Smallest upper bound of the search for money and count inputs.
const MIN_UPPER: Decimal = Decimal::from_parts(1_000_000, 0, 0, false, 0);

/// The search interval of `input`: its valid range for percentages; for
/// money and counts `[0, max(1 000 000, 100 × current value)]`.
fn bounds(input: Input, current: Decimal) -> (Decimal, Decimal) {
    let hundred = Decimal::ONE_HUNDRED;
    match input {
        Input::MonthlyExpansion => (-hundred, hundred),
        i if i.is_percent() => (Decimal::ZERO, hundred),
        Input::HorizonMonths => (Decimal::ONE, Decimal::from(MAX_HORIZON_MONTHS)),
        _ => (Decimal::ZERO, current.abs().saturating_mul(hundred).max(MIN_UPPER)),
    }
}

/// The value of `input` for `subject` at which `output` equals `target`.
///
/// **Definition.** Exact inverses where the model allows:
/// * monthly churn for CLV: CLV = ARPA × m ÷ c ⇒ c = ARPA × m ÷ CLV (Skok 2013);
/// * a variant's CS cost for its ROI: ROI = (ΔGP − ΔC) ÷ ΔC and ΔC is linear in
///   the CS cost (ΔC = Δacquisition + H × (csᵥ − cs_b)) while ΔGP does not
///   depend on it ⇒ ΔC = ΔGP ÷ (1 + ROI) ⇒ csᵥ = cs_b + (ΔC − Δacquisition) ÷ H.
///
/// Otherwise: the input's interval (see `bounds`) is sampled at
/// [`SAMPLES`]` + 1` evenly spaced points; the first pair of neighbours where the output is
/// defined and crosses the target is bisected until the output is within
/// [`TOLERANCE`] (relative) of the target, or [`MAX_ITERATIONS`]. Whole-number
/// inputs (customers, horizon) return the whole number of the bracket whose
/// output is closest to the target; for other inputs, an output that jumps
/// over the target without reaching it is [`Undefined::Unreachable`], so any
/// answer, typed back in, gives the target within the tolerance.
///
/// **Source.** Bisection method (Burden & Faires, *Numerical Analysis*, §2.1);
/// goal seeking as in spreadsheet "Goal Seek".
///
/// # Errors
/// [`Undefined::Unreachable`] when no value in the interval reaches the
/// target; the output's own reason when it is undefined everywhere; an
/// invalid input or missing variant.
///
/// # Example
/// ```
/// use cadran_core::scenario::{model::{Scenario, Subject, Input}, output::Output, goal_seek::goal_seek};
/// use rust_decimal_macros::dec;
/// // Default: ARPA 100 at 80 % margin. CLV 5 000 needs churn 80 ÷ 5 000 = 1.6 %.
/// let churn = goal_seek(&Scenario::default(), Subject::Baseline, Input::MonthlyChurn,
///                       Output::Clv, dec!(5000)).unwrap();
/// assert_eq!(churn, dec!(1.6));
/// ```
pub fn goal_seek(s: &Scenario, subject: Subject, input: Input, output: Output, target: Decimal) -> Outcome<Decimal> {
    let inputs = s.inputs(subject).ok_or_else(no_such_variant)?;
    // Only the subject and the baseline matter: a bad field in another
    // variant must not block the search.
    for b in [&inputs, &s.baseline] {
        if let Err(mut errors) = b.validate() {
            return Err(MetricError::Invalid(errors.swap_remove(0)));
        }
    }
    match (input, output, subject) {
        (Input::MonthlyChurn, Output::Clv, _) => churn_for_clv(&inputs, target),
        (Input::CsCostPerMonth, Output::RoiVsBaseline, Subject::Variant(_)) => cs_cost_for_roi(s, subject, target),
        _ => bisect(s, subject, input, output, target),
    }
}

fn churn_for_clv(b: &super::model::Baseline, target: Decimal) -> Outcome<Decimal> {
    let margin_per_month = mul(b.arpa, div(b.gross_margin.0, Decimal::ONE_HUNDRED, Undefined::Overflow)?)?;
    if target <= Decimal::ZERO || margin_per_month.is_zero() {
        return Err(Undefined::Unreachable.into());
    }
    let churn = arith::percent_of(margin_per_month, target, Undefined::Unreachable)?.0;
    if churn > Decimal::ONE_HUNDRED {
        return Err(Undefined::Unreachable.into());
    }
    Ok(churn)
}

fn cs_cost_for_roi(s: &Scenario, subject: Subject, target: Decimal) -> Outcome<Decimal> {
    let variant = s.inputs(subject).ok_or_else(no_such_variant)?;
    let (base_p, var_p) = (project(&s.baseline)?, project(&variant)?);
    let c = compare(&base_p, &var_p);
    let (gp, cost) = (c.extra_gross_profit?, c.extra_cost?);
    let months = Decimal::from(base_p.months.len().min(var_p.months.len()));
    let cs_gap = sub(variant.cs_cost_per_month, s.baseline.cs_cost_per_month)?;
    let extra_acquisition = sub(cost, mul(months, cs_gap)?)?;
    let one_plus_roi = add(Decimal::ONE, div(target, Decimal::ONE_HUNDRED, Undefined::Overflow)?)?;
    let needed_cost = div(gp, one_plus_roi, Undefined::Unreachable)?;
    if needed_cost <= Decimal::ZERO {
        return Err(Undefined::Unreachable.into());
    }
    let per_month = div(sub(needed_cost, extra_acquisition)?, months, Undefined::Unreachable)?;
    let cs = add(s.baseline.cs_cost_per_month, per_month)?;
    if cs < Decimal::ZERO {
        Err(Undefined::Unreachable.into())
    } else {
        Ok(cs)
    }
}

fn bisect(s: &Scenario, subject: Subject, input: Input, output: Output, target: Decimal) -> Outcome<Decimal> {
    let current = input.get(&s.inputs(subject).ok_or_else(no_such_variant)?);
    let whole = matches!(input, Input::CustomersStart | Input::HorizonMonths);
    // Output minus target at x.
    let gap = |x: Decimal| -> Outcome<Decimal> {
        let x = if whole { x.round() } else { x };
        let changed = s.with(subject, input, x).ok_or_else(no_such_variant)?;
        sub(evaluate(&changed, subject, output)?, target)
    };
    let tolerance = mul(TOLERANCE, target.abs().max(Decimal::ONE))?;
    if let Ok(g) = gap(current) {
        if g.abs() <= tolerance {
            return Ok(current);
        }
    }
    let (lo, hi) = bounds(input, current);
    let step = div(sub(hi, lo)?, Decimal::from(SAMPLES), Undefined::Overflow)?;
    let mut first_error: Option<MetricError> = None;
    let mut previous: Option<(Decimal, Decimal)> = None;
    for k in 0..=SAMPLES {
        let x = if k == SAMPLES { hi } else { add(lo, mul(step, Decimal::from(k))?)? };
        match gap(x) {
            Ok(g) if g.abs() <= tolerance => return Ok(if whole { x.round() } else { x }),
            Ok(g) => {
                if let Some((px, pg)) = previous {
                    if pg.is_sign_negative() != g.is_sign_negative() {
                        return refine(&gap, (px, pg), (x, g), tolerance, whole);
                    }
                }
                previous = Some((x, g));
            }
            Err(e) => {
                first_error.get_or_insert(e);
                previous = None;
            }
        }
    }
    match (previous, first_error) {
        (None, Some(e)) => Err(e),
        _ => Err(Undefined::Unreachable.into()),
    }
}

/// Bisects a bracket `a < b` whose gaps have opposite signs.
fn refine(
    gap: &dyn Fn(Decimal) -> Outcome<Decimal>,
    (mut a, mut ga): (Decimal, Decimal),
    (mut b, mut gb): (Decimal, Decimal),
    tolerance: Decimal,
    whole: bool,
) -> Outcome<Decimal> {
    let two = Decimal::TWO;
    for _ in 0..MAX_ITERATIONS {
        if whole && sub(b, a)? <= Decimal::ONE {
            return Ok(if ga.abs() <= gb.abs() { a.round() } else { b.round() });
        }
        let mid = div(add(a, b)?, two, Undefined::Overflow)?;
        if mid == a || mid == b {
            break;
        }
        let gm = gap(mid)?;
        if gm.abs() <= tolerance {
            return Ok(if whole { mid.round() } else { mid });
        }
        if gm.is_sign_negative() == ga.is_sign_negative() {
            (a, ga) = (mid, gm);
        } else {
            (b, gb) = (mid, gm);
        }
    }
    let (best, gap_at_best) = if ga.abs() <= gb.abs() { (a, ga) } else { (b, gb) };
    if whole {
        Ok(best.round())
    } else if gap_at_best.abs() <= tolerance {
        Ok(best)
    } else {
        // The output jumps over the target (a step, not a slope): no value hits it.
        Err(Undefined::Unreachable.into())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::model::{Baseline, Overrides, Variant};
    use crate::Percent;
    use proptest::prelude::*;
    use rust_decimal_macros::dec;

    fn with_variant() -> Scenario {
        Scenario {
            variants: vec![Variant { name: "more CS".into(), overrides: Overrides {
                cs_cost_per_month: Some(dec!(12000)), monthly_churn: Some(Percent(dec!(1.5))), ..Overrides::default() } }],
            ..Scenario::default()
        }
    }

    fn close(value: Outcome<Decimal>, target: Decimal) -> bool {
        value.is_ok_and(|v| (v - target).abs() <= TOLERANCE * target.abs().max(Decimal::ONE) * dec!(10))
    }

    #[test]
    fn cs_budget_for_break_even_roi() {
        let s = with_variant();
        for target in [dec!(0), dec!(50), dec!(-50)] {
            let cs = goal_seek(&s, Subject::Variant(0), Input::CsCostPerMonth, Output::RoiVsBaseline, target).unwrap();
            let back = s.with(Subject::Variant(0), Input::CsCostPerMonth, cs).unwrap();
            let roi = evaluate(&back, Subject::Variant(0), Output::RoiVsBaseline);
            assert!(close(roi.clone(), target), "ROI {target} at CS {cs}: {roi:?}");
        }
    }

    #[test]
    fn unreachable_targets() {
        let s = Scenario::default();
        assert_eq!(goal_seek(&s, Subject::Baseline, Input::MonthlyChurn, Output::Clv, dec!(50)),
                   Err(Undefined::Unreachable.into()), "CLV 50 needs churn 160 %");
        assert_eq!(goal_seek(&s, Subject::Baseline, Input::MonthlyChurn, Output::Clv, dec!(-1)),
                   Err(Undefined::Unreachable.into()));
        assert_eq!(goal_seek(&s, Subject::Baseline, Input::GrossMargin, Output::CustomersAtEnd, dec!(1)),
                   Err(Undefined::Unreachable.into()), "margin does not move customers");
    }

    #[test]
    fn bisection_general_case() {
        let s = Scenario::default();
        // Which ARPA gives a 3-year profit of 1 000 000?
        let arpa = goal_seek(&s, Subject::Baseline, Input::Arpa, Output::PROFIT_36, dec!(1000000)).unwrap();
        let back = s.with(Subject::Baseline, Input::Arpa, arpa).unwrap();
        assert!(close(evaluate(&back, Subject::Baseline, Output::PROFIT_36), dec!(1000000)), "ARPA {arpa}");
        // Churn for a CLV target through bisection (via LTV:CAC, not inverted in closed form).
        let churn = goal_seek(&s, Subject::Baseline, Input::MonthlyChurn, Output::LtvToCac, dec!(2)).unwrap();
        assert!((churn - dec!(3.333333333)).abs() < dec!(0.000001), "churn {churn}");
        // Whole-number input: customers for 2 000 customers at the end.
        let c = goal_seek(&s, Subject::Baseline, Input::CustomersStart, Output::CustomersAtEnd, dec!(2000)).unwrap();
        assert_eq!(c.fract(), Decimal::ZERO);
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(32))]
        /// The closed-form churn, plugged back in, gives the CLV target.
        #[test]
        fn churn_for_clv_round_trips(b in crate::scenario::test_support::valid_baseline(), target in 1u32..10_000_000) {
            let s = Scenario { baseline: b, ..Scenario::default() };
            let target = Decimal::from(target);
            if let Ok(churn) = goal_seek(&s, Subject::Baseline, Input::MonthlyChurn, Output::Clv, target) {
                let back = s.with(Subject::Baseline, Input::MonthlyChurn, churn).unwrap();
                let clv = evaluate(&back, Subject::Baseline, Output::Clv);
                prop_assert!(close(clv.clone(), target), "churn {} → {:?}", churn, clv);
            }
        }

        /// Any answer of the general search, plugged back in, gives the target.
        #[test]
        fn bisection_round_trips(b in crate::scenario::test_support::valid_baseline(), target in -1_000_000i64..10_000_000,
                                 which in 0usize..3) {
            let b = Baseline { horizon_months: dec!(36), ..b };
            let s = Scenario { baseline: b, ..Scenario::default() };
            let input = [Input::Arpa, Input::Cac, Input::GrossMargin][which];
            let target = Decimal::from(target);
            if let Ok(x) = goal_seek(&s, Subject::Baseline, input, Output::PROFIT_36, target) {
                let back = s.with(Subject::Baseline, input, x).unwrap();
                prop_assert!(close(evaluate(&back, Subject::Baseline, Output::PROFIT_36), target), "{:?} = {}", input, x);
            }
        }

        #[test]
        fn never_panics(v in proptest::collection::vec(crate::metrics::test_support::any_decimal(), 11),
                        i in 0usize..10) {
            let mut b = Baseline::default();
            for (input, value) in Input::ALL.iter().zip(&v) { input.set(&mut b, *value); }
            let s = Scenario { baseline: b, ..Scenario::default() };
            let _ = goal_seek(&s, Subject::Baseline, Input::ALL[i], Output::TotalProfit, v[10]);
        }
    }
}
