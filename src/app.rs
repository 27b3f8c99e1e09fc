//! The app shell: preferences, routing, and the page for the current route.

use crate::components::{report_discarded, Footer, Header, NoticeBoard, Notices};
use crate::i18n::Prefs;
use crate::pages;
use crate::router::provide_router;
use leptos::prelude::*;

/// The whole application.
#[component]
pub fn App() -> impl IntoView {
    let prefs = Prefs::load();
    provide_context(prefs);
    let route = provide_router();

    // The document's language follows the interface (screen readers, hyphens).
    Effect::new(move |_| {
        let lang = crate::lazy::locale_code(prefs.locale.get());
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("lang", lang);
        }
        document().set_title(&format!("{} · Cadran", pages::page_title(route.get(), prefs.locale.get())));
    });

    let notices = RwSignal::new(Vec::<String>::new());
    provide_context(NoticeBoard(notices));
    report_discarded();

    if let Some(config) = crate::embed_mode::from_location() {
        return crate::embed_mode::embed_view(config, route, notices).into_any();
    }
    view! {
        <Header />
        <Notices messages=notices />
        <main id="main" tabindex="-1">
            {move || pages::view_for(route.get())}
        </main>
        <Footer />
    }
    .into_any()
}
