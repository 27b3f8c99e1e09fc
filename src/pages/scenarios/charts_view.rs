//! Customers, MRR and cumulative profit over time, one line per scenario,
//! from the core's month-by-month projections.

use super::state::Ctx;
use crate::i18n::tr;
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
                <p class="help">{tr("Un scénario aux valeurs invalides n’est pas tracé : corrigez les champs signalés.", "A scenario with invalid values is not drawn: correct the flagged fields.").get(l())}</p>
            })}
            <LineChart id="customers"
                title=Signal::derive(move || tr("Clients au fil des mois", "Customers over time").get(l()).to_string())
                y_label=Signal::derive(move || tr("Clients en fin de mois", "Customers at the end of the month").get(l()).to_string())
                series=series_of(|m| m.customers_end)
                format=count />
            <LineChart id="mrr"
                title=Signal::derive(move || tr("Revenu mensuel récurrent (MRR)", "Monthly recurring revenue (MRR)").get(l()).to_string())
                y_label=Signal::derive(move || format!("{} ({} {})", tr("MRR en fin de mois", "MRR at the end of the month").get(l()), cur(), tr("par mois", "per month").get(l())))
                series=series_of(|m| m.mrr)
                format=money />
            <LineChart id="profit"
                title=Signal::derive(move || tr("Profit cumulé", "Cumulative profit").get(l()).to_string())
                y_label=Signal::derive(move || format!("{} ({})", tr("Profit net cumulé depuis le mois 1", "Net profit summed from month 1").get(l()), cur()))
                series=series_of(|m| m.cumulative_profit)
                format=money />
        </div>
    }
}
