//! Survey answers entered as a count per score (CSAT, CES): the scale's
//! length is a choice, the fields for scores above it are hidden and ignored.
//!
//! The counts go to the core as a distribution
//! ([`cadran_core::metrics::distribution`]): `counts[k]` answers of score `k + 1`.

use super::{FieldKind, FieldSpec, Form, NumberField};
use crate::i18n::{describe_problem, tr, use_prefs, Tr};
use crate::kpi::Values;
use cadran_core::locale::Locale;
use cadran_core::{Decimal, Field, InputError, InputProblem};
use leptos::prelude::*;

/// Keys of the count fields, score 1 to 10 (the longest scale offered).
pub const COUNT_KEYS: [&str; 10] =
    ["count_1", "count_2", "count_3", "count_4", "count_5", "count_6", "count_7", "count_8", "count_9", "count_10"];

/// The labels of the count fields, score 1 to 10.
const COUNT_LABELS: [Tr; 10] = [
    tr("Note 1", "Score 1"),
    tr("Note 2", "Score 2"),
    tr("Note 3", "Score 3"),
    tr("Note 4", "Score 4"),
    tr("Note 5", "Score 5"),
    tr("Note 6", "Score 6"),
    tr("Note 7", "Score 7"),
    tr("Note 8", "Score 8"),
    tr("Note 9", "Score 9"),
    tr("Note 10", "Score 10"),
];

/// The unit of every count field.
const ANSWERS: Tr = tr("réponses", "answers");

/// The label of a count field (`count_3` → "Note 3" / "Score 3"), or `None`
/// for any other key: the one place that names these fields, for the inputs
/// and for the cards' error messages.
#[must_use]
pub fn count_label(key: &str, l: Locale) -> Option<String> {
    let i = COUNT_KEYS.iter().position(|k| *k == key)?;
    Some(COUNT_LABELS[i].get(l).to_string())
}

/// The scales offered, as stored in the `scale` choice field.
pub const SCALES: &[super::ChoiceOption] = &[("5", tr("1 à 5", "1 to 5")), ("7", tr("1 à 7", "1 to 7")), ("10", tr("1 à 10", "1 to 10"))];

/// The scale choice of a survey card, with `default` as its top score.
#[must_use]
pub const fn scale_spec(default: &'static str) -> FieldSpec {
    FieldSpec::new("scale", FieldKind::Choice, default).label(tr("Échelle des notes", "Score scale"))
}

/// The sum of the scores written out for a formula: `1 × 6 + 2 × 10 + …`.
#[must_use]
pub fn score_terms(counts: &[u64], f: super::Fmt) -> String {
    counts.iter().zip(1..).map(|(k, s): (&u64, u32)| format!("{s} × {}", super::fmt_count((*k).into(), f))).collect::<Vec<_>>().join(" + ")
}

/// The threshold field of a survey card ("satisfied from score 4"), its
/// unit the scale's top ("/ 5").
#[component]
pub fn ThresholdField(
    form: Form,
    key: &'static str,
    #[prop(into)] scale: Signal<u32>,
    #[prop(into)] problem: Signal<Option<String>>,
) -> impl IntoView {
    let prefs = use_prefs();
    let spec = form.spec(key);
    let words = move |t: fn(FieldSpec) -> Tr| spec.map_or("", |s| t(s).get(prefs.locale.get())).to_string();
    view! {
        <NumberField
            form=form
            key=key
            label=Signal::derive(move || words(|s| s.label))
            unit=Signal::derive(move || format!("/ {}", scale.get()))
            help=Signal::derive(move || words(|s| s.help))
            problem=problem
        />
    }
}

/// The count fields' specs with their defaults (score 1 first), for a card's
/// `FIELDS`.
#[must_use]
pub const fn count_spec(score: usize, default: &'static str) -> FieldSpec {
    FieldSpec::new(COUNT_KEYS[score - 1], FieldKind::Count, default).label(COUNT_LABELS[score - 1]).unit(ANSWERS)
}

/// The scale's top score (5, 7 or 10) from the `scale` field; anything else
/// reads as `fallback`.
pub fn scale_of(v: &dyn Values, fallback: u32) -> u32 {
    match v.text("scale").trim() {
        "5" => 5,
        "7" => 7,
        "10" => 10,
        _ => fallback,
    }
}

/// A whole, non-negative number as `u32`/`u64`, or what is wrong with it.
pub fn whole(v: Decimal) -> Result<u64, InputProblem> {
    if v.is_sign_negative() {
        return Err(InputProblem::Negative);
    }
    if !v.fract().is_zero() {
        return Err(InputProblem::NotWhole);
    }
    u64::try_from(v).map_err(|_| InputProblem::TooLarge)
}

/// A score threshold field as the core's `u32` (out-of-scale values are the
/// core's to reject, naming `core_field`).
pub fn threshold(v: &dyn Values, key: &'static str, core_field: &'static str) -> Result<u32, InputError> {
    let n = whole(v.value(key)?).map_err(|p| InputError::new(Field(core_field), p))?;
    Ok(u32::try_from(n).unwrap_or(u32::MAX))
}

/// The counts of scores `1..=scale`, or the first count field that is wrong.
pub fn counts(v: &dyn Values, scale: u32) -> Result<Vec<u64>, InputError> {
    COUNT_KEYS
        .iter()
        .take(scale as usize)
        .map(|&k| whole(v.value(k)?).map_err(|p| InputError::new(Field(k), p)))
        .collect()
}

/// The count fields of scores `1..=scale` (reactive to the scale).
#[component]
pub fn ScoreCounts(
    form: Form,
    /// Top score of the scale.
    #[prop(into)]
    scale: Signal<u32>,
    /// A short note next to some scores ("satisfied", "easy"), by score.
    #[prop(into)]
    note: Signal<Vec<Option<String>>>,
) -> impl IntoView {
    let prefs = use_prefs();
    let field = move |i: usize| {
        let key = COUNT_KEYS[i];
        view! {
            <Show when=move || (i as u32) < scale.get()>
                <NumberField
                    form=form
                    key=key
                    label=Signal::derive(move || count_label(key, prefs.locale.get()).unwrap_or_default())
                    unit=Signal::derive(move || ANSWERS.get(prefs.locale.get()).to_string())
                    help=Signal::derive(move || note.get().get(i).cloned().flatten().unwrap_or_default())
                    problem=Signal::derive(move || form.value(key).ok().and_then(|v| whole(v).err()).map(|p| describe_problem(&p, "", prefs.locale.get())))
                />
            </Show>
        }
    };
    (0..COUNT_KEYS.len()).map(field).collect_view()
}
