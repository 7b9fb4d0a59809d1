//! The data of the views that aggregate the listed contests — scoreboard (2), endorsers (3),
//! timeline (4), seats changing hands (8), the map (9) — worked out for one version of the
//! listed rows. A plain function of the data and the rows, so the UI thread can work it out
//! for a small list and a worker thread for a large one (`background_work`), the result the
//! same either way.

use std::fmt;
use std::sync::Arc;

use crate::explorer::background_work::{Job, Worker};
use crate::explorer::data::Data;
use crate::explorer::screen::View;
use crate::map::{Colouring, HexMap, Picture, place};
use crate::stats::change::ChangeMatrix;
use crate::stats::inferred::{self, InferredCounts};
use crate::stats::timeline::{self, Span};
use crate::stats::{self, EndorserRecord, GroupRecord, Scoreboard};

/// Lists of this many contests or more have their views' data worked out off the UI thread:
/// the scoreboard of 20,000 contests takes about 40 ms (more than two frames), while smaller
/// lists are worked out at once, so what is shown after a key is already current.
pub const IN_BACKGROUND_FROM: usize = 20_000;

/// Runs of this many empty months or more are one line of the timeline.
const GAP_MONTHS: usize = 3;

/// A view whose data aggregates the listed contests.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Aggregate {
    Scoreboard,
    Endorsers,
    Timeline,
    Changes,
    Map,
}

impl Aggregate {
    /// The aggregate `view` shows, if it shows one.
    pub fn of(view: View) -> Option<Aggregate> {
        match view {
            View::Scoreboard => Some(Aggregate::Scoreboard),
            View::Endorsements => Some(Aggregate::Endorsers),
            View::Timeline => Some(Aggregate::Timeline),
            View::Changes => Some(Aggregate::Changes),
            View::Map => Some(Aggregate::Map),
            _ => None,
        }
    }

    /// What it is called while it is worked out ("working out the scoreboard for …").
    pub fn noun(self) -> &'static str {
        match self {
            Aggregate::Scoreboard => "the scoreboard",
            Aggregate::Endorsers => "the endorsement record",
            Aggregate::Timeline => "the timeline",
            Aggregate::Changes => "the seats changing hands",
            Aggregate::Map => "the map",
        }
    }
}

/// One view's data, for some rows.
#[derive(Debug, Clone, PartialEq)]
pub enum ViewData {
    Scoreboard(Scoreboard),
    /// In no particular order: the view sorts them as the user chose.
    Endorsers(Vec<EndorserRecord>),
    /// Contests per month, long empty stretches folded; how many dates are inferred.
    Timeline(Vec<GroupRecord<Span>>, InferredCounts),
    Changes(ChangeMatrix),
    /// The listed contests on the map that places the most of them, coloured by winner
    /// (`None`: there is no map to choose).
    Map(Option<Box<Picture>>),
    /// Working it out failed (a bug, caught on the worker thread): nothing to show for these
    /// rows, and nothing more to wait for.
    Failed(Aggregate),
}

impl ViewData {
    /// The view this is the data of.
    pub fn aggregate(&self) -> Aggregate {
        match self {
            ViewData::Scoreboard(_) => Aggregate::Scoreboard,
            ViewData::Endorsers(_) => Aggregate::Endorsers,
            ViewData::Timeline(..) => Aggregate::Timeline,
            ViewData::Changes(_) => Aggregate::Changes,
            ViewData::Map(_) => Aggregate::Map,
            ViewData::Failed(which) => *which,
        }
    }
}

/// Works out `which` for `rows` (the rows hold a contest loaded from several sources once, so
/// aggregates count it once); the map is chosen from `maps`.
pub fn work_out(data: &Data, which: Aggregate, rows: &[usize], maps: &[HexMap]) -> ViewData {
    let (ds, index) = (data.dataset(), &data.index);
    match which {
        Aggregate::Scoreboard => ViewData::Scoreboard(data.scoreboard(rows)),
        Aggregate::Endorsers => ViewData::Endorsers(stats::by_endorser(index, rows)),
        Aggregate::Timeline => {
            let months = timeline::by_month(index, rows);
            ViewData::Timeline(
                timeline::fold_gaps(&months, GAP_MONTHS),
                inferred::inferred_counts(ds, rows),
            )
        }
        Aggregate::Changes => ViewData::Changes(data.change_matrix(rows)),
        Aggregate::Map => ViewData::Map(map_picture(data, rows, maps).map(Box::new)),
    }
}

/// The map of `maps` that places the most of `rows`, with them placed on it and coloured by
/// winner: at a million contests, over a second's work.
fn map_picture(data: &Data, rows: &[usize], maps: &[HexMap]) -> Option<Picture> {
    let ds = data.dataset();
    let map = place::best_fit(maps.to_vec(), ds, rows)?;
    Some(Picture::new(
        map,
        &crate::map::Request {
            dataset: ds,
            changes: &data.changes,
            listed: rows,
            index: &data.index,
            colouring: &Colouring::Winner,
            swing: None,
        },
    ))
}

/// `which` for `rows` if it is worked out already, without waiting: the scoreboard and the
/// matrix of the rows the list opened with, once the loading thread has done them
/// (`Data::warm`).
pub fn worked_out_ahead(data: &Data, which: Aggregate, rows: &[usize]) -> Option<ViewData> {
    match which {
        Aggregate::Scoreboard => data.scoreboard_if_ready(rows).map(ViewData::Scoreboard),
        Aggregate::Changes => data.change_matrix_if_ready(rows).map(ViewData::Changes),
        Aggregate::Endorsers | Aggregate::Timeline | Aggregate::Map => None,
    }
}

/// The thread that works out a large list's view data.
pub type ViewWorker = Worker<Request>;

/// A view's data to work out off the UI thread (`Effect::WorkOut`): everything the worker
/// needs, the rows copied as they are listed now.
#[derive(Clone)]
pub struct Request {
    /// The version of the listed rows (`ViewState`) the data is for.
    pub version: u64,
    pub which: Aggregate,
    pub data: Arc<Data>,
    pub rows: Arc<Vec<usize>>,
    /// The maps the map view chooses from (the built-in ones, or `--map`'s).
    pub maps: Arc<Vec<HexMap>>,
}

impl Job for Request {
    type Answer = Worked;
    const THREAD: &'static str = "hustings-views";

    /// Works it out (on the worker thread, or in a test).
    fn work_out(&self) -> Worked {
        Worked {
            version: self.version,
            data: work_out(&self.data, self.which, &self.rows, &self.maps),
        }
    }

    fn failed(&self) -> Worked {
        Worked {
            version: self.version,
            data: ViewData::Failed(self.which),
        }
    }
}

// Requests are compared in tests of the outbox: the same rows of the same data (not a copy).
impl PartialEq for Request {
    fn eq(&self, other: &Request) -> bool {
        self.version == other.version
            && self.which == other.which
            && Arc::ptr_eq(&self.data, &other.data)
            && self.rows == other.rows
            && Arc::ptr_eq(&self.maps, &other.maps)
    }
}

impl Eq for Request {}

impl fmt::Debug for Request {
    // Not the rows: there may be a million.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Request")
            .field("version", &self.version)
            .field("which", &self.which)
            .field("rows", &self.rows.len())
            .finish_non_exhaustive()
    }
}

/// A view's data worked out for a version of the listed rows (`Action::ViewData`).
#[derive(Debug, Clone, PartialEq)]
pub struct Worked {
    pub version: u64,
    pub data: ViewData,
}
