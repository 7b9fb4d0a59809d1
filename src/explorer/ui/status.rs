//! The status bar: above it, the messages (a load error, a notice, a prompt's refusal), each
//! wrapped whole on rows of its own so they never hide the filters; on its line, every active
//! filter as a chip (`[region: London]`, told apart by brackets with or without colour) or the
//! prompt being typed (scrolled so what is typed shows), and the count and sort on the right.
//! A message longer than its rows is cut and says which key shows it whole (the log keeps it).

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

use crate::explorer::app::{App, Field, Overlay, chips};
use crate::explorer::export::ExportTarget;
use crate::explorer::keymap::{MESSAGES_KEY, Mode};
use crate::report::cells;
use crate::report::safe;

/// Draws the status area: message rows, then the status line.
pub fn render(frame: &mut Frame, area: Rect, app: &App) {
    if area.is_empty() {
        return;
    }
    let theme = app.theme;
    let width = usize::from(area.width);
    let message_rows = area.height - 1;
    for (n, line) in message_lines(app, width, usize::from(message_rows))
        .into_iter()
        .enumerate()
    {
        let row = Rect::new(area.x, area.y + n as u16, area.width, 1);
        frame.render_widget(line.style(theme.status_bar()), row);
    }
    let bar = Rect::new(area.x, area.bottom() - 1, area.width, 1);
    let right = right_side(app, width);
    let left_w = width.saturating_sub(cells::width(&right) + 1);
    let mut left = Vec::new();
    if message_rows == 0 {
        // No room above: the messages start the line, as short as they must be.
        left = on_the_line(app);
    }
    let messages_w = spans_width(&left);
    left.extend(left_side(app, left_w.saturating_sub(messages_w)));
    let hint = format!(" ({MESSAGES_KEY}: messages)");
    let hint_w = cells::width(&hint);
    // Where the key works (browsing) and there is room to say so beside a little of the text.
    if messages_w > left_w && matches!(app.mode(), Mode::Normal | Mode::Map) && left_w >= hint_w + 8
    {
        truncate_spans(&mut left, left_w - hint_w);
        left.push(Span::styled(hint, theme.key()));
    } else {
        truncate_spans(&mut left, left_w);
    }
    let used = spans_width(&left);
    left.push(Span::raw(
        " ".repeat(width.saturating_sub(used + cells::width(&right))),
    ));
    left.push(Span::styled(right, theme.title()));
    frame.render_widget(Line::from(left).style(theme.status_bar()), bar);
}

/// The messages wrapped to the width, at most `rows` lines; when cut, the last line says how
/// to read them whole (`M`, which while typing is a letter: Esc first).
fn message_lines(app: &App, width: usize, rows: usize) -> Vec<Line<'static>> {
    if rows == 0 {
        return Vec::new();
    }
    let theme = app.theme;
    let room = width.saturating_sub(2).max(1);
    let mut lines: Vec<(String, Style)> = Vec::new();
    for (text, problem) in app.status_messages() {
        let style = if problem { theme.error() } else { theme.key() };
        lines.extend(cells::wrap(&text, room).into_iter().map(|l| (l, style)));
    }
    if lines.len() > rows {
        lines.truncate(rows);
        let hint = if matches!(app.mode(), Mode::Normal | Mode::Map) {
            format!(" ({MESSAGES_KEY}: messages)")
        } else {
            format!(" (Esc, then {MESSAGES_KEY}: messages)")
        };
        let last = &mut lines[rows - 1].0;
        let keep = room.saturating_sub(cells::width(&hint) + 1);
        *last = format!(
            "{}…{hint}",
            cells::truncate(last, keep).trim_end_matches('…')
        );
    }
    lines
        .into_iter()
        .map(|(text, style)| Line::from(vec![Span::raw(" "), Span::styled(text, style)]))
        .collect()
}

/// The count and sort, as long as fits in half the line (the count alone otherwise); in the
/// chips, the keys that work there.
fn right_side(app: &App, width: usize) -> String {
    if app.data.is_none() {
        return "loading… · q quits ".to_string();
    }
    let (n, m) = (app.listed(), app.total());
    let order = if app.query.sort.reverse {
        ", reversed"
    } else {
        ""
    };
    let mut forms = Vec::new();
    if let Overlay::Chips(_) = app.overlay {
        forms.push(format!(" ← → step · x removes · Esc · {n} of {m} "));
        forms.push(format!(" x removes · Esc · {n}/{m} "));
    }
    // Offered only where ? opens it: while typing it is a letter, a yes/no question takes
    // only y or n, and the message log and the help itself close on their own keys.
    let help = match app.mode() {
        Mode::Normal | Mode::Map | Mode::Picker | Mode::Chips | Mode::Columns => " · ? help",
        Mode::Text | Mode::Confirm | Mode::Messages | Mode::Help => "",
    };
    let sort = app.list_sort().as_str();
    if app.preview {
        // Only the first contests of the file are in: every form says so.
        forms.extend([
            format!(" loading… {n} of the first {m} contests · sort: {sort}{order}{help} "),
            format!(" loading… {n} of the first {m} contests{help} "),
            format!(" loading… {n} of first {m} "),
            format!("loading… {n}/{m}"),
            format!("…{n}/{m}"),
        ]);
    } else {
        forms.extend([
            format!(" {n} of {m} contests · sort: {sort}{order}{help} "),
            format!(" {n} of {m} contests{help} "),
            format!(" {n} of {m} "),
            format!("{n}/{m}"),
        ]);
    }
    let budget = (width / 2).max(8);
    forms
        .iter()
        .find(|f| cells::width(f) <= budget)
        .unwrap_or(&forms[forms.len() - 1])
        .clone()
}

/// The messages on the status line itself, when there is no room above it.
fn on_the_line(app: &App) -> Vec<Span<'static>> {
    let theme = app.theme;
    let mut messages = app.status_messages();
    if matches!(&app.overlay, Overlay::Input(i) if i.error.is_some()) {
        // A prompt's refusal (the last message) follows the prompt instead.
        messages.pop();
    }
    messages
        .into_iter()
        .map(|(text, problem)| {
            let style = if problem { theme.error() } else { theme.key() };
            Span::styled(format!(" {text} "), style)
        })
        .collect()
}

fn spans_width(spans: &[Span]) -> usize {
    spans.iter().map(|s| cells::width(&s.content)).sum()
}

/// What follows the messages in `width` cells: the question, the prompt, or the chips.
fn left_side(app: &App, width: usize) -> Vec<Span<'static>> {
    let theme = app.theme;
    if let Overlay::Confirm(request) = &app.overlay {
        return vec![Span::styled(
            format!(
                " {} exists. Replace it? (y/n) ",
                safe::message(request.typed())
            ),
            theme.key(),
        )];
    }
    if let Overlay::Input(input) = &app.overlay {
        let prompt = match input.field {
            Field::Search => " /".to_string(),
            Field::Dates => " dates FROM..TO (e.g. 2019-06..2019-12): ".to_string(),
            Field::Export(ExportTarget::Selected) => {
                " export this contest to (.md or .csv): ".to_string()
            }
            Field::Export(ExportTarget::List) => {
                format!(" export {} contests to (.md or .csv): ", app.listed())
            }
        };
        // A suggestion is shown selected (typing replaces it); the cursor where it is. The
        // text may come from the command line (`--search`): shown by the one rule.
        let (before, after) = input.split();
        let text_style = if input.selected {
            theme.selected(true)
        } else {
            Style::new()
        };
        let mut spans = vec![
            Span::styled(prompt, theme.key()),
            Span::styled(safe::message(before).into_owned(), text_style),
            Span::styled("▏", theme.key()),
            Span::styled(safe::message(after).into_owned(), text_style),
        ];
        // Scrolled to the cursor: when it does not all fit, the text after the cursor gives
        // way (cut, marked), then the start.
        if spans_width(&spans) > width {
            let after = spans.pop().unwrap_or_default();
            if spans_width(&spans) < width && !after.content.is_empty() {
                spans.push(after);
                truncate_spans(&mut spans, width);
            } else {
                keep_end(&mut spans, width);
            }
        }
        if let Some(e) = input
            .error
            .as_ref()
            .filter(|_| app.message_rows(app.screen) == 0)
        {
            spans.push(Span::styled(
                format!("  ⚠ {}", safe::message(e)),
                theme.error(),
            ));
        }
        return spans;
    }
    chip_spans(app, width).0
}

/// Where each chip on the status line `bar` is drawn, by its index among the chips (for the
/// mouse: a click on a chip selects it). The same layout as drawing.
pub fn chip_areas(app: &App, bar: Rect) -> Vec<(usize, Rect)> {
    if !matches!(app.overlay, Overlay::None | Overlay::Chips(_)) || bar.is_empty() {
        return Vec::new();
    }
    let width = usize::from(bar.width);
    let right = right_side(app, width);
    let left_w = width.saturating_sub(cells::width(&right) + 1);
    let lead = if app.message_rows(app.screen) == 0 {
        spans_width(&on_the_line(app))
    } else {
        0
    };
    let (_, placed) = chip_spans(app, left_w.saturating_sub(lead));
    placed
        .into_iter()
        .filter(|&(_, at, w)| lead + at + w <= left_w)
        .map(|(i, at, w)| (i, Rect::new(bar.x + (lead + at) as u16, bar.y, w as u16, 1)))
        .collect()
}

/// A chip drawn: its index among the chips, its first cell on the line, its width.
type Placed = (usize, usize, usize);

/// Every active filter as a chip; in the chips (`x`), the one under the cursor highlighted
/// and kept on screen. Chips that do not fit are counted (`+2 more`). With the spans, where
/// each chip shown is.
fn chip_spans(app: &App, width: usize) -> (Vec<Span<'static>>, Vec<Placed>) {
    let theme = app.theme;
    let f = &app.query.filter;
    let all = chips(f);
    if all.is_empty() {
        return (vec![Span::styled(" no filters", theme.dim())], Vec::new());
    }
    let ds = app.data.as_ref().map(|d| d.dataset());
    let labels: Vec<String> = all
        .iter()
        .map(|c| format!("[{}]", c.label(f, ds)))
        .collect();
    let selected = match app.overlay {
        Overlay::Chips(at) => Some(at.min(all.len() - 1)),
        _ => None,
    };
    let w = |range: std::ops::Range<usize>| -> usize {
        labels[range].iter().map(|l| 1 + cells::width(l)).sum()
    };
    // The first chip shown: the selected one must fit, with `…` before it if any is hidden.
    let first = match selected {
        Some(s) => (0..=s)
            .find(|&start| w(start..s + 1) + if start > 0 { 2 } else { 0 } <= width)
            .unwrap_or(s),
        None => 0,
    };
    let mut spans = Vec::new();
    if first > 0 {
        spans.push(Span::styled(" …", theme.dim()));
    }
    let mut used = spans_width(&spans);
    let mut placed = Vec::new();
    for (i, label) in labels.iter().enumerate().skip(first) {
        let more = labels.len() - i - 1;
        let tail = if more > 0 {
            cells::width(&format!(" +{more} more"))
        } else {
            0
        };
        let need = 1 + cells::width(label);
        if used + need + tail > width && Some(i) != selected {
            spans.push(Span::styled(
                format!(" +{} more", labels.len() - i),
                theme.dim(),
            ));
            break;
        }
        let style = if Some(i) == selected {
            theme.selected(true)
        } else {
            theme.filter()
        };
        spans.push(Span::raw(" "));
        spans.push(Span::styled(label.clone(), style));
        placed.push((i, used + 1, need - 1));
        used += need;
    }
    (spans, placed)
}

/// Cuts a run of spans to its last `max` cells, marking the cut with `…` at the start.
fn keep_end(spans: &mut Vec<Span<'static>>, max: usize) {
    let total = spans_width(spans);
    if total <= max || max == 0 {
        return;
    }
    let mut drop = total - max + 1;
    while let Some(first) = spans.first_mut() {
        let w = cells::width(&first.content);
        if w <= drop {
            drop -= w;
            spans.remove(0);
            continue;
        }
        let kept = cells::keep_end(&first.content, w - drop);
        first.content = kept.into();
        break;
    }
    spans.insert(0, Span::raw("…"));
}

/// Cuts a run of spans to `max` cells, marking the cut with `…`.
fn truncate_spans(spans: &mut Vec<Span<'static>>, max: usize) {
    let mut used = 0;
    for i in 0..spans.len() {
        let w = cells::width(&spans[i].content);
        if used + w > max {
            let cut = cells::truncate(&spans[i].content, max - used);
            spans[i].content = cut.into();
            spans.truncate(i + 1);
            return;
        }
        used += w;
    }
}
