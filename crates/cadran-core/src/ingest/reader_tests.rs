//! The record reader against csv-core on hostile bytes: same records, the
//! right physical lines, a quote still open at the end reported from the
//! parser's state, and none of it depending on chunk sizes.

use super::error::IngestError;
use super::fuzzing::{cadran_records as cadran, check};
use proptest::prelude::*;

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
        prop_assert_eq!(check(&input, delimiter, &sizes), Ok(()));
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
