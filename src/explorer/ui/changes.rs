//! The seats-changing-hands view: over the listed seats whose change is known, the previous
//! winner's party (rows) against the new winner's (columns), holds on the diagonal, and each
//! party's seats held, gained and lost — the matrix and the words of `hustings stats --by
//! change`. A cursor walks the cells (Enter lists the cell's seats); the party columns all
//! show where they fit, else scroll across with it, `←` / `→` in the header marking the
//! columns off to either side.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

use crate::explorer::aggregates::Aggregate;
use crate::explorer::app::App;
use crate::explorer::layout;
use crate::explorer::theme::Theme;
use crate::explorer::ui::{scrolled, working};
use crate::model::Dataset;
use crate::report::{cells, change};
use crate::stats::change::ChangeMatrix;

/// Cells of the marks of columns off to the side (` ←`, ` →`).
const MARK_W: usize = 2;

/// Draws the view over the whole body; returns how far it can scroll.
pub fn render(frame: &mut Frame, area: Rect, app: &App) -> Option<u16> {
    let (Some(data), Some(matrix)) = (&app.data, &app.views.matrix) else {
        return None;
    };
    let width = usize::from(layout::inner(area).width);
    let title = format!(
        " Seats changing hands: {} {}",
        app.listed_of_total(" contests"),
        working::title_mark(app, Aggregate::Changes)
    );
    let body = lines(
        matrix,
        data.dataset(),
        (app.views.matrix_column, app.views.matrix_cursor),
        width,
        app.theme,
    );
    scrolled(frame, area, app, title, body)
}

/// Each column's width (the label, every party, the totals): its widest cell.
pub fn column_widths(m: &ChangeMatrix) -> Vec<usize> {
    let grid = change::matrix_grid(m);
    (0..grid[0].len())
        .map(|c| grid.iter().map(|r| cells::width(&r[c])).max().unwrap_or(0))
        .collect()
}

/// The party columns shown in `width` cells from column `first` on: every one where all fit
/// (whatever `first`), else from `first` (no further on than needed to show the last) as many
/// as fit beside the marks of those hidden, at least one. Returns (first, how many).
pub fn window(widths: &[usize], width: usize, first: usize) -> (usize, usize) {
    let n = widths.len().saturating_sub(4);
    if n == 0 {
        return (0, 0);
    }
    let fixed = 1 + widths[0] + widths[n + 1..].iter().map(|w| w + 2).sum::<usize>();
    let fit_from = |f: usize| {
        let room = width.saturating_sub(fixed + if f > 0 { MARK_W } else { 0 });
        let (mut shown, mut used) = (0, 0);
        for w in &widths[1 + f..=n] {
            if used + w + 2 > room {
                break;
            }
            used += w + 2;
            shown += 1;
        }
        // Room for the mark of the columns after, when some are hidden.
        while shown > 0 && f + shown < n && used + MARK_W > room {
            shown -= 1;
            used -= widths[1 + f + shown] + 2;
        }
        shown.max(1)
    };
    if fit_from(0) >= n {
        return (0, n);
    }
    let last_first = (0..n).find(|&f| f + fit_from(f) >= n).unwrap_or(n - 1);
    let first = first.min(last_first);
    (first, fit_from(first))
}

/// The lines above the grid: the summary and what rows and columns are.
fn prelude(m: &ChangeMatrix, width: usize, theme: Theme) -> Vec<Line<'static>> {
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
        "Rows: the party that won the seat before; columns: the party that won it now. Holds are on the diagonal. The arrow keys move across the cells; Enter lists the cell's seats.",
        theme.dim(),
    );
    out.push(Line::raw(""));
    out
}

/// The line of the grid's header in the view, `width` cells wide (the party rows follow it).
pub fn grid_top(m: &ChangeMatrix, width: usize) -> usize {
    prelude(m, width, Theme { color: false }).len()
}

/// The view's lines for a body `width` cells wide: the party columns from `first` on, the
/// cursor on the cell (row, column).
fn lines(
    m: &ChangeMatrix,
    ds: &Dataset,
    (first, cursor): (usize, (usize, usize)),
    width: usize,
    theme: Theme,
) -> Vec<Line<'static>> {
    let mut out = prelude(m, width, theme);
    if m.compared == 0 {
        return out;
    }
    let grid = change::matrix_grid(m);
    let n = m.parties.len();
    let widths = column_widths(m);
    let (first, count) = window(&widths, width, first);
    let (before, after) = (first > 0, first + count < n);
    let faction = |p: usize| {
        let party = &m.parties[p];
        ds.factions
            .iter()
            .find(|f| f.name == party.name || f.abbr.as_deref() == Some(party.short.as_str()))
    };
    for (r, row) in grid.iter().enumerate() {
        let mut spans = vec![
            Span::raw(" "),
            Span::styled(
                cells::fit(&row[0], widths[0]),
                match r {
                    0 => theme.column_title(),
                    _ => theme.faction(faction(r - 1)),
                },
            ),
        ];
        let mark = |spans: &mut Vec<Span<'static>>, shown: bool, arrow: &str| {
            if shown {
                let text = if r == 0 {
                    format!(" {arrow}")
                } else {
                    "  ".into()
                };
                spans.push(Span::styled(text, theme.key()));
            }
        };
        mark(&mut spans, before, "←");
        for c in (1 + first..=first + count).chain(n + 1..grid[0].len()) {
            if c == n + 1 {
                mark(&mut spans, after, "→");
            }
            let cell = &row[c];
            let style = match (r, c) {
                (0, _) => theme.column_title(),
                (r, c) if c <= n && (r - 1, c - 1) == cursor => theme.selected(true),
                (_, c) if c <= n && cell == "·" => theme.dim(),
                (_, c) if c <= n && c == r => theme.title(),
                (_, c) if c <= n => theme.key(),
                _ => theme.text(),
            };
            spans.push(Span::raw("  "));
            spans.push(Span::styled(cells::fit_right(cell, widths[c]), style));
        }
        out.push(Line::from(spans));
    }
    out.push(Line::raw(""));
    let (from, to) = cursor;
    if from < n && to < n {
        out.push(Line::styled(
            format!(" {}", change::matrix_cell(m, from, to)),
            theme.text(),
        ));
    }
    if before || after {
        let mut said = Vec::new();
        if before {
            said.push(format!("{first} to the left (←)"));
        }
        if after {
            said.push(format!("{} to the right (→)", n - first - count));
        }
        out.push(Line::styled(
            format!(" More parties: {}.", said.join(", ")),
            theme.key(),
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::window;

    #[test]
    fn every_column_shows_where_all_fit_and_the_window_never_scrolls_past_the_last() {
        // Label 9, four parties of 3, totals of 4, 6, 4.
        let widths = [9, 3, 3, 3, 3, 4, 6, 4];
        let all = 1 + 9 + 4 * 5 + 6 + 8 + 6;
        assert_eq!(window(&widths, all, 0), (0, 4));
        assert_eq!(window(&widths, all, 3), (0, 4), "nothing to scroll");
        // One column short: three, then the mark; scrolled, at most to show the last.
        assert_eq!(window(&widths, all - 1, 0), (0, 3));
        let (first, count) = window(&widths, all - 1, 9);
        assert_eq!(first + count, 4);
    }
}
