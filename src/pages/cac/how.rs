//! The CAC card's formulas with the user's numbers, and the LTV:CAC scale.

use super::T;
use crate::charts::coord::coord;
use crate::components::{fmt_money, fmt_months, fmt_percent, fmt_ratio, per_period, Fmt};
use crate::i18n::use_prefs;
use cadran_core::locale::format_number;
use cadran_core::metrics::cac::{Cac, CacPayback, LtvCacRatio, LTV_CAC_REFERENCE};
use cadran_core::{Decimal, Outcome};
use leptos::prelude::*;

/// A small scale from 0:1 to 6:1 with the 3:1 reference marked and the user's
/// ratio placed on it (clamped at the ends, with the exact ratio in words
/// above it). Decorative: the ratio and the reference are also in text.
#[component]
pub(super) fn RatioScale(ratio: Memo<Outcome<LtvCacRatio>>) -> impl IntoView {
    const MAX: f64 = 6.0;
    let x = |r: f64| 8.0 + 284.0 * (r.clamp(0.0, MAX) / MAX);
    let reference = rust_decimal::prelude::ToPrimitive::to_f64(&LTV_CAC_REFERENCE).unwrap_or(3.0);
    move || {
        ratio.get().ok().map(|r| {
            let v = rust_decimal::prelude::ToPrimitive::to_f64(&r.ratio).unwrap_or(0.0);
            let (xr, xv) = (x(reference), x(v));
            view! {
                <svg class="ratio-scale" viewBox="0 0 300 34" aria-hidden="true">
                    <line class="rs-track" x1="8" x2="292" y1="20" y2="20"></line>
                    <line class="rs-ref" x1={coord(xr)} x2={coord(xr)} y1="10" y2="30"></line>
                    <text class="rs-label" x={coord(xr + 4.0)} y="10">"3:1"</text>
                    <circle class="rs-dot" cx={coord(xv)} cy="20" r="6"></circle>
                    <text class="rs-label" x="8" y="33">"0"</text>
                    <text class="rs-label" x="292" y="33" text-anchor="end">"6+"</text>
                </svg>
            }
        })
    }
}

/// The formulas with the user's own numbers substituted.
#[component]
pub(super) fn HowCac(
    cac: Memo<Outcome<Cac>>,
    payback: Memo<Outcome<CacPayback>>,
    ratio: Memo<Outcome<LtvCacRatio>>,
) -> impl IntoView {
    let prefs = use_prefs();
    move || {
        let f = Fmt::of(prefs);
        let l = f.locale;
        let m = |v: Decimal| fmt_money(v, f);
        let mut lines = Vec::new();
        match cac.get() {
            Ok(c) => lines.push(format!(
                "CAC = {} = {} ÷ {} = {}",
                T.spend_per_new.get(l),
                m(c.sales_and_marketing_spend),
                format_number(c.new_customers, 0, f.locale),
                m(c.cac)
            )),
            Err(_) => lines.push(format!("CAC = {}", T.spend_per_new.get(l))),
        }
        match payback.get() {
            Ok(p) => {
                let per = per_period(p.period, f.locale);
                lines.push(format!(
                    "{} = CAC ÷ (ARPA × {}) = {} ÷ ({} {per} × {}) = {} ÷ {} {per} = {}",
                    T.payback_word.get(l),
                    T.gross_margin.get(l),
                    m(p.cac),
                    m(p.arpa),
                    fmt_percent(p.gross_margin, f),
                    m(p.cac),
                    m(p.margin_per_period),
                    if p.period.months() == Decimal::ONE {
                        fmt_months(p.payback_months, f)
                    } else {
                        format!(
                            "{} {} = {}",
                            format_number(p.payback_periods, 2, f.locale),
                            T.years.get(l),
                            fmt_months(p.payback_months, f)
                        )
                    }
                ));
            }
            Err(_) => lines.push(format!(
                "{} = CAC ÷ (ARPA × {})",
                T.payback_word.get(l),
                T.gross_margin.get(l)
            )),
        }
        match ratio.get() {
            Ok(r) => lines.push(format!("LTV:CAC = LTV ÷ CAC = {} ÷ {} = {}", m(r.ltv), m(r.cac), fmt_ratio(r.ratio, f))),
            Err(_) => lines.push("LTV:CAC = LTV ÷ CAC".to_string()),
        }
        view! {
            <ul class="formulas" data-formula="cac">
                {lines.into_iter().map(|line| view! { <li>{line}</li> }).collect_view()}
            </ul>
        }
    }
}
