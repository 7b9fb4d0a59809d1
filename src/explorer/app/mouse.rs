//! Mouse events → actions, by where they land on the screen.

use ratatui::crossterm::event::{MouseButton, MouseEvent, MouseEventKind};
use ratatui::layout::{Position, Rect};

use crate::explorer::action::Action;
use crate::explorer::app::{App, Focus, Overlay};
use crate::explorer::layout;

impl App {
    /// The action for a mouse event: a click selects a list row or focuses the detail, the
    /// wheel scrolls the pane under the pointer. Ignored while a popup is open.
    pub fn mouse_action(&self, event: MouseEvent) -> Option<Action> {
        if self.overlay != Overlay::None || self.data.is_none() {
            return None;
        }
        if self.view.full_body() {
            // No list on screen: the wheel scrolls (or moves the endorser cursor).
            return match event.kind {
                MouseEventKind::ScrollDown => Some(Action::Down),
                MouseEventKind::ScrollUp => Some(Action::Up),
                _ => None,
            };
        }
        let at = Position::new(event.column, event.row);
        let areas = self.areas();
        let (_, rows) = layout::list_parts(areas.list);
        let inside = |r: Rect| r.contains(at);
        match event.kind {
            MouseEventKind::Down(MouseButton::Left) if inside(rows) => {
                let row = self.offset + usize::from(event.row - rows.y);
                (row < self.rows.len()).then_some(Action::SelectRow(row))
            }
            MouseEventKind::Down(MouseButton::Left) if inside(areas.list) => {
                Some(Action::FocusPane(Focus::List))
            }
            MouseEventKind::Down(MouseButton::Left) if inside(areas.detail) => {
                Some(Action::FocusPane(Focus::Detail))
            }
            MouseEventKind::ScrollDown if inside(areas.list) => Some(Action::ScrollList(1)),
            MouseEventKind::ScrollUp if inside(areas.list) => Some(Action::ScrollList(-1)),
            MouseEventKind::ScrollDown if inside(areas.detail) => Some(Action::ScrollDetail(3)),
            MouseEventKind::ScrollUp if inside(areas.detail) => Some(Action::ScrollDetail(-3)),
            _ => None,
        }
    }
}
