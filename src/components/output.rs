//! One result of a calculator: its label and value, or the reason it has none.

use leptos::prelude::*;

/// What an output shows: a rounded value with the exact one for the hover
/// title, or a sentence saying why there is no value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OutputValue {
    /// A value: what is shown, and the exact value.
    Value {
        /// Rounded, with unit.
        shown: String,
        /// Every digit.
        exact: String,
    },
    /// No value, and why, in words.
    Reason(String),
}

/// A labelled result. `tone` adds a class (`good`, `bad`) for colour, always
/// doubled by the text itself.
#[component]
pub fn Output(
    #[prop(into)] label: Signal<String>,
    #[prop(into)] value: Signal<OutputValue>,
    /// Identifier used by tests and the report, e.g. `"roi"`.
    name: &'static str,
    #[prop(optional)] primary: bool,
    #[prop(into, optional)] tone: Option<Signal<&'static str>>,
) -> impl IntoView {
    let label_id = format!("out-{name}-label");
    view! {
        <div class="output" class:primary=primary data-output=name>
            <span class="output-label" id=label_id.clone()>{move || label.get()}</span>
            {move || match value.get() {
                OutputValue::Value { shown, exact } => {
                    let tone = tone.map(|t| t.get()).unwrap_or("");
                    view! {
                        <span class=format!("output-value {tone}") title=exact aria-labelledby=label_id.clone()>
                            {shown}
                        </span>
                    }
                        .into_any()
                }
                OutputValue::Reason(why) => {
                    view! { <span class="output-reason" aria-labelledby=label_id.clone()>{why}</span> }.into_any()
                }
            }}
        </div>
    }
}
