//! Vote-share bar charts as plain values, shared by the explorer's detail pane and the
//! command line's text output. Nothing here knows about a terminal.
//!
//! Honesty rules: a bar is drawn only from a known share; a stated bound ("over 70%") is drawn
//! to the bound and flagged as a bound; an unknown share has no bar at all (never a zero bar).

use crate::model::arithmetic::{self, Share};
use crate::model::{Bound, Contest};

/// One candidate's bar, in display order (see [`bars`]).
#[derive(Debug, Clone, PartialEq)]
pub struct Bar {
    /// Index into `contest.candidates`.
    pub candidate: usize,
    pub name: String,
    /// The candidate's faction id, if any.
    pub faction: Option<String>,
    pub votes: Option<u64>,
    pub share: Share,
    /// `57.1%`, `>70%`, `~57%`, `<5%` or `n/a`.
    pub label: String,
    /// How far to draw the bar, in percent of the vote; `None` draws no bar.
    pub percent: Option<f64>,
    /// How the drawn length relates to the true share: `Exact` for a share computed from votes.
    pub bound: Bound,
    pub elected: bool,
}

impl Bar {
    /// Whole cells and eighths of a cell for this bar in a chart `width` cells wide, where the
    /// full width is 100%. `None` when there is nothing to draw.
    pub fn eighths(&self, width: usize) -> Option<usize> {
        let p = self.percent?.clamp(0.0, 100.0);
        Some((p / 100.0 * width as f64 * 8.0).round() as usize)
    }

    /// The bar as text: at most `width` cells, plus one marker cell for a bound (see [`bar_text`]).
    pub fn text(&self, width: usize) -> String {
        match self.eighths(width) {
            Some(e) => bar_text(e, self.bound),
            None => String::new(),
        }
    }
}

/// Each candidate's bar, longest first (the display order of [`arithmetic::ranked`]): the winner is
/// marked by `elected`, unknown shares sort last.
pub fn bars(contest: &Contest) -> Vec<Bar> {
    arithmetic::ranked(contest)
        .into_iter()
        .map(|i| {
            let c = &contest.candidates[i];
            let share = arithmetic::share(contest, c);
            let bound = match &share {
                Share::Stated(s) => s.bound,
                _ => Bound::Exact,
            };
            Bar {
                candidate: i,
                name: c.name.clone(),
                faction: c.faction.clone(),
                votes: c.votes,
                label: share.label(),
                percent: share.percent(),
                bound,
                elected: c.elected,
                share,
            }
        })
        .collect()
}

/// Block characters for a bar of `eighths` eighth-cells. A bar drawn to a bound says so in its
/// last cell: `▸` "more than this" for `over`, `~` for `about`; an `under` bar is drawn light
/// (`░`), the true share lying anywhere below it.
pub fn bar_text(eighths: usize, bound: Bound) -> String {
    const PARTIAL: [char; 8] = [' ', '▏', '▎', '▍', '▌', '▋', '▊', '▉'];
    let full = eighths / 8;
    let rest = eighths % 8;
    let mut s = String::with_capacity(full * 3 + 4);
    match bound {
        Bound::Under => s.extend(std::iter::repeat_n('░', full + usize::from(rest > 0))),
        _ => {
            s.extend(std::iter::repeat_n('█', full));
            if rest > 0 {
                s.push(PARTIAL[rest]);
            }
        }
    }
    match bound {
        Bound::Over => s.push('▸'),
        Bound::About => s.push('~'),
        Bound::Exact | Bound::Under => {}
    }
    s
}

/// A count with thousands separators: `14477` → `14,477`.
pub fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(ch);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::{DataSource, load};

    fn seed_contest(id: &str) -> Contest {
        let loaded = load(&[DataSource::Embedded]).unwrap();
        loaded.dataset.contest(id).unwrap().clone()
    }

    #[test]
    fn stockport_bars_are_longest_first_with_computed_shares() {
        let bars = bars(&seed_contest("stockport-selection-2019"));
        let got: Vec<(&str, Option<u64>, &str, bool)> = bars
            .iter()
            .map(|b| (b.name.as_str(), b.votes, b.label.as_str(), b.elected))
            .collect();
        assert_eq!(
            got,
            vec![
                ("Navendu Mishra", Some(338), "57.1%", true),
                ("Julie Reid", Some(218), "36.8%", false),
                ("Fiona Dent", Some(23), "3.9%", false),
                ("Mike Cain", Some(12), "2.0%", false),
            ]
        );
        assert_eq!(bars[0].faction.as_deref(), Some("labour-left"));
        assert!(bars.iter().all(|b| b.bound == Bound::Exact));
        // 57.1% of 10 cells = 5.71 cells = 46 eighths.
        assert_eq!(bars[0].eighths(10), Some(46));
        assert_eq!(bars[0].text(10), "█████▊");
    }

    #[test]
    fn bury_south_draws_only_the_stated_bound() {
        let bars = bars(&seed_contest("bury-south-selection-2019"));
        assert_eq!(bars[0].name, "Lucy Burke");
        assert_eq!(bars[0].label, ">70%");
        assert_eq!(bars[0].votes, None);
        assert_eq!(bars[0].bound, Bound::Over);
        assert_eq!(bars[0].text(10), "███████▸");
        for other in &bars[1..] {
            assert_eq!(other.label, "n/a");
            assert_eq!(other.percent, None);
            assert_eq!(other.text(10), "", "no bar for an unknown share");
        }
    }

    #[test]
    fn bound_marks_and_thousands() {
        assert_eq!(bar_text(12, Bound::Under), "░░");
        assert_eq!(bar_text(16, Bound::About), "██~");
        assert_eq!(bar_text(0, Bound::Exact), "");
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(14477), "14,477");
        assert_eq!(thousands(1234567), "1,234,567");
    }
}
