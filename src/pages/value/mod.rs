//! Value for customers (`#/value`): value drivers in four dimensions, the
//! importance–performance grid, the competitive gap, ranked actions and
//! importance derived from a survey. Every figure comes from
//! [`cadran_core::metrics::value::report`] and
//! [`cadran_core::metrics::value::derived_importance`].
//!
//! - [`sheet`]: the table as typed, its template and its reading;
//! - [`table`]: the table editor (add, rename, reorder, delete with undo);
//! - [`chart`]: the quadrant chart;
//! - [`results`]: the quadrants, gains, gaps and ranked actions;
//! - [`derived`]: importance derived from a pasted survey;
//! - [`money`]: the value map (quality vs price) and the return on experience;
//! - [`map_chart`]: the value map as a chart;
//! - [`link`]: "use in scenarios", a driver improvement as a variant;
//! - [`texts`]: the page's words.

pub mod chart;
pub mod derived;
pub mod link;
pub mod map_chart;
pub mod money;
pub mod results;
pub mod sheet;
pub mod table;
pub mod texts;

use crate::components::How;
use crate::i18n::use_prefs;
use crate::persistence;
use crate::router::Route;
use cadran_core::locale::{format_number, Locale};
use cadran_core::metrics::value::{report, Crosshairs, DriverField, Scale, ValueInputs, ValueReport};
use cadran_core::Decimal;
use leptos::prelude::*;
use sheet::Sheet;
use texts::T;

/// Storage key of the page's table.
const KEY: &str = "value.sheet";

/// The page's state, shared by its parts.
#[derive(Clone, Copy)]
pub struct ValueCtx {
    /// The table as typed.
    pub sheet: RwSignal<Sheet>,
    /// The table read once per change: the core's inputs, or the first
    /// unreadable cell (row, column).
    pub inputs: Memo<Result<ValueInputs, (usize, DriverField)>>,
    /// The core's report on it, or the first unreadable cell in words.
    pub report: Memo<Result<ValueReport, String>>,
}

/// A statistic (a normalised rating, a gap, a weight) written with two
/// decimals in the locale: `0,38`.
pub(crate) fn stat(x: f64, l: Locale) -> String {
    format_number(Decimal::from_f64_retain(x).unwrap_or_default(), 2, l)
}

/// The value page.
#[component]
pub fn ValuePage() -> impl IntoView {
    let prefs = use_prefs();
    let l = move || prefs.locale.get();
    let sheet = RwSignal::new(persistence::load::<Sheet>(KEY).unwrap_or_else(|| Sheet::template(prefs.locale.get_untracked())));
    // Saving is a side effect outside the reactive graph: an effect is right here.
    Effect::new(move |_| sheet.with(|s| persistence::save(KEY, s)));
    let inputs = Memo::new(move |_| sheet.with(|s| s.read(prefs.locale.get())));
    let report = Memo::new(move |_| {
        let l = prefs.locale.get();
        inputs.with(|i| i.as_ref().map(report).map_err(|&(row, f)| sheet::unreadable_words(row, f, l)))
    });
    let ctx = ValueCtx { sheet, inputs, report };
    let scale_options = move || {
        let current = sheet.with(|s| s.scale);
        [Scale::OneToFive, Scale::OneToSeven, Scale::ZeroToTen]
            .into_iter()
            .map(|s| view! { <option value=texts::scale_key(s) selected=current == s>{texts::scale(s, l())}</option> })
            .collect_view()
    };
    let on_scale = move |e: leptos::ev::Event| {
        let v = event_target_value(&e);
        if let Some(s) = [Scale::OneToFive, Scale::OneToSeven, Scale::ZeroToTen].into_iter().find(|s| texts::scale_key(*s) == v) {
            sheet.update(|x| x.scale = s);
        }
    };
    let crosshair = move |c: Crosshairs| {
        view! {
            <label class="choice">
                <input type="radio" name="value-crosshairs" prop:checked=move || sheet.with(|s| s.crosshairs == c)
                    on:change=move |_| sheet.update(|s| s.crosshairs = c) />
                {move || texts::crosshairs(c, l())}
            </label>
        }
    };
    let bunched = move || matches!(report.get(), Ok(r) if r.grid.as_ref().is_ok_and(|g| g.importance_bunched));
    view! {
        <section class="page value-page" aria-labelledby="page-title">
            <div class="page-head">
                <h1 id="page-title">{move || crate::pages::page_title(Route::Value, l())}</h1>
                <p class="intro">{move || T.intro.get(l())}</p>
            </div>
            <div class="value-settings">
                <label class="value-scale">
                    <span>{move || T.scale.get(l())}</span>
                    <select on:change=on_scale>{scale_options}</select>
                </label>
                <fieldset>
                    <legend>{move || T.crosshairs.get(l())}</legend>
                    {crosshair(Crosshairs::DataMeans)}
                    {crosshair(Crosshairs::ScaleMidpoint)}
                </fieldset>
            </div>
            <Show when=bunched>
                <p class="help value-bunched">{move || T.bunched.get(l())}</p>
            </Show>
            <table::DriverTable ctx=ctx />
            <div class="value-results">
                <chart::QuadrantChart ctx=ctx />
                <results::Results ctx=ctx />
            </div>
            <money::MoneySide ctx=ctx />
            <link::UseInScenarios ctx=ctx />
            <derived::Derived ctx=ctx />
            <How source=T.source>
                <p class="formulas" data-formula="value">{move || T.formulas.get(l())}</p>
            </How>
        </section>
    }
}
