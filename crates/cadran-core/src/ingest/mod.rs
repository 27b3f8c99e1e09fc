//! CSV ingestion: encodings, delimiters, locale-aware numbers and dates,
//! column mapping and the five datasets (surveys, subscriptions, transactions,
//! support contacts, A/B-test experiments).
//!
//! Files are fed in chunks ([`Ingestor::push`] then [`Ingestor::finish`]) so
//! that a Web Worker can stream a 100 MB file with progress; [`ingest`] does
//! both at once. Only mapped columns are decoded and parsed.
//!
//! ```
//! use cadran_core::ingest::{ingest, Options, DatasetReport};
//! let csv = "Customer ID;Start;Canceled At;MRR\nc1;05/01/2024;;10,50\nc2;10/01/2024;15/02/2024;20\n";
//! let report = ingest(csv.as_bytes(), &Options::default()).unwrap();
//! let DatasetReport::Subscriptions(s) = report.data else { panic!() };
//! assert_eq!(s.overall.active_customers, vec![2, 1]);
//! assert_eq!(s.overall.churned_customers, vec![0, 1]);
//! ```

mod by_customer;
mod cells;
mod cohorts;
pub mod date;
mod day;
pub mod decode;
pub mod error;
pub mod experiment;
pub mod export;
#[cfg(any(test, feature = "fuzzing"))]
pub mod fuzzing;
mod hash;
mod id_batch;
mod ids;
mod layout;
pub mod kpis;
pub mod mapping;
mod money;
pub mod number;
mod options;
mod packed;
mod preview;
pub(crate) mod reader;
#[cfg(test)]
mod reader_tests;
mod rows;
mod scan;
#[cfg(any(all(target_arch = "x86_64", target_feature = "sse2"), target_arch = "wasm32"))]
mod simd;
pub mod sniff;
mod split;
mod sub;
pub mod subscriptions;
pub mod support;
pub mod survey;
pub mod transactions;
mod tx_stats;
pub mod window;

pub use error::{BadRows, IngestError, OnBadRow, Problem, RowError};
pub use layout::Layout;
pub use options::{Options, OptionsBuilder};
pub use preview::{preview, preview_head, Preview, PreviewCell, PreviewRow};

use cells::Ctx;
use date::DateOrder;
pub(crate) use layout::detect_layout;
use mapping::{DatasetKind, Role};
use reader::RecordReader;
use rows::RowState;
use serde::{Deserialize, Serialize};

/// What each dataset produces.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum DatasetReport {
    /// Survey answers.
    Survey(survey::SurveyReport),
    /// Subscriptions.
    Subscriptions(subscriptions::SubscriptionsReport),
    /// Transactions.
    Transactions(transactions::TransactionsReport),
    /// Support contacts.
    Support(support::SupportReport),
    /// An A/B test's visitors, conversions and revenue per variant.
    Experiment(experiment::ExperimentReport),
}

/// The result of an import.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Report {
    /// How the file was read.
    pub layout: Layout,
    /// Data rows read successfully.
    pub rows: u64,
    /// Rows skipped.
    pub bad_rows: BadRows,
    /// In a UTF-8 file, the records (header included) with byte sequences
    /// that are not UTF-8, read as Windows-1252 one sequence at a time
    /// (`Andr\xe9` → `André`); 0 for a Windows-1252 file. Worth a note when
    /// not 0: those cells may read oddly.
    #[serde(default)]
    pub not_utf8: u64,
    /// The aggregates.
    pub data: DatasetReport,
}

/// Reads a whole file at once.
///
/// # Errors
/// File-level problems ([`IngestError`]); bad rows are skipped and counted
/// unless `options.on_bad_row` is [`OnBadRow::Stop`].
pub fn ingest(bytes: &[u8], options: &Options) -> Result<Report, IngestError> {
    let mut i = Ingestor::new(options.clone());
    i.push(bytes)?;
    i.finish()
}

enum Sink {
    Survey(survey::SurveyAcc),
    Subs(subscriptions::SubsAcc),
    Tx(transactions::TxAcc),
    Support(support::SupportAcc),
    Experiment(experiment::ExperimentAcc),
}

struct Run {
    reader: RecordReader,
    layout: Layout,
    ctx: Ctx,
    sink: Sink,
    header_pending: bool,
    rows: u64,
    bad: BadRows,
    not_utf8: u64,
}

/// Streaming import: [`push`](Ingestor::push) chunks as they arrive, then
/// [`finish`](Ingestor::finish).
pub struct Ingestor {
    options: Options,
    head: Vec<u8>,
    /// The next detection window to try (see [`window::grow`]).
    window: usize,
    run: Option<Run>,
    consumed: u64,
    done: bool,
}

impl Ingestor {
    /// A new import.
    #[must_use]
    pub fn new(options: Options) -> Self {
        Self { options, head: Vec::new(), window: window::SNIFF_BYTES, run: None, consumed: 0, done: false }
    }

    /// Bytes consumed so far, for a progress bar.
    #[must_use]
    pub fn bytes_consumed(&self) -> u64 {
        self.consumed
    }

    /// The layout, once the start of the file has been seen.
    #[must_use]
    pub fn layout(&self) -> Option<&Layout> {
        self.run.as_ref().map(|r| &r.layout)
    }

    /// Feeds the next chunk.
    ///
    /// # Errors
    /// A file-level problem, or a bad row with [`OnBadRow::Stop`].
    pub fn push(&mut self, chunk: &[u8]) -> Result<(), IngestError> {
        if self.done {
            return Err(IngestError::Finished);
        }
        self.consumed += chunk.len() as u64;
        match self.run.as_mut() {
            Some(run) => run.feed(chunk, false, &self.options),
            None => {
                self.head.extend_from_slice(chunk);
                if let Some((len, eof)) = window::grow(&self.head, &mut self.window, false, &self.options)? {
                    self.start(len, eof)?;
                }
                Ok(())
            }
        }
    }

    /// Ends the import and returns the report.
    ///
    /// # Errors
    /// A file-level problem, or a bad row with [`OnBadRow::Stop`].
    pub fn finish(&mut self) -> Result<Report, IngestError> {
        if self.done {
            return Err(IngestError::Finished);
        }
        self.done = true;
        if self.run.is_none() {
            match window::grow(&self.head, &mut self.window, true, &self.options)? {
                Some((len, eof)) => self.start(len, eof)?,
                None => return Err(IngestError::Empty),
            }
        }
        let mut run = self.run.take().ok_or(IngestError::Empty)?;
        run.feed(&[], true, &self.options)?;
        run.finish(&self.options)
    }

    /// Detects the layout on the first `len` bytes (`eof`: they are the
    /// whole file), then reads everything seen so far.
    fn start(&mut self, len: usize, eof: bool) -> Result<(), IngestError> {
        let head = std::mem::take(&mut self.head);
        let layout = detect_layout(head.get(..len).unwrap_or(&head), eof, &self.options)?;
        let mut run = Run::new(layout, &self.options)?;
        run.feed(&head, false, &self.options)?;
        self.run = Some(run);
        Ok(())
    }
}

impl Run {
    fn new(layout: Layout, o: &Options) -> Result<Self, IngestError> {
        let m = &layout.mapping;
        let need: &[Role] = match m.kind {
            DatasetKind::Survey => &[Role::Score],
            DatasetKind::Subscriptions => &[Role::Customer, Role::Start],
            DatasetKind::Transactions => &[Role::Customer, Role::Date, Role::Amount],
            DatasetKind::Support => &[Role::Fcr],
            DatasetKind::Experiment => &[Role::Variant],
        };
        if let Some(r) = need.iter().find(|r| m.column(**r).is_none()) {
            return Err(IngestError::MissingColumn { role: r.name().to_string() });
        }
        if m.kind == DatasetKind::Subscriptions && m.column(Role::Mrr).is_none() && m.column(Role::Amount).is_none() {
            return Err(IngestError::MissingColumn { role: Role::Mrr.name().to_string() });
        }
        let counts = m.column(Role::Visitors).is_some() && m.column(Role::Conversions).is_some();
        if m.kind == DatasetKind::Experiment && !counts && m.column(Role::Converted).is_none() {
            return Err(IngestError::MissingColumn { role: Role::Converted.name().to_string() });
        }
        let sink = match m.kind {
            DatasetKind::Survey => Sink::Survey(survey::SurveyAcc::default()),
            DatasetKind::Subscriptions => Sink::Subs(subscriptions::SubsAcc::new(o.include_trials)),
            DatasetKind::Transactions => Sink::Tx(transactions::TxAcc::default()),
            DatasetKind::Support => Sink::Support(support::SupportAcc::default()),
            DatasetKind::Experiment => Sink::Experiment(experiment::ExperimentAcc::default()),
        };
        let ctx = Ctx::new(
            layout.encoding,
            layout.decimal.clone(),
            layout.date_order.iter().map(|d| d.map_or(DateOrder::DayFirst, |x| x.0)).collect(),
            m.amount_in_cents || o.amounts_in_cents,
            m,
        );
        // Field ends needed: up to the last mapped column (the row functions
        // read mapped columns only); when that is the last column, all.
        let keep = m.columns.iter().rposition(Option::is_some).map_or(usize::MAX, |c| c + 1);
        let keep = if keep >= layout.headers.len() { usize::MAX } else { keep };
        Ok(Run {
            reader: RecordReader::keeping(layout.delimiter, keep),
            header_pending: layout.has_header,
            layout,
            ctx,
            sink,
            rows: 0,
            bad: BadRows::default(),
            not_utf8: 0,
        })
    }

    /// Reads the records of a chunk into the sink. One loop per dataset (the
    /// sink is matched once per chunk, not once per row), so that each row
    /// function is inlined into its own record loop.
    fn feed(&mut self, chunk: &[u8], eof: bool, o: &Options) -> Result<(), IngestError> {
        let Run { reader, layout, ctx, sink, header_pending, rows, bad, not_utf8 } = self;
        let mut st = RowState { layout, header_pending, rows, bad, not_utf8, o };
        let ctx = &*ctx;
        match sink {
            Sink::Survey(a) => reader.feed(chunk, eof, |line, f| st.record(line, f, |f| a.row(f, ctx, line))),
            Sink::Subs(a) => reader.feed(chunk, eof, |line, f| st.record(line, f, |f| a.row(f, ctx))),
            Sink::Tx(a) => reader.feed(chunk, eof, |line, f| st.record(line, f, |f| a.row(f, ctx))),
            Sink::Support(a) => reader.feed(chunk, eof, |line, f| st.record(line, f, |f| a.row(f, ctx))),
            Sink::Experiment(a) => reader.feed(chunk, eof, |line, f| st.record(line, f, |f| a.row(f, ctx))),
        }
    }

    fn finish(self, o: &Options) -> Result<Report, IngestError> {
        let Run { layout, sink, mut rows, mut bad, ctx, not_utf8, .. } = self;
        if rows == 0 && bad.count == 0 {
            return Err(if layout.has_header { IngestError::HeaderOnly } else { IngestError::Empty });
        }
        let data = match sink {
            Sink::Survey(acc) => {
                let col = ctx.col(Role::Score).unwrap_or(0);
                let name = layout.headers.get(col).cloned().unwrap_or_default();
                let scale = o.survey_scale.or_else(|| survey::Scale::from_header(&name));
                let (r, errors) = acc.finish(scale, (col, name));
                for (e, n) in errors {
                    if o.on_bad_row == OnBadRow::Stop {
                        return Err(IngestError::BadRow(e));
                    }
                    bad.push(e, o.max_error_details);
                    bad.count += n - 1;
                    rows = rows.saturating_sub(n);
                }
                DatasetReport::Survey(r)
            }
            Sink::Subs(acc) => DatasetReport::Subscriptions(acc.finish()?),
            Sink::Tx(acc) => DatasetReport::Transactions(acc.finish()?),
            Sink::Support(acc) => DatasetReport::Support(acc.finish()),
            Sink::Experiment(acc) => DatasetReport::Experiment(acc.finish(&ctx)?),
        };
        Ok(Report { layout, rows, bad_rows: bad, not_utf8, data })
    }
}
