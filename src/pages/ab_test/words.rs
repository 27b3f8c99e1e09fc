//! The A/B-test card's words: its texts table and the sentences that put a
//! statistic into words (the verdict first, as a reader needs it).

use crate::i18n::{tr, Tr};
use cadran_core::locale::{format_number, format_percent, Locale};
use cadran_core::metrics::ab_test::{AbVerdict, Confidence, Sides, TestUsed};
use cadran_core::Decimal;

/// The page's texts.
pub struct Texts {
    pub(super) intro: Tr,
    pub(super) source: Tr,
    pub(super) observed: Tr,
    pub(super) settings: Tr,
    pub(super) revenue: Tr,
    pub(super) revenue_help: Tr,
    pub(super) money: Tr,
    pub(super) money_help: Tr,
    pub(super) plan: Tr,
    pub(super) verdict: Tr,
    pub(super) rate_a: Tr,
    pub(super) rate_b: Tr,
    pub(super) lift: Tr,
    pub(super) relative_lift: Tr,
    pub(super) p_value: Tr,
    pub(super) bayes: Tr,
    pub(super) loss: Tr,
    pub(super) split: Tr,
    pub(super) split_ok: Tr,
    pub(super) revenue_diff: Tr,
    pub(super) money_out: Tr,
    pub(super) plan_visitors: Tr,
    pub(super) plan_days: Tr,
    pub(super) plan_no_traffic: Tr,
    pub(super) peeking: Tr,
    pub(super) not_given: Tr,
}

/// The page's texts.
pub const T: Texts = Texts {
    intro: tr(
        "Deux versions d’une offre (une page, un e-mail de renouvellement, un appel d’accueil) : B fait-elle vraiment mieux que A, ou est-ce le hasard ? Et combien de temps faire tourner un test ?",
        "Two versions of an offer (a page, a renewal email, an onboarding call): does B really do better than A, or is it chance? And how long must a test run?",
    ),
    source: tr(
        "Sources : test du khi-deux N−1 (Campbell, Statistics in Medicine, 2007 ; recommandé par Sauro et Lewis, Quantifying the User Experience, 2016) et test exact de Fisher pour les petits effectifs ; lecture bayésienne exacte (Evan Miller, « Formulas for Bayesian A/B Testing ») ; taille d’échantillon et règle séquentielle (Evan Miller, « How Not To Run an A/B Test », « Simple Sequential A/B Testing ») ; contrôle de la répartition (Kohavi, Tang et Xu, Trustworthy Online Controlled Experiments, 2020) ; test de Welch (1947) pour le revenu.",
        "Sources: the N−1 chi-square test (Campbell, Statistics in Medicine, 2007; recommended by Sauro and Lewis, Quantifying the User Experience, 2016) and Fisher’s exact test for small counts; exact Bayesian reading (Evan Miller, “Formulas for Bayesian A/B Testing”); sample size and the sequential rule (Evan Miller, “How Not To Run an A/B Test”, “Simple Sequential A/B Testing”); the split check (Kohavi, Tang and Xu, Trustworthy Online Controlled Experiments, 2020); Welch’s test (1947) for revenue.",
    ),
    observed: tr("Ce que le test a mesuré", "What the test measured"),
    settings: tr("Lecture", "Reading"),
    revenue: tr("Revenu par visiteur (facultatif)", "Revenue per visitor (optional)"),
    revenue_help: tr(
        "Moyenne et écart type du revenu par visiteur de chaque version, tous visiteurs compris (0 pour ceux qui n’ont rien acheté).",
        "Mean and standard deviation of revenue per visitor for each version, every visitor included (0 for those who bought nothing).",
    ),
    money: tr("De l’écart à l’argent (facultatif)", "From lift to money (optional)"),
    money_help: tr(
        "Vos visiteurs par mois, votre ARPA et votre CLV (cartes ARPA et CLV) : ce que vaut l’écart s’il se confirme.",
        "Your visitors a month, ARPA and CLV (the ARPA and CLV cards): what the lift is worth if it holds.",
    ),
    plan: tr("Préparer un test", "Plan a test"),
    verdict: tr("Conclusion", "Conclusion"),
    rate_a: tr("Conversion de A", "A’s conversion"),
    rate_b: tr("Conversion de B", "B’s conversion"),
    lift: tr("Écart B − A (points)", "Lift B − A (points)"),
    relative_lift: tr("Écart relatif", "Relative lift"),
    p_value: tr("Valeur p", "p-value"),
    bayes: tr("Probabilité que B batte A", "Probability that B beats A"),
    loss: tr("Perte attendue en choisissant B", "Expected loss of choosing B"),
    split: tr("Répartition du trafic", "Traffic split"),
    split_ok: tr("conforme : {} pour A (prévu {})", "as intended: {} to A ({} planned)"),
    revenue_diff: tr("Revenu par visiteur, B − A", "Revenue per visitor, B − A"),
    money_out: tr("Si l’écart se confirme, chaque mois", "If the lift holds, each month"),
    plan_visitors: tr("Visiteurs nécessaires par version", "Visitors needed per version"),
    plan_days: tr("Durée du test", "Test duration"),
    plan_no_traffic: tr("saisissez le trafic par jour", "enter the traffic per day"),
    peeking: tr(
        "Regarder les résultats avant la taille prévue et s’arrêter au premier résultat « significatif » multiplie les faux positifs. Si vous regarderez en cours de route, fixez d’avance N conversions au total et arrêtez dès que B mène de {} conversions (B gagne) ou que le total atteint N (pas de gagnant) — règle séquentielle simple d’Evan Miller, ici avec N = {}.",
        "Looking at results before the planned size and stopping at the first “significant” reading multiplies false positives. If you will peek, fix N total conversions in advance and stop as soon as B leads by {} conversions (B wins) or the total reaches N (no winner) — Evan Miller’s simple sequential rule, here with N = {}.",
    ),
    not_given: tr("Non renseigné.", "Not given."),
};

/// A statistic (`f64`) written with `decimals` places; "—" if it is not a
/// finite number (never shown as NaN).
#[must_use]
pub fn stat(v: f64, decimals: u32, l: Locale) -> String {
    Decimal::try_from(v).map_or_else(|_| "—".to_string(), |d| format_number(d, decimals, l))
}

/// A signed number of points: "+1,2", "−0,4".
#[must_use]
pub fn points(v: f64, l: Locale) -> String {
    let s = stat(v, 2, l);
    if v > 0.0 { format!("+{s}") } else { s }
}

/// A p-value: four decimals, or "< 0,0001".
#[must_use]
pub fn p_value(p: f64, l: Locale) -> String {
    if p < 0.0001 { format!("< {}", stat(0.0001, 4, l)) } else { stat(p, 4, l) }
}

/// "p = 0,0123", or "p < 0,0001" (never "p = < …").
#[must_use]
pub fn p_is(p: f64, l: Locale) -> String {
    if p < 0.0001 { format!("p < {}", stat(0.0001, 4, l)) } else { format!("p = {}", stat(p, 4, l)) }
}

/// A probability as a percentage with one decimal.
#[must_use]
pub fn probability(p: f64, l: Locale) -> String {
    Decimal::try_from(p * 100.0).map_or_else(|_| "—".to_string(), |d| format_percent(d, 1, l))
}

/// "95 %".
#[must_use]
pub fn confidence(c: Confidence, l: Locale) -> String {
    let n = match c {
        Confidence::Ninety => 90,
        Confidence::NinetyFive => 95,
        Confidence::NinetyNine => 99,
    };
    format_percent(Decimal::from(n), 0, l)
}

/// Which test ran, and why.
#[must_use]
pub fn test_used(t: TestUsed, l: Locale) -> &'static str {
    match t {
        TestUsed::NMinusOneChiSquare => tr("test du khi-deux N−1", "N−1 chi-square test").get(l),
        TestUsed::FisherExact => {
            tr("test exact de Fisher (un effectif attendu est inférieur à 5)", "Fisher’s exact test (an expected count is below 5)").get(l)
        }
    }
}

/// The verdict in a sentence, with the figures it quotes.
#[must_use]
pub fn verdict(v: &AbVerdict, l: Locale) -> String {
    match *v {
        AbVerdict::SplitBroken { srm_p_value, observed_share_a, intended_share_a } => tr(
            "Le test lui-même est faussé : A a reçu {} des visiteurs au lieu de {} (écart de répartition, {}). Cherchez la cause (redirection, robots, affectation des visiteurs) avant de lire un résultat.",
            "The test itself is broken: A got {} of the visitors instead of {} (sample-ratio mismatch, {}). Find the cause (a redirect, bots, how visitors are assigned) before reading any result.",
        )
        .fill(l, &[&format_percent(observed_share_a.0, 2, l), &format_percent(intended_share_a.0, 0, l), &p_is(srm_p_value, l)]),
        AbVerdict::BBetter { lift_low, lift_high, confidence: c, sides: Sides::TwoSided } => tr(
            "B convertit mieux que A : confiance de {} que l’écart est entre {} et {} points.",
            "B converts better than A: {} confident the lift is between {} and {} points.",
        )
        .fill(l, &[&confidence(c, l), &points(lift_low, l), &points(lift_high, l)]),
        AbVerdict::BBetter { lift_low, confidence: c, sides: Sides::OneSided, .. } => tr(
            "B convertit mieux que A : confiance de {} que l’écart est d’au moins {} points.",
            "B converts better than A: {} confident the lift is at least {} points.",
        )
        .fill(l, &[&confidence(c, l), &points(lift_low, l)]),
        AbVerdict::ABetter { lift_low, lift_high, confidence: c } => tr(
            "A convertit mieux que B : confiance de {} que l’écart B − A est entre {} et {} points. Gardez A.",
            "A converts better than B: {} confident the lift B − A is between {} and {} points. Keep A.",
        )
        .fill(l, &[&confidence(c, l), &points(lift_low, l), &points(lift_high, l)]),
        AbVerdict::NoConclusion { more_visitors_per_version: Some(n) } => tr(
            "Pas encore de conclusion : l’écart peut venir du hasard. Continuez le test : environ {} visiteurs de plus par version.",
            "No conclusion yet: the difference may be chance. Keep the test running: about {} more visitors per version.",
        )
        .fill(l, &[&format_number(Decimal::from(n), 0, l)]),
        AbVerdict::NoConclusion { more_visitors_per_version: None } => tr(
            "Pas encore de conclusion : l’écart peut venir du hasard. Continuez le test.",
            "No conclusion yet: the difference may be chance. Keep the test running.",
        )
        .get(l)
        .to_string(),
    }
}
