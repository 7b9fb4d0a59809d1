//! What reaches a terminal or a document is safe to show: the data as people see it has every
//! control and bidi character replaced by its visible stand-in (`model::text::clean`, the one
//! rule). JSON and CSV output keep the exact strings (on a terminal, `report::terminal` makes
//! them harmless on the way out); everything drawn or written as text or Markdown goes through
//! [`for_display`], and messages through [`message`].

use std::borrow::Cow;
use std::io::{self, Write};

use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::Value;

use crate::load::{Derived, Loaded};
use crate::model::{Contest, Dataset};
use crate::model::{strings, text};

/// `loaded` as it may be shown: unchanged (and not copied) when its text is all clean,
/// otherwise with every string cleaned — ids and the references to them alike, so they still
/// match. Warnings keep their places (their text is cleaned where it is printed).
pub fn for_display(loaded: Loaded) -> Loaded {
    cleaned_loaded(loaded, false).0
}

/// [`for_display`], and what cleaning replaced, as loaded (none when the text was all clean):
/// for a front end that shows the data but also exports its exact strings.
pub fn for_display_keeping_exact(loaded: Loaded) -> (Loaded, Option<Replaced>) {
    cleaned_loaded(loaded, true)
}

/// What cleaning a dataset for display replaced, as loaded: its title and catalogues, and the
/// contests that held unsafe text (by index). The rest of the dataset is the same shown and
/// exact, so only this is kept: a copy of the whole takes as much room as the data, for one
/// stray control character.
#[derive(Debug)]
pub struct Replaced {
    /// The title and catalogues as loaded; no contests.
    catalogues: Dataset,
    /// The contests that held unsafe text, as loaded, by index (ascending).
    contests: Vec<(usize, Contest)>,
}

impl Replaced {
    /// Contest `i` as loaded, given the dataset as shown.
    pub fn contest<'a>(&'a self, shown: &'a Dataset, i: usize) -> &'a Contest {
        match self.contests.binary_search_by_key(&i, |(at, _)| *at) {
            Ok(at) => &self.contests[at].1,
            Err(_) => &shown.contests[i],
        }
    }

    /// The whole dataset as loaded, given it as shown (made when asked for).
    pub fn dataset(&self, shown: &Dataset) -> Dataset {
        let mut contests = shown.contests.clone();
        for (i, contest) in &self.contests {
            contests[*i] = contest.clone();
        }
        Dataset {
            contests,
            ..self.catalogues.clone()
        }
    }
}

/// `loaded` cleaned, and (when `keep`) what cleaning replaced.
fn cleaned_loaded(loaded: Loaded, keep: bool) -> (Loaded, Option<Replaced>) {
    if is_clean(&loaded) {
        return (loaded, None);
    }
    let Loaded {
        dataset,
        warnings,
        sources,
        titles,
        conflicts,
        notes,
        versions,
        derived: _,
    } = loaded;
    let (dataset, replaced) = cleaned(dataset, keep);
    let loaded = Loaded {
        dataset,
        warnings,
        sources: sources.iter().map(|s| message(s).into_owned()).collect(),
        titles: (titles.iter())
            .map(|t| t.as_deref().map(|t| message(t).into_owned()))
            .collect(),
        conflicts,
        notes: notes.iter().map(|s| message(s).into_owned()).collect(),
        // Its files and differences are cleaned where they are printed, as warnings are.
        versions,
        // What was worked out from the data as loaded (the seats name its parties).
        derived: Derived::default(),
    };
    (loaded, replaced)
}

/// Whether every text of `loaded` (and its file names) can be shown as it is.
pub fn is_clean(loaded: &Loaded) -> bool {
    let ds = &loaded.dataset;
    let mut clean = loaded.sources.iter().all(|s| text::is_clean(s));
    text::each_text(&(&ds.title, &ds.regions, &ds.factions), &mut |_, s| {
        clean &= text::is_clean(s);
    });
    clean && loaded.contests_clean()
}

/// A message (an error, a warning, a file name) safe to show.
pub fn message(text: &str) -> Cow<'_, str> {
    text::clean(text)
}

/// Lines of text, each shown by the one rule ([`message`]), the line feeds between them kept.
pub fn message_lines(text: &str) -> String {
    let lines: Vec<Cow<str>> = text.split('\n').map(message).collect();
    lines.join("\n")
}

/// [`message_lines`], but for the colour sequences in `text` (SGR: `ESC [`, digits and `;`, `m`) — a
/// formatter's own (clap's), around the words it styles — which are kept. Any other escape
/// sequence is shown, not obeyed.
pub fn keeping_colour(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('\u{1b}') {
        out.push_str(&message_lines(&rest[..at]));
        let after = &rest[at..];
        let params = after.strip_prefix("\u{1b}[").map(|p| {
            p.len()
                - p.trim_start_matches(|c: char| c.is_ascii_digit() || c == ';')
                    .len()
        });
        match params {
            Some(n) if after[2 + n..].starts_with('m') => {
                out.push_str(&after[..3 + n]);
                rest = &after[3 + n..];
            }
            _ => {
                out.push_str(&message("\u{1b}"));
                rest = &after[1..];
            }
        }
    }
    out.push_str(&message_lines(rest));
    out
}

/// A writer for messages to people (stderr): every line written through it is shown by the one
/// rule ([`message`]) before it reaches the inner writer, whoever formatted it and whatever it
/// quotes — file names, values from the data. Bytes are held until a line ends (so a character
/// split across writes is whole when cleaned); a last line without its line feed is written on
/// [`Write::flush`] or when the writer is dropped.
pub struct Lines<W: Write> {
    inner: W,
    pending: Vec<u8>,
}

impl<W: Write> Lines<W> {
    pub fn new(inner: W) -> Lines<W> {
        Lines {
            inner,
            pending: Vec::new(),
        }
    }

    /// Writes `line` (without its line feed) cleaned.
    fn emit(inner: &mut W, line: &[u8]) -> io::Result<()> {
        let text = String::from_utf8_lossy(line);
        inner.write_all(message(&text).as_bytes())
    }
}

impl<W: Write> Write for Lines<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.pending.extend_from_slice(buf);
        if let Some(end) = self.pending.iter().rposition(|&b| b == b'\n') {
            let done: Vec<u8> = self.pending.drain(..=end).collect();
            for line in done[..end].split(|&b| b == b'\n') {
                Self::emit(&mut self.inner, line)?;
                self.inner.write_all(b"\n")?;
            }
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        if !self.pending.is_empty() {
            let rest = std::mem::take(&mut self.pending);
            Self::emit(&mut self.inner, &rest)?;
        }
        self.inner.flush()
    }
}

impl<W: Write> Drop for Lines<W> {
    fn drop(&mut self) {
        // Nothing to report an error to here; a failed write to stderr is lost either way.
        let _ = self.flush();
    }
}

/// The dataset with every string (and map key) cleaned, and (when `keep`) what was replaced.
/// Contest by contest: only the few that hold unsafe text go through a JSON value to be
/// cleaned (the rest are moved, not copied), and the catalogues.
fn cleaned(dataset: Dataset, keep: bool) -> (Dataset, Option<Replaced>) {
    let Dataset {
        schema_version,
        title,
        regions,
        factions,
        contests,
    } = dataset;
    let catalogues = Dataset {
        schema_version,
        title,
        regions,
        factions,
        contests: Vec::new(),
    };
    let mut replaced = Vec::new();
    let contests = (contests.into_iter().enumerate())
        .map(|(i, c)| {
            if strings::all_clean(&c) {
                return c;
            }
            let Some(shown) = via_value(&c) else {
                return c;
            };
            if keep {
                replaced.push((i, c));
            }
            shown
        })
        .collect();
    let shown = via_value(&catalogues).unwrap_or_else(|| catalogues.clone());
    let replaced = keep.then_some(Replaced {
        catalogues,
        contests: replaced,
    });
    (Dataset { contests, ..shown }, replaced)
}

/// `record` with every string cleaned (its keys too), through a JSON value; none if it does
/// not make the round trip.
fn via_value<T: Serialize + DeserializeOwned>(record: &T) -> Option<T> {
    let mut value = serde_json::to_value(record).ok()?;
    clean_value(&mut value);
    serde_json::from_value(value).ok()
}

fn clean_value(value: &mut Value) {
    match value {
        Value::String(s) => {
            if let Cow::Owned(c) = text::clean(s) {
                *s = c;
            }
        }
        Value::Array(items) => items.iter_mut().for_each(clean_value),
        Value::Object(map) => {
            let entries = std::mem::take(map);
            for (key, mut v) in entries {
                clean_value(&mut v);
                map.insert(text::clean(&key).into_owned(), v);
            }
        }
        Value::Null | Value::Bool(_) | Value::Number(_) => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_are_cleaned_whole_even_when_written_in_pieces() {
        let mut out = Vec::new();
        {
            let mut w = Lines::new(&mut out);
            let text = "read a\u{1b}[2J.csv\nwarning: \u{202e}x\u{7}\nwrote b\u{9b}";
            // Byte by byte: multi-byte characters are split across writes.
            for b in text.as_bytes() {
                w.write_all(std::slice::from_ref(b)).unwrap();
            }
        }
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "read a␛[2J.csv\nwarning: \u{fffd}x␇\nwrote b\u{fffd}"
        );
    }
    #[test]
    fn colour_is_kept_and_every_other_escape_shown() {
        let text = "\u{1b}[1m\u{1b}[31merror:\u{1b}[0m invalid value '\u{1b}]0;x\u{7}\u{202e}'\n  \u{1b}[2Jtip\u{9b}1m";
        assert_eq!(
            keeping_colour(text),
            "\u{1b}[1m\u{1b}[31merror:\u{1b}[0m invalid value '␛]0;x␇\u{fffd}'\n  ␛[2Jtip\u{fffd}1m"
        );
        assert_eq!(message_lines("a\u{1b}[1mb\nc\td"), "a␛[1mb\nc d");
    }

    use crate::load::{DataSource, load};

    #[test]
    fn clean_data_is_passed_through_and_hostile_data_is_cleaned() {
        let loaded = load(&[DataSource::Embedded]).unwrap();
        let before = loaded.dataset.clone();
        assert_eq!(for_display(loaded).dataset, before);

        let mut loaded = load(&[DataSource::Embedded]).unwrap();
        let c = &mut loaded.dataset.contests[0];
        c.title = "Harbour\u{1b}[2J\u{9b}x\u{202e}".into();
        c.candidates[0].name.push('\u{7}');
        let name = c.candidates[0].name.clone();
        loaded.recheck();
        let shown = for_display(loaded);
        let c = &shown.dataset.contests[0];
        assert_eq!(c.title, "Harbour␛[2J\u{fffd}x\u{fffd}");
        assert_eq!(c.candidates[0].name, text::clean(&name));
        assert_eq!(shown.dataset.contests.len(), before.contests.len());
    }
}
