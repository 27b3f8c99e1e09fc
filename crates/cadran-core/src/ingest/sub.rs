//! One subscription as the aggregation needs it, packed into 16 bytes.
//!
//! A 1M-row import keeps a million of these, then copies them into customer
//! order ([`super::by_customer`]): at 24 bytes (an `i64` amount, a `u16`
//! segment, a `u8` scale and padding) that was 48 MB of fresh memory, which
//! the browser pays for on the first import (≈ 1.6 ms/MB in our VM) and
//! which no cache holds. The layout follows [`super::transactions::Tx`]'s:
//! the amount as an `i32` of ten-thousandths (±214 748.3647 a month covers
//! nearly every subscription), a wider one in a side table, one that does
//! not fit fixed point in [`SubsAcc`](super::subscriptions)'s `Decimal`s.

use super::date::YearMonth;
use super::money::Amount;
use rust_decimal::Decimal;

/// `Sub::end` of a subscription that has not ended.
pub(crate) const NO_END: i32 = i32::MAX;

/// `meta` bits: the start month (`year × 12 + month − 1` is below
/// 120 000 < 2¹⁷ for years 1–9999, all [`super::date`] accepts), the scale
/// (0–4), the segment (labels stop at 201, so < 2⁸), and where the amount is.
const MONTH_BITS: u32 = 17;
const SCALE_SHIFT: u32 = 17;
const SEGMENT_SHIFT: u32 = 20;
/// The amount is an index into the `wide` table.
const WIDE: u32 = 1 << 28;
/// The amount is an index into the `big` table.
const BIG: u32 = 1 << 29;

/// One subscription: its customer's dense index, start and end months, MRR
/// and segment.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Sub {
    pub(crate) customer: u32,
    /// The end month (`YearMonth.0`), or [`NO_END`].
    pub(crate) end: i32,
    meta: u32,
    amount: i32,
}

impl Sub {
    /// Packs a subscription; an amount that does not fit an `i32` goes to
    /// `wide` (fixed point) or `big` (`Decimal`), and `amount` holds its index.
    /// Inlined into the row function (out of line, callgrind counted ≈ 75
    /// more instructions a row: the call kept the row closure out of line too).
    #[inline(always)]
    pub(crate) fn new(
        customer: u32,
        (start, end): (YearMonth, Option<YearMonth>),
        segment: u16,
        mrr: Amount,
        wide: &mut Vec<i64>,
        big: &mut Vec<Decimal>,
    ) -> Sub {
        let month = u32::try_from(start.0).unwrap_or(0) & ((1 << MONTH_BITS) - 1);
        let mut meta = month | u32::from(segment.min(0xff)) << SEGMENT_SHIFT;
        let amount = match mrr {
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
        Sub { customer, end: end.map_or(NO_END, |m| m.0), meta, amount }
    }

    /// The start month (`YearMonth.0`).
    #[inline]
    pub(crate) fn start(&self) -> i32 {
        (self.meta & ((1 << MONTH_BITS) - 1)) as i32
    }

    /// The segment label's index.
    #[inline]
    pub(crate) fn segment(&self) -> u16 {
        ((self.meta >> SEGMENT_SHIFT) & 0xff) as u16
    }

    /// Whether the MRR is in `big` (more than 4 decimals, or huge).
    #[inline]
    pub(crate) fn is_big(&self) -> bool {
        self.meta & BIG != 0
    }

    /// The MRR in ten-thousandths and its scale, when not [`Self::is_big`].
    #[inline]
    pub(crate) fn fixed(&self, wide: &[i64]) -> (i64, u8) {
        let scale = ((self.meta >> SCALE_SHIFT) & 7) as u8;
        if self.meta & WIDE == 0 {
            (i64::from(self.amount), scale)
        } else {
            (wide.get(self.amount as u32 as usize).copied().unwrap_or_default(), scale)
        }
    }

    /// The MRR in `big`, when [`Self::is_big`].
    #[inline]
    pub(crate) fn big(&self, big: &[Decimal]) -> Decimal {
        big.get(self.amount as u32 as usize).copied().unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn is_16_bytes() {
        assert_eq!(std::mem::size_of::<Sub>(), 16);
    }

    proptest! {
        /// Every field comes back as it went in, whatever the amount's size.
        #[test]
        fn round_trip(customer in any::<u32>(), start in 12i32..120_000, end in prop_oneof![Just(None), (12i32..120_000).prop_map(Some)],
                      segment in 0u16..=201, v in any::<i64>(), scale in 0u8..=4, big_one in any::<bool>()) {
            let (mut wide, mut big) = (vec![7i64], vec![Decimal::ONE]);
            let mrr = if big_one { Amount::Big(Decimal::new(v, 6)) } else { Amount::Fixed(v, scale) };
            let s = Sub::new(customer, (YearMonth(start), end.map(YearMonth)), segment, mrr, &mut wide, &mut big);
            prop_assert_eq!((s.customer, s.start(), s.end, s.segment()), (customer, start, end.unwrap_or(NO_END), segment));
            prop_assert_eq!(s.is_big(), big_one);
            if big_one {
                prop_assert_eq!(s.big(&big), Decimal::new(v, 6));
            } else {
                prop_assert_eq!(s.fixed(&wide), (v, scale));
                prop_assert_eq!(wide.len(), if i32::try_from(v).is_ok() { 1 } else { 2 });
            }
        }
    }
}
