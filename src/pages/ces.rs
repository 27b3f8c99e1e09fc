//! Customer effort score from answers per score. Formula:
//! [`cadran_core::metrics::ces::ces`].

use crate::components::{
    count_label, count_spec, counts, fmt_count, fmt_exact, fmt_percent, scale_of, threshold, ChoiceField, ChoiceOption, FieldKind,
    FieldSpec, Fmt, Form, NumberField, Output, OutputValue, ScoreCounts, TargetControl, SCALES,
};
use crate::i18n::{describe_problem, field_help, field_label, use_prefs, FieldText};
use crate::kpi::{Kpi, Unit, Values, NEAR_10_PERCENT};
use crate::router::Route;
use cadran_core::locale::{format_number, Locale};
use cadran_core::metrics::ces::{ces, Ces, CesInputs, EasyEnd};
use cadran_core::metrics::target::Direction;
use cadran_core::{MetricError, Outcome};
use leptos::prelude::*;

/// The form's fields: the scale, which end means easy, the easy threshold
/// and one count per score (1 to 10; those above the scale are ignored).
pub const FIELDS: &[FieldSpec] = &[
    FieldSpec::new("scale", FieldKind::Choice, "7"),
    FieldSpec::new("easy_end", FieldKind::Choice, "high"),
    FieldSpec::new("easy_threshold", FieldKind::Count, "5"),
    count_spec(1, "2"),
    count_spec(2, "3"),
    count_spec(3, "5"),
    count_spec(4, "10"),
    count_spec(5, "20"),
    count_spec(6, "35"),
    count_spec(7, "25"),
    count_spec(8, "0"),
    count_spec(9, "0"),
    count_spec(10, "0"),
];

const EASY_ENDS: &[ChoiceOption] = &[
    ("high", "Les notes hautes (« l’entreprise m’a facilité la tâche », CES 2.0)", "High scores (“the company made it easy for me”, CES 2.0)"),
    ("low", "Les notes basses (« quel effort avez-vous dû fournir ? », CES 1.0)", "Low scores (“how much effort did you have to put forth?”, CES 1.0)"),
];

/// The KPIs of this card (see [`crate::kpi`]).
pub const KPIS: &[Kpi] = &[
    Kpi {
        key: "ces",
        route: Route::Ces,
        form_id: "ces",
        fields: FIELDS,
        label: ("Effort client (CES), note moyenne", "Customer effort (CES), mean score"),
        unit: Unit::Score,
        direction: Direction::AtLeast,
        near: NEAR_10_PERCENT,
        read: |v| compute(v).map(|c| c.mean_score),
    },
    Kpi {
        key: "ces_easy",
        route: Route::Ces,
        form_id: "ces",
        fields: FIELDS,
        label: ("Réponses « facile » (CES)", "“Easy” answers (CES)"),
        unit: Unit::Percent,
        direction: Direction::AtLeast,
        near: NEAR_10_PERCENT,
        read: |v| compute(v).map(|c| c.easy_share.0),
    },
];

fn easy_end(v: &dyn Values) -> EasyEnd {
    if v.text("easy_end").trim() == "low" {
        EasyEnd::Low
    } else {
        EasyEnd::High
    }
}

/// The core's inputs from the card's fields, then the core's CES.
fn compute(v: &dyn Values) -> Outcome<Ces> {
    let scale = scale_of(v, 7);
    let inputs = CesInputs {
        counts: counts(v, scale)?,
        easy_end: easy_end(v),
        easy_threshold: threshold(v, "easy_threshold", "easy_threshold")?,
    };
    ces(&inputs)
}

/// The page's texts.
pub struct Texts {
    intro: &'static str,
    scale: &'static str,
    definition: &'static str,
    easy_end: &'static str,
    answers: &'static str,
    results: &'static str,
    reset: &'static str,
    how: &'static str,
    source: &'static str,
    mean: &'static str,
    easy_share: &'static str,
    easy_note: &'static str,
    high_is_easy: &'static str,
    low_is_easy: &'static str,
    labels: &'static [FieldText],
}

const FR: Texts = Texts {
    intro: "Le Customer Effort Score : la note moyenne à la question sur l’effort fourni pour obtenir de l’aide, et la part de réponses « facile ». Saisissez le nombre de réponses pour chaque note.",
    scale: "Échelle des notes",
    definition: "Lecture de l’échelle",
    easy_end: "Quelle extrémité signifie « facile » ?",
    answers: "Réponses, par note",
    results: "Résultats",
    reset: "Rétablir les valeurs par défaut",
    how: "Comment est-ce calculé ?",
    source: "Source : Dixon, Freeman et Toman, « Stop Trying to Delight Your Customers », Harvard Business Review, 2010 (CES 1.0) ; CEB / Gartner, The Effortless Experience, 2013 (CES 2.0 : « l’entreprise m’a facilité la tâche », de 1 = pas du tout d’accord à 7 = tout à fait d’accord).",
    mean: "CES (note moyenne)",
    easy_share: "Réponses « facile »",
    easy_note: "facile",
    high_is_easy: "plus c’est haut, plus c’est facile",
    low_is_easy: "plus c’est bas, plus c’est facile",
    labels: &[
        ("easy_threshold", "Seuil « facile »", "Facile = cette note ou mieux : 5 sur 7 si les notes hautes sont faciles, 3 sur 7 si ce sont les basses."),
        ("scale_max", "Échelle des notes", ""),
    ],
};

const EN: Texts = Texts {
    intro: "The Customer Effort Score: the mean score to the question about the effort it took to get help, and the share of “easy” answers. Enter the number of answers for each score.",
    scale: "Score scale",
    definition: "Reading the scale",
    easy_end: "Which end means “easy”?",
    answers: "Answers, by score",
    results: "Results",
    reset: "Restore defaults",
    how: "How is this computed?",
    source: "Source: Dixon, Freeman and Toman, “Stop Trying to Delight Your Customers”, Harvard Business Review, 2010 (CES 1.0); CEB / Gartner, The Effortless Experience, 2013 (CES 2.0: “the company made it easy for me to handle my issue”, from 1 = strongly disagree to 7 = strongly agree).",
    mean: "CES (mean score)",
    easy_share: "“Easy” answers",
    easy_note: "easy",
    high_is_easy: "higher is easier",
    low_is_easy: "lower is easier",
    labels: &[
        ("easy_threshold", "“Easy” threshold", "Easy = this score or better: 5 of 7 when high scores are easy, 3 of 7 when low ones are."),
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
        Locale::Fr => "Effort client (CES)",
        Locale::En => "Customer effort (CES)",
    }
}

/// A field's label; count fields are "Note 3" / "Score 3".
fn label(key: &str, l: Locale) -> String {
    count_label(key, l).unwrap_or_else(|| field_label(texts(l).labels, key))
}

/// The CES calculator.
#[component]
pub fn CesPage() -> impl IntoView {
    let prefs = use_prefs();
    let form = Form::new("ces", FIELDS);
    let t = move || texts(prefs.locale.get());
    let scale = Memo::new(move |_| scale_of(&form, 7));
    let result = Memo::new(move |_| compute(&form));
    let threshold_problem = Signal::derive(move || match result.get() {
        Err(MetricError::Invalid(ie)) if ie.field.0 == "easy_threshold" => {
            Some(describe_problem(&ie.problem, "", prefs.locale.get()))
        }
        _ => None,
    });
    let notes = Signal::derive(move || {
        let end = easy_end(&form);
        let th = threshold(&form, "easy_threshold", "easy_threshold").ok();
        (1..=10u32)
            .map(|s| {
                let easy = match (th, end) {
                    (Some(th), EasyEnd::High) => s >= th,
                    (Some(th), EasyEnd::Low) => s <= th,
                    (None, _) => false,
                };
                easy.then(|| t().easy_note.to_string())
            })
            .collect::<Vec<_>>()
    });
    let reading = move || if easy_end(&form) == EasyEnd::Low { t().low_is_easy } else { t().high_is_easy };
    let out = move |show: fn(&Ces, Fmt) -> (String, String)| {
        Signal::derive(move || {
            let f = Fmt::of(prefs);
            OutputValue::from_outcome(result.get(), f, label, |c| show(&c, f))
        })
    };
    let how = move || {
        let f = Fmt::of(prefs);
        let n = |v: u64| fmt_count(v.into(), f);
        match result.get() {
            Ok(c) => {
                let counts = counts(&form, c.scale_max).unwrap_or_default();
                let terms = counts.iter().zip(1..).map(|(k, s)| format!("{s} × {}", n(*k))).collect::<Vec<_>>().join(" + ");
                let side = match (c.easy_end, f.locale) {
                    (EasyEnd::High, Locale::Fr) => format!("notes ≥ {}", c.easy_threshold),
                    (EasyEnd::Low, Locale::Fr) => format!("notes ≤ {}", c.easy_threshold),
                    (EasyEnd::High, Locale::En) => format!("scores ≥ {}", c.easy_threshold),
                    (EasyEnd::Low, Locale::En) => format!("scores ≤ {}", c.easy_threshold),
                };
                vec![
                    format!("CES = ({terms}) ÷ {} = {} / {} ({})", n(c.answers), format_number(c.mean_score, 2, f.locale), c.scale_max, reading()),
                    format!("{} ({side}) = {} ÷ {} × 100 = {}", t().easy_share, n(c.easy_answers), n(c.answers), fmt_percent(c.easy_share, f)),
                ]
            }
            Err(_) => vec![match f.locale {
                Locale::Fr => "CES = somme des notes ÷ nombre de réponses".to_string(),
                Locale::En => "CES = sum of scores ÷ number of answers".to_string(),
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
                        <ChoiceField form=form key="easy_end" legend=Signal::derive(move || t().easy_end.to_string()) options=EASY_ENDS />
                        <NumberField
                            form=form
                            key="easy_threshold"
                            label=Signal::derive(move || label("easy_threshold", prefs.locale.get()))
                            unit=Signal::derive(move || format!("/ {}", scale.get()))
                            help=Signal::derive(move || field_help(t().labels, "easy_threshold").unwrap_or_default().to_string())
                            problem=threshold_problem
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
                    <Output name="ces" primary=true label=Signal::derive(move || format!("{} — {}", t().mean, reading()))
                        value=out(|c, f| (format!("{} / {}", format_number(c.mean_score, 2, f.locale), c.scale_max), fmt_exact(c.mean_score, f))) />
                    <Output name="easy_share" label=Signal::derive(move || t().easy_share.to_string())
                        value=out(|c, f| (fmt_percent(c.easy_share, f), fmt_exact(c.easy_share.0, f) + " %")) />
                    <TargetControl kpi=&KPIS[0] form=form />
                    <TargetControl kpi=&KPIS[1] form=form />
                    <details class="how">
                        <summary>{move || t().how}</summary>
                        <ul class="formulas" data-formula="ces">
                            {move || how().into_iter().map(|line| view! { <li>{line}</li> }).collect_view()}
                        </ul>
                        <p class="source">{move || t().source}</p>
                    </details>
                </div>
            </div>
        </section>
    }
}
