//! Chunked CSV record reading with exact physical line numbers.
//!
//! Most records of a real export have no quote at all. Those are split here
//! directly in the input (a scan for the delimiter and the line end, no copy):
//! measured with callgrind, csv-core's byte-at-a-time state machine plus the
//! copy into its output buffer cost about 1 000 instructions per 50-byte row,
//! a quarter of the whole import. A record with a quote, or one cut by the end
//! of a chunk, goes through csv-core, which keeps its state across chunks, so
//! both paths give the same fields (csv-core treats `\r`, `\n` and `\r\n` as
//! record ends and a quote as special only at the start of a field; the fast
//! path never sees a quote).
//!
//! Every byte consumed, by either path, goes through one line counter
//! ([`Lines`]: `\r\n`, `\n` and a lone `\r` are one line end each, across
//! chunk boundaries). The bytes csv-core consumes also go through [`QuoteState`],
//! a copy of csv-core's quoting transitions, so that a quote still open at
//! the end of the file is known from the parser's state, not guessed from a
//! count of quotes.
//!
//! A UTF-8 byte-order mark is removed once, at the very start of the file
//! (even when it arrives split over chunks); csv-core's own BOM stripping is
//! disabled, so a BOM later in the data is data for both paths, whatever the
//! chunking.
//!
//! Blank lines are skipped here (rather than inside csv-core) so that the line
//! where each record starts is known exactly, even for records whose quoted
//! fields span several lines.

use super::error::IngestError;
use super::scan::{Lines, QuoteState};
use super::split::split_line;

/// The fields of one record, borrowed from the input or the reader's buffer.
pub(crate) struct Fields<'a> {
    pub(crate) buf: &'a [u8],
    /// End of each field in `buf`.
    pub(crate) ends: &'a [usize],
    /// Bytes between a field's end and the next field's start: 1 for a raw
    /// line (the delimiter), 0 for csv-core's unquoted output.
    pub(crate) gap: usize,
    /// Every byte of the record is ASCII, so every cell is valid UTF-8 and
    /// can be parsed as bytes without decoding.
    pub(crate) ascii: bool,
    /// Number of fields: `ends.len()`, or more when the splitter only
    /// counted the fields after the last mapped column (then `ends` is a
    /// prefix, and those fields are found again on demand, off the hot path).
    pub(crate) count: usize,
    pub(crate) delimiter: u8,
}

impl<'a> Fields<'a> {
    pub(crate) fn len(&self) -> usize {
        self.count
    }
    /// Raw bytes of field `i` (0-based); empty when absent.
    ///
    /// The early test lets the compiler drop the bounds tests of both
    /// lookups below (callgrind: −33 instructions a subscriptions row, six
    /// fields read); past the stored ends, a field is found on demand.
    #[inline]
    pub(crate) fn get(&self, i: usize) -> &'a [u8] {
        if i >= self.ends.len() {
            return self.unsplit(i);
        }
        let start = match i.checked_sub(1) {
            None => 0,
            Some(p) => self.ends.get(p).map_or(0, |e| e + self.gap),
        };
        let end = self.ends.get(i).copied().unwrap_or(start);
        self.buf.get(start..end).unwrap_or(&[])
    }

    /// Field `i` past the stored ends: the record after the last stored end
    /// split at the delimiter (a raw line has no quote); empty when absent.
    #[cold]
    #[inline(never)]
    fn unsplit(&self, i: usize) -> &'a [u8] {
        if i >= self.count {
            return &[];
        }
        let k = self.ends.len();
        let start = k.checked_sub(1).and_then(|p| self.ends.get(p)).map_or(0, |e| e + self.gap);
        let rest = self.buf.get(start..).unwrap_or(&[]);
        rest.split(|&b| b == self.delimiter).nth(i - k).unwrap_or(&[])
    }
}

/// Whether to keep reading after a record.
pub(crate) enum Flow {
    Continue,
    Stop,
}

/// The UTF-8 byte-order mark.
const BOM: &[u8; 3] = b"\xef\xbb\xbf";

pub(crate) struct RecordReader {
    rdr: csv_core::Reader,
    out: Vec<u8>,
    ends: Vec<usize>,
    out_len: usize,
    ends_len: usize,
    in_record: bool,
    record_line: u64,
    lines: Lines,
    quote: QuoteState,
    /// Bytes of a BOM matched at the start of the file so far; `None` once
    /// the start is past (BOM removed, or the file has none).
    bom: Option<usize>,
    stopped: bool,
    delimiter: u8,
    /// Field ends the fast path must write: up to the last mapped column.
    keep: usize,
    /// Field ends of the record split by the fast path.
    fast_ends: Vec<usize>,
}

impl RecordReader {
    pub(crate) fn new(delimiter: u8) -> Self {
        Self::keeping(delimiter, usize::MAX)
    }

    /// A reader whose records need only their first `keep` fields' ends
    /// (every field is still counted, and read on demand).
    pub(crate) fn keeping(delimiter: u8, keep: usize) -> Self {
        let mut rdr = csv_core::ReaderBuilder::new().delimiter(delimiter).build();
        // csv-core strips a BOM at the start of its first input, which is
        // wherever its first record happens to be (chunk-dependent): one
        // blank line read first turns that off. The file's BOM is removed
        // here instead.
        let (mut o, mut e) = ([0u8; 1], [0usize; 1]);
        let _ = rdr.read_record(b"\n", &mut o, &mut e);
        Self {
            rdr,
            out: vec![0; 4096],
            ends: vec![0; 64],
            out_len: 0,
            ends_len: 0,
            in_record: false,
            record_line: 1,
            lines: Lines::default(),
            quote: QuoteState::default(),
            bom: Some(0),
            stopped: false,
            delimiter,
            keep: keep.max(1),
            fast_ends: Vec::with_capacity(64),
        }
    }

    /// Feeds bytes; `eof` after the last chunk. Calls `f(line, fields)` per record.
    pub(crate) fn feed<F>(&mut self, mut input: &[u8], eof: bool, mut f: F) -> Result<(), IngestError>
    where
        F: FnMut(u64, &Fields<'_>) -> Result<Flow, IngestError>,
    {
        if let Some(k) = self.bom {
            let want = BOM.get(k..).unwrap_or_default();
            let n = want.iter().zip(input).take_while(|(a, b)| a == b).count();
            if n == want.len() {
                // The whole BOM: dropped.
                self.bom = None;
                input = input.get(n..).unwrap_or_default();
            } else if n == input.len() && !eof {
                // A BOM so far, cut by the end of the chunk.
                self.bom = Some(k + n);
                return Ok(());
            } else {
                // Not a BOM: the bytes held back are data.
                self.bom = None;
                if k > 0 {
                    self.body(BOM.get(..k).unwrap_or_default(), false, &mut f)?;
                }
            }
        }
        self.body(input, eof, &mut f)
    }

    fn body<F>(&mut self, mut input: &[u8], eof: bool, f: &mut F) -> Result<(), IngestError>
    where
        F: FnMut(u64, &Fields<'_>) -> Result<Flow, IngestError>,
    {
        use csv_core::ReadRecordResult as R;
        loop {
            if self.stopped {
                return Ok(());
            }
            if !self.in_record {
                if matches!(input.first(), Some(b'\n' | b'\r')) {
                    let skip = input.iter().take_while(|&&b| b == b'\n' || b == b'\r').count();
                    let (skipped, rest) = input.split_at(skip);
                    self.lines.eat(skipped);
                    input = rest;
                }
                if input.is_empty() && !eof {
                    return Ok(());
                }
                self.record_line = self.lines.line();
                self.quote = QuoteState::FieldStart;
                if let Some((len, used, ascii, count)) = split_line(input, self.delimiter, self.keep, &mut self.fast_ends) {
                    let (line, rest) = input.split_at(used.min(input.len()));
                    let buf = line.get(..len).unwrap_or_default();
                    let fields = Fields { buf, ends: &self.fast_ends, gap: 1, ascii, count, delimiter: self.delimiter };
                    let flow = f(self.record_line, &fields)?;
                    // Text (the blank lines were skipped), then the line end.
                    self.lines.text_then(line.last().copied().unwrap_or_default());
                    input = rest;
                    if let Flow::Stop = flow {
                        self.stopped = true;
                        return Ok(());
                    }
                    continue;
                }
            }
            let was_empty = input.is_empty();
            let out = self.out.get_mut(self.out_len..).unwrap_or_default();
            let ends = self.ends.get_mut(self.ends_len..).unwrap_or_default();
            let (res, nin, nout, nend) = self.rdr.read_record(input, out, ends);
            let (used, rest) = input.split_at(nin.min(input.len()));
            self.lines.eat(used);
            self.quote = self.quote.after(used, self.delimiter);
            input = rest;
            self.out_len += nout;
            self.ends_len += nend;
            if nin > 0 {
                self.in_record = true;
            }
            match res {
                R::InputEmpty => {
                    if !eof {
                        return Ok(());
                    }
                }
                R::OutputFull => {
                    let n = self.out.len() * 2;
                    self.out.resize(n, 0);
                }
                R::OutputEndsFull => {
                    let n = self.ends.len() * 2;
                    self.ends.resize(n, 0);
                }
                R::Record => {
                    if eof && was_empty && self.quote.open() {
                        return Err(IngestError::UnterminatedQuote { line: self.record_line });
                    }
                    let buf = self.out.get(..self.out_len).unwrap_or_default();
                    let ends = self.ends.get(..self.ends_len).unwrap_or_default();
                    let fields = Fields { buf, ends, gap: 0, ascii: buf.is_ascii(), count: ends.len(), delimiter: self.delimiter };
                    let flow = f(self.record_line, &fields)?;
                    self.out_len = 0;
                    self.ends_len = 0;
                    self.in_record = false;
                    if let Flow::Stop = flow {
                        self.stopped = true;
                        return Ok(());
                    }
                }
                R::End => return Ok(()),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The fields csv-core gives for one record, for comparison.
    fn reference(input: &[u8], delimiter: u8) -> Vec<Vec<u8>> {
        let mut rr = RecordReader::new(delimiter);
        let mut out = Vec::new();
        let _ = rr.feed(input, true, |_, f| {
            out.push((0..f.len()).map(|i| f.get(i).to_vec()).collect());
            Ok(Flow::Stop)
        });
        out.into_iter().next().unwrap_or_default()
    }

    proptest! {
        /// With only the first `keep` ends written, every field reads the
        /// same, and the count is the same, as with all of them (or the
        /// record goes to csv-core).
        #[test]
        fn keeping_some_ends_reads_the_same(bytes in proptest::collection::vec(prop_oneof![
            4 => Just(b','), 1 => Just(b'\n'), 1 => Just(b'"'), 8 => Just(b'a'), 1 => Just(0xe9u8)], 0..120), keep in 0usize..12) {
            let (mut all, mut some) = (Vec::new(), Vec::new());
            let full = split_line(&bytes, b',', usize::MAX, &mut all);
            if let Some((len, used, ascii, count)) = split_line(&bytes, b',', keep, &mut some) {
                prop_assert_eq!(full, Some((len, used, ascii, count)));
                let f = Fields { buf: &bytes[..len], ends: &all, gap: 1, ascii, count: all.len(), delimiter: b',' };
                let g = Fields { buf: &bytes[..len], ends: &some, gap: 1, ascii, count, delimiter: b',' };
                prop_assert_eq!(f.len(), g.len());
                for i in 0..count + 2 {
                    prop_assert_eq!(f.get(i), g.get(i), "field {}", i);
                }
            }
        }

        /// Whenever the fast path takes a record, it splits it as csv-core would.
        #[test]
        fn fast_path_agrees_with_csv_core(bytes in proptest::collection::vec(prop_oneof![
            Just(b','), Just(b';'), Just(b'\n'), Just(b'\r'), Just(b'"'), Just(b'a'), Just(0xe9u8), any::<u8>()], 0..80),
            delimiter in prop_oneof![Just(b','), Just(b';'), Just(b'\t'), Just(b'|')]) {
            let body: Vec<u8> = bytes.iter().copied().skip_while(|b| *b == b'\n' || *b == b'\r').collect();
            let mut ends = Vec::new();
            if let Some((len, _, ascii, count)) = split_line(&body, delimiter, usize::MAX, &mut ends) {
                prop_assert_eq!(ascii, body[..len].is_ascii());
                let f = Fields { buf: &body[..len], ends: &ends, gap: 1, ascii, count, delimiter };
                let fast: Vec<Vec<u8>> = (0..f.len()).map(|i| f.get(i).to_vec()).collect();
                let mut csv = body.clone();
                csv.push(b'\n');
                let mut rdr = csv_core::ReaderBuilder::new().delimiter(delimiter).build();
                let (mut out, mut e) = ([0u8; 256], [0usize; 128]);
                let (_, _, _, n) = rdr.read_record(&csv, &mut out, &mut e);
                let slow: Vec<Vec<u8>> = (0..n).map(|i| out[if i == 0 { 0 } else { e[i - 1] }..e[i]].to_vec()).collect();
                prop_assert_eq!(&fast, &slow);
                prop_assert_eq!(fast, reference(&body, delimiter));
            }
        }
    }
}
