//! Where each pane sits for a given terminal size. Pure geometry, shared by the app state
//! (page size, mouse hit-testing) and the renderer, so both agree on every cell.
//!
//! ```text
//! wide (≥ 100 columns)            tall (≥ 30 rows)      small: the focused pane only
//! ┌ header ──────────────────┐    ┌ header ────────┐    ┌ header ────────┐
//! ├ list ─────┬ detail ──────┤    ├ list ──────────┤    ├ list or detail ┤
//! │           │              │    ├ detail ────────┤    │                │
//! ├ status ───┴──────────────┤    ├ status ────────┤    ├ status ────────┤
//! ```

use ratatui::layout::{Constraint, Layout, Rect};

use crate::explorer::screen::View;

/// Columns from which list and detail sit side by side.
pub const WIDE: u16 = 100;
/// Rows from which list and detail are stacked when not wide.
pub const TALL: u16 = 30;
/// Rows from which the header line is shown.
const HEADER_FROM: u16 = 12;
/// Columns the detail reads well in (its tables and chart); beyond half the screen up to
/// here, wider screens give their extra columns to the list, where they show more columns.
const DETAIL_COMFORT: u16 = 60;

/// The screen divided into panes; a hidden pane has an empty rectangle.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Areas {
    pub header: Rect,
    /// The list pane, border included.
    pub list: Rect,
    /// The detail pane, border included.
    pub detail: Rect,
    pub status: Rect,
}

impl Areas {
    /// Both panes together, where a view that takes the whole body is drawn (either pane may
    /// be hidden on a small screen).
    pub fn body(&self) -> Rect {
        match (self.list.is_empty(), self.detail.is_empty()) {
            (true, _) => self.detail,
            (_, true) => self.list,
            _ => self.list.union(self.detail),
        }
    }
}

/// The detail's width beside the list: half a narrow screen, `DETAIL_COMFORT` columns from
/// there, and two fifths of a very wide one (so the chart's bars keep growing).
fn detail_width(width: u16) -> u16 {
    (width / 2).min(DETAIL_COMFORT).max(width * 2 / 5)
}

/// Divides `screen`; when only one pane fits, the detail is shown if `detail_focused`. The
/// status bar takes `message_rows` rows of messages above its own line.
pub fn areas(screen: Rect, detail_focused: bool, message_rows: u16) -> Areas {
    if screen.height < 3 {
        // Room for the status line only.
        return Areas {
            status: screen,
            ..Areas::default()
        };
    }
    let header_height = u16::from(screen.height >= HEADER_FROM);
    let [header, body, status] = Layout::vertical([
        Constraint::Length(header_height),
        Constraint::Min(1),
        Constraint::Length(1 + message_rows.min(screen.height.saturating_sub(2 + header_height))),
    ])
    .areas(screen);
    let (list, detail) = if screen.width >= WIDE {
        let [l, d] = Layout::horizontal([
            Constraint::Fill(1),
            Constraint::Length(detail_width(body.width)),
        ])
        .areas(body);
        (l, d)
    } else if screen.height >= TALL {
        let [l, d] =
            Layout::vertical([Constraint::Percentage(40), Constraint::Percentage(60)]).areas(body);
        (l, d)
    } else if detail_focused {
        (Rect::default(), body)
    } else {
        (body, Rect::default())
    };
    Areas {
        header,
        list,
        detail,
        status,
    }
}

/// Whether a pane this size gets a border (tiny panes use every cell for content).
pub fn bordered(pane: Rect) -> bool {
    pane.width >= 12 && pane.height >= 4
}

/// Inside a pane's border, when it has one.
pub fn inner(pane: Rect) -> Rect {
    if bordered(pane) {
        Rect {
            x: pane.x + 1,
            y: pane.y + 1,
            width: pane.width - 2,
            height: pane.height - 2,
        }
    } else {
        pane
    }
}

/// The list pane's column-title line and the area its rows are drawn in.
pub fn list_parts(list: Rect) -> (Rect, Rect) {
    let inside = inner(list);
    if inside.height >= 3 {
        let [titles, rows] =
            Layout::vertical([Constraint::Length(1), Constraint::Min(0)]).areas(inside);
        (titles, rows)
    } else {
        (Rect::default(), inside)
    }
}

/// The endorsers table over `body`: how many rows it shows below its column titles, and
/// the first it shows so that row `cursor` is on screen (shared by drawing and the mouse).
pub fn endorser_rows(body: Rect, cursor: usize) -> (usize, usize) {
    let visible = usize::from(inner(body).height.saturating_sub(1)).max(1);
    (visible, cursor.saturating_sub(visible - 1))
}

/// Lines of the timeline before its first row (a summary and a blank line).
pub const TIMELINE_HEAD: usize = 2;

/// The timeline over `body`, `rows` rows long (then a blank line and the legend): the first
/// line shown, so that row `cursor` is on screen — with the legend, at the last row.
pub fn timeline_scroll(body: Rect, rows: usize, cursor: usize) -> usize {
    let height = usize::from(inner(body).height).max(1);
    let total = TIMELINE_HEAD + rows + 2;
    if cursor + 1 >= rows {
        total.saturating_sub(height)
    } else {
        (TIMELINE_HEAD + cursor + 1).saturating_sub(height)
    }
}

/// Cells before the header's dataset name (` hustings `) and after it (one space).
const HEADER_LEAD: usize = 10;
/// The cells of the dataset's name the header keeps before the view tabs shrink to numbers.
const NAME_KEPT: usize = 14;

/// The view tabs at the right of `header`, each with its label and where it is drawn: every
/// view with its number key, the current one in full; when the line is short (the dataset's
/// name keeps up to `NAME_KEPT` cells of it), the other views shrink to their numbers.
pub fn tabs(header: Rect, name_width: usize, current: View) -> Vec<(View, String, Rect)> {
    if header.is_empty() {
        return Vec::new();
    }
    let room =
        usize::from(header.width).saturating_sub(HEADER_LEAD + 1 + name_width.min(NAME_KEPT));
    let full: Vec<String> = View::ALL
        .iter()
        .map(|v| format!(" {} {} ", v.key(), v.title()))
        .collect();
    let short = full.iter().map(|t| t.chars().count()).sum::<usize>() > room;
    let labels: Vec<(View, String)> = View::ALL
        .iter()
        .zip(full)
        .map(|(&v, label)| {
            if v == current || !short {
                (v, label)
            } else {
                (v, format!(" {} ", v.key()))
            }
        })
        .collect();
    let total: u16 = labels.iter().map(|(_, l)| l.chars().count() as u16).sum();
    let mut x = header.right().saturating_sub(total).max(header.x);
    labels
        .into_iter()
        .map(|(v, label)| {
            let w = label.chars().count() as u16;
            let at = Rect::new(x, header.y, w.min(header.right().saturating_sub(x)), 1);
            x = x.saturating_add(w);
            (v, label, at)
        })
        .collect()
}

/// Widest the message log popup gets: long messages wrap to lines that read well.
const MESSAGE_LOG_WIDTH: u16 = 100;

/// The largest the message log popup gets on `screen`, centred: all but a margin of two
/// columns and one row (none on a tiny screen), at most `MESSAGE_LOG_WIDTH` wide. It is as
/// tall as its lines when they are fewer.
pub fn message_log(screen: Rect) -> Rect {
    let width = if screen.width >= 24 {
        (screen.width - 4).min(MESSAGE_LOG_WIDTH)
    } else {
        screen.width
    };
    let height = if screen.height >= 6 {
        screen.height - 2
    } else {
        screen.height
    };
    Rect {
        x: screen.x + (screen.width - width) / 2,
        y: screen.y + (screen.height - height) / 2,
        width,
        height,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wide_tall_and_small_screens() {
        let wide = areas(Rect::new(0, 0, 120, 40), false, 0);
        assert!(wide.list.width > 0 && wide.detail.width > 0);
        assert_eq!(wide.list.y, wide.detail.y);
        assert_eq!(wide.status.y, 39);
        let tall = areas(Rect::new(0, 0, 80, 40), false, 0);
        assert!(tall.list.height > 0 && tall.detail.height > 0);
        assert_eq!(tall.list.x, tall.detail.x);
        assert_eq!(wide.body(), Rect::new(0, 1, 120, 38));
        assert_eq!(tall.body(), Rect::new(0, 1, 80, 38));
        let small = areas(Rect::new(0, 0, 40, 10), false, 0);
        assert_eq!(small.detail, Rect::default());
        assert_eq!(small.body(), small.list);
        assert_eq!(small.header.height, 0);
        assert_eq!(small.list.height, 9);
        let small_detail = areas(Rect::new(0, 0, 40, 10), true, 0);
        assert_eq!(small_detail.list, Rect::default());
        assert_eq!(small_detail.body(), small_detail.detail);
        let one = areas(Rect::new(0, 0, 1, 1), false, 0);
        assert_eq!(one.status, Rect::new(0, 0, 1, 1));
    }

    #[test]
    fn messages_take_rows_above_the_status_line() {
        let a = areas(Rect::new(0, 0, 80, 24), false, 2);
        assert_eq!(a.status, Rect::new(0, 21, 80, 3));
        assert_eq!(a.list.bottom(), 21);
    }

    #[test]
    fn wider_screens_give_their_extra_columns_to_the_list() {
        let split = |w| {
            let a = areas(Rect::new(0, 0, w, 40), false, 0);
            (a.list.width, a.detail.width)
        };
        assert_eq!(split(100), (50, 50));
        assert_eq!(split(120), (60, 60));
        assert_eq!(split(160), (96, 64));
        assert_eq!(split(200), (120, 80));
    }

    #[test]
    fn the_message_log_leaves_a_margin_and_reads_at_most_100_columns() {
        assert_eq!(
            message_log(Rect::new(0, 0, 80, 24)),
            Rect::new(2, 1, 76, 22)
        );
        assert_eq!(
            message_log(Rect::new(0, 0, 200, 50)),
            Rect::new(50, 1, 100, 48)
        );
        let tiny = Rect::new(0, 0, 10, 3);
        assert_eq!(message_log(tiny), tiny);
    }

    #[test]
    fn list_rows_sit_below_the_column_titles() {
        let (titles, rows) = list_parts(Rect::new(0, 1, 50, 20));
        assert_eq!(titles, Rect::new(1, 2, 48, 1));
        assert_eq!(rows, Rect::new(1, 3, 48, 17));
        let (none, rows) = list_parts(Rect::new(0, 0, 10, 2));
        assert_eq!(none, Rect::default());
        assert_eq!(rows, Rect::new(0, 0, 10, 2));
    }
}
