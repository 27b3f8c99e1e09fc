//! Texts of the app shell: header, navigation, footer.

use cadran_core::locale::Locale;

/// Every text the shell shows.
pub struct ShellTexts {
    /// Tag line under the product name.
    pub tagline: &'static str,
    /// The privacy promise in the header.
    pub privacy: &'static str,
    /// Label of the navigation landmark.
    pub nav_label: &'static str,
    /// Label of the calculators' sub-navigation.
    pub cards_label: &'static str,
    /// Label of the language switch.
    pub language: &'static str,
    /// Label of the currency picker.
    pub currency: &'static str,
    /// Footer text before the version.
    pub footer: &'static str,
    /// Link that skips to the content.
    pub skip: &'static str,
    /// Title of the page shown for an unknown address.
    pub not_found: &'static str,
}

const FR: ShellTexts = ShellTexts {
    tagline: "Simulateur d’indicateurs de succès client",
    privacy: "Vos données ne quittent jamais ce navigateur.",
    nav_label: "Sections",
    cards_label: "Calculateurs",
    language: "Langue",
    currency: "Devise",
    footer: "Cadran — calculs exacts, faits sur votre appareil. Version",
    skip: "Aller au contenu",
    not_found: "Cette page n’existe pas.",
};

const EN: ShellTexts = ShellTexts {
    tagline: "Customer-success KPI simulator",
    privacy: "Your data never leaves this browser.",
    nav_label: "Sections",
    cards_label: "Calculators",
    language: "Language",
    currency: "Currency",
    footer: "Cadran — exact figures, computed on your device. Version",
    skip: "Skip to content",
    not_found: "This page does not exist.",
};

/// The shell's texts in `locale`.
#[must_use]
pub fn shell_texts(locale: Locale) -> &'static ShellTexts {
    match locale {
        Locale::Fr => &FR,
        Locale::En => &EN,
    }
}
