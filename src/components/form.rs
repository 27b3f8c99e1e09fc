//! The state of a calculator's form: the text of each field as the user
//! typed it, remembered in storage, read in the user's locale.
//!
//! Fields keep their raw text (so typing "12," is never rewritten under the
//! user's fingers); the numbers are derived from it. Storage keeps canonical
//! numbers (decimal point, no grouping) so a value saved in French reads
//! back in English.

use crate::i18n::{use_prefs, Tr};
use crate::persistence;
use cadran_core::locale::{format_input, format_typed, parse_number, Locale, NumberError, TYPED_DECIMALS};
use cadran_core::{Decimal, Field, InputError, InputProblem};
use leptos::prelude::*;
use std::collections::BTreeMap;
use std::str::FromStr;

/// What kind of value a field holds: decides its unit and input mode.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldKind {
    /// An amount in the user's currency.
    Money,
    /// A whole number of things (customers, answers).
    Count,
    /// A percentage (2.5 means 2.5 %).
    Percent,
    /// A number of months.
    Months,
    /// Any other number.
    Number,
    /// A yes/no choice (`"true"` / `"false"`).
    Flag,
    /// One option among several, stored by its key.
    Choice,
}

/// A field of a form: its key (the core's `Field` name), kind, default, and
/// the words a person reads next to it. The words live here, with the field,
/// so that no field can be shown without a label (a unit test walks every
/// card's fields in both languages).
#[derive(Debug, Clone, Copy)]
pub struct FieldSpec {
    /// The core's field name, e.g. `"churn_reduction"`.
    pub key: &'static str,
    /// What the field holds.
    pub kind: FieldKind,
    /// Default value, canonical (decimal point), e.g. `"12"` or `"true"`.
    pub default: &'static str,
    /// The field's label.
    pub label: Tr,
    /// A sentence under the field ([`Tr::NONE`] for none).
    pub help: Tr,
    /// The unit after the field for counts and plain numbers ("answers");
    /// money, percentages and months take theirs from [`FieldKind`].
    pub unit: Tr,
    /// Whether the field may stay empty (a part of the card the user may
    /// skip, such as revenue per visitor): empty is then "not given", not an
    /// error under the field.
    pub optional: bool,
}

impl FieldSpec {
    /// A field with no words yet; see [`FieldSpec::label`].
    #[must_use]
    pub const fn new(key: &'static str, kind: FieldKind, default: &'static str) -> Self {
        Self { key, kind, default, label: Tr::NONE, help: Tr::NONE, unit: Tr::NONE, optional: false }
    }

    /// The same field with its label.
    #[must_use]
    pub const fn label(self, label: Tr) -> Self {
        Self { label, ..self }
    }

    /// The same field with a help sentence.
    #[must_use]
    pub const fn help(self, help: Tr) -> Self {
        Self { help, ..self }
    }

    /// The same field, which may stay empty (see [`FieldSpec::optional`]).
    #[must_use]
    pub const fn optional(self) -> Self {
        Self { optional: true, ..self }
    }

    /// The same field with a unit word (counts, plain numbers).
    #[must_use]
    pub const fn unit(self, unit: Tr) -> Self {
        Self { unit, ..self }
    }
}

/// The label of field `key` among `fields` in `l` (empty for an unknown key:
/// the test that walks every card's fields keeps that from reaching a user).
#[must_use]
pub fn label_of(fields: &[FieldSpec], key: &str, l: Locale) -> String {
    fields.iter().find(|s| s.key == key).map_or("", |s| s.label.get(l)).to_string()
}

/// A card's field list names its fields: `FIELDS.label("churn", l)`, the
/// words the core's errors and the card's legends use for a field key.
pub trait FieldLabels {
    /// The label of field `key` in `l` (see [`label_of`]).
    fn label(&self, key: &str, l: Locale) -> String;
}

impl FieldLabels for [FieldSpec] {
    fn label(&self, key: &str, l: Locale) -> String {
        label_of(self, key, l)
    }
}

/// Starting values for every form below it, by field key (canonical text).
/// Provided by embed mode: forms then start from these and the defaults and
/// neither read nor write storage, so an embedded calculator leaves nothing
/// in the visitor's browser and never overwrites what a user saved.
#[derive(Clone, Debug, Default)]
pub struct Prefill(pub BTreeMap<String, String>);

/// A calculator form. `Copy`, so closures can capture it freely.
#[derive(Clone, Copy)]
pub struct Form {
    id: &'static str,
    specs: &'static [FieldSpec],
    /// Each field's text, in the order of `specs`. A list, not a map: forms
    /// have a handful of fields, and collecting into a `BTreeMap` brings a
    /// stable sort into every card's download (≈ 3 KB gzipped).
    texts: StoredValue<Vec<(&'static str, RwSignal<String>)>>,
    locale: RwSignal<Locale>,
}

impl Form {
    /// Creates the form `id` (also its storage key), restoring saved values,
    /// else the defaults — or, under a [`Prefill`] context (embed mode), from
    /// the prefills and defaults only, without storage.
    pub fn new(id: &'static str, specs: &'static [FieldSpec]) -> Self {
        match use_context::<Prefill>() {
            Some(Prefill(values)) => Self::build(id, specs, &values, false),
            None => Self::build(id, specs, &BTreeMap::new(), true),
        }
    }

    /// Like [`Form::new`], with values that take precedence over saved ones
    /// (canonical text, e.g. from an embed URL or another card).
    pub fn with_prefill(
        id: &'static str,
        specs: &'static [FieldSpec],
        prefill: &BTreeMap<String, String>,
    ) -> Self {
        Self::build(id, specs, prefill, use_context::<Prefill>().is_none())
    }

    /// Creates the form; `persist` says whether it reads and writes storage.
    fn build(
        id: &'static str,
        specs: &'static [FieldSpec],
        prefill: &BTreeMap<String, String>,
        persist: bool,
    ) -> Self {
        let locale = use_prefs().locale;
        let l = locale.get_untracked();
        let saved: BTreeMap<String, String> =
            if persist { persistence::load(&storage_key(id)).unwrap_or_default() } else { BTreeMap::new() };
        super::report_discarded();
        let texts = specs
            .iter()
            .map(|s| {
                let canonical = prefill
                    .get(s.key)
                    .or_else(|| saved.get(s.key))
                    .map_or(s.default, String::as_str);
                (s.key, RwSignal::new(to_display(canonical, s.kind, l)))
            })
            .collect::<Vec<_>>();
        let form = Self { id, specs, texts: StoredValue::new(texts), locale };

        // Storage is a side effect outside Leptos: an effect is the right tool.
        if persist {
            Effect::new(move |_| {
                let snapshot = form.canonical();
                persistence::save(&storage_key(id), &snapshot);
            });
        }
        // Re-write typed numbers when the language changes, so "1234,5"
        // becomes "1234.5" rather than an error. This synchronises user text
        // with an event outside the form, which no derivation can express.
        Effect::watch(
            move || locale.get(),
            move |new, old, _| {
                let (Some(old), new) = (old.copied(), *new) else { return };
                if old == new {
                    return;
                }
                for s in form.specs {
                    let text = form.text(s.key);
                    if let Ok(v) = parse_number(&text.get_untracked(), old) {
                        if is_numeric(s.kind) {
                            text.set(format_input(v, new));
                        }
                    }
                }
            },
            false,
        );
        form
    }

    /// The form's identifier.
    #[must_use]
    pub fn id(&self) -> &'static str {
        self.id
    }

    /// The text signal of field `key`.
    ///
    /// An unknown key is a programming error caught by the page's tests; it
    /// returns a detached signal rather than panicking in front of a user.
    #[must_use]
    pub fn text(&self, key: &str) -> RwSignal<String> {
        self.texts
            .with_value(|t| t.iter().find(|(k, _)| *k == key).map(|(_, text)| *text))
            .unwrap_or_else(|| RwSignal::new(String::new()))
    }

    /// The spec of field `key`.
    #[must_use]
    pub fn spec(&self, key: &str) -> Option<FieldSpec> {
        self.specs.iter().find(|s| s.key == key).copied()
    }

    /// Field `key` read as a number in the current locale (reactive).
    pub fn number(&self, key: &str) -> Result<Decimal, NumberError> {
        let text = self.text(key).get();
        parse_number(&text, self.locale.get())
    }

    /// Field `key` as a number for the core, or the field named as
    /// [`InputProblem::NotANumber`]: the core never receives a stand-in
    /// number, and a card's `?` on it blanks only the results that read the
    /// field (the field itself says what is wrong with its text).
    pub fn value(&self, key: &'static str) -> Result<Decimal, InputError> {
        self.number(key).map_err(|_| InputError::new(Field(key), InputProblem::NotANumber))
    }

    /// Field `key` as a yes/no choice (reactive).
    pub fn flag(&self, key: &str) -> bool {
        self.text(key).get() == "true"
    }

    /// Field `key`'s raw text (for choices).
    pub fn choice(&self, key: &str) -> String {
        self.text(key).get()
    }

    /// Every field's value in canonical form, as stored.
    pub fn canonical(&self) -> BTreeMap<String, String> {
        let l = self.locale.get();
        // Inserted one by one rather than collected: see `texts`.
        let mut values = BTreeMap::new();
        for s in self.specs {
            let text = self.text(s.key).get();
            let canon = if is_numeric(s.kind) {
                parse_number(&text, l).map_or(text, |v| v.normalize().to_string())
            } else {
                text
            };
            values.insert(s.key.to_string(), canon);
        }
        values
    }

    /// Writes `v` into field `key` as a person would type it in the current
    /// locale ([`format_typed`]): what the field then shows is exactly what
    /// the card computes with.
    pub fn set_number(&self, key: &str, v: Decimal) {
        self.text(key).set(format_typed(v, TYPED_DECIMALS, self.locale.get_untracked()));
    }

    /// Puts every field back to its default.
    pub fn reset(&self) {
        let l = self.locale.get_untracked();
        for s in self.specs {
            self.text(s.key).set(to_display(s.default, s.kind, l));
        }
    }
}

fn storage_key(id: &str) -> String {
    format!("form.{id}")
}

fn is_numeric(kind: FieldKind) -> bool {
    !matches!(kind, FieldKind::Flag | FieldKind::Choice)
}

/// Canonical text → what the field shows in `locale`.
fn to_display(canonical: &str, kind: FieldKind, l: Locale) -> String {
    if is_numeric(kind) {
        Decimal::from_str(canonical).map_or_else(|_| canonical.to_string(), |v| format_input(v, l))
    } else {
        canonical.to_string()
    }
}
