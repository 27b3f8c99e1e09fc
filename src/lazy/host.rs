//! The shell's side of a page loaded on demand (see [`crate::lazy`]).
//!
//! [`LazyPageView`] takes the page's place in `<main>`: it imports the
//! module the first time (the browser keeps it for the next visits, the
//! service worker for offline ones), mounts the page in its element, passes
//! language and currency changes on, and unmounts the page when the route
//! changes. While the module loads it says so; if it cannot load (offline
//! before the first visit cached it) it says why and offers to retry.

use super::{locale_code, LazyPage};
use crate::i18n::{tr, use_prefs, Locale, Tr};
use js_sys::{Array, Function, Promise, Reflect};
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

// A dynamic `import()` cannot be written in Rust; this one-line module is
// a file of the build (`snippets/`), so the CSP's `script-src 'self'` allows it.
#[wasm_bindgen(inline_js = "export function import_module(url) { return import(url); }")]
extern "C" {
    #[wasm_bindgen(catch)]
    fn import_module(url: &str) -> Result<Promise, JsValue>;
}

/// Imports `page`'s module and initialises its WebAssembly; the module
/// namespace, or the browser's reason in words it gave.
async fn load(page: LazyPage) -> Result<JsValue, String> {
    let describe = |e: JsValue| e.as_string().or_else(|| e.dyn_ref::<js_sys::Error>().map(|e| e.message().into())).unwrap_or_default();
    // Relative to the document: `import()` would resolve a bare relative
    // path against the snippet's own folder.
    let base = document().base_uri().ok().flatten().unwrap_or_default();
    let url = web_sys::Url::new_with_base(page.script(), &base).map_err(describe)?.href();
    let styled = JsFuture::from(stylesheet(PAGES_CSS));
    let module = JsFuture::from(import_module(&url).map_err(describe)?).await.map_err(describe)?;
    // Settles on load and on error alike: a page without its styles still works.
    let _ = styled.await;
    let init = export(&module, "default").map_err(describe)?;
    let started = init.call0(&JsValue::UNDEFINED).map_err(describe)?;
    JsFuture::from(started.dyn_into::<Promise>().map_err(describe)?).await.map_err(describe)?;
    Ok(module)
}

/// The stylesheet of the pages loaded on demand (`style/pages.css`, copied
/// unhashed by Trunk): not part of a first visit's CSS.
const PAGES_CSS: &str = "pages.css";

/// Adds `<link rel="stylesheet" href>` to `<head>` once; a promise settled
/// when the sheet has loaded or failed to, so the page is not mounted unstyled.
fn stylesheet(href: &str) -> Promise {
    let doc = document();
    let existing = doc.query_selector(&format!("link[rel=stylesheet][href=\"{href}\"]")).ok().flatten();
    if existing.as_ref().is_some_and(|l| l.get_attribute("data-loaded").is_some()) {
        return Promise::resolve(&JsValue::UNDEFINED);
    }
    let link = match existing {
        Some(l) => l,
        None => {
            let Ok(l) = doc.create_element("link") else { return Promise::resolve(&JsValue::UNDEFINED) };
            let _ = l.set_attribute("rel", "stylesheet");
            let _ = l.set_attribute("href", href);
            if let Some(head) = doc.head() {
                let _ = head.append_child(&l);
            }
            l
        }
    };
    Promise::new(&mut |resolve, _| {
        let el = link.clone();
        let done = Closure::once_into_js(move || {
            let _ = el.set_attribute("data-loaded", "");
            let _ = resolve.call0(&JsValue::UNDEFINED);
        });
        let f: &Function = done.unchecked_ref();
        let _ = link.add_event_listener_with_callback("load", f);
        let _ = link.add_event_listener_with_callback("error", f);
    })
}

/// The exported function `name` of a module namespace.
fn export(module: &JsValue, name: &str) -> Result<Function, JsValue> {
    Reflect::get(module, &JsValue::from_str(name))?.dyn_into::<Function>()
}

/// Calls `module.name(...args)`; a failure is logged, never fatal (the page
/// stays as it was).
fn call(module: &JsValue, name: &str, args: &[JsValue]) {
    let args: Array = args.iter().collect();
    if let Err(e) = export(module, name).and_then(|f| f.apply(&JsValue::UNDEFINED, &args)) {
        web_sys::console::error_2(&JsValue::from_str(&format!("cadran: {name}")), &e);
    }
}

/// The line shown while a page (or a card's chunk) loads.
pub const LOADING: Tr = tr("Chargement de la page…", "Loading the page…");

/// Texts of the loading and failure states (also the card chunks',
/// [`crate::lazy::chunks`]).
#[must_use]
pub fn load_texts(l: Locale) -> (&'static str, &'static str, &'static str) {
    const FAILED: Tr = tr(
        "Cette page n’a pas pu être chargée. Si vous êtes hors ligne, elle le sera dès que la connexion reviendra : rien de ce que vous avez saisi n’est perdu.",
        "This page could not be loaded. If you are offline, it will load once you are back online: nothing you entered is lost.",
    );
    const RETRY: Tr = tr("Réessayer", "Try again");
    (LOADING.get(l), FAILED.get(l), RETRY.get(l))
}

/// The page `page`, loaded on demand.
#[component]
pub fn LazyPageView(page: LazyPage) -> impl IntoView {
    let prefs = use_prefs();
    let host = NodeRef::<leptos::html::Div>::new();
    let attempt = RwSignal::new(0_u32);
    let module = LocalResource::new(move || {
        attempt.track();
        load(page)
    });
    // The module once its page is mounted: for language changes and unmount.
    let mounted = StoredValue::new_local(None::<JsValue>);
    Effect::new(move |_| {
        let (Some(el), Some(Ok(m))) = (host.get(), module.get()) else { return };
        if mounted.with_value(Option::is_some) {
            return;
        }
        let (l, c) = (prefs.locale.get_untracked(), prefs.currency.get_untracked());
        call(&m, "mount", &[el.into(), locale_code(l).into(), c.code().into()]);
        mounted.set_value(Some(m));
    });
    Effect::new(move |_| {
        let (l, c) = (prefs.locale.get(), prefs.currency.get());
        mounted.with_value(|m| {
            if let Some(m) = m {
                call(m, "set_prefs", &[locale_code(l).into(), c.code().into()]);
            }
        });
    });
    on_cleanup(move || {
        if let Some(Some(m)) = mounted.try_get_value() {
            call(&m, "unmount", &[]);
        }
    });
    let t = move || load_texts(prefs.locale.get());
    let failed = move || match module.get() {
        Some(Err(why)) => Some(why),
        _ => None,
    };
    view! {
        <p class="lazy-status" role="status" hidden=move || module.get().is_some()>{move || t().0}</p>
        {move || failed().map(|why| view! { <LoadFailed why=why retry=attempt /> })}
        <div class="lazy-page" node_ref=host></div>
    }
}

/// A page that could not be loaded: why, in words, and a button that bumps
/// `retry` to try again.
#[component]
pub fn LoadFailed(why: String, retry: RwSignal<u32>) -> impl IntoView {
    let prefs = use_prefs();
    let t = move || load_texts(prefs.locale.get());
    view! {
        <section class="page lazy-failed" role="alert">
            <p>{move || t().1}</p>
            <p class="help">{why}</p>
            <button type="button" on:click=move |_| retry.update(|n| *n += 1)>{move || t().2}</button>
        </section>
    }
}
