//! Every round of a count as records, one per candidate per round — what `show --format csv`
//! writes and `show --format json` gives as `count.rounds` (docs/OUTPUT.md). Built from the
//! rounds view (`rounds::round`), so the numbers are the ones people read; what happens at the
//! end of a round (transfers, ballots set aside) is on that round's records.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use crate::model::Contest;
use crate::model::tally::Tally;
use crate::report::rounds::{self, RoundState};

/// Where a candidate stands in a round, as the CSV and JSON write it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Still in the count after this round.
    Continuing,
    /// Elected in this round.
    Elected,
    /// Eliminated at the end of this round.
    Eliminated,
    /// Elected in an earlier round and still counted (a single transferable vote).
    ElectedEarlier,
    /// Eliminated in an earlier round: no longer counted.
    Out,
}

impl Status {
    /// The word written in a CSV cell.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Continuing => "continuing",
            Status::Elected => "elected",
            Status::Eliminated => "eliminated",
            Status::ElectedEarlier => "elected_earlier",
            Status::Out => "out",
        }
    }
}

/// One candidate in one round.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RoundRecord {
    /// The round, from 1.
    pub round: usize,
    pub candidate: String,
    /// The candidate's faction id, if any.
    pub faction_id: Option<String>,
    /// Votes in this round; `None` when no longer counted.
    pub votes: Option<Tally>,
    /// Percent of the votes counted in this round.
    pub share_percent: Option<f64>,
    /// Votes gained or lost since the previous round (`-0.0064`, `64`): in JSON a number when
    /// whole, else a string, as counts are.
    #[serde(with = "signed")]
    pub change: Option<String>,
    pub status: Status,
    /// Votes transferred to the candidate at the end of this round (counted in the next).
    pub transfers_in: Option<Tally>,
    /// Votes transferred from the candidate at the end of this round.
    pub transfers_out: Option<Tally>,
    /// Of the candidate's ballots, those exhausted at the end of this round.
    pub exhausted: Option<Tally>,
    /// Of the candidate's ballots, all that went to no candidate at the end of this round
    /// (exhausted, residual surplus…).
    pub set_aside: Option<Tally>,
    /// The round's threshold (the quota), where stated.
    pub threshold: Option<Tally>,
    /// Votes over the quota, in a count of several seats.
    pub surplus: Option<Tally>,
}

/// Every candidate of every round of `contest`'s count, round by round, each round's
/// candidates as the rounds view orders them; empty for a contest without rounds.
pub fn records(contest: &Contest) -> Vec<RoundRecord> {
    rounds::rounds(contest)
        .flat_map(|view| {
            // Each candidate's transfers and ballots set aside, gathered once a round: looked
            // up per candidate, a round of a thousand candidates and as many transfers is not
            // a million comparisons.
            let transfers_in = by_name(view.transfers.iter().map(|t| (t.to.as_str(), &t.votes)));
            let transfers_out = by_name(view.transfers.iter().map(|t| (t.from.as_str(), &t.votes)));
            let set_aside = by_name(view.set_aside.iter().map(|x| (x.from.as_str(), &x.ballots)));
            let exhausted = by_name(
                view.set_aside
                    .iter()
                    .filter(|x| x.reason == "exhausted")
                    .map(|x| (x.from.as_str(), &x.ballots)),
            );
            let total = |of: &HashMap<&str, Vec<&Tally>>, name: &str| {
                of.get(name).map(|list| rounds::sum(list))
            };
            view.rows
                .iter()
                .map(|row| {
                    let name = row.name.as_str();
                    RoundRecord {
                        round: view.number,
                        candidate: row.name.clone(),
                        faction_id: row.faction.clone(),
                        votes: row.votes.clone(),
                        share_percent: row.percent.map(|p| (p * 100.0).round() / 100.0),
                        change: row.change.as_ref().map(|c| plain(c)),
                        status: match row.state {
                            RoundState::Continuing => Status::Continuing,
                            RoundState::Elected => Status::Elected,
                            RoundState::Eliminated => Status::Eliminated,
                            RoundState::Won { .. } => Status::ElectedEarlier,
                            RoundState::Out { .. } => Status::Out,
                        },
                        transfers_in: total(&transfers_in, name),
                        transfers_out: total(&transfers_out, name),
                        exhausted: total(&exhausted, name),
                        set_aside: total(&set_aside, name),
                        threshold: view.threshold.clone(),
                        surplus: row.surplus.clone(),
                    }
                })
                .collect::<Vec<_>>()
        })
        .collect()
}

/// The tallies of each name, in the order given.
fn by_name<'v>(
    pairs: impl Iterator<Item = (&'v str, &'v Tally)>,
) -> HashMap<&'v str, Vec<&'v Tally>> {
    let mut map: HashMap<&str, Vec<&Tally>> = HashMap::new();
    for (name, tally) in pairs {
        map.entry(name).or_default().push(tally);
    }
    map
}

/// A signed count: a JSON number when whole (`-10`), else a string so its digits are kept.
mod signed {
    use serde::{Deserialize, Deserializer, Serializer};

    #[allow(clippy::ref_option)] // serde's `with` passes a reference to the field
    pub fn serialize<S: Serializer>(v: &Option<String>, s: S) -> Result<S::Ok, S::Error> {
        match v.as_deref().map(|t| (t, t.parse::<i64>())) {
            Some((t, Ok(n))) if n.to_string() == t => s.serialize_i64(n),
            Some((t, _)) => s.serialize_str(t),
            None => s.serialize_none(),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
        Ok(match Option::<serde_json::Value>::deserialize(d)? {
            Some(serde_json::Value::String(s)) => Some(s),
            Some(other) => Some(other.to_string()),
            None => None,
        })
    }
}

/// `+1,213` → `1213`, `-0.0064` stays: a number a spreadsheet or script reads.
fn plain(change: &str) -> String {
    change.trim_start_matches('+').replace(',', "")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_record_per_candidate_per_round_with_what_left_them() {
        let c: Contest = serde_json::from_value(serde_json::json!({
            "id": "x", "kind": "other", "title": "X", "status": "decided", "sources": [],
            "candidates": [{"name": "A", "elected": true}, {"name": "B"}, {"name": "C"}],
            "rounds": [
                {"counts": [{"candidate": "A", "votes": 1500}, {"candidate": "B", "votes": 1000},
                            {"candidate": "C", "votes": 400}],
                 "threshold": 1451, "eliminated": ["C"],
                 "transfers": [{"from": "C", "to": "A", "votes": 300}],
                 "set_aside": [{"from": "C", "reason": "exhausted", "ballots": 100}]},
                {"counts": [{"candidate": "A", "votes": 1800}, {"candidate": "B", "votes": 1000}],
                 "elected": ["A"]}
            ]
        }))
        .unwrap();
        let r = records(&c);
        assert_eq!(r.len(), 6);
        let c1 = &r[2];
        assert_eq!((c1.round, c1.candidate.as_str()), (1, "C"));
        assert_eq!(c1.status, Status::Eliminated);
        assert_eq!(c1.transfers_out, Some(Tally::whole_number(300)));
        assert_eq!(c1.exhausted, Some(Tally::whole_number(100)));
        assert_eq!(r[0].transfers_in, Some(Tally::whole_number(300)));
        // A single seat: no surplus, though A is over the threshold.
        assert_eq!(r[0].surplus, None);
        assert_eq!(r[3].change.as_deref(), Some("300"));
        assert_eq!(r[3].status, Status::Elected);
        assert_eq!((r[5].status, r[5].votes.as_ref()), (Status::Out, None));
    }
}
