//! Stated importance beside derived importance: the drivers customers *say*
//! matter against the drivers that *move* their overall rating.

use super::driver::{Driver, Scales};

/// Folds a driver or survey column name for matching: trimmed, lower case,
/// inner runs of white space as one space.
fn fold(name: &str) -> String {
    name.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase()
}

/// Each survey column's share of the stated importance, to set beside its
/// relative weight's share of R². **Statistics (`f64`)** in 0..=1.
///
/// **Definition.** A survey column is matched to the driver of the same
/// name (case and spacing ignored). With Iⱼ the matched drivers' stated
/// importance normalised to 0..=1 on the importance scale, column j's share
/// is Iⱼ ÷ Σ Iₖ over the matched drivers, so both columns of the comparison
/// sum to 1 over the same drivers. `None` for a column that matches no
/// driver, or when the matched stated importance sums to zero.
///
/// **Source.** The "stated versus derived importance" comparison of
/// importance–performance analysis: Martilla, J. A. & James, J. C. (1977),
/// "Importance-performance analysis", *Journal of Marketing* 41(1); derived
/// shares as in Johnson, J. W. (2000), "A heuristic method for estimating
/// the relative weight of predictor variables in multiple regression",
/// *Multivariate Behavioral Research* 35(1).
///
/// # Example
/// Two drivers rated 5 and 3 on a 1–5 importance scale (normalised 1 and
/// 0.5), a survey with those two columns and one unknown:
/// ```
/// use cadran_core::metrics::value::{stated_shares, Dimension, Driver, Scales};
/// let d = |name: &str, importance| Driver { name: name.into(), dimension: Dimension::Functional, importance, performance: 3.0, competitors: vec![] };
/// let drivers = [d("Speed", 5.0), d("Price", 3.0)];
/// let columns = ["price".to_string(), " Speed ".to_string(), "Other".to_string()];
/// let s = stated_shares(&drivers, Scales::default(), &columns);
/// assert_eq!(s, vec![Some(0.5 / 1.5), Some(1.0 / 1.5), None]);
/// ```
#[must_use]
pub fn stated_shares(drivers: &[Driver], scales: Scales, columns: &[String]) -> Vec<Option<f64>> {
    let matched: Vec<Option<f64>> = columns
        .iter()
        .map(|c| {
            let c = fold(c);
            drivers.iter().find(|d| fold(&d.name) == c).map(|d| scales.importance.normalise(d.importance))
        })
        .collect();
    let total: f64 = matched.iter().flatten().sum();
    if total <= 0.0 || !total.is_finite() {
        return vec![None; columns.len()];
    }
    matched.into_iter().map(|m| m.map(|i| i / total)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::metrics::value::Dimension;
    use proptest::prelude::*;

    fn driver(name: &str, importance: f64) -> Driver {
        Driver { name: name.into(), dimension: Dimension::Economic, importance, performance: 3.0, competitors: vec![] }
    }

    #[test]
    fn all_unimportant_gives_no_share_rather_than_nan() {
        let s = stated_shares(&[driver("a", 1.0)], Scales::default(), &["a".into()]);
        assert_eq!(s, vec![None], "importance 1 on 1–5 normalises to 0: no share");
    }

    proptest! {
        #[test]
        fn matched_shares_sum_to_one(imp in proptest::collection::vec(1.0f64..=5.0, 1..8)) {
            let drivers: Vec<Driver> = imp.iter().enumerate().map(|(i, x)| driver(&format!("d{i}"), *x)).collect();
            let cols: Vec<String> = drivers.iter().rev().map(|d| d.name.to_uppercase()).collect();
            let s = stated_shares(&drivers, Scales::default(), &cols);
            let sum: f64 = s.iter().flatten().sum();
            prop_assert!(s.iter().all(Option::is_some) || sum == 0.0, "{s:?}");
            prop_assert!(sum == 0.0 || (sum - 1.0).abs() < 1e-9, "shares {s:?} sum to {sum}");
        }
    }
}
