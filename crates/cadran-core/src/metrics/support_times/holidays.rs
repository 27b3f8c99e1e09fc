//! Public holidays as data: each country is a table of rules (fixed day,
//! days from Easter, n-th weekday of a month) and a weekend rule, so adding
//! a country is adding a table.

use super::civil::{last_weekday, nth_weekday, weekday};
use super::easter::easter_sunday;
use crate::ingest::date::Date;
use serde::{Deserialize, Serialize};

/// The countries whose public holidays are built in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Country {
    /// France (metropolitan; Alsace-Moselle adds Good Friday and 26 December).
    France,
    /// Belgium.
    Belgium,
    /// Germany, the nine holidays of every Land.
    Germany,
    /// England and Wales bank holidays.
    England,
    /// United States federal holidays.
    UnitedStates,
}

/// One public holiday.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Holiday {
    /// The day the desk is closed (the observed day, when moved off a weekend).
    pub date: Date,
    /// A stable key for the UI to name it (`"easter_monday"`).
    pub key: &'static str,
}

/// When a holiday falls.
#[derive(Debug, Clone, Copy)]
enum When {
    /// A fixed month and day.
    Fixed(u32, u32),
    /// Days after Easter Sunday (negative: before).
    Easter(i32),
    /// The n-th given weekday (Monday = 0) of a month.
    Nth { month: u32, wd: u32, n: u32 },
    /// The last given weekday of a month.
    Last { month: u32, wd: u32 },
}

/// A rule, in force from a year on.
#[derive(Debug, Clone, Copy)]
struct Rule {
    key: &'static str,
    when: When,
    since: i32,
}

/// What happens to a holiday that falls on a weekend.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Weekend {
    /// Nothing: it is lost (France, Belgium, Germany).
    Lost,
    /// Saturday → the Friday before, Sunday → the Monday after (5 U.S.C.
    /// § 6103(b); Executive Order 11582, 1971).
    UsFederal,
    /// The next weekday that is not already a holiday (England and Wales,
    /// Banking and Financial Dealings Act 1971, s. 1 and sch. 1).
    Substitute,
}

const fn r(key: &'static str, when: When) -> Rule {
    Rule {
        key,
        when,
        since: 0,
    }
}

const fn since(key: &'static str, when: When, year: i32) -> Rule {
    Rule {
        key,
        when,
        since: year,
    }
}

/// France: Code du travail, article L3133-1 (eleven holidays; Whit Monday
/// may be worked as the *journée de solidarité*, art. L3133-7, but stays a
/// holiday here — remove it if the desk works it).
const FRANCE: [Rule; 11] = [
    r("new_year", When::Fixed(1, 1)),
    r("easter_monday", When::Easter(1)),
    r("labour_day", When::Fixed(5, 1)),
    r("victory_1945", When::Fixed(5, 8)),
    r("ascension", When::Easter(39)),
    r("whit_monday", When::Easter(50)),
    r("national_day", When::Fixed(7, 14)),
    r("assumption", When::Fixed(8, 15)),
    r("all_saints", When::Fixed(11, 1)),
    r("armistice_1918", When::Fixed(11, 11)),
    r("christmas", When::Fixed(12, 25)),
];

/// Belgium: loi du 4 janvier 1974 relative aux jours fériés, and arrêté
/// royal du 18 avril 1974, article 1 (ten holidays).
const BELGIUM: [Rule; 10] = [
    r("new_year", When::Fixed(1, 1)),
    r("easter_monday", When::Easter(1)),
    r("labour_day", When::Fixed(5, 1)),
    r("ascension", When::Easter(39)),
    r("whit_monday", When::Easter(50)),
    r("national_day", When::Fixed(7, 21)),
    r("assumption", When::Fixed(8, 15)),
    r("all_saints", When::Fixed(11, 1)),
    r("armistice_1918", When::Fixed(11, 11)),
    r("christmas", When::Fixed(12, 25)),
];

/// Germany: the holidays every Land's Feiertagsgesetz grants; German Unity
/// Day by the Unification Treaty (1990), art. 2(2).
const GERMANY: [Rule; 9] = [
    r("new_year", When::Fixed(1, 1)),
    r("good_friday", When::Easter(-2)),
    r("easter_monday", When::Easter(1)),
    r("labour_day", When::Fixed(5, 1)),
    r("ascension", When::Easter(39)),
    r("whit_monday", When::Easter(50)),
    since("german_unity", When::Fixed(10, 3), 1990),
    r("christmas", When::Fixed(12, 25)),
    r("boxing_day", When::Fixed(12, 26)),
];

/// England and Wales: Banking and Financial Dealings Act 1971, schedule 1,
/// with the May and August Mondays set by proclamation since 1978 (GOV.UK,
/// *UK bank holidays*). One-off changes (2020, 2022, 2023) are not rules:
/// edit the list for those years.
const ENGLAND: [Rule; 8] = [
    r("new_year", When::Fixed(1, 1)),
    r("good_friday", When::Easter(-2)),
    r("easter_monday", When::Easter(1)),
    since(
        "early_may",
        When::Nth {
            month: 5,
            wd: 0,
            n: 1,
        },
        1978,
    ),
    since("spring_bank", When::Last { month: 5, wd: 0 }, 1971),
    since("summer_bank", When::Last { month: 8, wd: 0 }, 1971),
    r("christmas", When::Fixed(12, 25)),
    r("boxing_day", When::Fixed(12, 26)),
];

/// United States: 5 U.S.C. § 6103(a) (eleven federal holidays; Monday
/// holidays by the Uniform Monday Holiday Act, 1968, in force 1971;
/// Martin Luther King Jr. Day from 1986; Juneteenth from 2021).
const UNITED_STATES: [Rule; 11] = [
    r("new_year", When::Fixed(1, 1)),
    since(
        "mlk_day",
        When::Nth {
            month: 1,
            wd: 0,
            n: 3,
        },
        1986,
    ),
    since(
        "washington_birthday",
        When::Nth {
            month: 2,
            wd: 0,
            n: 3,
        },
        1971,
    ),
    since("memorial_day", When::Last { month: 5, wd: 0 }, 1971),
    since("juneteenth", When::Fixed(6, 19), 2021),
    r("independence_day", When::Fixed(7, 4)),
    r(
        "labor_day",
        When::Nth {
            month: 9,
            wd: 0,
            n: 1,
        },
    ),
    since(
        "columbus_day",
        When::Nth {
            month: 10,
            wd: 0,
            n: 2,
        },
        1971,
    ),
    since("veterans_day", When::Fixed(11, 11), 1978),
    r(
        "thanksgiving",
        When::Nth {
            month: 11,
            wd: 3,
            n: 4,
        },
    ),
    r("christmas", When::Fixed(12, 25)),
];

impl Country {
    fn table(self) -> (&'static [Rule], Weekend) {
        match self {
            Country::France => (&FRANCE, Weekend::Lost),
            Country::Belgium => (&BELGIUM, Weekend::Lost),
            Country::Germany => (&GERMANY, Weekend::Lost),
            Country::England => (&ENGLAND, Weekend::Substitute),
            Country::UnitedStates => (&UNITED_STATES, Weekend::UsFederal),
        }
    }
}

/// The public holidays of `country` in `year`, sorted by date, each on the
/// day the desk closes (moved off the weekend where the country's law
/// moves it). Empty outside the years 1583–9999 (Easter is Gregorian).
///
/// **Definition and sources.** Each country's table cites its law:
/// France, Code du travail art. L3133-1; Belgium, loi du 4 janvier 1974;
/// Germany, the Länder holiday laws and the Unification Treaty; England and
/// Wales, Banking and Financial Dealings Act 1971 (substitute days); United
/// States, 5 U.S.C. § 6103 and Executive Order 11582 (observed days). Easter
/// by [`easter_sunday`].
///
/// # Example
/// ```
/// use cadran_core::{ingest::date::Date, metrics::support_times::{public_holidays, Country}};
/// let fr = public_holidays(Country::France, 2026);
/// assert_eq!(fr.len(), 11);
/// let ascension = fr.iter().find(|h| h.key == "ascension").unwrap();
/// assert_eq!(ascension.date, Date::from_ymd(2026, 5, 14).unwrap()); // Easter 5 April + 39
/// // In the US, Independence Day 2026 (a Saturday) is observed on Friday 3 July.
/// let us = public_holidays(Country::UnitedStates, 2026);
/// assert!(us.iter().any(|h| h.key == "independence_day" && h.date == Date::from_ymd(2026, 7, 3).unwrap()));
/// ```
#[must_use]
pub fn public_holidays(country: Country, year: i32) -> Vec<Holiday> {
    let Some(easter) = easter_sunday(year) else {
        return Vec::new();
    };
    let (rules, weekend) = country.table();
    let actual: Vec<Holiday> = rules
        .iter()
        .filter(|rule| year >= rule.since)
        .filter_map(|rule| {
            let date = match rule.when {
                When::Fixed(m, d) => Date::from_ymd(year, m, d)?,
                When::Easter(k) => Date(easter.0 + k),
                When::Nth { month, wd, n } => nth_weekday(year, month, wd, n)?,
                When::Last { month, wd } => last_weekday(year, month, wd)?,
            };
            Some(Holiday {
                date,
                key: rule.key,
            })
        })
        .collect();
    let mut out = match weekend {
        Weekend::Lost => actual,
        Weekend::UsFederal => actual
            .into_iter()
            .map(|h| match weekday(h.date) {
                5 => Holiday {
                    date: Date(h.date.0 - 1),
                    ..h
                },
                6 => Holiday {
                    date: Date(h.date.0 + 1),
                    ..h
                },
                _ => h,
            })
            .collect(),
        Weekend::Substitute => substitute(actual),
    };
    out.sort_by_key(|h| h.date);
    out
}

/// Moves each weekend holiday to the next weekday not already taken,
/// weekday holidays first (so Boxing Day on a Monday keeps its day and a
/// Sunday Christmas moves to the Tuesday, as in 2022).
fn substitute(actual: Vec<Holiday>) -> Vec<Holiday> {
    let weekend = |d: Date| weekday(d) >= 5;
    let (mut taken, moved): (Vec<Holiday>, Vec<Holiday>) =
        actual.into_iter().partition(|h| !weekend(h.date));
    for h in moved {
        let mut d = Date(h.date.0 + 1);
        while weekend(d) || taken.iter().any(|t| t.date == d) {
            d = Date(d.0 + 1);
        }
        taken.push(Holiday {
            date: d,
            key: h.key,
        });
    }
    taken
}

/// The dates of [`public_holidays`] over several years, for
/// [`super::BusinessCalendar::new`].
///
/// # Example
/// ```
/// use cadran_core::metrics::support_times::{holiday_dates, Country};
/// assert_eq!(holiday_dates(Country::Germany, 2025..=2026).len(), 18);
/// ```
#[must_use]
pub fn holiday_dates(country: Country, years: std::ops::RangeInclusive<i32>) -> Vec<Date> {
    years
        .flat_map(|y| public_holidays(country, y))
        .map(|h| h.date)
        .collect()
}

#[cfg(test)]
#[path = "holidays_tests.rs"]
mod tests;
