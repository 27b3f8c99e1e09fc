//! Customer effort score from answers per score. Formula:
//! [`cadran_core::metrics::ces::ces`].

use crate::components::{ScoreCounts, ThresholdField, SCALES,
    count_spec, counts, fmt_count, fmt_exact, fmt_percent, FieldLabels, scale_of, scale_spec, score_terms, threshold,
    CalculatorPage, FormulaList, ChoiceField, ChoiceOption, FieldKind, FieldSpec, Fmt, Form, Output, OutputValue, TargetControl,
    };
use crate::i18n::{describe_problem, tr, use_prefs, Tr};
use crate::kpi::{Kpi, Unit, Values, NEAR_10_PERCENT};
use crate::router::Route;
use cadran_core::locale::format_number;
use cadran_core::metrics::ces::{ces, Ces, CesInputs, EasyEnd};
use cadran_core::metrics::target::Direction;
use cadran_core::{MetricError, Outcome};
use leptos::prelude::*;

/// The form's fields: the scale, which end means easy, the easy threshold
/// and one count per score (1 to 10; those above the scale are ignored).
pub const FIELDS: &[FieldSpec] = &[
    scale_spec("7"),
    FieldSpec::new("easy_end", FieldKind::Choice, "high").label(tr("Quelle extrémité signifie « facile » ?", "Which end means “easy”?")),
    FieldSpec::new("easy_threshold", FieldKind::Count, "5")
        .label(tr("Seuil « facile »", "“Easy” threshold"))
        .help(tr(
            "Facile = cette note ou mieux : 5 sur 7 si les notes hautes sont faciles, 3 sur 7 si ce sont les basses.",
            "Easy = this score or better: 5 of 7 when high scores are easy, 3 of 7 when low ones are.",
        )),
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
    ("high", tr("Les notes hautes (« l’entreprise m’a facilité la tâche », CES 2.0)", "High scores (“the company made it easy for me”, CES 2.0)")),
    ("low", tr("Les notes basses (« quel effort avez-vous dû fournir ? », CES 1.0)", "Low scores (“how much effort did you have to put forth?”, CES 1.0)")),
];

/// The KPIs of this card (see [`crate::kpi`]).
pub const KPIS: &[Kpi] = &[
    Kpi {
        key: "ces",
        route: Route::Ces,
        form_id: "ces",
        fields: FIELDS,
        label: tr("Effort client (CES), note moyenne", "Customer effort (CES), mean score"),
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
        label: tr("Réponses « facile » (CES)", "“Easy” answers (CES)"),
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
struct Texts {
    intro: Tr,
    definition: Tr,
    answers: Tr,
    source: Tr,
    mean: Tr,
    easy_share: Tr,
    easy_note: Tr,
    high_is_easy: Tr,
    low_is_easy: Tr,
    /// Which scores count as easy, in the formula: "scores ≥ 5".
    easy_side: [Tr; 2],
    formula: Tr,
}

const T: Texts = Texts {
    intro: tr(
        "Le Customer Effort Score : la note moyenne à la question sur l’effort fourni pour obtenir de l’aide, et la part de réponses « facile ». Saisissez le nombre de réponses pour chaque note.",
        "The Customer Effort Score: the mean score to the question about the effort it took to get help, and the share of “easy” answers. Enter the number of answers for each score.",
    ),
    definition: tr("Lecture de l’échelle", "Reading the scale"),
    answers: tr("Réponses, par note", "Answers, by score"),
    source: tr(
        "Source : Dixon, Freeman et Toman, « Stop Trying to Delight Your Customers », Harvard Business Review, 2010 (CES 1.0) ; CEB / Gartner, The Effortless Experience, 2013 (CES 2.0 : « l’entreprise m’a facilité la tâche », de 1 = pas du tout d’accord à 7 = tout à fait d’accord).",
        "Source: Dixon, Freeman and Toman, “Stop Trying to Delight Your Customers”, Harvard Business Review, 2010 (CES 1.0); CEB / Gartner, The Effortless Experience, 2013 (CES 2.0: “the company made it easy for me to handle my issue”, from 1 = strongly disagree to 7 = strongly agree).",
    ),
    mean: tr("CES (note moyenne)", "CES (mean score)"),
    easy_share: tr("Réponses « facile »", "“Easy” answers"),
    easy_note: tr("facile", "easy"),
    high_is_easy: tr("plus c’est haut, plus c’est facile", "higher is easier"),
    low_is_easy: tr("plus c’est bas, plus c’est facile", "lower is easier"),
    easy_side: [tr("notes ≥ {}", "scores ≥ {}"), tr("notes ≤ {}", "scores ≤ {}")],
    formula: tr("CES = somme des notes ÷ nombre de réponses", "CES = sum of scores ÷ number of answers"),
};


/// The CES calculator.
#[component]
pub fn CesPage() -> impl IntoView {
    let prefs = use_prefs();
    let form = Form::new("ces", FIELDS);
    let l = move || prefs.locale.get();
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
                easy.then(|| T.easy_note.get(l()).to_string())
            })
            .collect::<Vec<_>>()
    });
    let reading = move || if easy_end(&form) == EasyEnd::Low { T.low_is_easy.get(l()) } else { T.high_is_easy.get(l()) };
    let text = move |t: Tr| Signal::derive(move || t.get(l()).to_string());
    let out = move |show: fn(&Ces, Fmt) -> (String, String)| {
        Signal::derive(move || {
            let f = Fmt::of(prefs);
            OutputValue::from_outcome(result.get(), f, |k, l| FIELDS.label(k, l), |c| show(&c, f))
        })
    };
    let how = move || {
        let f = Fmt::of(prefs);
        let n = |v: u64| fmt_count(v.into(), f);
        match result.get() {
            Ok(c) => {
                let counts = counts(&form, c.scale_max).unwrap_or_default();
                let terms = score_terms(&counts, f);
                let side = T.easy_side[usize::from(c.easy_end == EasyEnd::Low)].fill(f.locale, &[&c.easy_threshold.to_string()]);
                vec![
                    format!("CES = ({terms}) ÷ {} = {} / {} ({})", n(c.answers), format_number(c.mean_score, 2, f.locale), c.scale_max, reading()),
                    format!("{} ({side}) = {} ÷ {} × 100 = {}", T.easy_share.get(f.locale), n(c.easy_answers), n(c.answers), fmt_percent(c.easy_share, f)),
                ]
            }
            Err(_) => vec![T.formula.get(f.locale).to_string()],
        }
    };
    view! {
        <CalculatorPage
            route=Route::Ces
            form=form
            intro=T.intro
            source=T.source
            inputs=view! {
                <fieldset>
                    <legend>{move || T.definition.get(l())}</legend>
                    <ChoiceField form=form key="scale" legend=Signal::derive(move || FIELDS.label("scale", l())) options=SCALES />
                    <ChoiceField form=form key="easy_end" legend=Signal::derive(move || FIELDS.label("easy_end", l())) options=EASY_ENDS />
                    <ThresholdField form=form key="easy_threshold" scale=scale problem=threshold_problem />
                </fieldset>
                <fieldset>
                    <legend>{move || T.answers.get(l())}</legend>
                    <ScoreCounts form=form scale=scale note=notes />
                </fieldset>
            }
            .into_any()
            results=view! {
                <Output name="ces" primary=true label=Signal::derive(move || format!("{} — {}", T.mean.get(l()), reading()))
                    value=out(|c, f| (format!("{} / {}", format_number(c.mean_score, 2, f.locale), c.scale_max), fmt_exact(c.mean_score, f))) />
                <Output name="easy_share" label=text(T.easy_share)
                    value=out(|c, f| (fmt_percent(c.easy_share, f), fmt_exact(c.easy_share.0, f) + " %")) />
                <TargetControl kpi=&KPIS[0] form=form />
                <TargetControl kpi=&KPIS[1] form=form />
            }
            .into_any()
            how=view! { <FormulaList name="ces" lines=Signal::derive(how) /> }.into_any()
        />
    }
}
