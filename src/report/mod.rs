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

pub mod csv;
pub mod facts;
pub mod json;
pub mod markdown;
pub mod style;
pub mod table;
pub mod text;
pub mod words;

use crate::load::integrity::Warning;
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
    /// When given, each seat's change since its previous contest is a column (`history`).
    pub changes: Option<&'a crate::model::change::Changes>,
}

/// One contest to print in full.
#[derive(Debug, Clone, Copy)]
pub struct Detail<'a> {
    pub dataset: &'a Dataset,
    pub warnings: &'a [Warning],
    pub contest: &'a Contest,
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
