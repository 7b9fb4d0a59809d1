//! The same contest from two sources: a news report's Stockport 2017 and the House of Commons
//! Library's. Two contests are the same when they are of the same kind, on the same date, in
//! the same constituency (ids compared when both give one, else names, ignoring case — the
//! rule of `model::seat`). The later one is counted once (aggregates skip it), and what
//! the two say is compared: where they agree the data is confirmed, where they differ both
//! values are reported.

use std::collections::HashMap;

use crate::model::arithmetic;
use crate::model::date::PartialDate;
use crate::model::{Contest, ContestKind, Dataset};

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

fn clean(s: &Option<String>) -> Option<String> {
    s.as_deref()
        .map(str::trim)
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
    for (i, c) in dataset.contests.iter().enumerate() {
        let Some(date) = c.date else { continue };
        let id = clean(&c.constituency_id).map(|id| (c.kind, date, id));
        let name = clean(&c.constituency).map(|n| (c.kind, date, n));
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
                differences: differences(&dataset.contests[first], c),
            });
            continue;
        }
        if let Some(id) = id {
            by_id.insert(id, i);
        }
        if let Some(name) = name {
            if clean(&c.constituency_id).is_none() {
                by_name_without_id.entry(name.clone()).or_insert(i);
            }
            by_name.entry(name).or_insert(i);
        }
    }
    out
}

/// What `a` and `b` report differently: the winner, each shared candidate's votes, the
/// majority, the valid ballots — as `what: A here, B there`.
fn differences(a: &Contest, b: &Contest) -> Vec<String> {
    let mut out = Vec::new();
    let winner = |c: &Contest| arithmetic::winner(c).map(|w| w.name.trim().to_lowercase());
    if let (Some(x), Some(y)) = (winner(a), winner(b))
        && x != y
    {
        let name = |c: &Contest| arithmetic::winner(c).map_or(String::new(), |w| w.name.clone());
        out.push(format!("winner: {} and {}", name(a), name(b)));
    }
    for ca in &a.candidates {
        let same = b
            .candidates
            .iter()
            .find(|cb| cb.name.trim().eq_ignore_ascii_case(ca.name.trim()));
        if let Some(cb) = same
            && let (Some(x), Some(y)) = (ca.votes, cb.votes)
            && x != y
        {
            out.push(format!("{}'s votes: {x} and {y}", ca.name));
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
