//! The import page's fixed texts, French and English side by side.

use cadran_core::locale::Locale;

/// The page's texts.
pub struct Texts {
    pub(super) intro: &'static str,
    pub(super) ways_in: &'static str,
    pub(super) paste_label: &'static str,
    pub(super) paste_help: &'static str,
    pub(super) read_paste: &'static str,
    pub(super) pick: &'static str,
    pub(super) pick_help: &'static str,
    pub(super) drop_overlay: &'static str,
    pub(super) pasted: &'static str,
    pub(super) reading: &'static str,
    pub(super) how_read: &'static str,
    pub(super) encoding: &'static str,
    pub(super) delimiter: &'static str,
    pub(super) header: &'static str,
    pub(super) kind: &'static str,
    pub(super) decimal: &'static str,
    pub(super) decimal_point: &'static str,
    pub(super) decimal_comma: &'static str,
    pub(super) date_order: &'static str,
    pub(super) day_first: &'static str,
    pub(super) month_first: &'static str,
    pub(super) date_ambiguous: &'static str,
    pub(super) columns: &'static str,
    pub(super) columns_help: &'static str,
    pub(super) ignored: &'static str,
    pub(super) line: &'static str,
    pub(super) column: &'static str,
    pub(super) raw: &'static str,
    pub(super) problem: &'static str,
    pub(super) on_bad: &'static str,
    pub(super) skip: &'static str,
    pub(super) stop: &'static str,
    pub(super) import: &'static str,
    pub(super) progress: &'static str,
    pub(super) cancel: &'static str,
    pub(super) cancelled: &'static str,
    pub(super) kept: &'static str,
    pub(super) skip_and_import: &'static str,
    pub(super) worker_failed: &'static str,
    pub(super) unknown_hint: &'static str,
    pub(super) bad_rows_title: &'static str,
}

const FR: Texts = Texts {
    intro: "Collez un export CSV, déposez un fichier n’importe où sur la page ou choisissez-le. Tout est lu dans votre navigateur : rien n’est envoyé.",
    ways_in: "Vos données",
    paste_label: "Texte CSV collé",
    paste_help: "Copiez les lignes d’un tableur ou d’un export, en-têtes compris.",
    read_paste: "Lire ce texte",
    pick: "Choisir un fichier CSV",
    pick_help: "ou déposez-le n’importe où sur la page (CSV, TSV ou texte, jusqu’à plusieurs centaines de Mo).",
    drop_overlay: "Déposez le fichier pour le lire",
    pasted: "Texte collé",
    reading: "Lecture du début du fichier…",
    how_read: "Comment le fichier est lu",
    encoding: "Encodage",
    delimiter: "Séparateur",
    header: "La première ligne contient les en-têtes",
    kind: "Type de données",
    decimal: "Séparateur décimal",
    decimal_point: "Point (1234.56)",
    decimal_comma: "Virgule (1234,56)",
    date_order: "Ordre des dates",
    day_first: "Jour puis mois (05/03/2024 = 5 mars)",
    month_first: "Mois puis jour (05/03/2024 = 3 mai)",
    date_ambiguous: "Ces dates peuvent se lire des deux façons : laquelle est la bonne ?",
    columns: "Colonnes et aperçu",
    columns_help: "Le rôle de chaque colonne, puis les premières lignes : sous chaque valeur, la façon dont elle sera lue.",
    ignored: "Ignorée",
    line: "Ligne",
    column: "Colonne",
    raw: "Texte lu",
    problem: "Problème",
    on_bad: "Lignes illisibles",
    skip: "Les ignorer (elles sont comptées et détaillées)",
    stop: "M’arrêter à la première pour corriger le fichier",
    import: "Importer",
    progress: "Progression de l’import",
    cancel: "Annuler",
    cancelled: "Import annulé.",
    kept: "Vos données et vos résultats précédents sont conservés.",
    skip_and_import: "Ignorer les lignes illisibles et importer",
    worker_failed: "L’import n’a pas pu démarrer dans ce navigateur (fichier de l’application manquant ou bloqué). Rechargez la page et réessayez.",
    unknown_hint: "Colonnes non reconnues : choisissez le type de données et le rôle de chaque colonne ci-dessous.",
    bad_rows_title: "Lignes illisibles ignorées",
};

const EN: Texts = Texts {
    intro: "Paste a CSV export, drop a file anywhere on this page or pick one. Everything is read in your browser: nothing is uploaded.",
    ways_in: "Your data",
    paste_label: "Pasted CSV text",
    paste_help: "Copy the rows from a spreadsheet or an export, headers included.",
    read_paste: "Read this text",
    pick: "Choose a CSV file",
    pick_help: "or drop it anywhere on the page (CSV, TSV or text, up to several hundred MB).",
    drop_overlay: "Drop the file to read it",
    pasted: "Pasted text",
    reading: "Reading the start of the file…",
    how_read: "How the file is read",
    encoding: "Encoding",
    delimiter: "Delimiter",
    header: "The first row holds the headers",
    kind: "Kind of data",
    decimal: "Decimal separator",
    decimal_point: "Point (1234.56)",
    decimal_comma: "Comma (1234,56)",
    date_order: "Date order",
    day_first: "Day then month (05/03/2024 = 5 March)",
    month_first: "Month then day (05/03/2024 = May 3)",
    date_ambiguous: "These dates can be read both ways: which one is right?",
    columns: "Columns and preview",
    columns_help: "Each column’s role, then the first rows: under each value, how it will be read.",
    ignored: "Ignored",
    line: "Line",
    column: "Column",
    raw: "Text read",
    problem: "Problem",
    on_bad: "Unreadable rows",
    skip: "Skip them (they are counted and listed)",
    stop: "Stop at the first one so I can fix the file",
    import: "Import",
    progress: "Import progress",
    cancel: "Cancel",
    cancelled: "Import cancelled.",
    kept: "Your data and previous results are kept.",
    skip_and_import: "Skip unreadable rows and import",
    worker_failed: "The import could not start in this browser (an application file is missing or blocked). Reload the page and try again.",
    unknown_hint: "Columns not recognised: choose the kind of data and each column’s role below.",
    bad_rows_title: "Unreadable rows skipped",
};

/// The page's texts in `l`.
#[must_use]
pub fn texts(l: Locale) -> &'static Texts {
    match l {
        Locale::Fr => &FR,
        Locale::En => &EN,
    }
}

/// The page's title in `l` (its heading, the navigation, the tab's title).
///
/// Kept out of [`Texts`]: the shell names every page, and a title read
/// from `Texts` would bring that page's whole texts into the shell's first
/// download instead of the page's own chunk or module.
#[must_use]
pub fn title(l: Locale) -> &'static str {
    match l {
        Locale::Fr => "Importer des données",
        Locale::En => "Import data",
    }
}
