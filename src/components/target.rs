//! KPI targets: the control a card shows under its results ("NPS ≥ 40:
//! met, 5 points ahead") and their storage, shared with the dashboard.
//!
//! A card adds one control per KPI it registered in [`crate::kpi`]:
//! `<TargetControl kpi=&KPIS[0] form=form />` (see that module's doc). The
//! status comes from [`cadran_core::metrics::target::evaluate`]; this file
//! only stores targets and puts the evaluation into words.
//!
//! Targets are stored together under `cadran.targets` (versioned envelope),
//! keyed by KPI key, as the core's [`Target`] (value as canonical decimal
//! text, direction, near band).

use super::Fmt;
use crate::i18n::{describe_error, describe_number_error, tr, use_prefs, Tr};
use crate::kpi::Kpi;
use crate::persistence;
use cadran_core::locale::{format_input, parse_number, Locale};
use cadran_core::metrics::target::{evaluate, Direction, Evaluation, Target, TargetStatus, Tolerance};
use cadran_core::{Decimal, Outcome};
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use std::collections::BTreeMap;

const KEY: &str = "targets";

/// Every stored target, by KPI key.
#[must_use]
pub fn load_targets() -> BTreeMap<String, Target> {
    persistence::load(KEY).unwrap_or_default()
}

/// Sets (`Some`) or removes (`None`) the target of KPI `key`, keeping the others.
pub fn save_target(key: &str, target: Option<Target>) {
    let mut all = load_targets();
    let changed = match target {
        Some(t) => all.insert(key.to_string(), t) != Some(t),
        None => all.remove(key).is_some(),
    };
    if changed {
        persistence::save(KEY, &all);
    }
}

/// "≥ 40" / "≤ 2,0 %": a target in words, for the control and the dashboard.
#[must_use]
pub fn describe_target(kpi: &Kpi, t: &Target, f: Fmt) -> String {
    let sign = match t.direction {
        Direction::AtLeast => "≥",
        Direction::AtMost => "≤",
    };
    format!("{sign} {}", kpi.unit.format(t.value, f))
}

/// The words of a status (never colour alone): symbol and name.
#[must_use]
pub fn status_words(s: TargetStatus, l: Locale) -> &'static str {
    match s {
        TargetStatus::Met => tr("✓ Atteint", "✓ Met"),
        TargetStatus::Near => tr("≈ Proche", "≈ Near"),
        TargetStatus::Missed => tr("✗ Manqué", "✗ Missed"),
    }
    .get(l)
}

/// The CSS class of a status (`met`, `near`, `missed`).
#[must_use]
pub fn status_class(s: TargetStatus) -> &'static str {
    match s {
        TargetStatus::Met => "met",
        TargetStatus::Near => "near",
        TargetStatus::Missed => "missed",
    }
}

/// The distance to the target in words: "5,0 points d’avance", "€120.00 short".
#[must_use]
pub fn describe_distance(kpi: &Kpi, e: &Evaluation, f: Fmt) -> String {
    let d = kpi.unit.format_distance(e.gap.abs(), f);
    let words = if e.gap.is_zero() {
        tr("exactement sur l’objectif", "exactly on target")
    } else if e.gap > Decimal::ZERO {
        tr("{} de mieux que l’objectif", "{} better than the target")
    } else {
        tr("{} en deçà de l’objectif", "{} short of the target")
    };
    words.fill(f.locale, &[&d])
}

/// A KPI's value against its target, or why there is none to compare.
pub fn evaluate_kpi(value: &Outcome<Decimal>, target: &Target) -> Outcome<Evaluation> {
    let v = value.clone()?;
    evaluate(v, target)
}

struct Texts {
    target: Tr,
    set: Tr,
    remove: Tr,
    direction: Tr,
    at_least: Tr,
    at_most: Tr,
    near_band: Tr,
}

const T: Texts = Texts {
    target: tr("Objectif", "Target"),
    set: tr("Fixer un objectif", "Set a target"),
    remove: tr("Retirer l’objectif", "Remove the target"),
    direction: tr("Sens", "Direction"),
    at_least: tr("au moins (≥)", "at least (≥)"),
    at_most: tr("au plus (≤)", "at most (≤)"),
    near_band: tr("« Proche » : à moins de", "“Near”: within"),
};


/// The target of one KPI on its card: set, change or remove it, and see
/// whether the card's current value meets it.
#[component]
pub fn TargetControl(
    /// The KPI (from the card's `KPIS`).
    kpi: &'static Kpi,
    /// The card's form: the value is `kpi.read(form)`, as on the dashboard.
    form: super::Form,
    /// The value, when the card has already computed it from the same form
    /// through the same core call (`kpi.read` would compute it again).
    #[prop(into, optional)]
    value: Option<Signal<Outcome<Decimal>>>,
) -> impl IntoView {
    let prefs = use_prefs();
    let l = move || prefs.locale.get();
    let saved = load_targets().get(kpi.key).copied();
    let enabled = RwSignal::new(saved.is_some());
    let direction = RwSignal::new(saved.map_or(kpi.direction, |s| s.direction));
    let near: Tolerance = saved.map_or(kpi.near, |s| s.near);
    let text = RwSignal::new(saved.map(|s| format_input(s.value, prefs.locale.get_untracked())).unwrap_or_default());
    let parsed = Memo::new(move |_| parse_number(&text.get(), prefs.locale.get()));
    let target = Memo::new(move |_| {
        enabled.get().then_some(())?;
        parsed.get().ok().map(|value| Target { value, direction: direction.get(), near })
    });
    // Storage is a side effect outside Leptos. A target being typed
    // ("1,") keeps the last complete one stored.
    Effect::new(move |_| {
        if !enabled.get() {
            save_target(kpi.key, None);
        } else if let Some(tg) = target.get() {
            save_target(kpi.key, Some(tg));
        }
    });
    // Re-write the typed target when the language changes ("2,5" → "2.5").
    Effect::watch(
        move || prefs.locale.get(),
        move |new, old, _| {
            let Some(old) = old.copied() else { return };
            if old != *new {
                if let Ok(v) = parse_number(&text.get_untracked(), old) {
                    text.set(format_input(v, *new));
                }
            }
        },
        false,
    );
    let value = Memo::new(move |_| match value {
        Some(v) => v.get(),
        None => (kpi.read)(&form),
    });
    let id = format!("target-{}", kpi.key);
    let (input_id, dir_id, msg_id, status_id) =
        (format!("{id}-value"), format!("{id}-dir"), format!("{id}-msg"), format!("{id}-status"));
    let heading = move || format!("{} · {}", T.target.get(l()), kpi.label(prefs.locale.get()));
    // An empty target is not an error yet: the user has just opened it.
    let error = move || match parsed.get() {
        Err(e) if !text.get().trim().is_empty() => Some(describe_number_error(e, prefs.locale.get())),
        _ => None,
    };
    let status = move || {
        let f = Fmt::of(prefs);
        let tg = target.get()?;
        Some(match evaluate_kpi(&value.get(), &tg) {
            Ok(e) => (
                status_class(e.status),
                format!(
                    "{} — {} ({} {})",
                    status_words(e.status, f.locale),
                    describe_distance(kpi, &e, f),
                    kpi.label(f.locale),
                    describe_target(kpi, &tg, f)
                ),
            ),
            Err(err) => ("", describe_error(&err, &|k| k.to_string(), f.locale)),
        })
    };
    let band = move || {
        let f = Fmt::of(prefs);
        let tg = target.get()?;
        let e = evaluate(tg.value, &tg).ok()?;
        Some(format!("{} {}", T.near_band.get(l()), kpi.unit.format_distance(e.band, f)))
    };
    let status_id2 = status_id.clone();
    let focus_id = input_id.clone();
    view! {
        <section class="target" role="group" data-target=kpi.key aria-labelledby=id.clone()>
            <p class="target-title" id=id.clone()>{heading}</p>
            <Show
                when=move || enabled.get()
                fallback=move || {
                    let focus_id = focus_id.clone();
                    view! {
                    <button type="button" class="secondary" on:click=move |_| {
                        enabled.set(true);
                        // Keyboard users land in the field they came for.
                        let id = focus_id.clone();
                        request_animation_frame(move || {
                            if let Some(el) = document().get_element_by_id(&id) {
                                let _ = el.unchecked_into::<web_sys::HtmlElement>().focus();
                            }
                        });
                    }>
                        {move || T.set.get(l())}
                        <span class="visually-hidden">{move || format!(" · {}", kpi.label(prefs.locale.get()))}</span>
                    </button>
                    }
                }
            >
                {
                    let (input_id, dir_id, msg_id, status_id) = (input_id.clone(), dir_id.clone(), msg_id.clone(), status_id2.clone());
                    view! {
                        <div class="target-row">
                            <div class="field">
                                <label for=dir_id.clone()>{move || T.direction.get(l())}</label>
                                <select
                                    id=dir_id.clone()
                                    prop:value=move || if direction.get() == Direction::AtMost { "at_most" } else { "at_least" }
                                    on:change=move |ev| direction.set(if event_target_value(&ev) == "at_most" { Direction::AtMost } else { Direction::AtLeast })
                                >
                                    <option value="at_least">{move || T.at_least.get(l())}</option>
                                    <option value="at_most">{move || T.at_most.get(l())}</option>
                                </select>
                            </div>
                            <div class="field" class:invalid=move || error().is_some()>
                                <label for=input_id.clone()>{move || T.target.get(l())}</label>
                                <div class="input-unit">
                                    <input
                                        id=input_id.clone()
                                        type="text"
                                        inputmode="decimal"
                                        autocomplete="off"
                                        prop:value=move || text.get()
                                        on:input=move |ev| text.set(event_target_value(&ev))
                                        aria-invalid=move || if error().is_some() { "true" } else { "false" }
                                        aria-describedby=format!("{msg_id} {status_id}")
                                    />
                                    <span class="unit" aria-hidden="true">{move || kpi.unit.input_unit(Fmt::of(prefs))}</span>
                                </div>
                                <p class="error" id=msg_id.clone() role="alert" hidden=move || error().is_none()>
                                    {move || error().unwrap_or_default()}
                                </p>
                            </div>
                            <button type="button" class="link" on:click=move |_| { enabled.set(false); text.set(String::new()); }>
                                {move || T.remove.get(l())}
                            </button>
                        </div>
                    }
                }
                <p class="help">{band}</p>
            </Show>
            <p id=status_id.clone() role="status"
                class=move || format!("target-status {}", status().map_or("", |s| s.0))
                hidden=move || status().is_none()>
                {move || status().map(|s| s.1).unwrap_or_default()}
            </p>
        </section>
    }
}
