//! The hot-path reading of a date cell: its month and an ordering key, with
//! no conversion to days since 1970.
//!
//! The aggregations only need the month (`year × 12 + month − 1`) of a date,
//! and subscriptions also need to know whether the end comes before the
//! start. Callgrind put dates at about 300 instructions per row of a
//! subscriptions import, most of it in trimming the cell a second time,
//! Hinnant's days-from-civil (divisions by 400, 100, 4) and reading the month
//! back. [`fast`] reads the two shapes of nearly every export straight from
//! the raw bytes; any other cell goes through [`super::date`]'s general
//! reader, so the answer is the same as before for every input (the
//! `same_as_general_reader` property below).

use super::date::{Date, YearMonth};

/// A valid calendar day as `(year × 16 + month) × 32 + day`: ordered like the
/// days themselves, and cheap to build from digits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct DayKey(pub(crate) u32);

impl DayKey {
    /// The key of a valid day (year 1–9999, as [`Date::from_ymd`] checks).
    #[inline]
    fn new(y: u32, m: u32, d: u32) -> Self {
        DayKey((y * 16 + m) * 32 + d)
    }

    /// The key of a date read by the general reader.
    pub(crate) fn of(date: Date) -> Self {
        let (y, m, d) = date.ymd();
        DayKey::new(u32::try_from(y).unwrap_or(0), m, d)
    }
}

/// Days in each month of a common year.
const DAYS: [u32; 12] = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/// `yyyy-mm-dd` or `dd/mm/yyyy` / `mm/dd/yyyy` (any of `-/.`), optionally
/// followed by a time, read from the cell's raw bytes (already trimmed of
/// ASCII spaces). `None` when the cell has another shape: the caller then
/// asks the general reader. `Some(None)` when it has this shape but the day
/// does not exist (the general reader says the same).
///
/// Only ASCII digits and separators are accepted in the first ten bytes, so
/// the answer does not depend on the file's encoding.
///
/// The first eight bytes are read as one word (SWAR): its digits are checked
/// together and paired into two-digit numbers with one multiply, instead of
/// ten bytes one by one (callgrind: ≈ 100 instructions a date before, a
/// quarter of a subscriptions row's cell reading).
#[inline]
pub(crate) fn fast(b: &[u8], month_first: bool) -> Option<Option<(DayKey, YearMonth)>> {
    /// Digit bytes of `yyyy-mm-` and of `dd/mm/yy`.
    const ISO: u64 = 0x00ff_ff00_ffff_ffff;
    const DMY: u64 = 0xffff_00ff_ff00_ffff;
    let (head, tail) = b.split_first_chunk::<10>()?;
    if !tail.is_empty() && !time_ok(tail) {
        return None;
    }
    let (word, rest) = head.split_first_chunk::<8>()?;
    let w = u64::from_le_bytes(*word);
    let (c8, c9) = match rest {
        [x, y] => (u32::from(x.wrapping_sub(b'0')), u32::from(y.wrapping_sub(b'0'))),
        _ => return None,
    };
    if c8 >= 10 || c9 >= 10 {
        return None;
    }
    // Byte i of `pairs`: 10 × digit i + digit i + 1 (each byte of `w & 0x0f…`
    // is at most 15, so no product or sum leaves its byte).
    let d = w & 0x0f0f_0f0f_0f0f_0f0f;
    let pairs = d * 10 + (d >> 8);
    let byte = |i: u32| ((pairs >> (8 * i)) & 0xff) as u32;
    let (y, m, day) = if sep(word[4]) && sep(word[7]) && digits(w, ISO) {
        (byte(0) * 100 + byte(2), byte(5), c8 * 10 + c9)
    } else if sep(word[2]) && sep(word[5]) && digits(w, DMY) {
        let (a, bv, y) = (byte(0), byte(3), byte(6) * 100 + c8 * 10 + c9);
        if month_first { (y, a, bv) } else { (y, bv, a) }
    } else {
        return None;
    };
    Some(valid(y, m, day).then(|| (DayKey::new(y, m, day), YearMonth(y as i32 * 12 + m as i32 - 1))))
}

/// `-`, `.` or `/`.
#[inline(always)]
fn sep(b: u8) -> bool {
    b.wrapping_sub(b'-') < 3
}

/// Whether every byte of `w` selected by `mask` is an ASCII digit: high
/// nibble 3, and still 3 after adding 6 (low nibble at most 9). Called once
/// the unselected bytes are known to be separators, so a carry out of a byte
/// in the addition can only come from a selected byte that the first test
/// already rejects.
#[inline(always)]
fn digits(w: u64, mask: u64) -> bool {
    let (high, three) = (0xf0f0_f0f0_f0f0_f0f0 & mask, 0x3030_3030_3030_3030 & mask);
    w & high == three && w.wrapping_add(0x0606_0606_0606_0606) & high == three
}

/// Whether the day exists (year 1–9999, as [`Date::from_ymd`]).
#[inline]
fn valid(y: u32, m: u32, d: u32) -> bool {
    let Some(&dim) = DAYS.get(m.wrapping_sub(1) as usize) else { return false };
    let leap = m == 2 && y % 4 == 0 && (y % 100 != 0 || y % 400 == 0);
    y >= 1 && d >= 1 && d <= dim + u32::from(leap)
}

/// Nothing, or a time after `T` or a space (as [`super::date`] accepts).
#[inline]
fn time_ok(tail: &[u8]) -> bool {
    matches!(tail.first(), Some(b'T' | b' ')) && tail.get(1).is_some_and(u8::is_ascii_digit)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::date::{parse_date, DateOrder};
    use proptest::prelude::*;

    /// What the general reader says, in this module's terms.
    fn general(b: &[u8], month_first: bool) -> Option<(DayKey, YearMonth)> {
        let order = if month_first { DateOrder::MonthFirst } else { DateOrder::DayFirst };
        let d = parse_date(std::str::from_utf8(b).ok()?, order)?;
        Some((DayKey::of(d), d.year_month()))
    }

    /// The byte-at-a-time reader [`fast`] replaced (its oracle).
    // `yyyy-mm-dd` or `dd/mm/yyyy` / `mm/dd/yyyy` (any of `-/.`), optionally
    /// followed by a time, read from the cell's raw bytes (already trimmed of
    /// ASCII spaces). `None` when the cell has another shape: the caller then
    /// asks the general reader. `Some(None)` when it has this shape but the day
    /// does not exist (the general reader says the same).
    ///
    /// Only ASCII digits and separators are accepted in the first ten bytes, so
    /// the answer does not depend on the file's encoding.
    fn bytewise(b: &[u8], month_first: bool) -> Option<Option<(DayKey, YearMonth)>> {
        let (head, tail) = b.split_first_chunk::<10>()?;
        if !tail.is_empty() && !time_ok(tail) {
            return None;
        }
        let c = head.map(|x| u32::from(x.wrapping_sub(b'0')));
        let [c0, c1, c2, c3, c4, c5, c6, c7, c8, c9] = c;
        // A separator byte minus '0' wraps around: '-' → 0xfd, '.' → 0xfe, '/' → 0xff.
        let sep = |x: u32| x >= 0xfd;
        let (y, m, d) = if sep(c4) && sep(c7) && [c0, c1, c2, c3, c5, c6, c8, c9].iter().all(|&x| x < 10) {
            (c0 * 1000 + c1 * 100 + c2 * 10 + c3, c5 * 10 + c6, c8 * 10 + c9)
        } else if sep(c2) && sep(c5) && [c0, c1, c3, c4, c6, c7, c8, c9].iter().all(|&x| x < 10) {
            let (a, bv, y) = (c0 * 10 + c1, c3 * 10 + c4, c6 * 1000 + c7 * 100 + c8 * 10 + c9);
            if month_first { (y, a, bv) } else { (y, bv, a) }
        } else {
            return None;
        };
        Some(valid(y, m, d).then(|| (DayKey::new(y, m, d), YearMonth(y as i32 * 12 + m as i32 - 1))))
    }

    /// (cell, month first, expected).
    type Case = (&'static str, bool, Option<Option<(DayKey, YearMonth)>>);

    #[test]
    fn table() {
        let mar5 = Some(Some((DayKey::new(2024, 3, 5), YearMonth::new(2024, 3))));
        let cases: [Case; 14] = [
            ("2024-03-05", false, mar5),
            ("2024/03/05 10:22", false, mar5),
            ("2024.03.05T10:22:00Z", true, mar5),
            ("05/03/2024", false, mar5),
            ("03/05/2024", true, mar5),
            ("05-03-2024 23:59", false, mar5),
            ("2024-02-29", false, Some(Some((DayKey::new(2024, 2, 29), YearMonth::new(2024, 2))))),
            ("2023-02-29", false, Some(None)),
            ("1900-02-29", false, Some(None)),
            ("0000-01-01", false, Some(None)),
            ("2024-13-01", false, Some(None)),
            ("31/04/2024", false, Some(None)),
            ("2024-03-05x", false, None),
            ("5/3/24", false, None),
        ];
        for (text, month_first, want) in cases {
            assert_eq!(fast(text.as_bytes(), month_first), want, "{text:?}");
        }
    }

    #[test]
    fn keys_order_like_days() {
        let days = [(2023, 12, 31), (2024, 1, 1), (2024, 1, 31), (2024, 2, 1), (2024, 2, 29), (2024, 3, 1)];
        for w in days.windows(2) {
            let (a, b) = (w[0], w[1]);
            assert!(DayKey::new(a.0, a.1, a.2) < DayKey::new(b.0, b.1, b.2));
        }
        assert_eq!(DayKey::of(Date::from_ymd(2024, 3, 5).unwrap()), DayKey::new(2024, 3, 5));
    }

    proptest! {
        /// Whenever the shortcut answers, the general reader gives the same day and month.
        #[test]
        fn same_as_general_reader(b in proptest::collection::vec(prop_oneof![
            6 => b'0'..=b'9', 1 => Just(b'-'), 1 => Just(b'/'), 1 => Just(b'.'), 1 => Just(b'T'), 1 => Just(b' '), 1 => Just(b'x'), 1 => Just(0xe9u8)], 8..16),
            month_first in any::<bool>()) {
            if let Some(got) = fast(&b, month_first) {
                prop_assert_eq!(got, general(&b, month_first));
            }
        }

        /// The word-at-a-time reader answers as the byte-at-a-time one, on
        /// any bytes.
        #[test]
        fn same_as_bytewise(b in proptest::collection::vec(prop_oneof![
            6 => b'0'..=b'9', 2 => Just(b'-'), 2 => Just(b'/'), 1 => Just(b'.'), 1 => Just(b'T'), 1 => Just(b' '), 1 => Just(b','),
            1 => Just(b':'), 1 => Just(0xe9u8), 1 => Just(0xffu8), 1 => Just(0xfau8), 2 => any::<u8>()], 0..16),
            month_first in any::<bool>()) {
            prop_assert_eq!(fast(&b, month_first), bytewise(&b, month_first));
        }

        /// Every real day of years 1–9999 in both shapes.
        #[test]
        fn real_days(days in -719_162i32..2_932_896, month_first in any::<bool>(), shape in 0u8..3) {
            let (y, m, d) = Date(days).ymd();
            let text = match (shape, month_first) {
                (0, _) => format!("{y:04}-{m:02}-{d:02}"),
                (1, false) => format!("{d:02}/{m:02}/{y:04}"),
                (1, true) => format!("{m:02}/{d:02}/{y:04}"),
                _ => format!("{y:04}.{m:02}.{d:02} 12:00"),
            };
            prop_assert_eq!(fast(text.as_bytes(), month_first), Some(general(text.as_bytes(), month_first)));
        }
    }
}
