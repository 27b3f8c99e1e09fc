//! Net Promoter Score from answer counts. Formulas: [`cadran_core::metrics::nps`].

use crate::components::{whole, correct_field, FieldLabels, fmt_exact, fmt_percent, CalculatorPage, CardField, FieldKind, FieldSpec, Fmt, Form, Output, OutputValue, TargetControl};
use crate::i18n::{describe_error, describe_problem, tr, use_prefs, Tr};
use crate::kpi::{near_absolute, Kpi, Unit, Values};
use crate::router::Route;
use cadran_core::metrics::target::Direction;
use cadran_core::locale::format_number;
use cadran_core::metrics::nps::{margin_of_error, nps, Nps, NpsCounts};
use cadran_core::{Decimal, Field, InputError, InputProblem, Outcome};
use leptos::prelude::*;

const ANSWERS: Tr = tr("réponses", "answers");

/// The form's fields.
pub const FIELDS: &[FieldSpec] = &[
    FieldSpec::new("promoters", FieldKind::Count, "120")
        .label(tr("Promoteurs", "Promoters"))
        .help(tr("Notes 9 et 10.", "Scores 9 and 10."))
        .unit(ANSWERS),
    FieldSpec::new("passives", FieldKind::Count, "60")
        .label(tr("Passifs", "Passives"))
        .help(tr("Notes 7 et 8.", "Scores 7 and 8."))
        .unit(ANSWERS),
    FieldSpec::new("detractors", FieldKind::Count, "40")
        .label(tr("Détracteurs", "Detractors"))
        .help(tr("Notes 0 à 6.", "Scores 0 to 6."))
        .unit(ANSWERS),
];

/// The page's texts.
struct Texts {
    intro: Tr,
    answers: Tr,
    formula: Tr,
    source: Tr,
    margin: Tr,
    shares: [Tr; 3],
}

const T: Texts = Texts {
    intro: tr(
        "Le Net Promoter Score : la part de promoteurs moins la part de détracteurs, de −100 à +100, à la question « Quelle est la probabilité que vous nous recommandiez ? ».",
        "Net Promoter Score: the share of promoters minus the share of detractors, from −100 to +100, for “How likely are you to recommend us?”.",
    ),
    answers: tr("Réponses, par note de 0 à 10", "Answers, by score from 0 to 10"),
    formula: tr("NPS = % promoteurs − % détracteurs", "NPS = % promoters − % detractors"),
    source: tr(
        "Source : F. Reichheld, « The One Number You Need to Grow », Harvard Business Review, 2003 ; marge d’erreur à 95 % : chaque réponse vaut +1, 0 ou −1 et l’erreur type est celle de cette distribution.",
        "Source: F. Reichheld, “The One Number You Need to Grow”, Harvard Business Review, 2003; 95 % margin of error: each answer counts +1, 0 or −1 and the standard error is that distribution’s.",
    ),
    margin: tr("Marge d’erreur (95 %)", "Margin of error (95 %)"),
    shares: [tr("Promoteurs", "Promoters"), tr("Passifs", "Passives"), tr("Détracteurs", "Detractors")],
};


/// The KPIs of this card (see [`crate::kpi`]).
pub const KPIS: &[Kpi] = &[Kpi {
    key: "nps",
    route: Route::Nps,
    form_id: "nps",
    fields: FIELDS,
    label: tr("NPS", "NPS"),
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
fn count(v: &dyn Values, key: &'static str) -> Result<u64, InputProblem> {
    whole(v.value(key).map_err(|e| e.problem)?)
}

/// The NPS calculator.
#[component]
pub fn NpsPage() -> impl IntoView {
    let prefs = use_prefs();
    let form = Form::new("nps", FIELDS);
    let l = move || prefs.locale.get();
    let counts = Memo::new(move |_| counts(&form).ok());
    let result = Memo::new(move |_| counts.get().map(|c| nps(&c)));
    let margin = Memo::new(move |_| counts.get().map(|c| margin_of_error(&c)));
    let invalid = move || {
        let first_bad = FIELDS.iter().find(|s| count(&form, s.key).is_err()).map_or("", |s| s.key);
        correct_field(form, first_bad, l())
    };
    let field = move |key: &'static str| {
        view! { <CardField form=form key=key problem=Signal::derive(move || count(&form, key).err().map(|p| describe_problem(&p, "", l()))) /> }
    };
    // Every output shows the same reason when a count is unreadable or the core refuses them.
    let shown = move |show: fn(&Nps, usize, Fmt) -> OutputValue, i: usize| {
        Signal::derive(move || {
            let f = Fmt::of(prefs);
            match result.get() {
                None => OutputValue::Reason(invalid()),
                Some(Err(e)) => OutputValue::Reason(describe_error(&e, &|k| FIELDS.label(k, f.locale), f.locale)),
                Some(Ok(r)) => show(&r, i, f),
            }
        })
    };
    let share = move |i: usize| {
        shown(
            |r, i, f| {
                let p = [r.promoters_share, r.passives_share, r.detractors_share][i];
                OutputValue::Value { shown: fmt_percent(p, f), exact: fmt_exact(p.0, f) }
            },
            i,
        )
    };
    let score = shown(|r, _, f| OutputValue::Value { shown: format_number(r.nps, 1, f.locale), exact: fmt_exact(r.nps, f) }, 0);
    let moe = Signal::derive(move || {
        let f = Fmt::of(prefs);
        match margin.get() {
            None => OutputValue::Reason(invalid()),
            Some(Err(e)) => OutputValue::Reason(describe_error(&e, &|k| FIELDS.label(k, f.locale), f.locale)),
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
                T.formula.get(f.locale),
                fmt_percent(r.promoters_share, f),
                fmt_percent(r.detractors_share, f),
                format_number(r.nps, 1, f.locale)
            ),
            _ => T.formula.get(f.locale).to_string(),
        }
    };
    let text = move |t: Tr| Signal::derive(move || t.get(l()).to_string());
    view! {
        <CalculatorPage
            route=Route::Nps
            form=form
            intro=T.intro
            source=T.source
            inputs=view! {
                <fieldset>
                    <legend>{move || T.answers.get(l())}</legend>
                    {field("promoters")}
                    {field("passives")}
                    {field("detractors")}
                </fieldset>
            }
            .into_any()
            results=view! {
                <Output name="nps" primary=true label=Signal::derive(|| "NPS".to_string()) value=score tone=tone />
                <Output name="margin" label=text(T.margin) value=moe />
                <Output name="promoters_share" label=text(T.shares[0]) value=share(0) />
                <Output name="passives_share" label=text(T.shares[1]) value=share(1) />
                <Output name="detractors_share" label=text(T.shares[2]) value=share(2) />
                <TargetControl kpi=&KPIS[0] form=form />
            }
            .into_any()
            how=view! { <p class="formulas" data-formula="nps">{how}</p> }.into_any()
        />
    }
}
