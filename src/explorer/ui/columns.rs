//! The column picker (`C`): every column the list can show, marked when chosen; the column
//! the list is sorted by says it always shows.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use crate::explorer::app::App;
use crate::explorer::screen::{ListColumn, ListSort};
use crate::explorer::ui::{popup, popup_area};
use crate::query::SortKey;
use crate::report::cells;

const TITLE: &str = " List columns · Space shows / hides · Enter or Esc closes ";

/// The column the list's sort needs, if it is one the picker lists.
fn sorted_by(sort: ListSort) -> Option<ListColumn> {
    match sort {
        ListSort::Key(SortKey::Date) => Some(ListColumn::Date),
        ListSort::Key(SortKey::Region) => Some(ListColumn::Region),
        ListSort::Key(SortKey::Margin) => Some(ListColumn::Margin),
        ListSort::Key(SortKey::Turnout) => Some(ListColumn::Turnout),
        ListSort::Key(SortKey::Title) => None,
        ListSort::Change => Some(ListColumn::Change),
    }
}

/// Where the picker is drawn over `area` (shared by drawing and the mouse).
pub fn geometry(area: Rect) -> Rect {
    let label_w = ListColumn::CHOOSABLE
        .iter()
        .map(|c| cells::width(c.describe()))
        .max()
        .unwrap_or(0);
    let width = (label_w + 32).max(cells::width(TITLE) + 2) as u16;
    popup_area(area, width, ListColumn::CHOOSABLE.len() as u16 + 4)
}

/// Draws the picker centred over `area`, the cursor on the column at `cursor`.
pub fn render(frame: &mut Frame, area: Rect, app: &App, cursor: usize) {
    let theme = app.theme;
    let at = geometry(area);
    let inner = popup(frame, app, at, TITLE.into());
    let sorted = sorted_by(app.list_sort());
    let mut lines: Vec<Line> = ListColumn::CHOOSABLE
        .iter()
        .enumerate()
        .map(|(n, &column)| {
            let mark = if app.list_columns.shows(column) {
                "[x]"
            } else {
                "[ ]"
            };
            let mut spans = vec![
                Span::styled(format!(" {mark} "), theme.key()),
                Span::styled(column.describe(), theme.text()),
            ];
            if sorted == Some(column) {
                spans.push(Span::styled("  (sorted by: always shown)", theme.dim()));
            }
            let line = Line::from(spans);
            if n == cursor {
                line.style(theme.selected(true))
            } else {
                line
            }
        })
        .collect();
    lines.push(Line::raw(""));
    lines.push(Line::styled(
        " As many as fit the width are shown, the title first.",
        theme.dim(),
    ));
    for (n, line) in lines.into_iter().enumerate() {
        let y = inner.y + n as u16;
        if y >= inner.bottom() {
            break;
        }
        frame.render_widget(line, Rect::new(inner.x, y, inner.width, 1));
    }
}
