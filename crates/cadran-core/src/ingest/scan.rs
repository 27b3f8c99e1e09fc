//! The two pieces of parser state the record reader keeps besides csv-core's:
//! physical lines ([`Lines`]) and the quoting state ([`QuoteState`]), both fed
//! byte by byte with exactly the bytes the reader consumes, so that neither
//! depends on where chunks are cut.

/// Physical line counter: `\r\n`, `\n` and a lone `\r` each end one line, as
/// a text editor shows them (old Mac exports end lines with `\r` only).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Lines {
    /// 1-based line of the next byte.
    line: u64,
    /// The last byte consumed was `\r` (a `\n` right after it ends no new line).
    after_cr: bool,
}

impl Default for Lines {
    fn default() -> Self {
        Self { line: 1, after_cr: false }
    }
}

impl Lines {
    /// 1-based line of the next byte.
    #[inline]
    pub(crate) fn line(&self) -> u64 {
        self.line
    }

    /// Counts the line ends of `bytes`, consumed in order.
    #[inline]
    pub(crate) fn eat(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.byte(b);
        }
    }

    /// A line of text (at least one byte, none a line end) consumed, then `end`.
    #[inline]
    pub(crate) fn text_then(&mut self, end: u8) {
        self.after_cr = false;
        self.byte(end);
    }

    /// One byte consumed.
    #[inline]
    pub(crate) fn byte(&mut self, b: u8) {
        match b {
            b'\r' => {
                self.line += 1;
                self.after_cr = true;
            }
            b'\n' => {
                if !self.after_cr {
                    self.line += 1;
                }
                self.after_cr = false;
            }
            _ => self.after_cr = false,
        }
    }
}

/// Where csv-core is within a record, as far as quoting goes. The
/// transitions are csv-core's (default settings: quote `"`, doubled quotes,
/// no escape, no comment, `\r`, `\n` or `\r\n` ending a record), tested in
/// the order csv-core tests them: quote, then delimiter, then line end.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) enum QuoteState {
    /// At the start of a field (a quote here opens a quoted field).
    #[default]
    FieldStart,
    /// In an unquoted field (a quote here is data).
    Unquoted,
    /// In a quoted field: delimiters and line ends are data.
    Quoted,
    /// Just after a quote in a quoted field: closed, unless another quote
    /// follows (a doubled quote).
    QuoteInQuoted,
}

impl QuoteState {
    /// The state after `b`.
    #[inline]
    #[must_use]
    pub(crate) fn next(self, b: u8, delimiter: u8) -> Self {
        use QuoteState::{FieldStart, Quoted, QuoteInQuoted, Unquoted};
        let end = b == b'\r' || b == b'\n';
        match self {
            FieldStart if b == b'"' => Quoted,
            FieldStart | Unquoted | QuoteInQuoted if b == delimiter || end => FieldStart,
            QuoteInQuoted if b == b'"' => Quoted,
            FieldStart | Unquoted | QuoteInQuoted => Unquoted,
            Quoted if b == b'"' => QuoteInQuoted,
            Quoted => Quoted,
        }
    }

    /// The state after `bytes`.
    #[must_use]
    pub(crate) fn after(self, bytes: &[u8], delimiter: u8) -> Self {
        bytes.iter().fold(self, |s, &b| s.next(b, delimiter))
    }

    /// A quoted field is open: the end of the file here leaves it unclosed.
    #[must_use]
    pub(crate) fn open(self) -> bool {
        self == QuoteState::Quoted
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_ends_of_every_kind_count_once() {
        for (input, lines) in [
            (&b"a\nb\n"[..], 3),
            (b"a\r\nb\r\n", 3),
            (b"a\rb\r", 3),
            (b"a\r\n\rb\n\n", 5),
            (b"", 1),
        ] {
            let mut l = Lines::default();
            l.eat(input);
            assert_eq!(l.line(), lines, "{:?}", String::from_utf8_lossy(input));
            // Byte by byte (a chunk boundary between \r and \n) gives the same.
            let mut m = Lines::default();
            input.iter().for_each(|&b| m.byte(b));
            assert_eq!(m.line(), lines, "{:?} byte by byte", String::from_utf8_lossy(input));
        }
    }

    #[test]
    fn quotes_open_only_at_a_field_start() {
        for (input, open) in [
            (&b"a,\"b"[..], true),
            (b"a,12\" pizza", false),
            (b"5\"x,\"2024", true),
            (b"\"a\"\"b\"", false),
            (b"\"a\"\"", true),
            (b"\"a\"x\"", false),
            (b"\"a\nb", true),
            (b"\"a\"\n\"", true),
        ] {
            let s = QuoteState::default().after(input, b',');
            assert_eq!(s.open(), open, "{:?}", String::from_utf8_lossy(input));
        }
    }
}
