//! The rounds pane: the selected contest's preferential count one round at a time (← / →),
//! from `rounds::round` — each candidate's votes, the change since the last round, a bar of
//! the share of the votes still counted, who is out, the transfers and exhausted ballots.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use crate::explorer::app::{App, Focus};
use crate::explorer::layout;
use crate::explorer::theme::Theme;
use crate::explorer::ui::{pane_block, scroll_paragraph};
use crate::model::Dataset;
use crate::report;
use crate::report::cells;
use crate::report::count_summary::Filled;
use crate::report::round_words;
use crate::report::rounds::{self, RoundState, RoundTable, RoundView};
use crate::report::selection;
use crate::report::words;

/// Titles of contests with rounds named when the selected one has none.
const SUGGESTIONS: usize = 5;

/// Draws the rounds pane for the selected contest, scrolled like the detail pane;
/// returns how far it can scroll.
pub fn render(frame: &mut Frame, area: Rect, app: &App) -> Option<u16> {
    let data = app.data.as_ref()?;
    if area.is_empty() {
        return None;
    }
    let ds = data.dataset();
    let inner = layout::inner(area);
    let width = usize::from(inner.width);
    let theme = app.theme;
    let contest = app.selected_contest();
    // Where the count is stays on the border however far the pane scrolls.
    let title = match contest {
        Some(c) if !c.rounds.is_empty() => format!(
            " Round {} of {}: {} · {} ",
            app.current_round() + 1,
            c.rounds.len(),
            c.title,
            c.id
        ),
        Some(c) => format!(" Rounds: {} · {} ", c.title, c.id),
        None => " Rounds ".to_string(),
    };
    let focused = app.focus == Focus::Detail;
    frame.render_widget(pane_block(app, area, title, focused), area);
    let lines = match contest.and_then(|c| rounds::round(c, app.current_round())) {
        Some(view) => round_lines(
            &view,
            &app.views.seats_filled,
            app.views.round_table.as_ref(),
            ds,
            width,
            theme,
        ),
        None => no_rounds(app, ds, theme),
    };
    let paragraph = Paragraph::new(lines).wrap(Wrap { trim: false });
    Some(scroll_paragraph(
        frame,
        app,
        area,
        paragraph,
        app.detail_scroll,
    ))
}

fn round_lines(
    view: &RoundView,
    filled: &[Filled],
    table: Option<&RoundTable>,
    ds: &Dataset,
    width: usize,
    theme: Theme,
) -> Vec<Line<'static>> {
    let mut out = vec![
        Line::from(vec![
            Span::styled(
                round_words::heading(view.number, view.of, view.seats, view.threshold.as_ref()),
                theme.title(),
            ),
            Span::styled(
                format!("   {}", round_words::steps(view.number, view.of)),
                theme.dim(),
            ),
        ]),
        Line::styled(
            round_words::counted(&view.counted_label, view.threshold.is_some()),
            theme.dim(),
        ),
        Line::raw(""),
    ];
    let name_w = view
        .rows
        .iter()
        .map(|r| cells::width(&r.name))
        .max()
        .unwrap_or(0)
        .clamp(4, 24);
    let votes_w = view
        .rows
        .iter()
        .filter_map(|r| r.votes.as_ref().map(|v| cells::width(&v.label())))
        .max()
        .unwrap_or(1)
        .max(5);
    let change_w = view
        .rows
        .iter()
        .filter_map(|r| r.change.as_ref().map(|c| cells::width(c)))
        .max()
        .unwrap_or(0)
        .max(5);
    // Beside the bar of a candidate over the quota: `surplus 10`.
    let surplus_w = view
        .rows
        .iter()
        .filter_map(|r| {
            r.surplus
                .as_ref()
                .map(|s| cells::width(&round_words::surplus(s)) + 2)
        })
        .max()
        .unwrap_or(0);
    // mark, name, abbr, votes, change, share, bar, surplus
    let bar_w = width
        .saturating_sub(2 + name_w + 1 + 5 + votes_w + 1 + change_w + 1 + 7 + 1 + surplus_w)
        .min(50);
    let threshold_at = view
        .threshold
        .as_ref()
        .filter(|_| view.scale > 0.0 && bar_w > 0)
        .map(|t| ((t.value() / view.scale * bar_w as f64).floor() as usize).min(bar_w - 1));
    for row in &view.rows {
        let faction = row.faction.as_deref().and_then(|f| ds.faction(f));
        let (mark, mark_style) = match row.state {
            RoundState::Elected => ("✓ ", theme.elected()),
            RoundState::Won { .. } => ("✓ ", theme.dim()),
            RoundState::Eliminated => ("✗ ", theme.warning()),
            _ => ("  ", theme.text()),
        };
        let name_style = match row.state {
            RoundState::Out { .. } => theme.dim(),
            RoundState::Elected => theme.elected(),
            _ => theme.text(),
        };
        let mut spans = vec![
            Span::styled(mark, mark_style),
            Span::styled(cells::fit(&row.name, name_w), name_style),
            Span::raw(" "),
            Span::styled(
                cells::fit(&faction.map(words::faction_short).unwrap_or_default(), 5),
                theme.faction(faction),
            ),
        ];
        match (&row.votes, row.state) {
            (Some(votes), _) => {
                let share = words::percent(row.percent);
                spans.push(Span::raw(cells::fit_right(&votes.label(), votes_w)));
                spans.push(Span::styled(
                    cells::fit_right(row.change.as_deref().unwrap_or(""), change_w + 1),
                    theme.dim(),
                ));
                spans.push(Span::raw(cells::fit_right(&share, 7)));
                spans.push(Span::raw(" "));
                let drawn = report::bars::draw(votes.value(), view.scale, bar_w);
                spans.push(Span::styled(drawn.clone(), theme.faction(faction)));
                let mut used = cells::width(&drawn);
                if let Some(at) = threshold_at
                    && at >= used
                {
                    spans.push(Span::raw(" ".repeat(at - used)));
                    spans.push(Span::styled(
                        selection::THRESHOLD_MARK.to_string(),
                        theme.dim(),
                    ));
                    used = at + 1;
                }
                if let Some(surplus) = &row.surplus {
                    spans.push(Span::raw(" ".repeat(bar_w.saturating_sub(used) + 2)));
                    spans.push(Span::styled(round_words::surplus(surplus), theme.dim()));
                }
            }
            (None, RoundState::Out { round }) => {
                spans.push(Span::styled(
                    format!("  {}", round_words::out_after(round)),
                    theme.dim(),
                ));
            }
            (None, _) => {}
        }
        out.push(Line::from(spans));
    }
    out.push(Line::raw(""));
    out.extend(outcome_lines(view, theme));
    if !filled.is_empty() {
        out.push(Line::raw(""));
        out.push(Line::styled(
            round_words::SEATS_FILLED_HEADING,
            theme.title(),
        ));
        for seat in filled {
            out.push(Line::raw(format!("  {}", seat.said())));
        }
    }
    if let Some(table) = table {
        out.push(Line::raw(""));
        out.extend(table_lines(table, view.number - 1, width, theme));
    }
    out
}

/// What happened at the end of the round: who was elected and eliminated, where their
/// ballots went, and the inactive ballots so far.
fn outcome_lines(view: &RoundView, theme: Theme) -> Vec<Line<'static>> {
    let mut out = Vec::new();
    let end = round_words::round_end(view.number, view.of);
    let elected: Vec<&str> = view
        .rows
        .iter()
        .filter(|r| r.state == RoundState::Elected)
        .map(|r| r.name.as_str())
        .collect();
    if !elected.is_empty() {
        out.push(Line::styled(
            round_words::sentence(&format!("{end}: {}", round_words::elected(&elected))),
            theme.elected(),
        ));
    }
    if !view.eliminated.is_empty() {
        out.push(Line::raw(round_words::sentence(&format!(
            "{end}: {}",
            round_words::eliminated(&view.eliminated)
        ))));
    }
    if !view.transfers.is_empty() {
        out.push(Line::raw(round_words::TRANSFERS_HEADING));
        for t in &view.transfers {
            out.push(Line::raw(format!("  {}", round_words::transfer(t))));
        }
    } else if !view.eliminated.is_empty() {
        out.push(Line::styled(round_words::TRANSFERS_NOT_GIVEN, theme.dim()));
    }
    let accounts = rounds::accounts(view);
    if accounts.is_empty() {
        if let Some(x) = view.exhausted {
            out.push(Line::raw(round_words::sentence(&round_words::exhausted(x))));
        }
    } else {
        out.push(Line::raw(round_words::ACCOUNTS_HEADING));
        for a in &accounts {
            out.push(Line::raw(format!("  {}", a.said())));
        }
    }
    if !view.inactive.is_empty() {
        out.push(Line::raw(round_words::sentence(&round_words::inactive(
            &view.inactive,
        ))));
    }
    out
}

/// The table of every candidate across the rounds around `current` (from 0) that fit:
/// ←/→ move the current round, and the columns follow it.
fn table_lines(
    table: &RoundTable,
    current: usize,
    width: usize,
    theme: Theme,
) -> Vec<Line<'static>> {
    let name_w = table
        .rows
        .iter()
        .map(|r| cells::width(&r.name))
        .chain(table.inactive.iter().map(|(r, _)| cells::width(r)))
        .max()
        .unwrap_or(4)
        .clamp(4, 22);
    // A mark (✓ ✗) may follow a count.
    let col_w = table.label_width.max(3) + 2;
    let fit = (width.saturating_sub(name_w + 2) / col_w).max(1);
    // Keep the current round in view, a little from the right edge.
    let first = current.saturating_sub(fit.saturating_sub(2).min(fit - 1));
    let first = first.min(table.rounds.saturating_sub(fit));
    let shown = first..(first + fit).min(table.rounds);
    let mut out = vec![Line::styled(
        round_words::table_title(shown.len(), table.rounds),
        theme.title(),
    )];
    let mut head = vec![Span::styled(
        format!("  {}", cells::fit("", name_w)),
        theme.column_title(),
    )];
    for r in shown.clone() {
        let style = if r == current {
            theme.selected(true)
        } else {
            theme.column_title()
        };
        head.push(Span::styled(
            cells::fit_right(&round_words::round_column(r), col_w),
            style,
        ));
    }
    out.push(Line::from(head));
    for row in &table.rows {
        let mark = if row.elected.is_some() { "✓ " } else { "  " };
        let mut spans = vec![
            Span::styled(mark, theme.elected()),
            Span::raw(cells::fit(&row.name, name_w)),
        ];
        for r in shown.clone() {
            let cell = round_words::table_cell(
                row.tallies[r].as_ref(),
                row.eliminated == Some(r + 1),
                row.elected == Some(r + 1),
            );
            let style = if row.tallies[r].is_none() {
                theme.dim()
            } else {
                theme.text()
            };
            spans.push(Span::styled(cells::fit_right(&cell, col_w), style));
        }
        out.push(Line::from(spans));
    }
    let mut extra = |label: &str, values: &[Option<crate::model::tally::Tally>]| {
        let mut spans = vec![Span::styled(
            format!("  {}", cells::fit(label, name_w)),
            theme.dim(),
        )];
        for r in shown.clone() {
            let cell = round_words::table_cell(values[r].as_ref(), false, false);
            spans.push(Span::styled(cells::fit_right(&cell, col_w), theme.dim()));
        }
        out.push(Line::from(spans));
    };
    if table.thresholds.iter().any(Option::is_some) {
        extra("threshold", &table.thresholds);
    }
    for (reason, values) in &table.inactive {
        extra(reason, values);
    }
    out
}

/// What to say for a contest without rounds, and where to find some.
fn no_rounds(app: &App, ds: &Dataset, theme: Theme) -> Vec<Line<'static>> {
    let mut out = vec![
        Line::styled(round_words::NO_ROUNDS, theme.dim()),
        Line::raw(""),
    ];
    let with: Vec<usize> = app
        .rows
        .iter()
        .copied()
        .filter(|&i| !ds.contests[i].rounds.is_empty())
        .collect();
    if with.is_empty() {
        out.push(Line::styled(
            round_words::NONE_LISTED_HAS_ROUNDS,
            theme.dim(),
        ));
        return out;
    }
    out.push(Line::raw(round_words::listed_with_rounds(with.len())));
    for &i in with.iter().take(SUGGESTIONS) {
        out.push(Line::raw(round_words::suggestion(&ds.contests[i].title)));
    }
    out
}
