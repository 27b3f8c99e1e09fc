//! French and English, from day one.
//!
//! Each page keeps its own texts next to it, one table of [`Tr`] (French
//! and English side by side) named `T`, so adding a page never touches a
//! shared catalogue and a missing translation does not compile. This module
//! holds what every page shares: the preferences context, the shell's texts
//! and the words for the core's error reasons.

mod errors;
mod prefs;
mod shell;
mod tr;

pub use errors::{CORRECT_FIELD, describe_error, describe_number_error, describe_problem, describe_undefined};
pub use prefs::{use_prefs, Prefs};
pub use shell::{ShellTexts, SHELL};
pub use tr::{tr, Tr};

pub use cadran_core::locale::{Currency, Locale};
