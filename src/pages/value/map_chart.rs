//! Gale's customer value map as SVG: relative price across, relative
//! perceived quality up, the fair-value line (quality = price) as the
//! diagonal, and each company a labelled point. Both axes share one range,
//! so the line is at 45° and "above the line" reads as "more for the money".
//! The sentence under the chart says the same for screen readers and print.

use crate::i18n::{tr, use_prefs, Tr};
use cadran_core::metrics::value::{CompanyValue, ValueSide};
use leptos::prelude::*;
use rust_decimal::prelude::ToPrimitive;

const SIZE: f64 = 240.0;
const PAD: f64 = 40.0;

const TITLE: Tr = tr("Carte de la valeur", "Customer value map");
const DESC: Tr = tr(
    "Prix relatif en abscisse, qualité perçue relative en ordonnée ; la diagonale est la ligne de juste valeur. Au-dessus : plus de valeur pour le prix.",
    "Relative price across, relative perceived quality up; the diagonal is the fair-value line. Above it: more value for the price.",
);
const AXIS_PRICE: Tr = tr("Prix relatif", "Relative price");
const AXIS_QUALITY: Tr = tr("Qualité relative", "Relative quality");
const YOU: Tr = tr("Vous", "You");
const COMPETITOR: Tr = tr("Concurrent", "Competitor");
const BETTER: Tr = tr("meilleure valeur", "better value");
const WORSE: Tr = tr("moins de valeur", "less value");

/// The range both axes share: every point inside, 1 (parity) always shown.
fn range(companies: &[CompanyValue]) -> (f64, f64) {
    let values = companies.iter().flat_map(|c| [c.relative_quality, c.relative_price.to_f64().unwrap_or(1.0)]);
    let (lo, hi) = values.fold((0.8_f64, 1.2_f64), |(lo, hi), v| (lo.min(v), hi.max(v)));
    let margin = (hi - lo) * 0.12;
    ((lo - margin).max(0.0), hi + margin)
}

/// The chart for `companies` (the own company first, from the core's
/// [`cadran_core::metrics::value::value_map`]).
#[component]
pub fn ValueMapChart(companies: Vec<CompanyValue>) -> impl IntoView {
    let prefs = use_prefs();
    let l = prefs.locale.get_untracked();
    let (lo, hi) = range(&companies);
    let at = move |v: f64| (v - lo) / (hi - lo) * SIZE;
    let px = move |v: f64| PAD + at(v);
    let py = move |v: f64| PAD + SIZE - at(v);
    let points = companies
        .iter()
        .map(|c| {
            let (x, y) = (px(c.relative_price.to_f64().unwrap_or(1.0)), py(c.relative_quality));
            let (name, class) = match c.competitor {
                None => (YOU.get(l).to_string(), "vm-pt vm-own"),
                Some(k) => (format!("{} {}", COMPETITOR.get(l), k + 1), "vm-pt vm-other"),
            };
            let side = match c.side {
                ValueSide::BetterValue => "better",
                ValueSide::FairValue => "fair",
                ValueSide::WorseValue => "worse",
            };
            let key = name.clone();
            view! {
                <g class=class data-company=key data-side=side>
                    <circle cx=x cy=y r="7" />
                    <text x=x + 10.0 y=y + 4.0>{name}</text>
                </g>
            }
        })
        .collect_view();
    let (a, b) = (PAD, PAD + SIZE);
    view! {
        <figure class="chart value-map-chart">
            <figcaption>
                <h3 id="vm-title">{TITLE.get(l)}</h3>
                <p id="vm-desc" class="help">{DESC.get(l)}</p>
            </figcaption>
            <svg class="vm-svg" viewBox=format!("0 0 {} {}", SIZE + 2.0 * PAD, SIZE + 2.0 * PAD) role="img" aria-labelledby="vm-title vm-desc">
                <rect class="vm-frame" x=a y=a width=SIZE height=SIZE />
                <polygon class="vm-better" points=format!("{a},{b} {a},{a} {b},{a}") />
                <line class="vm-fair" x1=a y1=b x2=b y2=a />
                <line class="vm-parity" x1=px(1.0) y1=a x2=px(1.0) y2=b />
                <line class="vm-parity" x1=a y1=py(1.0) x2=b y2=py(1.0) />
                <text class="vm-zone" x=a + 6.0 y=a + 14.0>{BETTER.get(l)}</text>
                <text class="vm-zone" x=b - 6.0 y=b - 8.0 text-anchor="end">{WORSE.get(l)}</text>
                <text class="axis-title" x=a + SIZE / 2.0 y=b + 26.0 text-anchor="middle">{AXIS_PRICE.get(l)}</text>
                <text class="axis-title" x="14" y=a + SIZE / 2.0 text-anchor="middle" transform=format!("rotate(-90 14 {})", a + SIZE / 2.0)>{AXIS_QUALITY.get(l)}</text>
                <text class="vm-tick" x=px(1.0) y=b + 12.0 text-anchor="middle">"1"</text>
                <text class="vm-tick" x=a - 4.0 y=py(1.0) + 3.0 text-anchor="end">"1"</text>
                {points}
            </svg>
        </figure>
    }
}
