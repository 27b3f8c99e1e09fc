//! Gregorian Easter Sunday, from which the movable holidays follow.

use crate::ingest::date::Date;

/// Easter Sunday of a Gregorian year (1583–9999); `None` outside.
///
/// **Definition.** The "anonymous Gregorian algorithm": with
/// `a = Y mod 19`, `b, c = Y div 100, Y mod 100`, `d, e = b div 4, b mod 4`,
/// `f = (b + 8) div 25`, `g = (b − f + 1) div 3`,
/// `h = (19a + b − d − g + 15) mod 30`, `i, k = c div 4, c mod 4`,
/// `l = (32 + 2e + 2i − h − k) mod 7`, `m = (a + 11h + 22l) div 451`,
/// the month is `(h + l − 7m + 114) div 31` and the day
/// `(h + l − 7m + 114) mod 31 + 1`. Valid for every Gregorian year, with no
/// exception to handle.
///
/// **Source.** J. Meeus, *Astronomical Algorithms*, 2nd ed., 1998, ch. 8
/// ("Date of Easter"), after *Butcher's Ecclesiastical Calendar* (1876);
/// Meeus's examples: 1991 → 31 March, 1992 → 19 April, 1993 → 11 April,
/// 1954 → 18 April, 2000 → 23 April, 1818 → 22 March.
///
/// # Example
/// ```
/// use cadran_core::{ingest::date::Date, metrics::support_times::easter_sunday};
/// assert_eq!(easter_sunday(2024), Date::from_ymd(2024, 3, 31));
/// assert_eq!(easter_sunday(2025), Date::from_ymd(2025, 4, 20));
/// assert_eq!(easter_sunday(2026), Date::from_ymd(2026, 4, 5));
/// assert_eq!(easter_sunday(1500), None); // before the Gregorian calendar
/// ```
#[must_use]
pub fn easter_sunday(year: i32) -> Option<Date> {
    if !(1583..=9999).contains(&year) {
        return None;
    }
    let a = year % 19;
    let (b, c) = (year / 100, year % 100);
    let (d, e) = (b / 4, b % 4);
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let (i, k) = (c / 4, c % 4);
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let n = h + l - 7 * m + 114;
    Date::from_ymd(year, (n / 31) as u32, (n % 31 + 1) as u32)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::metrics::support_times::weekday;
    use proptest::prelude::*;

    /// Meeus's examples, the years the brief names, and the extremes of the
    /// Gregorian cycle (22 March 2285, 25 April 2038).
    #[test]
    fn known_dates() {
        let cases = [
            (1818, 3, 22),
            (1954, 4, 18),
            (1991, 3, 31),
            (1992, 4, 19),
            (1993, 4, 11),
            (2000, 4, 23),
            (2019, 4, 21),
            (2024, 3, 31),
            (2025, 4, 20),
            (2026, 4, 5),
            (2027, 3, 28),
            (2038, 4, 25),
            (2285, 3, 22),
        ];
        for (y, m, d) in cases {
            assert_eq!(easter_sunday(y), Date::from_ymd(y, m, d), "Easter {y}");
        }
    }

    proptest! {
        /// Always a Sunday between 22 March and 25 April.
        #[test]
        fn a_sunday_in_the_window(year in 1583i32..=9999) {
            let e = easter_sunday(year).unwrap();
            prop_assert_eq!(weekday(e), 6);
            let (lo, hi) = (Date::from_ymd(year, 3, 22).unwrap(), Date::from_ymd(year, 4, 25).unwrap());
            prop_assert!(lo <= e && e <= hi, "{}", e);
        }
    }
}
