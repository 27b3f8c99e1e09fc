//! Sentiment tests: VADER's published README examples that the lexicon
//! subset covers, French everyday cases, and invariants.

use super::{sentence_sentiments, sentiment, Polarity};
use crate::metrics::voice::lang::Language;
use crate::metrics::voice::lexicon::Lexicon;
use proptest::prelude::*;

/// The compound scores printed in VADER's README ("Output for the above
/// example code", github.com/cjhutto/vaderSentiment, README.rst). Left out:
/// the emoji sentence ("Catch utf-8 emoji such as 💘 and 💋 and 😁", 0.7003),
/// which VADER scores through emoji descriptions this module does not carry.
const VADER_README: &[(&str, f64)] = &[
    ("VADER is smart, handsome, and funny.", 0.8316),
    ("VADER is smart, handsome, and funny!", 0.8439),
    ("VADER is very smart, handsome, and funny.", 0.8545),
    ("VADER is VERY SMART, handsome, and FUNNY.", 0.9227),
    ("VADER is VERY SMART, handsome, and FUNNY!!!", 0.9342),
    (
        "VADER is VERY SMART, uber handsome, and FRIGGIN FUNNY!!!",
        0.9469,
    ),
    ("VADER is not smart, handsome, nor funny.", -0.7424),
    ("The book was good.", 0.4404),
    ("At least it isn't a horrible book.", 0.431),
    ("The book was only kind of good.", 0.3832),
    (
        "The plot was good, but the characters are uncompelling and the dialog is not great.",
        -0.7042,
    ),
    ("Today SUX!", -0.5461),
    ("Today only kinda sux! But I'll get by, lol", 0.5249),
    ("Make sure you :) or :D today!", 0.8633),
    ("Not bad at all", 0.431),
];

#[test]
fn matches_vader_readme_compounds() {
    let en = Lexicon::new(Language::English);
    for (text, want) in VADER_README {
        let got = sentiment(text, &en).compound;
        assert!(
            (got - want).abs() < 5e-5,
            "{text:?}: compound {got:.4}, VADER README {want}"
        );
    }
}

#[test]
fn matches_vader_readme_shares() {
    // README: {'pos': 0.746, 'neu': 0.254, 'neg': 0.0} and the negated one
    // {'pos': 0.0, 'neu': 0.354, 'neg': 0.646}.
    let en = Lexicon::new(Language::English);
    for (text, pos, neu, neg) in [
        ("VADER is smart, handsome, and funny.", 0.746, 0.254, 0.0),
        (
            "VADER is not smart, handsome, nor funny.",
            0.0,
            0.354,
            0.646,
        ),
        ("The book was good.", 0.492, 0.508, 0.0),
    ] {
        let s = sentiment(text, &en);
        for (name, got, want) in [
            ("pos", s.positive, pos),
            ("neu", s.neutral, neu),
            ("neg", s.negative, neg),
        ] {
            assert!(
                (got - want).abs() < 5e-4,
                "{text:?}: {name} {got:.3}, VADER README {want}"
            );
        }
    }
}

#[test]
fn french_negation_and_contrast() {
    let fr = Lexicon::new(Language::French);
    for (text, want) in [
        ("Pas mal du tout", Polarity::Positive),
        ("Ce n'est pas bon", Polarity::Negative),
        ("Le support ne répond jamais, c'est nul", Polarity::Negative),
        ("Très rapide et efficace !", Polarity::Positive),
        (
            "Appli géniale mais support très lent et facturation catastrophique",
            Polarity::Negative,
        ),
        ("Sans problème, merci", Polarity::Positive),
        ("Peu fiable", Polarity::Negative),
        ("La facture du mois de mars", Polarity::Neutral),
        ("", Polarity::Neutral),
    ] {
        let s = sentiment(text, &fr);
        assert_eq!(s.polarity(), want, "{text:?}: {s:?}");
    }
}

#[test]
fn english_everyday_cases() {
    let en = Lexicon::new(Language::English);
    for (text, want) in [
        ("not good", Polarity::Negative),
        ("slow support but the app is great", Polarity::Positive),
        ("The app is great but support is slow", Polarity::Negative),
        ("never had a problem", Polarity::Positive),
        ("👍", Polarity::Positive),
    ] {
        let s = sentiment(text, &en);
        assert_eq!(s.polarity(), want, "{text:?}: {s:?}");
    }
    // Sentence level: the slow clause stays negative on its own.
    let s = sentence_sentiments("Support is slow. But the app is great!", &en);
    let p: Vec<_> = s.iter().map(|s| s.score.polarity()).collect();
    assert_eq!(p, [Polarity::Negative, Polarity::Positive]);
}

#[test]
fn bad_input_is_scored_without_panic() {
    let fr = Lexicon::new(Language::French);
    let big = "lent ".repeat(200_000); // a 1 MB cell
    for text in [
        "",
        "👍👍👍",
        "<b>Super</b> appli<br/>",
        "=HYPERLINK(\"x\")",
        "\u{0}\u{FFFD}\u{7}",
        big.as_str(),
    ] {
        let s = sentiment(text, &fr);
        assert!((-1.0..=1.0).contains(&s.compound), "{:?}", text.get(..20));
    }
    assert!(
        sentiment("<b>Super</b> appli", &fr).compound > 0.0,
        "markup does not hide words"
    );
    assert!(
        sentiment(&big, &fr).compound < -0.99,
        "a long complaint saturates towards −1"
    );
}

proptest! {
    #[test]
    fn scores_stay_in_range_on_any_text(s in any::<String>(), french in any::<bool>()) {
        let lex = Lexicon::new(if french { Language::French } else { Language::English });
        let v = sentiment(&s, &lex);
        prop_assert!((-1.0..=1.0).contains(&v.compound), "{:?}: {:?}", s, v);
        for x in [v.positive, v.neutral, v.negative] {
            prop_assert!((0.0..=1.0).contains(&x), "{:?}: {:?}", s, v);
        }
        for sent in sentence_sentiments(&s, &lex) {
            prop_assert!(s.get(sent.span.clone()).is_some());
        }
    }

    #[test]
    fn shouting_words_never_panics(words in proptest::collection::vec("[A-Za-z!?]{1,8}", 0..40)) {
        let en = Lexicon::new(Language::English);
        let v = sentiment(&words.join(" "), &en);
        prop_assert!((-1.0..=1.0).contains(&v.compound));
    }
}
