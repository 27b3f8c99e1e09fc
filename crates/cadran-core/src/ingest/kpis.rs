//! An import's aggregates turned into KPI values, by calling the formulas of
//! [`crate::metrics`] on them: the results page only formats what comes back.
//!
//! Why a separate step: the ingestion keeps raw counts and exact sums (so that
//! a segment or a month can be recombined without rereading the file); the
//! KPIs are computed from those counts here, month by month, cohort by cohort,
//! with the same functions the KPI cards use, so a number on the results page
//! and the same number typed into a card always agree.

use super::date::YearMonth;
use super::subscriptions::SubscriptionStats;
use super::survey::{Distribution, Scale};
use super::transactions::{PurchaseCohort, TransactionStats};
use crate::arith;
use crate::metrics::arpa::{average_revenue, Per};
use crate::metrics::ces::{ces, Ces, CesInputs};
use crate::metrics::csat::{csat, Csat, CsatInputs};
use crate::metrics::mrr::{compute_mrr, MrrMovements, MrrReport};
use crate::metrics::nps::{margin_of_error, nps, MarginOfError, Nps, NpsCounts, MIN_ANSWERS_FOR_MARGIN};
use crate::metrics::retention::{churn_rate, retention_rate, Churn, ChurnInputs, Retention, RetentionInputs};
use crate::scenario::input::Input;
use crate::{Outcome, Percent, Undefined};
use rust_decimal::Decimal;

/// z-value of a two-sided 95 % confidence interval under the normal law.
const Z_95: f64 = 1.96;

/// The score of a set of survey answers, on the survey's scale.
#[derive(Debug, Clone, PartialEq)]
pub enum SurveyScore {
    /// 0–10 answers: NPS and its margin of error.
    Nps {
        /// See [`nps`].
        score: Outcome<Nps>,
        /// See [`margin_of_error`].
        margin: Outcome<MarginOfError>,
    },
    /// 1–5 answers: CSAT (satisfied = 4 or 5) and the margin of its share.
    Csat {
        /// See [`csat`].
        score: Outcome<Csat>,
        /// See [`share_margin`].
        margin: Outcome<ShareMargin>,
    },
    /// 1–7 answers: CES (mean score; easy = 5 or more) and the margin of the easy share.
    Ces {
        /// See [`ces`].
        score: Outcome<Ces>,
        /// See [`share_margin`].
        margin: Outcome<ShareMargin>,
    },
}

impl SurveyScore {
    /// The headline number: NPS in points, CSAT in percent, CES mean score.
    ///
    /// # Errors
    /// The formula's reason when it is undefined (no answers…).
    pub fn headline(&self) -> Outcome<Decimal> {
        match self {
            SurveyScore::Nps { score, .. } => score.as_ref().map(|n| n.nps).map_err(Clone::clone),
            SurveyScore::Csat { score, .. } => score.as_ref().map(|c| c.csat.0).map_err(Clone::clone),
            SurveyScore::Ces { score, .. } => score.as_ref().map(|c| c.mean_score).map_err(Clone::clone),
        }
    }
}

/// Scores a distribution of answers on its scale, with the card defaults
/// (CSAT: 4 and 5 of 5 are satisfied; CES: 5 to 7 of 7 are easy).
///
/// **Definition.** See [`nps`], [`csat`] and [`ces`]; the distribution's
/// `counts[s]` are the answers of score `s`.
///
/// # Example
/// ```
/// use cadran_core::ingest::kpis::{survey_score, SurveyScore};
/// use cadran_core::ingest::survey::{Distribution, Scale};
/// use rust_decimal_macros::dec;
/// // 2 detractors (3, 6), 1 passive (8), 3 promoters (9, 10, 10).
/// let d = Distribution { counts: [0, 0, 0, 1, 0, 0, 1, 0, 1, 1, 2] };
/// assert_eq!(survey_score(Scale::ZeroToTen, &d).headline(), Ok(dec!(16.666666666666666666666666670)));
/// ```
#[must_use]
pub fn survey_score(scale: Scale, d: &Distribution) -> SurveyScore {
    let (lo, hi) = scale.bounds();
    let counts: Vec<u64> = d.counts.get(usize::from(lo)..=usize::from(hi)).map(<[u64]>::to_vec).unwrap_or_default();
    match scale {
        Scale::ZeroToTen => match NpsCounts::from_distribution(&d.counts) {
            Ok(c) => SurveyScore::Nps { score: nps(&c), margin: margin_of_error(&c) },
            Err(e) => SurveyScore::Nps { score: Err(e.clone()), margin: Err(e) },
        },
        Scale::OneToFive => {
            let score = csat(&CsatInputs { counts, ..CsatInputs::default() });
            let margin = score.as_ref().map_err(Clone::clone).and_then(|c| share_margin(c.satisfied, c.answers));
            SurveyScore::Csat { score, margin }
        }
        Scale::OneToSeven => {
            let score = ces(&CesInputs { counts, ..CesInputs::default() });
            let margin = score.as_ref().map_err(Clone::clone).and_then(|c| share_margin(c.easy_answers, c.answers));
            SurveyScore::Ces { score, margin }
        }
    }
}

/// The 95 % margin of error of a share (CSAT, share of easy answers), in
/// percentage points. **Approximate**: floating point, normal approximation;
/// show it rounded.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ShareMargin {
    /// Half-width of the 95 % interval, in points (share ± this).
    pub value: f64,
    /// The share, in percent.
    pub share: f64,
    /// Number of answers.
    pub answers: u64,
}

impl ShareMargin {
    /// The 95 % interval `(low, high)`, clipped to [0, 100].
    #[must_use]
    pub fn interval(&self) -> (f64, f64) {
        ((self.share - self.value).max(0.0), (self.share + self.value).min(100.0))
    }
}

/// Margin of error of a share at 95 % confidence.
///
/// **Definition.** With `k` of `n` answers in the share, p = k ÷ n, the
/// margin is 1.96 × √(p (1 − p) ÷ n) × 100 points (the Wald interval of a
/// binomial proportion). [`Undefined::NoAnswers`] with no answers;
/// [`Undefined::TooFewAnswers`] below 30 answers, for the same reason as the
/// NPS ([`MIN_ANSWERS_FOR_MARGIN`]).
///
/// **Source.** Agresti, A. & Coull, B. A. (1998), "Approximate Is Better than
/// 'Exact' for Interval Estimation of Binomial Proportions", *The American
/// Statistician* 52(2) (the Wald interval and when it is adequate).
///
/// # Example
/// ```
/// use cadran_core::ingest::kpis::share_margin;
/// // 80 satisfied of 100: √(0.8 × 0.2 ÷ 100) = 0.04 → ± 7.84 points.
/// let m = share_margin(80, 100).unwrap();
/// assert!((m.value - 7.84).abs() < 1e-9);
/// ```
///
/// # Errors
/// As above; `k > n` is reported as [`Undefined::Unreachable`].
pub fn share_margin(k: u64, n: u64) -> Outcome<ShareMargin> {
    if n == 0 {
        return Err(Undefined::NoAnswers.into());
    }
    if k > n {
        return Err(Undefined::Unreachable.into());
    }
    if n < MIN_ANSWERS_FOR_MARGIN {
        return Err(Undefined::TooFewAnswers { have: n, need: MIN_ANSWERS_FOR_MARGIN }.into());
    }
    // Counts far below 2⁵³: exact enough for an approximation.
    #[allow(clippy::cast_precision_loss)]
    let (p, nf) = (k as f64 / n as f64, n as f64);
    Ok(ShareMargin { value: Z_95 * (p * (1.0 - p) / nf).sqrt() * 100.0, share: p * 100.0, answers: n })
}

/// One month of a subscriptions import, as KPIs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SubsMonth {
    /// The month.
    pub month: YearMonth,
    /// Customers active at its end.
    pub active: u64,
    /// MRR at its end (exact).
    pub mrr: Decimal,
    /// Customers active for the first time.
    pub new: u64,
    /// Customers coming back.
    pub reactivated: u64,
    /// Customers lost.
    pub churned: u64,
    /// Customer churn: lost ÷ active at the end of the previous month ([`churn_rate`]).
    pub churn: Outcome<Churn>,
    /// Customer retention: (end − new − reactivated) ÷ start ([`retention_rate`]).
    pub retention: Outcome<Retention>,
    /// ARPA = MRR ÷ active customers ([`average_revenue`]).
    pub arpa: Outcome<Decimal>,
    /// The month's MRR movements, starting from the previous month's MRR.
    pub movements: MrrMovements,
    /// GRR, NRR and the waterfall of the month ([`compute_mrr`]).
    pub mrr_report: MrrReport,
}

/// Every month of a subscriptions import as KPIs.
///
/// **Definition.** Month `i` starts with the customers and MRR at the end of
/// month `i − 1` (none before the first month, so its rates are undefined).
/// Churn = lost ÷ start; retention = (end − new − reactivated) ÷ start, so
/// retention + churn = 100 %; ARPA = MRR ÷ active; GRR and NRR from the
/// month's movements. Sources: see each formula.
///
/// # Example
/// ```
/// use cadran_core::ingest::{ingest, kpis::subscription_months, DatasetReport, Options};
/// use cadran_core::Percent;
/// use rust_decimal_macros::dec;
/// let csv = "customer,start,end,mrr\na,2024-01-05,,10\nb,2024-01-09,2024-02-20,30\n";
/// let DatasetReport::Subscriptions(s) = ingest(csv.as_bytes(), &Options::default()).unwrap().data else { panic!() };
/// let months = subscription_months(&s.overall);
/// assert_eq!(months[1].churn.as_ref().map(|c| c.rate), Ok(Percent(dec!(50))));
/// assert_eq!(months[1].mrr_report.net_revenue_retention, Ok(Percent(dec!(25)))); // 10 ÷ 40
/// assert_eq!(months[1].arpa, Ok(dec!(10)));
/// ```
#[must_use]
pub fn subscription_months(s: &SubscriptionStats) -> Vec<SubsMonth> {
    let at = |v: &[u64], i: usize| v.get(i).copied().unwrap_or(0);
    (0..s.mrr.len().min(s.active_customers.len()))
        .map(|i| {
            let active = at(&s.active_customers, i);
            let mrr = s.mrr.get(i).copied().unwrap_or_default();
            let start = i.checked_sub(1).map_or(0, |p| at(&s.active_customers, p));
            let start_mrr = i.checked_sub(1).and_then(|p| s.mrr.get(p)).copied().unwrap_or_default();
            let (new, reactivated, churned) = (at(&s.new_customers, i), at(&s.reactivated_customers, i), at(&s.churned_customers, i));
            let m = s.movements.get(i).cloned().unwrap_or_default();
            let movements = MrrMovements {
                start_mrr,
                new_mrr: m.new,
                expansion_mrr: m.expansion,
                reactivation_mrr: m.reactivation,
                contraction_mrr: m.contraction,
                churned_mrr: m.churn,
            };
            SubsMonth {
                month: YearMonth(s.first_month.0.saturating_add(i32::try_from(i).unwrap_or(i32::MAX))),
                active,
                mrr,
                new,
                reactivated,
                churned,
                churn: churn_rate(&ChurnInputs { customers_start: start.into(), customers_lost: churned.into() }),
                retention: retention_rate(&RetentionInputs {
                    customers_start: start.into(),
                    customers_end: active.into(),
                    new_customers: Decimal::from(new) + Decimal::from(reactivated),
                }),
                arpa: average_revenue(mrr, active.into(), Per::Account).map(|a| a.average),
                mrr_report: compute_mrr(&movements),
                movements,
            }
        })
        .collect()
}

/// One row of a retention heatmap: a cohort and its share still there, month
/// after month.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CohortRetention {
    /// The cohort's first month.
    pub month: YearMonth,
    /// Customers in the cohort.
    pub customers: u64,
    /// `by_customers[k]`: cohort customers active (or buying) in month `k` ÷ cohort customers.
    pub by_customers: Vec<Outcome<Percent>>,
    /// `by_revenue[k]`: the cohort's MRR (or revenue) in month `k` ÷ its month-0 MRR
    /// (above 100 % when expansion outweighs losses).
    pub by_revenue: Vec<Outcome<Percent>>,
}

fn shares(values: &[Decimal], whole: Decimal, when_zero: Undefined) -> Vec<Outcome<Percent>> {
    values.iter().map(|v| arith::percent_of(*v, whole, when_zero)).collect()
}

/// The monthly cohort retention table of a subscriptions import.
///
/// **Definition.** Customers are grouped by the month they first became
/// active. Customer retention of cohort c in month k = its customers active at
/// the end of month c + k ÷ its customers; revenue retention = its MRR then ÷
/// its MRR at the end of month c.
///
/// **Source.** Baremetrics, *Cohort Analysis*; ChartMogul, *Cohort analysis:
/// customer and MRR retention* (2019–2023).
///
/// # Example
/// ```
/// use cadran_core::ingest::{ingest, kpis::subscription_cohorts, DatasetReport, Options};
/// use cadran_core::Percent;
/// use rust_decimal_macros::dec;
/// let csv = "customer,start,end,mrr\na,2024-01-05,,10\nb,2024-01-09,2024-02-20,30\n";
/// let DatasetReport::Subscriptions(s) = ingest(csv.as_bytes(), &Options::default()).unwrap().data else { panic!() };
/// let c = subscription_cohorts(&s.overall);
/// assert_eq!(c[0].by_customers, vec![Ok(Percent(dec!(100))), Ok(Percent(dec!(50)))]);
/// assert_eq!(c[0].by_revenue[1], Ok(Percent(dec!(25))));
/// ```
#[must_use]
pub fn subscription_cohorts(s: &SubscriptionStats) -> Vec<CohortRetention> {
    s.cohorts
        .iter()
        .filter(|c| c.customers > 0)
        .map(|c| {
            let active: Vec<Decimal> = c.active.iter().map(|a| Decimal::from(*a)).collect();
            CohortRetention {
                month: c.month,
                customers: c.customers,
                by_customers: shares(&active, c.customers.into(), Undefined::NoCustomers),
                by_revenue: shares(&c.mrr, c.mrr.first().copied().unwrap_or_default(), Undefined::ZeroRevenue),
            }
        })
        .collect()
}

/// The cohorts of a transactions import by first purchase month: share of the
/// cohort buying again, and revenue against the first month's.
///
/// **Definition.** As [`subscription_cohorts`], with "bought in month c + k"
/// for "active" and the month's revenue for MRR.
///
/// # Example
/// ```
/// use cadran_core::ingest::{ingest, kpis::purchase_cohorts, DatasetReport, Options};
/// use cadran_core::Percent;
/// use rust_decimal_macros::dec;
/// let csv = "customer,date,amount\na,2024-01-05,10\nb,2024-01-09,30\na,2024-02-02,20\n";
/// let DatasetReport::Transactions(t) = ingest(csv.as_bytes(), &Options::default()).unwrap().data else { panic!() };
/// let c = purchase_cohorts(&t.overall.cohorts);
/// assert_eq!(c[0].by_customers[1], Ok(Percent(dec!(50))));
/// assert_eq!(c[0].by_revenue[1], Ok(Percent(dec!(50)))); // 20 ÷ 40
/// ```
#[must_use]
pub fn purchase_cohorts(cohorts: &[PurchaseCohort]) -> Vec<CohortRetention> {
    cohorts
        .iter()
        .filter(|c| c.customers > 0)
        .map(|c| {
            let active: Vec<Decimal> = c.active.iter().map(|a| Decimal::from(*a)).collect();
            CohortRetention {
                month: c.month,
                customers: c.customers,
                by_customers: shares(&active, c.customers.into(), Undefined::NoCustomers),
                by_revenue: shares(&c.revenue, c.revenue.first().copied().unwrap_or_default(), Undefined::ZeroRevenue),
            }
        })
        .collect()
}

/// Historical customer lifetime value: what the average customer has spent so far.
///
/// **Definition.** Historical CLV = total revenue ÷ distinct customers (the
/// sum of each customer's past purchases, averaged). It looks backwards only:
/// no margin, churn or discounting (see the CLV card for the predictive one).
///
/// **Source.** Kumar, V. & Reinartz, W. (2018), *Customer Relationship
/// Management*, 3rd ed., ch. 6 "historical customer value"; Shopify,
/// *Customer lifetime value* (historic CLV).
///
/// # Example
/// ```
/// use cadran_core::ingest::{ingest, kpis::historical_clv, DatasetReport, Options};
/// use rust_decimal_macros::dec;
/// let csv = "customer,date,amount\na,2024-01-05,10\nb,2024-01-09,30\na,2024-02-02,20\n";
/// let DatasetReport::Transactions(t) = ingest(csv.as_bytes(), &Options::default()).unwrap().data else { panic!() };
/// assert_eq!(historical_clv(&t.overall), Ok(dec!(30))); // 60 ÷ 2
/// ```
///
/// # Errors
/// [`Undefined::NoCustomers`] without customers.
pub fn historical_clv(t: &TransactionStats) -> Outcome<Decimal> {
    arith::div(t.revenue, Decimal::from(t.customers), Undefined::NoCustomers)
}

/// Scenario baseline values taken from a subscriptions import, over its last
/// `window` months (at most), keyed by the scenario's inputs.
///
/// **Definition.** Customers at start = active customers at the end of the
/// last month; new customers per month = mean of the window's new customers;
/// monthly churn = Σ lost ÷ Σ customers at the start of each month (a pooled
/// average, so quiet months weigh less); ARPA = the last month's; monthly
/// expansion = (Σ expansion − Σ contraction) ÷ Σ starting MRR. Rates and
/// amounts are rounded to 2 decimals, as a person would type them. A value
/// whose formula is undefined (no customer at the start…) is left out.
///
/// # Example
/// ```
/// use cadran_core::ingest::{ingest, kpis::scenario_baseline, DatasetReport, Options};
/// use cadran_core::scenario::input::Input;
/// use rust_decimal_macros::dec;
/// let csv = "customer,start,end,mrr\na,2024-01-05,,10\nb,2024-01-09,2024-02-20,30\nc,2024-02-01,,20\n";
/// let DatasetReport::Subscriptions(s) = ingest(csv.as_bytes(), &Options::default()).unwrap().data else { panic!() };
/// let b = scenario_baseline(&s.overall, 12);
/// assert!(b.contains(&(Input::MonthlyChurn, dec!(50))));   // 1 lost of 2 at the start of February
/// assert!(b.contains(&(Input::CustomersStart, dec!(2))));  // a and c
/// assert!(b.contains(&(Input::Arpa, dec!(15))));           // 30 ÷ 2
/// ```
#[must_use]
pub fn scenario_baseline(s: &SubscriptionStats, window: usize) -> Vec<(Input, Decimal)> {
    let months = subscription_months(s);
    let Some(last) = months.last() else { return Vec::new() };
    let from = months.len().saturating_sub(window.max(1)).max(1);
    let w = months.get(from..).unwrap_or(&[]);
    let two = |d: Decimal| d.round_dp(2).normalize();
    let mut out = vec![(Input::CustomersStart, Decimal::from(last.active))];
    let n = Decimal::from(w.len() as u64);
    let total = |f: &dyn Fn(&SubsMonth) -> Decimal| -> Outcome<Decimal> { arith::sum(w.iter().map(f)) };
    if let Ok(v) = total(&|m| Decimal::from(m.new)).and_then(|t| arith::div(t, n, Undefined::NoCustomers)) {
        out.push((Input::NewCustomersPerMonth, two(v)));
    }
    let starts = total(&|m| m.churn.as_ref().map_or(Decimal::ZERO, |c| c.customers_start));
    let lost = total(&|m| Decimal::from(m.churned));
    if let (Ok(s), Ok(l)) = (starts, lost) {
        if let Ok(c) = churn_rate(&ChurnInputs { customers_start: s, customers_lost: l }) {
            out.push((Input::MonthlyChurn, two(c.rate.0)));
        }
    }
    if let Ok(a) = &last.arpa {
        out.push((Input::Arpa, two(*a)));
    }
    let net = total(&|m| m.movements.expansion_mrr - m.movements.contraction_mrr);
    let base = total(&|m| m.movements.start_mrr);
    if let Ok(p) = net.and_then(|x| base.and_then(|b| arith::percent_of(x, b, Undefined::ZeroRevenue))) {
        out.push((Input::MonthlyExpansion, two(p.0)));
    }
    out
}

/// Whether an outcome is a value, for charts that skip undefined points.
#[must_use]
pub fn defined<T: Clone>(o: &Outcome<T>) -> Option<T> {
    o.as_ref().ok().cloned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::{ingest, DatasetReport, Options};
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
}
