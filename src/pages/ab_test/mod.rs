//! A/B tests: did version B really do better than A, and how long must a
//! test run? Formulas: [`cadran_core::metrics::ab_test`] (`report` for the
//! reading, `plan_test` for the plan, `winning_lead` for the sequential rule).

mod from_cards;
mod words;

use crate::components::{correct_field, fmt_money, fmt_percent, CalculatorPage, CardField, ChoiceField, ChoiceOption, FieldKind, FieldLabels, FieldSpec, Fmt, Form, Output, OutputValue};
use crate::i18n::{describe_error, tr, use_prefs, Tr};
use crate::kpi::{near_absolute, Kpi, Unit, Values};
use crate::router::Route;
use cadran_core::locale::format_number;
use cadran_core::metrics::ab_test::{
    plan_test, report, sequential::winning_lead, AbInputs, AbReport, AbVerdict, Confidence, Mde, MoneyInputs, PlanInputs, RevenueGroup, RevenuePair, Sides,
};
use cadran_core::metrics::target::Direction;
use cadran_core::{Decimal, InputError, Percent};
use leptos::prelude::*;
use words::{p_is, p_value, points, probability, stat, test_used, verdict, T};

const VISITORS: Tr = tr("visiteurs", "visitors");
const CONVERSIONS: Tr = tr("conversions", "conversions");

/// The form's fields. The optional parts (revenue, money) start empty: an
/// empty part is "not given", never zero.
pub const FIELDS: &[FieldSpec] = &[
    FieldSpec::new("visitors_a", FieldKind::Count, "10000").label(tr("Visiteurs de A (contrôle)", "Visitors of A (control)")).unit(VISITORS),
    FieldSpec::new("conversions_a", FieldKind::Count, "500").label(tr("Conversions de A", "Conversions of A")).unit(CONVERSIONS),
    FieldSpec::new("visitors_b", FieldKind::Count, "10000").label(tr("Visiteurs de B (variante)", "Visitors of B (variant)")).unit(VISITORS),
    FieldSpec::new("conversions_b", FieldKind::Count, "580").label(tr("Conversions de B", "Conversions of B")).unit(CONVERSIONS),
    FieldSpec::new("confidence", FieldKind::Choice, "95").label(tr("Niveau de confiance", "Confidence level")),
    FieldSpec::new("sides", FieldKind::Choice, "two").label(tr("Ce que le test cherche", "What the test looks for")),
    FieldSpec::new("intended_share_a", FieldKind::Percent, "50")
        .label(tr("Part du trafic prévue pour A", "Share of traffic meant for A"))
        .help(tr("50 % pour une répartition égale.", "50 % for an even split.")),
    FieldSpec::new("revenue_mean_a", FieldKind::Money, "").label(tr("Revenu moyen par visiteur de A", "Mean revenue per visitor of A")).optional(),
    FieldSpec::new("revenue_sd_a", FieldKind::Money, "").label(tr("Écart type du revenu de A", "Standard deviation of A’s revenue")).optional(),
    FieldSpec::new("revenue_mean_b", FieldKind::Money, "").label(tr("Revenu moyen par visiteur de B", "Mean revenue per visitor of B")).optional(),
    FieldSpec::new("revenue_sd_b", FieldKind::Money, "").label(tr("Écart type du revenu de B", "Standard deviation of B’s revenue")).optional(),
    FieldSpec::new("monthly_visitors", FieldKind::Count, "").label(tr("Visiteurs par mois", "Visitors a month")).unit(VISITORS).optional(),
    FieldSpec::new("arpa", FieldKind::Money, "").label(tr("ARPA (revenu par client et par mois)", "ARPA (revenue per customer a month)")).optional(),
    FieldSpec::new("clv", FieldKind::Money, "").label(tr("CLV (valeur vie client)", "CLV (customer lifetime value)")).optional(),
    FieldSpec::new("plan_baseline", FieldKind::Percent, "5").label(tr("Conversion actuelle", "Current conversion rate")),
    FieldSpec::new("plan_mde", FieldKind::Percent, "1")
        .label(tr("Écart minimal à détecter", "Minimum detectable effect"))
        .help(tr("En points (absolu) ou en % de la conversion actuelle (relatif).", "In points (absolute) or in % of the current rate (relative).")),
    FieldSpec::new("plan_mde_kind", FieldKind::Choice, "absolute").label(tr("L’écart minimal est", "The minimum effect is")),
    FieldSpec::new("plan_power", FieldKind::Percent, "80").label(tr("Puissance", "Power")).help(tr("80 % d’habitude.", "Usually 80 %.")),
    FieldSpec::new("plan_traffic", FieldKind::Count, "2000").label(tr("Visiteurs par jour (les deux versions)", "Visitors a day (both versions)")).unit(VISITORS),
];

const CONFIDENCES: &[ChoiceOption] = &[("90", tr("90 %", "90 %")), ("95", tr("95 %", "95 %")), ("99", tr("99 %", "99 %"))];
const SIDES: &[ChoiceOption] = &[
    ("two", tr("Une différence, dans un sens ou dans l’autre (bilatéral)", "A difference either way (two-sided)")),
    ("one", tr("Seulement si B est meilleure (unilatéral)", "Only whether B is better (one-sided)")),
];
const MDE_KINDS: &[ChoiceOption] = &[("absolute", tr("en points", "in points")), ("relative", tr("en % de la conversion", "in % of the rate"))];

/// The KPIs of this card: B's lift over A, in points, exact.
pub const KPIS: &[Kpi] = &[Kpi {
    key: "ab_lift",
    route: Route::AbTest,
    form_id: "ab_test",
    fields: FIELDS,
    label: tr("Écart de conversion B − A (A/B)", "Conversion lift B − A (A/B)"),
    unit: Unit::Percent,
    direction: Direction::AtLeast,
    near: near_absolute(1),
    read: |v| report(&inputs(v)?).conversion.map(|t| t.rate_b.0 - t.rate_a.0),
}];

fn confidence_of(v: &dyn Values) -> Confidence {
    match v.text("confidence").as_str() {
        "90" => Confidence::Ninety,
        "99" => Confidence::NinetyNine,
        _ => Confidence::NinetyFive,
    }
}

fn sides_of(v: &dyn Values) -> Sides {
    if v.text("sides") == "one" { Sides::OneSided } else { Sides::TwoSided }
}

/// An optional part is given when any of its fields has text.
fn given(v: &dyn Values, keys: &[&str]) -> bool {
    keys.iter().any(|k| !v.text(k).trim().is_empty())
}

/// The core's input, or the first field that cannot be read.
fn inputs(v: &dyn Values) -> Result<AbInputs, InputError> {
    let revenue = if given(v, &["revenue_mean_a", "revenue_sd_a", "revenue_mean_b", "revenue_sd_b"]) {
        let group = |mean, sd| -> Result<RevenueGroup, InputError> {
            Ok(RevenueGroup { visitors: Decimal::ZERO, mean: v.value(mean)?, std_dev: v.value(sd)? })
        };
        Some(RevenuePair { a: group("revenue_mean_a", "revenue_sd_a")?, b: group("revenue_mean_b", "revenue_sd_b")? })
    } else {
        None
    };
    let money = if given(v, &["monthly_visitors", "arpa", "clv"]) {
        let clv = if v.text("clv").trim().is_empty() { None } else { Some(v.value("clv")?) };
        Some(MoneyInputs { monthly_visitors: v.value("monthly_visitors")?, arpa: v.value("arpa")?, clv })
    } else {
        None
    };
    Ok(AbInputs {
        visitors_a: v.value("visitors_a")?,
        conversions_a: v.value("conversions_a")?,
        visitors_b: v.value("visitors_b")?,
        conversions_b: v.value("conversions_b")?,
        confidence: confidence_of(v),
        sides: sides_of(v),
        intended_share_a: Percent(v.value("intended_share_a")?),
        revenue,
        money,
    })
}

fn plan_inputs(v: &dyn Values) -> Result<PlanInputs, InputError> {
    let mde = Percent(v.value("plan_mde")?);
    Ok(PlanInputs {
        baseline: Percent(v.value("plan_baseline")?),
        mde: if v.text("plan_mde_kind") == "relative" { Mde::Relative(mde) } else { Mde::Absolute(mde) },
        confidence: confidence_of(v),
        sides: sides_of(v),
        power: Percent(v.value("plan_power")?),
        traffic_per_day: v.value("plan_traffic")?,
    })
}

/// The A/B-test card.
#[component]
pub fn AbTestPage() -> impl IntoView {
    let prefs = use_prefs();
    let form = Form::new("ab_test", FIELDS);
    let l = move || prefs.locale.get();
    // One report per keystroke: every output below reads this memo.
    let read = Memo::new(move |_| inputs(&form));
    let result: Memo<Result<AbReport, InputError>> = Memo::new(move |_| read.get().map(|i| report(&i)));
    let plan = Memo::new(move |_| plan_inputs(&form).map_err(Into::into).and_then(|p| plan_test(&p)));
    let why = move |e: &cadran_core::MetricError, l| describe_error(e, &|k| FIELDS.label(k, l), l);
    // A part's value, or the field to correct, or why the part is undefined.
    let part = move |pick: fn(&AbReport, Fmt) -> Option<Result<String, cadran_core::MetricError>>| {
        Signal::derive(move || {
            let f = Fmt::of(prefs);
            match result.get() {
                Err(e) => OutputValue::Reason(correct_field(form, e.field.0, f.locale)),
                Ok(r) => match pick(&r, f) {
                    None => OutputValue::Reason(T.not_given.get(f.locale).to_string()),
                    Some(Ok(s)) => OutputValue::Value { shown: s.clone(), exact: s },
                    Some(Err(e)) => OutputValue::Reason(why(&e, f.locale)),
                },
            }
        })
    };
    let verdict_v = part(|r, f| Some(r.verdict.clone().map(|v| verdict(&v, f.locale))));
    let rate_a = part(|r, f| Some(r.conversion.clone().map(|t| fmt_percent(t.rate_a, f))));
    let rate_b = part(|r, f| Some(r.conversion.clone().map(|t| fmt_percent(t.rate_b, f))));
    let lift = part(|r, f| Some(r.conversion.clone().map(|t| {
        let i = t.absolute_lift;
        format!("{} ({} … {})", points(i.estimate, f.locale), points(i.low, f.locale), points(i.high, f.locale))
    })));
    let relative = part(|r, f| Some(r.conversion.clone().map(|t| match t.relative_lift {
        Ok(i) => format!("{} % ({} … {})", points(i.estimate, f.locale), points(i.low, f.locale), points(i.high, f.locale)),
        Err(u) => crate::i18n::describe_undefined(&u, f.locale),
    })));
    let p = part(|r, f| Some(r.conversion.clone().map(|t| format!("{} — {}", p_value(t.p_value, f.locale), test_used(t.test, f.locale)))));
    let bayes = part(|r, f| Some(r.bayes.clone().map(|b| probability(b.prob_b_beats_a, f.locale))));
    let loss = part(|r, f| Some(r.bayes.clone().map(|b| format!("{} {}", stat(b.expected_loss_b, 3, f.locale), tr("point", "point").get(f.locale)))));
    let split = part(|r, f| {
        Some(r.srm.clone().map(|s| {
            if s.mismatch {
                tr("faussée ({})", "broken ({})").fill(f.locale, &[&p_is(s.p_value, f.locale)])
            } else {
                {
                    let intended = s.expected_a / (s.expected_a + s.expected_b) * 100.0;
                    let intended = Decimal::try_from(intended).map_or_else(|_| "—".into(), |d| cadran_core::locale::format_percent(d, 0, f.locale));
                    T.split_ok.fill(f.locale, &[&fmt_percent(s.observed_share_a, f), &intended])
                }
            }
        }))
    });
    let revenue = part(|r, f| {
        r.revenue.clone().map(|o| {
            o.map(|w| {
                let d = |x: f64| Decimal::try_from(x).map_or_else(|_| "—".into(), |d| fmt_money(d, f));
                format!("{} ({} … {}), {}", d(w.difference.estimate), d(w.difference.low), d(w.difference.high), p_is(w.p_value, f.locale))
            })
        })
    });
    let money = part(|r, f| {
        r.money.clone().map(|o| {
            o.map(|m| {
                let e = m.estimate;
                let clv = e.extra_clv.map(|c| format!(", CLV {}", fmt_money(c, f))).unwrap_or_default();
                tr("+{} clients, MRR {}{}", "+{} customers, MRR {}{}")
                    .fill(f.locale, &[&format_number(e.extra_customers_per_month, 1, f.locale), &fmt_money(e.extra_mrr, f), &clv])
            })
        })
    });
    // "Use in scenarios": B's extra customers a month, when B wins on money.
    let extra = move || {
        result.with(|r| r.as_ref().ok()?.money.as_ref()?.as_ref().ok().map(|m| m.estimate.extra_customers_per_month)).filter(|x| *x > Decimal::ZERO)
    };
    let to_scenarios = move |_| {
        if let Some(extra) = extra() {
            let name = tr("Test A/B : B pour tous", "A/B test: B for everyone").get(prefs.locale.get_untracked()).to_string();
            crate::handoff::send_variant_to_scenario(&crate::handoff::PendingVariant::Acquisition { name, extra_customers_per_month: extra });
            let _ = window().location().set_hash("/scenarios");
        }
    };
    let plan_part = move |pick: fn(&cadran_core::metrics::ab_test::TestPlan, Fmt) -> String| {
        Signal::derive(move || {
            let f = Fmt::of(prefs);
            match plan.get() {
                Ok(p) => {
                    let s = pick(&p, f);
                    OutputValue::Value { shown: s.clone(), exact: s }
                }
                Err(e) => OutputValue::Reason(why(&e, f.locale)),
            }
        })
    };
    let plan_visitors = plan_part(|p, f| format_number(Decimal::from(p.visitors_per_version), 0, f.locale));
    let plan_days = plan_part(|p, f| match p.days {
        Some(d) => tr("{} jours", "{} days").fill(f.locale, &[&format_number(Decimal::from(d), 0, f.locale)]),
        None => T.plan_no_traffic.get(f.locale).to_string(),
    });
    // The sequential rule for the planned test (N from the core's plan).
    let peeking = move || {
        let loc = l();
        plan.get().ok().map(|p| {
            let n = p.planned_conversions;
            T.peeking.fill(loc, &[&stat(winning_lead(n).ceil(), 0, loc), &format_number(Decimal::from(n), 0, loc)])
        })
    };
    let tone = Signal::derive(move || match result.get().ok().map(|r| r.verdict) {
        Some(Ok(AbVerdict::BBetter { .. })) => "good",
        Some(Ok(AbVerdict::SplitBroken { .. } | AbVerdict::ABetter { .. })) => "bad",
        _ => "",
    });
    let text = move |t: Tr| Signal::derive(move || t.get(l()).to_string());
    let field = move |key: &'static str| view! { <CardField form=form key=key /> };
    let legend = move |key: &'static str| Signal::derive(move || FIELDS.label(key, l()));
    view! {
        <CalculatorPage
            route=Route::AbTest
            class="ab-page"
            form=form
            intro=T.intro
            source=T.source
            inputs=view! {
                <fieldset>
                    <legend>{move || T.observed.get(l())}</legend>
                    {field("visitors_a")}
                    {field("conversions_a")}
                    {field("visitors_b")}
                    {field("conversions_b")}
                </fieldset>
                <fieldset>
                    <legend>{move || T.settings.get(l())}</legend>
                    <ChoiceField form=form key="confidence" legend=legend("confidence") options=CONFIDENCES />
                    <ChoiceField form=form key="sides" legend=legend("sides") options=SIDES />
                    {field("intended_share_a")}
                </fieldset>
                <fieldset>
                    <legend>{move || T.revenue.get(l())}</legend>
                    <p class="help fieldset-help">{move || T.revenue_help.get(l())}</p>
                    {field("revenue_mean_a")}
                    {field("revenue_sd_a")}
                    {field("revenue_mean_b")}
                    {field("revenue_sd_b")}
                </fieldset>
                <fieldset>
                    <legend>{move || T.money.get(l())}</legend>
                    <p class="help fieldset-help">{move || T.money_help.get(l())}</p>
                    <from_cards::FromCards form=form />
                    {field("monthly_visitors")}
                    {field("arpa")}
                    {field("clv")}
                </fieldset>
                <fieldset>
                    <legend>{move || T.plan.get(l())}</legend>
                    {field("plan_baseline")}
                    <ChoiceField form=form key="plan_mde_kind" legend=legend("plan_mde_kind") options=MDE_KINDS />
                    {field("plan_mde")}
                    {field("plan_power")}
                    {field("plan_traffic")}
                </fieldset>
            }
            .into_any()
            results=view! {
                <Output name="ab_verdict" primary=true label=text(T.verdict) value=verdict_v tone=tone />
                <Output name="ab_split" label=text(T.split) value=split />
                <Output name="ab_rate_a" label=text(T.rate_a) value=rate_a />
                <Output name="ab_rate_b" label=text(T.rate_b) value=rate_b />
                <Output name="ab_lift" label=text(T.lift) value=lift />
                <Output name="ab_relative_lift" label=text(T.relative_lift) value=relative />
                <Output name="ab_p_value" label=text(T.p_value) value=p />
                <Output name="ab_bayes" label=text(T.bayes) value=bayes />
                <Output name="ab_loss" label=text(T.loss) value=loss />
                <Output name="ab_revenue" label=text(T.revenue_diff) value=revenue />
                <Output name="ab_money" label=text(T.money_out) value=money />
                <Show when=move || extra().is_some()>
                    <button type="button" class="secondary ab-to-scenarios" on:click=to_scenarios>
                        {move || tr("Essayer dans les scénarios", "Try it in scenarios").get(l())}
                    </button>
                </Show>
                <h3 class="results-sub">{move || T.plan.get(l())}</h3>
                <Output name="ab_plan_visitors" label=text(T.plan_visitors) value=plan_visitors />
                <Output name="ab_plan_days" label=text(T.plan_days) value=plan_days />
                <p class="help" data-output="ab_peeking">{peeking}</p>
            }
            .into_any()
            how=view! {
                <ul class="formulas" data-formula="ab_test">
                    <li>{move || tr("Écart = conversion de B − conversion de A ; intervalle de Wald ajusté (Agresti-Caffo).", "Lift = B’s rate − A’s rate; adjusted-Wald interval (Agresti–Caffo).").get(l())}</li>
                    <li>{move || tr("Khi-deux N−1 = χ² × (N − 1) ÷ N ; Fisher exact si un effectif attendu est inférieur à 5.", "N−1 chi-square = χ² × (N − 1) ÷ N; Fisher’s exact test when an expected count is below 5.").get(l())}</li>
                    <li>{move || tr("P(B > A) exacte avec des lois a priori Beta(1, 1), sans tirage au hasard.", "Exact P(B > A) with Beta(1, 1) priors, no random draws.").get(l())}</li>
                    <li>{move || tr("Répartition : khi-deux d’ajustement, test faussé si p < 0,001.", "Split: chi-square goodness of fit, broken if p < 0.001.").get(l())}</li>
                    <li>{move || tr("Taille : n = (z_α √(2p₁(1 − p₁)) + z_β √(p₁(1 − p₁) + p₂(1 − p₂)))² ÷ δ² par version.", "Size: n = (z_α √(2p₁(1 − p₁)) + z_β √(p₁(1 − p₁) + p₂(1 − p₂)))² ÷ δ² per version.").get(l())}</li>
                </ul>
            }
            .into_any()
        />
    }
}
