//! The scenario editor: pick the baseline or a variant, edit its inputs,
//! add variants (blank, or "improve retention by X points" in one click),
//! rename and delete them (with undo).

use super::field::{subject_id, ScenarioField};
use super::state::{default_variant_name, Ctx, Status};
use crate::i18n::tr;
use super::words::reason;
use crate::i18n::use_prefs;
use cadran_core::locale::{parse_number, Locale};
use cadran_core::scenario::model::{Input, Subject, Variant, MAX_VARIANTS};
use cadran_core::scenario::retention_whatif::{retention_variant, RetentionBasis};
use cadran_core::Percent;
use leptos::prelude::*;

/// Adds `v` as a new variant and selects it; false when there are already
/// four.
pub fn add_variant(ctx: Ctx, v: Variant) -> bool {
    let mut added = None;
    ctx.scenario.update(|s| {
        if s.variants.len() < MAX_VARIANTS {
            s.variants.push(v);
            added = Some(s.variants.len() - 1);
        }
    });
    if let Some(i) = added {
        ctx.selected.set(Subject::Variant(i));
    }
    added.is_some()
}

/// The localised name of a "retention + X points" variant.
#[must_use]
pub fn retention_name(points: Percent, basis: RetentionBasis, l: Locale) -> String {
    let p = cadran_core::locale::format_input(points.0, l);
    match (basis, l) {
        (RetentionBasis::Annual, Locale::Fr) => format!("Rétention +{p} pts (annuelle)"),
        (RetentionBasis::Monthly, Locale::Fr) => format!("Rétention +{p} pts (mensuelle)"),
        (RetentionBasis::Annual, Locale::En) => format!("Retention +{p} pts (annual)"),
        (RetentionBasis::Monthly, Locale::En) => format!("Retention +{p} pts (monthly)"),
    }
}

/// The editor.
#[component]
pub fn Editor() -> impl IntoView {
    let ctx = Ctx::get();
    let prefs = use_prefs();
    let l = move || prefs.locale.get();
    let count = Memo::new(move |_| ctx.scenario.with(|s| s.variants.len()));
    let full = move || count.get() >= MAX_VARIANTS;

    let tabs = move || {
        let subjects: Vec<Subject> =
            std::iter::once(Subject::Baseline).chain((0..count.get()).map(Subject::Variant)).collect();
        subjects
            .into_iter()
            .map(|subject| {
                let name = move || ctx.scenario.with(|s| Ctx::name_of(s, subject, l()));
                let has_problem = move || {
                    let v = match subject {
                        Subject::Baseline => None,
                        Subject::Variant(i) => Some(i),
                    };
                    ctx.problems.with(|p| p.iter().any(|e| e.variant == v))
                };
                view! {
                    <button type="button" class="sc-tab" data-subject=subject_id(subject)
                        aria-pressed=move || (ctx.selected.get() == subject).to_string()
                        on:click=move |_| ctx.selected.set(subject)>
                        <span class=format!("swatch-dot series-{}", match subject { Subject::Baseline => 0, Subject::Variant(i) => i + 1 })
                              aria-hidden="true"></span>
                        {name}
                        {move || has_problem().then(|| view! { <span class="sc-tab-problem">" ⚠ " <span class="visually-hidden">{tr("(à corriger)", "(needs correcting)").get(l())}</span></span> })}
                    </button>
                }
            })
            .collect_view()
    };

    let add_blank = move |_| {
        let n = count.get_untracked();
        add_variant(ctx, Variant { name: default_variant_name(n, l()), ..Variant::default() });
    };

    // One click: "improve retention by X points".
    let points_text = RwSignal::new("5".to_string());
    let basis = RwSignal::new(RetentionBasis::Annual);
    let points = move || parse_number(&points_text.get(), l());
    let add_retention = move |_| {
        let Ok(p) = points() else {
            ctx.say(tr("Saisissez un nombre de points de rétention.", "Enter a number of retention points.").get(l()).into(), true);
            return;
        };
        let b = basis.get_untracked();
        match ctx.scenario.with_untracked(|s| retention_variant(&s.baseline, Percent(p), b)) {
            Ok(mut v) => {
                v.name = retention_name(Percent(p), b, l());
                add_variant(ctx, v);
            }
            Err(e) => ctx.say(reason(&e, l()), true),
        }
    };

    let delete = move |i: usize| {
        let before = (ctx.scenario.get_untracked(), ctx.title.get_untracked());
        let name = ctx.scenario.with_untracked(|s| Ctx::name_of(s, Subject::Variant(i), l()));
        ctx.unparsed.update(|u| u.retain(|(s, _)| *s == Subject::Baseline));
        ctx.selected.set(Subject::Baseline);
        ctx.scenario.update(|s| {
            if i < s.variants.len() {
                s.variants.remove(i);
            }
        });
        let text = tr("Variante « {} » supprimée.", "Variant “{}” deleted.").fill(l(), &[&name]);
        ctx.status.set(Some(Status { text, error: false, undo: Some(before) }));
    };

    let panel = move || {
        let subject = ctx.selected.get();
        let variant_head = match subject {
            Subject::Baseline => view! {
                <p class="sc-panel-intro">{move || tr("La situation actuelle : chaque variante part de ces valeurs.", "The current situation: every variant starts from these values.").get(l())}</p>
            }.into_any(),
            Subject::Variant(i) => {
                let name = move || ctx.scenario.with(|s| s.variants.get(i).map(|v| v.name.clone()).unwrap_or_default());
                view! {
                    <div class="sc-variant-head">
                        <div class="field">
                            <label for="sc-variant-name">{move || tr("Nom de la variante", "Variant name").get(l())}</label>
                            <input id="sc-variant-name" class="text" type="text" maxlength="200" prop:value=name
                                on:input=move |ev| {
                                    let t = event_target_value(&ev);
                                    ctx.scenario.update(|s| if let Some(v) = s.variants.get_mut(i) { v.name = t });
                                } />
                        </div>
                        <button type="button" class="secondary danger-outline" on:click=move |_| delete(i)>
                            {move || tr("Supprimer cette variante", "Delete this variant").get(l())}
                        </button>
                    </div>
                    <p class="sc-panel-intro">{move || tr("Changez seulement ce qui diffère de la référence.", "Change only what differs from the baseline.").get(l())}</p>
                }.into_any()
            }
        };
        view! {
            {variant_head}
            <div class="sc-fields">
                {Input::ALL.into_iter().map(|input| view! { <ScenarioField subject=subject input=input /> }).collect_view()}
            </div>
        }
    };

    view! {
        <section class="sc-editor" aria-labelledby="sc-editor-title">
            <h2 id="sc-editor-title">{move || tr("Hypothèses", "Inputs").get(l())}</h2>
            <div class="sc-tabs" role="group" aria-label=move || tr("Scénario modifié", "Scenario being edited").get(l())>
                {tabs}
            </div>
            <div class="sc-add">
                <button type="button" class="secondary" on:click=add_blank disabled=full>
                    {move || tr("+ Ajouter une variante", "+ Add a variant").get(l())}
                </button>
                <div class="sc-retention-add">
                    <div class="field">
                        <label for="sc-ret-points">{move || tr("Améliorer la rétention de", "Improve retention by").get(l())}</label>
                        <div class="input-unit">
                            <input id="sc-ret-points" type="text" inputmode="decimal" prop:value=move || points_text.get()
                                on:input=move |ev| points_text.set(event_target_value(&ev)) />
                            <span class="unit">{move || tr("points", "points").get(l())}</span>
                        </div>
                    </div>
                    <div class="field">
                        <label for="sc-ret-basis">{move || tr("de rétention", "of retention").get(l())}</label>
                        <select id="sc-ret-basis" on:change=move |ev| basis.set(if event_target_value(&ev) == "monthly" { RetentionBasis::Monthly } else { RetentionBasis::Annual })
                            prop:value=move || if basis.get() == RetentionBasis::Monthly { "monthly" } else { "annual" }>
                            <option value="annual">{move || tr("annuelle", "annual").get(l())}</option>
                            <option value="monthly">{move || tr("mensuelle", "monthly").get(l())}</option>
                        </select>
                    </div>
                    <button type="button" class="secondary" on:click=add_retention disabled=full>
                        {move || tr("Ajouter cette variante", "Add this variant").get(l())}
                    </button>
                </div>
                {move || full().then(|| view! {
                    <p class="help">{tr("Quatre variantes au plus : supprimez-en une pour en ajouter une autre.", "Four variants at most: delete one to add another.").get(l())}</p>
                })}
            </div>
            <div class="sc-panel" data-editing=move || subject_id(ctx.selected.get())>{panel}</div>
        </section>
    }
}
