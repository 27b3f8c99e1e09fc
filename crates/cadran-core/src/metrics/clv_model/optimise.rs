//! Nelder–Mead minimisation with restarts, for maximum-likelihood fits on
//! log-parameters.
//!
//! Why Nelder–Mead and not a gradient method: the buy-till-you-die
//! likelihoods are cheap to evaluate but their gradients involve digamma
//! functions and, for the BG/NBD, a sum of two terms whose derivative is
//! easy to get wrong; a derivative-free simplex on log-parameters is the
//! method Fader & Hardie use in their Excel notes (Solver) and the one R's
//! `BTYD` package defaults to. The failures reported against Python's
//! `lifetimes` (issues #419, #262, #396: "did not converge", NaN) come from
//! unguarded objectives and a single start; here a non-finite objective is
//! simply "worse than anything finite", several starts are tried, each run
//! is restarted from its best point until a restart no longer improves, and
//! the result says whether it converged within its iteration cap.

/// What a minimisation found. All values are floating point (`f64`).
#[derive(Debug, Clone, PartialEq)]
pub struct Minimum {
    /// The best point found (log-parameters for the model fits).
    pub x: Vec<f64>,
    /// The objective there (finite).
    pub value: f64,
    /// Simplex iterations used, over every start and restart.
    pub iterations: usize,
    /// Whether the best run met the tolerance before the iteration cap.
    pub converged: bool,
}

/// Most simplex iterations per run (start or restart).
pub const MAX_ITERATIONS: usize = 2_000;
/// Restarts per start after the first convergence.
const MAX_RESTARTS: usize = 4;
/// The search box, [−BOUND, BOUND] in every coordinate: on log-parameters,
/// e^±25 ≈ 7 × 10¹⁰ or 10⁻¹¹. A likelihood still rising at the wall has no
/// interior maximum (a degenerate sample); stopping there keeps the fit
/// fast and finite, and the caller can see the estimate at the wall.
pub const BOUND: f64 = 25.0;
/// Convergence: spread of objective values over the simplex.
const F_TOLERANCE: f64 = 1e-11;
/// Convergence: simplex diameter (in log-parameter units).
const X_TOLERANCE: f64 = 1e-7;

/// Minimises `f` by the Nelder–Mead simplex (standard coefficients:
/// reflection 1, expansion 2, contraction ½, shrink ½), from each of
/// `starts` with restarts, keeping the best. Points outside the box
/// [−[`BOUND`], [`BOUND`]]ⁿ count as non-finite. `None` if `f` is
/// non-finite at every point tried or `starts` is empty.
///
/// **Definition and source.** Nelder, J. A. & Mead, R. (1965), "A simplex
/// method for function minimization", *The Computer Journal* 7(4), 308–313;
/// the ordering of operations and coefficients of Lagarias, Reeds, Wright &
/// Wright (1998), "Convergence properties of the Nelder–Mead simplex method
/// in low dimensions", *SIAM J. Optim.* 9(1). Restarting from the best
/// vertex guards against the simplex collapsing early (Press et al.,
/// *Numerical Recipes*, 3rd ed., 2007, §10.5).
///
/// # Example
/// ```
/// use cadran_core::metrics::clv_model::minimise;
/// // Rosenbrock's valley: minimum 0 at (1, 1).
/// let f = |x: &[f64]| (1.0 - x[0]).powi(2) + 100.0 * (x[1] - x[0] * x[0]).powi(2);
/// let m = minimise(f, &[vec![-1.2, 1.0]]).unwrap();
/// assert!(m.converged);
/// assert!((m.x[0] - 1.0).abs() < 1e-4 && (m.x[1] - 1.0).abs() < 1e-4, "{:?}", m.x);
/// ```
#[must_use]
pub fn minimise(mut f: impl FnMut(&[f64]) -> f64, starts: &[Vec<f64>]) -> Option<Minimum> {
    let mut eval = |x: &[f64]| {
        if x.iter().any(|v| v.is_nan() || v.abs() > BOUND) {
            return f64::INFINITY;
        }
        let v = f(x);
        if v.is_finite() {
            v
        } else {
            f64::INFINITY
        }
    };
    let mut best: Option<Minimum> = None;
    let mut iterations = 0;
    for start in starts {
        let mut run = simplex(&mut eval, start, &mut iterations);
        for _ in 0..MAX_RESTARTS {
            let again = simplex(&mut eval, &run.x, &mut iterations);
            let improved = run.value - again.value > F_TOLERANCE * (1.0 + run.value.abs());
            if again.value <= run.value {
                run = again;
            }
            if !improved {
                break;
            }
        }
        if run.value.is_finite() && best.as_ref().is_none_or(|b| run.value < b.value) {
            best = Some(run);
        }
    }
    best.map(|mut b| {
        b.iterations = iterations;
        b
    })
}

/// One Nelder–Mead run from `start` with a fresh simplex of side ½.
fn simplex(f: &mut impl FnMut(&[f64]) -> f64, start: &[f64], iterations: &mut usize) -> Minimum {
    let n = start.len();
    let mut pts: Vec<Vec<f64>> = Vec::with_capacity(n + 1);
    pts.push(start.to_vec());
    for i in 0..n {
        let mut p = start.to_vec();
        p[i] += 0.5;
        pts.push(p);
    }
    let mut vals: Vec<f64> = pts.iter().map(|p| f(p)).collect();
    let mut converged = false;
    for _ in 0..MAX_ITERATIONS {
        *iterations += 1;
        // Order: best first.
        let mut idx: Vec<usize> = (0..=n).collect();
        idx.sort_by(|&i, &j| vals[i].total_cmp(&vals[j]));
        pts = idx.iter().map(|&i| pts[i].clone()).collect();
        vals = idx.iter().map(|&i| vals[i]).collect();
        let spread = vals[n] - vals[0];
        let diameter = pts[1..]
            .iter()
            .flat_map(|p| p.iter().zip(&pts[0]).map(|(a, b)| (a - b).abs()))
            .fold(0.0, f64::max);
        let flat = spread.is_finite() && spread <= F_TOLERANCE * (1.0 + vals[0].abs());
        // Small enough, or flat to machine precision (further iterations
        // could not tell the points apart).
        if flat && (diameter <= X_TOLERANCE || spread <= 1e-15 * (1.0 + vals[0].abs())) {
            converged = true;
            break;
        }
        #[allow(clippy::cast_precision_loss)]
        let k = n as f64;
        let centroid: Vec<f64> = (0..n)
            .map(|j| pts[..n].iter().map(|p| p[j]).sum::<f64>() / k)
            .collect();
        let along = |t: f64| -> Vec<f64> {
            centroid
                .iter()
                .zip(&pts[n])
                .map(|(c, w)| c + t * (c - w))
                .collect()
        };
        let xr = along(1.0);
        let fr = f(&xr);
        if fr < vals[0] {
            let xe = along(2.0);
            let fe = f(&xe);
            if fe < fr {
                (pts[n], vals[n]) = (xe, fe);
            } else {
                (pts[n], vals[n]) = (xr, fr);
            }
            continue;
        }
        if fr < vals[n - 1] {
            (pts[n], vals[n]) = (xr, fr);
            continue;
        }
        // Contraction: outside if the reflection beat the worst, else inside.
        let (xc, fc) = if fr < vals[n] {
            let x = along(0.5);
            let v = f(&x);
            (x, v)
        } else {
            let x = along(-0.5);
            let v = f(&x);
            (x, v)
        };
        if fc < vals[n].min(fr) {
            (pts[n], vals[n]) = (xc, fc);
            continue;
        }
        // Shrink towards the best vertex.
        for i in 1..=n {
            let p: Vec<f64> = pts[0]
                .iter()
                .zip(&pts[i])
                .map(|(b, x)| b + 0.5 * (x - b))
                .collect();
            vals[i] = f(&p);
            pts[i] = p;
        }
    }
    let best = (0..=n)
        .min_by(|&i, &j| vals[i].total_cmp(&vals[j]))
        .unwrap_or(0);
    Minimum {
        x: pts[best].clone(),
        value: vals[best],
        iterations: 0,
        converged,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quadratic_and_guards() {
        let f = |x: &[f64]| (x[0] - 3.0).powi(2) + 2.0 * (x[1] + 1.0).powi(2) + 0.5 * x[2].powi(2);
        let m = minimise(f, &[vec![0.0, 0.0, 0.0], vec![10.0, 10.0, 10.0]]).unwrap();
        assert!(m.converged && m.value < 1e-12, "{m:?}");
        // NaN everywhere except a region: still finds the region's minimum.
        let g = |x: &[f64]| {
            if x[0] > 0.0 {
                (x[0] - 1.0).powi(2)
            } else {
                f64::NAN
            }
        };
        let m = minimise(g, &[vec![0.2]]).unwrap();
        assert!((m.x[0] - 1.0).abs() < 1e-5, "{m:?}");
        assert_eq!(minimise(|_: &[f64]| f64::NAN, &[vec![0.0]]), None);
        assert_eq!(minimise(|x: &[f64]| x[0], &[]), None);
    }
}
