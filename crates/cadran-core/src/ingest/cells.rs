//! Reading the mapped cells of a row with the column's detected formats.

use super::date::{parse_date, Date, DateOrder};
use super::decode::{decode, Encoding};
use super::error::Problem;
use super::mapping::{Mapping, Role};
use super::number::{parse_number, DecimalSep, NumberProblem};
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

/// How to read each column.
pub(crate) struct Ctx {
    pub(crate) encoding: Encoding,
    pub(crate) decimal: Vec<DecimalSep>,
    pub(crate) order: Vec<DateOrder>,
    pub(crate) cents: bool,
    pub(crate) mapping: Mapping,
}

fn trim(b: &[u8]) -> &[u8] {
    b.trim_ascii()
}

impl Ctx {
    pub(crate) fn col(&self, r: Role) -> Option<usize> {
        self.mapping.column(r)
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
        let Some((c, t)) = self.text(f, r) else { return Ok(None) };
        let sep = self.decimal.get(c).copied().unwrap_or_default();
        parse_number(&t, sep, money && self.cents).map(Some).map_err(|e| CellError {
            column: c,
            problem: match e {
                NumberProblem::TooLarge => Problem::NumberTooLarge,
                _ => Problem::NotANumber,
            },
        })
    }

    /// Date in column `r`; `Ok(None)` when unmapped or empty.
    #[inline]
    pub(crate) fn date(&self, f: &Fields<'_>, r: Role) -> Result<Option<Date>, CellError> {
        let Some((c, t)) = self.text(f, r) else { return Ok(None) };
        let order = self.order.get(c).copied().unwrap_or_default();
        parse_date(&t, order).map(Some).ok_or(CellError { column: c, problem: Problem::NotADate })
    }

    /// A required column: its index when mapped (for `Missing` errors).
    pub(crate) fn missing(&self, r: Role) -> CellError {
        CellError { column: self.col(r).unwrap_or(0), problem: Problem::Missing }
    }
}

/// Reads yes/no in English and French.
#[must_use]
pub(crate) fn yes_no(t: &str) -> Option<bool> {
    match t.trim().to_lowercase().as_str() {
        "yes" | "y" | "oui" | "o" | "true" | "vrai" | "1" | "x" => Some(true),
        "no" | "n" | "non" | "false" | "faux" | "0" => Some(false),
        _ => None,
    }
}
