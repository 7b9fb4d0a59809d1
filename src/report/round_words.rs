//! The words of a preferential count, one wording for the explorer's rounds pane and `show`'s
//! line per round, so the two cannot drift. Phrases start in lower case so they can stand in a
//! list (`show`); `sentence` makes one a line of its own (the explorer).

use crate::model::tally::Tally;
use crate::model::{Inactive, Transfer};
use crate::report::words::thousands;

/// Said for a contest without rounds.
pub const NO_ROUNDS: &str = "No round-by-round count is recorded for this contest.";

/// Said when no contest listed has rounds either.
pub const NONE_LISTED_HAS_ROUNDS: &str = "None of the listed contests has one.";

/// Said when a round eliminated someone but the source lists no transfers.
pub const TRANSFERS_NOT_GIVEN: &str = "Transfers: not given by the source.";

/// Heads the transfers, one per line below it.
pub const TRANSFERS_HEADING: &str = "Transfers:";

/// `phrase` as a line of its own: a capital first letter and a full stop.
pub fn sentence(phrase: &str) -> String {
    let mut chars = phrase.chars();
    match chars.next() {
        Some(first) => format!("{}{}.", first.to_uppercase(), chars.as_str()),
        None => String::new(),
    }
}

/// `Round 2 of 3 · 2 seats · threshold 351`.
pub fn heading(number: usize, of: usize, seats: u32, threshold: Option<&Tally>) -> String {
    let mut head = format!("Round {number} of {of}");
    if seats > 1 {
        head.push_str(&format!(" · {seats} seats"));
    }
    if let Some(t) = threshold {
        head.push_str(&format!(" · threshold {}", t.label()));
    }
    head
}

/// The keys that move to the rounds either side, and to the first and last, for those there
/// are.
pub fn steps(number: usize, of: usize) -> &'static str {
    match (number > 1, number < of) {
        (true, true) => "{ first · ← previous · next → · last }",
        (true, false) => "{ first · ← previous",
        (false, true) => "next → · last }",
        (false, false) => "",
    }
}

/// What the shares and bars of a round are of (`counted`: the votes counted in it).
pub fn counted(counted: &str, with_threshold: bool) -> String {
    let threshold = if with_threshold {
        ", ┆ the threshold"
    } else {
        ""
    };
    format!(
        "{counted} votes counted (continuing ballots); shares are of those; bars on one scale for every round{threshold}"
    )
}

/// Where a candidate no longer counted went.
pub fn out_after(round: usize) -> String {
    format!("out after round {round}")
}

/// When the round's outcome happened: `At the end of round 2`, `After the last round`.
pub fn round_end(number: usize, of: usize) -> String {
    if number == of {
        "After the last round".to_string()
    } else {
        format!("At the end of round {number}")
    }
}

/// `elected Ash, Birch`.
pub fn elected<S: AsRef<str>>(names: &[S]) -> String {
    format!("elected {}", join(names))
}

/// `eliminated Dale`.
pub fn eliminated<S: AsRef<str>>(names: &[S]) -> String {
    format!("eliminated {}", join(names))
}

/// `Dale → Ash 30`.
pub fn transfer(t: &Transfer) -> String {
    format!("{} → {} {}", t.from, t.to, t.votes.label())
}

/// `transfers Dale → Ash 30, Dale → Birch 12`.
pub fn transfers(transfers: &[Transfer]) -> String {
    let moves: Vec<String> = transfers.iter().map(transfer).collect();
    format!("transfers {}", moves.join(", "))
}

/// `Dion, Donna J.: 1,221 transferred, 375 exhausted`: where one elected or eliminated
/// candidate's ballots went.
pub fn account(name: &str, went: Went) -> String {
    let mut parts = went.phrases();
    if parts.is_empty() {
        parts.push("none transferred".to_string());
    }
    format!("{name}: {}", parts.join(", "))
}

/// Heads the seats of a count of several, in the order filled.
pub const SEATS_FILLED_HEADING: &str = "Seats filled:";

/// `JOHN ERWIN elected in round 3 with 14,866 (quota 14,866)`, and where a surplus went:
/// `Harvey Curley elected in round 2 with 144 (quota 134), surplus 10: 9.9936 transferred,
/// 0.0064 residual surplus`.
pub fn seat_filled(
    name: &str,
    round: usize,
    votes: &Tally,
    quota: Option<&Tally>,
    surplus: Option<&Tally>,
    went: Went,
) -> String {
    let mut said = format!("{name} elected in round {round} with {}", votes.label());
    if let Some(q) = quota {
        said.push_str(&format!(" (quota {})", q.label()));
    }
    let Some(surplus) = surplus.filter(|s| s.value() > 0.0) else {
        return said;
    };
    said.push_str(&format!(", surplus {}", surplus.label()));
    let went = went.phrases();
    if went.is_empty() {
        said.push_str(" (its transfers not given)");
    } else {
        said.push_str(&format!(": {}", went.join(", ")));
    }
    said
}

/// Where a candidate's ballots went at the end of a round: to candidates, summed, and to
/// nobody, by reason.
#[derive(Debug, Clone, Copy)]
pub struct Went<'a> {
    pub transferred: Option<&'a Tally>,
    pub set_aside: &'a [(String, Tally)],
}

impl Went<'_> {
    /// `1,221 transferred`, `375 exhausted`.
    fn phrases(self) -> Vec<String> {
        let mut parts: Vec<String> = Vec::new();
        if let Some(t) = self.transferred {
            parts.push(format!("{} transferred", t.label()));
        }
        for (reason, ballots) in self.set_aside {
            parts.push(format!("{} {reason}", ballots.label()));
        }
        parts
    }
}

/// `over the quota: Harvey Curley 10, Larry Edwards 0.0000` (a surplus each).
pub fn surpluses(by_candidate: &[(&str, &Tally)]) -> String {
    let each: Vec<String> = by_candidate
        .iter()
        .map(|(name, t)| format!("{name} {}", t.label()))
        .collect();
    format!("over the quota: {}", each.join(", "))
}

/// `surplus 10`: a candidate's votes over the quota, beside their bar.
pub fn surplus(t: &Tally) -> String {
    format!("surplus {}", t.label())
}

/// Heads each elected or eliminated candidate's account, one per line below it.
pub const ACCOUNTS_HEADING: &str = "Their ballots:";

/// `10 exhausted (no further preference)`: ballots set aside at the end of a round.
pub fn exhausted(ballots: u64) -> String {
    format!("{} exhausted (no further preference)", thousands(ballots))
}

/// `inactive ballots so far: overvotes 430, undervotes 12` (running totals, by reason).
pub fn inactive(by_reason: &[Inactive]) -> String {
    let by: Vec<String> = by_reason
        .iter()
        .map(|x| format!("{} {}", x.reason, x.ballots.label()))
        .collect();
    format!("inactive ballots so far: {}", by.join(", "))
}

/// Heads the table of every round: how many of them fit.
pub fn table_title(shown: usize, rounds: usize) -> String {
    format!("All rounds ({shown} of {rounds} shown; ← / → move along)")
}

/// A round's column heading, from 0: `R1`.
pub fn round_column(round: usize) -> String {
    format!("R{}", round + 1)
}

/// A candidate's tally in one round, marked `✗` eliminated or `✓` elected in it (a space where
/// neither, so the digits line up); `·` when no longer counted.
pub fn table_cell(tally: Option<&Tally>, eliminated: bool, elected: bool) -> String {
    match (tally, eliminated, elected) {
        (Some(t), true, _) => format!("{}✗", t.label()),
        (Some(t), _, true) => format!("{}✓", t.label()),
        (Some(t), _, _) => format!("{} ", t.label()),
        (None, _, _) => "· ".to_string(),
    }
}

/// `3 of the listed contests have one:`, heading the titles of some with rounds.
pub fn listed_with_rounds(n: usize) -> String {
    let have = if n == 1 { "has one" } else { "have one" };
    format!("{n} of the listed contests {have}:")
}

/// A contest suggested in a list: `  • Title`.
pub fn suggestion(title: &str) -> String {
    format!("  • {title}")
}

fn join<S: AsRef<str>>(names: &[S]) -> String {
    let names: Vec<&str> = names.iter().map(AsRef::as_ref).collect();
    names.join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_phrase_becomes_a_sentence() {
        assert_eq!(
            sentence(&inactive(&[Inactive {
                reason: "overvotes".into(),
                ballots: Tally::whole_number(430),
            }])),
            "Inactive ballots so far: overvotes 430."
        );
        assert_eq!(
            sentence(&exhausted(1200)),
            "1,200 exhausted (no further preference)."
        );
        assert_eq!(sentence(""), "");
    }

    #[test]
    fn a_seat_filled_says_its_surplus_only_when_there_is_one() {
        let none = Went {
            transferred: None,
            set_aside: &[],
        };
        let t = Tally::whole_number;
        assert_eq!(
            seat_filled("Erwin", 3, &t(14_866), Some(&t(14_866)), Some(&t(0)), none),
            "Erwin elected in round 3 with 14,866 (quota 14,866)"
        );
        assert_eq!(
            seat_filled("Ash", 2, &t(160), Some(&t(150)), Some(&t(10)), none),
            "Ash elected in round 2 with 160 (quota 150), surplus 10 (its transfers not given)"
        );
        assert_eq!(
            seat_filled("Oak", 5, &t(90), None, None, none),
            "Oak elected in round 5 with 90"
        );
        let set_aside = [("exhausted".to_string(), t(375))];
        let went = Went {
            transferred: Some(&t(1_221)),
            set_aside: &set_aside,
        };
        assert_eq!(
            account("Dion, Donna J.", went),
            "Dion, Donna J.: 1,221 transferred, 375 exhausted"
        );
        assert_eq!(account("Nobody", none), "Nobody: none transferred");
    }
}
