//! Every contest's and candidate's facts as small integers — kind, status, region, month,
//! winner, factions, parties, endorsers — interned once per dataset. Filters test them and
//! aggregates (`stats`, the explorer's views) count them, so neither compares a string or
//! walks the model's scattered allocations for each of a million contests.

use std::collections::HashMap;
use std::hash::Hash;
use std::ops::Range;

use crate::model::party::{Parties, PartyKey};
use crate::model::period::Period;
use crate::model::references::References;
use crate::model::{CandidateRef, ContestKind, Dataset, Status};

use super::fold;
use super::order::dense_ranks;

type FastMap<K, V> = HashMap<K, V, foldhash::fast::RandomState>;

/// "None" in the id fields: no region, no faction, no party, no winner.
pub(crate) const NONE: u32 = u32::MAX;

/// A candidate's votes when the data gives none.
pub(crate) const UNKNOWN_VOTES: u64 = u64::MAX;

/// One contest's facts.
#[derive(Debug, Clone, Copy)]
pub(crate) struct ContestFacts {
    pub kind: ContestKind,
    pub status: Status,
    /// Into `Facts::regions` (`NONE`: no region).
    pub region: u32,
    /// Into `Facts::periods`.
    pub period: u32,
    /// The first elected candidate, as an index into `Facts::candidates` (`NONE`: nobody).
    pub winner: u32,
}

/// One candidate's facts.
#[derive(Debug, Clone, Copy)]
pub(crate) struct CandidateFacts {
    /// Into `Facts::factions` (`NONE`: no faction).
    pub faction: u32,
    /// The party's group in `Facts::parties` (`NONE`: no party stated, or a folded group).
    pub party: u32,
    pub elected: bool,
    /// A folded group of small parties (`Other`): votes, but no party.
    pub folded: bool,
}

/// One candidate nominated by one named nominator (`nominations[].counts[].from`).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Nominated {
    pub candidate: u32,
    pub group: u32,
    pub spelling: u32,
}

/// Ids as the data spells them: the catalogue's first, in catalogue order (a repeated one
/// once), then any the data uses that the catalogue lacks (only unvalidated data has those),
/// in order of first use.
#[derive(Debug, Clone, Default)]
pub(crate) struct Ids {
    pub ids: Vec<String>,
    /// How many of `ids` are the catalogue's.
    pub catalogue: usize,
}

impl Ids {
    /// The id's place among the catalogue's ids, if it is one of them.
    pub fn catalogue_position(&self, id: u32) -> Option<usize> {
        let id = id as usize;
        (id < self.catalogue).then_some(id)
    }

    /// The number of a catalogue id, if the catalogue has it.
    pub fn find(&self, id: &str) -> Option<u32> {
        self.ids[..self.catalogue]
            .iter()
            .position(|x| x == id)
            .map(|p| p as u32)
    }
}

/// Distinct spellings of names, grouped into the names they spell (e.g. "Unite" and "unite").
#[derive(Debug, Clone, Default)]
pub(crate) struct Names {
    /// Each spelling exactly as in the data, in order of first sight.
    pub spellings: Vec<String>,
    /// Each spelling's group.
    pub group: Vec<u32>,
    /// Each group's place in the ascending order of the groups' keys.
    pub rank: Vec<u32>,
}

impl Names {
    /// Number of groups.
    pub fn groups(&self) -> usize {
        self.rank.len()
    }

    /// The group of spelling number `spelling`.
    pub fn group_of(&self, spelling: usize) -> usize {
        self.group[spelling] as usize
    }
}

/// The facts of a whole dataset, in contest order.
#[derive(Debug, Clone, Default)]
pub(crate) struct Facts {
    pub contests: Vec<ContestFacts>,
    /// Contest i's candidates are `candidates[first_candidate[i]..first_candidate[i + 1]]`.
    pub first_candidate: Vec<u32>,
    pub candidates: Vec<CandidateFacts>,
    /// Each candidate's party as spelt, into `parties.spellings` (`NONE`: no party).
    pub party_spelling: Vec<u32>,
    /// Each candidate's votes (`UNKNOWN_VOTES`: not known).
    pub votes: Vec<u64>,
    /// Each party spelling's identity (`model::party`), by spelling number: the group it
    /// counts with and the party's own name.
    pub party_keys: Vec<PartyKey>,
    /// Candidate j's endorsements are `endorsements[first_endorsement[j]..first_endorsement[j + 1]]`.
    pub first_endorsement: Vec<u32>,
    /// Each endorsement's endorser, as a group of `endorsers`.
    pub endorsements: Vec<u32>,
    /// Each endorsement as spelt, into `endorsers.spellings`.
    pub endorsement_spelling: Vec<u32>,
    /// Contest i's named nominations are `nominations[first_nomination[i]..first_nomination[i + 1]]`.
    pub first_nomination: Vec<u32>,
    /// Each nomination by a named nominator: the candidate (into `candidates`), the
    /// nominator's group of `endorsers` and its spelling (into `endorsers.spellings`).
    pub nominations: Vec<Nominated>,
    pub regions: Ids,
    pub factions: Ids,
    /// Each distinct period contests are dated in, in order of first sight.
    pub periods: Vec<Period>,
    /// Candidates' party names; a group is a party's group as the factions catalogue declares
    /// it (`model::party`), else the name folded.
    pub parties: Names,
    /// Endorser names; a group is a name lowercased (as `stats --by endorser` counts them).
    pub endorsers: Names,
    /// Each endorser group's folded form (as the endorser filter matches them), by id. (Folding
    /// differs from lowercasing only in the final sigma, so a group's spellings fold alike.)
    pub endorser_fold: Vec<u32>,
    /// The ids of the folded forms.
    fold_ids: FastMap<String, u32>,
}

impl Facts {
    /// Interns the facts of every contest of `dataset`.
    pub fn build(dataset: &Dataset) -> Facts {
        let mut regions = Interner::new(dataset.regions.iter().map(|r| r.id.as_str()));
        let mut factions = Interner::new(dataset.factions.iter().map(|f| f.id.as_str()));
        let mut periods = Interner::new([]);
        let identities = Parties::of(dataset);
        let mut parties = NameInterner::new(Box::new(|p: &str| identities.key(p).group));
        let mut endorsers = NameInterner::new(Box::new(str::to_lowercase));
        // Every array sized once: grown by doubling, a large dataset's would be copied and
        // their fresh pages zeroed many times over.
        let contests = dataset.contests.len();
        let candidates: usize = dataset.contests.iter().map(|c| c.candidates.len()).sum();
        let mut facts = Facts {
            contests: Vec::with_capacity(contests),
            first_candidate: Vec::with_capacity(contests + 1),
            first_nomination: Vec::with_capacity(contests + 1),
            candidates: Vec::with_capacity(candidates),
            party_spelling: Vec::with_capacity(candidates),
            votes: Vec::with_capacity(candidates),
            first_endorsement: Vec::with_capacity(candidates + 1),
            ..Facts::default()
        };
        for contest in &dataset.contests {
            let first_candidate = facts.candidates.len() as u32;
            facts.first_candidate.push(first_candidate);
            facts.first_nomination.push(facts.nominations.len() as u32);
            // Resolved once a contest (and only for one with nominations, most have none): a
            // nomination table may name thousands.
            let references = contest.nominations.first().map(|_| References::of(contest));
            let nominations = references.iter().flat_map(|r| {
                contest
                    .nominations
                    .iter()
                    .map(move |nomination| (r, nomination))
            });
            for (references, nomination) in nominations {
                for count in &nomination.counts {
                    // Counts naming no candidate of the contest (only unvalidated data) are skipped.
                    let CandidateRef::Found(k) = references.get(&count.candidate) else {
                        continue;
                    };
                    for name in &count.from {
                        let (group, spelling) = endorsers.id(name);
                        facts.nominations.push(Nominated {
                            candidate: first_candidate + k as u32,
                            group,
                            spelling,
                        });
                    }
                }
            }
            let mut winner = NONE;
            for candidate in &contest.candidates {
                if candidate.elected && winner == NONE {
                    winner = facts.candidates.len() as u32;
                }
                let first = facts.endorsements.len() as u32;
                facts.first_endorsement.push(first);
                let (party, spelling) = match candidate.party.as_deref() {
                    Some(p) if !candidate.folded => parties.id(p),
                    _ => (NONE, NONE),
                };
                let faction = match candidate.faction.as_deref() {
                    Some(f) => factions.id(f),
                    None => NONE,
                };
                facts.candidates.push(CandidateFacts {
                    faction,
                    party,
                    elected: candidate.elected,
                    folded: candidate.folded,
                });
                facts.party_spelling.push(spelling);
                facts.votes.push(candidate.votes.unwrap_or(UNKNOWN_VOTES));
                for e in &candidate.endorsements {
                    let (group, spelling) = endorsers.id(e);
                    facts.endorsements.push(group);
                    facts.endorsement_spelling.push(spelling);
                }
            }
            facts.contests.push(ContestFacts {
                kind: contest.kind,
                status: contest.status,
                region: contest.region.as_deref().map_or(NONE, |r| regions.id(r)),
                period: periods.id(Period::of(contest.date)),
                winner,
            });
        }
        facts.first_candidate.push(facts.candidates.len() as u32);
        facts.first_nomination.push(facts.nominations.len() as u32);
        let end = facts.endorsements.len() as u32;
        facts.first_endorsement.push(end);
        facts.regions = regions.ids();
        facts.factions = factions.ids();
        facts.periods = periods.seen;
        facts.parties = parties.finish().0;
        facts.party_keys = facts
            .parties
            .spellings
            .iter()
            .map(|p| identities.key(p))
            .collect();
        let (names, first_spellings) = endorsers.finish();
        for &spelling in &first_spellings {
            let next = facts.fold_ids.len() as u32;
            let folded = fold(&names.spellings[spelling as usize]);
            let id = *facts.fold_ids.entry(folded).or_insert(next);
            facts.endorser_fold.push(id);
        }
        facts.endorsers = names;
        facts
    }

    /// The candidates of contest `i`, as a range of `candidates`.
    pub fn candidates_of(&self, i: usize) -> Range<usize> {
        self.first_candidate[i] as usize..self.first_candidate[i + 1] as usize
    }

    /// The endorsements of candidate `j`, as a range of `endorsements`.
    pub fn endorsements_of(&self, j: usize) -> Range<usize> {
        self.first_endorsement[j] as usize..self.first_endorsement[j + 1] as usize
    }

    /// The endorsements of all contest `i`'s candidates, as a range of `endorsements`.
    pub fn endorsements_of_contest(&self, i: usize) -> Range<usize> {
        let candidates = self.candidates_of(i);
        self.first_endorsement[candidates.start] as usize
            ..self.first_endorsement[candidates.end] as usize
    }

    /// The named nominations in contest `i`.
    pub fn nominations_of(&self, i: usize) -> &[Nominated] {
        &self.nominations[self.first_nomination[i] as usize..self.first_nomination[i + 1] as usize]
    }

    /// The faction of contest `i`'s winner, if it has one.
    pub fn winner_faction(&self, i: usize) -> Option<u32> {
        match self.contests[i].winner {
            NONE => None,
            w => Some(self.candidates[w as usize].faction),
        }
    }

    /// The id of an endorser's folded name, if any endorsement folds to it.
    pub fn fold_id(&self, folded: &str) -> Option<u32> {
        self.fold_ids.get(folded).copied()
    }
}

/// Numbers distinct values in order of first sight, starting with a catalogue.
struct Interner<T> {
    ids: FastMap<T, u32>,
    seen: Vec<T>,
    /// How many distinct values the catalogue had.
    catalogue: usize,
}

impl<T: Copy + Eq + Hash> Interner<T> {
    fn new(catalogue: impl IntoIterator<Item = T>) -> Self {
        let mut interner = Interner {
            ids: FastMap::default(),
            seen: Vec::new(),
            catalogue: 0,
        };
        for value in catalogue {
            // A repeated catalogue id keeps its first place, as `Dataset::region` finds it.
            interner.id(value);
        }
        interner.catalogue = interner.seen.len();
        interner
    }

    fn id(&mut self, value: T) -> u32 {
        *self.ids.entry(value).or_insert_with(|| {
            self.seen.push(value);
            self.seen.len() as u32 - 1
        })
    }
}

impl Interner<&str> {
    fn ids(self) -> Ids {
        Ids {
            ids: self
                .seen
                .iter()
                .map(std::string::ToString::to_string)
                .collect(),
            catalogue: self.catalogue,
        }
    }
}

/// Numbers spellings, and groups them by a key made from each new spelling once.
struct NameInterner<'a> {
    /// Each spelling's (group, number).
    spellings: FastMap<&'a str, (u32, u32)>,
    groups: FastMap<String, u32>,
    /// Each group's first spelling.
    first_spellings: Vec<u32>,
    key: Box<dyn Fn(&str) -> String + 'a>,
    names: Names,
}

impl<'a> NameInterner<'a> {
    fn new(key: Box<dyn Fn(&str) -> String + 'a>) -> Self {
        NameInterner {
            spellings: FastMap::default(),
            groups: FastMap::default(),
            first_spellings: Vec::new(),
            key,
            names: Names::default(),
        }
    }

    /// The spelling's group and its own number.
    fn id(&mut self, spelling: &'a str) -> (u32, u32) {
        if let Some(&ids) = self.spellings.get(spelling) {
            return ids;
        }
        let number = self.names.spellings.len() as u32;
        let next = self.groups.len() as u32;
        let group = *self.groups.entry((self.key)(spelling)).or_insert_with(|| {
            self.first_spellings.push(number);
            next
        });
        let ids = (group, number);
        self.names.spellings.push(spelling.to_string());
        self.names.group.push(group);
        self.spellings.insert(spelling, ids);
        ids
    }

    /// The names, and each group's first spelling.
    fn finish(self) -> (Names, Vec<u32>) {
        let mut keys: Vec<(u32, String)> = self.groups.into_iter().map(|(k, g)| (g, k)).collect();
        keys.sort_unstable_by_key(|(g, _)| *g);
        let keys: Vec<String> = keys.into_iter().map(|(_, k)| k).collect();
        let names = Names {
            rank: dense_ranks(&keys),
            ..self.names
        };
        (names, self.first_spellings)
    }
}
