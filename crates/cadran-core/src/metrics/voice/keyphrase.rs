//! Discovered themes: the one- to three-word phrases that stand out across
//! all comments, merged by stem, with counts and example comments, for the
//! themes nobody put in the dictionary.

use super::analyse::AnalysedComment;
use super::stopwords::is_stop_word;
use super::token::TokenKind;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// How [`keyphrases`] selects phrases.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct KeyphraseOptions {
    /// Longest phrase, in tokens (1 to 3; larger values are treated as 3).
    pub max_words: usize,
    /// Fewest comments a phrase must appear in (a phrase seen once is an
    /// anecdote, not a theme).
    pub min_comments: u64,
    /// How many phrases to return.
    pub limit: usize,
    /// How many example comment indices to keep per phrase.
    pub examples: usize,
}

impl Default for KeyphraseOptions {
    fn default() -> Self {
        Self {
            max_words: 3,
            min_comments: 2,
            limit: 30,
            examples: 3,
        }
    }
}

/// A discovered phrase.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Keyphrase {
    /// The merge key: the stems of its tokens, space-separated.
    pub stems: String,
    /// Its most frequent written form, lower-cased (« temps d'attente »).
    pub label: String,
    /// Tokens in the phrase (1–3).
    pub words: usize,
    /// Occurrences over all comments.
    pub count: u64,
    /// Comments it occurs in (its document frequency).
    pub comments: u64,
    /// TF-IDF salience, floating point: higher is more salient.
    pub score: f64,
    /// Indices of the first comments it occurs in.
    pub examples: Vec<usize>,
}

#[derive(Default)]
struct Agg {
    words: usize,
    count: u64,
    comments: u64,
    examples: Vec<usize>,
    labels: HashMap<String, u64>,
}

/// The most salient phrases of a set of comments.
///
/// **Definition.** Candidates are the 1- to `max_words`-token sequences
/// inside one clause that begin and end with a content word (a word that is
/// not a stop word of the comment's language; stop words and elided
/// articles may sit inside: « temps d'attente »), the rule of YAKE's
/// candidate selection (Campos, R. et al. (2020), "YAKE! Keyword extraction
/// from single documents using multiple local features", *Information
/// Sciences* 509, §3.2). Phrases with the same stems are one phrase. Each is
/// scored by TF-IDF summed over the comments (Salton, G. & Buckley, C.
/// (1988), "Term-weighting approaches in automatic text retrieval",
/// *Information Processing & Management* 24(5)): Σ_d tf(p, d) · idf(p) with
/// the smoothed idf(p) = ln((1 + N) ÷ (1 + df(p))) + 1 of scikit-learn's
/// `TfidfTransformer` (so a phrase in every comment keeps a weight of 1).
/// Phrases in fewer than `min_comments` comments are dropped, and so is a
/// phrase that only ever occurs inside a longer kept one with the same count
/// ("temps" when every "temps" is in "temps d'attente"). Sorted by score,
/// then longer phrases first (more specific at equal weight), then by stems. `texts[i]` is the comment `comments[i]` was analysed from
/// (for the labels).
///
/// # Example
/// ```
/// use cadran_core::metrics::voice::{analyse::analyse, keyphrase::*, lang::Language};
/// let texts = ["Temps d'attente trop long", "Le temps d'attente est long", "Support sympa"];
/// let a: Vec<_> = texts.iter().map(|t| analyse(t, Some(Language::French), Language::French)).collect();
/// let k = keyphrases(&texts, &a, &KeyphraseOptions::default());
/// assert_eq!(k[0].label, "temps d'attente");
/// assert_eq!((k[0].count, k[0].comments, k[0].examples.clone()), (2, 2, vec![0, 1]));
/// // idf = ln(4/3) + 1; two occurrences.
/// assert!((k[0].score - 2.0 * ((4.0f64 / 3.0).ln() + 1.0)).abs() < 1e-12);
/// assert!(k.iter().all(|p| p.label != "temps")); // only ever inside "temps d'attente"
/// ```
#[must_use]
pub fn keyphrases(
    texts: &[&str],
    comments: &[AnalysedComment],
    options: &KeyphraseOptions,
) -> Vec<Keyphrase> {
    let max_words = options.max_words.clamp(1, 3);
    let mut all: HashMap<String, Agg> = HashMap::new();
    let n_docs = texts.len().min(comments.len());
    for (d, (text, c)) in texts.iter().zip(comments).enumerate() {
        let content = |i: usize| {
            let t = &c.tokens[i];
            t.kind == TokenKind::Word
                && t.folded.chars().count() > 1
                && !is_stop_word(&t.folded, c.lang())
        };
        let inner = |i: usize| matches!(c.tokens[i].kind, TokenKind::Word | TokenKind::Clitic);
        let mut seen_here: HashMap<String, ()> = HashMap::new();
        for start in (0..c.tokens.len()).filter(|&i| content(i)) {
            for len in 1..=max_words {
                let end = start + len; // exclusive
                if end > c.tokens.len() || c.tokens[end - 1].clause != c.tokens[start].clause {
                    break;
                }
                if !(start + 1..end - 1).all(inner) {
                    break;
                }
                if !content(end - 1) {
                    continue;
                }
                let key = c.stems[start..end].join(" ");
                let span = c.tokens[start].span.start..c.tokens[end - 1].span.end;
                let label = text
                    .get(span)
                    .map_or_else(|| key.clone(), str::to_lowercase);
                let agg = all.entry(key.clone()).or_default();
                agg.words = len;
                agg.count += 1;
                *agg.labels.entry(label).or_default() += 1;
                if seen_here.insert(key, ()).is_none() {
                    agg.comments += 1;
                    if agg.examples.len() < options.examples {
                        agg.examples.push(d);
                    }
                }
            }
        }
    }
    // Drop sub-phrases that never occur outside a longer phrase.
    let mut subsumed: Vec<String> = Vec::new();
    for (key, agg) in all
        .iter()
        .filter(|(_, a)| a.words > 1 && a.comments >= options.min_comments)
    {
        let parts: Vec<&str> = key.split(' ').collect();
        for len in 1..parts.len() {
            for w in parts.windows(len) {
                let sub = w.join(" ");
                if all.get(&sub).is_some_and(|s| s.count == agg.count) {
                    subsumed.push(sub);
                }
            }
        }
    }
    for s in subsumed {
        all.remove(&s);
    }
    // Document counts are far below 2⁵³: exact in f64.
    #[allow(clippy::cast_precision_loss)]
    let idf = |df: u64| ((1.0 + n_docs as f64) / (1.0 + df as f64)).ln() + 1.0;
    let mut out: Vec<Keyphrase> = all
        .into_iter()
        .filter(|(_, a)| a.comments >= options.min_comments)
        .map(|(stems, a)| {
            let label = a
                .labels
                .iter()
                .max_by(|x, y| x.1.cmp(y.1).then_with(|| y.0.cmp(x.0)))
                .map(|(l, _)| l.clone())
                .unwrap_or_default();
            #[allow(clippy::cast_precision_loss)]
            let score = a.count as f64 * idf(a.comments);
            Keyphrase {
                stems,
                label,
                words: a.words,
                count: a.count,
                comments: a.comments,
                score,
                examples: a.examples,
            }
        })
        .collect();
    out.sort_by(|a, b| {
        b.score
            .total_cmp(&a.score)
            .then_with(|| b.words.cmp(&a.words))
            .then_with(|| a.stems.cmp(&b.stems))
    });
    out.truncate(options.limit);
    out
}

#[cfg(test)]
mod tests {
    use super::{keyphrases, KeyphraseOptions};
    use crate::metrics::voice::analyse::analyse;
    use crate::metrics::voice::lang::Language;
    use proptest::prelude::*;

    #[test]
    fn merges_by_stem_and_counts_comments() {
        let texts = [
            "Des factures illisibles",
            "Facture illisible, encore",
            "La facture illisible du mois",
            "Support sympa",
        ];
        let a: Vec<_> = texts
            .iter()
            .map(|t| analyse(t, None, Language::French))
            .collect();
        let k = keyphrases(&texts, &a, &KeyphraseOptions::default());
        let top = &k[0];
        assert_eq!(
            (top.stems.as_str(), top.count, top.comments),
            ("factur illisibl", 3, 3),
            "{k:?}"
        );
        assert_eq!(top.label, "facture illisible", "most frequent written form");
        assert!(
            k.iter().all(|p| p.stems != "factur"),
            "only inside the longer phrase: {k:?}"
        );
        assert_eq!(top.examples, [0, 1, 2]);
        assert!(k.iter().all(|p| p.comments >= 2), "{k:?}");
        assert!(k.iter().all(|p| p.label != "sympa"), "seen once");
    }

    #[test]
    fn empty_input_gives_nothing() {
        assert!(keyphrases(&[], &[], &KeyphraseOptions::default()).is_empty());
        let a = [analyse("", None, Language::English)];
        assert!(keyphrases(&[""], &a, &KeyphraseOptions::default()).is_empty());
    }

    proptest! {
        #[test]
        fn never_panics_and_scores_are_finite(texts in proptest::collection::vec(any::<String>(), 0..8)) {
            let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
            let a: Vec<_> = refs.iter().map(|t| analyse(t, None, Language::French)).collect();
            let opts = KeyphraseOptions { min_comments: 1, ..KeyphraseOptions::default() };
            for k in keyphrases(&refs, &a, &opts) {
                prop_assert!(k.score.is_finite() && k.score > 0.0);
                prop_assert!((1..=3).contains(&k.words) && k.comments <= k.count);
                prop_assert!(k.examples.iter().all(|&e| e < refs.len()));
            }
        }
    }
}
