//! A tornado chart: one horizontal bar per input, from the output with the
//! input lowered to the output with it raised, widest bar first (the order
//! comes from the core). The lowered side is solid, the raised side hatched,
//! so the chart reads without colour; the page shows the same numbers in a
//! table.

use super::axis::{nice_ticks, tick_label, to_px, Px, Scale};
use super::width::use_width;
use crate::i18n::use_prefs;
use cadran_core::Decimal;
use leptos::prelude::*;

/// One bar: the input's name and the output at each end (`None` when the
/// core says it is undefined there).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TornadoBar {
    /// The input's label.
    pub label: String,
    /// The output with the input lowered.
    pub low: Option<Decimal>,
    /// The output with the input raised.
    pub high: Option<Decimal>,
}

/// The chart. `base` is the output with no input changed (the axis the bars
/// grow from); `low_legend`/`high_legend` say what the two sides are.
#[component]
pub fn TornadoChart(
    #[prop(into)] base: Signal<Option<Decimal>>,
    #[prop(into)] bars: Signal<Vec<TornadoBar>>,
    #[prop(into)] low_legend: Signal<String>,
    #[prop(into)] high_legend: Signal<String>,
    /// What the chart shows, for screen readers (the table follows).
    #[prop(into)]
    label: Signal<String>,
) -> impl IntoView {
    let prefs = use_prefs();
    let node = NodeRef::new();
    let width = use_width(node, 640.0);
    let narrow = move || width.get() < 520.0;
    // Narrow screens put the label above its bar.
    let row_h = move || if narrow() { 40.0 } else { 28.0 };
    let label_w = move || if narrow() { 0.0 } else { (width.get() * 0.32).min(220.0) };
    let (top, bottom, pad) = (8.0, 26.0, 12.0);
    let height = move || top + bottom + row_h() * bars.with(Vec::len) as Px;
    let axis = Memo::new(move |_| {
        let b = base.get().map(to_px).unwrap_or(0.0);
        let (mut lo, mut hi) = (b, b);
        bars.with(|all| {
            for bar in all {
                for v in [bar.low, bar.high].into_iter().flatten() {
                    lo = lo.min(to_px(v));
                    hi = hi.max(to_px(v));
                }
            }
        });
        nice_ticks(lo, hi, if width.get() < 520.0 { 3 } else { 5 })
    });
    let x = move || Scale { domain: axis.with(|a| a.1), range: (label_w() + pad, width.get() - pad) };
    let rows = move || {
        let xs = x();
        let b = xs.map(base.get().map(to_px).unwrap_or(0.0));
        let (rh, narrow) = (row_h(), narrow());
        bars.with(|all| {
            all.iter()
                .enumerate()
                .map(|(i, bar)| {
                    let y0 = top + rh * i as Px;
                    let (bar_y, bar_h) = if narrow { (y0 + 18.0, rh - 24.0) } else { (y0 + 5.0, rh - 10.0) };
                    let seg = |v: Option<Decimal>, class: &'static str| {
                        v.map(|v| {
                            let e = xs.map(to_px(v));
                            let (a, w) = if e < b { (e, b - e) } else { (b, e - b) };
                            view! { <rect x=a y=bar_y width=w.max(1.0) height=bar_h class=class /> }
                        })
                    };
                    let (lx, ly, anchor) = if narrow { (pad, y0 + 13.0, "start") } else { (label_w(), y0 + rh / 2.0 + 4.0, "end") };
                    view! {
                        <text class="bar-label" x=lx y=ly text-anchor=anchor>{bar.label.clone()}</text>
                        {seg(bar.low, "bar-low")}
                        {seg(bar.high, "bar-high")}
                    }
                })
                .collect_view()
        })
    };
    let grid = move || {
        let xs = x();
        let h = height();
        let l = prefs.locale.get();
        axis.with(|a| a.0.clone())
            .into_iter()
            .map(|t| {
                let px = xs.map(t);
                view! {
                    <line x1=px x2=px y1=top y2=h - bottom />
                    <text x=px y=h - 8.0 text-anchor="middle">{tick_label(t, l)}</text>
                }
            })
            .collect_view()
    };
    let base_line = move || {
        let xs = x();
        let b = xs.map(base.get().map(to_px).unwrap_or(0.0));
        view! { <line class="base" x1=b x2=b y1=top - 4.0 y2=height() - bottom + 2.0 /> }
    };
    view! {
        <div class="tornado">
            <ul class="legend">
                <li><svg width="18" height="12" aria-hidden="true"><rect width="18" height="12" class="bar-low" /></svg>{move || low_legend.get()}</li>
                <li><svg width="18" height="12" aria-hidden="true"><rect width="18" height="12" class="bar-high" /></svg>{move || high_legend.get()}</li>
            </ul>
            <div class="chart-area" node_ref=node>
                <svg width="100%" viewBox=move || format!("0 0 {:.0} {:.0}", width.get(), height())
                    preserveAspectRatio="xMinYMin meet" role="img" aria-label=move || label.get()>
                    <defs>
                        <pattern id="hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
                            <rect width="6" height="6" class="hatch-bg" />
                            <line x1="0" y1="0" x2="0" y2="6" class="hatch-line" />
                        </pattern>
                    </defs>
                    <g class="grid">{grid}</g>
                    <g class="bars">{rows}</g>
                    {base_line}
                </svg>
            </div>
        </div>
    }
}
