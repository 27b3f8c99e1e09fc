//! The importance–performance grid (Martilla & James 1977) as SVG:
//! performance across, importance up, both normalised to 0–1, the
//! crosshairs the user chose, the four quadrants named, and each driver a
//! numbered point (its row in the table). The results table that follows is
//! the same information for keyboard and screen-reader users, and prints.

use super::texts::{self, T};
use super::ValueCtx;
use crate::i18n::use_prefs;
use cadran_core::metrics::value::{IpaGrid, Quadrant};
use leptos::prelude::*;

/// Drawing area, in SVG units (the chart scales to its box).
const SIZE: f64 = 300.0;
const PAD: f64 = 34.0;

/// Space inside the frame, so a point at the top of a scale is not cut by it.
const INSET: f64 = 12.0;

fn x(performance: f64) -> f64 {
    PAD + INSET + performance.clamp(0.0, 1.0) * (SIZE - 2.0 * INSET)
}

fn y(importance: f64) -> f64 {
    PAD + INSET + (1.0 - importance.clamp(0.0, 1.0)) * (SIZE - 2.0 * INSET)
}

/// The quadrant chart.
#[component]
pub fn QuadrantChart(ctx: ValueCtx) -> impl IntoView {
    let prefs = use_prefs();
    let l = move || prefs.locale.get();
    let grid = move || ctx.report.with(|r| r.as_ref().ok().and_then(|r| r.grid.as_ref().ok().cloned()));
    let drawing = move || {
        let g: IpaGrid = grid()?;
        let l = l();
        let (cx, cy) = (x(g.crosshair_performance), y(g.crosshair_importance));
        let corner = |q: Quadrant, tx: f64, ty: f64, anchor: &'static str| {
            view! { <text class=format!("q-name q-{}", quadrant_class(q)) x=tx y=ty text-anchor=anchor>{texts::quadrant(q, l)}</text> }
        };
        // Drivers rated alike share a place: one circle, and their numbers
        // beside it ("2, 4") instead of one number hiding the other.
        let mut places: Vec<((i64, i64), Vec<usize>)> = Vec::new();
        for (i, p) in g.points.iter().enumerate() {
            let key = ((p.performance * 1000.0).round() as i64, (p.importance * 1000.0).round() as i64);
            match places.iter_mut().find(|(k, _)| *k == key) {
                Some((_, rows)) => rows.push(i),
                None => places.push((key, vec![i])),
            }
        }
        let points = places
            .into_iter()
            .map(|(_, rows)| {
                let p = g.points[rows[0]];
                let (px, py) = (x(p.performance), y(p.importance));
                let numbers: Vec<String> = rows.iter().map(|i| (i + 1).to_string()).collect();
                let label = numbers.join(", ");
                let inside = if rows.len() == 1 { label.clone() } else { String::new() };
                let beside = (rows.len() > 1).then(|| view! { <text class="pt-many" x=px + 12.0 y=py + 3.5>{label.clone()}</text> });
                view! {
                    <g class=format!("pt q-{}", quadrant_class(p.quadrant)) data-point=label>
                        <circle cx=px cy=py r="9" />
                        <text x=px y=py + 3.5 text-anchor="middle">{inside}</text>
                        {beside}
                    </g>
                }
            })
            .collect_view();
        let (lo, hi) = (PAD, PAD + SIZE);
        Some(view! {
            <svg class="ipa-svg" viewBox=format!("0 0 {} {}", SIZE + 2.0 * PAD, SIZE + 2.0 * PAD) role="img" aria-labelledby="ipa-title ipa-desc">
                <rect class="ipa-frame" x=lo y=lo width=SIZE height=SIZE />
                <line class="ipa-cross" x1=cx y1=lo x2=cx y2=hi />
                <line class="ipa-cross" x1=lo y1=cy x2=hi y2=cy />
                // Quadrant names outside the frame, where no point can hide them.
                {corner(Quadrant::ConcentrateHere, lo, lo - 6.0, "start")}
                {corner(Quadrant::KeepUpTheGoodWork, hi, lo - 6.0, "end")}
                {corner(Quadrant::LowPriority, lo, hi + 13.0, "start")}
                {corner(Quadrant::PossibleOverkill, hi, hi + 13.0, "end")}
                <text class="axis-title" x=lo + SIZE / 2.0 y=hi + 28.0 text-anchor="middle">{T.axis_performance.get(l)}</text>
                <text class="axis-title" x="12" y=lo + SIZE / 2.0 text-anchor="middle" transform=format!("rotate(-90 12 {})", lo + SIZE / 2.0)>{T.axis_importance.get(l)}</text>
                {points}
            </svg>
        })
    };
    view! {
        <figure class="chart ipa-chart">
            <figcaption>
                <h3 id="ipa-title">{move || T.grid_title.get(l())}</h3>
                <p id="ipa-desc" class="help">{move || T.grid_desc.get(l())}</p>
            </figcaption>
            <div class="chart-area">{drawing}</div>
        </figure>
    }
}

/// A quadrant's CSS class (its colour and the tests' hook).
#[must_use]
pub fn quadrant_class(q: Quadrant) -> &'static str {
    match q {
        Quadrant::ConcentrateHere => "concentrate",
        Quadrant::KeepUpTheGoodWork => "keep",
        Quadrant::LowPriority => "low",
        Quadrant::PossibleOverkill => "overkill",
    }
}
