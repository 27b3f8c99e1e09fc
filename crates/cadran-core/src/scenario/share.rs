//! Share links: a scenario packed into the URL fragment (after `#`, which the
//! browser never sends to a server), short enough to paste in a chat.
//!
//! # Format, version 1
//!
//! The text form lists only what differs from a **frozen** reference baseline
//! ([`reference`], fixed forever for version 1 so that old links keep their
//! meaning even if the app's defaults change), as `key=value` pairs joined by
//! `;`; each variant follows after a `/` as its escaped name, then `;`
//! and its overrides. Example: `ch=3;a=120/Churn+-1;ch=2`.
//!
//! Keys: `c` customers at start, `n` new per month, `ch` churn, `a` ARPA,
//! `e` expansion, `m` margin, `k` CAC, `s` CS cost, `d` discount rate,
//! `h` horizon. Names keep `A–Z a–z 0–9 - . _ ~`, write a space as `+` and
//! anything else as `%XX` UTF-8 bytes.
//!
//! The link is `1.` + that text, or `1z.` + base64url of its LZ77-compressed
//! bytes when that is shorter. Every character is allowed in a URL fragment
//! (RFC 3986 §3.5).

use super::compress::{base64url_decode, base64url_encode, lz_compress, lz_decompress};
use super::file::MAX_NAME_CHARS;
use super::model::{Baseline, Input, Overrides, Scenario, ScenarioError, Variant, MAX_VARIANTS};
use crate::Percent;
use rust_decimal::Decimal;
use std::fmt::Write as _;
use std::str::FromStr;

/// Longest link text accepted by [`decode_share`], in bytes.
pub const MAX_SHARE_LEN: usize = 8 * 1024;

/// Largest decompressed text accepted, in bytes.
const MAX_TEXT_LEN: usize = 16 * 1024;

/// The frozen reference of format version 1. Never change it: links omit the
/// fields equal to it.
#[must_use]
pub fn reference() -> Baseline {
    Baseline {
        customers_start: Decimal::from(1000),
        new_customers_per_month: Decimal::from(50),
        monthly_churn: Percent(Decimal::from(2)),
        arpa: Decimal::from(100),
        monthly_expansion: Percent(Decimal::new(5, 1)),
        gross_margin: Percent(Decimal::from(80)),
        cac: Decimal::from(1200),
        cs_cost_per_month: Decimal::from(10000),
        monthly_discount_rate: Percent(Decimal::new(8, 1)),
        horizon_months: Decimal::from(36),
    }
}

const fn key(input: Input) -> &'static str {
    match input {
        Input::CustomersStart => "c",
        Input::NewCustomersPerMonth => "n",
        Input::MonthlyChurn => "ch",
        Input::Arpa => "a",
        Input::MonthlyExpansion => "e",
        Input::GrossMargin => "m",
        Input::Cac => "k",
        Input::CsCostPerMonth => "s",
        Input::MonthlyDiscountRate => "d",
        Input::HorizonMonths => "h",
    }
}

/// Why a share link could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ShareError {
    /// The link carries no scenario.
    Empty,
    /// Longer than [`MAX_SHARE_LEN`] (or expands beyond the text limit).
    TooLong,
    /// Not a Cadran link, or from a later version of Cadran.
    UnknownFormat,
    /// The compressed form is damaged (truncated or altered link).
    Damaged,
    /// An unknown key, a key given twice, or a pair without `=`.
    BadKey(String),
    /// A value that is not a number.
    BadNumber(String),
    /// A name that is not valid escaped UTF-8, or has control characters
    /// (NUL, line breaks…).
    BadName,
    /// The link reads, but some values are impossible.
    Invalid(Vec<ScenarioError>),
}

fn escape_name(name: &str, out: &mut String) {
    for b in name.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => out.push(char::from(b)),
            b' ' => out.push('+'),
            _ => {
                let _ = write!(out, "%{b:02X}");
            }
        }
    }
}

fn unescape_name(text: &str) -> Result<String, ShareError> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        match b {
            b'+' => out.push(b' '),
            b'%' => {
                let hex = bytes.get(i + 1..i + 3).ok_or(ShareError::BadName)?;
                let hex = std::str::from_utf8(hex).map_err(|_| ShareError::BadName)?;
                out.push(u8::from_str_radix(hex, 16).map_err(|_| ShareError::BadName)?);
                i += 2;
            }
            _ => out.push(b),
        }
        i += 1;
    }
    let name = String::from_utf8(out).map_err(|_| ShareError::BadName)?;
    // A name is shown on the page and in exports: NUL and other control
    // characters (line breaks, escapes) make no name anyone typed.
    if name.chars().any(char::is_control) {
        return Err(ShareError::BadName);
    }
    Ok(name)
}

fn push_pair(out: &mut String, input: Input, value: Decimal) {
    if !out.is_empty() && !out.ends_with('/') {
        out.push(';');
    }
    let _ = write!(out, "{}={}", key(input), value);
}

/// The text form (before the envelope).
fn to_text(s: &Scenario) -> String {
    let mut out = String::new();
    let reference = reference();
    for input in Input::ALL {
        let v = input.get(&s.baseline);
        let r = input.get(&reference);
        // Compare value *and* scale so that 2.50 comes back as 2.50.
        if v != r || v.scale() != r.scale() {
            push_pair(&mut out, input, v);
        }
    }
    for variant in &s.variants {
        out.push('/');
        escape_name(&variant.name, &mut out);
        for input in Input::ALL {
            if let Some(v) = input.get_override(&variant.overrides) {
                out.push(';');
                let _ = write!(out, "{}={}", key(input), v);
            }
        }
    }
    out
}

fn parse_pairs(
    pairs: &mut dyn Iterator<Item = &str>,
    mut set: impl FnMut(Input, Decimal),
) -> Result<(), ShareError> {
    let mut seen = [false; Input::ALL.len()];
    for pair in pairs.filter(|p| !p.is_empty()) {
        let (k, v) = pair.split_once('=').ok_or_else(|| ShareError::BadKey(pair.chars().take(20).collect()))?;
        let idx = Input::ALL.iter().position(|&i| key(i) == k).ok_or_else(|| ShareError::BadKey(k.chars().take(20).collect()))?;
        let slot = seen.get_mut(idx).ok_or_else(|| ShareError::BadKey(k.into()))?;
        if *slot {
            return Err(ShareError::BadKey(k.into()));
        }
        *slot = true;
        let value = if v.len() > 40 { None } else { Decimal::from_str(v).ok() }
            .ok_or_else(|| ShareError::BadNumber(v.chars().take(40).collect()))?;
        let input = Input::ALL.get(idx).copied().ok_or_else(|| ShareError::BadKey(k.into()))?;
        set(input, value);
    }
    Ok(())
}

fn from_text(text: &str) -> Result<Scenario, ShareError> {
    let mut parts = text.split('/');
    let mut baseline = reference();
    parse_pairs(&mut parts.next().unwrap_or("").split(';'), |i, v| i.set(&mut baseline, v))?;
    let mut variants = Vec::new();
    for part in parts {
        if variants.len() >= MAX_VARIANTS * 4 {
            return Err(ShareError::TooLong);
        }
        let mut fields = part.split(';');
        let name = unescape_name(fields.next().unwrap_or(""))?;
        if name.chars().count() > MAX_NAME_CHARS {
            return Err(ShareError::TooLong);
        }
        let mut overrides = Overrides::default();
        parse_pairs(&mut fields, |i, v| i.set_override(&mut overrides, Some(v)))?;
        variants.push(Variant { name, overrides });
    }
    Ok(Scenario { baseline, variants })
}

/// Packs a scenario into share-link text (the part after `#`).
///
/// # Example
/// ```
/// use cadran_core::scenario::{model::{Scenario, Baseline}, share::{encode_share, decode_share}};
/// use cadran_core::Percent;
/// use rust_decimal_macros::dec;
/// let s = Scenario { baseline: Baseline { monthly_churn: Percent(dec!(3)), ..Baseline::default() },
///                    variants: vec![] };
/// assert_eq!(encode_share(&s), "1.ch=3");
/// assert_eq!(decode_share("1.ch=3"), Ok(s));
/// ```
#[must_use]
pub fn encode_share(s: &Scenario) -> String {
    let text = to_text(s);
    let packed = base64url_encode(&lz_compress(text.as_bytes()));
    if packed.len() + 1 < text.len() {
        format!("1z.{packed}")
    } else {
        format!("1.{text}")
    }
}

/// Reads share-link text without validating the values (for tests and for
/// an editor that wants to show a bad link's fields).
///
/// # Errors
/// Any [`ShareError`] but [`ShareError::Invalid`].
pub fn decode_share_unvalidated(link: &str) -> Result<Scenario, ShareError> {
    let link = link.strip_prefix('#').unwrap_or(link).trim();
    if link.is_empty() {
        return Err(ShareError::Empty);
    }
    if link.len() > MAX_SHARE_LEN {
        return Err(ShareError::TooLong);
    }
    if let Some(packed) = link.strip_prefix("1z.") {
        let bytes = base64url_decode(packed).ok_or(ShareError::Damaged)?;
        let text = lz_decompress(&bytes, MAX_TEXT_LEN).ok_or(ShareError::Damaged)?;
        from_text(std::str::from_utf8(&text).map_err(|_| ShareError::Damaged)?)
    } else if let Some(text) = link.strip_prefix("1.") {
        from_text(text)
    } else {
        Err(ShareError::UnknownFormat)
    }
}

/// Reads share-link text (with or without the leading `#`) and validates the
/// scenario. Never panics, whatever the text.
///
/// # Errors
/// A [`ShareError`] saying what is wrong; nothing is half-read.
pub fn decode_share(link: &str) -> Result<Scenario, ShareError> {
    let s = decode_share_unvalidated(link)?;
    s.validate().map_err(ShareError::Invalid)?;
    Ok(s)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::metrics::test_support::any_decimal;
    use crate::scenario::test_support::valid_baseline;
    use proptest::prelude::*;
    use rust_decimal_macros::dec;

    #[test]
    fn reference_is_default_today() {
        // If Baseline::default changes, links stay valid: they rely on `reference`.
        assert_eq!(reference(), Baseline::default());
        assert_eq!(encode_share(&Scenario::default()), "1.");
        assert_eq!(decode_share("#1."), Ok(Scenario::default()));
    }

    #[test]
    fn variants_and_names() {
        let s = Scenario {
            baseline: Baseline { arpa: dec!(120), ..Baseline::default() },
            variants: vec![Variant {
                name: "Churn −1 / 50%".into(),
                overrides: Overrides { monthly_churn: Some(Percent(dec!(1))), ..Overrides::default() },
            }],
        };
        let link = encode_share(&s);
        assert_eq!(link, "1.a=120/Churn+%E2%88%921+%2F+50%25;ch=1");
        assert_eq!(decode_share(&link), Ok(s));
    }

    #[test]
    fn long_scenarios_compress() {
        let o = Overrides { monthly_churn: Some(Percent(dec!(1.5))), cs_cost_per_month: Some(dec!(12500)),
                            arpa: Some(dec!(105)), ..Overrides::default() };
        let s = Scenario {
            baseline: Baseline { customers_start: dec!(2500), ..Baseline::default() },
            variants: (1..=4).map(|i| Variant { name: format!("Customer success plan {i}"), overrides: o.clone() }).collect(),
        };
        let link = encode_share(&s);
        assert!(link.starts_with("1z."), "{link}");
        assert!(link.len() < to_text(&s).len());
        assert_eq!(decode_share(&link), Ok(s));
    }

    #[test]
    fn bad_links_say_why() {
        let table: Vec<(&str, ShareError)> = vec![
            ("", ShareError::Empty),
            ("2.ch=1", ShareError::UnknownFormat),
            ("1.zz=1", ShareError::BadKey("zz".into())),
            ("1.ch=1;ch=2", ShareError::BadKey("ch".into())),
            ("1.ch=abc", ShareError::BadNumber("abc".into())),
            ("1.a=1/%E2", ShareError::BadName),
            ("1.a=1/%00%00", ShareError::BadName),
            ("1.a=1/A%0AB", ShareError::BadName),
            ("1.a=1/x%1B%5B2J", ShareError::BadName),
            ("1z.%%%", ShareError::Damaged),
            ("1z.gA", ShareError::Damaged),
        ];
        for (link, expected) in table {
            assert_eq!(decode_share(link), Err(expected), "link {link:?}");
        }
        assert!(matches!(decode_share("1.ch=120"), Err(ShareError::Invalid(e)) if e[0].error.field.0 == "monthly_churn"));
        assert!(matches!(decode_share("1./////"), Err(ShareError::Invalid(_))), "five variants");
    }

    fn any_overrides() -> impl Strategy<Value = Overrides> {
        proptest::collection::vec(proptest::option::of(any_decimal()), 10).prop_map(|v| {
            let mut o = Overrides::default();
            for (input, value) in Input::ALL.iter().zip(v) {
                input.set_override(&mut o, value);
            }
            o
        })
    }

    proptest! {
        #[test]
        fn decoding_any_text_never_panics(s in ".{0,400}", t in "1z?\\.[a-z=;0-9./%+-]{0,200}") {
            let _ = decode_share(&s);
            let _ = decode_share(&t);
        }

        /// decode(encode(s)) == s for valid scenarios with any names (but
        /// control characters, refused).
        #[test]
        fn round_trip_valid(b in valid_baseline(), names in proptest::collection::vec("[^\\p{Cc}]{0,30}", 0..=4),
                            churn in proptest::option::of(0u32..=100)) {
            let variants = names.into_iter().map(|name| Variant { name, overrides: Overrides {
                monthly_churn: churn.map(|c| Percent(c.into())), ..Overrides::default() } }).collect();
            let s = Scenario { baseline: b, variants };
            prop_assert_eq!(decode_share(&encode_share(&s)), Ok(s));
        }

        /// Any Decimal, valid or not, survives the text form.
        #[test]
        fn round_trip_any_values(v in proptest::collection::vec(any_decimal(), 10), o in any_overrides()) {
            let mut b = Baseline::default();
            for (input, value) in Input::ALL.iter().zip(v) { input.set(&mut b, value); }
            let s = Scenario { baseline: b, variants: vec![Variant { name: "x".into(), overrides: o }] };
            prop_assert_eq!(decode_share_unvalidated(&encode_share(&s)), Ok(s));
        }
    }
}
