//! First contact resolution. Formula: [`cadran_core::metrics::fcr::fcr`].

use crate::components::{
    fmt_count, fmt_exact, fmt_percent, FieldLabels, CalculatorPage, CardField, ChoiceField, ChoiceOption, FieldKind, FieldSpec, Fmt,
    Form, Output, OutputValue, TargetControl,
};
use crate::i18n::{describe_problem, tr, use_prefs, Tr};
use crate::kpi::{Kpi, Unit, Values, NEAR_10_PERCENT};
use crate::router::Route;
use cadran_core::metrics::fcr::{fcr, Fcr, FcrDenominator, FcrInputs};
use cadran_core::metrics::target::Direction;
use cadran_core::{InputError, InputProblem, MetricError};
use leptos::prelude::*;

const CONTACTS: Tr = tr("demandes", "contacts");

/// The form's fields: names are the core's field names.
pub const FIELDS: &[FieldSpec] = &[
    FieldSpec::new("denominator", FieldKind::Choice, "all").label(tr("Sur quelles demandes mesurer ?", "Which requests to measure against?")),
    FieldSpec::new("resolved_first_contact", FieldKind::Count, "720")
        .label(tr("Résolues au premier contact", "Resolved at first contact"))
        .help(tr(
            "Demandes réglées sans suite : ni relance, ni transfert, ni rappel.",
            "Requests settled with no follow-up, transfer or call-back.",
        ))
        .unit(CONTACTS),
    FieldSpec::new("all_contacts", FieldKind::Count, "1000").label(tr("Toutes les premières demandes", "All first contacts")).unit(CONTACTS),
    FieldSpec::new("resolvable_contacts", FieldKind::Count, "900")
        .label(tr("Demandes résolubles au niveau 1", "Contacts level one can resolve"))
        .help(tr(
            "Hors demandes qui doivent être escaladées par nature (remboursement à valider, bogue à corriger).",
            "Leaves out requests that must be escalated by design (refunds needing approval, bugs needing engineers).",
        ))
        .unit(CONTACTS),
];

const DENOMINATORS: &[ChoiceOption] = &[
    ("all", tr("Toutes les premières demandes (FCR brut, le plus courant)", "All first contacts (gross FCR, the most common)")),
    ("resolvable", tr("Seulement celles que le niveau 1 peut résoudre (FCR net)", "Only those level one can resolve (net FCR)")),
];

/// The KPIs of this card (see [`crate::kpi`]).
pub const KPIS: &[Kpi] = &[Kpi {
    key: "fcr",
    route: Route::Fcr,
    form_id: "fcr",
    fields: FIELDS,
    label: tr("Résolution au premier contact (FCR)", "First contact resolution (FCR)"),
    unit: Unit::Percent,
    direction: Direction::AtLeast,
    near: NEAR_10_PERCENT,
    read: |v| fcr(&inputs(v)?).map(|f| f.rate.0),
}];

fn denominator(v: &dyn Values) -> FcrDenominator {
    if v.text("denominator").trim() == "resolvable" {
        FcrDenominator::ResolvableContacts
    } else {
        FcrDenominator::AllContacts
    }
}

/// The core's inputs from the card's fields.
fn inputs(v: &dyn Values) -> Result<FcrInputs, InputError> {
    Ok(FcrInputs {
        resolved_first_contact: v.value("resolved_first_contact")?,
        all_contacts: v.value("all_contacts")?,
        resolvable_contacts: v.value("resolvable_contacts")?,
        denominator: denominator(v),
    })
}

/// The page's texts.
struct Texts {
    intro: Tr,
    definition: Tr,
    contacts: Tr,
    source: Tr,
    fcr: Tr,
    gross: Tr,
    net: Tr,
    formula: Tr,
}

const T: Texts = Texts {
    intro: tr(
        "La part des demandes de clients résolues dès le premier contact, sans relance, transfert ni rappel.",
        "The share of customer requests solved at the first contact, with no follow-up, transfer or call-back.",
    ),
    definition: tr("Définition", "Definition"),
    contacts: tr("Premiers contacts sur la période", "First contacts over the period"),
    source: tr(
        "Source : SQM Group, « First Call Resolution: Definition and Measurement » ; COPC Inc., COPC Customer Experience Standard (FCR brut et net).",
        "Source: SQM Group, “First Call Resolution: Definition and Measurement”; COPC Inc., COPC Customer Experience Standard (gross and net FCR).",
    ),
    fcr: tr("FCR", "FCR"),
    gross: tr("brut : toutes les premières demandes", "gross: all first contacts"),
    net: tr("net : demandes résolubles au niveau 1", "net: contacts level one can resolve"),
    formula: tr(
        "FCR = résolues au premier contact ÷ premières demandes × 100",
        "FCR = resolved at first contact ÷ first contacts × 100",
    ),
};


/// The FCR calculator.
#[component]
pub fn FcrPage() -> impl IntoView {
    let prefs = use_prefs();
    let form = Form::new("fcr", FIELDS);
    let l = move || prefs.locale.get();
    let result = Memo::new(move |_| inputs(&form).map_err(MetricError::from).and_then(|i| fcr(&i)));
    let net = move || denominator(&form) == FcrDenominator::ResolvableContacts;
    let problem = move |key: &'static str| {
        Signal::derive(move || {
            let l = prefs.locale.get();
            match result.get() {
                Err(MetricError::Invalid(ie)) if ie.field.0 == key => {
                    let other = match &ie.problem {
                        InputProblem::Exceeds { other, .. } => FIELDS.label(other.0, l),
                        _ => String::new(),
                    };
                    Some(describe_problem(&ie.problem, &other, l))
                }
                _ => None,
            }
        })
    };
    let field = move |key: &'static str| view! { <CardField form=form key=key problem=problem(key) /> };
    let definition = move || if net() { T.net.get(l()) } else { T.gross.get(l()) };
    let rate = Signal::derive(move || {
        let f = Fmt::of(prefs);
        OutputValue::from_outcome(result.get(), f, |k, l| FIELDS.label(k, l), |r: Fcr| (fmt_percent(r.rate, f), fmt_exact(r.rate.0, f) + " %"))
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
            Err(_) => T.formula.get(f.locale).to_string(),
        }
    };
    view! {
        <CalculatorPage
            route=Route::Fcr
            form=form
            intro=T.intro
            source=T.source
            inputs=view! {
                <fieldset>
                    <legend>{move || T.definition.get(l())}</legend>
                    <ChoiceField
                        form=form
                        key="denominator"
                        legend=Signal::derive(move || FIELDS.label("denominator", l()))
                        options=DENOMINATORS
                    />
                </fieldset>
                <fieldset>
                    <legend>{move || T.contacts.get(l())}</legend>
                    {field("resolved_first_contact")}
                    {field("all_contacts")}
                    <Show when=net>{field("resolvable_contacts")}</Show>
                </fieldset>
            }
            .into_any()
            results=view! {
                <Output name="fcr" primary=true label=Signal::derive(move || format!("{} ({})", T.fcr.get(l()), definition())) value=rate />
                <TargetControl kpi=&KPIS[0] form=form />
            }
            .into_any()
            how=view! { <p class="formulas" data-formula="fcr">{how}</p> }.into_any()
        />
    }
}
