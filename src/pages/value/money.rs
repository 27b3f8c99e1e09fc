//! The money side of value: the customer value map (Gale 1994: relative
//! quality against relative price, and the fair-value line) and the return
//! on experience. Both from the core ([`value_map`], [`return_on_experience`]);
//! prices and money exact, quality scores statistics.

use super::{stat, ValueCtx};
use crate::components::{fmt_money, fmt_percent, Fmt};
use crate::i18n::{describe_undefined, tr, use_prefs, Tr};
use cadran_core::locale::{format_number, parse_number, Locale};
use cadran_core::metrics::value::{return_on_experience, value_map, CompanyValue, Competitor, RoxInputs, ValueError, ValueMapInputs, ValueSide};
use cadran_core::{Decimal, MetricError};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// Prices and the experience figures, as typed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct MoneyText {
    pub own_price: String,
    pub competitor_price: String,
    pub retained: String,
    pub gained: String,
    pub cost: String,
}

impl Default for MoneyText {
    fn default() -> Self {
        Self { own_price: "100".into(), competitor_price: "90".into(), retained: "24000".into(), gained: "6000".into(), cost: "15000".into() }
    }
}

struct Texts {
    map_title: Tr,
    map_help: Tr,
    own_price: Tr,
    competitor_price: Tr,
    map_line: Tr,
    better: Tr,
    fair: Tr,
    worse: Tr,
    rox_title: Tr,
    rox_help: Tr,
    retained: Tr,
    gained: Tr,
    cost: Tr,
    rox_line: Tr,
    unreadable: Tr,
}

const T: Texts = Texts {
    map_title: tr("Carte de la valeur : qualité perçue et prix", "Customer value map: perceived quality and price"),
    map_help: tr(
        "Qualité perçue = moyenne des notes de performance pondérée par l’importance ; qualité et prix relatifs = les vôtres ÷ ceux du concurrent. Au-dessus de la ligne de juste valeur (qualité relative = prix relatif), vos clients en ont plus pour leur argent. Source : Gale, Managing Customer Value, 1994.",
        "Perceived quality = the importance-weighted mean of the performance ratings; relative quality and price = yours ÷ the competitor’s. Above the fair-value line (relative quality = relative price), your customers get more for their money. Source: Gale, Managing Customer Value, 1994.",
    ),
    own_price: tr("Votre prix", "Your price"),
    competitor_price: tr("Prix du concurrent", "Competitor’s price"),
    map_line: tr("Qualité relative {} pour un prix relatif {} : {}.", "Relative quality {} for a relative price {}: {}."),
    better: tr("meilleure valeur que le concurrent", "better value than the competitor"),
    fair: tr("juste valeur, comme le concurrent", "fair value, like the competitor"),
    worse: tr("moins de valeur que le concurrent pour le prix", "less value than the competitor for the price"),
    rox_title: tr("Retour sur l’expérience (ROX)", "Return on experience (ROX)"),
    rox_help: tr(
        "Une définition transparente : (revenu conservé + revenu gagné grâce aux améliorations de l’expérience − leur coût) ÷ leur coût. Les éditeurs mélangent NPS, CSAT, valeur vie client et rétention de façons différentes : leurs « ROX » ne se comparent pas entre eux. La carte ROI calcule le revenu conservé à partir de l’attrition évitée.",
        "One transparent definition: (revenue kept + revenue won thanks to experience improvements − their cost) ÷ their cost. Vendors blend NPS, CSAT, lifetime value and retention in different ways, so their “ROX” figures do not compare. The ROI card computes the revenue kept from the churn avoided.",
    ),
    retained: tr("Revenu conservé grâce aux améliorations", "Revenue kept thanks to the improvements"),
    gained: tr("Revenu gagné grâce à elles (montée en gamme, recommandations)", "Revenue won thanks to them (upsell, referrals)"),
    cost: tr("Coût des améliorations", "Cost of the improvements"),
    rox_line: tr("ROX = ({} − {}) ÷ {} = {}", "ROX = ({} − {}) ÷ {} = {}"),
    unreadable: tr("Saisissez un montant dans « {} ».", "Type an amount in “{}”."),
};

fn amount(text: &str, label: Tr, l: Locale) -> Result<Decimal, String> {
    parse_number(text, l).map_err(|_| T.unreadable.fill(l, &[label.get(l)]))
}

/// The companies on the value map (the own company first), or why not.
fn map_companies(ctx: ValueCtx, l: Locale) -> Result<Vec<CompanyValue>, String> {
    let m = ctx.sheet.with(|s| s.money.clone());
    let inputs = ctx.inputs.get().map_err(|(row, f)| super::sheet::unreadable_words(row, f, l))?;
    let own_price = amount(&m.own_price, T.own_price, l)?;
    let price = amount(&m.competitor_price, T.competitor_price, l)?;
    let map = ValueMapInputs { own_price, competitors: vec![Competitor { name: String::new(), price }] };
    let companies = value_map(&inputs.drivers, inputs.scales, &map).map_err(|e| match e {
        ValueError::Metric(MetricError::Undefined(u)) => describe_undefined(&u, l),
        ValueError::Driver(d) => super::texts::problem(d.problem, l) + " (" + &(d.row + 1).to_string() + ")",
        _ => T.unreadable.fill(l, &[T.own_price.get(l)]),
    })?;
    if companies.is_empty() {
        return Err(T.unreadable.fill(l, &[T.own_price.get(l)]));
    }
    Ok(companies)
}

/// The value map's sentence for the own company.
fn map_sentence(own: &CompanyValue, l: Locale) -> String {
    let side = match own.side {
        ValueSide::BetterValue => T.better,
        ValueSide::FairValue => T.fair,
        ValueSide::WorseValue => T.worse,
    };
    T.map_line.fill(l, &[&stat(own.relative_quality, l), &format_number(own.relative_price, 2, l), side.get(l)])
}

/// The value map and ROX sections.
#[component]
pub fn MoneySide(ctx: ValueCtx) -> impl IntoView {
    let prefs = use_prefs();
    let l = move || prefs.locale.get();
    let sheet = ctx.sheet;
    let field = move |label: Tr, id: &'static str, get: fn(&MoneyText) -> String, set: fn(&mut MoneyText, String)| {
        view! {
            <label class="value-link-field" for=id>{move || label.get(l())}</label>
            <input id=id type="text" inputmode="decimal" prop:value=move || sheet.with(|s| get(&s.money))
                on:input=move |e| { let v = event_target_value(&e); sheet.update(|s| set(&mut s.money, v)) } />
        }
    };
    let map = move || match map_companies(ctx, l()) {
        Ok(c) => view! {
            <super::map_chart::ValueMapChart companies=c.clone() />
            <p class="value-map-line" role="status">{map_sentence(&c[0], l())}</p>
        }
        .into_any(),
        Err(why) => view! { <p class="reason" role="alert">{why}</p> }.into_any(),
    };
    let rox = move || {
        let f = Fmt::of(prefs);
        let l = f.locale;
        let m = sheet.with(|s| s.money.clone());
        let parts = (|| Ok::<_, String>(RoxInputs { revenue_retained: amount(&m.retained, T.retained, l)?, revenue_gained: amount(&m.gained, T.gained, l)?, cost: amount(&m.cost, T.cost, l)? }))();
        let line = parts.and_then(|p| {
            return_on_experience(&p)
                .map(|r| T.rox_line.fill(l, &[&fmt_money(r.benefit, f), &fmt_money(p.cost, f), &fmt_money(p.cost, f), &fmt_percent(r.rox, f)]))
                .map_err(|e| crate::i18n::describe_error(&e, &|k| match k { "cost" => T.cost.get(l).into(), "revenue_gained" => T.gained.get(l).into(), _ => T.retained.get(l).into() }, l))
        });
        match line {
            Ok(s) => view! { <p class="value-rox-line" data-formula="rox" role="status">{s}</p> }.into_any(),
            Err(why) => view! { <p class="reason" role="alert">{why}</p> }.into_any(),
        }
    };
    view! {
        <section class="value-map" aria-labelledby="value-map-title">
            <h2 id="value-map-title">{move || T.map_title.get(l())}</h2>
            <p class="help">{move || T.map_help.get(l())}</p>
            <div class="value-link-grid">
                {field(T.own_price, "value-own-price", |m| m.own_price.clone(), |m, v| m.own_price = v)}
                {field(T.competitor_price, "value-competitor-price", |m| m.competitor_price.clone(), |m, v| m.competitor_price = v)}
            </div>
            {map}
        </section>
        <section class="value-rox" aria-labelledby="value-rox-title">
            <h2 id="value-rox-title">{move || T.rox_title.get(l())}</h2>
            <p class="help">{move || T.rox_help.get(l())}</p>
            <div class="value-link-grid">
                {field(T.retained, "value-rox-retained", |m| m.retained.clone(), |m, v| m.retained = v)}
                {field(T.gained, "value-rox-gained", |m| m.gained.clone(), |m, v| m.gained = v)}
                {field(T.cost, "value-rox-cost", |m| m.cost.clone(), |m, v| m.cost = v)}
            </div>
            {rox}
        </section>
    }
}
