//! Scales and axis ticks for the app's SVG charts.
//!
//! Drawing is the one place where Cadran uses floating point: pixel
//! positions and the rounded labels of axis ticks are approximations by
//! nature (a tick at "1.2 M" is a place on the axis, not a result). Every
//! value a user reads as a result (read-outs, tables) is formatted from the
//! core's exact `Decimal`s, never from these floats.

use cadran_core::locale::{format_number, Locale};
use cadran_core::Decimal;
use rust_decimal::prelude::{FromPrimitive, ToPrimitive};

/// A pixel coordinate or a value converted for drawing (not a result).
pub type Px = f64;

/// A Decimal as a drawing coordinate value (0 if it cannot be represented,
/// which `Decimal`'s range never causes).
#[must_use]
pub fn to_px(v: Decimal) -> Px {
    v.to_f64().unwrap_or(0.0)
}

/// A linear map from a domain of values to a range of pixels.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Scale {
    /// Domain start and end (values).
    pub domain: (Px, Px),
    /// Range start and end (pixels).
    pub range: (Px, Px),
}

impl Scale {
    /// The pixel position of value `v`. A flat domain maps to the middle.
    #[must_use]
    pub fn map(&self, v: Px) -> Px {
        let (d0, d1) = self.domain;
        let (r0, r1) = self.range;
        if (d1 - d0).abs() < f64::EPSILON {
            return (r0 + r1) / 2.0;
        }
        r0 + (v - d0) / (d1 - d0) * (r1 - r0)
    }

    /// The value at pixel `p` (inverse of [`Scale::map`]).
    #[must_use]
    pub fn invert(&self, p: Px) -> Px {
        let (d0, d1) = self.domain;
        let (r0, r1) = self.range;
        if (r1 - r0).abs() < f64::EPSILON {
            return d0;
        }
        d0 + (p - r0) / (r1 - r0) * (d1 - d0)
    }
}

/// "Nice" tick values covering `[lo, hi]` (about `count` of them, at steps of
/// 1, 2 or 5 × 10ⁿ, Heckbert 1990, "Nice numbers for graph labels"), and the
/// extended domain they span.
#[must_use]
pub fn nice_ticks(lo: Px, hi: Px, count: usize) -> (Vec<Px>, (Px, Px)) {
    let (mut lo, mut hi) = if lo <= hi { (lo, hi) } else { (hi, lo) };
    if !lo.is_finite() || !hi.is_finite() {
        return (vec![0.0, 1.0], (0.0, 1.0));
    }
    if (hi - lo).abs() < f64::EPSILON {
        let pad = if lo == 0.0 { 1.0 } else { lo.abs() * 0.1 };
        lo -= pad;
        hi += pad;
    }
    let raw = (hi - lo) / count.max(1) as f64;
    let magnitude = 10f64.powf(raw.log10().floor());
    let step = [1.0, 2.0, 2.5, 5.0, 10.0]
        .iter()
        .map(|m| m * magnitude)
        .find(|s| *s >= raw)
        .unwrap_or(10.0 * magnitude);
    let start = (lo / step).floor() * step;
    let end = (hi / step).ceil() * step;
    let mut ticks = Vec::new();
    let mut t = start;
    while t <= end + step * 0.5 && ticks.len() < 50 {
        ticks.push(if t.abs() < step * 1e-9 { 0.0 } else { t });
        t += step;
    }
    (ticks, (start, end))
}

/// A short label for an axis tick: `1,2 M`, `350 k`, `12` (French and
/// English conventions). The unit is given once, in the axis title.
#[must_use]
pub fn tick_label(v: Px, l: Locale) -> String {
    let a = v.abs();
    let (scaled, suffix) = if a >= 1e9 {
        (v / 1e9, crate::i18n::tr("\u{a0}Md", "\u{a0}B").get(l))
    } else if a >= 1e6 {
        (v / 1e6, "\u{a0}M")
    } else if a >= 1e4 {
        (v / 1e3, "\u{a0}k")
    } else {
        (v, "")
    };
    let decimals = if scaled.fract().abs() < 1e-9 { 0 } else if (scaled * 10.0).fract().abs() < 1e-6 { 1 } else { 2 };
    let d = Decimal::from_f64(scaled).unwrap_or_default();
    format_number(d, decimals, l) + suffix
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scale_maps_and_inverts() {
        let s = Scale { domain: (0.0, 100.0), range: (10.0, 210.0) };
        assert!((s.map(50.0) - 110.0).abs() < 1e-9);
        assert!((s.invert(110.0) - 50.0).abs() < 1e-9);
        let flat = Scale { domain: (5.0, 5.0), range: (0.0, 10.0) };
        assert!((flat.map(5.0) - 5.0).abs() < 1e-9);
    }

    #[test]
    fn ticks_are_nice_and_cover() {
        let (t, (a, b)) = nice_ticks(3.0, 97.0, 5);
        assert_eq!(t, vec![0.0, 20.0, 40.0, 60.0, 80.0, 100.0]);
        assert_eq!((a, b), (0.0, 100.0));
        let (t, _) = nice_ticks(-1_234.0, 56_789.0, 5);
        assert!(t.first().copied().unwrap_or(0.0) <= -1_234.0 && t.last().copied().unwrap_or(0.0) >= 56_789.0);
        let (t, _) = nice_ticks(7.0, 7.0, 5);
        assert!(t.len() >= 2);
        let (t, _) = nice_ticks(f64::NAN, 1.0, 5);
        assert_eq!(t, vec![0.0, 1.0]);
    }

    #[test]
    fn labels() {
        assert_eq!(tick_label(1_200_000.0, Locale::En), "1.2\u{a0}M");
        assert_eq!(tick_label(350_000.0, Locale::Fr), "350\u{a0}k");
        assert_eq!(tick_label(2_500.0, Locale::En), "2,500");
        assert_eq!(tick_label(-20_000.0, Locale::En), "\u{2212}20\u{a0}k");
        assert_eq!(tick_label(3e9, Locale::Fr), "3\u{a0}Md");
    }
}
