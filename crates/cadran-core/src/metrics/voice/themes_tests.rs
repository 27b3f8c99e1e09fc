//! Theme matching tests: stems merge inflections, every match is
//! explainable, edits change the grouping.

use super::{match_themes, themes_mentioned, CompiledThemes, Theme, ThemeDictionary};
use crate::metrics::voice::analyse::analyse;
use crate::metrics::voice::lang::Language::{self, English, French};
use proptest::prelude::*;

/// (theme name, matched text) of `text` under the default dictionary.
fn found(text: &str, lang: Language) -> Vec<(String, String)> {
    let d = ThemeDictionary::default_customer_service(English);
    let c = CompiledThemes::new(&d, lang);
    let a = analyse(text, Some(lang), lang);
    match_themes(&c, &a)
        .into_iter()
        .map(|m| (d.themes[m.theme].name.clone(), text[m.span].to_owned()))
        .collect()
}

#[test]
fn default_themes_match_by_stem_in_both_languages() {
    let s = |a: &str, b: &str| (a.to_owned(), b.to_owned());
    for (text, lang, want) in [
        (
            "La facturation est fausse",
            French,
            vec![s("Billing", "facturation")],
        ),
        (
            "Mes factures arrivent en retard",
            French,
            vec![s("Billing", "factures")],
        ),
        (
            "Trop cher pour ce que c'est",
            French,
            vec![s("Price", "cher")],
        ),
        (
            "L'application plante souvent",
            French,
            vec![s("Reliability", "plante")],
        ),
        (
            "Invoices are wrong and support is slow",
            English,
            vec![s("Billing", "Invoices"), s("Support speed", "slow")],
        ),
        (
            "The response time is awful",
            English,
            vec![s("Support speed", "response time")],
        ),
        ("Great app", English, vec![]),
    ] {
        assert_eq!(found(text, lang), want, "{text:?}");
    }
}

#[test]
fn negated_mentions_are_flagged() {
    let d = ThemeDictionary::default_customer_service(French);
    let c = CompiledThemes::new(&d, French);
    let a = analyse("Jamais eu de bug", Some(French), French);
    let m = match_themes(&c, &a);
    assert_eq!(m.len(), 1);
    assert!(m[0].negated, "{m:?}");
}

#[test]
fn editing_the_dictionary_changes_the_grouping() {
    let text = "L'appli est lente sur tablette";
    let a = analyse(text, Some(French), French);
    let mut d = ThemeDictionary {
        themes: vec![Theme {
            name: "Mobile".into(),
            keywords: vec!["smartphone".into()],
        }],
    };
    assert!(match_themes(&CompiledThemes::new(&d, French), &a).is_empty());
    d.themes[0].keywords.push("tablettes".into());
    let m = match_themes(&CompiledThemes::new(&d, French), &a);
    assert_eq!(themes_mentioned(&m), [0]);
    assert_eq!(&text[m[0].span.clone()], "tablette");
}

#[test]
fn other_language_or_empty_keywords_match_nothing() {
    let d = ThemeDictionary {
        themes: vec![Theme {
            name: "Vide".into(),
            keywords: vec!["".into(), "de la".into()],
        }],
    };
    let a = analyse("de la facture", Some(French), French);
    assert!(match_themes(&CompiledThemes::new(&d, French), &a).is_empty());
    let d = ThemeDictionary::default_customer_service(French);
    assert!(match_themes(&CompiledThemes::new(&d, English), &a).is_empty());
}

proptest! {
    #[test]
    fn matches_point_into_the_comment(s in any::<String>(), kw in "[a-zé ]{0,12}") {
        let d = ThemeDictionary { themes: vec![Theme { name: "t".into(), keywords: vec![kw] }] };
        let a = analyse(&s, None, French);
        let c = CompiledThemes::new(&d, a.lang());
        for m in match_themes(&c, &a) {
            prop_assert!(s.get(m.span.clone()).is_some());
            prop_assert!(m.tokens.end <= a.tokens.len());
        }
    }
}
