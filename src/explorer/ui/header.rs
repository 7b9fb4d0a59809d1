//! The top line: what is open, and the views as tabs (the number keys pick one, and so does a
//! click: `layout::tabs` says where each is).

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use crate::explorer::app::App;
use crate::explorer::layout;
use crate::report::cells;

/// Draws the header line (hidden on short terminals, when `area` is empty).
pub fn render(frame: &mut Frame, area: Rect, app: &App) {
    if area.is_empty() {
        return;
    }
    let theme = app.theme;
    let name = app.header_name();
    let tabs = layout::tabs(area, cells::width(&name), app.view);
    let tabs_w: usize = tabs.iter().map(|(_, l, _)| cells::width(l)).sum();
    let room = usize::from(area.width).saturating_sub(tabs_w + 11);
    let mut spans = vec![
        Span::styled(" hustings ", theme.title()),
        Span::styled(cells::fit(&name, room), theme.dim()),
        Span::raw(" "),
    ];
    for (view, label, _) in tabs {
        let style = if view == app.view {
            theme.selected(true)
        } else {
            theme.dim()
        };
        spans.push(Span::styled(label, style));
    }
    frame.render_widget(Line::from(spans), area);
}
