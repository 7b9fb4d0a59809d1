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
//! Popups (help, pickers) are drawn last, over the view.

mod chart;
mod detail;
mod header;
mod help;
mod list;
mod loading;
mod picker;
mod status;
pub mod text;

use ratatui::Frame;
use ratatui::layout::{Constraint, Flex, Layout, Rect};
use ratatui::widgets::{Block, Borders, Clear};

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
    }
    status::render(frame, areas.status, app);
    match &app.overlay {
        Overlay::Help => help::render(frame, frame.area(), app),
        Overlay::Picker(p) => picker::render(frame, frame.area(), app, p),
        Overlay::Input(_) | Overlay::None => {}
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
