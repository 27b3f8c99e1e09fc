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

fn x(performance: f64) -> f64 {
    PAD + performance.clamp(0.0, 1.0) * SIZE
}

fn y(importance: f64) -> f64 {
    PAD + (1.0 - importance.clamp(0.0, 1.0)) * SIZE
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
        let points = g
            .points
            .iter()
            .enumerate()
            .map(|(i, p)| {
                let (px, py) = (x(p.performance), y(p.importance));
                view! {
                    <g class=format!("pt q-{}", quadrant_class(p.quadrant)) data-point=i + 1>
                        <circle cx=px cy=py r="9" />
                        <text x=px y=py + 3.5 text-anchor="middle">{i + 1}</text>
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
                {corner(Quadrant::ConcentrateHere, lo + 4.0, lo + 13.0, "start")}
                {corner(Quadrant::KeepUpTheGoodWork, hi - 4.0, lo + 13.0, "end")}
                {corner(Quadrant::LowPriority, lo + 4.0, hi - 6.0, "start")}
                {corner(Quadrant::PossibleOverkill, hi - 4.0, hi - 6.0, "end")}
                <text class="axis-title" x=lo + SIZE / 2.0 y=hi + 24.0 text-anchor="middle">{T.axis_performance.get(l)}</text>
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
