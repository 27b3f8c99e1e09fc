//! The distribution of durations as a bar chart's bars: how many tickets
//! waited less than an hour, one to four hours, and so on.

use serde::{Deserialize, Serialize};

/// Bar edges in seconds for support times: 1 h, 4 h, 8 h, 1 day, 3 days,
/// 7 days, so the bars are < 1 h, 1–4 h, 4–8 h, 8–24 h, 1–3 d, 3–7 d, ≥ 7 d.
/// Chosen because the usual SLA targets (1, 4, 8, 24 hours) fall on edges.
pub const SUPPORT_EDGES: [i64; 6] = [3_600, 14_400, 28_800, 86_400, 259_200, 604_800];

/// One bar: the durations in `[from, to)` seconds (`to` is `None` for the last, open bar).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Bar {
    /// Lower edge, included (seconds).
    pub from: i64,
    /// Upper edge, excluded; `None` for the last bar.
    pub to: Option<i64>,
    /// Durations in the bar.
    pub count: u64,
}

/// Counts durations (seconds, any order) into the bars cut at `edges`
/// (ascending, positive): `edges.len() + 1` bars from 0.
///
/// **Definition.** A frequency table with half-open classes `[a, b)`: a
/// reply at exactly 4 hours is in the 4–8 h bar (while a 4-hour SLA target
/// counts it as met, [`super::sla_report`] using `≤`). **Source.** Any statistics text on
/// frequency tables (e.g. D. Freedman, R. Pisani, R. Purves, *Statistics*,
/// 4th ed., 2007, ch. 3: class intervals include their left endpoint).
/// Edges that are not ascending are sorted first; duplicates are dropped.
///
/// # Example
/// ```
/// use cadran_core::metrics::support_times::{bars, SUPPORT_EDGES};
/// let minutes = [5, 30, 59, 60, 200, 300, 2000, 20000];
/// let secs: Vec<i64> = minutes.iter().map(|m| m * 60).collect();
/// let counts: Vec<u64> = bars(&secs, &SUPPORT_EDGES).iter().map(|b| b.count).collect();
/// // < 1 h: 5, 30, 59 min; 1–4 h: 60, 200 min; 4–8 h: 300 min; 1–3 d: 2000 min; ≥ 7 d: 20 000 min.
/// assert_eq!(counts, [3, 2, 1, 0, 1, 0, 1]);
/// ```
#[must_use]
pub fn bars(durations: &[i64], edges: &[i64]) -> Vec<Bar> {
    let mut cut: Vec<i64> = edges.iter().copied().filter(|&e| e > 0).collect();
    cut.sort_unstable();
    cut.dedup();
    let mut counts = vec![0u64; cut.len() + 1];
    for &d in durations {
        let i = cut.partition_point(|&e| e <= d);
        if let Some(c) = counts.get_mut(i) {
            *c += 1;
        }
    }
    let lows = std::iter::once(0).chain(cut.iter().copied());
    let highs = cut.iter().copied().map(Some).chain([None]);
    lows.zip(highs)
        .zip(counts)
        .map(|((from, to), count)| Bar { from, to, count })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn edges() {
        let b = bars(&[0, 3599, 3600, 14_400], &SUPPORT_EDGES);
        assert_eq!(
            (b[0].count, b[1].count, b[2].count),
            (2, 1, 1),
            "half-open bars"
        );
        assert_eq!((b[0].from, b[0].to, b[6].to), (0, Some(3600), None));
        assert_eq!(
            bars(&[5], &[10, 10, 0, -3]).len(),
            2,
            "duplicate and non-positive edges dropped"
        );
        assert_eq!(
            bars(&[], &[]),
            [Bar {
                from: 0,
                to: None,
                count: 0
            }]
        );
    }

    proptest! {
        /// Every duration lands in exactly one bar.
        #[test]
        fn counts_add_up(xs in proptest::collection::vec(0i64..2_000_000, 0..100)) {
            let total: u64 = bars(&xs, &SUPPORT_EDGES).iter().map(|b| b.count).sum();
            prop_assert_eq!(total, xs.len() as u64);
        }
    }
}
