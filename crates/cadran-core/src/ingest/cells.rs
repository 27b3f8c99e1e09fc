//! Reading the mapped cells of a row with the column's detected formats.

use super::date::{parse_ascii_date, parse_trimmed, DateOrder, YearMonth};
use super::day::{self, DayKey};
use super::decode::{decode, Encoding};
use super::error::Problem;
use super::mapping::{Mapping, Role};
use super::money::{parse_fixed, Amount};
use super::number::{parse_ascii_number, parse_number, DecimalSep, NumberProblem};
use super::reader::Fields;
use rust_decimal::Decimal;
use std::borrow::Cow;

/// A cell that cannot be read: 0-based column and problem. The driver adds
/// the line, header name and raw text.
#[derive(Debug)]
pub(crate) struct CellError {
    pub(crate) column: usize,
    pub(crate) problem: Problem,
}

/// Number of [`Role`] variants.
const ROLES: usize = 23;

/// How to read each column.
pub(crate) struct Ctx {
    pub(crate) encoding: Encoding,
    pub(crate) decimal: Vec<DecimalSep>,
    pub(crate) order: Vec<DateOrder>,
    pub(crate) cents: bool,
    /// Column of each role, resolved once per file (a search of the mapping
    /// per cell showed up in the profile).
    roles: [Option<usize>; ROLES],
}

/// `trim_ascii`, with the usual untrimmed cell (no space at either end)
/// answered by two byte tests.
#[inline]
fn trim(b: &[u8]) -> &[u8] {
    match (b.first(), b.last()) {
        (Some(&x), Some(&y)) if x > b' ' && y > b' ' => b,
        _ => b.trim_ascii(),
    }
}

impl Ctx {
    pub(crate) fn new(encoding: Encoding, decimal: Vec<DecimalSep>, order: Vec<DateOrder>, cents: bool, mapping: &Mapping) -> Self {
        let mut roles = [None; ROLES];
        for (i, r) in roles.iter_mut().enumerate() {
            *r = ALL.get(i).and_then(|&role| mapping.column(role));
        }
        Self { encoding, decimal, order, cents, roles }
    }

    #[inline]
    pub(crate) fn col(&self, r: Role) -> Option<usize> {
        self.roles.get(r as usize).copied().flatten()
    }

    /// Raw trimmed bytes of the column with role `r`, if mapped and non-empty.
    #[inline]
    pub(crate) fn bytes<'a>(&self, f: &Fields<'a>, r: Role) -> Option<(usize, &'a [u8])> {
        let c = self.col(r)?;
        let b = trim(f.get(c));
        (!b.is_empty()).then_some((c, b))
    }

    #[inline]
    pub(crate) fn text<'a>(&self, f: &Fields<'a>, r: Role) -> Option<(usize, Cow<'a, str>)> {
        self.bytes(f, r).map(|(c, b)| (c, decode(b, self.encoding)))
    }

    /// Number in column `r`; `Ok(None)` when unmapped or empty.
    #[inline]
    pub(crate) fn number(&self, f: &Fields<'_>, r: Role, money: bool) -> Result<Option<Decimal>, CellError> {
        let Some((c, b)) = self.bytes(f, r) else { return Ok(None) };
        self.decimal_at(f, c, b, money && self.cents).map(Some)
    }

    fn decimal_at(&self, f: &Fields<'_>, c: usize, b: &[u8], cents: bool) -> Result<Decimal, CellError> {
        let sep = self.decimal.get(c).copied().unwrap_or_default();
        let v = if f.ascii { parse_ascii_number(b, sep, cents) } else { parse_number(&decode(b, self.encoding), sep, cents) };
        v.map_err(|e| CellError {
            column: c,
            problem: match e {
                NumberProblem::TooLarge => Problem::NumberTooLarge,
                _ => Problem::NotANumber,
            },
        })
    }

    /// Money in column `r`, straight to fixed point when the cell is a plain
    /// amount (see [`parse_fixed`]); `Ok(None)` when unmapped or empty.
    #[inline(always)]
    pub(crate) fn money(&self, f: &Fields<'_>, r: Role) -> Result<Option<Amount>, CellError> {
        let Some((c, b)) = self.bytes(f, r) else { return Ok(None) };
        let dec = match self.decimal.get(c) {
            Some(DecimalSep::Comma) => b',',
            _ => b'.',
        };
        if let Some((v, s)) = parse_fixed(b, dec, self.cents) {
            return Ok(Some(Amount::Fixed(v, s)));
        }
        self.money_slow(f, c, b)
    }

    #[cold]
    #[inline(never)]
    fn money_slow(&self, f: &Fields<'_>, c: usize, b: &[u8]) -> Result<Option<Amount>, CellError> {
        self.decimal_at(f, c, b, self.cents).map(|d| Some(Amount::of(d)))
    }

    /// Month of the date in column `r`; `Ok(None)` when unmapped or empty.
    #[inline]
    pub(crate) fn month(&self, f: &Fields<'_>, r: Role) -> Result<Option<YearMonth>, CellError> {
        Ok(self.date_month(f, r)?.map(|(_, m)| m))
    }

    /// Date in column `r` as an ordering key, and its month; `Ok(None)` when
    /// unmapped or empty. Plain ISO and dd/mm/yyyy cells take [`day::fast`];
    /// others the general reader.
    #[inline(always)]
    pub(crate) fn date_month(&self, f: &Fields<'_>, r: Role) -> Result<Option<(DayKey, YearMonth)>, CellError> {
        let Some((c, b)) = self.bytes(f, r) else { return Ok(None) };
        let order = self.order.get(c).copied().unwrap_or_default();
        let d = match day::fast(b, order == DateOrder::MonthFirst) {
            Some(d) => d,
            None => self.date_slow(f, b, order),
        };
        d.map(Some).ok_or(CellError { column: c, problem: Problem::NotADate })
    }

    /// The general date reader, for cells of another shape than [`day::fast`]'s.
    #[cold]
    #[inline(never)]
    fn date_slow(&self, f: &Fields<'_>, b: &[u8], order: DateOrder) -> Option<(DayKey, YearMonth)> {
        let d = if f.ascii { parse_ascii_date(b, order) } else { parse_trimmed(decode(b, self.encoding).trim().as_bytes(), order) };
        d.map(|(d, m)| (DayKey::of(d), m))
    }

    /// A required column: its index when mapped (for `Missing` errors).
    pub(crate) fn missing(&self, r: Role) -> CellError {
        CellError { column: self.col(r).unwrap_or(0), problem: Problem::Missing }
    }
}

/// Every role, in declaration order (`ALL[r as usize] == r`, checked below).
const ALL: [Role; ROLES] = [
    Role::Customer, Role::Start, Role::CanceledAt, Role::EndedAt, Role::Mrr, Role::Amount, Role::Interval,
    Role::IntervalCount, Role::Quantity, Role::Plan, Role::Status, Role::Segment, Role::Date, Role::Score,
    Role::Comment, Role::Ticket, Role::Fcr, Role::Channel, Role::Variant, Role::Converted, Role::Visitors,
    Role::Conversions, Role::Revenue,
];

/// Reads yes/no in English and French.
#[must_use]
pub(crate) fn yes_no(t: &str) -> Option<bool> {
    match t.trim().to_lowercase().as_str() {
        "yes" | "y" | "oui" | "o" | "true" | "vrai" | "1" | "x" => Some(true),
        "no" | "n" | "non" | "false" | "faux" | "0" => Some(false),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn role_table_matches_declaration_order() {
        for (i, r) in ALL.iter().enumerate() {
            assert_eq!(*r as usize, i, "{r:?}");
        }
    }
}
