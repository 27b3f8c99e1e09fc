//! The first rows as read, with each mapped value as interpreted, so the user
//! can check the mapping and formats before importing.

use super::date::parse_date;
use super::decode::decode;
use super::error::IngestError;
use super::mapping::Role;
use super::number::parse_number;
use super::reader::{Flow, RecordReader};
use super::{detect_layout, Layout, Options};
use serde::{Deserialize, Serialize};

/// One cell: raw text and, for mapped columns, how it is read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PreviewCell {
    /// Raw text.
    pub raw: String,
    /// The value as interpreted (`2024-03-05`, `1234.56`), or `None` when unmapped.
    pub read_as: Option<Result<String, String>>,
}

/// One row of the preview.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PreviewRow {
    /// Physical line.
    pub line: u64,
    /// Cells.
    pub cells: Vec<PreviewCell>,
}

/// Layout and first rows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Preview {
    /// How the file is read.
    pub layout: Layout,
    /// The first data rows.
    pub rows: Vec<PreviewRow>,
}

/// The first `n` data rows of `bytes` (give it the first chunk of a file).
///
/// # Errors
/// File-level problems found in that start.
///
/// # Example
/// ```
/// use cadran_core::ingest::{preview, Options};
/// let p = preview(b"score;date\n9;05/03/2024\n", &Options::default(), 5).unwrap();
/// assert_eq!(p.rows[0].cells[1].read_as, Some(Ok("2024-03-05".to_string())));
/// ```
pub fn preview(bytes: &[u8], options: &Options, n: usize) -> Result<Preview, IngestError> {
    let layout = detect_layout(bytes, true, options)?;
    let mut rows = Vec::new();
    let mut rr = RecordReader::new(layout.delimiter);
    let mut skip_header = layout.has_header;
    rr.feed(bytes, true, |line, f| {
        if skip_header {
            skip_header = false;
            return Ok(Flow::Continue);
        }
        let cells = (0..f.len())
            .map(|c| {
                let raw = decode(f.get(c), layout.encoding).into_owned();
                let read_as = layout.mapping.columns.get(c).copied().flatten().map(|role| interpret(&layout, c, role, &raw));
                PreviewCell { raw, read_as }
            })
            .collect();
        rows.push(PreviewRow { line, cells });
        Ok(if rows.len() >= n { Flow::Stop } else { Flow::Continue })
    })?;
    Ok(Preview { layout, rows })
}

fn interpret(layout: &Layout, c: usize, role: Role, raw: &str) -> Result<String, String> {
    if raw.trim().is_empty() {
        return Ok(String::new());
    }
    match role {
        Role::Start | Role::CanceledAt | Role::EndedAt | Role::Date => {
            let order = layout.date_order.get(c).copied().flatten().map(|x| x.0).unwrap_or_default();
            parse_date(raw, order).map(|d| d.to_string()).ok_or_else(|| "not a date".to_string())
        }
        Role::Mrr | Role::Amount | Role::Quantity | Role::Score | Role::IntervalCount | Role::Visitors | Role::Conversions | Role::Revenue => {
            let sep = layout.decimal.get(c).copied().unwrap_or_default();
            let cents = layout.mapping.amount_in_cents && matches!(role, Role::Mrr | Role::Amount | Role::Revenue);
            parse_number(raw, sep, cents).map(|d| d.to_string()).map_err(|_| "not a number".to_string())
        }
        _ => Ok(raw.trim().to_string()),
    }
}
