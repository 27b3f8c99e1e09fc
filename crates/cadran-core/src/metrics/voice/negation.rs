//! Negation scope: which words a « pas », « ne … jamais », "not" or "n't"
//! turns around, so that "not good" counts as negative and « pas mal » is
//! not negative.

use super::token::{Token, TokenKind};

/// How many tokens after a negation cue it reaches, as in VADER, which looks
/// for a negation among the three words before a sentiment word (Hutto &
/// Gilbert 2014, §"Heuristics", rule 5; `vaderSentiment.py`,
/// `_negation_check` for `start_i` 0–2).
pub const NEGATION_WINDOW: usize = 3;

/// English negation words: VADER's `NEGATE` list (vaderSentiment.py, MIT
/// licence) with "no", folded, sorted for binary search. Any word containing
/// "n't" is also a cue.
pub const ENGLISH_CUES: &[&str] = &[
    "aint", "arent", "cannot", "cant", "couldnt", "darent", "despite", "didnt", "doesnt", "dont",
    "hadnt", "hasnt", "havent", "isnt", "mightnt", "mustnt", "neednt", "neither", "never", "no",
    "none", "nope", "nor", "not", "nothing", "nowhere", "oughtnt", "rarely", "seldom", "shant",
    "shouldnt", "uh-uh", "uhuh", "wasnt", "werent", "without", "wont", "wouldnt",
];

/// French negation particles that negate on their own, folded and sorted:
/// the second half of « ne … pas / jamais / rien / aucun / guère / nullement »
/// (spoken French often drops the « ne »), « ni » and « sans ». « plus » is a
/// cue only after « ne » (« ne … plus »), since alone it means "more"; « peu »
/// is one except in « un peu » ("a little", a dampener instead).
pub const FRENCH_CUES: &[&str] = &[
    "aucun",
    "aucune",
    "guere",
    "jamais",
    "ni",
    "nullement",
    "pas",
    "rien",
    "sans",
];

/// Whether the folded token `w` is a negation cue on its own (without
/// looking at its neighbours; see [`negation_scope`] for « plus » and
/// « peu »).
///
/// # Example
/// ```
/// use cadran_core::metrics::voice::negation::is_cue;
/// assert!(is_cue("n't") && is_cue("isn't") && is_cue("never") && is_cue("pas") && is_cue("sans"));
/// assert!(!is_cue("plus") && !is_cue("good"));
/// ```
#[must_use]
pub fn is_cue(w: &str) -> bool {
    w.contains("n't")
        || ENGLISH_CUES.binary_search(&w).is_ok()
        || FRENCH_CUES.binary_search(&w).is_ok()
}

/// For each token, how many negation cues cover it (0 = not negated; 2 = a
/// double negation, which VADER applies twice).
///
/// **Definition.** A cue (see [`is_cue`]; « plus » when a « ne » / « n' »
/// comes earlier in the sentence; « peu » unless after « un ») covers the
/// next [`NEGATION_WINDOW`] word, number, emoji or emoticon tokens of its
/// sentence — VADER's window (Hutto & Gilbert 2014, ICWSM) — and, for a
/// French cue, of its clause (a comma ends « ne … jamais »). In French the
/// verb sits between the two halves of the negation (« je **n'**aime
/// **pas** »), so when a cue follows « ne » / « n' » in the same sentence the
/// tokens between them are covered too. A scope never crosses a sentence
/// boundary. The cue itself is not covered by itself.
///
/// # Example
/// ```
/// use cadran_core::metrics::voice::{negation::negation_scope, token::tokenise};
/// let scope = |s: &str| negation_scope(&tokenise(s));
/// // not → good, but not "support" four words later.
/// assert_eq!(scope("not good at all, support"), [0, 1, 1, 1, 0]);
/// // « n' … pas »: « aime » between the halves and « ça » after are negated.
/// assert_eq!(scope("je n'aime pas ça"), [0, 0, 1, 0, 1]);
/// ```
#[must_use]
pub fn negation_scope(tokens: &[Token]) -> Vec<u8> {
    let mut scope = vec![0u8; tokens.len()];
    // Index of the last « ne » / « n' » in the current sentence, not yet
    // closed by a particle.
    let mut open_ne: Option<usize> = None;
    for (i, t) in tokens.iter().enumerate() {
        if i > 0 && tokens[i - 1].sentence != t.sentence {
            open_ne = None;
        }
        let w = t.folded.as_str();
        if w == "ne" || w == "n'" {
            open_ne = Some(i);
            continue;
        }
        let after_un =
            i > 0 && tokens[i - 1].folded == "un" && tokens[i - 1].sentence == t.sentence;
        let cue = match w {
            "plus" => open_ne.is_some(),
            "peu" => !after_un,
            _ => t.kind == TokenKind::Word && is_cue(w),
        };
        if !cue {
            continue;
        }
        if let Some(ne) = open_ne.take() {
            for s in &mut scope[ne + 1..i] {
                *s = s.saturating_add(1);
            }
        }
        // French cues stop at the clause (a comma closes « ne … pas »);
        // English ones, as in VADER, reach across commas ("not smart,
        // handsome").
        let french = FRENCH_CUES.binary_search(&w).is_ok() || matches!(w, "plus" | "peu");
        let end = tokens[i + 1..]
            .iter()
            .take(NEGATION_WINDOW)
            .take_while(|n| n.sentence == t.sentence && (!french || n.clause == t.clause))
            .count();
        for s in &mut scope[i + 1..i + 1 + end] {
            *s = s.saturating_add(1);
        }
    }
    scope
}

#[cfg(test)]
mod tests {
    use super::{negation_scope, ENGLISH_CUES, FRENCH_CUES};
    use crate::metrics::voice::token::tokenise;
    use proptest::prelude::*;

    /// The folded words of `text` that are negated.
    fn negated(text: &str) -> Vec<String> {
        let t = tokenise(text);
        let s = negation_scope(&t);
        t.into_iter()
            .zip(s)
            .filter(|(_, n)| *n > 0)
            .map(|(t, _)| t.folded)
            .collect()
    }

    #[test]
    fn scopes_of_published_and_everyday_cases() {
        for (text, want) in [
            (
                "VADER is not smart, handsome, nor funny.",
                vec!["smart", "handsome", "nor", "funny"],
            ),
            (
                "At least it isn't a horrible book.",
                vec!["a", "horrible", "book"],
            ),
            ("Not bad at all", vec!["bad", "at", "all"]),
            ("never again. Great support", vec!["again"]),
            ("pas mal du tout", vec!["mal", "du", "tout"]),
            ("Le support ne répond jamais", vec!["repond"]),
            (
                "Ça ne marche plus depuis hier",
                vec!["marche", "depuis", "hier"],
            ),
            ("plus rapide", vec![]),
            ("sans problème", vec!["probleme"]),
            ("ne répond jamais, c'est nul", vec!["repond"]),
            ("peu fiable", vec!["fiable"]),
            ("un peu lent", vec![]),
            ("je n'ai rien compris", vec!["ai", "compris"]),
        ] {
            assert_eq!(negated(text), want, "{text:?}");
        }
    }

    #[test]
    fn cue_lists_are_sorted() {
        for list in [ENGLISH_CUES, FRENCH_CUES] {
            assert!(list.windows(2).all(|p| p[0] < p[1]), "{list:?}");
        }
    }

    proptest! {
        #[test]
        fn scope_has_one_entry_per_token(s in any::<String>()) {
            let t = tokenise(&s);
            prop_assert_eq!(negation_scope(&t).len(), t.len());
        }
    }
}
