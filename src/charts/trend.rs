//! A month-by-month column chart (NPS per month, MRR, churn rate…), drawn as
//! SVG with a table of the same values as its text alternative.
//!
//! Columns rather than a line because months with no value (no answer, no
//! customer at the start) must show as gaps, not as a line through zero.
//! The drawing is sized in a 360-unit-wide view box, so at 360 px its text is
//! at its intended size; on wider screens CSS caps its width. Floats are used
//! for geometry only; every number written comes formatted from the exact
//! value by the caller.

use super::bars::px;
use cadran_core::locale::Locale;
use cadran_core::Decimal;
use leptos::prelude::*;

/// One month: labels, its value if defined, and the value as shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Point {
    /// Full month name for the table ("janv. 2024").
    pub label: String,
    /// Short axis label ("01/24").
    pub short: String,
    /// The value, or `None` when undefined (a gap).
    pub value: Option<Decimal>,
    /// The value as written, or why there is none.
    pub shown: String,
}

const W: f64 = 360.0;
const H: f64 = 190.0;
const LEFT: f64 = 44.0;
const RIGHT: f64 = 6.0;
const TOP: f64 = 10.0;
const BOTTOM: f64 = 28.0;

/// A step of 1, 2 or 5 × 10ⁿ giving about `count` ticks over `span`
/// (Heckbert 1990, "Nice numbers for graph labels").
#[must_use]
pub fn nice_step(span: f64, count: f64) -> f64 {
    if !(span.is_finite() && span > 0.0) {
        return 1.0;
    }
    let raw = span / count.max(1.0);
    let mag = 10f64.powf(raw.log10().floor());
    [1.0, 2.0, 5.0, 10.0].iter().map(|m| m * mag).find(|s| *s >= raw).unwrap_or(10.0 * mag)
}

/// Axis bounds and ticks covering the values and zero.
#[must_use]
pub fn axis(values: &[f64]) -> (f64, f64, Vec<f64>) {
    let lo = values.iter().copied().fold(0.0f64, f64::min);
    let hi = values.iter().copied().fold(0.0f64, f64::max);
    let hi = if hi <= lo { lo + 1.0 } else { hi };
    let step = nice_step(hi - lo, 5.0);
    let (lo, hi) = ((lo / step).floor() * step, (hi / step).ceil() * step);
    let n = ((hi - lo) / step).round().clamp(1.0, 20.0) as usize;
    (lo, hi, (0..=n).map(|i| lo + step * i as f64).collect())
}

/// A short number for a tick: 1 200 → "1,2k".
fn tick(v: f64, l: Locale) -> String {
    let a = v.abs();
    let (x, suffix) = if a >= 1e6 { (v / 1e6, "M") } else if a >= 1e4 { (v / 1e3, "k") } else { (v, "") };
    let mut s = format!("{:.1}", x);
    if s.ends_with(".0") {
        s.truncate(s.len() - 2);
    }
    if l == Locale::Fr {
        // The decimal comma (the rest of the app writes numbers with the core's `locale`).
        s = s.replace('.', ",");
    }
    format!("{s}{suffix}").replacen('-', "−", 1)
}

/// A column chart of months, with a table of the values.
#[component]
pub fn TrendChart(
    /// Identifies the chart (`data-chart`) for tests.
    id: &'static str,
    #[prop(into)] title: Signal<String>,
    /// The value axis and its unit ("NPS (points)", "MRR (€)").
    #[prop(into)]
    unit: Signal<String>,
    #[prop(into)] points: Signal<Vec<Point>>,
    /// "Month" / "Mois", for the table.
    #[prop(into)]
    month_header: Signal<String>,
    /// The language the axis's numbers are written in.
    #[prop(into)]
    locale: Signal<Locale>,
    /// Label of the table disclosure ("Show the table").
    #[prop(into)]
    table_label: Signal<String>,
) -> impl IntoView {
    let svg = move || {
        let p = points.get();
        let vals: Vec<f64> = p.iter().filter_map(|x| x.value.map(px)).collect();
        let (lo, hi, ticks) = axis(&vals);
        let y = move |v: f64| TOP + (hi - v) / (hi - lo) * (H - TOP - BOTTOM);
        let n = p.len().max(1) as f64;
        let slot = (W - LEFT - RIGHT) / n;
        let bw = (slot * 0.72).max(1.0);
        let every = ((n * 34.0 / (W - LEFT - RIGHT)).ceil() as usize).max(1);
        let l = locale.get();
        let grid = ticks
            .iter()
            .map(|t| {
                let ty = y(*t);
                view! {
                    <line class=if t.abs() < f64::EPSILON { "zero" } else { "grid" } x1=LEFT x2=W - RIGHT y1=ty y2=ty />
                    <text class="tick" x=LEFT - 4.0 y=ty + 4.0 text-anchor="end">{tick(*t, l)}</text>
                }
            })
            .collect_view();
        let cols = p
            .iter()
            .enumerate()
            .map(|(i, pt)| {
                let x = LEFT + slot * i as f64 + (slot - bw) / 2.0;
                let bar = pt.value.map(|v| {
                    let (a, b) = (y(px(v)), y(0.0));
                    let neg = v.is_sign_negative() && !v.is_zero();
                    view! {
                        <rect class=if neg { "col neg" } else { "col" } x=format!("{x:.1}") y=format!("{:.1}", a.min(b))
                            width=format!("{bw:.1}") height=format!("{:.1}", (a - b).abs().max(0.8))>
                            <title>{format!("{} : {}", pt.label, pt.shown)}</title>
                        </rect>
                    }
                });
                let label = (i % every == 0).then(|| {
                    view! { <text class="tick" x=format!("{:.1}", x + bw / 2.0) y=H - BOTTOM + 14.0 text-anchor="middle">{pt.short.clone()}</text> }
                });
                view! { {bar} {label} }
            })
            .collect_view();
        view! {
            <svg class="trend-svg" viewBox=format!("0 0 {W} {H}") role="img" aria-label=move || format!("{} ({})", title.get(), unit.get())>
                {grid}
                {cols}
            </svg>
        }
    };
    view! {
        <figure class="chart trend" data-chart=id>
            <figcaption>
                <span class="chart-title">{move || title.get()}</span>
                " "
                <span class="chart-unit">{move || format!("({})", unit.get())}</span>
            </figcaption>
            {svg}
            <details class="chart-table">
                <summary>{move || table_label.get()}</summary>
                <table>
                    <thead>
                        <tr>
                            <th scope="col">{move || month_header.get()}</th>
                            <th scope="col" class="num">{move || unit.get()}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {move || {
                            points
                                .get()
                                .into_iter()
                                .map(|p| view! { <tr><th scope="row">{p.label}</th><td class="num">{p.shown}</td></tr> })
                                .collect_view()
                        }}
                    </tbody>
                </table>
            </details>
        </figure>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn axis_covers_zero_and_values() {
        let (lo, hi, t) = axis(&[12.0, 87.0]);
        assert_eq!((lo, hi), (0.0, 100.0));
        assert_eq!(t, vec![0.0, 20.0, 40.0, 60.0, 80.0, 100.0]);
        let (lo, hi, _) = axis(&[-30.0, 45.0]);
        assert!(lo <= -30.0 && hi >= 45.0);
        let (lo, hi, t) = axis(&[]);
        assert!(hi > lo && !t.is_empty(), "no value: still a valid axis");
        assert_eq!(tick(12000.0, Locale::Fr), "12k");
        assert_eq!(tick(-2.5, Locale::Fr), "−2,5");
    }
}
