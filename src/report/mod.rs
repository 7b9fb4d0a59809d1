//! Output of `list`, `show`, `stats`, `history` and `compare` (and the explorer's exports), one
//! file per format: `text`, `markdown`, `json`, `csv`. Every function here is pure: data in,
//! text out (to a `Write`), so tests can check it.
//!
//! The JSON and CSV fields are a documented, versioned interface (docs/OUTPUT.md).

pub mod bars;
pub mod compare;
pub mod rounds;

pub mod csv;
pub mod detail;
pub mod json;
pub mod markdown;
pub mod style;
pub mod table;
pub mod text;

use crate::load::integrity::Warning;
use crate::model::arithmetic::{self, Share};
use crate::model::{Candidate, Contest, Dataset, Faction, Region};
use crate::query::Query;
use crate::report::bars::thousands;
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

/// The facts every format shows about a contest, derived once.
#[derive(Debug, Clone)]
pub struct Summary<'a> {
    pub contest: &'a Contest,
    pub region: Option<&'a Region>,
    pub winner: Option<&'a Candidate>,
    pub winner_faction: Option<&'a Faction>,
    /// The winner's share (`None` when there is no winner).
    pub winner_share: Option<Share>,
    pub margin_votes: Option<u64>,
    pub margin_points: Option<f64>,
    /// Ballots cast: stated, or valid + rejected.
    pub cast: Option<u64>,
    pub turnout: Option<f64>,
}

impl<'a> Summary<'a> {
    pub fn new(dataset: &'a Dataset, contest: &'a Contest) -> Summary<'a> {
        let winner = arithmetic::winner(contest);
        Summary {
            contest,
            region: contest.region.as_deref().and_then(|r| dataset.region(r)),
            winner,
            winner_faction: winner
                .and_then(|w| w.faction.as_deref())
                .and_then(|f| dataset.faction(f)),
            winner_share: winner.map(|w| arithmetic::share(contest, w)),
            margin_votes: arithmetic::margin_votes(contest),
            margin_points: arithmetic::margin_points(contest),
            cast: arithmetic::cast(contest),
            turnout: arithmetic::turnout(contest),
        }
    }

    /// `24 Oct 2019`, `2019`, or `—` when the date is unknown.
    pub fn date_label(&self) -> String {
        self.contest
            .date
            .as_ref()
            .map_or_else(|| DASH.to_string(), |d| d.human())
    }

    /// The winning margin as a reader would say it: `120 (20.3 pts)`, `5,965`, or `n/a`.
    pub fn margin_label(&self) -> String {
        match (self.margin_votes, self.margin_points) {
            (Some(v), Some(p)) => format!("{} ({p:.1} pts)", thousands(v)),
            (Some(v), None) => thousands(v),
            _ => NA.to_string(),
        }
    }

    /// `45.2%` or `n/a`.
    pub fn turnout_label(&self) -> String {
        self.turnout
            .map_or_else(|| NA.to_string(), |t| format!("{t:.1}%"))
    }
}

/// Shown for an unknown number.
pub const NA: &str = "n/a";
/// Shown for a missing name or date.
pub const DASH: &str = "—";

/// The integrity warnings about `contest`, as sentences.
pub fn warnings_of(warnings: &[Warning], contest: &Contest) -> Vec<String> {
    warnings
        .iter()
        .filter(|w| w.contest_id == contest.id)
        .map(|w| w.kind.to_string())
        .collect()
}

/// A faction's display name; `no faction` for `None` or an id missing from the catalogue.
pub fn faction_name(dataset: &Dataset, id: Option<&str>) -> String {
    id.and_then(|id| dataset.faction(id))
        .map_or_else(|| "no faction".to_string(), |f| f.name.clone())
}

/// A region's display name; `no region` for `None`.
pub fn region_name(dataset: &Dataset, id: Option<&str>) -> String {
    match id {
        Some(id) => dataset
            .region(id)
            .map_or_else(|| id.to_string(), |r| r.name.clone()),
        None => "no region".to_string(),
    }
}

/// A party's display name; `no party stated` for `None`.
pub fn party_name(party: Option<&str>) -> String {
    party.map_or_else(|| "no party stated".to_string(), str::to_string)
}

/// A count with separators, or `n/a`.
pub fn count_label(n: Option<u64>) -> String {
    n.map_or_else(|| NA.to_string(), thousands)
}
