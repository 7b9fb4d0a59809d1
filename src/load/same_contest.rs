//! The same contest from two sources: a news report's Stockport 2017 and the House of Commons
//! Library's. Two contests are the same when they are of the same kind, on the same date, in
//! the same constituency (ids compared when both give one, else names, ignoring case — the
//! rule of `model::seat`), for the same party when both are a party's (two parties' primaries
//! for one seat on one day are two contests), and between the same people: when both name
//! candidates, at least one stands in both (by party where one side gives parties only), so
//! a governor's race and a lieutenant governor's in one district are never one contest. The
//! Contests of one file are never the same contest from two sources: the file tells them
//! apart by its own ids (a primary's two parties' races may name the same candidate). The
//! later one is counted once (aggregates skip it), and what the two say is compared: where
//! they agree the data is confirmed, where they differ both values are reported.

use std::collections::HashMap;

use crate::model::arithmetic;
use crate::model::date::PartialDate;
use crate::model::party::Parties;
use crate::model::{Candidate, Contest, ContestKind, Dataset};

/// A contest that repeats an earlier one.
#[derive(Debug, Clone, PartialEq)]
pub struct Repeat {
    /// Index of the repeating contest (the later one).
    pub contest: usize,
    /// Index of the contest it repeats (the first seen).
    pub first: usize,
    /// What the two say differently, each with both values; empty when they agree.
    pub differences: Vec<String>,
}

fn clean(s: Option<&str>) -> Option<String> {
    s.map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_lowercase)
}

type Key = (ContestKind, PartialDate, String);

/// Every contest that repeats an earlier one from another source, in data order;
/// `source_of(i)` is the file contest `i` was read from.
pub fn repeats(dataset: &Dataset, source_of: impl Fn(usize) -> usize) -> Vec<Repeat> {
    // Every contest under each key: contests in one seat on one day that are not the same
    // (two parties' primaries, two offices) share a key.
    let mut by_id: HashMap<Key, Vec<usize>> = HashMap::new();
    let mut by_name: HashMap<Key, Vec<usize>> = HashMap::new();
    let mut by_name_without_id: HashMap<Key, Vec<usize>> = HashMap::new();
    let mut out = Vec::new();
    // Built only when some contest repeats another.
    let mut parties: Option<Parties> = None;
    for (i, c) in dataset.contests.iter().enumerate() {
        let Some(date) = c.date else { continue };
        let id = clean(c.constituency_id.as_deref()).map(|id| (c.kind, date, id));
        let name = clean(c.constituency.as_deref()).map(|n| (c.kind, date, n));
        let empty = Vec::new();
        let seen: &[usize] = match (&id, &name) {
            (Some(id), name) => by_id
                .get(id)
                .or_else(|| name.as_ref().and_then(|n| by_name_without_id.get(n)))
                .unwrap_or(&empty),
            (None, Some(name)) => by_name.get(name).unwrap_or(&empty),
            (None, None) => &empty,
        };
        let first = seen.iter().copied().find(|&j| {
            let earlier = &dataset.contests[j];
            source_of(j) != source_of(i)
                && same_party(earlier, c)
                && stand_together(
                    earlier,
                    c,
                    parties.get_or_insert_with(|| Parties::of(dataset)),
                )
        });
        if let Some(first) = first {
            out.push(Repeat {
                contest: i,
                first,
                differences: differences(
                    &dataset.contests[first],
                    c,
                    parties.get_or_insert_with(|| Parties::of(dataset)),
                ),
            });
            continue;
        }
        if let Some(id) = id {
            by_id.entry(id).or_default().push(i);
        }
        if let Some(name) = name {
            if clean(c.constituency_id.as_deref()).is_none() {
                by_name_without_id.entry(name.clone()).or_default().push(i);
            }
            by_name.entry(name).or_default().push(i);
        }
    }
    out
}

/// Whether `a` and `b` are for the same party, or at least one is no party's contest.
fn same_party(a: &Contest, b: &Contest) -> bool {
    match (clean(a.party.as_deref()), clean(b.party.as_deref())) {
        (Some(x), Some(y)) => x == y,
        _ => true,
    }
}

/// Whether someone stands in both `a` and `b` (by party where one side gives parties only),
/// or either names nobody (then nothing disagrees).
fn stand_together(a: &Contest, b: &Contest, parties: &Parties) -> bool {
    if a.candidates.is_empty() || b.candidates.is_empty() {
        return true;
    }
    let key = candidate_key(a, b, parties);
    let theirs: Vec<String> = b.candidates.iter().filter_map(&key).collect();
    a.candidates
        .iter()
        .filter_map(&key)
        .any(|k| theirs.contains(&k))
}

/// How a candidate of `a` or `b` is matched across the two: by name, or by party group when
/// either gives results by party only (nameless rows).
fn candidate_key<'p>(
    a: &Contest,
    b: &Contest,
    parties: &'p Parties,
) -> impl Fn(&Candidate) -> Option<String> + 'p {
    let by_party = [a, b]
        .iter()
        .any(|c| c.candidates.iter().any(|k| k.name.trim().is_empty()));
    move |k: &Candidate| {
        if by_party {
            parties.of_candidate(k).map(|p| p.group)
        } else {
            Some(k.name.trim().to_lowercase())
        }
    }
}

/// What `a` and `b` report differently: the winner, each shared candidate's votes, the
/// majority, the valid ballots — as `what: A here, B there`. Where one side gives results by
/// party only (no names), winners and votes are compared by party (`model::party`).
fn differences(a: &Contest, b: &Contest, parties: &Parties) -> Vec<String> {
    let mut out = Vec::new();
    let by_party = [a, b]
        .iter()
        .any(|c| c.candidates.iter().any(|k| k.name.trim().is_empty()));
    let key = candidate_key(a, b, parties);
    let winner = |c: &Contest| arithmetic::winner(c).and_then(&key);
    if let (Some(x), Some(y)) = (winner(a), winner(b))
        && x != y
    {
        let name = |c: &Contest| arithmetic::winner(c).map_or(String::new(), Candidate::label);
        out.push(format!("winner: {} and {}", name(a), name(b)));
    }
    // Votes per candidate (or per party), summed where a party has several rows.
    let votes = |c: &Contest| {
        let mut sums: Vec<(String, String, Option<u64>)> = Vec::new();
        for k in &c.candidates {
            let Some(id) = key(k) else { continue };
            let label = if by_party {
                parties
                    .of_candidate(k)
                    .map_or_else(|| k.label(), |p| p.group_name)
            } else {
                k.name.clone()
            };
            match sums.iter_mut().find(|(i, _, _)| *i == id) {
                Some((_, _, v)) => *v = v.zip(k.votes).map(|(x, y)| x + y),
                None => sums.push((id, label, k.votes)),
            }
        }
        sums
    };
    let theirs = votes(b);
    for (id, label, x) in votes(a) {
        if let Some((_, _, y)) = theirs.iter().find(|(i, _, _)| *i == id)
            && let (Some(x), Some(y)) = (x, *y)
            && x != y
        {
            out.push(format!("{label}'s votes: {x} and {y}"));
        }
    }
    if let (Some(x), Some(y)) = (arithmetic::margin_votes(a), arithmetic::margin_votes(b))
        && x != y
    {
        out.push(format!("majority: {x} and {y}"));
    }
    let valid = |c: &Contest| c.ballots.as_ref().and_then(|b| b.valid);
    if let (Some(x), Some(y)) = (valid(a), valid(b))
        && x != y
    {
        out.push(format!("valid ballots: {x} and {y}"));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Candidate, SCHEMA_VERSION, Status};

    /// A contest in Cedar County on 3 March 2020.
    fn contest(id: &str, party: Option<&str>, names: &[&str]) -> Contest {
        Contest {
            party: party.map(str::to_string),
            constituency: Some("Cedar County".into()),
            date: Some(PartialDate::parse("2020-03-03").unwrap()),
            candidates: names.iter().map(|n| Candidate::new((*n).into())).collect(),
            ..Contest::new(
                id.into(),
                ContestKind::Selection,
                id.into(),
                Status::Decided,
            )
        }
    }

    fn repeated(contests: Vec<Contest>) -> Vec<(usize, usize)> {
        let dataset = Dataset {
            schema_version: SCHEMA_VERSION,
            title: None,
            regions: Vec::new(),
            factions: Vec::new(),
            contests,
        };
        // Each contest its own source, as if from a file each.
        repeats(&dataset, |i| i)
            .iter()
            .map(|r| (r.contest, r.first))
            .collect()
    }

    #[test]
    fn contests_of_one_file_are_told_apart_by_its_ids() {
        let dataset = Dataset {
            schema_version: SCHEMA_VERSION,
            title: None,
            regions: Vec::new(),
            factions: Vec::new(),
            contests: vec![
                contest("senate-dem", Some("Democratic"), &["Ann"]),
                contest("senate-lib", Some("Democratic"), &["Ann", "Bob"]),
            ],
        };
        assert!(repeats(&dataset, |_| 0).is_empty());
        assert_eq!(repeats(&dataset, |i| i).len(), 1);
    }

    #[test]
    fn two_parties_primaries_in_one_seat_on_one_day_are_two_contests() {
        let dem = contest("dem", Some("Democratic"), &["Ann"]);
        let rep = contest("rep", Some("Republican"), &["Bob"]);
        assert_eq!(repeated(vec![dem, rep]), []);
    }

    #[test]
    fn two_offices_with_no_one_in_common_are_two_contests() {
        let governor = contest("governor", None, &["Ann", "Bob"]);
        let lieutenant = contest("lieutenant", None, &["Cy", "Di"]);
        assert_eq!(repeated(vec![governor, lieutenant]), []);
    }

    #[test]
    fn one_race_from_two_sources_is_one_contest_even_among_others() {
        let first = contest("report", Some("Democratic"), &["Ann", "Bob"]);
        let other = contest("other-race", Some("Democratic"), &["Cy"]);
        let again = contest("official", Some("democratic"), &["ann", "Bob", "Write-in"]);
        // A source that names nobody yet disagrees with nothing.
        let bare = contest("bare", None, &[]);
        assert_eq!(repeated(vec![first, other, again, bare]), [(2, 0), (3, 0)]);
    }
}
