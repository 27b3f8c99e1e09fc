//! The embed builder's texts, French and English side by side.

use crate::i18n::{tr, Tr};

/// The page's texts.
pub struct Texts {
    pub(super) intro: Tr,
    pub(super) choose: Tr,
    pub(super) calculator: Tr,
    pub(super) look: Tr,
    pub(super) theme: Tr,
    pub(super) light: Tr,
    pub(super) dark: Tr,
    pub(super) accent: Tr,
    pub(super) accent_low: Tr,
    pub(super) font: Tr,
    pub(super) radius: Tr,
    pub(super) language: Tr,
    pub(super) visitor: Tr,
    pub(super) currency: Tr,
    pub(super) values: Tr,
    pub(super) values_help: Tr,
    pub(super) preview: Tr,
    pub(super) preview_title: Tr,
    pub(super) code: Tr,
    pub(super) iframe_code: Tr,
    pub(super) resize_code: Tr,
    pub(super) copy: Tr,
    pub(super) copied: Tr,
    pub(super) copy_failed: Tr,
    pub(super) privacy: Tr,
}

/// The page's texts.
pub const T: Texts = Texts {
    intro: tr(
        "Ajoutez un calculateur Cadran à votre site : choisissez-le, réglez son apparence et ses valeurs de départ, puis copiez le code. Le calculateur intégré calcule dans le navigateur du visiteur, n’envoie rien et n’enregistre rien.",
        "Add a Cadran calculator to your site: pick one, set its look and starting values, then copy the code. The embedded calculator computes in the visitor’s browser, sends nothing and stores nothing.",
    ),
    choose: tr("Calculateur", "Calculator"),
    calculator: tr("Calculateur à intégrer", "Calculator to embed"),
    look: tr("Apparence", "Look"),
    theme: tr("Thème", "Theme"),
    light: tr("Clair", "Light"),
    dark: tr("Sombre", "Dark"),
    accent: tr("Couleur d’accent", "Accent colour"),
    accent_low: tr(
        "Contraste insuffisant sur ce thème (moins de 4,5:1) : la couleur par défaut sera utilisée.",
        "Not enough contrast on this theme (under 4.5:1): the default colour will be used.",
    ),
    font: tr("Police (polices du système)", "Font (system fonts)"),
    radius: tr("Arrondi des angles (px)", "Corner radius (px)"),
    language: tr("Langue", "Language"),
    visitor: tr("Celle du visiteur", "The visitor’s"),
    currency: tr("Devise", "Currency"),
    values: tr("Valeurs de départ", "Starting values"),
    values_help: tr(
        "Laissez vide pour garder la valeur par défaut. Les nombres s’écrivent comme dans le calculateur (12,5).",
        "Leave empty to keep the default. Numbers are written as in the calculator (12.5).",
    ),
    preview: tr("Aperçu", "Preview"),
    preview_title: tr("Aperçu du calculateur intégré", "Preview of the embedded calculator"),
    code: tr("Code à copier", "Code to copy"),
    iframe_code: tr("1. Le calculateur (iframe)", "1. The calculator (iframe)"),
    resize_code: tr("2. L’ajustement de la hauteur (une fois par page)", "2. Height adjustment (once per page)"),
    copy: tr("Copier", "Copy"),
    copied: tr("Copié dans le presse-papiers.", "Copied to the clipboard."),
    copy_failed: tr(
        "Copie impossible : sélectionnez le texte et copiez-le.",
        "Could not copy: select the text and copy it.",
    ),
    privacy: tr(
        "Le calculateur n’envoie que sa hauteur à votre page (jamais une valeur saisie), ne dépose ni cookie ni donnée, et ne contacte aucun serveur après son chargement.",
        "The calculator sends your page its height only (never a typed value), leaves no cookie or data, and contacts no server after loading.",
    ),
};
