//! How a file is laid out: its encoding, delimiter, header, column roles and
//! per-column number and date formats, sniffed from the first rows so that
//! the preview and the import read the file the same way.

use super::date::{DateOrder, OrderDetector, OrderEvidence};
use super::decode::{self, decode, Encoding};
use super::mapping::{self, Mapping, Role};
use super::number::{DecimalDetector, DecimalSep};
use super::reader::{Flow, RecordReader};
use super::{sniff, IngestError, Options};
use serde::{Deserialize, Serialize};

/// Rows looked at to detect number and date formats.
const SAMPLE_ROWS: usize = 1000;

/// How the file was read: what the UI shows and lets the user change.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Layout {
    /// Detected or given encoding.
    pub encoding: Encoding,
    /// Detected or given delimiter.
    pub delimiter: u8,
    /// Whether the first row is a header.
    pub has_header: bool,
    /// Column names (`column N` without a header).
    pub headers: Vec<String>,
    /// Column roles.
    pub mapping: Mapping,
    /// Decimal separator per column.
    pub decimal: Vec<DecimalSep>,
    /// Day/month order per column, and what the values said (for date columns).
    pub date_order: Vec<Option<(DateOrder, OrderEvidence)>>,
}

/// Sniffs encoding, delimiter, header, mapping and per-column formats.
pub(crate) fn detect_layout(head: &[u8], eof: bool, o: &Options) -> Result<Layout, IngestError> {
    if head.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(IngestError::Empty);
    }
    if decode::looks_binary(head) {
        return Err(IngestError::Binary);
    }
    let encoding = o.encoding.unwrap_or_else(|| decode::detect(head));
    let delimiter = o.delimiter.unwrap_or_else(|| sniff::sniff_delimiter(head));
    let mut sample: Vec<Vec<String>> = Vec::new();
    let mut rr = RecordReader::new(delimiter);
    rr.feed(head, eof, |_, f| {
        sample.push((0..f.len()).map(|i| decode(f.get(i), encoding).into_owned()).collect());
        Ok(if sample.len() > SAMPLE_ROWS { Flow::Stop } else { Flow::Continue })
    })?;
    let first = sample.first().cloned().unwrap_or_default();
    let has_header = o.has_header.unwrap_or_else(|| sniff::looks_like_header(&first));
    let headers: Vec<String> = if has_header {
        first.iter().map(|h| h.trim_start_matches('\u{feff}').trim().to_string()).collect()
    } else {
        (1..=first.len()).map(|i| format!("column {i}")).collect()
    };
    for (i, h) in headers.iter().enumerate() {
        if h.is_empty() {
            continue;
        }
        if let Some(j) = headers.iter().skip(i + 1).position(|x| x.eq_ignore_ascii_case(h)) {
            return Err(IngestError::DuplicateHeader { name: h.clone(), first: i + 1, second: i + j + 2 });
        }
    }
    let data: &[Vec<String>] = sample.get(usize::from(has_header)..).unwrap_or(&[]);
    if data.iter().all(|r| r.iter().all(|c| c.trim().is_empty())) {
        return Err(if has_header { IngestError::HeaderOnly } else { IngestError::Empty });
    }
    let mut mapping = match &o.mapping {
        Some(m) => m.clone(),
        None => mapping::detect(&headers).ok_or(IngestError::UnknownDataset)?,
    };
    if let Some(k) = o.kind {
        mapping.kind = k;
    }
    mapping.columns.resize(headers.len(), None);
    let mut decimal = Vec::with_capacity(headers.len());
    let mut date_order = Vec::with_capacity(headers.len());
    for (c, role) in mapping.columns.iter().enumerate() {
        let values = data.iter().filter_map(|r| r.get(c));
        let mut dd = DecimalDetector::default();
        let mut od = OrderDetector::default();
        let is_date = matches!(role, Some(Role::Start | Role::CanceledAt | Role::EndedAt | Role::Date));
        for v in values {
            dd.observe(v);
            if is_date {
                od.observe(v);
            }
        }
        decimal.push(o.decimal.unwrap_or_else(|| dd.decide(delimiter)));
        date_order.push(is_date.then(|| {
            let ev = od.evidence();
            let order = o.date_order.unwrap_or(match ev {
                OrderEvidence::MonthFirst => DateOrder::MonthFirst,
                OrderEvidence::DayFirst => DateOrder::DayFirst,
                _ if delimiter == b',' && encoding == Encoding::Utf8 => DateOrder::MonthFirst,
                _ => DateOrder::DayFirst,
            });
            (order, ev)
        }));
    }
    Ok(Layout { encoding, delimiter, has_header, headers, mapping, decimal, date_order })
}

