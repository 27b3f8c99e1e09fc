//! Builds the snippet that embeds one calculator in another site: pick a
//! calculator, its look and its starting values, see it live, copy the code.
//!
//! The preview is the app itself in embed mode (an iframe of this page's own
//! URL with `?embed=1`, see [`crate::embed_mode`]). The prefill fields are
//! read from the previewed calculator's own inputs (same origin), so every
//! card's fields are offered without a list to keep in sync.

use crate::embed_mode::{config::accent_readable, EmbedConfig, Rgb, Theme, FONTS, MAX_RADIUS};
use crate::i18n::{use_prefs, Currency};
use crate::pages::page_title;
use crate::router::Route;
use cadran_core::locale::Locale;
use leptos::prelude::*;
use std::collections::BTreeMap;
use wasm_bindgen::JsCast;

/// The page's texts.
pub struct Texts {
    intro: &'static str,
    choose: &'static str,
    calculator: &'static str,
    look: &'static str,
    theme: &'static str,
    light: &'static str,
    dark: &'static str,
    accent: &'static str,
    accent_low: &'static str,
    font: &'static str,
    radius: &'static str,
    language: &'static str,
    visitor: &'static str,
    currency: &'static str,
    values: &'static str,
    values_help: &'static str,
    preview: &'static str,
    preview_title: &'static str,
    code: &'static str,
    iframe_code: &'static str,
    resize_code: &'static str,
    copy: &'static str,
    copied: &'static str,
    copy_failed: &'static str,
    privacy: &'static str,
}

const FR: Texts = Texts {
    intro: "Ajoutez un calculateur Cadran à votre site : choisissez-le, réglez son apparence et ses valeurs de départ, puis copiez le code. Le calculateur intégré calcule dans le navigateur du visiteur, n’envoie rien et n’enregistre rien.",
    choose: "Calculateur",
    calculator: "Calculateur à intégrer",
    look: "Apparence",
    theme: "Thème",
    light: "Clair",
    dark: "Sombre",
    accent: "Couleur d’accent",
    accent_low: "Contraste insuffisant sur ce thème (moins de 4,5:1) : la couleur par défaut sera utilisée.",
    font: "Police (polices du système)",
    radius: "Arrondi des angles (px)",
    language: "Langue",
    visitor: "Celle du visiteur",
    currency: "Devise",
    values: "Valeurs de départ",
    values_help: "Laissez vide pour garder la valeur par défaut. Nombres avec un point décimal (12.5).",
    preview: "Aperçu",
    preview_title: "Aperçu du calculateur intégré",
    code: "Code à copier",
    iframe_code: "1. Le calculateur (iframe)",
    resize_code: "2. L’ajustement de la hauteur (une fois par page)",
    copy: "Copier",
    copied: "Copié dans le presse-papiers.",
    copy_failed: "Copie impossible : sélectionnez le texte et copiez-le.",
    privacy: "Le calculateur n’envoie que sa hauteur à votre page (jamais une valeur saisie), ne dépose ni cookie ni donnée, et ne contacte aucun serveur après son chargement.",
};

const EN: Texts = Texts {
    intro: "Add a Cadran calculator to your site: pick one, set its look and starting values, then copy the code. The embedded calculator computes in the visitor’s browser, sends nothing and stores nothing.",
    choose: "Calculator",
    calculator: "Calculator to embed",
    look: "Look",
    theme: "Theme",
    light: "Light",
    dark: "Dark",
    accent: "Accent colour",
    accent_low: "Not enough contrast on this theme (under 4.5:1): the default colour will be used.",
    font: "Font (system fonts)",
    radius: "Corner radius (px)",
    language: "Language",
    visitor: "The visitor’s",
    currency: "Currency",
    values: "Starting values",
    values_help: "Leave empty to keep the default. Numbers with a decimal point (12.5).",
    preview: "Preview",
    preview_title: "Preview of the embedded calculator",
    code: "Code to copy",
    iframe_code: "1. The calculator (iframe)",
    resize_code: "2. Height adjustment (once per page)",
    copy: "Copy",
    copied: "Copied to the clipboard.",
    copy_failed: "Could not copy: select the text and copy it.",
    privacy: "The calculator sends your page its height only (never a typed value), leaves no cookie or data, and contacts no server after loading.",
};

/// The page's texts in `l`.
#[must_use]
pub fn texts(l: Locale) -> &'static Texts {
    match l {
        Locale::Fr => &FR,
        Locale::En => &EN,
    }
}

/// The page's title in `l` (its heading, the navigation, the tab's
/// title); outside [`Texts`] for the reason given at [`crate::pages::page_title`].
#[must_use]
pub fn title(l: Locale) -> &'static str {
    match l {
        Locale::Fr => "Intégrer un calculateur",
        Locale::En => "Embed a calculator",
    }
}

/// The app's default accent and radius (style/main.css): left out of URLs.
const DEFAULT_ACCENT: &str = "#1f4e79";
const DEFAULT_RADIUS: u8 = 10;

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

/// The page.
#[component]
pub fn EmbedPage() -> impl IntoView {
    let prefs = use_prefs();
    let t = move || texts(prefs.locale.get());
    let card = RwSignal::new(Route::Nps);
    let theme = RwSignal::new(Theme::Light);
    let accent = RwSignal::new(DEFAULT_ACCENT.to_string());
    let font = RwSignal::new("system");
    let radius = RwSignal::new(DEFAULT_RADIUS);
    let lang = RwSignal::new(None::<Locale>);
    let currency = RwSignal::new(None::<Currency>);
    let prefill = RwSignal::new(BTreeMap::<String, String>::new());
    // The previewed calculator's fields: (key, label), read from the preview.
    let fields = RwSignal::new(Vec::<(String, String)>::new());
    let copied = RwSignal::new(None::<(u8, bool)>);

    let rgb = Memo::new(move |_| Rgb::parse(&accent.get()));
    let low_contrast = move || rgb.get().is_some_and(|c| !accent_readable(c, theme.get()));
    let config = Memo::new(move |_| EmbedConfig {
        theme: theme.get(),
        accent: rgb.get().filter(|c| c.css() != DEFAULT_ACCENT && accent_readable(*c, theme.get())),
        font: Some(font.get()).filter(|f| *f != "system"),
        radius: Some(radius.get()).filter(|r| *r != DEFAULT_RADIUS),
        locale: lang.get(),
        currency: currency.get(),
        prefill: prefill.get(),
    });
    let location = window().location();
    let origin = location.origin().unwrap_or_default();
    let base = format!("{origin}{}", location.pathname().unwrap_or_default());
    let url = Memo::new(move |_| format!("{base}{}", config.get().to_hash(card.get())));
    let frame_title = move || format!("{} — Cadran", page_title(card.get(), config.get().locale.unwrap_or(prefs.locale.get())));
    let iframe_code = Memo::new(move |_| iframe_snippet(&url.get(), &frame_title()));
    let resize_code = resize_snippet(&origin);

    // The preview reports its height like on any host page; the same message
    // says the calculator is on screen, so its fields can be read.
    let frame = NodeRef::<leptos::html::Iframe>::new();
    let handle = window_event_listener(leptos::ev::message, move |ev| {
        let Some(el) = frame.get_untracked() else { return };
        let Some(own) = el.content_window() else { return };
        // Identity, not `instanceof`: the preview's window is from another realm.
        let from_preview = ev.source().is_some_and(|s| js_sys::Object::is(&s, &own));
        if !from_preview {
            return;
        }
        let height = js_sys::Reflect::get(&ev.data(), &"height".into()).ok().and_then(|h| h.as_f64());
        if let Some(h) = height.filter(|h| h.is_finite() && *h > 0.0 && *h < 20_000.0) {
            let _ = web_sys::HtmlElement::style(&el).set_property("height", &format!("{}px", h.ceil()));
        }
        if let Some(doc) = el.content_document() {
            let read = read_fields(&doc);
            if read != fields.get_untracked() {
                fields.set(read);
            }
        }
    });
    on_cleanup(move || handle.remove());

    let choose_card = move |ev| {
        let name = event_target_value(&ev);
        // Choosing the card already shown changes nothing: the preview would
        // not reload, so its fields would never be read again.
        if let Some(r) = Route::from_name(&name).filter(|r| r.is_card() && *r != card.get_untracked()) {
            prefill.set(BTreeMap::new());
            fields.set(Vec::new());
            card.set(r);
        }
    };
    let copy = move |which: u8, text: String| {
        copied.set(Some((which, copy_text(&text))));
    };
    let radio = move |value: Theme, label: fn(&Texts) -> &'static str| {
        view! {
            <label>
                <input
                    type="radio"
                    name="embed-theme"
                    prop:checked=move || theme.get() == value
                    on:change=move |_| theme.set(value)
                />
                {move || label(t())}
            </label>
        }
    };

    view! {
        <section class="page" aria-labelledby="page-title">
            <div class="page-head">
                <h1 id="page-title">{move || title(prefs.locale.get())}</h1>
                <p class="intro">{move || t().intro}</p>
            </div>
            <div class="embed-builder">
                <div class="embed-settings">
                    <fieldset>
                        <legend>{move || t().choose}</legend>
                        <div class="field">
                            <label for="embed-card">{move || t().calculator}</label>
                            <select id="embed-card" on:change=choose_card prop:value=move || card.get().path().trim_start_matches('/').to_string()>
                                {Route::CARDS
                                    .iter()
                                    .map(|&r| {
                                        let name = r.path().trim_start_matches('/');
                                        view! { <option value=name>{move || page_title(r, prefs.locale.get())}</option> }
                                    })
                                    .collect_view()}
                            </select>
                        </div>
                    </fieldset>
                    <fieldset>
                        <legend>{move || t().look}</legend>
                        <fieldset class="radios">
                            <legend>{move || t().theme}</legend>
                            {radio(Theme::Light, |t| t.light)}
                            {radio(Theme::Dark, |t| t.dark)}
                        </fieldset>
                        <div class="field">
                            <label for="embed-accent">{move || t().accent}</label>
                            <div class="row">
                                <input
                                    id="embed-accent"
                                    type="color"
                                    prop:value=move || accent.get()
                                    on:change=move |ev| accent.set(event_target_value(&ev))
                                    aria-describedby="embed-accent-warn"
                                />
                                <span>{move || accent.get()}</span>
                            </div>
                            <p class="warn" id="embed-accent-warn" role="status">
                                {move || if low_contrast() { t().accent_low } else { "" }}
                            </p>
                        </div>
                        <div class="field">
                            <label for="embed-font">{move || t().font}</label>
                            <select
                                id="embed-font"
                                prop:value=move || font.get()
                                on:change=move |ev| {
                                    let v = event_target_value(&ev);
                                    if let Some((k, _, _)) = FONTS.iter().find(|(k, _, _)| *k == v) {
                                        font.set(k);
                                    }
                                }
                            >
                                {FONTS.iter().map(|(k, name, _)| view! { <option value=*k>{*name}</option> }).collect_view()}
                            </select>
                        </div>
                        <div class="field">
                            <label for="embed-radius">{move || t().radius}</label>
                            <input
                                id="embed-radius"
                                type="number"
                                min="0"
                                max=MAX_RADIUS.to_string()
                                step="1"
                                prop:value=move || radius.get().to_string()
                                on:change=move |ev| {
                                    if let Ok(r) = event_target_value(&ev).trim().parse::<u8>() {
                                        radius.set(r.min(MAX_RADIUS));
                                    }
                                }
                            />
                        </div>
                        <div class="field">
                            <label for="embed-lang">{move || t().language}</label>
                            <select
                                id="embed-lang"
                                on:change=move |ev| {
                                    lang.set(match event_target_value(&ev).as_str() {
                                        "fr" => Some(Locale::Fr),
                                        "en" => Some(Locale::En),
                                        _ => None,
                                    })
                                }
                            >
                                <option value="">{move || t().visitor}</option>
                                <option value="fr" lang="fr">"Français"</option>
                                <option value="en" lang="en">"English"</option>
                            </select>
                        </div>
                        <div class="field">
                            <label for="embed-currency">{move || t().currency}</label>
                            <select id="embed-currency" on:change=move |ev| currency.set(Currency::from_code(&event_target_value(&ev)))>
                                {Currency::ALL.into_iter().map(|c| view! { <option value=c.code()>{c.code()}</option> }).collect_view()}
                            </select>
                        </div>
                    </fieldset>
                    <fieldset>
                        <legend>{move || t().values}</legend>
                        <p class="help">{move || t().values_help}</p>
                        // Keyed by name and label: the same field in another language
                        // (the preview's `lang`) is a new row with its new label.
                        <For each=move || fields.get() key=|field| field.clone() let:field>
                            {
                                let (key, label) = field;
                                let id = format!("embed-pf-{key}");
                                let k2 = key.clone();
                                let k3 = key.clone();
                                view! {
                                    <div class="field">
                                        <label for=id.clone()>{label}</label>
                                        <input
                                            id=id
                                            type="text"
                                            inputmode="decimal"
                                            autocomplete="off"
                                            prop:value=move || prefill.with(|p| p.get(&k2).cloned().unwrap_or_default())
                                            on:change=move |ev| {
                                                let v = event_target_value(&ev).trim().to_string();
                                                prefill.update(|p| {
                                                    if v.is_empty() || !crate::embed_mode::config::is_prefill_value(&v) {
                                                        p.remove(&k3);
                                                    } else {
                                                        p.insert(k3.clone(), v);
                                                    }
                                                });
                                            }
                                        />
                                    </div>
                                }
                            }
                        </For>
                    </fieldset>
                </div>
                <div>
                    <div class="embed-preview">
                        <h2>{move || t().preview}</h2>
                        // A new iframe for every address, keyed by it: changing the
                        // `src` of a live iframe is a same-document navigation when
                        // only the fragment differs (the preview keeps its old
                        // theme), and racing loads could leave it blank.
                        <For each=move || std::iter::once(url.get()) key=|src| src.clone() let:src>
                            <iframe node_ref=frame src=src title=move || t().preview_title data-cadran=""></iframe>
                        </For>
                    </div>
                    <div class="embed-snippet">
                        <h2>{move || t().code}</h2>
                        <p class="help">{move || t().privacy}</p>
                        <div class="row">
                            <label for="embed-code-iframe">{move || t().iframe_code}</label>
                            <button type="button" class="secondary" on:click=move |_| copy(1, iframe_code.get_untracked())>
                                {move || t().copy}
                            </button>
                        </div>
                        <textarea id="embed-code-iframe" rows="4" readonly prop:value=move || iframe_code.get()></textarea>
                        <div class="row">
                            <label for="embed-code-resize">{move || t().resize_code}</label>
                            <button type="button" class="secondary" on:click={
                                let code = resize_code.clone();
                                move |_| copy(2, code.clone())
                            }>{move || t().copy}</button>
                        </div>
                        <textarea id="embed-code-resize" rows="9" readonly prop:value=resize_code.clone()></textarea>
                        <p class="copied" role="status">
                            {move || match copied.get() {
                                Some((_, true)) => t().copied,
                                Some((_, false)) => t().copy_failed,
                                None => "",
                            }}
                        </p>
                    </div>
                </div>
            </div>
        </section>
    }
}

/// The previewed calculator's fields, `(name, label)`, in page order.
fn read_fields(doc: &web_sys::Document) -> Vec<(String, String)> {
    let Ok(list) = doc.query_selector_all("main input[name], main select[name]") else { return Vec::new() };
    (0..list.length())
        // `unchecked_into`: the nodes come from the preview's realm, where
        // `instanceof Element` (what `dyn_into` checks) is false.
        .filter_map(|i| list.item(i).map(|n| n.unchecked_into::<web_sys::Element>()))
        .filter_map(|el| {
            let name = el.get_attribute("name")?;
            if !crate::embed_mode::config::is_field_name(&name) {
                return None;
            }
            let label = el
                .get_attribute("id")
                .and_then(|id| doc.query_selector(&format!("label[for=\"{id}\"]")).ok().flatten())
                .and_then(|l| l.text_content())
                .map_or_else(|| name.clone(), |l| l.trim().to_string());
            Some((name.clone(), format!("{label} ({name})")))
        })
        .fold(Vec::new(), |mut acc, f| {
            if !acc.iter().any(|(k, _): &(String, String)| *k == f.0) {
                acc.push(f);
            }
            acc
        })
}

/// Copies `text` with the asynchronous clipboard API when the browser has
/// it; `false` when it does not (the text stays selectable).
fn copy_text(text: &str) -> bool {
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
