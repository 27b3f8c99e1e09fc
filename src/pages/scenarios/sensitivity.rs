//! Sensitivity: a tornado chart of one output when each input moves by
//! ±X %, widest bar first. Engine:
//! [`cadran_core::scenario::sensitivity::tornado`].

use super::pickers::{existing, OutputSelect, SubjectSelect};
use super::state::Ctx;
use super::texts::{input_label, input_value, output_kind, output_label, show};
use crate::i18n::tr;
use super::words::reason;
use crate::charts::tornado::{TornadoBar, TornadoChart};
use crate::components::Fmt;
use crate::i18n::use_prefs;
use cadran_core::locale::{format_input, parse_number};
use cadran_core::scenario::model::Subject;
use cadran_core::scenario::output::Output;
use cadran_core::scenario::sensitivity::tornado;
use cadran_core::{Decimal, Percent};
use leptos::prelude::*;

/// The tornado chart with its choices and its table.
#[component]
pub fn SensitivityPanel(
    /// The output studied first.
    output: Output,
    /// The outputs offered (all by default).
    #[prop(optional)]
    choices: Option<&'static [Output]>,
    /// Study the first variant when there is one (ROI needs a variant).
    #[prop(optional)]
    prefer_variant: bool,
    id: &'static str,
) -> impl IntoView {
    let ctx = Ctx::get();
    let prefs = use_prefs();
    let l = move || prefs.locale.get();
    let output = RwSignal::new(output);
    let subject = RwSignal::new(if prefer_variant { Subject::Variant(0) } else { Subject::Baseline });
    let change_text = RwSignal::new(format_input(Decimal::TEN, prefs.locale.get_untracked()));
    let change = Memo::new(move |_| parse_number(&change_text.get(), l()));
    let result = Memo::new(move |_| {
        let c = change.get().ok()?;
        let sub = existing(ctx, subject.get());
        let o = output.get();
        Some(ctx.scenario.with(|s| tornado(s, sub, o, Percent(c))))
    });
    let pct_text = move || change.get().map(|c| format_input(c, l())).unwrap_or_else(|_| "?".into());
    let bars = Signal::derive(move || match result.get() {
        Some(Ok(t)) => t
            .bars
            .iter()
            .map(|b| TornadoBar { label: input_label(b.input, l()).to_string(), low: b.low.clone().ok(), high: b.high.clone().ok() })
            .collect(),
        _ => Vec::new(),
    });
    let base = Signal::derive(move || match result.get() {
        Some(Ok(t)) => t.base.ok(),
        _ => None,
    });
    let table = move || {
        let f = Fmt::of(prefs);
        let loc = f.locale;
        let kind = output_kind(output.get());
        match result.get() {
            None => view! { <p class="error" role="alert">{tr("Saisissez la variation à tester, en %.", "Enter the change to test, in %.").get(loc)}</p> }.into_any(),
            Some(Err(e)) => view! { <p class="error" role="alert">{reason(&e, loc)}</p> }.into_any(),
            Some(Ok(t)) => {
                let base = match &t.base {
                    Ok(v) => show(kind, *v, f),
                    Err(e) => reason(e, loc),
                };
                let cell = |o: &cadran_core::Outcome<Decimal>| o.as_ref().map_or_else(|e| reason(e, loc), |v| show(kind, *v, f));
                let rows = t.bars.iter().map(|b| view! {
                    <tr data-input=b.input.field().0>
                        <th scope="row">{input_label(b.input, loc)}</th>
                        <td><span class="muted">{input_value(b.input, b.low_value, f)}</span><br />{cell(&b.low)}</td>
                        <td><span class="muted">{input_value(b.input, b.high_value, f)}</span><br />{cell(&b.high)}</td>
                        <td class="swing">{b.swing.map(|s| show(kind, s, f)).unwrap_or_else(|| "—".into())}</td>
                    </tr>
                }).collect_view();
                view! {
                    <p class="sc-base">{format!("{} {}", tr("Valeur actuelle :", "Current value:").get(loc), base)}</p>
                    <div class="table-scroll">
                        <table class="sc-table tornado-table">
                            <caption>{tr("Les mêmes valeurs en tableau, de l’écart le plus large au plus étroit", "The same values as a table, widest swing first").get(loc)}</caption>
                            <thead><tr>
                                <th scope="col">{tr("Hypothèse", "Input").get(loc)}</th>
                                <th scope="col">{format!("−{} %", pct_text())}</th>
                                <th scope="col">{format!("+{} %", pct_text())}</th>
                                <th scope="col">{tr("Écart", "Swing").get(loc)}</th>
                            </tr></thead>
                            <tbody>{rows}</tbody>
                        </table>
                    </div>
                }.into_any()
            }
        }
    };
    let out_id = match id { "clv" => "sc-sens-clv-output", "roi" => "sc-sens-roi-output", _ => "sc-sens-output" };
    let sub_id = match id { "clv" => "sc-sens-clv-subject", "roi" => "sc-sens-roi-subject", _ => "sc-sens-subject" };
    let pct_id = match id { "clv" => "sc-sens-clv-pct", "roi" => "sc-sens-roi-pct", _ => "sc-sens-pct" };
    view! {
        <section class="sc-section" data-sensitivity=id aria-labelledby=format!("sc-sens-{id}-title")>
            <h2 id=format!("sc-sens-{id}-title")>{move || tr("Sensibilité : qu’est-ce qui compte le plus ?", "Sensitivity: what matters most?").get(l())}</h2>
            <p class="help">{move || tr(
                "Chaque hypothèse est baissée puis montée de {} %, les autres inchangées ; les barres les plus larges en premier.",
                "Each input is lowered then raised by {} %, the others unchanged; widest bars first.",
            ).fill(l(), &[&pct_text()])}</p>
            <div class="sc-inline-form">
                <OutputSelect id=out_id value=output choices=choices.unwrap_or(&super::texts::OUTPUTS) />
                <SubjectSelect id=sub_id value=subject />
                <div class="field">
                    <label for=pct_id>{move || tr("Variation testée", "Change tested").get(l())}</label>
                    <div class="input-unit">
                        <input id=pct_id type="text" inputmode="decimal" prop:value=move || change_text.get()
                            on:input=move |ev| change_text.set(event_target_value(&ev)) />
                        <span class="unit">"± %"</span>
                    </div>
                </div>
            </div>
            <TornadoChart base=base bars=bars
                low_legend=Signal::derive(move || tr("hypothèse −{} %", "input −{} %").fill(l(), &[&pct_text()]))
                high_legend=Signal::derive(move || tr("hypothèse +{} %", "input +{} %").fill(l(), &[&pct_text()]))
                label=Signal::derive(move || format!("{} — {}", tr("Graphique en tornade", "Tornado chart").get(l()), output_label(output.get(), l()))) />
            {table}
        </section>
    }
}
