//! What can go wrong reading a ticket file: a bad row (kept with its line,
//! column and raw text so the user can find it) or a file-level error (one
//! that leaves nothing to import, such as a missing "created" column).

use super::error::TicketProblem;
use super::headers::TicketColumn;
use super::timestamp::{DurationProblem, TimestampProblem};
use crate::ingest::IngestError;
use serde::{Deserialize, Serialize};
use std::fmt;

/// What is wrong with one row of a ticket file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum TicketRowProblem {
    /// A timestamp cell cannot be read (not a date, 29 February of a common
    /// year, a time skipped by the spring clock change, an empty creation date).
    Timestamp(TimestampProblem),
    /// A duration cell cannot be read (not a number, negative, over ten years).
    Duration(DurationProblem),
    /// The cells read, but the ticket's times do not hold together (solved
    /// or answered before created, a span over ten years).
    Span(TicketProblem),
    /// The reopen count is not a whole number of zero or more.
    NotACount,
    /// The row has fewer fields than the header, or extra non-empty ones.
    Ragged {
        /// Fields in the header.
        expected: usize,
        /// Fields in this row.
        found: usize,
    },
}

/// A row left out of the import, and where it is in the file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TicketRowError {
    /// Physical line where the record starts, 1-based (the header, blank
    /// lines and line breaks inside quoted fields all count, as a text
    /// editor shows them).
    pub line: u64,
    /// 1-based column index of the offending cell (`None` for a ragged row).
    pub column: Option<usize>,
    /// That column's header.
    pub column_name: Option<String>,
    /// The cell's raw text (the whole record, delimiter-joined, for a ragged row).
    pub raw: String,
    /// What is wrong.
    pub problem: TicketRowProblem,
}

impl fmt::Display for TicketRowError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}", self.line)?;
        if let (Some(c), Some(n)) = (self.column, &self.column_name) {
            write!(f, ", column {c} ({n})")?;
        }
        write!(f, ": {:?} in {:?}", self.problem, self.raw)
    }
}

/// Rows left out: how many, and the first few in detail.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct BadTicketRows {
    /// Rows left out.
    pub count: u64,
    /// The first of them, at most [`super::ReadOptions::max_error_details`].
    pub details: Vec<TicketRowError>,
}

impl BadTicketRows {
    pub(super) fn push(&mut self, e: TicketRowError, limit: usize) {
        self.count += 1;
        if self.details.len() < limit {
            self.details.push(e);
        }
    }
}

/// Why a ticket file cannot be read at all.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum TicketFileError {
    /// The file itself is unreadable as a table: empty, binary, a header
    /// with no data row, a quote never closed, two columns with the same
    /// header, a first record over 16 MiB.
    File(IngestError),
    /// Columns the tickets need are not among the headers: always the
    /// creation time, and a way to get at least one duration (a first
    /// reply or solve timestamp, or a duration column with its unit).
    MissingColumns {
        /// What is missing: [`TicketColumn::Created`], and/or the columns
        /// any one of which would give a duration.
        missing: Vec<TicketColumn>,
        /// The headers found, as written in the file.
        found: Vec<String>,
    },
    /// A bad row while [`crate::ingest::OnBadRow::Stop`] was chosen.
    BadRow(TicketRowError),
    /// `push` or `finish` after `finish`.
    Finished,
}

impl From<IngestError> for TicketFileError {
    fn from(e: IngestError) -> Self {
        TicketFileError::File(e)
    }
}

impl fmt::Display for TicketFileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TicketFileError::BadRow(e) => e.fmt(f),
            TicketFileError::MissingColumns { missing, found } => {
                write!(f, "missing {missing:?}; found {found:?}")
            }
            other => write!(f, "{other:?}"),
        }
    }
}

impl std::error::Error for TicketFileError {}
