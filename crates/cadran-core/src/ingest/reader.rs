//! Chunked CSV record reading on csv-core, with exact physical line numbers.
//!
//! csv-core parses bytes into a reused buffer with no allocation per record.
//! Blank lines are skipped here (rather than inside csv-core) so that the line
//! where each record starts is known exactly, even for records whose quoted
//! fields span several lines.

use super::error::IngestError;

/// The fields of one record, borrowed from the reader's buffer.
pub(crate) struct Fields<'a> {
    pub(crate) buf: &'a [u8],
    pub(crate) ends: &'a [usize],
}

impl<'a> Fields<'a> {
    pub(crate) fn len(&self) -> usize {
        self.ends.len()
    }
    /// Raw bytes of field `i` (0-based); empty when absent.
    #[inline]
    pub(crate) fn get(&self, i: usize) -> &'a [u8] {
        let start = if i == 0 { 0 } else { self.ends.get(i - 1).copied().unwrap_or(0) };
        let end = self.ends.get(i).copied().unwrap_or(start);
        self.buf.get(start..end).unwrap_or(&[])
    }
}

/// Whether to keep reading after a record.
pub(crate) enum Flow {
    Continue,
    Stop,
}

pub(crate) struct RecordReader {
    rdr: csv_core::Reader,
    out: Vec<u8>,
    ends: Vec<usize>,
    out_len: usize,
    ends_len: usize,
    in_record: bool,
    record_line: u64,
    quotes: u64,
    stopped: bool,
}

impl RecordReader {
    pub(crate) fn new(delimiter: u8) -> Self {
        Self {
            rdr: csv_core::ReaderBuilder::new().delimiter(delimiter).build(),
            out: vec![0; 4096],
            ends: vec![0; 64],
            out_len: 0,
            ends_len: 0,
            in_record: false,
            record_line: 1,
            quotes: 0,
            stopped: false,
        }
    }

    /// Feeds bytes; `eof` after the last chunk. Calls `f(line, fields)` per record.
    pub(crate) fn feed<F>(&mut self, mut input: &[u8], eof: bool, mut f: F) -> Result<(), IngestError>
    where
        F: FnMut(u64, &Fields<'_>) -> Result<Flow, IngestError>,
    {
        use csv_core::ReadRecordResult as R;
        loop {
            if self.stopped {
                return Ok(());
            }
            if !self.in_record {
                let skip = input.iter().take_while(|&&b| b == b'\n' || b == b'\r').count();
                let (skipped, rest) = input.split_at(skip);
                let nl = skipped.iter().filter(|&&b| b == b'\n').count() as u64;
                self.rdr.set_line(self.rdr.line() + nl);
                input = rest;
                if input.is_empty() && !eof {
                    return Ok(());
                }
                self.record_line = self.rdr.line();
                self.quotes = 0;
            }
            let was_empty = input.is_empty();
            let out = self.out.get_mut(self.out_len..).unwrap_or_default();
            let ends = self.ends.get_mut(self.ends_len..).unwrap_or_default();
            let (res, nin, nout, nend) = self.rdr.read_record(input, out, ends);
            let (used, rest) = input.split_at(nin.min(input.len()));
            self.quotes += used.iter().filter(|&&b| b == b'"').count() as u64;
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
                    if eof && was_empty && self.quotes % 2 == 1 {
                        return Err(IngestError::UnterminatedQuote { line: self.record_line });
                    }
                    let fields = Fields {
                        buf: self.out.get(..self.out_len).unwrap_or_default(),
                        ends: self.ends.get(..self.ends_len).unwrap_or_default(),
                    };
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
