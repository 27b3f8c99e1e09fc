//! The Bayesian reading of a conversion test, in closed form.

use super::conversion::ConversionInputs;
use super::input::Group;
use crate::stats::{ln_beta, normal_cdf, normal_pdf};
use crate::{Outcome, Undefined};
use serde::{Deserialize, Serialize};

/// Most terms an exact sum may take: the sums run over the smaller number of
/// conversions (plus two), so the exact formulas are used up to 99 998
/// conversions in the smaller version — a few milliseconds. Beyond, both
/// posteriors are so concentrated that their normal approximation agrees to
/// about 10⁻⁴ (checked in the tests), and it is used instead.
pub const EXACT_MAX_TERMS: u64 = 100_000;

/// Which computation gave the Bayesian figures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum BayesMethod {
    /// Evan Miller's exact finite sums.
    ExactSum,
    /// Normal approximation of both Beta posteriors (above
    /// [`EXACT_MAX_TERMS`]).
    NormalApproximation,
}

/// The Bayesian reading. **Statistics: `f64`.**
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct BayesianStat {
    /// P(p_B > p_A): the probability that B's true rate beats A's.
    pub prob_b_beats_a: f64,
    /// P(p_A > p_B) = 1 − P(p_B > p_A) (ties have probability zero).
    pub prob_a_beats_b: f64,
    /// E[max(p_A − p_B, 0)] in percentage points: the conversion rate lost,
    /// on average, by choosing B if A is in fact better.
    pub expected_loss_b: f64,
    /// E[max(p_B − p_A, 0)] in percentage points: the same for choosing A.
    pub expected_loss_a: f64,
    /// Which computation ran.
    pub method: BayesMethod,
}

/// P(B beats A) and the expected loss of each choice, with uniform Beta(1, 1)
/// priors.
///
/// **Definition.** After x conversions of n visitors the posterior of a rate
/// is Beta(α, β) with α = x + 1, β = n − x + 1. Then
/// P(p_B > p_A) = Σ_{i=0}^{α_B−1} B(α_A + i, β_A + β_B) ÷ ((β_B + i) B(1 + i, β_B)
/// B(α_A, β_A)) (Miller), each term obtained from the previous one by an exact
/// ratio, in logs, so that nothing overflows; the sum runs over the smaller α
/// (using P(A > B) = 1 − P(B > A)). The expected loss of choosing B is
/// E[max(p_A − p_B, 0)] = (α_A ÷ (α_A + β_A)) P(Beta(α_A + 1, β_A) > p_B) −
/// (α_B ÷ (α_B + β_B)) P(p_A > Beta(α_B + 1, β_B)) (Stucchio). No Monte Carlo:
/// the same counts always give the same digits. Above [`EXACT_MAX_TERMS`], the
/// normal approximation (see [`BayesMethod`]).
///
/// Undefined when both rates are 0 % or both 100 %, like the frequentist
/// test; fields validated as in [`super::conversion_test`].
///
/// **Sources.** Evan Miller, "Formulas for Bayesian A/B Testing" (2015,
/// evanmiller.org/bayesian-ab-testing.html); Chris Stucchio, "Easy evaluation
/// of decision rules in Bayesian A/B testing" (2014, chrisstucchio.com).
///
/// # Example
/// A: 0 of 1, B: 1 of 1 — posteriors Beta(1, 2) and Beta(2, 1), for which the
/// integrals are elementary: P(B > A) = ∫₀¹ 2x (2x − x²) dx = 5/6 and the loss
/// of choosing B is ∫₀¹ 2(1 − y) y³/3 dy = 1/30 (3.33 points).
/// ```
/// use cadran_core::metrics::ab_test::{bayesian_reading, BayesMethod, ConversionInputs};
/// use rust_decimal_macros::dec;
/// let r = bayesian_reading(&ConversionInputs {
///     visitors_a: dec!(1), conversions_a: dec!(0),
///     visitors_b: dec!(1), conversions_b: dec!(1),
///     ..ConversionInputs::default()
/// }).unwrap();
/// assert!((r.prob_b_beats_a - 5.0 / 6.0).abs() < 1e-13);
/// assert!((r.expected_loss_b - 100.0 / 30.0).abs() < 1e-11);
/// assert_eq!(r.method, BayesMethod::ExactSum);
/// ```
pub fn bayesian_reading(inputs: &ConversionInputs) -> Outcome<BayesianStat> {
    let a = Group::new("visitors_a", inputs.visitors_a, "conversions_a", inputs.conversions_a)?;
    let b = Group::new("visitors_b", inputs.visitors_b, "conversions_b", inputs.conversions_b)?;
    if a.conversions + b.conversions == 0 {
        return Err(Undefined::NoConversions.into());
    }
    if a.conversions + b.conversions == a.visitors + b.visitors {
        return Err(Undefined::AllConverted.into());
    }
    let (pa, pb) = (posterior(a), posterior(b));
    let stat = if a.conversions.min(b.conversions) + 2 <= EXACT_MAX_TERMS {
        exact(pa, pb)
    } else {
        normal(pa, pb)
    };
    stat.filter(|s| [s.prob_b_beats_a, s.prob_a_beats_b, s.expected_loss_a, s.expected_loss_b].iter().all(|x| x.is_finite()))
        .ok_or_else(|| Undefined::NotComputable.into())
}

/// Beta(α, β) parameters of a version's posterior.
#[allow(clippy::cast_precision_loss)] // counts ≤ 10¹²: exact
fn posterior(g: Group) -> (f64, f64) {
    (g.conversions as f64 + 1.0, (g.visitors - g.conversions) as f64 + 1.0)
}

fn mean((a, b): (f64, f64)) -> f64 {
    a / (a + b)
}

/// P(X > Y) for X ~ Beta(a, b), Y ~ Beta(c, d), whole a and c, summing over
/// whichever of a and c is smaller.
fn prob_greater(x: (f64, f64), y: (f64, f64)) -> Option<f64> {
    if x.0 <= y.0 {
        miller_sum(x, y)
    } else {
        miller_sum(y, x).map(|p| 1.0 - p)
    }
    .map(|p| p.clamp(0.0, 1.0))
}

/// Miller's sum for P(X > Y), X ~ Beta(a, b), Y ~ Beta(c, d): a terms.
fn miller_sum((a, b): (f64, f64), (c, d): (f64, f64)) -> Option<f64> {
    // t₀ = B(c, b + d) ÷ B(c, d), since B(1, b) = 1/b.
    let mut ln_t = ln_beta(c, b + d)? - ln_beta(c, d)?;
    let mut sum = 0.0;
    let mut i = 0.0;
    while i < a {
        sum += ln_t.exp();
        // t_{i+1} ÷ t_i = (c + i)/(c + i + b + d) × (1 + i + b)/(1 + i) × (b + i)/(b + i + 1).
        ln_t += -((b + d) / (c + i)).ln_1p() + (b / (1.0 + i)).ln_1p() - (1.0 / (b + i)).ln_1p();
        i += 1.0;
    }
    sum.is_finite().then_some(sum)
}

fn exact(pa: (f64, f64), pb: (f64, f64)) -> Option<BayesianStat> {
    let b_beats_a = prob_greater(pb, pa)?;
    let up = |(x, y): (f64, f64)| (x + 1.0, y);
    // E[p_A 1{p_A > p_B}] − E[p_B 1{p_A > p_B}], and the mirror.
    let loss_b = mean(pa) * prob_greater(up(pa), pb)? - mean(pb) * prob_greater(pa, up(pb))?;
    let loss_a = mean(pb) * prob_greater(up(pb), pa)? - mean(pa) * prob_greater(pb, up(pa))?;
    Some(BayesianStat {
        prob_b_beats_a: b_beats_a,
        prob_a_beats_b: 1.0 - b_beats_a,
        expected_loss_b: loss_b.max(0.0) * 100.0,
        expected_loss_a: loss_a.max(0.0) * 100.0,
        method: BayesMethod::ExactSum,
    })
}

fn normal(pa: (f64, f64), pb: (f64, f64)) -> Option<BayesianStat> {
    let var = |(a, b): (f64, f64)| a * b / ((a + b).powi(2) * (a + b + 1.0));
    let mu = mean(pb) - mean(pa);
    let sigma = (var(pa) + var(pb)).sqrt();
    let z = mu / sigma;
    let b_beats_a = normal_cdf(z)?;
    let density = sigma * normal_pdf(z)?;
    // D = p_B − p_A ~ N(μ, σ²): E[max(−D, 0)] = σφ(z) − μΦ(−z), E[max(D, 0)] = σφ(z) + μΦ(z).
    let loss_b = density - mu * normal_cdf(-z)?;
    let loss_a = density + mu * b_beats_a;
    Some(BayesianStat {
        prob_b_beats_a: b_beats_a,
        prob_a_beats_b: 1.0 - b_beats_a,
        expected_loss_b: loss_b.max(0.0) * 100.0,
        expected_loss_a: loss_a.max(0.0) * 100.0,
        method: BayesMethod::NormalApproximation,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Decimal;
    use proptest::prelude::*;

    fn reading(va: u64, ca: u64, vb: u64, cb: u64) -> Outcome<BayesianStat> {
        bayesian_reading(&ConversionInputs {
            visitors_a: Decimal::from(va),
            conversions_a: Decimal::from(ca),
            visitors_b: Decimal::from(vb),
            conversions_b: Decimal::from(cb),
            ..ConversionInputs::default()
        })
    }

    /// Simpson integration of P(B > A) = ∫ f_B(x) I_x(α_A, β_A) dx and of the
    /// loss ∫ f_B(x) [m_A (1 − I_x(α_A + 1, β_A)) − x (1 − I_x(α_A, β_A))] dx:
    /// an independent check of the closed forms.
    fn by_integration(pa: (f64, f64), pb: (f64, f64)) -> (f64, f64) {
        use crate::stats::regularized_incomplete_beta as ib;
        let steps = 20_000u32;
        let ln_b = ln_beta(pb.0, pb.1).unwrap();
        let f_b = |x: f64| ((pb.0 - 1.0) * x.ln() + (pb.1 - 1.0) * (-x).ln_1p() - ln_b).exp();
        let h = 1.0 / f64::from(steps);
        let (mut p, mut loss) = (0.0, 0.0);
        for i in 1..steps {
            let x = f64::from(i) * h;
            let w = if i % 2 == 1 { 4.0 } else { 2.0 } * h / 3.0 * f_b(x);
            let below = ib(x, pa.0, pa.1).unwrap();
            p += w * below;
            loss += w * (mean(pa) * (1.0 - ib(x, pa.0 + 1.0, pa.1).unwrap()) - x * (1.0 - below));
        }
        // End points, where the density is finite only for α = 1 (x = 0) or β = 1 (x = 1).
        let edge = h / 3.0 * (-ln_b).exp();
        if pb.0 == 1.0 {
            loss += edge * mean(pa);
        }
        if pb.1 == 1.0 {
            p += edge;
        }
        (p, loss * 100.0)
    }

    #[test]
    fn exact_sums_match_integration() {
        for (va, ca, vb, cb) in [(20u64, 3u64, 25u64, 8u64), (50, 10, 40, 5), (12, 6, 12, 6), (30, 1, 30, 0)] {
            let r = reading(va, ca, vb, cb).unwrap();
            let (p, loss) = by_integration(posterior(Group { visitors: va, conversions: ca }), posterior(Group { visitors: vb, conversions: cb }));
            assert!((r.prob_b_beats_a - p).abs() < 1e-7, "A {ca}/{va}, B {cb}/{vb}: {} vs {p}", r.prob_b_beats_a);
            assert!((r.expected_loss_b - loss).abs() < 1e-5, "A {ca}/{va}, B {cb}/{vb}: loss {} vs {loss}", r.expected_loss_b);
        }
        // Identical data: a coin toss.
        let even = reading(500, 50, 500, 50).unwrap();
        assert!((even.prob_b_beats_a - 0.5).abs() < 1e-12, "{even:?}");
        assert!((even.expected_loss_a - even.expected_loss_b).abs() < 1e-12);
    }

    /// Just below and above the bound the two methods agree.
    #[test]
    fn normal_approximation_agrees_at_the_bound() {
        let (pa, pb) = (posterior(Group { visitors: 2_000_000, conversions: 99_000 }), posterior(Group { visitors: 2_000_000, conversions: 99_700 }));
        let (e, n) = (exact(pa, pb).unwrap(), normal(pa, pb).unwrap());
        assert!((e.prob_b_beats_a - n.prob_b_beats_a).abs() < 1e-4, "{e:?} vs {n:?}");
        assert!((e.expected_loss_b - n.expected_loss_b).abs() < 1e-4, "{e:?} vs {n:?}");
        let big = reading(1_000_000_000_000, 50_000_000_000, 1_000_000_000_000, 50_001_000_000).unwrap();
        assert_eq!(big.method, BayesMethod::NormalApproximation);
        assert!(big.prob_b_beats_a > 0.99, "{big:?}");
        // Huge visitor counts with few conversions stay exact and finite.
        let sparse = reading(1_000_000_000_000, 10, 1_000_000_000_000, 20).unwrap();
        assert_eq!(sparse.method, BayesMethod::ExactSum);
        assert!(sparse.prob_b_beats_a > 0.95 && sparse.prob_b_beats_a < 1.0, "{sparse:?}");
    }

    #[test]
    fn undefined() {
        assert_eq!(reading(10, 0, 10, 0), Err(Undefined::NoConversions.into()));
        assert_eq!(reading(10, 10, 10, 10), Err(Undefined::AllConverted.into()));
    }

    proptest! {
        /// Probabilities in [0, 1] adding up to 1, losses ≥ 0, and swapping A
        /// and B swaps everything.
        #[test]
        fn invariants(va in 1u64..3000, vb in 1u64..3000, fa in 0.0f64..=1.0, fb in 0.0f64..=1.0) {
            #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss, clippy::cast_precision_loss)]
            let (ca, cb) = ((va as f64 * fa) as u64, (vb as f64 * fb) as u64);
            if let (Ok(ab), Ok(ba)) = (reading(va, ca, vb, cb), reading(vb, cb, va, ca)) {
                prop_assert!((0.0..=1.0).contains(&ab.prob_b_beats_a), "{ab:?}");
                prop_assert!((ab.prob_b_beats_a + ab.prob_a_beats_b - 1.0).abs() < 1e-12);
                prop_assert!((ab.prob_b_beats_a - ba.prob_a_beats_b).abs() < 1e-9, "{ab:?} vs {ba:?}");
                prop_assert!((ab.expected_loss_b - ba.expected_loss_a).abs() < 1e-7, "{ab:?} vs {ba:?}");
                prop_assert!(ab.expected_loss_a >= 0.0 && ab.expected_loss_b >= 0.0);
            }
        }
    }
}
