//! JSON and CSV keep the data's exact strings: to a file or a pipe they are an interface. On
//! a terminal the same bytes would be obeyed — serde_json escapes only characters below
//! U+0020 (a C1 CSI or a bidi override goes out raw), the CSV writer nothing — so on their way
//! to a terminal every unsafe character (`model::text::is_unsafe`) is made harmless: in JSON
//! escaped as `\uXXXX` (still valid JSON, the same data), in CSV shown by the one rule
//! ([`Lines`]).

use std::io::{self, Write};

use super::safe::Lines;
use crate::model::text;

/// What a subcommand prints on stdout, as far as its safety on a terminal goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Printed {
    /// JSON with the data's exact strings.
    Json,
    /// CSV with the data's exact strings.
    Csv,
    /// Text for people, shown by the one rule already (and carrying the program's own colours).
    Shown,
}

/// Stdout as a subcommand writes it: unchanged, unless it is a terminal and what is printed
/// is JSON or CSV.
pub enum Out<W: Write> {
    Exact(W),
    Json(JsonEscapes<W>),
    Csv(Lines<W>),
}

impl<W: Write> Out<W> {
    pub fn new(inner: W, printed: Printed, terminal: bool) -> Out<W> {
        match (terminal, printed) {
            (true, Printed::Json) => Out::Json(JsonEscapes::new(inner)),
            (true, Printed::Csv) => Out::Csv(Lines::new(inner)),
            _ => Out::Exact(inner),
        }
    }
}

impl<W: Write> Write for Out<W> {
    #[inline]
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match self {
            Out::Exact(w) => w.write(buf),
            Out::Json(w) => w.write(buf),
            Out::Csv(w) => w.write(buf),
        }
    }

    // serde_json writes a document a few bytes at a time: each goes straight to the inner
    // writer's own (buffered) `write_all`, not through the default loop over `write`; inlined,
    // so each of those few bytes costs a copy into the buffer, not a call.
    #[inline]
    fn write_all(&mut self, buf: &[u8]) -> io::Result<()> {
        match self {
            Out::Exact(w) => w.write_all(buf),
            Out::Json(w) => w.write_all(buf),
            Out::Csv(w) => w.write_all(buf),
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        match self {
            Out::Exact(w) => w.flush(),
            Out::Json(w) => w.flush(),
            Out::Csv(w) => w.flush(),
        }
    }
}

/// A writer of JSON that escapes every unsafe character but the line feed as `\uXXXX` (a
/// surrogate pair beyond the Basic Multilingual Plane). JSON has such characters only inside
/// strings (serde_json writes a line feed between values, and escapes C0 controls within
/// strings itself), so the document stays valid and means the same. A character split across
/// writes is held until it is whole.
pub struct JsonEscapes<W: Write> {
    inner: W,
    pending: Vec<u8>,
}

impl<W: Write> JsonEscapes<W> {
    pub fn new(inner: W) -> JsonEscapes<W> {
        JsonEscapes {
            inner,
            pending: Vec::new(),
        }
    }

    /// Writes `text` with its unsafe characters escaped.
    fn emit(inner: &mut W, text: &str) -> io::Result<()> {
        let mut rest = text;
        while let Some((at, c)) = rest
            .char_indices()
            .find(|&(_, c)| c != '\n' && text::is_unsafe(c))
        {
            inner.write_all(&rest.as_bytes()[..at])?;
            let mut units = [0; 2];
            for unit in c.encode_utf16(&mut units) {
                write!(inner, "\\u{unit:04x}")?;
            }
            rest = &rest[at + c.len_utf8()..];
        }
        inner.write_all(rest.as_bytes())
    }
}

impl<W: Write> Write for JsonEscapes<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.pending.extend_from_slice(buf);
        let (whole, invalid) = match std::str::from_utf8(&self.pending) {
            Ok(_) => (self.pending.len(), 0),
            Err(e) => (e.valid_up_to(), e.error_len().unwrap_or(0)),
        };
        let done: Vec<u8> = self.pending.drain(..whole + invalid).collect();
        let (valid, bad) = done.split_at(whole);
        // `whole` bytes are valid UTF-8, checked above.
        Self::emit(
            &mut self.inner,
            std::str::from_utf8(valid).unwrap_or_default(),
        )?;
        // Not UTF-8 (serde_json never writes it): the replacement character.
        if !bad.is_empty() {
            self.inner.write_all("\u{fffd}".as_bytes())?;
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        if !self.pending.is_empty() {
            // A character cut short at the end: shown as the replacement character.
            let rest = std::mem::take(&mut self.pending);
            Self::emit(&mut self.inner, &String::from_utf8_lossy(&rest))?;
        }
        self.inner.flush()
    }
}

impl<W: Write> Drop for JsonEscapes<W> {
    fn drop(&mut self) {
        // Nothing to report an error to here; the run's own flush has reported any.
        let _ = self.flush();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_on_a_terminal_escapes_what_serde_leaves_raw_and_means_the_same() {
        let value = serde_json::json!({
            "title": "a\u{1b}]0;x\u{7}b\u{9b}2J\u{202e}c\u{7f}\u{fff9}\u{e0041}",
            "plain": "Órfhlaith 👩\u{200d}👧",
            "a\u{202e}key": [1, 2],
        });
        let exact = serde_json::to_string_pretty(&value).unwrap();
        let mut out = Vec::new();
        {
            let mut w = JsonEscapes::new(&mut out);
            // Byte by byte: multi-byte characters are split across writes.
            for b in exact.as_bytes() {
                w.write_all(std::slice::from_ref(b)).unwrap();
            }
        }
        let shown = String::from_utf8(out).unwrap();
        assert!(
            shown.contains(r"b\u009b2J\u202ec\u007f\ufff9\udb40\udc41"),
            "{shown}"
        );
        assert!(shown.contains(r#""a\u202ekey""#), "{shown}");
        assert!(shown.contains("Órfhlaith 👩\u{200d}👧"), "{shown}");
        assert!(!shown.chars().any(|c| c != '\n' && text::is_unsafe(c)));
        let back: serde_json::Value = serde_json::from_str(&shown).unwrap();
        assert_eq!(back, value);
    }

    #[test]
    fn csv_on_a_terminal_is_shown_by_the_one_rule_and_elsewhere_exact() {
        let cells = "id,title\nx,\"a\u{1b}]0;t\u{7}\u{9b}\u{202e}\"\n";
        let mut out = Vec::new();
        Out::new(&mut out, Printed::Csv, true)
            .write_all(cells.as_bytes())
            .unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "id,title\nx,\"a␛]0;t␇\u{fffd}\u{fffd}\"\n"
        );
        let mut out = Vec::new();
        Out::new(&mut out, Printed::Csv, false)
            .write_all(cells.as_bytes())
            .unwrap();
        assert_eq!(String::from_utf8(out).unwrap(), cells);
    }
}
