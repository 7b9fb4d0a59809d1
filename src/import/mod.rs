//! Importing other formats into hustings datasets: count files (`rcv_json`), Clarity
//! election-night XML (`clarity`), NIST SP 1500-100 election results in JSON or XML (`nist`),
//! results CSVs (`results_csv`), and the House of Commons Library's general-election results
//! (`hoc-candidates`), one candidate per row, optionally joined with the Library's
//! constituency-level file for ballot totals. `read_other` recognises each by content;
//! `read_as` reads a file as the one format named.
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

mod build;
pub mod clarity;
mod common;
pub mod hoc;
pub mod hoc_history;
pub mod nist;
pub mod parties;
mod problem;
pub mod rcv_json;
pub mod regions;
pub mod results_csv;
mod table;

use std::path::{Path, PathBuf};

use crate::model::Dataset;
use crate::model::date::PartialDate;

pub use problem::Problem;
pub use regions::Unification;

/// Why an import failed: one line naming the file (and line and column when the problem is in a row).
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ImportError {
    #[error("{file}: {message}")]
    File { file: String, message: String },
    #[error("{file}:{line}: {message}")]
    Row {
        file: String,
        line: u64,
        message: String,
    },
    /// A problem at a place in a JSON or XML document.
    #[error("{file}:{line}:{column}: {path}: {message}")]
    At {
        file: String,
        line: usize,
        column: usize,
        path: String,
        message: String,
    },
}

/// A file of another format, read into a dataset, and what the reading noticed.
#[derive(Debug, Clone)]
pub struct Read {
    pub dataset: Dataset,
    /// The format recognised, for the summary (`count file (RCTab / Universal Tabulator JSON)`).
    pub format: &'static str,
    /// What was ignored, mapped or summed, one sentence each.
    pub notes: Vec<String>,
}

/// Reads `bytes` if they are a format hustings opens besides its own, recognised by content
/// (never by the file's name); `None` for anything else (the hustings format among it).
pub fn read_other(file: &str, bytes: &[u8]) -> Option<Result<Read, ImportError>> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let start = bytes.iter().position(|b| !b.is_ascii_whitespace())?;
    if bytes[start] == b'{' {
        // A count file names `config` and `results` near its top; the hustings format never.
        let head = &bytes[..bytes.len().min(1 << 16)];
        let has = |key: &[u8]| head.windows(key.len()).any(|w| w == key);
        if has(b"\"config\"") && has(b"\"results\"") {
            let doc: serde_json::Value = serde_json::from_slice(bytes).ok()?;
            if rcv_json::recognise(&doc) {
                return Some(rcv_json::read(file, bytes, &doc));
            }
        }
    }
    if bytes[start] == b'{' && nist::recognise_json(&bytes[start..]) {
        return Some(nist::read_json(file, bytes));
    }
    if bytes[start] == b'<' && clarity::recognise(&bytes[start..]) {
        return Some(clarity::read(file, bytes));
    }
    if bytes[start] == b'<' && nist::recognise_xml(&bytes[start..]) {
        return Some(nist::read_xml(file, bytes));
    }
    if hoc::recognise_candidates(bytes) {
        return Some(read_hoc(file, bytes));
    }
    if hoc_history::recognise(&bytes[start..]) {
        return Some(hoc_history::read(file, &bytes[start..]));
    }
    if results_csv::recognise(&bytes[start..]) {
        return Some(results_csv::read(
            file,
            &bytes[start..],
            &results_csv::Mapping::default(),
        ));
    }
    None
}

/// The readers `hustings import FILE --format NAME` can force, by name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reader {
    /// NIST SP 1500-100 v2 election results, JSON or XML.
    Nist,
    /// Clarity / Scytl election-night XML.
    Clarity,
    /// A count file: RCTab or Universal Tabulator JSON.
    Count,
    /// A results CSV whose header is recognised (the OpenElections layout and synonyms).
    Csv,
    /// A House of Commons Library candidate-level CSV.
    HocCandidates,
    /// The House of Commons Library's party-level results (TSV).
    HocHistory,
}

/// Reads `bytes` with the one reader named, whatever they look like: content that is not of
/// that format is an error saying so.
pub fn read_as(reader: Reader, file: &str, bytes: &[u8]) -> Result<Read, ImportError> {
    let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let start = body
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(body.len());
    let not = |what: &str, found: String| ImportError::File {
        file: file.to_string(),
        message: format!("not {what}: {found}"),
    };
    match reader {
        Reader::Nist => nist::read(file, bytes),
        Reader::Clarity if body.get(start) != Some(&b'<') => Err(not(
            "a Clarity election-night results file (XML)",
            "it does not start with an XML element".into(),
        )),
        Reader::Clarity => clarity::read(file, body),
        Reader::Count => {
            let doc: serde_json::Value = serde_json::from_slice(body).map_err(|e| {
                not(
                    "a count file (RCTab / Universal Tabulator JSON)",
                    format!("not JSON ({e})"),
                )
            })?;
            if !rcv_json::recognise(&doc) {
                return Err(not(
                    "a count file (RCTab / Universal Tabulator JSON)",
                    "no `config` object and `results` list at the top level".into(),
                ));
            }
            rcv_json::read(file, body, &doc)
        }
        Reader::Csv => results_csv::read(file, &body[start..], &results_csv::Mapping::default()),
        Reader::HocCandidates if !hoc::recognise_candidates(body) => Err(not(
            "a House of Commons Library candidate CSV",
            "its first line is not the header of the GE2017 or GE2019 candidate layout".into(),
        )),
        Reader::HocCandidates => read_hoc(file, body),
        Reader::HocHistory if !hoc_history::recognise(&body[start..]) => Err(not(
            "the House of Commons Library's party-level results (TSV)",
            "its first line is not the header location, date, party, votes".into(),
        )),
        Reader::HocHistory => hoc_history::read(file, &body[start..]),
    }
}

/// A Library candidate-level file opened by content (or forced): imported without the
/// constituency file, what the import reported becoming the notes.
fn read_hoc(file: &str, bytes: &[u8]) -> Result<Read, ImportError> {
    let options = Options {
        candidates: PathBuf::from(file),
        ..Options::default()
    };
    let imported = hoc_candidates_from_bytes(&options, bytes, b"")?;
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
    notes.extend(r.problems.iter().map(|p| p.to_string()));
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
pub fn hoc_candidates(options: &Options) -> Result<Imported, ImportError> {
    let candidates = table::Table::read(&options.candidates)?;
    import(options, candidates, table::Table::read)
}

/// [`hoc_candidates`] on files already in memory: `candidates` is the candidate file's
/// contents and `constituencies` the constituency file's, joined only when
/// `options.constituencies` is set. Nothing is opened: the paths in `options` only name the
/// files in messages and in the dataset's sources. (The fuzz target reads through this.)
pub fn hoc_candidates_from_bytes(
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
    let columns = hoc::detect(&candidates, &hoc::CANDIDATE_LAYOUTS)?;
    let rows = hoc::candidate_rows(&candidates, &columns)?;
    if rows.is_empty() {
        return Err(ImportError::File {
            file: candidates.file,
            message: "no candidate rows after the header".into(),
        });
    }
    let seats = match &options.constituencies {
        Some(path) => {
            let seats = read_seats(path)?;
            let seat_columns = hoc::detect(&seats, &[&hoc::CONSTITUENCIES])?;
            let seat_rows = hoc::seat_rows(&seats, &seat_columns)?;
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
fn cleaned(table: &table::Table, columns: &hoc::Columns) -> Vec<Cleaned> {
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
