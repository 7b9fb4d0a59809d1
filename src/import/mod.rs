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
    let read = formats::recognise(&content)?.read(file, &content)?;
    Some(read.map(|r| without_byte_order_marks(r, content.body)))
}

/// Reads `bytes` as `format`, whatever they look like: content that is not of that format is
/// an error saying so. `None` for the hustings format, which the caller reads (`load`).
pub fn read_as(format: &Format, file: &str, bytes: &[u8]) -> Option<Result<Read, ImportError>> {
    let content = Content::new(bytes);
    let read = format.read(file, &content)?;
    Some(read.map(|r| without_byte_order_marks(r, content.body)))
}

/// A byte-order mark (U+FEFF) is no part of any text: ElectionBuddy starts a contest's name
/// with one (`"\ufeffTest basic transfer"`). Every string of the dataset loses it here, where
/// text from a file enters the model, so names and the rounds' references to them agree. Only
/// a body that holds one (raw, or escaped in JSON or XML) is walked.
fn without_byte_order_marks(read: Read, body: &[u8]) -> Read {
    let holds = |needle: &[u8]| memchr::memmem::find(body, needle).is_some();
    let marks: [&[u8]; 6] = [
        "\u{feff}".as_bytes(),
        b"\\ufeff",
        b"\\uFEFF",
        b"&#xfeff;",
        b"&#xFEFF;",
        b"&#65279;",
    ];
    if !marks.iter().any(|m| holds(m)) {
        return read;
    }
    let Ok(mut value) = serde_json::to_value(&read.dataset) else {
        return read;
    };
    strip_marks(&mut value);
    match serde_json::from_value(value) {
        Ok(dataset) => Read { dataset, ..read },
        Err(_) => read,
    }
}

fn strip_marks(value: &mut serde_json::Value) {
    use serde_json::Value;
    match value {
        Value::String(s) if s.contains('\u{feff}') => *s = s.replace('\u{feff}', ""),
        Value::Array(list) => list.iter_mut().for_each(strip_marks),
        Value::Object(map) => {
            let keys: Vec<String> = map
                .keys()
                .filter(|k| k.contains('\u{feff}'))
                .cloned()
                .collect();
            for k in keys {
                if let Some(v) = map.remove(&k) {
                    map.insert(k.replace('\u{feff}', ""), v);
                }
            }
            map.values_mut().for_each(strip_marks);
        }
        _ => {}
    }
}
