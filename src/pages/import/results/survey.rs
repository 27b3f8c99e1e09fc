//! Survey answers → NPS, CSAT or CES by scale, the distribution of scores,
//! the score by month and by segment, with the margin of error.
//! Formulas: [`cadran_core::ingest::kpis::survey_score`].

use super::{month_label, month_short, reason, Handoff};
use crate::i18n::tr;
use crate::charts::bars::{Bar, BarChart};
use crate::charts::trend::{Point, TrendChart};
use crate::components::{fmt_percent, Fmt, Output, OutputValue};
use crate::i18n::use_prefs;
use crate::router::Route;
use cadran_core::ingest::date::YearMonth;
use cadran_core::ingest::export::{Cell, Table};
use cadran_core::ingest::kpis::{survey_score, SurveyScore};
use cadran_core::ingest::survey::{Distribution, Scale, SurveyReport};
use cadran_core::ingest::{DatasetReport, Report};
use cadran_core::locale::{format_number, Locale};
use cadran_core::{Decimal, Outcome};
use leptos::prelude::*;
use std::sync::Arc;

/// The answers of the chosen segment (or all).
#[derive(Clone, PartialEq)]
struct Chosen {
    scale: Scale,
    overall: Distribution,
    by_month: Vec<(YearMonth, Distribution)>,
    /// Score per segment (only for "all segments").
    segments: Vec<(String, Distribution)>,
}

fn choose(s: &SurveyReport, seg: Option<&str>) -> Chosen {
    let one = seg.and_then(|n| s.by_segment.iter().find(|x| x.segment == n));
    match one {
        Some(x) => Chosen { scale: s.scale, overall: x.overall, by_month: x.by_month.clone(), segments: Vec::new() },
        None => Chosen {
            scale: s.scale,
            overall: s.overall,
            by_month: s.by_month.clone(),
            segments: s.by_segment.iter().map(|x| (x.segment.clone(), x.overall)).collect(),
        },
    }
}

fn metric_name(scale: Scale) -> &'static str {
    match scale {
        Scale::ZeroToTen => "NPS",
        Scale::OneToFive => "CSAT",
        Scale::OneToSeven => "CES",
    }
}

/// The headline as written: NPS in points, CSAT in %, CES as "5,4 / 7".
fn headline_text(scale: Scale, v: Outcome<Decimal>, f: Fmt) -> Result<String, String> {
    match v {
        Ok(v) => Ok(match scale {
            Scale::ZeroToTen => format_number(v, 1, f.locale),
            Scale::OneToFive => fmt_percent(cadran_core::Percent(v), f),
            Scale::OneToSeven => format!("{} / 7", format_number(v, 2, f.locale)),
        }),
        Err(e) => Err(reason(&e, f.locale)),
    }
}

fn unit(scale: Scale, l: Locale) -> String {
    match scale {
        Scale::ZeroToTen => tr("NPS, points de −100 à 100", "NPS, points from −100 to 100").get(l).into(),
        Scale::OneToFive => tr("CSAT, % de satisfaits (4 ou 5 sur 5)", "CSAT, % satisfied (4 or 5 of 5)").get(l).into(),
        Scale::OneToSeven => tr("CES, note moyenne sur 7", "CES, mean score out of 7").get(l).into(),
    }
}

/// The margin of error as written: "± 7,8 points (72,2 … 87,8)".
fn margin_text(s: &SurveyScore, l: Locale) -> Result<String, String> {
    let d = |x: f64| format_number(Decimal::try_from(x).unwrap_or_default(), 1, l);
    let (v, (lo, hi)) = match s {
        SurveyScore::Nps { margin, .. } => margin.as_ref().map(|m| (m.value, m.interval())).map_err(|e| reason(e, l))?,
        SurveyScore::Csat { margin, .. } | SurveyScore::Ces { margin, .. } => {
            margin.as_ref().map(|m| (m.value, m.interval())).map_err(|e| reason(e, l))?
        }
    };
    let what = match s {
        SurveyScore::Ces { .. } => tr(" sur la part de réponses « facile »", " on the share of “easy” answers").get(l),
        _ => "",
    };
    Ok(format!("± {} points ({} … {}){what}", d(v), d(lo), d(hi)))
}

fn scores(scale: Scale) -> std::ops::RangeInclusive<usize> {
    let (lo, hi) = scale.bounds();
    usize::from(lo)..=usize::from(hi)
}

/// Survey results.
#[component]
pub fn SurveyResults(report: Signal<Option<Arc<Report>>>, segment: Signal<Option<String>>) -> impl IntoView {
    let prefs = use_prefs();
    let l = move || prefs.locale.get();
    let chosen = Memo::new(move |_| {
        let seg = segment.get();
        report.with(|r| match r.as_deref().map(|r| &r.data) {
            Some(DatasetReport::Survey(s)) => Some(choose(s, seg.as_deref())),
            _ => None,
        })
    });
    let scale = move || chosen.with(|c| c.as_ref().map_or(Scale::ZeroToTen, |c| c.scale));
    let score = Memo::new(move |_| chosen.with(|c| c.as_ref().map(|c| survey_score(c.scale, &c.overall))));
    let headline = Signal::derive(move || {
        let f = Fmt::of(prefs);
        match score.get() {
            Some(s) => match headline_text(scale(), s.headline(), f) {
                Ok(t) => OutputValue::Value { exact: s.headline().map(|v| v.normalize().to_string()).unwrap_or_default(), shown: t },
                Err(why) => OutputValue::Reason(why),
            },
            None => OutputValue::Reason(String::new()),
        }
    });
    let margin = Signal::derive(move || match score.get().map(|s| margin_text(&s, l())) {
        Some(Ok(t)) => OutputValue::Value { exact: t.clone(), shown: t },
        Some(Err(why)) => OutputValue::Reason(why),
        None => OutputValue::Reason(String::new()),
    });
    let answers = Signal::derive(move || {
        let n = chosen.with(|c| c.as_ref().map_or(0, |c| c.overall.total()));
        let t = format_number(Decimal::from(n), 0, l());
        OutputValue::Value { exact: t.clone(), shown: t }
    });
    let nps_groups = move || {
        let f = Fmt::of(prefs);
        match score.get() {
            Some(SurveyScore::Nps { score: Ok(n), .. }) => Some(format!(
                "{} {} ({}) · {} {} ({}) · {} {} ({})",
                tr("promoteurs", "promoters").get(f.locale), n.counts.promoters, fmt_percent(n.promoters_share, f),
                tr("passifs", "passives").get(f.locale), n.counts.passives, fmt_percent(n.passives_share, f),
                tr("détracteurs", "detractors").get(f.locale), n.counts.detractors, fmt_percent(n.detractors_share, f),
            )),
            _ => None,
        }
    };
    let distribution = Signal::derive(move || {
        let loc = l();
        chosen.with(|c| {
            c.as_ref().map_or_else(Vec::new, |c| {
                scores(c.scale)
                    .map(|s| {
                        let n = c.overall.counts.get(s).copied().unwrap_or(0);
                        Bar { label: s.to_string(), value: Decimal::from(n), shown: format_number(Decimal::from(n), 0, loc) }
                    })
                    .collect()
            })
        })
    });
    let trend = Signal::derive(move || {
        let f = Fmt::of(prefs);
        chosen.with(|c| {
            c.as_ref().map_or_else(Vec::new, |c| {
                c.by_month
                    .iter()
                    .map(|(m, d)| {
                        let v = survey_score(c.scale, d).headline();
                        let shown = match headline_text(c.scale, v.clone(), f) {
                            Ok(t) => format!("{t} ({} {})", d.total(), tr("réponses", "answers").get(f.locale)),
                            Err(why) => why,
                        };
                        Point { label: month_label(*m, f.locale), short: month_short(*m), value: v.ok(), shown }
                    })
                    .collect()
            })
        })
    });
    let by_segment = Signal::derive(move || {
        let f = Fmt::of(prefs);
        chosen.with(|c| {
            c.as_ref().map_or_else(Vec::new, |c| {
                c.segments
                    .iter()
                    .map(|(name, d)| {
                        let v = survey_score(c.scale, d).headline();
                        let shown = headline_text(c.scale, v.clone(), f).unwrap_or_else(|why| why);
                        Bar { label: name.clone(), value: v.unwrap_or_default(), shown: format!("{shown} · n = {}", d.total()) }
                    })
                    .collect()
            })
        })
    });
    view! {
        <div class="results-grid" data-dataset="survey">
            <div class="results-kpis">
                <Output name="survey_score" primary=true label=Signal::derive(move || metric_name(scale()).to_string()) value=headline />
                <Output name="survey_margin" label=Signal::derive(move || tr("Marge d’erreur (95 %)", "Margin of error (95 %)").get(l()).to_string()) value=margin />
                <Output name="survey_answers" label=Signal::derive(move || tr("Réponses", "Answers").get(l()).to_string()) value=answers />
                {move || nps_groups().map(|t| view! { <p class="results-detail">{t}</p> })}
            </div>
            <BarChart
                id="survey-distribution"
                title=Signal::derive(move || tr("Répartition des notes", "Distribution of scores").get(l()).to_string())
                unit=Signal::derive(move || tr("réponses", "answers").get(l()).to_string())
                label_header=Signal::derive(move || tr("Note", "Score").get(l()).to_string())
                bars=distribution
            />
            <Show when=move || trend.with(|t| !t.is_empty())>
                <TrendChart
                    id="survey-trend"
                    title=Signal::derive(move || format!("{} {}", metric_name(scale()), tr("par mois", "by month").get(l())))
                    unit=Signal::derive(move || unit(scale(), l()))
                    points=trend
                    month_header=Signal::derive(move || tr("Mois", "Month").get(l()).to_string())
                    locale=Signal::derive(l)
                    table_label=Signal::derive(move || tr("Voir le tableau", "Show the table").get(l()).to_string())
                />
            </Show>
            <Show when=move || by_segment.with(|t| !t.is_empty())>
                <BarChart
                    id="survey-segments"
                    title=Signal::derive(move || format!("{} {}", metric_name(scale()), tr("par segment", "by segment").get(l())))
                    unit=Signal::derive(move || unit(scale(), l()))
                    value_header=Signal::derive(move || metric_name(scale()).to_string())
                    label_header=Signal::derive(move || tr("Segment", "Segment").get(l()).to_string())
                    bars=by_segment
                />
            </Show>
        </div>
    }
}

fn score_cells(scale: Scale, d: &Distribution, l: Locale) -> (Cell, Cell) {
    let s = survey_score(scale, d);
    let v = s.headline().map_or_else(|e| Cell::Text(reason(&e, l)), |v| Cell::Number(v.round_dp(2)));
    let m = match &s {
        SurveyScore::Nps { margin, .. } => margin.as_ref().ok().map(|m| m.value),
        SurveyScore::Csat { margin, .. } | SurveyScore::Ces { margin, .. } => margin.as_ref().ok().map(|m| m.value),
    };
    (v, m.and_then(|x| Decimal::try_from(x).ok()).map_or(Cell::Empty, |x| Cell::Number(x.round_dp(1))))
}

/// The tables of the CSV export.
pub(super) fn tables(s: &SurveyReport, seg: Option<&str>, l: Locale) -> Vec<Table> {
    let c = choose(s, seg);
    let name = metric_name(c.scale).to_string();
    let margin = tr("Marge d’erreur 95 % (points)", "95 % margin of error (points)").get(l).to_string();
    let answers = tr("Réponses", "Answers").get(l).to_string();
    let (v, m) = score_cells(c.scale, &c.overall, l);
    let mut out = vec![Table {
        title: format!("{name} — {}", seg.unwrap_or(tr("tous les segments", "all segments").get(l))),
        headers: vec![answers.clone(), name.clone(), margin.clone()],
        rows: vec![vec![Cell::Number(c.overall.total().into()), v, m]],
    }];
    out.push(Table {
        title: tr("Répartition des notes", "Distribution of scores").get(l).into(),
        headers: vec![tr("Note", "Score").get(l).into(), answers.clone()],
        rows: scores(c.scale).map(|i| vec![Cell::Number(i.into()), Cell::Number(c.overall.counts.get(i).copied().unwrap_or(0).into())]).collect(),
    });
    let rows = |items: Vec<(String, Distribution)>| -> Vec<Vec<Cell>> {
        items
            .into_iter()
            .map(|(k, d)| {
                let (v, m) = score_cells(c.scale, &d, l);
                vec![Cell::Text(k), Cell::Number(d.total().into()), v, m]
            })
            .collect()
    };
    if !c.by_month.is_empty() {
        out.push(Table {
            title: format!("{name} {}", tr("par mois", "by month").get(l)),
            headers: vec![tr("Mois", "Month").get(l).into(), answers.clone(), name.clone(), margin.clone()],
            rows: rows(c.by_month.iter().map(|(m, d)| (m.to_string(), *d)).collect()),
        });
    }
    if !c.segments.is_empty() {
        out.push(Table {
            title: format!("{name} {}", tr("par segment", "by segment").get(l)),
            headers: vec!["Segment".into(), answers, name, margin],
            rows: rows(c.segments.clone()),
        });
    }
    out
}

/// NPS answers go to the NPS card as promoters, passives and detractors.
pub(super) fn handoff(s: &SurveyReport, seg: Option<&str>) -> Handoff {
    let c = choose(s, seg);
    match survey_score(c.scale, &c.overall) {
        SurveyScore::Nps { score: Ok(n), .. } => Handoff {
            forms: vec![(
                "nps",
                Route::Nps,
                vec![
                    ("promoters", n.counts.promoters.into()),
                    ("passives", n.counts.passives.into()),
                    ("detractors", n.counts.detractors.into()),
                ],
            )],
            scenario: Vec::new(),
        },
        _ => Handoff::default(),
    }
}
