//! The top line: what is open, and the views as tabs (the number keys pick one).

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use crate::explorer::app::{App, View};
use crate::report::cells;

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
    // The name keeps up to 24 cells before the tabs shrink to numbers.
    let keep = cells::width(&name).min(24);
    let tabs = tabs(app, usize::from(area.width).saturating_sub(11 + keep));
    let tabs_w: usize = tabs.iter().map(|t| cells::width(&t.content)).sum();
    let room = usize::from(area.width).saturating_sub(tabs_w + 11);
    let mut spans = vec![
        Span::styled(" hustings ", theme.title()),
        Span::styled(cells::fit(&name, room), theme.dim()),
        Span::raw(" "),
    ];
    spans.extend(tabs);
    frame.render_widget(Line::from(spans), area);
}

/// The tab bar: every view with its number key, the current one highlighted; when `room` is
/// short, the other views shrink to their numbers.
fn tabs(app: &App, room: usize) -> Vec<Span<'static>> {
    let theme = &app.theme;
    let full: Vec<String> = View::ALL
        .iter()
        .map(|v| format!(" {} {} ", v.key(), v.title()))
        .collect();
    let short = full.iter().map(|t| cells::width(t)).sum::<usize>() > room;
    View::ALL
        .iter()
        .zip(full)
        .map(|(&v, label)| {
            if v == app.view {
                Span::styled(label, theme.selected(true))
            } else if short {
                Span::styled(format!(" {} ", v.key()), theme.dim())
            } else {
                Span::styled(label, theme.dim())
            }
        })
        .collect()
}
