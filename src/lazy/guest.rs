//! The module's side of a page loaded on demand (see [`crate::lazy`]).
//!
//! Each module binary (`src/bin/cadran-*.rs`) exports three functions built
//! on these: `mount(element, locale, currency)`, `set_prefs(locale,
//! currency)` and `unmount()`. The module keeps its own reactive runtime, so
//! the page it mounts gets a [`Prefs`] context of its own, kept in step with
//! the shell's by `set_prefs`.

use super::{currency_from_code, locale_from_code};
use crate::i18n::Prefs;
use leptos::prelude::*;
use std::any::Any;
use std::cell::{Cell, RefCell};
use std::rc::Rc;

/// What a mounted page holds on to: the mount (dropping it unmounts) and
/// the preferences the shell updates.
struct Mounted {
    _handle: Box<dyn Any>,
    prefs: Prefs,
}

thread_local! {
    static MOUNTED: RefCell<Option<Mounted>> = const { RefCell::new(None) };
}

/// Mounts `page` inside `parent`, replacing whatever this module had
/// mounted. `locale` and `currency` are codes (`fr`, `EUR`).
pub fn mount<F, N>(parent: web_sys::HtmlElement, locale: &str, currency: &str, page: F)
where
    F: FnOnce() -> N + 'static,
    N: IntoView + 'static,
{
    crate::panic_screen::install();
    unmount();
    let (locale, currency) = (locale_from_code(locale), currency_from_code(currency));
    // The signals are created inside the mount so that its owner disposes
    // of them; this slot hands a copy back out.
    let slot = Rc::new(Cell::new(None::<Prefs>));
    let handle = {
        let slot = Rc::clone(&slot);
        leptos::mount::mount_to(parent, move || {
            let p = Prefs { locale: RwSignal::new(locale), currency: RwSignal::new(currency) };
            provide_context(p);
            slot.set(Some(p));
            page()
        })
    };
    if let Some(prefs) = slot.take() {
        MOUNTED.with(|m| *m.borrow_mut() = Some(Mounted { _handle: Box::new(handle), prefs }));
    }
}

/// Follows the shell's language and currency (codes as in [`mount`]).
pub fn set_prefs(locale: &str, currency: &str) {
    MOUNTED.with(|m| {
        if let Some(mounted) = m.borrow().as_ref() {
            mounted.prefs.locale.set(locale_from_code(locale));
            mounted.prefs.currency.set(currency_from_code(currency));
        }
    });
}

/// Removes the mounted page, if any, and disposes of its reactive state.
pub fn unmount() {
    let previous = MOUNTED.with(|m| m.borrow_mut().take());
    drop(previous);
}

/// The exports of a page module: `cadran::lazy_module!(path::to::Page);` in
/// a binary of `src/bin/` gives it `mount`, `set_prefs` and `unmount` for
/// [`crate::lazy::host`]. The exports live in the binary, not in this
/// library, so that the app shell does not carry the page.
#[macro_export]
macro_rules! lazy_module {
    ($page:path) => {
        /// Mounts the page in `parent`; `locale` and `currency` are codes (`fr`, `EUR`).
        #[::wasm_bindgen::prelude::wasm_bindgen]
        pub fn mount(parent: ::web_sys::HtmlElement, locale: &str, currency: &str) {
            $crate::lazy::guest::mount(parent, locale, currency, $page);
        }

        /// Follows the shell's language and currency.
        #[::wasm_bindgen::prelude::wasm_bindgen]
        pub fn set_prefs(locale: &str, currency: &str) {
            $crate::lazy::guest::set_prefs(locale, currency);
        }

        /// Removes the page.
        #[::wasm_bindgen::prelude::wasm_bindgen]
        pub fn unmount() {
            $crate::lazy::guest::unmount();
        }

        fn main() {}
    };
}
