//! Horizontal bar chart for categories (scores, channels, segments, value
//! buckets), drawn as a table whose middle column holds an SVG bar.
//!
//! Why a table: the labels and values stay real text, readable at 360 px
//! (nothing is scaled down with a drawing), a screen reader reads it as the
//! table it is (the chart is its own text alternative), and it prints. Only
//! the bar length is drawing (floats); every number shown is the exact value
//! formatted by the caller.

use cadran_core::Decimal;
use leptos::prelude::*;
use rust_decimal::prelude::ToPrimitive;

/// A value as a drawing coordinate (a length, not a result).
#[must_use]
pub fn px(d: Decimal) -> f64 {
    d.to_f64().unwrap_or(0.0)
}

/// One bar: its label, its exact value (for the length) and the value as
/// shown, with its unit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bar {
    /// Category name ("9", "E-mail", "Grands comptes").
    pub label: String,
    /// Value; negative values extend left of a zero line.
    pub value: Decimal,
    /// The value as written for the user ("42 %", "1 234,00 €").
    pub shown: String,
}

/// Where each bar starts and ends, in percent of the track: `(start, end)`
/// with a shared zero line, so negative and positive values compare.
#[must_use]
pub fn spans(values: &[Decimal]) -> Vec<(f64, f64)> {
    let v: Vec<f64> = values.iter().map(|d| px(*d)).collect();
    let lo = v.iter().copied().fold(0.0f64, f64::min);
    let hi = v.iter().copied().fold(0.0f64, f64::max);
    let span = hi - lo;
    if span <= 0.0 {
        return v.iter().map(|_| (0.0, 0.0)).collect();
    }
    let at = |x: f64| (x - lo) / span * 100.0;
    v.iter().map(|x| if *x < 0.0 { (at(*x), at(0.0)) } else { (at(0.0), at(*x)) }).collect()
}

/// A horizontal bar chart as a table: label, bar, value. `unit` is written
/// in the caption ("share of answers, %").
#[component]
pub fn BarChart(
    /// Identifies the chart (`data-chart`) for tests.
    id: &'static str,
    #[prop(into)] title: Signal<String>,
    #[prop(into)] unit: Signal<String>,
    /// Header of the label column ("Score", "Channel").
    #[prop(into)]
    label_header: Signal<String>,
    #[prop(into)] bars: Signal<Vec<Bar>>,
    /// Header of the value column, when shorter than the unit ("FCR").
    #[prop(into, optional)]
    value_header: Option<Signal<String>>,
) -> impl IntoView {
    let value_header = move || value_header.map_or_else(|| unit.get(), |h| h.get());
    view! {
        <figure class="chart bars" data-chart=id>
            <table class="bars-table">
                <caption>
                    <span class="chart-title">{move || title.get()}</span>
                    " "
                    <span class="chart-unit">{move || format!("({})", unit.get())}</span>
                </caption>
                <thead>
                    <tr>
                        <th scope="col">{move || label_header.get()}</th>
                        <th scope="col" class="bar-col"><span class="visually-hidden">{move || unit.get()}</span></th>
                        <th scope="col" class="num">{value_header}</th>
                    </tr>
                </thead>
                <tbody>
                    {move || {
                        let b = bars.get();
                        let s = spans(&b.iter().map(|x| x.value).collect::<Vec<_>>());
                        b.into_iter()
                            .zip(s)
                            .map(|(bar, (x0, x1))| {
                                let neg = bar.value.is_sign_negative() && !bar.value.is_zero();
                                view! {
                                    <tr>
                                        <th scope="row">{bar.label}</th>
                                        <td class="bar-cell" aria-hidden="true">
                                            <svg viewBox="0 0 100 10" preserveAspectRatio="none" focusable="false">
                                                <rect class="bar-track" x="0" y="0" width="100" height="10" />
                                                <rect
                                                    class=if neg { "bar neg" } else { "bar" }
                                                    x=format!("{x0:.2}")
                                                    y="1"
                                                    width=format!("{:.2}", (x1 - x0).max(if x1 > x0 { 0.6 } else { 0.0 }))
                                                    height="8"
                                                />
                                            </svg>
                                        </td>
                                        <td class="num">{bar.shown}</td>
                                    </tr>
                                }
                            })
                            .collect_view()
                    }}
                </tbody>
            </table>
        </figure>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn spans_share_a_zero_line() {
        assert_eq!(spans(&[dec!(50), dec!(100)]), vec![(0.0, 50.0), (0.0, 100.0)]);
        assert_eq!(spans(&[dec!(-50), dec!(50)]), vec![(0.0, 50.0), (50.0, 100.0)]);
        assert_eq!(spans(&[dec!(0), dec!(0)]), vec![(0.0, 0.0), (0.0, 0.0)], "all zero: no bar, no NaN");
        assert!(spans(&[]).is_empty());
    }
}
