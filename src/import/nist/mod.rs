//! NIST SP 1500-100 version 2, the Election Results Common Data Format, in either of its
//! syntaxes: JSON (`{"@type": "ElectionResults.ElectionReport", ...}`) and XML (root element
//! `ElectionReport`, as US states and Google's civic-information feeds publish it).
//!
//! One job per file:
//! - `schema`: the classes and property types of the published schema, which both readers
//!   check every value against as they read;
//! - `json`, `xml`: the two syntaxes → events (an object opens, has a class and an id, a
//!   property holds a value, it closes), streamed: neither builds a tree of the document;
//! - `build`: events → one intermediate (`report`), keeping what hustings uses and checking
//!   that every id referred to names an object of the right class;
//! - `sum`: which counts make a figure (the district's own, else its sub-units' summed);
//! - `count`: a contest's votes and the rounds of a preferential count, from its counts;
//! - `mapping`: the intermediate → hustings contests (docs/FORMATS.md, field by field).

mod build;
mod count;
mod json;
mod mapping;
mod report;
pub mod schema;
mod sum;
mod xml;

use crate::import::{Content, ImportError, Read};

pub const FORMAT_JSON: &str = "NIST SP 1500-100 v2 election results report (JSON)";
pub const FORMAT_XML: &str = "NIST SP 1500-100 v2 election results report (XML)";

/// Whether `bytes` (from its first non-blank byte) are a NIST JSON report: an object whose
/// first 64 KB hold an `"@type": "ElectionResults.…"` (keys come in any order, so the
/// report's own `@type` may come after its elections; every object of the format has one).
pub fn recognise_json(bytes: &[u8]) -> bool {
    if bytes.first() != Some(&b'{') {
        return false;
    }
    let head = &bytes[..bytes.len().min(1 << 16)];
    let key = b"\"@type\"";
    memchr::memmem::find_iter(head, key).any(|at| {
        let rest = &head[at + key.len()..];
        let rest = skip_blank(rest);
        let Some(rest) = rest.strip_prefix(b":") else {
            return false;
        };
        skip_blank(rest).starts_with(b"\"ElectionResults.")
    })
}

fn skip_blank(bytes: &[u8]) -> &[u8] {
    let n = bytes.iter().take_while(|b| b.is_ascii_whitespace()).count();
    &bytes[n..]
}

/// Whether `bytes` are an XML document whose root element is `ElectionReport`.
pub fn recognise_xml(bytes: &[u8]) -> bool {
    xml::root_name(bytes).as_deref() == Some("ElectionReport")
}

/// Reads a NIST JSON report.
pub fn read_json(file: &str, bytes: &[u8]) -> Result<Read, ImportError> {
    let report = json::read(file, bytes)?;
    Ok(mapping::map(file, report, FORMAT_JSON))
}

/// Reads a NIST XML report.
pub fn read_xml(file: &str, bytes: &[u8]) -> Result<Read, ImportError> {
    let report = xml::read(file, bytes)?;
    Ok(mapping::map(file, report, FORMAT_XML))
}

/// Reads a NIST report in whichever syntax it is written (as `--format nist` asks): JSON
/// from a `{`, XML from a `<`; anything else is not one.
pub fn read(file: &str, content: &Content) -> Result<Read, ImportError> {
    if content.starts_with(b'{') {
        read_json(file, content.body)
    } else if content.starts_with(b'<') {
        read_xml(file, content.body)
    } else {
        Err(ImportError::File {
            file: crate::model::text::one_line(file),
            message:
                "not a NIST SP 1500-100 election report: expected a JSON object or an XML document"
                    .into(),
        })
    }
}
