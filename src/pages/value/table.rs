//! The driver table editor: one row per driver (name, dimension, ratings),
//! keyed by a stable id so that typing in a row never re-creates another;
//! add, move up, delete with undo, and start again from the example.

use super::sheet::{Row, Sheet};
use super::texts::{self, T};
use super::ValueCtx;
use crate::i18n::use_prefs;
use cadran_core::metrics::value::{Dimension, DriverField};
use leptos::prelude::*;

/// Which text cell of a row an input edits.
#[derive(Clone, Copy)]
enum Cell {
    Importance,
    Performance,
    Competitor,
    Feasibility,
    Cost,
}

impl Cell {
    fn get(self, r: &Row) -> &str {
        match self {
            Cell::Importance => &r.importance,
            Cell::Performance => &r.performance,
            Cell::Competitor => &r.competitor,
            Cell::Feasibility => &r.feasibility,
            Cell::Cost => &r.cost,
        }
    }
    fn set(self, r: &mut Row, v: String) {
        match self {
            Cell::Importance => r.importance = v,
            Cell::Performance => r.performance = v,
            Cell::Competitor => r.competitor = v,
            Cell::Feasibility => r.feasibility = v,
            Cell::Cost => r.cost = v,
        }
    }
    fn field(self) -> DriverField {
        match self {
            Cell::Importance => DriverField::Importance,
            Cell::Performance => DriverField::Performance,
            Cell::Competitor => DriverField::Competitor(0),
            Cell::Feasibility => DriverField::Feasibility,
            Cell::Cost => DriverField::Cost,
        }
    }
    fn key(self) -> &'static str {
        match self {
            Cell::Importance => "importance",
            Cell::Performance => "performance",
            Cell::Competitor => "competitor",
            Cell::Feasibility => "feasibility",
            Cell::Cost => "cost",
        }
    }
}

const CELLS: [Cell; 5] = [Cell::Importance, Cell::Performance, Cell::Competitor, Cell::Feasibility, Cell::Cost];

/// The editable driver table.
#[component]
pub fn DriverTable(ctx: ValueCtx) -> impl IntoView {
    let prefs = use_prefs();
    let l = move || prefs.locale.get();
    let sheet = ctx.sheet;
    // What the last delete or reset said, and the table before it, for Undo.
    let undo_to: RwSignal<Option<(String, Sheet)>> = RwSignal::new(None);
    // A cell the core refuses (out of the scale, no name), or the first unreadable one.
    let problem = move |row: usize, f: DriverField| -> Option<String> {
        ctx.report.with(|r| match r {
            Ok(r) => r.invalid.iter().find(|e| e.row == row && e.field == f).map(|e| texts::problem(e.problem, prefs.locale.get())),
            Err(_) => ctx.inputs.with(|i| i.as_ref().err().copied()).filter(|e| *e == (row, f)).map(|_| T.not_a_number.get(prefs.locale.get()).to_string()),
        })
    };
    let row_view = move |id: u32| {
        let index = move || sheet.with(|s| s.rows.iter().position(|r| r.id == id).unwrap_or(0));
        let value = move |c: Cell| move || sheet.with(|s| s.rows.iter().find(|r| r.id == id).map(|r| c.get(r).to_string()).unwrap_or_default());
        let name = move || sheet.with(|s| s.rows.iter().find(|r| r.id == id).map(|r| r.name.clone()).unwrap_or_default());
        let edit = move |f: Box<dyn FnOnce(&mut Row)>| {
            sheet.update(|s| {
                if let Some(r) = s.rows.iter_mut().find(|r| r.id == id) {
                    f(r);
                }
            });
        };
        let cell = move |c: Cell| {
            let bad = move || problem(index(), c.field());
            view! {
                <td class:bad=move || bad().is_some()>
                    <input type="text" inputmode="decimal" data-cell=c.key()
                        aria-label=move || format!("{} — {}", texts::field(c.field(), l()), name())
                        aria-invalid=move || bad().is_some().then_some("true")
                        prop:value=value(c)
                        on:input=move |e| { let v = event_target_value(&e); edit(Box::new(move |r| c.set(r, v))) } />
                    {move || bad().map(|b| view! { <span class="cell-error" role="alert">{b}</span> })}
                </td>
            }
        };
        let dimension = move || sheet.with(|s| s.rows.iter().find(|r| r.id == id).map_or(Dimension::Functional, |r| r.dimension));
        let on_dimension = move |e: leptos::ev::Event| {
            let v = event_target_value(&e);
            if let Some(d) = Dimension::ALL.into_iter().find(|d| texts::dimension_key(*d) == v) {
                edit(Box::new(move |r| r.dimension = d));
            }
        };
        let name_bad = move || problem(index(), DriverField::Name);
        view! {
            <tr data-driver=id>
                <th scope="row" class="value-num">{move || index() + 1}</th>
                <td class:bad=move || name_bad().is_some()>
                    <input type="text" class="text" data-cell="name" maxlength="120"
                        aria-label=move || format!("{} {}", T.name.get(l()), index() + 1)
                        prop:value=name
                        on:input=move |e| { let v = event_target_value(&e); edit(Box::new(move |r| r.name = v)) } />
                    {move || name_bad().map(|b| view! { <span class="cell-error" role="alert">{b}</span> })}
                </td>
                <td>
                    <select data-cell="dimension" aria-label=move || format!("{} — {}", T.dimension.get(l()), name()) on:change=on_dimension>
                        {move || Dimension::ALL.into_iter().map(|d| view! {
                            <option value=texts::dimension_key(d) selected=dimension() == d>{texts::dimension(d, l())}</option>
                        }).collect_view()}
                    </select>
                </td>
                {CELLS.into_iter().map(cell).collect_view()}
                <td class="value-row-actions">
                    <button type="button" class="icon" disabled=move || index() == 0
                        aria-label=move || T.up.fill(l(), &[&name()]) title=move || T.up.fill(l(), &[&name()])
                        on:click=move |_| sheet.update(|s| s.move_up(id))>"↑"</button>
                    <button type="button" class="icon"
                        aria-label=move || T.remove.fill(l(), &[&name()]) title=move || T.remove.fill(l(), &[&name()])
                        on:click=move |_| {
                            let before = sheet.get_untracked();
                            let mut gone = None;
                            sheet.update(|s| gone = s.remove(id));
                            if let Some((_, row)) = gone {
                                undo_to.set(Some((T.restored.fill(prefs.locale.get_untracked(), &[&row.name]), before)));
                            }
                        }>"×"</button>
                </td>
            </tr>
        }
    };
    let undo = move |_| {
        if let Some((_, before)) = undo_to.get_untracked() {
            sheet.set(before);
            undo_to.set(None);
        }
    };
    let reset = move |_| {
        let before = sheet.get_untracked();
        sheet.set(Sheet::template(prefs.locale.get_untracked()));
        undo_to.set(Some((T.reset_done.get(prefs.locale.get_untracked()).to_string(), before)));
    };
    view! {
        <section class="value-drivers" aria-labelledby="value-drivers-title">
            <h2 id="value-drivers-title">{move || T.drivers.get(l())}</h2>
            <p class="help">{move || T.drivers_help.get(l())}</p>
            <div class="table-scroll" tabindex="0" role="region" aria-labelledby="value-drivers-title">
                <table class="value-table">
                    <thead>
                        <tr>
                            <th scope="col">"#"</th>
                            <th scope="col">{move || T.name.get(l())}</th>
                            <th scope="col">{move || T.dimension.get(l())}</th>
                            <th scope="col">{move || T.importance.get(l())}</th>
                            <th scope="col">{move || T.performance.get(l())}</th>
                            <th scope="col">{move || T.competitor.get(l())}</th>
                            <th scope="col">{move || T.feasibility.get(l())}</th>
                            <th scope="col">{move || T.cost.get(l())}</th>
                            <th scope="col"><span class="visually-hidden">"Actions"</span></th>
                        </tr>
                    </thead>
                    <tbody>
                        <For each=move || sheet.with(|s| s.rows.iter().map(|r| r.id).collect::<Vec<_>>()) key=|id| *id children=row_view />
                    </tbody>
                </table>
            </div>
            <div class="value-table-actions">
                <button type="button" on:click=move |_| sheet.update(|s| s.add(prefs.locale.get_untracked()))>{move || T.add.get(l())}</button>
                <button type="button" class="secondary" on:click=reset>
                    {move || T.template.get(l())}
                </button>
            </div>
            {move || undo_to.get().map(|(said, _)| view! {
                <p class="value-undo" role="status">
                    {said}
                    " "
                    <button type="button" on:click=undo>{T.undo.get(l())}</button>
                </p>
            })}
        </section>
    }
}
