//! The core's typed reasons, in words. Nothing the user sees is a raw Rust
//! message, NaN or ∞.

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
        (_, Locale::Fr) => "Valeur non reconnue.".into(),
        (_, Locale::En) => "Value not recognised.".into(),
    }
}

/// Why a result is undefined, in words.
#[must_use]
pub fn describe_undefined(u: &Undefined, l: Locale) -> String {
    let fr = l == Locale::Fr;
    match u {
        Undefined::ZeroCost => pick(fr, "Indéfini : le coût est nul.", "Undefined: the cost is zero."),
        Undefined::NoCustomers => pick(fr, "Indéfini : aucun client.", "Undefined: no customers."),
        Undefined::NoAnswers => pick(fr, "Indéfini : aucune réponse.", "Undefined: no answers."),
        Undefined::ZeroRevenue => pick(fr, "Indéfini : le revenu de départ est nul.", "Undefined: the starting revenue is zero."),
        Undefined::NeverPaysBack => pick(fr, "Jamais remboursé : le gain est nul ou négatif.", "Never pays back: the gain is zero or negative."),
        Undefined::ZeroChurn => pick(fr, "Infini : sans attrition, un client ne part jamais.", "Infinite: with no churn a customer never leaves."),
        Undefined::ZeroMargin => pick(fr, "Indéfini : la marge est nulle.", "Undefined: the margin is zero."),
        Undefined::NoNewCustomers => pick(fr, "Indéfini : aucun nouveau client.", "Undefined: no new customers."),
        Undefined::TooFewAnswers { have, need } => {
            if fr {
                format!("Trop peu de réponses pour conclure ({have} sur {need} nécessaires).")
            } else {
                format!("Too few answers to conclude ({have} of the {need} needed).")
            }
        }
        Undefined::Overflow => pick(fr, "Résultat trop grand pour être calculé exactement.", "Result too large to compute exactly."),
        Undefined::Unreachable => pick(fr, "Inatteignable avec ces valeurs.", "Cannot be reached with these values."),
        #[allow(unreachable_patterns)]
        _ => pick(fr, "Indéfini pour ces valeurs.", "Undefined for these values."),
    }
}

fn pick(fr: bool, a: &str, b: &str) -> String {
    if fr { a } else { b }.to_string()
}

/// A result's error, in words. For an invalid input, `label` names the field
/// to correct (the field itself shows the precise problem).
#[must_use]
pub fn describe_error(e: &MetricError, label: &dyn Fn(&str) -> String, l: Locale) -> String {
    match e {
        MetricError::Invalid(ie) => match l {
            Locale::Fr => format!("Corrigez « {} » pour voir ce résultat.", label(ie.field.0)),
            Locale::En => format!("Correct “{}” to see this result.", label(ie.field.0)),
        },
        MetricError::Undefined(u) => describe_undefined(u, l),
    }
}

