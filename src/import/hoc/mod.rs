//! The House of Commons Library's general-election results: the candidate-level CSVs
//! (`candidates`: one candidate per row, in the GE2017 or GE2019 layout, optionally joined
//! with the constituency-level file for ballot totals) and the party-level results of every
//! election since 1997 (`history`).
//!
//! The importer reports, it does not repair: figures that disagree are imported as the files
//! give them, and every disagreement becomes a `Problem` in the report (and a note on the
//! contest), beside the integrity warnings that loading the result will show anyway.
//!
//! Decisions, so that nothing is guessed silently:
//! - One `general-election` contest per seat, grouped and joined on the ONS id, never the name.
//!   Its id is `ge{year}-{ons id in lower case}` (e.g. `ge2019-e14000969`).
//! - The election date is the polling day of the release whose layout the header matches
//!   (GE2017: 2017-06-08, GE2019: 2019-12-12) unless `date` is given; the report says which.
//! - The winner is the candidate with most votes whatever the row order; on a tie for first
//!   nobody is marked elected and the tie is reported.
//! - Shares are not stored: they are computed from the exact votes. The file's `share` column
//!   is only checked against votes ÷ the seat's total; a difference is reported.
//! - Names are trimmed and inner runs of spaces collapsed; non-ASCII letters are kept; the
//!   report counts the cells cleaned.
//!
//! One job per file: `layouts` (the files' column sets, recognised from the header), `table`
//! (a CSV read whole, cells cleaned), `build` (rows → contests and the report), `parties` and
//! `regions` (the catalogues), `problem` (what did not add up), `history` (the party-level
//! TSV).

mod build;
pub mod history;
pub mod layouts;
pub mod parties;
mod problem;
pub mod regions;
mod table;

use std::path::{Path, PathBuf};

use crate::import::{ImportError, Read};
use crate::model::Dataset;
use crate::model::date::PartialDate;

pub use problem::Problem;
pub use regions::Unification;

/// A Library candidate-level file on its own (opened by content or forced): imported without the
/// constituency file, what the import reported becoming the notes.
pub(crate) fn read_candidates_alone(file: &str, bytes: &[u8]) -> Result<Read, ImportError> {
    let options = Options {
        candidates: PathBuf::from(file),
        ..Options::default()
    };
    let imported = candidates_from_bytes(&options, bytes, b"")?;
    let r = &imported.report;
    let mut notes = vec![format!(
        "{} layout, {} candidate rows; election date {} (polling day of that release)",
        r.layout, r.rows, r.date
    )];
    for u in &r.unified {
        notes.push(format!(
            "region \"{}\" unified with \"{}\" (id {})",
            u.spelled, u.name, u.id
        ));
    }
    let cleaned: Vec<String> = r
        .cleaned
        .iter()
        .map(|c| format!("{} {}", c.column, c.cells))
        .collect();
    if !cleaned.is_empty() {
        notes.push(format!(
            "stray spaces removed (cells per column): {}",
            cleaned.join(", ")
        ));
    }
    notes.extend(r.problems.iter().map(std::string::ToString::to_string));
    notes.push(
        "ballot totals, majorities and results need the constituency file: hustings import hoc-candidates FILE --constituencies FILE"
            .into(),
    );
    Ok(Read {
        dataset: imported.dataset,
        format: if r.layout.starts_with("GE2017") {
            "House of Commons Library candidate CSV (GE2017 layout)"
        } else {
            "House of Commons Library candidate CSV (GE2019 layout)"
        },
        notes,
    })
}

/// What to import and how.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// The candidate-level CSV.
    pub candidates: PathBuf,
    /// The constituency-level CSV to join for ballot totals, majority and result.
    pub constituencies: Option<PathBuf>,
    /// The dataset's title (default: "UK general election, <date> (House of Commons Library)").
    pub title: Option<String>,
    /// The polling day, overriding the one implied by the file's layout.
    pub date: Option<PartialDate>,
}

/// An imported dataset and what happened on the way.
#[derive(Debug, Clone)]
pub struct Imported {
    pub dataset: Dataset,
    pub report: Report,
}

/// What the import read, decided and found.
#[derive(Debug, Clone)]
pub struct Report {
    /// The candidate file as named on the command line.
    pub candidates_file: String,
    /// The layout recognised, e.g. `GE2019 candidate`.
    pub layout: &'static str,
    /// Candidate rows read.
    pub rows: usize,
    pub date: PartialDate,
    /// True when the date was implied by the layout rather than given.
    pub date_from_layout: bool,
    pub join: Option<Join>,
    /// Region spellings taken as another name of a region (`East` → `East of England`).
    pub unified: Vec<Unification>,
    /// Cells whose stray whitespace was removed, per file and column.
    pub cleaned: Vec<Cleaned>,
    /// Rows whose `share` was checked against votes ÷ the seat's total.
    pub shares_checked: usize,
    /// Every disagreement found, in seat order.
    pub problems: Vec<Problem>,
}

/// The constituency file joined to the candidates.
#[derive(Debug, Clone, PartialEq)]
pub struct Join {
    pub file: String,
    pub rows: usize,
    /// Seats found in both files.
    pub matched: usize,
}

/// How many cells of one column had stray whitespace removed.
#[derive(Debug, Clone, PartialEq)]
pub struct Cleaned {
    pub file: String,
    pub column: String,
    pub cells: usize,
}

/// Imports a Library candidate-level file (GE2017 or GE2019 layout), joined with a
/// constituency-level file when one is given.
pub fn candidates(options: &Options) -> Result<Imported, ImportError> {
    let candidates = table::Table::read(&options.candidates)?;
    import(options, candidates, table::Table::read)
}

/// [`candidates`] on files already in memory: `candidates` is the candidate file's
/// contents and `constituencies` the constituency file's, joined only when
/// `options.constituencies` is set. Nothing is opened: the paths in `options` only name the
/// files in messages and in the dataset's sources. (The fuzz target reads through this.)
pub fn candidates_from_bytes(
    options: &Options,
    candidates: &[u8],
    constituencies: &[u8],
) -> Result<Imported, ImportError> {
    let name = |path: &Path| path.display().to_string();
    let candidates = table::Table::parse(&name(&options.candidates), candidates)?;
    import(options, candidates, |path| {
        table::Table::parse(&name(path), constituencies)
    })
}

/// The import once the candidate file is read; `read_seats` reads the constituency file (only
/// called when one is given, after the candidate rows are found good).
fn import(
    options: &Options,
    candidates: table::Table,
    read_seats: impl FnOnce(&Path) -> Result<table::Table, ImportError>,
) -> Result<Imported, ImportError> {
    let columns = layouts::detect(&candidates, &layouts::CANDIDATE_LAYOUTS)?;
    let rows = layouts::candidate_rows(&candidates, &columns)?;
    if rows.is_empty() {
        return Err(ImportError::File {
            file: candidates.file,
            message: "no candidate rows after the header".into(),
        });
    }
    let seats = match &options.constituencies {
        Some(path) => {
            let seats = read_seats(path)?;
            let seat_columns = layouts::detect(&seats, &[&layouts::CONSTITUENCIES])?;
            let seat_rows = layouts::seat_rows(&seats, &seat_columns)?;
            Some(build::SeatInput {
                cleaned: cleaned(&seats, &seat_columns),
                file: seats.file,
                source_name: file_name(path),
                rows: seat_rows,
            })
        }
        None => None,
    };
    Ok(build::assemble(build::Input {
        options,
        cleaned: cleaned(&candidates, &columns),
        file: candidates.file.clone(),
        source_name: file_name(&options.candidates),
        layout: columns.layout,
        rows,
        seats,
    }))
}

/// The columns a layout reads that had cells cleaned.
fn cleaned(table: &table::Table, columns: &layouts::Columns) -> Vec<Cleaned> {
    columns
        .indices()
        .filter(|&i| table.cleaned[i] > 0)
        .map(|i| Cleaned {
            file: table.file.clone(),
            column: table.header[i].clone(),
            cells: table.cleaned[i],
        })
        .collect()
}

/// The file's own name, without its directory: a dataset must not carry a machine's paths.
fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}
