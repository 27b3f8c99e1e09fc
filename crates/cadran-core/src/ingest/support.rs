//! Support contacts → first-contact resolution counts by channel, month and
//! segment. FCR = contacts resolved at the first contact ÷ contacts (SQM
//! Group, *First Call Resolution*, 2021).

use super::cells::{yes_no, CellError, Ctx};
use super::date::YearMonth;
use super::error::Problem;
use super::mapping::Role;
use super::reader::Fields;
use crate::{arith, Outcome, Percent, Undefined};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Contacts and those resolved at the first contact.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FcrCounts {
    /// Contacts.
    pub contacts: u64,
    /// Resolved at the first contact.
    pub resolved_first: u64,
}

impl FcrCounts {
    /// First-contact resolution rate.
    ///
    /// **Definition.** FCR = resolved at first contact ÷ contacts × 100.
    /// **Source.** SQM Group, *First Call Resolution (FCR)*, 2021.
    ///
    /// # Example
    /// ```
    /// use cadran_core::ingest::support::FcrCounts;
    /// use cadran_core::Percent;
    /// use rust_decimal_macros::dec;
    /// assert_eq!(FcrCounts { contacts: 8, resolved_first: 6 }.rate(), Ok(Percent(dec!(75))));
    /// ```
    pub fn rate(&self) -> Outcome<Percent> {
        arith::percent_of(Decimal::from(self.resolved_first), Decimal::from(self.contacts), Undefined::NoAnswers)
    }
}

/// Support report.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SupportReport {
    /// All contacts.
    pub overall: FcrCounts,
    /// By channel (`(none)` when empty).
    pub by_channel: Vec<(String, FcrCounts)>,
    /// By month of the contact.
    pub by_month: Vec<(YearMonth, FcrCounts)>,
    /// By segment.
    pub by_segment: Vec<(String, FcrCounts)>,
}

#[derive(Default)]
pub(crate) struct SupportAcc {
    overall: FcrCounts,
    channel: BTreeMap<String, FcrCounts>,
    month: BTreeMap<YearMonth, FcrCounts>,
    segment: BTreeMap<String, FcrCounts>,
}

fn add(c: &mut FcrCounts, yes: bool) {
    c.contacts += 1;
    c.resolved_first += u64::from(yes);
}

impl SupportAcc {
    pub(crate) fn row(&mut self, f: &Fields<'_>, cx: &Ctx) -> Result<(), CellError> {
        let (col, t) = cx.text(f, Role::Fcr).ok_or_else(|| cx.missing(Role::Fcr))?;
        let yes = yes_no(&t).ok_or(CellError { column: col, problem: Problem::NotYesNo })?;
        let month = cx.month(f, Role::Date)?;
        add(&mut self.overall, yes);
        if cx.col(Role::Channel).is_some() {
            let ch = cx.text(f, Role::Channel).map_or_else(|| "(none)".to_string(), |(_, s)| s.into_owned());
            add(self.channel.entry(ch).or_default(), yes);
        }
        if cx.col(Role::Segment).is_some() {
            let s = cx.text(f, Role::Segment).map_or_else(|| "(none)".to_string(), |(_, s)| s.into_owned());
            add(self.segment.entry(s).or_default(), yes);
        }
        if let Some(m) = month {
            add(self.month.entry(m).or_default(), yes);
        }
        Ok(())
    }

    pub(crate) fn finish(self) -> SupportReport {
        SupportReport {
            overall: self.overall,
            by_channel: self.channel.into_iter().collect(),
            by_month: self.month.into_iter().collect(),
            by_segment: self.segment.into_iter().collect(),
        }
    }
}
