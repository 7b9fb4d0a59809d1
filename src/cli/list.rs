//! `hustings list`: the contests matching the filters, in the query's order.

use std::io::Write;

use anyhow::Result;

use super::Selection;
use crate::cli::Output;
use crate::cli::args::Format;
use crate::report::{self, Listing};

pub fn run(selection: &Selection, output: &Output<Format>, out: &mut impl Write) -> Result<u8> {
    let listing = Listing {
        dataset: &selection.loaded.dataset,
        warnings: &selection.loaded.warnings,
        query: &selection.query,
        rows: &selection.rows,
        changes: None,
    };
    match output.format {
        Format::Text => report::text::list(out, &listing, &output.style)?,
        Format::Json => report::json::list(out, &listing)?,
        Format::Csv => report::csv::list(out, &listing, output.csv)?,
        Format::Markdown => report::markdown::list(out, &listing)?,
    }
    Ok(0)
}
