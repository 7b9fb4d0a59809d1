//! Filtering, searching and sorting contests — one engine shared by the explorer and the CLI.
//! This file holds what a query is (a filter and a sort); `index` runs one over a dataset, and
//! `fold` is how typed text and the contests' text are matched.

pub mod ahead;
pub mod find_contest;
pub mod from_input;

use chrono::NaiveDate;

use crate::model::period::Period;
use crate::model::{CandidateStatus, ContestKind, StageKind, Status};

mod facts;
mod fold;
mod index;
mod letters;
mod order;
mod scan;

pub(crate) use facts::{ContestFacts, Facts, NONE, UNKNOWN_VOTES};
pub use fold::{fold, fold_place};
pub use index::Index;

/// Which candidates a faction filter looks at.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum FactionScope {
    /// The contest's winner belongs to one of the factions.
    #[default]
    Winner,
    /// Any candidate in the contest belongs to one of the factions.
    AnyCandidate,
}

/// What to keep. Empty lists mean "any"; within a list any value matches; all set filters must match.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Filter {
    /// Region ids.
    pub regions: Vec<String>,
    /// Keep contests with no region too (or only those, when `regions` is empty).
    pub no_region: bool,
    /// Faction ids.
    pub factions: Vec<String>,
    /// Keep contests whose winner (or, by the scope, any candidate) has no faction too.
    pub no_faction: bool,
    pub faction_scope: FactionScope,
    pub kinds: Vec<ContestKind>,
    pub statuses: Vec<Status>,
    /// Keep contests that may fall on or after this day (a contest dated "2019" overlaps all of 2019).
    pub since: Option<NaiveDate>,
    /// Keep contests that may fall on or before this day.
    pub until: Option<NaiveDate>,
    /// Keep only the contests the timeline counts in this period: dated in this month, known
    /// only to this year (`Period::Year`), or undated (the explorer's drill-down from a
    /// timeline row; exact, where `since`/`until` keep whatever may fall in the range).
    pub period: Option<Period>,
    /// Endorser names (case- and accent-insensitive): keep contests with a candidate any of
    /// them endorsed or nominated (named in `nominations[].counts[].from`).
    pub endorsers: Vec<String>,
    /// Keep contests that reached any of these stages (recorded in their `stages`).
    pub stages: Vec<StageKind>,
    /// Keep contests with a candidate of any of these statuses (withdrawn, imposed…).
    pub candidate_statuses: Vec<CandidateStatus>,
    /// Words that must all appear (ignoring case and accents) in the title, seat, candidates,
    /// endorsers, nominators or notes (the contest's, its stages' and its nominating rules).
    pub search: String,
    /// The contests whose computed result (`model::change`) matched `--result`, by index;
    /// `None`: no result filter.
    pub results: Option<ResultMatches>,
    /// The seats of one cell of the seats-changing-hands matrix (the explorer's drill-down:
    /// Enter on a cell); `None`: no such filter. (Boxed: a query travels in an action, kept
    /// small.)
    pub change_cell: Option<Box<ChangeCell>>,
}

/// The contests of one cell of the seats-changing-hands matrix: won before by one party and
/// now by another (or the same: held), decided once against the dataset (as a result filter
/// is) by index.
#[derive(Debug, Clone, PartialEq)]
pub struct ChangeCell {
    /// The parties' groups (`PartyKey::group`), before and now.
    pub from: String,
    pub to: String,
    /// Their short labels (`Lab`, `Con`), as the matrix and the chip show them.
    pub label: (String, String),
    pub keep: std::sync::Arc<[bool]>,
}

/// The contests a result filter keeps, decided once against the dataset (a result depends on
/// the seat's previous contest, which the index does not hold), with what was asked.
#[derive(Debug, Clone, PartialEq)]
pub struct ResultMatches {
    /// As typed: `gain`, `hold`, `gain:Con`, `loss:Lab`, `hold:SNP`.
    pub asked: Vec<String>,
    pub keep: std::sync::Arc<[bool]>,
}

impl Filter {
    /// True when nothing is filtered out.
    pub fn is_empty(&self) -> bool {
        *self == Filter::default()
    }

    /// Whether anything but the search words narrows the contests.
    pub fn narrows_beyond_search(&self) -> bool {
        let (by_facts, by_keys) = self.narrowing();
        by_facts || by_keys
    }

    /// Whether some part of the filter tests the contests' interned facts (`facts::Facts`):
    /// region, faction, kind, status, period or endorser.
    pub fn needs_facts(&self) -> bool {
        self.narrowing().0
    }

    /// Whether the filter narrows by the contests' interned facts, and whether by anything
    /// else but its search words (dates, stages, statuses, results, a change's cell). Every
    /// field is named, so a new one must be decided here.
    fn narrowing(&self) -> (bool, bool) {
        let Filter {
            regions,
            no_region,
            factions,
            no_faction,
            faction_scope: _,
            kinds,
            statuses,
            since,
            until,
            period,
            endorsers,
            stages,
            candidate_statuses,
            search: _,
            results,
            change_cell,
        } = self;
        let by_facts = !regions.is_empty()
            || *no_region
            || !factions.is_empty()
            || *no_faction
            || !kinds.is_empty()
            || !statuses.is_empty()
            || period.is_some()
            || !endorsers.is_empty();
        let by_keys = since.is_some()
            || until.is_some()
            || !stages.is_empty()
            || !candidate_statuses.is_empty()
            || results.is_some()
            || change_cell.is_some();
        (by_facts, by_keys)
    }
}

/// Sort orders. Each has a natural direction (newest first, A→Z, closest race first,
/// highest turnout first); `reverse` flips it. Contests lacking the key always sort last.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum SortKey {
    #[default]
    Date,
    Title,
    Region,
    Margin,
    Turnout,
}

impl SortKey {
    pub const ALL: [SortKey; 5] = [
        SortKey::Date,
        SortKey::Title,
        SortKey::Region,
        SortKey::Margin,
        SortKey::Turnout,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            SortKey::Date => "date",
            SortKey::Title => "title",
            SortKey::Region => "region",
            SortKey::Margin => "margin",
            SortKey::Turnout => "turnout",
        }
    }

    /// The order after this one when cycling.
    #[must_use]
    pub fn next(self) -> SortKey {
        let i = SortKey::ALL.iter().position(|k| *k == self).unwrap_or(0);
        SortKey::ALL[(i + 1) % SortKey::ALL.len()]
    }
}

/// A sort order and its direction.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Sort {
    pub key: SortKey,
    pub reverse: bool,
}

/// A filter plus a sort: everything that decides which contests are shown, in what order.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Query {
    pub filter: Filter,
    pub sort: Sort,
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each part of a filter but its words (and the faction scope, which only says how the
    /// factions are read) narrows beyond the search; those on the interned facts need them.
    #[test]
    fn every_part_but_the_words_narrows_beyond_the_search() {
        let words = Filter {
            search: "stockport".into(),
            faction_scope: FactionScope::AnyCandidate,
            ..Filter::default()
        };
        assert!(!words.narrows_beyond_search());
        let keep: std::sync::Arc<[bool]> = vec![true].into();
        let parts: Vec<fn(&mut Filter)> = vec![
            |f| f.regions = vec!["london".into()],
            |f| f.no_region = true,
            |f| f.factions = vec!["ll".into()],
            |f| f.no_faction = true,
            |f| f.kinds = vec![ContestKind::Selection],
            |f| f.statuses = vec![Status::Decided],
            |f| f.since = NaiveDate::from_ymd_opt(2019, 1, 1),
            |f| f.until = NaiveDate::from_ymd_opt(2019, 1, 1),
            |f| f.period = Some(Period::Year(2019)),
            |f| f.endorsers = vec!["Unite".into()],
            |f| f.stages = vec![StageKind::ALL[0]],
            |f| f.candidate_statuses = vec![CandidateStatus::ALL[0]],
        ];
        // The parts tested on the interned facts: region, faction, kind, status, period and
        // endorser.
        let by_facts = [0, 1, 2, 3, 4, 5, 8, 9];
        assert!(!words.needs_facts());
        for (n, part) in parts.iter().enumerate() {
            let mut filter = words.clone();
            part(&mut filter);
            assert!(filter.narrows_beyond_search(), "part {n}");
            assert_eq!(filter.needs_facts(), by_facts.contains(&n), "part {n}");
        }
        let results = Filter {
            results: Some(ResultMatches {
                asked: vec!["gain".into()],
                keep: keep.clone(),
            }),
            ..words.clone()
        };
        assert!(results.narrows_beyond_search() && !results.needs_facts());
        let cell = Filter {
            change_cell: Some(Box::new(ChangeCell {
                from: "Lab".into(),
                to: "Con".into(),
                label: ("Lab".into(), "Con".into()),
                keep,
            })),
            ..words
        };
        assert!(cell.narrows_beyond_search() && !cell.needs_facts());
    }
}
