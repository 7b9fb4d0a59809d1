//! Aggregates over a filtered set of contests: wins per faction, region and kind, and each
//! endorser's record. Pure functions of a dataset and the contest indices a query returned
//! (`Index::run`), giving plain values; `hustings stats` prints them and the explorer's
//! scoreboard and endorsement views draw them, so both always agree.
//!
//! Conventions, the same in every function:
//! - a contest is *won* by the faction of its winner (`tally::winner`), counted only when the
//!   contest is decided, so `won` equals what `list --faction F --status decided` lists;
//! - a decided contest with no candidate marked elected is counted as decided but won by nobody;
//! - faction and region ids are the dataset's; `None` means "no faction" or "no region" (national);
//! - rows with nothing to count are left out (except months in a timeline, see `timeline`).
//!
//! `party` counts seats per party over general elections and by-elections; `timeline` groups
//! contests by month.

use std::cmp::Reverse;
use std::collections::HashMap;
use std::hash::Hash;

use crate::model::{Contest, ContestKind, Dataset, Status};
use crate::tally;
use crate::timeline::{self, Period};

mod endorser_sort;
mod party;
mod scoreboard;

pub use endorser_sort::{EndorserSort, sort_endorsers};
pub use party::{PartyRecord, by_party, elects_a_seat, seat_rows, seat_totals};
pub use scoreboard::{Scoreboard, scoreboard};

/// What to group contests by.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum GroupBy {
    #[default]
    Faction,
    Region,
    Kind,
    Endorser,
    /// Seats per party (general elections and by-elections only).
    Party,
    /// Contests per month (see `timeline`).
    Month,
}

impl GroupBy {
    /// The name used on the command line and in JSON output.
    pub fn as_str(self) -> &'static str {
        match self {
            GroupBy::Faction => "faction",
            GroupBy::Region => "region",
            GroupBy::Kind => "kind",
            GroupBy::Endorser => "endorser",
            GroupBy::Party => "party",
            GroupBy::Month => "month",
        }
    }
}

/// The records of one grouping.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Groups {
    Faction(Vec<FactionRecord>),
    Region(Vec<GroupRecord<Option<String>>>),
    Kind(Vec<GroupRecord<ContestKind>>),
    Endorser(Vec<EndorserRecord>),
    Party(Vec<PartyRecord>),
    Month(Vec<GroupRecord<Period>>),
}

impl Groups {
    /// What these records are grouped by.
    pub fn by(&self) -> GroupBy {
        match self {
            Groups::Faction(_) => GroupBy::Faction,
            Groups::Region(_) => GroupBy::Region,
            Groups::Kind(_) => GroupBy::Kind,
            Groups::Endorser(_) => GroupBy::Endorser,
            Groups::Party(_) => GroupBy::Party,
            Groups::Month(_) => GroupBy::Month,
        }
    }

    /// Number of records.
    pub fn len(&self) -> usize {
        match self {
            Groups::Faction(r) => r.len(),
            Groups::Region(r) => r.len(),
            Groups::Kind(r) => r.len(),
            Groups::Endorser(r) => r.len(),
            Groups::Party(r) => r.len(),
            Groups::Month(r) => r.len(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// The records of the contests at `rows` grouped `by`.
pub fn group_by(dataset: &Dataset, rows: &[usize], by: GroupBy) -> Groups {
    match by {
        GroupBy::Faction => Groups::Faction(by_faction(dataset, rows)),
        GroupBy::Region => Groups::Region(by_region(dataset, rows)),
        GroupBy::Kind => Groups::Kind(by_kind(dataset, rows)),
        GroupBy::Endorser => Groups::Endorser(by_endorser(dataset, rows)),
        GroupBy::Party => Groups::Party(by_party(dataset, rows)),
        GroupBy::Month => Groups::Month(timeline::by_month(dataset, rows)),
    }
}

/// Counts over the whole filtered set.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Totals {
    pub contests: usize,
    pub decided: usize,
    pub pending: usize,
    /// Decided contests in which no candidate is marked elected.
    pub decided_without_winner: usize,
}

/// One faction's record. `stood == won + lost + pending`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FactionRecord {
    /// Faction id, or `None` for candidates of no known faction.
    pub faction: Option<String>,
    /// Contests with at least one candidate of the faction.
    pub stood: usize,
    /// Decided contests whose winner belongs to the faction.
    pub won: usize,
    /// Decided contests the faction stood in but did not win.
    pub lost: usize,
    /// Undecided contests the faction stands in.
    pub pending: usize,
}

/// The contests of one region or kind.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GroupRecord<K> {
    /// Region id (`None`: no region) or contest kind.
    pub key: K,
    pub contests: usize,
    pub decided: usize,
    pub pending: usize,
    /// Decided contests won per winner's faction (`None`: a winner of no known faction), most first.
    pub wins: Vec<(Option<String>, usize)>,
}

/// One endorser's record over the candidates it backed. `endorsed == won + lost + pending`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EndorserRecord {
    /// The endorser as first spelt in the data; spellings differing only in case are one endorser.
    pub name: String,
    /// Candidates it endorsed.
    pub endorsed: usize,
    /// Of those, elected in decided contests.
    pub won: usize,
    /// Of those, not elected in decided contests.
    pub lost: usize,
    /// Of those, standing in undecided contests.
    pub pending: usize,
}

impl EndorserRecord {
    /// Share of its decided candidates that won, 0–1; `None` when none are decided yet.
    pub fn win_rate(&self) -> Option<f64> {
        let decided = self.won + self.lost;
        (decided > 0).then(|| self.won as f64 / decided as f64)
    }
}

fn contests<'a>(dataset: &'a Dataset, rows: &'a [usize]) -> impl Iterator<Item = &'a Contest> {
    rows.iter().filter_map(|&i| dataset.contests.get(i))
}

/// The faction of a decided contest's winner: `None` when not decided or nobody is elected,
/// `Some(None)` for a winner of no known faction.
fn winning_faction(contest: &Contest) -> Option<Option<&str>> {
    if contest.status != Status::Decided {
        return None;
    }
    tally::winner(contest).map(|w| w.faction.as_deref())
}

/// Totals over the contests at `rows`.
pub fn totals(dataset: &Dataset, rows: &[usize]) -> Totals {
    let mut t = Totals::default();
    for contest in contests(dataset, rows) {
        t.contests += 1;
        match contest.status {
            Status::Decided => {
                t.decided += 1;
                if tally::winner(contest).is_none() {
                    t.decided_without_winner += 1;
                }
            }
            Status::Pending => t.pending += 1,
        }
    }
    t
}

/// Each faction's record: most wins first, then most contests stood in, then catalogue order;
/// the no-faction row (if any) last. Factions that stood nowhere are left out.
pub fn by_faction(dataset: &Dataset, rows: &[usize]) -> Vec<FactionRecord> {
    // Slot per catalogue faction, plus one last slot for "no known faction".
    let none_slot = dataset.factions.len();
    let slots: HashMap<&str, usize> = dataset
        .factions
        .iter()
        .enumerate()
        .map(|(i, f)| (f.id.as_str(), i))
        .collect();
    let slot = |id: Option<&str>| {
        id.and_then(|id| slots.get(id).copied())
            .unwrap_or(none_slot)
    };
    let mut records: Vec<FactionRecord> = dataset
        .factions
        .iter()
        .map(|f| Some(f.id.clone()))
        .chain([None])
        .map(|faction| FactionRecord {
            faction,
            stood: 0,
            won: 0,
            lost: 0,
            pending: 0,
        })
        .collect();
    let mut standing: Vec<usize> = Vec::new();
    for contest in contests(dataset, rows) {
        standing.clear();
        standing.extend(
            contest
                .candidates
                .iter()
                .map(|c| slot(c.faction.as_deref())),
        );
        standing.sort_unstable();
        standing.dedup();
        let winner = winning_faction(contest).map(slot);
        for &s in &standing {
            let r = &mut records[s];
            r.stood += 1;
            match contest.status {
                Status::Pending => r.pending += 1,
                Status::Decided if winner == Some(s) => r.won += 1,
                Status::Decided => r.lost += 1,
            }
        }
    }
    let mut ranked: Vec<(usize, FactionRecord)> = records
        .into_iter()
        .enumerate()
        .filter(|(_, r)| r.stood > 0)
        .collect();
    ranked.sort_by_key(|(i, r)| (r.faction.is_none(), Reverse(r.won), Reverse(r.stood), *i));
    ranked.into_iter().map(|(_, r)| r).collect()
}

/// Contests per region, in catalogue order; contests with no region last.
pub fn by_region(dataset: &Dataset, rows: &[usize]) -> Vec<GroupRecord<Option<String>>> {
    let order = |key: &Option<String>| match key {
        Some(id) => dataset
            .regions
            .iter()
            .position(|r| r.id == *id)
            .unwrap_or(usize::MAX - 1),
        None => usize::MAX,
    };
    let mut groups = collect(
        dataset,
        rows,
        |c| c.region.as_deref(),
        |k| k.map(str::to_string),
    );
    groups.sort_by_key(|g| order(&g.key));
    groups
}

/// Contests per kind, in the order of `ContestKind::ALL`.
pub fn by_kind(dataset: &Dataset, rows: &[usize]) -> Vec<GroupRecord<ContestKind>> {
    let mut groups = collect(dataset, rows, |c| c.kind, |k| *k);
    groups.sort_by_key(|g| g.key);
    groups
}

/// Groups contests by `key`, in order of first appearance. Keys may borrow from the dataset
/// (`map` makes the stored key), so counting never allocates per contest.
pub(crate) fn collect<'a, B: Eq + Hash, K>(
    dataset: &'a Dataset,
    rows: &[usize],
    key: impl Fn(&'a Contest) -> B,
    map: impl Fn(&B) -> K,
) -> Vec<GroupRecord<K>> {
    // Wins per winner's faction, by the faction's id as borrowed from the data.
    type Wins<'w> = Vec<(Option<&'w str>, usize)>;
    let mut groups: Vec<(GroupRecord<K>, Wins<'a>)> = Vec::new();
    let mut slots: HashMap<B, usize> = HashMap::new();
    for &i in rows {
        let Some(contest) = dataset.contests.get(i) else {
            continue;
        };
        let k = key(contest);
        let at = match slots.get(&k) {
            Some(&at) => at,
            None => {
                let record = GroupRecord {
                    key: map(&k),
                    contests: 0,
                    decided: 0,
                    pending: 0,
                    wins: Vec::new(),
                };
                slots.insert(k, groups.len());
                groups.push((record, Vec::new()));
                groups.len() - 1
            }
        };
        let (g, wins) = &mut groups[at];
        g.contests += 1;
        match contest.status {
            Status::Decided => g.decided += 1,
            Status::Pending => g.pending += 1,
        }
        if let Some(faction) = winning_faction(contest) {
            match wins.iter_mut().find(|(f, _)| *f == faction) {
                Some((_, n)) => *n += 1,
                None => wins.push((faction, 1)),
            }
        }
    }
    groups
        .into_iter()
        .map(|(mut g, mut wins)| {
            // Most wins first; the no-faction entry after named factions on a tie.
            wins.sort_by_key(|(f, n)| (Reverse(*n), f.is_none(), dataset_order(dataset, *f)));
            g.wins = wins
                .into_iter()
                .map(|(f, n)| (f.map(str::to_string), n))
                .collect();
            g
        })
        .collect()
}

fn dataset_order(dataset: &Dataset, faction: Option<&str>) -> usize {
    faction
        .and_then(|id| dataset.factions.iter().position(|f| f.id == id))
        .unwrap_or(usize::MAX)
}

/// Each endorser's record: most wins first, then most endorsed, then name (any case).
pub fn by_endorser(dataset: &Dataset, rows: &[usize]) -> Vec<EndorserRecord> {
    let mut records: Vec<EndorserRecord> = Vec::new();
    let mut slots: HashMap<String, usize> = HashMap::new();
    // Each spelling is lowercased once, not once per endorsement.
    let mut spellings: HashMap<&str, usize> = HashMap::new();
    for contest in contests(dataset, rows) {
        for candidate in &contest.candidates {
            let mut seen: Vec<usize> = Vec::new();
            for name in &candidate.endorsements {
                let at = *spellings.entry(name.as_str()).or_insert_with(|| {
                    *slots.entry(name.to_lowercase()).or_insert_with(|| {
                        records.push(EndorserRecord {
                            name: name.clone(),
                            endorsed: 0,
                            won: 0,
                            lost: 0,
                            pending: 0,
                        });
                        records.len() - 1
                    })
                });
                // One endorsement per candidate, however often the data repeats it.
                if seen.contains(&at) {
                    continue;
                }
                seen.push(at);
                let r = &mut records[at];
                r.endorsed += 1;
                match contest.status {
                    Status::Pending => r.pending += 1,
                    Status::Decided if candidate.elected => r.won += 1,
                    Status::Decided => r.lost += 1,
                }
            }
        }
    }
    records.sort_by_cached_key(|r| (Reverse(r.won), Reverse(r.endorsed), r.name.to_lowercase()));
    records
}

#[cfg(test)]
mod tests;
