//! Exact money sums without `Decimal` arithmetic in the inner loop.
//!
//! Profiling the subscriptions import (callgrind, 100 000 rows) showed the
//! aggregation spending about half its instructions in `Decimal` additions.
//! Nearly every amount in an export has at most 4 decimals (cents, or the
//! 1/100 of a cent that monthly normalisation rounds to), so each one is kept
//! as an `i64` count of 1/10 000 units and summed in `i128`.
//!
//! **Bound.** One amount is at most `i64::MAX` ten-thousandths (9.2 × 10¹⁴
//! currency units); a sum of fewer than 2³² of them stays below 2⁹⁵, inside
//! both `i128` and `Decimal`'s 96-bit mantissa. The additions are checked
//! anyway, and an amount that does not fit (more than 4 decimals, or larger)
//! sends the whole file down the `Decimal` path: the result is the same
//! exact value either way.
//!
//! **Same digits as `Decimal`.** `Decimal` addition keeps the larger scale of
//! its operands (`1.50 + 2 = 3.50`); [`Fixed`] carries that scale along, so
//! the figures print exactly as before.

use super::error::IngestError;
use rust_decimal::Decimal;

/// Decimals kept in a fixed amount.
pub(crate) const SCALE: u32 = 4;
const UNIT: i64 = 10_000;

/// An amount as an `i64` of 1/10 000 units and its original scale, when it fits.
#[inline]
pub(crate) fn to_fixed(d: Decimal) -> Option<(i64, u8)> {
    let s = d.scale();
    if s > SCALE {
        return None;
    }
    let m = i64::try_from(d.mantissa()).ok()?;
    let v = m.checked_mul(10i64.pow(SCALE - s))?;
    Some((v, s as u8))
}

/// A money cell as the accumulators keep it: ten-thousandths and the scale
/// `Decimal` would have given it, or the exact `Decimal` when it does not fit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Amount {
    /// [`to_fixed`]'s output.
    Fixed(i64, u8),
    /// More than 4 decimals, or too large.
    Big(Decimal),
}

impl Amount {
    /// The fixed form when it fits.
    #[inline]
    pub(crate) fn of(d: Decimal) -> Self {
        to_fixed(d).map_or(Amount::Big(d), |(v, s)| Amount::Fixed(v, s))
    }
}

/// Powers of ten up to [`SCALE`].
const POW10: [i64; 5] = [1, 10, 100, 1_000, 10_000];

/// A plain amount cell (`-?digits([sep]digits)?`, at most 18 bytes after the
/// sign, as [`super::number`]'s fast path) straight to [`to_fixed`]'s output,
/// without building a `Decimal` (callgrind: number → `Decimal` → fixed was
/// about 200 instructions a row). `None` for any other cell, including one
/// with more than 4 decimals (2 with `cents`) or too large: the caller then
/// takes the `Decimal` path, which gives the same value for every cell this
/// accepts (the `same_as_decimal_path` property).
///
/// Only ASCII digits, `-` and the separator are accepted, so the answer does
/// not depend on the file's encoding.
#[inline]
pub(crate) fn parse_fixed(b: &[u8], dec: u8, cents: bool) -> Option<(i64, u8)> {
    let (neg, digits) = match b.split_first() {
        Some((b'-', rest)) => (true, rest),
        _ => (false, b),
    };
    if digits.is_empty() || digits.len() > 18 {
        return None;
    }
    let (mut m, mut n, mut point) = (0i64, 0u32, digits.len());
    for (i, &c) in digits.iter().enumerate() {
        let d = c.wrapping_sub(b'0');
        if d < 10 {
            m = m * 10 + i64::from(d);
            n += 1;
        } else if c == dec && point == digits.len() {
            point = i;
        } else {
            return None;
        }
    }
    if n == 0 {
        return None;
    }
    let scale = digits.len().saturating_sub(point + 1) + if cents { 2 } else { 0 };
    let v = m.checked_mul(*POW10.get(POW10.len().checked_sub(scale + 1)?)?)?;
    Some((if neg { -v } else { v }, scale as u8))
}

/// What the aggregation needs from a money type.
pub(crate) trait Money: Copy {
    const ZERO: Self;
    fn add(self, o: Self) -> Result<Self, IngestError>;
    fn sub(self, o: Self) -> Result<Self, IngestError>;
    fn neg(self) -> Self;
    fn is_positive(self) -> bool;
    fn is_negative(self) -> bool;
    fn to_decimal(self) -> Result<Decimal, IngestError>;
}

/// A sum in 1/10 000 units with the largest scale of its terms.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Fixed {
    pub(crate) v: i128,
    pub(crate) scale: u8,
}

impl Fixed {
    /// From [`to_fixed`]'s output.
    #[inline]
    pub(crate) fn new(v: i64, scale: u8) -> Self {
        Fixed { v: i128::from(v), scale }
    }
}

impl Money for Fixed {
    const ZERO: Self = Fixed { v: 0, scale: 0 };
    #[inline]
    fn add(self, o: Self) -> Result<Self, IngestError> {
        Ok(Fixed { v: self.v.checked_add(o.v).ok_or(IngestError::Overflow)?, scale: self.scale.max(o.scale) })
    }
    #[inline]
    fn sub(self, o: Self) -> Result<Self, IngestError> {
        Ok(Fixed { v: self.v.checked_sub(o.v).ok_or(IngestError::Overflow)?, scale: self.scale.max(o.scale) })
    }
    #[inline]
    fn neg(self) -> Self {
        Fixed { v: -self.v, scale: self.scale }
    }
    fn is_positive(self) -> bool {
        self.v > 0
    }
    fn is_negative(self) -> bool {
        self.v < 0
    }
    fn to_decimal(self) -> Result<Decimal, IngestError> {
        // Exact: every term was a multiple of 10^(SCALE − its scale) ≥ 10^(SCALE − scale).
        let div = UNIT / 10i64.pow(u32::from(self.scale.min(SCALE as u8)));
        if let Ok(v) = i64::try_from(self.v) {
            // Most sums: a native division instead of the 128-bit one (≈ 100 instructions).
            return Ok(Decimal::new(v / div, u32::from(self.scale)));
        }
        Decimal::try_from_i128_with_scale(self.v / i128::from(div), u32::from(self.scale)).map_err(|_| IngestError::Overflow)
    }
}

impl Money for Decimal {
    const ZERO: Self = Decimal::ZERO;
    fn add(self, o: Self) -> Result<Self, IngestError> {
        self.checked_add(o).ok_or(IngestError::Overflow)
    }
    fn sub(self, o: Self) -> Result<Self, IngestError> {
        self.checked_sub(o).ok_or(IngestError::Overflow)
    }
    fn neg(self) -> Self {
        -self
    }
    fn is_positive(self) -> bool {
        self > Decimal::ZERO
    }
    fn is_negative(self) -> bool {
        self < Decimal::ZERO
    }
    fn to_decimal(self) -> Result<Decimal, IngestError> {
        Ok(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use rust_decimal_macros::dec;

    fn fx(d: Decimal) -> Fixed {
        let (v, s) = to_fixed(d).unwrap();
        Fixed::new(v, s)
    }

    #[test]
    fn keeps_decimal_scales() {
        let s = fx(dec!(1.50)).add(fx(dec!(2))).unwrap();
        assert_eq!(s.to_decimal().unwrap().to_string(), "3.50");
        assert_eq!(Fixed::ZERO.to_decimal().unwrap().to_string(), "0");
        assert_eq!(fx(dec!(0.0001)).neg().to_decimal().unwrap(), dec!(-0.0001));
        assert_eq!(to_fixed(dec!(0.00001)), None);
        assert_eq!(to_fixed(Decimal::MAX), None);
    }

    /// (cell, decimal separator, in cents, expected).
    type Case = (&'static str, u8, bool, Option<(i64, u8)>);

    #[test]
    fn parse_fixed_table() {
        let cases: [Case; 14] = [
            ("12.50", b'.', false, Some((125_000, 2))),
            ("-0.5", b'.', false, Some((-5_000, 1))),
            ("-0", b'.', false, Some((0, 0))),
            ("5.", b'.', false, Some((50_000, 0))),
            (".5", b'.', false, Some((5_000, 1))),
            ("12,5", b',', false, Some((125_000, 1))),
            ("1999", b'.', true, Some((199_900, 2))),
            ("0.0001", b'.', false, Some((1, 4))),
            ("0.00001", b'.', false, None),
            ("1.234", b'.', true, None),
            ("999999999999999999", b'.', false, None),
            ("12,5", b'.', false, None),
            ("1.2.3", b'.', false, None),
            ("-", b'.', false, None),
        ];
        for (text, dec, cents, want) in cases {
            assert_eq!(parse_fixed(text.as_bytes(), dec, cents), want, "{text:?}");
        }
    }

    proptest! {
        /// Whenever the direct parse answers, the `Decimal` path (parse, then
        /// [`to_fixed`]) gives the same amount and scale.
        #[test]
        fn same_as_decimal_path(b in proptest::collection::vec(prop_oneof![
            8 => b'0'..=b'9', 1 => Just(b'.'), 1 => Just(b','), 1 => Just(b'-'), 1 => Just(b' '), 1 => Just(0xe9u8)], 0..22),
            comma in any::<bool>(), cents in any::<bool>()) {
            use crate::ingest::number::{parse_number, DecimalSep};
            let (dec, sep) = if comma { (b',', DecimalSep::Comma) } else { (b'.', DecimalSep::Point) };
            let slow = std::str::from_utf8(&b).ok().and_then(|t| parse_number(t, sep, cents).ok()).map(Amount::of);
            if let Some((v, s)) = parse_fixed(&b, dec, cents) {
                prop_assert_eq!(slow, Some(Amount::Fixed(v, s)));
            }
        }

        /// It answers for every plain amount with up to 4 decimals that fits.
        #[test]
        fn plain_amounts(m in -92_233_720_368_547i64..92_233_720_368_547, s in 0u32..=4) {
            let d = Decimal::new(m, s);
            let text = d.to_string();
            prop_assert_eq!(parse_fixed(text.as_bytes(), b'.', false).map(|(v, sc)| Amount::Fixed(v, sc)), Some(Amount::of(d)));
        }


        /// Any sums and differences of amounts with up to 4 decimals give the
        /// same value and the same printed digits as `Decimal` arithmetic.
        #[test]
        fn same_as_decimal(xs in proptest::collection::vec((-10_000_000_000i64..10_000_000_000, 0u32..=4, any::<bool>()), 1..40)) {
            let (mut d, mut f) = (Decimal::ZERO, Fixed::ZERO);
            for (m, s, minus) in xs {
                let x = Decimal::new(m, s);
                if minus { d -= x; f = f.sub(fx(x)).unwrap(); } else { d += x; f = f.add(fx(x)).unwrap(); }
            }
            prop_assert_eq!(f.to_decimal().unwrap().to_string(), d.to_string());
        }
    }
}
