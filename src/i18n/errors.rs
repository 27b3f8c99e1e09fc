//! The core's typed reasons, in words. Nothing the user sees is a raw Rust
//! message, NaN or ∞.

use super::{tr, Tr};
use cadran_core::locale::{format_number, Locale, NumberError};
use cadran_core::{InputProblem, MetricError, Undefined};

/// Why a typed text is not a number, in words.
#[must_use]
pub fn describe_number_error(e: NumberError, l: Locale) -> String {
    match (e, l) {
        (NumberError::Empty, Locale::Fr) => "Saisissez un nombre.".into(),
        (NumberError::Empty, Locale::En) => "Enter a number.".into(),
        (NumberError::NotANumber, Locale::Fr) => "Ce n’est pas un nombre (exemple : 1 234,56).".into(),
        (NumberError::NotANumber, Locale::En) => "This is not a number (example: 1,234.56).".into(),
        (NumberError::TooLarge, Locale::Fr) => "Nombre trop grand (au plus 10¹⁵).".into(),
        (NumberError::TooLarge, Locale::En) => "Number too large (at most 10¹⁵).".into(),
    }
}

/// What is wrong with a field's value, in words (the field is named by the
/// form around it).
#[must_use]
pub fn describe_problem(p: &InputProblem, other_label: &str, l: Locale) -> String {
    let n = |d| format_number(d, 2, l).trim_end_matches(['0']).trim_end_matches([',', '.']).to_string();
    match (p, l) {
        (InputProblem::Negative, Locale::Fr) => "Doit être positif ou nul.".into(),
        (InputProblem::Negative, Locale::En) => "Must be zero or more.".into(),
        (InputProblem::NotWhole, Locale::Fr) => "Doit être un nombre entier.".into(),
        (InputProblem::NotWhole, Locale::En) => "Must be a whole number.".into(),
        (InputProblem::OutOfRange { min, max }, Locale::Fr) => format!("Doit être entre {} et {}.", n(*min), n(*max)),
        (InputProblem::OutOfRange { min, max }, Locale::En) => format!("Must be between {} and {}.", n(*min), n(*max)),
        (InputProblem::Exceeds { limit, .. }, Locale::Fr) => {
            format!("Ne peut pas dépasser « {other_label} » ({}).", n(*limit))
        }
        (InputProblem::Exceeds { limit, .. }, Locale::En) => format!("Cannot exceed “{other_label}” ({}).", n(*limit)),
        (InputProblem::TooLarge, Locale::Fr) => "Trop grand pour un calcul exact.".into(),
        (InputProblem::TooLarge, Locale::En) => "Too large to compute exactly.".into(),
        (InputProblem::NotANumber, Locale::Fr) => describe_number_error(NumberError::NotANumber, l),
        (InputProblem::NotANumber, Locale::En) => describe_number_error(NumberError::NotANumber, l),
        (_, Locale::Fr) => "Valeur non reconnue.".into(),
        (_, Locale::En) => "Value not recognised.".into(),
    }
}

/// A result hidden because the field `{}` must be corrected first.
pub const CORRECT_FIELD: Tr = tr("Corrigez « {} » pour voir ce résultat.", "Correct “{}” to see this result.");

/// Why a result is undefined, in words.
#[must_use]
pub fn describe_undefined(u: &Undefined, l: Locale) -> String {
    match u {
        Undefined::ZeroCost => tr("Indéfini : le coût est nul.", "Undefined: the cost is zero.").get(l).to_string(),
        Undefined::NoCustomers => tr("Indéfini : aucun client.", "Undefined: no customers.").get(l).to_string(),
        Undefined::NoAnswers => tr("Indéfini : aucune réponse.", "Undefined: no answers.").get(l).to_string(),
        Undefined::ZeroRevenue => tr("Indéfini : le revenu de départ est nul.", "Undefined: the starting revenue is zero.").get(l).to_string(),
        Undefined::NeverPaysBack => tr("Jamais remboursé : le gain est nul ou négatif.", "Never pays back: the gain is zero or negative.").get(l).to_string(),
        Undefined::ZeroChurn => tr("Infini : sans attrition, un client ne part jamais.", "Infinite: with no churn a customer never leaves.").get(l).to_string(),
        Undefined::ZeroMargin => tr("Indéfini : la marge est nulle.", "Undefined: the margin is zero.").get(l).to_string(),
        Undefined::NoNewCustomers => tr("Indéfini : aucun nouveau client.", "Undefined: no new customers.").get(l).to_string(),
        Undefined::TooFewAnswers { have, need } => {
            tr("Trop peu de réponses pour conclure ({} sur {} nécessaires).", "Too few answers to conclude ({} of the {} needed).")
                .fill(l, &[&have.to_string(), &need.to_string()])
        }
        Undefined::Overflow => tr("Résultat trop grand pour être calculé exactement.", "Result too large to compute exactly.").get(l).to_string(),
        Undefined::Unreachable => tr("Inatteignable avec ces valeurs.", "Cannot be reached with these values.").get(l).to_string(),
        #[allow(unreachable_patterns)]
        _ => tr("Indéfini pour ces valeurs.", "Undefined for these values.").get(l).to_string(),
    }
}


/// A result's error, in words. For an invalid input, `label` names the field
/// to correct (the field itself shows the precise problem).
#[must_use]
pub fn describe_error(e: &MetricError, label: &dyn Fn(&str) -> String, l: Locale) -> String {
    match e {
        MetricError::Invalid(ie) => CORRECT_FIELD.fill(l, &[&label(ie.field.0)]),
        MetricError::Undefined(u) => describe_undefined(u, l),
    }
}

