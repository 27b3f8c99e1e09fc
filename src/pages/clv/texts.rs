//! The CLV card's texts. In labels and assumptions, `{p}` is the period
//! ("par mois" / "per month") and `{ps}` its plural noun ("mois" / "months").

use crate::components::periods_word;
use crate::i18n::{tr, Tr};
use cadran_core::locale::Locale;
use cadran_core::metrics::period::Period;

/// The page's texts.
pub(super) struct Texts {
    pub intro: Tr,
    pub unit_help: Tr,
    pub names: [Tr; 3],
    pub assumptions: [&'static [Tr]; 3],
    pub clv: Tr,
    pub lifetime: Tr,
    pub infinite: Tr,
    pub horizon_clv: Tr,
    pub sources: [Tr; 3],
    pub to_ratio: Tr,
    pub to_payback: Tr,
    pub from_cac: Tr,
    /// Words of the formulas (see `how.rs`).
    pub simple_words: Tr,
    pub margin_churn_words: Tr,
    pub gross_margin: Tr,
    pub churn: Tr,
    pub lifetime_word: Tr,
}

pub(super) const T: Texts = Texts {
    intro: tr(
        "Ce qu’un client vaut sur toute la relation, calculé de trois façons qui ne répondent pas à la même question. Comparez-les, et lisez leurs hypothèses.",
        "What a customer is worth over the whole relationship, computed three ways that answer different questions. Compare them, and read their assumptions.",
    ),
    unit_help: tr(
        "Tous les champs marqués « par mois » ou « par an » suivent ce choix : l’ARPA, l’attrition et le taux d’actualisation doivent porter sur la même période. Changer l’unité ne convertit pas vos nombres.",
        "Every field marked “per month” or “per year” follows this choice: ARPA, churn and discount rate must refer to the same period. Changing the unit does not convert your numbers.",
    ),
    names: [
        tr("(a) Historique : revenu − coûts", "(a) Historic: revenue − costs"),
        tr("(b) Marge ÷ attrition", "(b) Margin ÷ churn"),
        tr("(c) Actualisée", "(c) Discounted"),
    ],
    assumptions: [
        &[
            tr("Regarde seulement le passé : ce que le client a payé et coûté, sans prévision.", "Looks back only: what the customer actually paid and cost, no forecast."),
            tr("Montants totaux sur toute la relation jusqu’ici (pas d’unité de temps).", "Totals over the whole relationship so far (no time unit)."),
            tr("Juste pour un client parti ; un minimum pour un client encore là.", "Right for a customer who left; a lower bound for one who is still there."),
            tr("Déjà nette du coût d’acquisition : ne la divisez pas encore par le CAC.", "Already net of acquisition cost: do not divide it by CAC again."),
        ],
        &[
            tr("ARPA, marge et attrition restent constants pour toujours.", "ARPA, margin and churn stay the same forever."),
            tr("ARPA et attrition sont {p} : la même période pour les deux.", "ARPA and churn are {p}: the same period for both."),
            tr("Durée de vie moyenne = 1 ÷ attrition.", "Average lifetime = 1 ÷ churn."),
            tr(
                "Pas d’actualisation : l’argent dans cinq ans compte autant qu’aujourd’hui, ce qui surestime les longues durées de vie.",
                "No discounting: money in five years counts as much as today, which overstates long lifetimes.",
            ),
            tr("Coût d’acquisition non déduit : comparez avec le CAC (LTV:CAC).", "Acquisition cost not subtracted: compare with CAC (LTV:CAC)."),
        ],
        &[
            tr("Marge m = ARPA × marge brute de (b), reçue à la fin de chaque période.", "Margin m = ARPA × gross margin from (b), received at the end of each period."),
            tr("Rétention r = 1 − attrition {p}, constante.", "Retention r = 1 − churn {p}, constant."),
            tr(
                "Marges futures actualisées au taux d {p} (coût du capital) : 10 % par an ≈ 0,8 % par mois.",
                "Future margins discounted at rate d {p} (cost of capital): 10 % a year ≈ 0.8 % a month.",
            ),
            tr("Horizon infini : m × r ÷ (1 + d − r) ; horizon fini : somme sur H {ps}.", "Infinite horizon: m × r ÷ (1 + d − r); finite: the sum over H {ps}."),
        ],
    ],
    clv: tr("CLV", "CLV"),
    lifetime: tr("Durée de vie moyenne", "Average lifetime"),
    infinite: tr("CLV, horizon infini", "CLV, infinite horizon"),
    horizon_clv: tr("CLV sur l’horizon H", "CLV over horizon H"),
    sources: [
        tr(
            "Source : V. Kumar, « Customer Lifetime Value: The Path to Profitability » (2008), approche historique ; Farris et al., « Marketing Metrics » (2010), chap. 5.",
            "Source: V. Kumar, “Customer Lifetime Value: The Path to Profitability” (2008), historic approach; Farris et al., “Marketing Metrics” (2010), ch. 5.",
        ),
        tr(
            "Source : D. Skok, « SaaS Metrics 2.0 » (2013) : LTV = ARPA × marge brute ÷ taux d’attrition.",
            "Source: D. Skok, “SaaS Metrics 2.0” (2013): LTV = ARPA × gross margin ÷ churn rate.",
        ),
        tr(
            "Sources : S. Gupta et D. R. Lehmann, « Customers as Assets », Journal of Interactive Marketing 17(1), 2003 ; Gupta, Lehmann et Stuart, « Valuing Customers », Journal of Marketing Research 41(1), 2004 (horizon fini).",
            "Sources: S. Gupta and D. R. Lehmann, “Customers as Assets”, Journal of Interactive Marketing 17(1), 2003; Gupta, Lehmann and Stuart, “Valuing Customers”, Journal of Marketing Research 41(1), 2004 (finite horizon).",
        ),
    ],
    to_ratio: tr("Utiliser cette CLV dans LTV:CAC", "Use this CLV in LTV:CAC"),
    to_payback: tr("Ouvrir le délai de remboursement du CAC avec cet ARPA et cette marge", "Open CAC payback with this ARPA and margin"),
    from_cac: tr(
        "Valeurs reprises de la carte CAC : ARPA, marge brute, unité de temps et coût d’acquisition.",
        "Values carried over from the CAC card: ARPA, gross margin, time unit and acquisition cost.",
    ),
    simple_words: tr("revenu − (acquisition + service)", "revenue − (acquisition + serving)"),
    margin_churn_words: tr("CLV = ARPA × marge brute ÷ attrition", "CLV = ARPA × gross margin ÷ churn"),
    gross_margin: tr("marge brute", "gross margin"),
    churn: tr("attrition", "churn"),
    lifetime_word: tr("Durée de vie", "Lifetime"),
};

/// `{p}` → "par mois", `{ps}` → "mois" for period `p`.
pub(super) fn with_period(s: &str, p: Period, l: Locale) -> String {
    let per = match p {
        Period::Month => tr("par mois", "per month"),
        Period::Year => tr("par an", "per year"),
    };
    s.replace("{ps}", periods_word(p, l)).replace("{p}", per.get(l))
}
