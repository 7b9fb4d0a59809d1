//! Whole contests cut from the file, and the one way the fast path parses a contest, on
//! whichever thread parses it. Both the reading thread (`stream`) and the parsing threads
//! (`parallel`) use this, so neither needs the other's internals.

use std::ops::Range;

use thin_vec::ThinVec;

use crate::model::Contest;
use crate::model::require_object;

/// The document could not be read the fast way; the caller falls back to the plain parse.
#[derive(Debug)]
pub(super) struct GiveUp;

/// Whole contests from the file, for one parse.
pub(super) struct Batch {
    /// The contests' JSON, with the separators between them; checked to be UTF-8.
    pub text: String,
    /// Where each contest's object is in `text`.
    pub contests: Vec<Range<usize>>,
}

impl Batch {
    /// The batch's contests, in order; gives up at the first that does not parse.
    pub(super) fn parse(&self) -> Result<Vec<Contest>, GiveUp> {
        // Sized up front: collecting a `Result` cannot know its length, and growing a list of
        // contests by doubling copies them over and over into fresh memory the system must
        // zero first (a fifth of loading's time, before this).
        let mut contests = Vec::with_capacity(self.contests.len());
        for range in &self.contests {
            contests.push(parse_contest(&self.text[range.clone()])?);
        }
        Ok(contests)
    }
}

/// One contest: `text` must be exactly one JSON object, as the plain path requires of every
/// record. Its lists are trimmed to the room they use.
pub(super) fn parse_contest(text: &str) -> Result<Contest, GiveUp> {
    let mut de = serde_json::Deserializer::from_str(text);
    let mut contest: Contest = require_object::object(&mut de).map_err(|_| GiveUp)?;
    de.end().map_err(|_| GiveUp)?;
    trim_lists(&mut contest);
    Ok(contest)
}

/// Gives a contest's lists exactly the room they use. A list read from JSON grows by
/// doubling, so five candidates take the room of eight; over a million contests that slack
/// is a tenth of the memory. The freed blocks are reused by the contests that follow.
fn trim_lists(contest: &mut Contest) {
    fn exact<T>(list: &mut Vec<T>) {
        if list.capacity() > list.len() {
            let mut trimmed = Vec::with_capacity(list.len());
            trimmed.append(list);
            *list = trimmed;
        }
    }
    fn exact_thin<T>(list: &mut ThinVec<T>) {
        if list.capacity() > list.len() {
            let mut trimmed = ThinVec::with_capacity(list.len());
            trimmed.append(list);
            *list = trimmed;
        }
    }
    exact(&mut contest.candidates);
    exact(&mut contest.sources);
    exact_thin(&mut contest.rounds);
    for candidate in &mut contest.candidates {
        exact_thin(&mut candidate.endorsements);
    }
}
