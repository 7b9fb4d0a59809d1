//! The scoreboard view: decided against pending, contests won per faction and per region, and
//! (when general elections are listed) seats per party — for the listed contests, from
//! `stats::scoreboard` (the numbers `hustings stats` prints).

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use crate::explorer::aggregates::Aggregate;
use crate::explorer::app::App;
use crate::explorer::layout;
use crate::explorer::theme::Theme;
use crate::explorer::ui::{bars, scrolled, working};
use crate::model::Dataset;
use crate::report::bars as report_bars;
use crate::report::words;
use crate::report::words::{faction_name, party_name, region_name};
use crate::report::{cells, change, footnotes};
use crate::stats::Scoreboard;

/// Draws the scoreboard over the whole body; returns how far it can scroll.
pub fn render(frame: &mut Frame, area: Rect, app: &App) -> Option<u16> {
    let (Some(data), Some(board)) = (&app.data, &app.views.board) else {
        return None;
    };
    let width = usize::from(layout::inner(area).width);
    let title = format!(
        " Scoreboard: {} {}",
        app.listed_of_total(" contests"),
        working::title_mark(app, Aggregate::Scoreboard)
    );
    let body = lines(board, data.dataset(), width, app.theme);
    scrolled(frame, area, app, title, body)
}

/// Cells of each count column.
const NUMBER: usize = 8;
/// The narrowest bar worth drawing.
const MIN_BAR: usize = 4;

fn lines(board: &Scoreboard, ds: &Dataset, width: usize, theme: Theme) -> Vec<Line<'static>> {
    let mut out = Vec::new();
    let t = &board.totals;
    out.push(Line::from(vec![
        Span::styled(" Decided ", theme.dim()),
        Span::styled(t.decided.to_string(), theme.elected()),
        Span::styled(" · pending ", theme.dim()),
        Span::styled(t.pending.to_string(), theme.pending()),
        Span::raw("  "),
    ]));
    let bar_w = width.saturating_sub(4).min(60);
    let mut split = vec![Span::raw("   ")];
    split.extend(bars::stacked(
        &[
            (t.decided, '█', theme.elected()),
            (t.pending, '░', theme.pending()),
        ],
        t.contests,
        bar_w,
    ));
    out.push(Line::from(split));
    if t.decided_without_winner > 0 {
        out.push(Line::styled(
            format!(
                "   {} decided with no winner recorded",
                t.decided_without_winner
            ),
            theme.dim(),
        ));
    }

    heading(&mut out, "Contests won per faction", theme);
    if board.factions.is_empty() {
        out.push(Line::styled("   no candidates listed", theme.dim()));
    }
    let names: Vec<String> = board
        .factions
        .iter()
        .map(|r| label(ds, r.faction.as_deref()))
        .collect();
    let name_w = column(&names, width);
    let max = board.factions.iter().map(|r| r.won).max().unwrap_or(0);
    let bar_w = width.saturating_sub(3 + name_w + 4 * NUMBER + 4).min(40);
    if !board.factions.is_empty() {
        out.push(titles(name_w, &["won", "lost", "pending", "stood"], theme));
    }
    for (r, name) in board.factions.iter().zip(&names) {
        let faction = r.faction.as_deref().and_then(|f| ds.faction(f));
        let mut spans = vec![
            Span::raw("   "),
            Span::styled(cells::fit(name, name_w), theme.faction(faction)),
        ];
        spans.extend(numbers(&[r.won, r.lost, r.pending, r.stood]));
        spans.push(Span::raw("  "));
        spans.push(Span::styled(
            bars::count(r.won, max, bar_w),
            theme.faction(faction),
        ));
        out.push(Line::from(spans));
    }
    // A tally of several kinds of contest says so, with each faction's record kind by kind.
    for note in footnotes::factions_by_kind(ds, &board.kinds)
        .into_iter()
        .chain(footnotes::factions(ds, &board.inferred))
    {
        out.push(Line::styled(format!("   {note}"), theme.dim()));
    }

    heading(&mut out, "Contests won per region", theme);
    let names: Vec<String> = board
        .regions
        .iter()
        .map(|g| region_name(ds, g.key.as_deref()))
        .collect();
    let name_w = column(&names, width);
    let max = board.regions.iter().map(|g| g.contests).max().unwrap_or(0);
    let labels: Vec<String> = board
        .regions
        .iter()
        .map(|g| {
            let noun = if g.contests == 1 {
                "contest"
            } else {
                "contests"
            };
            format!("{} {noun}: {}", g.contests, bars::wins_label(g, ds))
        })
        .collect();
    let longest = labels.iter().map(|l| cells::width(l)).max().unwrap_or(0);
    // The bar gives way to the labels, down to a few cells; labels are cut after that.
    let bar_w = width
        .saturating_sub(3 + name_w + 1 + 2 + longest + 1)
        .clamp(12, 30);
    let label_w = width.saturating_sub(3 + name_w + 1 + bar_w + 2);
    for ((g, name), label) in board.regions.iter().zip(&names).zip(&labels) {
        let mut spans = vec![
            Span::raw("   "),
            Span::styled(cells::fit(name, name_w), theme.text()),
            Span::raw(" "),
        ];
        let bar = bars::wins(g, ds, max, bar_w, theme);
        let used: usize = bar.iter().map(|s| cells::width(&s.content)).sum();
        spans.extend(bar);
        spans.push(Span::raw(" ".repeat(bar_w.saturating_sub(used) + 2)));
        spans.push(Span::styled(cells::truncate(label, label_w), theme.dim()));
        out.push(Line::from(spans));
    }
    if !board.regions.is_empty() {
        out.push(bars::legend(theme));
    }
    if let Some(note) = footnotes::mixed_kinds(&board.kinds) {
        out.push(Line::styled(format!("   {note}"), theme.dim()));
    }
    if let Some(note) = footnotes::regions(&board.inferred) {
        out.push(Line::styled(format!("   {note}"), theme.dim()));
    }

    if board.seats.contests > 0 {
        let s = &board.seats;
        let noun = if s.contests == 1 { "seat" } else { "seats" };
        heading(
            &mut out,
            &format!(
                "Seats per party ({} {noun}: {} decided, {} pending)",
                s.contests, s.decided, s.pending
            ),
            theme,
        );
        party_lines(&mut out, board, ds, width, theme);
        out.push(Line::raw(""));
        out.push(Line::styled(
            " 8 shows the seats changing hands since each seat's previous contest",
            theme.dim(),
        ));
    }
    out
}

/// Seats per party, in the words of `stats --by party`: the party with the parts of its group
/// that won seats under their own name (`Labour (incl. 26 Labour and Co-operative)`), seats
/// won, lost, stood, its votes and share of all votes, and a bar of the seats. Where the
/// whole name does not fit, the parts go on a line of their own under it.
fn party_lines(
    out: &mut Vec<Line<'static>>,
    board: &Scoreboard,
    ds: &Dataset,
    width: usize,
    theme: Theme,
) {
    let full: Vec<String> = board.parties.iter().map(words::party_record_name).collect();
    let plain: Vec<String> = board
        .parties
        .iter()
        .map(|r| party_name(r.party.as_deref()))
        .collect();
    let votes: Vec<String> = board.parties.iter().map(words::party_votes).collect();
    let shares: Vec<String> = board
        .parties
        .iter()
        .map(|r| words::percent(r.share))
        .collect();
    let since = board.parties.iter().any(|r| r.share_then.is_some());
    let points: Vec<String> = board.parties.iter().map(change::party_points).collect();
    let longest = |names: &[String]| names.iter().map(|n| cells::width(n)).max().unwrap_or(0);
    let votes_w = longest(&votes).max(5) + 2;
    let share_w = longest(&shares).max(5) + 2;
    let points_w = if since {
        longest(&points).max(7) + 2
    } else {
        0
    };
    let figures = 3 * NUMBER + votes_w + share_w + points_w;
    // The names take what the figures and a short bar leave, up to the longest whole name.
    let room = width.saturating_sub(3 + figures + 2 + MIN_BAR).max(10);
    let name_w = longest(&full).min(room).max(longest(&plain).min(room));
    let max = board.parties.iter().map(|r| r.won).max().unwrap_or(0);
    // Two cells of margin on the right, as the other tables keep.
    let bar_w = width.saturating_sub(3 + name_w + figures + 2 + 2).min(40);
    let mut head = " ".repeat(3 + name_w);
    for (name, w) in [
        ("seats", NUMBER),
        ("lost", NUMBER),
        ("stood", NUMBER),
        ("votes", votes_w),
        ("share", share_w),
        ("± share", points_w),
    ] {
        if w > 0 {
            head.push_str(&cells::fit_right(name, w));
        }
    }
    out.push(Line::styled(head, theme.dim()));
    for (n, r) in board.parties.iter().enumerate() {
        let faction = r.faction.as_deref().and_then(|f| ds.faction(f));
        let whole = cells::width(&full[n]) <= name_w;
        let name = if whole { &full[n] } else { &plain[n] };
        let mut spans = vec![
            Span::raw("   "),
            Span::styled(cells::fit(name, name_w), theme.faction(faction)),
        ];
        spans.extend(numbers(&[r.won, r.lost, r.stood]));
        spans.push(Span::raw(cells::fit_right(&votes[n], votes_w)));
        let style = if r.share.is_some() {
            theme.text()
        } else {
            theme.dim()
        };
        spans.push(Span::styled(cells::fit_right(&shares[n], share_w), style));
        if since {
            spans.push(Span::styled(cells::fit_right(&points[n], points_w), style));
        }
        if bar_w >= MIN_BAR {
            spans.push(Span::raw("  "));
            spans.push(Span::styled(
                bars::count(r.won, max, bar_w),
                theme.faction(faction),
            ));
        }
        out.push(Line::from(spans));
        if !whole && !r.parts.is_empty() {
            let parts: Vec<String> = r.parts.iter().map(|(p, k)| format!("{k} {p}")).collect();
            let text = format!("incl. {}", parts.join(", "));
            for line in cells::hanging(&text, "     ", "       ", width) {
                out.push(Line::styled(line, theme.dim()));
            }
        }
    }
    if let Some(note) = change::party_points_note(&board.parties) {
        for line in cells::hanging(&note, "   ", "   ", width) {
            out.push(Line::styled(line, theme.dim()));
        }
    }
    seat_strip(out, board, ds, width, theme);
}

/// The seats won as a parliament-style strip in party colours, to scale
/// (`report::bars::seat_strip`), with its key, as `stats --by party` prints it.
fn seat_strip(
    out: &mut Vec<Line<'static>>,
    board: &Scoreboard,
    ds: &Dataset,
    width: usize,
    theme: Theme,
) {
    let won: Vec<usize> = board.parties.iter().map(|r| r.won).collect();
    let total: usize = won.iter().sum();
    let Some(election) = board.election.filter(|_| total > 0) else {
        return;
    };
    let (widths, per_cell) = report_bars::seat_strip(&won, total, width.saturating_sub(5).min(100));
    out.push(Line::raw(""));
    out.push(Line::styled(
        format!(
            " {}",
            crate::report::text::seat_key(election, per_cell, total)
        ),
        theme.title(),
    ));
    let mut spans = vec![Span::raw("   ")];
    let drawn = board.parties.iter().zip(&widths).filter(|(_, w)| **w > 0);
    for (k, (r, &w)) in drawn.enumerate() {
        let faction = r.faction.as_deref().and_then(|f| ds.faction(f));
        // Without colour, neighbouring parties alternate full and shaded cells.
        let glyph = if theme.color || k % 2 == 0 {
            "█"
        } else {
            "▒"
        };
        spans.push(Span::styled(glyph.repeat(w), theme.faction(faction)));
    }
    out.push(Line::from(spans));
    let key = words::seat_strip_key(&board.parties, &widths);
    for line in cells::hanging(&key, "   ", "   ", width) {
        out.push(Line::styled(line, theme.dim()));
    }
}

fn heading(out: &mut Vec<Line<'static>>, title: &str, theme: Theme) {
    out.push(Line::raw(""));
    out.push(Line::styled(format!(" {title}"), theme.title()));
}

/// A faction's row label: `LL Labour left / Momentum`, or `no faction`.
fn label(ds: &Dataset, id: Option<&str>) -> String {
    match id.and_then(|f| ds.faction(f)) {
        Some(f) => format!("{} {}", words::faction_short(f), f.name),
        None => faction_name(ds, id).to_string(),
    }
}

/// The width of a name column: the longest name, within limits of the screen.
fn column(names: &[String], width: usize) -> usize {
    let longest = names.iter().map(|n| cells::width(n)).max().unwrap_or(0);
    longest.min(32).min(width.saturating_sub(30).max(10))
}

/// Counts, right-aligned in columns.
fn numbers(counts: &[usize]) -> Vec<Span<'static>> {
    counts
        .iter()
        .map(|n| Span::raw(cells::fit_right(&n.to_string(), NUMBER)))
        .collect()
}

/// The titles over the count columns.
fn titles(name_w: usize, names: &[&str], theme: Theme) -> Line<'static> {
    let mut t = " ".repeat(3 + name_w);
    for name in names {
        t.push_str(&cells::fit_right(name, NUMBER));
    }
    Line::styled(t, theme.dim())
}
