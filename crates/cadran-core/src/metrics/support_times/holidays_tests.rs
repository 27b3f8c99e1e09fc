//! Built-in holidays checked against the published calendars.

use super::*;

fn dates(country: Country, year: i32) -> Vec<(u32, u32)> {
    public_holidays(country, year)
        .iter()
        .map(|h| (h.date.ymd().1, h.date.ymd().2))
        .collect()
}

/// (country, year, holidays as (month, day)).
type Calendar = (Country, i32, &'static [(u32, u32)]);

/// Published calendars: service-public.fr (France 2026), belgium.be
/// (2026), the German federal interior ministry (2026), GOV.UK *UK bank
/// holidays* (England and Wales 2026 and 2027, substitute days), OPM
/// *Federal holidays* (2026).
#[test]
fn published_calendars() {
    let cases: [Calendar; 6] = [
        (
            Country::France,
            2026,
            &[
                (1, 1),
                (4, 6),
                (5, 1),
                (5, 8),
                (5, 14),
                (5, 25),
                (7, 14),
                (8, 15),
                (11, 1),
                (11, 11),
                (12, 25),
            ],
        ),
        (
            Country::Belgium,
            2026,
            &[
                (1, 1),
                (4, 6),
                (5, 1),
                (5, 14),
                (5, 25),
                (7, 21),
                (8, 15),
                (11, 1),
                (11, 11),
                (12, 25),
            ],
        ),
        (
            Country::Germany,
            2026,
            &[
                (1, 1),
                (4, 3),
                (4, 6),
                (5, 1),
                (5, 14),
                (5, 25),
                (10, 3),
                (12, 25),
                (12, 26),
            ],
        ),
        (
            Country::England,
            2026,
            &[
                (1, 1),
                (4, 3),
                (4, 6),
                (5, 4),
                (5, 25),
                (8, 31),
                (12, 25),
                (12, 28),
            ],
        ),
        (
            Country::England,
            2027,
            &[
                (1, 1),
                (3, 26),
                (3, 29),
                (5, 3),
                (5, 31),
                (8, 30),
                (12, 27),
                (12, 28),
            ],
        ),
        (
            Country::UnitedStates,
            2026,
            &[
                (1, 1),
                (1, 19),
                (2, 16),
                (5, 25),
                (6, 19),
                (7, 3),
                (9, 7),
                (10, 12),
                (11, 11),
                (11, 26),
                (12, 25),
            ],
        ),
    ];
    for (country, year, want) in cases {
        assert_eq!(dates(country, year), want, "{country:?} {year}");
    }
}

/// Weekend rules: England 2022 (New Year → 3 Jan; Christmas on a Sunday
/// → Tuesday 27, Boxing Day keeps Monday 26) and the US in 2022 (New
/// Year's Day observed on Friday 31 December 2021; Juneteenth → Monday 20 June).
#[test]
fn weekend_rules() {
    let eng = dates(Country::England, 2022);
    assert!(
        eng.contains(&(1, 3)) && eng.contains(&(12, 26)) && eng.contains(&(12, 27)),
        "{eng:?}"
    );
    let us = public_holidays(Country::UnitedStates, 2022);
    assert_eq!(
        us[0].date,
        Date::from_ymd(2021, 12, 31).unwrap(),
        "New Year's Day 2022 observed"
    );
    assert!(us
        .iter()
        .any(|h| h.key == "juneteenth" && h.date == Date::from_ymd(2022, 6, 20).unwrap()));
    assert!(public_holidays(Country::UnitedStates, 2020)
        .iter()
        .all(|h| h.key != "juneteenth"));
    assert!(public_holidays(Country::France, 1000).is_empty());
}
