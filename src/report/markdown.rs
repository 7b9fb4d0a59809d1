//! Markdown for pasting into articles, issues and chats: GitHub-style tables.

use std::io::{self, Write};

use super::text::wins_label;
use super::{DASH, Listing, NA, StatsReport, Summary, faction_name, region_name};
use crate::stats::Totals;

/// A table cell: pipes escaped, line breaks flattened, empty shown as a dash.
pub fn cell(text: &str) -> String {
    if text.trim().is_empty() {
        return DASH.to_string();
    }
    text.replace('\\', "\\\\")
        .replace('|', "\\|")
        .replace(['\n', '\r'], " ")
}

fn row(out: &mut impl Write, cells: &[String]) -> io::Result<()> {
    let cells: Vec<String> = cells.iter().map(|c| cell(c)).collect();
    writeln!(out, "| {} |", cells.join(" | "))
}

fn header(out: &mut impl Write, names: &[&str], right: &[bool]) -> io::Result<()> {
    writeln!(out, "| {} |", names.join(" | "))?;
    let rule: Vec<&str> = right
        .iter()
        .map(|&r| if r { "---:" } else { "---" })
        .collect();
    writeln!(out, "|{}|", rule.join("|"))
}

fn totals_line(t: &Totals) -> String {
    format!(
        "_{} contests: {} decided, {} pending._",
        t.contests, t.decided, t.pending
    )
}

/// `list --format markdown`.
pub fn list(out: &mut impl Write, listing: &Listing) -> io::Result<()> {
    let ds = listing.dataset;
    header(
        out,
        &[
            "ID", "Date", "Contest", "Region", "Status", "Winner", "Faction", "Share", "Margin",
            "Turnout",
        ],
        &[
            false, false, false, false, false, false, false, true, true, true,
        ],
    )?;
    for &i in listing.rows {
        let s = Summary::new(ds, &ds.contests[i]);
        let c = s.contest;
        row(
            out,
            &[
                format!("`{}`", c.id),
                s.date_label(),
                c.title.clone(),
                s.region.map_or(DASH.into(), |r| r.name.clone()),
                c.status.as_str().into(),
                s.winner.map_or(DASH.into(), |w| w.name.clone()),
                s.winner_faction.map_or(DASH.into(), |f| f.name.clone()),
                s.winner_share.as_ref().map_or(DASH.into(), |s| s.label()),
                s.margin_label(),
                s.turnout_label(),
            ],
        )?;
    }
    writeln!(out)?;
    writeln!(
        out,
        "{}",
        totals_line(&crate::stats::totals(ds, listing.rows))
    )
}

/// `stats --format markdown`.
pub fn stats(out: &mut impl Write, report: &StatsReport) -> io::Result<()> {
    use crate::stats::Groups;
    let ds = report.dataset;
    match &report.groups {
        Groups::Faction(records) => {
            header(
                out,
                &["Faction", "Won", "Lost", "Pending", "Stood"],
                &[false, true, true, true, true],
            )?;
            for r in records {
                row(
                    out,
                    &[
                        faction_name(ds, r.faction.as_deref()),
                        r.won.to_string(),
                        r.lost.to_string(),
                        r.pending.to_string(),
                        r.stood.to_string(),
                    ],
                )?;
            }
        }
        Groups::Region(records) => {
            header(
                out,
                &["Region", "Contests", "Decided", "Pending", "Won by"],
                &[false, true, true, true, false],
            )?;
            for g in records {
                row(
                    out,
                    &[
                        region_name(ds, g.key.as_deref()),
                        g.contests.to_string(),
                        g.decided.to_string(),
                        g.pending.to_string(),
                        wins_label(ds, &g.wins),
                    ],
                )?;
            }
        }
        Groups::Kind(records) => {
            header(
                out,
                &["Kind", "Contests", "Decided", "Pending", "Won by"],
                &[false, true, true, true, false],
            )?;
            for g in records {
                row(
                    out,
                    &[
                        g.key.as_str().to_string(),
                        g.contests.to_string(),
                        g.decided.to_string(),
                        g.pending.to_string(),
                        wins_label(ds, &g.wins),
                    ],
                )?;
            }
        }
        Groups::Endorser(records) => {
            header(
                out,
                &["Endorser", "Endorsed", "Won", "Lost", "Pending", "Win rate"],
                &[false, true, true, true, true, true],
            )?;
            for r in records {
                row(
                    out,
                    &[
                        r.name.clone(),
                        r.endorsed.to_string(),
                        r.won.to_string(),
                        r.lost.to_string(),
                        r.pending.to_string(),
                        r.win_rate()
                            .map_or(NA.into(), |w| format!("{:.0}%", w * 100.0)),
                    ],
                )?;
            }
        }
    }
    writeln!(out)?;
    writeln!(out, "{}", totals_line(&report.totals))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_cannot_break_the_table() {
        assert_eq!(cell("a|b"), "a\\|b");
        assert_eq!(cell("line\nbreak"), "line break");
        assert_eq!(cell(""), DASH);
    }
}
