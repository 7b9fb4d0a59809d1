//! Indented JSON, byte for byte as serde_json's `to_writer_pretty` writes it (two spaces a
//! level), but each line break and its indentation written at once: serde_json's own writes the
//! indentation two spaces at a time, a call each, and a million-contest listing is tens of
//! millions of lines.

use std::io::{self, Write};

use serde::Serialize;
use serde_json::ser::{Formatter, Serializer};

/// `value` as indented JSON to `out`.
pub fn write<W: Write>(out: W, value: &impl Serialize) -> serde_json::Result<()> {
    value.serialize(&mut Serializer::with_formatter(out, Indented::default()))
}

/// `value` as indented JSON.
pub fn to_string(value: &impl Serialize) -> serde_json::Result<String> {
    let mut bytes = Vec::new();
    write(&mut bytes, value)?;
    // serde_json writes only UTF-8 (its strings come from `str`s).
    Ok(String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into()))
}

/// A comma, a line feed and the deepest indentation written in one piece; a line's break and
/// indentation are a slice of it.
const BREAKS: [u8; 2 + 2 * 32] = {
    let mut breaks = [b' '; 2 + 2 * 32];
    breaks[0] = b',';
    breaks[1] = b'\n';
    breaks
};

#[derive(Default)]
struct Indented {
    depth: usize,
    has_value: bool,
}

impl Indented {
    /// A line feed (after a comma unless `first`) and the indentation of the current depth.
    fn line<W: ?Sized + Write>(&self, out: &mut W, first: bool) -> io::Result<()> {
        let from = usize::from(first);
        let spaces = 2 * self.depth;
        if spaces <= BREAKS.len() - 2 {
            return out.write_all(&BREAKS[from..2 + spaces]);
        }
        // Deeper than any document hustings writes: the rest two spaces at a time.
        out.write_all(&BREAKS[from..])?;
        for _ in 0..(spaces - (BREAKS.len() - 2)) / 2 {
            out.write_all(b"  ")?;
        }
        Ok(())
    }

    /// `[` or `{`: one level deeper, nothing in it yet.
    fn open<W: ?Sized + Write>(&mut self, out: &mut W, bracket: &[u8]) -> io::Result<()> {
        self.depth += 1;
        self.has_value = false;
        out.write_all(bracket)
    }

    /// `]` or `}`, on a line of its own when something came before it.
    fn close<W: ?Sized + Write>(&mut self, out: &mut W, bracket: &[u8]) -> io::Result<()> {
        self.depth -= 1;
        if self.has_value {
            self.line(out, true)?;
        }
        out.write_all(bracket)
    }
}

impl Formatter for Indented {
    #[inline]
    fn begin_array<W: ?Sized + Write>(&mut self, out: &mut W) -> io::Result<()> {
        self.open(out, b"[")
    }

    #[inline]
    fn end_array<W: ?Sized + Write>(&mut self, out: &mut W) -> io::Result<()> {
        self.close(out, b"]")
    }

    #[inline]
    fn begin_array_value<W: ?Sized + Write>(&mut self, out: &mut W, first: bool) -> io::Result<()> {
        self.line(out, first)
    }

    #[inline]
    fn end_array_value<W: ?Sized + Write>(&mut self, _out: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }

    #[inline]
    fn begin_object<W: ?Sized + Write>(&mut self, out: &mut W) -> io::Result<()> {
        self.open(out, b"{")
    }

    #[inline]
    fn end_object<W: ?Sized + Write>(&mut self, out: &mut W) -> io::Result<()> {
        self.close(out, b"}")
    }

    #[inline]
    fn begin_object_key<W: ?Sized + Write>(&mut self, out: &mut W, first: bool) -> io::Result<()> {
        self.line(out, first)
    }

    #[inline]
    fn begin_object_value<W: ?Sized + Write>(&mut self, out: &mut W) -> io::Result<()> {
        out.write_all(b": ")
    }

    #[inline]
    fn end_object_value<W: ?Sized + Write>(&mut self, _out: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The same bytes as serde_json's pretty printer, at every depth (past the one-piece
    /// indentation too), for empty and full arrays and objects.
    #[test]
    fn writes_what_serde_jsons_pretty_printer_writes() {
        let mut deep = serde_json::json!({"leaf": [1, {"a": null}, [], {}], "empty": {}});
        for level in 0..40 {
            deep = serde_json::json!({ format!("level {level}"): deep, "list": [level, "x"] });
        }
        for value in [
            deep,
            serde_json::json!([]),
            serde_json::json!({}),
            serde_json::json!("text"),
            serde_json::json!([{"a": [1, 2]}, {}]),
        ] {
            let want = serde_json::to_string_pretty(&value).unwrap();
            assert_eq!(to_string(&value).unwrap(), want);
        }
    }
}
