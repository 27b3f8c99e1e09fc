//! The driver table as the user typed it, and its reading into the core's
//! [`ValueInputs`]. Plain data and functions, tested natively; the page only
//! edits a [`Sheet`] and shows [`Sheet::read`]'s result.

use super::texts::{field, T};
use crate::i18n::{tr, Tr};
use cadran_core::locale::{parse_number, Locale};
use cadran_core::metrics::value::{Crosshairs, Dimension, Driver, DriverField, DriverLink, Improvement, Scale, Scales, ValueInputs};
use cadran_core::{Decimal, Percent};
use rust_decimal::prelude::ToPrimitive;
use serde::{Deserialize, Serialize};

/// One driver row, each rating as typed (so a half-typed "4," is kept).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Row {
    /// Stable key for the keyed list (survives reordering).
    pub id: u32,
    pub name: String,
    pub dimension: Dimension,
    pub importance: String,
    pub performance: String,
    /// Empty: no competitor data for this driver.
    pub competitor: String,
    pub feasibility: String,
    pub cost: String,
}

/// Everything the page saves.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sheet {
    pub scale: Scale,
    pub crosshairs: Crosshairs,
    pub rows: Vec<Row>,
    pub next_id: u32,
    /// The pasted survey (derived importance), kept as pasted.
    #[serde(default)]
    pub survey: String,
    /// "Use in scenarios", as typed.
    #[serde(default)]
    pub link: LinkText,
    /// Prices and the return on experience's parts, as typed.
    #[serde(default)]
    pub money: super::money::MoneyText,
}

/// The assumption linking a driver to churn, as typed (see
/// [`cadran_core::metrics::value::DriverLink`]).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct LinkText {
    /// The driver's id; `None`: the top-ranked action.
    pub driver: Option<u32>,
    /// Points of performance gained.
    pub points: String,
    /// Assumed fall of monthly churn per point, in percentage points.
    pub effect: String,
    /// Extra cost per month.
    pub cost: String,
}

impl LinkText {
    /// The core's link, or the first field that is not a number.
    ///
    /// # Errors
    /// The key of the unreadable field (`improvement_points`…).
    pub fn read(&self, l: Locale) -> Result<DriverLink, &'static str> {
        let num = |t: &str, key: &'static str| parse_number(t, l).map_err(|_| key);
        Ok(DriverLink {
            points: num(&self.points, "improvement_points")?,
            churn_points_per_point: Percent(num(&self.effect, "churn_points_per_point")?),
            extra_cost_per_month: if self.cost.trim().is_empty() { Decimal::ZERO } else { num(&self.cost, "extra_cost_per_month")? },
        })
    }
}

/// The example a first visit starts from: two drivers per dimension, on 1–5,
/// with a competitor's ratings, so every part of the page shows something.
const TEMPLATE: [(Tr, Dimension, &str, &str, &str, &str, &str); 8] = [
    (tr("Fiabilité du produit", "Product reliability"), Dimension::Functional, "5", "3", "4", "3", "4"),
    (tr("Fonctionnalités", "Features"), Dimension::Functional, "4", "4", "4", "2", "4"),
    (tr("Rapidité du support", "Support response time"), Dimension::Experiential, "5", "2", "4", "4", "2"),
    (tr("Facilité d’utilisation", "Ease of use"), Dimension::Experiential, "4", "4", "3", "3", "3"),
    (tr("Image de marque", "Brand image"), Dimension::Symbolic, "2", "4", "3", "2", "4"),
    (tr("Engagements environnementaux", "Environmental commitments"), Dimension::Symbolic, "2", "2", "3", "3", "3"),
    (tr("Prix", "Price"), Dimension::Economic, "4", "3", "4", "2", "5"),
    (tr("Coût de changement de fournisseur", "Cost of switching supplier"), Dimension::Economic, "3", "4", "2", "3", "2"),
];

impl Sheet {
    /// The example table, named in `l`.
    #[must_use]
    pub fn template(l: Locale) -> Self {
        let rows: Vec<Row> = TEMPLATE
            .iter()
            .zip(0..)
            .map(|((name, dimension, i, p, c, f, k), id)| Row {
                id,
                name: name.get(l).to_string(),
                dimension: *dimension,
                importance: (*i).into(),
                performance: (*p).into(),
                competitor: (*c).into(),
                feasibility: (*f).into(),
                cost: (*k).into(),
            })
            .collect();
        let link = LinkText { driver: None, points: "1".into(), effect: typed(0.2, l), cost: "0".into() };
        Sheet { scale: Scale::OneToFive, crosshairs: Crosshairs::DataMeans, next_id: rows.len() as u32, rows, survey: String::new(), link, money: super::money::MoneyText::default() }
    }

    /// Adds an empty-rated driver at the end (the middle of the scale, so
    /// the page keeps its results while the user types).
    pub fn add(&mut self, l: Locale) {
        let mid = typed(self.scale.midpoint(), l);
        let id = self.next_id;
        self.next_id += 1;
        self.rows.push(Row {
            id,
            name: format!("{} {}", T.new_driver.get(l), self.rows.len() + 1),
            dimension: Dimension::Functional,
            importance: mid.clone(),
            performance: mid,
            competitor: String::new(),
            feasibility: "3".into(),
            cost: "3".into(),
        });
    }

    /// Removes the driver `id`; returns its place and the row.
    pub fn remove(&mut self, id: u32) -> Option<(usize, Row)> {
        let at = self.rows.iter().position(|r| r.id == id)?;
        Some((at, self.rows.remove(at)))
    }

    /// Moves the driver `id` one place up.
    pub fn move_up(&mut self, id: u32) {
        if let Some(at) = self.rows.iter().position(|r| r.id == id).filter(|&a| a > 0) {
            self.rows.swap(at, at - 1);
        }
    }

    /// The core's inputs, or the first cell that is not a number (row from
    /// 0, field). Empty competitor cells mean "no competitor data"; empty
    /// feasibility or cost cells take the middle value 3.
    ///
    /// # Errors
    /// The first unreadable cell, in table order.
    pub fn read(&self, l: Locale) -> Result<ValueInputs, (usize, DriverField)> {
        let mut drivers = Vec::with_capacity(self.rows.len());
        let mut improvements = Vec::with_capacity(self.rows.len());
        for (i, r) in self.rows.iter().enumerate() {
            let num = |text: &str, f: DriverField| number(text, l).ok_or((i, f));
            let optional = |text: &str, f: DriverField, default: Option<f64>| {
                if text.trim().is_empty() { Ok(default) } else { num(text, f).map(Some) }
            };
            drivers.push(Driver {
                name: r.name.clone(),
                dimension: r.dimension,
                importance: num(&r.importance, DriverField::Importance)?,
                performance: num(&r.performance, DriverField::Performance)?,
                competitors: optional(&r.competitor, DriverField::Competitor(0), None)?.into_iter().collect(),
            });
            improvements.push(Improvement {
                feasibility: optional(&r.feasibility, DriverField::Feasibility, Some(3.0))?.unwrap_or(3.0),
                cost: optional(&r.cost, DriverField::Cost, Some(3.0))?.unwrap_or(3.0),
            });
        }
        Ok(ValueInputs { scales: Scales { importance: self.scale, performance: self.scale }, drivers, crosshairs: self.crosshairs, improvements, ..ValueInputs::default() })
    }
}

/// A rating as typed in `l` ("3,5" in French), as the statistic it is.
fn number(text: &str, l: Locale) -> Option<f64> {
    parse_number(text, l).ok().and_then(|d| d.to_f64())
}

/// A rating written as a person types it (`2,5` in French, `3` not `3.0`).
#[must_use]
pub fn typed(x: f64, l: Locale) -> String {
    let d = rust_decimal::Decimal::from_f64_retain(x).unwrap_or_default();
    cadran_core::locale::format_typed(d, cadran_core::locale::TYPED_DECIMALS, l)
}

/// "Correct row 3, column “Importance”: a number is expected."
#[must_use]
pub fn unreadable_words(row: usize, f: DriverField, l: Locale) -> String {
    T.fix_cell.fill(l, &[&(row + 1).to_string(), field(f, l), T.not_a_number.get(l)])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_template_reads_in_both_languages() {
        for l in [Locale::Fr, Locale::En] {
            let s = Sheet::template(l);
            let i = s.read(l).unwrap_or_else(|e| panic!("{l:?}: {e:?}"));
            assert_eq!(i.drivers.len(), 8, "{l:?}");
            assert!(Dimension::ALL.iter().all(|d| i.drivers.iter().filter(|x| x.dimension == *d).count() == 2), "{l:?}: two per dimension");
            assert_eq!(i.drivers[2].competitors, vec![4.0]);
            let r = cadran_core::metrics::value::report(&i);
            assert!(r.invalid.is_empty() && r.grid.is_ok() && r.gaps.is_ok(), "{l:?}: {r:?}");
        }
    }

    #[test]
    fn cells_read_in_the_locale_and_empty_optional_cells_have_defaults() {
        let mut s = Sheet::template(Locale::Fr);
        s.rows[0].importance = "4,5".into();
        s.rows[0].competitor = " ".into();
        s.rows[0].cost = String::new();
        let i = s.read(Locale::Fr).unwrap();
        assert_eq!(i.drivers[0].importance, 4.5);
        assert!(i.drivers[0].competitors.is_empty(), "blank competitor: no data");
        assert_eq!(i.improvements[0].cost, 3.0);
        s.rows[1].performance = "beaucoup".into();
        assert_eq!(s.read(Locale::Fr), Err((1, DriverField::Performance)));
        assert_eq!(unreadable_words(1, DriverField::Performance, Locale::Fr), "Corrigez la ligne 2, colonne « Votre performance » : un nombre est attendu.");
    }

    #[test]
    fn the_scenario_link_reads_in_the_locale() {
        let s = Sheet::template(Locale::Fr);
        assert_eq!(s.link.effect, "0,2");
        let link = s.link.read(Locale::Fr).unwrap();
        assert_eq!((link.points, link.churn_points_per_point, link.extra_cost_per_month), (Decimal::ONE, Percent(Decimal::new(2, 1)), Decimal::ZERO));
        let bad = LinkText { effect: "un peu".into(), ..s.link.clone() };
        assert_eq!(bad.read(Locale::Fr), Err("churn_points_per_point"));
        let blank_cost = LinkText { cost: String::new(), ..s.link };
        assert_eq!(blank_cost.read(Locale::Fr).map(|l| l.extra_cost_per_month), Ok(Decimal::ZERO));
    }

    #[test]
    fn add_remove_restore_and_move_keep_ids() {
        let mut s = Sheet::template(Locale::En);
        s.add(Locale::En);
        assert_eq!((s.rows.len(), s.rows[8].id, s.rows[8].importance.as_str()), (9, 8, "3"));
        let (at, row) = s.remove(3).unwrap();
        assert_eq!((at, row.id, s.rows.len()), (3, 3, 8));
        assert!(s.remove(3).is_none(), "a removed id is gone");
        s.move_up(4);
        assert_eq!((s.rows[2].id, s.rows[3].id), (4, 2));
        s.move_up(0);
        assert_eq!(s.rows[0].id, 0, "the first row stays first");
        assert_eq!(typed(2.5, Locale::Fr), "2,5");
        assert_eq!(typed(5.0, Locale::En), "5");
    }
}
