//! The ingestion's types in words: roles, dataset kinds, encodings,
//! delimiters and every problem a file can have, named by line and column.
//! Nothing the user sees is a Rust debug string.

use cadran_core::ingest::decode::Encoding;
use cadran_core::ingest::mapping::{DatasetKind, Role};
use cadran_core::ingest::{IngestError, Problem, RowError};
use cadran_core::locale::{format_number, Locale};
use cadran_core::Decimal;

fn pick(l: Locale, fr: &'static str, en: &'static str) -> &'static str {
    if l == Locale::Fr { fr } else { en }
}

/// Every role, in the order the column selects list them.
pub const ROLES: [Role; 18] = [
    Role::Customer, Role::Start, Role::CanceledAt, Role::EndedAt, Role::Mrr, Role::Amount, Role::Interval,
    Role::IntervalCount, Role::Quantity, Role::Plan, Role::Status, Role::Segment, Role::Date, Role::Score,
    Role::Comment, Role::Ticket, Role::Fcr, Role::Channel,
];

/// The roles a dataset reads (others are offered too, listed after these).
#[must_use]
pub fn roles_for(kind: DatasetKind) -> &'static [Role] {
    use Role::*;
    match kind {
        DatasetKind::Survey => &[Score, Date, Segment, Comment, Customer],
        DatasetKind::Subscriptions => {
            &[Customer, Start, CanceledAt, EndedAt, Mrr, Amount, Interval, IntervalCount, Quantity, Plan, Status, Segment]
        }
        DatasetKind::Transactions => &[Customer, Date, Amount, Segment],
        DatasetKind::Support => &[Ticket, Fcr, Channel, Date, Segment],
    }
}

/// Whether a role holds dates (for the date order question).
#[must_use]
pub fn is_date(role: Role) -> bool {
    matches!(role, Role::Start | Role::CanceledAt | Role::EndedAt | Role::Date)
}

/// A role's name.
#[must_use]
pub fn role(r: Role, l: Locale) -> &'static str {
    match r {
        Role::Customer => pick(l, "Client", "Customer"),
        Role::Start => pick(l, "Début", "Start"),
        Role::CanceledAt => pick(l, "Date de résiliation", "Cancellation date"),
        Role::EndedAt => pick(l, "Date de fin", "End date"),
        Role::Mrr => pick(l, "MRR (revenu mensuel)", "MRR (monthly revenue)"),
        Role::Amount => pick(l, "Montant", "Amount"),
        Role::Interval => pick(l, "Périodicité", "Billing interval"),
        Role::IntervalCount => pick(l, "Nombre de périodes", "Intervals per period"),
        Role::Quantity => pick(l, "Quantité", "Quantity"),
        Role::Plan => pick(l, "Offre", "Plan"),
        Role::Status => pick(l, "Statut", "Status"),
        Role::Segment => pick(l, "Segment", "Segment"),
        Role::Date => pick(l, "Date", "Date"),
        Role::Score => pick(l, "Note", "Score"),
        Role::Comment => pick(l, "Commentaire", "Comment"),
        Role::Ticket => pick(l, "Ticket", "Ticket"),
        Role::Fcr => pick(l, "Résolu au premier contact", "Resolved at first contact"),
        Role::Channel => pick(l, "Canal", "Channel"),
    }
}

/// Every dataset kind.
pub const KINDS: [DatasetKind; 4] =
    [DatasetKind::Survey, DatasetKind::Subscriptions, DatasetKind::Transactions, DatasetKind::Support];

/// A dataset kind's name.
#[must_use]
pub fn kind(k: DatasetKind, l: Locale) -> &'static str {
    match k {
        DatasetKind::Survey => pick(l, "Réponses à une enquête (NPS, CSAT, CES)", "Survey answers (NPS, CSAT, CES)"),
        DatasetKind::Subscriptions => pick(l, "Abonnements (MRR, attrition, cohortes)", "Subscriptions (MRR, churn, cohorts)"),
        DatasetKind::Transactions => pick(l, "Commandes ou paiements (CLV)", "Orders or payments (CLV)"),
        DatasetKind::Support => pick(l, "Contacts support (FCR)", "Support contacts (FCR)"),
    }
}

/// An encoding's name.
#[must_use]
pub fn encoding(e: Encoding, l: Locale) -> &'static str {
    match e {
        Encoding::Utf8 => "UTF-8",
        Encoding::Windows1252 => pick(l, "Windows-1252 (Excel, Latin-1)", "Windows-1252 (Excel, Latin-1)"),
    }
}

/// The delimiters offered, as bytes.
pub const DELIMITERS: [u8; 4] = [b';', b',', b'\t', b'|'];

/// A delimiter's name.
#[must_use]
pub fn delimiter(d: u8, l: Locale) -> &'static str {
    match d {
        b';' => pick(l, "Point-virgule ( ; )", "Semicolon ( ; )"),
        b',' => pick(l, "Virgule ( , )", "Comma ( , )"),
        b'\t' => pick(l, "Tabulation", "Tab"),
        b'|' => pick(l, "Barre verticale ( | )", "Vertical bar ( | )"),
        _ => "?",
    }
}

/// A count written in the user's locale (`12 345`).
#[must_use]
pub fn count(n: u64, l: Locale) -> String {
    format_number(Decimal::from(n), 0, l)
}

/// A file size: `12,3 Mo` / `12.3 MB` (a display figure, hence from `f64`).
#[must_use]
pub fn size(bytes: f64, l: Locale) -> String {
    let (v, unit) = if bytes >= 1e6 {
        (bytes / 1e6, pick(l, "Mo", "MB"))
    } else if bytes >= 1e3 {
        (bytes / 1e3, pick(l, "ko", "KB"))
    } else {
        (bytes, pick(l, "octets", "bytes"))
    };
    let d = Decimal::try_from(v).unwrap_or_default();
    format!("{}\u{a0}{unit}", format_number(d, u32::from(bytes >= 1e3), l))
}

/// What is wrong with a value.
#[must_use]
pub fn problem(p: &Problem, l: Locale) -> String {
    match p {
        Problem::NotANumber => pick(l, "Nombre attendu", "A number was expected").into(),
        Problem::NumberTooLarge => pick(l, "Nombre trop grand pour un calcul exact", "Number too large to compute exactly").into(),
        Problem::NotADate => pick(l, "Date attendue (2024-03-05, 05/03/2024…)", "A date was expected (2024-03-05, 03/05/2024…)").into(),
        Problem::NotAScore => pick(l, "Note entière attendue, sur l’échelle de l’enquête", "A whole score on the survey’s scale was expected").into(),
        Problem::NotYesNo => pick(l, "Oui ou non attendu", "Yes or no was expected").into(),
        Problem::NotAnInterval => pick(l, "Périodicité attendue (mois, année, semaine, jour)", "A billing interval was expected (month, year, week, day)").into(),
        Problem::Missing => pick(l, "Valeur obligatoire manquante", "A required value is missing").into(),
        Problem::Ragged { expected, found } => match l {
            Locale::Fr => format!("{found} champs au lieu de {expected}"),
            Locale::En => format!("{found} fields instead of {expected}"),
        },
        Problem::EndsBeforeStart => pick(l, "La fin est avant le début", "Ends before it starts").into(),
    }
}

/// Where a bad value is, as a person finds it: `Ligne 5, colonne 3 (Montant)`.
#[must_use]
pub fn position(e: &RowError, l: Locale) -> String {
    let mut s = format!("{} {}", pick(l, "Ligne", "Line"), e.line);
    if let Some(c) = e.column {
        s.push_str(&format!(", {} {c}", pick(l, "colonne", "column")));
        if let Some(n) = &e.column_name {
            s.push_str(&format!(" ({n})"));
        }
    }
    s
}

/// A bad row in one sentence: position, raw text and problem.
#[must_use]
pub fn row_error(e: &RowError, l: Locale) -> String {
    match l {
        Locale::Fr => format!("{} : « {} » — {}.", position(e, l), e.raw, problem(&e.problem, l)),
        Locale::En => format!("{}: “{}” — {}.", position(e, l), e.raw, problem(&e.problem, l)),
    }
}

/// Why a file cannot be imported, in words.
#[must_use]
pub fn ingest_error(e: &IngestError, l: Locale) -> String {
    let fr = l == Locale::Fr;
    match e {
        IngestError::Empty => pick(l, "Le fichier est vide.", "The file is empty.").into(),
        IngestError::HeaderOnly => pick(l, "Le fichier n’a que des en-têtes, aucune ligne de données.", "The file has headers but no data rows.").into(),
        IngestError::Binary => pick(
            l,
            "Ce n’est pas un fichier texte (CSV). Un classeur Excel s’enregistre en CSV par « Enregistrer sous ».",
            "This is not a text (CSV) file. Save an Excel workbook as CSV with “Save as”.",
        )
        .into(),
        IngestError::UnterminatedQuote { line } => {
            if fr { format!("Un guillemet ouvert ligne {line} n’est jamais fermé.") } else { format!("A quote opened on line {line} is never closed.") }
        }
        IngestError::DuplicateHeader { name, first, second } => {
            if fr {
                format!("Les colonnes {first} et {second} ont le même en-tête « {name} » : renommez l’une d’elles.")
            } else {
                format!("Columns {first} and {second} have the same header “{name}”: rename one of them.")
            }
        }
        IngestError::MissingColumn { role: r } => {
            let name = ROLES.iter().find(|x| x.name() == r).map_or(r.as_str(), |x| role(*x, l));
            if fr {
                format!("Aucune colonne n’a le rôle « {name} », nécessaire à ce type de données : choisissez-la dans l’aperçu.")
            } else {
                format!("No column has the role “{name}”, which this kind of data needs: choose it in the preview.")
            }
        }
        IngestError::UnknownDataset => pick(
            l,
            "Colonnes non reconnues : choisissez le type de données et le rôle de chaque colonne.",
            "Columns not recognised: choose the kind of data and each column’s role.",
        )
        .into(),
        IngestError::BadRow(e) => row_error(e, l),
        IngestError::Overflow => pick(l, "Une somme dépasse ce qui peut être calculé exactement.", "A sum exceeds what can be computed exactly.").into(),
        IngestError::Finished => pick(l, "Cet import est déjà terminé.", "This import is already finished.").into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bad_rows_name_line_column_and_text() {
        let e = RowError { line: 5, column: Some(3), column_name: Some("Montant".into()), raw: "12,x".into(), problem: Problem::NotANumber };
        assert_eq!(row_error(&e, Locale::Fr), "Ligne 5, colonne 3 (Montant) : « 12,x » — Nombre attendu.");
        assert_eq!(row_error(&e, Locale::En), "Line 5, column 3 (Montant): “12,x” — A number was expected.");
        let m = IngestError::MissingColumn { role: "customer".into() };
        assert!(ingest_error(&m, Locale::Fr).contains("« Client »"));
    }

    #[test]
    fn every_kind_reads_roles_the_selects_offer() {
        for k in KINDS {
            assert!(roles_for(k).iter().all(|r| ROLES.contains(r)));
        }
    }
}
