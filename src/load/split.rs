//! Finding where each contest of the contests array ends without parsing it, so whole contests
//! can be handed to other threads to parse. Only braces outside strings are counted; strings
//! are skipped with their escapes. This is a cheap pass the parser makes anyway in full.
//!
//! The split is only a guess on malformed input (a stray bracket, an unclosed string): each
//! piece is parsed on its own and must be exactly one JSON object, so a wrong split fails to
//! parse and the caller gives up. On a valid document it matches JSON's own reading exactly.

use std::ops::Range;

/// Anything but what a contests array may hold between its brackets.
#[derive(Debug, PartialEq, Eq)]
pub(super) struct Malformed;

/// What `split` found at the start of a buffer.
#[derive(Debug, PartialEq, Eq)]
pub(super) struct Split {
    /// Each whole contest's bytes, braces included.
    pub contests: Vec<Range<usize>>,
    /// How far the contests and the separators after them reach: the next read starts here,
    /// where a contest is expected (or after the closing bracket).
    pub taken: usize,
    /// The closing bracket of the array was reached.
    pub done: bool,
}

/// Splits whole contests off the start of `bytes`, which begins where a contest is expected
/// (after the array's `[` or a comma). A contest counts once the comma or bracket after it
/// has been seen, so one cut by the end of `bytes` is left whole for the next read. Stops
/// once the contests taken reach `limit` bytes.
pub(super) fn split(bytes: &[u8], limit: usize) -> Result<Split, Malformed> {
    let mut found = Split {
        contests: Vec::new(),
        taken: 0,
        done: false,
    };
    while found.taken < limit {
        let Some(start) = skip_whitespace(bytes, found.taken) else {
            break;
        };
        if bytes[start] != b'{' {
            return Err(Malformed);
        }
        let Some(end) = object_end(&bytes[start..]).map(|n| start + n) else {
            break;
        };
        let Some(separator) = skip_whitespace(bytes, end) else {
            break;
        };
        match bytes[separator] {
            b',' => {}
            b']' => found.done = true,
            _ => return Err(Malformed),
        }
        found.contests.push(start..end);
        found.taken = separator + 1;
        if found.done {
            break;
        }
    }
    Ok(found)
}

/// The first byte at or after `from` that is not JSON whitespace, if `bytes` has one.
fn skip_whitespace(bytes: &[u8], from: usize) -> Option<usize> {
    let rest = bytes.get(from..)?;
    let n = rest
        .iter()
        .position(|b| !matches!(b, b' ' | b'\n' | b'\t' | b'\r'))?;
    Some(from + n)
}

/// Given `bytes` starting with `{`, the length of that object (up to and including its
/// closing brace), or None if `bytes` ends before it does.
///
/// The bytes are read 64 at a time as bit masks (one bit per byte: is it a quote, a
/// backslash, a brace), so the work per byte is a few instructions with no branches;
/// only escapes and braces are visited one by one, and both are rare in contests.
pub(super) fn object_end(bytes: &[u8]) -> Option<usize> {
    let mut depth = 0usize;
    // Whether the block before ended inside a string, or with a backslash that escapes
    // the first byte of this one.
    let mut in_string = false;
    let mut escape_next = false;
    for (n, block) in bytes.chunks(64).enumerate() {
        let masks = Masks::of(block);
        // Escaped bytes: the one after each backslash that is not itself escaped.
        let mut escaped = u64::from(escape_next);
        escape_next = false;
        let mut backslashes = masks.backslashes;
        while backslashes != 0 {
            let at = backslashes.trailing_zeros();
            backslashes &= backslashes - 1;
            if escaped & (1 << at) == 0 {
                match 1u64.checked_shl(at + 1) {
                    Some(next) => escaped |= next,
                    None => escape_next = true,
                }
            }
        }
        let quotes = masks.quotes & !escaped;
        // Inside a string: an odd number of quotes up to and including this byte (the
        // opening quote counts as inside, the closing one as outside).
        let mut inside = prefix_xor(quotes);
        if in_string {
            inside = !inside;
        }
        in_string = inside >> 63 == 1;
        let mut braces = masks.braces & !inside;
        while braces != 0 {
            let at = braces.trailing_zeros() as usize;
            braces &= braces - 1;
            if block[at] == b'{' {
                depth += 1;
            } else {
                depth = depth.checked_sub(1)?;
                if depth == 0 {
                    return Some(n * 64 + at + 1);
                }
            }
        }
    }
    None
}

/// One bit per byte of a block of up to 64 bytes.
struct Masks {
    quotes: u64,
    backslashes: u64,
    braces: u64,
}

impl Masks {
    fn of(block: &[u8]) -> Masks {
        // A short last block is padded with spaces, which mean nothing here.
        let mut bytes = [b' '; 64];
        bytes[..block.len()].copy_from_slice(block);
        Masks {
            quotes: mask(&bytes, b'"'),
            backslashes: mask(&bytes, b'\\'),
            braces: mask(&bytes, b'{') | mask(&bytes, b'}'),
        }
    }
}

/// Which of the 64 bytes are `wanted`, 16 at a time with SSE2.
#[cfg(target_arch = "x86_64")]
fn mask(bytes: &[u8; 64], wanted: u8) -> u64 {
    use std::arch::x86_64::{
        __m128i, _mm_cmpeq_epi8, _mm_loadu_si128, _mm_movemask_epi8, _mm_set1_epi8,
    };
    let mut mask = 0u64;
    for (i, sixteen) in bytes.chunks_exact(16).enumerate() {
        // SAFETY: SSE2 is part of every x86-64 processor, and `sixteen` is 16 readable
        // bytes (an unaligned load needs no alignment).
        #[allow(clippy::cast_ptr_alignment)] // an unaligned load: see above
        let hits = unsafe {
            let loaded = _mm_loadu_si128(sixteen.as_ptr().cast::<__m128i>());
            _mm_movemask_epi8(_mm_cmpeq_epi8(loaded, _mm_set1_epi8(wanted as i8)))
        };
        mask |= u64::from(hits as u16) << (16 * i);
    }
    mask
}

/// Which of the 64 bytes are `wanted`.
#[cfg(not(target_arch = "x86_64"))]
fn mask(bytes: &[u8; 64], wanted: u8) -> u64 {
    bytes
        .iter()
        .enumerate()
        .fold(0, |mask, (i, &b)| mask | (u64::from(b == wanted) << i))
}

/// Each bit becomes the parity of the bits up to and including it.
fn prefix_xor(mut bits: u64) -> u64 {
    for shift in [1, 2, 4, 8, 16, 32] {
        bits ^= bits << shift;
    }
    bits
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_object_ends_at_its_own_closing_brace() {
        for (json, len) in [
            ("{}", 2),
            ("{} ,{}", 2),
            (r#"{"a":1}, {"b":2}"#, 7),
            (r#"{"a":{"b":[{}, {"c":{}}]}}]"#, 26),
            // Braces and brackets inside strings are text.
            (r#"{"a":"}"}"#, 9),
            (r#"{"}{":"{{{","b":"]"}x"#, 20),
            // An escaped quote does not end a string; an escaped backslash does not escape
            // the quote after it.
            (r#"{"a":"\"}"}"#, 11),
            (r#"{"a":"\\"}"#, 10),
            (r#"{"a":"\\\"}\\"},"#, 15),
            (r#"{"a\"}":"\u007d"}"#, 17),
            // Multi-byte characters are just bytes to skip.
            ("{\"é\":\"–}\"}", 13),
        ] {
            assert_eq!(object_end(json.as_bytes()), Some(len), "{json}");
            assert_eq!(json.as_bytes()[len - 1], b'}', "{json}");
        }
    }

    /// The obvious byte-at-a-time reading, to check the block-at-a-time one against.
    fn object_end_slowly(bytes: &[u8]) -> Option<usize> {
        let (mut depth, mut in_string, mut escaped) = (0, false, false);
        for (i, &b) in bytes.iter().enumerate() {
            match (in_string, b) {
                _ if escaped => escaped = false,
                (true, b'\\') => escaped = true,
                (_, b'"') => in_string = !in_string,
                (false, b'{') => depth += 1,
                (false, b'}') => {
                    depth -= 1;
                    if depth == 0 {
                        return Some(i + 1);
                    }
                }
                _ => {}
            }
        }
        None
    }

    #[test]
    fn escapes_quotes_and_braces_at_any_block_boundary() {
        // Escaped quotes and backslashes, and braces inside strings and out.
        let tricky = r#"\"}{\\","q":{"r":"\\\"{"},"s":"x""#;
        for pad in 0..140 {
            let json = format!(r#"{{"p":"{}{tricky}}}, {{}}"#, "y".repeat(pad));
            let bytes = json.as_bytes();
            let end = object_end_slowly(bytes).unwrap();
            assert_eq!(end, json.len() - ", {}".len());
            serde_json::from_slice::<serde_json::Value>(&bytes[..end]).unwrap();
            assert_eq!(object_end(bytes), Some(end), "{json}");
            for cut in end.saturating_sub(70)..end {
                assert_eq!(object_end(&bytes[..cut]), None, "{}", &json[..cut]);
            }
        }
    }

    #[test]
    fn an_object_cut_short_has_no_end() {
        for json in [
            "{",
            r#"{"a":{}"#,
            r#"{"a":"}"#,
            // Cut in the middle of an escape: the next byte may be the escaped quote.
            r#"{"a":"\"#,
            r#"{"a":"\""#,
            r#"{"a":"\"}"#,
            r#"{"a":"\\\"}"#,
        ] {
            assert_eq!(object_end(json.as_bytes()), None, "{json}");
        }
    }

    /// A small contests array (everything after its `[`) with the tricky cases.
    const ARRAY: &str = concat!(
        r#" {"id":"a","title":"Brace } and quote \" inside","n":[1,{"x":"]"}]},"#,
        "\n\t{\"id\":\"b\",\"notes\":\"back\\\\slash\\\\\",\"t\":\"–é\"} ,",
        r#"{"id":"c","e":{}}"#,
        " ]",
    );

    fn ids(bytes: &[u8], found: &Split) -> Vec<String> {
        found
            .contests
            .iter()
            .map(|r| {
                let v: serde_json::Value = serde_json::from_slice(&bytes[r.clone()]).unwrap();
                v["id"].as_str().unwrap().to_string()
            })
            .collect()
    }

    #[test]
    fn splits_a_whole_array_into_its_contests() {
        let bytes = ARRAY.as_bytes();
        let found = split(bytes, usize::MAX).unwrap();
        assert_eq!(ids(bytes, &found), ["a", "b", "c"]);
        assert_eq!(found.taken, bytes.len());
        assert!(found.done);
    }

    #[test]
    fn a_cut_anywhere_keeps_only_the_contests_before_it() {
        let bytes = ARRAY.as_bytes();
        let whole = split(bytes, usize::MAX).unwrap();
        for cut in 0..bytes.len() {
            let found = split(&bytes[..cut], usize::MAX).unwrap();
            let n = found.contests.len();
            assert_eq!(found.contests, whole.contests[..n], "cut at {cut}");
            // A contest counts only with its separator, and the read resumes just after it.
            let separator_seen = n > 0 && bytes[..cut].len() >= found.taken;
            assert!(n == 0 || separator_seen, "cut at {cut}");
            assert!(
                n == 0 || matches!(bytes[found.taken - 1], b',' | b']'),
                "cut at {cut}"
            );
            assert!(!found.done);
            // Resuming there finds the rest.
            let rest = split(&bytes[found.taken..], usize::MAX).unwrap();
            assert_eq!(n + rest.contests.len(), 3, "cut at {cut}");
        }
    }

    #[test]
    fn stops_once_the_limit_is_reached() {
        let bytes = ARRAY.as_bytes();
        let found = split(bytes, 1).unwrap();
        assert_eq!(ids(bytes, &found), ["a"]);
        let rest = split(&bytes[found.taken..], 1).unwrap();
        assert_eq!(ids(&bytes[found.taken..], &rest), ["b"]);
    }

    #[test]
    fn refuses_anything_but_objects_and_separators() {
        for bad in ["1]", "[]]", r#""a"]"#, "{} {}]", "{};", "{},]", "{},,{}]"] {
            assert_eq!(split(bad.as_bytes(), usize::MAX), Err(Malformed), "{bad}");
        }
    }
}
