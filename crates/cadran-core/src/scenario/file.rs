//! The scenario file a consultant exports and imports: a versioned envelope
//! around a [`Scenario`], so that a foreign or future file is recognised and
//! refused instead of half-read.
//!
//! The core has no JSON dependency: these are the serde structs and their
//! validation; the app turns them into JSON (`serde_json`) and back.

use super::model::{Scenario, ScenarioError};
use crate::{Field, InputError, InputProblem};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// The `schema` every Cadran scenario file carries.
pub const SCHEMA: &str = "cadran.scenario";

/// The file format version this build writes and reads.
pub const VERSION: u32 = 1;

/// A scenario file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScenarioFile {
    /// Always [`SCHEMA`]; anything else is a foreign file.
    pub schema: String,
    /// Always [`VERSION`] for now; a later version is refused, not guessed.
    pub version: u32,
    /// A free title for the report ("Acme — retention plan").
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub title: String,
    /// When it was saved, as the app's ISO 8601 text (informative only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub saved_at: Option<String>,
    /// The baseline and its variants.
    pub scenario: Scenario,
}

impl ScenarioFile {
    /// Wraps a scenario in a current-version envelope.
    ///
    /// # Example
    /// ```
    /// use cadran_core::scenario::{file::{ScenarioFile, validate_file, SCHEMA}, model::Scenario};
    /// let f = ScenarioFile::new(Scenario::default());
    /// assert_eq!(f.schema, SCHEMA);
    /// assert_eq!(validate_file(&f), Ok(()));
    /// ```
    #[must_use]
    pub fn new(scenario: Scenario) -> Self {
        Self { schema: SCHEMA.to_owned(), version: VERSION, title: String::new(), saved_at: None, scenario }
    }
}

/// Longest accepted title or variant name, in characters (keeps a hostile
/// file from filling the screen or the URL).
pub const MAX_NAME_CHARS: usize = 200;

/// Checks everything in a file: schema, version, title length and every
/// input of the scenario. Import should change nothing unless this is `Ok`.
///
/// # Errors
/// Every problem: field `schema` ([`InputProblem::Unrecognised`]), `version`
/// (out of range 1–1), `title` or `name` ([`InputProblem::TooLarge`]), and the
/// scenario's own [`ScenarioError`]s.
///
/// # Example
/// ```
/// use cadran_core::scenario::{file::{ScenarioFile, validate_file}, model::Scenario};
/// let mut f = ScenarioFile::new(Scenario::default());
/// f.schema = "someone.else".into();
/// f.version = 2;
/// let fields: Vec<_> = validate_file(&f).unwrap_err().iter().map(|e| e.error.field.0).collect();
/// assert_eq!(fields, ["schema", "version"]);
/// ```
pub fn validate_file(f: &ScenarioFile) -> Result<(), Vec<ScenarioError>> {
    let mut errors = Vec::new();
    let whole = |error| ScenarioError { variant: None, error };
    if f.schema != SCHEMA {
        errors.push(whole(InputError::new(Field("schema"), InputProblem::Unrecognised)));
    }
    if f.version != VERSION {
        let v = Decimal::from(VERSION);
        errors.push(whole(InputError::new(Field("version"), InputProblem::OutOfRange { min: v, max: v })));
    }
    if f.title.chars().count() > MAX_NAME_CHARS {
        errors.push(whole(InputError::new(Field("title"), InputProblem::TooLarge)));
    }
    for (i, v) in f.scenario.variants.iter().enumerate() {
        if v.name.chars().count() > MAX_NAME_CHARS {
            errors.push(ScenarioError { variant: Some(i), error: InputError::new(Field("name"), InputProblem::TooLarge) });
        }
    }
    if let Err(e) = f.scenario.validate() {
        errors.extend(e);
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(errors)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::model::{Baseline, Variant};
    use crate::Percent;
    use rust_decimal_macros::dec;

    #[test]
    fn every_problem_is_reported() {
        let mut f = ScenarioFile::new(Scenario {
            baseline: Baseline { monthly_churn: Percent(dec!(-3)), ..Baseline::default() },
            variants: vec![Variant { name: "x".repeat(MAX_NAME_CHARS + 1), ..Variant::default() }],
        });
        f.title = "t".repeat(MAX_NAME_CHARS + 1);
        f.version = 0;
        let errors = validate_file(&f).unwrap_err();
        let got: Vec<(Option<usize>, &str)> = errors.iter().map(|e| (e.variant, e.error.field.0)).collect();
        assert_eq!(got, [(None, "version"), (None, "title"), (Some(0), "name"), (None, "monthly_churn")]);
    }
}
