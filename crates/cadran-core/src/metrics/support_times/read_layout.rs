//! How a ticket file is laid out, sniffed on the detection window: the
//! encoding, delimiter, headers, their mapping, each timestamp column's
//! day/month order and each column's decimal separator, as `ingest`'s
//! layout detection does for the other imports.

use super::headers::{recognise_ticket_headers, DurationSource, TicketColumn, TicketMapping};
use super::read::{MeasureSource, ReadOptions, Run, TicketFile};
use super::read_error::{BadTicketRows, TicketFileError};
use super::read_row::RowReader;
use super::ticket::Measure;
use crate::ingest::date::{DateOrder, OrderDetector, OrderEvidence};
use crate::ingest::decode::{self, decode, Encoding};
use crate::ingest::number::DecimalDetector;
use crate::ingest::reader::{Flow, RecordReader};
use crate::ingest::{sniff, IngestError};

/// Data rows looked at to decide day/month order and decimal separators.
const SAMPLE_ROWS: usize = 1000;

/// What is missing from `m` for tickets to be read, if anything.
fn missing(m: &TicketMapping) -> Vec<TicketColumn> {
    let mut out = Vec::new();
    if m.column(TicketColumn::Created).is_none() {
        out.push(TicketColumn::Created);
    }
    if m.first_reply.is_none() && m.resolution.is_none() {
        out.extend([
            TicketColumn::FirstReplyAt,
            TicketColumn::Solved,
            TicketColumn::FirstReplyDuration,
            TicketColumn::ResolutionDuration,
        ]);
    }
    out
}

/// Sniffs the encoding, delimiter, headers, mapping, day/month order and
/// decimal separators on the detection window.
pub(super) fn detect(head: &[u8], eof: bool, o: &ReadOptions) -> Result<Run, TicketFileError> {
    if head.iter().all(u8::is_ascii_whitespace) {
        return Err(IngestError::Empty.into());
    }
    if decode::looks_binary(head) {
        return Err(IngestError::Binary.into());
    }
    let encoding = o.encoding.unwrap_or_else(|| decode::detect(head));
    let delimiter = o.delimiter.unwrap_or_else(|| sniff::sniff_delimiter(head));
    let mut sample: Vec<Vec<String>> = Vec::new();
    RecordReader::new(delimiter).feed(head, eof, |_, f| {
        sample.push(
            (0..f.len())
                .map(|i| decode(f.get(i), encoding).into_owned())
                .collect(),
        );
        Ok(if sample.len() > SAMPLE_ROWS {
            Flow::Stop
        } else {
            Flow::Continue
        })
    })?;
    let headers: Vec<String> = sample
        .first()
        .map(|h| {
            h.iter()
                .map(|c| c.trim_start_matches('\u{feff}').trim().to_string())
                .collect()
        })
        .unwrap_or_default();
    for (i, h) in headers.iter().enumerate().filter(|(_, h)| !h.is_empty()) {
        if let Some(j) = headers
            .iter()
            .skip(i + 1)
            .position(|x| x.eq_ignore_ascii_case(h))
        {
            let (name, first, second) = (h.clone(), i + 1, i + j + 2);
            return Err(IngestError::DuplicateHeader {
                name,
                first,
                second,
            }
            .into());
        }
    }
    let data = sample.get(1..).unwrap_or(&[]);
    if data.iter().all(|r| r.iter().all(|c| c.trim().is_empty())) {
        return Err(IngestError::HeaderOnly.into());
    }
    let mapping = recognise_ticket_headers(&headers);
    let lacking = missing(&mapping);
    if !lacking.is_empty() {
        return Err(TicketFileError::MissingColumns {
            missing: lacking,
            found: headers,
        });
    }
    let stamps = RowReader::timestamp_columns(&mapping);
    let column = |c: usize| data.iter().filter_map(move |r| r.get(c));
    let mut order = vec![DateOrder::DayFirst; headers.len()];
    let mut date_order = Vec::new();
    for &c in &stamps {
        let mut od = OrderDetector::default();
        column(c).for_each(|v| od.observe(v));
        let chosen = o.date_order.unwrap_or(match od.evidence() {
            OrderEvidence::MonthFirst => DateOrder::MonthFirst,
            OrderEvidence::DayFirst => DateOrder::DayFirst,
            _ if delimiter == b',' && encoding == Encoding::Utf8 => DateOrder::MonthFirst,
            _ => DateOrder::DayFirst,
        });
        if let Some(slot) = order.get_mut(c) {
            *slot = chosen;
        }
        date_order.push((c, chosen));
    }
    let decimal = (0..headers.len())
        .map(|c| {
            o.decimal.unwrap_or_else(|| {
                let mut dd = DecimalDetector::default();
                column(c).for_each(|v| dd.observe(v));
                dd.decide(delimiter)
            })
        })
        .collect();
    let measures = measures(&mapping, &headers);
    let rows = RowReader::new(
        &mapping,
        headers.clone(),
        encoding,
        delimiter,
        o.zone,
        order,
        decimal,
    )
    .ok_or(TicketFileError::MissingColumns {
        missing: vec![TicketColumn::Created],
        found: headers.clone(),
    })?;
    let file = TicketFile {
        tickets: Vec::new(),
        mapping,
        headers,
        encoding,
        delimiter,
        date_order,
        measures,
        bad_rows: BadTicketRows::default(),
    };
    Ok(Run {
        reader: RecordReader::new(delimiter),
        rows,
        file,
        header_pending: true,
    })
}

/// The columns each measure is read from, by header.
fn measures(m: &TicketMapping, headers: &[String]) -> Vec<MeasureSource> {
    let name = |c: TicketColumn| m.column(c).and_then(|i| headers.get(i)).cloned();
    [
        (
            Measure::FirstResponse,
            m.first_reply,
            TicketColumn::FirstReplyAt,
            TicketColumn::FirstReplyDuration,
        ),
        (
            Measure::Resolution,
            m.resolution,
            TicketColumn::Solved,
            TicketColumn::ResolutionDuration,
        ),
    ]
    .into_iter()
    .filter_map(|(measure, source, at, dur)| {
        let source = source?;
        let headers = match source {
            DurationSource::Timestamps => [name(TicketColumn::Created), name(at)]
                .into_iter()
                .flatten()
                .collect(),
            DurationSource::Column(_) => name(dur).into_iter().collect(),
        };
        Some(MeasureSource {
            measure,
            source,
            headers,
        })
    })
    .collect()
}
