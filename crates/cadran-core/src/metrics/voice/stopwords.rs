//! Stop words: the grammatical words that carry no theme (« le », « de »,
//! "the", "of"). They are skipped by keyphrase discovery and counted by the
//! language guess, whose evidence they are.
//!
//! The lists are short on purpose (about 130 words each) and in folded form
//! (see [`super::fold`]). They are drawn from the Snowball project's French
//! and English stop-word lists (snowballstem.org, `algorithms/french/stop.txt`
//! and `english/stop.txt`, BSD licence), restricted to words frequent in
//! survey comments. Negation words (« pas », "not") are stop words for themes
//! but still cues for [`super::negation`].

use super::lang::Language;

/// French stop words, folded, sorted (checked by a test) for binary search.
pub const FRENCH: &[&str] = &[
    "a", "ai", "aie", "aient", "ait", "alors", "as", "au", "aucun", "aussi", "autre", "aux",
    "avais", "avait", "avec", "avez", "avoir", "avons", "c'", "ca", "car", "ce", "ceci", "cela",
    "celle", "ces", "cet", "cette", "chez", "d'", "dans", "de", "des", "deux", "donc", "du",
    "elle", "elles", "en", "encore", "est", "et", "etaient", "etais", "etait", "ete", "etre", "eu",
    "fait", "faut", "ici", "il", "ils", "j'", "je", "jusqu'", "l'", "la", "le", "les", "leur",
    "leurs", "lorsqu'", "lui", "m'", "ma", "mais", "me", "meme", "mes", "moi", "mon", "n'", "ne",
    "ni", "nos", "notre", "nous", "on", "ont", "ou", "par", "pas", "peu", "plus", "pour",
    "puisqu'", "qu'", "quand", "que", "quel", "quelle", "qui", "rien", "s'", "sa", "sans", "se",
    "ses", "si", "son", "sont", "sur", "t'", "ta", "te", "tes", "toi", "ton", "tous", "tout",
    "tres", "trop", "tu", "un", "une", "vos", "votre", "vous", "y",
];

/// English stop words, folded, sorted (checked by a test) for binary search.
pub const ENGLISH: &[&str] = &[
    "a", "about", "after", "all", "also", "am", "an", "and", "any", "are", "as", "at", "be",
    "because", "been", "before", "being", "but", "by", "can", "could", "did", "do", "does",
    "doing", "don't", "for", "from", "get", "got", "had", "has", "have", "he", "her", "here",
    "him", "his", "how", "i", "i'm", "if", "in", "into", "is", "isn't", "it", "it's", "its",
    "just", "me", "more", "most", "my", "no", "nor", "not", "now", "of", "on", "once", "only",
    "or", "other", "our", "out", "over", "same", "she", "should", "so", "some", "such", "than",
    "that", "the", "their", "them", "then", "there", "these", "they", "this", "those", "through",
    "to", "too", "under", "until", "up", "us", "very", "was", "wasn't", "we", "were", "what",
    "when", "where", "which", "while", "who", "why", "will", "with", "would", "you", "your",
];

/// Whether the folded word `folded` is a stop word of `language`.
///
/// **Definition.** Membership in the short lists [`FRENCH`] and [`ENGLISH`]
/// (drawn from the Snowball stop-word lists, snowballstem.org). The word
/// must already be folded (lower case, no accents).
///
/// # Example
/// ```
/// use cadran_core::metrics::voice::{lang::Language, stopwords::is_stop_word};
/// assert!(is_stop_word("tres", Language::French));
/// assert!(!is_stop_word("facture", Language::French));
/// assert!(is_stop_word("the", Language::English));
/// ```
#[must_use]
pub fn is_stop_word(folded: &str, language: Language) -> bool {
    list(language).binary_search(&folded).is_ok()
}

/// The stop-word list of `language` (folded, sorted).
///
/// # Example
/// ```
/// use cadran_core::metrics::voice::{lang::Language, stopwords::list};
/// assert!(list(Language::French).contains(&"le"));
/// ```
#[must_use]
pub fn list(language: Language) -> &'static [&'static str] {
    match language {
        Language::French => FRENCH,
        Language::English => ENGLISH,
    }
}

#[cfg(test)]
mod tests {
    use super::{ENGLISH, FRENCH};
    use crate::metrics::voice::fold::fold;

    #[test]
    fn lists_are_sorted_unique_and_folded() {
        for (name, list) in [("FRENCH", FRENCH), ("ENGLISH", ENGLISH)] {
            for pair in list.windows(2) {
                assert!(
                    pair[0] < pair[1],
                    "{name}: {:?} before {:?}",
                    pair[0],
                    pair[1]
                );
            }
            for w in list {
                assert_eq!(&fold(w), w, "{name}: {w:?} is not folded");
            }
        }
    }
}
