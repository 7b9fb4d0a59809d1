//! `hustings stats`: wins per faction, region, kind, endorser, party (seats) or month over the
//! filtered contests.

use std::io::Write;

use anyhow::Result;

use super::Selection;
use crate::cli::Output;
use crate::cli::args::{ByArg, Format};
use crate::report::{self, StatsReport};
use crate::stats::{self, GroupBy};

pub fn run(
    selection: &Selection,
    by: ByArg,
    output: &Output<Format>,
    out: &mut impl Write,
) -> Result<u8> {
    let by = match by {
        ByArg::Faction => GroupBy::Faction,
        ByArg::Region => GroupBy::Region,
        ByArg::Endorser => GroupBy::Endorser,
        ByArg::Kind => GroupBy::Kind,
        ByArg::Party => GroupBy::Party,
        ByArg::Month => GroupBy::Month,
        ByArg::Change => GroupBy::Change,
        ByArg::Swing => GroupBy::Swing,
    };
    // The rows hold a contest loaded from several sources once.
    let (index, rows) = (&selection.index, &selection.rows[..]);
    let report = StatsReport {
        dataset: &selection.loaded.dataset,
        query: &selection.query,
        rows,
        index,
        totals: stats::totals(index, rows),
        groups: stats::group_by(&selection.loaded.dataset, index, rows, by),
        seat_totals: (by == GroupBy::Party).then(|| stats::seat_totals(index, rows)),
        all: index.rows_total(),
        election: stats::one_general_election(&selection.loaded.dataset, rows),
    };
    match output.format {
        Format::Text => report::text::stats(out, &report, &output.style)?,
        Format::Json => report::json::stats(out, &report)?,
        Format::Csv => report::csv::stats(out, &report, output.csv)?,
        Format::Markdown => report::markdown::stats(out, &report)?,
    }
    Ok(0)
}
