//! The ingestion's types in words: roles, dataset kinds, encodings,
//! delimiters and every problem a file can have, named by line and column.
//! Nothing the user sees is a Rust debug string.

use crate::i18n::tr;
use cadran_core::ingest::decode::Encoding;
use cadran_core::ingest::mapping::{DatasetKind, Role};
use cadran_core::ingest::{IngestError, Problem, RowError};
use cadran_core::locale::{format_number, Locale};
use cadran_core::Decimal;

/// Every role, in the order the column selects list them.
pub const ROLES: [Role; 23] = [
    Role::Customer, Role::Start, Role::CanceledAt, Role::EndedAt, Role::Mrr, Role::Amount, Role::Interval,
    Role::IntervalCount, Role::Quantity, Role::Plan, Role::Status, Role::Segment, Role::Date, Role::Score,
    Role::Comment, Role::Ticket, Role::Fcr, Role::Channel, Role::Variant, Role::Converted, Role::Visitors,
    Role::Conversions, Role::Revenue,
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
        DatasetKind::Experiment => &[Variant, Converted, Visitors, Conversions, Revenue, Customer, Date],
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
        Role::Customer => tr("Client", "Customer").get(l),
        Role::Start => tr("Début", "Start").get(l),
        Role::CanceledAt => tr("Date de résiliation", "Cancellation date").get(l),
        Role::EndedAt => tr("Date de fin", "End date").get(l),
        Role::Mrr => tr("MRR (revenu mensuel)", "MRR (monthly revenue)").get(l),
        Role::Amount => tr("Montant", "Amount").get(l),
        Role::Interval => tr("Périodicité", "Billing interval").get(l),
        Role::IntervalCount => tr("Nombre de périodes", "Intervals per period").get(l),
        Role::Quantity => tr("Quantité", "Quantity").get(l),
        Role::Plan => tr("Offre", "Plan").get(l),
        Role::Status => tr("Statut", "Status").get(l),
        Role::Segment => tr("Segment", "Segment").get(l),
        Role::Date => tr("Date", "Date").get(l),
        Role::Score => tr("Note", "Score").get(l),
        Role::Comment => tr("Commentaire", "Comment").get(l),
        Role::Ticket => tr("Ticket", "Ticket").get(l),
        Role::Fcr => tr("Résolu au premier contact", "Resolved at first contact").get(l),
        Role::Channel => tr("Canal", "Channel").get(l),
        Role::Variant => tr("Version testée (A, B…)", "Version tested (A, B…)").get(l),
        Role::Converted => tr("A converti (oui/non)", "Converted (yes/no)").get(l),
        Role::Visitors => tr("Visiteurs", "Visitors").get(l),
        Role::Conversions => tr("Conversions", "Conversions").get(l),
        Role::Revenue => tr("Revenu", "Revenue").get(l),
    }
}

/// Every dataset kind.
pub const KINDS: [DatasetKind; 5] =
    [DatasetKind::Survey, DatasetKind::Subscriptions, DatasetKind::Transactions, DatasetKind::Support, DatasetKind::Experiment];

/// A dataset kind's name.
#[must_use]
pub fn kind(k: DatasetKind, l: Locale) -> &'static str {
    match k {
        DatasetKind::Survey => tr("Réponses à une enquête (NPS, CSAT, CES)", "Survey answers (NPS, CSAT, CES)").get(l),
        DatasetKind::Subscriptions => tr("Abonnements (MRR, attrition, cohortes)", "Subscriptions (MRR, churn, cohorts)").get(l),
        DatasetKind::Transactions => tr("Commandes ou paiements (CLV)", "Orders or payments (CLV)").get(l),
        DatasetKind::Support => tr("Contacts support (FCR)", "Support contacts (FCR)").get(l),
        DatasetKind::Experiment => tr("Test A/B (versions, conversions)", "A/B test (versions, conversions)").get(l),
    }
}

/// An encoding's name.
#[must_use]
pub fn encoding(e: Encoding, l: Locale) -> &'static str {
    match e {
        Encoding::Utf8 => "UTF-8",
        Encoding::Windows1252 => tr("Windows-1252 (Excel, Latin-1)", "Windows-1252 (Excel, Latin-1)").get(l),
    }
}

/// The delimiters offered, as bytes.
pub const DELIMITERS: [u8; 4] = [b';', b',', b'\t', b'|'];

/// A delimiter's name.
#[must_use]
pub fn delimiter(d: u8, l: Locale) -> &'static str {
    match d {
        b';' => tr("Point-virgule ( ; )", "Semicolon ( ; )").get(l),
        b',' => tr("Virgule ( , )", "Comma ( , )").get(l),
        b'\t' => tr("Tabulation", "Tab").get(l),
        b'|' => tr("Barre verticale ( | )", "Vertical bar ( | )").get(l),
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
        (bytes / 1e6, tr("Mo", "MB").get(l))
    } else if bytes >= 1e3 {
        (bytes / 1e3, tr("ko", "KB").get(l))
    } else {
        (bytes, tr("octets", "bytes").get(l))
    };
    let d = Decimal::try_from(v).unwrap_or_default();
    format!("{}\u{a0}{unit}", format_number(d, u32::from(bytes >= 1e3), l))
}

/// What is wrong with a value.
#[must_use]
pub fn problem(p: &Problem, l: Locale) -> String {
    match p {
        Problem::NotANumber => tr("Nombre attendu", "A number was expected").get(l).into(),
        Problem::NumberTooLarge => tr("Nombre trop grand pour un calcul exact", "Number too large to compute exactly").get(l).into(),
        Problem::NotADate => tr("Date attendue (2024-03-05, 05/03/2024…)", "A date was expected (2024-03-05, 03/05/2024…)").get(l).into(),
        Problem::NotAScore => tr("Note entière attendue, sur l’échelle de l’enquête", "A whole score on the survey’s scale was expected").get(l).into(),
        Problem::NotYesNo => tr("Oui ou non attendu", "Yes or no was expected").get(l).into(),
        Problem::NotAnInterval => tr("Périodicité attendue (mois, année, semaine, jour)", "A billing interval was expected (month, year, week, day)").get(l).into(),
        Problem::NotACount => tr("Nombre entier positif attendu", "A whole number of zero or more was expected").get(l).into(),
        Problem::ConversionsExceedVisitors => tr("Plus de conversions que de visiteurs", "More conversions than visitors").get(l).into(),
        Problem::Missing => tr("Valeur obligatoire manquante", "A required value is missing").get(l).into(),
        Problem::Ragged { expected, found } => {
            tr("{} champs au lieu de {}", "{} fields instead of {}").fill(l, &[&found.to_string(), &expected.to_string()])
        }
        Problem::EndsBeforeStart => tr("La fin est avant le début", "Ends before it starts").get(l).into(),
        Problem::NulByte => tr(
            "Caractère nul (␀) : des données binaires au milieu du texte",
            "Null character (␀): binary data in the middle of the text",
        )
        .get(l)
        .into(),
    }
}

/// Where a bad value is, as a person finds it: `Ligne 5, colonne 3 (Montant)`.
#[must_use]
pub fn position(e: &RowError, l: Locale) -> String {
    let mut s = format!("{} {}", tr("Ligne", "Line").get(l), e.line);
    if let Some(c) = e.column {
        s.push_str(&format!(", {} {c}", tr("colonne", "column").get(l)));
        if let Some(n) = &e.column_name {
            s.push_str(&format!(" ({n})"));
        }
    }
    s
}

/// A bad row in one sentence: position, raw text and problem.
#[must_use]
pub fn row_error(e: &RowError, l: Locale) -> String {
    tr("{} : « {} » — {}.", "{}: “{}” — {}.").fill(l, &[&position(e, l), &e.raw, &problem(&e.problem, l)])
}

/// Why a file cannot be imported, in words.
#[must_use]
pub fn ingest_error(e: &IngestError, l: Locale) -> String {
    match e {
        IngestError::Empty => tr("Le fichier est vide.", "The file is empty.").get(l).into(),
        IngestError::HeaderOnly => tr("Le fichier n’a que des en-têtes, aucune ligne de données.", "The file has headers but no data rows.").get(l).into(),
        IngestError::Binary => tr("Ce n’est pas un fichier texte (CSV). Un classeur Excel s’enregistre en CSV par « Enregistrer sous ».", "This is not a text (CSV) file. Save an Excel workbook as CSV with “Save as”.").get(l)
        .into(),
        IngestError::UnterminatedQuote { line } => {
            tr("Un guillemet ouvert ligne {} n’est jamais fermé.", "A quote opened on line {} is never closed.").fill(l, &[&line.to_string()])
        }
        IngestError::DuplicateHeader { name, first, second } => {
            tr(
                "Les colonnes {} et {} ont le même en-tête « {} » : renommez l’une d’elles.",
                "Columns {} and {} have the same header “{}”: rename one of them.",
            )
            .fill(l, &[&first.to_string(), &second.to_string(), name])
        }
        IngestError::MissingColumn { role: r } => {
            let name = ROLES.iter().find(|x| x.name() == r).map_or(r.as_str(), |x| role(*x, l));
            tr(
                "Aucune colonne n’a le rôle « {} », nécessaire à ce type de données : choisissez-la dans l’aperçu.",
                "No column has the role “{}”, which this kind of data needs: choose it in the preview.",
            )
            .fill(l, &[name])
        }
        IngestError::UnknownDataset => tr("Colonnes non reconnues : choisissez le type de données et le rôle de chaque colonne.", "Columns not recognised: choose the kind of data and each column’s role.").get(l)
        .into(),
        IngestError::BadRow(e) => row_error(e, l),
        IngestError::Overflow => tr("Une somme dépasse ce qui peut être calculé exactement.", "A sum exceeds what can be computed exactly.").get(l).into(),
        IngestError::Finished => tr("Cet import est déjà terminé.", "This import is already finished.").get(l).into(),
        IngestError::HeadTooLong { limit } => tr(
            "Les {} premiers octets ne contiennent pas d’en-tête suivi d’une ligne de données : une ligne aussi longue n’est pas un tableau. Vérifiez que le fichier est bien un CSV (une ligne par enregistrement).",
            "The first {} bytes hold no header followed by a data row: a line that long is not a table. Check that the file is a CSV (one line per record).",
        )
        .fill(l, &[&size(*limit as f64, l)]),
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
