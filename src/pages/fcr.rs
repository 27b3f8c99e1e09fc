//! First contact resolution. Formula: [`cadran_core::metrics::fcr::fcr`].

use crate::components::{
    fmt_count, fmt_exact, fmt_percent, ChoiceField, ChoiceOption, FieldKind, FieldSpec, Fmt, Form, NumberField, Output,
    OutputValue, TargetControl,
};
use crate::i18n::{describe_problem, field_help, field_label, use_prefs, FieldText};
use crate::kpi::{Kpi, Unit, Values, NEAR_10_PERCENT};
use crate::router::Route;
use cadran_core::locale::Locale;
use cadran_core::metrics::fcr::{fcr, Fcr, FcrDenominator, FcrInputs};
use cadran_core::metrics::target::Direction;
use cadran_core::{InputProblem, MetricError};
use leptos::prelude::*;

/// The form's fields: names are the core's field names.
pub const FIELDS: &[FieldSpec] = &[
    FieldSpec::new("denominator", FieldKind::Choice, "all"),
    FieldSpec::new("resolved_first_contact", FieldKind::Count, "720"),
    FieldSpec::new("all_contacts", FieldKind::Count, "1000"),
    FieldSpec::new("resolvable_contacts", FieldKind::Count, "900"),
];

const DENOMINATORS: &[ChoiceOption] = &[
    ("all", "Toutes les premières demandes (FCR brut, le plus courant)", "All first contacts (gross FCR, the most common)"),
    (
        "resolvable",
        "Seulement celles que le niveau 1 peut résoudre (FCR net)",
        "Only those level one can resolve (net FCR)",
    ),
];

/// The KPIs of this card (see [`crate::kpi`]).
pub const KPIS: &[Kpi] = &[Kpi {
    key: "fcr",
    route: Route::Fcr,
    form_id: "fcr",
    fields: FIELDS,
    label: ("Résolution au premier contact (FCR)", "First contact resolution (FCR)"),
    unit: Unit::Percent,
    direction: Direction::AtLeast,
    near: NEAR_10_PERCENT,
    read: |v| fcr(&inputs(v)).map(|f| f.rate.0),
}];

fn denominator(v: &dyn Values) -> FcrDenominator {
    if v.text("denominator").trim() == "resolvable" {
        FcrDenominator::ResolvableContacts
    } else {
        FcrDenominator::AllContacts
    }
}

/// The core's inputs from the card's fields.
fn inputs(v: &dyn Values) -> FcrInputs {
    FcrInputs {
        resolved_first_contact: v.value("resolved_first_contact"),
        all_contacts: v.value("all_contacts"),
        resolvable_contacts: v.value("resolvable_contacts"),
        denominator: denominator(v),
    }
}

/// The page's texts.
pub struct Texts {
    intro: &'static str,
    definition: &'static str,
    denominator: &'static str,
    contacts: &'static str,
    results: &'static str,
    reset: &'static str,
    how: &'static str,
    source: &'static str,
    fcr: &'static str,
    gross: &'static str,
    net: &'static str,
    unit: &'static str,
    labels: &'static [FieldText],
}

const FR: Texts = Texts {
    intro: "La part des demandes de clients résolues dès le premier contact, sans relance, transfert ni rappel.",
    definition: "Définition",
    denominator: "Sur quelles demandes mesurer ?",
    contacts: "Premiers contacts sur la période",
    results: "Résultats",
    reset: "Rétablir les valeurs par défaut",
    how: "Comment est-ce calculé ?",
    source: "Source : SQM Group, « First Call Resolution: Definition and Measurement » ; COPC Inc., COPC Customer Experience Standard (FCR brut et net).",
    fcr: "FCR",
    gross: "brut : toutes les premières demandes",
    net: "net : demandes résolubles au niveau 1",
    unit: "demandes",
    labels: &[
        ("resolved_first_contact", "Résolues au premier contact", "Demandes réglées sans suite : ni relance, ni transfert, ni rappel."),
        ("all_contacts", "Toutes les premières demandes", ""),
        ("resolvable_contacts", "Demandes résolubles au niveau 1", "Hors demandes qui doivent être escaladées par nature (remboursement à valider, bogue à corriger)."),
    ],
};

const EN: Texts = Texts {
    intro: "The share of customer requests solved at the first contact, with no follow-up, transfer or call-back.",
    definition: "Definition",
    denominator: "Which requests to measure against?",
    contacts: "First contacts over the period",
    results: "Results",
    reset: "Restore defaults",
    how: "How is this computed?",
    source: "Source: SQM Group, “First Call Resolution: Definition and Measurement”; COPC Inc., COPC Customer Experience Standard (gross and net FCR).",
    fcr: "FCR",
    gross: "gross: all first contacts",
    net: "net: contacts level one can resolve",
    unit: "contacts",
    labels: &[
        ("resolved_first_contact", "Resolved at first contact", "Requests settled with no follow-up, transfer or call-back."),
        ("all_contacts", "All first contacts", ""),
        ("resolvable_contacts", "Contacts level one can resolve", "Leaves out requests that must be escalated by design (refunds needing approval, bugs needing engineers)."),
    ],
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
        Locale::Fr => "Résolution au premier contact (FCR)",
        Locale::En => "First contact resolution (FCR)",
    }
}

fn label(key: &str, l: Locale) -> String {
    field_label(texts(l).labels, key)
}

/// The FCR calculator.
#[component]
pub fn FcrPage() -> impl IntoView {
    let prefs = use_prefs();
    let form = Form::new("fcr", FIELDS);
    let t = move || texts(prefs.locale.get());
    let result = Memo::new(move |_| fcr(&inputs(&form)));
    let net = move || denominator(&form) == FcrDenominator::ResolvableContacts;
    let problem = move |key: &'static str| {
        Signal::derive(move || {
            let l = prefs.locale.get();
            match result.get() {
                Err(MetricError::Invalid(ie)) if ie.field.0 == key => {
                    let other = match &ie.problem {
                        InputProblem::Exceeds { other, .. } => label(other.0, l),
                        _ => String::new(),
                    };
                    Some(describe_problem(&ie.problem, &other, l))
                }
                _ => None,
            }
        })
    };
    let field = move |key: &'static str| {
        view! {
            <NumberField
                form=form
                key=key
                label=Signal::derive(move || label(key, prefs.locale.get()))
                unit=Signal::derive(move || t().unit.to_string())
                help=Signal::derive(move || field_help(t().labels, key).unwrap_or_default().to_string())
                problem=problem(key)
            />
        }
    };
    let definition = move || if net() { t().net } else { t().gross };
    let rate = Signal::derive(move || {
        let f = Fmt::of(prefs);
        OutputValue::from_outcome(result.get(), f, label, |r: Fcr| (fmt_percent(r.rate, f), fmt_exact(r.rate.0, f) + " %"))
    });
    let how = move || {
        let f = Fmt::of(prefs);
        match result.get() {
            Ok(r) => format!(
                "FCR = {} ÷ {} × 100 = {} ({})",
                fmt_count(r.resolved_first_contact, f),
                fmt_count(r.contacts, f),
                fmt_percent(r.rate, f),
                definition()
            ),
            Err(_) => match f.locale {
                Locale::Fr => "FCR = résolues au premier contact ÷ premières demandes × 100".to_string(),
                Locale::En => "FCR = resolved at first contact ÷ first contacts × 100".to_string(),
            },
        }
    };
    view! {
        <section class="page calculator" aria-labelledby="page-title">
            <div class="page-head">
                <h1 id="page-title">{move || title(prefs.locale.get())}</h1>
                <p class="intro">{move || t().intro}</p>
            </div>
            <div class="calc-grid">
                <form class="inputs" on:submit=|ev| ev.prevent_default()>
                    <fieldset>
                        <legend>{move || t().definition}</legend>
                        <ChoiceField form=form key="denominator" legend=Signal::derive(move || t().denominator.to_string()) options=DENOMINATORS />
                    </fieldset>
                    <fieldset>
                        <legend>{move || t().contacts}</legend>
                        {field("resolved_first_contact")}
                        {field("all_contacts")}
                        <Show when=net>{field("resolvable_contacts")}</Show>
                    </fieldset>
                    <button type="button" class="secondary" on:click=move |_| form.reset()>{move || t().reset}</button>
                </form>
                <div class="results" aria-live="polite">
                    <h2>{move || t().results}</h2>
                    <Output name="fcr" primary=true label=Signal::derive(move || format!("{} ({})", t().fcr, definition())) value=rate />
                    <TargetControl kpi=&KPIS[0] form=form />
                    <details class="how">
                        <summary>{move || t().how}</summary>
                        <p class="formulas" data-formula="fcr">{how}</p>
                        <p class="source">{move || t().source}</p>
                    </details>
                </div>
            </div>
        </section>
    }
}
