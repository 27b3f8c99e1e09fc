//! A help-desk export read into [`Ticket`]s: the missing step between a
//! Zendesk, Freshdesk, HubSpot or French CSV and the support-time analyses.
//!
//! The file goes through the same machinery as every other import
//! (`ingest`): encoding detection (UTF-8 with or without BOM, Windows-1252
//! from French Excel), delimiter sniffing, the chunked record reader with
//! exact physical line numbers, and the same detection window, so a
//! streamed read ([`TicketReader::push`] then [`TicketReader::finish`])
//! gives exactly what [`read_tickets`] gives on the whole file. Tickets are
//! not a new `ingest` dataset kind: the app matches those exhaustively, and
//! tickets are kept one by one (the summaries need every duration for exact
//! percentiles), not aggregated on the fly.

use super::headers::{DurationSource, TicketMapping};
use super::read_error::{BadTicketRows, TicketFileError};
use super::read_row::RowReader;
use super::ticket::{Measure, Ticket};
use super::zone::Zone;
use crate::ingest::date::DateOrder;
use crate::ingest::decode::Encoding;
use crate::ingest::number::DecimalSep;
use crate::ingest::reader::{Flow, RecordReader};
use crate::ingest::{window, IngestError, OnBadRow, Options};
use serde::{Deserialize, Serialize};

/// How to read a ticket file. `None` means "detect".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReadOptions {
    /// The zone of timestamps written without an offset (help desks export
    /// in the account's zone, not UTC).
    pub zone: Zone,
    /// Skip bad rows (counted, the first few kept) or stop at the first.
    pub on_bad_row: OnBadRow,
    /// Bad rows kept in detail; the rest are only counted.
    pub max_error_details: usize,
    /// Text encoding.
    pub encoding: Option<Encoding>,
    /// Field delimiter.
    pub delimiter: Option<u8>,
    /// Day/month order of every timestamp column.
    pub date_order: Option<DateOrder>,
    /// Decimal separator of every duration column.
    pub decimal: Option<DecimalSep>,
}

impl Default for ReadOptions {
    fn default() -> Self {
        Self {
            zone: Zone::default(),
            on_bad_row: OnBadRow::Skip,
            max_error_details: 100,
            encoding: None,
            delimiter: None,
            date_order: None,
            decimal: None,
        }
    }
}

/// Where one measure's durations came from, for the UI to show
/// ("First reply time in minutes → minutes", "Created time → Resolved time").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MeasureSource {
    /// The measure.
    pub measure: Measure,
    /// Timestamps, or a duration column in a unit.
    pub source: DurationSource,
    /// The headers used: the creation and end columns, or the duration column.
    pub headers: Vec<String>,
}

/// A ticket file read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TicketFile {
    /// The tickets read, in file order.
    pub tickets: Vec<Ticket>,
    /// The header reading (help desk, columns, units).
    pub mapping: TicketMapping,
    /// The headers as written (BOM and surrounding spaces removed).
    pub headers: Vec<String>,
    /// The encoding used.
    pub encoding: Encoding,
    /// The delimiter used.
    pub delimiter: u8,
    /// Day/month order of each timestamp column (0-based index).
    pub date_order: Vec<(usize, DateOrder)>,
    /// How each measure available was obtained.
    pub measures: Vec<MeasureSource>,
    /// Rows left out.
    pub bad_rows: BadTicketRows,
}

/// Reads a whole ticket file at once ([`TicketReader`] in one push).
///
/// **Why.** Help desks export tickets as CSV with their own column names
/// and units; this turns such a file into the [`Ticket`]s that
/// [`super::summarise`], [`super::sla_report`] and [`super::weekly_backlog`]
/// take, reporting which columns and units were used and each row left
/// out by line and column. **Sources.** Column names and units:
/// [`super::recognise_ticket_headers`] (Zendesk, *Exporting ticket data*;
/// Freshdesk, *Exporting tickets*); CSV: RFC 4180 as read by `csv-core`.
///
/// # Errors
/// [`TicketFileError`]: an unreadable file, missing columns, or the first
/// bad row with [`OnBadRow::Stop`].
///
/// # Example
/// ```
/// use cadran_core::metrics::support_times::*;
/// let csv = "Id,Created at,Solved at,First reply time in minutes\n\
///            7,2026-03-02 09:00,2026-03-02 11:30,45\n\
///            8,2026-03-02 10:00,2026-03-01 10:00,5\n";
/// let file = read_tickets(csv.as_bytes(), &ReadOptions::default()).unwrap();
/// assert_eq!(file.tickets.len(), 1);
/// assert_eq!(file.tickets[0].duration(Measure::FirstResponse), Ok(Some(2700)));
/// assert_eq!(file.measures[0].headers, ["First reply time in minutes"]);
/// let bad = &file.bad_rows.details[0]; // solved the day before it was created
/// assert_eq!((bad.line, bad.column, bad.column_name.as_deref()), (3, Some(3), Some("Solved at")));
/// ```
pub fn read_tickets(bytes: &[u8], options: &ReadOptions) -> Result<TicketFile, TicketFileError> {
    let mut r = TicketReader::new(options.clone());
    r.push(bytes)?;
    r.finish()
}

/// The reading once the layout is known.
pub(super) struct Run {
    pub(super) reader: RecordReader,
    pub(super) rows: RowReader,
    pub(super) file: TicketFile,
    pub(super) header_pending: bool,
}

/// Streaming ticket reader: [`push`](TicketReader::push) chunks as they
/// arrive, then [`finish`](TicketReader::finish).
pub struct TicketReader {
    options: ReadOptions,
    head: Vec<u8>,
    window: usize,
    run: Option<Run>,
    consumed: u64,
    done: bool,
}

impl TicketReader {
    /// A new reading.
    ///
    /// **Why.** A Web Worker reads a large export chunk by chunk, with
    /// progress, instead of holding the raw file and the tickets at once.
    /// The layout is detected on the same byte window whatever the chunking
    /// (`ingest::window`), so the result does not depend on it.
    ///
    /// # Example
    /// ```
    /// use cadran_core::metrics::support_times::*;
    /// let mut r = TicketReader::new(ReadOptions::default());
    /// r.push(b"Created at,Solved at\n2026-03-02 09:").unwrap();
    /// r.push(b"00,2026-03-02 10:00\n").unwrap();
    /// let file = r.finish().unwrap();
    /// assert_eq!(file.tickets[0].duration(Measure::Resolution), Ok(Some(3600)));
    /// ```
    #[must_use]
    pub fn new(options: ReadOptions) -> Self {
        Self {
            options,
            head: Vec::new(),
            window: window::SNIFF_BYTES,
            run: None,
            consumed: 0,
            done: false,
        }
    }

    /// Bytes pushed so far.
    ///
    /// **Why.** A progress bar over a large export (bytes pushed ÷ file size),
    /// as `ingest::Ingestor::bytes_consumed` gives for the other imports.
    ///
    /// # Example
    /// ```
    /// use cadran_core::metrics::support_times::*;
    /// let mut r = TicketReader::new(ReadOptions::default());
    /// r.push(b"Created at,Solved at\n").unwrap();
    /// assert_eq!(r.bytes_consumed(), 21);
    /// ```
    #[must_use]
    pub fn bytes_consumed(&self) -> u64 {
        self.consumed
    }

    fn window_options(&self) -> Options {
        Options {
            encoding: self.options.encoding,
            delimiter: self.options.delimiter,
            has_header: Some(true),
            ..Options::default()
        }
    }

    /// Feeds the next chunk, cut anywhere (inside a quoted field, a line
    /// end or the BOM): the bytes are held until the detection window is
    /// complete, then read record by record.
    ///
    /// **Why.** A browser `File` arrives as a stream of chunks. **Source.**
    /// As `ingest::Ingestor::push`, whose record reader this reuses.
    ///
    /// # Errors
    /// A file-level problem, or a bad row with [`OnBadRow::Stop`]; after an
    /// error, further calls return [`TicketFileError::Finished`].
    ///
    /// # Example
    /// ```
    /// use cadran_core::{ingest::OnBadRow, metrics::support_times::*};
    /// let stop = ReadOptions { on_bad_row: OnBadRow::Stop, ..ReadOptions::default() };
    /// let mut r = TicketReader::new(stop);
    /// r.push(b"Created at,Solved at\n2026-03-02,2026-03-01\n").unwrap(); // held: the window is not full
    /// let err = r.finish().unwrap_err();
    /// assert!(matches!(err, TicketFileError::BadRow(e) if e.line == 2 && e.column == Some(2)));
    /// ```
    pub fn push(&mut self, chunk: &[u8]) -> Result<(), TicketFileError> {
        if self.done {
            return Err(TicketFileError::Finished);
        }
        self.consumed += chunk.len() as u64;
        let result = self.push_inner(chunk);
        self.done |= result.is_err();
        result
    }

    fn push_inner(&mut self, chunk: &[u8]) -> Result<(), TicketFileError> {
        if let Some(run) = self.run.as_mut() {
            return run.feed(chunk, false, &self.options);
        }
        self.head.extend_from_slice(chunk);
        let o = self.window_options();
        if let Some((len, eof)) = window::grow(&self.head, &mut self.window, false, &o)? {
            self.start(len, eof)?;
        }
        Ok(())
    }

    /// Ends the reading and returns the tickets, the mapping and units used
    /// and the rows left out.
    ///
    /// **Why.** Only at the end of the file is a short file's layout known,
    /// and a last record without a line end complete. **Source.** As
    /// `ingest::Ingestor::finish`.
    ///
    /// # Errors
    /// A file-level problem (a header and no data row, missing columns), or
    /// a bad row with [`OnBadRow::Stop`]; [`TicketFileError::Finished`] when
    /// called twice.
    ///
    /// # Example
    /// ```
    /// use cadran_core::metrics::support_times::*;
    /// let mut r = TicketReader::new(ReadOptions::default());
    /// r.push(b"Subject,Status\nHelp,open").unwrap();
    /// let Err(TicketFileError::MissingColumns { missing, found }) = r.finish() else { panic!() };
    /// assert_eq!(missing[0], TicketColumn::Created);
    /// assert_eq!(found, ["Subject", "Status"]);
    /// ```
    pub fn finish(&mut self) -> Result<TicketFile, TicketFileError> {
        if self.done {
            return Err(TicketFileError::Finished);
        }
        self.done = true;
        if self.run.is_none() {
            let o = self.window_options();
            match window::grow(&self.head, &mut self.window, true, &o)? {
                Some((len, eof)) => self.start(len, eof)?,
                None => return Err(IngestError::Empty.into()),
            }
        }
        let mut run = self.run.take().ok_or(IngestError::Empty)?;
        run.feed(&[], true, &self.options)?;
        if run.file.tickets.is_empty() && run.file.bad_rows.count == 0 {
            return Err(IngestError::HeaderOnly.into());
        }
        Ok(run.file)
    }

    fn start(&mut self, len: usize, eof: bool) -> Result<(), TicketFileError> {
        let head = std::mem::take(&mut self.head);
        let mut run =
            super::read_layout::detect(head.get(..len).unwrap_or(&head), eof, &self.options)?;
        run.feed(&head, false, &self.options)?;
        self.run = Some(run);
        Ok(())
    }
}

impl Run {
    fn feed(&mut self, chunk: &[u8], eof: bool, o: &ReadOptions) -> Result<(), TicketFileError> {
        let Run {
            reader,
            rows,
            file,
            header_pending,
        } = self;
        let mut stop = None;
        reader.feed(chunk, eof, |line, f| {
            if std::mem::take(header_pending) {
                return Ok(Flow::Continue);
            }
            if f.len() == 1 && f.get(0).trim_ascii().is_empty() && rows.headers.len() > 1 {
                return Ok(Flow::Continue); // a line of spaces
            }
            match rows.row(line, f) {
                Ok(t) => file.tickets.push(t),
                Err(e) if o.on_bad_row == OnBadRow::Stop => {
                    stop = Some(e);
                    return Ok(Flow::Stop);
                }
                Err(e) => file.bad_rows.push(e, o.max_error_details),
            }
            Ok(Flow::Continue)
        })?;
        match stop {
            Some(e) => Err(TicketFileError::BadRow(e)),
            None => Ok(()),
        }
    }
}

#[cfg(test)]
#[path = "read_tests.rs"]
mod tests;
