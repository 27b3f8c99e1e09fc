//! One data record of a ticket file turned into a [`Ticket`], or into an
//! error naming the cell at fault.

use super::civil::Instant;
use super::headers::{DurationSource, DurationUnit, TicketColumn, TicketMapping};
use super::read_error::{TicketRowError, TicketRowProblem};
use super::ticket::{Measure, Ticket};
use super::timestamp::{parse_duration, parse_instant, TimestampProblem};
use super::zone::Zone;
use crate::ingest::date::DateOrder;
use crate::ingest::decode::{decode, Encoding};
use crate::ingest::number::DecimalSep;
use crate::ingest::reader::Fields;

/// How a measure's end is read from a row.
#[derive(Debug, Clone, Copy)]
enum End {
    /// An end timestamp in this column.
    At(usize),
    /// A duration column in a unit, added to the creation time.
    After(usize, DurationUnit),
    /// Not available.
    Unknown,
}

/// Everything a row needs from the file's layout, resolved once.
#[derive(Debug, Clone)]
pub(super) struct RowReader {
    pub(super) headers: Vec<String>,
    pub(super) encoding: Encoding,
    pub(super) delimiter: u8,
    pub(super) zone: Zone,
    /// Day/month order per column (used for timestamp columns).
    pub(super) order: Vec<DateOrder>,
    /// Decimal separator per column (used for duration columns).
    pub(super) decimal: Vec<DecimalSep>,
    id: Option<usize>,
    created: usize,
    first_reply: End,
    solved: End,
    channel: Option<usize>,
    agent: Option<usize>,
    segment: Option<usize>,
    reopens: Option<usize>,
}

/// A problem in column `c` (0-based).
struct CellError(usize, TicketRowProblem);

impl RowReader {
    /// The reader for `mapping`, which must have a creation column.
    pub(super) fn new(
        m: &TicketMapping,
        headers: Vec<String>,
        encoding: Encoding,
        delimiter: u8,
        zone: Zone,
        order: Vec<DateOrder>,
        decimal: Vec<DecimalSep>,
    ) -> Option<Self> {
        let end = |src: Option<DurationSource>, at: TicketColumn, dur: TicketColumn| match src {
            Some(DurationSource::Timestamps) => m.column(at).map_or(End::Unknown, End::At),
            Some(DurationSource::Column(u)) => {
                m.column(dur).map_or(End::Unknown, |c| End::After(c, u))
            }
            None => End::Unknown,
        };
        Some(Self {
            created: m.column(TicketColumn::Created)?,
            first_reply: end(
                m.first_reply,
                TicketColumn::FirstReplyAt,
                TicketColumn::FirstReplyDuration,
            ),
            solved: end(
                m.resolution,
                TicketColumn::Solved,
                TicketColumn::ResolutionDuration,
            ),
            id: m.column(TicketColumn::Id),
            channel: m.column(TicketColumn::Channel),
            agent: m.column(TicketColumn::Agent),
            segment: m.column(TicketColumn::Segment),
            reopens: m.column(TicketColumn::Reopens),
            headers,
            encoding,
            delimiter,
            zone,
            order,
            decimal,
        })
    }

    /// Reads one record that starts on `line`.
    pub(super) fn row(&self, line: u64, f: &Fields<'_>) -> Result<Ticket, TicketRowError> {
        let n = self.headers.len();
        if f.len() < n || (n..f.len()).any(|i| !f.get(i).trim_ascii().is_empty()) {
            let sep = char::from(self.delimiter).to_string();
            let raw = (0..f.len())
                .map(|i| decode(f.get(i), self.encoding))
                .collect::<Vec<_>>()
                .join(&sep);
            return Err(TicketRowError {
                line,
                column: None,
                column_name: None,
                raw,
                problem: TicketRowProblem::Ragged {
                    expected: n,
                    found: f.len(),
                },
            });
        }
        self.ticket(line, f)
            .map_err(|CellError(c, problem)| TicketRowError {
                line,
                column: Some(c + 1),
                column_name: self.headers.get(c).cloned(),
                raw: decode(f.get(c), self.encoding).into_owned(),
                problem,
            })
    }

    fn text(&self, f: &Fields<'_>, c: Option<usize>) -> String {
        c.map(|c| decode(f.get(c), self.encoding).trim().to_string())
            .unwrap_or_default()
    }

    fn instant(&self, f: &Fields<'_>, c: usize) -> Result<Instant, CellError> {
        let order = self.order.get(c).copied().unwrap_or_default();
        parse_instant(&decode(f.get(c), self.encoding), order, self.zone)
            .map_err(|p| CellError(c, TicketRowProblem::Timestamp(p)))
    }

    fn end(
        &self,
        f: &Fields<'_>,
        created: Instant,
        end: End,
    ) -> Result<Option<Instant>, CellError> {
        match end {
            End::Unknown => Ok(None),
            End::At(c) => match self.instant(f, c) {
                Err(CellError(_, TicketRowProblem::Timestamp(TimestampProblem::Empty))) => Ok(None),
                other => other.map(Some),
            },
            End::After(c, unit) => {
                let sep = self.decimal.get(c).copied().unwrap_or_default();
                let secs = parse_duration(&decode(f.get(c), self.encoding), unit, sep)
                    .map_err(|p| CellError(c, TicketRowProblem::Duration(p)))?;
                Ok(secs.map(|s| Instant(created.0.saturating_add(s))))
            }
        }
    }

    fn ticket(&self, line: u64, f: &Fields<'_>) -> Result<Ticket, CellError> {
        let created = self.instant(f, self.created)?;
        let first_reply = self.end(f, created, self.first_reply)?;
        let solved = self.end(f, created, self.solved)?;
        let reopens = match self.reopens {
            None => 0,
            Some(c) => {
                let t = decode(f.get(c), self.encoding);
                let t = t.trim();
                if t.is_empty() {
                    0
                } else {
                    t.parse::<u32>()
                        .map_err(|_| CellError(c, TicketRowProblem::NotACount))?
                }
            }
        };
        let id = match self.id {
            Some(c) => self.text(f, Some(c)),
            None => format!("line {line}"),
        };
        let ticket = Ticket {
            id,
            created,
            first_reply,
            solved,
            channel: self.text(f, self.channel),
            agent: self.text(f, self.agent),
            segment: self.text(f, self.segment),
            reopens,
        };
        for (measure, end) in [
            (Measure::FirstResponse, self.first_reply),
            (Measure::Resolution, self.solved),
        ] {
            if let Err(p) = ticket.duration(measure) {
                let c = match end {
                    End::At(c) | End::After(c, _) => c,
                    End::Unknown => self.created,
                };
                return Err(CellError(c, TicketRowProblem::Span(p)));
            }
        }
        Ok(ticket)
    }

    /// The timestamp columns (whose day/month order matters).
    pub(super) fn timestamp_columns(m: &TicketMapping) -> Vec<usize> {
        [
            TicketColumn::Created,
            TicketColumn::FirstReplyAt,
            TicketColumn::Solved,
        ]
        .iter()
        .filter_map(|&c| m.column(c))
        .collect()
    }
}
