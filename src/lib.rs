//! # Cadran, the browser app
//!
//! A thin Leptos layer over [`cadran_core`]: pages wire form fields to core
//! calls and render what comes back. No formula lives here — a card's
//! numbers always come from one function of the core, named in its page.

pub mod app;
pub mod charts;
pub mod components;
pub mod embed_mode;
pub mod handoff;
pub mod i18n;
pub mod offline;
pub mod panic_screen;
pub mod kpi;
pub mod lazy;
pub mod pages;
pub mod persistence;
pub mod router;

use leptos::prelude::*;

/// Version shown in the footer.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// Mounts the app on `<body>`.
pub fn start() {
    panic_screen::install();
    let embedded = embed_mode::from_location().is_some();
    mount_to_body(app::App);
    if !embedded {
        offline::register_service_worker();
    }
}
