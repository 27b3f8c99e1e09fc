//! A sentiment lexicon ready for lookup: word valences, booster words and the
//! contrastive conjunction of one language, built once and shared by every
//! comment in that language.

use super::lang::Language;
use super::stem::stem;
use super::{lexicon_en, lexicon_fr};
use std::collections::HashMap;

/// VADER's booster increment (Hutto & Gilbert 2014, Table 3: mean rise of
/// 0.293 on the rating scale for a degree adverb such as "extremely").
pub const B_INCR: f64 = 0.293;
/// VADER's dampener decrement ("marginally", "kind of").
pub const B_DECR: f64 = -0.293;

/// English degree adverbs: VADER's `BOOSTER_DICT` single words (MIT
/// licence), boosters first then dampeners, each list sorted.
const EN_BOOST: &[&str] = &[
    "absolutely",
    "amazingly",
    "awfully",
    "completely",
    "considerable",
    "considerably",
    "decidedly",
    "deeply",
    "effing",
    "enormous",
    "enormously",
    "entirely",
    "especially",
    "exceptional",
    "exceptionally",
    "extreme",
    "extremely",
    "fabulously",
    "flippin",
    "flipping",
    "frackin",
    "fracking",
    "frickin",
    "fricking",
    "friggin",
    "frigging",
    "fuckin",
    "fucking",
    "fuggin",
    "fugging",
    "fully",
    "greatly",
    "hella",
    "highly",
    "hugely",
    "incredible",
    "incredibly",
    "intensely",
    "major",
    "majorly",
    "more",
    "most",
    "particularly",
    "purely",
    "quite",
    "really",
    "remarkably",
    "so",
    "substantially",
    "thoroughly",
    "total",
    "totally",
    "tremendous",
    "tremendously",
    "uber",
    "unbelievably",
    "unusually",
    "utter",
    "utterly",
    "very",
];
const EN_DAMP: &[&str] = &[
    "almost",
    "barely",
    "hardly",
    "kind-of",
    "kinda",
    "kindof",
    "less",
    "little",
    "marginal",
    "marginally",
    "occasional",
    "occasionally",
    "partly",
    "scarce",
    "scarcely",
    "slight",
    "slightly",
    "somewhat",
    "sort-of",
    "sorta",
    "sortof",
];
/// French degree adverbs chosen by the Cadran project as the equivalents of
/// VADER's (« très » = "very", « plutôt » = "rather"), folded and sorted.
const FR_BOOST: &[&str] = &[
    "absolument",
    "carrement",
    "completement",
    "extremement",
    "hyper",
    "incroyablement",
    "particulierement",
    "profondement",
    "serieusement",
    "tellement",
    "totalement",
    "tres",
    "trop",
    "vachement",
    "vraiment",
];
const FR_DAMP: &[&str] = &[
    "assez",
    "legerement",
    "moyennement",
    "plutot",
    "presque",
    "quasi",
    "quasiment",
];

/// Emoji valences assigned by the Cadran project (VADER rates emoji through
/// their CLDR descriptions; a short table keeps the module small). Sorted.
const EMOJI: &[(&str, f64)] = &[
    ("❤", 2.5),
    ("👌", 1.8),
    ("👍", 1.8),
    ("👎", -1.8),
    ("💔", -2.5),
    ("💩", -2.0),
    ("😀", 2.0),
    ("😁", 2.0),
    ("😂", 1.5),
    ("😃", 2.0),
    ("😄", 2.0),
    ("😊", 2.0),
    ("😍", 2.7),
    ("😞", -2.0),
    ("😠", -2.4),
    ("😡", -2.8),
    ("😢", -2.0),
    ("😤", -2.0),
    ("😩", -2.0),
    ("😭", -2.2),
    ("🙁", -1.6),
    ("🙂", 1.5),
    ("🤬", -3.0),
];

/// The lexicon and rule words of one language.
#[derive(Debug, Clone)]
pub struct Lexicon {
    language: Language,
    words: HashMap<&'static str, f64>,
    /// French only: valence by Snowball stem, for inflected forms.
    stems: HashMap<String, f64>,
}

impl Lexicon {
    /// The lexicon of `language`: for English the VADER subset and Cadran's
    /// additions ([`lexicon_en`]), for French Cadran's hand-built lexicon
    /// ([`lexicon_fr`]), both with the emoji table.
    ///
    /// # Example
    /// ```
    /// use cadran_core::metrics::voice::{lang::Language, lexicon::Lexicon};
    /// let en = Lexicon::new(Language::English);
    /// assert_eq!(en.valence("good"), Some(1.9)); // VADER's published mean
    /// let fr = Lexicon::new(Language::French);
    /// assert_eq!(fr.valence("lenteurs"), Some(-1.6));
    /// assert_eq!(fr.valence("factures"), None);
    /// ```
    #[must_use]
    pub fn new(language: Language) -> Self {
        let mut words: HashMap<&'static str, f64> = HashMap::new();
        let tables: &[&[(&'static str, f64)]] = match language {
            Language::English => &[
                lexicon_en::VADER_SUBSET,
                lexicon_en::CADRAN_ADDITIONS,
                EMOJI,
            ],
            Language::French => &[lexicon_fr::FRENCH_LEXICON, EMOJI],
        };
        for (w, v) in tables.iter().flat_map(|t| t.iter()) {
            words.insert(w, *v);
        }
        let mut stems = HashMap::new();
        if language == Language::French {
            for (w, v) in lexicon_fr::FRENCH_LEXICON {
                stems.entry(stem(w, language)).or_insert(*v);
            }
        }
        Self {
            language,
            words,
            stems,
        }
    }

    /// The language of this lexicon.
    ///
    /// # Example
    /// ```
    /// use cadran_core::metrics::voice::{lang::Language, lexicon::Lexicon};
    /// assert_eq!(Lexicon::new(Language::French).language(), Language::French);
    /// ```
    #[must_use]
    pub fn language(&self) -> Language {
        self.language
    }

    /// The valence of a folded token on VADER's −4 … +4 scale, or `None` if
    /// the lexicon does not rate it. French words not listed are looked up
    /// by their Snowball stem.
    #[must_use]
    pub fn valence(&self, folded: &str) -> Option<f64> {
        self.words.get(folded).copied().or_else(|| {
            if self.stems.is_empty() {
                None
            } else {
                self.stems.get(&stem(folded, self.language)).copied()
            }
        })
    }

    /// As [`Lexicon::valence`], with the token's stem already known (the
    /// fast path: no stemming per lookup).
    ///
    /// # Example
    /// ```
    /// use cadran_core::metrics::voice::{lang::Language, lexicon::Lexicon};
    /// let fr = Lexicon::new(Language::French);
    /// assert_eq!(fr.valence_with_stem("lenteurs", "lenteur"), Some(-1.6));
    /// ```
    #[must_use]
    pub fn valence_with_stem(&self, folded: &str, stem: &str) -> Option<f64> {
        self.words
            .get(folded)
            .copied()
            .or_else(|| self.stems.get(stem).copied())
    }

    /// The booster value of a folded word ([`B_INCR`], [`B_DECR`]) or 0.
    /// `previous` is the folded word before it: French « peu » dampens only
    /// in « un peu » (alone it negates, see [`super::negation`]).
    ///
    /// # Example
    /// ```
    /// use cadran_core::metrics::voice::{lang::Language, lexicon::{Lexicon, B_DECR, B_INCR}};
    /// let fr = Lexicon::new(Language::French);
    /// assert_eq!((fr.booster("tres", None), fr.booster("peu", Some("un")), fr.booster("peu", None)), (B_INCR, B_DECR, 0.0));
    /// ```
    #[must_use]
    pub fn booster(&self, folded: &str, previous: Option<&str>) -> f64 {
        let (boost, damp) = match self.language {
            Language::English => (EN_BOOST, EN_DAMP),
            Language::French => (FR_BOOST, FR_DAMP),
        };
        if boost.binary_search(&folded).is_ok() {
            B_INCR
        } else if damp.binary_search(&folded).is_ok()
            || (self.language == Language::French && folded == "peu" && previous == Some("un"))
        {
            B_DECR
        } else {
            0.0
        }
    }

    /// Whether two folded words form a dampening bigram: "kind of", "sort
    /// of", "just enough" (VADER's `BOOSTER_DICT` bigrams); none in French
    /// (« un peu » is handled by [`Lexicon::booster`]).
    ///
    /// # Example
    /// ```
    /// use cadran_core::metrics::voice::{lang::Language, lexicon::Lexicon};
    /// assert!(Lexicon::new(Language::English).dampening_bigram("kind", "of"));
    /// ```
    #[must_use]
    pub fn dampening_bigram(&self, first: &str, second: &str) -> bool {
        self.language == Language::English
            && matches!(
                (first, second),
                ("kind", "of") | ("sort", "of") | ("just", "enough")
            )
    }

    /// Whether a folded word is the contrastive conjunction whose clause
    /// VADER weights ×1.5 and the clause before ×0.5: "but", « mais ».
    ///
    /// # Example
    /// ```
    /// use cadran_core::metrics::voice::{lang::Language, lexicon::Lexicon};
    /// assert!(Lexicon::new(Language::French).is_contrast("mais"));
    /// ```
    #[must_use]
    pub fn is_contrast(&self, folded: &str) -> bool {
        match self.language {
            Language::English => folded == "but",
            Language::French => folded == "mais",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{EMOJI, EN_BOOST, EN_DAMP, FR_BOOST, FR_DAMP};
    use crate::metrics::voice::{fold::fold, lexicon_en, lexicon_fr};

    #[test]
    fn tables_are_sorted_unique_folded_and_on_the_vader_scale() {
        let words: [&[&str]; 4] = [EN_BOOST, EN_DAMP, FR_BOOST, FR_DAMP];
        for list in words {
            assert!(list.windows(2).all(|p| p[0] < p[1]), "{list:?}");
        }
        let rated: [(&str, &[(&str, f64)]); 4] = [
            ("VADER_SUBSET", lexicon_en::VADER_SUBSET),
            ("CADRAN_ADDITIONS", lexicon_en::CADRAN_ADDITIONS),
            ("FRENCH_LEXICON", lexicon_fr::FRENCH_LEXICON),
            ("EMOJI", EMOJI),
        ];
        for (name, table) in rated {
            assert!(
                table.windows(2).all(|p| p[0].0 < p[1].0),
                "{name} not sorted"
            );
            for (w, v) in table {
                assert_eq!(&fold(w), w, "{name}: {w:?} not folded");
                assert!((-4.0..=4.0).contains(v) && *v != 0.0, "{name}: {w:?} = {v}");
            }
        }
        let en = lexicon_en::VADER_SUBSET.len() + lexicon_en::CADRAN_ADDITIONS.len();
        assert!(en >= 250 && lexicon_fr::FRENCH_LEXICON.len() >= 250, "{en}");
    }
}
