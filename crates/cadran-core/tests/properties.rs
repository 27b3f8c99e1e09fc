//! Property tests: CSV written in any supported flavour reads back to the same
//! values, and no input, however broken, makes ingestion panic.

use cadran_core::ingest::date::{Date, DateOrder};
use cadran_core::ingest::number::{parse_number, DecimalSep};
use cadran_core::ingest::{ingest, preview, Ingestor, Options};
use proptest::prelude::*;
use rust_decimal::Decimal;
use std::str::FromStr;

#[derive(Debug, Clone)]
struct Flavour {
    delimiter: u8,
    comma: bool,
    date: u8, // 0 ISO, 1 dd/mm/yyyy, 2 mm/dd/yyyy
    quote_all: bool,
    crlf: bool,
    group: bool,
}

fn flavour() -> impl Strategy<Value = Flavour> {
    (prop::sample::select(vec![b',', b';', b'\t', b'|']), any::<bool>(), 0u8..3, any::<bool>(), any::<bool>(), any::<bool>())
        .prop_map(|(delimiter, comma, date, quote_all, crlf, group)| Flavour { delimiter, comma, date, quote_all, crlf, group })
}

fn fmt_amount(cents: i64, f: &Flavour) -> String {
    let neg = cents < 0;
    let a = cents.unsigned_abs();
    let (int, frac) = (a / 100, a % 100);
    let mut int_s = int.to_string();
    if f.group {
        let sep = if f.comma { " " } else { "," };
        let digits: Vec<char> = int_s.chars().collect();
        let mut out = String::new();
        for (i, c) in digits.iter().enumerate() {
            if i > 0 && (digits.len() - i) % 3 == 0 {
                out.push_str(sep);
            }
            out.push(*c);
        }
        int_s = out;
    }
    format!("{}{}{}{:02}", if neg { "-" } else { "" }, int_s, if f.comma { "," } else { "." }, frac)
}

fn fmt_date(d: Date, f: &Flavour) -> String {
    let (y, m, dd) = d.ymd();
    match f.date {
        0 => format!("{y:04}-{m:02}-{dd:02}"),
        1 => format!("{dd:02}/{m:02}/{y:04}"),
        _ => format!("{m:02}/{dd:02}/{y:04}"),
    }
}

fn field(s: &str, f: &Flavour) -> String {
    let needs = f.quote_all || s.bytes().any(|b| b == f.delimiter || b == b'"' || b == b'\n' || b == b'\r');
    if needs { format!("\"{}\"", s.replace('"', "\"\"")) } else { s.to_string() }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// Random subscriptions written in any flavour read back to the same dates and amounts.
    #[test]
    fn round_trip(f in flavour(),
                  rows in prop::collection::vec(("[a-z\"; ,|]{1,8}", 18_000i32..20_000, -100_000_000i64..100_000_000), 1..30)) {
        let d = char::from(f.delimiter).to_string();
        let nl = if f.crlf { "\r\n" } else { "\n" };
        let mut csv = ["customer", "start", "mrr"].join(&d) + nl;
        for (c, day, cents) in &rows {
            let c = format!("c{c}");
            csv += &[field(&c, &f), field(&fmt_date(Date(*day), &f), &f), field(&fmt_amount(*cents, &f), &f)].join(&d);
            csv += nl;
        }
        let order = if f.date == 2 { DateOrder::MonthFirst } else { DateOrder::DayFirst };
        let o = Options::builder().date_order(order).build();
        let p = preview(csv.as_bytes(), &o, 1000).unwrap();
        prop_assert_eq!(p.layout.delimiter, f.delimiter);
        prop_assert_eq!(p.rows.len(), rows.len());
        for (row, (c, day, cents)) in p.rows.iter().zip(&rows) {
            prop_assert_eq!(&row.cells[0].raw, &format!("c{c}"));
            prop_assert_eq!(row.cells[1].read_as.clone(), Some(Ok(Date(*day).to_string())));
            let got = row.cells[2].read_as.clone().unwrap().unwrap();
            prop_assert_eq!(Decimal::from_str(&got).unwrap(), Decimal::new(*cents, 2), "{} in {:?}", got, f);
        }
        let r = ingest(csv.as_bytes(), &o).unwrap();
        prop_assert_eq!(r.bad_rows.count, 0);
        prop_assert_eq!(r.rows, rows.len() as u64);
    }

    /// Amounts with grouping and either separator read back exactly.
    #[test]
    fn numbers_round_trip(cents in any::<i64>(), comma in any::<bool>(), group in any::<bool>()) {
        let f = Flavour { delimiter: b',', comma, date: 0, quote_all: false, crlf: false, group };
        let s = fmt_amount(cents, &f);
        let sep = if comma { DecimalSep::Comma } else { DecimalSep::Point };
        let sign = if cents < 0 { -1 } else { 1 };
        let want = Decimal::from_i128_with_scale(i128::from(cents.unsigned_abs()) * sign, 2);
        prop_assert_eq!(parse_number(&s, sep, false), Ok(want), "{}", s);
    }

    /// Arbitrary bytes: a report or a typed error, never a panic.
    #[test]
    fn never_panics_on_bytes(bytes in prop::collection::vec(any::<u8>(), 0..600), chunk in 1usize..50) {
        let _ = ingest(&bytes, &Options::default());
        let _ = preview(&bytes, &Options::default(), 10);
        let mut i = Ingestor::new(Options::default());
        for c in bytes.chunks(chunk) {
            if i.push(c).is_err() { break; }
        }
        let _ = i.finish();
    }

    /// CSV-looking garbage (headers that map, broken quotes, odd numbers and dates).
    #[test]
    fn never_panics_on_csv_like(body in "[a-c0-9,;\"\r\n/ .:()€%$-]{0,300}",
                                header in prop::sample::select(vec![
                                    "customer,start,end,mrr\n", "score,date,segment\n",
                                    "Client;Date;Montant\n", "ticket,fcr,channel,date\n",
                                    "customer,start,amount,interval,quantity,segment\n",
                                    "variant,converted,revenue\n", "groupe;visiteurs;conversions;ca\n"])) {
        let csv = format!("{header}{body}");
        let _ = ingest(csv.as_bytes(), &Options::default());
        let _ = preview(csv.as_bytes(), &Options::default(), 10);
    }
}
