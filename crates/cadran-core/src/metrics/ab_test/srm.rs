//! Sample-ratio mismatch: is the traffic split itself broken?

use super::input::whole_count;
use crate::arith::in_range;
use crate::stats::chi_squared_sf;
use crate::{Decimal, Outcome, Percent, Undefined};
use rust_decimal::prelude::ToPrimitive;
use serde::{Deserialize, Serialize};

/// p-value below which the split is declared broken: 0.001, the threshold
/// used by Kohavi, Tang & Xu (2020) and Fabijan et al. (2019) — strict,
/// because the check runs on every test and a false alarm stops a sound one.
pub const SRM_ALPHA: f64 = 0.001;

/// The result of the sample-ratio check. **Statistic: `f64`** (except the
/// exact observed share).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct SrmStat {
    /// A's share of the visitors, exact.
    pub observed_share_a: Percent,
    /// Visitors A should have had under the intended split.
    pub expected_a: f64,
    /// Visitors B should have had.
    pub expected_b: f64,
    /// Pearson's χ² goodness-of-fit statistic (1 degree of freedom).
    pub chi_square: f64,
    /// Its p-value, in [0, 1].
    pub p_value: f64,
    /// p < [`SRM_ALPHA`]: the split is broken and no verdict should be trusted
    /// before its cause is found (a redirect losing visitors, bots…).
    pub mismatch: bool,
}

/// Sample-ratio mismatch check: χ² goodness of fit of the observed visitors
/// against the intended split.
///
/// **Definition.** With N = n_A + n_B and the intended share s of A,
/// E_A = sN, E_B = (1 − s)N and χ² = (n_A − E_A)² ÷ E_A + (n_B − E_B)² ÷ E_B,
/// with 1 degree of freedom; mismatch when P(χ²₁ > χ²) < 0.001. Fields
/// `visitors_a`, `visitors_b` (whole, 1 to 10¹²) and `intended_share_a`
/// (1 % to 99 %; 50 % for an even split).
///
/// **Source.** Kohavi, R., Tang, D. & Xu, Y. (2020), *Trustworthy Online
/// Controlled Experiments*, Cambridge University Press: ch. 3 (Twyman's
/// law, "Sample Ratio Mismatch") gives 821 588 control vs 815 482 treatment
/// users in a 50/50 test — a ratio of 0.993 that looks harmless — with
/// p = 1.8 × 10⁻⁶; ch. 21 sets the 0.001 threshold. Fabijan et al. (2019),
/// "Diagnosing Sample Ratio Mismatch in Online Controlled Experiments",
/// KDD '19, describe the same χ² test.
///
/// # Example
/// ```
/// use cadran_core::metrics::ab_test::sample_ratio_mismatch;
/// use cadran_core::Percent;
/// use rust_decimal_macros::dec;
/// let s = sample_ratio_mismatch(dec!(821588), dec!(815482), Percent(dec!(50))).unwrap();
/// assert!((s.p_value - 1.8e-6).abs() < 0.05e-6, "{}", s.p_value);
/// assert!(s.mismatch);
/// ```
pub fn sample_ratio_mismatch(visitors_a: Decimal, visitors_b: Decimal, intended_share_a: Percent) -> Outcome<SrmStat> {
    let na = whole_count("visitors_a", visitors_a, 1)?;
    let nb = whole_count("visitors_b", visitors_b, 1)?;
    let share = in_range("intended_share_a", intended_share_a.0, Decimal::ONE, Decimal::from(99))?;
    let total = na + nb;
    let observed_share_a = crate::arith::percent_of(Decimal::from(na), Decimal::from(total), Undefined::NoCustomers)?;
    let s = share.to_f64().ok_or(Undefined::NotComputable)? / 100.0;
    #[allow(clippy::cast_precision_loss)] // ≤ 2 × 10¹²: exact
    let (na, nb, n) = (na as f64, nb as f64, total as f64);
    let (expected_a, expected_b) = (s * n, (1.0 - s) * n);
    let chi_square = (na - expected_a).powi(2) / expected_a + (nb - expected_b).powi(2) / expected_b;
    let p_value = chi_squared_sf(chi_square, 1.0).ok_or(Undefined::NotComputable)?;
    Ok(SrmStat { observed_share_a, expected_a, expected_b, chi_square, p_value, mismatch: p_value < SRM_ALPHA })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::metrics::test_support::{any_decimal, invalid};
    use crate::InputProblem;
    use proptest::prelude::*;
    use rust_decimal_macros::dec;

    #[test]
    fn srm_table() {
        let half = Percent(dec!(50));
        // Kohavi et al. (2020): χ² = 2 × 3 053² ÷ 818 535 = 22.77.
        let k = sample_ratio_mismatch(dec!(821588), dec!(815482), half).unwrap();
        assert!((k.chi_square - 22.774).abs() < 0.001, "χ² {}", k.chi_square);
        // A perfect split, a small wobble, and an intended 90/10 split.
        assert_eq!(sample_ratio_mismatch(dec!(5000), dec!(5000), half).unwrap().p_value, 1.0);
        assert!(!sample_ratio_mismatch(dec!(5050), dec!(4950), half).unwrap().mismatch, "5 050 / 4 950");
        assert!(!sample_ratio_mismatch(dec!(9000), dec!(1000), Percent(dec!(90))).unwrap().mismatch, "90/10 as intended");
        assert!(sample_ratio_mismatch(dec!(9000), dec!(1000), half).unwrap().mismatch, "90/10 for 50/50");
        assert_eq!(sample_ratio_mismatch(dec!(3), dec!(1), half).unwrap().observed_share_a, Percent(dec!(75)));
        let range = InputProblem::OutOfRange { min: dec!(1), max: dec!(99) };
        assert_eq!(sample_ratio_mismatch(dec!(10), dec!(10), Percent(dec!(100))), Err(invalid("intended_share_a", range)));
        assert_eq!(sample_ratio_mismatch(dec!(10), dec!(10.5), half), Err(invalid("visitors_b", InputProblem::NotWhole)));
    }

    proptest! {
        #[test]
        fn p_is_a_probability(a in any_decimal(), b in any_decimal(), s in any_decimal()) {
            if let Ok(r) = sample_ratio_mismatch(a, b, Percent(s)) {
                prop_assert!((0.0..=1.0).contains(&r.p_value) && r.chi_square >= 0.0, "{r:?}");
            }
        }

        /// An exact split has χ² = 0 and p = 1, whatever the intended ratio.
        #[test]
        fn exact_split_has_p_one(n in 1u64..1_000_000, s in prop::sample::select(vec![10u32, 20, 25, 50, 75, 80, 90])) {
            let total = Decimal::from(n) * Decimal::from(100);
            let a = total * Decimal::from(s) / Decimal::from(100);
            let r = sample_ratio_mismatch(a, total - a, Percent(Decimal::from(s))).unwrap();
            prop_assert!(r.chi_square.abs() < 1e-9 && (r.p_value - 1.0).abs() < 1e-9 && !r.mismatch, "{r:?}");
        }

        /// Swapping the versions and the intended shares gives the same test.
        #[test]
        fn symmetric(a in 1u64..1_000_000, b in 1u64..1_000_000, s in 1u32..99) {
            let x = sample_ratio_mismatch(Decimal::from(a), Decimal::from(b), Percent(Decimal::from(s))).unwrap();
            let y = sample_ratio_mismatch(Decimal::from(b), Decimal::from(a), Percent(Decimal::from(100 - s))).unwrap();
            prop_assert!((x.p_value - y.p_value).abs() < 1e-9, "{x:?} vs {y:?}");
        }
    }
}
