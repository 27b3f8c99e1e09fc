//! The month-by-month projection engine behind every what-if page.
//!
//! # The model
//!
//! Month `t` runs from 1 to the horizon `H`. With churn `c`, expansion `e`,
//! gross margin `m` and discount rate `d` as fractions of one, `n` new
//! customers a month and `A` the ARPA:
//!
//! * customers at start: `S₁` = customers at start; `Sₜ = Eₜ₋₁`;
//! * churned: `Cₜ = Sₜ × c` — churn happens at the start of the month and
//!   churners pay nothing that month;
//! * customers at end: `Eₜ = Sₜ − Cₜ + n` — new customers join at the start of
//!   the month and pay the full month;
//! * MRR (the standard MRR roll-forward, Skok 2013 "SaaS Metrics 2.0"):
//!   `MRR₀ = S₁ × A`; `MRRₜ = MRRₜ₋₁ × (1 − c) × (1 + e) + n × A` — churners are
//!   average customers, so they take `c` of the MRR with them; the retained
//!   customers' revenue grows by `e` (expansion, or contraction when negative);
//!   new customers join at the base ARPA;
//! * revenue = MRRₜ (everyone present after churn and arrivals pays the month);
//! * gross profit = revenue × m;
//! * acquisition cost = n × CAC; customer-success cost = the monthly CS cost;
//! * net profit = gross profit − acquisition cost − CS cost;
//! * cumulative profit = Σ net profit;
//! * discounted profit = net profit × vᵗ with v = 1 ÷ (1 + d) (profit at the end
//!   of month `t`, in today's money), and its running sum.
//!
//! Customers are **expected values** and may be fractional (2 % of 1 005
//! customers is 20.1 customers): the projection is the mean path, not a
//! simulation of individuals.
//!
//! # Exactness and rounding
//!
//! Everything is checked `Decimal` arithmetic; nothing is rounded by the
//! engine. `Decimal` keeps 28 significant digits and rounds (half-even) only
//! beyond them, which is where repeated products like `Sₜ × (1 − c)` would
//! otherwise grow without bound; `v = 1 ÷ (1 + d)` is the one quotient, exact
//! to 28 digits, so discounted values carry a relative error below 10⁻²⁵ over
//! 120 months. Overflow (amounts beyond 7.9 × 10²⁸) is
//! [`Undefined::Overflow`](crate::Undefined::Overflow), never a wrong number.

use super::model::Baseline;
use crate::arith::{add, div, mul, sub};
use crate::{MetricError, Outcome, Undefined};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// One month of a projection. Money is in the user's currency.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Month {
    /// Month number, from 1.
    pub month: u32,
    /// Customers at the start of the month (before churn and arrivals).
    pub customers_start: Decimal,
    /// New customers who joined this month.
    pub new_customers: Decimal,
    /// Customers who left this month.
    pub churned: Decimal,
    /// Customers at the end of the month.
    pub customers_end: Decimal,
    /// Monthly recurring revenue at the end of the month.
    pub mrr: Decimal,
    /// Revenue of the month (= MRR).
    pub revenue: Decimal,
    /// Revenue × gross margin.
    pub gross_profit: Decimal,
    /// New customers × CAC.
    pub acquisition_cost: Decimal,
    /// Customer-success cost of the month.
    pub cs_cost: Decimal,
    /// Gross profit − acquisition cost − CS cost.
    pub net_profit: Decimal,
    /// Net profit summed from month 1.
    pub cumulative_profit: Decimal,
    /// Net profit in today's money: net profit ÷ (1 + d)ᵗ.
    pub discounted_profit: Decimal,
    /// Discounted profit summed from month 1 (the net present value so far).
    pub cumulative_discounted_profit: Decimal,
}

/// A projection: one [`Month`] per month of the horizon, in order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Projection {
    /// Months 1 to the horizon.
    pub months: Vec<Month>,
}

impl Projection {
    /// Month `t` (from 1), if within the horizon.
    #[must_use]
    pub fn month(&self, t: u32) -> Option<&Month> {
        let i = usize::try_from(t).ok()?.checked_sub(1)?;
        self.months.get(i)
    }

    /// The last month (the horizon).
    #[must_use]
    pub fn last(&self) -> Option<&Month> {
        self.months.last()
    }

    /// Cumulative net profit at the end of month `t`, or
    /// [`Undefined::BeyondHorizon`] when `t` is 0 or past the horizon.
    ///
    /// # Errors
    /// [`Undefined::BeyondHorizon`].
    pub fn cumulative_profit_at(&self, t: u32) -> Outcome<Decimal> {
        self.month(t).map(|m| m.cumulative_profit).ok_or(MetricError::Undefined(Undefined::BeyondHorizon))
    }

    /// Sum of one column of the projection over the whole horizon.
    ///
    /// # Errors
    /// [`Undefined::Overflow`].
    pub fn total(&self, column: impl Fn(&Month) -> Decimal) -> Outcome<Decimal> {
        self.months.iter().try_fold(Decimal::ZERO, |acc, m| add(acc, column(m)))
    }
}

/// A percentage as a fraction of one, checked.
fn fraction(p: crate::Percent) -> Outcome<Decimal> {
    div(p.0, Decimal::ONE_HUNDRED, Undefined::Overflow)
}

/// Projects a baseline month by month (see the [module](self) documentation
/// for the exact model).
///
/// **Definition.** The cohort roll-forward `Eₜ = Sₜ(1 − c) + n` with the MRR
/// roll-forward `MRRₜ = MRRₜ₋₁(1 − c)(1 + e) + nA`; profit = MRR × margin −
/// n × CAC − CS cost, discounted at `(1 + d)⁻ᵗ`.
///
/// **Source.** Skok, D. (2013), *SaaS Metrics 2.0* (MRR roll-forward: new,
/// expansion and churned MRR); Gupta & Lehmann (2005), *Managing Customers as
/// Investments* (retention-weighted, discounted margins).
///
/// # Errors
/// The first invalid input (use [`Baseline::validate`] for all of them), or
/// [`Undefined::Overflow`].
///
/// # Example
/// ```
/// use cadran_core::scenario::{model::Baseline, projection::project};
/// use cadran_core::Percent;
/// use rust_decimal_macros::dec;
/// let b = Baseline {
///     customers_start: dec!(100), new_customers_per_month: dec!(10),
///     monthly_churn: Percent(dec!(10)), arpa: dec!(50), monthly_expansion: Percent(dec!(0)),
///     gross_margin: Percent(dec!(80)), cac: dec!(100), cs_cost_per_month: dec!(500),
///     monthly_discount_rate: Percent(dec!(0)), horizon_months: dec!(1),
/// };
/// let m = &project(&b).unwrap().months[0];
/// // 100 − 10 churned + 10 new = 100 customers paying 50 → 5 000 revenue,
/// // 4 000 gross profit − 1 000 acquisition − 500 CS = 2 500.
/// assert_eq!((m.customers_end, m.revenue, m.net_profit), (dec!(100), dec!(5000), dec!(2500)));
/// ```
pub fn project(b: &Baseline) -> Outcome<Projection> {
    if let Err(mut errors) = b.validate() {
        return Err(MetricError::Invalid(errors.swap_remove(0)));
    }
    let horizon = b.horizon();
    let churn = fraction(b.monthly_churn)?;
    let keep = sub(Decimal::ONE, churn)?;
    let mrr_keep = mul(keep, add(Decimal::ONE, fraction(b.monthly_expansion)?)?)?;
    let margin = fraction(b.gross_margin)?;
    let new = b.new_customers_per_month;
    let new_mrr = mul(new, b.arpa)?;
    let acquisition_cost = mul(new, b.cac)?;
    let fixed_cost = add(acquisition_cost, b.cs_cost_per_month)?;
    let v = div(Decimal::ONE, add(Decimal::ONE, fraction(b.monthly_discount_rate)?)?, Undefined::Overflow)?;

    let mut months = Vec::with_capacity(usize::try_from(horizon).unwrap_or(0));
    let mut customers = b.customers_start;
    let mut mrr = mul(customers, b.arpa)?;
    let mut cumulative = Decimal::ZERO;
    let mut weight = Decimal::ONE;
    let mut cumulative_discounted = Decimal::ZERO;
    for t in 1..=horizon {
        let churned = mul(customers, churn)?;
        let customers_end = add(sub(customers, churned)?, new)?;
        mrr = add(mul(mrr, mrr_keep)?, new_mrr)?;
        let gross_profit = mul(mrr, margin)?;
        let net_profit = sub(gross_profit, fixed_cost)?;
        cumulative = add(cumulative, net_profit)?;
        weight = mul(weight, v)?;
        let discounted_profit = mul(net_profit, weight)?;
        cumulative_discounted = add(cumulative_discounted, discounted_profit)?;
        months.push(Month {
            month: t,
            customers_start: customers,
            new_customers: new,
            churned,
            customers_end,
            mrr,
            revenue: mrr,
            gross_profit,
            acquisition_cost,
            cs_cost: b.cs_cost_per_month,
            net_profit,
            cumulative_profit: cumulative,
            discounted_profit,
            cumulative_discounted_profit: cumulative_discounted,
        });
        customers = customers_end;
    }
    Ok(Projection { months })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Percent;
    use proptest::prelude::*;
    use crate::scenario::test_support::valid_baseline;
    use rust_decimal_macros::dec;

    fn small() -> Baseline {
        Baseline {
            customers_start: dec!(100),
            new_customers_per_month: dec!(10),
            monthly_churn: Percent(dec!(10)),
            arpa: dec!(50),
            monthly_expansion: Percent(dec!(2)),
            gross_margin: Percent(dec!(80)),
            cac: dec!(100),
            cs_cost_per_month: dec!(500),
            monthly_discount_rate: Percent(dec!(1)),
            horizon_months: dec!(3),
        }
    }

    /// Three months computed by hand.
    #[test]
    fn three_months_by_hand() {
        let p = project(&small()).unwrap();
        assert_eq!(p.months.len(), 3);
        let [m1, m2, m3] = [&p.months[0], &p.months[1], &p.months[2]];
        // Month 1: start 100, churned 100 × 10 % = 10, end 100 − 10 + 10 = 100.
        assert_eq!((m1.customers_start, m1.churned, m1.customers_end), (dec!(100), dec!(10), dec!(100)));
        // MRR₀ = 100 × 50 = 5 000; MRR₁ = 5 000 × 0.9 × 1.02 + 10 × 50 = 4 590 + 500 = 5 090.
        assert_eq!(m1.mrr, dec!(5090));
        // Gross 5 090 × 0.8 = 4 072; net 4 072 − 10 × 100 − 500 = 2 572.
        assert_eq!((m1.gross_profit, m1.acquisition_cost, m1.net_profit), (dec!(4072), dec!(1000), dec!(2572)));
        // Discounted 2 572 × (1/1.01) = 2 546.534653465…
        assert_eq!(m1.discounted_profit.round_dp(6), dec!(2546.534653));
        // Month 2: customers stay at 100 (10 out, 10 in).
        // MRR₂ = 5 090 × 0.918 + 500 = 4 672.62 + 500 = 5 172.62.
        assert_eq!(m2.mrr, dec!(5172.62));
        // Gross 5 172.62 × 0.8 = 4 138.096; net 4 138.096 − 1 500 = 2 638.096.
        assert_eq!(m2.net_profit, dec!(2638.096));
        assert_eq!(m2.cumulative_profit, dec!(5210.096));
        // Discounted 2 638.096 ÷ 1.01² = 2 638.096 ÷ 1.0201 = 2 586.11508…
        assert_eq!(m2.discounted_profit.round_dp(4), dec!(2586.1151));
        // Month 3: MRR₃ = 5 172.62 × 0.918 + 500 = 4 748.46516 + 500 = 5 248.46516.
        assert_eq!(m3.mrr, dec!(5248.46516));
        // Net 5 248.46516 × 0.8 − 1 500 = 4 198.772128 − 1 500 = 2 698.772128.
        assert_eq!(m3.net_profit, dec!(2698.772128));
        // Cumulative 2 572 + 2 638.096 + 2 698.772128 = 7 908.868128.
        assert_eq!(m3.cumulative_profit, dec!(7908.868128));
        assert_eq!(p.cumulative_profit_at(3), Ok(dec!(7908.868128)));
        assert_eq!(p.cumulative_profit_at(4), Err(Undefined::BeyondHorizon.into()));
    }

    #[test]
    fn fractional_customers() {
        // 2 % of 1 005 = 20.1 expected churners.
        let b = Baseline { customers_start: dec!(1005), monthly_churn: Percent(dec!(2)),
                           new_customers_per_month: dec!(0), horizon_months: dec!(1), ..small() };
        assert_eq!(project(&b).unwrap().months[0].churned, dec!(20.1));
    }

    #[test]
    fn invalid_and_overflow() {
        let bad = Baseline { arpa: dec!(-1), ..small() };
        assert!(matches!(project(&bad), Err(MetricError::Invalid(e)) if e.field.0 == "arpa"));
        let huge = Baseline { customers_start: dec!(10000000000000000), arpa: dec!(10000000000000000), ..small() };
        assert_eq!(project(&huge), Err(Undefined::Overflow.into()));
        let full_discount = Baseline { monthly_discount_rate: Percent(dec!(100)), horizon_months: dec!(120), ..small() };
        assert!(project(&full_discount).is_ok(), "discounting at 100 % a month over 10 years");
    }

    proptest! {
        #[test]
        fn never_panics(v in proptest::collection::vec(crate::metrics::test_support::any_decimal(), 10)) {
            let mut b = Baseline::default();
            for (input, value) in super::super::model::Input::ALL.iter().zip(v) {
                input.set(&mut b, value);
            }
            let _ = project(&b);
        }

        #[test]
        fn more_churn_never_more_customers(b in valid_baseline(), a in 0u32..=10_000, c in 0u32..=10_000) {
            let (lo, hi) = (a.min(c), a.max(c));
            let at = |x: u32| project(&Baseline { monthly_churn: Percent(Decimal::new(x.into(), 2)), ..b.clone() });
            if let (Ok(p_lo), Ok(p_hi)) = (at(lo), at(hi)) {
                for (m_lo, m_hi) in p_lo.months.iter().zip(&p_hi.months) {
                    prop_assert!(m_hi.customers_end <= m_lo.customers_end, "month {}", m_lo.month);
                }
            }
        }

        #[test]
        fn zero_churn_zero_new_keeps_customers(b in valid_baseline()) {
            let b = Baseline { monthly_churn: Percent::ZERO, new_customers_per_month: Decimal::ZERO, ..b };
            if let Ok(p) = project(&b) {
                for m in &p.months {
                    prop_assert_eq!(m.customers_end, b.customers_start);
                }
            }
        }

        #[test]
        fn discounting_never_increases_a_positive_sum(b in valid_baseline()) {
            if let Ok(p) = project(&b) {
                for m in &p.months {
                    prop_assert!(m.discounted_profit.abs() <= m.net_profit.abs());
                }
                let positive = p.total(|m| m.net_profit.max(Decimal::ZERO)).unwrap();
                let discounted = p.total(|m| m.discounted_profit.max(Decimal::ZERO)).unwrap();
                prop_assert!(discounted <= positive);
                if p.months.iter().all(|m| m.net_profit >= Decimal::ZERO) {
                    let last = p.last().unwrap();
                    prop_assert!(last.cumulative_discounted_profit <= last.cumulative_profit);
                }
            }
        }
    }

    /// Timing of 5 × 120 months; run with
    /// `cargo test -p cadran-core --release projection::tests::bench -- --ignored --nocapture`.
    #[test]
    #[ignore = "timing, not a test"]
    fn bench() {
        let b = Baseline { horizon_months: dec!(120), ..Baseline::default() };
        let runs = 200u32;
        let start = std::time::Instant::now();
        for _ in 0..runs {
            for k in 0..5u32 {
                let b = Baseline { monthly_churn: Percent(Decimal::new(i64::from(k) + 15, 1)), ..b.clone() };
                std::hint::black_box(project(&b).unwrap());
            }
        }
        println!("5 scenarios × 120 months: {:?} per run", start.elapsed() / runs);
    }
}
