//! The retention what-if: "+X points of retention" on the baseline, the
//! change of cumulative profit at one, three and five years, and, in plain
//! words, whether the user's numbers land in the 25–95 % band of Reichheld's
//! claim and which inputs drive it. Engine:
//! [`cadran_core::scenario::retention_whatif::retention_whatif`].

use super::state::Ctx;
use super::texts::{exact_percent};
use crate::i18n::tr;
use super::words::reason;
use crate::components::{fmt_money, fmt_percent, Fmt};
use crate::i18n::use_prefs;
use cadran_core::locale::{format_input, parse_number, Locale};
use cadran_core::scenario::retention_whatif::{retention_whatif, Band, Driver, RetentionBasis, RetentionWhatIf};
use cadran_core::{Decimal, Percent};
use leptos::prelude::*;

fn driver_words(d: Driver, w: &RetentionWhatIf, f: Fmt) -> String {
    let l = f.locale;
    let p = |o: &cadran_core::Outcome<Percent>| o.as_ref().map_or("?".into(), |p| fmt_percent(*p, f));
    match (d, l) {
        (Driver::ThinProfit, Locale::Fr) => format!("Votre profit est mince ({} du revenu sur 5 ans) : tout gain en représente une grosse part.", p(&w.why.profit_margin)),
        (Driver::ThinProfit, Locale::En) => format!("Your profit is thin ({} of revenue over 5 years): any gain is a large share of it.", p(&w.why.profit_margin)),
        (Driver::ThickProfit, Locale::Fr) => format!("Votre profit est déjà confortable ({} du revenu sur 5 ans) : le gain n’en représente qu’une petite part.", p(&w.why.profit_margin)),
        (Driver::ThickProfit, Locale::En) => format!("Your profit is already comfortable ({} of revenue over 5 years): the gain is only a small share of it.", p(&w.why.profit_margin)),
        (Driver::HighChurn, Locale::Fr) => format!("Rétention annuelle basse ({}) : beaucoup de clients à sauver.", p(&w.why.annual_retention)),
        (Driver::HighChurn, Locale::En) => format!("Low annual retention ({}): many customers to save.", p(&w.why.annual_retention)),
        (Driver::LowChurn, Locale::Fr) => format!("Rétention annuelle déjà haute ({}) : peu de clients restent à sauver.", p(&w.why.annual_retention)),
        (Driver::LowChurn, Locale::En) => format!("Annual retention already high ({}): few customers are left to save.", p(&w.why.annual_retention)),
        (Driver::HighMargin, Locale::Fr) => format!("Marge brute élevée ({}) : chaque client gardé rapporte beaucoup.", fmt_percent(w.why.gross_margin, f)),
        (Driver::HighMargin, Locale::En) => format!("High gross margin ({}): each customer kept adds a lot of profit.", fmt_percent(w.why.gross_margin, f)),
        (Driver::LowMargin, Locale::Fr) => format!("Marge brute faible ({}) : chaque client gardé rapporte peu.", fmt_percent(w.why.gross_margin, f)),
        (Driver::LowMargin, Locale::En) => format!("Low gross margin ({}): each customer kept adds little.", fmt_percent(w.why.gross_margin, f)),
        (Driver::HighAcquisitionShare, Locale::Fr) => format!("L’acquisition coûte cher ({} de la marge brute) : garder un client évite de le remplacer, comme dans les secteurs étudiés par Reichheld.", p(&w.why.acquisition_cost_share)),
        (Driver::HighAcquisitionShare, Locale::En) => format!("Acquisition is costly ({} of gross profit): keeping a customer saves replacing them, as in the industries Reichheld studied.", p(&w.why.acquisition_cost_share)),
        (Driver::LowAcquisitionShare, Locale::Fr) => format!("L’acquisition coûte peu ({} de la marge brute) : garder un client économise peu.", p(&w.why.acquisition_cost_share)),
        (Driver::LowAcquisitionShare, Locale::En) => format!("Acquisition is cheap ({} of gross profit): keeping a customer saves little.", p(&w.why.acquisition_cost_share)),
        (Driver::ExpansionCompounds, Locale::Fr) => "Le revenu des clients restants croît (expansion) : les clients gardés rapportent de plus en plus.".into(),
        (Driver::ExpansionCompounds, Locale::En) => "Retained customers’ revenue grows (expansion): customers kept bring in more and more.".into(),
        (Driver::NotFivePoints, Locale::Fr) => "L’affirmation porte sur 5 points de rétention annuelle : vous en testez un autre nombre, comparez en proportion.".into(),
        (Driver::NotFivePoints, Locale::En) => "The claim is about 5 points of annual retention: you are testing another amount, compare in proportion.".into(),
    }
}

fn verdict(w: &RetentionWhatIf, f: Fmt) -> String {
    let l = f.locale;
    let pct = w.changes[2].change.percent.as_ref().map_or(String::new(), |p| fmt_percent(*p, f));
    match &w.band {
        Ok(Band::Inside) => tr("Avec vos chiffres, le profit cumulé à 5 ans augmente de {} : c’est dans la fourchette de 25 à 95 % de l’affirmation.", "With your numbers, 5-year cumulative profit rises by {}: inside the claim’s 25 to 95 % band.").fill(l, &[&pct]),
        Ok(Band::Below) => tr("Avec vos chiffres, le profit cumulé à 5 ans change de {} : en dessous de la fourchette de 25 à 95 % de l’affirmation.", "With your numbers, 5-year cumulative profit changes by {}: below the claim’s 25 to 95 % band.").fill(l, &[&pct]),
        Ok(Band::Above) => tr("Avec vos chiffres, le profit cumulé à 5 ans augmente de {} : au-dessus de la fourchette de 25 à 95 % de l’affirmation.", "With your numbers, 5-year cumulative profit rises by {}: above the claim’s 25 to 95 % band.").fill(l, &[&pct]),
        Ok(Band::BaselineNotProfitable) => tr("Votre référence ne fait pas de profit sur 5 ans : une hausse en pourcentage d’une perte n’a pas de sens ; lisez l’écart en valeur.", "Your baseline makes no profit over 5 years: a percentage rise of a loss means nothing; read the change in value.").get(l).into(),
        Err(e) => reason(e, l),
    }
}

/// The retention what-if panel.
#[component]
pub fn RetentionPanel() -> impl IntoView {
    let ctx = Ctx::get();
    let prefs = use_prefs();
    let l = move || prefs.locale.get();
    let points_text = RwSignal::new(format_input(Decimal::from(5), prefs.locale.get_untracked()));
    let basis = RwSignal::new(RetentionBasis::Annual);
    let points = Memo::new(move |_| parse_number(&points_text.get(), l()));
    let result = Memo::new(move |_| {
        let p = points.get().ok()?;
        let b = basis.get();
        Some(ctx.scenario.with(|s| retention_whatif(&s.baseline, Percent(p), b)))
    });
    let body = move || {
        let f = Fmt::of(prefs);
        let loc = f.locale;
        match result.get() {
            None => view! { <p class="error" role="alert">{tr("Saisissez un nombre de points.", "Enter a number of points.").get(loc)}</p> }.into_any(),
            Some(Err(e)) => view! { <p class="error" role="alert">{reason(&e, loc)}</p> }.into_any(),
            Some(Ok(w)) => {
                let churn = w.variant.overrides.monthly_churn.map(|c| exact_percent(c.0, f)).unwrap_or_default();
                let money = |o: &cadran_core::Outcome<Decimal>| o.as_ref().map_or_else(|e| reason(e, loc), |v| fmt_money(*v, f));
                let rows = w.changes.iter().map(|c| {
                    let years = c.months / 12;
                    let pct = c.change.percent.as_ref().map_or_else(|e| reason(e, loc), |p| {
                        let s = fmt_percent(*p, f);
                        if p.0 > Decimal::ZERO { format!("+{s}") } else { s }
                    });
                    let abs = c.change.absolute.as_ref().map_or_else(|e| reason(e, loc), |v| {
                        let s = fmt_money(*v, f);
                        if *v > Decimal::ZERO { format!("+{s}") } else { s }
                    });
                    view! {
                        <tr data-years=years>
                            <th scope="row">{if years > 1 { tr("{} ans", "{} years") } else { tr("{} an", "{} year") }.fill(loc, &[&years.to_string()])}</th>
                            <td>{money(&c.baseline)}</td>
                            <td>{money(&c.variant)}</td>
                            <td class="change">{abs}</td>
                            <td class="change-pct">{pct}</td>
                        </tr>
                    }
                }).collect_view();
                let drivers = w.why.drivers.iter().map(|d| view! { <li>{driver_words(*d, &w, f)}</li> }).collect_view();
                let band_class = match w.band { Ok(Band::Inside) => "inside", Ok(Band::Above) => "above", _ => "below" };
                view! {
                    <p class="help">{tr(
                        "L’attrition mensuelle passe de {} à {}. Les deux scénarios sont projetés sur au moins 5 ans.",
                        "Monthly churn goes from {} to {}. Both scenarios are projected over at least 5 years.",
                    ).fill(loc, &[&exact_percent(ctx.scenario.with_untracked(|s| s.baseline.monthly_churn.0), f), &churn])}</p>
                    <div class="table-scroll">
                        <table class="sc-table retention-table">
                            <caption>{tr("Profit cumulé, référence et rétention améliorée", "Cumulative profit, baseline and improved retention").get(loc)}</caption>
                            <thead><tr>
                                <th scope="col">{tr("Après", "After").get(loc)}</th>
                                <th scope="col">{tr("Référence", "Baseline").get(loc)}</th>
                                <th scope="col">{tr("Rétention améliorée", "Improved retention").get(loc)}</th>
                                <th scope="col">{tr("Écart", "Change").get(loc)}</th>
                                <th scope="col">{tr("Écart en %", "Change in %").get(loc)}</th>
                            </tr></thead>
                            <tbody>{rows}</tbody>
                        </table>
                    </div>
                    <p class=format!("verdict {band_class}") data-verdict="">{verdict(&w, f)}</p>
                    <h3>{tr("Pourquoi", "Why").get(loc)}</h3>
                    <ul class="drivers">{drivers}</ul>
                    <p class="source">{tr("Source de l’affirmation « +5 points de rétention, +25 à 95 % de profit » : Reichheld, The Loyalty Effect (1996) ; Reichheld et Sasser, « Zero Defections », Harvard Business Review (1990). Mesurée dans des secteurs à coût d’acquisition élevé et à marges minces.", "Source of the claim “+5 points of retention, +25 to 95 % profit”: Reichheld, The Loyalty Effect (1996); Reichheld and Sasser, “Zero Defections”, Harvard Business Review (1990). Measured in industries with high acquisition costs and thin margins.").get(loc)}</p>
                    <p class="help">{tr("Pour suivre cette hypothèse mois par mois à côté des autres, ajoutez-la comme variante avec « Améliorer la rétention de … points » dans l’éditeur.", "To follow this what-if month by month beside the others, add it as a variant with “Improve retention by … points” in the editor.").get(loc)}</p>
                }.into_any()
            }
        }
    };
    view! {
        <section class="sc-section" aria-labelledby="sc-ret-title">
            <h2 id="sc-ret-title">{move || tr("Et si la rétention s’améliorait ?", "What if retention improved?").get(l())}</h2>
            <div class="sc-inline-form">
                <div class="field">
                    <label for="sc-ret-whatif-points">{move || tr("Gain de rétention", "Retention gain").get(l())}</label>
                    <div class="input-unit">
                        <input id="sc-ret-whatif-points" type="text" inputmode="decimal" prop:value=move || points_text.get()
                            on:input=move |ev| points_text.set(event_target_value(&ev)) />
                        <span class="unit">{move || tr("points", "points").get(l())}</span>
                    </div>
                </div>
                <div class="field">
                    <label for="sc-ret-whatif-basis">{move || tr("Rétention", "Retention").get(l())}</label>
                    <select id="sc-ret-whatif-basis" on:change=move |ev| basis.set(if event_target_value(&ev) == "monthly" { RetentionBasis::Monthly } else { RetentionBasis::Annual })>
                        <option value="annual">{move || tr("annuelle (comme l’affirmation)", "annual (as in the claim)").get(l())}</option>
                        <option value="monthly">{move || tr("mensuelle", "monthly").get(l())}</option>
                    </select>
                </div>
            </div>
            <div aria-live="polite">{body}</div>
        </section>
    }
}
