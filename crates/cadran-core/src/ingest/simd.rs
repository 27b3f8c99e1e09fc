//! The record splitter sixteen bytes at a time with SIMD compares: wasm
//! `simd128` in the browser's worker, SSE2 natively (part of the x86_64
//! baseline, so no runtime detection). Callgrind put the eight-byte SWAR
//! splitter ([`super::split`]) at about 420 instructions of a 50-byte row:
//! each word needs about twenty integer operations to find its delimiters,
//! where one 16-byte block needs four compares, two `or`s and three
//! bitmasks, and the bitmask gives the delimiter positions directly.
//!
//! Every load is of a `&[u8; 16]` taken from the input with a checked
//! `get`, so it is in bounds by construction; the last, partial block goes
//! to the SWAR splitter, which continues where this one stopped.
//!
//! On wasm the function carries `#[target_feature(enable = "simd128")]`
//! rather than the build taking `+simd128` (which `.cargo/config.toml` would
//! give every wasm module of the app). LLVM's wasm backend then gives every
//! function of a module that links this one the union of their features (a
//! module is validated as a whole): the import worker is in effect built
//! with `simd128` (LLVM also vectorises a few aggregation loops), the app's
//! modules, which do not link the splitter, are not. Every target browser
//! supports it (Chromium ≥ 91, Firefox ≥ 89, Safari ≥ 16.4); `wasm-opt` is
//! given `--enable-simd` for the worker (`index.html`, `bench/run.sh`).

#![allow(unsafe_code)]

use super::split::split_from;

/// For the 16 bytes of `block`, bit `i` set for byte `i`: (delimiters,
/// quotes, NULs or line ends, bytes ≥ 0x80).
///
/// # Safety
/// The CPU must have SSE2: the `cfg` compiles this only for builds that
/// enable it (every x86_64 target does: it is part of the baseline).
#[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
#[target_feature(enable = "sse2")]
#[inline]
unsafe fn masks(block: &[u8; 16], delimiter: u8) -> (u32, u32, u32) {
    use core::arch::x86_64::{__m128i, _mm_cmpeq_epi8, _mm_loadu_si128, _mm_movemask_epi8, _mm_or_si128, _mm_set1_epi8};
    // SAFETY: `block` is a reference to 16 initialised bytes, so its pointer
    // is valid for a 16-byte read; `_mm_loadu_si128` has no alignment
    // requirement; SSE2 is in the x86_64 baseline, so the instruction exists.
    let v = unsafe { _mm_loadu_si128(block.as_ptr().cast::<__m128i>()) };
    let eq = |b: u8| _mm_cmpeq_epi8(v, _mm_set1_epi8(b as i8));
    let special = _mm_or_si128(_mm_or_si128(eq(b'"'), eq(0)), _mm_or_si128(eq(b'\n'), eq(b'\r')));
    // movemask sets only the low 16 bits: the casts keep the bits.
    (_mm_movemask_epi8(eq(delimiter)) as u32, _mm_movemask_epi8(special) as u32, _mm_movemask_epi8(v) as u32)
}

/// For the 16 bytes of `block`, bit `i` set for byte `i`: (delimiters,
/// quotes, NULs or line ends, bytes ≥ 0x80).
#[cfg(target_arch = "wasm32")]
#[target_feature(enable = "simd128")]
#[inline]
fn masks(block: &[u8; 16], delimiter: u8) -> (u32, u32, u32) {
    use core::arch::wasm32::{u8x16_bitmask, u8x16_eq, u8x16_splat, v128, v128_load, v128_or};
    // SAFETY: `block` is a reference to 16 initialised bytes, so its pointer
    // is valid for a 16-byte read; `v128_load` is a 1-aligned load (no
    // alignment requirement).
    let v = unsafe { v128_load(block.as_ptr().cast::<v128>()) };
    let eq = |b: u8| u8x16_eq(v, u8x16_splat(b));
    let special = v128_or(v128_or(eq(b'"'), eq(0)), v128_or(eq(b'\n'), eq(b'\r')));
    (u32::from(u8x16_bitmask(eq(delimiter))), u32::from(u8x16_bitmask(special)), u32::from(u8x16_bitmask(v)))
}

/// [`super::split::split_line`] sixteen bytes at a time; the partial block
/// at the end of `input` is left to the SWAR splitter. `delimiter` is none
/// of `"`, `\n`, `\r` (checked by the caller).
///
/// Once `ends` holds `keep` entries, later blocks' delimiters are counted,
/// not written (`skipped`); such a record that reaches the partial block
/// is left to csv-core (`None`), which is rare (once per chunk at most).
#[cfg_attr(target_arch = "wasm32", target_feature(enable = "simd128"))]
#[inline]
pub(super) fn split(input: &[u8], delimiter: u8, keep: usize, ends: &mut Vec<usize>) -> Option<(usize, usize, bool, usize)> {
    let mut base = 0;
    let mut high = 0u32;
    let mut skipped = 0usize;
    while let Some(block) = input.get(base..base + 16).and_then(|b| <&[u8; 16]>::try_from(b).ok()) {
        #[cfg(target_arch = "x86_64")]
        // SAFETY: `masks` is compiled only when the build enables SSE2
        // (`cfg(target_feature = "sse2")`), so every CPU this runs on has it.
        let (delims, special, non_ascii) = unsafe { masks(block, delimiter) };
        #[cfg(target_arch = "wasm32")]
        let (delims, special, non_ascii) = masks(block, delimiter);
        if special != 0 {
            let k = special.trailing_zeros();
            if matches!(block.get(k as usize), Some(b'"' | 0)) {
                return None;
            }
            // k < 16: the bits of the bytes before the line end.
            let below = (1u32 << k) - 1;
            let i = base + k as usize;
            let count = if skipped == 0 {
                push_bits(ends, base, delims & below);
                ends.push(i);
                ends.len()
            } else {
                ends.len() + skipped + (delims & below).count_ones() as usize + 1
            };
            return Some((i, i + 1, (high | non_ascii & below) == 0, count));
        }
        high |= non_ascii;
        if ends.len() < keep {
            push_bits(ends, base, delims);
        } else {
            skipped += delims.count_ones() as usize;
        }
        base += 16;
    }
    if skipped > 0 {
        return None;
    }
    split_from(input, base, high == 0, delimiter, ends).map(|(len, used, ascii)| (len, used, ascii, ends.len()))
}

/// Pushes `base + i` for each set bit `i` of `bits`, lowest first.
#[inline(always)]
fn push_bits(ends: &mut Vec<usize>, base: usize, mut bits: u32) {
    while bits != 0 {
        ends.push(base + bits.trailing_zeros() as usize);
        bits &= bits - 1;
    }
}

#[cfg(test)]
mod tests {
    use super::super::split::{split_line, split_swar};
    use proptest::prelude::*;

    fn byte() -> impl Strategy<Value = u8> {
        prop_oneof![Just(b','), Just(b';'), Just(b'\t'), Just(b'\n'), Just(b'\r'), Just(b'"'), Just(b'a'), Just(b'0'), Just(0xe9u8), Just(0x80u8), Just(0xffu8), Just(0u8), any::<u8>()]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2048))]
        /// The SIMD splitter gives the SWAR splitter's answer and field ends
        /// on arbitrary bytes, at every offset into the input and every
        /// length mod 16 (the input is a sub-slice of a longer buffer).
        #[test]
        fn simd_agrees_with_swar(bytes in proptest::collection::vec(byte(), 0..100), rare in proptest::collection::vec(prop_oneof![Just(b'a'), Just(b','), Just(b';')], 0..60),
            cut in 0usize..100, skip in 0usize..16, delimiter in prop_oneof![Just(b','), Just(b';'), Just(b'\t'), Just(b'|'), Just(b'"'), Just(b'\n'), any::<u8>()]) {
            // Mostly plain bytes, then the mixed ones: long records with their line end late.
            let mut buf = rare;
            buf.extend(bytes);
            let start = skip.min(buf.len());
            let end = (start + cut).min(buf.len()).max(start);
            let input = &buf[start..end];
            let (mut fast, mut slow) = (Vec::new(), Vec::new());
            let a = split_line(input, delimiter, usize::MAX, &mut fast);
            let b = split_swar(input, delimiter, &mut slow);
            prop_assert_eq!(a, b);
            if a.is_some() {
                prop_assert_eq!(fast, slow);
            }
        }
    }

    #[test]
    fn every_length_mod_16() {
        for len in 0usize..80 {
            for at in [None, Some(0), Some(len / 2), Some(len.saturating_sub(1))] {
                let mut line: Vec<u8> = (0..len).map(|i| if i % 5 == 4 { b',' } else if i % 7 == 3 { 0xe9 } else { b'x' }).collect();
                line.push(b'\n');
                if let Some(q) = at.filter(|&q| q < len) {
                    line[q] = b'"';
                }
                let (mut fast, mut slow) = (Vec::new(), Vec::new());
                let got = split_line(&line, b',', usize::MAX, &mut fast);
                assert_eq!(got, split_swar(&line, b',', &mut slow), "len {len}, quote at {at:?}");
                assert_eq!(got.is_none(), line.contains(&b'"'), "len {len}, quote at {at:?}");
                if got.is_some() {
                    assert_eq!(fast, slow, "len {len}");
                    assert_eq!(fast.len(), len / 5 + 1, "len {len}");
                }
            }
        }
    }
}
