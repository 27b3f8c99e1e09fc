//! Customers, MRR and cumulative profit over time, one line per scenario,
//! from the core's month-by-month projections.

use super::state::Ctx;
use super::texts::tx;
use crate::charts::line::{LineChart, Series};
use crate::components::{fmt_count, fmt_money, Fmt};
use crate::i18n::use_prefs;
use cadran_core::scenario::model::Subject;
use cadran_core::scenario::projection::Month;
use cadran_core::Decimal;
use leptos::prelude::*;

/// The three charts.
#[component]
pub fn ChartsView() -> impl IntoView {
    let ctx = Ctx::get();
    let prefs = use_prefs();
    let l = move || prefs.locale.get();
    let series_of = move |column: fn(&Month) -> Decimal| {
        // A memo: each chart reads its series several times per change.
        Signal::from(Memo::new(move |_| {
            let loc = prefs.locale.get();
            ctx.results.with(|results| {
                ctx.scenario.with(|s| {
                    results
                        .iter()
                        .enumerate()
                        .filter_map(|(k, r)| {
                            let p = r.projection.as_ref().ok()?;
                            let subject = if k == 0 { Subject::Baseline } else { Subject::Variant(k - 1) };
                            Some(Series { name: Ctx::name_of(s, subject, loc), values: p.months.iter().map(column).collect() })
                        })
                        .collect::<Vec<_>>()
                })
            })
        }))
    };
    let money = Callback::new(move |v: Decimal| fmt_money(v, Fmt::of(prefs)));
    let count = Callback::new(move |v: Decimal| fmt_count(v.round_dp(1), Fmt::of(prefs)));
    let cur = move || Fmt::of(prefs).currency.symbol(l()).to_string();
    let missing = move || ctx.results.with(|r| r.iter().any(|r| r.projection.is_err()));
    view! {
        <div class="sc-charts">
            {move || missing().then(|| view! {
                <p class="help">{tx(l(), "Un scénario aux valeurs invalides n’est pas tracé : corrigez les champs signalés.", "A scenario with invalid values is not drawn: correct the flagged fields.")}</p>
            })}
            <LineChart id="customers"
                title=Signal::derive(move || tx(l(), "Clients au fil des mois", "Customers over time").to_string())
                y_label=Signal::derive(move || tx(l(), "Clients en fin de mois", "Customers at the end of the month").to_string())
                series=series_of(|m| m.customers_end)
                format=count />
            <LineChart id="mrr"
                title=Signal::derive(move || tx(l(), "Revenu mensuel récurrent (MRR)", "Monthly recurring revenue (MRR)").to_string())
                y_label=Signal::derive(move || format!("{} ({} {})", tx(l(), "MRR en fin de mois", "MRR at the end of the month"), cur(), tx(l(), "par mois", "per month")))
                series=series_of(|m| m.mrr)
                format=money />
            <LineChart id="profit"
                title=Signal::derive(move || tx(l(), "Profit cumulé", "Cumulative profit").to_string())
                y_label=Signal::derive(move || format!("{} ({})", tx(l(), "Profit net cumulé depuis le mois 1", "Net profit summed from month 1"), cur()))
                series=series_of(|m| m.cumulative_profit)
                format=money />
        </div>
    }
}
