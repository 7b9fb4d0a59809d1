//! Other formats → hustings datasets, one module per format: count files (`rcv_json`),
//! Clarity election-night XML (`clarity`), NIST SP 1500-100 election results in JSON or XML
//! (`nist`), results CSVs (`results_csv`) and the House of Commons Library's results (`hoc`).
//! `formats` is their table (names, descriptions, recognisers, readers): `read_other`
//! recognises a file's format by content through it, `read_as` reads a file as the one format
//! named.
//!
//! Every reader gives a [`Read`] (the dataset, the format read and notes on what was ignored,
//! mapped or summed) or one [`ImportError`] naming the file and the place in it.

pub mod clarity;
mod common;
pub mod formats;
pub mod hoc;
pub mod nist;
pub mod rcv_json;
pub mod results_csv;

use crate::model::Dataset;

pub use formats::{Content, Format};

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
    let content = Content::new(bytes);
    formats::recognise(&content)?.read(file, &content)
}

/// Reads `bytes` as `format`, whatever they look like: content that is not of that format is
/// an error saying so. `None` for the hustings format, which the caller reads (`load`).
pub fn read_as(format: &Format, file: &str, bytes: &[u8]) -> Option<Result<Read, ImportError>> {
    format.read(file, &Content::new(bytes))
}
