//! The endorsers view: each endorser's record over the listed contests (backed, won, lost,
//! pending, win rate), in the order chosen with s / S; Enter lists the endorser's contests.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use crate::explorer::aggregates::Aggregate;
use crate::explorer::app::App;
use crate::explorer::layout;
use crate::explorer::theme::Theme;
use crate::explorer::ui::{pane_block, scroll_marks, working};
use crate::report;
use crate::report::cells;
use crate::report::words::NA;
use crate::stats::{Backing, EndorserRecord};

/// Cells of each count column.
const NUMBER: usize = 8;
/// Most cells of the win-rate bar; it shrinks to the room the columns leave.
const RATE_BAR: usize = 20;

/// Draws the endorsement record over the whole body.
pub fn render(frame: &mut Frame, area: Rect, app: &App) {
    if area.is_empty() {
        return;
    }
    let v = &app.views;
    let theme = app.theme;
    let order = if v.endorser_reverse { " ↑" } else { " ↓" };
    let title = format!(
        " Endorsers: {} {}· by {}{order} · s order · S reverse · Enter lists their contests ",
        v.endorsers.len(),
        working::title_mark(app, Aggregate::Endorsers),
        v.endorser_sort.as_str()
    );
    frame.render_widget(pane_block(app, area, title, true), area);
    let inner = layout::inner(area);
    if inner.height < 2 {
        return;
    }
    let width = usize::from(inner.width);
    let name_w = v
        .endorsers
        .iter()
        .map(|r| cells::width(&r.label()))
        .max()
        .unwrap_or(0)
        .clamp(8, 32)
        .min(width.saturating_sub(5 * NUMBER + 2));
    let head = format!(
        " {}{}{}{}{}{} ",
        cells::fit("Endorser", name_w),
        cells::fit_right("Backed", NUMBER),
        cells::fit_right("Won", NUMBER),
        cells::fit_right("Lost", NUMBER),
        cells::fit_right("Pending", NUMBER),
        cells::fit_right("Win rate", NUMBER + 1),
    );
    frame.render_widget(
        Line::styled(head, theme.column_title()),
        Rect::new(inner.x, inner.y, inner.width, 1),
    );
    if v.endorsers.is_empty() {
        frame.render_widget(
            Line::styled(" No endorsements among the listed contests.", theme.dim()),
            Rect::new(inner.x, inner.y + 1, inner.width, 1),
        );
        return;
    }
    let (visible, offset) = layout::endorser_rows(area, v.endorser_cursor);
    // " " + name + five numbers + "  " + bar + " ".
    let bar_w = width
        .saturating_sub(1 + name_w + 5 * NUMBER + 1 + 2 + 1)
        .min(RATE_BAR);
    let below = offset + visible < v.endorsers.len();
    scroll_marks(frame, app, area, offset > 0, below);
    for (n, r) in v.endorsers.iter().enumerate().skip(offset).take(visible) {
        let mut line = row(r, name_w, bar_w, theme);
        if n == v.endorser_cursor {
            line = line.style(theme.selected(true));
        }
        let y = inner.y + 1 + (n - offset) as u16;
        frame.render_widget(line, Rect::new(inner.x, y, inner.width, 1));
    }
}

/// The endorser's name in `width` cells; a record of nominations says so, the name cut
/// first (`National Union… (nominated)`).
fn label(r: &EndorserRecord, width: usize) -> String {
    match r.backing {
        Backing::Endorsement => r.name.clone(),
        Backing::Nomination => {
            let suffix = format!(" ({})", r.backing.verb());
            let room = width.saturating_sub(cells::width(&suffix)).max(4);
            format!("{}{suffix}", cells::truncate(&r.name, room))
        }
    }
}

fn row(r: &EndorserRecord, name_w: usize, bar_w: usize, theme: Theme) -> Line<'static> {
    let rate = r.win_rate();
    let rate_label = rate.map_or(NA.to_string(), |x| format!("{:.0}%", x * 100.0));
    // The bar is the win rate: 100% fills it, so equal rates draw equal bars.
    let bar = rate.map_or(String::new(), |x| report::bars::draw(x, 1.0, bar_w));
    Line::from(vec![
        Span::raw(format!(
            " {}{}",
            cells::fit(&label(r, name_w), name_w),
            cells::fit_right(&r.endorsed.to_string(), NUMBER)
        )),
        Span::styled(
            cells::fit_right(&r.won.to_string(), NUMBER),
            theme.elected(),
        ),
        Span::raw(format!(
            "{}{}",
            cells::fit_right(&r.lost.to_string(), NUMBER),
            cells::fit_right(&r.pending.to_string(), NUMBER)
        )),
        Span::styled(
            cells::fit_right(&rate_label, NUMBER + 1),
            if rate.is_some() {
                theme.text()
            } else {
                theme.dim()
            },
        ),
        Span::raw("  "),
        Span::styled(cells::fit(&bar, bar_w), theme.elected()),
        Span::raw(" "),
    ])
}
