//! Worked examples for the import KPIs, on small files typed here.

use super::*;
use crate::ingest::subscriptions::SubscriptionStats;
use crate::ingest::survey::{Distribution, Scale};
use crate::ingest::{ingest, DatasetReport, Options};
use crate::scenario::input::Input;
use rust_decimal_macros::dec;

fn subs(csv: &str) -> SubscriptionStats {
    match ingest(csv.as_bytes(), &Options::default()).map(|r| r.data) {
        Ok(DatasetReport::Subscriptions(s)) => s.overall,
        other => panic!("not subscriptions: {other:?}"),
    }
}

/// ChartMogul-style month: 4 customers at 10 in January; in February one
/// churns, one expands to 25, one contracts to 5, one new at 40.
const MONTH: &str = "customer,start,end,mrr\n\
    a,2024-01-02,,10\nb,2024-01-02,2024-02-10,10\nc,2024-01-02,2024-02-01,10\nc,2024-02-01,,25\n\
    d,2024-01-02,2024-02-01,10\nd,2024-02-01,,5\ne,2024-02-03,,40\n";

#[test]
fn months_table() {
    let m = subscription_months(&subs(MONTH));
    assert_eq!(m.len(), 2);
    let (jan, feb) = (&m[0], &m[1]);
    assert_eq!((jan.active, jan.mrr, jan.new), (4, dec!(40), 4));
    assert_eq!(jan.churn, Err(Undefined::NoCustomers.into()), "no customer before the first month");
    assert_eq!((feb.active, feb.mrr, feb.new, feb.churned), (4, dec!(80), 1, 1));
    assert_eq!(feb.churn.as_ref().map(|c| c.rate), Ok(Percent(dec!(25))));
    assert_eq!(feb.retention.as_ref().map(|r| r.rate), Ok(Percent(dec!(75))), "retention + churn = 100");
    let mv = &feb.movements;
    assert_eq!((mv.start_mrr, mv.new_mrr, mv.expansion_mrr, mv.contraction_mrr, mv.churned_mrr), (dec!(40), dec!(40), dec!(15), dec!(5), dec!(10)));
    // GRR = (40 − 5 − 10) ÷ 40 = 62.5 %; NRR = (40 + 15 − 5 − 10) ÷ 40 = 100 %.
    assert_eq!(feb.mrr_report.gross_revenue_retention, Ok(Percent(dec!(62.5))));
    assert_eq!(feb.mrr_report.net_revenue_retention, Ok(Percent(dec!(100))));
    assert_eq!(feb.mrr_report.end_mrr, Ok(dec!(80)));
    assert_eq!(feb.arpa, Ok(dec!(20)));
}

#[test]
fn cohorts_and_baseline() {
    let s = subs(MONTH);
    let c = subscription_cohorts(&s);
    assert_eq!(c.len(), 2, "January and February cohorts");
    assert_eq!(c[0].by_customers, vec![Ok(Percent(dec!(100))), Ok(Percent(dec!(75)))]);
    assert_eq!(c[0].by_revenue, vec![Ok(Percent(dec!(100))), Ok(Percent(dec!(100)))], "40 → 40");
    let b = scenario_baseline(&s, 12);
    assert_eq!(
        b,
        vec![
            (Input::CustomersStart, dec!(4)),
            (Input::NewCustomersPerMonth, dec!(1)),
            (Input::MonthlyChurn, dec!(25)),
            (Input::Arpa, dec!(20)),
            (Input::MonthlyExpansion, dec!(25)),
        ]
    );
}

#[test]
fn survey_scales() {
    let mut d = Distribution::default();
    d.counts[4] = 20; // CSAT 4
    d.counts[5] = 60;
    d.counts[2] = 20;
    match survey_score(Scale::OneToFive, &d) {
        SurveyScore::Csat { score, margin } => {
            assert_eq!(score.map(|c| c.csat), Ok(Percent(dec!(80))));
            assert!((margin.unwrap().value - 7.84).abs() < 1e-9);
        }
        other => panic!("{other:?}"),
    }
    let mut d = Distribution::default();
    d.counts[7] = 3;
    d.counts[3] = 1;
    let s = survey_score(Scale::OneToSeven, &d);
    assert_eq!(s.headline(), Ok(dec!(6)), "(21 + 3) ÷ 4");
    assert!(matches!(s, SurveyScore::Ces { margin: Err(crate::MetricError::Undefined(Undefined::TooFewAnswers { have: 4, .. })), .. }));
    assert_eq!(survey_score(Scale::ZeroToTen, &Distribution::default()).headline(), Err(Undefined::NoAnswers.into()));
}

#[test]
fn share_margin_table() {
    let table = [
        ((0, 0), Err(Undefined::NoAnswers.into())),
        ((5, 4), Err(Undefined::Unreachable.into())),
        ((10, 29), Err(Undefined::TooFewAnswers { have: 29, need: 30 }.into())),
    ];
    for ((k, n), expected) in table {
        assert_eq!(share_margin(k, n), expected, "{k} of {n}");
    }
    assert_eq!(share_margin(30, 30).map(|m| m.value), Ok(0.0), "no variance");
    let half = share_margin(50, 100).unwrap();
    assert!((half.value - 9.8).abs() < 1e-9 && half.interval() == (40.2, 59.8));
}

#[test]
fn transactions() {
    let csv = "customer,date,amount\na,2024-01-05,10\nb,2024-01-09,30\na,2024-02-02,20\nc,2024-02-10,5\n";
    let DatasetReport::Transactions(t) = ingest(csv.as_bytes(), &Options::default()).unwrap().data else { panic!() };
    assert_eq!(historical_clv(&t.overall), Ok(dec!(65) / dec!(3)));
    let c = purchase_cohorts(&t.overall.cohorts);
    assert_eq!(c.iter().map(|c| c.customers).collect::<Vec<_>>(), vec![2, 1]);
    assert_eq!(c[1].by_customers, vec![Ok(Percent(dec!(100)))]);
}
