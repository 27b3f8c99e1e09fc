//! Everything Cadran keeps lives in `localStorage` under keys starting with
//! `cadran.`, each in an envelope with a schema version.
//!
//! Stored data is untrusted: another version of the app, an extension or a
//! curious user may have written anything there. Loading never fails the app:
//! unreadable or foreign content is discarded and reported through
//! [`take_discarded`] so the shell can tell the user.

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use std::cell::RefCell;

/// Prefix of every key Cadran writes.
pub const PREFIX: &str = "cadran.";
/// Current schema version of the envelope.
pub const SCHEMA_VERSION: u32 = 1;

#[derive(Serialize)]
struct EnvelopeOut<'a, T> {
    v: u32,
    data: &'a T,
}

/// Read in one pass, straight into `T`: a detour through `serde_json::Value`
/// would put Value's parser and a second copy of every stored type's
/// deserialiser into the shell's module (≈ KBs of WebAssembly for nothing).
/// Content of another version that happens to parse is still refused below.
#[derive(Deserialize)]
struct EnvelopeIn<T> {
    v: u32,
    data: T,
}

thread_local! {
    static DISCARDED: RefCell<Vec<String>> = const { RefCell::new(Vec::new()) };
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// Loads the value saved under `key`, or `None` when there is none or it was
/// unreadable (then it is removed and remembered for [`take_discarded`]).
#[must_use]
pub fn load<T: DeserializeOwned>(key: &str) -> Option<T> {
    let storage = storage()?;
    let full = format!("{PREFIX}{key}");
    let raw = storage.get_item(&full).ok().flatten()?;
    match decode::<T>(&raw) {
        Some(value) => Some(value),
        None => {
            let _ = storage.remove_item(&full);
            DISCARDED.with(|d| d.borrow_mut().push(key.to_string()));
            None
        }
    }
}

/// Reads an envelope; versions newer than ours, older unmigratable ones and
/// anything malformed give `None`.
fn decode<T: DeserializeOwned>(raw: &str) -> Option<T> {
    let env: EnvelopeIn<T> = serde_json::from_str(raw).ok()?;
    // Version 1 is the first schema: nothing to migrate yet. A future version
    // adds its migration here, from `env.v` to `SCHEMA_VERSION`.
    if env.v != SCHEMA_VERSION {
        return None;
    }
    Some(env.data)
}

/// Saves `value` under `key`. Storage may be full or forbidden (private
/// mode): then nothing is saved and the app goes on.
pub fn save<T: Serialize>(key: &str, value: &T) {
    let Some(storage) = storage() else { return };
    if let Ok(raw) = serde_json::to_string(&EnvelopeOut { v: SCHEMA_VERSION, data: value }) {
        let _ = storage.set_item(&format!("{PREFIX}{key}"), &raw);
    }
}

/// Removes the value saved under `key`.
pub fn remove(key: &str) {
    if let Some(storage) = storage() {
        let _ = storage.remove_item(&format!("{PREFIX}{key}"));
    }
}

/// Removes everything Cadran stored, and nothing else.
pub fn clear_all() {
    let Some(storage) = storage() else { return };
    let len = storage.length().unwrap_or(0);
    let keys: Vec<String> = (0..len)
        .filter_map(|i| storage.key(i).ok().flatten())
        .filter(|k| k.starts_with(PREFIX))
        .collect();
    for k in keys {
        let _ = storage.remove_item(&k);
    }
}

/// Keys whose stored content was unreadable and discarded since the last call.
#[must_use]
pub fn take_discarded() -> Vec<String> {
    DISCARDED.with(|d| std::mem::take(&mut *d.borrow_mut()))
}
