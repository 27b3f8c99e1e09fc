//! How results are written: sensible rounding on screen, the exact value on
//! hover.

use crate::i18n::Prefs;
use cadran_core::locale::{format_money, format_number, format_percent, Currency, Locale};
use cadran_core::{Decimal, Percent};

/// The locale and currency results are written in.
#[derive(Clone, Copy)]
pub struct Fmt {
    /// Language and number conventions.
    pub locale: Locale,
    /// Currency of amounts.
    pub currency: Currency,
}

impl Fmt {
    /// The current preferences (reactive).
    #[must_use]
    pub fn of(p: Prefs) -> Self {
        use leptos::prelude::Get;
        Self { locale: p.locale.get(), currency: p.currency.get() }
    }
}

/// Money, to the cent.
#[must_use]
pub fn fmt_money(v: Decimal, f: Fmt) -> String {
    format_money(v, f.currency, f.locale)
}

/// A percentage, to one decimal.
#[must_use]
pub fn fmt_percent(p: Percent, f: Fmt) -> String {
    format_percent(p.0, 1, f.locale)
}

/// A count, to the unit (or two decimals when not whole, e.g. expected
/// customers in a projection).
#[must_use]
pub fn fmt_count(v: Decimal, f: Fmt) -> String {
    let decimals = if v.fract().is_zero() { 0 } else { 2 };
    format_number(v, decimals, f.locale)
}

/// A number of months, to one decimal (two where the second matters).
#[must_use]
pub fn fmt_months(v: Decimal, f: Fmt) -> String {
    // One decimal, two when the second one is not zero: 6.25 months is
    // "6,25", not "6,3" (a week's difference in a payback).
    let two = v.round_dp(2);
    let decimals = if two == two.round_dp(1) { 1 } else { 2 };
    let n = format_number(v, decimals, f.locale);
    crate::i18n::tr("{}\u{a0}mois", "{} months").fill(f.locale, &[&n])
}

/// A ratio such as LTV:CAC, to one decimal: `3,2:1`.
#[must_use]
pub fn fmt_ratio(v: Decimal, f: Fmt) -> String {
    format!("{}:1", format_number(v, 1, f.locale))
}

/// The exact value, for the hover title: every digit, locale separators.
#[must_use]
pub fn fmt_exact(v: Decimal, f: Fmt) -> String {
    let v = v.normalize();
    format_number(v, v.scale(), f.locale)
}
