//! The frame around every page: header, navigation, notices, footer.

use crate::i18n::tr;
use crate::i18n::{use_prefs, Currency, Locale, SHELL};
use crate::pages::{nav_label, page_title, section_title};
use crate::router::{CurrentRoute, Route, Section};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Product name, promise, language and currency, navigation.
#[component]
pub fn Header() -> impl IntoView {
    let prefs = use_prefs();
    let l = move || prefs.locale.get();
    let route = expect_context::<CurrentRoute>().0;
    let set_locale = move |l: Locale| {
        prefs.locale.set(l);
        prefs.save();
    };
    view! {
        <a class="skip" href="#main" on:click=|ev| {
            ev.prevent_default();
            if let Some(m) = document().get_element_by_id("main") {
                let _ = m.unchecked_into::<web_sys::HtmlElement>().focus();
            }
        }>{move || SHELL.skip.get(l())}</a>
        <header class="site-header">
            <div class="brand">
                <a class="logo" href="#/" aria-label="Cadran">
                    <svg viewBox="0 0 32 32" width="32" height="32" aria-hidden="true">
                        <circle cx="16" cy="16" r="13" class="logo-ring" />
                        <path d="M16 16 L16 6" class="logo-hand" />
                        <path d="M16 16 L23 20" class="logo-hand" />
                    </svg>
                    <span>"Cadran"</span>
                </a>
                <p class="tagline">{move || SHELL.tagline.get(l())}</p>
            </div>
            <p class="privacy">
                <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
                    <path d="M8 1 L14 3.5 V8 C14 11.5 11.4 14 8 15 C4.6 14 2 11.5 2 8 V3.5 Z" />
                </svg>
                {move || SHELL.privacy.get(l())}
            </p>
            <div class="prefs">
                <div class="lang" role="group" aria-label=move || SHELL.language.get(l())>
                    <button
                        type="button"
                        lang="fr"
                        aria-pressed=move || (prefs.locale.get() == Locale::Fr).to_string()
                        on:click=move |_| set_locale(Locale::Fr)
                    >
                        "Français"
                    </button>
                    <button
                        type="button"
                        lang="en"
                        aria-pressed=move || (prefs.locale.get() == Locale::En).to_string()
                        on:click=move |_| set_locale(Locale::En)
                    >
                        "English"
                    </button>
                </div>
                <label class="currency">
                    <span>{move || SHELL.currency.get(l())}</span>
                    <select
                        prop:value=move || prefs.currency.get().code()
                        on:change=move |ev| {
                            if let Some(c) = Currency::from_code(&event_target_value(&ev)) {
                                prefs.currency.set(c);
                                prefs.save();
                            }
                        }
                    >
                        {Currency::ALL
                            .into_iter()
                            .map(|c| view! { <option value=c.code()>{c.code()}</option> })
                            .collect_view()}
                    </select>
                </label>
            </div>
        </header>
        <nav class="site-nav" aria-label=move || SHELL.nav_label.get(l())>
            <ul>
                {Route::SECTIONS
                    .iter()
                    .map(|&(section, target)| {
                        view! {
                            <li>
                                <a
                                    href=target.href()
                                    aria-current=move || (route.get().section() == section).then_some("page")
                                >
                                    {move || section_title(section, prefs.locale.get())}
                                </a>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </nav>
        <Show when=move || route.get().section() == Section::Kpis && route.get() != Route::NotFound>
            <nav class="sub-nav" aria-label=move || SHELL.cards_label.get(l())>
                <ul>
                    {std::iter::once(Route::Dashboard)
                        .chain(Route::CARDS.iter().copied())
                        .map(|r| {
                            view! {
                                <li>
                                    // The short name is shown; the full title is the link's
                                    // name for assistive technology and its tooltip.
                                    <a
                                        href=r.href()
                                        aria-current=move || (route.get() == r).then_some("page")
                                        title=move || page_title(r, prefs.locale.get())
                                    >
                                        <span aria-hidden="true">{move || nav_label(r, prefs.locale.get())}</span>
                                        <span class="visually-hidden">{move || page_title(r, prefs.locale.get())}</span>
                                    </a>
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            </nav>
        </Show>
    }
}

/// Messages about the app itself (stored data that had to be discarded).
#[component]
pub fn Notices(messages: RwSignal<Vec<String>>) -> impl IntoView {
    let prefs = use_prefs();
    view! {
        <Show when=move || !messages.get().is_empty()>
            <div class="notice" role="status">
                <ul>{move || messages.get().into_iter().map(|m| view! { <li>{m}</li> }).collect_view()}</ul>
                <button type="button" on:click=move |_| messages.set(Vec::new())>
                    {move || tr("Fermer", "Dismiss").get(prefs.locale.get())}
                </button>
            </div>
        </Show>
    }
}

/// Version, promise, and the control that deletes everything Cadran stored.
#[component]
pub fn Footer() -> impl IntoView {
    let prefs = use_prefs();
    let l = move || prefs.locale.get();
    let confirming = RwSignal::new(false);
    let delete_all = move |_| {
        crate::persistence::clear_all();
        // Start afresh from defaults, as on a first visit.
        let _ = window().location().reload();
    };
    view! {
        <footer class="site-footer">
            <p>{move || SHELL.footer.get(prefs.locale.get())} " " {crate::VERSION}</p>
            <Show
                when=move || confirming.get()
                fallback=move || view! {
                    <button type="button" class="link" on:click=move |_| confirming.set(true)>
                        {move || tr("Effacer toutes mes données", "Delete all my data").get(l())}
                    </button>
                }
            >
                <p role="alert" class="confirm">
                    {move || tr("Effacer toutes les valeurs et préférences enregistrées dans ce navigateur ?", "Delete every value and preference saved in this browser?").get(l())}
                    " "
                    <button type="button" class="danger" on:click=delete_all>
                        {move || tr("Effacer", "Delete").get(l())}
                    </button>
                    " "
                    <button type="button" class="secondary" on:click=move |_| confirming.set(false)>
                        {move || tr("Annuler", "Cancel").get(l())}
                    </button>
                </p>
            </Show>
        </footer>
    }
}

/// The app's notices, as a context newtype.
#[derive(Clone, Copy)]
pub struct NoticeBoard(pub RwSignal<Vec<String>>);

/// Tells the user, once, when stored data had to be discarded. Called after
/// every load from storage (the shell's preferences, each form).
pub fn report_discarded() {
    if crate::persistence::take_discarded().is_empty() {
        return;
    }
    let (Some(board), Some(prefs)) = (use_context::<NoticeBoard>(), use_context::<crate::i18n::Prefs>()) else {
        return;
    };
    let text = tr(
        "Des données enregistrées illisibles ont été ignorées ; les valeurs par défaut sont affichées.",
        "Some saved data could not be read and was set aside; defaults are shown.",
    )
    .get(prefs.locale.get_untracked())
    .to_owned();
    board.0.update(|v| if !v.contains(&text) { v.push(text) });
}
