//! The results of an import (placeholder; the "results" engineer owns this
//! file and replaces its body).

use cadran_core::ingest::Report;
use leptos::prelude::*;
use std::sync::Arc;

/// The KPIs computed from an import.
#[component]
pub fn Results(report: Signal<Option<Arc<Report>>>) -> impl IntoView {
    move || report.with(|r| r.as_ref().map(|r| view! { <p class="import-results-placeholder">{format!("{} rows", r.rows)}</p> }))
}
