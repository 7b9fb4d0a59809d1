//! The endorsers view: each endorser's record over the listed contests (backed, won, lost,
//! pending, win rate), in the order chosen with s / S; Enter lists the endorser's contests.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use crate::explorer::app::App;
use crate::explorer::layout;
use crate::explorer::theme::Theme;
use crate::explorer::ui::{bars, pane_block, text};
use crate::report::NA;
use crate::stats::EndorserRecord;

/// Cells of each count column.
const NUMBER: usize = 8;
/// Cells of the win-rate bar.
const RATE_BAR: usize = 20;

/// Draws the endorsement record over the whole body.
pub fn render(frame: &mut Frame, area: Rect, app: &App) {
    if area.is_empty() {
        return;
    }
    let v = &app.views;
    let theme = &app.theme;
    let order = if v.endorser_reverse { " ↑" } else { " ↓" };
    let title = format!(
        " Endorsers: {} · by {}{order} · s order · S reverse · Enter lists their contests ",
        v.endorsers.len(),
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
        .map(|r| text::width(&r.name))
        .max()
        .unwrap_or(0)
        .clamp(8, 32)
        .min(width.saturating_sub(5 * NUMBER + 2));
    let head = format!(
        " {}{}{}{}{}{} ",
        text::fit("Endorser", name_w),
        text::fit_right("Backed", NUMBER),
        text::fit_right("Won", NUMBER),
        text::fit_right("Lost", NUMBER),
        text::fit_right("Pending", NUMBER),
        text::fit_right("Win rate", NUMBER + 1),
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
    let visible = usize::from(inner.height - 1);
    // The cursor stays on screen; the table scrolls only as far as it must.
    let offset = v.endorser_cursor.saturating_sub(visible - 1);
    for (n, r) in v.endorsers.iter().enumerate().skip(offset).take(visible) {
        let mut line = row(r, name_w, theme);
        if n == v.endorser_cursor {
            line = line.style(theme.selected(true));
        }
        let y = inner.y + 1 + (n - offset) as u16;
        frame.render_widget(line, Rect::new(inner.x, y, inner.width, 1));
    }
}

fn row(r: &EndorserRecord, name_w: usize, theme: &Theme) -> Line<'static> {
    let rate = r.win_rate();
    let rate_label = rate.map_or(NA.to_string(), |x| format!("{:.0}%", x * 100.0));
    let bar = rate.map_or(String::new(), |x| {
        bars::count((x * 1000.0).round() as usize, 1000, RATE_BAR)
    });
    Line::from(vec![
        Span::raw(format!(
            " {}{}",
            text::fit(&r.name, name_w),
            text::fit_right(&r.endorsed.to_string(), NUMBER)
        )),
        Span::styled(text::fit_right(&r.won.to_string(), NUMBER), theme.elected()),
        Span::raw(format!(
            "{}{}",
            text::fit_right(&r.lost.to_string(), NUMBER),
            text::fit_right(&r.pending.to_string(), NUMBER)
        )),
        Span::styled(
            text::fit_right(&rate_label, NUMBER + 1),
            if rate.is_some() {
                theme.text()
            } else {
                theme.dim()
            },
        ),
        Span::raw("  "),
        Span::styled(text::fit(&bar, RATE_BAR), theme.elected()),
        Span::raw(" "),
    ])
}
