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
pub mod round_records;
pub mod round_words;
pub mod rounds;
pub mod safe;
pub mod selection;
pub mod versions;

pub mod csv;
pub mod facts;
pub mod json;
pub mod map;
pub mod markdown;
pub mod style;
pub mod table;
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
    pub contest: &'a Contest,
    /// The contest's versions, when several sources give it (`load::Versions::of`).
    pub versions: Option<VersionsOf<'a>>,
}

/// Aggregates to print.
#[derive(Debug, Clone)]
pub struct StatsReport<'a> {
    pub dataset: &'a Dataset,
    pub query: &'a Query,
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

/// The integrity warnings about `contest`, as sentences.
pub fn warnings_of(warnings: &[Warning], contest: &Contest) -> Vec<String> {
    warnings
        .iter()
        // The contest may be the cleaned copy shown to people (`safe::for_display`).
        .filter(|w| safe::message(&w.contest_id) == contest.id.as_str())
        .map(|w| safe::message(&w.kind.to_string()).into_owned())
        .collect()
}
