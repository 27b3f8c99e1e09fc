//! Numbers passed from one page to another: an import's results sent to a
//! KPI card's form or to the scenario baseline ("Use these numbers"), and
//! shared inputs carried between related cards.
//!
//! Pages never reach into each other's state: the sender writes through
//! storage, where the receiver looks when it opens. A card's form restores
//! its stored values (see [`crate::components::Form`]), so writing them is
//! all it takes; the scenario page takes the pending baseline values once.

use cadran_core::locale::{round_typed, TYPED_DECIMALS};
use crate::persistence;
use cadran_core::metrics::value::DriverLink;
use cadran_core::Decimal;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::str::FromStr;

const SCENARIO_KEY: &str = "handoff.scenario";
const VARIANT_KEY: &str = "handoff.variant";

/// Sets fields of the card form `form_id` (keys are the form's field keys),
/// keeping its other fields as the user left them.
pub fn send_to_form(form_id: &str, values: &[(&str, Decimal)]) {
    let key = format!("form.{form_id}");
    let mut stored: BTreeMap<String, String> = persistence::load(&key).unwrap_or_default();
    for (k, v) in values {
        stored.insert((*k).to_string(), typed(*v));
    }
    persistence::save(&key, &stored);
}

/// Leaves values for the scenario baseline (keys are the core's scenario
/// input names, [`cadran_core::scenario::input::Input::field`]); the scenario
/// page applies them the next time it opens.
pub fn send_to_scenario(values: &[(&str, Decimal)]) {
    let pending: Vec<(String, String)> =
        values.iter().map(|(k, v)| ((*k).to_string(), typed(*v))).collect();
    persistence::save(SCENARIO_KEY, &pending);
}

/// Takes (and forgets) the values left for the scenario baseline.
#[must_use]
pub fn take_scenario_handoff() -> Vec<(String, Decimal)> {
    let pending: Vec<(String, String)> = persistence::load(SCENARIO_KEY).unwrap_or_default();
    persistence::remove(SCENARIO_KEY);
    pending.into_iter().filter_map(|(k, v)| Decimal::from_str(&v).ok().map(|d| (k, d))).collect()
}

/// A what-if another page asks the scenario page to try as a variant. The
/// sender does not know the scenario's baseline, the scenario page does: it
/// makes the variant with the core's recipe for each kind.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum PendingVariant {
    /// Improve a value driver ([`cadran_core::metrics::value::driver_variant`]).
    Driver { name: String, link: DriverLink },
    /// Roll out an A/B test's winner
    /// ([`cadran_core::scenario::acquisition_whatif::acquisition_variant`]).
    Acquisition { name: String, extra_customers_per_month: Decimal },
}

/// Leaves a variant for the scenario page to add the next time it opens.
pub fn send_variant_to_scenario(v: &PendingVariant) {
    persistence::save(VARIANT_KEY, v);
}

/// Takes (and forgets) the variant left for the scenario page.
#[must_use]
pub fn take_variant_handoff() -> Option<PendingVariant> {
    let pending = persistence::load(VARIANT_KEY);
    persistence::remove(VARIANT_KEY);
    pending
}

/// A value handed to a form as its field will show it: rounded to
/// [`TYPED_DECIMALS`], canonical (decimal point), so what the user reads in
/// the field is exactly what the card computes with.
fn typed(v: Decimal) -> String {
    round_typed(v, TYPED_DECIMALS).to_string()
}
