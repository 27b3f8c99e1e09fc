//! Starting the import and what came of it: the skip-or-stop choice, the
//! Import button, a progress bar with Cancel, and then the rows read, the
//! unreadable rows (line, column, raw text, problem) or why nothing was
//! imported — always saying that what the user had is kept.

use super::layout::dates_ambiguous;
use super::state::{ImportState, Run};
use super::texts::T;
use super::words;
use crate::components::DataTable;
use crate::i18n::use_prefs;
use cadran_core::ingest::{DatasetReport, IngestError, OnBadRow};
use leptos::prelude::*;

/// The skip-or-stop choice and the Import button.
#[component]
pub fn StartImport(st: ImportState) -> impl IntoView {
    let prefs = use_prefs();
    let l = move || prefs.locale.get();
    let on_bad = move || st.options.with(|o| o.on_bad_row);
    let set = move |b: OnBadRow| st.options.update(|o| o.on_bad_row = b);
    let must_answer = move || st.options.with(|o| o.date_order.is_none()) && st.preview.with(|p| matches!(p, Some(Ok(p)) if dates_ambiguous(p)));
    view! {
        <Show when=move || st.preview.with(|p| matches!(p, Some(Ok(_))))>
            <div class="import-start">
                <fieldset>
                    <legend>{move || T.on_bad.get(l())}</legend>
                    <label class="choice">
                        <input type="radio" name="import-on-bad" prop:checked=move || on_bad() == OnBadRow::Skip on:change=move |_| set(OnBadRow::Skip) />
                        {move || T.skip.get(l())}
                    </label>
                    <label class="choice">
                        <input type="radio" name="import-on-bad" prop:checked=move || on_bad() == OnBadRow::Stop on:change=move |_| set(OnBadRow::Stop) />
                        {move || T.stop.get(l())}
                    </label>
                </fieldset>
                <button type="button" class="primary" on:click=move |_| st.start() disabled=move || !st.can_import() || must_answer()>
                    {move || T.import.get(l())}
                </button>
            </div>
        </Show>
    }
}

/// Progress, failures and the import's summary.
#[component]
pub fn RunStatus(st: ImportState) -> impl IntoView {
    let prefs = use_prefs();
    let status = move || {
        let l = prefs.locale.get();
        match st.run.get() {
            Run::Idle | Run::Done => ().into_any(),
            Run::Importing { done, total } => {
                let pct = if total > 0.0 { (done / total * 100.0).clamp(0.0, 100.0).floor() } else { 0.0 };
                let text = T.read_progress.fill(l, &[&words::size(done, l), &words::size(total, l), &pct.to_string()]);
                view! {
                    <div class="import-progress">
                        <label for="import-progress">{T.progress.get(l)}</label>
                        <progress id="import-progress" max="100" value=pct></progress>
                        <p class="progress-text">{text}</p>
                        <button type="button" class="secondary" on:click=move |_| st.cancel()>{T.cancel.get(l)}</button>
                    </div>
                }
                .into_any()
            }
            Run::Cancelled => view! { <p class="import-notice" role="status">{format!("{} {}", T.cancelled.get(l), T.kept.get(l))}</p> }.into_any(),
            Run::WorkerFailed => view! { <p class="error" role="alert">{T.worker_failed.get(l)}</p> }.into_any(),
            Run::Failed(e) => {
                let stopped = matches!(e, IngestError::BadRow(_));
                view! {
                    <div class="error" role="alert">
                        <p class="import-error">{words::ingest_error(&e, l)}</p>
                        <p>{T.kept.get(l)}</p>
                        <Show when=move || stopped>
                            <button
                                type="button"
                                on:click=move |_| {
                                    st.options.update(|o| o.on_bad_row = OnBadRow::Skip);
                                    st.start();
                                }
                            >
                                {move || T.skip_and_import.get(l)}
                            </button>
                        </Show>
                    </div>
                }
                .into_any()
            }
        }
    };
    view! {
        <div class="import-outcome" aria-live="polite">{status}</div>
        <Summary st=st />
    }
}

/// Rows read from the last report, the trial subscriptions set aside (with
/// a button to count them after all), and the unreadable rows in detail.
#[component]
fn Summary(st: ImportState) -> impl IntoView {
    let prefs = use_prefs();
    move || {
        let r = st.report.get()?;
        let l = prefs.locale.get();
        let bad = &r.bad_rows;
        let read = T.rows_imported.fill(l, &[&words::count(r.rows, l)]);
        let not_utf8 = (r.not_utf8 > 0).then(|| view! {
            <p class="import-note" data-not-utf8=r.not_utf8>{T.not_utf8.fill(l, &[&words::count(r.not_utf8, l)])}</p>
        });
        let trials = match &r.data {
            DatasetReport::Subscriptions(s) if s.trials_skipped > 0 => Some((T.trials_aside, s.trials_skipped, true)),
            DatasetReport::Subscriptions(s) if s.trials_included > 0 => Some((T.trials_counted, s.trials_included, false)),
            _ => None,
        };
        let trials = trials.map(|(sentence, n, include)| {
            let toggle = move |_| {
                st.options.update(|o| o.include_trials = include);
                st.start();
            };
            view! {
                <p class="import-trials" data-trials=n>
                    {sentence.fill(l, &[&words::count(n, l)])}
                    " "
                    <button type="button" on:click=toggle>
                        {if include { T.include_trials.get(l) } else { T.exclude_trials.get(l) }}
                    </button>
                </p>
            }
        });
        let skipped = (bad.count > 0).then(|| {
            let head = T.bad_rows_head.fill(l, &[T.bad_rows_title.get(l), &words::count(bad.count, l)]);
            let more = (bad.count > bad.details.len() as u64).then(|| T.first_listed.fill(l, &[&bad.details.len().to_string()]));
            let rows = bad
                .details
                .iter()
                .map(|e| {
                    let column = match (e.column, &e.column_name) {
                        (Some(c), Some(n)) => format!("{c} ({n})"),
                        (Some(c), None) => c.to_string(),
                        _ => "—".to_string(),
                    };
                    view! {
                        <tr>
                            <td>{e.line}</td>
                            <td>{column}</td>
                            <td><code>{e.raw.clone()}</code></td>
                            <td>{words::problem(&e.problem, l)}</td>
                        </tr>
                    }
                })
                .collect_view();
            view! {
                <section class="import-bad" aria-labelledby="import-bad-title">
                    <h3 id="import-bad-title" data-bad-count=bad.count>{head}</h3>
                    {more.map(|m| view! { <p class="help">{m}</p> })}
                    <DataTable labelledby="import-bad-title" heads=[T.line, T.column, T.raw, T.problem].map(|t| t.get(l).to_string()).to_vec()>
                        {rows}
                    </DataTable>
                </section>
            }
        });
        Some(view! {
            <div class="import-summary">
                <p class="import-rows" role="status">{read}</p>
                {not_utf8}
                {trials}
                {skipped}
            </div>
        })
    }
}
