//! Locale-aware reading and writing of numbers and money typed by a person.
//!
//! French writes `1 234,56 €`, English `€1,234.56`. People type either with or
//! without grouping, so both `1234,56` and `1 234,56` must be read in French.
//! This module is for *form fields*: it is strict (a typo is reported, never
//! guessed). CSV files, which are messier, are read by [`crate::ingest`].

use rust_decimal::{Decimal, RoundingStrategy};
use serde::{Deserialize, Serialize};
use std::str::FromStr;

/// The language and number conventions of the interface.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum Locale {
    /// French: decimal comma, narrow no-break space for thousands, `€` after.
    #[default]
    Fr,
    /// English: decimal point, comma for thousands, `€` before.
    En,
}

/// The currencies a user can pick. Amounts are never converted: the currency
/// only changes how money is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum Currency {
    /// Euro.
    #[default]
    Eur,
    /// US dollar.
    Usd,
    /// Pound sterling.
    Gbp,
    /// Swiss franc.
    Chf,
    /// Canadian dollar.
    Cad,
}

impl Currency {
    /// Every currency, in the order the picker shows them.
    pub const ALL: [Currency; 5] = [Currency::Eur, Currency::Usd, Currency::Gbp, Currency::Chf, Currency::Cad];

    /// ISO 4217 code.
    #[must_use]
    pub fn code(self) -> &'static str {
        match self {
            Currency::Eur => "EUR",
            Currency::Usd => "USD",
            Currency::Gbp => "GBP",
            Currency::Chf => "CHF",
            Currency::Cad => "CAD",
        }
    }

    /// From an ISO 4217 code (case-insensitive).
    #[must_use]
    pub fn from_code(code: &str) -> Option<Currency> {
        Currency::ALL.into_iter().find(|c| c.code().eq_ignore_ascii_case(code))
    }

    /// The symbol as written in `locale`.
    #[must_use]
    pub fn symbol(self, locale: Locale) -> &'static str {
        match (self, locale) {
            (Currency::Eur, _) => "€",
            (Currency::Usd, Locale::Fr) => "$ US",
            (Currency::Usd, Locale::En) => "$",
            (Currency::Gbp, _) => "£",
            (Currency::Chf, _) => "CHF",
            (Currency::Cad, Locale::Fr) => "$ CA",
            (Currency::Cad, Locale::En) => "CA$",
        }
    }
}

/// Why typed text is not a number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NumberError {
    /// Nothing was typed.
    Empty,
    /// The text is not a number in this locale.
    NotANumber,
    /// The number is beyond what Cadran computes with (see [`MAX_INPUT`]).
    TooLarge,
}

/// The largest magnitude a form accepts: a thousand trillion. Larger values
/// are not meaningful for a business and would risk overflowing exact
/// arithmetic in products of several inputs.
pub const MAX_INPUT: Decimal = Decimal::from_parts(0xA4C6_8000, 0x0003_8D7E, 0, false, 0); // 1e15

fn is_group_space(c: char) -> bool {
    matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}' | '\'' | '’')
}

/// Reads a number typed in `locale`.
///
/// Accepted: an optional sign (`-` or `−`), digits with optional grouping
/// (spaces of any kind or apostrophes in both locales, `.` in French only when
/// the text has a decimal comma or groups of three, `,` in English), one
/// decimal separator (`,` in French — a `.` is accepted too when it cannot be a
/// grouping —, `.` in English), and a trailing `%` or currency sign, which are
/// ignored. At most 12 decimal places are kept (rounded half-even).
///
/// # Example
/// ```
/// use cadran_core::locale::{parse_number, Locale};
/// use rust_decimal_macros::dec;
/// assert_eq!(parse_number("1 234,56", Locale::Fr), Ok(dec!(1234.56)));
/// assert_eq!(parse_number("1234,56", Locale::Fr), Ok(dec!(1234.56)));
/// assert_eq!(parse_number("1,234.56", Locale::En), Ok(dec!(1234.56)));
/// assert_eq!(parse_number("12.5 %", Locale::En), Ok(dec!(12.5)));
/// assert!(parse_number("12,5,3", Locale::Fr).is_err());
/// ```
pub fn parse_number(text: &str, locale: Locale) -> Result<Decimal, NumberError> {
    let t = text.trim();
    if t.is_empty() {
        return Err(NumberError::Empty);
    }
    // Strip a trailing or leading unit: %, currency symbols or codes.
    let mut t = t
        .trim_end_matches(|c: char| c == '%' || c == '€' || c == '$' || c == '£' || c.is_whitespace())
        .trim_start_matches(|c: char| c == '€' || c == '$' || c == '£' || c.is_whitespace());
    for code in ["EUR", "USD", "GBP", "CHF", "CAD", "CA", "US"] {
        if let Some(rest) = t.strip_suffix(code) {
            t = rest.trim_end();
        }
        if let Some(rest) = t.strip_prefix(code) {
            t = rest.trim_start();
        }
    }
    let t = t.trim_end_matches(['€', '$', '£']).trim();
    let (negative, body) = match t.strip_prefix('-').or_else(|| t.strip_prefix('−')) {
        Some(rest) => (true, rest.trim_start()),
        None => (false, t.strip_prefix('+').unwrap_or(t)),
    };
    if body.is_empty() {
        return Err(NumberError::NotANumber);
    }
    let (decimal_sep, group_sep) = match locale {
        Locale::Fr => (',', '.'),
        Locale::En => ('.', ','),
    };
    let commas = body.matches(decimal_sep).count();
    // In French, "12.5" is unambiguous (a dot followed by other than three
    // digits cannot be grouping): accept it as a decimal point.
    let (decimal_sep, group_sep) = if locale == Locale::Fr && commas == 0 && !looks_grouped(body, '.') {
        ('.', '\0')
    } else {
        (decimal_sep, group_sep)
    };
    let mut canonical = String::with_capacity(body.len() + 1);
    if negative {
        canonical.push('-');
    }
    let mut seen_decimal = false;
    let mut int_part = String::new();
    for c in body.chars() {
        if c.is_ascii_digit() {
            if seen_decimal {
                canonical.push(c);
            } else {
                int_part.push(c);
            }
        } else if c == decimal_sep && !seen_decimal {
            seen_decimal = true;
            if int_part.is_empty() {
                int_part.push('0');
            }
            canonical.push_str(&int_part);
            canonical.push('.');
        } else if (is_group_space(c) || c == group_sep) && !seen_decimal {
            // Grouping is only valid between digits.
            if int_part.is_empty() {
                return Err(NumberError::NotANumber);
            }
        } else {
            return Err(NumberError::NotANumber);
        }
    }
    if !seen_decimal {
        if int_part.is_empty() {
            return Err(NumberError::NotANumber);
        }
        canonical.push_str(&int_part);
    } else if canonical.ends_with('.') {
        canonical.pop();
    }
    if !grouping_is_regular(body, decimal_sep, group_sep) {
        return Err(NumberError::NotANumber);
    }
    let digits = canonical.trim_start_matches('-').replace('.', "");
    let int_digits = canonical.trim_start_matches('-').split('.').next().map_or(0, |s| s.trim_start_matches('0').len());
    if int_digits > 16 {
        return Err(NumberError::TooLarge);
    }
    if digits.len() > 28 {
        // Too many decimals to represent: keep 12.
        let (i, f) = canonical.split_once('.').unwrap_or((&canonical, ""));
        canonical = format!("{i}.{}", &f[..f.len().min(12)]);
    }
    let value = Decimal::from_str(&canonical).map_err(|_| NumberError::NotANumber)?;
    let value = value.round_dp_with_strategy(12, RoundingStrategy::MidpointNearestEven).normalize();
    if value.abs() > MAX_INPUT {
        return Err(NumberError::TooLarge);
    }
    Ok(value)
}

/// True when `sep` appears as thousands grouping: every group after the first
/// has exactly three digits.
fn looks_grouped(body: &str, sep: char) -> bool {
    let mut parts = body.split(sep);
    parts.next();
    let rest: Vec<&str> = parts.collect();
    !rest.is_empty() && rest.iter().all(|p| p.len() == 3 && p.chars().all(|c| c.is_ascii_digit()))
}

/// Grouping separators in the integer part must split it into groups of
/// three (after a first group of 1–3 digits); "1,2,3" is a typo, not a number.
fn grouping_is_regular(body: &str, decimal_sep: char, group_sep: char) -> bool {
    let int_part = body.split(decimal_sep).next().unwrap_or("");
    let groups: Vec<&str> = int_part.split(|c: char| is_group_space(c) || c == group_sep).collect();
    if groups.len() == 1 {
        return true;
    }
    let first_ok = (1..=3).contains(&groups[0].len());
    first_ok && groups[1..].iter().all(|g| g.len() == 3)
}

/// Writes `value` rounded to `decimals` places, grouped, in `locale`.
/// Negative numbers take the minus sign (U+2212) in both languages, the
/// typographic sign French and English style guides ask for, so every
/// figure the app displays is signed the same way; [`parse_number`] reads
/// it back, and fields (see [`format_input`]) keep the ASCII hyphen people
/// type.
///
/// # Example
/// ```
/// use cadran_core::locale::{format_number, Locale};
/// use rust_decimal_macros::dec;
/// assert_eq!(format_number(dec!(1234567.891), 2, Locale::Fr), "1\u{202f}234\u{202f}567,89");
/// assert_eq!(format_number(dec!(-1234.5), 0, Locale::En), "\u{2212}1,235");
/// ```
#[must_use]
pub fn format_number(value: Decimal, decimals: u32, locale: Locale) -> String {
    let rounded = value.round_dp_with_strategy(decimals, RoundingStrategy::MidpointAwayFromZero);
    let negative = rounded.is_sign_negative() && !rounded.is_zero();
    let mut text = rounded.abs().to_string();
    if decimals > 0 {
        let have = text.split_once('.').map_or(0, |(_, f)| f.len());
        if have == 0 {
            text.push('.');
        }
        for _ in have..decimals as usize {
            text.push('0');
        }
    }
    let (int_part, frac) = text.split_once('.').unwrap_or((&text, ""));
    let (group, point) = match locale {
        Locale::Fr => ('\u{202f}', ','),
        Locale::En => (',', '.'),
    };
    let mut out = String::with_capacity(text.len() + 8);
    if negative {
        out.push('\u{2212}');
    }
    let len = int_part.len();
    for (i, c) in int_part.chars().enumerate() {
        if i > 0 && (len - i) % 3 == 0 {
            out.push(group);
        }
        out.push(c);
    }
    if !frac.is_empty() {
        out.push(point);
        out.push_str(frac);
    }
    out
}

/// Writes an amount of money in `locale`: `1 234,56 €` or `€1,234.56`.
///
/// # Example
/// ```
/// use cadran_core::locale::{format_money, Currency, Locale};
/// use rust_decimal_macros::dec;
/// assert_eq!(format_money(dec!(1234.56), Currency::Eur, Locale::Fr), "1\u{202f}234,56\u{a0}€");
/// assert_eq!(format_money(dec!(1234.56), Currency::Eur, Locale::En), "€1,234.56");
/// assert_eq!(format_money(dec!(-5), Currency::Usd, Locale::En), "\u{2212}$5.00");
/// ```
#[must_use]
pub fn format_money(value: Decimal, currency: Currency, locale: Locale) -> String {
    let number = format_number(value, 2, locale);
    let symbol = currency.symbol(locale);
    match locale {
        Locale::Fr => format!("{number}\u{a0}{symbol}"),
        Locale::En => match number.strip_prefix('\u{2212}') {
            Some(abs) => format!("\u{2212}{symbol}{abs}"),
            None if symbol.len() > 3 && symbol.is_ascii() => format!("{symbol}\u{a0}{number}"),
            None => format!("{symbol}{number}"),
        },
    }
}

/// Writes a percentage in `locale`: `12,5 %` or `12.5%`.
///
/// # Example
/// ```
/// use cadran_core::locale::{format_percent, Locale};
/// use rust_decimal_macros::dec;
/// assert_eq!(format_percent(dec!(12.54), 1, Locale::Fr), "12,5\u{a0}%");
/// assert_eq!(format_percent(dec!(12.54), 1, Locale::En), "12.5%");
/// ```
#[must_use]
pub fn format_percent(value: Decimal, decimals: u32, locale: Locale) -> String {
    let number = format_number(value, decimals, locale);
    match locale {
        Locale::Fr => format!("{number}\u{a0}%"),
        Locale::En => format!("{number}%"),
    }
}

/// Writes a number for an input field: no grouping, locale decimal separator,
/// no trailing zeros, so that it reads back with [`parse_number`].
///
/// # Example
/// ```
/// use cadran_core::locale::{format_input, Locale};
/// use rust_decimal_macros::dec;
/// assert_eq!(format_input(dec!(1234.50), Locale::Fr), "1234,5");
/// ```
#[must_use]
pub fn format_input(value: Decimal, locale: Locale) -> String {
    let s = value.normalize().to_string();
    match locale {
        Locale::Fr => s.replace('.', ","),
        Locale::En => s,
    }
}

/// Most decimals a value the app writes into a field may have: what a person
/// would type for a rate or an amount. The app's own values (a what-if, a
/// hand-off between cards, an import) are written with [`format_typed`] so a
/// field never shows `1,49424752217780704225696836`.
pub const TYPED_DECIMALS: u32 = 2;

/// A value as a person would type it into a field: rounded to `decimals`
/// places (half away from zero, as a person rounds), no grouping, no trailing
/// zeros, so it reads back with [`parse_number`].
///
/// # Example
/// ```
/// use cadran_core::locale::{format_typed, Locale};
/// use rust_decimal_macros::dec;
/// assert_eq!(format_typed(dec!(1.494247522177807), 2, Locale::Fr), "1,49");
/// assert_eq!(format_typed(dec!(-2.005), 2, Locale::En), "-2.01");
/// assert_eq!(format_typed(dec!(120), 2, Locale::Fr), "120");
/// ```
#[must_use]
pub fn format_typed(value: Decimal, decimals: u32, locale: Locale) -> String {
    format_input(round_typed(value, decimals), locale)
}

/// `value` rounded as a person rounds (half away from zero) to `decimals`
/// places, without trailing zeros: the value behind [`format_typed`]'s text.
///
/// # Example
/// ```
/// use cadran_core::locale::round_typed;
/// use rust_decimal_macros::dec;
/// assert_eq!(round_typed(dec!(6.255), 2), dec!(6.26));
/// ```
#[must_use]
pub fn round_typed(value: Decimal, decimals: u32) -> Decimal {
    value.round_dp_with_strategy(decimals, RoundingStrategy::MidpointAwayFromZero).normalize()
}

#[cfg(test)]
mod tests;
