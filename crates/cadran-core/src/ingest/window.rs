//! How much of a file's start layout detection reads: a window that doubles
//! from 64 KiB until it holds the header and a data record, up to
//! [`HEAD_LIMIT`]. The window is a function of the bytes only (never of how
//! they were cut into chunks), so a whole-file import, a streamed one and a
//! preview of a growing head all detect the same layout from the same bytes.

use super::decode::looks_binary;
use super::error::IngestError;
use super::reader::{Flow, RecordReader};
use super::{sniff, Options};

/// The first window: what most files need (the header and 1 000 sample rows
/// of a typical export fit in it).
pub const SNIFF_BYTES: usize = 64 * 1024;

/// The largest window: a file whose first 16 MiB hold no header and data
/// record ([`IngestError::HeadTooLong`]) is not a table Cadran can read.
pub const HEAD_LIMIT: usize = 16 * 1024 * 1024;

/// The window to detect the layout on, given the bytes of the file's start
/// seen so far (`eof`: all of the file), starting from the window size `w`
/// (which it doubles, so that a caller fed chunk by chunk tests each window
/// once): `Some((length, at_eof))`, or `None` when more bytes are needed.
///
/// A window of `w` bytes is enough when its complete records include the
/// header and one data record (two records with some text, or one when the
/// options say there is no header), or when it shows a binary file. At the
/// end of the file, the whole file is the window.
///
/// # Errors
/// [`IngestError::HeadTooLong`] when [`HEAD_LIMIT`] bytes are not enough.
pub(crate) fn grow(head: &[u8], w: &mut usize, eof: bool, o: &Options) -> Result<Option<(usize, bool)>, IngestError> {
    loop {
        let Some(window) = head.get(..*w) else {
            return Ok(eof.then_some((head.len(), true)));
        };
        if enough(window, o) {
            return Ok(Some((window.len(), false)));
        }
        if *w >= HEAD_LIMIT {
            return Err(IngestError::HeadTooLong { limit: HEAD_LIMIT as u64 });
        }
        *w = w.saturating_mul(2).min(HEAD_LIMIT);
    }
}

/// Whether `window` (not the end of the file) has the records detection needs.
fn enough(window: &[u8], o: &Options) -> bool {
    if looks_binary(window) {
        return true;
    }
    let need = if o.has_header == Some(false) { 1 } else { 2 };
    let delimiter = o.delimiter.unwrap_or_else(|| sniff::sniff_delimiter(window));
    let mut found = 0;
    let mut rr = RecordReader::new(delimiter);
    let _ = rr.feed(window, false, |_, f| {
        if (0..f.len()).any(|i| !f.get(i).trim_ascii().is_empty()) {
            found += 1;
        }
        Ok(if found >= need { Flow::Stop } else { Flow::Continue })
    });
    found >= need
}

#[cfg(test)]
mod tests {
    use super::*;

    fn window_of(bytes: &[u8], eof: bool) -> Result<Option<(usize, bool)>, IngestError> {
        grow(bytes, &mut SNIFF_BYTES.clone(), eof, &Options::default())
    }

    #[test]
    fn grows_until_a_data_record() {
        let long_header = format!("{}\n1,2\n", "h,".repeat(50_000)).into_bytes();
        let blank_first = [vec![b'\n'; 100_000], b"a,b\n1,2\n3,4\n".to_vec()].concat();
        let mut small = b"a,b\n1,2\n".to_vec();
        small.resize(SNIFF_BYTES + 10, b'x');
        for (name, bytes, eof, expected) in [
            ("small file", &b"a,b\n1,2\n"[..], true, Ok(Some((8, true)))),
            ("small start, more to come", &b"a,b\n1,2\n"[..], false, Ok(None)),
            ("64 KiB that hold two records", &small[..], false, Ok(Some((SNIFF_BYTES, false)))),
            ("100 KB header, whole", &long_header[..], true, Ok(Some((long_header.len(), true)))),
            ("100 KB header, 128 KiB seen", &long_header[..], false, Ok(None)),
            ("100 KB of blank lines", &blank_first[..], true, Ok(Some((blank_first.len(), true)))),
        ] {
            assert_eq!(window_of(bytes, eof), expected, "{name}");
        }
        let mut huge = long_header.clone();
        huge.resize(2 * SNIFF_BYTES + 5, b'x');
        assert_eq!(window_of(&huge, false), Ok(Some((2 * SNIFF_BYTES, false))), "128 KiB window");
    }

    #[test]
    fn stops_at_the_limit() {
        let line = vec![b'x'; HEAD_LIMIT + 1];
        assert_eq!(window_of(&line, true), Err(IngestError::HeadTooLong { limit: HEAD_LIMIT as u64 }));
        assert_eq!(window_of(&line[..HEAD_LIMIT - 1], true), Ok(Some((HEAD_LIMIT - 1, true))));
    }
}
