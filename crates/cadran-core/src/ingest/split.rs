//! Splitting a quote-free record in place: the delimiter positions up to the
//! line end, found eight bytes at a time (SWAR) on any target, or sixteen at
//! a time with SIMD compares where the target has them (see [`super::simd`]).
//! The SWAR splitter is the portable path, the tail of the SIMD one and its
//! property-test oracle.

/// Splits the quote-free record at the start of `input` in place: fills
/// `ends` and returns (record length, bytes used including the `\r` or `\n`
/// that ends it, whether the record is all ASCII, number of fields). `None`
/// when the record has a quote or a NUL byte, or is not complete in `input`
/// (csv-core then reads it, across chunks if needed; a NUL makes the row
/// bad, which the import tests on csv-core's records only).
///
/// Once `keep` ends are written, the SIMD splitter may only count the
/// record's further fields (their ends are not needed: no mapped column
/// after them); `ends` is then a prefix of the field ends, and the count
/// tells the fields apart (see [`super::reader::Fields::get`]).
#[inline]
pub(crate) fn split_line(input: &[u8], delimiter: u8, keep: usize, ends: &mut Vec<usize>) -> Option<(usize, usize, bool, usize)> {
    ends.clear();
    if matches!(delimiter, b'"' | b'\n' | b'\r' | 0) {
        return None;
    }
    #[cfg(any(all(target_arch = "x86_64", target_feature = "sse2"), target_arch = "wasm32"))]
    {
        super::simd::split(input, delimiter, keep, ends)
    }
    #[cfg(not(any(all(target_arch = "x86_64", target_feature = "sse2"), target_arch = "wasm32")))]
    {
        let _ = keep;
        split_from(input, 0, true, delimiter, ends).map(|(len, used, ascii)| (len, used, ascii, ends.len()))
    }
}

/// The SWAR splitter on the whole record (the oracle of the SIMD one).
#[cfg(test)]
pub(crate) fn split_swar(input: &[u8], delimiter: u8, ends: &mut Vec<usize>) -> Option<(usize, usize, bool, usize)> {
    ends.clear();
    if matches!(delimiter, b'"' | b'\n' | b'\r' | 0) {
        return None;
    }
    split_from(input, 0, true, delimiter, ends).map(|(len, used, ascii)| (len, used, ascii, ends.len()))
}

/// Continues splitting at `start` (no quote, NUL or line end before it, `ascii`
/// whether the bytes before it are), eight bytes at a time (SWAR): a byte
/// loop cost about 16 instructions per byte here. A word is first tested for
/// a quote, NUL or line end with the short zero-byte test (exact about whether
/// there is one); only the word that has one, once per record, gets exact
/// positions. Delimiter positions are always exact. The ASCII check of the
/// record rides along (one `or` per word) instead of a second pass.
/// `delimiter` is none of `"`, `\n`, `\r` (checked by the callers).
#[inline]
pub(super) fn split_from(input: &[u8], start: usize, ascii: bool, delimiter: u8, ends: &mut Vec<usize>) -> Option<(usize, usize, bool)> {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let (d, q, n, r) = (splat(delimiter), splat(b'"'), splat(b'\n'), splat(b'\r'));
    let mut base = start;
    let mut seen = if ascii { 0 } else { HIGH };
    let mut words = input.get(start..)?.chunks_exact(8);
    for w in &mut words {
        let mut x = [0u8; 8];
        x.copy_from_slice(w);
        let x = u64::from_le_bytes(x);
        let mut delims = zero_bytes(x ^ d);
        if any_zero(x ^ q) | any_zero(x) | any_zero(x ^ n) | any_zero(x ^ r) != 0 {
            let special = zero_bytes(x ^ q) | zero_bytes(x) | zero_bytes(x ^ n) | zero_bytes(x ^ r);
            // The high bit of the first quote or line end, and every bit below it.
            let below = special ^ (special - 1);
            let i = base + (special.trailing_zeros() / 8) as usize;
            if matches!(input.get(i), Some(b'"' | 0)) {
                return None;
            }
            delims &= below;
            while delims != 0 {
                ends.push(base + (delims.trailing_zeros() / 8) as usize);
                delims &= delims - 1;
            }
            ends.push(i);
            return Some((i, i + 1, (seen | x & below) & HIGH == 0));
        }
        seen |= x;
        while delims != 0 {
            ends.push(base + (delims.trailing_zeros() / 8) as usize);
            delims &= delims - 1;
        }
        base += 8;
    }
    for (i, &b) in words.remainder().iter().enumerate() {
        if b == delimiter {
            ends.push(base + i);
        } else if b == b'\n' || b == b'\r' {
            ends.push(base + i);
            let ascii = seen & HIGH == 0 && words.remainder().get(..i).is_some_and(<[u8]>::is_ascii);
            return Some((base + i, base + i + 1, ascii));
        } else if b == b'"' || b == 0 {
            return None;
        }
    }
    None
}

/// Non-zero when some byte of `x` is zero (its high bits may mark bytes
/// after the first zero byte too: only whether it is zero is exact).
#[inline]
fn any_zero(x: u64) -> u64 {
    x.wrapping_sub(0x0101_0101_0101_0101) & !x & 0x8080_8080_8080_8080
}

/// `b` in every byte of a word.
#[inline]
fn splat(b: u8) -> u64 {
    u64::from(b) * 0x0101_0101_0101_0101
}

/// The high bit of each zero byte of `x`, exactly (no false positives, unlike
/// the shorter `(x - 0x01…) & !x & 0x80…`, whose borrows can mark the byte
/// after a zero).
#[inline]
fn zero_bytes(x: u64) -> u64 {
    const LOW7: u64 = 0x7f7f_7f7f_7f7f_7f7f;
    !(((x & LOW7).wrapping_add(LOW7)) | x | LOW7)
}
