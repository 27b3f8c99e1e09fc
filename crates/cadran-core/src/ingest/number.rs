//! Numbers as spreadsheets and billing tools export them.
//!
//! `1234.56`, `1 234,56`, `1.234,56`, `1'234.56`, `€1,234.56`, `12,5 %`,
//! `(12.00)`, `-12`, `1 234,56 EUR`. The decimal separator is decided per
//! column from its values (see [`DecimalDetector`]); a value whose only
//! separator cannot be grouping is read with it as decimal separator anyway.
//! Parsing never allocates: plain `1234.56` takes a fast path.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// The decimal separator of a column.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum DecimalSep {
    /// `1234.56`
    #[default]
    Point,
    /// `1234,56`
    Comma,
}

/// Why a text is not a number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NumberProblem {
    /// Empty or blank.
    Empty,
    /// Not a number.
    NotANumber,
    /// More than 28 significant digits.
    TooLarge,
}

/// Reads a number with `sep` as decimal separator; `cents` divides by 100.
///
/// # Example
/// ```
/// use cadran_core::ingest::number::{parse_number, DecimalSep::*};
/// use rust_decimal_macros::dec;
/// assert_eq!(parse_number("1234.56", Point, false), Ok(dec!(1234.56)));
/// assert_eq!(parse_number("1 234,56 €", Comma, false), Ok(dec!(1234.56)));
/// assert_eq!(parse_number("(1.234,50)", Comma, false), Ok(dec!(-1234.50)));
/// assert_eq!(parse_number("USD 1,234", Point, false), Ok(dec!(1234)));
/// assert_eq!(parse_number("12,5 %", Comma, false), Ok(dec!(12.5)));
/// assert_eq!(parse_number("1999", Point, true), Ok(dec!(19.99)));
/// assert!(parse_number("douze", Point, false).is_err());
/// ```
pub fn parse_number(text: &str, sep: DecimalSep, cents: bool) -> Result<Decimal, NumberProblem> {
    let (mantissa, scale) = match fast(text.as_bytes(), sep) {
        Some(v) => v,
        None => slow(text, sep)?,
    };
    let scale = if cents { scale + 2 } else { scale };
    if scale > 28 {
        return Err(NumberProblem::TooLarge);
    }
    Decimal::try_from_i128_with_scale(mantissa, scale).map_err(|_| NumberProblem::TooLarge)
}

/// [`parse_number`] on the bytes of an ASCII cell: the common plain numbers
/// skip the UTF-8 check entirely.
#[inline]
pub(crate) fn parse_ascii_number(b: &[u8], sep: DecimalSep, cents: bool) -> Result<Decimal, NumberProblem> {
    match fast(b, sep) {
        Some((mantissa, scale)) => {
            let scale = if cents { scale + 2 } else { scale };
            Decimal::try_from_i128_with_scale(mantissa, scale).map_err(|_| NumberProblem::TooLarge)
        }
        None => parse_number(std::str::from_utf8(b).map_err(|_| NumberProblem::NotANumber)?, sep, cents),
    }
}

/// `-?digits([sep]digits)?` with at most 18 digits (so that the `i64`
/// cannot overflow: 19 nines would).
#[inline]
fn fast(b: &[u8], sep: DecimalSep) -> Option<(i128, u32)> {
    let dec = match sep {
        DecimalSep::Point => b'.',
        DecimalSep::Comma => b',',
    };
    let (neg, digits) = match b.first() {
        Some(b'-') => (true, b.get(1..)?),
        _ => (false, b),
    };
    if digits.is_empty() || digits.len() > 18 {
        return None;
    }
    let mut m: i64 = 0;
    let mut scale: Option<u32> = None;
    let mut n = 0;
    for &c in digits {
        if c.is_ascii_digit() {
            m = m * 10 + i64::from(c - b'0');
            n += 1;
            if let Some(s) = scale.as_mut() {
                *s += 1;
            }
        } else if c == dec && scale.is_none() {
            scale = Some(0);
        } else {
            return None;
        }
    }
    if n == 0 {
        return None;
    }
    let m = i128::from(m);
    Some((if neg { -m } else { m }, scale.unwrap_or(0)))
}

fn is_space(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{a0}' | '\u{202f}' | '\u{2009}')
}

const UNITS: [&str; 12] = ["US$", "CA$", "EUR", "USD", "CAD", "GBP", "CHF", "€", "$", "£", "%", "Fr."];

fn strip_units(mut t: &str) -> &str {
    loop {
        let before = t.len();
        t = t.trim_matches(is_space);
        for u in UNITS {
            if t.len() >= u.len() {
                if t.get(..u.len()).is_some_and(|p| p.eq_ignore_ascii_case(u)) {
                    t = t.get(u.len()..).unwrap_or("");
                }
                if t.len() >= u.len() && t.get(t.len() - u.len()..).is_some_and(|p| p.eq_ignore_ascii_case(u)) {
                    t = t.get(..t.len() - u.len()).unwrap_or("");
                }
            }
        }
        if t.len() == before {
            return t;
        }
    }
}

fn slow(text: &str, sep: DecimalSep) -> Result<(i128, u32), NumberProblem> {
    let mut t = strip_units(text);
    if t.is_empty() {
        return Err(NumberProblem::Empty);
    }
    let mut neg = false;
    if let Some(inner) = t.strip_prefix('(').and_then(|r| r.strip_suffix(')')) {
        neg = true;
        t = strip_units(inner);
    }
    if let Some(r) = t.strip_prefix('-').or_else(|| t.strip_prefix('−')) {
        neg = !neg;
        t = strip_units(r);
    } else if let Some(r) = t.strip_prefix('+') {
        t = strip_units(r);
    } else if let Some(r) = t.strip_suffix('-') {
        // "12,50-" (SAP-style trailing minus)
        neg = !neg;
        t = strip_units(r);
    }
    let (dec, grp) = match sep {
        DecimalSep::Point => ('.', ','),
        DecimalSep::Comma => (',', '.'),
    };
    match digits(t, dec, grp) {
        Ok(v) => Ok(signed(v, neg)),
        Err(e) => {
            // Only the "other" separator, used once, not as grouping: it is
            // the decimal separator of this value ("12.5" in a comma column).
            if t.matches(grp).count() == 1 && !t.contains(dec) {
                digits(t, grp, dec).map(|v| signed(v, neg)).map_err(|_| e)
            } else {
                Err(e)
            }
        }
    }
}

fn signed((m, s): (i128, u32), neg: bool) -> (i128, u32) {
    (if neg { -m } else { m }, s)
}

/// Digits with grouping (`grp`, spaces, apostrophes) in groups of three and
/// one optional decimal separator.
fn digits(t: &str, dec: char, grp: char) -> Result<(i128, u32), NumberProblem> {
    let mut m: i128 = 0;
    let mut n = 0u32;
    let mut scale: Option<u32> = None;
    let mut group: Option<u32> = None; // digits since the last group separator
    let mut first_group = 0u32;
    for c in t.chars() {
        if let Some(d) = c.to_digit(10) {
            if n >= 28 {
                return Err(NumberProblem::TooLarge);
            }
            m = m * 10 + i128::from(d);
            if m != 0 || scale.is_some() {
                n += 1;
            }
            match (scale.as_mut(), group.as_mut()) {
                (Some(s), _) => *s += 1,
                (None, Some(g)) => *g += 1,
                (None, None) => first_group += 1,
            }
        } else if c == dec && scale.is_none() {
            if group.is_some_and(|g| g != 3) {
                return Err(NumberProblem::NotANumber);
            }
            scale = Some(0);
        } else if (c == grp || c == '\'' || c == '’' || is_space(c)) && scale.is_none() {
            if first_group == 0 || first_group > 3 || group.is_some_and(|g| g != 3) {
                return Err(NumberProblem::NotANumber);
            }
            group = Some(0);
        } else {
            return Err(NumberProblem::NotANumber);
        }
    }
    if group.is_some_and(|g| g != 3) && scale.is_none() || first_group == 0 && scale.is_none_or(|s| s == 0) {
        return Err(NumberProblem::NotANumber);
    }
    Ok((m, scale.unwrap_or(0)))
}

/// Decides a column's decimal separator from its values.
///
/// A value with both `.` and `,` votes for the last one; a separator followed
/// by other than exactly three digits cannot be grouping and votes for
/// itself; `1,234` votes for nothing. Without any vote, `;`-separated files
/// (French Excel) get a decimal comma, others a decimal point.
///
/// # Example
/// ```
/// use cadran_core::ingest::number::{DecimalDetector, DecimalSep};
/// let mut d = DecimalDetector::default();
/// for v in ["1 234", "12,5", "3"] { d.observe(v); }
/// assert_eq!(d.decide(b','), DecimalSep::Comma);
/// ```
#[derive(Debug, Clone, Copy, Default)]
pub struct DecimalDetector {
    point: u32,
    comma: u32,
}

impl DecimalDetector {
    /// Looks at one value.
    pub fn observe(&mut self, v: &str) {
        let (p, c) = (v.rfind('.'), v.rfind(','));
        let vote = match (p, c) {
            (Some(p), Some(c)) => Some(if p > c { '.' } else { ',' }),
            (Some(i), None) | (None, Some(i)) => {
                let sep = if p.is_some() { '.' } else { ',' };
                let after = v.get(i + 1..).unwrap_or("");
                let n = after.chars().take_while(char::is_ascii_digit).count();
                (n != 3 || v.matches(sep).count() == 1 && after.len() > n + 2).then_some(sep)
            }
            (None, None) => None,
        };
        match vote {
            Some('.') => self.point += 1,
            Some(_) => self.comma += 1,
            None => {}
        }
    }

    /// The decision, defaulting from the file's delimiter.
    #[must_use]
    pub fn decide(&self, delimiter: u8) -> DecimalSep {
        if self.comma > self.point || self.comma == self.point && delimiter == b';' && self.comma == 0 {
            DecimalSep::Comma
        } else {
            DecimalSep::Point
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;
    use DecimalSep::*;

    /// 19 nines used to take the `i64` fast path and overflow (a panic with
    /// overflow checks, as in tests and fuzzing); they now go the slow path.
    #[test]
    fn nineteen_digits_do_not_overflow() {
        assert_eq!(parse_number("9999999999999999999", Point, false), Ok(dec!(9999999999999999999)));
        assert_eq!(parse_ascii_number(b"-9999999999999999999", Point, false), Ok(dec!(-9999999999999999999)));
        assert_eq!(parse_number("999999999999999999.9", Point, false), Ok(dec!(999999999999999999.9)));
    }

    #[test]
    fn flavours() {
        let table = [
            ("1234.56", Point, dec!(1234.56)),
            ("-0.5", Point, dec!(-0.5)),
            ("1,234.56", Point, dec!(1234.56)),
            ("1.234,56", Comma, dec!(1234.56)),
            ("1 234,56", Comma, dec!(1234.56)),
            ("1\u{a0}234,56", Comma, dec!(1234.56)),
            ("1\u{202f}234,56 €", Comma, dec!(1234.56)),
            ("1'234.56", Point, dec!(1234.56)),
            ("$1,234.56", Point, dec!(1234.56)),
            ("€ 12", Point, dec!(12)),
            ("12 EUR", Comma, dec!(12)),
            ("CHF 1'000.50", Point, dec!(1000.50)),
            ("(12.00)", Point, dec!(-12.00)),
            ("- 12", Point, dec!(-12)),
            ("−3,5", Comma, dec!(-3.5)),
            ("12.5", Comma, dec!(12.5)),
            ("12,5", Point, dec!(12.5)),
            ("45 %", Point, dec!(45)),
            ("0,5%", Comma, dec!(0.5)),
            (".5", Point, dec!(0.5)),
            ("1.234.567", Comma, dec!(1234567)),
        ];
        for (text, sep, want) in table {
            assert_eq!(parse_number(text, sep, false), Ok(want), "{text:?} with {sep:?}");
        }
    }

    #[test]
    fn rejects() {
        for t in ["", " ", "abc", "1,2,3", "12a", "1.2.3", "--", "()", "1 23", "€", "1..2"] {
            assert!(parse_number(t, Point, false).is_err(), "{t:?} should not parse");
        }
        assert_eq!(parse_number("1".repeat(40).as_str(), Point, false), Err(NumberProblem::TooLarge));
    }

    #[test]
    fn cents() {
        assert_eq!(parse_number("1999", Point, true), Ok(dec!(19.99)));
    }
}
