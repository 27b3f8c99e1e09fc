//! Table tests of number reading and formatting in both locales.

use super::*;
use proptest::prelude::*;
use rust_decimal_macros::dec;

#[test]
fn reads_what_people_type() {
    let ok = [
        ("0", Locale::Fr, dec!(0)),
        ("1234,56", Locale::Fr, dec!(1234.56)),
        ("1 234,56", Locale::Fr, dec!(1234.56)),
        ("1\u{202f}234,56\u{a0}€", Locale::Fr, dec!(1234.56)),
        ("1.234,56", Locale::Fr, dec!(1234.56)),
        ("12.5", Locale::Fr, dec!(12.5)),
        ("-3,5", Locale::Fr, dec!(-3.5)),
        ("−3,5", Locale::Fr, dec!(-3.5)),
        (",5", Locale::Fr, dec!(0.5)),
        ("2,5 %", Locale::Fr, dec!(2.5)),
        ("1234.56", Locale::En, dec!(1234.56)),
        ("1,234.56", Locale::En, dec!(1234.56)),
        ("€1,234.56", Locale::En, dec!(1234.56)),
        ("$ 10", Locale::En, dec!(10)),
        ("100 EUR", Locale::En, dec!(100)),
        ("1'000", Locale::En, dec!(1000)),
        ("  42  ", Locale::En, dec!(42)),
        ("5.", Locale::En, dec!(5)),
    ];
    for (text, locale, want) in ok {
        assert_eq!(parse_number(text, locale), Ok(want), "parse_number({text:?}, {locale:?})");
    }
}

#[test]
fn rejects_typos_and_garbage() {
    let bad = [
        ("", Locale::Fr, NumberError::Empty),
        ("   ", Locale::En, NumberError::Empty),
        ("abc", Locale::Fr, NumberError::NotANumber),
        ("12,5,3", Locale::Fr, NumberError::NotANumber),
        ("1,23", Locale::En, NumberError::NotANumber),
        ("1.2.3", Locale::En, NumberError::NotANumber),
        ("--5", Locale::En, NumberError::NotANumber),
        ("-", Locale::En, NumberError::NotANumber),
        ("NaN", Locale::En, NumberError::NotANumber),
        ("inf", Locale::En, NumberError::NotANumber),
        ("1e9", Locale::En, NumberError::NotANumber),
        ("99999999999999999999999999999999999", Locale::En, NumberError::TooLarge),
        ("1000000000000001", Locale::En, NumberError::TooLarge),
    ];
    for (text, locale, want) in bad {
        assert_eq!(parse_number(text, locale), Err(want), "parse_number({text:?}, {locale:?})");
    }
}

#[test]
fn formats_money_and_percent() {
    assert_eq!(format_money(dec!(0), Currency::Chf, Locale::Fr), "0,00\u{a0}CHF");
    assert_eq!(format_money(dec!(1000), Currency::Chf, Locale::En), "CHF1,000.00");
    assert_eq!(format_money(dec!(999.995), Currency::Gbp, Locale::En), "£1,000.00");
    assert_eq!(format_number(dec!(100), 0, Locale::Fr), "100");
    assert_eq!(format_number(dec!(1000), 0, Locale::Fr), "1\u{202f}000");
    assert_eq!(format_percent(dec!(-0.04), 1, Locale::En), "0.0%", "no negative zero");
}

proptest! {
    /// Anything typed gives a number or a typed error, never a panic.
    #[test]
    fn never_panics(s in ".{0,40}") {
        let _ = parse_number(&s, Locale::Fr);
        let _ = parse_number(&s, Locale::En);
    }

    /// What we write, we read back (grouped display and input form).
    #[test]
    fn round_trips(m in -10_000_000_000_000i64..10_000_000_000_000, scale in 0u32..4) {
        let v = Decimal::new(m, scale);
        for locale in [Locale::Fr, Locale::En] {
            prop_assert_eq!(parse_number(&format_number(v, scale, locale), locale), Ok(v.normalize()));
            prop_assert_eq!(parse_number(&format_input(v, locale), locale), Ok(v.normalize()));
        }
    }
}

proptest! {
    /// What the app writes into a field reads back, within half a unit of
    /// its last place, and never has more than the decimals asked for.
    #[test]
    fn typed_values_read_back(m in -1_000_000_000_000_000i64..1_000_000_000_000_000, scale in 0u32..20, decimals in 0u32..5, fr in any::<bool>()) {
        let v = Decimal::new(m, scale);
        let l = if fr { Locale::Fr } else { Locale::En };
        let text = format_typed(v, decimals, l);
        let back = parse_number(&text, l).expect("reads back");
        let sep = if fr { ',' } else { '.' };
        let places = text.split(sep).nth(1).map_or(0, str::len);
        prop_assert!(places <= decimals as usize, "{text} has more than {decimals} decimals");
        prop_assert!((back - v).abs() <= Decimal::new(5, decimals + 1), "{v} → {text} → {back}");
    }
}
