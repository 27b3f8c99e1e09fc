//! The list of a scenario's inputs, so that sensitivity analysis, goal seek,
//! the share link and the editor loop over the same names, read and write
//! them the same way, and check them with the same rules.

use super::model::{Baseline, Overrides, MAX_HORIZON_MONTHS};
use crate::arith;
use crate::{Field, InputError, Percent};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// Every input of a [`Baseline`], so that sensitivity analysis, goal seek and
/// the editor can loop over them and name them the same way.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Input {
    /// [`Baseline::customers_start`].
    CustomersStart,
    /// [`Baseline::new_customers_per_month`].
    NewCustomersPerMonth,
    /// [`Baseline::monthly_churn`] (value in percent).
    MonthlyChurn,
    /// [`Baseline::arpa`].
    Arpa,
    /// [`Baseline::monthly_expansion`] (value in percent).
    MonthlyExpansion,
    /// [`Baseline::gross_margin`] (value in percent).
    GrossMargin,
    /// [`Baseline::cac`].
    Cac,
    /// [`Baseline::cs_cost_per_month`].
    CsCostPerMonth,
    /// [`Baseline::monthly_discount_rate`] (value in percent).
    MonthlyDiscountRate,
    /// [`Baseline::horizon_months`].
    HorizonMonths,
}

impl Input {
    /// Every input, in the editor's order.
    pub const ALL: [Input; 10] = [
        Input::CustomersStart,
        Input::NewCustomersPerMonth,
        Input::MonthlyChurn,
        Input::Arpa,
        Input::MonthlyExpansion,
        Input::GrossMargin,
        Input::Cac,
        Input::CsCostPerMonth,
        Input::MonthlyDiscountRate,
        Input::HorizonMonths,
    ];

    /// The inputs that describe the business (all but the horizon, which is a
    /// choice of view, not a driver): the bars of a tornado chart.
    pub const DRIVERS: [Input; 9] = [
        Input::CustomersStart,
        Input::NewCustomersPerMonth,
        Input::MonthlyChurn,
        Input::Arpa,
        Input::MonthlyExpansion,
        Input::GrossMargin,
        Input::Cac,
        Input::CsCostPerMonth,
        Input::MonthlyDiscountRate,
    ];

    /// The field name used in [`InputError`]s and by the UI.
    #[must_use]
    pub const fn field(self) -> Field {
        Field(match self {
            Input::CustomersStart => "customers_start",
            Input::NewCustomersPerMonth => "new_customers_per_month",
            Input::MonthlyChurn => "monthly_churn",
            Input::Arpa => "arpa",
            Input::MonthlyExpansion => "monthly_expansion",
            Input::GrossMargin => "gross_margin",
            Input::Cac => "cac",
            Input::CsCostPerMonth => "cs_cost_per_month",
            Input::MonthlyDiscountRate => "monthly_discount_rate",
            Input::HorizonMonths => "horizon_months",
        })
    }

    /// Whether the value is a percentage (its `Decimal` is the number of percent).
    #[must_use]
    pub const fn is_percent(self) -> bool {
        matches!(
            self,
            Input::MonthlyChurn | Input::MonthlyExpansion | Input::GrossMargin | Input::MonthlyDiscountRate
        )
    }

    /// The input's value in `b` (percentages as their number of percent).
    #[must_use]
    pub fn get(self, b: &Baseline) -> Decimal {
        match self {
            Input::CustomersStart => b.customers_start,
            Input::NewCustomersPerMonth => b.new_customers_per_month,
            Input::MonthlyChurn => b.monthly_churn.0,
            Input::Arpa => b.arpa,
            Input::MonthlyExpansion => b.monthly_expansion.0,
            Input::GrossMargin => b.gross_margin.0,
            Input::Cac => b.cac,
            Input::CsCostPerMonth => b.cs_cost_per_month,
            Input::MonthlyDiscountRate => b.monthly_discount_rate.0,
            Input::HorizonMonths => b.horizon_months,
        }
    }

    /// A copy of `b` with this input set to `value` (not validated).
    #[must_use]
    pub fn with(self, b: &Baseline, value: Decimal) -> Baseline {
        let mut b = b.clone();
        self.set(&mut b, value);
        b
    }

    /// Sets this input to `value` in `b` (not validated).
    pub fn set(self, b: &mut Baseline, value: Decimal) {
        match self {
            Input::CustomersStart => b.customers_start = value,
            Input::NewCustomersPerMonth => b.new_customers_per_month = value,
            Input::MonthlyChurn => b.monthly_churn = Percent(value),
            Input::Arpa => b.arpa = value,
            Input::MonthlyExpansion => b.monthly_expansion = Percent(value),
            Input::GrossMargin => b.gross_margin = Percent(value),
            Input::Cac => b.cac = value,
            Input::CsCostPerMonth => b.cs_cost_per_month = value,
            Input::MonthlyDiscountRate => b.monthly_discount_rate = Percent(value),
            Input::HorizonMonths => b.horizon_months = value,
        }
    }

    /// The override of this input in `o`, if any.
    #[must_use]
    pub fn get_override(self, o: &Overrides) -> Option<Decimal> {
        match self {
            Input::CustomersStart => o.customers_start,
            Input::NewCustomersPerMonth => o.new_customers_per_month,
            Input::MonthlyChurn => o.monthly_churn.map(|p| p.0),
            Input::Arpa => o.arpa,
            Input::MonthlyExpansion => o.monthly_expansion.map(|p| p.0),
            Input::GrossMargin => o.gross_margin.map(|p| p.0),
            Input::Cac => o.cac,
            Input::CsCostPerMonth => o.cs_cost_per_month,
            Input::MonthlyDiscountRate => o.monthly_discount_rate.map(|p| p.0),
            Input::HorizonMonths => o.horizon_months,
        }
    }

    /// Sets (or, with `None`, removes) the override of this input in `o`.
    pub fn set_override(self, o: &mut Overrides, value: Option<Decimal>) {
        match self {
            Input::CustomersStart => o.customers_start = value,
            Input::NewCustomersPerMonth => o.new_customers_per_month = value,
            Input::MonthlyChurn => o.monthly_churn = value.map(Percent),
            Input::Arpa => o.arpa = value,
            Input::MonthlyExpansion => o.monthly_expansion = value.map(Percent),
            Input::GrossMargin => o.gross_margin = value.map(Percent),
            Input::Cac => o.cac = value,
            Input::CsCostPerMonth => o.cs_cost_per_month = value,
            Input::MonthlyDiscountRate => o.monthly_discount_rate = value.map(Percent),
            Input::HorizonMonths => o.horizon_months = value,
        }
    }

    /// Checks one value of this input; the rules are those listed on
    /// [`Baseline`]'s fields.
    ///
    /// # Errors
    /// An [`InputError`] naming the field.
    pub fn check(self, value: Decimal) -> Result<Decimal, InputError> {
        let f = self.field().0;
        let hundred = Decimal::ONE_HUNDRED;
        match self {
            Input::CustomersStart => arith::count(f, value),
            Input::NewCustomersPerMonth | Input::Arpa | Input::Cac | Input::CsCostPerMonth => {
                arith::non_negative(f, value)
            }
            Input::MonthlyChurn | Input::GrossMargin | Input::MonthlyDiscountRate => {
                arith::in_range(f, value, Decimal::ZERO, hundred)
            }
            Input::MonthlyExpansion => arith::in_range(f, value, -hundred, hundred),
            Input::HorizonMonths => {
                arith::in_range(f, value, Decimal::ONE, Decimal::from(MAX_HORIZON_MONTHS))?;
                arith::count(f, value)
            }
        }
    }
}
