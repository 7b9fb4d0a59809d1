//! `hustings history ID`: every contest in the same constituency as contest ID, oldest first,
//! printed like `list` (the explorer's seat-history view shows the same contests).

use std::io::Write;

use anyhow::Result;

use super::Selection;
use crate::cli::Output;
use crate::cli::args::Format;
use crate::model::seat as seat_history;
use crate::report::{self, Listing};

pub fn run(
    selection: &Selection,
    id: &str,
    output: &Output<Format>,
    out: &mut impl Write,
) -> Result<u8> {
    let dataset = &selection.loaded.dataset;
    let anchor = super::find_contest(&selection.loaded, id, &format!("history {id}"))?;
    let rows = seat_history::seat_history(dataset, anchor, &selection.rows);
    let changes = selection.loaded.changes();
    let listing = Listing {
        dataset,
        warnings: &selection.loaded.warnings,
        query: &selection.query,
        rows: &rows,
        changes: Some(changes),
        all: selection.index.rows_total(),
    };
    match output.format {
        Format::Text => {
            let contest = &dataset.contests[anchor];
            match seat_history::constituency_name(contest) {
                Some(name) => writeln!(out, "{name}, oldest first\n")?,
                None => writeln!(out, "{} names no constituency\n", contest.id)?,
            }
            report::text::list(out, &listing, &output.style)?;
        }
        Format::Json => report::json::history(out, &listing)?,
        Format::Csv => report::csv::list(out, &listing, output.csv)?,
        Format::Markdown => report::markdown::list(out, &listing)?,
    }
    Ok(0)
}
