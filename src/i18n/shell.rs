//! Texts of the app shell: header, navigation, footer.

use super::{tr, Tr};

/// Every text the shell shows.
pub struct ShellTexts {
    /// Tag line under the product name.
    pub tagline: Tr,
    /// The privacy promise in the header.
    pub privacy: Tr,
    /// Label of the navigation landmark.
    pub nav_label: Tr,
    /// Label of the calculators' sub-navigation.
    pub cards_label: Tr,
    /// Label of the language switch.
    pub language: Tr,
    /// Label of the currency picker.
    pub currency: Tr,
    /// Footer text before the version.
    pub footer: Tr,
    /// Link that skips to the content.
    pub skip: Tr,
    /// Title of the page shown for an unknown address.
    pub not_found: Tr,
}

/// The shell's texts.
pub const SHELL: ShellTexts = ShellTexts {
    tagline: tr("Simulateur d’indicateurs de succès client", "Customer-success KPI simulator"),
    privacy: tr("Vos données ne quittent jamais ce navigateur.", "Your data never leaves this browser."),
    nav_label: tr("Sections", "Sections"),
    cards_label: tr("Calculateurs", "Calculators"),
    language: tr("Langue", "Language"),
    currency: tr("Devise", "Currency"),
    footer: tr(
        "Cadran — calculs exacts, faits sur votre appareil. Version",
        "Cadran — exact figures, computed on your device. Version",
    ),
    skip: tr("Aller au contenu", "Skip to content"),
    not_found: tr("Cette page n’existe pas.", "This page does not exist."),
};

