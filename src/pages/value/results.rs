//! What the report says, in words and a table: which drivers to work on
//! first, the importance-weighted competitive gap, and per driver its
//! quadrant, potential gain, gap to the competitor, action score and rank.

use super::chart::quadrant_class;
use super::texts::{self, T};
use super::{stat, ValueCtx};
use crate::components::DataTable;
use crate::i18n::{describe_undefined, use_prefs};
use cadran_core::locale::Locale;
use cadran_core::metrics::value::{Quadrant, ValueError, ValueReport};
use cadran_core::MetricError;
use leptos::prelude::*;

fn signed(x: f64, l: Locale) -> String {
    let s = stat(x, l);
    if x > 0.0005 { format!("+{s}") } else { s }
}

/// A value result that failed, in words.
fn why(e: &ValueError, l: Locale) -> String {
    match e {
        ValueError::Driver(d) => texts::problem(d.problem, l),
        ValueError::Survey(_) => T.not_a_number.get(l).to_string(),
        ValueError::Metric(MetricError::Undefined(u)) => describe_undefined(u, l),
        ValueError::Metric(MetricError::Invalid(_)) => T.not_a_number.get(l).to_string(),
    }
}

/// The summary sentences and the per-driver table.
#[component]
pub fn Results(ctx: ValueCtx) -> impl IntoView {
    let prefs = use_prefs();
    let body = move || {
        let l = prefs.locale.get();
        let names: Vec<String> = ctx.sheet.with(|s| s.rows.iter().map(|r| r.name.clone()).collect());
        let dims: Vec<_> = ctx.sheet.with(|s| s.rows.iter().map(|r| r.dimension).collect());
        let r: ValueReport = match ctx.report.get() {
            Ok(r) => r,
            Err(words) => return view! { <p class="reason" role="alert">{words}</p> }.into_any(),
        };
        if let Some(e) = r.invalid.first() {
            let words = T.fix_cell.fill(l, &[&(e.row + 1).to_string(), texts::field(e.field, l), &texts::problem(e.problem, l)]);
            return view! { <p class="reason" role="alert">{words}</p> }.into_any();
        }
        let grid = match &r.grid {
            Ok(g) => g,
            Err(e) => return view! { <p class="reason" role="alert">{why(e, l)}</p> }.into_any(),
        };
        let first: Vec<&str> = grid
            .by_priority
            .iter()
            .filter(|&&i| grid.points.get(i).is_some_and(|p| p.quadrant == Quadrant::ConcentrateHere))
            .filter_map(|&i| names.get(i).map(String::as_str))
            .collect();
        let first = if first.is_empty() { T.none_first.get(l).to_string() } else { T.first.fill(l, &[&first.join(", ")]) };
        let gap = match r.gaps.as_ref().map(|g| g.gap_to_best) {
            Ok(Ok(g)) => {
                let side = if g > 0.0005 { T.ahead } else if g < -0.0005 { T.behind } else { T.level };
                T.overall_gap.fill(l, &[&signed(g, l), side.get(l)])
            }
            _ => T.no_competitor.get(l).to_string(),
        };
        let actions = r.actions.as_ref().and_then(|a| a.as_ref().ok());
        let rows = grid
            .points
            .iter()
            .enumerate()
            .map(|(i, p)| {
                let g = r.gaps.as_ref().ok().and_then(|g| g.drivers.get(i).copied());
                let action = actions.and_then(|a| a.iter().position(|x| x.driver == i).map(|rank| (rank + 1, a[rank].score)));
                view! {
                    <tr data-driver-row=i + 1>
                        <td>{i + 1}</td>
                        <th scope="row">{names.get(i).cloned().unwrap_or_default()}</th>
                        <td>{dims.get(i).map(|d| texts::dimension(*d, l))}</td>
                        <td class=format!("q-cell q-{}", quadrant_class(p.quadrant)) data-quadrant=quadrant_class(p.quadrant)>{texts::quadrant(p.quadrant, l)}</td>
                        <td class="num">{g.map(|g| stat(g.gain_to_top, l))}</td>
                        <td class="num" data-gap="">{g.and_then(|g| g.weighted_gap_to_best).map_or_else(|| "—".to_string(), |x| signed(x, l))}</td>
                        <td class="num">{action.map(|(_, s)| stat(s, l))}</td>
                        <td class="num" data-rank="">{action.map(|(k, _)| k.to_string())}</td>
                    </tr>
                }
            })
            .collect_view();
        view! {
            <p class="value-first" role="status">{first}</p>
            <p class="value-gap">{gap}</p>
            <DataTable labelledby="value-results-title" class="value-results-table"
                heads=["#", T.name.get(l), T.dimension.get(l), T.quadrant.get(l), T.gain.get(l), T.gap.get(l), T.score.get(l), T.rank.get(l)].map(String::from).to_vec()>
                {rows}
            </DataTable>
        }
        .into_any()
    };
    view! {
        <section class="value-summary" aria-labelledby="value-results-title">
            <h2 id="value-results-title">{move || T.results_title.get(prefs.locale.get())}</h2>
            {body}
        </section>
    }
}
