//! The scenario page's words, French and English, and how each core input is
//! labelled, measured and moved with a slider.

use crate::i18n::{tr, Tr};
use crate::components::{fmt_count, fmt_money, fmt_months, fmt_percent, fmt_ratio, Fmt};
use cadran_core::locale::Locale;
use cadran_core::scenario::model::Input;
use cadran_core::scenario::output::Output;
use cadran_core::{Decimal, Percent};

/// The page's texts (title and introduction; the rest is next to each part).
pub struct Texts {
    /// What the page is for.
    pub intro: Tr,
}

/// The page's texts.
pub const T: Texts = Texts {
    intro: tr(
        "Comparez votre situation actuelle à quatre hypothèses au plus, mois par mois : clients, revenu récurrent, profit, valeur client et retour sur investissement.",
        "Compare your current situation with up to four what-ifs, month by month: customers, recurring revenue, profit, customer value and return on investment.",
    ),
};




/// The label of a scenario input.
#[must_use]
pub fn input_label(input: Input, l: Locale) -> &'static str {
    match input {
        Input::CustomersStart => tr("Clients au départ", "Customers at the start").get(l),
        Input::NewCustomersPerMonth => tr("Nouveaux clients par mois", "New customers per month").get(l),
        Input::MonthlyChurn => tr("Attrition mensuelle", "Monthly churn").get(l),
        Input::Arpa => tr("Revenu moyen par compte (ARPA)", "Average revenue per account (ARPA)").get(l),
        Input::MonthlyExpansion => tr("Expansion mensuelle", "Monthly expansion").get(l),
        Input::GrossMargin => tr("Marge brute", "Gross margin").get(l),
        Input::Cac => tr("Coût d’acquisition client (CAC)", "Customer acquisition cost (CAC)").get(l),
        Input::CsCostPerMonth => tr("Budget succès client par mois", "Customer-success budget per month").get(l),
        Input::MonthlyDiscountRate => tr("Taux d’actualisation mensuel", "Monthly discount rate").get(l),
        Input::HorizonMonths => tr("Horizon", "Horizon").get(l),
    }
}

/// A short help text for an input.
#[must_use]
pub fn input_help(input: Input, l: Locale) -> &'static str {
    match input {
        Input::MonthlyChurn => tr("Part des clients du début de mois qui partent dans le mois.", "Share of the month’s starting customers who leave that month.").get(l),
        Input::MonthlyExpansion => tr("Croissance du revenu des clients restants (négative : contraction).", "Growth of retained customers’ revenue (negative: contraction).").get(l),
        Input::MonthlyDiscountRate => tr("Pour la valeur actuelle des profits futurs.", "For the present value of future profits.").get(l),
        Input::HorizonMonths => tr("De 1 à 120 mois.", "From 1 to 120 months.").get(l),
        _ => "",
    }
}

/// The unit shown next to an input.
#[must_use]
pub fn input_unit(input: Input, f: Fmt) -> String {
    let l = f.locale;
    let cur = f.currency.symbol(l);
    match input {
        Input::CustomersStart => String::new(),
        Input::NewCustomersPerMonth => tr("/ mois", "/ month").get(l).into(),
        Input::MonthlyChurn | Input::MonthlyExpansion | Input::MonthlyDiscountRate => tr("% / mois", "% / month").get(l).into(),
        Input::GrossMargin => "%".into(),
        Input::Arpa | Input::CsCostPerMonth => format!("{cur} {}", tr("/ mois", "/ month").get(l)),
        Input::Cac => cur.into(),
        Input::HorizonMonths => tr("mois", "months").get(l).into(),
    }
}

/// An input's value in words with its unit (reports, read-outs).
#[must_use]
pub fn input_value(input: Input, v: Decimal, f: Fmt) -> String {
    match input {
        Input::CustomersStart => fmt_count(v, f),
        Input::NewCustomersPerMonth => format!("{} {}", fmt_count(v, f), tr("/ mois", "/ month").get(f.locale)),
        Input::MonthlyChurn | Input::MonthlyExpansion | Input::MonthlyDiscountRate => {
            format!("{} {}", exact_percent(v, f), tr("/ mois", "/ month").get(f.locale))
        }
        Input::GrossMargin => exact_percent(v, f),
        Input::Arpa | Input::CsCostPerMonth => format!("{} {}", fmt_money(v, f), tr("/ mois", "/ month").get(f.locale)),
        Input::Cac => fmt_money(v, f),
        Input::HorizonMonths => fmt_months(v, f).replace(",0", "").replace(".0", ""),
    }
}

/// A percentage with up to four decimals, no trailing zeros (inputs such as
/// a goal-seek answer, where one decimal would hide the value).
#[must_use]
pub fn exact_percent(v: Decimal, f: Fmt) -> String {
    let r = v.round_dp(4).normalize();
    cadran_core::locale::format_percent(r, r.scale(), f.locale)
}

/// Slider range and step of an input: (min, max, step). The number field
/// accepts any valid value beyond the slider's range.
#[must_use]
pub fn slider(input: Input) -> (Decimal, Decimal, Decimal) {
    let d = |n: i64, s: u32| Decimal::new(n, s);
    match input {
        Input::CustomersStart => (d(0, 0), d(20000, 0), d(10, 0)),
        Input::NewCustomersPerMonth => (d(0, 0), d(1000, 0), d(1, 0)),
        Input::MonthlyChurn => (d(0, 0), d(20, 0), d(1, 1)),
        Input::Arpa => (d(0, 0), d(2000, 0), d(5, 0)),
        Input::MonthlyExpansion => (d(-5, 0), d(5, 0), d(1, 1)),
        Input::GrossMargin => (d(0, 0), d(100, 0), d(1, 0)),
        Input::Cac => (d(0, 0), d(20000, 0), d(50, 0)),
        Input::CsCostPerMonth => (d(0, 0), d(200000, 0), d(500, 0)),
        Input::MonthlyDiscountRate => (d(0, 0), d(5, 0), d(1, 1)),
        Input::HorizonMonths => (d(1, 0), d(120, 0), d(1, 0)),
    }
}

/// How an output is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Money.
    Money,
    /// Customers.
    Count,
    /// Months.
    Months,
    /// LTV:CAC.
    Ratio,
    /// Percent.
    Percent,
}

/// Writes `v` as `kind`.
#[must_use]
pub fn show(kind: Kind, v: Decimal, f: Fmt) -> String {
    match kind {
        Kind::Money => fmt_money(v, f),
        Kind::Count => cadran_core::locale::format_number(v, 0, f.locale),
        Kind::Months => fmt_months(v, f),
        Kind::Ratio => fmt_ratio(v, f),
        Kind::Percent => fmt_percent(Percent(v), f),
    }
}

/// The outputs offered by sensitivity and goal seek.
pub const OUTPUTS: [Output; 7] = [
    Output::PROFIT_36,
    Output::TotalProfit,
    Output::DiscountedProfit,
    Output::Clv,
    Output::RoiVsBaseline,
    Output::CustomersAtEnd,
    Output::MrrAtEnd,
];

/// An output's name.
#[must_use]
pub fn output_label(o: Output, l: Locale) -> String {
    match o {
        Output::ProfitAt { month: 36 } => tr("Profit cumulé à 3 ans", "Cumulative profit at 3 years").get(l).into(),
        Output::ProfitAt { month } => tr("Profit cumulé au mois {}", "Cumulative profit at month {}").fill(l, &[&month.to_string()]),
        Output::TotalProfit => tr("Profit cumulé à l’horizon", "Cumulative profit at the horizon").get(l).into(),
        Output::DiscountedProfit => tr("Profit actualisé à l’horizon", "Discounted profit at the horizon").get(l).into(),
        Output::CustomersAtEnd => tr("Clients à l’horizon", "Customers at the horizon").get(l).into(),
        Output::MrrAtEnd => tr("Revenu mensuel récurrent à l’horizon", "Monthly recurring revenue at the horizon").get(l).into(),
        Output::Clv => tr("Valeur vie client (CLV)", "Customer lifetime value (CLV)").get(l).into(),
        Output::LtvToCac => "LTV:CAC".into(),
        Output::CacPaybackMonths => tr("Retour sur le CAC", "CAC payback").get(l).into(),
        Output::RoiVsBaseline => tr("ROI face à la référence", "ROI against the baseline").get(l).into(),
    }
}

/// How an output is written.
#[must_use]
pub fn output_kind(o: Output) -> Kind {
    match o {
        Output::CustomersAtEnd => Kind::Count,
        Output::LtvToCac => Kind::Ratio,
        Output::CacPaybackMonths => Kind::Months,
        Output::RoiVsBaseline => Kind::Percent,
        _ => Kind::Money,
    }
}

/// A stable key for an output (select values, tests).
#[must_use]
pub fn output_key(o: Output) -> String {
    match o {
        Output::ProfitAt { month } => format!("profit_{month}"),
        Output::TotalProfit => "total_profit".into(),
        Output::DiscountedProfit => "discounted_profit".into(),
        Output::CustomersAtEnd => "customers_end".into(),
        Output::MrrAtEnd => "mrr_end".into(),
        Output::Clv => "clv".into(),
        Output::LtvToCac => "ltv_to_cac".into(),
        Output::CacPaybackMonths => "cac_payback".into(),
        Output::RoiVsBaseline => "roi".into(),
    }
}

/// The output with key `k`, among [`OUTPUTS`].
#[must_use]
pub fn output_from_key(k: &str) -> Option<Output> {
    OUTPUTS.into_iter().find(|o| output_key(*o) == k)
}

/// Decimals of `input` as its field shows it: whole customers and months,
/// [`TYPED_DECIMALS`] for rates and amounts (a what-if's exact value is kept
/// in the scenario; the field shows it as a person would type it).
#[must_use]
pub fn typed_decimals(input: Input) -> u32 {
    match input {
        Input::CustomersStart | Input::HorizonMonths => 0,
        _ => cadran_core::locale::TYPED_DECIMALS,
    }
}
