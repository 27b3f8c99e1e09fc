//! CLV over a horizon from the two non-contractual models: the BG/NBD says
//! how many purchases a customer will make, month by month, and the
//! Gamma-Gamma how much each will be worth; each month's expected spend is
//! discounted at a monthly rate.

use super::bgnbd::{BgNbdParams, CustomerSummary};
use super::error::ClvModelError;
use super::gamma_gamma::{GammaGammaParams, RepeatSpend};
pub use super::unit::TimeUnit;
use crate::{Field, InputError, InputProblem, Percent, Undefined};
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;

/// Longest horizon accepted: 100 years.
pub const MAX_MONTHS: u32 = 1_200;

/// How far and how a CLV is projected.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ClvHorizon {
    /// Months projected, 1 to [`MAX_MONTHS`].
    pub months: u32,
    /// The time unit of the customer summaries.
    pub unit: TimeUnit,
    /// Discount rate per month, 0–100 % (1 % a month ≈ 12.7 % a year).
    pub monthly_discount: Percent,
}

/// One customer's predictions, all floating-point expectations (money in
/// the spend's currency, not exact to the cent).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ClvPrediction {
    /// P(alive) at the end of the calibration.
    pub p_alive: f64,
    /// Expected purchases over the horizon.
    pub expected_purchases: f64,
    /// Expected spend per purchase.
    pub expected_spend: f64,
    /// Discounted expected spend over the horizon.
    pub clv: f64,
}

/// A customer's CLV over a horizon, with the predictions it rests on.
///
/// **Definition.** CLV = E[M | x, m̄] · Σ_{k=1..K} (E[Y(k u)] − E[Y((k − 1)
/// u)]) ÷ (1 + d)^k, with E[Y] the BG/NBD conditional expectation
/// ([`BgNbdParams::expected_purchases`]), E[M] the Gamma-Gamma expected
/// spend ([`GammaGammaParams::expected_spend`]), u time units per month, K
/// months and d the monthly discount: each month's purchases are valued at
/// the month's end. It treats spend as independent of the purchase process,
/// the assumption under which Fader, Hardie & Lee (2005b, "RFM and CLV",
/// *J. Marketing Research* 42(4), §2) multiply the two models; the monthly
/// sum is the discrete form of their discounted expected transactions, as
/// in `lifetimes` (`customer_lifetime_value`, Davidson-Pilon 2015).
///
/// # Errors
/// `Input` for a horizon of 0 or above [`MAX_MONTHS`] months or a discount
/// outside 0–100 %; `Undefined(NotComputable)` if a model value is
/// undefined (q ≤ 1, a series that does not converge).
///
/// # Example
/// ```
/// use cadran_core::metrics::clv_model::bgnbd::{BgNbdParams, CustomerSummary};
/// use cadran_core::metrics::clv_model::clv::{customer_clv, ClvHorizon, TimeUnit};
/// use cadran_core::metrics::clv_model::gamma_gamma::GammaGammaParams;
/// use cadran_core::Percent;
/// use rust_decimal_macros::dec;
/// // The CDNOW estimates, customer 1 (x = 2, t_x = 30.43, T = 38.86, $22.35).
/// let bg = BgNbdParams { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
/// let gg = GammaGammaParams { p: 6.25, q: 3.74, gamma: 15.44 };
/// let c = CustomerSummary { frequency: 2, recency: 30.43, age: 38.86 };
/// let h = |d| ClvHorizon { months: 12, unit: TimeUnit::Weeks, monthly_discount: Percent(d) };
/// let undiscounted = customer_clv(&bg, &gg, &c, 22.35, &h(dec!(0))).unwrap();
/// // Without discount, CLV = expected spend × expected purchases in a year.
/// assert!((undiscounted.clv - undiscounted.expected_spend * undiscounted.expected_purchases).abs() < 1e-9);
/// assert!(customer_clv(&bg, &gg, &c, 22.35, &h(dec!(1))).unwrap().clv < undiscounted.clv);
/// ```
pub fn customer_clv(
    bg: &BgNbdParams,
    gg: &GammaGammaParams,
    customer: &CustomerSummary,
    mean_spend: f64,
    horizon: &ClvHorizon,
) -> Result<ClvPrediction, ClvModelError> {
    if horizon.months == 0 || horizon.months > MAX_MONTHS {
        let problem = InputProblem::OutOfRange {
            min: Decimal::ONE,
            max: Decimal::from(MAX_MONTHS),
        };
        return Err(ClvModelError::Input(InputError::new(
            Field("months"),
            problem,
        )));
    }
    let d = horizon.monthly_discount.0;
    if d < Decimal::ZERO || d > Decimal::ONE_HUNDRED {
        let problem = InputProblem::OutOfRange {
            min: Decimal::ZERO,
            max: Decimal::ONE_HUNDRED,
        };
        return Err(ClvModelError::Input(InputError::new(
            Field("monthly_discount"),
            problem,
        )));
    }
    let d = d.to_f64().ok_or(Undefined::NotComputable)? / 100.0;
    let undefined = || ClvModelError::Undefined(Undefined::NotComputable);
    let spend = gg
        .expected_spend(&RepeatSpend {
            frequency: customer.frequency,
            mean_spend,
        })
        .ok_or_else(undefined)?;
    let p_alive = bg.p_alive(customer).ok_or_else(undefined)?;
    let u = horizon.unit.per_month();
    let (mut before, mut value, mut factor) = (0.0, 0.0, 1.0);
    for k in 1..=horizon.months {
        let cumulative = bg
            .expected_purchases(customer, f64::from(k) * u)
            .ok_or_else(undefined)?;
        factor /= 1.0 + d;
        // Expectations are non-decreasing in time; clamp rounding noise.
        value += (cumulative - before).max(0.0) * factor;
        before = cumulative.max(before);
    }
    let clv = crate::stats::finite(value * spend).ok_or_else(undefined)?;
    Ok(ClvPrediction {
        p_alive,
        expected_purchases: before,
        expected_spend: spend,
        clv,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use rust_decimal_macros::dec;

    const BG: BgNbdParams = BgNbdParams {
        r: 0.243,
        alpha: 4.414,
        a: 0.793,
        b: 2.426,
    };
    const GG: GammaGammaParams = GammaGammaParams {
        p: 6.25,
        q: 3.74,
        gamma: 15.44,
    };

    fn horizon(months: u32, d: Decimal) -> ClvHorizon {
        ClvHorizon {
            months,
            unit: TimeUnit::Weeks,
            monthly_discount: Percent(d),
        }
    }

    #[test]
    fn inputs_are_checked() {
        let c = CustomerSummary {
            frequency: 1,
            recency: 5.0,
            age: 30.0,
        };
        for (h, field) in [
            (horizon(0, dec!(1)), "months"),
            (horizon(1201, dec!(1)), "months"),
            (horizon(12, dec!(-1)), "monthly_discount"),
            (horizon(12, dec!(101)), "monthly_discount"),
        ] {
            match customer_clv(&BG, &GG, &c, 20.0, &h) {
                Err(ClvModelError::Input(e)) => assert_eq!(e.field, Field(field), "{h:?}"),
                other => panic!("{h:?}: {other:?}"),
            }
        }
        let infinite_mean = GammaGammaParams { q: 0.9, ..GG };
        assert_eq!(
            customer_clv(&BG, &infinite_mean, &c, 20.0, &horizon(12, dec!(1))),
            Err(Undefined::NotComputable.into())
        );
    }

    #[test]
    fn ten_years_of_cdnow_like_customers_are_quick() {
        // The issue's complaint (PyMC-Marketing #1077): a 10-year CLV loop
        // taking an hour. 120 months for 100 customers here is milliseconds.
        for i in 0..100u32 {
            let x = i % 15;
            let t = 39.0;
            let c = CustomerSummary {
                frequency: x,
                recency: if x == 0 {
                    0.0
                } else {
                    t * f64::from(i % 10) / 10.0
                },
                age: t,
            };
            let p = customer_clv(&BG, &GG, &c, 30.0, &horizon(120, dec!(1))).unwrap();
            assert!(p.clv.is_finite() && p.clv >= 0.0, "{c:?}: {p:?}");
        }
    }

    proptest! {
        /// CLV grows with the horizon and falls with the discount rate.
        #[test]
        fn monotone(x in 0u32..30, f in 0.0f64..1.0, age in 1.0f64..80.0, months in 1u32..36, d in 0u32..500, spend in 1.0f64..300.0) {
            let c = CustomerSummary { frequency: x, recency: if x == 0 { 0.0 } else { f * age }, age };
            let d = Decimal::new(i64::from(d), 2);
            let base = customer_clv(&BG, &GG, &c, spend, &horizon(months, d)).unwrap();
            let longer = customer_clv(&BG, &GG, &c, spend, &horizon(months + 6, d)).unwrap();
            let dearer = customer_clv(&BG, &GG, &c, spend, &horizon(months, d + dec!(1))).unwrap();
            prop_assert!(base.clv.is_finite() && base.clv >= 0.0);
            prop_assert!(longer.clv >= base.clv - 1e-9, "{} < {}", longer.clv, base.clv);
            prop_assert!(dearer.clv <= base.clv + 1e-9, "{} > {}", dearer.clv, base.clv);
            prop_assert!((0.0..=1.0).contains(&base.p_alive));
        }
    }
}
