//! The contest list: one row per contest, only the visible rows are built (so a frame costs
//! the same for 17 contests or a million).

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::explorer::app::{App, Focus};
use crate::explorer::layout;
use crate::explorer::theme::Theme;
use crate::explorer::ui::pane_block;
use crate::model::arithmetic;
use crate::model::{Contest, ContestKind, Dataset, Status};
use crate::report::cells;
use crate::report::words;

/// A list column, in display order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Column {
    Mark,
    Title,
    Kind,
    Region,
    Date,
    Status,
    Winner,
}

/// The narrowest the title column may get before other columns are dropped: results first,
/// then context (kind and region are in most titles anyway, so they yield to a longer title).
const MIN_TITLE: usize = 24;
const MIN_TITLE_BESIDE_CONTEXT: usize = 32;

/// Columns that fit in `width` cells, with their widths. The title takes what is left;
/// optional columns are dropped, least important first, when space runs out.
fn columns(width: usize, mark: usize) -> Vec<(Column, usize)> {
    // In order of importance: status (pending must stay visible), date, winner, region, kind;
    // each with the title width it must leave.
    let optional = [
        (Column::Status, 7, MIN_TITLE),
        (Column::Date, 11, MIN_TITLE),
        (Column::Winner, 18, MIN_TITLE),
        (Column::Region, 16, MIN_TITLE_BESIDE_CONTEXT),
        (Column::Kind, 11, MIN_TITLE_BESIDE_CONTEXT),
    ];
    let mut used = mark + 1;
    let mut chosen = Vec::new();
    // Strictly by importance: a column that does not fit hands its space to the title.
    for (col, w, min_title) in optional {
        if used + min_title + 1 + w > width {
            break;
        }
        used += 1 + w;
        chosen.push((col, w));
    }
    // Each column is followed by one space, the last one too.
    let title = width.saturating_sub(used + 1);
    let mut out = vec![(Column::Mark, mark), (Column::Title, title)];
    let order = [
        Column::Kind,
        Column::Region,
        Column::Date,
        Column::Status,
        Column::Winner,
    ];
    out.extend(
        order
            .iter()
            .filter_map(|c| chosen.iter().find(|(x, _)| x == c).copied()),
    );
    out
}

fn kind_label(kind: ContestKind) -> &'static str {
    match kind {
        ContestKind::Selection => "selection",
        ContestKind::Leadership => "leadership",
        ContestKind::GeneralElection => "general",
        ContestKind::ByElection => "by-election",
        ContestKind::Other => "other",
    }
}

/// Width of the faction mark: a coloured block, or the longest abbreviation under NO_COLOR.
fn mark_width(theme: &Theme, ds: &Dataset) -> usize {
    if theme.color {
        1
    } else {
        ds.factions
            .iter()
            .map(|f| cells::width(&words::faction_short(f)))
            .max()
            .unwrap_or(1)
            .max(1)
    }
}

/// Draws the list pane.
pub fn render(frame: &mut Frame, area: Rect, app: &App) {
    let Some(data) = &app.data else { return };
    if area.is_empty() {
        return;
    }
    let theme = &app.theme;
    let ds = data.dataset();
    let focused = app.focus == Focus::List;
    let title = format!(" Contests {} of {} ", app.rows.len(), ds.contests.len());
    frame.render_widget(pane_block(app, area, title, focused), area);
    let (titles, rows_area) = layout::list_parts(area);
    let cols = columns(usize::from(rows_area.width), mark_width(theme, ds));
    if !titles.is_empty() {
        let spans: Vec<Span> = cols
            .iter()
            .map(|&(col, w)| {
                Span::styled(
                    format!("{} ", cells::fit(column_name(col), w)),
                    theme.column_title(),
                )
            })
            .collect();
        frame.render_widget(Line::from(spans), titles);
    }
    if app.rows.is_empty() {
        let message = Paragraph::new("No contests match. Press c to clear the filters.")
            .style(theme.dim())
            .wrap(ratatui::widgets::Wrap { trim: true });
        frame.render_widget(message, rows_area);
        return;
    }
    let visible = usize::from(rows_area.height);
    let end = (app.offset + visible).min(app.rows.len());
    let buf = frame.buffer_mut();
    for (n, pos) in (app.offset..end).enumerate() {
        let contest = &ds.contests[app.rows[pos]];
        let area = Rect::new(rows_area.x, rows_area.y + n as u16, rows_area.width, 1);
        if pos == app.selected {
            buf.set_style(area, theme.selected(focused));
        }
        let cells = row(contest, ds, &cols, theme, app.mark_of(&contest.id));
        draw_row(buf, area, &cols, &cells);
    }
}

/// Writes a row's cells straight into the buffer, each cut to its column; the gaps stay the
/// blank (or highlighted) cells beneath. Padding every cell with spaces instead cost a third
/// of a frame, as each space is a grapheme to segment and a cell to write.
fn draw_row(buf: &mut Buffer, area: Rect, cols: &[(Column, usize)], cells: &[(String, Style)]) {
    let mut x = area.x;
    for (&(_, w), (content, style)) in cols.iter().zip(cells) {
        let room = usize::from(area.right().saturating_sub(x)).min(w);
        if room == 0 {
            break;
        }
        let printable_ascii = content.bytes().all(|b| (b' '..=b'~').contains(&b));
        if printable_ascii && content.len() <= room {
            // One cell per byte: no graphemes to find, no widths to look up.
            for (i, b) in content.bytes().enumerate() {
                buf[(x + i as u16, area.y)]
                    .set_char(char::from(b))
                    .set_style(*style);
            }
        } else {
            buf.set_stringn(x, area.y, cells::truncate(content, room), room, *style);
        }
        x = x.saturating_add(w as u16 + 1);
    }
}

fn column_name(col: Column) -> &'static str {
    match col {
        Column::Mark => "",
        Column::Title => "Contest",
        Column::Kind => "Kind",
        Column::Region => "Region",
        Column::Date => "Date",
        Column::Status => "Status",
        Column::Winner => "Winner",
    }
}

/// One contest's cells, in column order, uncut.
/// `mark` is the letter of a contest marked for comparison (shown before its title).
fn row(
    contest: &Contest,
    ds: &Dataset,
    cols: &[(Column, usize)],
    theme: &Theme,
    mark: Option<char>,
) -> Vec<(String, Style)> {
    let winner = arithmetic::winner(contest);
    let faction = winner
        .and_then(|w| w.faction.as_deref())
        .and_then(|id| ds.faction(id));
    let cell = |&(col, _): &(Column, usize)| -> (String, Style) {
        match col {
            // A block in the faction's colour; its letters where there is no colour.
            Column::Mark => match faction {
                Some(f) if theme.faction_color(Some(f)).is_some() => {
                    ("█".to_string(), theme.faction(Some(f)))
                }
                Some(f) => (words::faction_short(f), theme.text()),
                None => (String::new(), theme.text()),
            },
            Column::Title => match mark {
                Some(m) => (format!("[{m}] {}", contest.title), theme.key()),
                None => (contest.title.clone(), theme.text()),
            },
            Column::Kind => (kind_label(contest.kind).to_string(), theme.dim()),
            Column::Region => (
                contest
                    .region
                    .as_deref()
                    .and_then(|r| ds.region(r))
                    .map_or(words::NO_REGION.to_string(), |r| r.name.clone()),
                theme.dim(),
            ),
            Column::Date => match contest.date {
                Some(d) => (d.human(), theme.text()),
                None => (words::NO_DATE.to_string(), theme.dim()),
            },
            Column::Status => match contest.status {
                Status::Pending => ("pending".to_string(), theme.pending()),
                Status::Decided => ("decided".to_string(), theme.dim()),
            },
            Column::Winner => match (contest.status, winner) {
                (_, Some(w)) => (w.name.clone(), theme.text()),
                (Status::Pending, None) => (words::DASH.to_string(), theme.pending()),
                (Status::Decided, None) => (words::DASH.to_string(), theme.dim()),
            },
        }
    };
    cols.iter().map(cell).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_drop_least_important_first_and_title_fills_the_rest() {
        let names = |w| -> Vec<Column> { columns(w, 1).iter().map(|c| c.0).collect() };
        assert_eq!(names(32), vec![Column::Mark, Column::Title]);
        assert_eq!(names(40), vec![Column::Mark, Column::Title, Column::Status]);
        assert_eq!(
            names(78),
            vec![
                Column::Mark,
                Column::Title,
                Column::Date,
                Column::Status,
                Column::Winner
            ]
        );
        // Beside region and kind, the title keeps room for a long constituency name.
        let wide_list = columns(94, 1);
        assert_eq!(wide_list[1], (Column::Title, 35));
        assert_eq!(
            names(94),
            vec![
                Column::Mark,
                Column::Title,
                Column::Region,
                Column::Date,
                Column::Status,
                Column::Winner
            ]
        );
        assert_eq!(
            names(120),
            vec![
                Column::Mark,
                Column::Title,
                Column::Kind,
                Column::Region,
                Column::Date,
                Column::Status,
                Column::Winner
            ]
        );
        for w in [0, 5, 20, 38, 58, 120] {
            let total: usize = columns(w, 1).iter().map(|c| c.1 + 1).sum();
            assert!(total <= w.max(3), "width {w}: {total}");
        }
    }
}
