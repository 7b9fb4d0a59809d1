//! Output of `list`, `show`, `stats`, `history` and `compare` (and the explorer's exports), one
//! file per format: `text`, `markdown`, `json`, `csv`. Every function here is pure: data in,
//! text out (to a `Write`), so tests can check it.
//!
//! The JSON and CSV fields are a documented, versioned interface (docs/OUTPUT.md).

pub mod bars;
pub mod candidates;
pub mod cells;
pub mod change;
pub mod count_summary;
pub mod footnotes;
pub mod round_records;
pub mod round_words;
pub mod rounds;
pub mod routes;
pub mod safe;
pub mod selection;
pub mod versions;

pub mod csv;
pub mod facts;
pub mod json;
pub mod map;
pub mod markdown;
pub mod pretty;
pub mod style;
pub mod table;
pub mod terminal;
pub mod text;
pub mod words;

use crate::load::integrity::Warning;
use crate::load::same_contest::VersionsOf;
use crate::model::{Contest, Dataset};
use crate::query::Query;
use crate::stats::{Groups, Totals};

/// A filtered, sorted list of contests to print.
#[derive(Debug, Clone, Copy)]
pub struct Listing<'a> {
    pub dataset: &'a Dataset,
    /// The loader's integrity warnings (each names its contest).
    pub warnings: &'a [Warning],
    pub query: &'a Query,
    /// Indices into `dataset.contests`, in display order.
    pub rows: &'a [usize],
    /// When given, each seat's change since its previous contest is a column (`history`,
    /// `list`).
    pub changes: Option<&'a crate::model::change::Changes>,
    /// How many rows the data holds (contests, each given by several sources once): the
    /// "of N" of a count.
    pub all: usize,
}

impl Listing<'_> {
    /// The listing as tables for people show it (text, Markdown): the change column only
    /// when some listed contest elects a seat (JSON and CSV keep their fields always).
    #[must_use]
    pub fn for_people(self) -> Self {
        let any_seat = self
            .rows
            .iter()
            .any(|&i| crate::model::change::elects_a_seat(self.dataset.contests[i].kind));
        Listing {
            changes: self.changes.filter(|_| any_seat),
            ..self
        }
    }
}

/// One contest to print in full.
#[derive(Debug, Clone, Copy)]
pub struct Detail<'a> {
    pub dataset: &'a Dataset,
    pub warnings: &'a [Warning],
    /// The contest's place among the dataset's contests, and the contest.
    pub index: usize,
    pub contest: &'a Contest,
    /// The contest's versions, when several sources give it (`load::Versions::of`).
    pub versions: Option<VersionsOf<'a>>,
    /// The seats of `dataset`, for the change since the seat's previous contest.
    pub changes: &'a crate::model::change::Changes,
}

/// Aggregates to print.
#[derive(Debug, Clone)]
pub struct StatsReport<'a> {
    pub dataset: &'a Dataset,
    pub query: &'a Query,
    /// The contests counted (indices into `dataset.contests`): the footnotes say how many rest
    /// on an inferred value.
    pub rows: &'a [usize],
    /// The index the rows are of (a tally of mixed kinds is counted again kind by kind).
    pub index: &'a crate::query::Index,
    pub totals: Totals,
    pub groups: Groups,
    /// For seats per party: totals over the contests that elect a seat.
    pub seat_totals: Option<Totals>,
    /// How many rows the data holds (as `Listing::all`).
    pub all: usize,
    /// For seats per party: the date of the one general election the seats are, if they are
    /// one (`stats::one_general_election`): only then is the parliament-style strip drawn.
    pub election: Option<crate::model::date::PartialDate>,
}

/// The integrity warnings about the dataset's contest `i`, as sentences. The warnings are in
/// contest order (as `load` gives them), so finding a contest's is a binary search, not a scan:
/// a listing asks once per contest.
pub fn warnings_of(warnings: &[Warning], i: usize) -> Vec<String> {
    debug_assert!(warnings.is_sorted_by_key(|w| w.contest));
    let start = warnings.partition_point(|w| w.contest < i);
    sentences(warnings[start..].iter().take_while(|w| w.contest == i))
}

fn sentences<'w>(warnings: impl Iterator<Item = &'w Warning>) -> Vec<String> {
    warnings
        .map(|w| safe::message(&w.kind.to_string()).into_owned())
        .collect()
}

/// [`warnings_of`] for a list, which asks of every contest it lists: a bit per contest says
/// whether it has any (most have none), and the contests the warnings name are kept apart,
/// packed (8 bytes each; a warning takes over 100), so a search reads a few cache lines
/// instead of missing the cache at every step.
pub struct WarningIndex<'w> {
    warnings: &'w [Warning],
    warned: Vec<u64>,
    contests: Vec<usize>,
}

impl<'w> WarningIndex<'w> {
    pub fn new(warnings: &'w [Warning]) -> WarningIndex<'w> {
        debug_assert!(warnings.is_sorted_by_key(|w| w.contest));
        let last = warnings.last().map_or(0, |w| w.contest);
        let mut warned = vec![0u64; last / 64 + 1];
        for w in warnings {
            warned[w.contest / 64] |= 1 << (w.contest % 64);
        }
        WarningIndex {
            warnings,
            warned,
            contests: warnings.iter().map(|w| w.contest).collect(),
        }
    }

    /// The warnings about contest `i`, as sentences ([`warnings_of`]).
    pub fn of(&self, i: usize) -> Vec<String> {
        if self
            .warned
            .get(i / 64)
            .is_none_or(|bits| bits & (1 << (i % 64)) == 0)
        {
            return Vec::new();
        }
        let start = self.contests.partition_point(|&c| c < i);
        let count = self.contests[start..]
            .iter()
            .take_while(|&&c| c == i)
            .count();
        sentences(self.warnings[start..start + count].iter())
    }
}

#[cfg(test)]
mod tests {
    use super::{WarningIndex, warnings_of};
    use crate::load::integrity::{Warning, WarningKind};

    /// Contests with one warning, several, none, at the edges of a 64-contest word, and past
    /// the last warned: the index says what the search over the warnings says.
    #[test]
    fn the_warning_index_finds_what_the_search_finds() {
        let warned = [0, 3, 3, 63, 64, 64, 64, 127, 200];
        let warnings: Vec<Warning> = warned
            .iter()
            .enumerate()
            .map(|(n, &contest)| Warning {
                contest,
                contest_id: format!("c{contest}"),
                kind: WarningKind::VoteSum {
                    sum: n as u64,
                    valid: 1,
                },
            })
            .collect();
        let index = WarningIndex::new(&warnings);
        for i in 0..300 {
            let expected = warnings_of(&warnings, i);
            assert_eq!(index.of(i), expected, "contest {i}");
            let count = warned.iter().filter(|&&c| c == i).count();
            assert_eq!(expected.len(), count, "contest {i}");
        }
        assert!(WarningIndex::new(&[]).of(0).is_empty());
    }
}
