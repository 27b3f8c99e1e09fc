//! Which column holds what, detected from header names in French and
//! English and from the usual exports (Stripe, Chargebee, Baremetrics, survey
//! tools, help desks). The mapping is a plain struct the UI shows and edits.

use serde::{Deserialize, Serialize};

/// What a column means.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Role {
    /// Customer or account id.
    Customer,
    /// Subscription start.
    Start,
    /// Cancellation date.
    CanceledAt,
    /// Actual end date (preferred over the cancellation date).
    EndedAt,
    /// Monthly recurring revenue, already per month.
    Mrr,
    /// Price per billing interval (or order amount for transactions).
    Amount,
    /// Billing interval (`month`, `year`, `week`, `day`).
    Interval,
    /// Number of intervals per billing period (`3` for quarterly).
    IntervalCount,
    /// Seats or units.
    Quantity,
    /// Plan name or id.
    Plan,
    /// Subscription status (`trialing` rows are left out).
    Status,
    /// A segment that splits every KPI.
    Segment,
    /// Date of an answer, order or ticket.
    Date,
    /// Survey score.
    Score,
    /// Free-text comment.
    Comment,
    /// Ticket id.
    Ticket,
    /// Resolved at first contact (yes/no).
    Fcr,
    /// Contact channel.
    Channel,
    /// Which version of an A/B test a visitor or group saw (`A`, `B`,
    /// `control`…).
    Variant,
    /// Whether a visitor converted (yes/no, one row per visitor).
    Converted,
    /// Visitors of a group (one row per group).
    Visitors,
    /// Conversions of a group (one row per group).
    Conversions,
    /// Revenue of a visitor, or of a group (its sum).
    Revenue,
}

impl Role {
    /// Snake-case name, for messages.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Role::Customer => "customer",
            Role::Start => "start",
            Role::CanceledAt => "canceled_at",
            Role::EndedAt => "ended_at",
            Role::Mrr => "mrr",
            Role::Amount => "amount",
            Role::Interval => "interval",
            Role::IntervalCount => "interval_count",
            Role::Quantity => "quantity",
            Role::Plan => "plan",
            Role::Status => "status",
            Role::Segment => "segment",
            Role::Date => "date",
            Role::Score => "score",
            Role::Comment => "comment",
            Role::Ticket => "ticket",
            Role::Fcr => "fcr",
            Role::Channel => "channel",
            Role::Variant => "variant",
            Role::Converted => "converted",
            Role::Visitors => "visitors",
            Role::Conversions => "conversions",
            Role::Revenue => "revenue",
        }
    }
}

/// The kind of data in a file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum DatasetKind {
    /// Survey answers (NPS, CSAT, CES).
    Survey,
    /// Subscriptions (MRR, churn, cohorts).
    Subscriptions,
    /// Orders or payments.
    Transactions,
    /// Support contacts (FCR).
    Support,
    /// An A/B test: one row per visitor (variant, converted) or per group
    /// (variant, visitors, conversions), revenue optional.
    Experiment,
}

/// Column roles and how to read them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mapping {
    /// The dataset.
    pub kind: DatasetKind,
    /// One entry per column: its role, if used.
    pub columns: Vec<Option<Role>>,
    /// Amounts are in cents (the header says so, as Stripe's API exports do).
    pub amount_in_cents: bool,
}

impl Mapping {
    /// 0-based index of the column with `role`.
    #[must_use]
    pub fn column(&self, role: Role) -> Option<usize> {
        self.columns.iter().position(|r| *r == Some(role))
    }
}

/// Lower case, accents removed, punctuation to single spaces, and the
/// `subscriptions.` / `subscription_` prefixes of Chargebee-style exports
/// dropped.
///
/// # Example
/// ```
/// use cadran_core::ingest::mapping::normalize;
/// assert_eq!(normalize("Canceled At (UTC)"), "canceled at utc");
/// assert_eq!(normalize("subscriptions.customer_id"), "customer id");
/// assert_eq!(normalize("Résolu au premier contact ?"), "resolu au premier contact");
/// ```
#[must_use]
pub fn normalize(header: &str) -> String {
    let mut out = String::with_capacity(header.len());
    for c in header.trim_start_matches('\u{feff}').chars().flat_map(char::to_lowercase) {
        let c = match c {
            'à' | 'â' | 'ä' | 'á' => 'a',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'î' | 'ï' | 'í' => 'i',
            'ô' | 'ö' | 'ó' => 'o',
            'ù' | 'û' | 'ü' | 'ú' => 'u',
            'ç' => 'c',
            c if c.is_alphanumeric() => c,
            _ => ' ',
        };
        if c != ' ' || !out.ends_with(' ') && !out.is_empty() {
            out.push(c);
        }
    }
    let out = out.trim_end();
    for p in ["subscriptions ", "subscription ", "customers ", "orders ", "tickets "] {
        if let Some(rest) = out.strip_prefix(p) {
            return rest.to_string();
        }
    }
    out.to_string()
}

/// Role guessed from one normalized header, with a priority (higher wins
/// when two columns claim the same role).
fn guess(h: &str) -> Option<(Role, u8)> {
    use Role::*;
    let exact: &[(&str, Role)] = &[
        ("customer id", Customer), ("customer", Customer), ("customer oid", Customer), ("client", Customer),
        ("id client", Customer), ("client id", Customer), ("account id", Customer), ("compte", Customer),
        ("user id", Customer), ("customer email", Customer), ("email", Customer),
        ("start", Start), ("start utc", Start), ("start date", Start), ("started at", Start),
        ("date de debut", Start), ("debut", Start), ("activated at", Start), ("subscription start", Start),
        ("canceled at", CanceledAt), ("canceled at utc", CanceledAt), ("cancelled at", CanceledAt),
        ("cancellation date", CanceledAt), ("date de resiliation", CanceledAt), ("date d annulation", CanceledAt),
        ("churn date", CanceledAt), ("ended at", EndedAt), ("ended at utc", EndedAt), ("end date", EndedAt),
        ("date de fin", EndedAt), ("fin", EndedAt), ("end", EndedAt), ("ended", EndedAt), ("canceled", CanceledAt), ("cancelled", CanceledAt),
        ("mrr", Mrr), ("monthly recurring revenue", Mrr), ("mrr mensuel", Mrr),
        ("amount", Amount), ("montant", Amount), ("price", Amount), ("prix", Amount), ("total", Amount),
        ("plan amount", Amount), ("amount cents", Amount), ("montant ttc", Amount), ("montant ht", Amount),
        ("interval", Interval), ("billing period unit", Interval), ("periodicite", Interval),
        ("plan interval", Interval), ("billing interval", Interval),
        ("interval count", IntervalCount), ("billing period", IntervalCount), ("plan interval count", IntervalCount),
        ("quantity", Quantity), ("quantite", Quantity), ("plan quantity", Quantity), ("seats", Quantity),
        ("plan", Plan), ("plan id", Plan), ("plan oid", Plan), ("offre", Plan), ("plan name", Plan),
        ("status", Status), ("statut", Status),
        ("segment", Segment), ("customer segment", Segment), ("region", Segment), ("tier", Segment),
        ("country", Segment), ("pays", Segment),
        ("date", Date), ("created", Date), ("created utc", Date), ("created at", Date), ("order date", Date),
        ("date de commande", Date), ("submitted at", Date), ("response date", Date), ("date de reponse", Date),
        ("date de creation", Date), ("opened at", Date),
        ("score", Score), ("note", Score), ("nps", Score), ("net promoter score", Score), ("rating", Score),
        ("csat", Score), ("ces", Score), ("satisfaction", Score),
        ("comment", Comment), ("commentaire", Comment), ("feedback", Comment), ("verbatim", Comment),
        ("ticket id", Ticket), ("ticket", Ticket), ("id ticket", Ticket), ("numero de ticket", Ticket),
        ("ticket number", Ticket), ("case id", Ticket),
        ("fcr", Fcr), ("first contact resolution", Fcr), ("resolved at first contact", Fcr),
        ("resolu au premier contact", Fcr), ("one touch", Fcr),
        ("channel", Channel), ("canal", Channel), ("via", Channel),
        ("variant", Variant), ("variante", Variant), ("variation", Variant), ("version", Variant),
        ("group", Variant), ("groupe", Variant), ("test group", Variant), ("groupe de test", Variant),
        ("experiment group", Variant), ("arm", Variant), ("bras", Variant), ("bucket", Variant),
        ("a b group", Variant), ("ab group", Variant), ("a b", Variant), ("ab", Variant),
        ("converted", Converted), ("conversion", Converted), ("converti", Converted), ("convertit", Converted),
        ("a converti", Converted), ("has converted", Converted), ("is converted", Converted),
        ("purchased", Converted), ("a achete", Converted), ("signed up", Converted), ("inscrit", Converted),
        ("visitors", Visitors), ("visiteurs", Visitors), ("users", Visitors), ("utilisateurs", Visitors),
        ("visits", Visitors), ("visites", Visitors), ("sessions", Visitors), ("participants", Visitors),
        ("exposures", Visitors), ("nombre de visiteurs", Visitors),
        ("conversions", Conversions), ("nombre de conversions", Conversions), ("converted users", Conversions),
        ("purchases", Conversions), ("achats", Conversions), ("signups", Conversions), ("inscriptions", Conversions),
        ("revenue", Revenue), ("revenu", Revenue), ("revenus", Revenue), ("chiffre d affaires", Revenue),
        ("ca", Revenue), ("revenue sum", Revenue), ("total revenue", Revenue), ("revenue total", Revenue),
        ("revenu total", Revenue), ("revenue cents", Revenue), ("sales", Revenue), ("ventes", Revenue),
    ];
    if let Some((_, r)) = exact.iter().find(|(k, _)| *k == h) {
        return Some((*r, 2));
    }
    let contains: &[(&str, Role)] = &[
        ("how likely", Score), ("recommend", Score), ("recommand", Score), ("first contact", Fcr),
        ("premier contact", Fcr), ("customer id", Customer), ("canceled", CanceledAt), ("cancelled", CanceledAt),
        ("mrr", Mrr), ("amount", Amount), ("montant", Amount), ("started", Start),
    ];
    contains.iter().find(|(k, _)| h.contains(k)).map(|(_, r)| (*r, 1))
}

/// Detects roles and the dataset kind from the headers; `None` when no
/// dataset fits.
///
/// # Example
/// ```
/// use cadran_core::ingest::mapping::{detect, DatasetKind, Role};
/// let m = detect(&["Customer ID", "Status", "Start (UTC)", "Canceled At (UTC)", "Amount", "Interval"]).unwrap();
/// assert_eq!(m.kind, DatasetKind::Subscriptions);
/// assert_eq!(m.column(Role::Start), Some(2));
/// ```
#[must_use]
pub fn detect<S: AsRef<str>>(headers: &[S]) -> Option<Mapping> {
    let norm: Vec<String> = headers.iter().map(|h| normalize(h.as_ref())).collect();
    let mut columns: Vec<Option<Role>> = vec![None; headers.len()];
    let mut best: Vec<(Role, u8, usize)> = Vec::new();
    for (i, h) in norm.iter().enumerate() {
        if let Some((role, p)) = guess(h) {
            match best.iter_mut().find(|(r, _, _)| *r == role) {
                Some(b) if b.1 < p => *b = (role, p, i),
                Some(_) => {}
                None => best.push((role, p, i)),
            }
        }
    }
    for (role, _, i) in &best {
        if let Some(c) = columns.get_mut(*i) {
            *c = Some(*role);
        }
    }
    let has = |r: Role| columns.contains(&Some(r));
    let kind = if has(Role::Score) {
        DatasetKind::Survey
    } else if has(Role::Fcr) {
        DatasetKind::Support
    } else if has(Role::Variant) && (has(Role::Converted) || has(Role::Visitors) && has(Role::Conversions)) {
        DatasetKind::Experiment
    } else if has(Role::Customer) && (has(Role::Start) || has(Role::Mrr) || has(Role::Interval)) {
        DatasetKind::Subscriptions
    } else if has(Role::Customer) && has(Role::Date) && has(Role::Amount) {
        DatasetKind::Transactions
    } else {
        return None;
    };
    let has_revenue = has(Role::Revenue);
    if kind == DatasetKind::Subscriptions && !has(Role::Start) {
        if let Some(c) = columns.iter_mut().find(|c| **c == Some(Role::Date)) {
            *c = Some(Role::Start);
        }
    }
    if kind == DatasetKind::Experiment && !has_revenue {
        if let Some(c) = columns.iter_mut().find(|c| **c == Some(Role::Amount)) {
            *c = Some(Role::Revenue);
        }
    }
    let amount_in_cents = columns
        .iter()
        .zip(&norm)
        .any(|(r, h)| matches!(r, Some(Role::Amount | Role::Mrr | Role::Revenue)) && (h.contains("cents") || h.contains("centimes")));
    Some(Mapping { kind, columns, amount_in_cents })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exports() {
        let chargebee = detect(&["subscriptions.id", "subscriptions.customer_id", "subscriptions.status",
            "subscriptions.mrr", "subscriptions.started_at", "subscriptions.cancelled_at", "subscriptions.plan_id"]).unwrap();
        assert_eq!(chargebee.kind, DatasetKind::Subscriptions);
        assert_eq!(chargebee.column(Role::Mrr), Some(3));
        assert_eq!(chargebee.column(Role::CanceledAt), Some(5));
        let bm = detect(&["oid", "customer_oid", "plan_oid", "started_at", "canceled_at", "amount"]).unwrap();
        assert_eq!((bm.column(Role::Customer), bm.column(Role::Amount)), (Some(1), Some(5)));
        let survey = detect(&["Date", "How likely are you to recommend us?", "Commentaire"]).unwrap();
        assert_eq!(survey.kind, DatasetKind::Survey);
        let tickets = detect(&["Ticket ID", "Canal", "Résolu au premier contact"]).unwrap();
        assert_eq!(tickets.kind, DatasetKind::Support);
        let orders = detect(&["Client", "Date de commande", "Montant (centimes)"]).unwrap();
        assert_eq!(orders.kind, DatasetKind::Transactions);
        assert!(orders.amount_in_cents);
        assert_eq!(detect(&["a", "b"]), None);
        let visitors = detect(&["User ID", "Variant", "Converted", "Revenue"]).unwrap();
        assert_eq!(visitors.kind, DatasetKind::Experiment);
        assert_eq!((visitors.column(Role::Variant), visitors.column(Role::Converted), visitors.column(Role::Revenue)), (Some(1), Some(2), Some(3)));
        let groups = detect(&["Groupe", "Visiteurs", "Conversions", "Chiffre d'affaires"]).unwrap();
        assert_eq!(groups.kind, DatasetKind::Experiment);
        assert_eq!((groups.column(Role::Visitors), groups.column(Role::Conversions), groups.column(Role::Revenue)), (Some(1), Some(2), Some(3)));
        let amount = detect(&["version", "a converti", "montant (centimes)"]).unwrap();
        assert_eq!((amount.kind, amount.column(Role::Revenue), amount.amount_in_cents), (DatasetKind::Experiment, Some(2), true));
        assert_eq!(detect(&["variant", "visitors"]), None, "no conversions column");
    }
}
