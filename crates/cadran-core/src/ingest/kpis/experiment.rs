//! An experiment file's counts turned into the A/B-test card's inputs.

use crate::ingest::experiment::ExperimentReport;
use crate::metrics::ab_test::{AbInputs, RevenueGroup, RevenuePair};
use rust_decimal::Decimal;

/// The A/B-test card's inputs from an imported experiment: A is the
/// report's control, B the first other variant in file order; revenue per
/// visitor when the file has one row per visitor with revenue (a file of
/// groups has no standard deviation, so revenue stays `None` and the app
/// asks for it). Confidence, sides, split and money keep `base`'s values.
/// `None` with fewer than two variants.
///
/// # Example
/// ```
/// use cadran_core::ingest::{ingest, kpis::experiment_inputs, DatasetReport, Options};
/// use cadran_core::metrics::ab_test::{report, AbInputs, AbVerdict};
/// use rust_decimal_macros::dec;
/// let csv = "variant;visitors;conversions\nA;1200;144\nB;1200;192\n";
/// let DatasetReport::Experiment(e) = ingest(csv.as_bytes(), &Options::default()).unwrap().data else { panic!() };
/// let inputs = experiment_inputs(&e, &AbInputs::default()).unwrap();
/// assert_eq!((inputs.visitors_a, inputs.conversions_b), (dec!(1200), dec!(192)));
/// assert!(matches!(report(&inputs).verdict, Ok(AbVerdict::BBetter { .. })));
/// ```
#[must_use]
pub fn experiment_inputs(e: &ExperimentReport, base: &AbInputs) -> Option<AbInputs> {
    let (a, b) = e.a_and_b()?;
    let group = |v: &crate::ingest::experiment::VariantCounts| {
        v.revenue.and_then(|r| Some(RevenueGroup { visitors: Decimal::from(r.n), mean: r.mean, std_dev: r.std_dev? }))
    };
    let revenue = match (group(a), group(b)) {
        (Some(a), Some(b)) => Some(RevenuePair { a, b }),
        _ => None,
    };
    Some(AbInputs {
        visitors_a: Decimal::from(a.visitors),
        conversions_a: Decimal::from(a.conversions),
        visitors_b: Decimal::from(b.visitors),
        conversions_b: Decimal::from(b.conversions),
        revenue: revenue.or(base.revenue),
        ..*base
    })
}
