//! A line chart of monthly series (customers, MRR, cumulative profit…), drawn
//! as SVG by the app. Lines differ by colour **and** dash pattern, so the
//! chart reads in black and white; a read-out names every value at the month
//! under the pointer or chosen with the arrow keys; a table gives the same
//! numbers as text.

use super::axis::{nice_ticks, tick_label, to_px, Px, Scale};
use super::width::use_width;
use crate::i18n::{tr, use_prefs, Tr};
use cadran_core::Decimal;
use leptos::prelude::*;

/// One line: a name and one value per month (index 0 is month 1).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Series {
    /// Shown in the legend, the read-out and the table.
    pub name: String,
    /// Exact values, month by month.
    pub values: Vec<Decimal>,
}

/// Dash patterns of the five series, so that lines differ without colour.
pub const DASHES: [&str; 5] = ["", "7 4", "2 3", "10 3 2 3", "4 2"];

/// A month from a pointer position, or arrow keys.
fn clamp_month(i: i64, n: usize) -> Option<usize> {
    if n == 0 {
        return None;
    }
    Some(i.clamp(0, n as i64 - 1) as usize)
}

/// The months shown in the text table: every 12th (6th for short horizons)
/// and the last.
fn table_months(n: usize) -> Vec<usize> {
    let step = if n <= 24 { 6 } else { 12 };
    let mut v: Vec<usize> = (1..=n).filter(|m| m % step == 0).collect();
    if v.last() != Some(&n) && n > 0 {
        v.push(n);
    }
    v
}

/// The chart's words.
struct Texts {
    month: Tr,
    chart: Tr,
    axis: Tr,
    hint: Tr,
    table: Tr,
}

const T: Texts = Texts {
    month: tr("Mois", "Month"),
    chart: tr("graphique", "chart"),
    axis: tr("mois", "month"),
    hint: tr(
        "Survolez le graphique ou utilisez les flèches du clavier pour lire les valeurs d’un mois.",
        "Hover over the chart or use the arrow keys to read a month’s values.",
    ),
    table: tr("Les valeurs en tableau", "The values as a table"),
};

/// A line chart with axis titles, legend, read-out and text table.
#[component]
pub fn LineChart(
    /// Identifies the chart (`data-chart`) for tests and the report.
    id: &'static str,
    #[prop(into)] title: Signal<String>,
    /// The vertical axis, with its unit ("MRR (€ per month)").
    #[prop(into)]
    y_label: Signal<String>,
    #[prop(into)] series: Signal<Vec<Series>>,
    /// Writes one exact value for the read-out and the table.
    format: Callback<Decimal, String>,
) -> impl IntoView {
    let prefs = use_prefs();
    let l = move || prefs.locale.get();
    let node = NodeRef::new();
    let width = use_width(node, 640.0);
    let active: RwSignal<Option<usize>> = RwSignal::new(None);
    let table_open = RwSignal::new(false);
    let months = Memo::new(move |_| series.with(|s| s.iter().map(|x| x.values.len()).max().unwrap_or(0)));

    let height = move || if width.get() < 480.0 { 220.0 } else { 260.0 };
    let (left, right, top, bottom) = (56.0, 14.0, 10.0, 34.0);
    let x_scale = move || Scale { domain: (1.0, months.get().max(2) as Px), range: (left, width.get() - right) };
    let y_axis = Memo::new(move |_| {
        let (mut lo, mut hi) = (0.0f64, 0.0f64);
        series.with(|all| {
            for s in all {
                for v in &s.values {
                    let f = to_px(*v);
                    lo = lo.min(f);
                    hi = hi.max(f);
                }
            }
        });
        let count = if width.get() < 480.0 { 4 } else { 5 };
        nice_ticks(lo, hi, count)
    });
    let y_scale = move || Scale { domain: y_axis.with(|a| a.1), range: (height() - bottom, top) };
    let x_ticks = move || {
        let n = months.get();
        let step = match n {
            0..=12 => 1,
            13..=24 => 3,
            25..=60 => 12,
            _ => 24,
        };
        let step = if width.get() < 480.0 && n > 24 { step.max(24) } else { step };
        let mut t: Vec<usize> = std::iter::once(1).chain((1..=n).filter(|m| m % step == 0)).collect();
        t.dedup();
        t
    };

    let paths = move || {
        let (xs, ys) = (x_scale(), y_scale());
        series.with(|all| {
            all.iter()
                .enumerate()
                .map(|(k, s)| {
                    let mut d = String::with_capacity(s.values.len() * 16);
                    for (i, v) in s.values.iter().enumerate() {
                        let (x, y) = (xs.map((i + 1) as Px), ys.map(to_px(*v)));
                        d.push_str(if i == 0 { "M" } else { "L" });
                        d.push_str(&format!("{x:.1},{y:.1}"));
                    }
                    view! {
                        <path d=d class=format!("line series-{}", k % 5) stroke-dasharray=DASHES[k % 5] />
                    }
                })
                .collect_view()
        })
    };

    let on_move = move |ev: leptos::ev::PointerEvent| {
        let Some(svg) = event_target::<web_sys::Element>(&ev).closest("svg").ok().flatten() else { return };
        let rect = svg.get_bounding_client_rect();
        if rect.width() <= 0.0 {
            return;
        }
        let px = (f64::from(ev.client_x()) - rect.left()) * width.get_untracked() / rect.width();
        let m = x_scale().invert(px).round() as i64 - 1;
        active.set(clamp_month(m, months.get_untracked()));
    };
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        let n = months.get_untracked();
        let cur = active.get_untracked().unwrap_or(n.saturating_sub(1)) as i64;
        let next = match ev.key().as_str() {
            "ArrowLeft" | "ArrowDown" => cur - 1,
            "ArrowRight" | "ArrowUp" => cur + 1,
            "PageDown" => cur - 12,
            "PageUp" => cur + 12,
            "Home" => 0,
            "End" => n as i64 - 1,
            _ => return,
        };
        ev.prevent_default();
        active.set(clamp_month(next, n));
    };
    // The month read: the one chosen, else the last.
    let shown = move || {
        let n = months.get();
        active.get().filter(|m| *m < n).or(n.checked_sub(1))
    };
    let readout = move || {
        let Some(m) = shown() else { return ().into_any() };
        let word = T.month.get(l());
        let items = series.with(|all| {
            all.iter()
                .enumerate()
                .filter_map(|(k, s)| {
                    let v = s.values.get(m)?;
                    Some(view! {
                        <li>
                            <svg class="swatch" width="22" height="10" aria-hidden="true">
                                <line x1="1" y1="5" x2="21" y2="5" class=format!("line series-{}", k % 5) stroke-dasharray=DASHES[k % 5] />
                            </svg>
                            <span class="readout-name">{s.name.clone()}</span>
                            " "
                            <span class="readout-value">{format.run(*v)}</span>
                        </li>
                    })
                })
                .collect_view()
        });
        view! {
            <p class="readout-month">{format!("{word} {}", m + 1)}</p>
            <ul class="readout-values">{items}</ul>
        }
        .into_any()
    };
    let cursor = move || {
        let m = active.get()?;
        let (xs, ys) = (x_scale(), y_scale());
        let x = xs.map((m + 1) as Px);
        let dots = series.with(|all| {
            all.iter()
                .enumerate()
                .filter_map(|(k, s)| {
                    let y = ys.map(to_px(*s.values.get(m)?));
                    Some(view! { <circle cx=x cy=y r="3.5" class=format!("dot series-{}", k % 5) /> })
                })
                .collect_view()
        });
        Some(view! {
            <line class="cursor" x1=x x2=x y1=top y2=height() - bottom />
            {dots}
        })
    };
    let table = move || {
        if !table_open.get() {
            return ().into_any();
        }
        let word = T.month.get(l());
        let rows = table_months(months.get());
        series.with(|all| {
            view! {
                <div class="table-scroll">
                    <table class="chart-table">
                        <thead>
                            <tr>
                                <th scope="col">{word}</th>
                                {all.iter().map(|s| view! { <th scope="col">{s.name.clone()}</th> }).collect_view()}
                            </tr>
                        </thead>
                        <tbody>
                            {rows
                                .into_iter()
                                .map(|m| {
                                    view! {
                                        <tr>
                                            <th scope="row">{m}</th>
                                            {all
                                                .iter()
                                                .map(|s| view! { <td>{s.values.get(m - 1).map(|v| format.run(*v)).unwrap_or_default()}</td> })
                                                .collect_view()}
                                        </tr>
                                    }
                                })
                                .collect_view()}
                        </tbody>
                    </table>
                </div>
            }
            .into_any()
        })
    };
    let title_id = format!("chart-{id}-title");
    let hint_id = format!("chart-{id}-hint");
    view! {
        <figure class="chart line-chart" data-chart=id aria-labelledby=title_id.clone()>
            <figcaption>
                <h3 id=title_id.clone()>{move || title.get()}</h3>
                <p class="axis-title">{move || y_label.get()}</p>
                <ul class="legend" aria-hidden="true">
                    {move || series.with(|all| all.iter().enumerate().map(|(k, s)| view! {
                        <li>
                            <svg class="swatch" width="22" height="10">
                                <line x1="1" y1="5" x2="21" y2="5" class=format!("line series-{}", k % 5) stroke-dasharray=DASHES[k % 5] />
                            </svg>
                            {s.name.clone()}
                        </li>
                    }).collect_view())}
                </ul>
            </figcaption>
            <div class="chart-area" node_ref=node>
                <svg
                    width="100%"
                    viewBox=move || format!("0 0 {:.0} {:.0}", width.get(), height())
                    preserveAspectRatio="xMinYMin meet"
                    tabindex="0"
                    role="application"
                    aria-roledescription=move || T.chart.get(l())
                    aria-labelledby=title_id.clone()
                    aria-describedby=hint_id.clone()
                    on:pointermove=on_move
                    on:pointerdown=on_move
                    on:keydown=on_key
                    on:focus=move |_| if active.get_untracked().is_none() { active.set(months.get_untracked().checked_sub(1)) }
                >
                    <g class="grid">
                        {move || {
                            let (xs, ys) = (x_scale(), y_scale());
                            let l = prefs.locale.get();
                            y_axis
                                .with(|a| a.0.clone())
                                .into_iter()
                                .map(|t| {
                                    let y = ys.map(t);
                                    view! {
                                        <line x1=xs.range.0 x2=xs.range.1 y1=y y2=y class=if t == 0.0 { "zero" } else { "" } />
                                        <text x=left - 6.0 y=y + 4.0 text-anchor="end">{tick_label(t, l)}</text>
                                    }
                                })
                                .collect_view()
                        }}
                        {move || {
                            let xs = x_scale();
                            let y = height() - bottom;
                            x_ticks()
                                .into_iter()
                                .map(|m| {
                                    let x = xs.map(m as Px);
                                    view! {
                                        <line x1=x x2=x y1=y y2=y + 4.0 class="tick" />
                                        <text x=x y=y + 16.0 text-anchor="middle">{m}</text>
                                    }
                                })
                                .collect_view()
                        }}
                        <text class="x-title" x=move || width.get() - right y=move || height() - 2.0 text-anchor="end">
                            {move || T.axis.get(l())}
                        </text>
                    </g>
                    <g class="lines">{paths}</g>
                    <g class="hover">{cursor}</g>
                </svg>
            </div>
            <p class="chart-hint" id=hint_id>
                {move || T.hint.get(l())}
            </p>
            <div class="readout" role="status" aria-live="polite">{readout}</div>
            <details class="chart-data" on:toggle=move |ev| {
                if let Some(t) = ev.target() {
                    let open = js_sys::Reflect::get(&t, &"open".into()).ok().and_then(|v| v.as_bool());
                    table_open.set(open.unwrap_or(false));
                }
            }>
                <summary>{move || T.table.get(l())}</summary>
                {table}
            </details>
        </figure>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_for_the_text_table() {
        assert_eq!(table_months(36), vec![12, 24, 36]);
        assert_eq!(table_months(40), vec![12, 24, 36, 40]);
        assert_eq!(table_months(12), vec![6, 12]);
        assert_eq!(table_months(0), Vec::<usize>::new());
        assert_eq!(clamp_month(-3, 10), Some(0));
        assert_eq!(clamp_month(30, 10), Some(9));
        assert_eq!(clamp_month(3, 0), None);
    }
}
