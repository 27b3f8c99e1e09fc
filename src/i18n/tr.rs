//! The one way Cadran writes a text in two languages: a [`Tr`] holds the
//! French and the English side by side, so a page's texts table is one
//! table (not two that must be kept in step) and a missing translation is a
//! compile error, not a fallback.

use cadran_core::locale::Locale;

/// A text in French and English.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tr {
    /// The French text.
    pub fr: &'static str,
    /// The English text.
    pub en: &'static str,
}

/// A text in French and English (`const`, for texts tables).
///
/// # Example
/// ```
/// use cadran::i18n::{tr, Locale};
/// const RESULTS: cadran::i18n::Tr = tr("Résultats", "Results");
/// assert_eq!(RESULTS.get(Locale::En), "Results");
/// ```
#[must_use]
pub const fn tr(fr: &'static str, en: &'static str) -> Tr {
    Tr { fr, en }
}

impl Tr {
    /// No text (a field with no help), in both languages.
    pub const NONE: Tr = tr("", "");

    /// The text in `l`.
    #[must_use]
    pub const fn get(self, l: Locale) -> &'static str {
        match l {
            Locale::Fr => self.fr,
            Locale::En => self.en,
        }
    }

    /// Whether both sides are empty.
    #[must_use]
    pub const fn is_none(self) -> bool {
        self.fr.is_empty() && self.en.is_empty()
    }

    /// The text in `l` with each `{}` replaced by the next of `args`, in
    /// order (word order may differ between the languages only as far as
    /// the arguments keep their order).
    ///
    /// # Example
    /// ```
    /// use cadran::i18n::{tr, Locale};
    /// let t = tr("Corrigez « {} ».", "Correct “{}”.");
    /// assert_eq!(t.fill(Locale::Fr, &["Passifs"]), "Corrigez « Passifs ».");
    /// ```
    #[must_use]
    pub fn fill(self, l: Locale, args: &[&str]) -> String {
        let mut out = String::new();
        let mut args = args.iter();
        let mut parts = self.get(l).split("{}");
        if let Some(first) = parts.next() {
            out.push_str(first);
        }
        for part in parts {
            out.push_str(args.next().copied().unwrap_or(""));
            out.push_str(part);
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fills_in_order_and_tolerates_missing_arguments() {
        let t = tr("{} sur {}", "{} of {}");
        assert_eq!(t.fill(Locale::Fr, &["1", "2"]), "1 sur 2");
        assert_eq!(t.fill(Locale::En, &["1"]), "1 of ");
        assert_eq!(tr("aucun", "none").fill(Locale::En, &["x"]), "none");
    }
}
