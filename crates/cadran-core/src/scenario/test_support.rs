//! Shared proptest strategies for the scenario tests (compiled in tests only).

use super::model::Baseline;
use crate::Percent;
use proptest::prelude::*;
use rust_decimal::Decimal;

/// A valid baseline with realistic magnitudes: up to 100 000 customers, churn
/// 0–100 % with two decimals, expansion −20 to 20 %, horizon 1–120 months.
pub fn valid_baseline() -> impl Strategy<Value = Baseline> {
    (
        (0u32..100_000, 0u32..10_000, 0u32..=10_000, 0u32..1_000_000),
        (-2000i64..=2000, 0u32..=100, 0u32..1_000_000, 0u32..10_000_000, 0u32..=500, 1u32..=120),
    )
        .prop_map(|((c, n, ch, a), (e, gm, cac, cs, d, h))| Baseline {
            customers_start: c.into(),
            new_customers_per_month: Decimal::new(n.into(), 1),
            monthly_churn: Percent(Decimal::new(ch.into(), 2)),
            arpa: Decimal::new(a.into(), 2),
            monthly_expansion: Percent(Decimal::new(e, 2)),
            gross_margin: Percent(gm.into()),
            cac: cac.into(),
            cs_cost_per_month: cs.into(),
            monthly_discount_rate: Percent(Decimal::new(d.into(), 2)),
            horizon_months: h.into(),
        })
}
