//! Save and share: the report title, export and import of a scenario file,
//! the share link (the scenario in the URL fragment, never sent to a server),
//! printing, and starting over — every replacement with undo.

use super::file_io::{copy, describe, download, parse_file, read_text};
use super::state::Ctx;
use crate::i18n::tr;
use crate::i18n::use_prefs;
use cadran_core::locale::Locale;
use cadran_core::scenario::file::ScenarioFile;
use cadran_core::scenario::model::{Scenario, Subject};
use cadran_core::scenario::share::{decode_share, encode_share, ShareError};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Today as `YYYY-MM-DD` (file names) and the full ISO time (the file).
fn today() -> (String, String) {
    let iso = js_sys::Date::new_0().to_iso_string().as_string().unwrap_or_default();
    (iso.chars().take(10).collect(), iso)
}

/// The share link of `s`: this page's address with the scenario after `#`.
#[must_use]
pub fn share_url(s: &Scenario) -> String {
    let loc = window().location();
    let base = format!("{}{}", loc.origin().unwrap_or_default(), loc.pathname().unwrap_or_default());
    format!("{base}#/scenarios?s={}", encode_share(s))
}

/// The raw `s=` parameter of a location hash (not percent-decoded: the
/// share text has its own escapes).
#[must_use]
pub fn share_param(hash: &str) -> Option<String> {
    let (_, query) = hash.split_once('?')?;
    query.split('&').find_map(|p| p.strip_prefix("s=")).map(str::to_string)
}

/// Why a share link cannot be opened, in words.
#[must_use]
pub fn share_error(e: &ShareError, names: &dyn Fn(Option<usize>) -> String, l: Locale) -> String {
    let lead = tr("Ce lien de partage ne peut pas être ouvert : ", "This share link cannot be opened: ").get(l);
    let why: String = match e {
        ShareError::Empty => tr("il ne contient aucun scénario.", "it carries no scenario.").get(l).into(),
        ShareError::TooLong => tr("il est trop long.", "it is too long.").get(l).into(),
        ShareError::UnknownFormat => tr("il ne vient pas de Cadran, ou d’une version plus récente.", "it is not from Cadran, or from a newer version.").get(l).into(),
        ShareError::Damaged => tr("il est abîmé (tronqué ou modifié).", "it is damaged (cut short or altered).").get(l).into(),
        ShareError::BadKey(k) => tr("la clé « {} » est inconnue ou répétée.", "the key “{}” is unknown or repeated.").fill(l, &[k]),
        ShareError::BadNumber(v) => tr("« {} » n’est pas un nombre.", "“{}” is not a number.").fill(l, &[v]),
        ShareError::BadName => tr("un nom de variante est illisible.", "a variant name is unreadable.").get(l).into(),
        ShareError::Invalid(errors) => errors.iter().map(|e| super::words::located(e, names, l)).collect::<Vec<_>>().join(" ; "),
    };
    format!("{lead}{why} {}", tr("Rien n’a été changé.", "Nothing was changed.").get(l))
}

/// Opens the scenario carried by a share link, if the hash has one, then
/// removes it from the address (so a reload keeps later edits).
pub fn open_share_link(ctx: Ctx, hash: &str, l: Locale) {
    let Some(raw) = share_param(hash) else { return };
    let names = |v: Option<usize>| match v {
        None => tr("Référence", "Baseline").get(l).to_string(),
        Some(i) => super::state::default_variant_name(i, l),
    };
    match decode_share(&raw) {
        Ok(s) => ctx.replace(s, None, tr("Scénario ouvert depuis le lien de partage.", "Scenario opened from the share link.").get(l).into()),
        Err(e) => ctx.say(share_error(&e, &names, l), true),
    }
    let view = hash.split_once('?').map(|(_, q)| q).unwrap_or("").split('&').find(|p| p.starts_with("view="));
    let clean = match view {
        Some(v) => format!("#/scenarios?{v}"),
        None => "#/scenarios".into(),
    };
    if let Ok(h) = window().history() {
        let _ = h.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&clean));
    }
}

/// The toolbar.
#[component]
pub fn Toolbar(
    /// Called before printing, to show the comparison view.
    on_print: Callback<()>,
) -> impl IntoView {
    let ctx = Ctx::get();
    let prefs = use_prefs();
    let l = move || prefs.locale.get();
    let link: RwSignal<Option<String>> = RwSignal::new(None);
    let names = move |v: Option<usize>| {
        ctx.scenario.with_untracked(|s| Ctx::name_of(s, v.map_or(Subject::Baseline, Subject::Variant), l()))
    };

    let export = move |_| {
        let (day, iso) = today();
        let mut file = ScenarioFile::new(ctx.scenario.get_untracked());
        file.title = ctx.title.get_untracked();
        file.saved_at = Some(iso);
        match serde_json::to_string_pretty(&file) {
            Ok(text) => {
                let name = format!("cadran-scenario-{day}.json");
                if download(&name, &text, "application/json").is_ok() {
                    ctx.say(tr("Fichier « {} » enregistré.", "File “{}” saved.").fill(l(), &[&name]), false);
                } else {
                    ctx.say(tr("Le navigateur a refusé l’enregistrement du fichier.", "The browser refused to save the file.").get(l()).into(), true);
                }
            }
            Err(_) => ctx.say(tr("Le scénario n’a pas pu être écrit.", "The scenario could not be written.").get(l()).into(), true),
        }
    };

    let import = move |ev: leptos::ev::Event| {
        let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else { return };
        let Some(file) = input.files().and_then(|f| f.get(0)) else { return };
        let file_name = file.name();
        // Let the same file be picked again later.
        input.set_value("");
        if f64::from(super::file_io::MAX_FILE_BYTES as u32) < file.size() {
            let names = move |v| names(v);
            ctx.say(describe(&super::file_io::ImportProblem::TooLarge, &names, l()).join(" "), true);
            return;
        }
        read_text(&file, move |text| {
            let loc = prefs.locale.get_untracked();
            let Some(text) = text else {
                ctx.say(tr("Le fichier n’a pas pu être lu.", "The file could not be read.").get(loc).into(), true);
                return;
            };
            match parse_file(&text) {
                Ok(f) => {
                    let msg = tr("Scénario importé depuis « {} ».", "Scenario imported from “{}”.").fill(loc, &[&file_name]);
                    ctx.replace(f.scenario, Some(f.title), msg);
                }
                Err(p) => {
                    let names = |v: Option<usize>| match v {
                        None => tr("Référence", "Baseline").get(loc).to_string(),
                        Some(i) => super::state::default_variant_name(i, loc),
                    };
                    let lead = tr("« {} » n’a pas été importé, rien n’a changé. ", "“{}” was not imported; nothing changed. ").fill(loc, &[&file_name]);
                    ctx.say(lead + &describe(&p, &names, loc).join(" "), true);
                }
            }
        });
    };

    let share = move |_| {
        let url = ctx.scenario.with_untracked(share_url);
        link.set(Some(url.clone()));
        copy(&url, move |ok| {
            let loc = prefs.locale.get_untracked();
            ctx.say(
                if ok {
                    tr("Lien de partage copié. Il contient le scénario lui-même : rien n’est envoyé à un serveur.", "Share link copied. It carries the scenario itself: nothing is sent to a server.").get(loc)
                } else {
                    tr("Lien de partage prêt : copiez-le ci-dessous.", "Share link ready: copy it below.").get(loc)
                }
                .into(),
                false,
            );
        });
    };

    let start_over = move |_| {
        ctx.replace(Scenario::default(), Some(String::new()), tr("Scénario remis aux valeurs par défaut.", "Scenario reset to the defaults.").get(l()).into());
    };

    view! {
        <div class="sc-toolbar">
            <div class="field sc-title-field">
                <label for="sc-title">{move || tr("Titre du rapport", "Report title").get(l())}</label>
                <input id="sc-title" class="text" type="text" maxlength="200"
                    placeholder=move || tr("ex. : Acme — plan de rétention", "e.g. Acme — retention plan").get(l())
                    prop:value=move || ctx.title.get() on:input=move |ev| ctx.title.set(event_target_value(&ev)) />
            </div>
            <div class="sc-actions">
                <button type="button" class="secondary" on:click=export>{move || tr("Exporter le fichier", "Export file").get(l())}</button>
                <label class="button secondary" for="sc-import">{move || tr("Importer un fichier", "Import file").get(l())}</label>
                <input id="sc-import" class="visually-hidden" type="file" accept=".json,application/json" on:change=import />
                <button type="button" class="secondary" on:click=share>{move || tr("Lien de partage", "Share link").get(l())}</button>
                <button type="button" class="secondary" on:click=move |_| on_print.run(())>{move || tr("Imprimer le rapport", "Print report").get(l())}</button>
                <button type="button" class="link" on:click=start_over>{move || tr("Repartir des valeurs par défaut", "Start over from defaults").get(l())}</button>
            </div>
            {move || link.get().map(|url| view! {
                <div class="field sc-link">
                    <label for="sc-link">{tr("Lien de partage (le scénario est dans l’adresse, après #)", "Share link (the scenario is in the address, after #)").get(l())}</label>
                    <input id="sc-link" class="text" type="text" readonly prop:value=url
                        on:focus=move |ev| {
                            if let Some(i) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) { i.select(); }
                        } />
                </div>
            })}
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn share_parameter_is_taken_raw() {
        assert_eq!(share_param("#/scenarios?s=1.a=120/Churn+%E2%88%921;ch=1"), Some("1.a=120/Churn+%E2%88%921;ch=1".into()));
        assert_eq!(share_param("#/scenarios?view=clv&s=1.ch=3"), Some("1.ch=3".into()));
        assert_eq!(share_param("#/scenarios?view=clv"), None);
        assert_eq!(share_param("#/scenarios"), None);
    }
}
