//! The MRR waterfall: the period's movements as bars from start to end MRR.

use super::{validated, MrrMovements};
use crate::arith::add;
use crate::Outcome;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

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
