//! A row's month, segment and exact amount in 8 bytes: the part of a row that
//! the subscriptions ([`super::sub::Sub`]) and transactions
//! ([`super::transactions::Tx`]) aggregations keep a million of.
//!
//! The amount is an `i32` of ten-thousandths when it fits (±214 748.3647
//! covers nearly every subscription or payment); a wider fixed-point one goes
//! to a `wide` side table, one that does not fit fixed point (more than four
//! decimals, or huge) to a `big` table of `Decimal`s, and `amount` holds its
//! index. Small rows matter twice: a million of them is fresh memory the
//! browser pays for on the first import (≈ 1.6 ms/MB in our VM), and the
//! aggregations read them at cache speed.

use super::date::YearMonth;
use super::money::Amount;
use rust_decimal::Decimal;

/// `meta` bits: the month (`year × 12 + month − 1` is below 120 000 < 2¹⁷
/// for years 1–9999, all [`super::date`] accepts), the scale (0–4), the
/// segment (labels stop at 201, so < 2⁸), and where the amount is.
const MONTH_BITS: u32 = 17;
const SCALE_SHIFT: u32 = 17;
const SEGMENT_SHIFT: u32 = 20;
/// The amount is an index into the `wide` table.
const WIDE: u32 = 1 << 28;
/// The amount is an index into the `big` table.
const BIG: u32 = 1 << 29;

/// A month, a segment and an exact amount (see the module's doc).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Packed {
    meta: u32,
    amount: i32,
}

impl Packed {
    /// Packs a row's month, segment and amount; an amount that does not fit
    /// an `i32` goes to `wide` (fixed point) or `big` (`Decimal`). Inlined
    /// into the row functions (out of line, callgrind counted ≈ 75 more
    /// instructions a subscription row: the call kept the row closure out of
    /// line too).
    #[inline(always)]
    pub(crate) fn new(month: YearMonth, segment: u16, amount: Amount, wide: &mut Vec<i64>, big: &mut Vec<Decimal>) -> Packed {
        let month = u32::try_from(month.0).unwrap_or(0) & ((1 << MONTH_BITS) - 1);
        let mut meta = month | u32::from(segment.min(0xff)) << SEGMENT_SHIFT;
        let amount = match amount {
            Amount::Fixed(v, scale) => {
                meta |= u32::from(scale & 7) << SCALE_SHIFT;
                i32::try_from(v).unwrap_or_else(|_| {
                    meta |= WIDE;
                    wide.push(v);
                    (wide.len() - 1) as u32 as i32
                })
            }
            Amount::Big(d) => {
                meta |= BIG;
                big.push(d);
                (big.len() - 1) as u32 as i32
            }
        };
        Packed { meta, amount }
    }

    /// The month (`YearMonth.0`).
    #[inline]
    pub(crate) fn month(&self) -> i32 {
        (self.meta & ((1 << MONTH_BITS) - 1)) as i32
    }

    /// The segment label's index.
    #[inline]
    pub(crate) fn segment(&self) -> u16 {
        ((self.meta >> SEGMENT_SHIFT) & 0xff) as u16
    }

    /// Whether the amount is in `big` (more than 4 decimals, or huge).
    #[inline]
    pub(crate) fn is_big(&self) -> bool {
        self.meta & BIG != 0
    }

    /// The amount in ten-thousandths and its scale, when not [`Self::is_big`].
    #[inline]
    pub(crate) fn fixed(&self, wide: &[i64]) -> (i64, u8) {
        let scale = ((self.meta >> SCALE_SHIFT) & 7) as u8;
        if self.meta & WIDE == 0 {
            (i64::from(self.amount), scale)
        } else {
            (wide.get(self.amount as u32 as usize).copied().unwrap_or_default(), scale)
        }
    }

    /// The amount in `big`, when [`Self::is_big`].
    #[inline]
    pub(crate) fn big(&self, big: &[Decimal]) -> Decimal {
        big.get(self.amount as u32 as usize).copied().unwrap_or_default()
    }

    /// The exact amount as the import read it, wherever it is kept.
    pub(crate) fn decimal(&self, wide: &[i64], big: &[Decimal]) -> Decimal {
        if self.is_big() {
            return self.big(big);
        }
        let (v, scale) = self.fixed(wide);
        Decimal::new(v, super::money::SCALE).round_dp(u32::from(scale))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn is_8_bytes() {
        assert_eq!(std::mem::size_of::<Packed>(), 8);
    }

    #[test]
    fn decimal_from_each_table() {
        let (mut wide, mut big) = (Vec::new(), Vec::new());
        let small = Packed::new(YearMonth(24_300), 3, Amount::Fixed(12_300, 2), &mut wide, &mut big);
        let wider = Packed::new(YearMonth(24_300), 3, Amount::Fixed(1 << 40, 4), &mut wide, &mut big);
        let huge = Packed::new(YearMonth(24_300), 3, Amount::Big(Decimal::new(123_456_789, 7)), &mut wide, &mut big);
        assert_eq!(small.decimal(&wide, &big), Decimal::new(123, 2), "1.23, read with two decimals");
        assert_eq!(wider.decimal(&wide, &big), Decimal::new(1 << 40, 4), "a wide amount");
        assert_eq!(huge.decimal(&wide, &big), Decimal::new(123_456_789, 7), "a big amount");
        assert_eq!((wide.len(), big.len()), (1, 1));
        assert_eq!((small.month(), small.segment()), (24_300, 3));
    }
}
