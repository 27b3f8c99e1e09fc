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

/// Guesses the encoding from the start of a file: a BOM or valid UTF-8 means
/// UTF-8 (a multi-byte character cut at the end of the sample is allowed),
/// anything else Windows-1252.
///
/// # Example
/// ```
/// use cadran_core::ingest::decode::{detect, Encoding};
/// assert_eq!(detect(b"nom;montant\nAndr\xe9;12,5"), Encoding::Windows1252);
/// assert_eq!(detect("nom;montant\nAndré;12,5".as_bytes()), Encoding::Utf8);
/// ```
#[must_use]
pub fn detect(sample: &[u8]) -> Encoding {
    match std::str::from_utf8(sample) {
        Ok(_) => Encoding::Utf8,
        // error_len() == None: the sample ends inside a valid sequence.
        Err(e) if e.error_len().is_none() => Encoding::Utf8,
        Err(_) => Encoding::Windows1252,
    }
}

/// True when the sample looks like binary data rather than text: NUL bytes
/// (also what UTF-16 files look like, which are not supported).
#[must_use]
pub fn looks_binary(sample: &[u8]) -> bool {
    sample.iter().take(8192).any(|&b| b == 0)
}

/// Decodes one cell. In a UTF-8 file an invalid cell falls back to
/// Windows-1252 rather than failing: mixed files exist (a UTF-8 export later
/// edited in an old tool).
///
/// # Example
/// ```
/// use cadran_core::ingest::decode::{decode, Encoding};
/// assert_eq!(decode(b"12,5 \x80", Encoding::Windows1252), "12,5 €");
/// assert_eq!(decode("12,5 €".as_bytes(), Encoding::Utf8), "12,5 €");
/// ```
#[inline]
#[must_use]
pub fn decode(bytes: &[u8], encoding: Encoding) -> Cow<'_, str> {
    if encoding == Encoding::Utf8 || bytes.is_ascii() {
        if let Ok(s) = std::str::from_utf8(bytes) {
            return Cow::Borrowed(s);
        }
    }
    Cow::Owned(bytes.iter().map(|&b| w1252(b)).collect())
}

fn w1252(b: u8) -> char {
    match b {
        0x80..=0x9f => W1252_80.get(usize::from(b - 0x80)).copied().unwrap_or('\u{fffd}'),
        _ => char::from(b),
    }
}
