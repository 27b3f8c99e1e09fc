//! One result of a calculator: its label and value, or the reason it has none.

use super::Fmt;
use crate::i18n::describe_error;
use cadran_core::locale::Locale;
use cadran_core::Outcome;
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

impl OutputValue {
    /// A core result as an output: `show` writes a value as (shown, exact);
    /// an error becomes words, naming the field to correct through `label`.
    pub fn from_outcome<T>(
        outcome: Outcome<T>,
        f: Fmt,
        label: impl Fn(&str, Locale) -> String,
        show: impl FnOnce(T) -> (String, String),
    ) -> Self {
        match outcome {
            Ok(v) => {
                let (shown, exact) = show(v);
                OutputValue::Value { shown, exact }
            }
            Err(e) => OutputValue::Reason(describe_error(&e, &|k| label(k, f.locale), f.locale)),
        }
    }
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
