//! Drawing the explorer: pure functions of `&App`, one file per pane or popup.
//!
//! ```text
//! ┌────────────────────────────────────────────────────────────┐
//! │ header: dataset title                          view tabs   │
//! ├ list ─────────────────────────┬ detail ────────────────────┤
//! │ ▌title  status  date  winner  │ facts, vote-share chart,   │
//! │                               │ candidates, context,       │
//! │                               │ warnings, sources, notes   │
//! ├───────────────────────────────┴────────────────────────────┤
//! │ status: filters · search            N of M · sort · ? help │
//! └────────────────────────────────────────────────────────────┘
//! ```
//! Popups (help, pickers, the message log) are drawn last, over the view. The scoreboard,
//! endorsers, timeline, compare and seats-changing-hands views take the whole body; rounds
//! and history replace the detail pane.

mod bars;
mod changes;
mod chart;
mod columns;
mod compare;
mod detail;
mod endorsers;
mod header;
mod help;
mod history;
mod list;
mod loading;
mod map;
mod messages;
mod picker;

pub use changes::{
    column_widths as changes_column_widths, grid_top as changes_grid_top, window as changes_window,
};
pub use columns::geometry as columns_geometry;
pub use map::hex_at as map_hex_at;
pub use picker::geometry as picker_geometry;
pub use status::chip_areas;
mod rounds;
mod scoreboard;
mod status;
mod timeline;
mod working;

use ratatui::Frame;
use ratatui::layout::{Constraint, Flex, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

use crate::explorer::aggregates::Aggregate;
use crate::explorer::app::{App, Focus, Freshness, Overlay, ScrollLimits, View};
use crate::explorer::layout;
use crate::report::cells;

/// Draws the whole screen; returns how far its scrolling panes can scroll, for the app to
/// stop scrolling there (drawing itself changes nothing).
pub fn render(frame: &mut Frame, app: &App) -> ScrollLimits {
    let screen = frame.area();
    let areas = layout::areas(screen, app.focus == Focus::Detail, app.message_rows(screen));
    let mut limits = ScrollLimits::default();
    header::render(frame, areas.header, app);
    // A large list's first data for an aggregate view is being worked out off the UI thread.
    let missing = Aggregate::of(app.view).filter(|&a| app.views.freshness(a) == Freshness::Missing);
    match (&app.data, app.view, missing) {
        (None, ..) => loading::render(frame, areas.body(), app),
        (Some(_), _, Some(which)) => working::render(frame, areas.body(), app, which),
        (Some(_), View::Contests, None) => {
            list::render(frame, areas.list, app);
            limits.detail = detail::render(frame, areas.detail, app);
        }
        (Some(_), View::Rounds, None) => {
            list::render(frame, areas.list, app);
            limits.detail = rounds::render(frame, areas.detail, app);
        }
        (Some(_), View::History, None) => {
            list::render(frame, areas.list, app);
            limits.detail = history::render(frame, areas.detail, app);
        }
        (Some(_), View::Scoreboard, None) => {
            limits.view = scoreboard::render(frame, areas.body(), app);
        }
        (Some(_), View::Endorsements, None) => endorsers::render(frame, areas.body(), app),
        (Some(_), View::Timeline, None) => limits.view = timeline::render(frame, areas.body(), app),
        (Some(_), View::Compare, None) => limits.view = compare::render(frame, areas.body(), app),
        (Some(_), View::Changes, None) => limits.view = changes::render(frame, areas.body(), app),
        (Some(_), View::Map, None) => map::render(frame, areas.body(), app),
    }
    status::render(frame, areas.status, app);
    match &app.overlay {
        Overlay::Help => limits.help = Some(help::render(frame, frame.area(), app)),
        Overlay::Messages => limits.messages = Some(messages::render(frame, frame.area(), app)),
        Overlay::Picker(p) => picker::render(frame, frame.area(), app, p),
        Overlay::Columns(cursor) => columns::render(frame, frame.area(), app, *cursor),
        Overlay::Input(_) | Overlay::Confirm(_) | Overlay::Chips(_) | Overlay::None => {}
    }
    limits
}

/// A pane's frame with a title, highlighted when focused; borderless when the pane is tiny.
fn pane_block(app: &App, pane: Rect, title: String, focused: bool) -> Block<'static> {
    if !layout::bordered(pane) {
        return Block::new();
    }
    Block::new()
        .borders(Borders::ALL)
        .border_style(app.theme.border(focused))
        .title(title)
        .title_style(app.theme.title())
}

/// Draws `paragraph` inside `pane` (within its border) from line `scroll` (no further than
/// its end), with the signs of more above or below on the border; returns how far it can
/// scroll.
fn scroll_paragraph(
    frame: &mut Frame,
    app: &App,
    pane: Rect,
    paragraph: Paragraph,
    scroll: u16,
) -> u16 {
    let area = layout::inner(pane);
    let total = paragraph.line_count(area.width);
    let max = u16::try_from(total.saturating_sub(usize::from(area.height))).unwrap_or(u16::MAX);
    frame.render_widget(paragraph.scroll((scroll.min(max), 0)), area);
    scroll_marks(frame, app, pane, scroll.min(max) > 0, scroll < max);
    max
}

/// `↑ more` on a pane's top border when lines are hidden above, `↓ more` on its bottom border
/// when lines are hidden below (borderless tiny panes have nowhere to say it).
fn scroll_marks(frame: &mut Frame, app: &App, pane: Rect, above: bool, below: bool) {
    if !layout::bordered(pane) {
        return;
    }
    for (hidden, text, y) in [
        (above, " ↑ more ", pane.y),
        (below, " ↓ more ", pane.bottom() - 1),
    ] {
        let w = cells::width(text) as u16;
        if hidden && pane.width >= w + 4 {
            let at = Rect::new(pane.right() - w - 2, y, w, 1);
            frame.render_widget(Span::styled(text, app.theme.key()), at);
        }
    }
}

/// A full-body view's frame and its lines, scrolled; returns how far it can scroll.
fn scrolled(
    frame: &mut Frame,
    area: Rect,
    app: &App,
    title: String,
    lines: Vec<Line<'static>>,
) -> Option<u16> {
    if area.is_empty() {
        return None;
    }
    frame.render_widget(pane_block(app, area, title, true), area);
    Some(scroll_paragraph(
        frame,
        app,
        area,
        Paragraph::new(lines),
        app.views.scroll,
    ))
}

/// A labelled fact: `label` in a column `label_w` cells wide, `value` wrapped to `value_w`
/// cells beside it, its continuation lines under the value.
fn fact_lines(
    label: &str,
    value: &str,
    label_w: usize,
    value_w: usize,
    label_style: Style,
    value_style: Style,
) -> Vec<Line<'static>> {
    cells::wrap(value, value_w)
        .into_iter()
        .enumerate()
        .map(|(n, part)| {
            let lead = if n == 0 {
                cells::fit(label, label_w)
            } else {
                " ".repeat(label_w)
            };
            Line::from(vec![
                Span::styled(lead, label_style),
                Span::styled(part, value_style),
            ])
        })
        .collect()
}

/// A centred popup of at most `width`×`height` cells, cleared, within `area`.
fn popup_area(area: Rect, width: u16, height: u16) -> Rect {
    let [row] = Layout::vertical([Constraint::Length(height.min(area.height))])
        .flex(Flex::Center)
        .areas(area);
    let [cell] = Layout::horizontal([Constraint::Length(width.min(area.width))])
        .flex(Flex::Center)
        .areas(row);
    cell
}

/// Clears a popup's area and draws its frame; returns the inside (`layout::inner` of it).
fn popup(frame: &mut Frame, app: &App, area: Rect, title: String) -> Rect {
    frame.render_widget(Clear, area);
    let block = pane_block(app, area, title, true);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    inner
}
