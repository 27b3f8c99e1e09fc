//! Delimiter and header detection from the first lines of a file.

/// Candidate delimiters, in order of preference on ties.
pub const DELIMITERS: [u8; 4] = [b',', b';', b'\t', b'|'];

/// Picks the delimiter whose count per line (outside quotes) is the most
/// consistent over the first 50 lines, then the most frequent; `,` when
/// nothing is found (a one-column file).
///
/// # Example
/// ```
/// use cadran_core::ingest::sniff::sniff_delimiter;
/// assert_eq!(sniff_delimiter(b"nom;montant\n\"Dupont, Jean\";12,5\nMartin;3\n"), b';');
/// assert_eq!(sniff_delimiter(b"a\tb\n1\t2\n"), b'\t');
/// ```
#[must_use]
pub fn sniff_delimiter(sample: &[u8]) -> u8 {
    let mut counts: Vec<[u32; 4]> = Vec::new();
    let mut cur = [0u32; 4];
    let mut in_quotes = false;
    for &b in sample {
        if b == b'"' {
            in_quotes = !in_quotes;
        } else if !in_quotes && b == b'\n' {
            if cur.iter().any(|&c| c > 0) || !counts.is_empty() {
                counts.push(cur);
            }
            cur = [0; 4];
            if counts.len() >= 50 {
                break;
            }
        } else if !in_quotes {
            if let Some(i) = DELIMITERS.iter().position(|&d| d == b) {
                if let Some(c) = cur.get_mut(i) {
                    *c += 1;
                }
            }
        }
    }
    if cur.iter().any(|&c| c > 0) && counts.len() < 50 {
        counts.push(cur);
    }
    let mut best = (0usize, 0u32, b',');
    for (i, &d) in DELIMITERS.iter().enumerate() {
        let per_line: Vec<u32> = counts.iter().filter_map(|c| c.get(i).copied()).collect();
        let Some(&first) = per_line.first() else { continue };
        if first == 0 {
            continue;
        }
        let consistent = per_line.iter().filter(|&&c| c == first).count();
        if (consistent, first) > (best.0, best.1) {
            best = (consistent, first, d);
        }
    }
    best.2
}

/// True when the first record looks like a header: no cell of it reads as a
/// number or a date, while at least one cell is non-empty.
#[must_use]
pub fn looks_like_header<S: AsRef<str>>(first: &[S]) -> bool {
    use super::{date, number};
    first.iter().any(|c| !c.as_ref().trim().is_empty())
        && first.iter().all(|c| {
            let c = c.as_ref();
            c.trim().is_empty()
                || number::parse_number(c, number::DecimalSep::Point, false).is_err()
                    && date::parse_date(c, date::DateOrder::DayFirst).is_none()
        })
}
