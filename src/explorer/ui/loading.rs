//! Shown until the data arrives: what is loading, with a spinner; q already works.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Wrap};

use crate::explorer::app::App;

const SPINNER: [char; 10] = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];

/// Draws the loading message in the middle of `area`.
pub fn render(frame: &mut Frame, area: Rect, app: &App) {
    if area.is_empty() {
        return;
    }
    let spinner = SPINNER[app.tick % SPINNER.len()];
    let lines = vec![
        Line::styled(
            format!("{spinner} Loading {}", app.sources.join(", ")),
            app.theme.title(),
        ),
        Line::styled("press q to quit", app.theme.dim()),
    ];
    let top = area.height.saturating_sub(2) / 2;
    let inner = Rect {
        y: area.y + top,
        height: area.height - top,
        ..area
    };
    frame.render_widget(
        Paragraph::new(lines).centered().wrap(Wrap { trim: true }),
        inner,
    );
}
