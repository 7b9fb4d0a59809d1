//! The seats-changing-hands view's keys: a cursor over the matrix's cells (↑ / ↓ the party
//! before, ← / → the party now, `{` / `}` the first / last column), the columns and lines
//! scrolled to keep it on screen, and Enter to list the cell's seats (a chip,
//! `[changes: Lab → Con]`).

use crate::explorer::action::Action;
use crate::explorer::app::chips::change_cell_keep;
use crate::explorer::app::{App, Focus};
use crate::explorer::layout;
use crate::explorer::screen::View;
use crate::explorer::ui;
use crate::query::ChangeCell;

impl App {
    /// The keys of the changes view that move its cursor or list a cell; the rest are handed
    /// back (to scroll the view).
    pub(super) fn changes_keys(&mut self, action: Action) -> Option<Action> {
        let n = self.views.matrix.as_ref().map_or(0, |m| m.parties.len());
        if n == 0 {
            return Some(action);
        }
        let last = n as i64 - 1;
        let (from, to) = self.views.matrix_cursor;
        let (from, to) = (from as i64, to as i64);
        let (from, to) = match action {
            Action::Up => (from - 1, to),
            Action::Down => (from + 1, to),
            Action::Top => (0, to),
            Action::Bottom => (last, to),
            Action::StepRound(delta) => (from, to + i64::from(delta)),
            Action::EdgeRound(end) => (from, if end { last } else { 0 }),
            Action::Confirm => {
                self.list_change_cell();
                return None;
            }
            other => return Some(other),
        };
        self.views.matrix_cursor = (from.clamp(0, last) as usize, to.clamp(0, last) as usize);
        self.show_matrix_cursor();
        None
    }

    /// Scrolls the party columns and the lines so the cursor's cell is on screen.
    pub(super) fn show_matrix_cursor(&mut self) {
        let Some(m) = &self.views.matrix else {
            return;
        };
        let n = m.parties.len();
        let (row, column) = self.views.matrix_cursor;
        if n == 0 {
            return;
        }
        let (row, column) = (row.min(n - 1), column.min(n - 1));
        self.views.matrix_cursor = (row, column);
        let inner = layout::inner(self.areas().body());
        let width = usize::from(inner.width);
        let widths = ui::changes_column_widths(m);
        let (mut first, mut count) = ui::changes_window(&widths, width, self.views.matrix_column);
        if column < first {
            first = column;
        }
        while column >= first + count && first < column {
            (first, count) = ui::changes_window(&widths, width, first + 1);
        }
        self.views.matrix_column = first;
        // The header and the cursor's row on screen.
        let line = (ui::changes_grid_top(m, width) + 1 + row) as u16;
        let height = inner.height.max(1);
        let scroll = &mut self.views.scroll;
        if line < *scroll + 1 {
            *scroll = line.saturating_sub(1);
        } else if line >= *scroll + height {
            *scroll = line + 1 - height;
        }
    }

    /// Enter: the list, filtered to the seats of the cell under the cursor.
    fn list_change_cell(&mut self) {
        let (Some(m), Some(data)) = (&self.views.matrix, &self.data) else {
            return;
        };
        let (from, to) = self.views.matrix_cursor;
        let (Some(f), Some(t)) = (m.parties.get(from), m.parties.get(to)) else {
            return;
        };
        if m.seats[from][to] == 0 {
            let words = crate::report::change::matrix_cell(m, from, to);
            self.say(format!("{words}: nothing to list"));
            return;
        }
        self.query.filter.change_cell = Some(Box::new(ChangeCell {
            keep: change_cell_keep(data, &f.group, &t.group),
            from: f.group.clone(),
            to: t.group.clone(),
            label: (f.short.clone(), t.short.clone()),
        }));
        self.relist();
        self.view = View::Contests;
        self.focus = Focus::List;
        // The status bar shows the new filter ("changes: Lab → Con").
        self.keep_selection_visible();
    }
}
