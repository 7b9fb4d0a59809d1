//! Finding a search word in every contest's text with one pass over the whole text: memchr's
//! vectorised search skips from match to match, where testing contest by contest would start
//! a search a million times.

use memchr::memmem::Finder;

use crate::side_by_side::both;

/// The contests (ascending) whose text contains `word` and that pass `keep`. Contest i's
/// text is `text[bounds[i]..bounds[i + 1]]`; fields end in a newline, which a word never
/// contains, so no match spans two contests.
pub(super) fn find_all(
    text: &str,
    bounds: &[usize],
    word: &Finder,
    keep: impl Fn(usize) -> bool + Sync,
) -> Vec<usize> {
    let contests = bounds.len().saturating_sub(1);
    if text.len() < IN_TWO_FROM || contests < 2 {
        return find_in(text, bounds, 0..contests, word, &keep);
    }
    // A large text is searched in two halves at once (a keystroke's search at a million
    // contests is a pass over hundreds of megabytes).
    let half = contests / 2;
    let (mut found, later) = both(
        || find_in(text, bounds, 0..half, word, &keep),
        || find_in(text, bounds, half..contests, word, &keep),
    );
    found.extend(later);
    found
}

/// Text shorter than this is searched on one thread: a thread costs more than it saves.
const IN_TWO_FROM: usize = 4 << 20;

/// [`find_all`] within the contests `range`.
fn find_in(
    text: &str,
    bounds: &[usize],
    range: std::ops::Range<usize>,
    word: &Finder,
    keep: &impl Fn(usize) -> bool,
) -> Vec<usize> {
    if range.is_empty() {
        return Vec::new();
    }
    let bytes = &text.as_bytes()[..bounds[range.end]];
    let mut out = Vec::new();
    let mut contest = range.start;
    let mut from = bounds[range.start];
    while let Some(at) = word.find(&bytes[from..]).map(|p| from + p) {
        contest = contest_at(bounds, contest, at);
        if keep(contest) {
            out.push(contest);
        }
        // One match is enough for this contest: go on from the next one's text.
        from = bounds[contest + 1];
    }
    out
}

/// The contest whose text holds byte `at`, searching forward from contest `from`: matches
/// are often in the next few contests, so a short walk comes before a binary search.
fn contest_at(bounds: &[usize], from: usize, at: usize) -> usize {
    for i in from..(from + 8).min(bounds.len() - 1) {
        if bounds[i + 1] > at {
            return i;
        }
    }
    from + bounds[from..].partition_point(|&b| b <= at) - 1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_each_contest_once_and_never_across_two() {
        // Contest texts: "ab\n", "b\nb\n", "x\n", "a\n", "b\n" (fields end in newlines).
        let parts = ["ab\n", "b\nb\n", "x\n", "a\n", "b\n"];
        let text: String = parts.concat();
        let mut bounds = vec![0];
        for p in parts {
            bounds.push(bounds.last().unwrap() + p.len());
        }
        let b = Finder::new("b");
        assert_eq!(find_all(&text, &bounds, &b, |_| true), vec![0, 1, 4]);
        assert_eq!(find_all(&text, &bounds, &b, |i| i != 1), vec![0, 4]);
        assert_eq!(
            find_all(&text, &bounds, &Finder::new("a"), |_| true),
            vec![0, 3]
        );
        assert!(find_all(&text, &bounds, &Finder::new("bb"), |_| true).is_empty());
    }

    /// A text large enough to be searched in two halves finds what a search of each
    /// contest finds, in order, a match at the cut included.
    #[test]
    fn two_halves_find_what_each_contest_holds() {
        let parts: Vec<String> = (0..200_000)
            .map(|i| match i % 7 {
                0 => format!("needle {i}\n"),
                3 => format!("{i} haystack\nneedles\n"),
                _ => format!("contest {i} has nothing\n"),
            })
            .collect();
        let text: String = parts.concat();
        assert!(text.len() >= IN_TWO_FROM);
        let mut bounds = vec![0];
        for p in &parts {
            bounds.push(bounds.last().unwrap() + p.len());
        }
        let want: Vec<usize> = (0..parts.len())
            .filter(|&i| parts[i].contains("needle") && i % 2 == 0)
            .collect();
        let found = find_all(&text, &bounds, &Finder::new("needle"), |i| i % 2 == 0);
        assert_eq!(found, want);
        // Both halves found some.
        assert!(found.contains(&99_988) && found.contains(&100_002));
    }

    #[test]
    fn walks_far_with_a_binary_search() {
        let text = "x\n".repeat(1000) + "y\n";
        let bounds: Vec<usize> = (0..=1001).map(|i| i * 2).collect();
        assert_eq!(
            find_all(&text, &bounds, &Finder::new("y"), |_| true),
            vec![1000]
        );
    }
}
