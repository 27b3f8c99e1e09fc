//! Reusable pieces of the interface, one concept per file.

mod calculator;
mod choice;
mod data_table;
mod form;
mod format;
mod number_field;
mod output;
mod period_choice;
mod score_counts;
mod shell;
mod target;

pub use calculator::{correct_field, field_unit, CalculatorPage, CardField, CardTexts, FormulaList, How, CARD};
pub use choice::{ChoiceField, ChoiceOption};
pub use data_table::DataTable;
pub use form::{label_of, FieldKind, FieldLabels, FieldSpec, Form, Prefill};
pub use format::{fmt_count, fmt_exact, fmt_money, fmt_months, fmt_percent, fmt_ratio, Fmt};
pub use number_field::{CheckboxField, NumberField};
pub use output::{Output, OutputValue};
pub use period_choice::{per_period, period_of, periods_word, PeriodChoice};
pub use score_counts::{
    count_label, count_spec, counts, scale_of, scale_spec, score_terms, threshold, whole, ScoreCounts, ThresholdField, COUNT_KEYS, SCALES,
};
pub use shell::{report_discarded, Footer, Header, NoticeBoard, Notices};
pub use target::{describe_distance, describe_target, evaluate_kpi, load_targets, save_target, status_class, status_words, TargetControl};
