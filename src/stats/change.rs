//! Seats changing hands: over the listed seats whose result is known (`model::change`), a
//! matrix of the previous winner's party → the new winner's, holds on the diagonal.

use std::collections::{BTreeMap, HashMap};

use crate::model::Dataset;
use crate::model::change::{Changes, Outcome, Since, Unknown, elects_a_seat, linked_by_name};

/// The groups of the party that won contest `i`'s seat before and the party that won it now
/// (the same for a hold), as the matrix counts it; `None` when the matrix does not (not a
/// seat, or its change is not known).
pub fn seat_change(dataset: &Dataset, changes: &Changes, i: usize) -> Option<(String, String)> {
    let (_, outcome) = changes.outcome(dataset, i)?;
    Some(match outcome {
        Outcome::Hold { party } => (party.group.clone(), party.group),
        Outcome::Gain { to, from } => (from.group, to.group),
    })
}

/// One seat of the largest swings (`stats --by swing`): its two-party swing since the seat's
/// previous contest, its result and the winner's ± share.
#[derive(Debug, Clone, PartialEq)]
pub struct SeatSwing {
    /// Index of the contest in the dataset.
    pub contest: usize,
    /// Index of the seat's previous contest.
    pub previous: usize,
    /// `Con gain from Lab`, when both winners are known.
    pub result: Option<String>,
    /// Two-party (Butler) swing between the top two parties now.
    pub swing: crate::model::change::Swing,
    /// The winner's party's ± share in points, when it stood both times.
    pub winner_points: Option<f64>,
    /// Matched to the previous contest by the constituency's name only.
    pub by_name: bool,
}

/// The seats among `rows` with a known two-party swing since their previous contest, largest
/// swing first (then the larger rise in the winner's share, then the dataset's order). A seat
/// whose change is not known (no previous contest, partial figures) or whose top two parties
/// did not both stand last time has no swing and is not listed.
pub fn largest_swings(dataset: &Dataset, changes: &Changes, rows: &[usize]) -> Vec<SeatSwing> {
    let mut seats: Vec<SeatSwing> = rows
        .iter()
        .filter(|&&i| {
            dataset
                .contests
                .get(i)
                .is_some_and(|c| elects_a_seat(c.kind))
        })
        .filter_map(|&i| {
            let Since::Known(change) = changes.since(dataset, i) else {
                return None;
            };
            let winner_points = crate::model::change::winner_points(&change);
            Some(SeatSwing {
                contest: i,
                previous: change.previous,
                result: change.outcome.as_ref().map(Outcome::label),
                swing: change.swing.clone()?,
                winner_points,
                by_name: change.by_name,
            })
        })
        .collect();
    seats.sort_by(|a, b| {
        b.swing
            .points
            .total_cmp(&a.swing.points)
            .then(
                b.winner_points
                    .unwrap_or(f64::MIN)
                    .total_cmp(&a.winner_points.unwrap_or(f64::MIN)),
            )
            .then(a.contest.cmp(&b.contest))
    });
    seats
}

/// The matrix of seats changing hands.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ChangeMatrix {
    /// The parties of the rows and columns (the same order): most seats won now first.
    pub parties: Vec<MatrixParty>,
    /// `seats[from][to]`: seats won last time by `from` and this time by `to`.
    pub seats: Vec<Vec<usize>>,
    /// Seats among the rows whose result is known.
    pub compared: usize,
    /// Seats among the rows whose result is not known, and why, e.g. `no previous result` 12.
    pub unknown: Vec<(String, usize)>,
    /// The elections compared: (previous year, year) and how many seats.
    pub elections: Vec<((i32, i32), usize)>,
    /// Seats compared with a previous contest found by the constituency's name only (no
    /// common id): across a boundary change they may not be the same seat.
    pub by_name: usize,
}

/// A party of the matrix.
#[derive(Debug, Clone, PartialEq)]
pub struct MatrixParty {
    /// The party's group (`PartyKey::group`): what a seat's parties are matched by.
    pub group: String,
    pub name: String,
    /// The short label (`Con`), else the name.
    pub short: String,
}

impl ChangeMatrix {
    /// Seats held by party `p` (won both times).
    pub fn held(&self, p: usize) -> usize {
        self.seats[p][p]
    }

    /// Seats party `p` won from others.
    pub fn gained(&self, p: usize) -> usize {
        (0..self.parties.len())
            .filter(|&f| f != p)
            .map(|f| self.seats[f][p])
            .sum()
    }

    /// Seats party `p` lost to others.
    pub fn lost(&self, p: usize) -> usize {
        (0..self.parties.len())
            .filter(|&t| t != p)
            .map(|t| self.seats[p][t])
            .sum()
    }

    /// Seats that changed hands.
    pub fn changed(&self) -> usize {
        (0..self.parties.len()).map(|p| self.gained(p)).sum()
    }

    /// The seats `from` → `to` by party name or short label (any case), for tests and scripts.
    pub fn get(&self, from: &str, to: &str) -> Option<usize> {
        let find = |name: &str| {
            self.parties.iter().position(|p| {
                p.name.eq_ignore_ascii_case(name) || p.short.eq_ignore_ascii_case(name)
            })
        };
        Some(self.seats[find(from)?][find(to)?])
    }
}

/// The matrix over the contests at `rows` (seats only; others are ignored).
pub fn change_matrix(dataset: &Dataset, changes: &Changes, rows: &[usize]) -> ChangeMatrix {
    let mut order: Vec<(String, String, String)> = Vec::new();
    let mut slot: HashMap<String, usize> = HashMap::new();
    let mut pairs: Vec<(usize, usize)> = Vec::new();
    let mut unknown: BTreeMap<&'static str, usize> = BTreeMap::new();
    let mut elections: BTreeMap<(i32, i32), usize> = BTreeMap::new();
    let mut by_name = 0;
    let mut at = |group: &str, name: &str, short: &str| {
        if let Some(&at) = slot.get(group) {
            return at;
        }
        order.push((name.to_string(), short.to_string(), group.to_string()));
        slot.insert(group.to_string(), order.len() - 1);
        order.len() - 1
    };
    for &i in rows {
        let Some(contest) = dataset.contests.get(i) else {
            continue;
        };
        if !elects_a_seat(contest.kind) {
            continue;
        }
        let why = match changes.result(dataset, i) {
            Ok((previous, Some(outcome))) => {
                let (from, to) = match &outcome {
                    Outcome::Hold { party } => (party, party),
                    Outcome::Gain { to, from } => (from, to),
                };
                let f = at(&from.group, &from.group_name, from.short());
                let t = at(&to.group, &to.group_name, to.short());
                pairs.push((f, t));
                by_name += usize::from(linked_by_name(contest, &dataset.contests[previous]));
                let year = |d: Option<crate::model::date::PartialDate>| d.map_or(0, |d| d.year());
                *elections
                    .entry((year(dataset.contests[previous].date), year(contest.date)))
                    .or_default() += 1;
                continue;
            }
            Ok((_, None)) => "a winner is not known",
            Err(Unknown::NoPrevious) => "no previous result",
            Err(Unknown::Partial) => "partial figures",
            Err(Unknown::NotASeat) => continue,
        };
        *unknown.entry(why).or_default() += 1;
    }
    let n = order.len();
    let mut seats = vec![vec![0usize; n]; n];
    for &(f, t) in &pairs {
        seats[f][t] += 1;
    }
    // Most seats won now first, then most won before, then name.
    let won_now = |p: usize| (0..n).map(|f| seats[f][p]).sum::<usize>();
    let won_then = |p: usize| seats[p].iter().sum::<usize>();
    let mut ranked: Vec<usize> = (0..n).collect();
    ranked.sort_by_key(|&p| {
        (
            std::cmp::Reverse(won_now(p)),
            std::cmp::Reverse(won_then(p)),
            order[p].0.clone(),
        )
    });
    let parties = ranked
        .iter()
        .map(|&p| MatrixParty {
            group: order[p].2.clone(),
            name: order[p].0.clone(),
            short: order[p].1.clone(),
        })
        .collect();
    let seats = ranked
        .iter()
        .map(|&f| ranked.iter().map(|&t| seats[f][t]).collect())
        .collect();
    ChangeMatrix {
        parties,
        seats,
        compared: pairs.len(),
        unknown: unknown
            .into_iter()
            .map(|(why, n)| (why.to_string(), n))
            .collect(),
        elections: elections.into_iter().collect(),
        by_name,
    }
}

/// Each contest's key for sorting by change: its winner's party's ± share in points since the
/// seat's previous contest (`model::change::winner_points`), NaN where none is known.
pub fn change_keys(dataset: &Dataset, changes: &Changes) -> Box<[f32]> {
    (0..dataset.contests.len())
        .map(|i| match changes.headline(dataset, i) {
            Ok(headline) => headline.winner_points.map_or(f32::NAN, |p| p as f32),
            Err(_) => f32::NAN,
        })
        .collect()
}

/// Sorts `rows` by their `keys`: the largest rise first (`reverse`: the largest fall first),
/// contests with no change known last either way; ties keep their order. The one order of
/// the explorer's `s` and `list --sort change`.
pub fn sort_by_change(rows: &mut [usize], keys: &[f32], reverse: bool) {
    rows.sort_by(|&a, &b| {
        let (x, y) = (keys[a], keys[b]);
        match (x.is_nan(), y.is_nan()) {
            (false, false) if reverse => x.total_cmp(&y),
            (false, false) => y.total_cmp(&x),
            (a, b) => a.cmp(&b),
        }
    });
}

#[cfg(test)]
mod tests {
    use super::sort_by_change;

    /// Largest rise first (or fall, reversed), the unknown last either way, ties and the
    /// unknown in the order they came.
    #[test]
    fn sorting_by_change_keeps_ties_and_the_unknown_in_order() {
        let keys = [f32::NAN, 2.0, -1.0, 2.0, f32::NAN, 0.5];
        let mut rows = vec![4, 3, 0, 1, 2, 5];
        sort_by_change(&mut rows, &keys, false);
        assert_eq!(rows, [3, 1, 5, 2, 4, 0]);
        let mut rows = vec![4, 3, 0, 1, 2, 5];
        sort_by_change(&mut rows, &keys, true);
        assert_eq!(rows, [2, 5, 3, 1, 4, 0]);
    }
}
