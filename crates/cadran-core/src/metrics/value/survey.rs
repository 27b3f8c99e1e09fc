//! Reading a driver survey from CSV text: one column per driver rating and
//! one outcome column, every unreadable cell named and kept.

use super::derived::{SurveyColumn, SurveyRow};
use crate::ingest::number::{parse_number, DecimalDetector, DecimalSep};
use crate::ingest::sniff::sniff_delimiter;
use rust_decimal::prelude::ToPrimitive;
use serde::{Deserialize, Serialize};

/// A cell that is neither empty nor a number (text in a rating column):
/// read as a missing answer, and listed so that nothing is lost silently.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UnreadableCell {
    /// Respondent, from 0 (the first line after the header).
    pub row: usize,
    /// Its column.
    pub column: SurveyColumnName,
    /// The text as found.
    pub text: String,
}

/// A column by position and header, for messages ("Speed", row 12).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SurveyColumnName {
    /// Position in the file, from 0.
    pub index: usize,
    /// Header text.
    pub header: String,
}

/// Why a survey file cannot be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SurveyFileError {
    /// No header line.
    Empty,
    /// One column only: at least one driver and the outcome are needed.
    OneColumn,
    /// The chosen outcome column is not in the file.
    NoSuchColumn {
        /// The column asked for.
        index: usize,
        /// Columns in the file.
        columns: usize,
    },
    /// A line has more cells than the header (fewer are read as missing).
    TooManyCells {
        /// Respondent, from 0.
        row: usize,
        /// Cells on the line.
        have: usize,
        /// Columns in the header.
        need: usize,
    },
}

/// A survey as read. Ratings are **statistics (`f64`)**.
#[derive(Debug, Clone, PartialEq)]
pub struct SurveyTable {
    /// Headers of the driver columns, in file order.
    pub drivers: Vec<String>,
    /// Header of the outcome column.
    pub outcome: String,
    /// One row per respondent, ratings in the order of `drivers`.
    pub rows: Vec<SurveyRow>,
    /// Cells read as missing because they were not numbers.
    pub unreadable: Vec<UnreadableCell>,
}

impl SurveyTable {
    /// The rows with the driver columns `columns` (indices into
    /// [`Self::drivers`]) in that order, to follow the driver table's order;
    /// an index out of range gives a missing answer.
    ///
    /// # Example
    /// ```
    /// use cadran_core::metrics::value::read_survey;
    /// let t = read_survey("a;b;y\n1;2;3\n", None).unwrap();
    /// assert_eq!(t.select(&[1, 0])[0].ratings, [Some(2.0), Some(1.0)]);
    /// ```
    #[must_use]
    pub fn select(&self, columns: &[usize]) -> Vec<SurveyRow> {
        self.rows
            .iter()
            .map(|r| SurveyRow { ratings: columns.iter().map(|&c| r.ratings.get(c).copied().flatten()).collect(), outcome: r.outcome })
            .collect()
    }
}

/// The records of `text`, split by csv-core (quotes, escaped quotes, CRLF).
fn records(text: &str, delimiter: u8) -> Vec<Vec<String>> {
    use csv_core::ReadRecordResult as R;
    let mut rdr = csv_core::ReaderBuilder::new().delimiter(delimiter).build();
    let mut input = text.as_bytes();
    let (mut out, mut ends) = (vec![0u8; 256], vec![0usize; 32]);
    let (mut outlen, mut endlen) = (0, 0);
    let mut records = Vec::new();
    loop {
        let (res, nin, nout, nend) = rdr.read_record(input, &mut out[outlen..], &mut ends[endlen..]);
        input = &input[nin..];
        outlen += nout;
        endlen += nend;
        match res {
            R::InputEmpty => {}
            R::OutputFull => out.resize(out.len() * 2, 0),
            R::OutputEndsFull => ends.resize(ends.len() * 2, 0),
            R::Record => {
                let fields = (0..endlen)
                    .map(|i| String::from_utf8_lossy(&out[if i == 0 { 0 } else { ends[i - 1] }..ends[i]]).into_owned())
                    .collect::<Vec<String>>();
                if !(fields.len() == 1 && fields[0].trim().is_empty()) {
                    records.push(fields);
                }
                (outlen, endlen) = (0, 0);
            }
            R::End => return records,
        }
    }
}

/// Reads a driver survey: a header line, then one line per respondent with
/// a rating per driver column and the outcome (overall rating or 0–10
/// recommend score) in column `outcome` (`None`: the last column). The
/// delimiter is sniffed (`,`, `;`, tab, `|`) and each column's decimal
/// separator decided from its values, as for the other imports. Empty cells
/// are missing answers; text is a missing answer too, listed in
/// [`SurveyTable::unreadable`] with its row and column.
///
/// # Errors
/// [`SurveyFileError`]: no header, one column, an outcome column not in the
/// file, or a line with more cells than the header.
///
/// # Example
/// ```
/// use cadran_core::metrics::value::read_survey;
/// let t = read_survey("Speed;Price;Overall\n4;3,5;8\n5;n/a;9\n;2;4\n", None).unwrap();
/// assert_eq!(t.drivers, ["Speed", "Price"]);
/// assert_eq!(t.rows[0].ratings, [Some(4.0), Some(3.5)]);
/// assert_eq!(t.rows[2].ratings[0], None);
/// assert_eq!((t.unreadable[0].row, t.unreadable[0].column.header.as_str(), t.unreadable[0].text.as_str()), (1, "Price", "n/a"));
/// ```
pub fn read_survey(text: &str, outcome: Option<usize>) -> Result<SurveyTable, SurveyFileError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let delimiter = sniff_delimiter(text.as_bytes());
    let mut lines = records(text, delimiter).into_iter();
    let header: Vec<String> = lines.next().ok_or(SurveyFileError::Empty)?.into_iter().map(|h| h.trim().to_string()).collect();
    let columns = header.len();
    if columns < 2 {
        return Err(SurveyFileError::OneColumn);
    }
    let y = outcome.unwrap_or(columns - 1);
    if y >= columns {
        return Err(SurveyFileError::NoSuchColumn { index: y, columns });
    }
    let body: Vec<Vec<String>> = lines.collect();
    if let Some((row, r)) = body.iter().enumerate().find(|(_, r)| r.len() > columns) {
        return Err(SurveyFileError::TooManyCells { row, have: r.len(), need: columns });
    }
    let seps: Vec<DecimalSep> = (0..columns)
        .map(|c| {
            let mut d = DecimalDetector::default();
            body.iter().filter_map(|r| r.get(c)).for_each(|v| d.observe(v));
            d.decide(delimiter)
        })
        .collect();
    let mut unreadable = Vec::new();
    let mut cell = |row: usize, c: usize, r: &[String]| -> Option<f64> {
        let raw = r.get(c).map_or("", |s| s.trim());
        if raw.is_empty() {
            return None;
        }
        let v = parse_number(raw, seps[c], false).ok().and_then(|d| d.to_f64()).filter(|x| x.is_finite());
        if v.is_none() {
            unreadable.push(UnreadableCell { row, column: SurveyColumnName { index: c, header: header[c].clone() }, text: raw.to_string() });
        }
        v
    };
    let rows = body
        .iter()
        .enumerate()
        .map(|(row, r)| {
            let ratings = (0..columns).filter(|&c| c != y).map(|c| cell(row, c, r)).collect();
            SurveyRow { ratings, outcome: cell(row, y, r) }
        })
        .collect();
    Ok(SurveyTable {
        drivers: header.iter().enumerate().filter(|&(c, _)| c != y).map(|(_, h)| h.clone()).collect(),
        outcome: header[y].clone(),
        rows,
        unreadable,
    })
}

/// The column of a derived-importance [`super::CellError`] in the file's
/// terms, for a table read with outcome column `outcome` (`None`: last) of
/// `columns` columns.
///
/// # Example
/// ```
/// use cadran_core::metrics::value::{file_column, SurveyColumn};
/// assert_eq!(file_column(SurveyColumn::Driver(1), Some(0), 3), 2);
/// assert_eq!(file_column(SurveyColumn::Outcome, None, 3), 2);
/// ```
#[must_use]
pub fn file_column(column: SurveyColumn, outcome: Option<usize>, columns: usize) -> usize {
    let y = outcome.unwrap_or(columns.saturating_sub(1));
    match column {
        SurveyColumn::Outcome => y,
        SurveyColumn::Driver(j) if j >= y => j + 1,
        SurveyColumn::Driver(j) => j,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::metrics::value::derived_importance;
    use proptest::prelude::*;

    #[test]
    fn read_table() {
        // Quotes, CRLF, a BOM, a blank line, a short line, the outcome first.
        let t = read_survey("\u{feff}NPS,\"Speed, overall\",Price\r\n9,4,\"3.5\"\r\n\r\n7,2\r\n10,5,x\r\n", Some(0)).unwrap();
        assert_eq!(t.outcome, "NPS");
        assert_eq!(t.drivers, ["Speed, overall", "Price"]);
        assert_eq!(t.rows.len(), 3);
        assert_eq!(t.rows[0], SurveyRow { ratings: vec![Some(4.0), Some(3.5)], outcome: Some(9.0) });
        assert_eq!(t.rows[1].ratings, [Some(2.0), None], "a short line: missing, not an error");
        assert_eq!(t.unreadable, [UnreadableCell { row: 2, column: SurveyColumnName { index: 2, header: "Price".into() }, text: "x".into() }]);
        // A long quoted field forces the reader's buffers to grow.
        let long = "a".repeat(1000);
        let t = read_survey(&format!("d;y\n\"{long}\";1\n2;3\n"), None).unwrap();
        assert_eq!(t.unreadable[0].text, long);
        assert_eq!(t.rows[1].ratings, [Some(2.0)]);
    }

    #[test]
    fn file_errors() {
        assert_eq!(read_survey("", None), Err(SurveyFileError::Empty));
        assert_eq!(read_survey("only\n1\n", None), Err(SurveyFileError::OneColumn));
        assert_eq!(read_survey("a;b\n1;2\n", Some(2)), Err(SurveyFileError::NoSuchColumn { index: 2, columns: 2 }));
        assert_eq!(read_survey("a;b\n1;2\n1;2;3\n", None), Err(SurveyFileError::TooManyCells { row: 1, have: 3, need: 2 }));
    }

    #[test]
    fn read_then_derive() {
        let csv = "Speed;Price;Overall\n1;2;1\n2;1;2\n3;4;4\n4;3;4\n5;;5\n";
        let t = read_survey(csv, None).unwrap();
        let d = derived_importance(&t.rows, t.drivers.len()).unwrap();
        assert_eq!((d.respondents, d.dropped), (4, 1));
    }

    proptest! {
        /// Any text: no panic, and every row has one rating per driver.
        #[test]
        fn no_panic(text in "[0-9a-z;,.\"\n\r ]{0,200}") {
            if let Ok(t) = read_survey(&text, None) {
                prop_assert!(t.rows.iter().all(|r| r.ratings.len() == t.drivers.len()));
            }
        }
    }
}
