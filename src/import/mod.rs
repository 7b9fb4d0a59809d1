//! Other formats → hustings datasets, one module per format: count files (`rcv_json`),
//! Clarity election-night XML (`clarity`), NIST SP 1500-100 election results in JSON or XML
//! (`nist`), results CSVs (`results_csv`) and the House of Commons Library's results (`hoc`).
//! `read_other` recognises each by content; `read_as` reads a file as the one format named.
//!
//! Every reader gives a [`Read`] (the dataset, the format read and notes on what was ignored,
//! mapped or summed) or one [`ImportError`] naming the file and the place in it.

pub mod clarity;
mod common;
pub mod hoc;
pub mod nist;
pub mod rcv_json;
pub mod results_csv;

use crate::model::Dataset;

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
    if hoc::layouts::recognise_candidates(bytes) {
        return Some(hoc::read_candidates_alone(file, bytes));
    }
    if hoc::history::recognise(&bytes[start..]) {
        return Some(hoc::history::read(file, &bytes[start..]));
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
        Reader::HocCandidates if !hoc::layouts::recognise_candidates(body) => Err(not(
            "a House of Commons Library candidate CSV",
            "its first line is not the header of the GE2017 or GE2019 candidate layout".into(),
        )),
        Reader::HocCandidates => hoc::read_candidates_alone(file, body),
        Reader::HocHistory if !hoc::history::recognise(&body[start..]) => Err(not(
            "the House of Commons Library's party-level results (TSV)",
            "its first line is not the header location, date, party, votes".into(),
        )),
        Reader::HocHistory => hoc::history::read(file, &body[start..]),
    }
}
