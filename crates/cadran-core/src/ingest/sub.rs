//! One subscription as the aggregation needs it, packed into 16 bytes.
//!
//! A 1M-row import keeps a million of these, then copies them into customer
//! order ([`super::by_customer`]): at 24 bytes (an `i64` amount, a `u16`
//! segment, a `u8` scale and padding) that was 48 MB of fresh memory, which
//! the browser pays for on the first import (≈ 1.6 ms/MB in our VM) and
//! which no cache holds. The start month, segment and MRR share
//! [`Packed`] with the transactions import's rows.

use super::date::YearMonth;
use super::money::Amount;
use super::packed::Packed;
use rust_decimal::Decimal;

/// `Sub::end` of a subscription that has not ended.
pub(crate) const NO_END: i32 = i32::MAX;

/// One subscription: its customer's dense index, end month, and its start
/// month, segment and MRR packed as [`Packed`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Sub {
    pub(crate) customer: u32,
    /// The end month (`YearMonth.0`), or [`NO_END`].
    pub(crate) end: i32,
    /// The start month, the segment and the MRR.
    pub(crate) packed: Packed,
}

impl Sub {
    /// Packs a subscription (the MRR as [`Packed::new`] keeps it).
    #[inline(always)]
    pub(crate) fn new(
        customer: u32,
        (start, end): (YearMonth, Option<YearMonth>),
        segment: u16,
        mrr: Amount,
        wide: &mut Vec<i64>,
        big: &mut Vec<Decimal>,
    ) -> Sub {
        Sub { customer, end: end.map_or(NO_END, |m| m.0), packed: Packed::new(start, segment, mrr, wide, big) }
    }

    /// The start month (`YearMonth.0`).
    #[inline]
    pub(crate) fn start(&self) -> i32 {
        self.packed.month()
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
            prop_assert_eq!((s.customer, s.start(), s.end, s.packed.segment()), (customer, start, end.unwrap_or(NO_END), segment));
            prop_assert_eq!(s.packed.is_big(), big_one);
            if big_one {
                prop_assert_eq!(s.packed.big(&big), Decimal::new(v, 6));
            } else {
                prop_assert_eq!(s.packed.fixed(&wide), (v, scale));
                prop_assert_eq!(wide.len(), if i32::try_from(v).is_ok() { 1 } else { 2 });
            }
        }
    }
}
