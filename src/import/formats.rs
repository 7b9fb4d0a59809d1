//! The formats hustings reads, in one table: each format's `--format` name, a one-line
//! description, how its content is recognised and its reader. Recognising a file
//! (`import::read_other`), forcing a reader (`import::read_as`), `--format`'s values and help,
//! and the message for a file of no format all come from [`FORMATS`]: a new format is one row
//! here and one reader in its module.

use std::cell::OnceCell;

use crate::import::{ImportError, Read, clarity, hoc, nist, rcv_json, results_csv};

/// A file's bytes as every recogniser and reader sees them, prepared once: a byte-order mark
/// dropped, and where the text starts after leading ASCII whitespace (which JSON, XML and the
/// CSV readers all skip; two copies of this step once disagreed on a form feed).
#[derive(Debug)]
pub struct Content<'a> {
    /// The bytes after any byte-order mark.
    pub body: &'a [u8],
    /// `body` from its first byte that is not ASCII whitespace; empty when there is none.
    pub text: &'a [u8],
    /// `body` parsed as JSON, once, for the formats whose recognition needs the document.
    json: OnceCell<Result<serde_json::Value, serde_json::Error>>,
}

impl<'a> Content<'a> {
    pub fn new(bytes: &'a [u8]) -> Content<'a> {
        let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        let start = body
            .iter()
            .position(|b| !b.is_ascii_whitespace())
            .unwrap_or(body.len());
        Content {
            body,
            text: &body[start..],
            json: OnceCell::new(),
        }
    }

    /// Whether the text starts with `byte` (`{` for JSON, `<` for XML).
    pub fn starts_with(&self, byte: u8) -> bool {
        self.text.first() == Some(&byte)
    }

    /// Whether the first 64 KB hold `needle`: a cheap look before parsing a whole document.
    fn head_has(&self, needle: &[u8]) -> bool {
        let head = &self.body[..self.body.len().min(1 << 16)];
        memchr::memmem::find(head, needle).is_some()
    }

    /// The body as a JSON document, parsed on first use.
    fn json(&self) -> Result<&serde_json::Value, &serde_json::Error> {
        self.json
            .get_or_init(|| serde_json::from_slice(self.body))
            .as_ref()
    }
}

/// Whether `head`, a file's first bytes, could begin a file of any format hustings reads: its
/// first character after a byte-order mark and whitespace is `{`, `<` or text of a CSV header,
/// never a control character (a sparse file's zeros) or a byte no UTF-8 character starts with.
/// What fails is refused from these bytes, without reading the rest.
pub fn could_begin_a_format(head: &[u8]) -> bool {
    Content::new(head)
        .text
        .first()
        .is_none_or(|&b| !(b.is_ascii_control() || (0x80..0xC2).contains(&b) || b >= 0xF5))
}

/// How a format is read.
#[derive(Debug, Clone, Copy)]
pub enum Reader {
    /// The hustings format itself, which `load` reads (it sits above this layer, so the
    /// caller does).
    Native,
    /// Reads content as this format, whether recognised or forced: content that is not of it
    /// is an error saying so.
    Other(fn(&str, &Content) -> Result<Read, ImportError>),
}

/// One format hustings reads.
#[derive(Debug)]
pub struct Format {
    /// Its `--format` name.
    pub name: &'static str,
    /// One line, for `--format`'s help.
    pub description: &'static str,
    /// Whether content is of this format, from its first bytes. Only the formats before it in
    /// [`FORMATS`] have been ruled out.
    pub recognise: fn(&Content) -> bool,
    pub reader: Reader,
}

/// Every format, in the order content is recognised: a format that could be mistaken for a
/// later one comes first (a count file is JSON that may mention a NIST `@type`; a Library
/// candidate CSV may have office, candidate and votes columns). The hustings format is last:
/// what no other format recognises is read as it.
pub static FORMATS: [Format; 7] = [
    Format {
        name: "count",
        description: "A count file: RCTab detailed report or Universal Tabulator JSON",
        // A count file names `config` and `results` near its top; the hustings format never.
        recognise: |c| {
            c.starts_with(b'{')
                && c.head_has(b"\"config\"")
                && c.head_has(b"\"results\"")
                && c.json().is_ok_and(rcv_json::recognise)
        },
        reader: Reader::Other(read_count),
    },
    Format {
        name: "nist",
        description: "NIST SP 1500-100 v2 election results, JSON or XML",
        recognise: |c| {
            (c.starts_with(b'{') && nist::recognise_json(c.text))
                || (c.starts_with(b'<') && nist::recognise_xml(c.text))
        },
        reader: Reader::Other(nist::read),
    },
    Format {
        name: "clarity",
        description: "Clarity / Scytl election-night results (detail.xml)",
        recognise: |c| c.starts_with(b'<') && clarity::recognise(c.text),
        reader: Reader::Other(read_clarity),
    },
    Format {
        name: "hoc-candidates",
        description: "A House of Commons Library candidate CSV (`import hoc-candidates` joins the constituency file)",
        // The whole body, as the candidate table is parsed: a blank first line is no header.
        recognise: |c| hoc::layouts::recognise_candidates(c.body),
        reader: Reader::Other(read_hoc_candidates),
    },
    Format {
        name: "hoc-history",
        description: "The House of Commons Library's party-level results, 1997–2019 (TSV)",
        recognise: |c| hoc::history::recognise(c.text),
        reader: Reader::Other(read_hoc_history),
    },
    Format {
        name: "csv",
        description: "A results CSV with a recognised header (OpenElections layout); `import csv` maps columns",
        recognise: |c| results_csv::recognise(c.text),
        reader: Reader::Other(|file, c| {
            results_csv::read(file, c.text, &results_csv::Mapping::default())
        }),
    },
    Format {
        name: "hustings",
        description: "A hustings dataset (JSON)",
        recognise: |_| false,
        reader: Reader::Native,
    },
];

impl Format {
    /// Reads `content` as this format; `None` for the hustings format, which the caller reads.
    pub fn read(&self, file: &str, content: &Content) -> Option<Result<Read, ImportError>> {
        match self.reader {
            Reader::Native => None,
            Reader::Other(read) => Some(read(file, content)),
        }
    }
}

/// The format called `name` (a `--format` value).
pub fn named(name: &str) -> Option<&'static Format> {
    FORMATS.iter().find(|f| f.name == name)
}

/// The first format that recognises `content`; `None` for blank content, whose reading is left
/// to the hustings format (it says the file is empty).
pub fn recognise(content: &Content) -> Option<&'static Format> {
    if content.text.is_empty() {
        return None;
    }
    FORMATS.iter().find(|f| (f.recognise)(content))
}

/// The `--format` names, `count, nist, …, csv and hustings`, for messages.
pub fn names() -> String {
    let names: Vec<&str> = FORMATS.iter().map(|f| f.name).collect();
    match names.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} and {last}", rest.join(", ")),
        _ => names.concat(),
    }
}

/// What content no format recognises is, in one line, when it is something hustings can
/// name: XML with another root, RCTab's or ElectionBuddy's CSV, a CSV whose header is not
/// recognised. `None` for anything else (the caller says what a dataset file is).
pub fn describe(content: &Content) -> Option<String> {
    let text = std::str::from_utf8(&content.text[..content.text.len().min(1 << 12)])
        .unwrap_or_else(|e| {
            std::str::from_utf8(&content.text[..e.valid_up_to()]).unwrap_or_default()
        });
    if content.starts_with(b'<') {
        return Some(match xml_root(text) {
            Some(root) => format!(
                "an XML file with root element `<{root}>`: not a format hustings reads (it reads NIST and Clarity XML)"
            ),
            None => {
                "an XML or HTML file: not a format hustings reads (it reads NIST and Clarity XML)"
                    .to_string()
            }
        });
    }
    if text.contains('\r') && !text.contains('\n') {
        return Some(
            "a text file whose lines end in a carriage return alone (old Mac line endings): convert them to LF or CRLF"
                .to_string(),
        );
    }
    let lines: Vec<&str> = text.lines().map(str::trim).collect();
    let first = lines.first().copied().unwrap_or_default();
    if first.starts_with("Contest Information") && text.contains("Generated By,RCTab") {
        return Some(
            "an RCTab summary CSV: open the JSON report beside it (RCTab writes both; hustings reads the JSON)"
                .to_string(),
        );
    }
    let stars = lines
        .iter()
        .any(|l| l.len() > 2 && l.bytes().all(|b| b == b'*'));
    if stars && lines.iter().any(|l| l.starts_with("Candidate,Votes")) {
        return Some(
            "an ElectionBuddy results CSV: not a format hustings reads (rcvformats converts it to Universal Tabulator JSON, which hustings reads)"
                .to_string(),
        );
    }
    if first.contains(',') || first.contains('\t') {
        let header = crate::model::text::one_line(first);
        return Some(format!(
            "a CSV whose header `{header}` is not one hustings recognises: name its columns with `hustings import csv FILE --contest COL --candidate COL --votes COL` (hustings import csv --help)"
        ));
    }
    None
}

/// The name of the root element of XML text: the first element after any declaration,
/// processing instructions, comments and doctype.
fn xml_root(text: &str) -> Option<&str> {
    let mut rest = text;
    loop {
        rest = rest.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{feff}');
        if let Some(after) = rest.strip_prefix("<!--") {
            rest = &after[after.find("-->")? + 3..];
        } else if rest.starts_with("<?") || rest.starts_with("<!") {
            rest = &rest[rest.find('>')? + 1..];
        } else {
            let name = rest.strip_prefix('<')?;
            let end = name
                .find(|c: char| c.is_whitespace() || c == '>' || c == '/')
                .unwrap_or(name.len());
            return (end > 0).then(|| &name[..end]);
        }
    }
}

/// "not {what}: {why}", naming the file: content forced to a format it is not of.
fn not_of(file: &str, what: &str, why: &str) -> ImportError {
    ImportError::File {
        file: file.to_string(),
        message: format!("not {what}: {why}"),
    }
}

fn read_count(file: &str, content: &Content) -> Result<Read, ImportError> {
    const WHAT: &str = "a count file (RCTab / Universal Tabulator JSON)";
    let doc = content
        .json()
        .map_err(|e| not_of(file, WHAT, &format!("not JSON ({e})")))?;
    if !rcv_json::recognise(doc) {
        return Err(not_of(
            file,
            WHAT,
            "no `config` object and `results` list at the top level",
        ));
    }
    rcv_json::read(file, content.body, doc)
}

/// Anything from a `<` goes to the reader, whose errors say which element it found instead.
fn read_clarity(file: &str, content: &Content) -> Result<Read, ImportError> {
    if !content.starts_with(b'<') {
        return Err(not_of(
            file,
            "a Clarity election-night results file (XML)",
            "it does not start with an XML element",
        ));
    }
    clarity::read(file, content.body)
}

fn read_hoc_candidates(file: &str, content: &Content) -> Result<Read, ImportError> {
    if !hoc::layouts::recognise_candidates(content.body) {
        return Err(not_of(
            file,
            "a House of Commons Library candidate CSV",
            "its first line is not the header of the GE2017 or GE2019 candidate layout",
        ));
    }
    hoc::read_candidates_alone(file, content.body)
}

fn read_hoc_history(file: &str, content: &Content) -> Result<Read, ImportError> {
    if !hoc::history::recognise(content.text) {
        return Err(not_of(
            file,
            "the House of Commons Library's party-level results (TSV)",
            "its first line is not the header location, date, party, votes",
        ));
    }
    hoc::history::read(file, content.text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_starts_after_a_byte_order_mark_and_blanks() {
        let c = Content::new(b"\xEF\xBB\xBF \x0c\r\n<x/>");
        assert_eq!(c.body, b" \x0c\r\n<x/>");
        assert_eq!(c.text, b"<x/>");
        assert!(c.starts_with(b'<'));
        assert_eq!(Content::new(b" \n").text, b"");
        assert_eq!(
            recognise(&Content::new(b"\xEF\xBB\xBF\n\t")).map(|f| f.name),
            None
        );
    }

    #[test]
    fn names_are_unique_and_listed_in_order() {
        for f in &FORMATS {
            assert_eq!(named(f.name).map(|n| n.name), Some(f.name));
        }
        assert_eq!(named("xml").map(|f| f.name), None);
        assert_eq!(
            names(),
            "count, nist, clarity, hoc-candidates, hoc-history, csv and hustings"
        );
    }

    #[test]
    fn each_format_is_recognised_by_its_first_bytes() {
        for (bytes, name) in [
            (&br#"{"config": {}, "results": []}"#[..], "count"),
            (br#"{"@type": "ElectionResults.ElectionReport"}"#, "nist"),
            (b"<?xml version=\"1.0\"?>\n<ElectionReport/>", "nist"),
            (b"<ElectionResult></ElectionResult>", "clarity"),
            (
                b"ons_id,constituency_name,region_name,party_name,firstname,surname,sitting_mp,votes\n",
                "hoc-candidates",
            ),
            (b"location\tdate\tparty\tvotes\n", "hoc-history"),
            (b"office,candidate,votes\n", "csv"),
        ] {
            let found = recognise(&Content::new(bytes)).map(|f| f.name);
            assert_eq!(found, Some(name), "{}", String::from_utf8_lossy(bytes));
        }
        // A hustings dataset is what no other format recognises.
        assert_eq!(
            recognise(&Content::new(br#"{"schema_version": 1}"#)).map(|f| f.name),
            None
        );
    }

    #[test]
    fn a_count_file_that_mentions_a_nist_type_is_still_a_count_file() {
        let both = br#"{"config": {"@type": "ElectionResults.Contest"}, "results": []}"#;
        assert!(nist::recognise_json(both));
        assert_eq!(
            recognise(&Content::new(both)).map(|f| f.name),
            Some("count")
        );
    }
}
