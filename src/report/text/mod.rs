//! Plain text for people at a terminal: tables fitted to the width, colour only when allowed.
//! `list` and `stats` here; `show` and `compare` in their own files.

use std::io::{self, Write};

mod compare;
pub mod show;

pub use compare::compare;
pub use show::show;

use super::cells::grid_lines;
use super::change;
use super::facts::{RowFact, Summary};
use super::style::{Paint, TextStyle};
use super::table::{self, Align, Cell, Column};
use super::words::{self, DASH, NA, faction_name, region_name};
use super::{Listing, StatsReport, bars};
use crate::model::{Dataset, Faction, Status};
use crate::stats::{Backing, EndorserRecord, GroupRecord, Groups, Totals};

/// `list`: one contest per line.
pub fn list(out: &mut impl Write, listing: &Listing, style: &TextStyle) -> io::Result<()> {
    let ds = listing.dataset;
    if listing.rows.is_empty() {
        return writeln!(out, "no contests match");
    }
    const COLUMNS: [Column; 10] = [
        Column::fixed("ID", Align::Left, u8::MAX),
        Column::fixed("DATE", Align::Left, 8),
        // What the contest is (the seat) stays whatever the width: ids alone say little.
        Column::flex("CONTEST", 12, u8::MAX),
        Column::flex("REGION", 12, 3),
        Column::fixed("STATUS", Align::Left, 2),
        Column::flex("WINNER", 16, 7),
        Column::fixed("FACTION", Align::Left, 5),
        Column::fixed("SHARE", Align::Right, 6),
        Column::fixed("MARGIN", Align::Right, 1),
        Column::fixed("TURNOUT", Align::Right, 0),
    ];
    let mut columns = COLUMNS.to_vec();
    if listing.changes.is_some() {
        // The seat's story: kept before share, margin and turnout.
        columns.push(Column::flex("± SINCE PREVIOUS", 12, 6));
    }
    // Packed as they are made, each cell copied once: a million rows of cells each in a
    // string of their own would take more room than the data.
    let mut rows = table::Rows::new(&columns, listing.rows.len());
    for i in crate::query::ahead::rows(ds, listing.rows) {
        let s = Summary::new(ds, &ds.contests[i]);
        let c = s.contest;
        // A value resting on an inferred fact is marked `†`, as in `show`.
        let mut put = |fact: Option<RowFact>, text: &str, paint: Option<Paint>| match fact {
            Some(fact) => rows.put(&s.mark(fact, text), paint),
            None => rows.put(text, paint),
        };
        let date = s.date_label();
        let region = s.region.map_or(words::NO_REGION, |r| r.name.as_str());
        let share = s.winner_share_label();
        let margin = s.margin_label();
        let turnout = s.turnout_label();
        put(None, &c.id, None);
        put(Some(RowFact::Date), &date, dim(&date));
        put(Some(RowFact::Title), &c.title, None);
        put(Some(RowFact::Region), region, dim(region));
        put(None, c.status.as_str(), Some(status_paint(c.status)));
        let winner = winner_cell(&s);
        put(Some(RowFact::Winner), &winner.text, winner.paint);
        let faction = faction_cell(s.winner_faction);
        put(Some(RowFact::WinnerFaction), &faction.text, faction.paint);
        put(Some(RowFact::WinnerShare), &share, dim(&share));
        put(None, &margin, dim(&margin));
        put(None, &turnout, dim(&turnout));
        if let Some(changes) = listing.changes {
            let change = change::short(&changes.headline(ds, i));
            put(None, &change, dim(&change));
        }
    }
    table::write(out, &columns, &rows, style)?;
    let totals = Totals::of_contests(ds, listing.rows);
    writeln!(out, "{}", totals_line(&totals, listing.all))?;
    if let Some(legend) = words::inferred_legend(ds, listing.rows) {
        writeln!(out, "{legend}")?;
    }
    Ok(())
}

/// `stats`: the totals, then one line per group with a bar of its wins.
pub fn stats(out: &mut impl Write, report: &StatsReport, style: &TextStyle) -> io::Result<()> {
    let ds = report.dataset;
    writeln!(out, "{}", totals_line(&report.totals, report.all))?;
    if let Some(seats) = &report.seat_totals {
        writeln!(out, "{}", seats_line(seats))?;
    }
    if report.groups.is_empty() {
        return Ok(());
    }
    writeln!(out)?;
    if let Groups::Change(matrix) = &report.groups {
        for line in crate::report::change::matrix_summary(matrix) {
            writeln!(out, "{line}")?;
        }
        writeln!(out)?;
        for line in grid_lines(&crate::report::change::matrix_grid(matrix)) {
            writeln!(out, "{line}")?;
        }
        return Ok(());
    }
    if let Groups::Swing(seats) = &report.groups {
        writeln!(out, "{}", crate::report::change::swing_summary(seats))?;
        writeln!(out)?;
        for line in grid_lines(&crate::report::change::swing_grid(ds, seats)) {
            writeln!(out, "{line}")?;
        }
        return Ok(());
    }
    // Nominations are counted apart from endorsements, in a table of their own.
    if let Groups::Endorser(records) = &report.groups {
        let (endorsed, nominated): (Vec<_>, Vec<_>) = records
            .iter()
            .cloned()
            .partition(|r| r.backing == Backing::Endorsement);
        if !nominated.is_empty() {
            if !endorsed.is_empty() {
                write_table(out, endorser_table(&endorsed, ENDORSED), style)?;
                writeln!(out)?;
            }
            writeln!(out, "Nominations (by the nominators named), counted apart:")?;
            writeln!(out)?;
            return write_table(out, endorser_table(&nominated, NOMINATED), style);
        }
    }
    write_table(out, stats_table(ds, &report.groups), style)?;
    if let Groups::Party(records) = &report.groups {
        party_footer(out, ds, records, report.election, style)?;
    }
    let notes = crate::report::footnotes::for_stats(report);
    if !notes.is_empty() {
        writeln!(out)?;
        for note in &notes {
            writeln!(out, "{note}")?;
        }
    }
    Ok(())
}

/// Under seats per party: what the ± share is against, and the seats as a parliament-style
/// strip in party colours (`report::bars::seat_strip`).
fn party_footer(
    out: &mut impl Write,
    ds: &Dataset,
    records: &[crate::stats::PartyRecord],
    election: Option<crate::model::date::PartialDate>,
    style: &TextStyle,
) -> io::Result<()> {
    if let Some(note) = crate::report::change::party_points_note(records) {
        writeln!(out)?;
        writeln!(out, "{note}")?;
    }
    let won: Vec<usize> = records.iter().map(|r| r.won).collect();
    let total: usize = won.iter().sum();
    let Some(election) = election.filter(|_| total > 0) else {
        return Ok(());
    };
    let (widths, per_cell) =
        bars::seat_strip(&won, total, style.table_width().saturating_sub(2).min(100));
    let mut strip = String::new();
    // Without colour, neighbouring parties alternate full and shaded cells.
    for (k, (r, &w)) in records
        .iter()
        .zip(&widths)
        .filter(|(_, w)| **w > 0)
        .enumerate()
    {
        let glyph = if style.color || k % 2 == 0 {
            "█"
        } else {
            "▒"
        };
        let cells = glyph.repeat(w);
        strip.push_str(
            &match Paint::faction(r.faction.as_deref().and_then(|f| ds.faction(f))) {
                Some(p) => style.paint(&cells, p),
                None => cells,
            },
        );
    }
    writeln!(out)?;
    writeln!(out, "{}", seat_key(election, per_cell, total))?;
    writeln!(out, "{strip}")?;
    writeln!(out, "{}", words::seat_strip_key(records, &widths))?;
    Ok(())
}

/// `Seats won in the general election of 12 Dec 2019: 650 seats, one cell for every 7` (or
/// `each cell a seat`).
pub fn seat_key(
    election: crate::model::date::PartialDate,
    per_cell: usize,
    total: usize,
) -> String {
    let seats = words::plural(total, "seat", "seats");
    let cells = match per_cell {
        1 => "each cell a seat".to_string(),
        n => format!("one cell for every {n}"),
    };
    format!(
        "Seats won in the general election of {}: {seats}, {cells}",
        words::date(Some(election))
    )
}

/// The headers of an endorsers table: of endorsements, or of nominations.
const ENDORSED: (&str, &str) = ("ENDORSER", "ENDORSED");
const NOMINATED: (&str, &str) = ("NOMINATOR", "NOMINATED");

/// Endorsers' records as a table, with `headers` for the name and count columns; the bar is
/// the win rate (100% fills it, so equal rates draw equal bars).
fn endorser_table(records: &[EndorserRecord], headers: (&'static str, &'static str)) -> StatsTable {
    let num = |h| Column::fixed(h, Align::Right, 5);
    let columns = vec![
        Column::flex(headers.0, 10, u8::MAX),
        num(headers.1),
        num("WON"),
        num("LOST"),
        num("PENDING"),
        Column::fixed("WIN RATE", Align::Right, 1),
    ];
    let rows = records.iter().map(endorser_row).collect();
    let bars = records
        .iter()
        .map(|r| (r.win_rate().unwrap_or(0.0), 1.0, None))
        .collect();
    (columns, rows, Some(bars))
}

/// A stats table with its bars, fitted to the width.
fn write_table(out: &mut impl Write, table: StatsTable, style: &TextStyle) -> io::Result<()> {
    let (mut columns, mut rows, bars) = table;
    // The bars take the room the numbers leave, up to BAR_CELLS: shrunk, never cut off.
    // Names give way (down to their narrowest) before the bars do.
    let width = style.table_width();
    let used = table::fitted_width(&columns, &rows, width.saturating_sub(BAR_CELLS + 2));
    let cells = width.saturating_sub(used + 2).min(BAR_CELLS);
    if let Some(bars) = bars.filter(|_| cells >= MIN_BAR_CELLS) {
        columns.push(Column::fixed("", Align::Left, u8::MAX));
        for (row, (value, scale, paint)) in rows.iter_mut().zip(bars) {
            row.push(Cell::painted(bars::draw(value, scale, cells), paint));
        }
    }
    for line in table::render(&columns, &rows, style) {
        writeln!(out, "{line}")?;
    }
    Ok(())
}

/// `17 contests: 10 decided, 7 pending` (with `(of N)` when filtered).
fn totals_line(t: &Totals, all: usize) -> String {
    let noun = if t.contests == 1 {
        "contest"
    } else {
        "contests"
    };
    let of = if t.contests == all {
        String::new()
    } else {
        format!(" (of {all})")
    };
    let without = match t.decided_without_winner {
        0 => String::new(),
        n => format!(" ({n} with no winner recorded)"),
    };
    format!(
        "{} {noun}{of}: {} decided{without}, {} pending",
        t.contests, t.decided, t.pending
    )
}

/// `3 seats (general elections and by-elections): 2 decided, 1 pending`.
pub fn seats_line(t: &Totals) -> String {
    let noun = if t.contests == 1 { "seat" } else { "seats" };
    format!(
        "{} {noun} (general elections and by-elections): {} decided, {} pending",
        t.contests, t.decided, t.pending
    )
}

/// Runs of this many empty months or more are one line of `stats --by month`.
const GAP_MONTHS: usize = 3;

/// Longest bar in a stats table, in cells.
const BAR_CELLS: usize = 20;
/// Below this many cells a bar says too little to be worth drawing.
const MIN_BAR_CELLS: usize = 4;

/// A row's bar: its value, the value that fills the bar, its paint.
type BarSpec = (f64, f64, Option<Paint>);
/// A stats table: columns, rows, and each row's bar where the table has them.
type StatsTable = (Vec<Column>, Vec<Vec<Cell>>, Option<Vec<BarSpec>>);

fn stats_table(ds: &Dataset, groups: &Groups) -> StatsTable {
    match groups {
        Groups::Faction(records) => standings_table(
            ds,
            ("FACTION", "WON"),
            records.iter().map(|r| {
                let name = faction_name(ds, r.faction.as_deref()).to_string();
                (
                    name,
                    r.faction.as_deref(),
                    [r.won, r.lost, r.pending, r.stood],
                )
            }),
        ),
        Groups::Region(records) => {
            group_table(ds, "REGION", records, |k| region_name(ds, k.as_deref()))
        }
        Groups::Kind(records) => group_table(ds, "KIND", records, |k| words::kind(*k).to_string()),
        Groups::Endorser(records) => endorser_table(records, ENDORSED),
        Groups::Party(records) => {
            let (mut columns, mut rows, bars) = standings_table(
                ds,
                ("PARTY", "SEATS"),
                records.iter().map(|r| {
                    (
                        words::party_record_name(r),
                        r.faction.as_deref(),
                        [r.won, r.lost, r.pending, r.stood],
                    )
                }),
            );
            columns.push(Column::fixed("VOTES", Align::Right, 4));
            columns.push(Column::fixed("SHARE", Align::Right, 3));
            let since = records.iter().any(|r| r.share_then.is_some());
            if since {
                columns.push(Column::fixed("± SHARE", Align::Right, 3));
            }
            for (row, r) in rows.iter_mut().zip(records) {
                row.push(Cell::new(words::party_votes(r)));
                row.push(dashed(words::percent(r.share)));
                if since {
                    row.push(dashed(crate::report::change::party_points(r)));
                }
            }
            (columns, rows, bars)
        }
        Groups::Month(records) => {
            let folded = crate::stats::timeline::fold_gaps(records, GAP_MONTHS);
            group_table(ds, "MONTH", &folded, std::string::ToString::to_string)
        }
        // Drawn as a grid by `stats` (its columns are the parties).
        Groups::Change(_) | Groups::Swing(_) => (Vec::new(), Vec::new(), None),
    }
}

/// Faction or party standings: per row a name in its faction's colour, its won, lost,
/// pending and stood counts, and a bar of the wins against the most won. The two headers
/// name the first two columns.
fn standings_table<'a>(
    ds: &Dataset,
    (name_header, won_header): (&'static str, &'static str),
    standings: impl Iterator<Item = (String, Option<&'a str>, [usize; 4])>,
) -> StatsTable {
    let num = |h| Column::fixed(h, Align::Right, 5);
    let columns = vec![
        Column::flex(name_header, 10, u8::MAX),
        num(won_header),
        num("LOST"),
        num("PENDING"),
        num("STOOD"),
    ];
    let standings: Vec<_> = standings.collect();
    let max = standings.iter().map(|s| s.2[0]).max().unwrap_or(0);
    let (rows, bars) = standings
        .into_iter()
        .map(|(name, faction, counts)| {
            let paint = Paint::faction(faction.and_then(|f| ds.faction(f)));
            let mut row = vec![Cell::painted(name, paint)];
            row.extend(counts.iter().map(|n| Cell::new(n.to_string())));
            (row, (counts[0] as f64, max as f64, paint))
        })
        .unzip();
    (columns, rows, Some(bars))
}

/// An endorser's record; the bar is the win rate (100% fills the bar), the number beside it.
fn endorser_row(r: &EndorserRecord) -> Vec<Cell> {
    let mut row = vec![Cell::new(&r.name)];
    row.extend([
        Cell::new(r.endorsed.to_string()),
        Cell::new(r.won.to_string()),
        Cell::new(r.lost.to_string()),
        Cell::new(r.pending.to_string()),
        dashed(
            r.win_rate()
                .map_or_else(|| NA.to_string(), |w| format!("{:.0}%", w * 100.0)),
        ),
    ]);
    row
}

fn group_table<K>(
    ds: &Dataset,
    header: &'static str,
    records: &[GroupRecord<K>],
    name: impl Fn(&K) -> String,
) -> StatsTable {
    let num = |h| Column::fixed(h, Align::Right, 5);
    let columns = vec![
        Column::flex(header, 10, u8::MAX),
        num("CONTESTS"),
        num("DECIDED"),
        num("PENDING"),
        Column::flex("WON BY", 10, 4),
    ];
    let rows = records
        .iter()
        .map(|g| {
            vec![
                Cell::new(name(&g.key)),
                Cell::new(g.contests.to_string()),
                Cell::new(g.decided.to_string()),
                Cell::new(g.pending.to_string()),
                dashed(wins_label(ds, &g.wins, true)),
            ]
        })
        .collect();
    (columns, rows, None)
}

/// `LL 3, SL 1, no faction 1`: wins by faction, with short labels or (`short` false) names.
pub fn wins_label(ds: &Dataset, wins: &[(Option<String>, usize)], short: bool) -> String {
    if wins.is_empty() {
        return DASH.to_string();
    }
    wins.iter()
        .map(|(f, n)| {
            let label = match f.as_deref().and_then(|f| ds.faction(f)) {
                Some(faction) if short => words::faction_short(faction),
                Some(faction) => faction.name.to_string(),
                None => "no faction".to_string(),
            };
            format!("{label} {n}")
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// The winner, or `pending` (so the status survives when its column is dropped).
fn winner_cell(s: &Summary) -> Cell {
    match (s.winners.is_empty(), s.contest.status) {
        (false, _) => Cell::new(s.winner_text()),
        (true, Status::Pending) => Cell::painted("pending", Some(status_paint(Status::Pending))),
        (true, Status::Decided) => dashed(DASH),
    }
}

fn faction_cell(faction: Option<&Faction>) -> Cell {
    match faction {
        Some(f) => Cell::painted(words::faction_short(f), Paint::faction(Some(f))),
        None => dashed(DASH),
    }
}

fn status_paint(status: Status) -> Paint {
    match status {
        Status::Decided => Paint::Good,
        Status::Pending => Paint::Warn,
    }
}

/// A cell that is dimmed when it holds the unknown marker.
fn dashed(text: impl Into<String>) -> Cell {
    let text = text.into();
    let paint = dim(&text);
    Cell::painted(text, paint)
}

/// Dim, for a cell that holds the unknown marker.
fn dim(text: &str) -> Option<Paint> {
    [DASH, NA, words::NO_REGION, words::NO_DATE]
        .contains(&text)
        .then_some(Paint::Dim)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn totals_say_what_was_filtered() {
        let t = Totals {
            contests: 2,
            decided: 2,
            pending: 0,
            decided_without_winner: 1,
        };
        assert_eq!(
            totals_line(&t, 17),
            "2 contests (of 17): 2 decided (1 with no winner recorded), 0 pending"
        );
        assert_eq!(
            totals_line(&Totals { contests: 1, ..t }, 1),
            "1 contest: 2 decided (1 with no winner recorded), 0 pending"
        );
    }
}
