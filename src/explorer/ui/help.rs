//! The `?` overlay: every key, from the same table the key map is documented by. On a narrow
//! screen a description wraps under itself (a hanging indent past the keys), never cut.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::explorer::app::App;
use crate::explorer::keymap::HELP;
use crate::explorer::theme::Theme;
use crate::explorer::ui::{popup, popup_area, scroll_paragraph};
use crate::report::cells;

/// Draws the help popup over `area`; returns how far it can scroll.
pub fn render(frame: &mut Frame, area: Rect, app: &App) -> u16 {
    let keys_w = HELP.iter().map(|(k, _)| cells::width(k)).max().unwrap_or(0);
    let text_w = HELP.iter().map(|(_, t)| cells::width(t)).max().unwrap_or(0);
    let width = ((keys_w + text_w + 5) as u16).min(area.width);
    // Inside the border, after the keys' column (a space either side of it).
    let room = usize::from(width.saturating_sub(2)).saturating_sub(keys_w + 2);
    let lines = lines(keys_w, room, app.theme);
    let height = lines.len() as u16 + 2;
    let at = popup_area(area, width, height);
    popup(
        frame,
        app,
        at,
        " Keys (j / k scroll, Esc or ? closes) ".into(),
    );
    scroll_paragraph(frame, app, at, Paragraph::new(lines), app.help_scroll)
}

/// The help's lines: the keys in a column `keys_w` wide, each description wrapped to `room`
/// cells beside them, its continuation lines under it.
fn lines(keys_w: usize, room: usize, theme: Theme) -> Vec<Line<'static>> {
    let mut out = Vec::new();
    for (keys, what) in HELP {
        for (n, part) in cells::wrap(what, room.max(12)).into_iter().enumerate() {
            let lead = if n == 0 {
                format!(" {} ", cells::fit(keys, keys_w))
            } else {
                " ".repeat(keys_w + 2)
            };
            out.push(Line::from(vec![
                Span::styled(lead, theme.key()),
                Span::raw(part),
            ]));
        }
    }
    out
}
