//! Ingestion errors, always with a position a person can find in the file.
//!
//! A value that cannot be read is reported with its physical line (1-based,
//! counting the header and blank lines, as a text editor shows it), its column
//! (1-based index and header name) and the raw text, so the user can fix the
//! file or decide to skip the row knowing exactly what is lost.

use serde::{Deserialize, Serialize};
use std::fmt;

/// What was expected in a cell, or what is wrong with a row.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Problem {
    /// A number was expected (`1 234,56`, `$1,234.56`, `(12)`, `15 %`).
    NotANumber,
    /// The number is too large to compute with exactly.
    NumberTooLarge,
    /// A date was expected (ISO, dd/mm/yyyy, mm/dd/yyyy, Unix timestamp).
    NotADate,
    /// A whole score on the survey scale was expected.
    NotAScore,
    /// A yes/no value was expected (`yes`, `no`, `oui`, `non`, `true`, `false`, `1`, `0`).
    NotYesNo,
    /// A billing interval was expected (`month`, `year`, `week`, `day`).
    NotAnInterval,
    /// A required value is empty.
    Missing,
    /// The row has a different number of fields than the header.
    Ragged {
        /// Fields in the header.
        expected: usize,
        /// Fields in this row.
        found: usize,
    },
    /// The end date is before the start date.
    EndsBeforeStart,
    /// A whole number of zero or more was expected (visitors or conversions
    /// of a group).
    NotACount,
    /// A group's conversions exceed its visitors.
    ConversionsExceedVisitors,
    /// The cell has a NUL byte (binary data inside a text file); `raw`
    /// shows each NUL as `␀`.
    NulByte,
}

/// A cell or row that could not be read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RowError {
    /// Physical line in the file, 1-based.
    pub line: u64,
    /// 1-based column index, when the problem is in one cell.
    pub column: Option<usize>,
    /// Header of that column (or `column N` without a header).
    pub column_name: Option<String>,
    /// Raw text of the cell (or of the whole row for a ragged row), as read.
    pub raw: String,
    /// What was expected.
    pub problem: Problem,
}

impl fmt::Display for RowError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}", self.line)?;
        if let (Some(c), Some(n)) = (self.column, &self.column_name) {
            write!(f, ", column {c} ({n})")?;
        }
        write!(f, ": {:?} in {:?}", self.problem, self.raw)
    }
}

/// What to do with a row that cannot be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum OnBadRow {
    /// Skip it, count it and keep its details (up to a limit).
    #[default]
    Skip,
    /// Stop at the first bad row with [`IngestError::BadRow`].
    Stop,
}

/// Rows skipped: how many, and the first few in detail.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct BadRows {
    /// Number of rows skipped.
    pub count: u64,
    /// Details of the first rows skipped (at most the limit set in the options).
    pub details: Vec<RowError>,
}

impl BadRows {
    pub(crate) fn push(&mut self, e: RowError, limit: usize) {
        self.count += 1;
        if self.details.len() < limit {
            self.details.push(e);
        }
    }
}

/// Why a file cannot be ingested at all.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum IngestError {
    /// The file is empty (or only blank lines).
    Empty,
    /// The file has a header and no data row.
    HeaderOnly,
    /// The file is not text (NUL bytes, or a UTF-16/32 file).
    Binary,
    /// A quoted field is never closed; it starts on `line`.
    UnterminatedQuote {
        /// Line where the record with the open quote starts.
        line: u64,
    },
    /// Two columns have the same header.
    DuplicateHeader {
        /// The repeated header.
        name: String,
        /// 1-based index of the first column.
        first: usize,
        /// 1-based index of the second column.
        second: usize,
    },
    /// The mapping lacks a column the dataset needs (for example `customer`).
    MissingColumn {
        /// The missing role, in snake case.
        role: String,
    },
    /// The kind of data could not be recognised from the headers.
    UnknownDataset,
    /// A bad row with [`OnBadRow::Stop`].
    BadRow(RowError),
    /// A sum exceeds what can be represented exactly (about 7.9 × 10²⁸).
    Overflow,
    /// `push` or `finish` after `finish`.
    Finished,
    /// The header and a first data record are not within the first `limit`
    /// bytes (16 MiB): a line that long is not a table (or the file has no
    /// line ends Cadran knows).
    HeadTooLong {
        /// Bytes looked at, [`super::window::HEAD_LIMIT`].
        limit: u64,
    },
}

impl fmt::Display for IngestError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            IngestError::BadRow(e) => e.fmt(f),
            other => write!(f, "{other:?}"),
        }
    }
}

impl std::error::Error for IngestError {}
