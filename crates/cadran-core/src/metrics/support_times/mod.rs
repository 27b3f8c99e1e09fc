//! Support operations from a help-desk export: first response and
//! resolution times (median, mean, 90th percentile), business hours and
//! holidays, SLA attainment, weekly volume and backlog, reopen rate and cost
//! per ticket (issue 22).
//!
//! Durations are whole **seconds** (`i64`) between [`Instant`]s in Unix
//! time; statistics over them are exact `Decimal`s, never sampled. Local
//! time (opening hours, months, ISO weeks) goes through a [`Zone`] computed
//! by hand, so the browser build needs no time-zone database.
//!
//! Undefined figures are [`SupportUndefined`] reasons rather than new
//! [`crate::Undefined`] variants: the app names every crate reason in its
//! messages, so these wait for their words there before joining it.

mod backlog;
mod buckets;
mod civil;
mod easter;
mod error;
mod headers;
mod holidays;
mod hours;
mod percentile;
mod rates;
mod read;
mod read_error;
mod read_layout;
mod read_row;
mod sla;
mod summary;
mod ticket;
mod timestamp;
mod zone;

pub use backlog::{weekly_backlog, Backlog, WeekVolume, MAX_BACKLOG_WEEKS};
pub use buckets::{bars, Bar, SUPPORT_EDGES};
pub use civil::{weekday, Instant, IsoWeek, DAY, MAX_INSTANT, MIN_INSTANT};
pub use easter::easter_sunday;
pub use error::{SupportError, SupportOutcome, SupportUndefined, TicketProblem};
pub use headers::{
    recognise_ticket_headers, DurationSource, DurationUnit, HelpDesk, TicketColumn, TicketMapping,
};
pub use holidays::{holiday_dates, public_holidays, Country, Holiday};
pub use hours::{BusinessCalendar, OpeningHours};
pub use percentile::percentile;
pub use rates::{cost_per_ticket, ReopenCounts};
pub use read::{read_tickets, MeasureSource, ReadOptions, TicketFile, TicketReader};
pub use read_error::{BadTicketRows, TicketFileError, TicketRowError, TicketRowProblem};
pub use sla::{sla_report, Breach, Clock, SlaCounts, SlaReport, SlaTarget};
pub use summary::{summarise, summarise_by, GroupBy, GroupedTimes, TimeSummary};
pub use ticket::{Measure, Ticket, MAX_DURATION_SECONDS};
pub use timestamp::{parse_duration, parse_instant, DurationProblem, LocalTime, TimestampProblem};
pub use zone::Zone;
