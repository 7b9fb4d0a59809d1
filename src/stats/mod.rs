//! Aggregates over a filtered set of contests: wins per faction, region and kind, and each
//! endorser's record. Pure functions of a dataset's query `Index` and the contest indices a
//! query returned (`Index::run`), giving plain values; `hustings stats` prints them and the
//! explorer's scoreboard and endorsement views draw them, so both always agree. They count
//! the index's interned numbers, so a million contests take milliseconds.
//!
//! Conventions, the same in every function:
//! - a contest is *won* by the faction of its winner (`arithmetic::winner`), counted only when the
//!   contest is decided, so `won` equals what `list --faction F --status decided` lists;
//! - a decided contest with no candidate marked elected is counted as decided but won by nobody;
//! - faction and region ids are the dataset's; `None` means "no faction" or "no region" (national);
//! - rows with nothing to count are left out (except months in a timeline, see `timeline`).
//!
//! `party` counts seats per party over general elections and by-elections; `timeline` groups
//! contests by month.

pub mod change;
pub mod inferred;
pub mod kinds;
pub mod timeline;

use std::cmp::Reverse;

use crate::model::arithmetic;
use crate::model::{ContestKind, Dataset, Status};
use crate::query::{ContestFacts, Facts, Index, NONE};
use timeline::Period;

mod endorser_sort;
mod party;
mod scoreboard;
mod visit;

pub(crate) use visit::Visit;

pub use endorser_sort::{EndorserSort, sort_endorsers};
pub use party::{
    PartyRecord, add_previous_shares, by_party, elects_a_seat, one_general_election, seat_rows,
    seat_totals,
};
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
    /// Seats changing hands: previous winner → new winner (see `change`).
    Change,
    /// The seats with the largest two-party swing since their previous contest, largest first
    /// (see `change::largest_swings`).
    Swing,
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
            GroupBy::Change => "change",
            GroupBy::Swing => "swing",
        }
    }
}

/// The records of one grouping.
#[derive(Debug, Clone, PartialEq)]
pub enum Groups {
    Faction(Vec<FactionRecord>),
    Region(Vec<GroupRecord<Option<String>>>),
    Kind(Vec<GroupRecord<ContestKind>>),
    Endorser(Vec<EndorserRecord>),
    Party(Vec<PartyRecord>),
    Month(Vec<GroupRecord<Period>>),
    Change(change::ChangeMatrix),
    Swing(Vec<change::SeatSwing>),
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
            Groups::Change(_) => GroupBy::Change,
            Groups::Swing(_) => GroupBy::Swing,
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
            Groups::Change(m) => m.parties.len(),
            Groups::Swing(r) => r.len(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// The records of the contests at `rows` grouped `by` (`dataset` is the index's: a seat's
/// change needs its previous contest, which the index does not hold).
pub fn group_by(dataset: &Dataset, index: &Index, rows: &[usize], by: GroupBy) -> Groups {
    match by {
        GroupBy::Faction => Groups::Faction(by_faction(index, rows)),
        GroupBy::Region => Groups::Region(by_region(index, rows)),
        GroupBy::Kind => Groups::Kind(by_kind(index, rows)),
        GroupBy::Endorser => Groups::Endorser(by_endorser(index, rows)),
        GroupBy::Party => {
            let mut records = by_party(index, rows);
            let changes = crate::model::change::Changes::build(dataset);
            add_previous_shares(dataset, &changes, rows, &mut records);
            Groups::Party(records)
        }
        GroupBy::Month => Groups::Month(timeline::by_month(index, rows)),
        GroupBy::Change => Groups::Change(change::change_matrix(
            dataset,
            &crate::model::change::Changes::build(dataset),
            rows,
        )),
        GroupBy::Swing => Groups::Swing(change::largest_swings(
            dataset,
            &crate::model::change::Changes::build(dataset),
            rows,
        )),
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

/// How an endorser backed candidates: endorsed them, or nominated them (a named nominator in
/// `nominations[].counts[].from`). The two are counted apart, one record each.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Backing {
    #[default]
    Endorsement,
    Nomination,
}

impl Backing {
    /// `endorsement` or `nomination`, as JSON and CSV write it.
    pub fn as_str(self) -> &'static str {
        match self {
            Backing::Endorsement => "endorsement",
            Backing::Nomination => "nomination",
        }
    }

    /// `endorsed` or `nominated`, as tables say it.
    pub fn verb(self) -> &'static str {
        match self {
            Backing::Endorsement => "endorsed",
            Backing::Nomination => "nominated",
        }
    }
}

/// One endorser's record over the candidates it backed one way (endorsed, or nominated).
/// `endorsed == won + lost + pending`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EndorserRecord {
    /// The endorser as first spelt in the data; spellings differing only in case are one endorser.
    pub name: String,
    /// Endorsements or nominations: the same name may have a record of each.
    pub backing: Backing,
    /// Candidates it endorsed (or nominated).
    pub endorsed: usize,
    /// Of those, elected in decided contests.
    pub won: usize,
    /// Of those, not elected in decided contests.
    pub lost: usize,
    /// Of those, standing in undecided contests.
    pub pending: usize,
}

impl EndorserRecord {
    /// The name as tables show it: a record of nominations says so (`Unison (nominated)`).
    pub fn label(&self) -> String {
        match self.backing {
            Backing::Endorsement => self.name.clone(),
            Backing::Nomination => format!("{} ({})", self.name, self.backing.verb()),
        }
    }

    /// Share of its decided candidates that won, 0–1; `None` when none are decided yet.
    pub fn win_rate(&self) -> Option<f64> {
        let decided = self.won + self.lost;
        (decided > 0).then(|| self.won as f64 / decided as f64)
    }
}

impl Totals {
    /// Counts one contest.
    fn add(&mut self, status: Status, has_winner: bool) {
        self.contests += 1;
        match status {
            Status::Decided => {
                self.decided += 1;
                if !has_winner {
                    self.decided_without_winner += 1;
                }
            }
            Status::Pending => self.pending += 1,
        }
    }

    /// Totals over the contests at `rows` read from the data itself (for listings, which
    /// have no index at hand).
    pub fn of_contests(dataset: &Dataset, rows: &[usize]) -> Totals {
        let mut t = Totals::default();
        for contest in rows.iter().filter_map(|&i| dataset.contests.get(i)) {
            t.add(
                contest.status,
                arithmetic::winners(contest).next().is_some(),
            );
        }
        t
    }
}

/// The faction of a decided contest's winner: `None` when not decided or nobody is elected,
/// `Some(NONE)` for a winner of no faction.
fn winning_faction(facts: &Facts, i: usize) -> Option<u32> {
    if facts.contests[i].status != Status::Decided {
        return None;
    }
    facts.winner_faction(i)
}

/// Totals over the contests at `rows`.
pub fn totals(index: &Index, rows: &[usize]) -> Totals {
    totals_of(&Visit::new(index, rows), |_| true)
}

/// Totals over the contests visited that `keep` keeps.
fn totals_of(visit: &Visit, keep: impl Fn(ContestKind) -> bool) -> Totals {
    let mut t = Totals::default();
    visit.each(|i, _| {
        let c = &visit.facts.contests[i];
        if keep(c.kind) {
            t.add(c.status, c.winner != NONE);
        }
    });
    t
}

/// Candidates (or contests) of one faction, party or endorser, as they are counted.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Count {
    /// Stood, or endorsed: `won + lost + pending`.
    all: usize,
    won: usize,
    lost: usize,
    pending: usize,
}

impl Count {
    /// Counts one more, in a decided contest or not, won or not.
    pub(crate) fn add(&mut self, decided: bool, won: bool) {
        self.all += 1;
        self.won += usize::from(decided && won);
        self.lost += usize::from(decided && !won);
        self.pending += usize::from(!decided);
    }
}

/// Each faction's record: most wins first, then most contests stood in, then catalogue order;
/// the no-faction row (if any) last. Factions that stood nowhere are left out, and
/// candidates of a faction the catalogue lacks count as of no faction.
pub fn by_faction(index: &Index, rows: &[usize]) -> Vec<FactionRecord> {
    factions(&Visit::new(index, rows))
}

fn factions(visit: &Visit) -> Vec<FactionRecord> {
    let facts = visit.facts;
    // Slot per catalogue faction, plus one last slot for "no known faction".
    let none_slot = facts.factions.catalogue;
    let slot = |id: u32| facts.factions.catalogue_position(id).unwrap_or(none_slot);
    let mut counts = vec![Count::default(); none_slot + 1];
    // The last contest each slot was counted in: a faction stands once per contest.
    let mut counted = vec![usize::MAX; none_slot + 1];
    visit.each(|i, _| {
        let decided = facts.contests[i].status == Status::Decided;
        let standing = &facts.candidates[facts.candidates_of(i)];
        // A faction wins a contest when one of its candidates is elected: with several seats,
        // every faction that took one.
        let won = |s: usize| standing.iter().any(|c| c.elected && slot(c.faction) == s);
        for c in standing {
            let s = slot(c.faction);
            if counted[s] != i {
                counted[s] = i;
                counts[s].add(decided, won(s));
            }
        }
    });
    let mut ranked: Vec<(usize, FactionRecord)> = counts
        .iter()
        .enumerate()
        .filter(|(_, n)| n.all > 0)
        .map(|(s, n)| {
            let record = FactionRecord {
                faction: facts.factions.ids[..none_slot].get(s).cloned(),
                stood: n.all,
                won: n.won,
                lost: n.lost,
                pending: n.pending,
            };
            (s, record)
        })
        .collect();
    ranked.sort_by_key(|(s, r)| (r.faction.is_none(), Reverse(r.won), Reverse(r.stood), *s));
    ranked.into_iter().map(|(_, r)| r).collect()
}

/// Contests per region, in catalogue order; regions the catalogue lacks (unvalidated data)
/// after, then contests with no region.
pub fn by_region(index: &Index, rows: &[usize]) -> Vec<GroupRecord<Option<String>>> {
    regions(&Visit::new(index, rows))
}

fn regions(visit: &Visit) -> Vec<GroupRecord<Option<String>>> {
    let regions = &visit.facts.regions;
    let none_slot = regions.ids.len();
    let mut groups = collect(
        visit,
        none_slot + 1,
        |c| match c.region {
            NONE => none_slot,
            r => r as usize,
        },
        |slot| regions.ids.get(slot).cloned(),
    );
    groups.sort_by_key(|(slot, _)| match *slot {
        s if s == none_slot => usize::MAX,
        s => regions
            .catalogue_position(s as u32)
            .unwrap_or(usize::MAX - 1),
    });
    groups.into_iter().map(|(_, g)| g).collect()
}

/// Contests per kind, in the order of `ContestKind::ALL`.
pub fn by_kind(index: &Index, rows: &[usize]) -> Vec<GroupRecord<ContestKind>> {
    let kind_slot = |k: ContestKind| ContestKind::ALL.iter().position(|x| *x == k).unwrap_or(0);
    let mut groups = collect(
        &Visit::new(index, rows),
        ContestKind::ALL.len(),
        |c| kind_slot(c.kind),
        |slot| ContestKind::ALL[slot],
    );
    groups.sort_by_key(|(_, g)| g.key);
    groups.into_iter().map(|(_, g)| g).collect()
}

/// Groups contests by a slot (below `slots`) made from each one's facts; `key` makes a group's
/// key from its slot. Groups come in order of first appearance in the rows, each with its slot,
/// its wins per winner's faction most first, and in order of first appearance on a tie.
pub(crate) fn collect<K>(
    visit: &Visit,
    slots: usize,
    slot: impl Fn(&ContestFacts) -> usize,
    key: impl Fn(usize) -> K,
) -> Vec<(usize, GroupRecord<K>)> {
    /// A group being counted, with the first position in the rows it was met at.
    #[derive(Clone)]
    struct Group {
        first: u32,
        contests: usize,
        decided: usize,
        /// Per winner's faction id (the last: no faction), wins and the first position met.
        wins: Vec<(usize, u32)>,
    }
    let facts = visit.facts;
    let factions = &facts.factions;
    let no_faction = factions.ids.len();
    let unseen = Group {
        first: NONE,
        contests: 0,
        decided: 0,
        wins: Vec::new(),
    };
    let mut groups = vec![unseen; slots];
    visit.each(|i, k| {
        let c = &facts.contests[i];
        let g = &mut groups[slot(c)];
        g.first = g.first.min(k);
        g.contests += 1;
        g.decided += usize::from(c.status == Status::Decided);
        if let Some(faction) = winning_faction(facts, i) {
            if g.wins.is_empty() {
                g.wins = vec![(0, NONE); no_faction + 1];
            }
            let w = &mut g.wins[(faction as usize).min(no_faction)];
            w.0 += 1;
            w.1 = w.1.min(k);
        }
    });
    let mut met: Vec<(usize, Group)> = groups
        .into_iter()
        .enumerate()
        .filter(|(_, g)| g.first != NONE)
        .collect();
    met.sort_by_key(|(_, g)| g.first);
    met.into_iter()
        .map(|(s, g)| {
            let mut wins: Vec<(usize, usize, u32)> = (g.wins.iter().enumerate())
                .filter(|(_, w)| w.0 > 0)
                .map(|(f, w)| (f, w.0, w.1))
                .collect();
            // Most wins first; the no-faction entry after named factions on a tie.
            wins.sort_by_key(|&(f, n, first)| {
                let order = factions.catalogue_position(f as u32).unwrap_or(usize::MAX);
                (Reverse(n), f == no_faction, order, first)
            });
            let record = GroupRecord {
                key: key(s),
                contests: g.contests,
                decided: g.decided,
                pending: g.contests - g.decided,
                wins: (wins.into_iter())
                    .map(|(f, n, _)| (factions.ids.get(f).cloned(), n))
                    .collect(),
            };
            (s, record)
        })
        .collect()
}

/// Each endorser's record: most wins first, then most endorsed, then name (any case), then
/// endorsements before nominations. Nominations (by the nominators named) are counted apart
/// from endorsements: an endorser who did both has a record of each.
pub fn by_endorser(index: &Index, rows: &[usize]) -> Vec<EndorserRecord> {
    let visit = Visit::new(index, rows);
    let facts = visit.facts;
    let names = &facts.endorsers;
    let groups = names.groups();
    let mut endorsed = Tally::new(groups);
    let mut nominated = Tally::new(groups);
    visit.each(|i, k| {
        let decided = facts.contests[i].status == Status::Decided;
        for j in facts.candidates_of(i) {
            let elected = facts.candidates[j].elected;
            for e in facts.endorsements_of(j) {
                let (g, spelling) = (facts.endorsements[e], facts.endorsement_spelling[e]);
                endorsed.add(g as usize, j, (k, spelling), decided, elected);
            }
        }
        for n in facts.nominations_of(i) {
            let j = n.candidate as usize;
            let elected = facts.candidates[j].elected;
            nominated.add(n.group as usize, j, (k, n.spelling), decided, elected);
        }
    });
    let mut records: Vec<(usize, EndorserRecord)> = Vec::new();
    for (backing, tally) in [
        (Backing::Endorsement, endorsed),
        (Backing::Nomination, nominated),
    ] {
        records.extend((0..groups).filter(|&g| tally.counts[g].all > 0).map(|g| {
            let spelling = tally.first_met[g].1;
            let n = tally.counts[g];
            let record = EndorserRecord {
                name: names.spellings[spelling as usize].clone(),
                backing,
                endorsed: n.all,
                won: n.won,
                lost: n.lost,
                pending: n.pending,
            };
            (g, record)
        }));
    }
    // A group's rank orders as its lowercased name does.
    records.sort_by_key(|(g, r)| {
        (
            Reverse(r.won),
            Reverse(r.endorsed),
            names.rank[*g],
            r.backing,
        )
    });
    records.into_iter().map(|(_, r)| r).collect()
}

/// Every endorser in the data, A→Z, with the number of contests in which a candidate they
/// endorsed or nominated stood: what an endorser filter on that name alone would list.
pub fn contests_per_endorser(index: &Index) -> Vec<(String, usize)> {
    let facts = index.facts();
    let names = &facts.endorsers;
    let groups = names.groups();
    let mut contests = vec![0usize; groups];
    let mut spelling = vec![NONE; groups];
    // The last contest each was counted for: once per contest, however many it backed there.
    let mut counted = vec![usize::MAX; groups];
    // Another source's version of a listed contest is not counted again.
    for i in (0..facts.contests.len()).filter(|&i| index.is_row(i)) {
        let endorsed = facts
            .endorsements_of_contest(i)
            .map(|e| (facts.endorsements[e], facts.endorsement_spelling[e]));
        let nominated = facts
            .nominations_of(i)
            .iter()
            .map(|n| (n.group, n.spelling));
        for (g, first) in endorsed.chain(nominated) {
            let g = g as usize;
            if spelling[g] == NONE {
                spelling[g] = first;
            }
            if counted[g] != i {
                counted[g] = i;
                contests[g] += 1;
            }
        }
    }
    let mut out: Vec<(u32, String, usize)> = (0..groups)
        .filter(|&g| contests[g] > 0)
        .map(|g| {
            let name = names.spellings[spelling[g] as usize].clone();
            (names.rank[g], name, contests[g])
        })
        .collect();
    out.sort_unstable_by_key(|(rank, _, _)| *rank);
    out.into_iter().map(|(_, name, n)| (name, n)).collect()
}

/// Candidates backed per endorser group, one way.
struct Tally {
    counts: Vec<Count>,
    /// The first (position in the rows, spelling) met of each: its spelling names it.
    first_met: Vec<(u32, u32)>,
    /// The last candidate each was counted for: one per candidate, however often the data
    /// repeats it.
    counted: Vec<usize>,
}

impl Tally {
    fn new(groups: usize) -> Tally {
        Tally {
            counts: vec![Count::default(); groups],
            first_met: vec![(NONE, NONE); groups],
            counted: vec![usize::MAX; groups],
        }
    }

    /// Group `g` backed candidate `j`, met at `at`.
    fn add(&mut self, g: usize, j: usize, at: (u32, u32), decided: bool, elected: bool) {
        if at.0 < self.first_met[g].0 {
            self.first_met[g] = at;
        }
        if self.counted[g] != j {
            self.counted[g] = j;
            self.counts[g].add(decided, elected);
        }
    }
}

#[cfg(test)]
mod tests;
