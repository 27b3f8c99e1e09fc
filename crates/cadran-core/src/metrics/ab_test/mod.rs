//! A/B tests: did version B (the variant) really do better than version A
//! (the control), and how long must a test run?
//!
//! One concept per file:
//! * [`input`]: confidence level, one- or two-sided, validated visitor counts;
//! * [`interval`]: an estimate with its confidence interval (statistic: `f64`);
//! * [`verdict`]: what the UI says in words;
//! * [`conversion`]: two proportions — the N−1 chi-square test, Fisher's exact
//!   test for small expected counts, intervals on the lift;
//! * [`bayes`]: P(B > A) and the expected loss of choosing B, exact sums;
//! * [`plan`]: visitors per version and days to run;
//! * [`sequential`]: Evan Miller's simple sequential rule for those who peek;
//! * [`revenue`]: revenue per visitor, Welch's t-test;
//! * [`srm`]: sample-ratio mismatch, χ² goodness of fit;
//! * [`money`]: from lift to money (customers, MRR, CLV a month);
//! * [`report`]: everything the card shows, from one input struct.
//!
//! Counts and money are exact (`u64`, [`rust_decimal::Decimal`]); every
//! probability, test statistic and interval is an `f64` and its type says so.
//! The distributions come from [`crate::stats`].

pub mod bayes;
pub mod conversion;
pub mod input;
pub mod interval;
pub mod money;
pub mod plan;
pub mod report;
pub mod revenue;
pub mod sequential;
pub mod srm;
pub mod verdict;

pub use bayes::{bayesian_reading, BayesMethod, BayesianStat, EXACT_MAX_TERMS};
pub use conversion::{conversion_test, ConversionInputs, ConversionTest, TestUsed, FISHER_BELOW_EXPECTED};
pub use input::{Confidence, Group, Sides, MAX_COUNT};
pub use interval::IntervalStat;
pub use money::{lift_interval_to_money, lift_to_money, LiftMoney, LiftMoneyRange, MoneyInputs, BOUND_DECIMALS};
pub use report::{report, AbInputs, AbReport, AbVerdict, RevenuePair};
pub use plan::{plan_test, Mde, PlanInputs, TestPlan};
pub use revenue::{revenue_summary, welch_test, RevenueGroup, RevenueInputs, WelchStat};
pub use sequential::{sequential_decision, winning_lead, SequentialDecision};
pub use srm::{sample_ratio_mismatch, SrmStat, SRM_ALPHA};
pub use verdict::Verdict;
