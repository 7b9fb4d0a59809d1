//! The contest list: one row per contest, only the visible rows are built (so a frame costs
//! the same for 17 contests or a million).

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::explorer::app::{App, Field, Focus, Overlay, TextInput};
use crate::explorer::layout;
use crate::explorer::screen::{ListColumn, ListColumns, ListSort};
use crate::explorer::theme::Theme;
use crate::explorer::ui::{pane_block, scroll_marks};
use crate::model::{Dataset, Status};
use crate::query::{Filter, SortKey};
use crate::report::facts::{RowFact, Summary};
use crate::report::words;
use crate::report::{cells, change};

/// Numbers, right-aligned.
fn right_aligned(column: ListColumn) -> bool {
    matches!(
        column,
        ListColumn::Share | ListColumn::Margin | ListColumn::Turnout | ListColumn::Change
    )
}

/// The narrowest the title column may get before other columns are dropped: results first,
/// then context (kind and region are in most titles anyway, so they yield to a longer title).
const MIN_TITLE: usize = 20;
const MIN_TITLE_BESIDE_CONTEXT: usize = 28;
const MIN_TITLE_BESIDE_STATUS: usize = 14;
/// Widths of the columns whose cells are short and known in advance (a header may carry the
/// sort's arrow: `Turnout↓`).
/// `8 Jun 2017 †`, `24 Oct 2019†`: a date marked inferred.
const DATE_W: usize = 12;
const STATUS_W: usize = 7;
const FACTION_W: usize = 4;
const SHARE_W: usize = 6;
const TURNOUT_W: usize = 8;
/// `general election`, the longest kind.
const KIND_W: usize = 16;
/// Bounds of the columns sized to the rows on screen.
const WINNER_W: (usize, usize) = (7, 24);
const MARGIN_W: (usize, usize) = (7, 17);
const PARTY_W: (usize, usize) = (5, 20);
/// `Lab hold` to `APNI gain from DUP`, or `no previous result`.
const RESULT_W: (usize, usize) = (6, 18);
/// `+13.4 pts`, `-10.5 pts`.
const CHANGE_W: (usize, usize) = (6, 9);
/// The narrowest a winner's name is cut to while the title keeps its own minimum; below that
/// the winner takes the status's width (the title giving way as for the status).
const MIN_WINNER: usize = 12;
/// Region names longer than this are cut (none of the UK's is).
const MAX_REGION: usize = 24;

/// What decides the columns: the width, the mark's width, the sort (its column always
/// shows, so the order can be read), the columns chosen, the widths the rows need (the
/// longest region name, winner, party, margin, result and change on screen), and whether
/// there is colour.
#[derive(Debug, Clone, Copy)]
struct Fit {
    width: usize,
    mark: usize,
    sort: ListSort,
    chosen: ListColumns,
    region: usize,
    winner: usize,
    party: usize,
    margin: usize,
    result: usize,
    change: usize,
    color: bool,
}

/// The column that shows the sort's key (`Title` for the title, always shown).
fn sort_column(sort: ListSort) -> ListColumn {
    match sort {
        ListSort::Key(SortKey::Date) => ListColumn::Date,
        ListSort::Key(SortKey::Title) => ListColumn::Title,
        ListSort::Key(SortKey::Region) => ListColumn::Region,
        ListSort::Key(SortKey::Margin) => ListColumn::Margin,
        ListSort::Key(SortKey::Turnout) => ListColumn::Turnout,
        ListSort::Change => ListColumn::Change,
    }
}

/// Columns that fit in `fit.width` cells, with their widths. The sorted-by column comes
/// first, whatever the width and whether or not it is chosen; then, of the chosen columns,
/// the results (result, change, winner, date, party, faction, share, margin, turnout), then
/// context (region and kind, at their full width or not at all). The title takes what is
/// left.
fn columns(fit: Fit) -> Vec<(ListColumn, usize)> {
    let natural = |col: ListColumn| match col {
        ListColumn::Date => DATE_W,
        ListColumn::Status => STATUS_W,
        ListColumn::Winner => fit.winner,
        ListColumn::Party => fit.party,
        ListColumn::Result => fit.result,
        ListColumn::Change => fit.change,
        ListColumn::Faction => FACTION_W,
        ListColumn::Share => SHARE_W,
        ListColumn::Margin => fit.margin,
        ListColumn::Turnout => TURNOUT_W,
        ListColumn::Region => fit.region,
        ListColumn::Kind => KIND_W,
        ListColumn::Mark | ListColumn::Title => 0,
    };
    let min_title = |col: ListColumn| match col {
        ListColumn::Region | ListColumn::Kind => MIN_TITLE_BESIDE_CONTEXT,
        // `pending` must stay visible: the title gives way further for it.
        ListColumn::Status => MIN_TITLE_BESIDE_STATUS,
        _ => MIN_TITLE,
    };
    let mut used = fit.mark + 1;
    let mut chosen: Vec<(ListColumn, usize)> = Vec::new();
    let sorted = sort_column(fit.sort);
    if sorted != ListColumn::Title {
        // Cut to the room there is rather than dropped: the order must be readable.
        let room = fit.width.saturating_sub(used + MIN_TITLE.min(12) + 2);
        let w = natural(sorted).min(room);
        if w > 0 {
            used += 1 + w;
            chosen.push((sorted, w));
        }
    }
    // The result and change are shown only when chosen: chosen, they come first (they say
    // who won, too).
    let mut optional = vec![
        ListColumn::Result,
        ListColumn::Change,
        ListColumn::Winner,
        ListColumn::Status,
        ListColumn::Date,
        ListColumn::Party,
    ];
    if fit.color {
        optional.push(ListColumn::Faction);
    }
    optional.extend([
        ListColumn::Share,
        ListColumn::Margin,
        ListColumn::Region,
        ListColumn::Turnout,
        ListColumn::Kind,
    ]);
    optional.retain(|&c| fit.chosen.shows(c));
    let shown = |chosen: &[(ListColumn, usize)], c: ListColumn| chosen.iter().any(|(x, _)| *x == c);
    for col in optional {
        if shown(&chosen, col) || (col == ListColumn::Status && shown(&chosen, ListColumn::Winner))
        {
            continue;
        }
        let mut w = natural(col);
        let mut room = fit.width.saturating_sub(used + min_title(col) + 2);
        if col == ListColumn::Winner && w > room {
            // A winner cut short says more than none, and more than the status it would give
            // way to (it says `pending` itself): the title gives way as far as it would for
            // the status, with or without colour (whose letters make the mark wider).
            let beside_status = fit.width.saturating_sub(used + MIN_TITLE_BESIDE_STATUS + 2);
            if room < MIN_WINNER {
                room = room.max(STATUS_W).min(beside_status);
            }
            w = w.min(room);
            if w < STATUS_W {
                w = natural(col);
            }
        }
        if w > room {
            match col {
                // Without the winner, the status column may still fit.
                ListColumn::Winner => continue,
                // Context is shown whole or not at all: the kind may fit where the region
                // does not. So are the chosen extras, which give way to the columns after.
                ListColumn::Region
                | ListColumn::Kind
                | ListColumn::Result
                | ListColumn::Change
                | ListColumn::Party => {
                    continue;
                }
                // Results by importance: what does not fit hands its room to the title.
                _ => break,
            }
        }
        used += 1 + w;
        chosen.push((col, w));
    }
    // Each column is followed by one space, the last one too.
    let title = fit.width.saturating_sub(used + 1);
    let mut out = vec![(ListColumn::Mark, fit.mark), (ListColumn::Title, title)];
    let order = [
        ListColumn::Kind,
        ListColumn::Region,
        ListColumn::Date,
        ListColumn::Status,
        ListColumn::Winner,
        ListColumn::Faction,
        ListColumn::Party,
        ListColumn::Share,
        ListColumn::Margin,
        ListColumn::Turnout,
        ListColumn::Result,
        ListColumn::Change,
    ];
    out.extend(
        order
            .iter()
            .filter_map(|c| chosen.iter().find(|(x, _)| x == c).copied()),
    );
    out
}

/// Width of the faction mark: a coloured block, or the longest abbreviation under NO_COLOR.
fn mark_width(theme: Theme, ds: &Dataset) -> usize {
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
    let theme = app.theme;
    let ds = data.dataset();
    let focused = app.focus == Focus::List;
    let title = format!(" Contests {} ", app.listed_of_total(""));
    frame.render_widget(pane_block(app, area, title, focused), area);
    let (titles, rows_area) = layout::list_parts(area);
    let region = ds
        .regions
        .iter()
        .map(|r| cells::width(&r.name))
        .chain([cells::width(words::NO_REGION)])
        .max()
        .unwrap_or(0)
        .min(MAX_REGION)
        // Room for ` †` where some region is inferred.
        + if data.some_region_inferred {
            2
        } else {
            0
        };
    let visible = usize::from(rows_area.height);
    let end = (app.offset + visible).min(app.rows.len());
    // The change since the seat's previous contest is worked out for the rows on screen only,
    // and only when a column shows it.
    let chosen = app.list_columns;
    let changes =
        chosen.shows(ListColumn::Result) || chosen.shows(ListColumn::Change) || app.sort_by_change;
    let on_screen: Vec<Row> = app.rows[app.offset.min(end)..end]
        .iter()
        .map(|&i| {
            let since = changes.then(|| data.changes.since(ds, i));
            Row {
                s: Summary::new(ds, &ds.contests[i]),
                result: since.as_ref().map(change::result).unwrap_or_default(),
                change: since
                    .as_ref()
                    .map(change::points_column)
                    .unwrap_or_default(),
            }
        })
        .collect();
    let widest = |f: &dyn Fn(&Row) -> String, (least, most): (usize, usize)| {
        on_screen
            .iter()
            .map(|r| cells::width(&f(r)))
            .max()
            .unwrap_or(0)
            .clamp(least, most)
    };
    let cols = columns(Fit {
        width: usize::from(rows_area.width),
        mark: mark_width(theme, ds),
        sort: app.list_sort(),
        chosen,
        region,
        winner: widest(
            &|r| r.s.marked(RowFact::Winner, r.s.winner_text()),
            WINNER_W,
        ),
        party: widest(&|r| party_text(&r.s), PARTY_W),
        margin: widest(&|r| r.s.margin_short(), MARGIN_W),
        result: widest(&|r| r.result.clone(), RESULT_W),
        change: widest(&|r| r.change.clone(), CHANGE_W),
        color: theme.color,
    });
    if !titles.is_empty() {
        let sorted = sort_column(app.list_sort());
        let arrow = if app.query.sort.reverse { "↑" } else { "↓" };
        let spans: Vec<Span> = cols
            .iter()
            .map(|&(col, w)| {
                let name = if col == sorted {
                    format!("{}{arrow}", column_name(col))
                } else {
                    column_name(col).to_string()
                };
                let name = if right_aligned(col) {
                    cells::fit_right(&name, w)
                } else {
                    cells::fit(&name, w)
                };
                Span::styled(format!("{name} "), theme.column_title())
            })
            .collect();
        frame.render_widget(Line::from(spans), titles);
    }
    scroll_marks(frame, app, area, app.offset > 0, end < app.rows.len());
    position(frame, app, area);
    if app.rows.is_empty() {
        let message = Paragraph::new(empty_message(app))
            .style(theme.dim())
            .wrap(ratatui::widgets::Wrap { trim: true });
        frame.render_widget(message, rows_area);
        return;
    }
    let buf = frame.buffer_mut();
    for (n, (pos, r)) in (app.offset..end).zip(&on_screen).enumerate() {
        let area = Rect::new(rows_area.x, rows_area.y + n as u16, rows_area.width, 1);
        if pos == app.selected {
            buf.set_style(area, theme.selected(focused));
        }
        let cells = row(r, &cols, theme, app.mark_of(&r.s.contest.id));
        draw_row(buf, area, &cols, &cells);
    }
}

/// Where the selection is, `row 312 of 650`, on the list's bottom border at the left (the
/// `↓ more` sign is at the right).
fn position(frame: &mut Frame, app: &App, pane: Rect) {
    if app.rows.is_empty() || !layout::bordered(pane) {
        return;
    }
    let text = format!(" row {} of {} ", app.selected + 1, app.listed());
    let w = cells::width(&text) as u16;
    // Room for the corner, the text and the `↓ more` sign with its margin.
    if pane.width >= w + cells::width(" ↓ more ") as u16 + 5 {
        let at = Rect::new(pane.x + 1, pane.bottom() - 1, w, 1);
        frame.render_widget(Span::styled(text, app.theme.dim()), at);
    }
}

/// A row on screen: its summary and, when a column shows them, its result and change.
struct Row<'a> {
    s: Summary<'a>,
    result: String,
    change: String,
}

/// The party column's text: the winner's party (the contest's, for a selection), or `—`.
fn party_text(s: &Summary) -> String {
    s.winner
        .and_then(|w| w.party.as_deref().or(s.contest.party.as_deref()))
        .map_or_else(|| words::DASH.to_string(), str::to_string)
}

/// Why the list is empty, and what will bring contests back — in keys that work where the
/// user is (while typing a search, letters are text).
fn empty_message(app: &App) -> String {
    if app.total() == 0 {
        return "The data has no contests.".to_string();
    }
    let typing = matches!(
        &app.overlay,
        Overlay::Input(TextInput {
            field: Field::Search,
            ..
        })
    );
    if typing {
        let others = Filter {
            search: String::new(),
            ..app.query.filter.clone()
        };
        let also = if others.is_empty() {
            ""
        } else {
            " (other filters apply too)"
        };
        format!("No contests match the search{also}. Backspace widens it, Esc clears it.")
    } else {
        "No contests match. Press x to remove filters one by one, c to clear them all.".to_string()
    }
}

/// Writes a row's cells straight into the buffer, each cut to its column; the gaps stay the
/// blank (or highlighted) cells beneath. Padding every cell with spaces instead cost a third
/// of a frame, as each space is a grapheme to segment and a cell to write. Numbers are
/// right-aligned in their columns.
fn draw_row(buf: &mut Buffer, area: Rect, cols: &[(ListColumn, usize)], cells: &[(String, Style)]) {
    let mut x = area.x;
    for (&(col, w), (content, style)) in cols.iter().zip(cells) {
        let room = usize::from(area.right().saturating_sub(x)).min(w);
        if room == 0 {
            break;
        }
        let printable_ascii = content.bytes().all(|b| (b' '..=b'~').contains(&b));
        let right = right_aligned(col);
        if printable_ascii && content.len() <= room {
            // One cell per byte: no graphemes to find, no widths to look up.
            let start = if right { room - content.len() } else { 0 };
            for (i, b) in content.bytes().enumerate() {
                buf[(x + (start + i) as u16, area.y)]
                    .set_char(char::from(b))
                    .set_style(*style);
            }
        } else {
            let cut = cells::truncate(content, room);
            let start = if right { room - cells::width(&cut) } else { 0 };
            buf.set_stringn(x + start as u16, area.y, cut, room, *style);
        }
        x = x.saturating_add(w as u16 + 1);
    }
}

fn column_name(col: ListColumn) -> &'static str {
    match col {
        ListColumn::Mark => "",
        ListColumn::Title => "Contest",
        ListColumn::Kind => "Kind",
        ListColumn::Region => "Region",
        ListColumn::Date => "Date",
        ListColumn::Status => "Status",
        ListColumn::Winner => "Winner",
        ListColumn::Faction => "Fac.",
        ListColumn::Party => "Party",
        ListColumn::Share => "Share",
        ListColumn::Margin => "Margin",
        ListColumn::Turnout => "Turnout",
        ListColumn::Result => "Result",
        ListColumn::Change => "± share",
    }
}

/// One contest's cells, in column order, uncut.
/// `mark` is the letter of a contest marked for comparison (shown before its title).
fn row(
    r: &Row,
    cols: &[(ListColumn, usize)],
    theme: Theme,
    mark: Option<char>,
) -> Vec<(String, Style)> {
    let s = &r.s;
    let contest = s.contest;
    let faction = s.winner_faction;
    let known = |text: String| {
        let style = if text == words::NA || text == words::DASH {
            theme.dim()
        } else {
            theme.text()
        };
        (text, style)
    };
    // A value resting on an inferred fact is marked `†` (`LL†` where the column is too
    // narrow for `LL †`), as in `list` and the detail pane.
    let marked = |fact: RowFact, w: usize, (text, style): (String, Style)| {
        let said = s.marked(fact, text.clone());
        if said != text && cells::width(&said) > w {
            (format!("{text}{}", words::INFERRED_MARK), style)
        } else {
            (said, style)
        }
    };
    let cell = |&(col, w): &(ListColumn, usize)| -> (String, Style) {
        let plain = |col| match col {
            // A block in the faction's colour; its letters where there is no colour.
            ListColumn::Mark => match faction {
                Some(f) if theme.faction_color(Some(f)).is_some() => {
                    ("█".to_string(), theme.faction(Some(f)))
                }
                Some(f) => (words::faction_short(f), theme.text()),
                None => (String::new(), theme.text()),
            },
            ListColumn::Title => match mark {
                Some(m) => (format!("[{m}] {}", contest.title), theme.key()),
                None => (contest.title.to_string(), theme.text()),
            },
            ListColumn::Kind => (words::kind(contest.kind).to_string(), theme.dim()),
            ListColumn::Region => (s.region_label(), theme.dim()),
            ListColumn::Date => match contest.date {
                Some(d) => (d.human(), theme.text()),
                None => (words::NO_DATE.to_string(), theme.dim()),
            },
            ListColumn::Status => match contest.status {
                Status::Pending => ("pending".to_string(), theme.pending()),
                Status::Decided => ("decided".to_string(), theme.dim()),
            },
            // The status lives here when this column is shown: `pending` says it.
            ListColumn::Winner => {
                let style = match (contest.status, s.winners.is_empty()) {
                    (_, false) => theme.text(),
                    (Status::Pending, true) => theme.pending(),
                    (Status::Decided, true) => theme.dim(),
                };
                (s.winner_text(), style)
            }
            ListColumn::Faction => match faction {
                Some(f) => (words::faction_short(f), theme.faction(Some(f))),
                None => (String::new(), theme.text()),
            },
            ListColumn::Share => match s.winner_share {
                Some(_) => known(s.winner_share_label()),
                None => (String::new(), theme.text()),
            },
            ListColumn::Margin => known(s.margin_short()),
            ListColumn::Turnout => known(s.turnout_label()),
            ListColumn::Party => known(party_text(s)),
            ListColumn::Result if r.result.contains(" gain from ") => {
                (r.result.clone(), theme.key())
            }
            ListColumn::Result if [change::NO_PREVIOUS, change::PARTIAL].contains(&&*r.result) => {
                (r.result.clone(), theme.dim())
            }
            ListColumn::Result => known(r.result.clone()),
            ListColumn::Change => known(r.change.clone()),
        };
        let fact = match col {
            ListColumn::Title if mark.is_none() => Some(RowFact::Title),
            ListColumn::Region => Some(RowFact::Region),
            ListColumn::Date => Some(RowFact::Date),
            ListColumn::Winner => Some(RowFact::Winner),
            ListColumn::Faction => Some(RowFact::WinnerFaction),
            ListColumn::Share => Some(RowFact::WinnerShare),
            _ => None,
        };
        match fact {
            Some(fact) => marked(fact, w, plain(col)),
            None => plain(col),
        }
    };
    cols.iter().map(cell).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fit(width: usize, sort: SortKey) -> Fit {
        Fit {
            width,
            mark: 1,
            sort: ListSort::Key(sort),
            chosen: ListColumns::default(),
            region: 24,
            winner: 19,
            party: 12,
            margin: 12,
            result: 17,
            change: 9,
            color: true,
        }
    }

    fn names(width: usize, sort: SortKey) -> Vec<ListColumn> {
        columns(fit(width, sort)).iter().map(|c| c.0).collect()
    }

    #[test]
    fn the_sorted_by_column_shows_at_every_width() {
        let sorts = SortKey::ALL.map(ListSort::Key);
        for width in [20, 30, 40, 48, 58, 60, 78, 98, 120, 198] {
            for sort in sorts.into_iter().chain([ListSort::Change]) {
                let cols = columns(Fit {
                    sort,
                    ..fit(width, SortKey::Date)
                });
                let want = sort_column(sort);
                let found = cols.iter().find(|(c, _)| *c == want);
                assert!(
                    found.is_some_and(|(_, w)| *w > 0),
                    "{sort:?} at {width}: {cols:?}"
                );
                let total: usize = cols.iter().map(|c| c.1 + 1).sum();
                assert!(total <= width.max(3), "width {width}: {total}");
            }
        }
    }

    #[test]
    fn the_sorted_by_column_shows_even_when_not_chosen_and_with_everything_chosen() {
        let mut nothing = ListColumns::default();
        for c in ListColumn::CHOOSABLE {
            if nothing.shows(c) {
                nothing.toggle(c);
            }
        }
        let mut everything = ListColumns::default();
        for c in [ListColumn::Party, ListColumn::Result, ListColumn::Change] {
            everything.toggle(c);
        }
        for chosen in [nothing, everything] {
            for width in [20, 38, 58, 60, 78, 98, 118, 198] {
                for sort in SortKey::ALL {
                    let cols = columns(Fit {
                        chosen,
                        ..fit(width, sort)
                    });
                    let want = sort_column(ListSort::Key(sort));
                    assert!(
                        cols.iter().any(|(c, w)| *c == want && *w > 0),
                        "{sort:?} at {width}: {cols:?}"
                    );
                    let total: usize = cols.iter().map(|c| c.1 + 1).sum();
                    assert!(total <= width.max(3), "width {width}: {total}");
                }
            }
        }
        // Nothing chosen: the title, and the column sorted by.
        use ListColumn::*;
        let bare = |sort| {
            columns(Fit {
                chosen: nothing,
                ..fit(198, sort)
            })
            .iter()
            .map(|c| c.0)
            .collect::<Vec<_>>()
        };
        assert_eq!(bare(SortKey::Turnout), vec![Mark, Title, Status, Turnout]);
        assert_eq!(bare(SortKey::Title), vec![Mark, Title, Status]);
        // Everything chosen, wide: every column; beside the detail (58), the result the
        // user asked for comes before the winner.
        let all: Vec<ListColumn> = columns(Fit {
            chosen: everything,
            ..fit(250, SortKey::Date)
        })
        .iter()
        .map(|c| c.0)
        .collect();
        assert_eq!(
            all,
            vec![
                Mark, Title, Kind, Region, Date, Winner, Faction, Party, Share, Margin, Turnout,
                Result, Change
            ]
        );
        // Sorted by change, the change column shows, chosen or not.
        for chosen in [nothing, ListColumns::default()] {
            for width in [38, 58, 78] {
                let cols = columns(Fit {
                    chosen,
                    sort: ListSort::Change,
                    ..fit(width, SortKey::Date)
                });
                assert!(cols.iter().any(|(c, w)| *c == Change && *w > 0), "{cols:?}");
            }
        }
        let narrow: Vec<ListColumn> = columns(Fit {
            chosen: everything,
            ..fit(58, SortKey::Date)
        })
        .iter()
        .map(|c| c.0)
        .collect();
        assert_eq!(narrow, vec![Mark, Title, Date, Winner, Result]);
    }

    #[test]
    fn results_come_before_context_and_context_is_never_cut() {
        use ListColumn::*;
        // 120 columns beside the detail: the list is 60 wide.
        assert_eq!(names(58, SortKey::Date), vec![Mark, Title, Date, Winner]);
        assert_eq!(
            names(58, SortKey::Margin),
            vec![Mark, Title, Winner, Margin]
        );
        // The winner column says `pending`: no status column beside it.
        assert!(!names(98, SortKey::Date).contains(&Status));
        assert_eq!(names(20, SortKey::Title), vec![Mark, Title]);
        // 40 columns: the date it is sorted by, and the winner (or `pending`), cut short
        // rather than given way to the status.
        assert_eq!(names(38, SortKey::Date), vec![Mark, Title, Date, Winner]);
        assert_eq!(names(40, SortKey::Title), vec![Mark, Title, Winner]);
        assert_eq!(names(32, SortKey::Title), vec![Mark, Title, Winner]);
        assert_eq!(names(24, SortKey::Title), vec![Mark, Title]);
        // 100 columns beside the detail (48 wide): the winner, cut short, rather than none.
        assert_eq!(names(48, SortKey::Date), vec![Mark, Title, Date, Winner]);
        let wide = columns(fit(198, SortKey::Date));
        assert_eq!(
            wide.iter().map(|c| c.0).collect::<Vec<_>>(),
            vec![
                Mark, Title, Kind, Region, Date, Winner, Faction, Share, Margin, Turnout
            ]
        );
        assert!(wide.contains(&(Region, 24)) && wide.contains(&(Kind, KIND_W)));
        // Without colour the mark is the faction's letters: no second faction column.
        let plain = Fit {
            color: false,
            ..fit(198, SortKey::Date)
        };
        assert!(!columns(plain).iter().any(|c| c.0 == Faction));
    }
}
