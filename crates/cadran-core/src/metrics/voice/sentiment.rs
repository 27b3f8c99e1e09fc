//! Sentiment of a comment and of each of its sentences, by the rules of VADER
//! (Hutto, C. J. & Gilbert, E. E. (2014), "VADER: A Parsimonious Rule-based
//! Model for Sentiment Analysis of Social Media Text", *ICWSM-14*), applied to
//! English with a subset of VADER's lexicon and to French with Cadran's.
//!
//! Scores are floating point (`f64`) heuristics, not measurements.

use super::analyse::AnalysedComment;
use super::lexicon::{Lexicon, B_DECR};
use super::negation::negation_scope;
use super::stem::stems;
use super::token::{tokenise, Token};
use serde::{Deserialize, Serialize};
use std::ops::Range;

/// VADER's factor for a negated word (`N_SCALAR`).
pub const N_SCALAR: f64 = -0.74;
/// VADER's emphasis for a word in capitals among words that are not (`C_INCR`).
pub const C_INCR: f64 = 0.733;
/// VADER's normalisation constant α of x ÷ √(x² + α).
pub const ALPHA: f64 = 15.0;
/// Compound at or above which a text is positive, at or below minus which it
/// is negative (VADER README, "About the Scoring").
pub const NEUTRAL_BAND: f64 = 0.05;

/// VADER's scores of a text, floating point.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct SentimentScore {
    /// Normalised sum of the word valences, in [−1, 1].
    pub compound: f64,
    /// Share of the text's weight that is positive, in [0, 1].
    pub positive: f64,
    /// Share that is neutral, in [0, 1].
    pub neutral: f64,
    /// Share that is negative, in [0, 1].
    pub negative: f64,
}

/// The three classes the UI shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Polarity {
    /// compound ≤ −0.05.
    Negative,
    /// −0.05 < compound < 0.05.
    Neutral,
    /// compound ≥ 0.05.
    Positive,
}

impl SentimentScore {
    /// The class of this score by VADER's published thresholds (±0.05).
    ///
    /// # Example
    /// ```
    /// use cadran_core::metrics::voice::sentiment::{SentimentScore, Polarity};
    /// let s = SentimentScore { compound: 0.04, positive: 0.1, neutral: 0.9, negative: 0.0 };
    /// assert_eq!(s.polarity(), Polarity::Neutral);
    /// ```
    #[must_use]
    pub fn polarity(&self) -> Polarity {
        if self.compound >= NEUTRAL_BAND {
            Polarity::Positive
        } else if self.compound <= -NEUTRAL_BAND {
            Polarity::Negative
        } else {
            Polarity::Neutral
        }
    }
}

/// VADER's normalisation of a valence sum into [−1, 1]: x ÷ √(x² + 15).
///
/// # Example
/// ```
/// use cadran_core::metrics::voice::sentiment::normalize;
/// // smart 1.7 + handsome 2.2 + funny 1.9 = 5.8 → 0.8316 (VADER README).
/// assert!((normalize(5.8) - 0.8316).abs() < 5e-5);
/// ```
#[must_use]
pub fn normalize(x: f64) -> f64 {
    if !x.is_finite() {
        return if x.is_nan() { 0.0 } else { x.signum() };
    }
    (x / (x * x + ALPHA).sqrt()).clamp(-1.0, 1.0)
}

/// The sentiment of `text` as one unit, as VADER scores its input.
///
/// **Definition** (Hutto & Gilbert 2014, §3 "Heuristics", and
/// `vaderSentiment.py`): each token rated by `lexicon` gets its valence;
/// a word in capitals among words that are not gets ±0.733; each of the
/// three words before it that is a booster and not itself rated adds ±0.293
/// (×0.95 two words back, ×0.9 three back), sign following the valence;
/// "kind of" two words back dampens by 0.293; a word in a negation scope
/// ([`negation_scope`], window 3) is multiplied by −0.74 per cue; "least"
/// just before (not "at least") negates; "no" before a rated word is not
/// rated itself. A token that is a booster, or "kind" in "kind of", is 0.
/// With a contrast word ("but", « mais »), words before the first one are
/// ×0.5 and after ×1.5. The sum gets +0.292 per "!" (at most 4) and, for 2–3
/// "?", +0.18 each (0.96 from 4), towards its sign; compound =
/// [`normalize`]d sum. Positive, negative and neutral shares: rated words
/// count |valence| + 1, unrated ones 1, the punctuation emphasis goes to the
/// dominant side.
///
/// **Deviations**, chosen for clarity, none of which changes VADER's README
/// examples that the lexicon subset covers: negation uses the shared scope
/// (a cue covers the next three tokens, and "no" is one such cue); the
/// dampening bigram and French « un peu » reduce the magnitude whatever the
/// sign; tokens are Unicode words, so punctuation-only chunks such as "-"
/// are not counted as neutral words.
///
/// # Example
/// ```
/// use cadran_core::metrics::voice::{lang::Language, lexicon::Lexicon, sentiment::sentiment};
/// let en = Lexicon::new(Language::English);
/// let s = sentiment("VADER is smart, handsome, and funny!", &en);
/// assert!((s.compound - 0.8439).abs() < 5e-5); // VADER README
/// let fr = Lexicon::new(Language::French);
/// assert!(sentiment("Pas mal du tout", &fr).compound > 0.0);
/// ```
#[must_use]
pub fn sentiment(text: &str, lexicon: &Lexicon) -> SentimentScore {
    score_tokens(text, &ReadText::new(text, lexicon).read(), lexicon)
}

/// A text's tokens, stems (in the lexicon's language) and negation scope.
struct ReadText {
    tokens: Vec<Token>,
    stems: Vec<String>,
    scope: Vec<u8>,
}

impl ReadText {
    fn new(text: &str, lexicon: &Lexicon) -> Self {
        let tokens = tokenise(text);
        let stems = stems(text, &tokens, lexicon.language());
        let scope = negation_scope(&tokens);
        Self { tokens, stems, scope }
    }

    fn read(&self) -> Read<'_> {
        Read {
            tokens: &self.tokens,
            stems: &self.stems,
            scope: &self.scope,
        }
    }
}

/// The tokens of a text with their stems and negation scope, borrowed.
struct Read<'a> {
    tokens: &'a [Token],
    stems: &'a [String],
    scope: &'a [u8],
}

/// One sentence's span (bytes of the comment) and score.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SentenceSentiment {
    /// Byte range of the sentence in the comment.
    pub span: Range<usize>,
    /// Its VADER scores.
    pub score: SentimentScore,
}

/// The sentiment of each sentence of `text` (Unicode sentence boundaries,
/// UAX #29), scored as in [`sentiment`]; sentences without a word are left
/// out. Sentence scores keep "Slow support. The app is great." from reading as
/// one positive verdict.
///
/// # Example
/// ```
/// use cadran_core::metrics::voice::{lang::Language, lexicon::Lexicon, sentiment::{sentence_sentiments, Polarity}};
/// let en = Lexicon::new(Language::English);
/// let s = sentence_sentiments("Support was slow. The app is great!", &en);
/// let p: Vec<_> = s.iter().map(|s| s.score.polarity()).collect();
/// assert_eq!(p, [Polarity::Negative, Polarity::Positive]);
/// ```
#[must_use]
pub fn sentence_sentiments(text: &str, lexicon: &Lexicon) -> Vec<SentenceSentiment> {
    by_sentence(text, &ReadText::new(text, lexicon).read(), lexicon)
}

/// A comment's overall score and its sentences' scores.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CommentSentiment {
    /// The whole comment scored as one text, as VADER does.
    pub overall: SentimentScore,
    /// Each sentence with a token.
    pub sentences: Vec<SentenceSentiment>,
}

/// [`sentiment`] and [`sentence_sentiments`] of a comment already
/// [analysed](super::analyse::analyse), reusing its tokens, stems and negation scopes (the fast path
/// for many comments). `lexicon` should be in the comment's language.
///
/// # Example
/// ```
/// use cadran_core::metrics::voice::{analyse::analyse, lang::Language, lexicon::Lexicon, sentiment::*};
/// let text = "Support lent. Appli géniale !";
/// let a = analyse(text, None, Language::French);
/// let s = comment_sentiment(text, &a, &Lexicon::new(a.lang()));
/// let p: Vec<_> = s.sentences.iter().map(|s| s.score.polarity()).collect();
/// assert_eq!(p, [Polarity::Negative, Polarity::Positive]);
/// assert_eq!(&text[s.sentences[1].span.clone()], "Appli géniale !");
/// ```
#[must_use]
pub fn comment_sentiment(
    text: &str,
    comment: &AnalysedComment,
    lexicon: &Lexicon,
) -> CommentSentiment {
    let read = Read {
        tokens: &comment.tokens,
        stems: &comment.stems,
        scope: &comment.negation,
    };
    CommentSentiment {
        overall: score_tokens(text, &read, lexicon),
        sentences: by_sentence(text, &read, lexicon),
    }
}

/// Scores each run of tokens of one sentence; a sentence's text runs from
/// its first token to the next sentence's first token (so its "!" count).
fn by_sentence(text: &str, read: &Read<'_>, lexicon: &Lexicon) -> Vec<SentenceSentiment> {
    let t = read.tokens;
    let mut out = Vec::new();
    let mut start = 0;
    while start < t.len() {
        let end = start
            + t[start..]
                .iter()
                .take_while(|x| x.sentence == t[start].sentence)
                .count();
        let from = t[start].span.start;
        let to = t.get(end).map_or(text.len(), |n| n.span.start);
        let slice = text.get(from..to).unwrap_or("").trim_end();
        let part = Read {
            tokens: &t[start..end],
            stems: &read.stems[start..end],
            scope: &read.scope[start..end],
        };
        // Spans are into `text`; the scorer reads token text through them.
        out.push(SentenceSentiment {
            span: from..from + slice.len(),
            score: score_slice(text, slice, &part, lexicon),
        });
        start = end;
    }
    out
}

/// VADER's per-token valences, then the scores; `tokens` are those of `text`.
fn score_tokens(text: &str, read: &Read<'_>, lexicon: &Lexicon) -> SentimentScore {
    score_slice(text, text, read, lexicon)
}

/// As [`score_tokens`], the punctuation emphasis read from `punct` only.
fn score_slice(text: &str, punct: &str, read: &Read<'_>, lexicon: &Lexicon) -> SentimentScore {
    let valences = valences(text, read, lexicon);
    let emphasis = punctuation_emphasis(punct);
    let sum: f64 = valences.iter().sum();
    let sum = if sum > 0.0 {
        sum + emphasis
    } else if sum < 0.0 {
        sum - emphasis
    } else {
        sum
    };
    let (mut pos, mut neg, mut neu) = (0.0f64, 0.0f64, 0.0f64);
    for v in &valences {
        if *v > 0.0 {
            pos += v + 1.0;
        } else if *v < 0.0 {
            neg += v - 1.0;
        } else {
            neu += 1.0;
        }
    }
    if pos > neg.abs() {
        pos += emphasis;
    } else if pos < neg.abs() {
        neg -= emphasis;
    }
    let total = pos + neg.abs() + neu;
    let share = |x: f64| {
        if total > 0.0 {
            (x / total).abs().min(1.0)
        } else {
            0.0
        }
    };
    SentimentScore {
        compound: normalize(sum),
        positive: share(pos),
        neutral: share(neu),
        negative: share(neg),
    }
}

/// VADER's punctuation emphasis: 0.292 per "!" up to four; 0.18 per "?" for
/// two or three, 0.96 from four.
fn punctuation_emphasis(text: &str) -> f64 {
    let ep = text.matches('!').count().min(4);
    let qm = text.matches('?').count();
    let qm_amp = match qm {
        0 | 1 => 0.0,
        2 | 3 => 0.18 * if qm == 2 { 2.0 } else { 3.0 },
        _ => 0.96,
    };
    f64::from(u8::try_from(ep).unwrap_or(4)) * 0.292 + qm_amp
}

/// Python's `str.isupper`: at least one cased letter, none lower case.
fn is_upper(s: &str) -> bool {
    s.chars().any(char::is_uppercase) && !s.chars().any(char::is_lowercase)
}

/// The valence of every token after VADER's word-level rules and the
/// contrast ("but") weighting.
fn valences(text: &str, read: &Read<'_>, lex: &Lexicon) -> Vec<f64> {
    let tokens = read.tokens;
    let words: Vec<&str> = tokens.iter().map(|t| t.folded.as_str()).collect();
    let rated: Vec<Option<f64>> = words
        .iter()
        .zip(read.stems)
        .map(|(w, s)| lex.valence_with_stem(w, s))
        .collect();
    let upper = tokens.iter().filter(|t| is_upper(t.text(text))).count();
    let cap_diff = upper > 0 && upper < tokens.len();
    let scope = read.scope;
    let prev = |i: usize| if i > 0 { Some(words[i - 1]) } else { None };
    let mut out = Vec::with_capacity(tokens.len());
    for (i, w) in words.iter().enumerate() {
        let next = words.get(i + 1).copied();
        if lex.booster(w, prev(i)) != 0.0 || next.is_some_and(|n| lex.dampening_bigram(w, n)) {
            out.push(0.0);
            continue;
        }
        let Some(base) = rated[i] else {
            out.push(0.0);
            continue;
        };
        if *w == "no" && rated.get(i + 1).is_some_and(Option::is_some) {
            out.push(0.0);
            continue;
        }
        let mut v = base;
        if cap_diff && is_upper(tokens[i].text(text)) {
            v += C_INCR.copysign(v);
        }
        for (k, damping) in [(1usize, 1.0), (2, 0.95), (3, 0.9)] {
            if i < k || rated[i - k].is_some() {
                continue;
            }
            // A booster adds in the direction of the valence, a dampener
            // (negative booster) takes away from its magnitude.
            let sign = if v < 0.0 { -1.0 } else { 1.0 };
            let mut s = lex.booster(words[i - k], prev(i - k)) * sign;
            if s != 0.0 && cap_diff && is_upper(tokens[i - k].text(text)) {
                s += C_INCR.copysign(v);
            }
            v += s * damping;
        }
        if i >= 2 && lex.dampening_bigram(words[i - 2], words[i - 1]) {
            v += B_DECR.abs().copysign(-v);
        }
        for _ in 0..scope[i] {
            v *= N_SCALAR;
        }
        if i >= 1 && words[i - 1] == "least" && !(i >= 2 && matches!(words[i - 2], "at" | "very")) {
            v *= N_SCALAR;
        }
        out.push(v);
    }
    if let Some(b) = words.iter().position(|w| lex.is_contrast(w)) {
        for (i, v) in out.iter_mut().enumerate() {
            if i < b {
                *v *= 0.5;
            } else if i > b {
                *v *= 1.5;
            }
        }
    }
    out
}

#[cfg(test)]
#[path = "sentiment_tests.rs"]
mod tests;
