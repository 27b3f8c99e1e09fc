//! Browser tests (wasm-bindgen-test in headless Chromium) for code that
//! touches Web APIs: storage and the mounted app.
#![cfg(target_arch = "wasm32")]

use cadran::persistence;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn storage() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

#[wasm_bindgen_test]
fn storage_round_trips_with_a_version() {
    persistence::save("test.value", &vec![1u32, 2, 3]);
    let raw = storage().get_item("cadran.test.value").unwrap().unwrap();
    assert!(raw.contains("\"v\":1"), "envelope carries the schema version: {raw}");
    assert_eq!(persistence::load::<Vec<u32>>("test.value"), Some(vec![1, 2, 3]));
}

#[wasm_bindgen_test]
fn garbage_in_storage_is_discarded_not_fatal() {
    for garbage in ["{not json", "{\"v\":99,\"data\":[1]}", "{\"v\":1,\"data\":\"text\"}", ""] {
        storage().set_item("cadran.test.garbage", garbage).unwrap();
        assert_eq!(persistence::load::<Vec<u32>>("test.garbage"), None, "garbage {garbage:?}");
        assert!(storage().get_item("cadran.test.garbage").unwrap().is_none(), "removed after {garbage:?}");
        assert!(persistence::take_discarded().contains(&"test.garbage".to_string()));
    }
}

#[wasm_bindgen_test]
fn clear_all_removes_only_cadran_keys() {
    storage().set_item("other.app", "keep").unwrap();
    persistence::save("test.x", &1);
    persistence::clear_all();
    assert!(storage().get_item("cadran.test.x").unwrap().is_none());
    assert_eq!(storage().get_item("other.app").unwrap().as_deref(), Some("keep"));
}

#[wasm_bindgen_test]
async fn the_app_mounts_and_computes_roi() {
    storage().clear().unwrap();
    // The dashboard is the default page: open the ROI card by its address.
    web_sys::window().unwrap().location().set_hash("/roi").unwrap();
    let document = web_sys::window().unwrap().document().unwrap();
    let host = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&host).unwrap();
    let _handle = mount_to(host.clone().unchecked_into(), cadran::app::App);
    leptos::task::tick().await;
    let roi = document.query_selector("[data-output=roi] .output-value").unwrap().expect("ROI shown");
    // Defaults: 80 000 spent for 76 000 gained → −5 %, written with the
    // typographic minus (U+2212) the formatter uses for negatives.
    assert_eq!(roi.text_content().as_deref(), Some("\u{2212}5.0%"));
}

/// Waits (up to ~5 s) for `selector` to match, yielding to the browser.
async fn wait_for(selector: &str) -> Option<web_sys::Element> {
    let document = web_sys::window().unwrap().document().unwrap();
    for _ in 0..100 {
        if let Ok(Some(el)) = document.query_selector(selector) {
            return Some(el);
        }
        let sleep = js_sys::Promise::new(&mut |ok, _| {
            web_sys::window().unwrap().set_timeout_with_callback_and_timeout_and_arguments_0(&ok, 50).unwrap();
        });
        wasm_bindgen_futures::JsFuture::from(sleep).await.unwrap();
    }
    None
}

#[wasm_bindgen_test]
async fn a_page_module_that_cannot_load_says_so_and_keeps_the_shell() {
    use cadran::i18n::{Currency, Locale, Prefs};
    use cadran::lazy::{host::LazyPageView, LazyPage};
    // The test server has no cadran-import.js: the import fails like it
    // would offline before the module was ever cached.
    let document = web_sys::window().unwrap().document().unwrap();
    let host = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&host).unwrap();
    let _handle = mount_to(host.clone().unchecked_into(), || {
        provide_context(Prefs { locale: RwSignal::new(Locale::En), currency: RwSignal::new(Currency::Eur) });
        view! { <LazyPageView page=LazyPage::Import /> }
    });
    let status = host.query_selector(".lazy-status").unwrap().expect("loading status");
    assert_eq!(status.text_content().as_deref(), Some("Loading the page…"));
    let failed = wait_for(".lazy-failed").await.expect("failure shown");
    assert!(failed.text_content().unwrap().contains("could not be loaded"), "{:?}", failed.text_content());
    assert!(failed.query_selector("button").unwrap().is_some(), "retry button");
    assert!(status.has_attribute("hidden"), "the loading line is hidden once it failed");
}
