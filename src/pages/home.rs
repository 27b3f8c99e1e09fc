//! The home page: what Cadran is, in one screen, and the three ways in (a
//! calculator, your own file, a scenario), each with one example number
//! computed by the same core functions the pages use — so the examples can
//! never disagree with the pages they lead to.

use crate::components::{fmt_money, Fmt};
use crate::i18n::{tr, use_prefs, Tr};
use crate::pages::page_title;
use crate::router::Route;
use cadran_core::locale::format_number;
use cadran_core::metrics::nps::{nps, NpsCounts};
use cadran_core::scenario::model::Baseline;
use cadran_core::scenario::projection::project;
use cadran_core::{Decimal, Outcome, Percent};
use leptos::prelude::*;

/// The page's texts.
pub struct Texts {
    lead: Tr,
    privacy: Tr,
    ways: Tr,
    calc_title: Tr,
    calc_text: Tr,
    calc_example: Tr,
    calc_go: Tr,
    file_title: Tr,
    file_text: Tr,
    file_example: Tr,
    file_go: Tr,
    scenario_title: Tr,
    scenario_text: Tr,
    scenario_example: Tr,
    scenario_go: Tr,
    all_kpis: Tr,
    embed: Tr,
}

/// The page's texts.
const T: Texts = Texts {
    lead: tr(
        "Cadran calcule les indicateurs qui disent si vous gardez et servez bien vos clients — NPS, satisfaction, effort, rétention et attrition, revenu récurrent, valeur vie client, coût d’acquisition, résolution au premier contact, retour sur investissement du succès client — et vous laisse essayer vos hypothèses.",
        "Cadran computes the indicators that tell whether you keep and serve your customers well — NPS, satisfaction, effort, retention and churn, recurring revenue, customer lifetime value, acquisition cost, first-contact resolution, return on customer-success spending — and lets you try your what-ifs.",
    ),
    privacy: tr(
        "Tout se calcule dans ce navigateur : vos chiffres et vos fichiers ne quittent jamais votre appareil, et Cadran marche hors ligne.",
        "Everything is computed in this browser: your numbers and files never leave your device, and Cadran works offline.",
    ),
    ways: tr("Trois façons de commencer", "Three ways to start"),
    calc_title: tr("Un calculateur", "A calculator"),
    calc_text: tr(
        "Tapez quelques chiffres, lisez le résultat, sa formule et sa source.",
        "Type a few numbers, read the result, its formula and its source.",
    ),
    calc_example: tr(
        "120 promoteurs, 50 passifs, 30 détracteurs → NPS {}",
        "120 promoters, 50 passives, 30 detractors → NPS {}",
    ),
    calc_go: tr("Calculer un NPS", "Compute an NPS"),
    file_title: tr("Votre fichier", "Your own file"),
    file_text: tr(
        "Déposez un export CSV — enquêtes, abonnements, transactions, tickets : Cadran reconnaît les colonnes, signale chaque ligne illisible et calcule tout.",
        "Drop a CSV export — surveys, subscriptions, transactions, tickets: Cadran recognises the columns, points out every unreadable line and computes everything.",
    ),
    file_example: tr(
        "Un export d’abonnements → la rétention de chaque cohorte, mois par mois",
        "A subscriptions export → each cohort’s retention, month by month",
    ),
    file_go: tr("Importer un fichier", "Import a file"),
    scenario_title: tr("Un scénario", "A scenario"),
    scenario_text: tr(
        "Comparez votre situation à des hypothèses, mois par mois, et gardez le fichier.",
        "Compare your situation with what-ifs, month by month, and keep the file.",
    ),
    scenario_example: tr(
        "1 000 clients à 100 par mois : 1 point d’attrition en moins → {} de profit en plus sur 3 ans",
        "1,000 customers at 100 a month: 1 point less churn → {} more profit over 3 years",
    ),
    scenario_go: tr("Essayer un scénario", "Try a scenario"),
    all_kpis: tr("Voir tous les indicateurs", "See every indicator"),
    embed: tr(
        "Vous avez un site ? Intégrez-y un calculateur gratuit",
        "Have a website? Embed a free calculator in it",
    ),
};

/// The NPS of the calculator example (the NPS card's defaults).
///
/// # Errors
/// Never for these counts; typed because [`nps`] is.
pub fn example_nps() -> Outcome<Decimal> {
    nps(&NpsCounts { promoters: 120, passives: 50, detractors: 30 }).map(|n| n.nps)
}

/// The scenario example: the extra profit over the 36 months of the default
/// baseline when monthly churn is one point lower.
///
/// # Errors
/// Never for the default baseline; typed because [`project`] is.
pub fn example_extra_profit() -> Outcome<Decimal> {
    let base = Baseline::default();
    let better = Baseline { monthly_churn: Percent(base.monthly_churn.0 - Decimal::ONE), ..base };
    let end = |b: &Baseline| project(b).and_then(|p| p.cumulative_profit_at(36));
    Ok(end(&better)? - end(&base)?)
}

/// The home page.
#[component]
pub fn HomePage() -> impl IntoView {
    let prefs = use_prefs();
    let l = move || prefs.locale.get();
    let nps_text = move || {
        let v = example_nps().map_or_else(|_| "—".to_string(), |s| format_number(s, 0, l()));
        T.calc_example.fill(l(), &[&v])
    };
    let profit_text = move || {
        let v = example_extra_profit().map_or_else(|_| "—".to_string(), |p| fmt_money(p.round(), Fmt::of(prefs)));
        T.scenario_example.fill(l(), &[&v])
    };
    let way = move |title: Tr, text: Tr, example: Box<dyn Fn() -> String + Send + Sync>, go: Tr, to: Route| {
        view! {
            <li class="way">
                <h3>{move || title.get(l())}</h3>
                <p>{move || text.get(l())}</p>
                <p class="way-example">{example}</p>
                <a class="way-go" href=to.href()>{move || go.get(l())} " →"</a>
            </li>
        }
    };
    view! {
        <section class="page home" aria-labelledby="page-title">
            <div class="page-head">
                <h1 id="page-title">{move || page_title(Route::Home, l())}</h1>
                <p class="lead">{move || T.lead.get(l())}</p>
                <p class="home-privacy">{move || T.privacy.get(l())}</p>
            </div>
            <h2>{move || T.ways.get(l())}</h2>
            <ul class="ways">
                {way(T.calc_title, T.calc_text, Box::new(nps_text), T.calc_go, Route::Nps)}
                {way(T.file_title, T.file_text, Box::new(move || T.file_example.get(l()).to_string()), T.file_go, Route::Import)}
                {way(T.scenario_title, T.scenario_text, Box::new(profit_text), T.scenario_go, Route::Scenarios)}
            </ul>
            <p class="home-more">
                <a href=Route::Dashboard.href()>{move || T.all_kpis.get(l())} " →"</a>
                <a href=Route::Embed.href()>{move || T.embed.get(l())} " →"</a>
            </p>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn the_examples_are_the_cores_numbers() {
        // (120 − 30) ÷ 200 × 100 = 45.
        assert_eq!(example_nps(), Ok(dec!(45)));
        let extra = example_extra_profit().expect("defined for the default baseline");
        assert!(extra > Decimal::ZERO, "less churn earns more: {extra}");
    }
}
