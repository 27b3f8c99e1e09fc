//! The distribution of the number of repeat purchases under the BG/NBD:
//! what the "period transactions" check compares with the data (how many
//! customers made 0, 1, 2, … repeat purchases in the calibration, observed
//! against expected).

use super::bgnbd::BgNbdParams;
use crate::stats::{finite, ln_gamma, ln_gamma_ratio, prob};

impl BgNbdParams {
    /// P(X(t) = x): the probability that a new customer makes exactly `x`
    /// repeat purchases in their first `t` time units.
    ///
    /// **Definition.** With q = α ÷ (α + t), z = t ÷ (α + t) and the
    /// negative-binomial weights w_j = Γ(r + j) ÷ (Γ(r) j!) · q^r z^j:
    /// P(X(t) = x) = B(a, b + x) ÷ B(a, b) · w_x, plus, for x > 0,
    /// B(a + 1, b + x − 1) ÷ B(a, b) · (1 − Σ_{j<x} w_j) (Fader, Hardie &
    /// Lee 2005, eq. 8). The expected number of customers with x repeat
    /// purchases in a calibration is the sum of P(X(Tᵢ) = x) over the
    /// customers' ages Tᵢ. `None` for t < 0 or invalid parameters.
    ///
    /// # Example
    /// ```
    /// use cadran_core::metrics::clv_model::bgnbd::BgNbdParams;
    /// let p = BgNbdParams { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
    /// let total: f64 = (0..2000).map(|x| p.prob_purchases(x, 39.0).unwrap()).sum();
    /// assert!((total - 1.0).abs() < 1e-9, "{total}");
    /// assert_eq!(p.prob_purchases(0, 0.0), Some(1.0));
    /// ```
    #[must_use]
    pub fn prob_purchases(&self, x: u32, t: f64) -> Option<f64> {
        if !(self.valid() && t.is_finite() && t >= 0.0) {
            return None;
        }
        let (r, al, a, b) = (self.r, self.alpha, self.a, self.b);
        if t == 0.0 {
            return Some(if x == 0 { 1.0 } else { 0.0 });
        }
        let xf = f64::from(x);
        let ln_q = (al / (al + t)).ln(); // ln of α ÷ (α + t)
        let ln_z = (t / (al + t)).ln();
        // ln [Γ(r + j) ÷ (Γ(r) j!)] + j ln z: the negative-binomial weights.
        let ln_nb =
            |j: f64| -> Option<f64> { Some(ln_gamma_ratio(r, j)? - ln_gamma(j + 1.0)? + j * ln_z) };
        let ln_b1 = ln_gamma_ratio(b, xf)? - ln_gamma_ratio(a + b, xf)?;
        let mut p = (ln_b1 + ln_nb(xf)? + r * ln_q).exp();
        if x > 0 {
            let ln_b2 = a.ln() + ln_gamma_ratio(b, xf - 1.0)? - ln_gamma_ratio(a + b, xf)?;
            let mut head = 0.0;
            for j in 0..x {
                head += (ln_nb(f64::from(j))? + r * ln_q).exp();
            }
            p += ln_b2.exp() * (1.0 - head).max(0.0);
        }
        prob(finite(p)?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn by_hand() {
        // x = 0: B(a, b) ÷ B(a, b) · (α ÷ (α + t))^r, nothing else.
        let p = BgNbdParams {
            r: 0.5,
            alpha: 2.0,
            a: 1.5,
            b: 3.0,
        };
        let want = (2.0f64 / 12.0).powf(0.5);
        assert!((p.prob_purchases(0, 10.0).unwrap() - want).abs() < 1e-14);
        // x = 1, written out: b ÷ (a + b) · r (α÷(α+t))^r (t÷(α+t)) + a ÷ (a + b) · [1 − (α÷(α+t))^r].
        let (q, z) = (2.0f64 / 12.0, 10.0f64 / 12.0);
        let want = 3.0 / 4.5 * 0.5 * q.powf(0.5) * z + 1.5 / 4.5 * (1.0 - q.powf(0.5));
        assert!((p.prob_purchases(1, 10.0).unwrap() - want).abs() < 1e-14);
        assert_eq!(p.prob_purchases(1, -1.0), None);
    }
}
