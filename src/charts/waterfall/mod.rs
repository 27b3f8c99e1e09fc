//! The MRR waterfall (or "bridge"): start MRR, each movement as a floating
//! bar, end MRR. Drawn as SVG by the app, with a table of the same steps as
//! its text alternative.
//!
//! It takes plain data, the core's [`WaterfallStep`] list
//! ([`cadran_core::metrics::mrr::waterfall`]), so any page can draw one: the
//! MRR card from typed movements, the import page from subscriptions.
//!
//! Two drawings of the same data, one shown by CSS at a time: vertical bars
//! when there is room, one row per step on narrow screens, so text stays
//! readable at 360 px instead of being scaled down with a wide drawing.
//! Geometry is in `f64` pixels (drawing only); every number written on the
//! chart or in the table comes from the exact `Decimal`.

use super::coord::coord;
use crate::components::{fmt_money, Fmt};
use crate::i18n::{tr, use_prefs, Tr};
use cadran_core::locale::{format_number, Locale};
use cadran_core::metrics::mrr::{MrrStep, WaterfallStep};
use cadran_core::Decimal;
use leptos::prelude::*;
use rust_decimal::prelude::ToPrimitive;
use std::sync::atomic::{AtomicUsize, Ordering};

/// The name of a step: (short, for the chart; long, for the table).
#[must_use]
pub fn step_label(step: MrrStep, l: Locale) -> (&'static str, &'static str) {
    let (short, long) = match step {
        MrrStep::Start => (tr("Début", "Start"), tr("MRR au début", "MRR at the start")),
        MrrStep::New => (tr("Nouveau", "New"), tr("Nouveaux clients", "New customers")),
        MrrStep::Expansion => (tr("Expansion", "Expansion"), tr("Expansion", "Expansion")),
        MrrStep::Reactivation => (tr("Réactivation", "Reactivation"), tr("Réactivation", "Reactivation")),
        MrrStep::Contraction => (tr("Contraction", "Contraction"), tr("Contraction", "Contraction")),
        MrrStep::Churned => (tr("Attrition", "Churn"), tr("Attrition (clients partis)", "Churn (customers who left)")),
        MrrStep::End => (tr("Fin", "End"), tr("MRR à la fin", "MRR at the end")),
    };
    (short.get(l), long.get(l))
}

/// The chart's words.
struct Texts {
    axis: Tr,
    summary: Tr,
    cut: Tr,
    increase: Tr,
    decrease: Tr,
    caption: Tr,
    step: Tr,
    change: Tr,
    after: Tr,
}

const T: Texts = Texts {
    axis: tr("MRR ({} par mois)", "MRR ({} per month)"),
    summary: tr(
        "Cascade du MRR : de {} à {}. Le détail de chaque mouvement est dans le tableau qui suit.",
        "MRR waterfall: from {} to {}. Each movement is in the table that follows.",
    ),
    cut: tr(
        "L’axe des valeurs commence à {}, pas à 0, pour que les mouvements restent visibles (barres de total coupées).",
        "The value axis starts at {}, not 0, so that movements stay visible (total bars are shown cut).",
    ),
    increase: tr("hausse", "increase"),
    decrease: tr("baisse (claire, bordée)", "decrease (light, outlined)"),
    caption: tr("Mouvements du MRR (tableau du graphique)", "MRR movements (chart data)"),
    step: tr("Étape", "Step"),
    change: tr("Variation", "Change"),
    after: tr("MRR après", "MRR after"),
};

/// How a bar is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BarKind {
    /// A total (start, end), from the axis base.
    Total,
    /// A gain, floating.
    Up,
    /// A loss, floating.
    Down,
}

/// One bar: its kind and the values of its two ends (`lo ≤ hi`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Bar {
    /// Total, gain or loss.
    pub kind: BarKind,
    /// Lower end, in money.
    pub lo: f64,
    /// Upper end, in money.
    pub hi: f64,
}

/// The value axis: its range, ticks, and whether it was cut above zero.
#[derive(Debug, Clone, PartialEq)]
pub struct Axis {
    /// Lowest value drawn.
    pub lo: f64,
    /// Highest value drawn.
    pub hi: f64,
    /// Tick values, from `lo` to `hi`.
    pub ticks: Vec<f64>,
    /// True when the axis starts above zero (totals are drawn with a break).
    pub cut: bool,
}

fn f(d: Decimal) -> f64 {
    d.to_f64().unwrap_or(0.0)
}

/// The bars of `steps`, in order.
#[must_use]
pub fn bars(steps: &[WaterfallStep]) -> Vec<Bar> {
    steps
        .iter()
        .map(|s| match s.step {
            MrrStep::Start | MrrStep::End => {
                let v = f(s.running_total);
                Bar { kind: BarKind::Total, lo: v.min(0.0), hi: v.max(0.0) }
            }
            _ => {
                let (after, before) = (f(s.running_total), f(s.running_total - s.delta));
                let kind = if s.delta.is_sign_negative() && !s.delta.is_zero() { BarKind::Down } else { BarKind::Up };
                Bar { kind, lo: after.min(before), hi: after.max(before) }
            }
        })
        .collect()
}

/// A "nice" tick step (1, 2, 2.5 or 5 × 10ᵏ) for about four intervals.
fn nice_step(range: f64) -> f64 {
    if !(range.is_finite() && range > 0.0) {
        return 1.0;
    }
    let raw = range / 4.0;
    let mag = 10f64.powf(raw.log10().floor());
    let m = [1.0, 2.0, 2.5, 5.0, 10.0].into_iter().find(|m| m * mag >= raw).unwrap_or(10.0);
    m * mag
}

/// The axis for `bars`. It starts at zero, unless every bar stays in the top
/// half of the chart: then movements of a few percent would be slivers, so the
/// axis is cut (and the chart says so, and totals show a break).
#[must_use]
pub fn axis(bars: &[Bar]) -> Axis {
    let max = bars.iter().map(|b| b.hi).fold(0.0, f64::max);
    let min_all = bars.iter().map(|b| b.lo).fold(0.0, f64::min);
    // Lowest point of anything but the totals' bases.
    let floor = bars
        .iter()
        .map(|b| if b.kind == BarKind::Total { b.hi } else { b.lo })
        .fold(f64::INFINITY, f64::min);
    let cut = min_all >= 0.0 && floor.is_finite() && floor > 0.5 * max && max > 0.0;
    let lo_target = if cut { floor - (max - floor).max(max * 0.02) * 0.6 } else { min_all };
    let step = nice_step(max - lo_target);
    let lo = if cut { ((lo_target / step).floor() * step).max(0.0) } else { (lo_target / step).floor() * step };
    let hi = ((max / step).ceil() * step).max(lo + step);
    let n = ((hi - lo) / step).round() as usize;
    let ticks = (0..=n.min(12)).map(|i| lo + step * i as f64).collect();
    Axis { lo, hi, ticks, cut: cut && lo > 0.0 }
}

/// A whole-unit number for chart labels (the table has the cents).
fn short(v: Decimal, l: Locale) -> String {
    format_number(v, 0, l)
}

fn signed(s: &WaterfallStep, l: Locale) -> String {
    match s.step {
        MrrStep::Start | MrrStep::End => short(s.delta, l),
        _ if s.delta.is_sign_negative() && !s.delta.is_zero() => format!("−{}", short(-s.delta, l)),
        _ => format!("+{}", short(s.delta, l)),
    }
}

fn tick_label(t: f64, l: Locale) -> String {
    short(Decimal::from_f64_retain(t).unwrap_or_default().round_dp(0), l)
}

static NEXT_ID: AtomicUsize = AtomicUsize::new(0);

/// The waterfall chart and its table.
///
/// `steps` is the core's list (start, movements, end); an empty list draws
/// nothing (the page shows why there is no value). `title` heads the chart.
#[component]
pub fn Waterfall(
    #[prop(into)] steps: Signal<Vec<WaterfallStep>>,
    #[prop(into)] title: Signal<String>,
) -> impl IntoView {
    let prefs = use_prefs();
    let n = NEXT_ID.fetch_add(1, Ordering::Relaxed);
    let hatch = format!("wf-{n}");
    let caption_id = format!("wf-title-{n}");
    let l = move || prefs.locale.get();
    let axis_title = move || {
        let f = Fmt::of(prefs);
        T.axis.fill(f.locale, &[f.currency.symbol(f.locale)])
    };
    let summary = move || {
        let s = steps.get();
        let f = Fmt::of(prefs);
        match (s.first(), s.last()) {
            (Some(a), Some(b)) => T.summary.fill(f.locale, &[&fmt_money(a.running_total, f), &fmt_money(b.running_total, f)]),
            _ => String::new(),
        }
    };
    let cut_note = move || {
        let b = bars(&steps.get());
        let a = axis(&b);
        a.cut.then(|| {
            T.cut.fill(l(), &[&tick_label(a.lo, l())])
        })
    };
    let (h1, h2) = (hatch.clone(), hatch.clone());
    view! {
        <Show when=move || !steps.get().is_empty()>
            <figure class="waterfall" aria-labelledby=caption_id.clone()>
                <figcaption id=caption_id.clone()>
                    <span class="wf-title">{move || title.get()}</span>
                    <span class="wf-legend" aria-hidden="true">
                        <span class="wf-key total"></span>"total"
                        <span class="wf-key up"></span>{move || T.increase.get(l())}
                        <span class="wf-key down"></span>{move || T.decrease.get(l())}
                    </span>
                </figcaption>
                <div class="wf-wide">
                    {
                        let h = h1.clone();
                        move || wide_svg(&steps.get(), prefs.locale.get(), &h, axis_title(), summary())
                    }
                </div>
                <div class="wf-narrow">
                    {
                        let h = h2.clone();
                        move || narrow_svg(&steps.get(), prefs.locale.get(), &h, axis_title(), summary())
                    }
                </div>
                {move || cut_note().map(|t| view! { <p class="wf-note">{t}</p> })}
                <table class="wf-table">
                    <caption>{move || T.caption.get(l())}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{move || T.step.get(l())}</th>
                            <th scope="col">{move || T.change.get(l())}</th>
                            <th scope="col">{move || T.after.get(l())}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {move || {
                            let f = Fmt::of(prefs);
                            steps
                                .get()
                                .into_iter()
                                .map(|s| {
                                    let change = match s.step {
                                        MrrStep::Start | MrrStep::End => "—".to_string(),
                                        _ if s.delta.is_sign_negative() && !s.delta.is_zero() => format!("−{}", fmt_money(-s.delta, f)),
                                        _ => format!("+{}", fmt_money(s.delta, f)),
                                    };
                                    view! {
                                        <tr data-step=s.step.key()>
                                            <th scope="row">{step_label(s.step, f.locale).1}</th>
                                            <td>{change}</td>
                                            <td>{fmt_money(s.running_total, f)}</td>
                                        </tr>
                                    }
                                })
                                .collect_view()
                        }}
                    </tbody>
                </table>
            </figure>
        </Show>
    }
}

fn kind_class(k: BarKind) -> &'static str {
    match k {
        BarKind::Total => "wf-bar total",
        BarKind::Up => "wf-bar up",
        BarKind::Down => "wf-bar down",
    }
}

/// Vertical bars, for wide screens and print.
fn wide_svg(steps: &[WaterfallStep], l: Locale, _id: &str, axis_title: String, summary: String) -> impl IntoView {
    const W: f64 = 720.0;
    const H: f64 = 330.0;
    const LEFT: f64 = 78.0;
    const RIGHT: f64 = 12.0;
    const TOP: f64 = 30.0;
    const BOTTOM: f64 = 40.0;
    let b = bars(steps);
    let a = axis(&b);
    let plot_h = H - TOP - BOTTOM;
    let (alo, ahi) = (a.lo, a.hi);
    let y = move |v: f64| TOP + plot_h * (1.0 - (v - alo) / (ahi - alo));
    let col = (W - LEFT - RIGHT) / b.len().max(1) as f64;
    let bw = col * 0.62;
    let ticks = a.ticks.iter().map(|&t| {
        let ty = y(t);
        view! {
            <line class="wf-grid" x1={coord(LEFT)} x2={coord(W - RIGHT)} y1={coord(ty)} y2={coord(ty)}></line>
            <text class="wf-tick" x={coord(LEFT - 6.0)} y={coord(ty + 4.0)} text-anchor="end">{tick_label(t, l)}</text>
        }
    }).collect_view();
    let bars_v = steps.iter().zip(b.iter()).enumerate().map(|(i, (s, bar))| {
        let x = LEFT + col * i as f64 + (col - bw) / 2.0;
        let lo = if bar.kind == BarKind::Total { bar.lo.max(a.lo) } else { bar.lo };
        let (top, bottom) = (y(bar.hi), y(lo));
        let h = (bottom - top).max(1.5);
        let connector = (i + 1 < b.len()).then(|| {
            let level = y(f(s.running_total));
            view! { <line class="wf-connector" x1={coord(x + bw)} x2={coord(x + col)} y1={coord(level)} y2={coord(level)}></line> }
        });
        let brk = (a.cut && bar.kind == BarKind::Total).then(|| {
            let yb = bottom - 8.0;
            let pts = [(x - 2.0, yb + 3.0), (x + bw * 0.25, yb - 3.0), (x + bw * 0.5, yb + 3.0), (x + bw * 0.75, yb - 3.0), (x + bw + 2.0, yb + 3.0)]
                .map(|(px, py)| format!("{},{}", coord(px), coord(py)))
                .join(" ");
            view! { <polyline class="wf-break" points=pts></polyline> }
        });
        let cls = kind_class(bar.kind);
        // Losses are told apart by a light fill and a dark border (see the
        // stylesheet), which survives black-and-white printing.
        view! {
            <rect class=cls x={coord(x)} y={coord(top)} width={coord(bw)} height={coord(h)} ></rect>
            {brk}
            {connector}
            <text class="wf-value" x={coord(x + bw / 2.0)} y={coord(top - 6.0)} text-anchor="middle">{signed(s, l)}</text>
            <text class="wf-cat" x={coord(x + bw / 2.0)} y={coord(H - BOTTOM + 18.0)} text-anchor="middle">{step_label(s.step, l).0}</text>
        }
    }).collect_view();
    view! {
        <svg class="wf-svg" viewBox=format!("0 0 {} {}", coord(W), coord(H)) role="img" aria-label=summary>
            {ticks}
            <line class="wf-axis" x1={coord(LEFT)} x2={coord(W - RIGHT)} y1={coord(y(a.lo))} y2={coord(y(a.lo))}></line>
            <text class="wf-axis-title" x="4" y="14">{axis_title}</text>
            {bars_v}
        </svg>
    }
}

/// One row per step, for narrow screens.
fn narrow_svg(steps: &[WaterfallStep], l: Locale, _id: &str, axis_title: String, summary: String) -> impl IntoView {
    const W: f64 = 340.0;
    const ROW: f64 = 40.0;
    const TOP: f64 = 26.0;
    const LEFT: f64 = 8.0;
    const RIGHT: f64 = 14.0;
    let b = bars(steps);
    let a = axis(&b);
    let h = TOP + ROW * b.len() as f64 + 24.0;
    let (alo, ahi) = (a.lo, a.hi);
    let x = move |v: f64| LEFT + (W - LEFT - RIGHT) * (v - alo) / (ahi - alo);
    let bottom = TOP + ROW * b.len() as f64;
    // Fewer ticks fit across a phone: every other one when there are many.
    let every = if a.ticks.len() > 4 { 2 } else { 1 };
    let ticks = a.ticks.iter().enumerate().map(|(i, &t)| {
        let tx = x(t);
        let label = (i % every == 0).then(|| {
            let anchor = if i == 0 { "start" } else if i + 1 == a.ticks.len() { "end" } else { "middle" };
            view! { <text class="wf-tick" x={coord(tx)} y={coord(bottom + 16.0)} text-anchor=anchor>{tick_label(t, l)}</text> }
        });
        view! {
            <line class="wf-grid" x1={coord(tx)} x2={coord(tx)} y1={coord(TOP)} y2={coord(bottom)}></line>
            {label}
        }
    }).collect_view();
    let rows = steps.iter().zip(b.iter()).enumerate().map(|(i, (s, bar))| {
        let y0 = TOP + ROW * i as f64;
        let lo = if bar.kind == BarKind::Total { bar.lo.max(a.lo) } else { bar.lo };
        let (x0, x1) = (x(lo), x(bar.hi));
        let w = (x1 - x0).max(1.5);
        let cls = kind_class(bar.kind);
        view! {
            <text class="wf-cat" x={coord(LEFT)} y={coord(y0 + 13.0)}>{step_label(s.step, l).0}</text>
            <text class="wf-value" x={coord(W - RIGHT)} y={coord(y0 + 13.0)} text-anchor="end">{signed(s, l)}</text>
            <rect class=cls x={coord(x0)} y={coord(y0 + 18.0)} width={coord(w)} height="14"></rect>
        }
    }).collect_view();
    view! {
        <svg class="wf-svg" viewBox=format!("0 0 {} {}", coord(W), coord(h)) role="img" aria-label=summary>
            <text class="wf-axis-title" x={coord(LEFT)} y="12">{axis_title}</text>
            {ticks}
            {rows}
        </svg>
    }
}

#[cfg(test)]
mod tests;
