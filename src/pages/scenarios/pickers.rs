//! Selects shared by sensitivity and goal seek: which scenario, which
//! output, which input.

use super::state::Ctx;
use super::texts::{input_label, output_from_key, output_key, output_label, OUTPUTS};
use crate::i18n::tr;
use crate::i18n::use_prefs;
use cadran_core::scenario::model::{Input, Subject};
use cadran_core::scenario::output::Output;
use leptos::prelude::*;

fn subject_key(s: Subject) -> String {
    match s {
        Subject::Baseline => "b".into(),
        Subject::Variant(i) => i.to_string(),
    }
}

/// The subject actually used: `wanted` if it still exists, else the baseline.
#[must_use]
pub fn existing(ctx: Ctx, wanted: Subject) -> Subject {
    match wanted {
        Subject::Variant(i) if ctx.scenario.with(|s| i < s.variants.len()) => wanted,
        _ => Subject::Baseline,
    }
}

/// A select of the baseline and the variants.
#[component]
pub fn SubjectSelect(id: &'static str, value: RwSignal<Subject>) -> impl IntoView {
    let ctx = Ctx::get();
    let prefs = use_prefs();
    let options = move || {
        let l = prefs.locale.get();
        ctx.scenario.with(|s| {
            std::iter::once(Subject::Baseline)
                .chain((0..s.variants.len()).map(Subject::Variant))
                .map(|sub| view! { <option value=subject_key(sub) selected=existing(ctx, value.get_untracked()) == sub>{Ctx::name_of(s, sub, l)}</option> })
                .collect_view()
        })
    };
    view! {
        <div class="field">
            <label for=id>{move || tr("Scénario", "Scenario").get(prefs.locale.get())}</label>
            <select id=id
                on:change=move |ev| {
                    let v = event_target_value(&ev);
                    value.set(v.parse::<usize>().map_or(Subject::Baseline, Subject::Variant));
                }
                prop:value=move || subject_key(existing(ctx, value.get()))>
                {options}
            </select>
        </div>
    }
}

/// A select of the outputs in `choices`.
#[component]
pub fn OutputSelect(id: &'static str, value: RwSignal<Output>, #[prop(optional)] choices: Option<&'static [Output]>) -> impl IntoView {
    let prefs = use_prefs();
    let choices: &'static [Output] = choices.unwrap_or(&OUTPUTS);
    view! {
        <div class="field">
            <label for=id>{move || tr("Résultat", "Result").get(prefs.locale.get())}</label>
            <select id=id
                on:change=move |ev| if let Some(o) = output_from_key(&event_target_value(&ev)) { value.set(o) }
                prop:value=move || output_key(value.get())>
                {move || choices.iter().map(|o| view! { <option value=output_key(*o) selected=value.get_untracked() == *o>{output_label(*o, prefs.locale.get())}</option> }).collect_view()}
            </select>
        </div>
    }
}

/// A select of the inputs.
#[component]
pub fn InputSelect(id: &'static str, value: RwSignal<Input>) -> impl IntoView {
    let prefs = use_prefs();
    view! {
        <div class="field">
            <label for=id>{move || tr("Hypothèse à ajuster", "Input to adjust").get(prefs.locale.get())}</label>
            <select id=id
                on:change=move |ev| {
                    let k = event_target_value(&ev);
                    if let Some(i) = Input::ALL.into_iter().find(|i| i.field().0 == k) { value.set(i) }
                }
                prop:value=move || value.get().field().0>
                {move || Input::ALL.into_iter().map(|i| view! { <option value=i.field().0 selected=value.get_untracked() == i>{input_label(i, prefs.locale.get())}</option> }).collect_view()}
            </select>
        </div>
    }
}
