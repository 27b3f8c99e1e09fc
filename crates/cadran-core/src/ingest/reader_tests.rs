//! The record reader against csv-core on hostile bytes: same records, the
//! right physical lines, a quote still open at the end reported from the
//! parser's state, and none of it depending on chunk sizes.

use super::error::IngestError;
use super::reader::{Flow, RecordReader};
use proptest::prelude::*;

type Records = Vec<(u64, Vec<Vec<u8>>)>;

/// Cadran's records of `input` fed in chunks of the given sizes (cycled).
fn cadran(input: &[u8], delimiter: u8, sizes: &[usize]) -> (Records, Option<IngestError>) {
    let mut rr = RecordReader::new(delimiter);
    let mut out = Vec::new();
    let mut rest = input;
    let mut i = 0;
    let mut sink = |line: u64, f: &super::reader::Fields<'_>| {
        out.push((line, (0..f.len()).map(|i| f.get(i).to_vec()).collect()));
        Ok(Flow::Continue)
    };
    while !rest.is_empty() {
        let n = sizes.get(i % sizes.len().max(1)).copied().unwrap_or(1).clamp(1, rest.len());
        i += 1;
        let (c, r) = rest.split_at(n);
        rest = r;
        if let Err(e) = rr.feed(c, false, &mut sink) {
            return (out, Some(e));
        }
    }
    let e = rr.feed(&[], true, &mut sink).err();
    (out, e)
}

/// Physical line of byte `at`: line ends before it, `\r\n` counted once.
fn line_of(input: &[u8], at: usize) -> u64 {
    let before = &input[..at];
    let lf = before.iter().filter(|&&b| b == b'\n').count();
    let lone_cr = before.iter().enumerate().filter(|&(i, &b)| b == b'\r' && input.get(i + 1) != Some(&b'\n')).count();
    1 + (lf + lone_cr) as u64
}

/// csv-core's records of the whole input at once, with the line where each
/// starts, and whether the last one ends inside an open quote (by a naive
/// independent scan of the last record's bytes).
fn reference(input: &[u8], delimiter: u8) -> Records {
    let mut rdr = csv_core::ReaderBuilder::new().delimiter(delimiter).build();
    let (mut out, mut ends) = (vec![0u8; input.len() + 1], vec![0usize; input.len() + 1]);
    let mut at = 0;
    let mut records = Vec::new();
    let (mut no, mut ne, mut start) = (0, 0, 0);
    loop {
        let rest = &input[at..];
        let skip = at + rest.iter().take_while(|&&b| b == b'\n' || b == b'\r').count();
        if ne == 0 && no == 0 {
            start = skip;
            if at == 0 && input.starts_with(b"\xef\xbb\xbf") {
                start = 3 + input[3..].iter().take_while(|&&b| b == b'\n' || b == b'\r').count();
            }
        }
        let (res, nin, nout, nend) = rdr.read_record(rest, &mut out[no..], &mut ends[ne..]);
        at += nin;
        no += nout;
        ne += nend;
        match res {
            csv_core::ReadRecordResult::Record => {
                let fields = (0..ne).map(|i| out[if i == 0 { 0 } else { ends[i - 1] }..ends[i]].to_vec()).collect();
                records.push((line_of(input, start), fields));
                (no, ne) = (0, 0);
            }
            csv_core::ReadRecordResult::End => return records,
            _ => {}
        }
    }
}

fn hostile() -> impl Strategy<Value = Vec<u8>> {
    prop::collection::vec(
        prop_oneof![
            6 => Just(b'a'), 3 => Just(b','), 2 => Just(b'\n'), 2 => Just(b'\r'), 3 => Just(b'"'),
            1 => Just(b';'), 1 => Just(0xef), 1 => Just(0xbb), 1 => Just(0xbf), 1 => any::<u8>()
        ],
        0..200,
    )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    /// Records and their lines are csv-core's, for any chunking; a quote
    /// open at the end is an error naming the last record's line, after
    /// every record before it.
    #[test]
    fn records_and_lines_match_csv_core(bytes in hostile(), bom in any::<bool>(),
        sizes in prop::collection::vec(1usize..70, 1..6), delimiter in prop_oneof![Just(b','), Just(b';')]) {
        let mut input = if bom { b"\xef\xbb\xbf".to_vec() } else { Vec::new() };
        input.extend_from_slice(&bytes);
        let expected = reference(&input, delimiter);
        let (got, err) = cadran(&input, delimiter, &sizes);
        let (whole, whole_err) = cadran(&input, delimiter, &[input.len().max(1)]);
        prop_assert_eq!(&got, &whole, "chunks {:?}", sizes);
        prop_assert_eq!(&err, &whole_err);
        match err {
            None => prop_assert_eq!(got, expected),
            Some(IngestError::UnterminatedQuote { line }) => {
                prop_assert_eq!(&got[..], &expected[..expected.len() - 1]);
                prop_assert_eq!(Some(line), expected.last().map(|r| r.0));
            }
            Some(e) => prop_assert!(false, "unexpected {:?}", e),
        }
    }
}

#[test]
fn issue_cases() {
    // A quote inside an unquoted field of the last line, no final newline: read.
    let pizza = b"id,item,date,x,n\n1,a,2024-01-01,,5\n2,12\" pizza,2024-01-01,,10";
    let (r, e) = cadran(pizza, b',', &[pizza.len()]);
    assert_eq!((r.len(), e), (3, None), "12\" pizza is data");
    assert_eq!(r[2].1[1], b"12\" pizza".to_vec());
    // A quote opening a field that never closes: refused, not rows lost.
    let lost = b"id,date,x,n\nc1,2024-01-01,,10\n5\"x,\"2024-02-01,,20\nc3,2024-03-01,,30\nc4,2024-04-01,,40\n";
    let (r, e) = cadran(lost, b',', &[7]);
    assert_eq!((r.len(), e), (2, Some(IngestError::UnterminatedQuote { line: 3 })));
    // CR-only and mixed line ends: each record on its own line.
    for (input, lines) in [
        (&b"a,b\r1,2\r\r3,4\r"[..], vec![1, 2, 4]),
        (b"a,b\r\n1,2\n3,4\r5,6", vec![1, 2, 3, 4]),
        (b"a,b\r\"x\ry\",2\r3,4", vec![1, 2, 4]),
    ] {
        for size in [1, 2, 3, input.len()] {
            let (r, e) = cadran(input, b',', &[size]);
            assert_eq!(e, None);
            assert_eq!(r.iter().map(|x| x.0).collect::<Vec<_>>(), lines, "{:?} in chunks of {size}", String::from_utf8_lossy(input));
        }
    }
    // A BOM at the start is dropped (even split over chunks); later, it is data.
    let bom = "\u{feff}7,x\n\u{feff}8,y\n".as_bytes();
    for size in [1, 2, 4, bom.len()] {
        let (r, _) = cadran(bom, b',', &[size]);
        assert_eq!(r[0].1[0], b"7".to_vec(), "chunks of {size}");
        assert_eq!(r[1].1[0], "\u{feff}8".as_bytes().to_vec(), "chunks of {size}");
    }
}
