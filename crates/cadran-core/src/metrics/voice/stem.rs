//! Stems: the Snowball stemmers for French and English, so that
//! « facturation », « factures » and « facturé » are counted as one theme word.

use super::fold::fold;
use super::lang::Language;
use super::token::{Token, TokenKind};
use rust_stemmers::{Algorithm, Stemmer};
use std::collections::HashMap;

/// The stem of one word, folded.
///
/// **Definition.** The word is lower-cased (accents kept: the French
/// algorithm's suffix rules read « é », « è »), stemmed by the Snowball
/// algorithm of `language` (Porter, M. F. (2001), "Snowball: A language for
/// stemming algorithms", snowballstem.org; English is the "Porter 2"
/// algorithm), then folded ([`fold`]). Via the `rust-stemmers` crate.
///
/// # Example
/// ```
/// use cadran_core::metrics::voice::{lang::Language, stem::stem};
/// assert_eq!(stem("facturation", Language::French), stem("Factures", Language::French));
/// assert_eq!(stem("connecting", Language::English), "connect");
/// ```
#[must_use]
pub fn stem(word: &str, language: Language) -> String {
    fold(&stemmer(language).stem(&word.to_lowercase()))
}

/// The stem of every token of `text` (the comment `tokens` came from), in
/// token order. Words are stemmed as in [`stem`]; clitics, numbers, emoji and
/// emoticons are their own stem (their folded form).
///
/// # Example
/// ```
/// use cadran_core::metrics::voice::{lang::Language, stem::stems, token::tokenise};
/// let text = "Les factures 👍";
/// assert_eq!(stems(text, &tokenise(text), Language::French), ["le", "factur", "👍"]);
/// ```
#[must_use]
pub fn stems(text: &str, tokens: &[Token], language: Language) -> Vec<String> {
    let s = stemmer(language);
    tokens
        .iter()
        .map(|t| match t.kind {
            TokenKind::Word => fold(&s.stem(&t.text(text).to_lowercase())),
            _ => t.folded.clone(),
        })
        .collect()
}

/// Stems remembered across comments: survey vocabularies are small and
/// repetitive (Zipf's law), so most words are stemmed once per batch instead
/// of once per occurrence. Results are those of [`stem`].
#[derive(Default)]
pub struct StemCache {
    french: HashMap<String, String>,
    english: HashMap<String, String>,
}

impl StemCache {
    /// An empty cache.
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }

    /// As [`stems`], through the cache.
    ///
    /// # Example
    /// ```
    /// use cadran_core::metrics::voice::{lang::Language, stem::{stems, StemCache}, token::tokenise};
    /// let mut cache = StemCache::new();
    /// let text = "Factures et facturation";
    /// let t = tokenise(text);
    /// assert_eq!(cache.stems(text, &t, Language::French), stems(text, &t, Language::French));
    /// ```
    pub fn stems(&mut self, text: &str, tokens: &[Token], language: Language) -> Vec<String> {
        let s = stemmer(language);
        let map = match language {
            Language::French => &mut self.french,
            Language::English => &mut self.english,
        };
        tokens
            .iter()
            .map(|t| match t.kind {
                TokenKind::Word => {
                    let word = t.text(text);
                    if let Some(hit) = map.get(word) {
                        return hit.clone();
                    }
                    let st = fold(&s.stem(&word.to_lowercase()));
                    map.insert(word.to_owned(), st.clone());
                    st
                }
                _ => t.folded.clone(),
            })
            .collect()
    }
}

fn stemmer(language: Language) -> Stemmer {
    Stemmer::create(match language {
        Language::French => Algorithm::French,
        Language::English => Algorithm::English,
    })
}

#[cfg(test)]
mod tests {
    use super::stem;
    use crate::metrics::voice::lang::Language::{English, French};

    #[test]
    fn merges_inflections() {
        for (a, b, lang) in [
            ("facturation", "factures", French),
            ("facture", "facturé", French),
            ("lenteur", "lenteurs", French),
            ("rapide", "rapides", French),
            ("billing", "billed", English),
            ("crashes", "crashing", English),
            ("PRICES", "price", English),
        ] {
            assert_eq!(stem(a, lang), stem(b, lang), "{a:?} / {b:?} ({lang:?})");
        }
    }
}
