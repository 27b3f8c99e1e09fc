//! The code the host site pastes: the iframe and the height-adjusting
//! script, and copying them to the clipboard.

use leptos::prelude::window;
use wasm_bindgen::JsCast;

/// The snippet that resizes every Cadran iframe of the host page.
#[must_use]
pub fn resize_snippet(origin: &str) -> String {
    format!(
        r#"<script>
window.addEventListener("message", function (e) {{
  if (e.origin !== "{origin}" || !e.data || e.data.type !== "cadran:height" || typeof e.data.height !== "number") return;
  document.querySelectorAll("iframe[data-cadran]").forEach(function (f) {{
    if (f.contentWindow === e.source) f.style.height = e.data.height + "px";
  }});
}});
</script>"#
    )
}

/// The iframe snippet for `url`.
#[must_use]
pub fn iframe_snippet(url: &str, title: &str) -> String {
    format!(
        r#"<iframe src="{}" title="{}" data-cadran loading="lazy" style="width:100%;height:640px;border:0"></iframe>"#,
        url.replace('&', "&amp;").replace('"', "&quot;"),
        title.replace('&', "&amp;").replace('"', "&quot;")
    )
}

/// Copies `text` with the asynchronous clipboard API when the browser has
/// it; `false` when it does not (the text stays selectable).
pub fn copy_text(text: &str) -> bool {
    let navigator = window().navigator();
    let Ok(clipboard) = js_sys::Reflect::get(&navigator, &"clipboard".into()) else { return false };
    if clipboard.is_undefined() {
        return false;
    }
    let Ok(write) = js_sys::Reflect::get(&clipboard, &"writeText".into()) else { return false };
    let Ok(write) = write.dyn_into::<js_sys::Function>() else { return false };
    write.call1(&clipboard, &text.into()).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snippets_escape_and_check_the_origin() {
        let s = iframe_snippet("https://x.test/#/nps?embed=1&theme=dark", "NPS \"x\" — Cadran");
        assert!(s.contains(r#"src="https://x.test/#/nps?embed=1&amp;theme=dark""#), "{s}");
        assert!(s.contains("NPS &quot;x&quot;"), "{s}");
        assert!(s.contains("data-cadran"));
        let r = resize_snippet("https://x.test");
        assert!(r.contains(r#"e.origin !== "https://x.test""#), "{r}");
        assert!(r.contains("cadran:height"));
    }
}
