//! Goal seek: which value of one input makes an output hit a target ("which
//! monthly churn gives CLV = X?", "which CS budget gives ROI = 0?"), with a
//! button that applies the value found. Engine:
//! [`cadran_core::scenario::goal_seek::goal_seek`].

use super::field::set_value;
use super::pickers::{existing, InputSelect, OutputSelect, SubjectSelect};
use super::state::{Ctx, Status};
use super::texts::{input_label, input_value, output_kind, output_label, show, typed_decimals, Kind};
use crate::i18n::tr;
use super::words::reason;
use crate::components::Fmt;
use crate::i18n::use_prefs;
use cadran_core::locale::{format_input, parse_number};
use cadran_core::scenario::goal_seek::goal_seek;
use cadran_core::scenario::model::{Input, Subject};
use cadran_core::scenario::output::Output;
use cadran_core::{Decimal, MetricError, Undefined};
use leptos::prelude::*;

/// One search and its answer.
#[derive(Clone, PartialEq, Eq)]
struct Found {
    subject: Subject,
    input: Input,
    output: Output,
    target: Decimal,
    answer: Result<Decimal, MetricError>,
}

/// The value as the input's field shows it ([`typed_decimals`]): what is
/// set is what the user reads.
fn typed(input: Input, v: Decimal) -> Decimal {
    cadran_core::locale::round_typed(v, typed_decimals(input))
}

/// The goal-seek form.
#[component]
pub fn GoalSeekPanel(
    input: Input,
    output: Output,
    /// The target, canonical (decimal point).
    target: &'static str,
    /// Start on the first variant (ROI needs one).
    #[prop(optional)]
    prefer_variant: bool,
    #[prop(optional)] choices: Option<&'static [Output]>,
    id: &'static str,
) -> impl IntoView {
    let ctx = Ctx::get();
    let prefs = use_prefs();
    let l = move || prefs.locale.get();
    let input = RwSignal::new(input);
    let output = RwSignal::new(output);
    let subject = RwSignal::new(if prefer_variant { Subject::Variant(0) } else { Subject::Baseline });
    let target_text = RwSignal::new(
        target.parse::<Decimal>().map(|d| format_input(d, prefs.locale.get_untracked())).unwrap_or_default(),
    );
    let found: RwSignal<Option<Found>> = RwSignal::new(None);
    let target_error = move || parse_number(&target_text.get(), l()).err().map(|e| crate::i18n::describe_number_error(e, l()));

    let seek = move |_| {
        let Ok(target) = parse_number(&target_text.get_untracked(), l()) else { return };
        let (sub, inp, out) = (existing(ctx, subject.get_untracked()), input.get_untracked(), output.get_untracked());
        let answer = ctx.scenario.with_untracked(|s| goal_seek(s, sub, inp, out, target));
        found.set(Some(Found { subject: sub, input: inp, output: out, target, answer }));
    };
    let apply = move |_| {
        let Some(Found { subject, input, answer: Ok(v), .. }) = found.get_untracked() else { return };
        let before = (ctx.scenario.get_untracked(), ctx.title.get_untracked());
        set_value(ctx, subject, input, typed(input, v));
        ctx.selected.set(subject);
        let f = Fmt::of(prefs);
        let name = ctx.scenario.with_untracked(|s| Ctx::name_of(s, subject, f.locale));
        let text = tr("« {} » de « {} » mis à {}.", "“{}” of “{}” set to {}.")
            .fill(f.locale, &[input_label(input, f.locale), &name, &input_value(input, typed(input, v), f)]);
        ctx.status.set(Some(Status { text, error: false, undo: Some(before) }));
    };
    let answer = move || {
        let f = Fmt::of(prefs);
        let loc = f.locale;
        let Some(fd) = found.get() else { return ().into_any() };
        let name = ctx.scenario.with(|s| Ctx::name_of(s, fd.subject, loc));
        let target = show(output_kind(fd.output), fd.target, f);
        match &fd.answer {
            Ok(v) => {
                let shown = input_value(fd.input, typed(fd.input, *v), f);
                view! {
                    <p class="goal-answer" role="status">
                        {tr("Pour « {} », {} = ", "For “{}”, {} = ").fill(loc, &[&name, input_label(fd.input, loc)])}
                        <strong data-goal-value=format_input(typed(fd.input, *v), loc)>{shown}</strong>
                        {tr(" donne {} = {}.", " gives {} = {}.").fill(loc, &[&output_label(fd.output, loc), &target])}
                    </p>
                    <button type="button" class="primary" on:click=apply>{tr("Appliquer cette valeur", "Apply this value").get(loc)}</button>
                }.into_any()
            }
            Err(MetricError::Undefined(Undefined::Unreachable)) => view! {
                <p class="goal-answer unreachable" role="alert">{tr(
                    "Inatteignable : aucune valeur de « {} » ne donne {} = {} pour « {} », les autres hypothèses inchangées.",
                    "Cannot be reached: no value of “{}” gives {} = {} for “{}”, the other inputs unchanged.",
                ).fill(loc, &[input_label(fd.input, loc), &output_label(fd.output, loc), &target, &name])}</p>
            }.into_any(),
            Err(e) => view! { <p class="goal-answer unreachable" role="alert">{reason(e, loc)}</p> }.into_any(),
        }
    };
    let tid = match id { "clv" => "sc-goal-clv-target", "roi" => "sc-goal-roi-target", _ => "sc-goal-target" };
    let (iid, oid, sid) = match id {
        "clv" => ("sc-goal-clv-input", "sc-goal-clv-output", "sc-goal-clv-subject"),
        "roi" => ("sc-goal-roi-input", "sc-goal-roi-output", "sc-goal-roi-subject"),
        _ => ("sc-goal-input", "sc-goal-output", "sc-goal-subject"),
    };
    let unit = move || match output_kind(output.get()) {
        Kind::Money => Fmt::of(prefs).currency.symbol(l()).to_string(),
        Kind::Percent => "%".into(),
        Kind::Months => tr("mois", "months").get(l()).into(),
        _ => String::new(),
    };
    view! {
        <section class="sc-section" data-goal=id aria-labelledby=format!("sc-goal-{id}-title")>
            <h2 id=format!("sc-goal-{id}-title")>{move || tr("Valeur cible", "Goal seek").get(l())}</h2>
            <p class="help">{move || tr("Quelle valeur d’une hypothèse donne le résultat visé, les autres inchangées ?", "Which value of one input gives the result you want, the others unchanged?").get(l())}</p>
            <form class="sc-inline-form" on:submit=move |ev| { ev.prevent_default(); seek(()); }>
                <InputSelect id=iid value=input />
                <OutputSelect id=oid value=output choices=choices.unwrap_or(&super::texts::OUTPUTS) />
                <SubjectSelect id=sid value=subject />
                <div class="field" class:invalid=move || target_error().is_some()>
                    <label for=tid>{move || tr("Valeur visée", "Target value").get(l())}</label>
                    <div class="input-unit">
                        <input id=tid type="text" inputmode="decimal" prop:value=move || target_text.get()
                            on:input=move |ev| target_text.set(event_target_value(&ev)) />
                        <span class="unit">{unit}</span>
                    </div>
                    <p class="error" role="alert" hidden=move || target_error().is_none()>{move || target_error().unwrap_or_default()}</p>
                </div>
                <button type="submit" class="primary">{move || tr("Trouver la valeur", "Find the value").get(l())}</button>
            </form>
            <div class="goal-result">{answer}</div>
        </section>
    }
}
