//! Small pieces the importers share: winners by most votes, ids, places in a file, the names in
//! a CSV header.

use crate::model::Candidate;

/// Candidates tied across the last place that wins a seat; nobody among them is elected.
#[derive(Debug, Clone, PartialEq)]
pub struct Tie {
    pub names: Vec<String>,
    pub votes: u64,
}

impl Tie {
    /// `tie for the last seat: A and B have 120 votes each; neither is marked elected`.
    pub fn sentence(&self, seats: usize) -> String {
        let place = if seats == 1 {
            "first place"
        } else {
            "the last seat"
        };
        format!(
            "tie for {place}: {} have {} votes each; the file does not break it, so none of them is marked elected",
            and_list(&self.names),
            self.votes
        )
    }
}

/// Marks the `seats` candidates with most votes elected, in any order of the list. Candidates
/// with unknown votes never win; a tie across the last winning place is returned, never broken
/// (those above it are still elected). Nobody wins when every count is zero or unknown.
pub fn mark_winners(candidates: &mut [Candidate], seats: usize) -> Option<Tie> {
    let mut order: Vec<(usize, u64)> = candidates
        .iter()
        .enumerate()
        .filter_map(|(i, c)| c.votes.filter(|&v| v > 0).map(|v| (i, v)))
        .collect();
    order.sort_by_key(|&(i, v)| (std::cmp::Reverse(v), i));
    if order.is_empty() || seats == 0 {
        return None;
    }
    let last = order[(seats.min(order.len())) - 1].1;
    let above = order.iter().filter(|&&(_, v)| v > last).count();
    let at = order.iter().filter(|&&(_, v)| v == last).count();
    for &(i, v) in &order {
        if v > last || (above + at <= seats && v == last) {
            candidates[i].elected = true;
        }
    }
    (above + at > seats).then(|| Tie {
        names: order
            .iter()
            .filter(|&&(_, v)| v == last)
            .map(|&(i, _)| candidates[i].name.to_string())
            .collect(),
        votes: last,
    })
}

/// `A`, `A and B`, `A, B and C`.
pub fn and_list(names: &[String]) -> String {
    match names {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// `US Senator - REPUBLICAN` → `us-senator-republican`; `fallback` when nothing is left.
pub fn slug(text: &str, fallback: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
        if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    let trimmed = out.trim_end_matches('-');
    if trimmed.is_empty() {
        fallback.to_string()
    } else {
        trimmed.to_string()
    }
}

/// Makes `id` unique among `taken` by adding `-2`, `-3`…, and records it.
pub fn unique(id: String, taken: &mut std::collections::HashSet<String>) -> String {
    let mut candidate = id.clone();
    let mut n = 2;
    while taken.contains(&candidate) {
        candidate = format!("{id}-{n}");
        n += 1;
    }
    taken.insert(candidate.clone());
    candidate
}

/// The 1-based line and column (in characters) of byte `offset` of `bytes`.
pub fn line_column(bytes: &[u8], offset: usize) -> (usize, usize) {
    let offset = offset.min(bytes.len());
    let before = &bytes[..offset];
    let line = memchr::memchr_iter(b'\n', before).count() + 1;
    let start = memchr::memrchr(b'\n', before).map_or(0, |i| i + 1);
    let column = String::from_utf8_lossy(&before[start..]).chars().count() + 1;
    (line, column)
}

/// A US date `m/d/yyyy` (or an ISO `yyyy-mm-dd`) as `yyyy-mm-dd`, for `PartialDate::parse`.
pub fn us_date(text: &str) -> Option<String> {
    let first = text.split_whitespace().next()?;
    let parts: Vec<&str> = first.split('/').collect();
    match parts.as_slice() {
        [m, d, y] if y.len() == 4 && m.len() <= 2 && d.len() <= 2 => {
            let m: u32 = m.parse().ok()?;
            let d: u32 = d.parse().ok()?;
            Some(format!("{y}-{m:02}-{d:02}"))
        }
        _ if first.len() == 10 && first.as_bytes()[4] == b'-' => Some(first.to_string()),
        _ => None,
    }
}

/// The text of an XML entity reference (`amp`, `#233`, `#xE9`); None for one XML does not
/// define (a document type's own entities are not read).
pub fn xml_entity(name: &str) -> Option<String> {
    Some(match name {
        "amp" => "&".into(),
        "lt" => "<".into(),
        "gt" => ">".into(),
        "quot" => "\"".into(),
        "apos" => "'".into(),
        _ => {
            let n = name.strip_prefix('#')?;
            let code = match n.strip_prefix('x') {
                Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                None => n.parse().ok()?,
            };
            char::from_u32(code)?.to_string()
        }
    })
}

/// A candidate with a name and votes, nothing else known.
pub fn candidate(name: String, party: Option<String>, votes: Option<u64>) -> Candidate {
    let lower = name.to_lowercase();
    let write_in = lower.contains("write-in")
        || lower.contains("write in")
        || lower.contains("writein")
        || lower.contains("write-ins");
    Candidate {
        party: party.map(Into::into),
        votes,
        write_in,
        ..Candidate::new(name)
    }
}

/// The final component of a path as given on the command line: a dataset must not carry a
/// machine's directories.
pub fn base_name(file: &str) -> String {
    std::path::Path::new(file)
        .file_name()
        .map_or_else(|| file.to_string(), |n| n.to_string_lossy().into_owned())
}

/// The column names on the first line of a CSV-like file, trimmed, unquoted and lowercased (as
/// its reader will match them), for recognising a layout without reading the file; `None` when
/// the first 4 KB hold no whole line of UTF-8 text. The delimiter is sniffed when not given.
pub fn header_names(bytes: &[u8], delimiter: Option<u8>) -> Option<Vec<String>> {
    let head = &bytes[..bytes.len().min(4096)];
    // CR, LF or CRLF: a classic Mac file's lines end in CR alone.
    let end = memchr::memchr2(b'\n', b'\r', head)?;
    let line = std::str::from_utf8(&head[..end]).ok()?;
    let delimiter = delimiter.unwrap_or_else(|| sniff_delimiter(line.as_bytes()));
    Some(
        line.split(char::from(delimiter))
            .map(|n| n.trim().trim_matches('"').trim().to_lowercase())
            .collect(),
    )
}

/// The most frequent of `,`, `;`, tab and `|` in the first line (`,` on a tie).
pub fn sniff_delimiter(bytes: &[u8]) -> u8 {
    let line = bytes
        .split(|&b| b == b'\n' || b == b'\r')
        .next()
        .unwrap_or(bytes);
    [b',', b';', b'\t', b'|']
        .into_iter()
        .max_by_key(|&d| (memchr::memchr_iter(d, line).count(), d == b','))
        .unwrap_or(b',')
}

/// A reader that ends every line in LF: a lone CR (classic Mac) and CRLF both become one LF,
/// so that a CSV reader counts lines (for errors) whatever ended them. A CR inside a quoted
/// cell is a line break there too.
pub struct AnyLineEnd<R> {
    inner: R,
    /// The last byte read was a CR: an LF next is its second half.
    after_cr: bool,
}

impl<R> AnyLineEnd<R> {
    pub fn new(inner: R) -> AnyLineEnd<R> {
        AnyLineEnd {
            inner,
            after_cr: false,
        }
    }
}

impl<R: std::io::Read> std::io::Read for AnyLineEnd<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        loop {
            let n = self.inner.read(buf)?;
            if n == 0 {
                return Ok(0);
            }
            let mut out = 0;
            for i in 0..n {
                let b = buf[i];
                if b == b'\n' && self.after_cr {
                    self.after_cr = false;
                    continue;
                }
                self.after_cr = b == b'\r';
                buf[out] = if b == b'\r' { b'\n' } else { b };
                out += 1;
            }
            // A read that was all the LF of a CRLF gives nothing: read on, or it looks like
            // the end.
            if out > 0 {
                return Ok(out);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn named(votes: &[Option<u64>]) -> Vec<Candidate> {
        votes
            .iter()
            .enumerate()
            .map(|(i, v)| candidate(format!("c{i}"), None, *v))
            .collect()
    }

    #[test]
    fn most_votes_win_ties_are_not_broken() {
        let mut c = named(&[Some(5), Some(9), None]);
        assert_eq!(mark_winners(&mut c, 1), None);
        assert!(c[1].elected && !c[0].elected && !c[2].elected);
        let mut c = named(&[Some(9), Some(9), Some(1)]);
        let tie = mark_winners(&mut c, 1).unwrap();
        assert_eq!(tie.names, ["c0", "c1"]);
        assert!(c.iter().all(|c| !c.elected));
        let mut c = named(&[Some(10), Some(9), Some(9)]);
        assert!(mark_winners(&mut c, 2).is_some());
        assert!(c[0].elected && !c[1].elected && !c[2].elected);
        let mut c = named(&[Some(0), Some(0)]);
        assert_eq!(mark_winners(&mut c, 1), None);
        assert!(c.iter().all(|c| !c.elected));
    }

    #[test]
    fn dates_and_places() {
        assert_eq!(us_date("5/20/2014").as_deref(), Some("2014-05-20"));
        assert_eq!(
            us_date("5/20/2014 8:19:21 PM EDT").as_deref(),
            Some("2014-05-20")
        );
        assert_eq!(us_date("2014-05-20").as_deref(), Some("2014-05-20"));
        assert_eq!(us_date("May 2014"), None);
        assert_eq!(line_column(b"ab\ncd", 4), (2, 2));
    }

    #[test]
    fn header_names_are_read_from_the_first_whole_line() {
        assert_eq!(
            header_names(b"Office; \" Candidate \";VOTES\r\nx;y;1\n", None).unwrap(),
            ["office", "candidate", "votes"]
        );
        assert_eq!(
            header_names(b"a\tb,c\n", Some(b',')).unwrap(),
            ["a\tb", "c"]
        );
        // No line end in the first 4 KB, or not UTF-8: no header to recognise.
        assert_eq!(header_names(b"office,candidate,votes", None), None);
        assert_eq!(header_names(b"of\xFFfice,votes\n", None), None);
        assert_eq!(sniff_delimiter(b"a|b|c,d\n1,2,3,4,5"), b'|');
        assert_eq!(
            header_names(b"a;b\rc,d,e\r", None).unwrap(),
            ["a", "b"],
            "a CR alone ends a line"
        );
    }

    #[test]
    fn any_line_end_is_one_lf() {
        use std::io::Read as _;
        // One byte at a time, so a CRLF is split across reads.
        struct Trickle<'a>(&'a [u8]);
        impl std::io::Read for Trickle<'_> {
            fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
                let Some((&b, rest)) = self.0.split_first() else {
                    return Ok(0);
                };
                buf[0] = b;
                self.0 = rest;
                Ok(1)
            }
        }
        let mut out = String::new();
        AnyLineEnd::new(Trickle(b"a\rb\r\nc\nd\r\r\ne"))
            .read_to_string(&mut out)
            .unwrap();
        assert_eq!(out, "a\nb\nc\nd\n\ne");
    }
}
