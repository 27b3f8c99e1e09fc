//! The core's reasons, in the words of this page: the scenario engine has
//! reasons of its own (beyond the horizon, no extra cost…) and names its
//! fields by [`Input::field`], which this page labels.

use super::texts::{input_label};
use crate::i18n::tr;
use crate::i18n::{describe_problem, describe_undefined};
use cadran_core::locale::Locale;
use cadran_core::scenario::model::{Input, ScenarioError};
use cadran_core::{InputError, MetricError, Undefined};

/// The label of a core field name of this page.
#[must_use]
pub fn field_label(key: &str, l: Locale) -> String {
    if let Some(i) = Input::ALL.into_iter().find(|i| i.field().0 == key) {
        return input_label(i, l).to_string();
    }
    match key {
        // The KPI formulas the engine calls name churn on their own.
        "churn" => input_label(Input::MonthlyChurn, l).into(),
        "points" => tr("Points de rétention", "Retention points").get(l).into(),
        "change" => tr("Variation testée", "Change tested").get(l).into(),
        "schema" => tr("Type de fichier", "File type").get(l).into(),
        "version" => tr("Version du fichier", "File version").get(l).into(),
        "title" => tr("Titre", "Title").get(l).into(),
        "name" => tr("Nom de la variante", "Variant name").get(l).into(),
        "variants" => tr("Nombre de variantes", "Number of variants").get(l).into(),
        "improvement_points" => tr("Points gagnés sur le levier", "Points gained on the driver").get(l).into(),
        "churn_points_per_point" => tr("Baisse d’attrition par point", "Churn reduction per point").get(l).into(),
        "extra_cost_per_month" => tr("Coût en plus par mois", "Extra cost per month").get(l).into(),
        "extra_customers_per_month" => tr("Nouveaux clients en plus par mois", "Extra new customers per month").get(l).into(),
        other => other.to_string(),
    }
}

/// Why a result has no value, in words.
#[must_use]
pub fn reason(e: &MetricError, l: Locale) -> String {
    match e {
        MetricError::Invalid(ie) => crate::i18n::CORRECT_FIELD.fill(l, &[&field_label(ie.field.0, l)]),
        MetricError::Undefined(u) => undefined(u, l),
    }
}

/// The engine's own reasons, then the shared words.
#[must_use]
pub fn undefined(u: &Undefined, l: Locale) -> String {
    match u {
        Undefined::BeyondHorizon => tr("Au-delà de l’horizon choisi.", "Beyond the chosen horizon.").get(l).into(),
        Undefined::NoExtraCost => tr("Sans objet : pas de dépense supplémentaire face à la référence.", "Not applicable: no extra spending against the baseline.").get(l)
        .into(),
        Undefined::ZeroBase => tr("écart en % indéfini (référence nulle)", "% change undefined (baseline is zero)").get(l).into(),
        Undefined::NeverPaysBack => tr("Jamais remboursé sur l’horizon.", "Never pays back within the horizon.").get(l).into(),
        other => describe_undefined(other, l),
    }
}

/// One located problem in words: "Variante 1 — Attrition mensuelle : doit
/// être entre 0 et 100."
#[must_use]
pub fn located(e: &ScenarioError, names: &dyn Fn(Option<usize>) -> String, l: Locale) -> String {
    let InputError { field, problem, .. } = &e.error;
    let sep = tr("\u{a0}: ", ": ").get(l);
    format!("{} — {}{sep}{}", names(e.variant), field_label(field.0, l), describe_problem(problem, "", l))
}
