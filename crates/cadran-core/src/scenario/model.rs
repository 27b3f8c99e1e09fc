//! The scenario model: a baseline, up to four named variants that override
//! some of its inputs, the list of inputs ([`Input`]) that sensitivity, goal
//! seek and the UI iterate over, and validation that reports **every** bad
//! field at once so the editor can mark them all.

pub use super::input::Input;
use crate::{Field, InputError, InputProblem, Percent};
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// Most variants a scenario may hold besides its baseline (the side-by-side
/// table and the charts stay readable with five columns).
pub const MAX_VARIANTS: usize = 4;

/// Longest projection, in months (ten years).
pub const MAX_HORIZON_MONTHS: u32 = 120;

/// The inputs of one scenario. Money is in the user's currency; every rate and
/// amount is **per month**.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Baseline {
    /// Customers at the start of month 1 (whole number).
    pub customers_start: Decimal,
    /// New customers won each month (may be fractional: an average).
    pub new_customers_per_month: Decimal,
    /// Share of the customers present at the start of a month who leave in
    /// that month, 0–100 %.
    pub monthly_churn: Percent,
    /// Average revenue per account per month, paid by a customer when they join.
    pub arpa: Decimal,
    /// Monthly growth of the revenue of retained customers (upsell, seats,
    /// price rises), −100 to 100 %; negative means contraction.
    pub monthly_expansion: Percent,
    /// Gross margin on revenue, 0–100 %.
    pub gross_margin: Percent,
    /// Cost of acquiring one new customer (CAC).
    pub cac: Decimal,
    /// Customer-success cost per month (team, tools).
    pub cs_cost_per_month: Decimal,
    /// Monthly discount rate used for the present value of profits, 0–100 %.
    pub monthly_discount_rate: Percent,
    /// Months projected, a whole number from 1 to [`MAX_HORIZON_MONTHS`].
    pub horizon_months: Decimal,
}

impl Default for Baseline {
    /// A typical small B2B SaaS: 1 000 customers paying 100 a month, 2 % monthly
    /// churn, 50 new customers a month.
    fn default() -> Self {
        Self {
            customers_start: Decimal::from(1000),
            new_customers_per_month: Decimal::from(50),
            monthly_churn: Percent(Decimal::from(2)),
            arpa: Decimal::from(100),
            monthly_expansion: Percent(Decimal::new(5, 1)),
            gross_margin: Percent(Decimal::from(80)),
            cac: Decimal::from(1200),
            cs_cost_per_month: Decimal::from(10000),
            monthly_discount_rate: Percent(Decimal::new(8, 1)),
            horizon_months: Decimal::from(36),
        }
    }
}

impl Baseline {
    /// Checks every input and returns **all** the problems, in [`Input::ALL`]
    /// order, so the editor can mark every bad field at once.
    ///
    /// # Errors
    /// One [`InputError`] per bad field.
    ///
    /// # Example
    /// ```
    /// use cadran_core::scenario::model::Baseline;
    /// use cadran_core::{Percent, Field};
    /// use rust_decimal_macros::dec;
    /// let b = Baseline { arpa: dec!(-1), monthly_churn: Percent(dec!(120)), ..Baseline::default() };
    /// let fields: Vec<Field> = b.validate().unwrap_err().into_iter().map(|e| e.field).collect();
    /// assert_eq!(fields, [Field("monthly_churn"), Field("arpa")]);
    /// ```
    pub fn validate(&self) -> Result<(), Vec<InputError>> {
        let errors: Vec<InputError> =
            Input::ALL.iter().filter_map(|i| i.check(i.get(self)).err()).collect();
        if errors.is_empty() {
            Ok(())
        } else {
            Err(errors)
        }
    }

    /// The horizon as a month count, once validated (0 if it is not a whole
    /// number in range, which validation reports).
    #[must_use]
    pub fn horizon(&self) -> u32 {
        if Input::HorizonMonths.check(self.horizon_months).is_err() {
            return 0;
        }
        self.horizon_months.to_u32().unwrap_or(0)
    }
}

/// The inputs a variant changes; `None` keeps the baseline's value.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
#[allow(missing_docs)] // one field per `Baseline` field, same meaning.
pub struct Overrides {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub customers_start: Option<Decimal>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub new_customers_per_month: Option<Decimal>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub monthly_churn: Option<Percent>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub arpa: Option<Decimal>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub monthly_expansion: Option<Percent>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub gross_margin: Option<Percent>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cac: Option<Decimal>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cs_cost_per_month: Option<Decimal>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub monthly_discount_rate: Option<Percent>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub horizon_months: Option<Decimal>,
}

impl Overrides {
    /// The baseline with these overrides applied.
    #[must_use]
    pub fn apply(&self, base: &Baseline) -> Baseline {
        let mut b = base.clone();
        for input in Input::ALL {
            if let Some(v) = input.get_override(self) {
                input.set(&mut b, v);
            }
        }
        b
    }
}

/// A named what-if: the baseline with some inputs changed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Variant {
    /// The user's name for it ("Churn −2 points").
    pub name: String,
    /// The inputs it changes.
    pub overrides: Overrides,
}

/// A baseline and up to [`MAX_VARIANTS`] variants, compared side by side.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Scenario {
    /// The current situation.
    pub baseline: Baseline,
    /// The what-ifs.
    pub variants: Vec<Variant>,
}

/// Which scenario of a [`Scenario`] an output or a change refers to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Subject {
    /// The baseline itself.
    Baseline,
    /// The variant at this index of [`Scenario::variants`].
    Variant(usize),
}

/// An input error located in a scenario: in the baseline (`variant: None`) or
/// in the overrides of one variant.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScenarioError {
    /// Index of the variant whose override is wrong; `None` for the baseline
    /// and for the scenario as a whole (too many variants).
    pub variant: Option<usize>,
    /// The field and its problem.
    pub error: InputError,
}

impl Scenario {
    /// The inputs of `subject`: the baseline, or the baseline with the
    /// variant's overrides; `None` if there is no such variant.
    #[must_use]
    pub fn inputs(&self, subject: Subject) -> Option<Baseline> {
        match subject {
            Subject::Baseline => Some(self.baseline.clone()),
            Subject::Variant(i) => self.variants.get(i).map(|v| v.overrides.apply(&self.baseline)),
        }
    }

    /// A copy with `input` of `subject` set to `value`: in the baseline, or as
    /// an override of the variant. `None` if there is no such variant.
    #[must_use]
    pub fn with(&self, subject: Subject, input: Input, value: Decimal) -> Option<Scenario> {
        let mut s = self.clone();
        match subject {
            Subject::Baseline => input.set(&mut s.baseline, value),
            Subject::Variant(i) => input.set_override(&mut s.variants.get_mut(i)?.overrides, Some(value)),
        }
        Some(s)
    }

    /// Checks the baseline, every override of every variant, and the number
    /// of variants; returns **all** the problems.
    ///
    /// # Errors
    /// Every problem found, located by variant.
    ///
    /// # Example
    /// ```
    /// use cadran_core::scenario::model::{Scenario, Variant, Overrides};
    /// use cadran_core::Percent;
    /// use rust_decimal_macros::dec;
    /// let mut s = Scenario::default();
    /// s.variants.push(Variant { name: "bad".into(), overrides: Overrides {
    ///     monthly_churn: Some(Percent(dec!(-1))), ..Overrides::default() } });
    /// let errors = s.validate().unwrap_err();
    /// assert_eq!(errors[0].variant, Some(0));
    /// assert_eq!(errors[0].error.field.0, "monthly_churn");
    /// ```
    pub fn validate(&self) -> Result<(), Vec<ScenarioError>> {
        let mut errors: Vec<ScenarioError> = Vec::new();
        if let Err(e) = self.baseline.validate() {
            errors.extend(e.into_iter().map(|error| ScenarioError { variant: None, error }));
        }
        if self.variants.len() > MAX_VARIANTS {
            errors.push(ScenarioError {
                variant: None,
                error: InputError::new(
                    Field("variants"),
                    InputProblem::OutOfRange { min: Decimal::ZERO, max: Decimal::from(MAX_VARIANTS) },
                ),
            });
        }
        for (i, v) in self.variants.iter().enumerate() {
            for input in Input::ALL {
                if let Some(value) = input.get_override(&v.overrides) {
                    if let Err(error) = input.check(value) {
                        errors.push(ScenarioError { variant: Some(i), error });
                    }
                }
            }
        }
        if errors.is_empty() {
            Ok(())
        } else {
            Err(errors)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn default_is_valid() {
        assert_eq!(Baseline::default().validate(), Ok(()));
        assert_eq!(Scenario::default().validate(), Ok(()));
        assert_eq!(Baseline::default().horizon(), 36);
    }

    #[test]
    fn get_with_round_trip_every_input() {
        for input in Input::ALL {
            let b = input.with(&Baseline::default(), dec!(7));
            assert_eq!(input.get(&b), dec!(7), "input {input:?}");
            let mut o = Overrides::default();
            input.set_override(&mut o, Some(dec!(3)));
            assert_eq!(input.get(&o.apply(&b)), dec!(3), "override of {input:?}");
        }
    }

    #[test]
    fn validation_reports_every_field() {
        let table: Vec<(Input, Decimal, InputProblem)> = vec![
            (Input::CustomersStart, dec!(1.5), InputProblem::NotWhole),
            (Input::CustomersStart, dec!(-1), InputProblem::Negative),
            (Input::NewCustomersPerMonth, dec!(-0.1), InputProblem::Negative),
            (Input::MonthlyChurn, dec!(101), InputProblem::OutOfRange { min: dec!(0), max: dec!(100) }),
            (Input::MonthlyExpansion, dec!(-101), InputProblem::OutOfRange { min: dec!(-100), max: dec!(100) }),
            (Input::HorizonMonths, dec!(0), InputProblem::OutOfRange { min: dec!(1), max: dec!(120) }),
            (Input::HorizonMonths, dec!(121), InputProblem::OutOfRange { min: dec!(1), max: dec!(120) }),
            (Input::HorizonMonths, dec!(12.5), InputProblem::NotWhole),
        ];
        for (input, value, problem) in table {
            let b = input.with(&Baseline::default(), value);
            assert_eq!(
                b.validate(),
                Err(vec![InputError::new(input.field(), problem)]),
                "{input:?} = {value}"
            );
        }
        let all_bad = Baseline {
            customers_start: dec!(-1),
            arpa: dec!(-1),
            cac: dec!(-1),
            ..Baseline::default()
        };
        assert_eq!(all_bad.validate().unwrap_err().len(), 3);
    }

    #[test]
    fn too_many_variants() {
        let s = Scenario { variants: vec![Variant::default(); 5], ..Scenario::default() };
        let e = s.validate().unwrap_err();
        assert_eq!(e.len(), 1);
        assert_eq!(e[0].error.field, Field("variants"));
    }
}
