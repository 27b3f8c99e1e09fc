//! The side-by-side table: the baseline and each variant, with each
//! variant's absolute and percentage change, and the best value of each row
//! marked by a star and words (not by colour alone). Every number comes from
//! the core's `run` ([`cadran_core::scenario::summary::run`]).

use super::state::Ctx;
use super::texts::{show, Kind};
use crate::i18n::tr;
use super::words::{reason, undefined};
use crate::components::{fmt_exact, fmt_percent, Fmt};
use crate::i18n::use_prefs;
use cadran_core::locale::Locale;
use cadran_core::scenario::model::Subject;
use cadran_core::scenario::summary::{Delta, ScenarioResult, Summary, SummaryDeltas};
use cadran_core::{Decimal, MetricError, Outcome, Undefined};
use leptos::prelude::*;

/// A row of the table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Row {
    /// Customers at the horizon.
    CustomersEnd,
    /// MRR at the horizon.
    MrrEnd,
    /// Cumulative profit after 12 months.
    Profit12,
    /// … after 36 months.
    Profit36,
    /// … after 60 months.
    Profit60,
    /// Cumulative profit at the horizon.
    TotalProfit,
    /// Discounted (net present value).
    DiscountedProfit,
    /// CLV.
    Clv,
    /// LTV:CAC.
    LtvCac,
    /// CAC payback.
    CacPayback,
    /// ROI of the variant's extra spending.
    Roi,
    /// Month at which the variant's extra spending is repaid.
    PaybackMonth,
}

impl Row {
    /// The rows of the comparison, in order.
    pub const ALL: [Row; 12] = [
        Row::CustomersEnd,
        Row::MrrEnd,
        Row::Profit12,
        Row::Profit36,
        Row::Profit60,
        Row::TotalProfit,
        Row::DiscountedProfit,
        Row::Clv,
        Row::LtvCac,
        Row::CacPayback,
        Row::Roi,
        Row::PaybackMonth,
    ];

    /// Key for tests (`data-row`).
    #[must_use]
    pub fn key(self) -> &'static str {
        match self {
            Row::CustomersEnd => "customers_end",
            Row::MrrEnd => "mrr_end",
            Row::Profit12 => "profit_12",
            Row::Profit36 => "profit_36",
            Row::Profit60 => "profit_60",
            Row::TotalProfit => "total_profit",
            Row::DiscountedProfit => "discounted_profit",
            Row::Clv => "clv",
            Row::LtvCac => "ltv_to_cac",
            Row::CacPayback => "cac_payback",
            Row::Roi => "roi",
            Row::PaybackMonth => "payback_month",
        }
    }

    /// The row's label.
    #[must_use]
    pub fn label(self, l: Locale) -> &'static str {
        match self {
            Row::CustomersEnd => tr("Clients à l’horizon", "Customers at the horizon").get(l),
            Row::MrrEnd => tr("Revenu mensuel récurrent (MRR) à l’horizon", "Monthly recurring revenue (MRR) at the horizon").get(l),
            Row::Profit12 => tr("Profit cumulé à 1 an", "Cumulative profit at 1 year").get(l),
            Row::Profit36 => tr("Profit cumulé à 3 ans", "Cumulative profit at 3 years").get(l),
            Row::Profit60 => tr("Profit cumulé à 5 ans", "Cumulative profit at 5 years").get(l),
            Row::TotalProfit => tr("Profit cumulé à l’horizon", "Cumulative profit at the horizon").get(l),
            Row::DiscountedProfit => tr("Profit actualisé (valeur actuelle)", "Discounted profit (present value)").get(l),
            Row::Clv => tr("Valeur vie client (CLV)", "Customer lifetime value (CLV)").get(l),
            Row::LtvCac => "LTV:CAC",
            Row::CacPayback => tr("Retour sur le CAC", "CAC payback").get(l),
            Row::Roi => tr("ROI de la dépense en plus", "ROI of the extra spending").get(l),
            Row::PaybackMonth => tr("Mois où la dépense en plus est remboursée", "Month the extra spending is repaid").get(l),
        }
    }

    /// How values are written.
    #[must_use]
    pub fn kind(self) -> Kind {
        match self {
            Row::CustomersEnd => Kind::Count,
            Row::LtvCac => Kind::Ratio,
            Row::CacPayback => Kind::Months,
            Row::Roi => Kind::Percent,
            Row::PaybackMonth => Kind::Count,
            _ => Kind::Money,
        }
    }

    /// Whether a lower value is better.
    #[must_use]
    pub fn lower_is_better(self) -> bool {
        matches!(self, Row::CacPayback | Row::PaybackMonth)
    }

    /// The row's value for one scenario.
    pub fn value(self, r: &ScenarioResult) -> Outcome<Decimal> {
        let s: &Summary = &r.summary;
        match self {
            Row::CustomersEnd => s.customers_end.clone(),
            Row::MrrEnd => s.mrr_end.clone(),
            Row::Profit12 => s.profit_12.clone(),
            Row::Profit36 => s.profit_36.clone(),
            Row::Profit60 => s.profit_60.clone(),
            Row::TotalProfit => s.total_profit.clone(),
            Row::DiscountedProfit => s.discounted_profit.clone(),
            Row::Clv => s.clv.clone(),
            Row::LtvCac => s.ltv_to_cac.clone(),
            Row::CacPayback => s.cac_payback_months.clone(),
            Row::Roi => match &r.versus_baseline {
                Some((c, _)) => c.roi.clone().map(|p| p.0),
                None => Err(Undefined::NoExtraCost.into()),
            },
            Row::PaybackMonth => match &r.versus_baseline {
                Some((c, _)) => c.payback_month.clone().map(Decimal::from),
                None => Err(Undefined::NoExtraCost.into()),
            },
        }
    }

    /// The row's change against the baseline, for a variant.
    #[must_use]
    pub fn delta(self, d: &SummaryDeltas) -> Option<&Delta> {
        Some(match self {
            Row::CustomersEnd => &d.customers_end,
            Row::MrrEnd => &d.mrr_end,
            Row::Profit12 => &d.profit_12,
            Row::Profit36 => &d.profit_36,
            Row::Profit60 => &d.profit_60,
            Row::TotalProfit => &d.total_profit,
            Row::DiscountedProfit => &d.discounted_profit,
            Row::Clv => &d.clv,
            Row::LtvCac => &d.ltv_to_cac,
            Row::CacPayback => &d.cac_payback_months,
            Row::Roi | Row::PaybackMonth => return None,
        })
    }

    /// Rows only meaningful for variants.
    #[must_use]
    pub fn variant_only(self) -> bool {
        matches!(self, Row::Roi | Row::PaybackMonth)
    }
}

/// The index of the best value of a row, if the values differ.
#[must_use]
pub fn best(row: Row, values: &[Outcome<Decimal>]) -> Option<usize> {
    let ok: Vec<(usize, Decimal)> = values.iter().enumerate().filter_map(|(i, v)| v.as_ref().ok().map(|v| (i, *v))).collect();
    if ok.len() < 2 || ok.iter().all(|(_, v)| *v == ok[0].1) {
        return None;
    }
    let pick = if row.lower_is_better() { ok.iter().min_by_key(|(_, v)| *v) } else { ok.iter().max_by_key(|(_, v)| *v) };
    pick.map(|(i, _)| *i)
}

/// A change written with its sign (`+1 200 €`, `−3`), ratio changes in points.
pub(super) fn signed(kind: Kind, v: Decimal, f: Fmt) -> String {
    // A change of ratio is a number of ratio points ("+1,1"), not a ratio ("+1,1:1").
    let s = if kind == Kind::Ratio { cadran_core::locale::format_number(v, 1, f.locale) } else { show(kind, v, f) };
    if v > Decimal::ZERO { format!("+{s}") } else { s }
}

fn delta_view(row: Row, d: &Delta, f: Fmt) -> AnyView {
    let abs = match &d.absolute {
        Ok(v) => signed(row.kind(), *v, f),
        Err(_) => return ().into_any(),
    };
    let pct = match &d.percent {
        Ok(p) => {
            let s = fmt_percent(*p, f);
            if p.0 > Decimal::ZERO { format!("+{s}") } else { s }
        }
        Err(MetricError::Undefined(u)) => undefined(u, f.locale),
        Err(e) => reason(e, f.locale),
    };
    let tone = match (&d.absolute, row.lower_is_better()) {
        (Ok(v), false) if *v > Decimal::ZERO => "good",
        (Ok(v), true) if *v < Decimal::ZERO => "good",
        (Ok(v), _) if v.is_zero() => "",
        _ => "bad",
    };
    view! {
        <span class=format!("delta {tone}")>
            <span class="visually-hidden">{tr("Écart : ", "Change: ").get(f.locale)}</span>
            "Δ " <span class="delta-abs">{abs}</span> " (" <span class="delta-pct">{pct}</span> ")"
        </span>
    }
    .into_any()
}

/// The comparison table.
#[component]
pub fn ComparisonTable(
    /// Rows to show (all by default).
    #[prop(optional)]
    rows: Option<&'static [Row]>,
    /// An id for the caption.
    id: &'static str,
    #[prop(into)] caption: Signal<String>,
) -> impl IntoView {
    let ctx = Ctx::get();
    let prefs = use_prefs();
    let rows: &'static [Row] = rows.unwrap_or(&Row::ALL);
    let head = move || {
        let l = prefs.locale.get();
        ctx.scenario.with(|s| {
            std::iter::once(Subject::Baseline)
                .chain((0..s.variants.len()).map(Subject::Variant))
                .enumerate()
                .map(|(k, subject)| {
                    view! {
                        <th scope="col">
                            <span class=format!("swatch-dot series-{k}") aria-hidden="true"></span>
                            {Ctx::name_of(s, subject, l)}
                        </th>
                    }
                })
                .collect_view()
        })
    };
    let body = move || {
        let f = Fmt::of(prefs);
        let l = f.locale;
        ctx.results.with(|results| {
            rows.iter()
                .map(|&row| {
                    let values: Vec<Outcome<Decimal>> = results.iter().map(|r| row.value(r)).collect();
                    let best = best(row, &values);
                    let cells = results
                        .iter()
                        .zip(values)
                        .enumerate()
                        .map(|(k, (r, v))| {
                            let is_best = best == Some(k);
                            let content = match (&v, k == 0 && row.variant_only()) {
                                (_, true) => view! { <span class="na">"—"</span> }.into_any(),
                                (Ok(v), _) => view! {
                                    <span class="value" title=fmt_exact(*v, f)>{show(row.kind(), *v, f)}</span>
                                }.into_any(),
                                (Err(e), _) => view! { <span class="reason">{reason(e, l)}</span> }.into_any(),
                            };
                            let delta = r
                                .versus_baseline
                                .as_ref()
                                .and_then(|(_, d)| row.delta(d))
                                .filter(|_| v.is_ok())
                                .map(|d| delta_view(row, d, f));
                            view! {
                                <td class:best=is_best data-col=k>
                                    {content}
                                    {is_best.then(|| view! {
                                        <span class="best-mark"><span aria-hidden="true">" ★"</span>
                                        <span class="visually-hidden">{tr(" (meilleur)", " (best)").get(l)}</span></span>
                                    })}
                                    {delta}
                                </td>
                            }
                        })
                        .collect_view();
                    view! {
                        <tr data-row=row.key()>
                            <th scope="row">{row.label(l)}</th>
                            {cells}
                        </tr>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <div class="table-scroll" tabindex="0" role="region" aria-labelledby=format!("{id}-caption")>
            <table class="sc-table" data-table=id>
                <caption id=format!("{id}-caption")>
                    {move || caption.get()}
                    <span class="caption-note">
                        {move || tr(" ★ meilleure valeur de la ligne ; Δ écart à la référence.", " ★ best value of the row; Δ change from the baseline.").get(prefs.locale.get())}
                    </span>
                </caption>
                <thead>
                    <tr>
                        <th scope="col">{move || tr("Résultat", "Result").get(prefs.locale.get())}</th>
                        {head}
                    </tr>
                </thead>
                <tbody>{body}</tbody>
            </table>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn best_value_of_a_row() {
        let v = |x: Decimal| -> Outcome<Decimal> { Ok(x) };
        let none: Outcome<Decimal> = Err(Undefined::ZeroChurn.into());
        assert_eq!(best(Row::TotalProfit, &[v(dec!(1)), v(dec!(3)), none.clone()]), Some(1));
        assert_eq!(best(Row::CacPayback, &[v(dec!(10)), v(dec!(8)), v(dec!(12))]), Some(1));
        assert_eq!(best(Row::TotalProfit, &[v(dec!(2)), v(dec!(2))]), None, "all equal: no best");
        assert_eq!(best(Row::TotalProfit, &[v(dec!(2)), none]), None, "one value: no best");
    }
}
