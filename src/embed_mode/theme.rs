//! Applies a validated embed theme to the document.
//!
//! Each value becomes one CSS custom property set through the CSSOM
//! (`style.setProperty`), built from validated values only — never a raw URL
//! parameter — so no parameter can inject CSS, and the CSP needs no
//! `'unsafe-inline'` for styles.

use super::config::{EmbedConfig, Theme};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Sets `data-embed`, `data-theme` and the custom properties on `<html>`.
pub fn apply(config: &EmbedConfig) {
    let Some(root) = document().document_element() else { return };
    let _ = root.set_attribute("data-embed", "");
    if config.theme == Theme::Dark {
        let _ = root.set_attribute("data-theme", "dark");
    }
    let Ok(html) = root.dyn_into::<web_sys::HtmlElement>() else { return };
    let style = html.style();
    if let Some(accent) = config.accent {
        let _ = style.set_property("--accent", &accent.css());
        let _ = style.set_property("--accent-contrast", &accent.text_on().css());
    }
    if let Some(stack) = config.font_stack() {
        let _ = style.set_property("--font", stack);
    }
    if let Some(r) = config.radius {
        let _ = style.set_property("--radius", &format!("{r}px"));
    }
}
