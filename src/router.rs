//! Navigation by hash URLs (`#/roi`), so back, forward and bookmarks work
//! with no server and inside an iframe.
//!
//! A page may read parameters after `?` in the hash (`#/scenarios?s=…`):
//! they stay in the fragment, which browsers never send to a server.

use leptos::prelude::*;

pub use crate::pages::Route;

/// A group of pages in the navigation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    /// The KPI calculators (one card each) and the dashboard.
    Kpis,
    /// What-if scenarios.
    Scenarios,
    /// Importing data.
    Import,
    /// Value for customers (drivers, importance–performance, competitive gap).
    Value,
    /// Embedding a calculator.
    Embed,
    /// The home page, reached by the logo (no navigation item).
    Home,
}

impl Route {
    /// The sections of the main navigation, each with the page its link opens.
    pub const SECTIONS: &'static [(Section, Route)] = &[
        (Section::Kpis, Route::Dashboard),
        (Section::Scenarios, Route::Scenarios),
        (Section::Import, Route::Import),
        (Section::Value, Route::Value),
        (Section::Embed, Route::Embed),
    ];

    /// Whether the page is a KPI calculator card (embeddable, on the dashboard).
    #[must_use]
    pub fn is_card(self) -> bool {
        Route::CARDS.contains(&self)
    }

    /// The page for a location hash such as `#/roi` (the default page for an
    /// empty hash). Query parameters after `?` are ignored here.
    #[must_use]
    pub fn from_hash(hash: &str) -> Route {
        let path = hash.trim_start_matches('#');
        let path = path.split('?').next().unwrap_or("");
        if path.is_empty() {
            return Route::Home;
        }
        Route::ALL.iter().copied().find(|r| r.path() == path).unwrap_or(Route::NotFound)
    }

    /// The page for a bare name such as `nps` (embed URLs), if any.
    #[must_use]
    pub fn from_name(name: &str) -> Option<Route> {
        Route::ALL.iter().copied().find(|r| r.path().trim_start_matches('/') == name)
    }

    /// The link to this page.
    #[must_use]
    pub fn href(self) -> String {
        format!("#{}", self.path())
    }
}

/// The parameters after `?` in a location hash, decoded (`#/nps?a=1&b=x` →
/// `[("a", "1"), ("b", "x")]`).
#[must_use]
pub fn hash_params(hash: &str) -> Vec<(String, String)> {
    let Some((_, query)) = hash.split_once('?') else { return Vec::new() };
    query
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|p| {
            let (k, v) = p.split_once('=').unwrap_or((p, ""));
            (percent_decode(k), percent_decode(v))
        })
        .collect()
}

/// Decodes `%XX` escapes and `+` (as a space), leaving malformed escapes as
/// they are: a hand-edited link must never crash the page.
#[must_use]
pub fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => {
                let hex = |b: u8| (b as char).to_digit(16);
                match (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                    (Some(h), Some(l)) => {
                        out.push((h * 16 + l) as u8);
                        i += 2;
                    }
                    _ => out.push(b'%'),
                }
            }
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The current page, as a context newtype.
#[derive(Clone, Copy)]
pub struct CurrentRoute(pub ReadSignal<Route>);

/// Follows `location.hash` and provides the current route.
pub fn provide_router() -> ReadSignal<Route> {
    let read = || Route::from_hash(&window().location().hash().unwrap_or_default());
    let (route, set_route) = signal(read());
    let handle = window_event_listener(leptos::ev::hashchange, move |_| {
        let next = read();
        // Only a change of page scrolls to the top; a page rewriting its own
        // parameters (a share link) keeps the reader where they are.
        if next != route.get_untracked() {
            set_route.set(next);
            window().scroll_to_with_x_and_y(0.0, 0.0);
        }
    });
    on_cleanup(move || handle.remove());
    provide_context(CurrentRoute(route));
    route
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_hashes() {
        for (hash, want) in [
            ("", Route::Home),
            ("#/", Route::Home),
            ("#/roi", Route::Roi),
            ("#/roi?x=1", Route::Roi),
            ("#/scenarios?s=abc", Route::Scenarios),
            ("#/nope", Route::NotFound),
        ] {
            assert_eq!(Route::from_hash(hash), want, "hash {hash:?}");
        }
        for r in Route::ALL {
            assert_eq!(Route::from_hash(&r.href()), *r, "{r:?} round-trips");
            assert_eq!(Route::from_name(r.path().trim_start_matches('/')), Some(*r), "{r:?} by name");
        }
    }

    #[test]
    fn decodes_parameters() {
        assert_eq!(
            hash_params("#/nps?promoters=12&accent=%23ff0000&name=a+b"),
            vec![
                ("promoters".to_string(), "12".to_string()),
                ("accent".to_string(), "#ff0000".to_string()),
                ("name".to_string(), "a b".to_string())
            ]
        );
        assert!(hash_params("#/nps").is_empty());
        for odd in ["%", "%4", "%zz", "a%", "%%%"] {
            assert_eq!(percent_decode(odd), odd, "malformed escape {odd:?} kept");
        }
        assert_eq!(percent_decode("%C3%A9"), "é");
    }
}
