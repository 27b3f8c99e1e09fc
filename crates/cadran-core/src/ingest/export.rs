//! Results written back as CSV, the way the user's spreadsheet reads them.
//!
//! Why per locale: French Excel opens a `;`-separated file with decimal
//! commas directly, and splits a `,`-separated one wrongly; English
//! spreadsheets expect `,` and decimal points. Numbers are written without
//! grouping (a grouped `1 234,5` is read as text by some spreadsheets) and
//! exactly ([`Decimal`], no float rounding). The file starts with a UTF-8 BOM
//! so that Excel reads accents correctly.

use crate::locale::{format_input, Locale};
use rust_decimal::Decimal;

/// One cell of an exported table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cell {
    /// Text (a label, a month, a segment name, a reason in words).
    Text(String),
    /// A number, written exactly with the locale's decimal separator.
    Number(Decimal),
    /// Nothing.
    Empty,
}

/// A titled table: what one section of the results page shows.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Table {
    /// Title, written on its own line above the table.
    pub title: String,
    /// Column names.
    pub headers: Vec<String>,
    /// Rows of cells.
    pub rows: Vec<Vec<Cell>>,
}

/// The field separator for `locale`: `;` in French, `,` in English.
#[must_use]
pub fn separator(locale: Locale) -> char {
    match locale {
        Locale::Fr => ';',
        Locale::En => ',',
    }
}

fn push_field(out: &mut String, text: &str, sep: char) {
    let needs_quotes = text.contains(sep) || text.contains(['"', '\n', '\r']) || text.starts_with(' ') || text.ends_with(' ');
    if needs_quotes {
        out.push('"');
        out.push_str(&text.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(text);
    }
}

fn push_row<'a>(out: &mut String, cells: impl Iterator<Item = std::borrow::Cow<'a, str>>, sep: char) {
    for (i, c) in cells.enumerate() {
        if i > 0 {
            out.push(sep);
        }
        push_field(out, &c, sep);
    }
    out.push_str("\r\n");
}

/// Characters that make a spreadsheet read a cell as a formula when they
/// lead it ("CSV injection", OWASP), with their full-width forms (U+FF1D
/// `＝`, U+FF0B `＋`, U+FF0D `－`, U+FF20 `＠`), which some spreadsheets
/// normalise to the ASCII ones.
const FORMULA_LEADS: [char; 10] = ['=', '+', '-', '@', '\t', '\r', '\u{ff1d}', '\u{ff0b}', '\u{ff0d}', '\u{ff20}'];

/// Text as a spreadsheet will show it: a text cell starting with one of
/// [`FORMULA_LEADS`] would be run as a formula, so it gets a leading
/// apostrophe. Segment names come from the user's file.
fn safe_text(t: &str) -> std::borrow::Cow<'_, str> {
    if t.starts_with(FORMULA_LEADS) {
        format!("'{t}").into()
    } else {
        t.into()
    }
}

/// Writes tables as one CSV file in `locale`'s conventions: a BOM, then each
/// table as a title line, a header line and its rows, tables separated by an
/// empty line; fields quoted when they hold the separator, a quote or a line
/// break; CRLF line ends (RFC 4180).
///
/// # Example
/// ```
/// use cadran_core::ingest::export::{write_csv, Cell, Table};
/// use cadran_core::locale::Locale;
/// use rust_decimal_macros::dec;
/// let t = Table {
///     title: "NPS".into(),
///     headers: vec!["Mois".into(), "NPS".into()],
///     rows: vec![vec![Cell::Text("2024-01".into()), Cell::Number(dec!(12.5))]],
/// };
/// assert_eq!(write_csv(&[t.clone()], Locale::Fr), "\u{feff}NPS\r\nMois;NPS\r\n2024-01;12,5\r\n");
/// assert_eq!(write_csv(&[t], Locale::En), "\u{feff}NPS\r\nMois,NPS\r\n2024-01,12.5\r\n");
/// ```
#[must_use]
pub fn write_csv(tables: &[Table], locale: Locale) -> String {
    let sep = separator(locale);
    let mut out = String::from("\u{feff}");
    for (i, t) in tables.iter().enumerate() {
        if i > 0 {
            out.push_str("\r\n");
        }
        if !t.title.is_empty() {
            push_row(&mut out, std::iter::once(safe_text(&t.title)), sep);
        }
        push_row(&mut out, t.headers.iter().map(|h| safe_text(h)), sep);
        for row in &t.rows {
            push_row(
                &mut out,
                row.iter().map(|c| match c {
                    Cell::Text(s) => safe_text(s),
                    Cell::Number(d) => format_input(*d, locale).into(),
                    Cell::Empty => "".into(),
                }),
                sep,
            );
        }
    }
    out
}

/// A file name for an export: `cadran-<what>-<yyyy-mm>.csv` style, keeping
/// only letters, digits and dashes.
///
/// # Example
/// ```
/// use cadran_core::ingest::export::file_name;
/// assert_eq!(file_name("Abonnements / MRR"), "cadran-abonnements-mrr.csv");
/// ```
#[must_use]
pub fn file_name(what: &str) -> String {
    let mut slug = String::new();
    for c in what.chars().flat_map(char::to_lowercase) {
        if c.is_ascii_alphanumeric() {
            slug.push(c);
        } else if !slug.ends_with('-') && !slug.is_empty() {
            slug.push('-');
        }
    }
    format!("cadran-{}.csv", slug.trim_end_matches('-'))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::reader::{Flow, RecordReader};
    use crate::locale::parse_number;
    use proptest::prelude::*;
    use rust_decimal_macros::dec;

    /// Reads the file back with the import's own CSV reader.
    fn read_back(csv: &str, sep: char) -> Vec<Vec<String>> {
        let body = csv.strip_prefix('\u{feff}').expect("BOM");
        let mut rows = Vec::new();
        let mut r = RecordReader::new(sep as u8);
        r.feed(body.as_bytes(), true, |_, f| {
            rows.push((0..f.len()).map(|i| String::from_utf8_lossy(f.get(i)).into_owned()).collect());
            Ok(Flow::Continue)
        })
        .expect("reads");
        rows
    }

    fn table() -> Table {
        Table {
            title: "Résultats".into(),
            headers: vec!["Segment".into(), "MRR".into(), "Churn (%)".into()],
            rows: vec![
                vec![Cell::Text("PME; France".into()), Cell::Number(dec!(1234.56)), Cell::Number(dec!(-2.5))],
                vec![Cell::Text("Grands \"comptes\"\nEurope".into()), Cell::Number(dec!(1000000)), Cell::Empty],
                vec![Cell::Text("=HYPERLINK(\"x\")".into()), Cell::Number(dec!(0.000001)), Cell::Number(dec!(0))],
            ],
        }
    }

    #[test]
    fn french_and_english_conventions() {
        let fr = write_csv(&[table()], Locale::Fr);
        assert!(fr.contains("\"PME; France\";1234,56;-2,5\r\n"), "{fr}");
        let en = write_csv(&[table()], Locale::En);
        assert!(en.contains("PME; France,1234.56,-2.5\r\n"), "no quotes needed without a comma: {en}");
        assert!(en.contains("'=HYPERLINK"), "formula neutralised: {en}");
    }

    #[test]
    fn full_width_formula_leads_are_neutralised() {
        for t in ["\u{ff1d}SUM(A1:A9)", "\u{ff0b}1", "\u{ff0d}1", "\u{ff20}SUM(A1)", "=1", "+1", "-1", "@A1"] {
            assert_eq!(safe_text(t), format!("'{t}"), "{t:?}");
        }
        assert_eq!(safe_text("SUM \u{ff1d}"), "SUM \u{ff1d}", "only a leading one");
    }

    #[test]
    fn round_trip_through_the_import_reader() {
        for locale in [Locale::Fr, Locale::En] {
            let t = table();
            let rows = read_back(&write_csv(&[t.clone(), t.clone()], locale), separator(locale));
            // title, header, 3 rows, then the same again (blank line skipped).
            assert_eq!(rows.len(), 10, "{locale:?}: {rows:?}");
            assert_eq!(rows[0], vec!["Résultats"]);
            assert_eq!(rows[1], t.headers);
            for (row, want) in rows[2..5].iter().zip(&t.rows) {
                for (got, cell) in row.iter().zip(want) {
                    match cell {
                        Cell::Number(d) => assert_eq!(parse_number(got, locale), Ok(*d), "{locale:?} {got}"),
                        Cell::Text(s) if s.starts_with('=') => assert_eq!(got, &format!("'{s}")),
                        Cell::Text(s) => assert_eq!(got, s),
                        Cell::Empty => assert_eq!(got, ""),
                    }
                }
            }
        }
    }

    proptest! {
        /// Any texts and exact numbers (below 10¹⁵, up to 12 decimals: what
        /// the number reader accepts) come back unchanged in both locales.
        #[test]
        fn any_table_round_trips(
            texts in proptest::collection::vec("[a-zA-Z0-9 ;,.\"éà€\n]{0,12}", 1..5),
            numbers in proptest::collection::vec((-999_999_999_999_999i64..=999_999_999_999_999, 0u32..=12), 1..5),
        ) {
            let mut row: Vec<Cell> = texts.iter().map(|t| Cell::Text(t.clone())).collect();
            row.extend(numbers.iter().map(|(m, s)| Cell::Number(Decimal::new(*m, *s))));
            let headers = (0..row.len()).map(|i| format!("c{i}")).collect();
            let t = Table { title: String::new(), headers, rows: vec![row.clone()] };
            for locale in [Locale::Fr, Locale::En] {
                let back = read_back(&write_csv(std::slice::from_ref(&t), locale), separator(locale));
                prop_assert_eq!(back.len(), 2);
                for (got, cell) in back[1].iter().zip(&row) {
                    match cell {
                        Cell::Number(d) => prop_assert_eq!(parse_number(got, locale), Ok(*d)),
                        Cell::Text(s) => prop_assert_eq!(got, s),
                        Cell::Empty => {}
                    }
                }
            }
        }
    }
}
