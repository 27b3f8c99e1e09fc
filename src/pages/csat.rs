//! Customer satisfaction score from answers per score. Formula:
//! [`cadran_core::metrics::csat::csat`].

use crate::components::{ScoreCounts, ThresholdField, SCALES, ChoiceField,
    count_spec, counts, fmt_count, fmt_exact, fmt_percent, FieldLabels, scale_of, scale_spec, score_terms, threshold,
    CalculatorPage, FormulaList, FieldKind, FieldSpec, Fmt, Form, Output, OutputValue, TargetControl, };
use crate::i18n::{describe_problem, tr, use_prefs, Tr};
use crate::kpi::{Kpi, Unit, Values, NEAR_10_PERCENT};
use crate::router::Route;
use cadran_core::locale::format_number;
use cadran_core::metrics::csat::{csat, Csat, CsatInputs};
use cadran_core::metrics::target::Direction;
use cadran_core::{MetricError, Outcome};
use leptos::prelude::*;

/// The form's fields: the scale, the satisfaction threshold and one count
/// per score (1 to 10; those above the scale are ignored).
pub const FIELDS: &[FieldSpec] = &[
    scale_spec("5"),
    FieldSpec::new("satisfied_from", FieldKind::Count, "4")
        .label(tr("Satisfait à partir de la note", "Satisfied from score"))
        .help(tr(
            "D’habitude les deux meilleures notes : 4 sur 5, 6 sur 7, 9 sur 10.",
            "Usually the top two scores: 4 of 5, 6 of 7, 9 of 10.",
        )),
    count_spec(1, "6"),
    count_spec(2, "10"),
    count_spec(3, "20"),
    count_spec(4, "44"),
    count_spec(5, "40"),
    count_spec(6, "0"),
    count_spec(7, "0"),
    count_spec(8, "0"),
    count_spec(9, "0"),
    count_spec(10, "0"),
];

/// The KPIs of this card (see [`crate::kpi`]).
pub const KPIS: &[Kpi] = &[Kpi {
    key: "csat",
    route: Route::Csat,
    form_id: "csat",
    fields: FIELDS,
    label: tr("Satisfaction client (CSAT)", "Customer satisfaction (CSAT)"),
    unit: Unit::Percent,
    direction: Direction::AtLeast,
    near: NEAR_10_PERCENT,
    read: |v| compute(v).map(|c| c.csat.0),
}];

/// The core's inputs from the card's fields, then the core's CSAT.
fn compute(v: &dyn Values) -> Outcome<Csat> {
    let scale = scale_of(v, 5);
    let inputs = CsatInputs { counts: counts(v, scale)?, satisfied_from: threshold(v, "satisfied_from", "satisfied_from")? };
    csat(&inputs)
}

/// The page's texts.
struct Texts {
    intro: Tr,
    definition: Tr,
    answers: Tr,
    source: Tr,
    csat: Tr,
    mean: Tr,
    satisfied: Tr,
    satisfied_note: Tr,
    /// "12 of 20".
    of: Tr,
    formula: Tr,
}

const T: Texts = Texts {
    intro: tr(
        "La part de réponses satisfaites à « Êtes-vous satisfait de… ? », et la note moyenne. Saisissez le nombre de réponses pour chaque note.",
        "The share of satisfied answers to “How satisfied were you with…?”, and the mean score. Enter the number of answers for each score.",
    ),
    definition: tr("Ce qui compte comme satisfait", "What counts as satisfied"),
    answers: tr("Réponses, par note", "Answers, by score"),
    source: tr(
        "Source : Farris, Bendle, Pfeifer et Reibstein, Marketing Metrics, 2e éd., 2010, § 2.7 « Customer Satisfaction » (part des deux meilleures notes) ; note moyenne : méthode de l’American Customer Satisfaction Index.",
        "Source: Farris, Bendle, Pfeifer and Reibstein, Marketing Metrics, 2nd ed., 2010, §2.7 “Customer Satisfaction” (share of the top two boxes); mean score: American Customer Satisfaction Index methodology.",
    ),
    csat: tr("CSAT", "CSAT"),
    mean: tr("Note moyenne", "Mean score"),
    satisfied: tr("Réponses satisfaites", "Satisfied answers"),
    satisfied_note: tr("satisfait", "satisfied"),
    of: tr("{} sur {}", "{} of {}"),
    formula: tr("CSAT = réponses satisfaites ÷ toutes les réponses × 100", "CSAT = satisfied answers ÷ all answers × 100"),
};


/// The CSAT calculator.
#[component]
pub fn CsatPage() -> impl IntoView {
    let prefs = use_prefs();
    let form = Form::new("csat", FIELDS);
    let l = move || prefs.locale.get();
    let scale = Memo::new(move |_| scale_of(&form, 5));
    let result = Memo::new(move |_| compute(&form));
    let from_problem = Signal::derive(move || match result.get() {
        Err(MetricError::Invalid(ie)) if ie.field.0 == "satisfied_from" => {
            Some(describe_problem(&ie.problem, "", prefs.locale.get()))
        }
        _ => None,
    });
    let notes = Signal::derive(move || {
        let from = threshold(&form, "satisfied_from", "satisfied_from").unwrap_or(u32::MAX);
        (1..=10u32).map(|s| (s >= from).then(|| T.satisfied_note.get(l()).to_string())).collect::<Vec<_>>()
    });
    let out = move |show: fn(&Csat, Fmt) -> (String, String)| {
        Signal::derive(move || {
            let f = Fmt::of(prefs);
            OutputValue::from_outcome(result.get(), f, |k, l| FIELDS.label(k, l), |c| show(&c, f))
        })
    };
    let text = move |t: Tr| Signal::derive(move || t.get(l()).to_string());
    let how = move || {
        let f = Fmt::of(prefs);
        let n = |v: u64| fmt_count(v.into(), f);
        match result.get() {
            Ok(c) => {
                let counts = counts(&form, c.scale_max).unwrap_or_default();
                let terms = score_terms(&counts, f);
                vec![
                    format!("CSAT = {} ÷ {} × 100 = {}", n(c.satisfied), n(c.answers), fmt_percent(c.csat, f)),
                    format!("{} = ({terms}) ÷ {} = {}", T.mean.get(f.locale), n(c.answers), format_number(c.mean_score, 2, f.locale)),
                ]
            }
            Err(_) => vec![T.formula.get(f.locale).to_string()],
        }
    };
    view! {
        <CalculatorPage
            route=Route::Csat
            form=form
            intro=T.intro
            source=T.source
            inputs=view! {
                <fieldset>
                    <legend>{move || T.definition.get(l())}</legend>
                    <ChoiceField form=form key="scale" legend=Signal::derive(move || FIELDS.label("scale", l())) options=SCALES />
                    <ThresholdField form=form key="satisfied_from" scale=scale problem=from_problem />
                </fieldset>
                <fieldset>
                    <legend>{move || T.answers.get(l())}</legend>
                    <ScoreCounts form=form scale=scale note=notes />
                </fieldset>
            }
            .into_any()
            results=view! {
                <Output name="csat" primary=true label=text(T.csat)
                    value=out(|c, f| (fmt_percent(c.csat, f), fmt_exact(c.csat.0, f) + " %")) />
                <Output name="mean" label=text(T.mean)
                    value=out(|c, f| (format!("{} / {}", format_number(c.mean_score, 2, f.locale), c.scale_max), fmt_exact(c.mean_score, f))) />
                <Output name="satisfied" label=text(T.satisfied)
                    value=out(|c, f| {
                        let s = T.of.fill(f.locale, &[&fmt_count(c.satisfied.into(), f), &fmt_count(c.answers.into(), f)]);
                        (s.clone(), s)
                    }) />
                <TargetControl kpi=&KPIS[0] form=form />
            }
            .into_any()
            how=view! { <FormulaList name="csat" lines=Signal::derive(how) /> }.into_any()
        />
    }
}
