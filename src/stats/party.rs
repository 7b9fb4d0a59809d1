//! Seats and votes per party: over the contests that elect a seat (general elections and
//! by-elections), how many each party won, lost and is still standing in, and its votes.
//! Parties are the candidates' own `party` names, grouped as the factions catalogue declares
//! (`model::party`: `Sinn Fein` is `Sinn Féin`; `Labour and Co-operative` counts in Labour,
//! its own seats listed as a part), not factions: on imported general-election data small
//! parties share an "Other parties" faction but keep their names. A folded group of small
//! parties (`Other`) is no party: its votes count only in the total.

use std::cmp::Reverse;
use std::collections::{HashMap, HashSet};

use super::{Count, Totals, Visit, totals_of};
use crate::model::change::Changes;
use crate::model::date::PartialDate;
use crate::model::{ContestKind, Dataset, Status, arithmetic, party};
use crate::query::{Index, NONE, UNKNOWN_VOTES};

/// One party's record over the seats. `stood == won + lost + pending`.
#[derive(Debug, Clone, PartialEq)]
pub struct PartyRecord {
    /// The party (its group's name); `None` for candidates with no party stated.
    pub party: Option<String>,
    /// The faction of the party's first candidate seen (for its colour), if any.
    pub faction: Option<String>,
    /// Seats the party contested.
    pub stood: usize,
    /// Decided seats its candidate won.
    pub won: usize,
    /// Decided seats it contested and did not win.
    pub lost: usize,
    /// Undecided seats it stands in.
    pub pending: usize,
    /// Seats won by parts of the group under their own name (`Labour and Co-operative`, 26),
    /// most first; empty for a party without parts.
    pub parts: Vec<(String, usize)>,
    /// The votes of its candidates whose votes are known.
    pub votes: u64,
    /// Its candidates whose votes are not known (then `votes` is a lower bound).
    pub votes_unknown: usize,
    /// Its share of all the votes in the seats counted, in percent: `None` unless every vote
    /// there is known.
    pub share: Option<f64>,
    /// Its share in the previous election of the same seats, in percent (0: it did not stand),
    /// and that election's date: `None` unless [`add_previous_shares`] found both elections
    /// loaded in full.
    pub share_then: Option<(f64, PartialDate)>,
}

impl PartyRecord {
    /// ± share in points since the previous election, when known.
    pub fn share_points(&self) -> Option<f64> {
        Some(self.share? - self.share_then?.0)
    }
}

/// The date of the one general election the seats among the contests at `rows` are, if they
/// are one (all decided, dated alike): then a parliament-style strip of their seats means
/// something.
pub fn one_general_election(dataset: &Dataset, rows: &[usize]) -> Option<PartialDate> {
    let mut seats = rows.iter().copied().filter(|&i| {
        dataset
            .contests
            .get(i)
            .is_some_and(|c| elects_a_seat(c.kind))
    });
    one_election(dataset, &mut seats)
}

fn one_election(
    dataset: &Dataset,
    contests: &mut dyn Iterator<Item = usize>,
) -> Option<PartialDate> {
    let mut date = None;
    for i in contests {
        let c = &dataset.contests[i];
        if c.kind != ContestKind::GeneralElection || c.status != Status::Decided {
            return None;
        }
        match (date, c.date) {
            (_, None) => return None,
            (None, d) => date = d,
            (Some(a), Some(b)) if a != b => return None,
            _ => {}
        }
    }
    date
}

/// Fills each record's `share_then`: its share of the vote in the previous general election
/// of the same seats. Only when both elections are loaded in full — the seats at `rows` are
/// one general election (one date), each seat's previous contest is known with complete
/// figures (`Changes::since`), those are one general election too, and every seat of that
/// election is among them — so the ± is against the previous national share, never a part
/// of it. Returns the previous election's date when it filled them.
pub fn add_previous_shares(
    dataset: &Dataset,
    changes: &Changes,
    rows: &[usize],
    records: &mut [PartyRecord],
) -> Option<PartialDate> {
    let seats: Vec<usize> = rows
        .iter()
        .copied()
        .filter(|&i| {
            dataset
                .contests
                .get(i)
                .is_some_and(|c| elects_a_seat(c.kind))
        })
        .collect();
    one_election(dataset, &mut seats.iter().copied())?;
    let mut previous = Vec::with_capacity(seats.len());
    for &i in &seats {
        previous.push(changes.result(dataset, i).ok()?.0);
    }
    let then = one_election(dataset, &mut previous.iter().copied())?;
    // Every seat of the previous election (counted once however many files hold it).
    let seat = |i: usize| {
        let c = &dataset.contests[i];
        c.constituency_id
            .as_deref()
            .filter(|id| !id.trim().is_empty())
            .map(str::to_string)
            .or_else(|| c.constituency.as_deref().map(party::fold))
    };
    let compared: HashSet<Option<String>> = previous.iter().map(|&p| seat(p)).collect();
    let all_then = dataset
        .contests
        .iter()
        .enumerate()
        .filter(|(_, c)| c.kind == ContestKind::GeneralElection && c.date == Some(then));
    if compared.len() != seats.len() || all_then.clone().any(|(j, _)| !compared.contains(&seat(j)))
    {
        return None;
    }
    let (mut votes, mut total): (HashMap<String, u64>, u64) = (HashMap::new(), 0);
    let mut folded = false;
    for &p in &previous {
        for c in arithmetic::on_ballot(&dataset.contests[p]) {
            let v = c.votes.unwrap_or(0);
            total += v;
            folded |= c.folded;
            if let Some(key) = changes.parties.of_candidate(c) {
                *votes.entry(key.group).or_default() += v;
            }
        }
    }
    if total == 0 {
        return None;
    }
    for r in records.iter_mut() {
        let Some(name) = r.party.as_deref() else {
            continue;
        };
        let share = match votes.get(&party::fold(name)) {
            Some(&v) => v as f64 * 100.0 / total as f64,
            // Not standing then reads as 0%, unless it may be inside a folded group.
            None if !folded => 0.0,
            None => continue,
        };
        r.share_then = Some((share, then));
    }
    Some(then)
}

pub use crate::model::change::elects_a_seat;

/// The contests at `rows` that elect a seat, in the same order.
pub fn seat_rows(index: &Index, rows: &[usize]) -> Vec<usize> {
    let contests = &index.facts().contests;
    rows.iter()
        .copied()
        .filter(|&i| contests.get(i).is_some_and(|c| elects_a_seat(c.kind)))
        .collect()
}

/// Totals over the seats among the contests at `rows`.
pub fn seat_totals(index: &Index, rows: &[usize]) -> Totals {
    seat_totals_of(&Visit::new(index, rows))
}

pub(super) fn seat_totals_of(visit: &Visit) -> Totals {
    totals_of(visit, elects_a_seat)
}

/// Each party's record over the seats among the contests at `rows`: most seats won first, then
/// most contested, then name (any case); candidates with no party last. Contests that elect no
/// seat (selections, leadership races) are not counted. Spellings of a party differing only
/// in case or surrounding spaces are one party, named as first met in the rows.
pub fn by_party(index: &Index, rows: &[usize]) -> Vec<PartyRecord> {
    parties(&Visit::new(index, rows))
}

pub(super) fn parties(visit: &Visit) -> Vec<PartyRecord> {
    let facts = visit.facts;
    let names = &facts.parties;
    // One slot per group of spellings, and a last one for candidates with no party stated.
    let no_party = names.groups();
    let slot = |j: usize| match facts.candidates[j].party {
        NONE => no_party,
        g => g as usize,
    };
    let mut counts = vec![Count::default(); no_party + 1];
    let mut votes = vec![(0u64, 0usize); no_party + 1];
    // Seats won under each spelling, for the parts of a group.
    let mut won_as = vec![0usize; names.spellings.len()];
    let (mut all_votes, mut any_unknown) = (0u64, false);
    // Where each was first met — (position in the rows, 0 for a contest's winner or 1 + the
    // candidate) — and that candidate, whose faction colours it. A contest's winner is met
    // first, as its party's seat.
    let mut first_met = vec![((NONE, NONE), 0); no_party + 1];
    // The last contest each was counted in: a party with two candidates in one seat has
    // stood there once.
    let mut counted = vec![usize::MAX; no_party + 1];
    visit.each(|i, k| {
        let c = &facts.contests[i];
        if !elects_a_seat(c.kind) {
            return;
        }
        let decided = c.status == Status::Decided;
        let mut winner = usize::MAX;
        if decided && c.winner != NONE && !facts.candidates[c.winner as usize].folded {
            let w = c.winner as usize;
            winner = slot(w);
            first_met[winner] = first_met[winner].min(((k, 0), w));
            if let Some(n) = won_as.get_mut(facts.party_spelling[w] as usize) {
                *n += 1;
            }
        }
        for j in facts.candidates_of(i) {
            let v = facts.votes[j];
            any_unknown |= v == UNKNOWN_VOTES;
            if v != UNKNOWN_VOTES {
                all_votes += v;
            }
            if facts.candidates[j].folded {
                continue;
            }
            let s = slot(j);
            match v {
                UNKNOWN_VOTES => votes[s].1 += 1,
                v => votes[s].0 += v,
            }
            first_met[s] = first_met[s].min(((k, j as u32 + 1), j));
            if counted[s] != i {
                counted[s] = i;
                counts[s].add(decided, winner == s);
            }
        }
    });
    let mut records: Vec<(usize, PartyRecord)> = (0..=no_party)
        .filter(|&s| counts[s].all > 0)
        .map(|s| {
            let j = first_met[s].1;
            let key = match facts.party_spelling[j] {
                NONE => None,
                p => facts.party_keys.get(p as usize),
            };
            let mut parts: Vec<(String, usize)> = Vec::new();
            for (p, &n) in won_as.iter().enumerate() {
                let part = &facts.party_keys[p];
                if n > 0 && s != no_party && names.group_of(p) == s && part.is_part() {
                    match parts.iter_mut().find(|(name, _)| *name == part.name) {
                        Some((_, m)) => *m += n,
                        None => parts.push((part.name.clone(), n)),
                    }
                }
            }
            parts.sort_by_key(|(name, n)| (Reverse(*n), name.clone()));
            let n = counts[s];
            let (party_votes, unknown) = votes[s];
            let record = PartyRecord {
                party: key.map(|k| k.group_name.trim().to_string()),
                faction: facts
                    .factions
                    .ids
                    .get(facts.candidates[j].faction as usize)
                    .cloned(),
                stood: n.all,
                won: n.won,
                lost: n.lost,
                pending: n.pending,
                parts,
                votes: party_votes,
                votes_unknown: unknown,
                share: (!any_unknown && all_votes > 0)
                    .then(|| party_votes as f64 * 100.0 / all_votes as f64),
                share_then: None,
            };
            (s, record)
        })
        .collect();
    // A group's rank orders as its key does.
    records.sort_by_key(|(s, r)| {
        let name = names.rank.get(*s);
        (r.party.is_none(), Reverse(r.won), Reverse(r.stood), name)
    });
    records.into_iter().map(|(_, r)| r).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Dataset;

    fn fixture() -> Dataset {
        serde_json::from_str(
            r#"{
            "schema_version": 1, "regions": [],
            "factions": [{"id": "oth", "name": "Other parties"}, {"id": "red", "name": "Red"}],
            "contests": [
              {"id": "a", "kind": "general-election", "title": "A", "status": "decided", "sources": [],
               "candidates": [
                 {"name": "A1", "party": "Red", "faction": "red", "votes": 10, "elected": true},
                 {"name": "A2", "party": "Green", "faction": "oth", "votes": 5},
                 {"name": "A3", "party": "green", "faction": "oth", "votes": 1}]},
              {"id": "b", "kind": "by-election", "title": "B", "status": "decided", "sources": [],
               "candidates": [
                 {"name": "B1", "party": "Green", "faction": "oth", "votes": 10, "elected": true},
                 {"name": "B2", "party": "Red", "faction": "red", "votes": 9},
                 {"name": "B3", "votes": 2}]},
              {"id": "c", "kind": "general-election", "title": "C", "status": "pending", "sources": [],
               "candidates": [{"name": "C1", "party": "Red"}]},
              {"id": "d", "kind": "selection", "title": "D", "status": "decided", "sources": [],
               "candidates": [{"name": "D1", "party": "Red", "elected": true}]}
            ]}"#,
        )
        .unwrap()
    }

    #[test]
    fn seats_per_party_ignore_selections_and_merge_case() {
        let ds = Index::build(&fixture());
        let rows: Vec<usize> = (0..4).collect();
        let got = by_party(&ds, &rows);
        let names: Vec<Option<&str>> = got.iter().map(|r| r.party.as_deref()).collect();
        // Red and Green won one seat each; Red stood in more; the party-less candidate last.
        assert_eq!(names, vec![Some("Red"), Some("Green"), None]);
        let red = &got[0];
        assert_eq!((red.stood, red.won, red.lost, red.pending), (3, 1, 1, 1));
        assert_eq!(red.faction.as_deref(), Some("red"));
        let green = &got[1];
        // Two Green candidates in seat A count as one seat contested.
        assert_eq!((green.stood, green.won, green.lost), (2, 1, 1));
        for r in &got {
            assert_eq!(r.stood, r.won + r.lost + r.pending);
        }
        let t = seat_totals(&ds, &rows);
        assert_eq!((t.contests, t.decided, t.pending), (3, 2, 1));
        assert!(by_party(&ds, &[3]).is_empty());
    }
}
