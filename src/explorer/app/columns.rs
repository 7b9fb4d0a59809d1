//! The picker of the list's columns (`C`): Space shows or hides the column under the cursor
//! at once, Enter or Esc closes it. The choice is kept for the session; the column the list
//! is sorted by shows whatever is chosen.

use crate::explorer::action::Action;
use crate::explorer::app::{App, Overlay};
use crate::explorer::screen::ListColumn;

impl App {
    /// The actions of the column picker when it is open (and `C`, which opens it); the rest
    /// are handed back.
    pub(super) fn update_columns(&mut self, action: Action) -> Option<Action> {
        let Overlay::Columns(cursor) = self.overlay else {
            if matches!(action, Action::OpenColumns) {
                if matches!(self.overlay, Overlay::None) && self.data.is_some() {
                    self.overlay = Overlay::Columns(0);
                }
                return None;
            }
            return Some(action);
        };
        let last = ListColumn::CHOOSABLE.len() - 1;
        let to = |c: i64| Overlay::Columns(c.clamp(0, last as i64) as usize);
        match action {
            Action::Up => self.overlay = to(cursor as i64 - 1),
            Action::Down => self.overlay = to(cursor as i64 + 1),
            Action::PageUp | Action::Top => self.overlay = to(0),
            Action::PageDown | Action::Bottom => self.overlay = to(last as i64),
            Action::PickRow(row) => {
                self.overlay = to(row as i64);
                self.toggle_column(row.min(last));
            }
            Action::PickerToggle => self.toggle_column(cursor),
            Action::Back | Action::Confirm | Action::OpenColumns => self.overlay = Overlay::None,
            // Help, quitting, resizing, loads and the clock go on as anywhere.
            other @ (Action::ToggleHelp
            | Action::Quit
            | Action::Interrupt
            | Action::Suspend
            | Action::Resize(..)
            | Action::Tick
            | Action::Loaded(_)
            | Action::Preview(_)
            | Action::LoadFailed(_)
            | Action::SetQuery(_)
            | Action::Notice(_)
            | Action::Exported(_)) => return Some(other),
            _ => {}
        }
        None
    }

    fn toggle_column(&mut self, at: usize) {
        self.list_columns.toggle(ListColumn::CHOOSABLE[at]);
    }
}
