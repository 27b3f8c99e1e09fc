//! The KPI registry: every indicator a card computes, how to read its value
//! from the card's stored form, and how to write it. The dashboard and the
//! target control are driven by it, so a KPI registered here appears on the
//! dashboard and can be given a target with no other change.
//!
//! # How a card adds its KPIs and its target control
//!
//! 1. Build the core's inputs from a [`Values`] rather than from the `Form`
//!    directly, so the page and the registry share that one function:
//!    ```ignore
//!    fn inputs(v: &dyn Values) -> Result<CacInputs, InputError> {
//!        Ok(CacInputs { spend: v.value("spend")?, new_customers: v.value("new_customers")? })
//!    }
//!    ```
//!    `Form` implements [`Values`] (reactive, the numbers as typed); a stored
//!    form ([`Stored`]) does too (canonical text, defaults for missing keys).
//!    `v.value(key)` is `Form::value` (text that is not a number is an
//!    `InputError` naming the field, never a stand-in number), `v.text(key)`
//!    is the raw text of a choice or flag.
//! 2. In the card's file, declare its KPIs, each reading its value with **the
//!    same core function the card calls** (never a formula of its own):
//!    ```ignore
//!    pub const KPIS: &[Kpi] = &[Kpi {
//!        key: "cac",                       // unique, stable: targets are stored by it
//!        route: Route::Cac,                // the card's page
//!        form_id: "cac",                   // the id given to Form::new
//!        fields: FIELDS,                   // the form's FieldSpecs (defaults)
//!        label: tr("Coût d’acquisition (CAC)", "Acquisition cost (CAC)"),
//!        unit: Unit::Money,
//!        direction: Direction::AtMost,     // the usual good side, pre-selected
//!        near: NEAR_10_PERCENT,            // or near_absolute(…) for KPIs near 0
//!        read: |v| cac(&inputs(v)?).map(|r| r.cac),
//!    }];
//!    ```
//!    A [`Unit::Percent`] KPI reads the number of percent (`Percent.0`).
//! 3. The page table in [`crate::pages`] collects every card's `KPIS` into
//!    [`CARD_KPIS`]; put one
//!    target control per KPI in the card's results, after its outputs:
//!    ```ignore
//!    <TargetControl kpi=&KPIS[0] form=form />
//!    ```
//!    (`use crate::components::TargetControl;`). The control evaluates the
//!    KPI with `read` on the live form, exactly as the dashboard does on the
//!    stored one, so both always agree.

use crate::components::{fmt_count, fmt_exact, fmt_money, fmt_months, FieldSpec, Fmt, Form};
use crate::i18n::Tr;
use crate::router::Route;
use cadran_core::locale::{format_number, format_percent, Locale};
use cadran_core::metrics::target::{Direction, Tolerance};
use cadran_core::{Decimal, Field, InputError, InputProblem, Outcome, Percent};
use std::collections::BTreeMap;
use std::str::FromStr;

/// Where a card's inputs come from: the live form or its stored copy.
pub trait Values {
    /// Field `key` as a number, or the field named as not a number (like
    /// `Form::value`).
    fn value(&self, key: &'static str) -> Result<Decimal, InputError>;
    /// Field `key`'s raw text (choices and flags).
    fn text(&self, key: &str) -> String;
}

impl Values for Form {
    fn value(&self, key: &'static str) -> Result<Decimal, InputError> {
        Form::value(self, key)
    }
    fn text(&self, key: &str) -> String {
        self.choice(key)
    }
}

/// A card's form as stored (`cadran.form.<id>`): canonical text per field,
/// the field's default where a key is missing.
#[derive(Debug, Clone)]
pub struct Stored {
    fields: &'static [FieldSpec],
    values: BTreeMap<String, String>,
}

impl Stored {
    /// The stored form `form_id`, or `None` if the user never opened the card
    /// (or its stored data was unreadable).
    #[must_use]
    pub fn load(form_id: &str, fields: &'static [FieldSpec]) -> Option<Self> {
        let values = crate::persistence::load::<BTreeMap<String, String>>(&format!("form.{form_id}"))?;
        Some(Self { fields, values })
    }

    /// A stored form from its values (tests, hand-offs).
    #[must_use]
    pub fn from_values(fields: &'static [FieldSpec], values: BTreeMap<String, String>) -> Self {
        Self { fields, values }
    }
}

impl Values for Stored {
    fn value(&self, key: &'static str) -> Result<Decimal, InputError> {
        Decimal::from_str(self.text(key).trim()).map_err(|_| InputError::new(Field(key), InputProblem::NotANumber))
    }
    fn text(&self, key: &str) -> String {
        self.values
            .get(key)
            .cloned()
            .or_else(|| self.fields.iter().find(|s| s.key == key).map(|s| s.default.to_string()))
            .unwrap_or_default()
    }
}

/// What a KPI's number is, to write it and its distance to a target.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    /// A rate in percent (the value is the number of percent); distances are
    /// in percentage points.
    Percent,
    /// A score with no unit (NPS, mean CES), one decimal.
    Score,
    /// An amount in the user's currency.
    Money,
    /// An amount in the user's currency per month (ARPA, MRR).
    MoneyPerMonth,
    /// A number of months (payback).
    Months,
    /// A ratio such as LTV:CAC, written `3.2:1`.
    Ratio,
    /// A number of customers or answers.
    Count,
}

impl Unit {
    /// `v` written for reading (rounded, with unit).
    #[must_use]
    pub fn format(self, v: Decimal, f: Fmt) -> String {
        match self {
            Unit::Percent => format_percent(v, 1, f.locale),
            Unit::Score => format_number(v, 1, f.locale),
            Unit::Money => fmt_money(v, f),
            Unit::MoneyPerMonth => format!("{} {}", fmt_money(v, f), per_month(f.locale)),
            Unit::Months => fmt_months(v, f),
            Unit::Ratio => format!("{}:1", format_number(v, 1, f.locale)),
            Unit::Count => fmt_count(v, f),
        }
    }

    /// A distance between two values of this unit (always ≥ 0), e.g. "1,5
    /// point" for rates.
    #[must_use]
    pub fn format_distance(self, d: Decimal, f: Fmt) -> String {
        match self {
            Unit::Percent => {
                let n = format_number(d, 1, f.locale);
                let one = d.round_dp(1) <= Decimal::ONE;
                if one { crate::i18n::tr("{}\u{a0}point", "{} point") } else { crate::i18n::tr("{}\u{a0}points", "{} points") }
                    .fill(f.locale, &[&n])
            }
            _ => self.format(d, f),
        }
    }

    /// The unit shown next to a target field.
    #[must_use]
    pub fn input_unit(self, f: Fmt) -> String {
        match self {
            Unit::Percent => "%".to_string(),
            Unit::Score | Unit::Count => String::new(),
            Unit::Money => f.currency.symbol(f.locale).to_string(),
            Unit::MoneyPerMonth => format!("{} {}", f.currency.symbol(f.locale), per_month(f.locale)),
            Unit::Months => crate::i18n::tr("mois", "months").get(f.locale).to_string(),
            Unit::Ratio => ":1".to_string(),
        }
    }

    /// The exact value, for hover titles.
    #[must_use]
    pub fn exact(self, v: Decimal, f: Fmt) -> String {
        match self {
            Unit::Percent => format!("{}\u{a0}%", fmt_exact(v, f)),
            _ => fmt_exact(v, f),
        }
    }
}

fn per_month(l: Locale) -> &'static str {
    crate::i18n::tr("/ mois", "/ month").get(l)
}

/// Near a target = within 10 % of its magnitude (the core's default).
pub const NEAR_10_PERCENT: Tolerance = Tolerance::Relative(Percent(Decimal::TEN));

/// Near a target = within `points` of it, in the KPI's unit: for KPIs that
/// sit near zero or change sign (NPS), where a relative band vanishes.
#[must_use]
pub const fn near_absolute(points: u32) -> Tolerance {
    Tolerance::Absolute(Decimal::from_parts(points, 0, 0, false, 0))
}

/// One KPI a card computes.
#[derive(Clone, Copy)]
pub struct Kpi {
    /// Unique, stable key (targets are stored by it), e.g. `"churn"`.
    pub key: &'static str,
    /// The card that computes it.
    pub route: Route,
    /// The card's form id (`Form::new(id, …)`), stored as `form.<id>`.
    pub form_id: &'static str,
    /// The card's fields, for defaults of keys missing from storage.
    pub fields: &'static [FieldSpec],
    /// Name.
    pub label: Tr,
    /// How its value is written.
    pub unit: Unit,
    /// The side that is usually good, pre-selected for a new target.
    pub direction: Direction,
    /// The "near" band of a new target.
    pub near: Tolerance,
    /// The value from the card's inputs, through the card's core function.
    pub read: fn(&dyn Values) -> Outcome<Decimal>,
}

impl std::fmt::Debug for Kpi {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Kpi").field("key", &self.key).field("route", &self.route).finish_non_exhaustive()
    }
}

impl Kpi {
    /// The KPI's name in `l`.
    #[must_use]
    pub fn label(&self, l: Locale) -> &'static str {
        self.label.get(l)
    }

    /// The value from the card's stored form, or `None` when the card was
    /// never filled in.
    #[must_use]
    pub fn stored_value(&self) -> Option<Outcome<Decimal>> {
        Stored::load(self.form_id, self.fields).map(|s| (self.read)(&s))
    }
}

pub use crate::pages::CARD_KPIS;

/// Every registered KPI, in the order of the navigation's cards.
pub fn all() -> impl Iterator<Item = &'static Kpi> {
    CARD_KPIS.iter().flat_map(|c| c.iter())
}

/// The KPI registered under `key`.
#[must_use]
pub fn find(key: &str) -> Option<&'static Kpi> {
    CARD_KPIS.iter().flat_map(|c| c.iter()).find(|k| k.key == key)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    /// A stored field that is not a number reaches the core as an error
    /// naming it, never as a stand-in number: every KPI that reads it says so,
    /// and a KPI that does not read it keeps its value. A negative LTV is a
    /// number like any other.
    #[test]
    fn unreadable_stored_fields_are_named_never_replaced() {
        let cac = CARD_KPIS.iter().flat_map(|c| c.iter()).filter(|k| k.form_id == "cac").collect::<Vec<_>>();
        let stored = |ltv: &str| {
            let fields = cac[0].fields;
            let mut values: BTreeMap<String, String> = fields.iter().map(|s| (s.key.to_string(), s.default.to_string())).collect();
            values.insert("ltv".into(), ltv.into());
            Stored::from_values(fields, values)
        };
        let by_key = |key: &str| cac.iter().find(|k| k.key == key).copied().expect("CAC KPI");
        let garbage = stored("douze");
        assert_eq!(Values::value(&garbage, "ltv"), Err(InputError::new(Field("ltv"), InputProblem::NotANumber)));
        let ratio = (by_key("ltv_cac").read)(&garbage);
        assert!(matches!(ratio, Err(cadran_core::MetricError::Invalid(ref e)) if e.field == Field("ltv")), "ratio with garbage LTV: {ratio:?}");
        assert!((by_key("cac").read)(&garbage).is_ok(), "CAC does not read the LTV");
        let negative = (by_key("ltv_cac").read)(&stored("-1"));
        assert!(!matches!(negative, Err(cadran_core::MetricError::Invalid(ref e)) if e.problem == InputProblem::NotANumber), "−1 is a number: {negative:?}");
    }

    #[test]
    fn keys_are_unique_and_every_kpi_is_on_a_card() {
        let mut seen = BTreeSet::new();
        for k in CARD_KPIS.iter().flat_map(|c| c.iter()) {
            assert!(seen.insert(k.key), "duplicate KPI key {}", k.key);
            assert!(k.route.is_card(), "{} is on a card", k.key);
            assert!(!k.label.fr.is_empty() && !k.label.en.is_empty(), "{} has FR and EN names", k.key);
        }
        assert_eq!(all().count(), seen.len(), "all() lists every KPI once");
    }

    #[test]
    fn every_kpi_reads_its_card_defaults() {
        // A stored form with no keys reads the defaults: every card's default
        // inputs give a value, so a freshly opened card shows on the dashboard.
        for k in all() {
            let s = Stored::from_values(k.fields, BTreeMap::new());
            assert!((k.read)(&s).is_ok(), "{} from defaults: {:?}", k.key, (k.read)(&s));
        }
    }

    #[test]
    fn stored_values_are_canonical_and_garbage_is_rejected_by_the_core() {
        let k = find("nps").unwrap();
        let mut v = BTreeMap::new();
        v.insert("promoters".to_string(), "50".to_string());
        v.insert("passives".to_string(), "30".to_string());
        v.insert("detractors".to_string(), "20".to_string());
        assert_eq!((k.read)(&Stored::from_values(k.fields, v.clone())), Ok(Decimal::from(30)));
        v.insert("passives".to_string(), "abc".to_string());
        assert!((k.read)(&Stored::from_values(k.fields, v)).is_err(), "unreadable text is an error, not 0");
    }
}
