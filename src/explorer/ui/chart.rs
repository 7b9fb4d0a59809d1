//! The vote-share bar chart of one contest, as lines for the detail pane. The numbers come
//! from `crate::report::bars::bars`; this file only lays them out and colours them.

use ratatui::text::{Line, Span};

use crate::explorer::theme::Theme;
use crate::model::{Contest, Dataset};
use crate::report::bars::{self, Bar};
use crate::report::cells;
use crate::report::change::BarChanges;
use crate::report::words;

/// Cells of a label like `100.0%`.
const LABEL: usize = 6;
/// Narrowest name column.
const MIN_NAME: usize = 8;

/// Column widths shared by charts drawn together, so their bars are to one scale.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ChartLayout {
    abbr_w: usize,
    name_w: usize,
    /// Cells for 100% of the vote.
    bar_w: usize,
    /// Cells of the ± share after each share (0: no column).
    change_w: usize,
}

/// One layout for the charts of `contests`, each `width` cells wide, with room for their ±
/// shares (`marks`, any order).
pub fn layout(
    contests: &[&Contest],
    ds: &Dataset,
    marks: &[Option<&BarChanges>],
    width: usize,
) -> ChartLayout {
    let change_w = marks.iter().flatten().map(|m| m.width()).max().unwrap_or(0);
    let all: Vec<Bar> = contests.iter().flat_map(|c| bars::bars(c)).collect();
    let abbr_w = all
        .iter()
        .map(|b| cells::width(&abbr(b, ds)))
        .max()
        .unwrap_or(0);
    let longest = all.iter().map(|b| cells::width(&b.name)).max().unwrap_or(0);
    // "✓ " + name + " " + abbr + " " + bar (+ bound mark) + " " + label (+ " " + change)
    let fixed = 2
        + 1
        + abbr_w
        + usize::from(abbr_w > 0)
        + 1
        + 1
        + LABEL
        + if change_w > 0 { change_w + 1 } else { 0 };
    let name_w = longest
        .min(20)
        .min(width.saturating_sub(fixed + 10))
        .max(MIN_NAME.min(longest));
    ChartLayout {
        abbr_w,
        name_w,
        bar_w: width.saturating_sub(fixed + name_w),
        change_w,
    }
}

/// The chart `width` cells wide: one line per candidate, longest bar first, the winner marked
/// `✓`, each bar followed by its share and its ± share since the seat's previous contest
/// (`marks`, `report::change::bar_changes`). Unknown shares get no bar, just `n/a`.
pub fn lines(
    contest: &Contest,
    ds: &Dataset,
    marks: Option<&BarChanges>,
    width: usize,
    theme: Theme,
) -> Vec<Line<'static>> {
    lines_in(
        contest,
        ds,
        marks,
        layout(&[contest], ds, &[marks], width),
        theme,
    )
}

/// The chart laid out by `layout` (see [`layout`]).
pub fn lines_in(
    contest: &Contest,
    ds: &Dataset,
    marks: Option<&BarChanges>,
    layout: ChartLayout,
    theme: Theme,
) -> Vec<Line<'static>> {
    let bars = bars::bars(contest);
    if bars.is_empty() {
        return vec![];
    }
    if bars.iter().all(|b| b.percent.is_none()) {
        return vec![Line::styled("  no vote shares reported", theme.dim())];
    }
    bars.iter()
        .enumerate()
        .map(|(k, bar)| {
            let abbr = abbr(bar, ds);
            let mut line = line(bar, &abbr, layout, ds, theme);
            if layout.change_w > 0 {
                let mark = marks.map_or("", |m| m.mark(k));
                line.spans.push(Span::raw(" "));
                line.spans.push(Span::styled(
                    cells::fit_right(mark, layout.change_w),
                    theme.dim(),
                ));
            }
            line
        })
        .collect()
}

fn abbr(bar: &Bar, ds: &Dataset) -> String {
    bar.faction
        .as_deref()
        .and_then(|id| ds.faction(id))
        .map(words::faction_short)
        .unwrap_or_default()
}

fn line(bar: &Bar, abbr: &str, layout: ChartLayout, ds: &Dataset, theme: Theme) -> Line<'static> {
    let ChartLayout {
        abbr_w,
        name_w,
        bar_w,
        ..
    } = layout;
    let faction = bar.faction.as_deref().and_then(|id| ds.faction(id));
    let mark = if bar.elected {
        Span::styled("✓ ", theme.elected())
    } else {
        Span::raw("  ")
    };
    let name_style = if bar.elected {
        theme.elected()
    } else {
        theme.text()
    };
    let mut spans = vec![
        mark,
        Span::styled(cells::fit(&bar.name, name_w), name_style),
        Span::raw(" "),
    ];
    if abbr_w > 0 {
        spans.push(Span::styled(
            cells::fit(abbr, abbr_w),
            theme.faction(faction),
        ));
        spans.push(Span::raw(" "));
    }
    let drawn = bar.text(bar_w);
    let pad = (bar_w + 1).saturating_sub(cells::width(&drawn));
    spans.push(Span::styled(drawn, theme.faction(faction)));
    spans.push(Span::raw(" ".repeat(pad + 1)));
    let label_style = if bar.percent.is_none() {
        theme.dim()
    } else {
        theme.text()
    };
    spans.push(Span::styled(
        cells::fit_right(&bar.label, LABEL),
        label_style,
    ));
    Line::from(spans)
}
