//! Which language a comment is in, French or English, guessed from the share
//! of its words that are stop words of each language, and always overridable
//! by the caller (a survey known to be French is analysed as French).

use super::stopwords;
use super::token::{Token, TokenKind};
use serde::{Deserialize, Serialize};

/// A language Cadran analyses text in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Language {
    /// French: French stop words, Snowball French stemmer, French lexicon.
    French,
    /// English: English stop words, Snowball English (Porter 2) stemmer,
    /// the VADER lexicon subset.
    English,
}

/// The result of [`guess_language`]: the language chosen and the evidence.
///
/// The ratios are floating point (`f64`): they are descriptive shares, not
/// exact metrics.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct LanguageGuess {
    /// The language the comment is analysed in.
    pub language: Language,
    /// Share of word tokens that are French stop words, in [0, 1].
    pub french_ratio: f64,
    /// Share of word tokens that are English stop words, in [0, 1].
    pub english_ratio: f64,
    /// `false` when neither list matched more than the other (no stop word at
    /// all, or a tie), so `language` is the caller's fallback.
    pub confident: bool,
}

/// Guesses the language of one comment from its tokens.
///
/// **Definition.** Let `w` be the number of word tokens; the French ratio is
/// (French stop words) ÷ `w`, the English ratio likewise; the higher ratio
/// wins, a tie (including no words) gives `fallback` with `confident =
/// false`. This is the stop-word method of Grefenstette (1995), "Comparing
/// two language identification schemes", *JADT 1995*: short function words
/// are the most reliable cue on short texts, which survey comments are.
///
/// # Example
/// ```
/// use cadran_core::metrics::voice::{lang::{guess_language, Language}, token::tokenise};
/// let text = "Le support est très lent et la facture est fausse";
/// let g = guess_language(&tokenise(text), Language::English);
/// assert_eq!(g.language, Language::French);
/// assert!(g.confident);
/// let g = guess_language(&tokenise("👍"), Language::English);
/// assert_eq!((g.language, g.confident), (Language::English, false));
/// ```
#[must_use]
pub fn guess_language(tokens: &[Token], fallback: Language) -> LanguageGuess {
    let mut words = 0u64;
    let mut fr = 0u64;
    let mut en = 0u64;
    for t in tokens
        .iter()
        .filter(|t| matches!(t.kind, TokenKind::Word | TokenKind::Clitic))
    {
        words += 1;
        fr += u64::from(stopwords::is_stop_word(&t.folded, Language::French));
        en += u64::from(stopwords::is_stop_word(&t.folded, Language::English));
    }
    // Counts far below 2⁵³: the conversion is exact.
    #[allow(clippy::cast_precision_loss)]
    let ratio = |n: u64| {
        if words == 0 {
            0.0
        } else {
            n as f64 / words as f64
        }
    };
    let (language, confident) = match fr.cmp(&en) {
        std::cmp::Ordering::Greater => (Language::French, true),
        std::cmp::Ordering::Less => (Language::English, true),
        std::cmp::Ordering::Equal => (fallback, false),
    };
    LanguageGuess {
        language,
        french_ratio: ratio(fr),
        english_ratio: ratio(en),
        confident,
    }
}

#[cfg(test)]
mod tests {
    use super::{guess_language, Language};
    use crate::metrics::voice::token::tokenise;

    #[test]
    fn guesses_short_comments() {
        for (text, want) in [
            (
                "Je n'arrive pas à me connecter depuis la mise à jour",
                Language::French,
            ),
            (
                "L'appli est super, mais le support ne répond jamais",
                Language::French,
            ),
            (
                "The app keeps crashing and support is slow",
                Language::English,
            ),
            ("I can't log in since the update", Language::English),
        ] {
            let g = guess_language(&tokenise(text), Language::French);
            assert_eq!(g.language, want, "{text:?}: {g:?}");
            assert!(g.confident, "{text:?}");
        }
    }
}
