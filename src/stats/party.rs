//! Seats per party: over the contests that elect a seat (general elections and by-elections),
//! how many each party won, lost and is still standing in. Parties are the candidates' own
//! `party` names (spellings differing only in case are one party), not factions: on imported
//! general-election data small parties share an "Other parties" faction but keep their names.

use std::cmp::Reverse;
use std::collections::HashMap;

use super::{Totals, contests, totals};
use crate::model::{Candidate, ContestKind, Dataset, Status};
use crate::tally;

/// One party's record over the seats. `stood == won + lost + pending`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PartyRecord {
    /// The party as first spelt in the data; `None` for candidates with no party stated.
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
}

/// Whether a contest of this kind elects a seat (so its winner's party gains one).
pub fn elects_a_seat(kind: ContestKind) -> bool {
    matches!(kind, ContestKind::GeneralElection | ContestKind::ByElection)
}

/// The contests at `rows` that elect a seat, in the same order.
pub fn seat_rows(dataset: &Dataset, rows: &[usize]) -> Vec<usize> {
    rows.iter()
        .copied()
        .filter(|&i| {
            dataset
                .contests
                .get(i)
                .is_some_and(|c| elects_a_seat(c.kind))
        })
        .collect()
}

/// Totals over the seats among the contests at `rows`.
pub fn seat_totals(dataset: &Dataset, rows: &[usize]) -> Totals {
    totals(dataset, &seat_rows(dataset, rows))
}

/// Each party's record over the seats among the contests at `rows`: most seats won first, then
/// most contested, then name (any case); candidates with no party last. Contests that elect no
/// seat (selections, leadership races) are not counted.
pub fn by_party(dataset: &Dataset, rows: &[usize]) -> Vec<PartyRecord> {
    let mut parties = Parties::default();
    let mut seen: Vec<usize> = Vec::new();
    for contest in contests(dataset, rows) {
        if !elects_a_seat(contest.kind) {
            continue;
        }
        let winner = match contest.status {
            Status::Decided => tally::winner(contest).map(|w| parties.slot(w)),
            Status::Pending => None,
        };
        seen.clear();
        for candidate in &contest.candidates {
            let at = parties.slot(candidate);
            // A party with two candidates in one seat has stood there once.
            if seen.contains(&at) {
                continue;
            }
            seen.push(at);
            let r = &mut parties.records[at];
            r.stood += 1;
            match contest.status {
                Status::Pending => r.pending += 1,
                Status::Decided if winner == Some(at) => r.won += 1,
                Status::Decided => r.lost += 1,
            }
        }
    }
    let mut records = parties.records;
    records.sort_by_cached_key(|r| {
        (
            r.party.is_none(),
            Reverse(r.won),
            Reverse(r.stood),
            r.party.as_deref().map(str::to_lowercase),
        )
    });
    records
}

/// Party records being counted, found by the party's spelling.
#[derive(Default)]
struct Parties<'a> {
    records: Vec<PartyRecord>,
    /// Record by trimmed, lowercased party name (`None`: no party stated).
    slots: HashMap<Option<String>, usize>,
    /// Record by spelling as in the data, so each spelling is lowercased once.
    spellings: HashMap<Option<&'a str>, usize>,
}

impl<'a> Parties<'a> {
    /// The record of `candidate`'s party, made on first sight.
    fn slot(&mut self, candidate: &'a Candidate) -> usize {
        let party = candidate.party.as_deref();
        if let Some(&at) = self.spellings.get(&party) {
            return at;
        }
        let key = party.map(|p| p.trim().to_lowercase());
        let records = &mut self.records;
        let at = *self.slots.entry(key).or_insert_with(|| {
            records.push(PartyRecord {
                party: party.map(|p| p.trim().to_string()),
                faction: candidate.faction.clone(),
                stood: 0,
                won: 0,
                lost: 0,
                pending: 0,
            });
            records.len() - 1
        });
        self.spellings.insert(party, at);
        at
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
        let ds = fixture();
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
