//! `hustings list`: the contests matching the filters, in the query's order, each seat with
//! its change since the seat's previous contest.

use std::io::Write;

use anyhow::Result;

use super::Selection;
use crate::cli::Output;
use crate::cli::args::Format;
use crate::report::{self, Listing};

pub fn run(selection: &Selection, output: &Output<Format>, out: &mut impl Write) -> Result<u8> {
    let dataset = &selection.loaded.dataset;
    let listing = Listing {
        dataset,
        warnings: &selection.loaded.warnings,
        query: &selection.query,
        rows: &selection.rows,
        changes: Some(selection.loaded.changes()),
        all: selection.index.rows_total(),
    };
    let for_people = listing.for_people();
    match output.format {
        Format::Text => report::text::list(out, &for_people, &output.style)?,
        Format::Json => report::json::list(out, &listing)?,
        Format::Csv => report::csv::list(out, &listing, output.csv)?,
        Format::Markdown => report::markdown::list(out, &for_people)?,
    }
    Ok(0)
}
