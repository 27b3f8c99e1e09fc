//! The embed URL: which calculator, how it looks, what it starts from.
//!
//! One form, documented in the README:
//! `index.html#/nps?embed=1&accent=0a7d5a&font=serif&radius=4&theme=dark&lang=en&currency=USD&promoters=50`.
//! Everything lives in the fragment, which browsers never send to a server.
//!
//! Every parameter is validated against a closed set or a strict shape and
//! anything else is ignored: a parameter can never inject CSS or markup
//! (the theme is applied as individual custom properties built from the
//! validated values, never from the raw text).

use crate::router::{hash_params, Route};
use cadran_core::locale::{Currency, Locale};
use std::collections::BTreeMap;

/// Parameter names with a meaning of their own; every other name is a
/// prefill for the form field of that name.
pub const RESERVED: &[&str] = &["embed", "accent", "font", "radius", "theme", "lang", "currency"];

/// Longest accepted prefill value, in characters.
const MAX_VALUE: usize = 40;

/// Light or dark colours.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Theme {
    /// Dark text on light surfaces (the app's default).
    #[default]
    Light,
    /// Light text on dark surfaces.
    Dark,
}

impl Theme {
    /// The parameter value.
    #[must_use]
    pub fn key(self) -> &'static str {
        match self {
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }

    /// The page's surface colour in this theme (for contrast checks; must
    /// match `--surface` in style/main.css).
    #[must_use]
    pub fn surface(self) -> Rgb {
        match self {
            Theme::Light => Rgb(0xff, 0xff, 0xff),
            Theme::Dark => Rgb(0x1b, 0x21, 0x29),
        }
    }
}

/// System font families a host page may pick: a closed list, because a
/// font name from a URL must never make the browser fetch anything.
pub const FONTS: &[(&str, &str, &str)] = &[
    // (key, name shown in the embed builder, CSS stack)
    ("system", "Système / System UI", r#"system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif"#),
    ("sans", "Sans serif (Helvetica, Arial)", r#""Helvetica Neue", Helvetica, Arial, "Liberation Sans", sans-serif"#),
    ("serif", "Serif (Georgia, Times)", r#"Georgia, "Times New Roman", Times, "Liberation Serif", serif"#),
    ("mono", "Monospace", r#"ui-monospace, "SF Mono", Menlo, Consolas, "Liberation Mono", monospace"#),
    ("rounded", "Rounded (ui-rounded)", r#"ui-rounded, "SF Pro Rounded", system-ui, sans-serif"#),
    ("verdana", "Verdana", r#"Verdana, Geneva, "DejaVu Sans", sans-serif"#),
    ("trebuchet", "Trebuchet MS", r#""Trebuchet MS", "Lucida Grande", "DejaVu Sans", sans-serif"#),
];

/// Largest corner radius, in CSS pixels.
pub const MAX_RADIUS: u8 = 24;

/// A colour, 8 bits per channel.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rgb(pub u8, pub u8, pub u8);

impl Rgb {
    /// Reads `0a7d5a`, `#0a7d5a`, `0a7` or `#0a7`; nothing else.
    #[must_use]
    pub fn parse(s: &str) -> Option<Rgb> {
        let hex = s.strip_prefix('#').unwrap_or(s);
        if !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
            return None;
        }
        let channel = |i: usize, len: usize| u8::from_str_radix(hex.get(i..i + len)?, 16).ok();
        match hex.len() {
            6 => Some(Rgb(channel(0, 2)?, channel(2, 2)?, channel(4, 2)?)),
            3 => {
                let d = |i| channel(i, 1).map(|v| v * 17);
                Some(Rgb(d(0)?, d(1)?, d(2)?))
            }
            _ => None,
        }
    }

    /// `#rrggbb`, lower case.
    #[must_use]
    pub fn css(self) -> String {
        format!("#{:02x}{:02x}{:02x}", self.0, self.1, self.2)
    }

    /// WCAG 2 relative luminance. Colour science, not money: a float is right here.
    #[must_use]
    pub fn luminance(self) -> f64 {
        let lin = |c: u8| {
            let c = f64::from(c) / 255.0;
            if c <= 0.039_28 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * lin(self.0) + 0.7152 * lin(self.1) + 0.0722 * lin(self.2)
    }

    /// WCAG 2 contrast ratio with `other`, from 1 to 21.
    #[must_use]
    pub fn contrast(self, other: Rgb) -> f64 {
        let (a, b) = (self.luminance(), other.luminance());
        (a.max(b) + 0.05) / (a.min(b) + 0.05)
    }

    /// Black or white, whichever reads better on this colour.
    #[must_use]
    pub fn text_on(self) -> Rgb {
        let (white, black) = (Rgb(0xff, 0xff, 0xff), Rgb(0, 0, 0));
        if self.contrast(white) >= self.contrast(black) {
            white
        } else {
            black
        }
    }
}

/// Whether `accent` can be used for text and links on `theme`'s surface
/// (WCAG AA for normal text: 4.5:1).
#[must_use]
pub fn accent_readable(accent: Rgb, theme: Theme) -> bool {
    accent.contrast(theme.surface()) >= 4.5
}

/// A validated embed configuration.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct EmbedConfig {
    /// Light or dark.
    pub theme: Theme,
    /// Accent colour; `None` keeps the theme's own (also when the given one
    /// would not be readable on the theme's surface).
    pub accent: Option<Rgb>,
    /// Key into [`FONTS`]; `None` keeps the app's.
    pub font: Option<&'static str>,
    /// Corner radius in pixels, `0..=MAX_RADIUS`.
    pub radius: Option<u8>,
    /// Interface language; `None` follows the browser.
    pub locale: Option<Locale>,
    /// Currency; `None` means euros.
    pub currency: Option<Currency>,
    /// Starting values by field name, canonical text (e.g. `12.5`, `true`).
    pub prefill: BTreeMap<String, String>,
}

impl EmbedConfig {
    /// The configuration in a location hash, when it asks for embed mode
    /// (`embed=1`); `None` for the full app.
    #[must_use]
    pub fn from_hash(hash: &str) -> Option<EmbedConfig> {
        let params = hash_params(hash);
        if !params.iter().any(|(k, v)| k == "embed" && (v == "1" || v == "true")) {
            return None;
        }
        let mut c = EmbedConfig::default();
        let mut accent = None;
        for (k, v) in &params {
            let v = v.trim();
            match k.as_str() {
                "embed" => {}
                "theme" => c.theme = if v == "dark" { Theme::Dark } else { Theme::Light },
                "accent" => accent = Rgb::parse(v),
                "font" => c.font = FONTS.iter().find(|(key, _, _)| *key == v).map(|(key, _, _)| *key),
                "radius" => c.radius = v.parse::<u8>().ok().filter(|r| *r <= MAX_RADIUS),
                "lang" => {
                    c.locale = match v {
                        "fr" => Some(Locale::Fr),
                        "en" => Some(Locale::En),
                        _ => None,
                    }
                }
                "currency" => c.currency = Currency::from_code(v),
                key if is_field_name(key) && is_prefill_value(v) => {
                    c.prefill.insert(key.to_string(), v.to_string());
                }
                _ => {}
            }
        }
        // Decided after the loop: the theme may come after the accent.
        c.accent = accent.filter(|a| accent_readable(*a, c.theme));
        Some(c)
    }

    /// The hash that embeds `route` with this configuration (the inverse of
    /// [`EmbedConfig::from_hash`]); default values are left out.
    #[must_use]
    pub fn to_hash(&self, route: Route) -> String {
        let mut out = format!("#{}?embed=1", route.path());
        let mut push = |k: &str, v: &str| {
            out.push('&');
            out.push_str(k);
            out.push('=');
            out.push_str(&encode(v));
        };
        if self.theme != Theme::Light {
            push("theme", self.theme.key());
        }
        if let Some(a) = self.accent {
            push("accent", a.css().trim_start_matches('#'));
        }
        if let Some(f) = self.font {
            push("font", f);
        }
        if let Some(r) = self.radius {
            push("radius", &r.to_string());
        }
        if let Some(l) = self.locale {
            push("lang", crate::lazy::locale_code(l));
        }
        if let Some(cur) = self.currency {
            push("currency", cur.code());
        }
        for (k, v) in &self.prefill {
            push(k, v);
        }
        out
    }

    /// The CSS font stack of the chosen font.
    #[must_use]
    pub fn font_stack(&self) -> Option<&'static str> {
        let key = self.font?;
        FONTS.iter().find(|(k, _, _)| *k == key).map(|(_, _, stack)| *stack)
    }
}

/// A form field's name: lower-case ASCII letters, digits and `_`, not reserved.
#[must_use]
pub fn is_field_name(k: &str) -> bool {
    !k.is_empty()
        && k.len() <= 40
        && k.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
        && !RESERVED.contains(&k)
}

/// A prefill value: short, made of what numbers and option keys are made of.
#[must_use]
pub fn is_prefill_value(v: &str) -> bool {
    !v.is_empty()
        && v.chars().count() <= MAX_VALUE
        && v.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | ',' | '-' | '_' | ' '))
}

/// Percent-encodes what a hash parameter value may not contain as is.
fn encode(v: &str) -> String {
    let mut out = String::with_capacity(v.len());
    for b in v.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-' | b'_' | b',') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_embed_urls_are_embed_mode() {
        assert_eq!(EmbedConfig::from_hash("#/nps"), None);
        assert_eq!(EmbedConfig::from_hash("#/nps?accent=ff0000"), None);
        assert_eq!(EmbedConfig::from_hash("#/nps?embed=1"), Some(EmbedConfig::default()));
        assert!(EmbedConfig::from_hash("#/nps?embed=true").is_some());
    }

    #[test]
    fn reads_and_validates_every_parameter() {
        let c = EmbedConfig::from_hash(
            "#/nps?embed=1&accent=0a7d5a&font=serif&radius=4&theme=dark&lang=en&currency=usd&promoters=50&churn_rate=2.5",
        )
        .unwrap();
        assert_eq!(c.theme, Theme::Dark);
        // #0a7d5a is too dark to read on the dark surface: dropped.
        assert_eq!(c.accent, None);
        assert_eq!(c.font, Some("serif"));
        assert_eq!(c.radius, Some(4));
        assert_eq!(c.locale, Some(Locale::En));
        assert_eq!(c.currency, Some(Currency::Usd));
        assert_eq!(c.prefill.get("promoters").map(String::as_str), Some("50"));
        assert_eq!(c.prefill.get("churn_rate").map(String::as_str), Some("2.5"));
        let light = EmbedConfig::from_hash("#/nps?embed=1&accent=%230a7d5a").unwrap();
        assert_eq!(light.accent, Some(Rgb(0x0a, 0x7d, 0x5a)));
    }

    #[test]
    fn rejects_anything_that_could_inject() {
        let c = EmbedConfig::from_hash(
            "#/nps?embed=1&accent=red;background:url(x)&font=Comic%20Sans;}&radius=99&theme=neon&lang=de&currency=XXX\
             &promoters=%3Cscript%3E&Bad-Key=1&x=url(http://e)&embed_=1",
        )
        .unwrap();
        assert_eq!(c.accent, None);
        assert_eq!(c.font, None);
        assert_eq!(c.radius, None);
        assert_eq!(c.theme, Theme::Light);
        assert_eq!(c.locale, None);
        assert_eq!(c.currency, None);
        assert_eq!(c.prefill.get("promoters"), None);
        assert_eq!(c.prefill.get("x"), None);
        assert_eq!(c.prefill.get("Bad-Key"), None);
        assert!(c.prefill.contains_key("embed_"), "a plain field name is a prefill");
        for name in RESERVED {
            assert!(!is_field_name(name));
        }
        assert!(!is_prefill_value(&"9".repeat(41)));
    }

    #[test]
    fn colours_and_contrast() {
        assert_eq!(Rgb::parse("#fff"), Some(Rgb(255, 255, 255)));
        assert_eq!(Rgb::parse("1F4E79"), Some(Rgb(0x1f, 0x4e, 0x79)));
        for bad in ["", "#", "12345", "1234567", "ggg", "+12345", "#-12345"] {
            assert_eq!(Rgb::parse(bad), None, "{bad:?}");
        }
        // WCAG: black on white is 21:1.
        assert!((Rgb(0, 0, 0).contrast(Rgb(255, 255, 255)) - 21.0).abs() < 1e-9);
        assert!(accent_readable(Rgb(0x1f, 0x4e, 0x79), Theme::Light));
        assert!(!accent_readable(Rgb(0xff, 0xff, 0x00), Theme::Light));
        assert_eq!(Rgb(0xff, 0xff, 0x00).text_on(), Rgb(0, 0, 0));
        assert_eq!(Rgb(0x1f, 0x4e, 0x79).text_on(), Rgb(255, 255, 255));
    }

    #[test]
    fn round_trips_through_the_hash() {
        let mut c = EmbedConfig {
            theme: Theme::Dark,
            accent: Some(Rgb(0x8c, 0xbc, 0xf0)),
            font: Some("mono"),
            radius: Some(0),
            locale: Some(Locale::Fr),
            currency: Some(Currency::Chf),
            prefill: BTreeMap::new(),
        };
        c.prefill.insert("promoters".into(), "12,5".into());
        c.prefill.insert("note".into(), "a b".into());
        let hash = c.to_hash(Route::Nps);
        assert!(hash.starts_with("#/nps?embed=1&theme=dark"), "{hash}");
        assert_eq!(Route::from_hash(&hash), Route::Nps);
        assert_eq!(EmbedConfig::from_hash(&hash), Some(c));
        assert_eq!(EmbedConfig::default().to_hash(Route::Roi), "#/roi?embed=1");
    }
}
