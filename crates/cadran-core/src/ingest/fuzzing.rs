//! Differential check of record splitting: Cadran's reader (fast path and
//! csv-core, fed in chunks) against csv-core alone on the whole input. Used
//! by the property tests and, with the `fuzzing` feature, by the fuzz target
//! `records_diff` (`scripts/fuzz.sh records_diff`). Not part of the API the
//! app uses.

use super::error::IngestError;
use super::reader::{Fields, Flow, RecordReader};

/// Records: the physical line where each starts, and its fields.
pub type Records = Vec<(u64, Vec<Vec<u8>>)>;

/// Cadran's records of `input` fed in chunks of `sizes` (cycled; one chunk
/// when empty), and the error that stopped it, if any.
#[must_use]
pub fn cadran_records(input: &[u8], delimiter: u8, sizes: &[usize]) -> (Records, Option<IngestError>) {
    let mut rr = RecordReader::new(delimiter);
    let mut out = Vec::new();
    let mut rest = input;
    let mut i = 0;
    let mut sink = |line: u64, f: &Fields<'_>| {
        out.push((line, (0..f.len()).map(|i| f.get(i).to_vec()).collect()));
        Ok(Flow::Continue)
    };
    while !rest.is_empty() {
        let n = sizes.get(i % sizes.len().max(1)).copied().unwrap_or(rest.len()).clamp(1, rest.len());
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
    let before = input.get(..at).unwrap_or(input);
    let lf = before.iter().filter(|&&b| b == b'\n').count();
    let lone_cr = before.iter().enumerate().filter(|&(i, &b)| b == b'\r' && input.get(i + 1) != Some(&b'\n')).count();
    1 + (lf + lone_cr) as u64
}

/// csv-core's records of the whole input at once (its BOM stripping at the
/// start included), with the line where each starts (by an independent count).
#[must_use]
pub fn csv_core_records(input: &[u8], delimiter: u8) -> Records {
    let mut rdr = csv_core::ReaderBuilder::new().delimiter(delimiter).build();
    let (mut out, mut ends) = (vec![0u8; input.len() + 1], vec![0usize; input.len() + 1]);
    let mut records = Vec::new();
    let (mut at, mut no, mut ne, mut start) = (0, 0, 0, 0);
    let blank = |from: usize| from + input.get(from..).unwrap_or_default().iter().take_while(|&&b| b == b'\n' || b == b'\r').count();
    loop {
        if ne == 0 && no == 0 {
            start = if at == 0 && input.starts_with(b"\xef\xbb\xbf") { blank(3) } else { blank(at) };
        }
        let rest = input.get(at..).unwrap_or_default();
        let (res, nin, nout, nend) = rdr.read_record(rest, out.get_mut(no..).unwrap_or_default(), ends.get_mut(ne..).unwrap_or_default());
        at += nin;
        no += nout;
        ne += nend;
        match res {
            csv_core::ReadRecordResult::Record => {
                let field = |i: usize| {
                    let s = if i == 0 { 0 } else { ends.get(i - 1).copied().unwrap_or(0) };
                    out.get(s..ends.get(i).copied().unwrap_or(s)).unwrap_or_default().to_vec()
                };
                records.push((line_of(input, start), (0..ne).map(field).collect()));
                (no, ne) = (0, 0);
            }
            csv_core::ReadRecordResult::End => return records,
            // Buffers are as large as the input: never full.
            _ if nin == 0 && !rest.is_empty() => return records,
            _ => {}
        }
    }
}

/// Compares the two: the same records on the same lines, whatever the
/// chunking; or, when a quote is still open at the end, an
/// [`IngestError::UnterminatedQuote`] on the last record's line after all
/// the records before it.
///
/// # Errors
/// What differs, as a message.
pub fn check(input: &[u8], delimiter: u8, sizes: &[usize]) -> Result<(), String> {
    let expected = csv_core_records(input, delimiter);
    let (got, err) = cadran_records(input, delimiter, sizes);
    let (whole, whole_err) = cadran_records(input, delimiter, &[]);
    if (&got, &err) != (&whole, &whole_err) {
        return Err(format!("chunks {sizes:?} give {got:?} {err:?}, whole {whole:?} {whole_err:?}"));
    }
    match err {
        None if got == expected => Ok(()),
        Some(IngestError::UnterminatedQuote { line })
            if Some(&got[..]) == expected.get(..expected.len().saturating_sub(1)) && Some(line) == expected.last().map(|r| r.0) =>
        {
            Ok(())
        }
        _ => Err(format!("cadran {got:?} {err:?}, csv-core {expected:?}")),
    }
}
