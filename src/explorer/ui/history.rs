//! The seat-history pane: every listed contest in the selected contest's constituency, oldest
//! first (`seat_history::SeatIndex`), each with its winner, share, margin and turnout, and (±)
//! its change since the seat's previous contest (`report::change::short`).

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use crate::explorer::app::{App, Focus};
use crate::explorer::layout;
use crate::explorer::theme::Theme;
use crate::explorer::ui::{pane_block, scroll_paragraph};
use crate::model::seat as seat_history;
use crate::model::{Dataset, Status};
use crate::report::cells;
use crate::report::change::{NO_PREVIOUS, PARTIAL};
use crate::report::facts::Summary;
use crate::report::words;

/// Draws the seat history of the selected contest, scrolled like the detail pane;
/// returns how far it can scroll.
pub fn render(frame: &mut Frame, area: Rect, app: &App) -> Option<u16> {
    let data = app.data.as_ref()?;
    if area.is_empty() {
        return None;
    }
    let ds = data.dataset();
    let theme = app.theme;
    let contest = app.selected_contest();
    let seat = contest.and_then(seat_history::constituency_name);
    let title = match seat {
        Some(name) => format!(" Seat history: {name} "),
        None => " Seat history ".to_string(),
    };
    let focused = app.focus == Focus::Detail;
    frame.render_widget(pane_block(app, area, title, focused), area);
    let lines = match (contest, seat) {
        (Some(_), Some(_)) => history_lines(app, ds, theme),
        (Some(_), None) => vec![Line::styled(
            "This contest names no constituency (a leadership race, say): it has no seat history.",
            theme.dim(),
        )],
        (None, _) => vec![],
    };
    let inner = layout::inner(area);
    // Lines come wrapped (continuation lines indented); the paragraph only wraps the notes.
    let lines = lines
        .into_iter()
        .flat_map(|line| rewrap(line, usize::from(inner.width)))
        .collect::<Vec<_>>();
    let paragraph = Paragraph::new(lines).wrap(Wrap { trim: false });
    Some(scroll_paragraph(
        frame,
        app,
        area,
        paragraph,
        app.detail_scroll,
    ))
}

// One short name per figure of a row (v, n, …) keeps each row's layout readable on a line.
#[allow(clippy::many_single_char_names)]
fn history_lines(app: &App, ds: &Dataset, theme: Theme) -> Vec<Line<'static>> {
    let v = &app.views;
    let n = v.history.len();
    let head = format!(
        "{n} {} in this constituency, oldest first",
        if n == 1 { "contest" } else { "contests" }
    );
    let mut out = vec![
        Line::styled(head, theme.dim()),
        Line::styled(
            "± is the change since the seat's previous contest: the result, and the winner's party's ± share",
            theme.dim(),
        ),
    ];
    if v.history_hidden > 0 {
        out.push(Line::styled(
            format!("{} more hidden by the filters", v.history_hidden),
            theme.dim(),
        ));
    }
    let selected = app.selected_index();
    for (n, &i) in v.history.iter().enumerate() {
        let c = &ds.contests[i];
        let s = Summary::new(ds, c);
        let here = Some(i) == selected;
        out.push(Line::raw(""));
        out.push(Line::from(vec![
            Span::styled(if here { "▶ " } else { "  " }, theme.key()),
            Span::styled(s.date_label(), theme.title()),
            Span::styled(format!("  {}", words::kind(c.kind)), theme.dim()),
        ]));
        out.push(Line::from(vec![
            Span::styled(format!("    {}", c.title), theme.text()),
            Span::styled(format!("  {}", c.id), theme.dim()),
        ]));
        let mut result = vec![Span::raw("    ")];
        match (s.winner, c.status) {
            (Some(w), _) => {
                result.push(Span::styled(format!("✓ {}", w.label()), theme.elected()));
                if let Some(f) = s.winner_faction {
                    result.push(Span::styled(
                        format!(" {}", words::faction_short(f)),
                        theme.faction(Some(f)),
                    ));
                }
                // A party-level row is already named by its party.
                if let Some(p) = w.party.as_deref().or(c.party.as_deref())
                    && !w.name.is_empty()
                {
                    result.push(Span::styled(format!(" ({p})"), theme.dim()));
                }
                out.push(Line::from(std::mem::take(&mut result)));
                result.push(Span::raw(format!(
                    "      share {} · margin {} · turnout {}",
                    s.winner_share_label(),
                    s.margin_label(),
                    s.turnout_label()
                )));
            }
            (None, _) if s.winners.len() > 1 => {
                result.push(Span::styled(
                    format!("✓ {}", s.winner_text()),
                    theme.elected(),
                ));
            }
            (None, Status::Pending) => result.push(Span::styled("pending", theme.pending())),
            (None, Status::Decided) => result.push(Span::styled("no winner recorded", theme.dim())),
        }
        out.push(Line::from(result));
        let change = v.history_change.get(n).map_or(words::DASH, String::as_str);
        let style = if change.contains(" gain from ") {
            theme.key()
        } else if [words::DASH, NO_PREVIOUS, PARTIAL].contains(&change) {
            theme.dim()
        } else {
            theme.text()
        };
        out.push(Line::from(vec![
            Span::styled("    ± ", theme.dim()),
            Span::styled(change.to_string(), style),
        ]));
    }
    out
}

/// A one-style line longer than `width` as several, continuation lines indented like the
/// line's own indent plus two; lines of several styles and short lines are kept as they are.
fn rewrap(line: Line<'static>, width: usize) -> Vec<Line<'static>> {
    if line.spans.len() != 1 || line.width() <= width {
        return vec![line];
    }
    let span = &line.spans[0];
    let text = span.content.to_string();
    let indent = &text[..text.len() - text.trim_start().len()];
    let rest = format!("{indent}  ");
    cells::hanging(text.trim_start(), indent, &rest, width)
        .into_iter()
        .map(|l| Line::styled(l, span.style))
        .collect()
}
