//! A CSV file read whole: header, rows with their line numbers, and typed access to a row's
//! cells that turns every bad cell into a one-line error naming the file, line and column.
//! Headers and cells quoted in an error are shown by the loader's rule for messages
//! (`diagnose::one_line`): control and line-separator characters as visible stand-ins, long
//! values shortened.

use std::path::Path;

use crate::import::ImportError;
use crate::model::strict_numbers::MAX_COUNT;
use crate::model::text::one_line;

/// A CSV file as read: trimmed header names and every data row.
#[derive(Debug)]
pub struct Table {
    /// The file's name as given, for messages.
    pub file: String,
    /// Column names, trimmed (a byte-order mark before the first is dropped).
    pub header: Vec<String>,
    pub rows: Vec<Row>,
    /// For each column, how many cells had stray whitespace removed (see `clean`).
    pub cleaned: Vec<usize>,
}

/// One data row: its cells (already cleaned) and the line it starts on.
#[derive(Debug)]
pub struct Row {
    pub line: u64,
    pub cells: Vec<String>,
}

/// Trims a cell and collapses inner runs of whitespace to one space. Whitespace carries no
/// meaning in names or numbers in these files, and a double space would make two spellings of
/// one name; non-ASCII letters are left exactly as they are.
pub fn clean(cell: &str) -> String {
    cell.split_whitespace().collect::<Vec<_>>().join(" ")
}

impl Table {
    /// Reads and parses `path`. Ragged rows and invalid UTF-8 are errors naming the line.
    pub fn read(path: &Path) -> Result<Table, ImportError> {
        let file = path.display().to_string();
        let bytes = crate::input::read(path).map_err(|e| ImportError::File {
            file: file.clone(),
            message: e.to_string(),
        })?;
        Self::parse(&file, &bytes)
    }

    /// Parses CSV text; `file` is only used in messages. CRLF and LF line endings both work.
    pub fn parse(file: &str, bytes: &[u8]) -> Result<Table, ImportError> {
        let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(true)
            .flexible(false)
            .from_reader(bytes);
        let header: Vec<String> = reader
            .headers()
            .map_err(|e| csv_error(file, bytes, &mut Lines::default(), &[], e))?
            .iter()
            .map(|h| h.trim_start_matches('\u{feff}').trim().to_string())
            .collect();
        if header.iter().all(String::is_empty) {
            return Err(ImportError::File {
                file: file.to_string(),
                message: "the file is empty (expected a header row of column names)".into(),
            });
        }
        let mut rows = Vec::new();
        let mut cleaned = vec![0; header.len()];
        let mut lines = Lines::default();
        for record in reader.records() {
            let record = record.map_err(|e| csv_error(file, bytes, &mut lines, &header, e))?;
            let line = lines.of(bytes, record.position());
            let cells = record
                .iter()
                .enumerate()
                .map(|(i, raw)| {
                    let cell = clean(raw);
                    if cell != raw {
                        cleaned[i] += 1;
                    }
                    cell
                })
                .collect();
            rows.push(Row { line, cells });
        }
        Ok(Table {
            file: file.to_string(),
            header,
            rows,
            cleaned,
        })
    }

    /// The index of the column called `name` (ignoring case), if the file has it.
    pub fn column(&self, name: &str) -> Option<usize> {
        self.header
            .iter()
            .position(|h| h.eq_ignore_ascii_case(name))
    }
}

/// Line numbers of records, counted from byte offsets. The csv crate's own line count is one
/// short after CRLF line endings (it takes the `\n` of "\r\n" as the start of the next record),
/// so line-end bytes a record is said to start with are skipped. Counting resumes from the
/// previous record, so a whole file is scanned once.
#[derive(Default)]
struct Lines {
    offset: usize,
    line: u64,
}

impl Lines {
    fn of(&mut self, bytes: &[u8], position: Option<&csv::Position>) -> u64 {
        let Some(position) = position else {
            return 0;
        };
        let mut offset = (position.byte() as usize).min(bytes.len());
        while matches!(bytes.get(offset), Some(b'\r' | b'\n')) {
            offset += 1;
        }
        if offset < self.offset {
            *self = Lines::default();
        }
        let newlines = memchr::memchr_iter(b'\n', &bytes[self.offset..offset]).count();
        self.line += newlines as u64;
        self.offset = offset;
        self.line + 1
    }
}

fn csv_error(
    file: &str,
    bytes: &[u8],
    lines: &mut Lines,
    header: &[String],
    err: csv::Error,
) -> ImportError {
    let line = lines.of(bytes, err.position()).max(1);
    let message = match err.kind() {
        csv::ErrorKind::UnequalLengths {
            expected_len, len, ..
        } => {
            // A short row is named by its first missing column: the likeliest cell to look at.
            let first_missing = header
                .get(*len as usize)
                .filter(|_| len < expected_len)
                .map_or(String::new(), |h| {
                    format!(" (no value for column \"{h}\" onwards)")
                });
            format!("the row has {len} fields but the header has {expected_len}{first_missing}")
        }
        csv::ErrorKind::Utf8 { err, .. } => {
            let column = header
                .get(err.field())
                .map_or(String::new(), |h| format!("column \"{h}\": "));
            format!("{column}not valid UTF-8 text")
        }
        csv::ErrorKind::Io(e) => format!("cannot read: {e}"),
        _ => err.to_string(),
    };
    ImportError::Row {
        file: file.to_string(),
        line,
        message: one_line(&message),
    }
}

/// One row seen through a layout: cells looked up by column index, parsed with errors that
/// name the file, line and column.
pub struct Cells<'a> {
    pub table: &'a Table,
    pub row: &'a Row,
}

impl<'a> Cells<'a> {
    /// The cleaned text of column `index` ("" when the column is absent).
    pub fn text(&self, index: Option<usize>) -> &'a str {
        index
            .and_then(|i| self.row.cells.get(i))
            .map_or("", String::as_str)
    }

    /// An error about column `index` of this row.
    pub fn error(&self, index: Option<usize>, message: impl std::fmt::Display) -> ImportError {
        let column = index
            .and_then(|i| self.table.header.get(i))
            .map_or(String::new(), |h| format!("column \"{h}\": "));
        ImportError::Row {
            file: self.table.file.clone(),
            line: self.row.line,
            message: one_line(&format!("{column}{message}")),
        }
    }

    /// A non-empty text cell.
    pub fn required(&self, index: Option<usize>, what: &str) -> Result<&'a str, ImportError> {
        match self.text(index) {
            "" => Err(self.error(index, format!("empty (expected {what})"))),
            text => Ok(text),
        }
    }

    /// A whole number; an empty cell is `None` (unknown), anything else that is not digits is an error.
    pub fn count(&self, index: Option<usize>) -> Result<Option<u64>, ImportError> {
        let text = self.text(index);
        if text.is_empty() {
            return Ok(None);
        }
        match text.parse::<u64>() {
            Ok(n) if n > MAX_COUNT => Err(self.error(
                index,
                format!("{text} is too large for a vote count (the limit is {MAX_COUNT})"),
            )),
            Ok(n) if text.bytes().all(|b| b.is_ascii_digit()) => Ok(Some(n)),
            _ => Err(self.error(index, format!("\"{text}\" is not a whole number of votes"))),
        }
    }

    /// A fraction such as `0.538`; empty is `None`.
    pub fn fraction(&self, index: Option<usize>) -> Result<Option<f64>, ImportError> {
        let text = self.text(index);
        if text.is_empty() {
            return Ok(None);
        }
        match text.parse::<f64>() {
            Ok(f) if f.is_finite() => Ok(Some(f)),
            _ => Err(self.error(index, format!("\"{text}\" is not a number"))),
        }
    }

    /// `Yes` or `No` (any case); empty counts as no.
    pub fn yes_no(&self, index: Option<usize>) -> Result<bool, ImportError> {
        let text = self.text(index);
        if text.eq_ignore_ascii_case("yes") {
            Ok(true)
        } else if text.is_empty() || text.eq_ignore_ascii_case("no") {
            Ok(false)
        } else {
            Err(self.error(index, format!("\"{text}\" is neither Yes nor No")))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crlf_bom_and_stray_spaces() {
        let t = Table::parse(
            "t.csv",
            b"\xEF\xBB\xBFa , b\r\n Kate ,x  y\r\n\"1,2\",3\r\n",
        )
        .unwrap();
        assert_eq!(t.header, ["a", "b"]);
        assert_eq!(t.rows[0].cells, ["Kate", "x y"]);
        assert_eq!(t.rows[1].cells, ["1,2", "3"]);
        assert_eq!(t.rows[1].line, 3);
        assert_eq!(t.cleaned, [1, 1]);
    }

    #[test]
    fn lines_count_newlines_inside_quotes() {
        for text in [
            &b"a,b\n\"x\ny\",1\nq,r\n"[..],
            b"a,b\r\n\"x\r\ny\",1\r\n\r\nq,r\r\n",
        ] {
            let t = Table::parse("t.csv", text).unwrap();
            let lines: Vec<u64> = t.rows.iter().map(|r| r.line).collect();
            assert_eq!(lines, [2, if text.contains(&b'\r') { 5 } else { 4 }]);
        }
    }

    #[test]
    fn ragged_row_names_the_line() {
        for text in [&b"a,b,c\n1,2,3\n4,5\n"[..], b"a,b,c\r\n1,2,3\r\n4,5\r\n"] {
            let err = Table::parse("t.csv", text).unwrap_err();
            assert_eq!(
                err.to_string(),
                "t.csv:3: the row has 2 fields but the header has 3 (no value for column \"c\" onwards)"
            );
        }
        let err = Table::parse("t.csv", b"a,b\n1,2,3\n").unwrap_err();
        assert_eq!(
            err.to_string(),
            "t.csv:2: the row has 3 fields but the header has 2"
        );
    }

    #[test]
    fn bad_number_names_the_column() {
        let t = Table::parse("t.csv", b"name,votes\nA,12x\n").unwrap();
        let cells = Cells {
            table: &t,
            row: &t.rows[0],
        };
        let err = cells.count(t.column("votes")).unwrap_err();
        assert_eq!(
            err.to_string(),
            "t.csv:2: column \"votes\": \"12x\" is not a whole number of votes"
        );
        assert_eq!(cells.count(None).unwrap(), None);
    }
}
