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
    // Every reason says what is missing and, where the user can, what to
    // type; no catch-all, so a new reason in the core does not compile
    // until it has its words here.
    let t = match u {
        Undefined::ZeroCost => tr("Il faut un coût : saisissez un coût supérieur à zéro.", "This needs a cost: enter a cost above zero."),
        Undefined::NoCustomers => tr("Pas encore de clients : saisissez un nombre de clients supérieur à zéro.", "No customers yet: enter a number of customers above zero."),
        Undefined::NoContacts => tr("Aucune demande reçue : saisissez le nombre de premières demandes.", "No contacts yet: enter the number of first contacts."),
        Undefined::NoAnswers => tr("Aucune réponse : saisissez le nombre de réponses de chaque note.", "No answers yet: enter how many answers each score received."),
        Undefined::ZeroRevenue => tr("Le revenu de départ est nul : saisissez un revenu de départ supérieur à zéro.", "The starting revenue is zero: enter a starting revenue above zero."),
        Undefined::NeverPaysBack => tr("Jamais remboursé : le gain est nul ou négatif.", "Never pays back: the gain is zero or negative."),
        Undefined::ZeroChurn => tr("Infini : sans attrition, un client ne part jamais.", "Infinite: with no churn a customer never leaves."),
        Undefined::ZeroMargin => tr("La marge est nulle : saisissez une marge supérieure à zéro.", "The margin is zero: enter a margin above zero."),
        Undefined::NoNewCustomers => tr("Aucun nouveau client : saisissez le nombre de nouveaux clients de la période.", "No new customers: enter the number of customers won in the period."),
        Undefined::TooFewAnswers { have, need } => {
            return tr("Trop peu de réponses pour conclure ({} sur {} nécessaires).", "Too few answers to conclude ({} of the {} needed).")
                .fill(l, &[&have.to_string(), &need.to_string()]);
        }
        Undefined::Overflow => tr("Résultat trop grand pour être calculé exactement.", "Result too large to compute exactly."),
        Undefined::Unreachable => tr("Inatteignable avec ces valeurs.", "Cannot be reached with these values."),
        Undefined::BeyondHorizon => tr("Au-delà de l’horizon choisi : allongez l’horizon pour le voir.", "Beyond the chosen horizon: lengthen the horizon to see it."),
        Undefined::NoExtraCost => tr("Sans objet : pas de dépense supplémentaire.", "Not applicable: no extra spending."),
        Undefined::ZeroBase => tr("Sans objet : la valeur de référence est nulle.", "Not applicable: the reference value is zero."),
        Undefined::NoConversions => tr("Aucune conversion : il en faut au moins une pour mesurer une différence.", "No conversions: at least one is needed to measure a difference."),
        Undefined::AllConverted => tr("Tous les visiteurs ont converti dans les deux versions : il n’y a pas de différence à mesurer.", "Every visitor converted in both versions: there is no difference to measure."),
        Undefined::NoVariance => tr("Toutes les valeurs sont identiques : pas de dispersion pour comparer les moyennes.", "Every value is the same: no spread to compare the means against."),
        Undefined::TooFewVisitors { have, need } => {
            return tr("Trop peu de visiteurs dans une version ({} sur {} nécessaires).", "Too few visitors in a version ({} of the {} needed).")
                .fill(l, &[&have.to_string(), &need.to_string()]);
        }
        Undefined::ZeroEffect => tr("Un effet de zéro ne peut pas être détecté : saisissez un effet minimal supérieur à zéro.", "An effect of zero cannot be detected: enter a minimum effect above zero."),
        Undefined::NotComputable => tr("Pas calculable avec ces valeurs (le calcul ne converge pas).", "Cannot be computed for these values (the calculation does not converge)."),
        Undefined::NoDrivers => tr("Aucun critère de valeur : ajoutez au moins une ligne au tableau.", "No value drivers yet: add at least one row to the table."),
        Undefined::NoImportance => tr("Aucun poids : tous les critères ont l’importance la plus basse de l’échelle ; relevez l’importance d’au moins un critère.", "No weight: every driver has the lowest importance on the scale; raise the importance of at least one driver."),
        Undefined::NoCompetitors => tr("Aucun concurrent : saisissez la performance d’au moins un concurrent.", "No competitors yet: enter at least one competitor’s performance."),
        Undefined::ConstantOutcome => tr("La note globale est la même pour tous les répondants : il n’y a rien à expliquer.", "Every respondent gave the same overall score: there is nothing to explain."),
        Undefined::TooManyDrivers { have, max } => {
            return tr("Trop de critères pour un calcul exact ({} pour {} au plus).", "Too many drivers for an exact computation ({} for at most {}).")
                .fill(l, &[&have.to_string(), &max.to_string()]);
        }
    };
    t.get(l).to_string()
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

