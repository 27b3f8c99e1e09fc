//! Navigation by hash URLs (`#/roi`), so back, forward and bookmarks work
//! with no server and inside an iframe.

use leptos::prelude::*;

/// Every page of the app.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Route {
    /// Return on investment of customer-success spending.
    Roi,
    /// Net Promoter Score.
    Nps,
    /// Customer retention and churn.
    Retention,
    /// An address that matches no page.
    NotFound,
}

impl Route {
    /// Pages listed in the navigation, in order.
    pub const NAV: &'static [Route] = &[Route::Roi, Route::Nps, Route::Retention];

    /// The page's path after `#`.
    #[must_use]
    pub fn path(self) -> &'static str {
        match self {
            Route::Roi => "/roi",
            Route::Nps => "/nps",
            Route::Retention => "/retention",
            Route::NotFound => "/404",
        }
    }

    /// The page for a location hash such as `#/roi` (the default page for an
    /// empty hash). Query parameters after `?` are ignored here.
    #[must_use]
    pub fn from_hash(hash: &str) -> Route {
        let path = hash.trim_start_matches('#');
        let path = path.split('?').next().unwrap_or("");
        match path {
            "" | "/" | "/roi" => Route::Roi,
            "/nps" => Route::Nps,
            "/retention" => Route::Retention,
            _ => Route::NotFound,
        }
    }

    /// The link to this page.
    #[must_use]
    pub fn href(self) -> String {
        format!("#{}", self.path())
    }
}

/// The current page, as a context newtype.
#[derive(Clone, Copy)]
pub struct CurrentRoute(pub ReadSignal<Route>);

/// Follows `location.hash` and provides the current route.
pub fn provide_router() -> ReadSignal<Route> {
    let read = || Route::from_hash(&window().location().hash().unwrap_or_default());
    let (route, set_route) = signal(read());
    let handle = window_event_listener(leptos::ev::hashchange, move |_| {
        set_route.set(read());
        // A new page starts at its top, like any site.
        window().scroll_to_with_x_and_y(0.0, 0.0);
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
        for (hash, want) in [("", Route::Roi), ("#/roi", Route::Roi), ("#/roi?x=1", Route::Roi), ("#/nope", Route::NotFound)] {
            assert_eq!(Route::from_hash(hash), want, "hash {hash:?}");
        }
        for r in Route::NAV {
            assert_eq!(Route::from_hash(&r.href()), *r, "{r:?} round-trips");
        }
    }
}
