//! The time unit of a customer-base model: the grain at which purchases
//! count once, and how many of its periods make a month. One type for the
//! summaries, the fits and the CLV, so a caller cannot pass one unit's
//! frequencies with another's horizon.

use crate::ingest::date::Date;

/// The unit of the model's time, and the grain at which purchases on the
/// same period count once.
///
/// `Months` are **calendar months** (as pandas' `"M"` period `lifetimes`
/// uses, and as every monthly KPI of the app is aggregated), not 30.4375-day
/// blocks: two orders on 3 and 28 March are one purchase period, as the
/// user reads their own calendar. `Weeks` run Monday to Sunday (pandas'
/// `"W"`, ending on Sunday).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TimeUnit {
    /// Calendar days.
    Days,
    /// Weeks from Monday to Sunday.
    Weeks,
    /// Calendar months.
    Months,
}

impl TimeUnit {
    /// The index of the period holding `day` (consecutive periods differ by
    /// one).
    ///
    /// # Example
    /// ```
    /// use cadran_core::ingest::date::Date;
    /// use cadran_core::metrics::clv_model::TimeUnit;
    /// let sun = Date::from_ymd(2024, 1, 7).unwrap();
    /// let mon = Date::from_ymd(2024, 1, 8).unwrap();
    /// assert_eq!(TimeUnit::Weeks.period(mon) - TimeUnit::Weeks.period(sun), 1);
    /// assert_eq!(TimeUnit::Months.period(mon), TimeUnit::Months.period(sun));
    /// ```
    #[must_use]
    pub fn period(self, day: Date) -> i32 {
        match self {
            Self::Days => day.0,
            // 1970-01-01 was a Thursday: day −3 is a Monday.
            Self::Weeks => (day.0 + 3).div_euclid(7),
            Self::Months => day.year_month().0,
        }
    }

    /// Units in an average month (a Julian year of 365.25 days ÷ 12).
    ///
    /// # Example
    /// ```
    /// use cadran_core::metrics::clv_model::TimeUnit;
    /// assert!((TimeUnit::Weeks.per_month() - 4.348).abs() < 1e-3);
    /// ```
    #[must_use]
    pub fn per_month(self) -> f64 {
        match self {
            Self::Days => 365.25 / 12.0,
            Self::Weeks => 365.25 / 12.0 / 7.0,
            Self::Months => 1.0,
        }
    }
}
