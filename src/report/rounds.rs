//! A preferential count round by round, as plain values for the explorer's rounds view: each
//! round's counts and shares of the votes still in the count, the change since the previous
//! round, who was eliminated, the transfers and exhausted ballots the source gives. Nothing is
//! inferred that the data does not say: a transfer not listed is not shown, only the change
//! in the counts.

use crate::model::{Contest, Transfer};
use crate::report::words::thousands;

/// Where a candidate stands in a round.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RoundState {
    /// Still in the count after this round.
    Continuing,
    /// Eliminated at the end of this round.
    Eliminated,
    /// Eliminated at the end of an earlier round (1-based).
    Out { round: usize },
    /// Marked elected in the contest, shown in the last round.
    Elected,
}

/// One candidate's line in a round.
#[derive(Debug, Clone, PartialEq)]
pub struct RoundRow {
    pub name: String,
    /// The candidate's faction id, if any.
    pub faction: Option<String>,
    /// Votes in this round; `None` when no longer counted.
    pub votes: Option<u64>,
    /// Percent of the votes counted in this round.
    pub percent: Option<f64>,
    /// Votes gained (or lost) since the previous round; `None` in the first round or when the
    /// candidate is not counted in both.
    pub change: Option<i64>,
    pub state: RoundState,
}

/// One round of a contest's count.
#[derive(Debug, Clone, PartialEq)]
pub struct RoundView {
    /// This round, from 1.
    pub number: usize,
    /// How many rounds the count had.
    pub of: usize,
    /// Counted candidates by votes (most first), then those already out, latest out first.
    pub rows: Vec<RoundRow>,
    /// Votes counted in this round (the sum of its counts).
    pub counted: u64,
    /// Candidates eliminated at the end of this round.
    pub eliminated: Vec<String>,
    /// Votes moved at the end of this round, as the source gives them.
    pub transfers: Vec<Transfer>,
    /// Ballots set aside at the end of this round, when the source says.
    pub exhausted: Option<u64>,
}

/// Round `index` (from 0) of `contest`'s count, or `None` if it has no such round.
pub fn round(contest: &Contest, index: usize) -> Option<RoundView> {
    let this = contest.rounds.get(index)?;
    let last = index + 1 == contest.rounds.len();
    let counted: u64 = this.counts.iter().map(|c| c.votes).sum();
    let previous = index.checked_sub(1).and_then(|p| contest.rounds.get(p));
    // Counts refer to a candidate by id or name; people read the name.
    let faction = |name: &str| {
        contest
            .candidate_named(name)
            .and_then(|c| c.faction.clone())
    };
    let elected = |name: &str| contest.candidate_named(name).is_some_and(|c| c.elected);
    let shown = |name: &str| {
        contest
            .candidate_named(name)
            .map_or_else(|| name.to_string(), |c| c.name.clone())
    };
    let mut rows: Vec<RoundRow> = this
        .counts
        .iter()
        .map(|count| {
            let before = previous.and_then(|p| {
                p.counts
                    .iter()
                    .find(|c| c.candidate == count.candidate)
                    .map(|c| c.votes)
            });
            let state = if this.eliminated.contains(&count.candidate) {
                RoundState::Eliminated
            } else if last && elected(&count.candidate) {
                RoundState::Elected
            } else {
                RoundState::Continuing
            };
            RoundRow {
                name: shown(&count.candidate),
                faction: faction(&count.candidate),
                votes: Some(count.votes),
                percent: (counted > 0).then(|| count.votes as f64 * 100.0 / counted as f64),
                change: before.map(|b| count.votes as i64 - b as i64),
                state,
            }
        })
        .collect();
    // Stable: equal counts keep the source's order.
    rows.sort_by_key(|r| std::cmp::Reverse(r.votes));
    for (earlier, r) in contest.rounds[..index].iter().enumerate().rev() {
        for name in &r.eliminated {
            if rows.iter().any(|row| row.name == shown(name)) {
                continue;
            }
            rows.push(RoundRow {
                name: shown(name),
                faction: faction(name),
                votes: None,
                percent: None,
                change: None,
                state: RoundState::Out { round: earlier + 1 },
            });
        }
    }
    Some(RoundView {
        number: index + 1,
        of: contest.rounds.len(),
        rows,
        counted,
        eliminated: this.eliminated.iter().map(|n| shown(n)).collect(),
        transfers: this
            .transfers
            .iter()
            .map(|t| Transfer {
                from: shown(&t.from),
                to: shown(&t.to),
                ..t.clone()
            })
            .collect(),
        exhausted: this.exhausted,
    })
}

/// Every round of `contest`'s count, one line each: counts (most first), eliminations,
/// transfers, exhausted ballots — the rounds view's numbers, as `show` prints them.
pub fn lines(contest: &Contest) -> Vec<String> {
    (0..contest.rounds.len())
        .filter_map(|i| round(contest, i))
        .map(|view| line(&view))
        .collect()
}

/// `Round 1: Ash 400, Birch 300; eliminated Dale; transfers Dale → Ash 30; 5 exhausted`.
pub fn line(view: &RoundView) -> String {
    let counts: Vec<String> = view
        .rows
        .iter()
        .filter_map(|r| r.votes.map(|v| format!("{} {}", r.name, thousands(v))))
        .collect();
    let mut parts = vec![format!("Round {}: {}", view.number, counts.join(", "))];
    if !view.eliminated.is_empty() {
        parts.push(format!("eliminated {}", view.eliminated.join(", ")));
    }
    if !view.transfers.is_empty() {
        let moves: Vec<String> = view
            .transfers
            .iter()
            .map(|t| format!("{} → {} {}", t.from, t.to, thousands(t.votes)))
            .collect();
        parts.push(format!("transfers {}", moves.join(", ")));
    }
    if let Some(x) = view.exhausted {
        parts.push(format!("{} exhausted", thousands(x)));
    }
    parts.join("; ")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Four candidates, three rounds: D out first (transfers given), then C (none given).
    fn contest() -> Contest {
        serde_json::from_value(serde_json::json!({
            "id": "x", "kind": "leadership", "title": "X", "status": "decided", "sources": [],
            "candidates": [
                {"name": "A", "faction": "red", "votes": 40, "elected": true},
                {"name": "B", "votes": 30}, {"name": "C", "votes": 20}, {"name": "D", "votes": 10}],
            "rounds": [
                {"counts": [{"candidate": "A", "votes": 40}, {"candidate": "B", "votes": 30},
                            {"candidate": "C", "votes": 20}, {"candidate": "D", "votes": 10}],
                 "eliminated": ["D"],
                 "transfers": [{"from": "D", "to": "C", "votes": 6}, {"from": "D", "to": "A", "votes": 3}],
                 "exhausted": 1},
                {"counts": [{"candidate": "A", "votes": 43}, {"candidate": "B", "votes": 30},
                            {"candidate": "C", "votes": 26}],
                 "eliminated": ["C"]},
                {"counts": [{"candidate": "B", "votes": 45}, {"candidate": "A", "votes": 50}]}
            ]
        }))
        .unwrap()
    }

    #[test]
    fn first_round_shares_of_the_votes_counted() {
        let r = round(&contest(), 0).unwrap();
        assert_eq!((r.number, r.of, r.counted), (1, 3, 100));
        assert_eq!(r.rows[0].percent, Some(40.0));
        assert_eq!(r.rows[0].faction.as_deref(), Some("red"));
        assert_eq!(r.rows[3].state, RoundState::Eliminated);
        assert!(r.rows.iter().all(|row| row.change.is_none()));
        assert_eq!(r.transfers.len(), 2);
        assert_eq!(r.exhausted, Some(1));
    }

    #[test]
    fn later_rounds_show_changes_and_who_is_out() {
        let r = round(&contest(), 1).unwrap();
        let names: Vec<&str> = r.rows.iter().map(|x| x.name.as_str()).collect();
        assert_eq!(names, ["A", "B", "C", "D"]);
        assert_eq!(r.rows[2].change, Some(6));
        assert_eq!(r.rows[3].state, RoundState::Out { round: 1 });
        assert_eq!(r.rows[3].votes, None);
        assert_eq!(r.counted, 99);
        let last = round(&contest(), 2).unwrap();
        let names: Vec<&str> = last.rows.iter().map(|x| x.name.as_str()).collect();
        // Sorted by votes; the latest eliminated first among those out.
        assert_eq!(names, ["A", "B", "C", "D"]);
        assert_eq!(last.rows[0].state, RoundState::Elected);
        assert_eq!(last.rows[1].change, Some(15));
        assert_eq!(last.rows[2].state, RoundState::Out { round: 2 });
        assert_eq!(last.rows[3].state, RoundState::Out { round: 1 });
        assert!(round(&contest(), 3).is_none());
    }
}
