//! Import options and their builder (in the spirit of the `csv` crate's
//! `ReaderBuilder`): everything is detected unless set.

use super::date::DateOrder;
use super::decode::Encoding;
use super::error::OnBadRow;
use super::mapping::{DatasetKind, Mapping};
use super::number::DecimalSep;
use super::survey::Scale;
use serde::{Deserialize, Serialize};

/// How to read a file. `None` means "detect".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Options {
    /// Text encoding.
    pub encoding: Option<Encoding>,
    /// Field delimiter (`,` `;` tab `|`).
    pub delimiter: Option<u8>,
    /// Whether the first row is a header.
    pub has_header: Option<bool>,
    /// Column roles (as shown and edited in the UI).
    pub mapping: Option<Mapping>,
    /// Dataset kind, overriding the detected one.
    pub kind: Option<DatasetKind>,
    /// Decimal separator of every number column.
    pub decimal: Option<DecimalSep>,
    /// Day/month order of every date column.
    pub date_order: Option<DateOrder>,
    /// Survey scale.
    pub survey_scale: Option<Scale>,
    /// Amounts are in cents.
    pub amounts_in_cents: bool,
    /// Subscriptions whose status is a trial or incomplete (`trialing`,
    /// `incomplete`…) are counted as subscriptions instead of being set
    /// aside. Off by default: a trial has not paid, so counting it would
    /// inflate MRR and, when trials lapse, churn (Stripe's own MRR leaves
    /// them out too).
    pub include_trials: bool,
    /// Skip bad rows or stop at the first.
    pub on_bad_row: OnBadRow,
    /// Bad rows kept in detail (the rest are only counted).
    pub max_error_details: usize,
}

impl Default for Options {
    fn default() -> Self {
        Self {
            encoding: None,
            delimiter: None,
            has_header: None,
            mapping: None,
            kind: None,
            decimal: None,
            date_order: None,
            survey_scale: None,
            amounts_in_cents: false,
            include_trials: false,
            on_bad_row: OnBadRow::Skip,
            max_error_details: 100,
        }
    }
}

impl Options {
    /// A builder starting from the defaults.
    ///
    /// # Example
    /// ```
    /// use cadran_core::ingest::{Options, OnBadRow};
    /// let o = Options::builder().delimiter(b';').on_bad_row(OnBadRow::Stop).build();
    /// assert_eq!(o.delimiter, Some(b';'));
    /// ```
    #[must_use]
    pub fn builder() -> OptionsBuilder {
        OptionsBuilder(Options::default())
    }
}

/// Builds [`Options`].
#[derive(Debug, Clone, Default)]
pub struct OptionsBuilder(Options);

impl OptionsBuilder {
    /// Sets the encoding.
    #[must_use]
    pub fn encoding(mut self, e: Encoding) -> Self {
        self.0.encoding = Some(e);
        self
    }
    /// Sets the delimiter.
    #[must_use]
    pub fn delimiter(mut self, d: u8) -> Self {
        self.0.delimiter = Some(d);
        self
    }
    /// Says whether there is a header row.
    #[must_use]
    pub fn has_header(mut self, yes: bool) -> Self {
        self.0.has_header = Some(yes);
        self
    }
    /// Sets the column mapping.
    #[must_use]
    pub fn mapping(mut self, m: Mapping) -> Self {
        self.0.mapping = Some(m);
        self
    }
    /// Sets the dataset kind.
    #[must_use]
    pub fn kind(mut self, k: DatasetKind) -> Self {
        self.0.kind = Some(k);
        self
    }
    /// Sets the decimal separator.
    #[must_use]
    pub fn decimal(mut self, d: DecimalSep) -> Self {
        self.0.decimal = Some(d);
        self
    }
    /// Sets the date order.
    #[must_use]
    pub fn date_order(mut self, d: DateOrder) -> Self {
        self.0.date_order = Some(d);
        self
    }
    /// Sets the survey scale.
    #[must_use]
    pub fn survey_scale(mut self, s: Scale) -> Self {
        self.0.survey_scale = Some(s);
        self
    }
    /// Amounts are in cents.
    #[must_use]
    pub fn amounts_in_cents(mut self, yes: bool) -> Self {
        self.0.amounts_in_cents = yes;
        self
    }
    /// Counts trial and incomplete subscriptions instead of setting them aside.
    #[must_use]
    pub fn include_trials(mut self, yes: bool) -> Self {
        self.0.include_trials = yes;
        self
    }
    /// Skip or stop on bad rows.
    #[must_use]
    pub fn on_bad_row(mut self, b: OnBadRow) -> Self {
        self.0.on_bad_row = b;
        self
    }
    /// Bad rows kept in detail.
    #[must_use]
    pub fn max_error_details(mut self, n: usize) -> Self {
        self.0.max_error_details = n;
        self
    }
    /// The options.
    #[must_use]
    pub fn build(self) -> Options {
        self.0
    }
}
