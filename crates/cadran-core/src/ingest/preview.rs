//! The first rows as read, with each mapped value as interpreted, so the user
//! can check the mapping and formats before importing.

use super::date::parse_date;
use super::decode::decode;
use super::error::IngestError;
use super::mapping::Role;
use super::number::parse_number;
use super::reader::{Flow, RecordReader};
use super::window::{grow, SNIFF_BYTES};
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

/// The first `n` data rows of `bytes`, read as a whole file.
///
/// # Errors
/// File-level problems found in it.
///
/// # Example
/// ```
/// use cadran_core::ingest::{preview, Options};
/// let p = preview(b"score;date\n9;05/03/2024\n", &Options::default(), 5).unwrap();
/// assert_eq!(p.rows[0].cells[1].read_as, Some(Ok("2024-03-05".to_string())));
/// ```
pub fn preview(bytes: &[u8], options: &Options, n: usize) -> Result<Preview, IngestError> {
    preview_head(bytes, true, options, n)?.ok_or(IngestError::Empty)
}

/// The layout and first `n` data rows of a file from its start `head`
/// (`whole`: `head` is the whole file), detected from exactly the bytes an
/// import detects them from ([`super::window`]): `Ok(None)` when `head` is
/// too short to tell, and the caller should read twice as many bytes and
/// call again (64 KiB, 128 KiB, … up to 16 MiB, past which the answer is
/// [`IngestError::HeadTooLong`]). Unless `whole`, a record cut by the end of
/// `head` is not shown (whatever line ends or quoted line breaks it has).
///
/// # Errors
/// File-level problems found in that start.
///
/// # Example
/// ```
/// use cadran_core::ingest::{preview_head, Options};
/// let questions: Vec<String> = (1..20_000).map(|i| format!("q{i}")).collect();
/// let file = format!("score;{}\n9;{}\n", questions.join(";"), ";".repeat(19_998)).into_bytes();
/// let o = Options::default();
/// // 64 KiB do not hold the header and a row: read more.
/// assert_eq!(preview_head(&file[..64 * 1024], false, &o, 5), Ok(None));
/// let p = preview_head(&file, true, &o, 5).unwrap().unwrap();
/// assert_eq!(p.layout.headers.len(), 20_000);
/// ```
pub fn preview_head(head: &[u8], whole: bool, options: &Options, n: usize) -> Result<Option<Preview>, IngestError> {
    let mut w = SNIFF_BYTES;
    let Some((len, eof)) = grow(head, &mut w, whole, options)? else {
        return Ok(None);
    };
    let layout = detect_layout(head.get(..len).unwrap_or(head), eof, options)?;
    let mut rows = Vec::new();
    if n == 0 {
        return Ok(Some(Preview { layout, rows }));
    }
    let mut rr = RecordReader::new(layout.delimiter);
    let mut skip_header = layout.has_header;
    rr.feed(head, whole, |line, f| {
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
    Ok(Some(Preview { layout, rows }))
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
