//! An experiment file → each version's visitors, conversions and revenue,
//! and the counts handed to the A/B-test card (A = the control, B = the
//! first other version: [`cadran_core::ingest::kpis::experiment_inputs`]).

use super::Handoff;
use crate::components::{fmt_money, fmt_percent, Fmt};
use crate::i18n::{tr, use_prefs};
use crate::router::Route;
use cadran_core::ingest::experiment::{ExperimentReport, VariantCounts};
use cadran_core::ingest::export::{Cell, Table};
use cadran_core::ingest::kpis::experiment_inputs;
use cadran_core::ingest::{DatasetReport, Report};
use cadran_core::locale::{format_number, Locale};
use cadran_core::metrics::ab_test::AbInputs;
use cadran_core::{Decimal, Percent};
use leptos::prelude::*;
use std::sync::Arc;

/// A version's conversion rate, exact; `None` without visitors.
fn rate(v: &VariantCounts) -> Option<Percent> {
    (v.visitors > 0).then(|| Percent(Decimal::from(v.conversions) * Decimal::ONE_HUNDRED / Decimal::from(v.visitors)))
}

pub(super) fn tables(e: &ExperimentReport, l: Locale) -> Vec<Table> {
    let h = |fr: &'static str, en: &'static str| tr(fr, en).get(l).to_string();
    vec![Table {
        title: h("Versions du test", "Versions of the test"),
        headers: vec![h("Version", "Version"), h("Visiteurs", "Visitors"), h("Conversions", "Conversions"), h("Conversion (%)", "Conversion (%)"), h("Revenu moyen par visiteur", "Mean revenue per visitor")],
        rows: e
            .variants
            .iter()
            .map(|v| {
                vec![
                    Cell::Text(v.name.clone()),
                    Cell::Number(v.visitors.into()),
                    Cell::Number(v.conversions.into()),
                    rate(v).map_or(Cell::Empty, |p| Cell::Number(p.0.round_dp(2))),
                    v.revenue.map_or(Cell::Empty, |r| Cell::Number(r.mean.round_dp(2))),
                ]
            })
            .collect(),
    }]
}

/// A and B's counts (and revenue per visitor, when the file has it) go to the A/B-test card.
pub(super) fn handoff(e: &ExperimentReport) -> Handoff {
    let Some(i) = experiment_inputs(e, &AbInputs::default()) else { return Handoff::default() };
    let mut values = vec![
        ("visitors_a", i.visitors_a),
        ("conversions_a", i.conversions_a),
        ("visitors_b", i.visitors_b),
        ("conversions_b", i.conversions_b),
    ];
    if let Some(r) = i.revenue {
        values.extend([("revenue_mean_a", r.a.mean), ("revenue_sd_a", r.a.std_dev), ("revenue_mean_b", r.b.mean), ("revenue_sd_b", r.b.std_dev)]);
    }
    Handoff { forms: vec![("ab_test", Route::AbTest, values)], scenario: Vec::new() }
}

/// The versions of an imported experiment.
#[component]
pub fn ExperimentResults(report: Signal<Option<Arc<Report>>>) -> impl IntoView {
    let prefs = use_prefs();
    let body = move || {
        let f = Fmt::of(prefs);
        report.with(|r| match r.as_deref().map(|r| &r.data) {
            Some(DatasetReport::Experiment(e)) => {
                let roles = e.a_and_b().map(|(a, b)| {
                    tr("A (contrôle) : « {} » ; B : « {} ».", "A (control): “{}”; B: “{}”.").fill(f.locale, &[&a.name, &b.name])
                });
                let rows = e
                    .variants
                    .iter()
                    .map(|v| {
                        view! {
                            <tr>
                                <th scope="row">{v.name.clone()}</th>
                                <td>{format_number(v.visitors.into(), 0, f.locale)}</td>
                                <td>{format_number(v.conversions.into(), 0, f.locale)}</td>
                                <td>{rate(v).map(|p| fmt_percent(p, f)).unwrap_or_default()}</td>
                                <td>{v.revenue.map(|r| fmt_money(r.mean, f)).unwrap_or_default()}</td>
                            </tr>
                        }
                    })
                    .collect_view();
                Some(view! {
                    <section aria-labelledby="exp-title">
                        <h3 id="exp-title">{tr("Versions du test", "Versions of the test").get(f.locale)}</h3>
                        <p class="help">{roles}</p>
                        <div class="table-scroll">
                            <table class="data-table" data-table="experiment">
                                <thead><tr>
                                    <th scope="col">{tr("Version", "Version").get(f.locale)}</th>
                                    <th scope="col">{tr("Visiteurs", "Visitors").get(f.locale)}</th>
                                    <th scope="col">{tr("Conversions", "Conversions").get(f.locale)}</th>
                                    <th scope="col">{tr("Conversion", "Conversion").get(f.locale)}</th>
                                    <th scope="col">{tr("Revenu moyen par visiteur", "Mean revenue per visitor").get(f.locale)}</th>
                                </tr></thead>
                                <tbody>{rows}</tbody>
                            </table>
                        </div>
                    </section>
                })
            }
            _ => None,
        })
    };
    view! { <div class="results-grid experiment-results" data-dataset="experiment">{body}</div> }
}
