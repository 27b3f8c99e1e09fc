//! Importance derived from a pasted driver survey: what moves the overall
//! rating, beside what customers say matters. Reading and statistics are the
//! core's ([`read_survey`], [`derived_importance`]); this shows them.

use super::texts::{self, T};
use super::{stat, ValueCtx};
use crate::components::DataTable;
use crate::i18n::{describe_undefined, use_prefs};
use cadran_core::locale::{format_percent, Locale};
use cadran_core::metrics::value::{derived_importance, read_survey, DerivedImportance, SurveyTable, ValueError};
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
                        heads=[T.column, T.correlation, T.weight, T.shapley].map(|t| t.get(l).to_string()).to_vec()>
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
            {body}
        </section>
    }
}
