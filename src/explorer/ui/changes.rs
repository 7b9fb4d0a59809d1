//! The seats-changing-hands view: over the listed seats whose change is known, the previous
//! winner's party (rows) against the new winner's (columns), holds on the diagonal, and each
//! party's seats held, gained and lost — the matrix and the words of `hustings stats --by
//! change`. Party columns that do not fit scroll across with ← / →.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

use crate::explorer::app::App;
use crate::explorer::layout;
use crate::explorer::theme::Theme;
use crate::explorer::ui::scrolled;
use crate::model::Dataset;
use crate::report::{cells, change};
use crate::stats::change::ChangeMatrix;

/// Draws the view over the whole body; returns how far it can scroll.
pub fn render(frame: &mut Frame, area: Rect, app: &App) -> Option<u16> {
    let (Some(data), Some(matrix)) = (&app.data, &app.views.matrix) else {
        return None;
    };
    let width = usize::from(layout::inner(area).width);
    let title = format!(
        " Seats changing hands: {} of {} contests ",
        app.rows.len(),
        app.total()
    );
    let body = lines(
        matrix,
        data.dataset(),
        app.views.matrix_column,
        width,
        app.theme,
    );
    scrolled(frame, area, app, title, body)
}

/// The view's lines for a body `width` cells wide, the party columns from `first` on.
fn lines(
    m: &ChangeMatrix,
    ds: &Dataset,
    first: usize,
    width: usize,
    theme: Theme,
) -> Vec<Line<'static>> {
    let mut out = Vec::new();
    let text = |out: &mut Vec<Line<'static>>, s: &str, style: Style| {
        for line in cells::hanging(s, " ", "   ", width) {
            out.push(Line::styled(line, style));
        }
    };
    if m.compared == 0 && m.unknown.is_empty() {
        text(
            &mut out,
            "No general election or by-election is listed: seats change hands between two contests in the same seat.",
            theme.dim(),
        );
        return out;
    }
    for line in change::matrix_summary(m) {
        text(&mut out, &line, theme.text());
    }
    if m.compared == 0 {
        text(
            &mut out,
            "Load two elections of the same seats (say GE2017 and GE2019) to see seats change hands.",
            theme.dim(),
        );
        return out;
    }
    out.push(Line::raw(""));
    text(
        &mut out,
        "Rows: the party that won the seat before; columns: the party that won it now. Holds are on the diagonal.",
        theme.dim(),
    );
    out.push(Line::raw(""));
    let grid = change::matrix_grid(m);
    let n = m.parties.len();
    // Each column is as wide as its widest cell; the label and the totals always show, the
    // party columns from `first` on as many as fit.
    let widths: Vec<usize> = (0..grid[0].len())
        .map(|c| grid.iter().map(|r| cells::width(&r[c])).max().unwrap_or(0))
        .collect();
    let totals: usize = widths[n + 1..].iter().map(|w| w + 2).sum();
    let mut room = width.saturating_sub(1 + widths[0] + totals);
    let first = first.min(n.saturating_sub(1));
    let mut shown = Vec::new();
    for p in first..n {
        let w = widths[1 + p] + 2;
        if w > room {
            break;
        }
        room -= w;
        shown.push(1 + p);
    }
    let hidden_before = first;
    let hidden_after = n - first - shown.len();
    let columns: Vec<usize> = std::iter::once(0)
        .chain(shown.iter().copied())
        .chain(n + 1..grid[0].len())
        .collect();
    let faction = |p: usize| {
        let party = &m.parties[p];
        ds.factions
            .iter()
            .find(|f| f.name == party.name || f.abbr.as_deref() == Some(party.short.as_str()))
    };
    for (r, row) in grid.iter().enumerate() {
        let mut spans = vec![Span::raw(" ")];
        for &c in &columns {
            let cell = &row[c];
            let style = match (r, c) {
                (0, _) => theme.column_title(),
                (_, 0) => theme.faction(faction(r - 1)),
                (_, c) if c <= n && cell == "·" => theme.dim(),
                (_, c) if c <= n && c == r => theme.title(),
                (_, c) if c <= n => theme.key(),
                _ => theme.text(),
            };
            let (text, gap) = if c == 0 {
                (cells::fit(cell, widths[0]), "")
            } else {
                (cells::fit_right(cell, widths[c]), "  ")
            };
            spans.push(Span::raw(gap));
            spans.push(Span::styled(text, style));
        }
        out.push(Line::from(spans));
    }
    if hidden_before + hidden_after > 0 {
        out.push(Line::raw(""));
        let mut said = Vec::new();
        if hidden_before > 0 {
            said.push(format!("{hidden_before} to the left (←)"));
        }
        if hidden_after > 0 {
            said.push(format!("{hidden_after} to the right (→)"));
        }
        text(
            &mut out,
            &format!("More parties: {}.", said.join(", ")),
            theme.key(),
        );
    }
    out
}
