//! `hustings list`: the contests matching the filters, in the query's order.

use std::io::Write;

use anyhow::Result;

use super::Selection;
use crate::cli::args::Format;
use crate::report::csv::TextCells;
use crate::report::style::TextStyle;
use crate::report::{self, Listing};

pub fn run(
    selection: &Selection,
    format: Format,
    style: &TextStyle,
    csv: TextCells,
    out: &mut impl Write,
) -> Result<u8> {
    let listing = Listing {
        dataset: &selection.loaded.dataset,
        warnings: &selection.loaded.warnings,
        query: &selection.query,
        rows: &selection.rows,
        changes: None,
    };
    match format {
        Format::Text => report::text::list(out, &listing, style)?,
        Format::Json => report::json::list(out, &listing)?,
        Format::Csv => report::csv::list(out, &listing, csv)?,
        Format::Markdown => report::markdown::list(out, &listing)?,
    }
    Ok(0)
}
