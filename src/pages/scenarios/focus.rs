//! The CLV what-if and ROI what-if views: the same scenario, the same
//! engine, seen through the rows, tornado and goal seek that matter for
//! customer value or for the return on customer-success spending.

use super::goal_seek::GoalSeekPanel;
use super::sensitivity::SensitivityPanel;
use super::table::{ComparisonTable, Row};
use crate::i18n::tr;
use crate::i18n::use_prefs;
use cadran_core::scenario::model::Input;
use cadran_core::scenario::output::Output;
use leptos::prelude::*;

const CLV_ROWS: &[Row] = &[Row::Clv, Row::LtvCac, Row::CacPayback, Row::TotalProfit];
const ROI_ROWS: &[Row] = &[Row::Roi, Row::PaybackMonth, Row::TotalProfit, Row::DiscountedProfit];
const CLV_OUTPUTS: &[Output] = &[Output::Clv, Output::PROFIT_36, Output::TotalProfit];
const ROI_OUTPUTS: &[Output] = &[Output::RoiVsBaseline, Output::PROFIT_36, Output::TotalProfit];

/// CLV what-if.
#[component]
pub fn ClvView() -> impl IntoView {
    let prefs = use_prefs();
    let l = move || prefs.locale.get();
    view! {
        <p class="help">{move || tr("Valeur vie client = ARPA × marge brute ÷ attrition mensuelle (Skok, « SaaS Metrics 2.0 », 2013) : une valeur d’équilibre, sans expansion ni actualisation.", "Customer lifetime value = ARPA × gross margin ÷ monthly churn (Skok, “SaaS Metrics 2.0”, 2013): a steady-state value, without expansion or discounting.").get(l())}</p>
        <ComparisonTable id="clv" rows=CLV_ROWS caption=Signal::derive(move || tr("Valeur client par scénario", "Customer value by scenario").get(l()).to_string()) />
        <GoalSeekPanel id="clv" input=Input::MonthlyChurn output=Output::Clv target="5000" choices=CLV_OUTPUTS />
        <SensitivityPanel id="clv" output=Output::Clv choices=CLV_OUTPUTS />
    }
}

/// ROI what-if.
#[component]
pub fn RoiView() -> impl IntoView {
    let prefs = use_prefs();
    let l = move || prefs.locale.get();
    view! {
        <p class="help">{move || tr("ROI d’une variante = (marge brute en plus − dépense en plus) ÷ dépense en plus, sur l’horizon, face à la référence (acquisition et succès client comptés comme dépense).", "ROI of a variant = (extra gross profit − extra spending) ÷ extra spending, over the horizon, against the baseline (acquisition and customer success count as spending).").get(l())}</p>
        <ComparisonTable id="roi" rows=ROI_ROWS caption=Signal::derive(move || tr("Retour sur investissement par variante", "Return on investment by variant").get(l()).to_string()) />
        <GoalSeekPanel id="roi" input=Input::CsCostPerMonth output=Output::RoiVsBaseline target="0" prefer_variant=true choices=ROI_OUTPUTS />
        <SensitivityPanel id="roi" output=Output::RoiVsBaseline prefer_variant=true choices=ROI_OUTPUTS />
    }
}
