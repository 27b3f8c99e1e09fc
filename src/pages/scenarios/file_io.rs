//! Reading and checking a scenario file (JSON in the core's versioned
//! envelope, [`cadran_core::scenario::file`]), and the browser calls that move
//! files and text: a Blob download, a picked file's text, the clipboard.
//!
//! Import is all-or-nothing: a file is parsed and fully validated before
//! anything on the page changes.

use crate::i18n::tr;
use super::words::{field_label, located};
use cadran_core::locale::Locale;
use cadran_core::scenario::file::{validate_file, ScenarioFile, SCHEMA, VERSION};
use cadran_core::scenario::model::ScenarioError;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Largest file accepted (a scenario is a few kilobytes).
pub const MAX_FILE_BYTES: usize = 1_000_000;

/// Why a file cannot be imported.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportProblem {
    /// Larger than [`MAX_FILE_BYTES`].
    TooLarge,
    /// Not JSON: where it breaks.
    NotJson { line: usize, column: usize },
    /// JSON, but not a Cadran scenario.
    Foreign,
    /// A Cadran scenario from a later version.
    Newer(u64),
    /// The scenario's structure is wrong (a value of the wrong type…).
    Shape { line: usize, column: usize, detail: String },
    /// It reads, but some values are impossible.
    Invalid(Vec<ScenarioError>),
}

/// Parses and validates a scenario file's text.
///
/// # Errors
/// What is wrong, for [`describe`].
pub fn parse_file(text: &str) -> Result<ScenarioFile, ImportProblem> {
    if text.len() > MAX_FILE_BYTES {
        return Err(ImportProblem::TooLarge);
    }
    // Windows editors (Notepad, some Excel paths) save UTF-8 with a BOM,
    // which JSON does not allow at its start.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let value: serde_json::Value =
        serde_json::from_str(text).map_err(|e| ImportProblem::NotJson { line: e.line(), column: e.column() })?;
    if value.get("schema").and_then(|s| s.as_str()) != Some(SCHEMA) {
        return Err(ImportProblem::Foreign);
    }
    if let Some(v) = value.get("version").and_then(serde_json::Value::as_u64) {
        if v > u64::from(VERSION) {
            return Err(ImportProblem::Newer(v));
        }
    }
    let file: ScenarioFile = serde_json::from_str(text).map_err(|e| ImportProblem::Shape {
        line: e.line(),
        column: e.column(),
        detail: e.to_string().chars().take(160).collect(),
    })?;
    validate_file(&file).map_err(ImportProblem::Invalid)?;
    Ok(file)
}

/// The problem in words; `names` names the baseline (`None`) or a variant.
#[must_use]
pub fn describe(p: &ImportProblem, names: &dyn Fn(Option<usize>) -> String, l: Locale) -> Vec<String> {
    match p {
        ImportProblem::TooLarge => vec![tr(
            "Fichier trop gros pour un scénario (plus de 1 Mo) : ce n’est sans doute pas un fichier de scénario Cadran.",
            "File too large for a scenario (over 1 MB): it is probably not a Cadran scenario file.",
        )
        .get(l)
        .into()],
        ImportProblem::NotJson { line, column } => vec![tr(
            "Ce fichier n’est pas un fichier JSON lisible (erreur ligne {}, colonne {}).",
            "This file is not readable JSON (error at line {}, column {}).",
        )
        .fill(l, &[&line.to_string(), &column.to_string()])],
        ImportProblem::Foreign => vec![tr(
            "Ce n’est pas un fichier de scénario Cadran : il n’indique pas « \"schema\": \"{}\" ».",
            "This is not a Cadran scenario file: it does not say \"schema\": \"{}\".",
        )
        .fill(l, &[SCHEMA])],
        ImportProblem::Newer(v) => vec![tr(
            "Ce fichier vient d’une version plus récente de Cadran (format {}, celle-ci lit le format {}).",
            "This file comes from a newer version of Cadran (format {}; this one reads format {}).",
        )
        .fill(l, &[&v.to_string(), &VERSION.to_string()])],
        ImportProblem::Shape { line, column, detail } => vec![tr(
            "Le contenu ne correspond pas à un scénario, ligne {}, colonne {} (détail : {}).",
            "The content does not match a scenario at line {}, column {} (detail: {}).",
        )
        .fill(l, &[&line.to_string(), &column.to_string(), detail])],
        ImportProblem::Invalid(errors) => errors
            .iter()
            .map(|e| match e.error.field.0 {
                "schema" | "version" | "title" | "variants" => format!("{} : {}", field_label(e.error.field.0, l),
                    crate::i18n::describe_problem(&e.error.problem, "", l)),
                _ => located(e, names, l),
            })
            .collect(),
    }
}

/// Offers `text` as a file named `name` (a Blob download; nothing leaves the
/// browser).
pub fn download(name: &str, text: &str, mime: &str) -> Result<(), JsValue> {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let document = web_sys::window().and_then(|w| w.document()).ok_or("no document")?;
    let a: web_sys::HtmlAnchorElement = document.create_element("a")?.unchecked_into();
    a.set_href(&url);
    a.set_download(name);
    a.set_hidden(true);
    document.body().ok_or("no body")?.append_child(&a)?;
    a.click();
    a.remove();
    // Revoke later: the download starts asynchronously.
    leptos::prelude::set_timeout(
        move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        },
        std::time::Duration::from_secs(60),
    );
    Ok(())
}

/// The callback of [`on_settled`], taken by whichever of fulfilled / rejected comes first.
type Settled = Rc<RefCell<Option<Box<dyn FnOnce(Result<JsValue, JsValue>)>>>>;

/// Calls `done` with the settled value of `promise`: `Ok` when fulfilled.
pub fn on_settled(promise: &js_sys::Promise, done: impl FnOnce(Result<JsValue, JsValue>) + 'static) {
    let done: Settled = Rc::new(RefCell::new(Some(Box::new(done))));
    let d2 = done.clone();
    let ok = Closure::once(move |v: JsValue| {
        if let Some(f) = done.borrow_mut().take() {
            f(Ok(v));
        }
    });
    let err = Closure::once(move |e: JsValue| {
        if let Some(f) = d2.borrow_mut().take() {
            f(Err(e));
        }
    });
    let _ = promise.then2(&ok, &err);
    // Each closure runs at most once; the pair is dropped with the page.
    ok.forget();
    err.forget();
}

/// Reads a picked file as text.
pub fn read_text(file: &web_sys::File, done: impl FnOnce(Option<String>) + 'static) {
    on_settled(&file.text(), move |r| done(r.ok().and_then(|v| v.as_string())));
}

/// Copies `text` to the clipboard; `done(true)` when the browser allowed it.
pub fn copy(text: &str, done: impl FnOnce(bool) + 'static) {
    let Some(w) = web_sys::window() else { return done(false) };
    let clipboard = w.navigator().clipboard();
    on_settled(&clipboard.write_text(text), move |r| done(r.is_ok()));
}

#[cfg(test)]
mod tests {
    use super::*;
    use cadran_core::scenario::model::Scenario;

    #[test]
    fn files_are_checked_before_anything_changes() {
        let good = serde_json::to_string(&ScenarioFile::new(Scenario::default())).unwrap();
        assert!(parse_file(&good).is_ok());
        assert!(parse_file(&format!("\u{feff}{good}")).is_ok(), "a file saved with a UTF-8 BOM opens");
        assert_eq!(parse_file("{ nope"), Err(ImportProblem::NotJson { line: 1, column: 3 }));
        assert_eq!(parse_file(r#"{"name": "budget.xlsx"}"#), Err(ImportProblem::Foreign));
        assert_eq!(parse_file(&good.replace("\"version\":1", "\"version\":7")), Err(ImportProblem::Newer(7)));
        assert!(matches!(parse_file(&good.replace("\"monthly_churn\":\"2\"", "\"monthly_churn\":\"250\"")),
                         Err(ImportProblem::Invalid(e)) if e[0].error.field.0 == "monthly_churn"));
        assert!(matches!(parse_file(&good.replace("\"variants\":[]", "\"variants\":7")), Err(ImportProblem::Shape { .. })));
        let names = |v: Option<usize>| v.map_or("Baseline".to_string(), |i| format!("V{i}"));
        let words = describe(&ImportProblem::NotJson { line: 3, column: 9 }, &names, Locale::En);
        assert_eq!(words, ["This file is not readable JSON (error at line 3, column 9)."]);
    }
}
