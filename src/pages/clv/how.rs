//! The CLV card's formulas with the user's own numbers substituted.

use super::texts::T;
use super::ClvReport;
use crate::components::{fmt_money, fmt_percent, per_period, periods_word, Fmt};
use cadran_core::locale::format_number;
use cadran_core::{Decimal, Percent};

/// Variant `i`'s formula with the user's own numbers substituted.
pub(super) fn how_lines(r: &ClvReport, i: usize, f: Fmt) -> Vec<String> {
    let l = f.locale;
    let m = |v: Decimal| fmt_money(v, f);
    let frac = |p: Percent| format_number(p.fraction(), 4, f.locale).trim_end_matches('0').trim_end_matches([',', '.']).to_string();
    match i {
        0 => match &r.simple {
            Ok(c) => vec![format!(
                "CLV = {} = {} − ({} + {}) = {}",
                T.simple_words.get(l),
                m(c.revenue),
                m(c.acquisition_cost),
                m(c.serving_cost),
                m(c.clv)
            )],
            Err(_) => vec![format!("CLV = {}", T.simple_words.get(l))],
        },
        1 => match &r.margin_churn {
            Ok(c) => {
                let per = per_period(c.period, f.locale);
                vec![
                    format!(
                        "CLV = ARPA × {} ÷ {} = {} {per} × {} ÷ {} {per} = {}",
                        T.gross_margin.get(l),
                        T.churn.get(l),
                        m(c.arpa),
                        fmt_percent(c.gross_margin, f),
                        fmt_percent(c.churn, f),
                        m(c.clv)
                    ),
                    format!(
                        "{} = 1 ÷ {} = {} {}",
                        T.lifetime_word.get(l),
                        fmt_percent(c.churn, f),
                        format_number(c.expected_lifetime_periods, 1, f.locale),
                        periods_word(c.period, f.locale)
                    ),
                ]
            }
            Err(_) => vec![T.margin_churn_words.get(l).to_string()],
        },
        _ => {
            let mut lines = Vec::new();
            match &r.discounted {
                Ok(c) => {
                    let r_ = frac(c.retention);
                    let d = frac(c.discount_rate);
                    lines.push(format!("m = ARPA × {} = {}", T.gross_margin.get(l), m(c.margin)));
                    lines.push(format!(
                        "CLV = m × r ÷ (1 + d − r) = {} × {r_} ÷ (1 + {d} − {r_}) = {}",
                        m(c.margin),
                        m(c.clv)
                    ));
                }
                Err(_) => lines.push("CLV = m × r ÷ (1 + d − r)".into()),
            }
            match &r.horizon {
                Ok(h) => lines.push(format!(
                    "CLV_H = Σ t=1…{} m × rᵗ ÷ (1 + d)ᵗ = {}",
                    h.horizon_periods,
                    m(h.clv)
                )),
                Err(_) => lines.push("CLV_H = Σ t=1…H m × rᵗ ÷ (1 + d)ᵗ".into()),
            }
            lines
        }
    }
}
