//! Tokenising a comment: Unicode word segmentation, French elision split off,
//! emoji and emoticons kept as tokens, each token with its byte span in the
//! original text (so a match can be highlighted) and its folded form (so it
//! can be matched).

use super::fold::fold;
use std::ops::Range;
use unicode_segmentation::UnicodeSegmentation;

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TokenKind {
    /// A word (letters, possibly with digits or an inner apostrophe: "don't").
    Word,
    /// A French elided article, pronoun or conjunction split off its word:
    /// the « l' » of « l'appli », folded to `l'`.
    Clitic,
    /// A number ("24", "3,5").
    Number,
    /// An emoji, a whole grapheme sequence (👍, 👍🏽, ❤️).
    Emoji,
    /// An ASCII emoticon such as `:)` or `:(`.
    Emoticon,
}

/// One token of a comment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// Byte range of the token in the comment (always on char boundaries).
    pub span: Range<usize>,
    /// The token lower-cased and accent-folded ([`fold`]), the form used for
    /// matching.
    pub folded: String,
    /// What the token is.
    pub kind: TokenKind,
    /// Index of the sentence (per Unicode sentence segmentation) it is in.
    pub sentence: usize,
    /// Index of the clause: like `sentence`, but also advanced by a comma,
    /// semicolon, colon, dash or parenthesis. French negation scopes stop at
    /// it (« ne répond jamais, c'est nul »: « nul » is not negated).
    pub clause: usize,
}

impl Token {
    /// The token as written in `text` (the comment it came from), or `""` if
    /// `text` is not that comment.
    ///
    /// # Example
    /// ```
    /// use cadran_core::metrics::voice::token::tokenise;
    /// let text = "Réponse RAPIDE";
    /// assert_eq!(tokenise(text)[1].text(text), "RAPIDE");
    /// ```
    #[must_use]
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        text.get(self.span.clone()).unwrap_or("")
    }
}

/// French words that elide before a vowel, folded, without the apostrophe.
pub const ELIDED: &[&str] = &[
    "c", "d", "j", "jusqu", "l", "lorsqu", "m", "n", "puisqu", "qu", "s", "t",
];

/// Emoticons kept whole (others are split into punctuation and dropped).
pub const EMOTICONS: &[&str] = &[
    ":)", ":-)", ":(", ":-(", ":D", ":-D", ";)", ";-)", ":/", ":-/", ":'(", ":P", ":-P", ":p",
    "<3", "</3", ":|", ":o", ":O", "xD", "XD", "^^", "^_^",
];

/// Splits `text` into tokens.
///
/// **Definition.** Sentences and words follow Unicode Standard Annex #29,
/// *Unicode Text Segmentation* (sentence and word boundaries, via the
/// `unicode-segmentation` crate). A word segment with a letter or digit is a
/// token; a segment holding an emoji (Extended_Pictographic, UTS #51) is an
/// emoji token; other segments (spaces, punctuation) are dropped. A
/// whitespace-delimited chunk that is an emoticon from [`EMOTICONS`] (with any
/// trailing `.,;!?`) is one token, as VADER keeps them (Hutto & Gilbert 2014).
/// French elision: a word whose part before its apostrophe (' or ’) is one of
/// [`ELIDED`] is split into a [`TokenKind::Clitic`] (« l' », « qu' »,
/// « jusqu' »…) and the rest, so « l'appli » matches « appli »;
/// « aujourd'hui » is left whole.
///
/// # Example
/// ```
/// use cadran_core::metrics::voice::token::{tokenise, TokenKind};
/// let text = "L’appli plante 😡 :( jusqu'à ce que je redémarre.";
/// let t = tokenise(text);
/// let folded: Vec<&str> = t.iter().map(|t| t.folded.as_str()).collect();
/// assert_eq!(folded, ["l'", "appli", "plante", "😡", ":(", "jusqu'", "a", "ce", "que", "je", "redemarre"]);
/// assert_eq!(t[0].kind, TokenKind::Clitic);
/// assert_eq!(t[1].text(text), "appli");
/// assert_eq!(t[3].kind, TokenKind::Emoji);
/// ```
#[must_use]
pub fn tokenise(text: &str) -> Vec<Token> {
    let mut out = Vec::new();
    let mut clause = 0usize;
    for (sentence, (start, s)) in text.split_sentence_bound_indices().enumerate() {
        clause += 1;
        for (chunk_start, chunk) in whitespace_chunks(s) {
            let at = start + chunk_start;
            let trimmed = chunk.trim_end_matches(['.', ',', ';', '!', '?']);
            if EMOTICONS.contains(&chunk) || EMOTICONS.contains(&trimmed) {
                let e = if EMOTICONS.contains(&chunk) {
                    chunk
                } else {
                    trimmed
                };
                out.push(Token {
                    span: at..at + e.len(),
                    folded: e.to_lowercase(),
                    kind: TokenKind::Emoticon,
                    sentence,
                    clause,
                });
                continue;
            }
            for (off, seg) in chunk.split_word_bound_indices() {
                if seg.contains([',', ';', ':', '(', ')', '\u{2013}', '\u{2014}']) {
                    clause += 1;
                }
                push_segment(&mut out, at + off, seg, sentence, clause);
            }
        }
    }
    out
}

/// The chunks of `s` between whitespace, with their byte offsets.
fn whitespace_chunks(s: &str) -> impl Iterator<Item = (usize, &str)> {
    s.split(char::is_whitespace)
        .scan(0usize, |pos, chunk| {
            let at = *pos;
            // Advance over the chunk and the one whitespace char that ended it.
            let ws = s[at + chunk.len()..]
                .chars()
                .next()
                .map_or(0, char::len_utf8);
            *pos = at + chunk.len() + ws;
            Some((at, chunk))
        })
        .filter(|(_, c)| !c.is_empty())
}

/// Turns one word-boundary segment into zero, one or two tokens.
fn push_segment(out: &mut Vec<Token>, at: usize, seg: &str, sentence: usize, clause: usize) {
    if seg.chars().any(char::is_alphabetic) {
        if let Some((prefix, rest)) = split_elision(seg) {
            let folded = format!("{}'", fold(&seg[..prefix]));
            out.push(Token {
                span: at..at + rest,
                folded,
                kind: TokenKind::Clitic,
                sentence,
                clause,
            });
            out.push(Token {
                span: at + rest..at + seg.len(),
                folded: fold(&seg[rest..]),
                kind: TokenKind::Word,
                sentence,
                clause,
            });
        } else {
            out.push(Token {
                span: at..at + seg.len(),
                folded: fold(seg),
                kind: TokenKind::Word,
                sentence,
                clause,
            });
        }
    } else if seg.chars().any(char::is_numeric) {
        out.push(Token {
            span: at..at + seg.len(),
            folded: seg.to_owned(),
            kind: TokenKind::Number,
            sentence,
            clause,
        });
    } else if seg.chars().any(is_pictographic) {
        let folded: String = seg.chars().filter(|c| *c != '\u{FE0F}').collect();
        out.push(Token {
            span: at..at + seg.len(),
            folded,
            kind: TokenKind::Emoji,
            sentence,
            clause,
        });
    }
}

/// If `word` starts with an elided French word and an apostrophe, the byte
/// length of the elided word and the byte offset where the rest begins.
fn split_elision(word: &str) -> Option<(usize, usize)> {
    let (idx, apos) = word
        .char_indices()
        .find(|(_, c)| matches!(c, '\'' | '\u{2019}'))?;
    let rest = idx + apos.len_utf8();
    let prefix = fold(&word[..idx]);
    (rest < word.len() && ELIDED.contains(&prefix.as_str())).then_some((idx, rest))
}

/// Whether `c` is in one of the blocks that hold the Extended_Pictographic
/// characters of UTS #51 (emoji), approximated by block for size: Misc
/// Symbols and Pictographs through Symbols and Pictographs Extended-A,
/// Misc Symbols, Dingbats, arrows and stars used as emoji.
///
/// # Example
/// ```
/// use cadran_core::metrics::voice::token::is_pictographic;
/// assert!(is_pictographic('👍') && is_pictographic('❤') && !is_pictographic('é'));
/// ```
#[must_use]
pub fn is_pictographic(c: char) -> bool {
    matches!(c as u32,
        0x1F000..=0x1FAFF | 0x2600..=0x27BF | 0x2300..=0x23FF | 0x2B00..=0x2BFF | 0x2190..=0x21FF
        | 0x00A9 | 0x00AE | 0x203C | 0x2049 | 0x2122 | 0x2139 | 0x3030 | 0x303D | 0x3297 | 0x3299)
}

#[cfg(test)]
mod tests {
    use super::{tokenise, TokenKind};
    use proptest::prelude::*;

    fn folded(text: &str) -> Vec<String> {
        tokenise(text).into_iter().map(|t| t.folded).collect()
    }

    #[test]
    fn splits_every_french_elision_with_both_apostrophes() {
        for (text, want) in [
            ("l'appli", ["l'", "appli"]),
            ("d’accord", ["d'", "accord"]),
            ("qu'il", ["qu'", "il"]),
            ("j’adore", ["j'", "adore"]),
            ("n'est", ["n'", "est"]),
            ("s'affiche", ["s'", "affiche"]),
            ("c'est", ["c'", "est"]),
            ("m'aide", ["m'", "aide"]),
            ("t’inquiète", ["t'", "inquiete"]),
            ("jusqu'ici", ["jusqu'", "ici"]),
            ("lorsqu’on", ["lorsqu'", "on"]),
            ("puisqu'elle", ["puisqu'", "elle"]),
        ] {
            assert_eq!(folded(text), want, "{text:?}");
        }
        assert_eq!(folded("aujourd'hui"), ["aujourd'hui"]);
        assert_eq!(
            folded("don't"),
            ["don't"],
            "English contractions stay whole"
        );
    }

    #[test]
    fn keeps_emoji_numbers_and_sentences() {
        let t = tokenise("Top 👍🏽! Réponse en 24 h. Merci ❤️");
        let kinds: Vec<_> = t
            .iter()
            .map(|t| (t.folded.as_str(), t.kind, t.sentence))
            .collect();
        assert_eq!(
            kinds,
            [
                ("top", TokenKind::Word, 0),
                ("👍🏽", TokenKind::Emoji, 0),
                ("reponse", TokenKind::Word, 1),
                ("en", TokenKind::Word, 1),
                ("24", TokenKind::Number, 1),
                ("h", TokenKind::Word, 1),
                ("merci", TokenKind::Word, 2),
                ("❤", TokenKind::Emoji, 2),
            ]
        );
    }

    #[test]
    fn empty_and_punctuation_only_give_no_tokens() {
        for text in ["", "   ", "!!! ... ---", "=SUM(A1)"] {
            let n = tokenise(text)
                .iter()
                .filter(|t| t.kind == TokenKind::Word)
                .count();
            assert!(n <= 2, "{text:?}");
        }
        assert!(tokenise("").is_empty());
    }

    proptest! {
        #[test]
        fn never_panics_and_spans_are_in_bounds(s in any::<String>()) {
            for t in tokenise(&s) {
                prop_assert!(s.get(t.span.clone()).is_some(), "span {:?} of {:?}", t.span, s);
                prop_assert!(!t.folded.is_empty());
            }
        }
    }
}
