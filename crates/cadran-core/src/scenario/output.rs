//! The outputs that sensitivity analysis and goal seek can target, and how to
//! read one from a scenario.

use super::model::{Scenario, Subject};
use super::projection::project;
use super::summary::{compare, Summary};
use crate::{MetricError, Outcome, Undefined};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// One number of a scenario's results.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Output {
    /// Cumulative net profit at the end of `month`.
    ProfitAt {
        /// Month, from 1.
        month: u32,
    },
    /// Cumulative net profit at the horizon.
    TotalProfit,
    /// Cumulative discounted net profit at the horizon.
    DiscountedProfit,
    /// Customers at the horizon.
    CustomersAtEnd,
    /// MRR at the horizon.
    MrrAtEnd,
    /// Steady-state CLV (ARPA × margin ÷ churn).
    Clv,
    /// CLV ÷ CAC.
    LtvToCac,
    /// CAC payback, in months.
    CacPaybackMonths,
    /// ROI of the subject against the baseline, in percent.
    RoiVsBaseline,
}

impl Output {
    /// Profit at three years, the tornado chart's default.
    pub const PROFIT_36: Output = Output::ProfitAt { month: 36 };
}

/// The value of `output` for `subject`.
///
/// # Errors
/// The output's reason for having no value; [`Undefined::NoExtraCost`] for
/// the ROI of the baseline against itself; an
/// [`InputError`](crate::InputError) on the `variants` field when `subject`
/// names a variant that does not exist.
///
/// # Example
/// ```
/// use cadran_core::scenario::{model::{Scenario, Subject}, output::{evaluate, Output}};
/// use rust_decimal_macros::dec;
/// // Default baseline: CLV = 100 × 80 % ÷ 2 % = 4 000.
/// assert_eq!(evaluate(&Scenario::default(), Subject::Baseline, Output::Clv), Ok(dec!(4000)));
/// ```
pub fn evaluate(s: &Scenario, subject: Subject, output: Output) -> Outcome<Decimal> {
    let inputs = s.inputs(subject).ok_or_else(no_such_variant)?;
    let projection = project(&inputs);
    if output == Output::RoiVsBaseline {
        let base = project(&s.baseline)?;
        return compare(&base, &projection?).roi.map(|p| p.0);
    }
    let summary = Summary::of(&inputs, &projection);
    match output {
        Output::ProfitAt { month } => projection?.cumulative_profit_at(month),
        Output::TotalProfit => summary.total_profit,
        Output::DiscountedProfit => summary.discounted_profit,
        Output::CustomersAtEnd => summary.customers_end,
        Output::MrrAtEnd => summary.mrr_end,
        Output::Clv => summary.clv,
        Output::LtvToCac => summary.ltv_to_cac,
        Output::CacPaybackMonths => summary.cac_payback_months,
        Output::RoiVsBaseline => Err(Undefined::NoExtraCost.into()),
    }
}

/// The error for a [`Subject::Variant`] index past the end.
pub(crate) fn no_such_variant() -> MetricError {
    MetricError::Invalid(crate::InputError::new(
        crate::Field("variants"),
        crate::InputProblem::OutOfRange { min: Decimal::ZERO, max: Decimal::from(super::model::MAX_VARIANTS) },
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::model::{Overrides, Variant};
    use crate::Percent;
    use rust_decimal_macros::dec;

    #[test]
    fn every_output_reads() {
        let s = Scenario {
            variants: vec![Variant {
                name: "more CS".into(),
                overrides: Overrides { cs_cost_per_month: Some(dec!(12000)), monthly_churn: Some(Percent(dec!(1.5))),
                                       ..Overrides::default() },
            }],
            ..Scenario::default()
        };
        for output in [Output::PROFIT_36, Output::TotalProfit, Output::DiscountedProfit, Output::CustomersAtEnd,
                       Output::MrrAtEnd, Output::Clv, Output::LtvToCac, Output::CacPaybackMonths,
                       Output::RoiVsBaseline] {
            assert!(evaluate(&s, Subject::Variant(0), output).is_ok(), "{output:?}");
        }
        assert_eq!(evaluate(&s, Subject::Baseline, Output::RoiVsBaseline), Err(Undefined::NoExtraCost.into()));
        assert_eq!(evaluate(&s, Subject::Baseline, Output::ProfitAt { month: 37 }), Err(Undefined::BeyondHorizon.into()));
        assert!(matches!(evaluate(&s, Subject::Variant(3), Output::Clv), Err(MetricError::Invalid(_))));
    }
}
