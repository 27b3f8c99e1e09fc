//! One module per page, and [the registry](pages): every page declared once.
//!
//! Each page owns its texts and calls one core module. The table at the end
//! of this file is the only place a page is listed: the [`Route`] enum, the
//! paths, the navigation order, the titles, [`view_for`], the release build's
//! chunks (`--cfg cadran_split`) and the KPI registry ([`CARD_KPIS`]) are all
//! derived from it, and `tests/e2e/routes.json` (the end-to-end tests' list
//! of pages) is checked against it by a unit test.
//!
//! # Adding a card
//! 1. Write `src/pages/<name>.rs` with `pub const KPIS: &[Kpi]` and its page
//!    component (see `nps.rs`).
//! 2. Add `pub mod <name>;` below and one line to the `cards` list of the
//!    table: `Name = "name", tr("Titre", "Title") => name::NamePage in card_name,`
//!    — the path after `#/`, the title, the component, the release chunk's name.
//! 3. Run `CADRAN_WRITE_ROUTES=1 cargo test -p cadran --lib routes_json` to
//!    update `tests/e2e/routes.json`.

pub mod ab_test;
pub mod arpa;
pub mod cac;
pub mod ces;
pub mod clv;
pub mod csat;
pub mod dashboard;
pub mod embed;
pub mod fcr;
pub mod home;
pub mod import;
pub mod mrr;
pub mod nps;
pub mod retention;
pub mod roi;
pub mod scenarios;
pub mod value;

mod registry;

use registry::pages;

use crate::router::Section;
use cadran_core::locale::Locale;
use leptos::prelude::*;

pub use registry::NotFound;

/// The name of a navigation section in `locale`.
#[must_use]
pub fn section_title(section: Section, l: Locale) -> &'static str {
    match (section, l) {
        (Section::Kpis, Locale::Fr) => "Indicateurs",
        (Section::Kpis, Locale::En) => "KPIs",
        (Section::Scenarios, Locale::Fr) => "Scénarios",
        (Section::Scenarios, Locale::En) => "Scenarios",
        (Section::Import, Locale::Fr) => "Importer",
        (Section::Import, Locale::En) => "Import",
        (Section::Value, Locale::Fr) => "Valeur",
        (Section::Value, Locale::En) => "Value",
        (Section::Embed, Locale::Fr) => "Intégrer",
        (Section::Embed, Locale::En) => "Embed",
        (Section::Home, Locale::Fr) => "Accueil",
        (Section::Home, Locale::En) => "Home",
    }
}

pages! {
    cards: [
        /// Net Promoter Score.
        Nps = "nps", tr("NPS", "NPS"), nav("NPS", "NPS") => nps::NpsPage in card_nps,
        /// Customer satisfaction score.
        Csat = "csat", tr("Satisfaction client (CSAT)", "Customer satisfaction (CSAT)"), nav("CSAT", "CSAT") => csat::CsatPage in card_csat,
        /// Customer effort score.
        Ces = "ces", tr("Effort client (CES)", "Customer effort (CES)"), nav("CES", "CES") => ces::CesPage in card_ces,
        /// Customer retention and churn.
        Retention = "retention", tr("Rétention et attrition", "Retention and churn"), nav("Rétention", "Retention") => retention::RetentionPage in card_retention,
        /// MRR movements, revenue retention (GRR, NRR) and the waterfall.
        Mrr = "mrr", tr("MRR et rétention du revenu", "MRR and revenue retention"), nav("MRR", "MRR") => mrr::MrrPage in card_mrr,
        /// ARPA / ARPU, MRR and ARR.
        Arpa = "arpa", tr("ARPA, MRR et ARR", "ARPA, MRR and ARR"), nav("ARPA", "ARPA") => arpa::ArpaPage in card_arpa,
        /// Acquisition cost, CAC payback and LTV:CAC.
        Cac = "cac", tr("CAC, délai de remboursement et LTV:CAC", "CAC, payback and LTV:CAC"), nav("CAC", "CAC") => cac::CacPage in card_cac,
        /// Customer lifetime value, three ways.
        Clv = "clv", tr("Valeur vie client (CLV)", "Customer lifetime value (CLV)"), nav("CLV", "CLV") => clv::ClvPage in card_clv,
        /// First-contact resolution.
        Fcr = "fcr", tr("Résolution au premier contact (FCR)", "First contact resolution (FCR)"), nav("FCR", "FCR") => fcr::FcrPage in card_fcr,
        /// Return on investment of customer-success spending.
        Roi = "roi", tr("ROI du succès client", "Customer-success ROI"), nav("ROI", "ROI") => roi::RoiPage in card_roi,
        /// A/B tests: two versions compared, and a test planned.
        AbTest = "ab-test", tr("Test A/B", "A/B test"), nav("A/B", "A/B") => ab_test::AbTestPage in card_ab_test,
    ]
    others: [
        /// What Cadran is, and the three ways in.
        Home = "", tr("Vos indicateurs clients, calculés chez vous", "Your customer KPIs, computed on your device") in Home => chunk(home::HomePage in page_home),
        /// Every filled-in KPI against its target.
        Dashboard = "dashboard", tr("Tableau de bord", "Dashboard") in Kpis => chunk(dashboard::DashboardPage in page_dashboard),
        /// What-if scenarios: baseline and variants.
        Scenarios = "scenarios", tr("Scénarios", "Scenarios") in Scenarios => module(scenarios, Scenarios),
        /// Import a CSV export.
        Import = "import", tr("Importer des données", "Import data") in Import => module(import, Import),
        /// Value for customers: drivers, importance–performance, competitive gap, actions.
        Value = "value", tr("Valeur pour le client", "Value for customers") in Value => chunk(value::ValuePage in page_value),
        /// Build the snippet that embeds a calculator in another site.
        Embed = "embed", tr("Intégrer un calculateur", "Embed a calculator") in Embed => module(embed, EmbedBuilder),
    ]
}
