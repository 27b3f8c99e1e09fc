//! Customer satisfaction score from answers per score. Formula:
//! [`cadran_core::metrics::csat::csat`].

use crate::components::{
    count_label, count_spec, counts, fmt_count, fmt_exact, fmt_percent, scale_of, threshold, ChoiceField, FieldKind, FieldSpec, Fmt,
    Form, NumberField, Output, OutputValue, ScoreCounts, TargetControl, SCALES,
};
use crate::i18n::{describe_problem, field_help, field_label, use_prefs, FieldText};
use crate::kpi::{Kpi, Unit, Values, NEAR_10_PERCENT};
use crate::router::Route;
use cadran_core::locale::{format_number, Locale};
use cadran_core::metrics::csat::{csat, Csat, CsatInputs};
use cadran_core::metrics::target::Direction;
use cadran_core::{MetricError, Outcome};
use leptos::prelude::*;

/// The form's fields: the scale, the satisfaction threshold and one count
/// per score (1 to 10; those above the scale are ignored).
pub const FIELDS: &[FieldSpec] = &[
    FieldSpec::new("scale", FieldKind::Choice, "5"),
    FieldSpec::new("satisfied_from", FieldKind::Count, "4"),
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
    label: ("Satisfaction client (CSAT)", "Customer satisfaction (CSAT)"),
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
pub struct Texts {
    intro: &'static str,
    scale: &'static str,
    definition: &'static str,
    answers: &'static str,
    results: &'static str,
    reset: &'static str,
    how: &'static str,
    source: &'static str,
    csat: &'static str,
    mean: &'static str,
    satisfied: &'static str,
    satisfied_note: &'static str,
    of: &'static str,
    labels: &'static [FieldText],
}

const FR: Texts = Texts {
    intro: "La part de réponses satisfaites à « Êtes-vous satisfait de… ? », et la note moyenne. Saisissez le nombre de réponses pour chaque note.",
    scale: "Échelle des notes",
    definition: "Ce qui compte comme satisfait",
    answers: "Réponses, par note",
    results: "Résultats",
    reset: "Rétablir les valeurs par défaut",
    how: "Comment est-ce calculé ?",
    source: "Source : Farris, Bendle, Pfeifer et Reibstein, Marketing Metrics, 2e éd., 2010, § 2.7 « Customer Satisfaction » (part des deux meilleures notes) ; note moyenne : méthode de l’American Customer Satisfaction Index.",
    csat: "CSAT",
    mean: "Note moyenne",
    satisfied: "Réponses satisfaites",
    satisfied_note: "satisfait",
    of: "sur",
    labels: &[
        ("satisfied_from", "Satisfait à partir de la note", "D’habitude les deux meilleures notes : 4 sur 5, 6 sur 7, 9 sur 10."),
        ("scale_max", "Échelle des notes", ""),
    ],
};

const EN: Texts = Texts {
    intro: "The share of satisfied answers to “How satisfied were you with…?”, and the mean score. Enter the number of answers for each score.",
    scale: "Score scale",
    definition: "What counts as satisfied",
    answers: "Answers, by score",
    results: "Results",
    reset: "Restore defaults",
    how: "How is this computed?",
    source: "Source: Farris, Bendle, Pfeifer and Reibstein, Marketing Metrics, 2nd ed., 2010, §2.7 “Customer Satisfaction” (share of the top two boxes); mean score: American Customer Satisfaction Index methodology.",
    csat: "CSAT",
    mean: "Mean score",
    satisfied: "Satisfied answers",
    satisfied_note: "satisfied",
    of: "of",
    labels: &[
        ("satisfied_from", "Satisfied from score", "Usually the top two scores: 4 of 5, 6 of 7, 9 of 10."),
        ("scale_max", "Score scale", ""),
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
        Locale::Fr => "Satisfaction client (CSAT)",
        Locale::En => "Customer satisfaction (CSAT)",
    }
}

/// A field's label; count fields are "Note 3" / "Score 3".
fn label(key: &str, l: Locale) -> String {
    count_label(key, l).unwrap_or_else(|| field_label(texts(l).labels, key))
}

/// The CSAT calculator.
#[component]
pub fn CsatPage() -> impl IntoView {
    let prefs = use_prefs();
    let form = Form::new("csat", FIELDS);
    let t = move || texts(prefs.locale.get());
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
        (1..=10u32).map(|s| (s >= from).then(|| t().satisfied_note.to_string())).collect::<Vec<_>>()
    });
    let out = move |show: fn(&Csat, Fmt, &'static Texts) -> (String, String)| {
        Signal::derive(move || {
            let f = Fmt::of(prefs);
            OutputValue::from_outcome(result.get(), f, label, |c| show(&c, f, texts(f.locale)))
        })
    };
    let how = move || {
        let f = Fmt::of(prefs);
        let n = |v: u64| fmt_count(v.into(), f);
        match result.get() {
            Ok(c) => {
                let counts = counts(&form, c.scale_max).unwrap_or_default();
                let terms = counts.iter().zip(1..).map(|(k, s)| format!("{s} × {}", n(*k))).collect::<Vec<_>>().join(" + ");
                vec![
                    format!("CSAT = {} ÷ {} × 100 = {}", n(c.satisfied), n(c.answers), fmt_percent(c.csat, f)),
                    format!("{} = ({terms}) ÷ {} = {}", t().mean, n(c.answers), format_number(c.mean_score, 2, f.locale)),
                ]
            }
            Err(_) => vec![match f.locale {
                Locale::Fr => "CSAT = réponses satisfaites ÷ toutes les réponses × 100".to_string(),
                Locale::En => "CSAT = satisfied answers ÷ all answers × 100".to_string(),
            }],
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
                        <ChoiceField form=form key="scale" legend=Signal::derive(move || t().scale.to_string()) options=SCALES />
                        <NumberField
                            form=form
                            key="satisfied_from"
                            label=Signal::derive(move || label("satisfied_from", prefs.locale.get()))
                            unit=Signal::derive(move || format!("/ {}", scale.get()))
                            help=Signal::derive(move || field_help(t().labels, "satisfied_from").unwrap_or_default().to_string())
                            problem=from_problem
                        />
                    </fieldset>
                    <fieldset>
                        <legend>{move || t().answers}</legend>
                        <ScoreCounts form=form scale=scale note=notes />
                    </fieldset>
                    <button type="button" class="secondary" on:click=move |_| form.reset()>{move || t().reset}</button>
                </form>
                <div class="results" aria-live="polite">
                    <h2>{move || t().results}</h2>
                    <Output name="csat" primary=true label=Signal::derive(move || t().csat.to_string())
                        value=out(|c, f, _| (fmt_percent(c.csat, f), fmt_exact(c.csat.0, f) + " %")) />
                    <Output name="mean" label=Signal::derive(move || t().mean.to_string())
                        value=out(|c, f, _| (format!("{} / {}", format_number(c.mean_score, 2, f.locale), c.scale_max), fmt_exact(c.mean_score, f))) />
                    <Output name="satisfied" label=Signal::derive(move || t().satisfied.to_string())
                        value=out(|c, f, t| {
                            let s = format!("{} {} {}", fmt_count(c.satisfied.into(), f), t.of, fmt_count(c.answers.into(), f));
                            (s.clone(), s)
                        }) />
                    <TargetControl kpi=&KPIS[0] form=form />
                    <details class="how">
                        <summary>{move || t().how}</summary>
                        <ul class="formulas" data-formula="csat">
                            {move || how().into_iter().map(|line| view! { <li>{line}</li> }).collect_view()}
                        </ul>
                        <p class="source">{move || t().source}</p>
                    </details>
                </div>
            </div>
        </section>
    }
}
