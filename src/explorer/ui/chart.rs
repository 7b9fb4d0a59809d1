//! The vote-share bar chart of one contest, as lines for the detail pane. The numbers come
//! from `crate::report::bars::bars`; this file only lays them out and colours them.

use ratatui::text::{Line, Span};

use crate::explorer::theme::{self, Theme};
use crate::explorer::ui::text;
use crate::model::{Contest, Dataset};
use crate::report::bars::{self, Bar};

/// Cells of a label like `100.0%`.
const LABEL: usize = 6;
/// Narrowest name column.
const MIN_NAME: usize = 8;

/// The chart `width` cells wide: one line per candidate, longest bar first, the winner marked
/// `✓`, each bar followed by its share. Unknown shares get no bar, just `n/a`.
pub fn lines(contest: &Contest, ds: &Dataset, width: usize, theme: &Theme) -> Vec<Line<'static>> {
    let bars = bars::bars(contest);
    if bars.is_empty() {
        return vec![];
    }
    if bars.iter().all(|b| b.percent.is_none()) {
        return vec![Line::styled("  no vote shares reported", theme.dim())];
    }
    let abbrs: Vec<String> = bars.iter().map(|b| abbr(b, ds)).collect();
    let abbr_w = abbrs.iter().map(|a| text::width(a)).max().unwrap_or(0);
    let longest = bars.iter().map(|b| text::width(&b.name)).max().unwrap_or(0);
    // "✓ " + name + " " + abbr + " " + bar (+ bound mark) + " " + label
    let fixed = 2 + 1 + abbr_w + usize::from(abbr_w > 0) + 1 + 1 + LABEL;
    let name_w = longest
        .min(20)
        .min(width.saturating_sub(fixed + 10))
        .max(MIN_NAME.min(longest));
    let bar_w = width.saturating_sub(fixed + name_w);
    bars.iter()
        .zip(&abbrs)
        .map(|(bar, abbr)| line(bar, abbr, abbr_w, name_w, bar_w, ds, theme))
        .collect()
}

fn abbr(bar: &Bar, ds: &Dataset) -> String {
    bar.faction
        .as_deref()
        .and_then(|id| ds.faction(id))
        .map(theme::abbr)
        .unwrap_or_default()
}

fn line(
    bar: &Bar,
    abbr: &str,
    abbr_w: usize,
    name_w: usize,
    bar_w: usize,
    ds: &Dataset,
    theme: &Theme,
) -> Line<'static> {
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
        Span::styled(text::fit(&bar.name, name_w), name_style),
        Span::raw(" "),
    ];
    if abbr_w > 0 {
        spans.push(Span::styled(
            text::fit(abbr, abbr_w),
            theme.faction(faction),
        ));
        spans.push(Span::raw(" "));
    }
    let drawn = bar.text(bar_w);
    let pad = (bar_w + 1).saturating_sub(text::width(&drawn));
    spans.push(Span::styled(drawn, theme.faction(faction)));
    spans.push(Span::raw(" ".repeat(pad + 1)));
    let label_style = if bar.percent.is_none() {
        theme.dim()
    } else {
        theme.text()
    };
    spans.push(Span::styled(
        text::fit_right(&bar.label, LABEL),
        label_style,
    ));
    Line::from(spans)
}
