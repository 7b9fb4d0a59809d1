//! The same contest from two sources: a news report's Stockport 2017 and the House of Commons
//! Library's. Two contests are the same when they are of the same kind, on the same date, in
//! the same constituency (ids compared when both give one, else names, ignoring case — the
//! rule of `model::seat`). The later one is counted once (aggregates skip it), and what
//! the two say is compared: where they agree the data is confirmed, where they differ both
//! values are reported.

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

/// Every contest that repeats an earlier one, in data order.
pub fn repeats(dataset: &Dataset) -> Vec<Repeat> {
    let mut by_id: HashMap<Key, usize> = HashMap::new();
    let mut by_name: HashMap<Key, usize> = HashMap::new();
    let mut by_name_without_id: HashMap<Key, usize> = HashMap::new();
    let mut out = Vec::new();
    // Built only when some contest repeats another.
    let mut parties: Option<Parties> = None;
    for (i, c) in dataset.contests.iter().enumerate() {
        let Some(date) = c.date else { continue };
        let id = clean(c.constituency_id.as_deref()).map(|id| (c.kind, date, id));
        let name = clean(c.constituency.as_deref()).map(|n| (c.kind, date, n));
        let first = match (&id, &name) {
            (Some(id), name) => by_id
                .get(id)
                .or_else(|| name.as_ref().and_then(|n| by_name_without_id.get(n))),
            (None, Some(name)) => by_name.get(name),
            (None, None) => None,
        };
        if let Some(&first) = first {
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
            by_id.insert(id, i);
        }
        if let Some(name) = name {
            if clean(c.constituency_id.as_deref()).is_none() {
                by_name_without_id.entry(name.clone()).or_insert(i);
            }
            by_name.entry(name).or_insert(i);
        }
    }
    out
}

/// What `a` and `b` report differently: the winner, each shared candidate's votes, the
/// majority, the valid ballots — as `what: A here, B there`. Where one side gives results by
/// party only (no names), winners and votes are compared by party (`model::party`).
fn differences(a: &Contest, b: &Contest, parties: &Parties) -> Vec<String> {
    let mut out = Vec::new();
    let by_party = [a, b]
        .iter()
        .any(|c| c.candidates.iter().any(|k| k.name.trim().is_empty()));
    let key = |k: &Candidate| {
        if by_party {
            parties.of_candidate(k).map(|p| p.group)
        } else {
            Some(k.name.trim().to_lowercase())
        }
    };
    let winner = |c: &Contest| arithmetic::winner(c).and_then(key);
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
