//! The message log popup (`M`): every notice, complaint and load error so far, newest first,
//! each with its time and in full — wrapped, continuation lines indented under the text.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::explorer::app::{App, Message};
use crate::explorer::keymap::MESSAGES_KEY;
use crate::explorer::layout;
use crate::explorer::ui::{popup, popup_area, scroll_paragraph};
use crate::report::cells;

/// Draws the log popup over `area`; returns how far it can scroll.
pub fn render(frame: &mut Frame, area: Rect, app: &App) -> u16 {
    let largest = layout::message_log(area);
    let lines = lines(app, usize::from(layout::inner(largest).width));
    // As tall as its lines and its frame, and never too short for the frame.
    let height = u16::try_from(lines.len())
        .unwrap_or(u16::MAX)
        .saturating_add(2)
        .max(4)
        .min(largest.height);
    let title = format!(" Messages, newest first ({MESSAGES_KEY} or Esc closes) ");
    let at = popup_area(area, largest.width, height);
    popup(frame, app, at, title);
    scroll_paragraph(frame, app, at, Paragraph::new(lines), app.messages.scroll)
}

/// Every message, newest first, wrapped to `width` cells.
fn lines(app: &App, width: usize) -> Vec<Line<'static>> {
    if app.messages.is_empty() {
        return vec![Line::styled(" No messages yet.", app.theme.dim())];
    }
    app.messages
        .newest_first()
        .flat_map(|m| message_lines(app, m, width))
        .collect()
}

/// ` 21:07:44  text…` with the text's continuation lines under its start.
fn message_lines(app: &App, message: &Message, width: usize) -> Vec<Line<'static>> {
    let theme = app.theme;
    let time = message.at.format("%H:%M:%S").to_string();
    let (text, style) = if message.problem {
        (format!("⚠ {}", message.text), theme.error())
    } else {
        (message.text.clone(), theme.text())
    };
    let first = format!(" {time}  ");
    // `hanging` wraps to at least 10 cells: narrower, the time goes on a line of its own.
    if width < first.len() + 10 {
        let mut lines = vec![Line::styled(time, theme.dim())];
        lines.extend(
            cells::wrap(&text, width)
                .into_iter()
                .map(|part| Line::styled(part, style)),
        );
        return lines;
    }
    let rest = " ".repeat(first.len());
    cells::hanging(&text, &first, &rest, width)
        .into_iter()
        .map(|mut line| {
            // Both indents are ASCII, as long in bytes as in cells.
            let body = line.split_off(first.len());
            Line::from(vec![
                Span::styled(line, theme.dim()),
                Span::styled(body, style),
            ])
        })
        .collect()
}
