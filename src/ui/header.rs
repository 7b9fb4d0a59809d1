//! The top line: what is open, and which view is shown.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use crate::app::{App, View};
use crate::ui::text;

/// Draws the header line (hidden on short terminals, when `area` is empty).
pub fn render(frame: &mut Frame, area: Rect, app: &App) {
    if area.is_empty() {
        return;
    }
    let theme = &app.theme;
    let name = match &app.data {
        Some(data) => data
            .dataset()
            .title
            .clone()
            .unwrap_or_else(|| data.loaded.sources.join(", ")),
        None => app.sources.join(", "),
    };
    let tabs = match app.view {
        View::Contests => " Contests ",
    };
    let room = usize::from(area.width).saturating_sub(text::width(tabs) + 11);
    let line = Line::from(vec![
        Span::styled(" hustings ", theme.title()),
        Span::styled(text::fit(&name, room), theme.dim()),
        Span::raw(" "),
        Span::styled(tabs, theme.selected(true)),
    ]);
    frame.render_widget(line, area);
}
