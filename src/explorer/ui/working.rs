//! What an aggregate view shows while its data for a large list is worked out off the UI
//! thread: a plain line saying so when it has nothing to show yet, and a mark on the title of
//! the figures it does show while they are of the rows listed before.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use crate::explorer::aggregates::Aggregate;
use crate::explorer::app::{App, Freshness};
use crate::explorer::layout;
use crate::explorer::ui::pane_block;
use crate::report::words::thousands;

/// What a view's title adds while its figures are of the rows listed before.
pub fn title_mark(app: &App, which: Aggregate) -> &'static str {
    match app.views.freshness(which) {
        Freshness::Updating if app.views.failed(which) => "· not updated: a bug in hustings ",
        Freshness::Updating => "· updating… ",
        Freshness::Current | Freshness::Missing => "",
    }
}

/// Draws the view's pane with the line `working out the scoreboard for 123,456 contests…` (or
/// that it could not be).
pub fn render(frame: &mut Frame, area: Rect, app: &App, which: Aggregate) {
    if area.is_empty() {
        return;
    }
    let title = format!(" {} ", app.view.title());
    frame.render_widget(pane_block(app, area, title, true), area);
    // A search's first rows are counted `12+`: the view waits for the rest.
    let contests = format!("{}{}", thousands(app.rows.len() as u64), app.more_to_come());
    let line = if app.views.failed(which) {
        format!(
            " could not work out {} for {contests} contests: a bug in hustings (please report it); \
             another filter or sort tries again",
            which.noun()
        )
    } else {
        format!(" working out {} for {contests} contests…", which.noun())
    };
    frame.render_widget(
        Paragraph::new(Line::styled(line, app.theme.dim())),
        layout::inner(area),
    );
}
