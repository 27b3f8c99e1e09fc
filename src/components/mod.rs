//! Reusable pieces of the interface, one concept per file.

mod form;
mod format;
mod number_field;
mod output;
mod shell;
mod target;

pub use form::{FieldKind, FieldSpec, Form};
pub use format::{fmt_count, fmt_exact, fmt_money, fmt_months, fmt_percent, fmt_ratio, Fmt};
pub use number_field::{CheckboxField, NumberField};
pub use output::{Output, OutputValue};
pub use shell::{report_discarded, Footer, Header, NoticeBoard, Notices};
pub use target::{describe_distance, describe_target, evaluate_kpi, load_targets, save_target, status_class, status_words, TargetControl};
