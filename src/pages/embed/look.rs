//! The embedded calculator's look: theme, accent colour (refused below a
//! 4.5:1 contrast), font, corner radius, language and currency.

use super::texts::T;
use crate::embed_mode::{config::accent_readable, Rgb, Theme, FONTS, MAX_RADIUS};
use crate::i18n::{use_prefs, Currency, Tr};
use cadran_core::locale::Locale;
use leptos::prelude::*;

/// What the builder lets a site owner choose about the look. `Copy`: a
/// bundle of signals the page owns.
#[derive(Clone, Copy)]
pub struct Look {
    /// Light or dark.
    pub theme: RwSignal<Theme>,
    /// The accent colour as `#rrggbb`.
    pub accent: RwSignal<String>,
    /// A key of [`FONTS`].
    pub font: RwSignal<&'static str>,
    /// Corner radius in pixels.
    pub radius: RwSignal<u8>,
    /// The calculator's language; `None`: the visitor's.
    pub lang: RwSignal<Option<Locale>>,
    /// The currency; `None`: the visitor's.
    pub currency: RwSignal<Option<Currency>>,
}

/// The look fieldset.
#[component]
pub fn LookSettings(look: Look) -> impl IntoView {
    let prefs = use_prefs();
    let l = move || prefs.locale.get();
    let Look { theme, accent, font, radius, lang, currency } = look;
    let low_contrast = move || Rgb::parse(&accent.get()).is_some_and(|c| !accent_readable(c, theme.get()));
    let radio = move |value: Theme, label: Tr| {
        view! {
            <label>
                <input
                    type="radio"
                    name="embed-theme"
                    prop:checked=move || theme.get() == value
                    on:change=move |_| theme.set(value)
                />
                {move || label.get(l())}
            </label>
        }
    };
    view! {
        <fieldset>
            <legend>{move || T.look.get(l())}</legend>
            <fieldset class="radios">
                <legend>{move || T.theme.get(l())}</legend>
                {radio(Theme::Light, T.light)}
                {radio(Theme::Dark, T.dark)}
            </fieldset>
            <div class="field">
                <label for="embed-accent">{move || T.accent.get(l())}</label>
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
                    {move || if low_contrast() { T.accent_low.get(l()) } else { "" }}
                </p>
            </div>
            <div class="field">
                <label for="embed-font">{move || T.font.get(l())}</label>
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
                <label for="embed-radius">{move || T.radius.get(l())}</label>
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
                <label for="embed-lang">{move || T.language.get(l())}</label>
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
                    <option value="">{move || T.visitor.get(l())}</option>
                    <option value="fr" lang="fr">"Français"</option>
                    <option value="en" lang="en">"English"</option>
                </select>
            </div>
            <div class="field">
                <label for="embed-currency">{move || T.currency.get(l())}</label>
                <select id="embed-currency" on:change=move |ev| currency.set(Currency::from_code(&event_target_value(&ev)))>
                    {Currency::ALL.into_iter().map(|c| view! { <option value=c.code()>{c.code()}</option> }).collect_view()}
                </select>
            </div>
        </fieldset>
    }
}
