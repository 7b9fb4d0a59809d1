//! The one bar rule, and vote-share bar charts as plain values, shared by every chart of the
//! explorer and the command line. Nothing here knows about a terminal.
//!
//! The rule: a bar is `value / scale` of the cells it may use, in eighths of a cell (rounded),
//! at least an eighth for a non-zero value and never longer than its cells. The caller states
//! the scale (100% for vote shares, the largest count for standings), and things compared
//! share one scale and one width.
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
        Some(eighths(self.percent?.clamp(0.0, 100.0), 100.0, width))
    }

    /// The bar as text: at most `width` cells, plus one marker cell for a bound (see [`bar_text`]).
    pub fn text(&self, width: usize) -> String {
        match self.eighths(width) {
            Some(e) => bar_text(e, self.bound),
            None => String::new(),
        }
    }
}

/// Each bar of the candidates on the ballot, longest first (the display order of
/// [`arithmetic::ranked`]): the winner is marked by `elected`, unknown shares sort last.
/// Candidates who never reached the ballot have no share and no bar.
pub fn bars(contest: &Contest) -> Vec<Bar> {
    let shares = arithmetic::Shares::of(contest);
    let standing = contest.standing();
    arithmetic::ranked(contest)
        .into_iter()
        .filter(|&i| standing[i])
        .map(|i| {
            let c = &contest.candidates[i];
            let share = shares.share(c);
            let bound = match &share {
                Share::Stated(s) => s.bound,
                _ => Bound::Exact,
            };
            Bar {
                candidate: i,
                name: c.label(),
                faction: c.faction.as_deref().map(str::to_string),
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
    if bound == Bound::Under {
        s.extend(std::iter::repeat_n('░', full + usize::from(rest > 0)));
    } else {
        s.extend(std::iter::repeat_n('█', full));
        if rest > 0 {
            s.push(PARTIAL[rest]);
        }
    }
    match bound {
        Bound::Over => s.push('▸'),
        Bound::About => s.push('~'),
        Bound::Exact | Bound::Under => {}
    }
    s
}

/// `value` on a bar where `scale` fills `cells` cells, in eighths of a cell: rounded, at least
/// one eighth for a non-zero value, never past `cells`. Nothing for zero or no room.
pub fn eighths(value: f64, scale: f64, cells: usize) -> usize {
    // NaN and negatives draw nothing, like zero.
    if value.is_nan() || scale.is_nan() || value <= 0.0 || scale <= 0.0 || cells == 0 {
        return 0;
    }
    let whole = cells * 8;
    ((value.min(scale) / scale * whole as f64).round() as usize).clamp(1, whole)
}

/// A plain bar of `value` against `scale` in `cells` cells (see [`eighths`]).
pub fn draw(value: f64, scale: f64, cells: usize) -> String {
    bar_text(eighths(value, scale, cells), Bound::Exact)
}

/// A parliament-style strip of seats: how many whole cells each of `seats` (in order) takes
/// when one cell stands for `per_cell` seats (the smallest whole number that fits `total` in
/// `cells`). Each segment ends where its running total falls, rounded, so the strip is to
/// scale as a whole and a party of fewer than half a cell's seats may get no cell (the
/// strip's key says how many seats a cell is).
pub fn seat_strip(seats: &[usize], total: usize, cells: usize) -> (Vec<usize>, usize) {
    if total == 0 || cells == 0 {
        return (vec![0; seats.len()], 0);
    }
    let per_cell = total.div_ceil(cells);
    let (mut sum, mut drawn) = (0, 0);
    let widths = seats
        .iter()
        .map(|&n| {
            sum += n;
            let end = ((sum.min(total) as f64) / per_cell as f64).round() as usize;
            let width = end.saturating_sub(drawn);
            drawn += width;
            width
        })
        .collect();
    (widths, per_cell)
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
    fn bound_marks_and_the_bar_rule() {
        assert_eq!(bar_text(12, Bound::Under), "░░");
        assert_eq!(bar_text(16, Bound::About), "██~");
        assert_eq!(bar_text(0, Bound::Exact), "");
        assert_eq!(draw(1.0, 2.0, 3), "█▌");
        assert_eq!(draw(1.0, 1000.0, 10), "▏");
        assert_eq!(draw(0.0, 5.0, 10), "");
        assert_eq!(draw(9.0, 5.0, 2), "██");
        // Proportional to within an eighth: 202 of 365 seats over 20 cells is 88.5 eighths.
        assert_eq!(eighths(202.0, 365.0, 20), 89);
        assert_eq!(eighths(1.0, 365.0, 20), 1);
        assert_eq!(eighths(11.0, 365.0, 20), 5);
    }

    #[test]
    fn the_seat_strip_is_to_scale() {
        // GE2019: 650 seats in 100 cells is 7 seats a cell; 365 + 202 + 48 + 11 + 24 others.
        let (widths, per) = seat_strip(&[365, 202, 48, 11, 24], 650, 100);
        assert_eq!(per, 7);
        assert_eq!(widths, [52, 29, 7, 1, 4]);
        assert_eq!(widths.iter().sum::<usize>(), 93);
        // One seat in seven rounds to nothing; the running total keeps the rest in place.
        assert_eq!(seat_strip(&[1, 6], 7, 1), (vec![0, 1], 7));
        assert_eq!(seat_strip(&[3], 0, 10), (vec![0], 0));
    }
}
