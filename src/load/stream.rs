//! The fast path for reading a dataset: the top-level object is walked by hand and the
//! contests are parsed a batch at a time (`batch`), straight from a small reusable buffer, so a file's bytes are
//! never all in memory beside the parsed data (a million contests would otherwise need the
//! whole file *and* the dataset at once).
//!
//! This path only ever succeeds on documents serde_json would parse to the same `Dataset`;
//! at anything unusual (an unknown key, bad UTF-8, a syntax error, a missing field) it gives
//! up and the caller re-reads the document the plain way, which also describes the error.

use std::io::{self, Read};

use serde::de::{Deserialize, DeserializeOwned, Deserializer};

use super::batch::{Batch, GiveUp, parse_contest};
use super::parallel;
use super::split::{Split, split};
use crate::model::require_object;
use crate::model::{Contest, Dataset, Faction, Region};

/// A list of records, each a JSON object.
struct List<T>(Vec<T>);

impl<'de, T: Deserialize<'de>> Deserialize<'de> for List<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        require_object::list(d).map(List)
    }
}

/// How many bytes are read from a file at a time. Large enough that the syscalls and the
/// re-parse of the one contest cut by each refill cost nothing measurable.
const CHUNK: usize = 8 << 20;

/// How many bytes of contests a parsing thread is given at a time: small enough that the
/// threads finish close together, large enough that handing batches over costs nothing
/// measurable. An array shorter than this is parsed on the reading thread.
const BATCH: usize = 1 << 20;

/// Parses a whole document held in memory.
pub(super) fn from_slice(bytes: &[u8]) -> Result<Dataset, GiveUp> {
    from_slice_on(bytes, parallel::parsers(), BATCH)
}

fn from_slice_on(bytes: &[u8], parsers: usize, batch: usize) -> Result<Dataset, GiveUp> {
    let mut input = Input::over(bytes, parsers, batch);
    input.check_text()?;
    input.walk(Reach::Whole)
}

/// The start of a document cut short after some of its contests (a file's first megabytes):
/// its schema version, title and catalogues, which must all come before the contests, and
/// the first `most` whole contests; a contest cut by the end of `bytes` is left out. Gives up
/// at anything unusual, as `from_slice` does, and when `bytes` hold no whole contest.
pub(super) fn head(bytes: &[u8], most: usize) -> Result<Dataset, GiveUp> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    // A character cut by the end is part of a contest cut by it, which is left out anyway.
    let whole = match std::str::from_utf8(bytes) {
        Err(e) if e.error_len().is_none() => &bytes[..e.valid_up_to()],
        _ => bytes,
    };
    let mut input = Input::over(whole, 1, BATCH);
    input.check_text()?;
    input.walk(Reach::Head(most))
}

/// Parses a document from a reader (a file of about `size` bytes), holding only a few
/// megabytes of it at a time. I/O errors give up too, so the plain path reports them in its
/// own words.
pub(super) fn from_reader(reader: impl Read, size: u64) -> Result<Dataset, GiveUp> {
    let size = usize::try_from(size).unwrap_or(usize::MAX);
    from_reader_on(reader, size, CHUNK, parallel::parsers(), BATCH)
}

fn from_reader_on(
    reader: impl Read,
    size: usize,
    chunk: usize,
    parsers: usize,
    batch: usize,
) -> Result<Dataset, GiveUp> {
    let mut input = Input {
        size,
        buf: Buffer::Owned(Vec::with_capacity(chunk)),
        chunk,
        reader: Some(reader),
        pos: 0,
        text_end: 0,
        eof: false,
        parsers,
        batch,
    };
    while input.bytes().len() < 3 && !input.eof {
        input.refill()?;
    }
    // A byte-order mark is legal for editors to write and carries no meaning in JSON.
    if input.bytes().starts_with(b"\xEF\xBB\xBF") {
        input.pos = 3;
    }
    input.walk(Reach::Whole)
}

/// How far the walk of a document goes.
#[derive(Debug, Clone, Copy)]
enum Reach {
    /// The whole document, and nothing after it.
    Whole,
    /// Up to the contests, then this many of the whole contests there, and no further: the
    /// document is cut short (see [`head`]).
    Head(usize),
}

enum Buffer<'a> {
    Borrowed(&'a [u8]),
    Owned(Vec<u8>),
}

struct Input<'a, R> {
    /// The document's size in bytes, as far as is known before reading it.
    size: usize,
    buf: Buffer<'a>,
    /// Bytes read at a time.
    chunk: usize,
    reader: Option<R>,
    /// Next unread byte.
    pos: usize,
    /// `bytes()[..text_end]` is known to be valid UTF-8 (the rest may be a cut character).
    text_end: usize,
    /// Everything there is to read is in the buffer.
    eof: bool,
    /// Threads to parse a long contests array on (1: parse it on this thread).
    parsers: usize,
    /// Bytes of contests given to a parsing thread at a time.
    batch: usize,
}

impl<'a> Input<'a, io::Empty> {
    /// A document held in memory.
    fn over(bytes: &'a [u8], parsers: usize, batch: usize) -> Self {
        Input {
            size: bytes.len(),
            buf: Buffer::Borrowed(bytes),
            chunk: 0,
            reader: None,
            pos: 0,
            text_end: 0,
            eof: true,
            parsers,
            batch,
        }
    }
}

impl<R: Read> Input<'_, R> {
    fn bytes(&self) -> &[u8] {
        match &self.buf {
            Buffer::Borrowed(b) => b,
            Buffer::Owned(v) => v,
        }
    }

    /// Checks the UTF-8 of the buffered bytes once, so values can be parsed from `&str`
    /// without serde_json re-checking every string.
    fn check_text(&mut self) -> Result<(), GiveUp> {
        let bytes = self.bytes();
        self.text_end = match std::str::from_utf8(&bytes[self.text_end..]) {
            Ok(_) => bytes.len(),
            // Only a character cut by the end of the buffer may be completed by the next read.
            Err(e) if e.error_len().is_none() && !self.eof => self.text_end + e.valid_up_to(),
            Err(_) => return Err(GiveUp),
        };
        Ok(())
    }

    /// The checked, unread text. Re-checking it here would be a pass over the whole buffer
    /// for every contest.
    fn text(&self) -> &str {
        let bytes = &self.bytes()[self.pos..self.text_end];
        // SAFETY: `check_text` verified `..text_end` is UTF-8, and `pos` only ever moves past
        // ASCII bytes (whitespace, punctuation, a BOM) or to where serde_json finished a value,
        // so it sits on a character boundary.
        unsafe { std::str::from_utf8_unchecked(bytes) }
    }

    /// Moves the unread bytes to the front and reads more; grows the buffer when one value
    /// is longer than a chunk.
    fn refill(&mut self) -> Result<(), GiveUp> {
        let Some(reader) = self.reader.as_mut() else {
            return Err(GiveUp);
        };
        let Buffer::Owned(buf) = &mut self.buf else {
            return Err(GiveUp);
        };
        buf.drain(..self.pos);
        self.text_end -= self.pos;
        self.pos = 0;
        let want = buf.len() + self.chunk;
        buf.reserve(self.chunk);
        while buf.len() < want {
            let n = reader
                .by_ref()
                .take((want - buf.len()) as u64)
                .read_to_end(buf)
                .map_err(|_| GiveUp)?;
            if n == 0 {
                self.eof = true;
                break;
            }
        }
        self.check_text()
    }

    /// Skips JSON whitespace and returns the next byte without consuming it (None at the end).
    fn peek(&mut self) -> Result<Option<u8>, GiveUp> {
        loop {
            let bytes = self.bytes();
            let mut pos = self.pos;
            while let Some(&b) = bytes.get(pos) {
                if !matches!(b, b' ' | b'\n' | b'\t' | b'\r') {
                    self.pos = pos;
                    return Ok(Some(b));
                }
                pos += 1;
            }
            self.pos = pos;
            if self.eof {
                return Ok(None);
            }
            self.refill()?;
        }
    }

    fn expect(&mut self, byte: u8) -> Result<(), GiveUp> {
        if self.peek()? == Some(byte) {
            self.pos += 1;
            Ok(())
        } else {
            Err(GiveUp)
        }
    }

    /// One JSON value at the current position, read more of the file if it is cut short.
    fn value<T: DeserializeOwned>(&mut self) -> Result<T, GiveUp> {
        loop {
            let text = self.text();
            let mut values = serde_json::Deserializer::from_str(text).into_iter::<T>();
            match values.next() {
                Some(Ok(value)) => {
                    let end = self.pos + values.byte_offset();
                    // A number at the very end of the buffer may continue in the next chunk.
                    if end < self.text_end || self.eof {
                        self.pos = end;
                        return Ok(value);
                    }
                }
                Some(Err(e)) if e.is_eof() && !self.eof => {}
                None if !self.eof => {}
                _ => return Err(GiveUp),
            }
            self.refill()?;
        }
    }

    /// `{ "schema_version": .., "title": .., "regions": [..], "factions": [..], "contests": [..] }`
    /// with the keys in any order, each at most once, and nothing after the closing brace; or
    /// only its head (see [`Reach`]).
    fn walk(&mut self, reach: Reach) -> Result<Dataset, GiveUp> {
        let mut schema_version: Option<u32> = None;
        let mut title: Option<Option<String>> = None;
        let mut regions: Option<Vec<Region>> = None;
        let mut factions: Option<Vec<Faction>> = None;
        let mut contests: Option<Vec<Contest>> = None;
        self.expect(b'{')?;
        if self.peek()? == Some(b'}') {
            return Err(GiveUp);
        }
        loop {
            let key: String = self.value()?;
            self.expect(b':')?;
            match key.as_str() {
                "schema_version" if schema_version.is_none() => {
                    schema_version = Some(self.value()?);
                }
                "title" if title.is_none() => title = Some(self.value()?),
                "regions" if regions.is_none() => regions = Some(self.value::<List<_>>()?.0),
                "factions" if factions.is_none() => factions = Some(self.value::<List<_>>()?.0),
                "contests" if contests.is_none() => match reach {
                    Reach::Whole => contests = Some(self.contests()?),
                    // A catalogue after the contests would be missed, and what they name in
                    // it with it.
                    Reach::Head(_) if regions.is_none() || factions.is_none() => {
                        return Err(GiveUp);
                    }
                    Reach::Head(most) => {
                        contests = Some(self.head_contests(most)?);
                        break;
                    }
                },
                // Unknown or repeated: the plain parse explains what is wrong.
                _ => return Err(GiveUp),
            }
            match self.peek()? {
                Some(b',') => self.pos += 1,
                Some(b'}') => {
                    self.pos += 1;
                    break;
                }
                _ => return Err(GiveUp),
            }
        }
        if matches!(reach, Reach::Whole) && self.peek()?.is_some() {
            return Err(GiveUp);
        }
        Ok(Dataset {
            schema_version: schema_version.ok_or(GiveUp)?,
            title: title.flatten().map(Into::into),
            regions: regions.unwrap_or_default(),
            factions: factions.unwrap_or_default(),
            contests: contests.ok_or(GiveUp)?,
        })
    }

    /// The contests array, a batch of whole contests at a time: on parsing threads when it is
    /// long, else here.
    fn contests(&mut self) -> Result<Vec<Contest>, GiveUp> {
        let mut contests = Vec::new();
        self.expect(b'[')?;
        if self.peek()? == Some(b']') {
            self.pos += 1;
            return Ok(contests);
        }
        if self.parsers > 1 && (!self.eof || self.text_end - self.pos > self.batch) {
            return parallel::parse(self.parsers, self.size, || self.next_batch());
        }
        loop {
            let found = self.next_split()?;
            let text = self.text();
            for range in found.contests {
                contests.push(parse_contest(&text[range])?);
            }
            self.pos += found.taken;
            if found.done {
                return Ok(contests);
            }
        }
    }
}

impl<R: Read> Input<'_, R> {
    /// The first `most` whole contests of an array cut short by the end of the buffer; gives
    /// up when there is none.
    fn head_contests(&mut self, most: usize) -> Result<Vec<Contest>, GiveUp> {
        self.expect(b'[')?;
        let text = self.text();
        let found = split(text.as_bytes(), usize::MAX).map_err(|_| GiveUp)?;
        let contests: Vec<Contest> = found
            .contests
            .into_iter()
            .take(most)
            .map(|range| parse_contest(&text[range]))
            .collect::<Result<_, _>>()?;
        if contests.is_empty() {
            return Err(GiveUp);
        }
        Ok(contests)
    }

    /// The next batch of whole contests for a parsing thread, and whether the array ends
    /// with it.
    fn next_batch(&mut self) -> Result<(Batch, bool), GiveUp> {
        let found = self.next_split()?;
        // `taken` is just past a comma or bracket, so on a character boundary.
        let batch = Batch {
            text: self.text()[..found.taken].to_owned(),
            contests: found.contests,
        };
        self.pos += found.taken;
        Ok((batch, found.done))
    }

    /// Where the next whole contests are in `text()` (up to a batch of them), without moving
    /// past them; reads more of the file when the buffer holds no whole contest.
    fn next_split(&mut self) -> Result<Split, GiveUp> {
        loop {
            let found = split(self.text().as_bytes(), self.batch).map_err(|_| GiveUp)?;
            if !found.contests.is_empty() {
                return Ok(found);
            }
            if self.eof {
                return Err(GiveUp);
            }
            self.refill()?;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::EMBEDDED;

    /// What the plain path accepts: the document and every record must be JSON objects.
    fn plain(json: &str) -> Option<Dataset> {
        require_object::whole(json.as_bytes()).ok()
    }

    /// The one-thread path, reading `chunk` bytes at a time.
    fn from_reader_in_chunks(json: &[u8], chunk: usize) -> Result<Dataset, GiveUp> {
        from_reader_on(json, json.len(), chunk, 1, BATCH)
    }

    /// Every way of reading gives what serde_json gives, at any chunk size, on one thread
    /// or several with any batch size.
    fn agrees(json: &str) {
        let expected = plain(json).expect("test document is valid");
        let bytes = json.as_bytes();
        assert_eq!(from_slice(bytes).unwrap(), expected);
        for (parsers, batch) in [(2, 1), (3, 100), (2, 4096)] {
            let got = from_slice_on(bytes, parsers, batch).unwrap();
            assert_eq!(got, expected, "{parsers} parsers, batch {batch}");
        }
        // Tiny chunks re-parse the cut value at every refill, so they are slow on big inputs.
        let tiny: &[usize] = if json.len() < 1000 { &[1, 2, 3] } else { &[] };
        for &chunk in tiny.iter().chain(&[13, 64, 4096]) {
            let got = from_reader_in_chunks(bytes, chunk).unwrap();
            assert_eq!(got, expected, "chunk {chunk}");
            for (parsers, batch) in [(2, 1), (3, 100), (2, 4096)] {
                let got = from_reader_on(bytes, bytes.len(), chunk, parsers, batch).unwrap();
                assert_eq!(
                    got, expected,
                    "chunk {chunk}, {parsers} parsers, batch {batch}"
                );
            }
        }
    }

    /// Every way of reading gives up.
    fn gives_up(bad: &[u8]) {
        let show = String::from_utf8_lossy(bad);
        // Tiny chunks re-parse the cut value at every refill, so they are slow on big inputs.
        let chunks: &[usize] = if bad.len() < 1000 {
            &[3, 64]
        } else {
            &[64, 4096]
        };
        assert!(from_slice(bad).is_err(), "{show}");
        for (parsers, batch) in [(1, BATCH), (2, 1), (3, 100)] {
            assert!(from_slice_on(bad, parsers, batch).is_err(), "{show}");
            for &chunk in chunks {
                assert!(
                    from_reader_on(bad, bad.len(), chunk, parsers, batch).is_err(),
                    "{show}"
                );
            }
        }
    }

    /// The seed's contests `copies` times over (ids repeat: this reads, it does not check).
    fn many_contests(copies: usize) -> String {
        let seed: serde_json::Value = serde_json::from_slice(EMBEDDED).unwrap();
        let contests = seed["contests"].as_array().unwrap();
        let each: Vec<String> = contests
            .iter()
            .map(std::string::ToString::to_string)
            .collect();
        let all = vec![each.join(",\n"); copies].join(" , ");
        format!(
            r#"{{"schema_version":1,"regions":{},"contests":[{all}],"factions":{}}}"#,
            seed["regions"], seed["factions"]
        )
    }

    #[test]
    fn reads_the_seed_at_any_chunk_size() {
        // The seed's title has an en dash, so small chunks cut a multi-byte character.
        agrees(std::str::from_utf8(EMBEDDED).unwrap());
    }

    #[test]
    fn keys_in_any_order_and_any_whitespace() {
        agrees(r#"{"contests":[],"schema_version":1}"#);
        agrees(" {\n\t\"schema_version\" : 1 ,\r\n \"title\": null, \"contests\" : [ ] } \n");
        agrees(
            r#"{"schema_version":1,"regions":[{"id":"x","name":"X"}],"contests":[{"id":"a","kind":"other","title":"A","status":"pending","sources":[]} , {"id":"b","kind":"other","title":"B\u00e9","status":"decided","sources":[]}]}"#,
        );
    }

    #[test]
    fn a_number_cut_by_the_chunk_end_is_read_whole() {
        let json = r#"{"contests":[],"schema_version":12345}"#;
        for chunk in 1..json.len() {
            let got = from_reader_in_chunks(json.as_bytes(), chunk).unwrap();
            assert_eq!(got.schema_version, 12345, "chunk {chunk}");
        }
    }

    #[test]
    fn gives_up_on_anything_serde_would_reject() {
        for bad in [
            "",
            "{}",
            "[]",
            r#"{"schema_version":1}"#,
            r#"{"contests":[]}"#,
            r#"{"schema_version":1,"contests":[],"extra":1}"#,
            r#"{"schema_version":1,"contests":[],"schema_version":1}"#,
            r#"{"schema_version":1,"contests":[],}"#,
            r#"{"schema_version":1,"contests":[{}]}"#,
            r#"{"schema_version":1,"contests":[] } x"#,
            r#"{"schema_version":1,"contests":[] } {}"#,
            r#"{"schema_version":1,"contests":[]"#,
            r#"{"schema_version":1 "contests":[]}"#,
            r#"{"schema_version":-1,"contests":[]}"#,
            // Records written as arrays of field values are refused, as on the plain path.
            r#"{"schema_version":1,"contests":[["a","other","A"]]}"#,
            r#"{"schema_version":1,"regions":[["x","X"]],"contests":[]}"#,
        ] {
            assert!(plain(bad).is_none(), "serde rejects {bad}");
            gives_up(bad.as_bytes());
        }
        gives_up(b"{\"schema_version\":1,\"title\":\"\xff\",\"contests\":[]}");
    }

    #[test]
    fn reads_many_contests_in_batches() {
        agrees(&many_contests(20));
    }

    #[test]
    fn gives_up_on_a_bad_contest_deep_in_the_array() {
        let good = many_contests(20);
        let at = good.rfind(r#""id":"#).unwrap();
        // The `n`th `from` in the document becomes `to`.
        let nth = |n: usize, from: &str, to: &str| {
            let (i, _) = good.match_indices(from).nth(n).unwrap();
            format!("{}{to}{}", &good[..i], &good[i + from.len()..])
        };
        let mut bad_contests = vec![
            // An unknown key, a syntax error, an unclosed string, a trailing comma, a missing one.
            nth(200, r#""id":"#, r#""oops":1,"id":"#),
            nth(150, r#""id":"#, r#""id"::"#),
            nth(180, r#""id":""#, r#""id":"\"#),
            nth(0, r#"}],"factions""#, r#"},],"factions""#),
            nth(230, "},\n{", "}\n{"),
        ];
        // Only the last contest goes wrong, in its last batch.
        bad_contests.push(format!("{}\"x\":1,{}", &good[..at], &good[at..]));
        for bad in &bad_contests {
            assert!(plain(bad).is_none(), "serde rejects it");
            gives_up(bad.as_bytes());
        }
        let mut bad_utf8 = good.into_bytes();
        bad_utf8[at + 6] = 0xff;
        gives_up(&bad_utf8);
    }

    #[test]
    fn a_byte_order_mark_is_skipped_when_streaming() {
        let json = "\u{feff}{\"schema_version\":1,\"contests\":[]}";
        assert_eq!(
            from_reader_in_chunks(json.as_bytes(), 2).unwrap(),
            Dataset::empty()
        );
    }

    #[test]
    fn lists_take_exactly_the_room_they_use() {
        let dataset = from_slice(EMBEDDED).unwrap();
        for contest in &dataset.contests {
            assert_eq!(contest.candidates.capacity(), contest.candidates.len());
            assert_eq!(contest.sources.capacity(), contest.sources.len());
            for candidate in &contest.candidates {
                assert_eq!(
                    candidate.endorsements.capacity(),
                    candidate.endorsements.len()
                );
            }
        }
    }
}
