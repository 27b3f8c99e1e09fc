//! One comment read once: its language, tokens, stems and negation scope,
//! the common input of theme matching and keyphrase discovery.

use super::lang::{guess_language, Language, LanguageGuess};
use super::negation::negation_scope;
use super::stem::StemCache;
use super::token::{tokenise, Token};

/// A comment after [`analyse`]. The text itself is not copied: spans index
/// into the caller's string.
#[derive(Debug, Clone, PartialEq)]
pub struct AnalysedComment {
    /// The language guess (or the override, with `confident = true`).
    pub language: LanguageGuess,
    /// Its tokens ([`tokenise`]).
    pub tokens: Vec<Token>,
    /// The stem of each token, in the comment's language
    /// ([`super::stem::stems`]).
    pub stems: Vec<String>,
    /// How many negation cues cover each token ([`negation_scope`]).
    pub negation: Vec<u8>,
}

impl AnalysedComment {
    /// The language the comment is analysed in.
    ///
    /// # Example
    /// ```
    /// use cadran_core::metrics::voice::{analyse::analyse, lang::Language};
    /// assert_eq!(analyse("the bill", None, Language::French).lang(), Language::English);
    /// ```
    #[must_use]
    pub fn lang(&self) -> Language {
        self.language.language
    }
}

/// Tokenises `text`, picks its language (`language` if given — the user's
/// override — else [`guess_language`] with `fallback`), stems it and marks
/// negation scopes. See each step for its definition and source.
///
/// # Example
/// ```
/// use cadran_core::metrics::voice::{analyse::analyse, lang::Language};
/// let a = analyse("Les factures ne sont pas claires", None, Language::English);
/// assert_eq!(a.lang(), Language::French);
/// assert_eq!(a.stems[1], "factur");
/// assert_eq!(a.negation, [0, 0, 0, 1, 0, 1]);
/// let forced = analyse("Les factures", Some(Language::English), Language::French);
/// assert_eq!(forced.lang(), Language::English);
/// ```
#[must_use]
pub fn analyse(text: &str, language: Option<Language>, fallback: Language) -> AnalysedComment {
    analyse_cached(text, language, fallback, &mut StemCache::new())
}

/// [`analyse`] for many comments, sharing one [`StemCache`] (the same
/// results, faster on a survey). `languages[i]` overrides comment i's
/// language when given (a shorter slice overrides only the first comments).
///
/// # Example
/// ```
/// use cadran_core::metrics::voice::{analyse::{analyse, analyse_all}, lang::Language};
/// let texts = ["Les factures sont fausses", "The invoices are wrong"];
/// let all = analyse_all(&texts, &[], Language::French);
/// assert_eq!(all[1], analyse(texts[1], None, Language::French));
/// assert_eq!(all[1].lang(), Language::English);
/// ```
#[must_use]
pub fn analyse_all(
    texts: &[&str],
    languages: &[Option<Language>],
    fallback: Language,
) -> Vec<AnalysedComment> {
    let mut cache = StemCache::new();
    texts
        .iter()
        .enumerate()
        .map(|(i, t)| analyse_cached(t, languages.get(i).copied().flatten(), fallback, &mut cache))
        .collect()
}

fn analyse_cached(
    text: &str,
    language: Option<Language>,
    fallback: Language,
    cache: &mut StemCache,
) -> AnalysedComment {
    let tokens = tokenise(text);
    let mut guess = guess_language(&tokens, fallback);
    if let Some(l) = language {
        guess.language = l;
        guess.confident = true;
    }
    let stems = cache.stems(text, &tokens, guess.language);
    let negation = negation_scope(&tokens);
    AnalysedComment {
        language: guess,
        tokens,
        stems,
        negation,
    }
}
