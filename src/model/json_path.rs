//! Finds where a JSON path (`contests[3].region`) sits in a document, as line and column.
//!
//! serde reports positions only for syntax and type errors; problems found after parsing
//! (an unknown region id, a duplicate contest id) are located here instead. Only error
//! reporting uses this, so it favours simplicity over speed.

use std::fmt;

/// One step of a JSON path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Segment {
    Key(String),
    Index(usize),
}

/// A path from the document root, displayed as `contests[3].candidates[1].votes`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct JsonPath(pub Vec<Segment>);

impl JsonPath {
    pub fn root() -> Self {
        JsonPath(Vec::new())
    }

    #[must_use]
    pub fn key(mut self, key: &str) -> Self {
        self.0.push(Segment::Key(key.to_string()));
        self
    }

    #[must_use]
    pub fn index(mut self, index: usize) -> Self {
        self.0.push(Segment::Index(index));
        self
    }
}

impl fmt::Display for JsonPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.0.is_empty() {
            return f.write_str("(top level)");
        }
        for (i, seg) in self.0.iter().enumerate() {
            match seg {
                Segment::Key(k) if i == 0 => write!(f, "{k}")?,
                Segment::Key(k) => write!(f, ".{k}")?,
                Segment::Index(n) => write!(f, "[{n}]")?,
            }
        }
        Ok(())
    }
}

/// Line and column (both 1-based; the column counts bytes, as serde_json does) of `offset`.
pub fn line_column(bytes: &[u8], offset: usize) -> (usize, usize) {
    let before = &bytes[..offset.min(bytes.len())];
    let line = memchr::memchr_iter(b'\n', before).count() + 1;
    let line_start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |p| p + 1);
    (line, before.len() - line_start + 1)
}

/// Byte offset of the value at `path`, or of the deepest part of it that exists.
pub fn offset_of(bytes: &[u8], path: &JsonPath) -> usize {
    let mut pos = skip_ws(bytes, 0);
    for seg in &path.0 {
        match find_child(bytes, pos, seg) {
            Some((_, child)) => pos = child,
            None => break,
        }
    }
    pos
}

/// Byte offset of the key (its opening quote) that ends `path`, when the path ends in a key
/// that exists: where an unknown field is named.
pub fn key_offset(bytes: &[u8], path: &JsonPath) -> Option<usize> {
    let (last, parent) = path.0.split_last()?;
    let parent = JsonPath(parent.to_vec());
    let at = offset_of(bytes, &parent);
    match find_child(bytes, at, last)? {
        (Some(key), _) => Some(key),
        (None, _) => None,
    }
}

/// Line and column of the value at `path`.
pub fn locate(bytes: &[u8], path: &JsonPath) -> (usize, usize) {
    line_column(bytes, offset_of(bytes, path))
}

fn skip_ws(bytes: &[u8], mut pos: usize) -> usize {
    while pos < bytes.len() && matches!(bytes[pos], b' ' | b'\t' | b'\n' | b'\r') {
        pos += 1;
    }
    pos
}

/// Position just past the string starting at `pos` (which holds the opening quote).
fn skip_string(bytes: &[u8], mut pos: usize) -> usize {
    pos += 1;
    while pos < bytes.len() {
        match bytes[pos] {
            b'\\' => pos += 2,
            b'"' => return pos + 1,
            _ => pos += 1,
        }
    }
    pos
}

/// Position just past the value starting at `pos`; iterative, so nesting depth costs no stack.
fn skip_value(bytes: &[u8], pos: usize) -> usize {
    let mut pos = pos;
    let mut depth = 0usize;
    while pos < bytes.len() {
        match bytes[pos] {
            b'"' => {
                pos = skip_string(bytes, pos);
                if depth == 0 {
                    return pos;
                }
                continue;
            }
            b'{' | b'[' => depth += 1,
            b'}' | b']' => {
                if depth <= 1 {
                    return pos + 1;
                }
                depth -= 1;
            }
            b',' | b' ' | b'\t' | b'\n' | b'\r' if depth == 0 => return pos,
            _ => {}
        }
        pos += 1;
    }
    pos
}

/// The child `seg` of the container at `pos`: where its key starts (for objects) and where its
/// value starts.
fn find_child(bytes: &[u8], pos: usize, seg: &Segment) -> Option<(Option<usize>, usize)> {
    match (bytes.get(pos)?, seg) {
        (b'{', Segment::Key(want)) => {
            let mut p = skip_ws(bytes, pos + 1);
            while bytes.get(p) == Some(&b'"') {
                let key_start = p;
                let key_end = skip_string(bytes, p);
                let key: Option<String> = serde_json::from_slice(&bytes[p..key_end]).ok();
                p = skip_ws(bytes, key_end);
                let found = key.as_deref() == Some(want.as_str());
                if bytes.get(p) != Some(&b':') {
                    // A key with no value after it is still where a bad key is named.
                    return found.then_some((Some(key_start), p));
                }
                p = skip_ws(bytes, p + 1);
                if found {
                    return Some((Some(key_start), p));
                }
                p = skip_ws(bytes, skip_value(bytes, p));
                if bytes.get(p) != Some(&b',') {
                    return None;
                }
                p = skip_ws(bytes, p + 1);
            }
            None
        }
        (b'[', Segment::Index(want)) => {
            let mut p = skip_ws(bytes, pos + 1);
            for _ in 0..*want {
                if bytes.get(p) == Some(&b']') {
                    return None;
                }
                p = skip_ws(bytes, skip_value(bytes, p));
                if bytes.get(p) != Some(&b',') {
                    return None;
                }
                p = skip_ws(bytes, p + 1);
            }
            (bytes.get(p) != Some(&b']')).then_some((None, p))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const DOC: &str =
        "{\n  \"a\": [1, {\"b\": \"x]\\\"\"}, {\"c\": [[], {\"d\": 7}]}],\n  \"e\": null\n}";

    #[test]
    fn finds_nested_values() {
        let path = JsonPath::root()
            .key("a")
            .index(2)
            .key("c")
            .index(1)
            .key("d");
        assert_eq!(path.to_string(), "a[2].c[1].d");
        let off = offset_of(DOC.as_bytes(), &path);
        assert_eq!(&DOC[off..=off], "7");
        assert_eq!(locate(DOC.as_bytes(), &JsonPath::root().key("e")), (3, 8));
    }

    #[test]
    fn finds_keys() {
        let path = JsonPath::root().key("a").index(1).key("b");
        let off = key_offset(DOC.as_bytes(), &path).unwrap();
        assert_eq!(&DOC[off..off + 3], "\"b\"");
        assert_eq!(
            key_offset(DOC.as_bytes(), &JsonPath::root().key("zz")),
            None
        );
        assert_eq!(
            key_offset(DOC.as_bytes(), &JsonPath::root().key("a").index(0)),
            None
        );
    }

    #[test]
    fn missing_parts_stop_at_the_deepest_found() {
        let path = JsonPath::root().key("a").index(9);
        let off = offset_of(DOC.as_bytes(), &path);
        assert_eq!(&DOC[off..=off], "[");
    }
}
