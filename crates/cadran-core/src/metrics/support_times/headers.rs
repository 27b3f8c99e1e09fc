//! Help-desk exports recognised from their header row: which column holds
//! what, which help desk wrote it, and whether durations come in minutes,
//! hours or must be computed from timestamps.

use crate::ingest::mapping::normalize;
use serde::{Deserialize, Serialize};

/// What a ticket column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum TicketColumn {
    /// The ticket id.
    Id,
    /// Creation timestamp.
    Created,
    /// Timestamp of the first agent reply.
    FirstReplyAt,
    /// Timestamp of the (last) solve or close.
    Solved,
    /// First reply time as a duration (calendar time).
    FirstReplyDuration,
    /// First reply time as a duration, in the help desk's business hours.
    FirstReplyBusiness,
    /// Resolution time as a duration (calendar time).
    ResolutionDuration,
    /// Resolution time as a duration, in the help desk's business hours.
    ResolutionBusiness,
    /// Channel (Zendesk "Via", Freshdesk "Source").
    Channel,
    /// Assignee.
    Agent,
    /// Number of reopens.
    Reopens,
    /// Ticket status.
    Status,
    /// Satisfaction rating.
    Satisfaction,
    /// Customer segment (organisation, group, plan).
    Segment,
}

/// The unit a duration column is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum DurationUnit {
    /// Seconds.
    Seconds,
    /// Minutes (Zendesk's "… in minutes").
    Minutes,
    /// Hours (Freshdesk's "… (in hrs)").
    Hours,
}

/// Where a duration comes from: a column in a unit, or two timestamps.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum DurationSource {
    /// From the creation and end timestamps (so business time follows
    /// Cadran's calendar, not the help desk's).
    Timestamps,
    /// Read from a duration column in this unit.
    Column(DurationUnit),
}

/// Which help desk wrote the file, as far as its headers tell.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum HelpDesk {
    /// Zendesk Support (Explore or view export).
    Zendesk,
    /// Freshdesk.
    Freshdesk,
    /// HubSpot tickets.
    HubSpot,
    /// Any other file with recognisable headers (English or French).
    Generic,
}

/// The reading of a header row.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TicketMapping {
    /// The help desk recognised.
    pub help_desk: HelpDesk,
    /// Each recognised column with its index (first column wins a role).
    pub columns: Vec<(TicketColumn, usize)>,
    /// How first reply times are obtained, if they can be.
    pub first_reply: Option<DurationSource>,
    /// How resolution times are obtained, if they can be.
    pub resolution: Option<DurationSource>,
    /// The unit of each duration column found.
    pub units: Vec<(TicketColumn, DurationUnit)>,
}

impl TicketMapping {
    /// The column holding `c`, if any.
    #[must_use]
    pub fn column(&self, c: TicketColumn) -> Option<usize> {
        self.columns.iter().find(|(k, _)| *k == c).map(|&(_, i)| i)
    }
}

/// Exact normalized headers: (header, column, the help desk it betrays).
const EXACT: &[(&str, TicketColumn, Option<HelpDesk>)] = {
    use HelpDesk::*;
    use TicketColumn::*;
    &[
        ("id", Id, None),
        ("ticket id", Id, None),
        ("numero", Id, None),
        ("numero de ticket", Id, None),
        ("created at", Created, Some(Zendesk)),
        ("solved at", Solved, Some(Zendesk)),
        ("via", Channel, Some(Zendesk)),
        ("reopens", Reopens, Some(Zendesk)),
        ("assignee", Agent, Some(Zendesk)),
        ("satisfaction score", Satisfaction, Some(Zendesk)),
        ("created time", Created, Some(Freshdesk)),
        ("resolved time", Solved, Some(Freshdesk)),
        ("initial response time", FirstReplyAt, Some(Freshdesk)),
        ("source", Channel, Some(Freshdesk)),
        ("agent", Agent, None),
        ("create date", Created, Some(HubSpot)),
        ("close date", Solved, Some(HubSpot)),
        ("first agent reply date", FirstReplyAt, Some(HubSpot)),
        ("ticket owner", Agent, Some(HubSpot)),
        ("created", Created, None),
        ("opened at", Created, None),
        ("first response at", FirstReplyAt, None),
        ("first reply at", FirstReplyAt, None),
        ("resolved at", Solved, None),
        ("closed at", Solved, None),
        ("solved", Solved, None),
        ("channel", Channel, None),
        ("reopen count", Reopens, None),
        ("status", Status, None),
        ("ticket status", Status, Some(HubSpot)),
        ("date de creation", Created, None),
        ("cree le", Created, None),
        ("date de premiere reponse", FirstReplyAt, None),
        ("premiere reponse le", FirstReplyAt, None),
        ("date de resolution", Solved, None),
        ("resolu le", Solved, None),
        ("canal", Channel, None),
        ("conseiller", Agent, None),
        ("reouvertures", Reopens, None),
        ("statut", Status, None),
        ("organization", Segment, Some(Zendesk)),
        ("segment", Segment, None),
        ("company", Segment, Some(Freshdesk)),
        ("societe", Segment, None),
    ]
};

/// A duration header: `(column, unit)` when `h` names a first reply or
/// resolution time followed by a unit ("first reply time in minutes",
/// "resolution time in hrs", "délai de première réponse (heures)").
fn duration(h: &str) -> Option<(TicketColumn, DurationUnit)> {
    let words: Vec<&str> = h.split(' ').collect();
    let unit = words.iter().rev().find_map(|w| match *w {
        "seconds" | "secondes" | "sec" | "s" => Some(DurationUnit::Seconds),
        "minutes" | "minute" | "mins" | "min" | "mn" => Some(DurationUnit::Minutes),
        "hours" | "hour" | "hrs" | "hr" | "h" | "heures" | "heure" => Some(DurationUnit::Hours),
        _ => None,
    })?;
    let business =
        h.contains("business hours") || h.contains("heures ouvrees") || h.contains("ouvre");
    let first = [
        "first reply time",
        "first response time",
        "premiere reponse",
        "time to first agent reply",
    ];
    let resolution = [
        "resolution time",
        "time to close",
        "delai de resolution",
        "temps de resolution",
        "duree de resolution",
    ];
    let column = match (
        first.iter().any(|p| h.contains(p)),
        resolution.iter().any(|p| h.contains(p)),
        business,
    ) {
        (true, _, false) => TicketColumn::FirstReplyDuration,
        (true, _, true) => TicketColumn::FirstReplyBusiness,
        (false, true, false) => TicketColumn::ResolutionDuration,
        (false, true, true) => TicketColumn::ResolutionBusiness,
        _ => return None,
    };
    Some((column, unit))
}

/// Reads a help-desk export's header row.
///
/// **Definition.** Each header is normalized (lower case, accents and
/// punctuation removed, [`normalize`]) and matched against the column names
/// of Zendesk, Freshdesk and HubSpot exports, a generic English set and a
/// French set; a duration header must name its unit (minutes, hours,
/// seconds), which the mapping reports. The help desk is the one whose own
/// names match most columns. A duration comes from timestamps when both
/// ends are columns (so business time follows Cadran's calendar), else
/// from a calendar-time duration column. **Sources.** Zendesk, *Exporting
/// ticket data* (CSV columns "Created at", "Solved at", "First reply time
/// in minutes", "Full resolution time in minutes", "Via", "Reopens");
/// Freshdesk, *Exporting tickets* ("Created time", "Resolved time", "First
/// response time (in hrs)", "Resolution time (in hrs)", "Source"); HubSpot,
/// *Default ticket properties*.
///
/// # Example
/// ```
/// use cadran_core::metrics::support_times::*;
/// let m = recognise_ticket_headers(&["Id", "Created at", "Solved at", "Via",
///     "First reply time in minutes", "Full resolution time in minutes", "Reopens"]);
/// assert_eq!(m.help_desk, HelpDesk::Zendesk);
/// assert_eq!(m.first_reply, Some(DurationSource::Column(DurationUnit::Minutes)));
/// assert_eq!(m.resolution, Some(DurationSource::Timestamps)); // "Created at" → "Solved at"
/// assert_eq!(m.column(TicketColumn::Channel), Some(3));
/// ```
#[must_use]
pub fn recognise_ticket_headers<S: AsRef<str>>(headers: &[S]) -> TicketMapping {
    let mut columns: Vec<(TicketColumn, usize)> = Vec::new();
    let mut units = Vec::new();
    let mut votes = [0u32; 3];
    for (i, raw) in headers.iter().enumerate() {
        let h = normalize(raw.as_ref());
        let found = match EXACT.iter().find(|(name, _, _)| *name == h) {
            Some(&(_, c, desk)) => {
                if let Some(d) = desk {
                    votes[d as usize] += 1;
                }
                Some(c)
            }
            None => duration(&h).map(|(c, u)| {
                match (c, u) {
                    (_, DurationUnit::Minutes)
                        if h.starts_with("first reply time")
                            || h.starts_with("full resolution") =>
                    {
                        votes[HelpDesk::Zendesk as usize] += 1;
                    }
                    (_, DurationUnit::Hours) if h.ends_with("in hrs") => {
                        votes[HelpDesk::Freshdesk as usize] += 1
                    }
                    _ => {}
                }
                units.push((c, u));
                c
            }),
        };
        if let Some(c) = found.filter(|c| columns.iter().all(|(k, _)| k != c)) {
            columns.push((c, i));
        }
    }
    units.dedup_by_key(|(c, _)| *c);
    let has = |c| columns.iter().any(|(k, _)| *k == c);
    let unit_of = |c| {
        units
            .iter()
            .find(|(k, _)| *k == c)
            .map(|&(_, u)| DurationSource::Column(u))
    };
    let from = |end, dur| {
        if has(TicketColumn::Created) && has(end) {
            Some(DurationSource::Timestamps)
        } else {
            unit_of(dur)
        }
    };
    let best = (0..3)
        .max_by_key(|&d| (votes[d], 3 - d))
        .filter(|&d| votes[d] > 0);
    let help_desk = match best {
        Some(0) => HelpDesk::Zendesk,
        Some(1) => HelpDesk::Freshdesk,
        Some(_) => HelpDesk::HubSpot,
        None => HelpDesk::Generic,
    };
    TicketMapping {
        help_desk,
        first_reply: from(TicketColumn::FirstReplyAt, TicketColumn::FirstReplyDuration),
        resolution: from(TicketColumn::Solved, TicketColumn::ResolutionDuration),
        columns,
        units,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use DurationSource::*;
    use DurationUnit::*;

    #[test]
    fn freshdesk_hours() {
        let m = recognise_ticket_headers(&[
            "Ticket ID",
            "Subject",
            "Status",
            "Source",
            "Agent",
            "Created time",
            "Resolved time",
            "First response time (in hrs)",
            "Resolution time (in hrs)",
        ]);
        assert_eq!(m.help_desk, HelpDesk::Freshdesk);
        assert_eq!(
            m.first_reply,
            Some(Column(Hours)),
            "no first-reply timestamp: the hours column"
        );
        assert_eq!(m.resolution, Some(Timestamps));
        assert_eq!(m.column(TicketColumn::Channel), Some(3));
        assert_eq!(
            m.units,
            [
                (TicketColumn::FirstReplyDuration, Hours),
                (TicketColumn::ResolutionDuration, Hours)
            ]
        );
    }

    #[test]
    fn zendesk_business_hours_columns() {
        let m = recognise_ticket_headers(&[
            "\u{feff}Id",
            "Created at",
            "First reply time in minutes",
            "First reply time in minutes within business hours",
            "Full resolution time in minutes within business hours",
        ]);
        assert_eq!(m.help_desk, HelpDesk::Zendesk);
        assert_eq!(m.column(TicketColumn::FirstReplyBusiness), Some(3));
        assert_eq!(m.column(TicketColumn::ResolutionBusiness), Some(4));
        assert_eq!(
            m.resolution, None,
            "only a business-hours figure: not a calendar duration"
        );
    }

    #[test]
    fn hubspot_generic_and_french() {
        let hs = recognise_ticket_headers(&[
            "Ticket ID",
            "Create date",
            "Close date",
            "First agent reply date",
            "Ticket owner",
            "Source",
        ]);
        assert_eq!(
            (hs.help_desk, hs.first_reply, hs.resolution),
            (HelpDesk::HubSpot, Some(Timestamps), Some(Timestamps))
        );
        let generic =
            recognise_ticket_headers(&["created", "first response at", "resolved at", "channel"]);
        assert_eq!(
            (generic.help_desk, generic.first_reply),
            (HelpDesk::Generic, Some(Timestamps))
        );
        let fr = recognise_ticket_headers(&[
            "Numéro",
            "Date de création",
            "Délai de première réponse (min)",
            "Date de résolution",
            "Canal",
            "Conseiller",
            "Réouvertures",
        ]);
        assert_eq!(fr.help_desk, HelpDesk::Generic);
        assert_eq!(fr.first_reply, Some(Column(Minutes)));
        assert_eq!(fr.resolution, Some(Timestamps));
        assert_eq!(fr.column(TicketColumn::Agent), Some(5));
        let hours = recognise_ticket_headers(&["Créé le", "Temps de résolution (heures)"]);
        assert_eq!(hours.resolution, Some(Column(Hours)));
        let none = recognise_ticket_headers(&["foo", "first reply time"]);
        assert_eq!(
            (none.first_reply, none.columns.len()),
            (None, 0),
            "a duration without its unit is not guessed"
        );
    }
}
