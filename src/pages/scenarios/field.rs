//! One input of one scenario: a slider and a number field showing the same
//! value. The number field keeps the user's text while it reads as the
//! scenario's value (so "12," is never rewritten under the fingers) and shows
//! the value otherwise (after a slider move, an import, an undo).

use crate::i18n::tr;
use super::state::Ctx;
use super::texts::{input_help, input_label, input_unit, input_value, slider, typed_decimals};
use crate::components::Fmt;
use crate::i18n::{describe_number_error, describe_problem, use_prefs};
use cadran_core::locale::{format_typed, parse_number};
use cadran_core::scenario::model::{Input, Subject};
use cadran_core::Decimal;
use leptos::prelude::*;
use std::str::FromStr;

/// A short id for a subject, for element ids.
#[must_use]
pub fn subject_id(s: Subject) -> String {
    match s {
        Subject::Baseline => "b".into(),
        Subject::Variant(i) => format!("v{i}"),
    }
}

/// Sets `input` of `subject` (an override for a variant).
pub fn set_value(ctx: Ctx, subject: Subject, input: Input, v: Decimal) {
    ctx.scenario.update(|s| match subject {
        Subject::Baseline => input.set(&mut s.baseline, v),
        Subject::Variant(i) => {
            if let Some(var) = s.variants.get_mut(i) {
                input.set_override(&mut var.overrides, Some(v));
            }
        }
    });
}

/// The slider and the number field of `input` in `subject`.
#[component]
pub fn ScenarioField(subject: Subject, input: Input) -> impl IntoView {
    let ctx = Ctx::get();
    let prefs = use_prefs();
    let l = move || prefs.locale.get();
    let value = Memo::new(move |_| ctx.scenario.with(|s| s.inputs(subject).map(|b| input.get(&b))));
    let base_value = Memo::new(move |_| ctx.scenario.with(|s| input.get(&s.baseline)));
    let overridden = Memo::new(move |_| match subject {
        Subject::Baseline => false,
        Subject::Variant(i) => ctx.scenario.with(|s| s.variants.get(i).and_then(|v| input.get_override(&v.overrides)).is_some()),
    });
    let editing: RwSignal<Option<String>> = RwSignal::new(None);
    let text = move || {
        let v = value.get();
        let shown = || v.map(|v| format_typed(v, typed_decimals(input), l())).unwrap_or_default();
        match editing.get() {
            Some(t) => match parse_number(&t, l()) {
                Ok(p) if Some(p) == v => t,
                Err(_) => t,
                Ok(_) => shown(),
            },
            None => shown(),
        }
    };
    let mark_unparsed = move |bad: bool| {
        let key = (subject, input);
        let has = ctx.unparsed.with_untracked(|u| u.contains(&key));
        if bad && !has {
            ctx.unparsed.update(|u| u.push(key));
        } else if !bad && has {
            ctx.unparsed.update(|u| u.retain(|k| *k != key));
        }
    };
    let on_text = move |ev: leptos::ev::Event| {
        let t = event_target_value(&ev);
        let parsed = parse_number(&t, l());
        editing.set(Some(t));
        match parsed {
            Ok(v) => {
                mark_unparsed(false);
                set_value(ctx, subject, input, v);
            }
            Err(_) => mark_unparsed(true),
        }
    };
    let (min, max, step) = slider(input);
    let on_slide = move |ev: leptos::ev::Event| {
        if let Ok(v) = Decimal::from_str(&event_target_value(&ev)) {
            editing.set(None);
            mark_unparsed(false);
            set_value(ctx, subject, input, v.round_dp(step.scale()).normalize());
        }
    };
    let problem = move || {
        if let Some(t) = editing.get() {
            if let Err(e) = parse_number(&t, l()) {
                return Some(describe_number_error(e, l()));
            }
        }
        let variant = match subject {
            Subject::Baseline => None,
            Subject::Variant(i) => Some(i),
        };
        ctx.problems.with(|p| {
            p.iter()
                .find(|e| e.variant == variant && e.error.field == input.field())
                .map(|e| describe_problem(&e.error.problem, "", l()))
        })
    };
    let id = format!("sc-{}-{}", subject_id(subject), input.field().0);
    let label_id = format!("{id}-label");
    let msg_id = format!("{id}-msg");
    let help_id = format!("{id}-help");
    let has_help = !input_help(input, Locale::Fr).is_empty();
    let described = {
        let (m, h) = (msg_id.clone(), help_id.clone());
        move || {
            let mut ids = Vec::new();
            if has_help {
                ids.push(h.clone());
            }
            if problem().is_some() {
                ids.push(m.clone());
            }
            ids.join(" ")
        }
    };
    view! {
        <div class="field sc-field" class:invalid=move || problem().is_some() class:overridden=move || overridden.get()
             data-input=input.field().0>
            <label for=id.clone() id=label_id.clone()>{move || input_label(input, l())}</label>
            <div class="sc-controls">
                <input
                    type="range"
                    class="sc-slider"
                    min=min.to_string()
                    max=max.to_string()
                    step=step.to_string()
                    aria-labelledby=label_id.clone()
                    aria-valuetext=move || value.get().map(|v| input_value(input, v, Fmt::of(prefs))).unwrap_or_default()
                    prop:value=move || value.get().map(|v| v.to_string()).unwrap_or_default()
                    on:input=on_slide
                />
                <div class="input-unit">
                    <input
                        id=id.clone()
                        type="text"
                        inputmode="decimal"
                        autocomplete="off"
                        spellcheck="false"
                        prop:value=text
                        on:input=on_text
                        on:change=move |_| editing.set(None)
                        aria-invalid=move || if problem().is_some() { "true" } else { "false" }
                        aria-describedby=described
                    />
                    <span class="unit" aria-hidden="true">{move || input_unit(input, Fmt::of(prefs))}</span>
                </div>
            </div>
            {has_help.then(|| view! { <p class="help" id=help_id.clone()>{move || input_help(input, l())}</p> })}
            {move || (subject != Subject::Baseline).then(|| {
                if overridden.get() {
                    view! {
                        <p class="sc-override">
                            {move || format!("{} {}", tr("Référence :", "Baseline:").get(l()), input_value(input, base_value.get(), Fmt::of(prefs)))}
                            " "
                            <button type="button" class="link" on:click=move |_| {
                                if let Subject::Variant(i) = subject {
                                    editing.set(None);
                                    mark_unparsed(false);
                                    ctx.scenario.update(|s| if let Some(v) = s.variants.get_mut(i) { input.set_override(&mut v.overrides, None) });
                                }
                            }>{move || tr("Reprendre la valeur de référence", "Use the baseline value").get(l())}</button>
                        </p>
                    }.into_any()
                } else {
                    view! { <p class="sc-override same">{move || tr("= référence", "= baseline").get(l())}</p> }.into_any()
                }
            })}
            <p class="error" id=msg_id.clone() role="alert" hidden=move || problem().is_none()>
                {move || problem().unwrap_or_default()}
            </p>
        </div>
    }
}

use cadran_core::locale::Locale;
