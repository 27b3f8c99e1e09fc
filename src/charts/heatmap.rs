//! Cohort retention heatmap: one row per cohort, one column per month since
//! it started, each cell a percentage on a five-step blue scale.
//!
//! Drawn as an HTML table with coloured cells: the table is the chart and its
//! own text alternative (every cell writes its value), it scrolls sideways
//! inside its frame on a phone instead of shrinking, and it prints (the
//! colours are forced in print, and the numbers carry the meaning anyway).
//! Each step's text colour is chosen for WCAG AA contrast with its
//! background (at least 5.4:1, checked in the tests).

use cadran_core::{Decimal, Percent};
use leptos::prelude::*;

/// One cohort row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HeatRow {
    /// The cohort ("janv. 2024").
    pub label: String,
    /// Its size as written ("12").
    pub size: String,
    /// Cells: the share and how it is written, or `None` when undefined
    /// (written "—").
    pub cells: Vec<Option<(Percent, String)>>,
}

/// The five colour steps: (lower bound in %, background, text colour).
pub const STEPS: [(u32, &str, &str); 5] = [
    (90, "#1f4e79", "#ffffff"),
    (75, "#2e6da4", "#ffffff"),
    (50, "#8fb8de", "#1c2430"),
    (25, "#c6dbef", "#1c2430"),
    (0, "#eef3f8", "#1c2430"),
];

/// The step of a share: 0 for ≥ 90 % (above 100 % too: revenue can grow) …
/// 4 for below 25 %.
#[must_use]
pub fn step(p: Percent) -> usize {
    STEPS.iter().position(|(lo, _, _)| p.0 >= Decimal::from(*lo)).unwrap_or(STEPS.len() - 1)
}

/// A cohort heatmap with its legend.
#[component]
pub fn Heatmap(
    /// Identifies the chart (`data-chart`) for tests.
    id: &'static str,
    #[prop(into)] title: Signal<String>,
    /// Header of the first column ("Cohort") and of the size column ("Customers").
    #[prop(into)]
    headers: Signal<(String, String)>,
    /// Column headers: month 0, 1, 2…
    #[prop(into)]
    columns: Signal<Vec<String>>,
    #[prop(into)] rows: Signal<Vec<HeatRow>>,
    /// The legend's words for the five steps, from the top.
    #[prop(into)]
    legend: Signal<[String; 5]>,
) -> impl IntoView {
    view! {
        <figure class="chart heatmap" data-chart=id>
            <figcaption>
                <span class="chart-title">{move || title.get()}</span>
                <span class="heat-legend">
                    {move || {
                        legend
                            .get()
                            .into_iter()
                            .enumerate()
                            .map(|(i, w)| view! { <span class=format!("heat-key heat-{i}")>{w}</span> })
                            .collect_view()
                    }}
                </span>
            </figcaption>
            <div class="heat-frame" tabindex="0" role="region" aria-label=move || title.get()>
                <table class="heat-table">
                    <thead>
                        <tr>
                            <th scope="col">{move || headers.get().0}</th>
                            <th scope="col" class="num">{move || headers.get().1}</th>
                            {move || columns.get().into_iter().map(|c| view! { <th scope="col" class="num">{c}</th> }).collect_view()}
                        </tr>
                    </thead>
                    <tbody>
                        {move || {
                            rows.get()
                                .into_iter()
                                .map(|r| {
                                    view! {
                                        <tr>
                                            <th scope="row">{r.label}</th>
                                            <td class="num size">{r.size}</td>
                                            {r.cells
                                                .into_iter()
                                                .map(|c| match c {
                                                    Some((p, shown)) => view! { <td class=format!("num heat heat-{}", step(p))>{shown}</td> }.into_any(),
                                                    None => view! { <td class="num heat-none">"—"</td> }.into_any(),
                                                })
                                                .collect_view()}
                                        </tr>
                                    }
                                })
                                .collect_view()
                        }}
                    </tbody>
                </table>
            </div>
        </figure>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    fn luminance(hex: &str) -> f64 {
        let c = |i: usize| {
            let v = f64::from(u8::from_str_radix(&hex[i..i + 2], 16).unwrap()) / 255.0;
            if v <= 0.039_28 { v / 12.92 } else { ((v + 0.055) / 1.055).powf(2.4) }
        };
        0.2126 * c(1) + 0.7152 * c(3) + 0.0722 * c(5)
    }

    /// WCAG 2.1 contrast ratio ≥ 4.5:1 (AA, normal text) for every step.
    #[test]
    fn every_step_is_aa() {
        for (_, bg, fg) in STEPS {
            let (a, b) = (luminance(bg), luminance(fg));
            let ratio = (a.max(b) + 0.05) / (a.min(b) + 0.05);
            assert!(ratio >= 4.5, "{bg} / {fg}: {ratio:.2}");
        }
    }

    #[test]
    fn steps() {
        let table = [(dec!(120), 0), (dec!(90), 0), (dec!(89.9), 1), (dec!(75), 1), (dec!(50), 2), (dec!(30), 3), (dec!(0), 4), (dec!(-5), 4)];
        for (p, want) in table {
            assert_eq!(step(Percent(p)), want, "{p} %");
        }
    }
}
