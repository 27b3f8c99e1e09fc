//! Case and accent folding: the form every comparison (stop words, lexicon,
//! theme keywords) is made on, so that « Réponse », « reponse » and
//! « RÉPONSE » are one word.
//!
//! Folding is for *matching* only: tokens keep their byte span so the UI
//! highlights the text as the customer wrote it, and stemming works on the
//! lower-cased word with its accents (Snowball's French rules read « é »).

/// Lower-cases `text` and strips the accents of Latin letters: « é » → « e »,
/// « ç » → « c », « œ » → « oe », « ß » → « ss »; combining accents
/// (U+0300–U+036F, as in decomposed « e + ◌́ ») are dropped and the typographic
/// apostrophe ’ (U+2019) becomes '.
///
/// **Definition.** Unicode default lower-casing (`char::to_lowercase`,
/// Unicode Standard §3.13) followed by removal of the diacritics of the
/// Latin-1 Supplement and Latin Extended-A letters used in French and English,
/// in the spirit of the Unicode "accent folding" of UTR #30 (withdrawn) and of
/// Lucene's `ASCIIFoldingFilter`. Other scripts are lower-cased only. Folding
/// is idempotent: `fold(fold(s)) == fold(s)`.
///
/// # Example
/// ```
/// use cadran_core::metrics::voice::fold::fold;
/// assert_eq!(fold("Réponse RAPIDE, cœur à l’écoute"), "reponse rapide, coeur a l'ecoute");
/// assert_eq!(fold(&fold("Ça marche")), fold("Ça marche"));
/// ```
#[must_use]
pub fn fold(text: &str) -> String {
    if text.is_ascii() {
        return text.to_ascii_lowercase();
    }
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
            continue;
        }
        for l in c.to_lowercase() {
            push_folded(&mut out, l);
        }
    }
    // Lower-casing is not idempotent for every code point (a few lower-case
    // forms have a different lower-case of their own); one more pass makes
    // the result a fixed point, which matching relies on.
    if out.chars().any(|c| c.to_lowercase().ne(std::iter::once(c))) {
        let again = out.clone();
        out.clear();
        for c in again.chars() {
            for l in c.to_lowercase() {
                push_folded(&mut out, l);
            }
        }
    }
    out
}

/// Appends the folded form of one lower-case character.
fn push_folded(out: &mut String, c: char) {
    let s = match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => "a",
        'ç' | 'ć' | 'ĉ' | 'ċ' | 'č' => "c",
        'ď' | 'đ' => "d",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ĕ' | 'ė' | 'ę' | 'ě' => "e",
        'ĝ' | 'ğ' | 'ġ' | 'ģ' => "g",
        'ĥ' | 'ħ' => "h",
        'ì' | 'í' | 'î' | 'ï' | 'ĩ' | 'ī' | 'ĭ' | 'į' | 'ı' => "i",
        'ĵ' => "j",
        'ķ' => "k",
        'ĺ' | 'ļ' | 'ľ' | 'ŀ' | 'ł' => "l",
        'ñ' | 'ń' | 'ņ' | 'ň' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ŏ' | 'ő' => "o",
        'ŕ' | 'ŗ' | 'ř' => "r",
        'ś' | 'ŝ' | 'ş' | 'š' => "s",
        'ţ' | 'ť' | 'ŧ' => "t",
        'ù' | 'ú' | 'û' | 'ü' | 'ũ' | 'ū' | 'ŭ' | 'ů' | 'ű' | 'ų' => "u",
        'ŵ' => "w",
        'ý' | 'ÿ' | 'ŷ' => "y",
        'ź' | 'ż' | 'ž' => "z",
        'œ' => "oe",
        'æ' => "ae",
        'ß' => "ss",
        '\u{2019}' | '\u{2018}' | '\u{02BC}' => "'",
        '\u{0300}'..='\u{036F}' => "",
        _ => {
            out.push(c);
            return;
        }
    };
    out.push_str(s);
}

#[cfg(test)]
mod tests {
    use super::fold;
    use proptest::prelude::*;

    #[test]
    fn folds_french_and_decomposed_accents() {
        for (input, want) in [
            ("Élevé", "eleve"),
            ("FACTURÉE", "facturee"),
            ("e\u{301}te\u{301}", "ete"),
            ("Œuvre", "oeuvre"),
            ("qu’il", "qu'il"),
            ("Straße", "strasse"),
            ("ПРИВЕТ", "привет"),
            ("👍", "👍"),
        ] {
            assert_eq!(fold(input), want, "fold({input:?})");
        }
    }

    proptest! {
        #[test]
        fn folding_is_idempotent(s in any::<String>()) {
            let once = fold(&s);
            prop_assert_eq!(fold(&once), once.clone(), "fold twice of {:?}", s);
        }
    }
}
