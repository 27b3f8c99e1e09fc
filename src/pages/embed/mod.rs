//! Builds the snippet that embeds one calculator in another site: pick a
//! calculator, its look and its starting values, see it live, copy the code.
//!
//! The preview is the app itself in embed mode (an iframe of this page's own
//! URL with `?embed=1`, see [`crate::embed_mode`]). The prefill fields are
//! read from the previewed calculator's own inputs (same origin), so every
//! card's fields are offered without a list to keep in sync.

use crate::embed_mode::{config::accent_readable, EmbedConfig, Rgb, Theme};
use crate::i18n::{use_prefs, Currency};
use crate::pages::page_title;
use crate::router::Route;
use cadran_core::locale::Locale;
use leptos::prelude::*;
use std::collections::BTreeMap;

mod fields;
mod look;
mod snippet;
mod texts;

use fields::{read_fields, StartingValues};
use look::{Look, LookSettings};
use snippet::{copy_text, iframe_snippet, resize_snippet};
use texts::T;

/// The app's default accent and radius (style/main.css): left out of URLs.
const DEFAULT_ACCENT: &str = "#1f4e79";
const DEFAULT_RADIUS: u8 = 10;

/// The page.
#[component]
pub fn EmbedPage() -> impl IntoView {
    let prefs = use_prefs();
    let l = move || prefs.locale.get();
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

    view! {
        <section class="page" aria-labelledby="page-title">
            <div class="page-head">
                <h1 id="page-title">{move || crate::pages::page_title(Route::Embed, prefs.locale.get())}</h1>
                <p class="intro">{move || T.intro.get(l())}</p>
            </div>
            <div class="embed-builder">
                <div class="embed-settings">
                    <fieldset>
                        <legend>{move || T.choose.get(l())}</legend>
                        <div class="field">
                            <label for="embed-card">{move || T.calculator.get(l())}</label>
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
                    <LookSettings look=Look { theme, accent, font, radius, lang, currency } />
                    <StartingValues fields=fields prefill=prefill />
                </div>
                <div>
                    <div class="embed-preview">
                        <h2>{move || T.preview.get(l())}</h2>
                        // A new iframe for every address, keyed by it: changing the
                        // `src` of a live iframe is a same-document navigation when
                        // only the fragment differs (the preview keeps its old
                        // theme), and racing loads could leave it blank.
                        <For each=move || std::iter::once(url.get()) key=|src| src.clone() let:src>
                            <iframe node_ref=frame src=src title=move || T.preview_title.get(l()) data-cadran=""></iframe>
                        </For>
                    </div>
                    <div class="embed-snippet">
                        <h2>{move || T.code.get(l())}</h2>
                        <p class="help">{move || T.privacy.get(l())}</p>
                        <div class="row">
                            <label for="embed-code-iframe">{move || T.iframe_code.get(l())}</label>
                            <button type="button" class="secondary" on:click=move |_| copy(1, iframe_code.get_untracked())>
                                {move || T.copy.get(l())}
                            </button>
                        </div>
                        <textarea id="embed-code-iframe" rows="4" readonly prop:value=move || iframe_code.get()></textarea>
                        <div class="row">
                            <label for="embed-code-resize">{move || T.resize_code.get(l())}</label>
                            <button type="button" class="secondary" on:click={
                                let code = resize_code.clone();
                                move |_| copy(2, code.clone())
                            }>{move || T.copy.get(l())}</button>
                        </div>
                        <textarea id="embed-code-resize" rows="9" readonly prop:value=resize_code.clone()></textarea>
                        <p class="copied" role="status">
                            {move || match copied.get() {
                                Some((_, true)) => T.copied.get(l()),
                                Some((_, false)) => T.copy_failed.get(l()),
                                None => "",
                            }}
                        </p>
                    </div>
                </div>
            </div>
        </section>
    }
}

