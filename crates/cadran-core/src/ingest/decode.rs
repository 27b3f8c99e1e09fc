//! Text encodings: UTF-8 (with or without BOM) and Windows-1252/Latin-1.
//!
//! French Excel still saves "CSV (séparateur : point-virgule)" in
//! Windows-1252. Every byte that matters to CSV structure (separators, quotes,
//! line ends, digits) is ASCII in both encodings, so the file is parsed as
//! bytes and only the cells that are read are decoded — never the whole file.
//! An ASCII or valid UTF-8 cell is borrowed, not copied. Latin-1 is read as
//! Windows-1252, as browsers do (they differ only on rarely used C1 controls).

use serde::{Deserialize, Serialize};
use std::borrow::Cow;

/// The encoding of a file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Encoding {
    /// UTF-8, with or without a byte-order mark.
    #[default]
    Utf8,
    /// Windows-1252 (a superset of printable Latin-1).
    Windows1252,
}

/// Windows-1252 code points for bytes 0x80–0x9F (the rest maps to U+00xx).
const W1252_80: [char; 32] = [
    '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž', '\u{8f}',
    '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}', 'ž', 'Ÿ',
];

/// Guesses the encoding from the start of a file: UTF-8 when it has a BOM,
/// is valid UTF-8 (a multi-byte character cut at the end of the sample is
/// allowed), or has at least as many valid multi-byte UTF-8 characters as
/// invalid sequences (a UTF-8 export with a few stray Windows-1252 bytes:
/// those are read as Windows-1252 one by one, see [`decode`]); Windows-1252
/// otherwise. A tie goes to UTF-8: a real Windows-1252 text almost never
/// forms a valid multi-byte sequence (it takes a capital Ã or Â followed by
/// a symbol), while one accented header and one stray byte is a common
/// UTF-8 export.
///
/// # Example
/// ```
/// use cadran_core::ingest::decode::{detect, Encoding};
/// assert_eq!(detect(b"nom;montant\nAndr\xe9;12,5"), Encoding::Windows1252);
/// assert_eq!(detect("nom;montant\nAndré;12,5".as_bytes()), Encoding::Utf8);
/// // One stray byte among UTF-8 accents does not flip the file.
/// assert_eq!(detect(b"D\xc3\xa9but;Fin\xc3\xa9\nAndr\xe9;12,5"), Encoding::Utf8);
/// // One accent each way: UTF-8.
/// assert_eq!(detect(b"D\xc3\xa9but\nAndr\xe9"), Encoding::Utf8);
/// ```
#[must_use]
pub fn detect(sample: &[u8]) -> Encoding {
    if sample.starts_with(b"\xef\xbb\xbf") {
        return Encoding::Utf8;
    }
    let (mut valid, mut invalid) = (0usize, 0usize);
    let mut rest = sample;
    loop {
        match std::str::from_utf8(rest) {
            Ok(s) => {
                valid += s.chars().filter(|c| !c.is_ascii()).count();
                break;
            }
            Err(e) => {
                let (ok, bad) = rest.split_at(e.valid_up_to());
                valid += std::str::from_utf8(ok).map_or(0, |s| s.chars().filter(|c| !c.is_ascii()).count());
                // error_len() == None: the sample ends inside a valid sequence.
                let Some(n) = e.error_len() else { break };
                invalid += 1;
                rest = bad.get(n..).unwrap_or_default();
            }
        }
    }
    if invalid == 0 || valid >= invalid {
        Encoding::Utf8
    } else {
        Encoding::Windows1252
    }
}

/// Whether some byte sequence of `bytes` is not UTF-8 (a sequence cut by the
/// end counts: in a cell, nothing follows it).
#[inline]
#[must_use]
pub fn has_invalid_utf8(bytes: &[u8]) -> bool {
    !bytes.is_ascii() && std::str::from_utf8(bytes).is_err()
}

/// True when the sample looks like binary data rather than text: NUL bytes
/// (also what UTF-16 files look like, which are not supported).
#[must_use]
pub fn looks_binary(sample: &[u8]) -> bool {
    sample.iter().take(8192).any(|&b| b == 0)
}

/// Decodes one cell. In a UTF-8 file an invalid sequence is read as
/// Windows-1252, byte by byte, and the rest of the cell as UTF-8: mixed files
/// exist (a UTF-8 export later edited in an old tool), and one stray byte
/// must not turn the accents around it into mojibake.
///
/// # Example
/// ```
/// use cadran_core::ingest::decode::{decode, Encoding};
/// assert_eq!(decode(b"12,5 \x80", Encoding::Windows1252), "12,5 €");
/// assert_eq!(decode("12,5 €".as_bytes(), Encoding::Utf8), "12,5 €");
/// assert_eq!(decode(b"Andr\xe9 D\xc3\xa9but", Encoding::Utf8), "André Début");
/// ```
#[inline]
#[must_use]
pub fn decode(bytes: &[u8], encoding: Encoding) -> Cow<'_, str> {
    if encoding == Encoding::Utf8 || bytes.is_ascii() {
        if let Ok(s) = std::str::from_utf8(bytes) {
            return Cow::Borrowed(s);
        }
    }
    match encoding {
        Encoding::Utf8 => Cow::Owned(utf8_or_1252(bytes)),
        Encoding::Windows1252 => Cow::Owned(bytes.iter().map(|&b| w1252(b)).collect()),
    }
}

/// UTF-8, each invalid sequence read as Windows-1252.
#[cold]
fn utf8_or_1252(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len() + 8);
    let mut rest = bytes;
    loop {
        match std::str::from_utf8(rest) {
            Ok(s) => {
                out.push_str(s);
                return out;
            }
            Err(e) => {
                let (ok, bad) = rest.split_at(e.valid_up_to());
                out.push_str(std::str::from_utf8(ok).unwrap_or_default());
                let n = e.error_len().unwrap_or(bad.len()).max(1);
                let (seq, after) = bad.split_at(n.min(bad.len()));
                out.extend(seq.iter().map(|&b| w1252(b)));
                rest = after;
                if rest.is_empty() {
                    return out;
                }
            }
        }
    }
}

fn w1252(b: u8) -> char {
    match b {
        0x80..=0x9f => W1252_80.get(usize::from(b - 0x80)).copied().unwrap_or('\u{fffd}'),
        _ => char::from(b),
    }
}
