//! The status bar: every active filter (or the text being typed) on the left, the count and
//! sort order on the right. The count always stays visible, in shorter forms when space is short.
//! A message too long for it is cut, and then says which key shows it whole (the log keeps it).

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use crate::explorer::app::{App, Field, Overlay};
use crate::explorer::export::ExportTarget;
use crate::explorer::keymap::{MESSAGES_KEY, Mode};
use crate::query::FactionScope;
use crate::report::{cells, words};

/// Draws the status line.
pub fn render(frame: &mut Frame, area: Rect, app: &App) {
    if area.is_empty() {
        return;
    }
    let theme = &app.theme;
    let width = usize::from(area.width);
    let right = right_side(app, width);
    let left_w = width.saturating_sub(cells::width(&right) + 1);
    let mut left = message_spans(app);
    let messages_w = spans_width(&left);
    left.extend(left_side(app));
    let hint = format!(" ({MESSAGES_KEY}: messages)");
    let hint_w = cells::width(&hint);
    // Where the key works (browsing) and there is room to say so beside a little of the text.
    if messages_w > left_w && app.mode() == Mode::Normal && left_w >= hint_w + 8 {
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
    frame.render_widget(Line::from(left).style(theme.status_bar()), area);
}

/// The count and sort, as long as fits in a third of the line (the count alone otherwise).
fn right_side(app: &App, width: usize) -> String {
    if app.data.is_none() {
        return "loading… · q quits ".to_string();
    }
    let (n, m) = (app.rows.len(), app.total());
    let sort = app.query.sort;
    let order = if sort.reverse { ", reversed" } else { "" };
    let forms = [
        format!(
            " {n} of {m} contests · sort: {}{order} · ? help ",
            sort.key.as_str()
        ),
        format!(" {n} of {m} contests · ? help "),
        format!(" {n} of {m} "),
        format!("{n}/{m}"),
    ];
    let budget = (width / 2).max(8);
    forms
        .iter()
        .find(|f| cells::width(f) <= budget)
        .unwrap_or(&forms[3])
        .clone()
}

/// The messages the status line starts with: the load error, the notice.
fn message_spans(app: &App) -> Vec<Span<'static>> {
    let theme = &app.theme;
    let mut spans = Vec::new();
    if let Some(error) = &app.error {
        spans.push(Span::styled(format!(" ⚠ {error} "), theme.error()));
    }
    if let Some(notice) = &app.notice {
        spans.push(Span::styled(format!(" {notice} "), theme.key()));
    }
    spans
}

fn spans_width(spans: &[Span]) -> usize {
    spans.iter().map(|s| cells::width(&s.content)).sum()
}

/// What follows the messages: the question, the prompt, or the filters.
fn left_side(app: &App) -> Vec<Span<'static>> {
    let theme = &app.theme;
    let mut spans = Vec::new();
    if let Overlay::Confirm(pending) = &app.overlay {
        spans.push(Span::styled(
            format!(" {} exists. Replace it? (y/n) ", pending.typed),
            theme.key(),
        ));
        return spans;
    }
    if let Overlay::Input(input) = &app.overlay {
        let prompt = match input.field {
            Field::Search => " /".to_string(),
            Field::Dates => " dates FROM..TO (e.g. 2019-06..2019-12): ".to_string(),
            Field::Export(ExportTarget::Selected) => {
                " export this contest to (.md or .csv): ".to_string()
            }
            Field::Export(ExportTarget::List) => {
                format!(" export {} contests to (.md or .csv): ", app.rows.len())
            }
        };
        spans.push(Span::styled(prompt, theme.key()));
        spans.push(Span::raw(input.text.clone()));
        spans.push(Span::styled("▏", theme.key()));
        if let Some(e) = &input.error {
            spans.push(Span::styled(format!("  {e}"), theme.error()));
        }
        return spans;
    }
    let filters = filter_labels(app);
    if filters.is_empty() && app.notice.is_none() {
        spans.push(Span::styled(" no filters", theme.dim()));
    }
    for (name, value) in filters {
        spans.push(Span::styled(format!(" {name}: "), theme.dim()));
        spans.push(Span::styled(value, theme.filter()));
    }
    spans
}

/// Each active filter as (name, value) in the user's terms (names, not ids).
pub fn filter_labels(app: &App) -> Vec<(&'static str, String)> {
    let f = &app.query.filter;
    let mut out = Vec::new();
    let ds = app.data.as_ref().map(|d| d.dataset());
    if !f.regions.is_empty() {
        let names: Vec<String> = f
            .regions
            .iter()
            .map(|id| {
                ds.and_then(|d| d.region(id))
                    .map_or(id.clone(), |r| r.name.clone())
            })
            .collect();
        out.push(("region", names.join(", ")));
    }
    if !f.factions.is_empty() {
        let names: Vec<String> = f
            .factions
            .iter()
            .map(|id| {
                ds.and_then(|d| d.faction(id))
                    .map_or(id.clone(), |x| x.name.clone())
            })
            .collect();
        let scope = match f.faction_scope {
            FactionScope::Winner => "winner's faction",
            FactionScope::AnyCandidate => "any candidate's faction",
        };
        out.push((scope, names.join(", ")));
    }
    if !f.kinds.is_empty() {
        let kinds: Vec<&str> = f.kinds.iter().map(|k| k.as_str()).collect();
        out.push(("kind", kinds.join(", ")));
    }
    if !f.statuses.is_empty() {
        let s: Vec<&str> = f.statuses.iter().map(|s| s.as_str()).collect();
        out.push(("status", s.join(", ")));
    }
    if f.since.is_some() || f.until.is_some() {
        let d = |x: Option<chrono::NaiveDate>| x.map_or(String::new(), |d| d.to_string());
        out.push(("dates", format!("{}..{}", d(f.since), d(f.until))));
    }
    if !f.endorsers.is_empty() {
        out.push(("endorsed by", f.endorsers.join(", ")));
    }
    if !f.stages.is_empty() {
        let s: Vec<&str> = f.stages.iter().map(|s| words::stage(*s)).collect();
        out.push(("stage reached", s.join(", ")));
    }
    if !f.candidate_statuses.is_empty() {
        let s: Vec<&str> = f
            .candidate_statuses
            .iter()
            .map(|s| words::candidate_status(*s))
            .collect();
        out.push(("a candidate", s.join(", ")));
    }
    if !f.search.is_empty() {
        out.push(("search", format!("\"{}\"", f.search)));
    }
    out
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
