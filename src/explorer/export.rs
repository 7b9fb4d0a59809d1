//! What the explorer exports, as bytes: the selected contest or the listed contests, as
//! Markdown or CSV — exactly what `hustings show ID --format markdown` and `hustings list
//! --format markdown|csv` print (without `--csv-raw`), from the same report code; from the
//! rounds view, the selected count's every round as `hustings show ID --format csv` prints it —
//! and the OSC 52 escape sequence that asks a terminal to put text on the clipboard.
//!
//! Exports are made off the UI thread (`Effect::Export`, answered by `Action::Exported`): a
//! million contests take seconds to write as CSV, and the explorer keeps answering meanwhile.

use std::borrow::Cow;
use std::fmt;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use base64::Engine;
use base64::engine::general_purpose::STANDARD;

use crate::atomic::{self, WriteError};
use crate::explorer::background_work::{Job, Worker};
use crate::explorer::data::Data;
use crate::model::{Contest, Dataset};
use crate::query::Query;
use crate::report::csv::TextCells;
use crate::report::safe::Replaced;
use crate::report::{self, Detail, Listing};

/// What to export.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportTarget {
    /// The selected contest.
    Selected,
    /// Every contest listed, in the list's order.
    List,
}

/// The file formats an export can take.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportFormat {
    Markdown,
    Csv,
}

impl ExportFormat {
    /// The format a file name asks for by its extension (`.md`, `.markdown`, `.csv`, any case).
    pub fn for_path(path: &Path) -> Option<ExportFormat> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "md" | "markdown" => Some(ExportFormat::Markdown),
            "csv" => Some(ExportFormat::Csv),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            ExportFormat::Markdown => "Markdown",
            ExportFormat::Csv => "CSV",
        }
    }
}

/// The data an export is cut from: the explorer's listing and its selected contest.
#[derive(Debug, Clone, Copy)]
pub struct Source<'a> {
    pub listing: Listing<'a>,
    /// What cleaning the listing's data for people changed, as loaded (none when nothing
    /// did): CSV carries the exact strings.
    pub exact: Option<&'a Replaced>,
    /// The seats of the listing's data.
    pub changes: &'a crate::model::change::Changes,
    /// The selected contest, if any.
    pub selected: Option<usize>,
    /// Which contests are rows, and the other versions of each (for the selected's detail).
    pub versions: &'a crate::load::Versions,
    /// The rounds view is showing: the selected contest as CSV is its count, round by round.
    pub rounds: bool,
}

impl<'a> Source<'a> {
    /// What `rows` of `data` (listed for `query`) export, with `selected` the selected
    /// contest's index and `rounds` whether the rounds view is showing.
    pub fn of(
        data: &'a Data,
        query: &'a Query,
        rows: &'a [usize],
        selected: Option<usize>,
        rounds: bool,
    ) -> Source<'a> {
        Source {
            listing: Listing {
                dataset: data.dataset(),
                warnings: &data.loaded.warnings,
                query,
                rows,
                // The list's result and change, as `list` prints them.
                changes: Some(&data.changes),
                all: data.index.rows_total(),
            },
            exact: data.exact.as_ref(),
            changes: &data.changes,
            selected,
            versions: &data.loaded.versions,
            rounds,
        }
    }

    /// Contest `i` exactly as loaded.
    fn exact_contest(&self, i: usize) -> &'a Contest {
        match self.exact {
            Some(exact) => exact.contest(self.listing.dataset, i),
            None => &self.listing.dataset.contests[i],
        }
    }

    /// The data exactly as loaded: the listing's own when cleaning changed nothing, else made
    /// now (the explorer keeps only what cleaning changed).
    fn exact_dataset(&self) -> Cow<'a, Dataset> {
        match self.exact {
            Some(exact) => Cow::Owned(exact.dataset(self.listing.dataset)),
            None => Cow::Borrowed(self.listing.dataset),
        }
    }
}

/// Whether an export writes the selected contest's every round (`show --format csv`): a CSV
/// of the selected contest from the rounds view, when it has rounds. Otherwise a CSV of it is
/// its rows of the list, as anywhere else.
pub fn is_rounds_csv(source: &Source, target: ExportTarget, format: ExportFormat) -> bool {
    source.rounds
        && target == ExportTarget::Selected
        && format == ExportFormat::Csv
        && source
            .selected
            .is_some_and(|i| !source.exact_contest(i).rounds.is_empty())
}

/// Writes an export to `out` (an error when nothing is selected).
pub fn render_into(
    mut out: &mut dyn Write,
    source: &Source,
    target: ExportTarget,
    format: ExportFormat,
) -> io::Result<()> {
    let one;
    let rows = match target {
        ExportTarget::List => source.listing.rows,
        ExportTarget::Selected => {
            one = [(source.selected).ok_or_else(|| io::Error::other("no contest is selected"))?];
            &one[..]
        }
    };
    let listing = Listing {
        rows,
        ..source.listing
    };
    if is_rounds_csv(source, target, format) {
        // Formula-safe, as `show --format csv` is by default.
        return report::csv::rounds(
            &mut out,
            source.exact_contest(rows[0]),
            TextCells::FormulaSafe,
        );
    }
    match (target, format) {
        (ExportTarget::Selected, ExportFormat::Markdown) => {
            let detail = Detail {
                dataset: listing.dataset,
                warnings: listing.warnings,
                index: rows[0],
                contest: &listing.dataset.contests[rows[0]],
                versions: source.versions.of(rows[0]),
                changes: source.changes,
            };
            report::markdown::show(&mut out, &detail)
        }
        (_, ExportFormat::Markdown) => report::markdown::list(&mut out, &listing.for_people()),
        // Formula-safe, as `list --format csv` is by default: exports go to spreadsheets.
        (_, ExportFormat::Csv) => {
            let dataset = source.exact_dataset();
            let exact = Listing {
                dataset: &dataset,
                ..listing
            };
            report::csv::list(&mut out, &exact, TextCells::FormulaSafe)
        }
    }
}

/// A file name to offer: the contest's id, or `contests`, with the format's extension.
pub fn default_name(source: &Source, target: ExportTarget) -> String {
    match (target, source.selected) {
        (ExportTarget::Selected, Some(i)) => {
            format!("{}.md", source.listing.dataset.contests[i].id)
        }
        _ => "contests.md".to_string(),
    }
}

/// What is exported, for the status bar: the contest's title, or `12 contests`.
pub fn describe(source: &Source, target: ExportTarget) -> String {
    match (target, source.selected) {
        (ExportTarget::Selected, Some(i)) => source.listing.dataset.contests[i].title.to_string(),
        (ExportTarget::Selected, None) => "nothing".to_string(),
        (ExportTarget::List, _) => match source.listing.rows.len() {
            1 => "1 contest".to_string(),
            n => format!("{n} contests"),
        },
    }
}

/// The most Markdown a copy sends (8 MiB). Terminals drop far smaller copies (many cap them
/// near 100 kB); past this, the sequence would hold the terminal for seconds, over SSH for
/// minutes, to no end.
pub const CLIPBOARD_MOST: usize = 8 << 20;

/// The thread that makes exports.
pub type ExportWorker = Worker<Request>;

/// Where an export goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Destination {
    /// A file: the name as typed (for messages) and as resolved; an existing one is replaced
    /// only when `overwrite` (the reader said yes).
    File {
        typed: String,
        path: PathBuf,
        overwrite: bool,
    },
    /// The clipboard, as Markdown in an OSC 52 sequence.
    Clipboard,
}

/// An export to make: the listed rows and the selected contest as they stand when asked, so
/// what is written is what was on screen, whatever the reader does meanwhile. A file is
/// written as it is made (atomically), never held whole in memory: a million contests as CSV
/// are two gigabytes.
#[derive(Clone)]
pub struct Request {
    pub data: Arc<Data>,
    pub query: Query,
    pub rows: Arc<Vec<usize>>,
    pub selected: Option<usize>,
    /// The rounds view was showing.
    pub rounds: bool,
    pub target: ExportTarget,
    /// The file's format (a copy is always Markdown).
    pub format: ExportFormat,
    /// What is exported, for messages (`12 contests as CSV`).
    pub what: String,
    pub to: Destination,
}

/// How an export went (`Action::Exported`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Exported {
    /// The file is written, `bytes` long.
    Written {
        what: String,
        typed: String,
        bytes: u64,
    },
    /// The file exists (found before anything was made): the request, to make if the reader
    /// says to replace it.
    Exists(Box<Request>),
    /// The OSC 52 sequence to send, and the size of the Markdown in it.
    Copied {
        what: String,
        size: usize,
        osc52: String,
    },
    /// Why nothing was written or copied.
    Failed { to: Destination, message: String },
}

impl Request {
    fn source(&self) -> Source<'_> {
        Source::of(
            &self.data,
            &self.query,
            &self.rows,
            self.selected,
            self.rounds,
        )
    }

    /// The file's name as typed (empty for the clipboard).
    pub fn typed(&self) -> &str {
        match &self.to {
            Destination::File { typed, .. } => typed,
            Destination::Clipboard => "",
        }
    }

    /// The same export, replacing the file if it exists.
    #[must_use]
    pub fn replacing(mut self) -> Request {
        if let Destination::File { overwrite, .. } = &mut self.to {
            *overwrite = true;
        }
        self
    }
}

impl Job for Request {
    type Answer = Exported;
    const THREAD: &'static str = "hustings-export";

    fn work_out(&self) -> Exported {
        let source = self.source();
        let failed = |message: String| Exported::Failed {
            to: self.to.clone(),
            message,
        };
        match &self.to {
            Destination::File {
                typed,
                path,
                overwrite,
            } => {
                let made =
                    |out: &mut dyn Write| render_into(out, &source, self.target, self.format);
                match atomic::write_with(path, *overwrite, made) {
                    Ok(bytes) => Exported::Written {
                        what: self.what.clone(),
                        typed: typed.clone(),
                        bytes,
                    },
                    Err(WriteError::Exists(_)) => Exported::Exists(Box::new(self.clone())),
                    Err(e) => failed(e.to_string()),
                }
            }
            Destination::Clipboard => {
                let mut markdown = Capped(Vec::new());
                match render_into(&mut markdown, &source, self.target, ExportFormat::Markdown) {
                    Ok(()) => Exported::Copied {
                        what: self.what.clone(),
                        size: markdown.0.len(),
                        osc52: osc52(&String::from_utf8_lossy(&markdown.0)),
                    },
                    Err(e) => failed(e.to_string()),
                }
            }
        }
    }

    fn failed(&self) -> Exported {
        Exported::Failed {
            to: self.to.clone(),
            message: "making it failed (a bug: please report it)".into(),
        }
    }
}

/// A copy's Markdown, refused past [`CLIPBOARD_MOST`] (and not made further).
struct Capped(Vec<u8>);

impl Write for Capped {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        if self.0.len() + buf.len() > CLIPBOARD_MOST {
            return Err(io::Error::other(
                "the Markdown is over 8 MiB, more than a terminal's clipboard takes; E writes it to a file",
            ));
        }
        self.0.extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

// Requests are compared in tests of the outbox: the same rows of the same data (not a copy).
impl PartialEq for Request {
    fn eq(&self, other: &Request) -> bool {
        Arc::ptr_eq(&self.data, &other.data)
            && self.query == other.query
            && self.rows == other.rows
            && self.selected == other.selected
            && self.rounds == other.rounds
            && self.target == other.target
            && self.format == other.format
            && self.what == other.what
            && self.to == other.to
    }
}

impl Eq for Request {}

impl fmt::Debug for Request {
    // Not the data, nor the rows: there may be a million.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Request")
            .field("rows", &self.rows.len())
            .field("selected", &self.selected)
            .field("rounds", &self.rounds)
            .field("target", &self.target)
            .field("format", &self.format)
            .field("what", &self.what)
            .field("to", &self.to)
            .finish_non_exhaustive()
    }
}

/// The OSC 52 sequence asking the terminal to set its clipboard to `text`:
/// `ESC ] 52 ; c ; <base64 of text> BEL`. Terminals that do not support it ignore it, and
/// none reports whether it worked.
pub fn osc52(text: &str) -> String {
    format!("\x1b]52;c;{}\x07", STANDARD.encode(text.as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn osc52_is_base64_between_the_control_codes() {
        assert_eq!(osc52("hi"), "\x1b]52;c;aGk=\x07");
        assert_eq!(osc52(""), "\x1b]52;c;\x07");
        // Non-ASCII text is encoded as its UTF-8 bytes.
        assert_eq!(osc52("Ó"), "\x1b]52;c;w5M=\x07");
        let encoded = osc52("| a | b |\nline two ✓");
        let body = encoded
            .strip_prefix("\x1b]52;c;")
            .and_then(|s| s.strip_suffix('\x07'))
            .unwrap();
        assert!(!body.contains(['\x1b', '\x07', '\n']));
        assert_eq!(
            STANDARD.decode(body).unwrap(),
            "| a | b |\nline two ✓".as_bytes()
        );
    }

    #[test]
    fn formats_follow_the_extension() {
        let f = |p: &str| ExportFormat::for_path(Path::new(p));
        assert_eq!(f("a.md"), Some(ExportFormat::Markdown));
        assert_eq!(f("dir/A.MARKDOWN"), Some(ExportFormat::Markdown));
        assert_eq!(f("a.csv"), Some(ExportFormat::Csv));
        assert_eq!(f("a.txt"), None);
        assert_eq!(f("md"), None);
    }
}
