//! The search of a large dataset, run off the UI thread (`Effect::Search`): at a million
//! contests a letter's search reads hundreds of megabytes of text, several frames' work, so
//! the letter shows at once, the list says it is searching, and the rows found replace it when
//! they are ready (`Action::Found`) — a screenful first, when the list's order gives one in a
//! few milliseconds, then every row. A plain function of the data and the query, so what is
//! listed is the same whichever thread ran it.

use std::fmt;
use std::sync::Arc;

use crate::explorer::background_work::{Job, Worker};
use crate::explorer::data::Data;
use crate::query::Query;

/// Datasets of this many contests or more are searched off the UI thread. On the 2-core
/// machine of BENCHMARKS.md a second letter's search takes 6–11 ms at 200,000 contests and
/// 42–59 ms at a million; a slower or busier machine takes a frame (16 ms) from about here.
/// The rows are shown as soon as they are found (the worker nudges the event loop), and
/// typing never waits for them.
pub const IN_BACKGROUND_FROM: usize = 100_000;

/// The thread that runs a large dataset's searches.
pub type SearchWorker = Worker<Request>;

/// A search to run: the whole query as it stands when a letter is typed, so the rows found
/// are listed as the list would list them then.
#[derive(Clone)]
pub struct Request {
    /// Which search this is (`App::searching`): only the answer to the newest is listed.
    pub version: u64,
    pub data: Arc<Data>,
    pub query: Query,
    /// The list is sorted by the change since the seat's previous contest.
    pub by_change: bool,
    /// How many rows to find first, ahead of the rest (a screenful; 0 for none).
    pub first: usize,
}

/// The rows a search found, or `None` when running it failed (a bug, caught on the worker
/// thread).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    pub version: u64,
    pub rows: Option<Vec<usize>>,
    /// Every row: `false` for the first rows, found ahead of the rest (which follow).
    pub complete: bool,
}

impl Job for Request {
    type Answer = Found;
    const THREAD: &'static str = "hustings-search";

    fn work_out(&self) -> Found {
        Found {
            version: self.version,
            rows: Some(self.data.list(&self.query, self.by_change)),
            complete: true,
        }
    }

    /// The first screenful, when it can be found in a few milliseconds: the second letter
    /// of a search at a million contests is a pass over hundreds of megabytes of text, and
    /// the rows on screen need not wait for it.
    fn early(&self) -> Option<Found> {
        let first = (self.data).first_listed(&self.query, self.by_change, self.first)?;
        Some(Found {
            version: self.version,
            rows: Some(first),
            complete: false,
        })
    }

    fn failed(&self) -> Found {
        Found {
            version: self.version,
            rows: None,
            complete: true,
        }
    }
}

// Requests are compared in tests of the outbox: the same query of the same data (not a copy).
impl PartialEq for Request {
    fn eq(&self, other: &Request) -> bool {
        self.version == other.version
            && Arc::ptr_eq(&self.data, &other.data)
            && self.query == other.query
            && self.by_change == other.by_change
            && self.first == other.first
    }
}

impl Eq for Request {}

impl fmt::Debug for Request {
    // Not the data: there may be a million contests.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Request")
            .field("version", &self.version)
            .field("search", &self.query.filter.search)
            .field("sort", &self.query.sort)
            .field("by_change", &self.by_change)
            .field("first", &self.first)
            .finish_non_exhaustive()
    }
}
