//! Turning a document that failed to parse into one precise line: JSON path, line:column of
//! the offending value, and a message a person can act on. Runs only after a failure, so it
//! may parse the document again and scan it freely.

use serde::Deserialize;

use crate::load::error::LoadError;
use crate::load::suggest;
use crate::load::validate::{self, Violation};
use crate::model::json_path::{self, JsonPath, Segment};
use crate::model::require_object;
use crate::model::text::one_line;
use crate::model::{Dataset, SCHEMA_VERSION};

/// Describes the first problem in `bytes`, a document serde has just rejected with `first_error`.
pub fn parse_failure(file: &str, bytes: &[u8], first_error: &serde_json::Error) -> LoadError {
    // A document that is not an object fails at the top, where the first error already is:
    // no need to parse it again (it may be a 200 MB string).
    let first = json_path::offset_of(bytes, &JsonPath::root());
    if bytes.get(first) != Some(&b'{') {
        return from_serde(file, bytes, JsonPath::root(), first_error);
    }
    // An unknown version explains every later mismatch, so it is reported first.
    #[derive(Deserialize)]
    struct VersionProbe {
        schema_version: Option<u32>,
    }
    if let Ok(VersionProbe {
        schema_version: Some(v),
    }) = serde_json::from_slice(bytes)
        && v != SCHEMA_VERSION
    {
        return violation(file, bytes, validate::unsupported_version(v));
    }
    let mut de = serde_json::Deserializer::from_slice(bytes);
    let mut track = serde_path_to_error::Track::new();
    let tracked = serde_path_to_error::Deserializer::new(&mut de, &mut track);
    let (path, err) = match require_object::object::<_, Dataset>(tracked) {
        // Trailing garbage after a complete document is only seen by `end`.
        Ok(_) => match de.end() {
            Err(trailing) => (JsonPath::root(), trailing),
            Ok(()) => (JsonPath::root(), clone_error(first_error)),
        },
        Err(e) => (json_path(&track.path()), e),
    };
    from_serde(file, bytes, path, &err)
}

/// An error for a rule broken at a path of a parsed document.
pub fn violation(file: &str, bytes: &[u8], Violation { path, message }: Violation) -> LoadError {
    let (line, column) = json_path::locate(bytes, &path);
    LoadError::Invalid {
        file: one_line(file),
        line,
        column,
        path: one_line(&path.to_string()),
        message: one_line(&message),
    }
}

/// serde_json errors cannot be cloned; an equivalent one is rebuilt from its text.
fn clone_error(err: &serde_json::Error) -> serde_json::Error {
    serde::de::Error::custom(err.to_string())
}

fn json_path(path: &serde_path_to_error::Path) -> JsonPath {
    JsonPath(
        path.iter()
            .filter_map(|seg| match seg {
                serde_path_to_error::Segment::Seq { index } => Some(Segment::Index(*index)),
                serde_path_to_error::Segment::Map { key } => Some(Segment::Key(key.clone())),
                serde_path_to_error::Segment::Enum { variant } => {
                    Some(Segment::Key(variant.clone()))
                }
                serde_path_to_error::Segment::Unknown => None,
            })
            .collect(),
    )
}

fn from_serde(file: &str, bytes: &[u8], mut path: JsonPath, err: &serde_json::Error) -> LoadError {
    let text = err.to_string();
    let mut message = match text.rfind(" at line ") {
        Some(at) if err.line() > 0 => &text[..at],
        _ => text.as_str(),
    };
    // Every name in the format (`"status": "decided"`) is a plain string; serde also tries
    // `{"decided": ...}` and then complains about the inner value in Rust's words.
    if message.ends_with(", expected unit") && !path.0.is_empty() {
        path.0.pop();
        message = "invalid type: object, expected a string";
    }
    let serde_offset =
        (err.line() > 0).then(|| offset_of_line_column(bytes, err.line(), err.column()));
    // Any byte that is not UTF-8 makes serde fail at or after it; say so plainly.
    if let Err(bad) = std::str::from_utf8(bytes)
        && serde_offset.is_none_or(|at| bad.valid_up_to() <= at)
    {
        let at = bad.valid_up_to();
        let (line, column) = json_path::line_column(bytes, at);
        return LoadError::Invalid {
            file: one_line(file),
            line,
            column,
            path: one_line(&path.to_string()),
            message: format!(
                "the file is not valid UTF-8 text (byte 0x{:02X}); save it as UTF-8",
                bytes[at]
            ),
        };
    }
    let value_at = json_path::offset_of(bytes, &path);
    let mut kind = err.classify();
    // Shortened first, so a huge value in the message is copied no further.
    let mut reworded = without_struct_names(&one_line(message));
    if kind == serde_json::error::Category::Data
        && let Some(suggestion) = field_suggestion(&reworded)
    {
        reworded = suggestion;
    }
    // serde_json says "expected value" when a name (`"status": "decided"`) is given as a
    // number, boolean, null or list: a wrong type, not broken JSON.
    if message == "expected value"
        && !path.0.is_empty()
        && let Some(found) = bytes.get(value_at).and_then(|&b| json_type(b))
    {
        reworded = format!("invalid type: {found}, expected a string");
        kind = serde_json::error::Category::Data;
    }
    // Text that does not even start like JSON (a CSV file, an HTML page) gets no parser jargon.
    if kind == serde_json::error::Category::Syntax
        && path.0.is_empty()
        && !bytes.get(value_at).is_some_and(|b| b"{[\"".contains(b))
    {
        reworded = crate::import::formats::describe(&crate::import::Content::new(bytes))
            .unwrap_or_else(not_a_format_message);
        kind = serde_json::error::Category::Data;
    }
    let offset = match kind {
        // A wrong value: point at where it starts, not where serde stopped reading it.
        serde_json::error::Category::Data if message.starts_with("unknown field") => {
            json_path::key_offset(bytes, &path).or(serde_offset)
        }
        // serde stops just after the repeated key: point at that key.
        serde_json::error::Category::Data if message.starts_with("duplicate field") => {
            serde_offset.map(|at| repeated_key(bytes, message, at).unwrap_or(at))
        }
        serde_json::error::Category::Data => Some(value_at),
        _ => serde_offset,
    };
    // Without a position from serde, the value at the path is the best place to point.
    let offset = offset.unwrap_or_else(|| json_path::offset_of(bytes, &path));
    let (line, column) = json_path::line_column(bytes, offset);
    for (from, to) in REWORDINGS {
        if reworded.contains(from) {
            reworded = reworded.replace(from, to);
        }
    }
    let mut owned = reworded;
    if err.classify() == serde_json::error::Category::Eof {
        owned.push_str(" (the file ends too early)");
    }
    LoadError::Invalid {
        file: one_line(file),
        line,
        column,
        path: one_line(&path.to_string()),
        message: owned,
    }
}

/// For text that is no format hustings reads: what a dataset file is, and every format's
/// name from the import layer's table, since the file may be meant as one of them.
fn not_a_format_message() -> String {
    format!(
        "this is not JSON: a dataset file is a JSON object, starting with `{{`; the formats hustings reads are {} (hustings import --help)",
        crate::import::formats::names()
    )
}

/// "unknown field `vote`, expected one of `name`, `votes`, ..." becomes "unknown field `vote`;
/// did you mean `votes`?" when one expected field is close enough to be the one meant.
fn field_suggestion(message: &str) -> Option<String> {
    let rest = message.strip_prefix("unknown field `")?;
    let (name, expected) = rest.split_once('`')?;
    let fields = expected.split('`').skip(1).step_by(2);
    let best = suggest::closest(name, fields).into_iter().next()?;
    Some(format!("unknown field `{name}`; did you mean `{best}`?"))
}

/// The JSON type of a value starting with byte `b`, for a value that is not a string.
fn json_type(b: u8) -> Option<&'static str> {
    match b {
        b't' | b'f' => Some("boolean"),
        b'n' => Some("null"),
        b'-' | b'0'..=b'9' => Some("number"),
        b'[' => Some("list"),
        b'{' => Some("object"),
        _ => None,
    }
}

/// Where the key named in "duplicate field `votes`" starts, searching back from `end`.
fn repeated_key(bytes: &[u8], message: &str, end: usize) -> Option<usize> {
    let name = message.split('`').nth(1)?;
    let quoted = format!("\"{name}\"");
    let window = &bytes[..(end + 1).min(bytes.len())];
    window
        .windows(quoted.len())
        .rposition(|w| w == quoted.as_bytes())
}

/// serde's words for Rust types, in the words of the data format.
const REWORDINGS: [(&str, &str); 4] = [
    ("expected u32", "expected a whole number (0 or more)"),
    ("expected a sequence", "expected a list (JSON array)"),
    (
        "trailing characters",
        "unexpected text after the end of the JSON document",
    ),
    ("expected value", "expected a JSON value"),
];

/// The byte offset serde's 1-based line and column stand for. serde reports column 0 just
/// after a line break; that is the line break itself, at the end of the previous line.
fn offset_of_line_column(bytes: &[u8], line: usize, column: usize) -> usize {
    let line_start = if line <= 1 {
        0
    } else {
        bytes
            .iter()
            .enumerate()
            .filter(|&(_, &b)| b == b'\n')
            .nth(line - 2)
            .map_or(bytes.len(), |(i, _)| i + 1)
    };
    if column == 0 {
        line_start.saturating_sub(1)
    } else {
        (line_start + column - 1).min(bytes.len())
    }
}

/// serde names the Rust type it wanted (`expected struct Ballots`); the JSON path already
/// says which record it is, so only the JSON type is kept.
fn without_struct_names(message: &str) -> String {
    const MARK: &str = "expected struct ";
    let Some(at) = message.find(MARK) else {
        return message.to_string();
    };
    let after = &message[at + MARK.len()..];
    let name_len = after
        .find(|c: char| !c.is_ascii_alphanumeric())
        .unwrap_or(after.len());
    format!(
        "{}expected a JSON object{}",
        &message[..at],
        &after[name_len..]
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::text::{MAX_MESSAGE, MAX_QUOTED};

    #[test]
    fn one_line_escapes_and_shortens() {
        // One line, and the one rule for text from a file: shown, never obeyed.
        assert_eq!(
            one_line("unknown region \"a\nb\u{1b}[2J\r\""),
            "unknown region \"a b␛[2J␍\""
        );
        let long = format!("invalid type: string \"{}\", expected x", "y".repeat(500));
        let short = one_line(&long);
        assert!(short.ends_with("…\", expected x"), "{short}");
        assert!(short.chars().count() < 100);
        assert!(one_line(&"z".repeat(10_000)).chars().count() <= MAX_MESSAGE + 1);
        // The length is kept in bytes: stand-ins and other non-ASCII text count in full.
        assert!(one_line(&"\u{7f}".repeat(10_000)).len() <= MAX_MESSAGE + 3 + 3);
        assert!(one_line(&"🗳".repeat(10_000)).len() <= MAX_MESSAGE + 4 + 3);
        let unclosed = format!("x \"{}", "y".repeat(500));
        assert_eq!(one_line(&unclosed).chars().count(), 3 + MAX_QUOTED + 1);
    }

    #[test]
    fn unknown_fields_suggest_the_closest_known_one() {
        let serde = "unknown field `vote`, expected one of `name`, `votes`, `elected`";
        assert_eq!(
            field_suggestion(serde).as_deref(),
            Some("unknown field `vote`; did you mean `votes`?")
        );
        let far = "unknown field `zzz`, expected one of `name`, `votes`";
        assert_eq!(field_suggestion(far), None);
        assert_eq!(field_suggestion("unknown variant `x`"), None);
    }

    #[test]
    fn struct_names_become_json_objects() {
        assert_eq!(
            without_struct_names("invalid type: sequence, expected struct StatedShare"),
            "invalid type: sequence, expected a JSON object"
        );
        assert_eq!(without_struct_names("no struct here"), "no struct here");
    }

    #[test]
    fn column_zero_is_the_end_of_the_previous_line() {
        let doc = b"ab\ncd\n";
        assert_eq!(offset_of_line_column(doc, 2, 0), 2);
        assert_eq!(offset_of_line_column(doc, 2, 1), 3);
        assert_eq!(offset_of_line_column(doc, 1, 1), 0);
    }
}
