//! French and English, from day one.
//!
//! Each page keeps its own texts next to it (`texts(locale) -> &'static
//! Texts`), so adding a page never touches a shared catalogue. This module
//! holds what every page shares: the preferences context, the shell's texts
//! and the words for the core's error reasons.

mod errors;
mod prefs;
mod shell;
mod tr;

pub use errors::{describe_error, describe_number_error, describe_problem, describe_undefined};
pub use prefs::{use_prefs, Prefs};
pub use shell::{shell_texts, ShellTexts};
pub use tr::{tr, Tr};

pub use cadran_core::locale::{Currency, Locale};

/// A form field's texts: (core field name, label, help — empty for none).
pub type FieldText = (&'static str, &'static str, &'static str);

/// The label of field `key` in a page's table (the key itself if missing,
/// so a forgotten text shows up in review rather than crashing).
#[must_use]
pub fn field_label(labels: &[FieldText], key: &str) -> String {
    labels.iter().find(|(k, _, _)| *k == key).map_or(key, |(_, label, _)| label).to_string()
}

/// The help text of field `key`, if it has one.
#[must_use]
pub fn field_help(labels: &[FieldText], key: &str) -> Option<&'static str> {
    labels.iter().find(|(k, _, h)| *k == key && !h.is_empty()).map(|(_, _, h)| *h)
}
