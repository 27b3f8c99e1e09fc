//! A group of a form's fields under a heading: a `<fieldset>` whose
//! `<legend>` follows the interface language, so a card says what a group is
//! once (its texts table entry) instead of wiring the locale by hand.

use crate::i18n::{use_prefs, Tr};
use leptos::prelude::*;

/// The fields in `children`, grouped under `legend`.
#[component]
pub fn Group(legend: Tr, children: Children) -> impl IntoView {
    let prefs = use_prefs();
    view! {
        <fieldset>
            <legend>{move || legend.get(prefs.locale.get())}</legend>
            {children()}
        </fieldset>
    }
}
