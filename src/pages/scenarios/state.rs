//! The page's state: one [`Scenario`] (the truth every view derives from),
//! its title, the scenario being edited, the results of the core computed
//! once per change, and a status line with undo for destructive actions.
//!
//! The scenario is autosaved to storage on every change; a share link or a
//! hand-off from the import page replaces or amends it, with undo.

use super::texts::{input_label};
use crate::i18n::tr;
use crate::i18n::use_prefs;
use crate::persistence;
use cadran_core::locale::Locale;
use cadran_core::scenario::model::{Input, Scenario, ScenarioError, Subject};
use cadran_core::scenario::summary::{run, ScenarioResult};
use crate::handoff::PendingVariant;
use cadran_core::metrics::value::driver_variant;
use cadran_core::scenario::acquisition_whatif::acquisition_variant;
use cadran_core::Decimal;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// Storage key of the autosaved scenario.
const KEY: &str = "scenario";

/// What is autosaved.
#[derive(Serialize, Deserialize, Default)]
struct Saved {
    title: String,
    scenario: Scenario,
}

/// A message at the top of the page, possibly with an undo.
#[derive(Clone, PartialEq, Eq)]
pub struct Status {
    /// The message.
    pub text: String,
    /// Whether it reports a problem (then it is an alert).
    pub error: bool,
    /// What "Undo" restores: the scenario and title before the action.
    pub undo: Option<(Scenario, String)>,
}

/// Everything the page's parts share, as a context newtype.
#[derive(Clone, Copy)]
pub struct Ctx {
    /// The baseline and variants.
    pub scenario: RwSignal<Scenario>,
    /// The report's title.
    pub title: RwSignal<String>,
    /// The scenario shown in the editor.
    pub selected: RwSignal<Subject>,
    /// Every scenario projected, summarised and compared (core `run`).
    pub results: Memo<Vec<ScenarioResult>>,
    /// Every invalid value, located.
    pub problems: Memo<Vec<ScenarioError>>,
    /// Fields whose text is not a number: the results use their last value.
    pub unparsed: RwSignal<Vec<(Subject, Input)>>,
    /// The status line.
    pub status: RwSignal<Option<Status>>,
}

impl Ctx {
    /// Restores the autosaved scenario (or the defaults) and autosaves it.
    #[allow(clippy::new_without_default, reason = "it reads storage and starts autosaving: not a plain default")]
    pub fn new() -> Self {
        let saved: Saved = persistence::load(KEY).unwrap_or_default();
        crate::components::report_discarded();
        let scenario = RwSignal::new(saved.scenario);
        let title = RwSignal::new(saved.title);
        let results = Memo::new(move |_| scenario.with(run));
        let problems = Memo::new(move |_| scenario.with(|s| s.validate().err().unwrap_or_default()));
        // Storage is outside Leptos: an effect is the right tool.
        Effect::new(move |_| {
            let data = Saved { title: title.get(), scenario: scenario.get() };
            persistence::save(KEY, &data);
        });
        Self {
            scenario,
            title,
            selected: RwSignal::new(Subject::Baseline),
            results,
            problems,
            unparsed: RwSignal::new(Vec::new()),
            status: RwSignal::new(None),
        }
    }

    /// The context provided by the page.
    #[must_use]
    pub fn get() -> Self {
        expect_context::<Ctx>()
    }

    /// Replaces the whole scenario (import, share link, undo-able change),
    /// saying `message` and offering to undo.
    pub fn replace(&self, next: Scenario, title: Option<String>, message: String) {
        let before = (self.scenario.get_untracked(), self.title.get_untracked());
        self.unparsed.set(Vec::new());
        self.selected.set(Subject::Baseline);
        if let Some(t) = title {
            self.title.set(t);
        }
        self.scenario.set(next);
        self.status.set(Some(Status { text: message, error: false, undo: Some(before) }));
    }

    /// Puts back what the last undo-able action replaced.
    pub fn undo(&self) {
        let Some(Status { undo: Some((s, t)), .. }) = self.status.get_untracked() else { return };
        let l = use_prefs().locale.get_untracked();
        self.unparsed.set(Vec::new());
        self.selected.update(|sel| {
            if let Subject::Variant(i) = *sel {
                if i >= s.variants.len() {
                    *sel = Subject::Baseline;
                }
            }
        });
        self.scenario.set(s);
        self.title.set(t);
        self.status.set(Some(Status { text: tr("Annulé.", "Undone.").get(l).into(), error: false, undo: None }));
    }

    /// Shows a message (no undo).
    pub fn say(&self, text: String, error: bool) {
        self.status.set(Some(Status { text, error, undo: None }));
    }

    /// The name of a scenario as shown: the user's, or a default.
    #[must_use]
    pub fn name_of(s: &Scenario, subject: Subject, l: Locale) -> String {
        match subject {
            Subject::Baseline => tr("Référence", "Baseline").get(l).into(),
            Subject::Variant(i) => match s.variants.get(i).map(|v| v.name.trim()) {
                Some(n) if !n.is_empty() => n.to_string(),
                _ => default_variant_name(i, l),
            },
        }
    }
}

/// "Variante 2" / "Variant 2".
#[must_use]
pub fn default_variant_name(i: usize, l: Locale) -> String {
    format!("{} {}", tr("Variante", "Variant").get(l), i + 1)
}

/// Applies values handed over by the import page ("Use these numbers") to
/// the baseline, and says which.
/// Adds the variant another page left (a value driver improved, an A/B
/// test's winner rolled out), made on this page's baseline by the core;
/// says why not when its numbers are refused or four variants are there.
pub fn apply_variant_handoff(ctx: Ctx, pending: &PendingVariant, l: Locale) {
    let mut next = ctx.scenario.get_untracked();
    let (made, name, from) = match pending {
        PendingVariant::Driver { name, link } => (driver_variant(name, &next.baseline, link), name, tr("la page Valeur", "the Value page")),
        PendingVariant::Acquisition { name, extra_customers_per_month } => {
            (acquisition_variant(name, &next.baseline, *extra_customers_per_month), name, tr("le test A/B", "the A/B test"))
        }
    };
    let said = match made {
        Ok(_) if next.variants.len() >= cadran_core::scenario::model::MAX_VARIANTS => Err(tr("Quatre variantes sont déjà là : supprimez-en une, puis renvoyez-la depuis {}.", "Four variants are already there: delete one, then send it again from {}.").fill(l, &[from.get(l)])),
        Ok(v) => {
            next.variants.push(v);
            Ok(match pending {
                PendingVariant::Driver { .. } => tr(
                    "Variante « {} » ajoutée depuis {}. Son effet sur l’attrition est votre hypothèse, pas une mesure.",
                    "Variant “{}” added from {}. Its effect on churn is your assumption, not a measurement.",
                ),
                PendingVariant::Acquisition { .. } => tr(
                    "Variante « {} » ajoutée depuis {} : les nouveaux clients en plus chaque mois si l’écart mesuré se maintient.",
                    "Variant “{}” added from {}: the extra new customers a month if the measured lift holds.",
                ),
            }
            .fill(l, &[name, from.get(l)]))
        }
        Err(e) => Err(super::words::reason(&e, l)),
    };
    match said {
        Ok(msg) => {
            let i = next.variants.len() - 1;
            ctx.replace(next, None, msg);
            ctx.selected.set(Subject::Variant(i));
        }
        Err(msg) => ctx.status.set(Some(Status { text: msg, error: true, undo: None })),
    }
}

pub fn apply_handoff(ctx: Ctx, values: Vec<(String, Decimal)>, l: Locale) {
    let mut next = ctx.scenario.get_untracked();
    let mut names = Vec::new();
    for (k, v) in values {
        if let Some(input) = Input::ALL.into_iter().find(|i| i.field().0 == k) {
            input.set(&mut next.baseline, v);
            names.push(input_label(input, l));
        }
    }
    if names.is_empty() {
        return;
    }
    let msg = tr("Valeurs reprises de l’import dans la référence : {}.", "Values from your import applied to the baseline: {}.")
        .fill(l, &[&names.join(", ")]);
    ctx.replace(next, None, msg);
}
