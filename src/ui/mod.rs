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
//! Popups (help, pickers) are drawn last, over the view. The scoreboard, endorsers, timeline
//! and compare views take the whole body; rounds and history replace the detail pane.

mod bars;
mod chart;
mod compare;
mod detail;
mod endorsers;
mod header;
mod help;
mod history;
mod list;
mod loading;
mod picker;
mod rounds;
mod scoreboard;
mod status;
pub mod text;
mod timeline;

use ratatui::Frame;
use ratatui::layout::{Constraint, Flex, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

use crate::app::{App, Focus, Overlay, View};
use crate::layout;

/// Draws the whole screen.
pub fn render(frame: &mut Frame, app: &App) {
    let areas = layout::areas(frame.area(), app.focus == Focus::Detail);
    header::render(frame, areas.header, app);
    match (&app.data, app.view) {
        (None, _) => loading::render(frame, body(areas.list, areas.detail), app),
        (Some(_), View::Contests) => {
            list::render(frame, areas.list, app);
            detail::render(frame, areas.detail, app);
        }
        (Some(_), View::Rounds) => {
            list::render(frame, areas.list, app);
            rounds::render(frame, areas.detail, app);
        }
        (Some(_), View::History) => {
            list::render(frame, areas.list, app);
            history::render(frame, areas.detail, app);
        }
        (Some(_), View::Scoreboard) => {
            scoreboard::render(frame, body(areas.list, areas.detail), app)
        }
        (Some(_), View::Endorsements) => {
            endorsers::render(frame, body(areas.list, areas.detail), app)
        }
        (Some(_), View::Timeline) => timeline::render(frame, body(areas.list, areas.detail), app),
        (Some(_), View::Compare) => compare::render(frame, body(areas.list, areas.detail), app),
    }
    status::render(frame, areas.status, app);
    match &app.overlay {
        Overlay::Help => help::render(frame, frame.area(), app),
        Overlay::Picker(p) => picker::render(frame, frame.area(), app, p),
        Overlay::Input(_) | Overlay::Confirm(_) | Overlay::None => {}
    }
}

/// The area of both panes together (either may be hidden).
fn body(list: Rect, detail: Rect) -> Rect {
    match (list.is_empty(), detail.is_empty()) {
        (true, _) => detail,
        (_, true) => list,
        _ => list.union(detail),
    }
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

/// A full-body view's frame and its scrolled lines; records how far it can scroll.
fn scrolled(frame: &mut Frame, area: Rect, app: &App, title: String, lines: Vec<Line<'static>>) {
    if area.is_empty() {
        return;
    }
    let inner = layout::inner(area);
    frame.render_widget(pane_block(app, area, title, true), area);
    let paragraph = Paragraph::new(lines);
    let total = paragraph.line_count(inner.width);
    let max = u16::try_from(total.saturating_sub(usize::from(inner.height))).unwrap_or(u16::MAX);
    app.views.scroll_max.set(max);
    frame.render_widget(paragraph.scroll((app.views.scroll.min(max), 0)), inner);
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

/// Clears a popup's area and draws its frame; returns the inside.
fn popup(frame: &mut Frame, app: &App, area: Rect, title: String) -> Rect {
    frame.render_widget(Clear, area);
    let block = pane_block(app, area, title, true);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    inner
}
