//! Bars of counts for the scoreboard, endorsers and timeline views: one bar scaled to the
//! largest count, or segments stacked in one bar (wins per faction, then pending).

use ratatui::style::Style;
use ratatui::text::{Line, Span};

use crate::explorer::theme::Theme;
use crate::model::Dataset;
use crate::report::bars;
use crate::report::words;
use crate::stats::GroupRecord;

/// `count` of `max` as a bar `width` cells long at most, in eighths of a cell; at least an
/// eighth for a non-zero count, nothing for zero.
pub fn count(count: usize, max: usize, width: usize) -> String {
    bars::draw(count as f64, max as f64, width)
}

/// Segments `(count, glyph, style)` stacked in one bar, `max` filling `width` cells: each
/// segment's end is rounded to a whole cell, and a non-zero segment gets at least one while
/// there is room (the bar never exceeds `width`).
pub fn stacked(segments: &[(usize, char, Style)], max: usize, width: usize) -> Vec<Span<'static>> {
    if max == 0 {
        return Vec::new();
    }
    let mut spans = Vec::new();
    let (mut sum, mut drawn) = (0, 0);
    for &(n, glyph, style) in segments {
        if n == 0 {
            continue;
        }
        sum += n;
        let end = ((sum.min(max) * width) as f64 / max as f64).round() as usize;
        // At least a cell for a non-zero segment, but never past the bar's width.
        let cells = end.saturating_sub(drawn).max(1).min(width - drawn);
        if cells == 0 {
            break;
        }
        drawn += cells;
        spans.push(Span::styled(glyph.to_string().repeat(cells), style));
    }
    spans
}

/// A group's contests (a region's, a month's) as one bar: wins by faction, then decided without a winner, then pending.
pub fn wins<K>(
    g: &GroupRecord<K>,
    ds: &Dataset,
    max: usize,
    width: usize,
    theme: Theme,
) -> Vec<Span<'static>> {
    let won: usize = g.wins.iter().map(|(_, n)| n).sum();
    let mut segments: Vec<(usize, char, Style)> = g
        .wins
        .iter()
        .map(|(f, n)| {
            let faction = f.as_deref().and_then(|id| ds.faction(id));
            (*n, '█', theme.faction(faction))
        })
        .collect();
    segments.push((g.decided.saturating_sub(won), '▒', theme.dim()));
    segments.push((g.pending, '░', theme.pending()));
    stacked(&segments, max, width)
}

/// `LL 4, SL 1 · 2 pending`: who won, and what is still open.
pub fn wins_label<K>(g: &GroupRecord<K>, ds: &Dataset) -> String {
    let mut parts: Vec<String> = g
        .wins
        .iter()
        .map(|(f, n)| {
            let who = f
                .as_deref()
                .and_then(|id| ds.faction(id))
                .map_or("no faction".to_string(), words::faction_short);
            format!("{who} {n}")
        })
        .collect();
    let won: usize = g.wins.iter().map(|(_, n)| n).sum();
    if g.decided > won {
        parts.push(format!("{} no winner recorded", g.decided - won));
    }
    if g.pending > 0 {
        parts.push(format!("{} pending", g.pending));
    }
    parts.join(", ")
}

/// What the bars of `wins` mean (colour is mentioned only where there is colour).
pub fn legend(theme: Theme) -> Line<'static> {
    let won = if theme.color {
        " won, in the winner's faction colour  "
    } else {
        " won  "
    };
    Line::from(vec![
        Span::raw("   "),
        Span::styled("█", theme.text()),
        Span::styled(won, theme.dim()),
        Span::styled("▒", theme.dim()),
        Span::styled(" decided, no winner recorded  ", theme.dim()),
        Span::styled("░", theme.pending()),
        Span::styled(" pending", theme.dim()),
    ])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bars_scale_and_never_vanish() {
        assert_eq!(count(0, 5, 10), "");
        assert_eq!(count(5, 5, 10), "██████████");
        assert_eq!(count(1, 2, 3), "█▌");
        assert_eq!(count(1, 1000, 10), "▏");
        let s = Style::new();
        let widths = |spans: Vec<Span>| -> Vec<usize> {
            spans.iter().map(|s| s.content.chars().count()).collect()
        };
        assert_eq!(
            widths(stacked(&[(2, '█', s), (0, '█', s), (2, '░', s)], 4, 10)),
            [5, 5]
        );
        assert_eq!(
            widths(stacked(&[(1, '█', s), (1, '█', s)], 100, 10)),
            [1, 1]
        );
        assert!(stacked(&[(1, '█', s)], 0, 10).is_empty());
        // Many small segments never overflow the bar.
        let many: Vec<(usize, char, Style)> = (0..8).map(|_| (1, '█', s)).collect();
        assert_eq!(widths(stacked(&many, 100, 5)), [1, 1, 1, 1, 1]);
        let total: usize = widths(stacked(
            &[(95, '█', s), (1, '█', s), (1, '█', s), (3, '░', s)],
            100,
            10,
        ))
        .iter()
        .sum();
        assert_eq!(total, 10);
    }
}
