//! ARPA / ARPU, MRR and ARR. Formulas: [`cadran_core::metrics::arpa`]
//! (`average_revenue`, `mrr_from_arpa`, `arr`).

use crate::components::{
    field_unit, fmt_count, fmt_exact, fmt_money, label_of, CalculatorPage, FormulaList, ChoiceField, ChoiceOption, FieldKind, FieldSpec, Fmt,
    Form, NumberField, Output, OutputValue, TargetControl,
};
use crate::i18n::{describe_problem, tr, use_prefs, Tr};
use crate::kpi::{Kpi, Unit, Values, NEAR_10_PERCENT};
use crate::router::Route;
use cadran_core::locale::Locale;
use cadran_core::metrics::arpa::{arr, average_revenue, mrr_from_arpa, Per};
use cadran_core::metrics::target::Direction;
use cadran_core::{Decimal, MetricError, Outcome};
use leptos::prelude::*;

/// The form's fields. `active` is the core's `active_accounts`,
/// `active_users` or `active_customers`, depending on the choices.
pub const FIELDS: &[FieldSpec] = &[
    FieldSpec::new("known", FieldKind::Choice, "mrr").label(tr("Partir de", "Start from")),
    FieldSpec::new("per", FieldKind::Choice, "account").label(tr("Moyenne calculée", "Average taken")),
    FieldSpec::new("mrr", FieldKind::Money, "50000")
        .label(tr("Revenu récurrent mensuel (MRR)", "Monthly recurring revenue (MRR)"))
        .help(tr("Abonnements actifs ramenés au mois, hors frais ponctuels.", "Active subscriptions per month, without one-off fees."))
        .unit(PER_MONTH),
    FieldSpec::new("active", FieldKind::Count, "400")
        .label(tr("Clients actifs", "Active customers"))
        .help(tr(
            "Comptes payants (ou utilisateurs pour l’ARPU) à la fin du mois.",
            "Paying accounts (or users, for ARPU) at the end of the month.",
        ))
        .unit(tr("comptes", "accounts")),
    FieldSpec::new("arpa", FieldKind::Money, "125")
        .label(tr("Revenu moyen par compte (ARPA)", "Average revenue per account (ARPA)"))
        .help(tr("Par client et par mois.", "Per customer per month."))
        .unit(PER_MONTH),
];

const PER_MONTH: Tr = tr("/ mois", "/ month");

const KNOWN: &[ChoiceOption] = &[
    ("mrr", tr("Mon MRR et mon nombre de clients → ARPA", "My MRR and number of customers → ARPA")),
    ("arpa", tr("Mon ARPA et mon nombre de clients → MRR", "My ARPA and number of customers → MRR")),
];

const PER: &[ChoiceOption] = &[
    ("account", tr("Par compte payant (ARPA, B2B)", "Per paying account (ARPA, B2B)")),
    ("user", tr("Par utilisateur (ARPU)", "Per user (ARPU)")),
];

/// The KPIs of this card (see [`crate::kpi`]).
pub const KPIS: &[Kpi] = &[
    Kpi {
        key: "arpa",
        route: Route::Arpa,
        form_id: "arpa",
        fields: FIELDS,
        label: tr("Revenu moyen par compte (ARPA / ARPU)", "Average revenue per account (ARPA / ARPU)"),
        unit: Unit::MoneyPerMonth,
        direction: Direction::AtLeast,
        near: NEAR_10_PERCENT,
        read: |v| compute(v).average,
    },
    Kpi {
        key: "arr",
        route: Route::Arpa,
        form_id: "arpa",
        fields: FIELDS,
        label: tr("Revenu récurrent annuel (ARR)", "Annual recurring revenue (ARR)"),
        unit: Unit::Money,
        direction: Direction::AtLeast,
        near: NEAR_10_PERCENT,
        read: |v| compute(v).arr,
    },
];

/// What the card shows, each through the core.
#[derive(Clone, PartialEq, Eq)]
struct Figures {
    /// MRR is given (ARPA computed) rather than ARPA given (MRR computed).
    from_mrr: bool,
    per: Per,
    average: Outcome<Decimal>,
    mrr: Outcome<Decimal>,
    arr: Outcome<Decimal>,
}

fn per(v: &dyn Values) -> Per {
    if v.text("per").trim() == "user" {
        Per::User
    } else {
        Per::Account
    }
}

/// From MRR: ARPA = MRR ÷ active, ARR = 12 × MRR. From ARPA: MRR = active ×
/// ARPA (the ARPA given is checked by the core there), ARR = 12 × MRR.
fn compute(v: &dyn Values) -> Figures {
    let per = per(v);
    if v.text("known").trim() == "arpa" {
        let mrr = (|| mrr_from_arpa(v.value("active")?, v.value("arpa")?))();
        let average = mrr.clone().and_then(|_| Ok(v.value("arpa")?));
        let arr = mrr.clone().and_then(arr);
        Figures { from_mrr: false, per, average, mrr, arr }
    } else {
        let mrr = v.value("mrr").map_err(MetricError::from);
        let average = mrr.clone().and_then(|m| average_revenue(m, v.value("active")?, per)).map(|a| a.average);
        let arr = mrr.clone().and_then(arr);
        Figures { from_mrr: true, per, average, mrr: arr.clone().and(mrr), arr }
    }
}

/// The form field a core field name is typed in.
fn form_key(core_field: &str) -> &str {
    match core_field {
        "active_accounts" | "active_users" | "active_customers" => "active",
        k => k,
    }
}

/// The page's texts.
struct Texts {
    intro: Tr,
    choices: Tr,
    figures: Tr,
    source: Tr,
    per_year: Tr,
    /// The labels and unit of the fields that change with an average per user (ARPU).
    arpu: Tr,
    active_users: Tr,
    users: Tr,
    /// Who the formula divides by, per account and per user.
    customers: [Tr; 2],
}

const T: Texts = Texts {
    intro: tr(
        "Le revenu mensuel moyen par compte (ARPA) ou par utilisateur (ARPU), le revenu récurrent mensuel (MRR) et son équivalent annuel (ARR).",
        "Average monthly revenue per account (ARPA) or per user (ARPU), monthly recurring revenue (MRR) and its annual equivalent (ARR).",
    ),
    choices: tr("Ce que vous connaissez", "What you know"),
    figures: tr("Vos chiffres du mois", "Your figures for the month"),
    source: tr(
        "Source : D. Skok, « SaaS Metrics 2.0 », 2013 (ARPA, MRR = clients × ARPA) ; ChartMogul, « Average Revenue Per Account » et « ARR » (ARR = 12 × MRR, un rythme actuel, pas une prévision).",
        "Source: D. Skok, “SaaS Metrics 2.0”, 2013 (ARPA, MRR = customers × ARPA); ChartMogul, “Average Revenue Per Account” and “ARR” (ARR = 12 × MRR, a current run rate, not a forecast).",
    ),
    per_year: tr("/ an", "/ year"),
    arpu: tr("Revenu moyen par utilisateur (ARPU)", "Average revenue per user (ARPU)"),
    active_users: tr("Utilisateurs actifs", "Active users"),
    users: tr("utilisateurs", "users"),
    customers: [tr("clients actifs", "active customers"), tr("utilisateurs actifs", "active users")],
};


fn label(key: &str, l: Locale) -> String {
    label_of(FIELDS, form_key(key), l)
}

/// The ARPA, MRR and ARR calculator.
#[component]
pub fn ArpaPage() -> impl IntoView {
    let prefs = use_prefs();
    let form = Form::new("arpa", FIELDS);
    let l = move || prefs.locale.get();
    let figures = Memo::new(move |_| compute(&form));
    let from_mrr = move || figures.with(|f| f.from_mrr);
    let name = move || if figures.with(|f| f.per) == Per::User { "ARPU" } else { "ARPA" };
    let problem = move |key: &'static str| {
        Signal::derive(move || {
            let l = prefs.locale.get();
            let fig = figures.get();
            [fig.average.err(), fig.mrr.err(), fig.arr.err()].into_iter().flatten().find_map(|e| match e {
                MetricError::Invalid(ie) if form_key(ie.field.0) == key => Some(describe_problem(&ie.problem, "", l)),
                _ => None,
            })
        })
    };
    let per_user = move || figures.with(|f| f.per) == Per::User;
    // Per user (ARPU), two fields change their words; the others are their spec's.
    let field = move |key: &'static str| {
        let spec = form.spec(key);
        view! {
            <NumberField
                form=form
                key=key
                label=Signal::derive(move || match key {
                    "arpa" if per_user() => T.arpu.get(l()).to_string(),
                    "active" if per_user() => T.active_users.get(l()).to_string(),
                    _ => label(key, l()),
                })
                unit=Signal::derive(move || match key {
                    "active" if per_user() => T.users.get(l()).to_string(),
                    _ => field_unit(form, key, Fmt::of(prefs)),
                })
                help=Signal::derive(move || spec.map_or("", |s| s.help.get(l())).to_string())
                problem=problem(key)
            />
        }
    };
    let money_out = move |o: Outcome<Decimal>, suffix: Tr| {
        let f = Fmt::of(prefs);
        OutputValue::from_outcome(o, f, label, |v| (format!("{} {}", fmt_money(v, f), suffix.get(f.locale)), fmt_exact(v, f)))
    };
    let how = move || {
        let f = Fmt::of(prefs);
        let fig = figures.get();
        let m = |o: &Outcome<Decimal>| o.as_ref().map_or("?".to_string(), |v| fmt_money(*v, f));
        let active = form.value("active").map_or_else(|_| "?".to_string(), |a| fmt_count(a, f));
        let customers = T.customers[usize::from(fig.per == Per::User)].get(f.locale);
        let n = name();
        let first = if fig.from_mrr {
            format!("{n} = MRR ÷ {customers} = {} ÷ {active} = {}", m(&fig.mrr), m(&fig.average))
        } else {
            format!("MRR = {customers} × {n} = {active} × {} = {}", m(&fig.average), m(&fig.mrr))
        };
        vec![first, format!("ARR = 12 × MRR = 12 × {} = {}", m(&fig.mrr), m(&fig.arr))]
    };
    view! {
        <CalculatorPage
            route=Route::Arpa
            form=form
            intro=T.intro
            source=T.source
            inputs=view! {
                <fieldset>
                    <legend>{move || T.choices.get(l())}</legend>
                    <ChoiceField form=form key="known" legend=Signal::derive(move || label("known", l())) options=KNOWN />
                    <ChoiceField form=form key="per" legend=Signal::derive(move || label("per", l())) options=PER />
                </fieldset>
                <fieldset>
                    <legend>{move || T.figures.get(l())}</legend>
                    <Show when=from_mrr fallback=move || field("arpa")>
                        {field("mrr")}
                    </Show>
                    {field("active")}
                </fieldset>
            }
            .into_any()
            results=view! {
                <Output name="arpa" primary=true label=Signal::derive(name)
                    value=Signal::derive(move || money_out(figures.get().average, PER_MONTH)) />
                <Output name="mrr" label=Signal::derive(|| "MRR".to_string())
                    value=Signal::derive(move || money_out(figures.get().mrr, PER_MONTH)) />
                <Output name="arr" label=Signal::derive(|| "ARR".to_string())
                    value=Signal::derive(move || money_out(figures.get().arr, T.per_year)) />
                <TargetControl kpi=&KPIS[0] form=form />
                <TargetControl kpi=&KPIS[1] form=form />
            }
            .into_any()
            how=view! { <FormulaList name="arpa" lines=Signal::derive(how) /> }.into_any()
        />
    }
}
