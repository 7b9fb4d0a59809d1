//! Any results CSV with one row per candidate per contest (or per candidate per precinct,
//! summed), mapped by column: `hustings import csv FILE --contest COL --candidate COL …`.
//! Without flags the header is recognised where it can be: the OpenElections layout
//! (`county,precinct,office,district,party,candidate,votes`: the contest is office and
//! district, precincts and counties summed), its variants (first/middle/last name columns
//! for a candidate column; no office column: one contest) and common synonyms.
//!
//! Read row by row with the `csv` crate, lines ended by CR, LF or CRLF alike; memory grows
//! with contests × candidates × place levels, never rows. Numbers may have thousands
//! separators; an empty cell is unknown (a candidate with one unknown cell has unknown
//! votes), never 0. Winners by most votes; a tie is flagged, never broken.
//!
//! Rows that are no candidate (`pseudo`): totals, blank, under and over votes, registered
//! voters, ballots cast, invalid votes; rows with no candidate; rows whose office is such a
//! count. Rows whose county or precinct is empty or `Total` while others name one are
//! aggregates: where a contest has rows for the parts, the parts are summed and the
//! aggregates only checked against them (see docs/FORMATS.md).

mod assemble;
mod columns;
mod pseudo;
mod rows;

use std::io::{BufRead, BufReader};

use crate::import::common::{self, AnyLineEnd};
use crate::import::{ImportError, Read};
use crate::model::ContestKind;
use crate::model::date::PartialDate;
use crate::model::strict_numbers::MAX_COUNT;
use crate::model::text::one_line;

pub use columns::recognise;

/// How to map the columns; every `String` names a column of the header.
#[derive(Debug, Clone, Default)]
pub struct Mapping {
    /// The contest is the combination of these columns' values.
    pub contest: Vec<String>,
    pub candidate: Option<String>,
    pub party: Option<String>,
    pub votes: Option<String>,
    pub region: Option<String>,
    pub constituency: Option<String>,
    /// One date for every contest.
    pub date: Option<PartialDate>,
    pub date_column: Option<String>,
    pub kind: Option<ContestKind>,
    pub eligible: Option<String>,
    pub valid: Option<String>,
    pub rejected: Option<String>,
    /// Candidate-column values that are the contest's rejected (invalid) ballots.
    pub rejected_rows: Vec<String>,
    /// Candidate-column values to leave out (and name in the notes).
    pub not_candidates: Vec<String>,
    /// Whether the file is of primaries (or caucuses), where the party is part of a contest:
    /// `None` decides by the file's name (`__primary__`, `__caucus__`).
    pub primary: Option<bool>,
    pub delimiter: Option<u8>,
}

impl Mapping {
    fn is_empty(&self) -> bool {
        self.contest.is_empty()
            && self.candidate.is_none()
            && self.votes.is_none()
            && self.party.is_none()
    }
}

/// Reads a results CSV from `input`, named `file` in errors and sources.
pub fn read(file: &str, input: impl std::io::Read, given: &Mapping) -> Result<Read, ImportError> {
    let Opened {
        mut reader,
        header,
        delimiter,
    } = read_header(file, input, given)?;
    let mut notes = Vec::new();
    let (m, cols) = columns::map_columns(file, &header, given, delimiter, &mut notes)?;
    let rows = rows::read_rows(file, &mut reader, &header, &m, &cols)?;
    if rows.contests.is_empty() {
        return Err(row_error(file, 1, "no result rows after the header".into()));
    }
    rows.note(&m, &mut notes);
    Ok(assemble::assemble(file, &header, &cols, &m, rows, notes))
}

/// An error at line `line` of `file`. Messages quote the file's cells and header names: one
/// line, whatever they hold.
fn row_error(file: &str, line: u64, message: String) -> ImportError {
    ImportError::Row {
        file: file.to_string(),
        line,
        message: one_line(&message),
    }
}

/// A CSV error at `line`, described as `what` ("not valid CSV"); a file or pipe over the size
/// limit is said so, as of the file, not of a line.
fn csv_error(file: &str, line: u64, what: &str, e: &csv::Error) -> ImportError {
    if let csv::ErrorKind::Io(io) = e.kind()
        && let Some(why) = crate::input::ReadError::inside(io)
    {
        return ImportError::File {
            file: file.to_string(),
            message: why.to_string(),
        };
    }
    row_error(file, line, format!("{what}: {e}"))
}

/// A results CSV with its header read.
struct Opened<R> {
    /// Positioned after the header.
    reader: csv::Reader<BufReader<AnyLineEnd<R>>>,
    /// The header's names, trimmed.
    header: Vec<String>,
    /// Given, else sniffed from the first line.
    delimiter: u8,
}

/// Reads the header: an empty one is an error.
fn read_header<R: std::io::Read>(
    file: &str,
    input: R,
    given: &Mapping,
) -> Result<Opened<R>, ImportError> {
    let mut input = BufReader::new(AnyLineEnd::new(input));
    let head = input.fill_buf().map_err(|e| ImportError::File {
        file: file.to_string(),
        message: e.to_string(),
    })?;
    let delimiter = given
        .delimiter
        .unwrap_or_else(|| common::sniff_delimiter(head));
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .from_reader(input);
    let header: Vec<String> = reader
        .headers()
        .map_err(|e| csv_error(file, 1, "cannot read the header", &e))?
        .iter()
        .map(|h| h.trim_start_matches('\u{feff}').trim().to_string())
        .collect();
    if header.iter().all(String::is_empty) {
        return Err(row_error(
            file,
            1,
            "the file is empty (expected a header row)".into(),
        ));
    }
    Ok(Opened {
        reader,
        header,
        delimiter,
    })
}

/// A whole number with optional thousands separators (`1,234`, `1.234`, `1 234`, `1'234`);
/// empty is unknown.
fn whole(text: &str) -> Result<Option<u64>, String> {
    if text.is_empty() {
        return Ok(None);
    }
    if text.bytes().all(|b| b.is_ascii_digit()) {
        return count(text, text);
    }
    let bad = || format!("expected a whole number, found \"{text}\"");
    let groups: Vec<&str> = text
        .split([',', '.', ' ', '\'', '\u{a0}', '\u{202f}', '_'])
        .collect();
    if !groups
        .iter()
        .all(|g| !g.is_empty() && g.bytes().all(|b| b.is_ascii_digit()))
        || groups[1..].iter().any(|g| g.len() != 3)
        || (groups.len() > 1 && groups[0].len() > 3)
    {
        return Err(bad());
    }
    count(&groups.concat(), text)
}

/// `digits` as a count, at most the loader's limit; `text` is the cell as written.
fn count(digits: &str, text: &str) -> Result<Option<u64>, String> {
    match digits.parse::<u64>() {
        Ok(n) if n <= MAX_COUNT => Ok(Some(n)),
        _ => Err(format!(
            "\"{text}\" is too large for a count (the limit is {MAX_COUNT})"
        )),
    }
}

/// A sum of two counts, or `None` past the limit.
fn add(a: u64, b: u64) -> Option<u64> {
    a.checked_add(b).filter(|&n| n <= MAX_COUNT)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers() {
        assert_eq!(whole("1,234,567"), Ok(Some(1_234_567)));
        assert_eq!(whole("352.546"), Ok(Some(352_546)));
        assert_eq!(whole("12"), Ok(Some(12)));
        assert_eq!(whole("007"), Ok(Some(7)));
        assert!(
            whole("18446744073709551616")
                .unwrap_err()
                .contains("too large")
        );
        assert!(
            whole("18,446,744,073,709,551,616")
                .unwrap_err()
                .contains("too large")
        );
        assert_eq!(whole(""), Ok(None));
        assert!(whole("12.5").is_err());
        assert!(whole("-3").is_err());
        assert!(whole("1234,567").is_err());
        assert_eq!(common::sniff_delimiter(b"a;b;c\n"), b';');
    }

    #[test]
    fn the_header_is_read_with_its_delimiter_sniffed() {
        let opened = read_header(
            "r.csv",
            &b"\xEF\xBB\xBF Office ;Candidate;Votes\rMayor;Ann;1\r"[..],
            &Mapping::default(),
        )
        .unwrap();
        assert_eq!(opened.delimiter, b';');
        assert_eq!(opened.header, ["Office", "Candidate", "Votes"]);
        let err = read_header("r.csv", &b" , \n"[..], &Mapping::default())
            .err()
            .unwrap();
        assert_eq!(
            err.to_string(),
            "r.csv:1: the file is empty (expected a header row)"
        );
    }
}
