//! The compare view: the two contests marked with `m` side by side (one above the other on a
//! narrow screen) — their facts from `compare::facts` and their vote-share charts. With one
//! mark, the marked contest is compared with the selected one.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::Line;

use crate::explorer::app::App;
use crate::explorer::layout;
use crate::explorer::theme::Theme;
use crate::explorer::ui::{chart, fact_lines, pane_block, scroll_marks, scrolled};
use crate::model::Contest;
use crate::query::find_contest;
use crate::report::cells;
use crate::report::facts;

/// Below this width the two contests are stacked.
const SIDE_BY_SIDE: u16 = 80;
/// Width of the fact labels.
const LABEL: usize = 16;

/// Draws the comparison over the whole body; returns how far it can scroll.
pub fn render(frame: &mut Frame, area: Rect, app: &App) -> Option<u16> {
    let data = app.data.as_ref()?;
    let ds = data.dataset();
    let theme = app.theme;
    let mut sides: Vec<(String, usize)> = find_contest::positions(ds, &app.marks)
        .into_iter()
        .zip(['A', 'B'])
        .map(|(i, m)| (format!("{m} (marked)"), i))
        .collect();
    if sides.len() == 1
        && let Some(selected) = app.selected_index()
        && selected != sides[0].1
    {
        sides.push(("B (selected)".to_string(), selected));
    }
    if sides.len() < 2 {
        let lines = vec![
            Line::raw(""),
            Line::raw(" Mark two contests with m in the contest list (1), then come back here."),
            Line::styled(
                " With one mark, the marked contest is compared with the selected one.",
                theme.dim(),
            ),
        ];
        return scrolled(frame, area, app, " Compare ".into(), lines);
    }
    if area.is_empty() {
        return None;
    }
    frame.render_widget(pane_block(app, area, " Compare ".into(), true), area);
    let inner = layout::inner(area);
    let wide = inner.width >= SIDE_BY_SIDE;
    let width = if wide {
        usize::from(inner.width.saturating_sub(1) / 2)
    } else {
        usize::from(inner.width)
    };
    let (a, b) = (&ds.contests[sides[0].1], &ds.contests[sides[1].1]);
    let compared = facts::compared(ds, a, b);
    // Both charts on one layout, so their bars are to one scale.
    let marks = [sides[0].1, sides[1].1].map(|i| {
        let bars = facts::chart(&ds.contests[i]);
        crate::report::change::bar_changes(ds, &data.changes, i, &bars)
    });
    let layout = chart::layout(&[a, b], ds, &[marks[0].as_ref(), marks[1].as_ref()], width);
    let columns: Vec<Vec<Line<'static>>> = sides
        .iter()
        .enumerate()
        .map(|(k, (label, i))| {
            let c = &ds.contests[*i];
            let rows = compared.iter().map(|(l, values)| (*l, values[k].as_str()));
            let mut chart = chart::lines_in(c, ds, marks[k].as_ref(), layout, theme);
            if let Some(m) = &marks[k] {
                let note = cells::fit(&format!("  {}", m.note), width);
                chart.push(Line::styled(note, theme.dim()));
            }
            side(label, c, rows, chart, width, theme)
        })
        .collect();
    let max = if wide {
        let [left, _, right] = Layout::horizontal([
            Constraint::Fill(1),
            Constraint::Length(1),
            Constraint::Fill(1),
        ])
        .areas(inner);
        let rows = columns.iter().map(Vec::len).max().unwrap_or(0);
        show(frame, app, left, &columns[0], rows);
        show(frame, app, right, &columns[1], rows)
    } else {
        let mut all = columns[0].clone();
        all.push(Line::raw(""));
        all.extend(columns[1].iter().cloned());
        let rows = all.len();
        show(frame, app, inner, &all, rows)
    };
    let scroll = app.views.scroll;
    scroll_marks(frame, app, area, scroll.min(max) > 0, scroll < max);
    Some(max)
}

/// One column of a view `rows` lines long, scrolled like the rest of the view (both columns
/// move together); returns how far the view can scroll.
fn show(frame: &mut Frame, app: &App, area: Rect, lines: &[Line<'static>], rows: usize) -> u16 {
    let max = u16::try_from(rows.saturating_sub(usize::from(area.height))).unwrap_or(u16::MAX);
    let from = usize::from(app.views.scroll.min(max));
    for (n, line) in lines
        .iter()
        .skip(from)
        .take(usize::from(area.height))
        .enumerate()
    {
        let y = area.y + n as u16;
        frame.render_widget(line.clone(), Rect::new(area.x, y, area.width, 1));
    }
    max
}

/// A contest's column: its mark, title and id, its side of the compared facts, its chart.
fn side<'f>(
    label: &str,
    c: &Contest,
    rows: impl Iterator<Item = (&'f str, &'f str)>,
    chart: Vec<Line<'static>>,
    width: usize,
    theme: Theme,
) -> Vec<Line<'static>> {
    let mut out = vec![
        Line::styled(cells::fit(label, width), theme.key()),
        Line::styled(cells::fit(&facts::title(c), width), theme.title()),
        Line::styled(cells::fit(&c.id, width), theme.dim()),
        Line::raw(""),
    ];
    let value_w = width.saturating_sub(LABEL).max(8);
    for (label, value) in rows {
        out.extend(fact_lines(
            label,
            value,
            LABEL,
            value_w,
            theme.dim(),
            Style::new(),
        ));
    }
    out.push(Line::raw(""));
    out.push(Line::styled("Vote share", theme.title()));
    if chart.is_empty() {
        out.push(Line::styled(
            format!("  {}", facts::no_candidates(c)),
            theme.dim(),
        ));
    }
    out.extend(chart);
    out
}
