//! A count of several seats in brief, as rcvis sums one up: who was elected in which round,
//! with how many votes against the quota, and what became of their surplus. Built from the
//! rounds (`rounds::round`), so it says what they say and nothing more.

use crate::model::Contest;
use crate::model::tally::Tally;
use crate::report::round_words;
use crate::report::rounds::{self, Account, RoundState};

/// One seat filled.
#[derive(Debug, Clone, PartialEq)]
pub struct Filled {
    /// The round that elected them, from 1.
    pub round: usize,
    /// Their votes in that round.
    pub votes: Tally,
    /// That round's threshold (the quota), where stated.
    pub quota: Option<Tally>,
    /// Their votes over the quota (`10`, `0.0000`); `None` below it or with no quota.
    pub surplus: Option<Tally>,
    /// Who, and where their ballots went at the end of the round (`rounds::account`).
    pub account: Account,
}

impl Filled {
    /// `JOHN ERWIN elected in round 3 with 14,866 (quota 14,866)`, and where a surplus went.
    pub fn said(&self) -> String {
        round_words::seat_filled(
            &self.account.name,
            self.round,
            &self.votes,
            self.quota.as_ref(),
            self.surplus.as_ref(),
            round_words::Went {
                transferred: self.account.transferred.as_ref(),
                set_aside: &self.account.set_aside,
            },
        )
    }
}

/// Every seat of a count of several in the order filled; empty for a single seat or a count
/// that does not say who was elected when.
pub fn seats_filled(contest: &Contest) -> Vec<Filled> {
    if contest.seats.unwrap_or(1) < 2 {
        return Vec::new();
    }
    rounds::rounds(contest)
        .flat_map(|view| {
            view.rows
                .iter()
                .filter(|r| r.state == RoundState::Elected)
                .filter_map(|row| {
                    Some(Filled {
                        round: view.number,
                        votes: row.votes.clone()?,
                        quota: view.threshold.clone(),
                        surplus: row.surplus.clone(),
                        account: rounds::account(&view, &row.name),
                    })
                })
                .collect::<Vec<_>>()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_surplus_and_where_it_went() {
        let c: Contest = serde_json::from_value(serde_json::json!({
            "id": "stv", "kind": "other", "title": "STV", "status": "decided", "sources": [],
            "seats": 2,
            "candidates": [{"name": "H"}, {"name": "L"}, {"name": "M"}],
            "rounds": [
                {"counts": [{"candidate": "H", "votes": 144}, {"candidate": "L", "votes": 96},
                            {"candidate": "M", "votes": 80}],
                 "threshold": "134", "elected": ["H"],
                 "transfers": [{"from": "H", "to": "L", "votes": "8.8832"},
                               {"from": "H", "to": "M", "votes": "1.1104"}],
                 "set_aside": [{"from": "H", "reason": "residual surplus", "ballots": "0.0064"}]},
                {"counts": [{"candidate": "H", "votes": 134}, {"candidate": "L", "votes": "104.8832"},
                            {"candidate": "M", "votes": "81.1104"}],
                 "threshold": "134", "elected": ["L"]}
            ]
        }))
        .unwrap();
        let filled = seats_filled(&c);
        assert_eq!(filled.len(), 2);
        assert_eq!((filled[0].round, filled[0].account.name.as_str()), (1, "H"));
        assert_eq!(filled[0].surplus, Some(Tally::whole_number(10)));
        assert_eq!(
            filled[0]
                .account
                .transferred
                .as_ref()
                .map(Tally::label)
                .as_deref(),
            Some("9.9936")
        );
        assert_eq!(filled[0].account.set_aside[0].0, "residual surplus");
        // Elected below the quota, the last standing: no surplus.
        assert_eq!((filled[1].round, filled[1].surplus.as_ref()), (2, None));
    }
}
