//! A tiny LZ77 compressor and a base64url codec, dependency-free, for share
//! links. Decoding is for untrusted text: every index is checked and the
//! output is capped, so a hostile link can neither panic nor balloon memory.
//!
//! Token format (Ziv & Lempel 1977, "A universal algorithm for sequential
//! data compression", IEEE Trans. Inf. Theory 23(3)):
//! * `0xxxxxxx` — a run of `x + 1` literal bytes follows (1–128);
//! * `1xxxxxxx d…` — copy `x + 3` bytes (3–130) from `d` bytes back, `d` a
//!   LEB128 varint of at most two bytes (1–16 383).

const MIN_MATCH: usize = 3;
const MAX_MATCH: usize = 130;
const WINDOW: usize = 16_383;
const MAX_LITERALS: usize = 128;

/// Compresses `input` (greedy longest match; quadratic in the window, fine
/// for the few hundred bytes of a scenario).
pub(crate) fn lz_compress(input: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(input.len());
    let mut literals_start = 0;
    let mut i = 0;
    let flush = |out: &mut Vec<u8>, lits: &[u8]| {
        for chunk in lits.chunks(MAX_LITERALS) {
            out.push(u8::try_from(chunk.len() - 1).unwrap_or(0));
            out.extend_from_slice(chunk);
        }
    };
    while i < input.len() {
        let (mut best_len, mut best_dist) = (0, 0);
        let start = i.saturating_sub(WINDOW);
        for j in start..i {
            let len = input[j..]
                .iter()
                .zip(&input[i..])
                .take(MAX_MATCH)
                .take_while(|(a, b)| a == b)
                .count();
            if len > best_len {
                (best_len, best_dist) = (len, i - j);
            }
        }
        if best_len >= MIN_MATCH {
            flush(&mut out, &input[literals_start..i]);
            out.push(0x80 | u8::try_from(best_len - MIN_MATCH).unwrap_or(0));
            push_varint(&mut out, best_dist);
            i += best_len;
            literals_start = i;
        } else {
            i += 1;
        }
    }
    flush(&mut out, &input[literals_start..]);
    out
}

fn push_varint(out: &mut Vec<u8>, mut v: usize) {
    while v >= 0x80 {
        out.push(u8::try_from(v & 0x7f).unwrap_or(0) | 0x80);
        v >>= 7;
    }
    out.push(u8::try_from(v).unwrap_or(0));
}

/// Decompresses, or `None` for malformed data or output beyond `max_out` bytes.
pub(crate) fn lz_decompress(data: &[u8], max_out: usize) -> Option<Vec<u8>> {
    let mut out: Vec<u8> = Vec::new();
    let mut i = 0;
    while let Some(&tag) = data.get(i) {
        i += 1;
        if tag & 0x80 == 0 {
            let n = usize::from(tag) + 1;
            let lits = data.get(i..i.checked_add(n)?)?;
            if out.len() + n > max_out {
                return None;
            }
            out.extend_from_slice(lits);
            i += n;
        } else {
            let len = usize::from(tag & 0x7f) + MIN_MATCH;
            let (mut dist, mut shift) = (0usize, 0);
            loop {
                let b = *data.get(i)?;
                i += 1;
                dist |= usize::from(b & 0x7f) << shift;
                if b & 0x80 == 0 {
                    break;
                }
                shift += 7;
                if shift > 7 {
                    return None;
                }
            }
            if dist == 0 || dist > out.len() || out.len() + len > max_out {
                return None;
            }
            let from = out.len() - dist;
            for k in 0..len {
                let b = *out.get(from + k)?;
                out.push(b);
            }
        }
    }
    Some(out)
}

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// base64url without padding (RFC 4648 §5): URL- and fragment-safe.
pub(crate) fn base64url_encode(data: &[u8]) -> String {
    let mut s = String::with_capacity(data.len().div_ceil(3) * 4);
    for chunk in data.chunks(3) {
        let b = [chunk[0], chunk.get(1).copied().unwrap_or(0), chunk.get(2).copied().unwrap_or(0)];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for k in 0..=chunk.len() {
            s.push(char::from(ALPHABET[((n >> (18 - 6 * k)) & 63) as usize]));
        }
    }
    s
}

/// Decodes base64url without padding; `None` on any other character or a
/// truncated last group.
pub(crate) fn base64url_decode(text: &str) -> Option<Vec<u8>> {
    let value = |c: u8| ALPHABET.iter().position(|&a| a == c).and_then(|p| u32::try_from(p).ok());
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len() / 4 * 3 + 2);
    for chunk in bytes.chunks(4) {
        if chunk.len() == 1 {
            return None;
        }
        let mut n = 0u32;
        for (k, &c) in chunk.iter().enumerate() {
            n |= value(c)? << (18 - 6 * k);
        }
        let produced = chunk.len() - 1;
        for k in 0..produced {
            out.push(u8::try_from((n >> (16 - 8 * k)) & 0xff).ok()?);
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn known_vectors() {
        // RFC 4648 §10 test vectors, without padding.
        for (plain, coded) in [("", ""), ("f", "Zg"), ("fo", "Zm8"), ("foo", "Zm9v"), ("foobar", "Zm9vYmFy")] {
            assert_eq!(base64url_encode(plain.as_bytes()), coded, "{plain}");
            assert_eq!(base64url_decode(coded).unwrap(), plain.as_bytes(), "{coded}");
        }
        let text = b"ch=3;a=120/Variant+1;ch=2/Variant+2;ch=2;s=12000/Variant+3;ch=2;s=12000";
        let packed = lz_compress(text);
        assert!(packed.len() < text.len(), "{} vs {}", packed.len(), text.len());
        assert_eq!(lz_decompress(&packed, 1000).unwrap(), text);
    }

    proptest! {
        #[test]
        fn round_trips(data in proptest::collection::vec(any::<u8>(), 0..600), repeat in 0usize..4) {
            let data: Vec<u8> = data.iter().copied().cycle().take(data.len() * (repeat + 1)).collect();
            prop_assert_eq!(lz_decompress(&lz_compress(&data), 1 << 20).unwrap(), data.clone());
            prop_assert_eq!(base64url_decode(&base64url_encode(&data)).unwrap(), data);
        }

        #[test]
        fn decoding_garbage_never_panics(data in proptest::collection::vec(any::<u8>(), 0..300), s in ".{0,300}") {
            let _ = lz_decompress(&data, 4096);
            let _ = base64url_decode(&s);
        }
    }
}
