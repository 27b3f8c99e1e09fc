//! One data record of the import loop: the header skipped, the row read by
//! its dataset's row function, counted, or turned into an error naming its
//! line and column (the ragged and error paths kept out of the hot loop).

use super::cells::CellError;
use super::decode::{decode, has_invalid_utf8, Encoding};
use super::error::{BadRows, IngestError, OnBadRow, Problem, RowError};
use super::reader::{Fields, Flow};
use super::{Layout, Options};

/// What the record loop updates besides the sink.
pub(super) struct RowState<'a> {
    pub(super) layout: &'a Layout,
    pub(super) header_pending: &'a mut bool,
    pub(super) rows: &'a mut u64,
    pub(super) bad: &'a mut BadRows,
    /// Records with bytes that are not UTF-8 (in a UTF-8 file).
    pub(super) not_utf8: &'a mut u64,
    pub(super) o: &'a Options,
}

impl RowState<'_> {
    /// One record: skips the header, reads a data row with `row`, counts it
    /// or the error.
    #[inline(always)]
    pub(super) fn record(&mut self, line: u64, f: &Fields<'_>, row: impl FnOnce(&Fields<'_>) -> Result<(), CellError>) -> Result<Flow, IngestError> {
        if !f.ascii && self.layout.encoding == Encoding::Utf8 && not_utf8(f) {
            *self.not_utf8 += 1;
        }
        if *self.header_pending {
            *self.header_pending = false;
            return Ok(Flow::Continue);
        }
        match one_row(line, f, self.layout, row) {
            Ok(()) => *self.rows += 1,
            Err(e) => {
                if self.o.on_bad_row == OnBadRow::Stop {
                    return Err(IngestError::BadRow(e));
                }
                self.bad.push(e, self.o.max_error_details);
            }
        }
        Ok(Flow::Continue)
    }
}

/// Whether some field of a non-ASCII record is not UTF-8. The record's bytes
/// are tested at once: a raw line's fields are separated by an ASCII
/// delimiter, so it is valid exactly when they all are; csv-core's output
/// puts fields end to end, so when it is valid each field is tested (two
/// halves of a character in two fields are two invalid cells).
#[cold]
fn not_utf8(f: &Fields<'_>) -> bool {
    has_invalid_utf8(f.buf) || f.gap == 0 && (0..f.len()).any(|i| has_invalid_utf8(f.get(i)))
}

/// Reads one data row with `row`; a bad row becomes a positioned error.
#[inline(always)]
fn one_row(line: u64, f: &Fields<'_>, layout: &Layout, row: impl FnOnce(&Fields<'_>) -> Result<(), CellError>) -> Result<(), RowError> {
    // The fast path leaves records with a NUL to csv-core (gap 0).
    if f.gap == 0 && f.buf.contains(&0) {
        return Err(nul_error(line, f, layout));
    }
    let n = layout.headers.len();
    if f.len() != n {
        return irregular(line, f, layout, row);
    }
    row(f).map_err(|e| cell_error(line, f, layout, e))
}

/// A row with a NUL byte (past the first 8 KB, which would have made the
/// file [`IngestError::Binary`]): skipped rather than let into an id, its
/// cell shown with `␀` (U+2400) for each NUL.
#[cold]
fn nul_error(line: u64, f: &Fields<'_>, layout: &Layout) -> RowError {
    let c = (0..f.len()).find(|&i| f.get(i).contains(&0)).unwrap_or(0);
    RowError {
        line,
        column: Some(c + 1),
        column_name: layout.headers.get(c).cloned(),
        raw: decode(f.get(c), layout.encoding).replace('\0', "\u{2400}"),
        problem: Problem::NulByte,
    }
}

/// A row whose field count differs from the header's: a line of spaces
/// (counted as read, nothing in it), trailing empty fields (read), or ragged.
#[cold]
fn irregular(line: u64, f: &Fields<'_>, layout: &Layout, row: impl FnOnce(&Fields<'_>) -> Result<(), CellError>) -> Result<(), RowError> {
    let n = layout.headers.len();
    if f.len() == 1 && f.get(0).trim_ascii().is_empty() && n > 1 {
        return Ok(()); // a line of spaces
    }
    if f.len() < n || (n..f.len()).any(|i| !f.get(i).trim_ascii().is_empty()) {
        let raw = (0..f.len()).map(|i| decode(f.get(i), layout.encoding)).collect::<Vec<_>>().join(&char::from(layout.delimiter).to_string());
        return Err(RowError { line, column: None, column_name: None, raw, problem: Problem::Ragged { expected: n, found: f.len() } });
    }
    row(f).map_err(|e| cell_error(line, f, layout, e))
}

/// A cell error with its line, column name and raw text.
#[cold]
fn cell_error(line: u64, f: &Fields<'_>, layout: &Layout, e: CellError) -> RowError {
    RowError {
        line,
        column: Some(e.column + 1),
        column_name: layout.headers.get(e.column).cloned(),
        raw: decode(f.get(e.column), layout.encoding).into_owned(),
        problem: e.problem,
    }
}
