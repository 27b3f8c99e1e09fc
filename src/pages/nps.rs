//! Net Promoter Score from answer counts. Formulas: [`cadran_core::metrics::nps`].

use crate::components::{fmt_exact, fmt_percent, FieldKind, FieldSpec, Fmt, Form, NumberField, Output, OutputValue, TargetControl};
use crate::i18n::{describe_error, describe_problem, field_label, use_prefs, FieldText};
use crate::kpi::{near_absolute, Kpi, Unit, Values};
use crate::router::Route;
use cadran_core::metrics::target::Direction;
use cadran_core::locale::{format_number, Locale};
use cadran_core::metrics::nps::{margin_of_error, nps, NpsCounts};
use cadran_core::{Decimal, Field, InputError, InputProblem, Outcome};
use leptos::prelude::*;

/// The form's fields.
pub const FIELDS: &[FieldSpec] = &[
    FieldSpec { key: "promoters", kind: FieldKind::Count, default: "120" },
    FieldSpec { key: "passives", kind: FieldKind::Count, default: "60" },
    FieldSpec { key: "detractors", kind: FieldKind::Count, default: "40" },
];

/// The page's texts.
pub struct Texts {
    intro: &'static str,
    answers: &'static str,
    results: &'static str,
    reset: &'static str,
    how: &'static str,
    formula: &'static str,
    source: &'static str,
    margin: &'static str,
    shares: [&'static str; 3],
    labels: [FieldText; 3],
}

const FR: Texts = Texts {
    intro: "Le Net Promoter Score : la part de promoteurs moins la part de détracteurs, de −100 à +100, à la question « Quelle est la probabilité que vous nous recommandiez ? ».",
    answers: "Réponses, par note de 0 à 10",
    results: "Résultats",
    reset: "Rétablir les valeurs par défaut",
    how: "Comment est-ce calculé ?",
    formula: "NPS = % promoteurs − % détracteurs",
    source: "Source : F. Reichheld, « The One Number You Need to Grow », Harvard Business Review, 2003 ; marge d’erreur à 95 % : chaque réponse vaut +1, 0 ou −1 et l’erreur type est celle de cette distribution.",
    margin: "Marge d’erreur (95 %)",
    shares: ["Promoteurs", "Passifs", "Détracteurs"],
    labels: [
        ("promoters", "Promoteurs", "Notes 9 et 10."),
        ("passives", "Passifs", "Notes 7 et 8."),
        ("detractors", "Détracteurs", "Notes 0 à 6."),
    ],
};

const EN: Texts = Texts {
    intro: "Net Promoter Score: the share of promoters minus the share of detractors, from −100 to +100, for “How likely are you to recommend us?”.",
    answers: "Answers, by score from 0 to 10",
    results: "Results",
    reset: "Restore defaults",
    how: "How is this computed?",
    formula: "NPS = % promoters − % detractors",
    source: "Source: F. Reichheld, “The One Number You Need to Grow”, Harvard Business Review, 2003; 95 % margin of error: each answer counts +1, 0 or −1 and the standard error is that distribution’s.",
    margin: "Margin of error (95 %)",
    shares: ["Promoters", "Passives", "Detractors"],
    labels: [
        ("promoters", "Promoters", "Scores 9 and 10."),
        ("passives", "Passives", "Scores 7 and 8."),
        ("detractors", "Detractors", "Scores 0 to 6."),
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
pub fn title(_l: Locale) -> &'static str {
    "NPS"
}

fn label(key: &str, l: Locale) -> String {
    field_label(&texts(l).labels, key)
}

/// The KPIs of this card (see [`crate::kpi`]).
pub const KPIS: &[Kpi] = &[Kpi {
    key: "nps",
    route: Route::Nps,
    form_id: "nps",
    fields: FIELDS,
    label: ("NPS", "NPS"),
    unit: Unit::Score,
    direction: Direction::AtLeast,
    // NPS sits around zero and changes sign: a band of 5 points, not 10 %.
    near: near_absolute(5),
    read: |v| nps(&counts(v)?).map(|r| r.nps),
}];

/// The three counts as the core's input, or the first field that is wrong.
fn counts(v: &dyn Values) -> Outcome<NpsCounts> {
    let get = |key: &'static str| count(v, key).map_err(|p| InputError::new(Field(key), p));
    Ok(NpsCounts { promoters: get("promoters")?, passives: get("passives")?, detractors: get("detractors")? })
}

/// A count field as the core's `u64`, or what is wrong with it.
fn count(v: &dyn Values, key: &str) -> Result<u64, InputProblem> {
    let v = v.value(key);
    if v.is_sign_negative() {
        return Err(InputProblem::Negative);
    }
    if !v.fract().is_zero() {
        return Err(InputProblem::NotWhole);
    }
    u64::try_from(v).map_err(|_| InputProblem::TooLarge)
}

/// The NPS calculator.
#[component]
pub fn NpsPage() -> impl IntoView {
    let prefs = use_prefs();
    let form = Form::new("nps", FIELDS);
    let t = move || texts(prefs.locale.get());
    let counts = Memo::new(move |_| counts(&form).ok());
    let result = Memo::new(move |_| counts.get().map(|c| nps(&c)));
    let margin = Memo::new(move |_| counts.get().map(|c| margin_of_error(&c)));
    let invalid = move || {
        let l = prefs.locale.get();
        let first_bad = FIELDS.iter().find(|s| count(&form, s.key).is_err()).map_or("", |s| s.key);
        match l {
            Locale::Fr => format!("Corrigez « {} » pour voir ce résultat.", label(first_bad, l)),
            Locale::En => format!("Correct “{}” to see this result.", label(first_bad, l)),
        }
    };
    let field = move |i: usize| {
        let key = FIELDS[i].key;
        view! {
            <NumberField
                form=form
                key=key
                label=Signal::derive(move || label(key, prefs.locale.get()))
                unit=Signal::derive(move || if prefs.locale.get() == Locale::Fr { "réponses" } else { "answers" }.to_string())
                help=Signal::derive(move || t().labels[i].2.to_string())
                problem=Signal::derive(move || count(&form, key).err().map(|p| describe_problem(&p, "", prefs.locale.get())))
            />
        }
    };
    let share = move |i: usize| {
        Signal::derive(move || {
            let f = Fmt::of(prefs);
            match result.get() {
                None => OutputValue::Reason(invalid()),
                Some(Err(e)) => OutputValue::Reason(describe_error(&e, &|k| label(k, f.locale), f.locale)),
                Some(Ok(r)) => {
                    let p = [r.promoters_share, r.passives_share, r.detractors_share][i];
                    OutputValue::Value { shown: fmt_percent(p, f), exact: fmt_exact(p.0, f) }
                }
            }
        })
    };
    let score = Signal::derive(move || {
        let f = Fmt::of(prefs);
        match result.get() {
            None => OutputValue::Reason(invalid()),
            Some(Err(e)) => OutputValue::Reason(describe_error(&e, &|k| label(k, f.locale), f.locale)),
            Some(Ok(r)) => OutputValue::Value { shown: format_number(r.nps, 1, f.locale), exact: fmt_exact(r.nps, f) },
        }
    });
    let moe = Signal::derive(move || {
        let f = Fmt::of(prefs);
        match margin.get() {
            None => OutputValue::Reason(invalid()),
            Some(Err(e)) => OutputValue::Reason(describe_error(&e, &|k| label(k, f.locale), f.locale)),
            Some(Ok(m)) => {
                // Statistics in f64 (see MarginOfError); written to one decimal.
                let v = Decimal::try_from(m.value).unwrap_or_default();
                let (lo, hi) = m.interval();
                let (lo, hi) = (Decimal::try_from(lo).unwrap_or_default(), Decimal::try_from(hi).unwrap_or_default());
                OutputValue::Value {
                    shown: format!(
                        "± {} ({} … {})",
                        format_number(v, 1, f.locale),
                        format_number(lo, 1, f.locale),
                        format_number(hi, 1, f.locale)
                    ),
                    exact: format!("± {v}"),
                }
            }
        }
    });
    let tone = Signal::derive(move || match result.get() {
        Some(Ok(r)) if r.nps > Decimal::ZERO => "good",
        Some(Ok(r)) if r.nps < Decimal::ZERO => "bad",
        _ => "",
    });
    let how = move || {
        let f = Fmt::of(prefs);
        match result.get() {
            Some(Ok(r)) => format!(
                "{} = {} − {} = {}",
                t().formula,
                fmt_percent(r.promoters_share, f),
                fmt_percent(r.detractors_share, f),
                format_number(r.nps, 1, f.locale)
            ),
            _ => t().formula.to_string(),
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
                        <legend>{move || t().answers}</legend>
                        {field(0)}
                        {field(1)}
                        {field(2)}
                    </fieldset>
                    <button type="button" class="secondary" on:click=move |_| form.reset()>{move || t().reset}</button>
                </form>
                <div class="results" aria-live="polite">
                    <h2>{move || t().results}</h2>
                    <Output name="nps" primary=true label=Signal::derive(|| "NPS".to_string()) value=score tone=tone />
                    <Output name="margin" label=Signal::derive(move || t().margin.to_string()) value=moe />
                    <Output name="promoters_share" label=Signal::derive(move || t().shares[0].to_string()) value=share(0) />
                    <Output name="passives_share" label=Signal::derive(move || t().shares[1].to_string()) value=share(1) />
                    <Output name="detractors_share" label=Signal::derive(move || t().shares[2].to_string()) value=share(2) />
                    <TargetControl kpi=&KPIS[0] form=form />
                    <details class="how">
                        <summary>{move || t().how}</summary>
                        <p class="formulas" data-formula="nps">{how}</p>
                        <p class="source">{move || t().source}</p>
                    </details>
                </div>
            </div>
        </section>
    }
}

