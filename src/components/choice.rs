//! One option among a few, as radio buttons bound to a form's
//! [`FieldKind::Choice`](super::FieldKind) field: every option stays visible,
//! so a definition choice (which denominator, which end of a scale means
//! "easy") is never hidden in a closed list.

use super::Form;
use crate::i18n::{use_prefs, Tr};
use leptos::prelude::*;

/// An option: (stored value, its label).
pub type ChoiceOption = (&'static str, Tr);

/// Radio buttons for `form`'s field `key`, in a fieldset titled `legend`.
#[component]
pub fn ChoiceField(
    form: Form,
    key: &'static str,
    #[prop(into)] legend: Signal<String>,
    options: &'static [ChoiceOption],
    #[prop(into, optional)] help: Option<Signal<String>>,
) -> impl IntoView {
    let prefs = use_prefs();
    let text = form.text(key);
    let name = format!("f-{}-{key}", form.id());
    let help_id = format!("{name}-help");
    view! {
        <fieldset class="choice-field" aria-describedby=help.map(|_| help_id.clone())>
            <legend>{move || legend.get()}</legend>
            <div class="choice-options">
                {options
                    .iter()
                    .map(|&(value, label)| {
                        let id = format!("{name}-{value}");
                        let for_id = id.clone();
                        view! {
                            <label class="choice-option" for=for_id>
                                <input
                                    type="radio"
                                    id=id
                                    name=name.clone()
                                    value=value
                                    prop:checked=move || text.get() == value
                                    on:change=move |_| text.set(value.to_string())
                                />
                                <span>{move || label.get(prefs.locale.get())}</span>
                            </label>
                        }
                    })
                    .collect_view()}
            </div>
            {help.map(|h| view! { <p class="help" id=help_id.clone()>{move || h.get()}</p> })}
        </fieldset>
    }
}
