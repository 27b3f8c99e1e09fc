//! The value page's words: one table of [`Tr`], and the names of the core's
//! dimensions, quadrants and cell problems.

use crate::i18n::{tr, Tr};
use cadran_core::locale::Locale;
use cadran_core::metrics::value::{Crosshairs, DerivedNote, Dimension, DriverField, DriverProblem, Quadrant, Scale, SurveyFileError};

/// The page's texts.
pub(super) struct Texts {
    pub intro: Tr,
    pub drivers: Tr,
    pub drivers_help: Tr,
    pub scale: Tr,
    pub crosshairs: Tr,
    pub crosshairs_means: Tr,
    pub crosshairs_midpoint: Tr,
    pub bunched: Tr,
    pub name: Tr,
    pub dimension: Tr,
    pub importance: Tr,
    pub performance: Tr,
    pub competitor: Tr,
    pub feasibility: Tr,
    pub cost: Tr,
    pub add: Tr,
    pub remove: Tr,
    pub up: Tr,
    pub template: Tr,
    pub undo: Tr,
    pub restored: Tr,
    pub reset_done: Tr,
    pub new_driver: Tr,
    pub grid_title: Tr,
    pub grid_desc: Tr,
    pub axis_performance: Tr,
    pub axis_importance: Tr,
    pub results_title: Tr,
    pub quadrant: Tr,
    pub gain: Tr,
    pub gap: Tr,
    pub score: Tr,
    pub rank: Tr,
    pub first: Tr,
    pub none_first: Tr,
    pub overall_gap: Tr,
    pub ahead: Tr,
    pub behind: Tr,
    pub level: Tr,
    pub no_competitor: Tr,
    pub fix_cell: Tr,
    pub not_a_number: Tr,
    pub formulas: Tr,
    pub source: Tr,
    pub derived_title: Tr,
    pub derived_help: Tr,
    pub survey_label: Tr,
    pub respondents: Tr,
    pub correlation: Tr,
    pub weight: Tr,
    pub shapley: Tr,
    pub stated_share: Tr,
    pub survey_file: Tr,
    pub column: Tr,
    pub unreadable: Tr,
}

pub(super) const T: Texts = Texts {
    intro: tr(
        "Vos clients ont-ils le sentiment de recevoir plus qu’ils ne donnent ? Listez ce qui compte pour eux (les leviers de valeur, dans quatre dimensions), notez l’importance de chacun et votre performance — et celle d’un concurrent si vous la connaissez. Cadran place chaque levier sur la matrice importance–performance, calcule le gain possible et l’écart concurrentiel, et classe les actions.",
        "Do your customers feel they get more than they give? List what matters to them (value drivers, in four dimensions), rate each one’s importance and your performance — and a competitor’s if you know it. Cadran places each driver on the importance–performance grid, computes the potential gain and the competitive gap, and ranks the actions.",
    ),
    drivers: tr("Leviers de valeur", "Value drivers"),
    drivers_help: tr(
        "Une ligne par levier. Faisabilité et coût de l’amélioration : de 1 (difficile, bon marché) à 5 (facile, coûteux).",
        "One row per driver. Feasibility and cost of improving it: from 1 (hard, cheap) to 5 (easy, costly).",
    ),
    scale: tr("Échelle des notes d’importance et de performance", "Scale of the importance and performance ratings"),
    crosshairs: tr("Lignes de partage de la matrice", "Where the grid is divided"),
    crosshairs_means: tr("À la moyenne de vos leviers (usuel)", "At your drivers’ means (usual)"),
    crosshairs_midpoint: tr("Au milieu de l’échelle", "At the middle of the scale"),
    bunched: tr(
        "Presque tous vos leviers sont jugés importants (au-dessus du milieu de l’échelle) : c’est l’habitude des importances déclarées. Avec un partage au milieu, tout tomberait dans le haut de la matrice ; le partage à la moyenne compare les leviers entre eux.",
        "Almost all your drivers are rated important (above the middle of the scale): stated importance usually bunches like this. Divided at the middle, everything would land in the top half; dividing at the means compares the drivers with one another.",
    ),
    name: tr("Levier", "Driver"),
    dimension: tr("Dimension", "Dimension"),
    importance: tr("Importance", "Importance"),
    performance: tr("Votre performance", "Your performance"),
    competitor: tr("Concurrent (facultatif)", "Competitor (optional)"),
    feasibility: tr("Faisabilité", "Feasibility"),
    cost: tr("Coût", "Cost"),
    add: tr("+ Ajouter un levier", "+ Add a driver"),
    remove: tr("Supprimer « {} »", "Delete “{}”"),
    up: tr("Monter « {} »", "Move “{}” up"),
    template: tr("Repartir de l’exemple", "Start again from the example"),
    undo: tr("Annuler", "Undo"),
    restored: tr("Levier « {} » supprimé.", "Driver “{}” deleted."),
    reset_done: tr("Le tableau est revenu à l’exemple.", "The table is back to the example."),
    new_driver: tr("Nouveau levier", "New driver"),
    grid_title: tr("Matrice importance–performance", "Importance–performance grid"),
    grid_desc: tr(
        "Chaque levier est un point numéroté : performance en abscisse, importance en ordonnée. Le tableau qui suit donne les mêmes informations.",
        "Each driver is a numbered point: performance across, importance up. The table that follows gives the same information.",
    ),
    axis_performance: tr("Performance →", "Performance →"),
    axis_importance: tr("Importance →", "Importance →"),
    results_title: tr("Leviers, quadrants et priorités", "Drivers, quadrants and priorities"),
    quadrant: tr("Quadrant", "Quadrant"),
    gain: tr("Gain possible", "Potential gain"),
    gap: tr("Écart au concurrent", "Gap to competitor"),
    score: tr("Score d’action", "Action score"),
    rank: tr("Rang", "Rank"),
    first: tr("À traiter d’abord : {}.", "Work on these first: {}."),
    none_first: tr("Aucun levier important n’est sous la moyenne : gardez le cap.", "No important driver is below par: keep it up."),
    overall_gap: tr("Écart concurrentiel pondéré par l’importance : {} ({}).", "Importance-weighted competitive gap: {} ({})."),
    ahead: tr("vous êtes devant", "you are ahead"),
    behind: tr("le concurrent est devant", "the competitor is ahead"),
    level: tr("à égalité", "level"),
    no_competitor: tr("Ajoutez la note d’un concurrent pour calculer l’écart concurrentiel.", "Add a competitor’s rating to compute the competitive gap."),
    fix_cell: tr("Corrigez la ligne {}, colonne « {} » : {}.", "Correct row {}, column “{}”: {}."),
    not_a_number: tr("un nombre est attendu", "a number is expected"),
    formulas: tr(
        "Notes ramenées de 0 à 1 : (note − bas de l’échelle) ÷ (haut − bas). Quadrant : importance et performance comparées aux lignes de partage. Gain possible = importance × (1 − performance). Écart au concurrent = importance × (performance − celle du concurrent) ; l’écart global en est la moyenne pondérée par l’importance. Score d’action = gain × faisabilité ÷ coût.",
        "Ratings brought to 0–1: (rating − bottom of the scale) ÷ (top − bottom). Quadrant: importance and performance against the dividing lines. Potential gain = importance × (1 − performance). Gap to competitor = importance × (performance − the competitor’s); the overall gap is their importance-weighted mean. Action score = gain × feasibility ÷ cost.",
    ),
    source: tr(
        "Sources : Martilla et James, « Importance-Performance Analysis », Journal of Marketing, 1977 ; Smith et Colgate, « Customer Value Creation », Journal of Marketing Theory and Practice, 2007 (les quatre dimensions) ; Gale, Managing Customer Value, 1994 (écart concurrentiel) ; Slack, 1994 (seconde priorisation) ; Johnson, « A Heuristic Method for Estimating the Relative Weight of Predictor Variables », Multivariate Behavioral Research, 2000.",
        "Sources: Martilla and James, “Importance-Performance Analysis”, Journal of Marketing, 1977; Smith and Colgate, “Customer Value Creation”, Journal of Marketing Theory and Practice, 2007 (the four dimensions); Gale, Managing Customer Value, 1994 (competitive gap); Slack, 1994 (second prioritisation); Johnson, “A Heuristic Method for Estimating the Relative Weight of Predictor Variables”, Multivariate Behavioral Research, 2000.",
    ),
    derived_title: tr("Importance déduite d’une enquête", "Importance derived from a survey"),
    derived_help: tr(
        "Collez les réponses d’une enquête : une ligne d’en-têtes, puis une ligne par client avec sa note pour chaque levier et, en dernière colonne, sa note globale (ou sa note de recommandation de 0 à 10). Cadran calcule ce qui fait vraiment bouger la note globale — souvent autre chose que ce que les clients disent important.",
        "Paste a survey’s answers: a header line, then one line per customer with their rating of each driver and, in the last column, their overall rating (or 0–10 recommend score). Cadran computes what really moves the overall rating — often not what customers say matters.",
    ),
    survey_label: tr("Réponses de l’enquête (CSV collé)", "Survey answers (pasted CSV)"),
    respondents: tr(
        "Réponses complètes utilisées : {} ; incomplètes, écartées : {} ; R² = {} (part de la note globale expliquée par les leviers).",
        "Complete answers used: {}; incomplete ones left out: {}; R² = {} (share of the overall rating the drivers explain).",
    ),
    correlation: tr("Corrélation avec la note globale", "Correlation with the overall rating"),
    weight: tr("Poids relatif (part de R²)", "Relative weight (share of R²)"),
    shapley: tr("Valeur de Shapley", "Shapley value"),
    stated_share: tr("Importance déclarée (part)", "Stated importance (share)"),
    survey_file: tr("Ou choisissez un fichier CSV (ou déposez-le ici)", "Or choose a CSV file (or drop it here)"),
    column: tr("Colonne", "Column"),
    unreadable: tr(
        "Cellules illisibles, lues comme sans réponse : {} (la première : ligne {}, colonne « {} », « {} »).",
        "Unreadable cells, read as no answer: {} (the first: line {}, column “{}”, “{}”).",
    ),
};

/// A dimension's name.
pub(super) fn dimension(d: Dimension, l: Locale) -> &'static str {
    match d {
        Dimension::Functional => tr("Fonctionnelle", "Functional"),
        Dimension::Experiential => tr("Expérientielle", "Experiential"),
        Dimension::Symbolic => tr("Symbolique", "Symbolic"),
        Dimension::Economic => tr("Économique (coût)", "Economic (cost)"),
    }
    .get(l)
}

/// A dimension's key for the page's `<select>` and tests.
pub(super) fn dimension_key(d: Dimension) -> &'static str {
    match d {
        Dimension::Functional => "functional",
        Dimension::Experiential => "experiential",
        Dimension::Symbolic => "symbolic",
        Dimension::Economic => "economic",
    }
}

/// A quadrant's name, as Martilla and James (1977) named them.
pub(super) fn quadrant(q: Quadrant, l: Locale) -> &'static str {
    match q {
        Quadrant::ConcentrateHere => tr("Concentrez-vous ici", "Concentrate here"),
        Quadrant::KeepUpTheGoodWork => tr("Continuez ainsi", "Keep up the good work"),
        Quadrant::LowPriority => tr("Faible priorité", "Low priority"),
        Quadrant::PossibleOverkill => tr("Effort peut-être excessif", "Possible overkill"),
    }
    .get(l)
}

/// A scale's name.
pub(super) fn scale(s: Scale, l: Locale) -> &'static str {
    match s {
        Scale::OneToFive => tr("de 1 à 5", "1 to 5"),
        Scale::OneToSeven => tr("de 1 à 7", "1 to 7"),
        Scale::ZeroToTen => tr("de 0 à 10", "0 to 10"),
    }
    .get(l)
}

/// A scale's key for the page's `<select>`.
pub(super) fn scale_key(s: Scale) -> &'static str {
    match s {
        Scale::OneToFive => "1-5",
        Scale::OneToSeven => "1-7",
        Scale::ZeroToTen => "0-10",
    }
}

/// The crosshairs choice's words.
pub(super) fn crosshairs(c: Crosshairs, l: Locale) -> &'static str {
    match c {
        Crosshairs::DataMeans => T.crosshairs_means.get(l),
        Crosshairs::ScaleMidpoint => T.crosshairs_midpoint.get(l),
    }
}

/// A column of the driver table, as its header says.
pub(super) fn field(f: DriverField, l: Locale) -> &'static str {
    match f {
        DriverField::Name => T.name.get(l),
        DriverField::Importance => T.importance.get(l),
        DriverField::Performance => T.performance.get(l),
        DriverField::Competitor(_) => T.competitor.get(l),
        DriverField::Feasibility => T.feasibility.get(l),
        DriverField::Cost => T.cost.get(l),
    }
}

/// What is wrong with a driver's cell.
pub(super) fn problem(p: DriverProblem, l: Locale) -> String {
    match p {
        DriverProblem::Empty => tr("donnez-lui un nom", "give it a name").get(l).to_string(),
        DriverProblem::NotFinite | DriverProblem::Missing => T.not_a_number.get(l).to_string(),
        DriverProblem::OutOfScale { min, max } => tr("une note de {} à {} est attendue", "a rating from {} to {} is expected").fill(l, &[&min.to_string(), &max.to_string()]),
    }
}

/// A note on derived importance.
pub(super) fn note(n: DerivedNote, drivers: &[String], l: Locale) -> String {
    match n {
        DerivedNote::ConstantColumn { driver } => tr(
            "Tous les clients ont donné la même note à « {} » : elle ne peut rien expliquer, son importance déduite est 0.",
            "Every customer gave “{}” the same rating: it cannot explain anything, so its derived importance is 0.",
        )
        .fill(l, &[drivers.get(driver).map_or("?", String::as_str)]),
        DerivedNote::FewRespondents { respondents, drivers } => tr(
            "Seulement {} réponses pour {} leviers : la régression épouse les réponses et en dit peu ; visez au moins dix réponses par levier.",
            "Only {} answers for {} drivers: the regression fits the answers and says little; aim for at least ten answers per driver.",
        )
        .fill(l, &[&respondents.to_string(), &drivers.to_string()]),
    }
}

/// Why a pasted survey cannot be read.
pub(super) fn survey_error(e: &SurveyFileError, l: Locale) -> String {
    match e {
        SurveyFileError::Empty => tr("Le texte collé est vide.", "The pasted text is empty.").get(l).to_string(),
        SurveyFileError::OneColumn => tr(
            "Une seule colonne : il faut au moins un levier et la note globale (en dernière colonne).",
            "One column only: at least one driver and the overall rating (last column) are needed.",
        )
        .get(l)
        .to_string(),
        SurveyFileError::NoSuchColumn { index, columns } => tr("La colonne {} n’existe pas (le texte en a {}).", "Column {} does not exist (the text has {}).")
            .fill(l, &[&(index + 1).to_string(), &columns.to_string()]),
        SurveyFileError::TooManyCells { row, have, need } => tr(
            "La ligne {} a {} cellules pour {} en-têtes : vérifiez le séparateur.",
            "Line {} has {} cells for {} headers: check the delimiter.",
        )
        .fill(l, &[&(row + 2).to_string(), &have.to_string(), &need.to_string()]),
    }
}
