//! Customer voice: what customers write, read in French and English on the
//! device — tokens, negation, sentiment and themes (issue 20).
//!
//! Text scores (sentiment, keyphrase salience, language ratios) are
//! heuristics computed in floating point and their types say so; the NPS of a
//! theme is exact ([`rust_decimal::Decimal`]) like every other NPS.
//!
//! The pipeline for one comment, bundled by [`analyse::analyse`] (and
//! [`analyse::analyse_all`] for a survey): [`token::tokenise`] (Unicode
//! segmentation, elision, emoji) → [`lang::guess_language`] (overridable) →
//! [`stem::stems`] (Snowball) → [`negation::negation_scope`]. Then
//! [`sentiment::comment_sentiment`] (VADER rules, per comment and per
//! sentence, with [`lexicon::Lexicon`]), [`themes::match_themes`] (the
//! user's dictionary, explainable matches), and over all comments
//! [`keyphrase::keyphrases`] (discovered themes) and
//! [`theme_nps::theme_nps`] (each theme's NPS and impact).
//!
//! Dependencies: `unicode-segmentation` (UAX #29) and `rust-stemmers`
//! (Snowball), both pure Rust and built for `wasm32-unknown-unknown`; the
//! voice code is meant for an on-demand module, so the app's first visit
//! links none of it.

pub mod analyse;
pub mod fold;
pub mod keyphrase;
pub mod lang;
pub mod lexicon;
pub mod lexicon_en;
pub mod lexicon_fr;
pub mod negation;
pub mod sentiment;
pub mod stem;
pub mod stopwords;
pub mod theme_nps;
pub mod themes;
pub mod token;
