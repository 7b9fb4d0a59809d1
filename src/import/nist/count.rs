//! A contest's votes and rounds from its selections' `VoteCounts`: each candidate's votes (the
//! counts without a `Round`, else the first round's), and, where counts carry a `Round`, the
//! rounds of a preferential count — each round's counts, in round order, with a candidate
//! counted in a round and not in the next (or with 0 there) eliminated at its end. Which
//! counts make each figure is `sum`'s rule; `Account` keeps what they were made of.

use std::collections::HashMap;

use crate::import::nist::report::{Id, Selection};
use crate::import::nist::sum::{self, Account, Entry, Units};
use crate::model::{Round, RoundCount};

/// What the counts say of a contest's candidates (one entry per selection, in order).
pub struct Counted {
    pub votes: Vec<Option<u64>>,
    pub rounds: Vec<Round>,
    /// Who is counted in the last round (where the file's winners are elected).
    pub in_last_round: Vec<bool>,
    /// Sentences for the contest's notes.
    pub said: Vec<String>,
}

/// Counts the `selections` of a contest held in `district`; `names` are the candidates'
/// names, `refs` how a round refers to each.
pub fn count(
    units: &Units,
    district: Id,
    selections: &[Selection],
    names: &[String],
    refs: &[String],
    account: &mut Account,
) -> Counted {
    let mut said = Vec::new();
    let mut numbers: Vec<u64> = selections
        .iter()
        .flat_map(|s| s.counts.iter().filter_map(|v| v.round))
        .collect();
    numbers.sort_unstable();
    numbers.dedup();
    // Each selection's counts by round, sorted once (a count of many rounds over many
    // precincts is not filtered again for every round).
    let by_round: Vec<HashMap<Option<u64>, Vec<Entry>>> =
        selections.iter().map(entries_by_round).collect();
    let none: Vec<Entry> = Vec::new();
    let entries = |i: usize, round: Option<u64>| by_round[i].get(&round).unwrap_or(&none);

    let mut votes = Vec::with_capacity(selections.len());
    for (i, s) in selections.iter().enumerate() {
        let plain = entries(i, None);
        let first = match numbers.first() {
            Some(&r) if plain.is_empty() => entries(i, Some(r)),
            _ => plain,
        };
        let fig = sum::figure(units, district, first);
        account.record(&fig, &names[i], "the votes");
        votes.push(match &fig.amount {
            Some(a) => {
                if let Some(n) = a.whole() {
                    Some(n)
                } else {
                    said.push(format!(
                        "{}'s votes, {}, are not a whole number: left unknown.",
                        names[i],
                        a.to_tally().as_str()
                    ));
                    None
                }
            }
            None => None,
        });
        let seats: Vec<Entry> = s
            .counts
            .iter()
            .filter(|v| v.kind == "seats" && v.round.is_none())
            .map(|v| Entry {
                unit: v.unit,
                kind: "total",
                amount: v.count.clone().ok_or(sum::SUPPRESSED),
            })
            .collect();
        if !seats.is_empty()
            && let Some(n) = sum::figure(units, district, &seats)
                .amount
                .and_then(|a| a.whole())
        {
            said.push(format!("{} won {n} seats.", names[i]));
        }
    }

    let mut rounds: Vec<Round> = Vec::new();
    let mut present: Vec<Vec<bool>> = Vec::new();
    for (r, &number) in numbers.iter().enumerate() {
        let mut counts = Vec::new();
        let mut here = vec![false; selections.len()];
        for i in 0..selections.len() {
            let list = entries(i, Some(number));
            if list.is_empty() {
                continue;
            }
            let fig = sum::figure(units, district, list);
            account.record(&fig, &names[i], "the votes");
            let Some(amount) = fig.amount else {
                continue;
            };
            // Out of the count: no count in the round before, or a count of 0 after votes.
            if r > 0 && (!present[r - 1][i] || amount.whole() == Some(0)) {
                continue;
            }
            here[i] = true;
            counts.push(RoundCount {
                candidate: refs[i].clone().into(),
                votes: amount.to_tally(),
            });
        }
        present.push(here);
        rounds.push(Round {
            counts,
            elected: Vec::new(),
            eliminated: Vec::new(),
            transfers: Vec::new(),
            exhausted: None,
            set_aside: Vec::new(),
            threshold: None,
            inactive: Vec::new(),
        });
    }
    for r in 0..rounds.len().saturating_sub(1) {
        for i in 0..selections.len() {
            if present[r][i] && !present[r + 1][i] {
                rounds[r].eliminated.push(refs[i].clone().into());
            }
        }
    }
    Counted {
        votes,
        rounds,
        in_last_round: present
            .last()
            .cloned()
            .unwrap_or_else(|| vec![false; selections.len()]),
        said,
    }
}

/// The counts of a selection (seats apart), by round (None: those without a round).
fn entries_by_round(s: &Selection) -> HashMap<Option<u64>, Vec<Entry>> {
    let mut out: HashMap<Option<u64>, Vec<Entry>> = HashMap::new();
    for v in s.counts.iter().filter(|v| v.kind != "seats") {
        out.entry(v.round).or_default().push(Entry {
            unit: v.unit,
            kind: v.kind,
            amount: v.count.clone().ok_or(sum::SUPPRESSED),
        });
    }
    out
}
