//! Importance derived from a pasted driver survey: what moves the overall
//! rating, beside what customers say matters. Reading and statistics are the
//! core's ([`read_survey`], [`derived_importance`]); this shows them.

use super::texts::{self, T};
use super::{stat, ValueCtx};
use crate::components::DataTable;
use crate::i18n::{describe_undefined, use_prefs};
use cadran_core::locale::{format_percent, Locale};
use cadran_core::metrics::value::{derived_importance, read_survey, stated_shares, DerivedImportance, SurveyTable, ValueError};
use cadran_core::{Decimal, MetricError};
use leptos::prelude::*;

fn share(x: f64, l: Locale) -> String {
    format_percent(Decimal::from_f64_retain(x * 100.0).unwrap_or_default(), 1, l)
}

/// The survey as read and its derived importance, or why not, in words.
fn analyse(text: &str, l: Locale) -> Option<Result<(SurveyTable, DerivedImportance), String>> {
    if text.trim().is_empty() {
        return None;
    }
    Some(read_survey(text, None).map_err(|e| texts::survey_error(&e, l)).and_then(|t| {
        let d = derived_importance(&t.rows, t.drivers.len()).map_err(|e| match e {
            ValueError::Metric(MetricError::Undefined(u)) => describe_undefined(&u, l),
            _ => T.not_a_number.get(l).to_string(),
        })?;
        Ok((t, d))
    }))
}

/// The survey box and its results.
#[component]
pub fn Derived(ctx: ValueCtx) -> impl IntoView {
    let prefs = use_prefs();
    let l = move || prefs.locale.get();
    let sheet = ctx.sheet;
    let result = Memo::new(move |_| sheet.with(|s| analyse(&s.survey, prefs.locale.get())));
    let body = move || {
        let l = l();
        match result.get()? {
            Err(words) => Some(view! { <p class="reason" role="alert">{words}</p> }.into_any()),
            Ok((t, d)) => {
                let shapley = d.shapley.as_ref().ok();
                // Stated importance of the drivers of the same name, from the table above.
                let stated = ctx.inputs.with(|i| i.as_ref().map(|i| stated_shares(&i.drivers, i.scales, &t.drivers)).unwrap_or_default());
                let rows = t
                    .drivers
                    .iter()
                    .zip(&d.drivers)
                    .enumerate()
                    .map(|(i, (name, x))| {
                        view! {
                            <tr data-derived=i + 1>
                                <th scope="row">{name.clone()}</th>
                                <td class="num">{stat(x.correlation, l)}</td>
                                <td class="num" data-weight="">{share(x.relative_share, l)}</td>
                                <td class="num" data-stated="">{stated.get(i).copied().flatten().map_or_else(|| "—".to_string(), |v| share(v, l))}</td>
                                <td class="num">{shapley.and_then(|s| s.get(i)).map_or_else(|| "—".to_string(), |v| stat(*v, l))}</td>
                            </tr>
                        }
                    })
                    .collect_view();
                let head = T.respondents.fill(l, &[&d.respondents.to_string(), &d.dropped.to_string(), &stat(d.r_squared, l)]);
                let unreadable = t.unreadable.first().map(|u| {
                    T.unreadable.fill(l, &[&t.unreadable.len().to_string(), &(u.row + 2).to_string(), &u.column.header, &u.text])
                });
                let notes = d.notes.iter().map(|n| view! { <li>{texts::note(*n, &t.drivers, l)}</li> }).collect_view();
                let shapley_note = d.shapley.as_ref().err().map(|u| describe_undefined(u, l));
                Some(view! {
                    <p class="value-derived-head" role="status">{head}</p>
                    {unreadable.map(|u| view! { <p class="help">{u}</p> })}
                    <ul class="notes">{notes}{shapley_note.map(|n| view! { <li>{n}</li> })}</ul>
                    <DataTable labelledby="value-derived-title" class="value-derived-table"
                        heads=[T.column, T.correlation, T.weight, T.stated_share, T.shapley].map(|t| t.get(l).to_string()).to_vec()>
                        {rows}
                    </DataTable>
                }
                .into_any())
            }
        }
    };
    view! {
        <section class="value-derived" aria-labelledby="value-derived-title">
            <h2 id="value-derived-title">{move || T.derived_title.get(l())}</h2>
            <p class="help" id="value-survey-help">{move || T.derived_help.get(l())}</p>
            <label class="value-survey">
                <span>{move || T.survey_label.get(l())}</span>
                <textarea rows="6" spellcheck="false" aria-describedby="value-survey-help"
                    prop:value=move || sheet.with(|s| s.survey.clone())
                    on:input=move |e| { let v = event_target_value(&e); sheet.update(|s| s.survey = v) }></textarea>
            </label>
            <SurveyFile sheet=sheet />
            {body}
        </section>
    }
}

/// Reads a picked or dropped survey file into the survey box. The text is
/// read as UTF-8 by the browser (`File.text()`); the box then shows exactly
/// what will be analysed, and the user can still edit it.
#[component]
fn SurveyFile(sheet: RwSignal<super::sheet::Sheet>) -> impl IntoView {
    use wasm_bindgen::JsCast;
    let prefs = use_prefs();
    let l = move || prefs.locale.get();
    let over = RwSignal::new(false);
    let load = move |file: web_sys::File| {
        leptos::task::spawn_local(async move {
            if let Ok(v) = wasm_bindgen_futures::JsFuture::from(file.text()).await {
                if let Some(text) = v.as_string() {
                    sheet.update(|s| s.survey = text.trim_start_matches('\u{feff}').to_string());
                }
            }
        });
    };
    let on_pick = move |e: leptos::ev::Event| {
        let input: Option<web_sys::HtmlInputElement> = e.target().and_then(|t| t.dyn_into().ok());
        if let Some(f) = input.as_ref().and_then(|i| i.files()).and_then(|fs| fs.get(0)) {
            load(f);
        }
        if let Some(i) = input {
            i.set_value("");
        }
    };
    let on_drop = move |e: leptos::ev::DragEvent| {
        e.prevent_default();
        over.set(false);
        if let Some(f) = e.data_transfer().and_then(|d| d.files()).and_then(|fs| fs.get(0)) {
            load(f);
        }
    };
    view! {
        <div class="value-survey-file" class:over=move || over.get()
            on:dragover=move |e: leptos::ev::DragEvent| { e.prevent_default(); over.set(true) }
            on:dragleave=move |_| over.set(false)
            on:drop=on_drop>
            <label class="file-pick">
                <span>{move || T.survey_file.get(l())}</span>
                <input type="file" accept=".csv,.txt,text/csv,text/plain" on:change=on_pick />
            </label>
        </div>
    }
}
