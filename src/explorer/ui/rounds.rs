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
use crate::explorer::ui::{bars, pane_block, scroll_paragraph};
use crate::model::Dataset;
use crate::report::cells;
use crate::report::rounds::{self, RoundState, RoundView};
use crate::report::words;
use crate::report::words::thousands;

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
    let theme = &app.theme;
    let contest = app.selected_contest();
    let title = match contest {
        Some(c) => format!(" Rounds: {} · {} ", c.title, c.id),
        None => " Rounds ".to_string(),
    };
    let focused = app.focus == Focus::Detail;
    frame.render_widget(pane_block(app, area, title, focused), area);
    let lines = match contest.and_then(|c| rounds::round(c, app.current_round())) {
        Some(view) => round_lines(&view, ds, width, theme),
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

fn round_lines(view: &RoundView, ds: &Dataset, width: usize, theme: &Theme) -> Vec<Line<'static>> {
    let steps = match (view.number > 1, view.number < view.of) {
        (true, true) => "← previous · next →",
        (true, false) => "← previous",
        (false, true) => "next →",
        (false, false) => "",
    };
    let mut out = vec![
        Line::from(vec![
            Span::styled(
                format!("Round {} of {}", view.number, view.of),
                theme.title(),
            ),
            Span::styled(format!("   {steps}"), theme.dim()),
        ]),
        Line::styled(
            format!(
                "{} votes counted; shares are of those",
                thousands(view.counted)
            ),
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
        .clamp(4, 20);
    // mark, name, abbr, votes, change, share, bar
    let bar_w = width
        .saturating_sub(2 + name_w + 1 + 5 + 8 + 7 + 7 + 1)
        .min(40);
    for row in &view.rows {
        let faction = row.faction.as_deref().and_then(|f| ds.faction(f));
        let (mark, mark_style) = match row.state {
            RoundState::Elected => ("✓ ", theme.elected()),
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
        match (row.votes, row.state) {
            (Some(votes), _) => {
                let change = row.change.map_or(String::new(), |c| format!("{c:+}"));
                let share = row
                    .percent
                    .map_or("n/a".to_string(), |p| format!("{p:.1}%"));
                spans.push(Span::raw(cells::fit_right(&thousands(votes), 8)));
                spans.push(Span::styled(cells::fit_right(&change, 7), theme.dim()));
                spans.push(Span::raw(cells::fit_right(&share, 7)));
                spans.push(Span::raw(" "));
                let permille = row.percent.map_or(0, |p| (p * 10.0).round() as usize);
                spans.push(Span::styled(
                    bars::count(permille, 1000, bar_w),
                    theme.faction(faction),
                ));
            }
            (None, RoundState::Out { round }) => {
                spans.push(Span::styled(
                    format!("  out after round {round}"),
                    theme.dim(),
                ));
            }
            (None, _) => {}
        }
        out.push(Line::from(spans));
    }
    out.push(Line::raw(""));
    let end = if view.number == view.of {
        "After the last round".to_string()
    } else {
        format!("At the end of round {}", view.number)
    };
    let elected: Vec<&str> = view
        .rows
        .iter()
        .filter(|r| r.state == RoundState::Elected)
        .map(|r| r.name.as_str())
        .collect();
    if !elected.is_empty() {
        out.push(Line::styled(
            format!("{end}: elected {}.", elected.join(", ")),
            theme.elected(),
        ));
    }
    if !view.eliminated.is_empty() {
        out.push(Line::raw(format!(
            "{end}: eliminated {}.",
            view.eliminated.join(", ")
        )));
    }
    if !view.transfers.is_empty() {
        out.push(Line::raw("Transfers:"));
        for t in &view.transfers {
            out.push(Line::raw(format!(
                "  {} → {}  {}",
                t.from,
                t.to,
                thousands(t.votes)
            )));
        }
    } else if !view.eliminated.is_empty() {
        out.push(Line::styled(
            "Transfers: not given by the source.",
            theme.dim(),
        ));
    }
    if let Some(x) = view.exhausted {
        out.push(Line::raw(format!(
            "Exhausted: {} ballots with no further preference.",
            thousands(x)
        )));
    }
    out
}

/// What to say for a contest without rounds, and where to find some.
fn no_rounds(app: &App, ds: &Dataset, theme: &Theme) -> Vec<Line<'static>> {
    let mut out = vec![
        Line::styled(
            "No round-by-round count is recorded for this contest.",
            theme.dim(),
        ),
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
            "None of the listed contests has one.",
            theme.dim(),
        ));
        return out;
    }
    out.push(Line::raw(format!(
        "{} of the listed contests {}:",
        with.len(),
        if with.len() == 1 {
            "has one"
        } else {
            "have one"
        }
    )));
    for &i in with.iter().take(SUGGESTIONS) {
        out.push(Line::raw(format!("  • {}", ds.contests[i].title)));
    }
    out
}
