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
    // Defaults: 80 000 spent for 76 000 gained → −5 %.
    assert!(roi.text_content().unwrap().starts_with("-5"), "{:?}", roi.text_content());
}
