//! One module per page. Each page owns its texts and calls one core module.

pub mod nps;
pub mod retention;
pub mod roi;

use crate::router::Route;
use cadran_core::locale::Locale;

/// The title of `route` in `locale` (navigation, `<title>`).
#[must_use]
pub fn page_title(route: Route, l: Locale) -> &'static str {
    match route {
        Route::Roi => roi::texts(l).title,
        Route::Nps => nps::texts(l).title,
        Route::Retention => retention::texts(l).title,
        Route::NotFound => crate::i18n::shell_texts(l).not_found,
    }
}
