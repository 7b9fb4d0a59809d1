//! Moving the selection, paging and scrolling; the selection is always kept on screen.

use crate::explorer::app::{App, Focus, Overlay};
use crate::explorer::layout;

/// Rows a wheel notch moves.
const WHEEL_ROWS: i32 = 3;

impl App {
    /// Rows of contests the list pane shows (at least 1, so paging always moves).
    pub fn list_height(&self) -> usize {
        let (_, rows) = layout::list_parts(self.areas().list);
        usize::from(rows.height).max(1)
    }

    /// Lines of the detail pane's content area.
    fn detail_height(&self) -> u16 {
        layout::inner(self.areas().detail).height.max(1)
    }

    /// Up/Down: moves whatever has the keys.
    pub(super) fn step(&mut self, delta: i32) {
        match &mut self.overlay {
            Overlay::Help => self.help_scroll = add(self.help_scroll, delta).min(self.help_max),
            Overlay::Messages => self.scroll_messages(delta),
            Overlay::Picker(p) => {
                p.cursor =
                    (p.cursor as i64 + i64::from(delta)).clamp(0, p.len() as i64 - 1) as usize;
            }
            // While typing a search, arrows walk the results.
            Overlay::Input(_) => self.move_selection(i64::from(delta)),
            Overlay::Chips(_) => self.step_chip(i64::from(delta.signum())),
            // The column picker moves its own cursor (`update_columns`).
            Overlay::Confirm(_) | Overlay::Columns(_) => {}
            Overlay::None => match self.focus {
                Focus::List => self.move_selection(i64::from(delta)),
                Focus::Detail => self.scroll_detail(delta),
            },
        }
    }

    pub(super) fn page(&mut self, direction: i32) {
        match (&self.overlay, self.focus) {
            (Overlay::None, Focus::Detail) => {
                let h = i32::from(self.detail_height().saturating_sub(1).max(1));
                self.scroll_detail(direction * h);
            }
            (Overlay::Picker(_) | Overlay::Help, _) => self.step(direction * 10),
            (Overlay::Messages, _) => self.scroll_messages(direction * self.messages_page()),
            _ => {
                let h = self.list_height() as i64;
                self.move_selection(i64::from(direction) * h);
            }
        }
    }

    pub(super) fn jump(&mut self, end: bool) {
        match &mut self.overlay {
            Overlay::Picker(p) => p.cursor = if end { p.len() - 1 } else { 0 },
            Overlay::Help => self.help_scroll = if end { self.help_max } else { 0 },
            Overlay::Messages => self.messages.scroll = if end { self.messages.max } else { 0 },
            Overlay::Chips(_) => self.step_chip(if end { i64::MAX / 2 } else { -(i64::MAX / 2) }),
            _ if self.focus == Focus::Detail => {
                self.detail_scroll = if end { self.detail_max } else { 0 }
            }
            _ => {
                let last = self.rows.len().saturating_sub(1);
                self.set_selected(if end { last } else { 0 });
            }
        }
    }

    pub(super) fn select_row(&mut self, row: usize) {
        if row < self.rows.len() {
            self.focus = Focus::List;
            self.set_selected(row);
        }
    }

    pub(super) fn scroll_list(&mut self, notches: i32) {
        self.move_selection(i64::from(notches.signum() * WHEEL_ROWS));
    }

    pub(super) fn scroll_detail(&mut self, lines: i32) {
        self.detail_scroll = add(self.detail_scroll, lines).min(self.detail_max);
    }

    fn move_selection(&mut self, delta: i64) {
        if self.rows.is_empty() {
            return;
        }
        let last = self.rows.len() as i64 - 1;
        self.set_selected((self.selected as i64 + delta).clamp(0, last) as usize);
    }

    fn set_selected(&mut self, pos: usize) {
        if pos != self.selected {
            self.detail_scroll = 0;
        }
        self.selected = pos;
        self.keep_selection_visible();
    }

    /// Scrolls the list so the selection is in its middle (after a re-sort, which moves it
    /// anywhere: the eye finds it where it looks first), or as near as the ends allow.
    pub(super) fn center_selection(&mut self) {
        let h = self.list_height();
        self.offset = self.selected.saturating_sub(h / 2);
        self.keep_selection_visible();
    }

    /// Scrolls the list so the selection is on screen (and no space is wasted at the end).
    pub(super) fn keep_selection_visible(&mut self) {
        let len = self.rows.len();
        self.selected = self.selected.min(len.saturating_sub(1));
        let h = self.list_height();
        if self.selected < self.offset {
            self.offset = self.selected;
        } else if self.selected >= self.offset + h {
            self.offset = self.selected + 1 - h;
        }
        self.offset = self.offset.min(len.saturating_sub(h));
    }
}

fn add(value: u16, delta: i32) -> u16 {
    (i32::from(value) + delta).clamp(0, i32::from(u16::MAX)) as u16
}
