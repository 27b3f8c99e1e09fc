//! Themes × scores: the NPS of the comments that mention a theme, of those
//! that do not, the theme's impact on the overall NPS, and its share among
//! detractors and promoters ("what detractors talk about"). Exact
//! ([`Decimal`]) like every NPS.

use crate::arith::{percent_of, sub};
use crate::metrics::nps::{nps, Nps, NpsCounts};
use crate::{Field, InputError, InputProblem, Outcome, Percent, Undefined};
use rust_decimal::Decimal;

/// The scores of one theme.
#[derive(Debug, Clone, PartialEq)]
pub struct ThemeNps {
    /// Index of the theme in the dictionary.
    pub theme: usize,
    /// Scored comments that mention the theme.
    pub with: NpsCounts,
    /// Scored comments that do not.
    pub without: NpsCounts,
    /// NPS of the comments that mention it ([`Undefined::NoAnswers`] if none).
    pub nps_with: Outcome<Nps>,
    /// NPS of the others ([`Undefined::NoAnswers`] if every comment does).
    pub nps_without: Outcome<Nps>,
    /// Impact: NPS(all) − NPS(without the theme), in points; negative when
    /// the theme drags the NPS down.
    pub impact: Outcome<Decimal>,
    /// Share of all detractors whose comment mentions the theme.
    pub share_of_detractors: Outcome<Percent>,
    /// Share of all promoters whose comment mentions the theme.
    pub share_of_promoters: Outcome<Percent>,
}

/// NPS of all scored comments and of each theme.
#[derive(Debug, Clone, PartialEq)]
pub struct ThemeNpsTable {
    /// All scored comments.
    pub all: NpsCounts,
    /// NPS of all scored comments.
    pub nps_all: Outcome<Nps>,
    /// One row per theme, in dictionary order.
    pub themes: Vec<ThemeNps>,
}

/// Per-theme NPS and impact.
///
/// **Definition.** `scores[i]` is comment i's 0–10 answer (`None`: not
/// scored, left out), `themes[i]` the themes it mentions (see
/// [`super::themes::themes_mentioned`]). For each theme: the NPS of the
/// scored comments that mention it and of those that do not (Reichheld
/// 2003, see [`crate::metrics::nps::nps`]); its **impact** =
/// NPS(all) − NPS(all but the comments that mention it), "how much the
/// overall score would change if nobody mentioned it" (Thematic, *Impact
/// formulas*, help.getthematic.com/article/32-impact-calculation-equations);
/// and the share of detractors (promoters) whose comment mentions it.
/// A score above 10 is an [`InputError`] on `score`; a theme index at or
/// above `theme_count` is one on `theme`.
///
/// # Example
/// ```
/// use cadran_core::metrics::voice::theme_nps::theme_nps;
/// use cadran_core::Percent;
/// use rust_decimal_macros::dec;
/// // Ten answers; theme 0 (price) is mentioned by the scores 2, 4, 6 and 9.
/// let scores = [2, 4, 6, 9, 10, 9, 8, 10, 3, 7].map(Some);
/// let price = |on: bool| if on { vec![0] } else { vec![] };
/// let themes = [true, true, true, false, false, true, false, false, false, false].map(price);
/// let t = theme_nps(&scores, &themes, 1).unwrap();
/// assert_eq!(t.nps_all.as_ref().unwrap().nps, dec!(0)); // 4 promoters, 4 detractors of 10
/// let p = &t.themes[0];
/// assert_eq!(p.nps_with.as_ref().unwrap().nps, dec!(-50)); // 1 promoter, 3 detractors of 4
/// // Without price: 3 promoters, 1 detractor of 6 → 50 − 16.67 = 33.33; impact 0 − 33.33.
/// assert_eq!(p.impact.as_ref().unwrap().round_dp(2), dec!(-33.33));
/// assert_eq!(p.share_of_detractors, Ok(Percent(dec!(75))));
/// ```
pub fn theme_nps(
    scores: &[Option<u8>],
    themes: &[Vec<usize>],
    theme_count: usize,
) -> Outcome<ThemeNpsTable> {
    let mut all = NpsCounts::default();
    let mut with = vec![NpsCounts::default(); theme_count];
    for (score, mentioned) in scores
        .iter()
        .zip(themes.iter().chain(std::iter::repeat(&Vec::new())))
    {
        let Some(s) = *score else { continue };
        let group = |c: &mut NpsCounts| match s {
            0..=6 => c.detractors += 1,
            7 | 8 => c.passives += 1,
            _ => c.promoters += 1,
        };
        if s > 10 {
            let max = Decimal::TEN;
            return Err(InputError::new(
                Field("score"),
                InputProblem::OutOfRange {
                    min: Decimal::ZERO,
                    max,
                },
            )
            .into());
        }
        group(&mut all);
        let mut seen: Vec<usize> = Vec::with_capacity(mentioned.len());
        for &t in mentioned {
            let Some(c) = with.get_mut(t) else {
                let max = Decimal::from(theme_count.saturating_sub(1));
                return Err(InputError::new(
                    Field("theme"),
                    InputProblem::OutOfRange {
                        min: Decimal::ZERO,
                        max,
                    },
                )
                .into());
            };
            if !seen.contains(&t) {
                seen.push(t);
                group(c);
            }
        }
    }
    let nps_all = nps(&all);
    let rows = with
        .into_iter()
        .enumerate()
        .map(|(theme, w)| {
            let without = NpsCounts {
                promoters: all.promoters - w.promoters,
                passives: all.passives - w.passives,
                detractors: all.detractors - w.detractors,
            };
            let nps_without = nps(&without);
            let impact = match (&nps_all, &nps_without) {
                (Ok(a), Ok(b)) => sub(a.nps, b.nps),
                (Err(e), _) | (_, Err(e)) => Err(e.clone()),
            };
            let share = |part: u64, whole: u64| {
                percent_of(
                    Decimal::from(part),
                    Decimal::from(whole),
                    Undefined::NoAnswers,
                )
            };
            ThemeNps {
                theme,
                with: w,
                without,
                nps_with: nps(&w),
                nps_without,
                impact,
                share_of_detractors: share(w.detractors, all.detractors),
                share_of_promoters: share(w.promoters, all.promoters),
            }
        })
        .collect();
    Ok(ThemeNpsTable {
        all,
        nps_all,
        themes: rows,
    })
}

#[cfg(test)]
mod tests {
    use super::theme_nps;
    use crate::metrics::test_support::invalid;
    use crate::{InputProblem, MetricError, Undefined};
    use proptest::prelude::*;
    use rust_decimal::Decimal;
    use rust_decimal_macros::dec;

    #[test]
    fn thematic_style_impact_and_edge_cases() {
        // Every scored comment mentions theme 0: no "without" group.
        let t = theme_nps(
            &[Some(10), Some(0), None],
            &[vec![0], vec![0, 0], vec![]],
            2,
        )
        .unwrap();
        assert_eq!(
            t.themes[0].impact,
            Err(MetricError::Undefined(Undefined::NoAnswers))
        );
        assert_eq!(
            t.themes[0].with.detractors, 1,
            "a theme mentioned twice counts once"
        );
        // Theme 1 is never mentioned: its impact is 0 and its own NPS undefined.
        assert_eq!(t.themes[1].impact, Ok(dec!(0)));
        assert_eq!(
            t.themes[1].nps_with,
            Err(MetricError::Undefined(Undefined::NoAnswers))
        );
        let range = |max: Decimal| InputProblem::OutOfRange {
            min: Decimal::ZERO,
            max,
        };
        assert_eq!(
            theme_nps(&[Some(11)], &[vec![]], 1),
            Err(invalid("score", range(dec!(10))))
        );
        assert_eq!(
            theme_nps(&[Some(5)], &[vec![3]], 2),
            Err(invalid("theme", range(dec!(1))))
        );
        assert!(theme_nps(&[], &[], 0).unwrap().themes.is_empty());
    }

    proptest! {
        #[test]
        fn impact_is_bounded_and_groups_add_up(
            rows in proptest::collection::vec((0u8..=10, proptest::collection::vec(0usize..3, 0..3)), 0..60)
        ) {
            let scores: Vec<_> = rows.iter().map(|(s, _)| Some(*s)).collect();
            let themes: Vec<_> = rows.iter().map(|(_, t)| t.clone()).collect();
            let t = theme_nps(&scores, &themes, 3).unwrap();
            for r in &t.themes {
                prop_assert_eq!(r.with.total().unwrap() + r.without.total().unwrap(), t.all.total().unwrap());
                if let Ok(i) = &r.impact {
                    prop_assert!(*i >= dec!(-200) && *i <= dec!(200), "impact {}", i);
                }
            }
        }
    }
}
