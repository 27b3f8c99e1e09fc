//! Value for customers: do they feel they get more than they give?
//!
//! The method of the brief's fourth document, one concept per file:
//! * [`driver`]: value drivers in four dimensions (Smith & Colgate 2007),
//!   rating scales, validation naming the row and field;
//! * [`grid`]: importance–performance analysis (Martilla & James 1977), its
//!   crosshairs and the diagonal iso-priority reading (Slack 1994);
//! * [`gap`]: potential gain per driver and the competitive value gap;
//! * [`value_map`](mod@value_map): Gale's (1994) customer value map, relative quality vs
//!   relative price and the fair-value line;
//! * [`linalg`]: the Jacobi eigen solver and R² from a correlation matrix;
//! * [`derived`]: derived importance from survey answers (correlation,
//!   relative weights) and [`shapley`]: Shapley value regression;
//! * [`stated`]: stated importance set beside the derived one;
//! * [`survey`]: reading a driver survey from CSV text, unreadable cells named;
//! * [`priority`]: the second round, feasibility and cost → ranked actions;
//! * [`link`]: "use in scenarios", a driver improvement as a variant through
//!   an assumed link to churn;
//! * [`rox`]: return on experience;
//! * [`report`](mod@report): everything the page shows, from one input struct.
//!
//! Ratings, weights and scores are statistics (`f64`, their types say so);
//! prices and money are exact ([`rust_decimal::Decimal`]).

pub mod derived;
pub mod driver;
pub mod gap;
pub mod grid;
pub mod linalg;
pub mod link;
pub mod priority;
pub mod report;
pub mod rox;
pub mod shapley;
pub mod stated;
pub mod survey;
pub mod value_map;

pub use derived::{
    derived_importance, pearson, relative_weights, CellError, CellProblem, DerivedDriver, DerivedImportance,
    DerivedNote, SurveyColumn, SurveyRow,
};
pub use driver::{
    validate_drivers, Dimension, Driver, DriverError, DriverField, DriverProblem, Scale, Scales, ValueError,
    ValueOutcome,
};
pub use gap::{competitive_gaps, potential_gain, weighted_gap, CompetitiveGap, DriverGap};
pub use link::{driver_variant, DriverLink};
pub use grid::{bunched_at_top, importance_performance, BUNCHED_SHARE, priority_gap, quadrant, Crosshairs, IpaGrid, IpaPoint, Quadrant};
pub use priority::{action_score, rank_actions, Action, Improvement};
pub use report::{report, ValueInputs, ValueReport};
pub use rox::{return_on_experience, Rox, RoxInputs};
pub use shapley::{shapley_values, SHAPLEY_MAX};
pub use stated::stated_shares;
pub use survey::{file_column, read_survey, SurveyColumnName, SurveyFileError, SurveyTable, UnreadableCell};
pub use value_map::{quality_score, value_map, value_side, CompanyValue, Competitor, ValueMapInputs, ValueSide};
