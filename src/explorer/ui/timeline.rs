//! The timeline view: the listed contests month by month, from `timeline::by_month` — wins in
//! the winner's faction colour, pending contests light; a contest dated only to the year in
//! its year's "month unknown" row, never in January; long empty stretches on one line.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use crate::explorer::aggregates::Aggregate;
use crate::explorer::app::App;
use crate::explorer::layout;
use crate::explorer::theme::Theme;
use crate::explorer::ui::{bars, pane_block, scroll_paragraph, working};
use crate::model::Dataset;
use crate::report::{cells, footnotes};
use crate::stats::GroupRecord;
use crate::stats::timeline::{Period, Span as When};
use ratatui::widgets::Paragraph;

/// Draws the timeline over the whole body, its cursor's row highlighted and on screen;
/// returns how far it can scroll.
pub fn render(frame: &mut Frame, area: Rect, app: &App) -> Option<u16> {
    let data = app.data.as_ref()?;
    if area.is_empty() {
        return None;
    }
    let width = usize::from(layout::inner(area).width);
    let title = format!(
        " Timeline: {} contests by month {}· Enter lists a month's contests ",
        app.listed(),
        working::title_mark(app, Aggregate::Timeline)
    );
    let v = &app.views;
    let scroll = layout::timeline_scroll(area, v.timeline.len(), v.timeline_cursor);
    // Only the months on screen are drawn: at a million contests there are hundreds of them.
    let height = usize::from(layout::inner(area).height);
    let first = scroll.saturating_sub(layout::TIMELINE_HEAD);
    let shown = first..scroll + height;
    let mut body = lines(&v.timeline, data.dataset(), width, app.theme, shown);
    // Below the legend: how many of the dates placed rest on an inferred one.
    if let Some(note) = footnotes::dates(&v.timeline_inferred) {
        body.push(Line::styled(format!(" {note}"), app.theme.dim()));
    }
    if let Some(line) = body.get_mut(layout::TIMELINE_HEAD + v.timeline_cursor)
        && !v.timeline.is_empty()
    {
        *line = std::mem::take(line).style(app.theme.selected(true));
    }
    frame.render_widget(pane_block(app, area, title, true), area);
    Some(scroll_paragraph(
        frame,
        app,
        area,
        Paragraph::new(body),
        u16::try_from(scroll).unwrap_or(u16::MAX),
    ))
}

/// The timeline's lines; of its months' rows only those in `shown` (by position) are laid out,
/// the others left blank.
fn lines(
    groups: &[GroupRecord<When>],
    ds: &Dataset,
    width: usize,
    theme: Theme,
    shown: std::ops::Range<usize>,
) -> Vec<Line<'static>> {
    let count = |f: fn(&Period) -> bool| -> usize {
        groups
            .iter()
            .filter(|g| matches!(g.key, When::One(p) if f(&p)))
            .map(|g| g.contests)
            .sum()
    };
    let by_month = count(|p| matches!(p, Period::Month { .. }));
    let by_year = count(|p| matches!(p, Period::Year(_)));
    let undated = count(|p| *p == Period::Undated);
    let mut out = vec![
        Line::styled(
            format!(
                " {by_month} dated to the month or day · {by_year} known only to the year · {undated} undated"
            ),
            theme.dim(),
        ),
        Line::raw(""),
    ];
    if groups.is_empty() {
        out.push(Line::styled(" No contests listed.", theme.dim()));
        return out;
    }
    let labels: Vec<String> = groups.iter().map(|g| g.key.to_string()).collect();
    let label_w = labels
        .iter()
        .map(|l| cells::width(l))
        .max()
        .unwrap_or(0)
        .min(34);
    let max = groups.iter().map(|g| g.contests).max().unwrap_or(0);
    let bar_w = width.saturating_sub(1 + label_w + 6 + 2 + 20).clamp(4, 50);
    for (at, (g, label)) in groups.iter().zip(&labels).enumerate() {
        if !shown.contains(&at) {
            out.push(Line::default());
            continue;
        }
        let gap = matches!(g.key, When::Gap { .. });
        let style = if gap { theme.dim() } else { theme.text() };
        let mut spans = vec![
            Span::styled(format!(" {}", cells::fit(label, label_w)), style),
            Span::styled(cells::fit_right(&g.contests.to_string(), 6), style),
            Span::raw("  "),
        ];
        if gap {
            spans.push(Span::styled("·", theme.dim()));
        } else {
            let bar = bars::wins(g, ds, max, bar_w, theme);
            let used: usize = bar.iter().map(|s| cells::width(&s.content)).sum();
            spans.extend(bar);
            spans.push(Span::raw(" ".repeat(bar_w.saturating_sub(used) + 1)));
            let room = width.saturating_sub(1 + label_w + 6 + 2 + bar_w + 1);
            let label = cells::truncate(&bars::wins_label(g, ds), room);
            spans.push(Span::styled(label, theme.dim()));
        }
        out.push(Line::from(spans));
    }
    out.push(Line::raw(""));
    out.push(bars::legend(theme));
    out
}
