//! Mouse events → actions, by where they land on the screen: whatever the keyboard can select
//! — a list row, a tab, an endorser, a timeline month, a picker's choice, a list column, a
//! filter chip — a click selects.

use ratatui::crossterm::event::{MouseButton, MouseEvent, MouseEventKind};
use ratatui::layout::{Position, Rect};

use crate::explorer::action::Action;
use crate::explorer::app::{App, Focus, Overlay};
use crate::explorer::layout;
use crate::explorer::screen::{ListColumn, View};
use crate::report::cells;

impl App {
    /// The action for a mouse event: a click selects what is under it (a list row, a tab, an
    /// endorser, a timeline row, a picker's choice) or focuses the pane; the wheel scrolls the
    /// pane under the pointer. Other popups ignore the mouse.
    pub fn mouse_action(&self, event: MouseEvent) -> Option<Action> {
        // Nothing to click on while loading.
        self.data.as_ref()?;
        let at = Position::new(event.column, event.row);
        let click = event.kind == MouseEventKind::Down(MouseButton::Left);
        if let Overlay::Picker(p) = &self.overlay {
            let (popup, first) = crate::explorer::ui::picker_geometry(self.screen, p);
            let inner = layout::inner(popup);
            return match event.kind {
                _ if click && inner.contains(at) => {
                    let row = first + usize::from(event.row - inner.y);
                    (row < p.len()).then_some(Action::PickRow(row))
                }
                MouseEventKind::ScrollDown => Some(Action::Down),
                MouseEventKind::ScrollUp => Some(Action::Up),
                _ => None,
            };
        }
        if let Overlay::Columns(_) = &self.overlay {
            let inner = layout::inner(crate::explorer::ui::columns_geometry(self.screen));
            let row = usize::from(event.row.saturating_sub(inner.y));
            return (click && inner.contains(at) && row < ListColumn::CHOOSABLE.len())
                .then_some(Action::PickRow(row));
        }
        let areas = self.areas();
        let bar = Rect {
            y: areas.status.bottom().saturating_sub(1),
            height: areas.status.height.min(1),
            ..areas.status
        };
        if click && bar.contains(at) {
            return crate::explorer::ui::chip_areas(self, bar)
                .into_iter()
                .find(|(_, r)| r.contains(at))
                .map(|(i, _)| Action::SelectChip(i));
        }
        if self.overlay != Overlay::None {
            return None;
        }
        if click && areas.header.contains(at) {
            let name = cells::width(&self.header_name());
            return layout::tabs(areas.header, name, self.view)
                .into_iter()
                .find(|(_, _, r)| r.contains(at))
                .map(|(view, _, _)| Action::ShowView(view));
        }
        if self.view == View::Map {
            let body = areas.body();
            return match event.kind {
                _ if click => crate::explorer::ui::map_hex_at(self, body, event.column, event.row)
                    .map(Action::SelectHex),
                MouseEventKind::ScrollDown => Some(Action::Down),
                MouseEventKind::ScrollUp => Some(Action::Up),
                _ => None,
            };
        }
        if self.view.full_body() {
            let body = areas.body();
            if click && layout::inner(body).contains(at) {
                return self.view_row(body, event.row).map(Action::SelectViewRow);
            }
            // No list on screen: the wheel scrolls (or moves the cursor).
            return match event.kind {
                MouseEventKind::ScrollDown => Some(Action::Down),
                MouseEventKind::ScrollUp => Some(Action::Up),
                _ => None,
            };
        }
        let (_, rows) = layout::list_parts(areas.list);
        let inside = |r: Rect| r.contains(at);
        match event.kind {
            _ if click && inside(rows) => {
                let row = self.offset + usize::from(event.row - rows.y);
                (row < self.rows.len()).then_some(Action::SelectRow(row))
            }
            _ if click && inside(areas.list) => Some(Action::FocusPane(Focus::List)),
            _ if click && inside(areas.detail) => Some(Action::FocusPane(Focus::Detail)),
            MouseEventKind::ScrollDown if inside(areas.list) => Some(Action::ScrollList(1)),
            MouseEventKind::ScrollUp if inside(areas.list) => Some(Action::ScrollList(-1)),
            MouseEventKind::ScrollDown if inside(areas.detail) => Some(Action::ScrollDetail(3)),
            MouseEventKind::ScrollUp if inside(areas.detail) => Some(Action::ScrollDetail(-3)),
            _ => None,
        }
    }

    /// The row of a full-body view's list at screen row `y`: an endorser, or a timeline row;
    /// `None` for a view with no rows to select, or off them.
    fn view_row(&self, body: Rect, y: u16) -> Option<usize> {
        let inner = layout::inner(body);
        let line = usize::from(y - inner.y);
        match self.view {
            View::Endorsements => {
                let (_, offset) = layout::endorser_rows(body, self.views.endorser_cursor);
                // Below the column titles.
                let row = offset + line.checked_sub(1)?;
                (row < self.views.endorsers.len()).then_some(row)
            }
            View::Timeline => {
                let rows = self.views.timeline.len();
                let scroll = layout::timeline_scroll(body, rows, self.views.timeline_cursor);
                let row = (scroll + line).checked_sub(layout::TIMELINE_HEAD)?;
                (row < rows).then_some(row)
            }
            _ => None,
        }
    }
}
