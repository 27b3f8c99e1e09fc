//! ARPA / ARPU, MRR and ARR. Formulas: [`cadran_core::metrics::arpa`]
//! (`average_revenue`, `mrr_from_arpa`, `arr`).

use crate::components::{
    fmt_count, fmt_exact, fmt_money, ChoiceField, ChoiceOption, FieldKind, FieldSpec, Fmt, Form, NumberField, Output,
    OutputValue, TargetControl,
};
use crate::i18n::{describe_problem, field_help, field_label, use_prefs, FieldText};
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
    FieldSpec::new("known", FieldKind::Choice, "mrr"),
    FieldSpec::new("per", FieldKind::Choice, "account"),
    FieldSpec::new("mrr", FieldKind::Money, "50000"),
    FieldSpec::new("active", FieldKind::Count, "400"),
    FieldSpec::new("arpa", FieldKind::Money, "125"),
];

const KNOWN: &[ChoiceOption] = &[
    ("mrr", "Mon MRR et mon nombre de clients → ARPA", "My MRR and number of customers → ARPA"),
    ("arpa", "Mon ARPA et mon nombre de clients → MRR", "My ARPA and number of customers → MRR"),
];

const PER: &[ChoiceOption] = &[
    ("account", "Par compte payant (ARPA, B2B)", "Per paying account (ARPA, B2B)"),
    ("user", "Par utilisateur (ARPU)", "Per user (ARPU)"),
];

/// The KPIs of this card (see [`crate::kpi`]).
pub const KPIS: &[Kpi] = &[
    Kpi {
        key: "arpa",
        route: Route::Arpa,
        form_id: "arpa",
        fields: FIELDS,
        label: ("Revenu moyen par compte (ARPA / ARPU)", "Average revenue per account (ARPA / ARPU)"),
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
        label: ("Revenu récurrent annuel (ARR)", "Annual recurring revenue (ARR)"),
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
        let arpa = v.value("arpa");
        let mrr = mrr_from_arpa(v.value("active"), arpa);
        let average = mrr.clone().map(|_| arpa);
        let arr = mrr.clone().and_then(arr);
        Figures { from_mrr: false, per, average, mrr, arr }
    } else {
        let mrr = v.value("mrr");
        let average = average_revenue(mrr, v.value("active"), per).map(|a| a.average);
        Figures { from_mrr: true, per, average, mrr: arr(mrr).map(|_| mrr), arr: arr(mrr) }
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
pub struct Texts {
    intro: &'static str,
    choices: &'static str,
    known: &'static str,
    per: &'static str,
    figures: &'static str,
    results: &'static str,
    reset: &'static str,
    how: &'static str,
    source: &'static str,
    per_month: &'static str,
    per_year: &'static str,
    accounts: &'static str,
    users: &'static str,
    labels: &'static [FieldText],
}

const FR: Texts = Texts {
    intro: "Le revenu mensuel moyen par compte (ARPA) ou par utilisateur (ARPU), le revenu récurrent mensuel (MRR) et son équivalent annuel (ARR).",
    choices: "Ce que vous connaissez",
    known: "Partir de",
    per: "Moyenne calculée",
    figures: "Vos chiffres du mois",
    results: "Résultats",
    reset: "Rétablir les valeurs par défaut",
    how: "Comment est-ce calculé ?",
    source: "Source : D. Skok, « SaaS Metrics 2.0 », 2013 (ARPA, MRR = clients × ARPA) ; ChartMogul, « Average Revenue Per Account » et « ARR » (ARR = 12 × MRR, un rythme actuel, pas une prévision).",
    per_month: "/ mois",
    per_year: "/ an",
    accounts: "comptes",
    users: "utilisateurs",
    labels: &[
        ("mrr", "Revenu récurrent mensuel (MRR)", "Abonnements actifs ramenés au mois, hors frais ponctuels."),
        ("active", "Clients actifs", "Comptes payants (ou utilisateurs pour l’ARPU) à la fin du mois."),
        ("active_accounts", "Clients actifs", ""),
        ("active_users", "Clients actifs", ""),
        ("active_customers", "Clients actifs", ""),
        ("arpa", "Revenu moyen par compte (ARPA)", "Par client et par mois."),
    ],
};

const EN: Texts = Texts {
    intro: "Average monthly revenue per account (ARPA) or per user (ARPU), monthly recurring revenue (MRR) and its annual equivalent (ARR).",
    choices: "What you know",
    known: "Start from",
    per: "Average taken",
    figures: "Your figures for the month",
    results: "Results",
    reset: "Restore defaults",
    how: "How is this computed?",
    source: "Source: D. Skok, “SaaS Metrics 2.0”, 2013 (ARPA, MRR = customers × ARPA); ChartMogul, “Average Revenue Per Account” and “ARR” (ARR = 12 × MRR, a current run rate, not a forecast).",
    per_month: "/ month",
    per_year: "/ year",
    accounts: "accounts",
    users: "users",
    labels: &[
        ("mrr", "Monthly recurring revenue (MRR)", "Active subscriptions per month, without one-off fees."),
        ("active", "Active customers", "Paying accounts (or users, for ARPU) at the end of the month."),
        ("active_accounts", "Active customers", ""),
        ("active_users", "Active customers", ""),
        ("active_customers", "Active customers", ""),
        ("arpa", "Average revenue per account (ARPA)", "Per customer per month."),
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
        Locale::Fr => "ARPA, MRR et ARR",
        Locale::En => "ARPA, MRR and ARR",
    }
}

fn label(key: &str, l: Locale) -> String {
    field_label(texts(l).labels, key)
}

/// The ARPA, MRR and ARR calculator.
#[component]
pub fn ArpaPage() -> impl IntoView {
    let prefs = use_prefs();
    let form = Form::new("arpa", FIELDS);
    let t = move || texts(prefs.locale.get());
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
    let money_pm = move || {
        let f = Fmt::of(prefs);
        format!("{} {}", f.currency.symbol(f.locale), t().per_month)
    };
    let field = move |key: &'static str, unit: Signal<String>| {
        view! {
            <NumberField
                form=form
                key=key
                label=Signal::derive(move || {
                    let l = prefs.locale.get();
                    match (key, figures.with(|f| f.per), l) {
                        ("arpa", Per::User, Locale::Fr) => "Revenu moyen par utilisateur (ARPU)".to_string(),
                        ("arpa", Per::User, Locale::En) => "Average revenue per user (ARPU)".to_string(),
                        ("active", Per::User, Locale::Fr) => "Utilisateurs actifs".to_string(),
                        ("active", Per::User, Locale::En) => "Active users".to_string(),
                        _ => label(key, l),
                    }
                })
                unit=unit
                help=Signal::derive(move || field_help(t().labels, key).unwrap_or_default().to_string())
                problem=problem(key)
            />
        }
    };
    let active_unit = Signal::derive(move || if figures.with(|f| f.per) == Per::User { t().users } else { t().accounts }.to_string());
    let money_out = move |o: Outcome<Decimal>, suffix: fn(&Texts) -> &'static str| {
        let f = Fmt::of(prefs);
        let label = |k: &str, l: Locale| label(form_key(k), l);
        OutputValue::from_outcome(o, f, label, |v| (format!("{} {}", fmt_money(v, f), suffix(texts(f.locale))), fmt_exact(v, f)))
    };
    let how = move || {
        let f = Fmt::of(prefs);
        let fig = figures.get();
        let m = |o: &Outcome<Decimal>| o.as_ref().map_or("?".to_string(), |v| fmt_money(*v, f));
        let active = fmt_count(form.value("active"), f);
        let fr = f.locale == Locale::Fr;
        let customers = if fig.per == Per::User { if fr { "utilisateurs actifs" } else { "active users" } } else if fr { "clients actifs" } else { "active customers" };
        let n = name();
        let first = if fig.from_mrr {
            format!("{n} = MRR ÷ {customers} = {} ÷ {active} = {}", m(&fig.mrr), m(&fig.average))
        } else {
            format!("MRR = {customers} × {n} = {active} × {} = {}", m(&fig.average), m(&fig.mrr))
        };
        vec![first, format!("ARR = 12 × MRR = 12 × {} = {}", m(&fig.mrr), m(&fig.arr))]
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
                        <legend>{move || t().choices}</legend>
                        <ChoiceField form=form key="known" legend=Signal::derive(move || t().known.to_string()) options=KNOWN />
                        <ChoiceField form=form key="per" legend=Signal::derive(move || t().per.to_string()) options=PER />
                    </fieldset>
                    <fieldset>
                        <legend>{move || t().figures}</legend>
                        <Show when=from_mrr fallback=move || field("arpa", Signal::derive(money_pm))>
                            {field("mrr", Signal::derive(money_pm))}
                        </Show>
                        {field("active", active_unit)}
                    </fieldset>
                    <button type="button" class="secondary" on:click=move |_| form.reset()>{move || t().reset}</button>
                </form>
                <div class="results" aria-live="polite">
                    <h2>{move || t().results}</h2>
                    <Output name="arpa" primary=true label=Signal::derive(name)
                        value=Signal::derive(move || money_out(figures.get().average, |t| t.per_month)) />
                    <Output name="mrr" label=Signal::derive(|| "MRR".to_string())
                        value=Signal::derive(move || money_out(figures.get().mrr, |t| t.per_month)) />
                    <Output name="arr" label=Signal::derive(|| "ARR".to_string())
                        value=Signal::derive(move || money_out(figures.get().arr, |t| t.per_year)) />
                    <TargetControl kpi=&KPIS[0] form=form />
                    <TargetControl kpi=&KPIS[1] form=form />
                    <details class="how">
                        <summary>{move || t().how}</summary>
                        <ul class="formulas" data-formula="arpa">
                            {move || how().into_iter().map(|line| view! { <li>{line}</li> }).collect_view()}
                        </ul>
                        <p class="source">{move || t().source}</p>
                    </details>
                </div>
            </div>
        </section>
    }
}
