//! A sorted list's contests, read ahead. In a large dataset the contests of a list sorted by
//! date lie far apart in memory, and making each row waited on memory first (a twentieth of
//! `list --format markdown` at 200,000 contests). The rows a little ahead are asked for before
//! they are read, and arrive while the rows before them are made.

use crate::model::{Candidate, Contest, Dataset};

/// How far ahead a contest is asked for; what it points to (its candidates, id and title)
/// is asked for nearer, once the contest itself has arrived to say where they are.
const CONTEST_AHEAD: usize = 16;
const PARTS_AHEAD: usize = 8;

/// The most of a contest's candidates asked for: a row reads the first few most.
const MOST_CANDIDATE_BYTES: usize = 8 * 64;

/// `rows` (indices into the dataset's contests) in order, each contest read ahead.
pub fn rows<'a>(dataset: &'a Dataset, rows: &'a [usize]) -> impl Iterator<Item = usize> + 'a {
    let at = |k: usize| rows.get(k).and_then(|&i| dataset.contests.get(i));
    rows.iter().enumerate().map(move |(j, &i)| {
        if let Some(c) = at(j + CONTEST_AHEAD) {
            lines(std::ptr::from_ref(c).cast(), size_of::<Contest>());
        }
        if let Some(c) = at(j + PARTS_AHEAD) {
            let candidates = c.candidates.len() * size_of::<Candidate>();
            lines(
                c.candidates.as_ptr().cast(),
                candidates.min(MOST_CANDIDATE_BYTES),
            );
            lines(c.id.as_ptr(), c.id.len());
            lines(c.title.as_ptr(), c.title.len());
        }
        i
    })
}

/// Asks for the cache lines of `bytes` bytes from `start`.
fn lines(start: *const u8, bytes: usize) {
    const LINE: usize = 64;
    for offset in (0..bytes).step_by(LINE) {
        prefetch(start.wrapping_add(offset));
    }
}

#[cfg(target_arch = "x86_64")]
fn prefetch(at: *const u8) {
    use std::arch::x86_64::{_MM_HINT_T0, _mm_prefetch};
    // SAFETY: a prefetch is a hint: it reads nothing the program sees and never faults,
    // whatever the address.
    unsafe { _mm_prefetch::<_MM_HINT_T0>(at.cast()) }
}

#[cfg(not(target_arch = "x86_64"))]
fn prefetch(_: *const u8) {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_rows_are_given_as_they_are() {
        let json = serde_json::json!({
            "schema_version": 1, "regions": [], "factions": [],
            "contests": (0..40).map(|i| serde_json::json!({
                "id": format!("contest-with-a-long-id-{i}"), "kind": "selection",
                "title": format!("A title long enough to be on the heap {i}"),
                "status": "decided", "candidates": [{"name": "A"}], "sources": []
            })).collect::<Vec<_>>()
        });
        let dataset: Dataset = serde_json::from_value(json).unwrap();
        for rows in [vec![], vec![3], (0..40).rev().collect::<Vec<_>>()] {
            assert_eq!(super::rows(&dataset, &rows).collect::<Vec<_>>(), rows);
        }
    }
}
