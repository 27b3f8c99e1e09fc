//! SVG coordinates as text, without Rust's float formatter.
//!
//! An `f64` handed to an attribute, or written with `{:.2}`, goes through
//! `core::fmt`'s float code (Grisu and Dragon4 with their tables): about
//! 8 KB gzipped that a card's chunk would fetch only to write numbers such as
//! `123.45` into a chart. Coordinates need no more than hundredths of a
//! pixel, so they are rounded to an integer number of hundredths and
//! written with the integer formatter every page already has.

/// `x` rounded to hundredths, as SVG attribute text: `"12"`, `"12.5"`,
/// `"-0.25"`. A value that is not finite (never expected: charts guard
/// their divisions) is written `"0"` rather than `NaN`, which SVG rejects.
///
/// # Example
/// ```
/// use cadran::charts::coord::coord;
/// assert_eq!(coord(123.456), "123.46");
/// assert_eq!(coord(-0.25), "-0.25");
/// assert_eq!(coord(40.0), "40");
/// assert_eq!(coord(f64::NAN), "0");
/// ```
#[must_use]
pub fn coord(x: f64) -> String {
    // Saturating cast; ±9.2e16 hundredths is far beyond any viewBox.
    #[allow(clippy::cast_possible_truncation)]
    let hundredths = if x.is_finite() { (x * 100.0).round() as i64 } else { 0 };
    let sign = if hundredths < 0 { "-" } else { "" };
    let h = hundredths.unsigned_abs();
    let (whole, frac) = (h / 100, h % 100);
    match frac {
        0 => format!("{sign}{whole}"),
        f if f % 10 == 0 => format!("{sign}{whole}.{}", f / 10),
        f => format!("{sign}{whole}.{f:02}"),
    }
}

#[cfg(test)]
mod tests {
    use super::coord;

    #[test]
    fn writes_hundredths_like_the_float_formatter() {
        for (x, want) in [
            (0.0, "0"),
            (-0.0, "0"),
            (0.004, "0"),
            (0.005, "0.01"),
            (1.5, "1.5"),
            (1.05, "1.05"),
            (-1.05, "-1.05"),
            (-0.004, "0"),
            (-0.2, "-0.2"),
            (719.999, "720"),
            (330.0, "330"),
            (f64::INFINITY, "0"),
            (f64::NEG_INFINITY, "0"),
        ] {
            assert_eq!(coord(x), want, "coord({x})");
        }
    }

    #[test]
    fn agrees_with_the_float_formatter_to_the_hundredth() {
        // The text parses back to the value within half a hundredth.
        for i in -2000..2000 {
            let x = f64::from(i) * 0.37 + 0.001;
            let back: f64 = coord(x).parse().unwrap();
            assert!((back - x).abs() <= 0.005 + 1e-9, "coord({x}) = {}", coord(x));
        }
    }
}
