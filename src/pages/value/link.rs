//! "Use in scenarios": improving one driver by k points becomes a scenario
//! variant through the user's own assumption of what a point is worth in
//! churn. The scenario page computes the variant on its baseline
//! ([`cadran_core::metrics::value::driver_variant`]); this page states the
//! assumption and hands it over ([`crate::handoff::send_driver_to_scenario`]).

use super::ValueCtx;
use crate::i18n::{tr, use_prefs, Tr};
use leptos::prelude::*;

struct Texts {
    title: Tr,
    help: Tr,
    driver: Tr,
    points: Tr,
    effect: Tr,
    cost: Tr,
    assumption: Tr,
    send: Tr,
    unreadable: Tr,
    name: Tr,
}

const T: Texts = Texts {
    title: tr("Utiliser dans les scénarios", "Use in scenarios"),
    help: tr(
        "Que vaudrait une amélioration de ce levier ? Dites de combien de points vous pensez l’améliorer et ce qu’un point vaut selon vous en attrition mensuelle : la page Scénarios en fait une variante de sa référence.",
        "What would improving this driver be worth? Say by how many points you expect to improve it and what you think a point is worth in monthly churn: the Scenarios page turns it into a variant of its baseline.",
    ),
    driver: tr("Levier à améliorer", "Driver to improve"),
    points: tr("Points gagnés sur le levier", "Points gained on the driver"),
    effect: tr("Baisse d’attrition mensuelle par point (points de %)", "Fall in monthly churn per point (percentage points)"),
    cost: tr("Coût en plus par mois", "Extra cost per month"),
    assumption: tr(
        "Hypothèse, pas mesure : l’analyse des leviers dit ce qui compte, pas de combien l’attrition bouge. Prenez cet effet dans votre historique, une enquête auprès des clients partis ou un repère publié.",
        "An assumption, not a measurement: the driver analysis says what matters, not by how much churn moves. Take this effect from your history, a survey of customers who left, or a published benchmark.",
    ),
    send: tr("Ajouter comme variante dans Scénarios", "Add as a variant in Scenarios"),
    unreadable: tr("Saisissez un nombre dans « {} ».", "Type a number in “{}”."),
    name: tr("{} +{} pt", "{} +{} pt"),
};

/// The hand-off form.
#[component]
pub fn UseInScenarios(ctx: ValueCtx) -> impl IntoView {
    let prefs = use_prefs();
    let l = move || prefs.locale.get();
    let sheet = ctx.sheet;
    // The driver chosen, or else the top-ranked action's.
    let chosen = move || {
        let picked = sheet.with(|s| s.link.driver.filter(|id| s.rows.iter().any(|r| r.id == *id)));
        picked.or_else(|| {
            let top = ctx.report.with(|r| r.as_ref().ok().and_then(|r| r.actions.as_ref()?.as_ref().ok()?.first().map(|a| a.driver)));
            top.and_then(|i| sheet.with(|s| s.rows.get(i).map(|r| r.id)))
        })
    };
    let options = move || {
        let current = chosen();
        sheet.with(|s| {
            s.rows.iter().map(|r| view! { <option value=r.id.to_string() selected=current == Some(r.id)>{r.name.clone()}</option> }).collect_view()
        })
    };
    let on_driver = move |e: leptos::ev::Event| {
        let id = event_target_value(&e).parse::<u32>().ok();
        sheet.update(|s| s.link.driver = id);
    };
    let problem = move || {
        let l = l();
        sheet.with(|s| s.link.read(l)).err().map(|key| {
            let label = match key {
                "improvement_points" => T.points,
                "churn_points_per_point" => T.effect,
                _ => T.cost,
            };
            T.unreadable.fill(l, &[label.get(l)])
        })
    };
    let send = move |_| {
        let l = prefs.locale.get_untracked();
        let Ok(link) = sheet.with_untracked(|s| s.link.read(l)) else { return };
        let Some(id) = chosen() else { return };
        let name = sheet.with_untracked(|s| s.rows.iter().find(|r| r.id == id).map(|r| T.name.fill(l, &[r.name.trim(), &s.link.points.trim().to_string()])));
        if let Some(name) = name {
            crate::handoff::send_variant_to_scenario(&crate::handoff::PendingVariant::Driver { name, link });
            let _ = window().location().set_hash("/scenarios");
        }
    };
    let field = move |label: Tr, get: fn(&super::sheet::LinkText) -> String, set: fn(&mut super::sheet::LinkText, String), id: &'static str| {
        view! {
            <label class="value-link-field" for=id>{move || label.get(l())}</label>
            <input id=id type="text" inputmode="decimal" prop:value=move || sheet.with(|s| get(&s.link))
                on:input=move |e| { let v = event_target_value(&e); sheet.update(|s| set(&mut s.link, v)) } />
        }
    };
    view! {
        <section class="value-link" aria-labelledby="value-link-title">
            <h2 id="value-link-title">{move || T.title.get(l())}</h2>
            <p class="help">{move || T.help.get(l())}</p>
            <div class="value-link-grid">
                <label class="value-link-field" for="value-link-driver">{move || T.driver.get(l())}</label>
                <select id="value-link-driver" on:change=on_driver>{options}</select>
                {field(T.points, |x| x.points.clone(), |x, v| x.points = v, "value-link-points")}
                {field(T.effect, |x| x.effect.clone(), |x, v| x.effect = v, "value-link-effect")}
                {field(T.cost, |x| x.cost.clone(), |x, v| x.cost = v, "value-link-cost")}
            </div>
            <p class="assumption">{move || T.assumption.get(l())}</p>
            {move || problem().map(|p| view! { <p class="reason" role="alert">{p}</p> })}
            <button type="button" class="primary" disabled=move || problem().is_some() || chosen().is_none() on:click=send>
                {move || T.send.get(l())}
            </button>
        </section>
    }
}
