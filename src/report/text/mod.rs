//! Plain text for people at a terminal: tables fitted to the width, colour only when allowed.
//! `list` and `stats` here; `show` and `compare` in their own files.

use std::io::{self, Write};

mod compare;
mod show;

pub use compare::compare;
pub use show::{chart, show};

use super::style::{Paint, TextStyle};
use super::table::{self, Align, Cell, Column};
use super::{DASH, Listing, NA, StatsReport, Summary, faction_name, party_name, region_name};
use crate::model::{Dataset, Faction, Status};
use crate::stats::{EndorserRecord, GroupRecord, Groups, Totals};

/// `list`: one contest per line.
pub fn list(out: &mut impl Write, listing: &Listing, style: &TextStyle) -> io::Result<()> {
    let ds = listing.dataset;
    if listing.rows.is_empty() {
        return writeln!(out, "no contests match");
    }
    const COLUMNS: [Column; 10] = [
        Column::fixed("ID", Align::Left, u8::MAX),
        Column::fixed("DATE", Align::Left, 8),
        Column::flex("CONTEST", 20, 4),
        Column::flex("REGION", 12, 3),
        Column::fixed("STATUS", Align::Left, 2),
        Column::flex("WINNER", 16, 7),
        Column::fixed("FACTION", Align::Left, 5),
        Column::fixed("SHARE", Align::Right, 6),
        Column::fixed("MARGIN", Align::Right, 1),
        Column::fixed("TURNOUT", Align::Right, 0),
    ];
    let rows: Vec<Vec<Cell>> = listing
        .rows
        .iter()
        .map(|&i| {
            let s = Summary::new(ds, &ds.contests[i]);
            let c = s.contest;
            vec![
                Cell::new(&c.id),
                dashed(s.date_label()),
                Cell::new(&c.title),
                dashed(s.region.map_or(DASH, |r| &r.name)),
                Cell::painted(c.status.as_str(), Some(status_paint(c.status))),
                winner_cell(&s),
                faction_cell(s.winner_faction),
                dashed(s.winner_share.as_ref().map_or(DASH.into(), |s| s.label())),
                dashed(s.margin_label()),
                dashed(s.turnout_label()),
            ]
        })
        .collect();
    for line in table::render(&COLUMNS, &rows, style) {
        writeln!(out, "{line}")?;
    }
    let totals = Totals::of_contests(ds, listing.rows);
    writeln!(out, "{}", totals_line(&totals, ds.contests.len()))
}

/// `stats`: the totals, then one line per group with a bar of its wins.
pub fn stats(out: &mut impl Write, report: &StatsReport, style: &TextStyle) -> io::Result<()> {
    let ds = report.dataset;
    writeln!(out, "{}", totals_line(&report.totals, ds.contests.len()))?;
    if let Some(seats) = &report.seat_totals {
        writeln!(out, "{}", seats_line(seats))?;
    }
    if report.groups.is_empty() {
        return Ok(());
    }
    writeln!(out)?;
    let (columns, rows) = stats_table(ds, &report.groups);
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

fn stats_table(ds: &Dataset, groups: &Groups) -> (Vec<Column>, Vec<Vec<Cell>>) {
    match groups {
        Groups::Faction(records) => standings_table(
            ds,
            ("FACTION", "WON"),
            records.iter().map(|r| {
                let name = faction_name(ds, r.faction.as_deref());
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
        Groups::Kind(records) => group_table(ds, "KIND", records, |k| k.as_str().to_string()),
        Groups::Endorser(records) => {
            let num = |h| Column::fixed(h, Align::Right, 5);
            let max = records.iter().map(|r| r.won).max().unwrap_or(0);
            let columns = vec![
                Column::flex("ENDORSER", 10, u8::MAX),
                num("ENDORSED"),
                num("WON"),
                num("LOST"),
                num("PENDING"),
                Column::fixed("WIN RATE", Align::Right, 1),
                Column::fixed("", Align::Left, 0),
            ];
            let rows = records.iter().map(|r| endorser_row(r, max)).collect();
            (columns, rows)
        }
        Groups::Party(records) => standings_table(
            ds,
            ("PARTY", "SEATS"),
            records.iter().map(|r| {
                let name = party_name(r.party.as_deref());
                (
                    name,
                    r.faction.as_deref(),
                    [r.won, r.lost, r.pending, r.stood],
                )
            }),
        ),
        Groups::Month(records) => {
            let folded = crate::stats::timeline::fold_gaps(records, GAP_MONTHS);
            group_table(ds, "MONTH", &folded, |k| k.to_string())
        }
    }
}

/// Faction or party standings: per row a name in its faction's colour, its won, lost,
/// pending and stood counts, and a bar of the wins against the most won. The two headers
/// name the first two columns.
fn standings_table<'a>(
    ds: &Dataset,
    (name_header, won_header): (&'static str, &'static str),
    standings: impl Iterator<Item = (String, Option<&'a str>, [usize; 4])>,
) -> (Vec<Column>, Vec<Vec<Cell>>) {
    let num = |h| Column::fixed(h, Align::Right, 5);
    let columns = vec![
        Column::flex(name_header, 10, u8::MAX),
        num(won_header),
        num("LOST"),
        num("PENDING"),
        num("STOOD"),
        Column::fixed("", Align::Left, 0),
    ];
    let standings: Vec<_> = standings.collect();
    let max = standings.iter().map(|s| s.2[0]).max().unwrap_or(0);
    let rows = standings
        .into_iter()
        .map(|(name, faction, counts)| {
            let paint = faction.and_then(|f| ds.faction(f)).and_then(faction_paint);
            let mut row = vec![Cell::painted(name, paint)];
            row.extend(counts.iter().map(|n| Cell::new(n.to_string())));
            row.push(Cell::painted(bar(counts[0], max), paint));
            row
        })
        .collect();
    (columns, rows)
}

fn endorser_row(r: &EndorserRecord, max: usize) -> Vec<Cell> {
    vec![
        Cell::new(&r.name),
        Cell::new(r.endorsed.to_string()),
        Cell::new(r.won.to_string()),
        Cell::new(r.lost.to_string()),
        Cell::new(r.pending.to_string()),
        dashed(
            r.win_rate()
                .map_or_else(|| NA.to_string(), |w| format!("{:.0}%", w * 100.0)),
        ),
        Cell::new(bar(r.won, max)),
    ]
}

fn group_table<K>(
    ds: &Dataset,
    header: &'static str,
    records: &[GroupRecord<K>],
    name: impl Fn(&K) -> String,
) -> (Vec<Column>, Vec<Vec<Cell>>) {
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
    (columns, rows)
}

/// `LL 3, SL 1, no faction 1`: wins by faction, with short labels or (`short` false) names.
pub fn wins_label(ds: &Dataset, wins: &[(Option<String>, usize)], short: bool) -> String {
    if wins.is_empty() {
        return DASH.to_string();
    }
    wins.iter()
        .map(|(f, n)| {
            let label = match f.as_deref().and_then(|f| ds.faction(f)) {
                Some(faction) if short => short_name(faction).to_string(),
                Some(faction) => faction.name.clone(),
                None => "no faction".to_string(),
            };
            format!("{label} {n}")
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// A faction's abbreviation, or its name when it has none.
pub fn short_name(faction: &Faction) -> &str {
    faction.abbr.as_deref().unwrap_or(&faction.name)
}

/// `count` of `max` as a bar of whole blocks at most `BAR_CELLS` long (at least one for non-zero).
fn bar(count: usize, max: usize) -> String {
    if count == 0 || max == 0 {
        return String::new();
    }
    let cells = (count * BAR_CELLS).div_ceil(max).max(1);
    "█".repeat(cells)
}

/// The winner, or `pending` (so the status survives when its column is dropped).
fn winner_cell(s: &Summary) -> Cell {
    match s.winner {
        Some(w) => Cell::new(&w.name),
        None if s.contest.status == Status::Pending => {
            Cell::painted("pending", Some(status_paint(Status::Pending)))
        }
        None => dashed(DASH),
    }
}

fn faction_cell(faction: Option<&Faction>) -> Cell {
    match faction {
        Some(f) => Cell::painted(short_name(f), faction_paint(f)),
        None => dashed(DASH),
    }
}

/// The faction's colour, if it has a valid one.
pub fn faction_paint(faction: &Faction) -> Option<Paint> {
    faction.color.as_deref().and_then(Paint::hex)
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
    let paint = (text == DASH || text == NA).then_some(Paint::Dim);
    Cell::painted(text, paint)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bars_scale_to_the_largest() {
        assert_eq!(bar(0, 6), "");
        assert_eq!(bar(6, 6).chars().count(), BAR_CELLS);
        assert_eq!(bar(3, 6).chars().count(), BAR_CELLS / 2);
        assert_eq!(bar(1, 1000).chars().count(), 1);
    }

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
