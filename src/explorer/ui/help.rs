//! The `?` overlay: every key, from the same table the key map is documented by.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::explorer::app::App;
use crate::explorer::keymap::HELP;
use crate::explorer::ui::{popup, popup_area, scroll_paragraph};
use crate::report::cells;

/// Draws the help popup over `area`; returns how far it can scroll.
pub fn render(frame: &mut Frame, area: Rect, app: &App) -> u16 {
    let theme = app.theme;
    let keys_w = HELP.iter().map(|(k, _)| cells::width(k)).max().unwrap_or(0);
    let text_w = HELP.iter().map(|(_, t)| cells::width(t)).max().unwrap_or(0);
    let width = (keys_w + text_w + 5) as u16;
    let height = HELP.len() as u16 + 2;
    let at = popup_area(area, width, height);
    popup(
        frame,
        app,
        at,
        " Keys (j / k scroll, Esc or ? closes) ".into(),
    );
    let lines: Vec<Line> = HELP
        .iter()
        .map(|(keys, what)| {
            Line::from(vec![
                Span::styled(format!(" {} ", cells::fit(keys, keys_w)), theme.key()),
                Span::raw(*what),
            ])
        })
        .collect();
    scroll_paragraph(frame, app, at, Paragraph::new(lines), app.help_scroll)
}
