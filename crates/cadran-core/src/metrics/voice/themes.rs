//! A theme dictionary the user edits (name + keywords), a default set for
//! customer service in French and English, and explainable matching: every
//! match says which keyword matched which words of the comment.

use super::analyse::AnalysedComment;
use super::lang::Language;
use super::stem::stems;
use super::stopwords::is_stop_word;
use super::token::{tokenise, TokenKind};
use serde::{Deserialize, Serialize};
use std::collections::{HashMap, HashSet};
use std::ops::Range;

/// One theme: a name shown to the user and the keywords that signal it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Theme {
    /// The name, e.g. « Prix ».
    pub name: String,
    /// Keywords, one or more words each (« temps de réponse »); matched by
    /// stem, so « facture » also finds « factures » and « facturé ».
    pub keywords: Vec<String>,
}

/// The user's themes, saved with their data.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ThemeDictionary {
    /// The themes, in the user's order.
    pub themes: Vec<Theme>,
}

/// (English name, French name, keywords in both languages) of the default
/// themes: the dimensions customer-service surveys most often code — price,
/// speed of support, ease of use, reliability, onboarding, billing,
/// features (cf. the SERVQUAL dimensions of responsiveness and reliability,
/// Parasuraman, Zeithaml & Berry 1988, *Journal of Retailing* 64(1)).
const DEFAULTS: &[(&str, &str, &[&str])] = &[
    (
        "Price",
        "Prix",
        &[
            "prix",
            "tarif",
            "cher",
            "coût",
            "abonnement",
            "price",
            "pricing",
            "expensive",
            "cost",
            "cheap",
        ],
    ),
    (
        "Support speed",
        "Rapidité du support",
        &[
            "attente",
            "délai",
            "temps de réponse",
            "lent",
            "rapide",
            "réactivité",
            "wait",
            "slow",
            "response time",
            "quick",
            "fast",
        ],
    ),
    (
        "Ease of use",
        "Facilité d'utilisation",
        &[
            "facile",
            "simple",
            "intuitif",
            "compliqué",
            "ergonomie",
            "interface",
            "easy",
            "intuitive",
            "complicated",
            "confusing",
            "interface",
        ],
    ),
    (
        "Reliability",
        "Fiabilité",
        &[
            "bug", "plantage", "plante", "panne", "erreur", "fiable", "stable", "crash", "bug",
            "error", "outage", "reliable", "down",
        ],
    ),
    (
        "Onboarding",
        "Prise en main",
        &[
            "prise en main",
            "démarrage",
            "formation",
            "tutoriel",
            "installation",
            "onboarding",
            "setup",
            "training",
            "tutorial",
            "getting started",
        ],
    ),
    (
        "Billing",
        "Facturation",
        &[
            "facture",
            "facturation",
            "paiement",
            "prélèvement",
            "remboursement",
            "invoice",
            "billing",
            "payment",
            "refund",
            "charged",
        ],
    ),
    (
        "Features",
        "Fonctionnalités",
        &[
            "fonctionnalité",
            "fonction",
            "option",
            "export",
            "intégration",
            "feature",
            "function",
            "integration",
            "export",
            "option",
        ],
    ),
];

impl ThemeDictionary {
    /// The default customer-service themes (price, support speed, ease of
    /// use, reliability, onboarding, billing, features), named in `ui`'s
    /// language, each with French and English keywords, so one dictionary
    /// serves a mixed survey.
    ///
    /// # Example
    /// ```
    /// use cadran_core::metrics::voice::{lang::Language, themes::ThemeDictionary};
    /// let d = ThemeDictionary::default_customer_service(Language::French);
    /// assert_eq!(d.themes.len(), 7);
    /// assert_eq!(d.themes[0].name, "Prix");
    /// assert!(d.themes[0].keywords.contains(&"tarif".to_owned()));
    /// ```
    #[must_use]
    pub fn default_customer_service(ui: Language) -> Self {
        let themes = DEFAULTS
            .iter()
            .map(|(en, fr, kw)| {
                let mut keywords: Vec<String> = Vec::new();
                for k in *kw {
                    if !keywords.iter().any(|x| x == k) {
                        keywords.push((*k).to_owned());
                    }
                }
                Theme {
                    name: (if ui == Language::French { *fr } else { *en }).to_owned(),
                    keywords,
                }
            })
            .collect();
        Self { themes }
    }
}

/// A keyword reduced to the stems of its content words in one language.
#[derive(Debug, Clone)]
struct CompiledKeyword {
    theme: usize,
    keyword: usize,
    stems: Vec<String>,
}

/// A dictionary ready to match comments of one language: keyword stems,
/// indexed by their first stem. Compile once per language and edit (the
/// re-grouping after an edit only recompiles this, not the comments).
#[derive(Debug, Clone)]
pub struct CompiledThemes {
    language: Language,
    keywords: Vec<CompiledKeyword>,
    by_first: HashMap<String, Vec<usize>>,
}

impl CompiledThemes {
    /// Stems every keyword of `dictionary` in `language`; stop words inside a
    /// keyword are skipped (« temps de réponse » → `temp`, `repons`), a
    /// keyword with no content word is ignored, and a keyword with the same
    /// stems as an earlier one of its theme is folded into it.
    ///
    /// # Example
    /// ```
    /// use cadran_core::metrics::voice::{lang::Language, themes::{CompiledThemes, ThemeDictionary}};
    /// let d = ThemeDictionary::default_customer_service(Language::English);
    /// let c = CompiledThemes::new(&d, Language::French);
    /// assert_eq!(c.language(), Language::French);
    /// ```
    #[must_use]
    pub fn new(dictionary: &ThemeDictionary, language: Language) -> Self {
        let mut keywords = Vec::new();
        let mut by_first: HashMap<String, Vec<usize>> = HashMap::new();
        let mut seen: HashSet<(usize, Vec<String>)> = HashSet::new();
        for (theme, t) in dictionary.themes.iter().enumerate() {
            for (keyword, k) in t.keywords.iter().enumerate() {
                let tokens = tokenise(k);
                let all = stems(k, &tokens, language);
                let content: Vec<String> = tokens
                    .iter()
                    .zip(all)
                    .filter(|(t, _)| is_content(t.kind, &t.folded, language))
                    .map(|(_, s)| s)
                    .collect();
                // « facture » and « facturation » share a stem: one of them
                // per theme is enough (a match is reported once).
                let fresh = seen.insert((theme, content.clone()));
                if let Some(first) = content.first().filter(|_| fresh) {
                    by_first
                        .entry(first.clone())
                        .or_default()
                        .push(keywords.len());
                    keywords.push(CompiledKeyword {
                        theme,
                        keyword,
                        stems: content,
                    });
                }
            }
        }
        Self {
            language,
            keywords,
            by_first,
        }
    }

    /// The language the keywords were stemmed in.
    #[must_use]
    pub fn language(&self) -> Language {
        self.language
    }
}

/// Whether a token counts for matching: a word that is not a stop word.
fn is_content(kind: TokenKind, folded: &str, language: Language) -> bool {
    kind == TokenKind::Word && !is_stop_word(folded, language)
}

/// One explainable match: which keyword of which theme matched which words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ThemeMatch {
    /// Index of the theme in the dictionary.
    pub theme: usize,
    /// Index of the keyword in that theme.
    pub keyword: usize,
    /// Token indices matched (first..last + 1; stop words in between
    /// included).
    pub tokens: Range<usize>,
    /// Byte range in the comment to highlight.
    pub span: Range<usize>,
    /// Whether the matched words are in a negation scope ("no bug").
    pub negated: bool,
}

/// The theme matches of one analysed comment.
///
/// **Definition.** The comment's content words (words that are not stop
/// words of its language) are compared by stem with each keyword's content
/// stems; a keyword of n words matches n consecutive content words with the
/// same stems (stop words between them are allowed: « temps de réponse »
/// matches « temps de réponse » and « temps réponse »). Stemming is the
/// Snowball algorithm ([`super::stem`]); matching by stem is the standard
/// dictionary-coding practice of content analysis (Krippendorff, K. (2018),
/// *Content Analysis*, 4th ed., ch. 11 "dictionaries"). Every match is
/// reported, in token order; `compiled` should be in the comment's language
/// (otherwise nothing is matched).
///
/// # Example
/// ```
/// use cadran_core::metrics::voice::{analyse::analyse, lang::Language, themes::*};
/// let d = ThemeDictionary::default_customer_service(Language::French);
/// let c = CompiledThemes::new(&d, Language::French);
/// let text = "Deux factures en double et un temps de réponse énorme";
/// let a = analyse(text, Some(Language::French), Language::French);
/// let m = match_themes(&c, &a);
/// let found: Vec<(&str, &str)> = m.iter().map(|m| (d.themes[m.theme].name.as_str(), &text[m.span.clone()])).collect();
/// assert_eq!(found, [("Facturation", "factures"), ("Rapidité du support", "temps de réponse")]);
/// ```
#[must_use]
pub fn match_themes(compiled: &CompiledThemes, comment: &AnalysedComment) -> Vec<ThemeMatch> {
    if compiled.language != comment.lang() {
        return Vec::new();
    }
    let content: Vec<usize> = (0..comment.tokens.len())
        .filter(|&i| {
            is_content(
                comment.tokens[i].kind,
                &comment.tokens[i].folded,
                comment.lang(),
            )
        })
        .collect();
    let mut out = Vec::new();
    for (ci, &ti) in content.iter().enumerate() {
        let Some(candidates) = compiled.by_first.get(&comment.stems[ti]) else {
            continue;
        };
        for &k in candidates {
            let kw = &compiled.keywords[k];
            let n = kw.stems.len();
            let Some(run) = content.get(ci..ci + n) else {
                continue;
            };
            if run
                .iter()
                .zip(&kw.stems)
                .all(|(&t, s)| comment.stems[t] == *s)
            {
                let last = run[n - 1];
                out.push(ThemeMatch {
                    theme: kw.theme,
                    keyword: kw.keyword,
                    tokens: ti..last + 1,
                    span: comment.tokens[ti].span.start..comment.tokens[last].span.end,
                    negated: run.iter().any(|&t| comment.negation[t] > 0),
                });
            }
        }
    }
    out
}

/// The distinct themes a comment mentions, sorted, from its matches.
///
/// # Example
/// ```
/// use cadran_core::metrics::voice::themes::{themes_mentioned, ThemeMatch};
/// let m = |theme| ThemeMatch { theme, keyword: 0, tokens: 0..1, span: 0..1, negated: false };
/// assert_eq!(themes_mentioned(&[m(3), m(1), m(3)]), [1, 3]);
/// ```
#[must_use]
pub fn themes_mentioned(matches: &[ThemeMatch]) -> Vec<usize> {
    let mut t: Vec<usize> = matches.iter().map(|m| m.theme).collect();
    t.sort_unstable();
    t.dedup();
    t
}

#[cfg(test)]
#[path = "themes_tests.rs"]
mod tests;
