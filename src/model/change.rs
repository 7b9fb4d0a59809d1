//! Change since the previous contest in the same seat: each party's ± share and ± votes, the
//! majority and turnout then and now, the result (`Lab hold`, `Con gain from Lab`) and the
//! two-party (Butler) swing — computed only from complete figures.
//!
//! The previous contest is the latest decided general election or by-election fought earlier
//! in the same seat (`seat::SeatIndex`: same constituency id, else name). Among several on
//! that day (the same contest from two files) the one with complete figures is taken. When the
//! previous contest is missing, or its figures (or this one's) are partial, nothing is
//! computed: the answer says so and why.
//!
//! Parties are compared by group (`party::Parties`), so `Labour and Co-operative` holding a
//! Labour seat is a hold and `Sinn Fein` is `Sinn Féin`. A folded group of small parties
//! (`Other`) is listed but never wins, holds or gains.

use std::borrow::Cow;

use foldhash::HashMap;

use crate::model::arithmetic;
use crate::model::party::{Parties, PartyKey};
use crate::model::seat::SeatIndex;
use crate::model::{Candidate, Contest, ContestKind, Dataset, Status};

/// What is known of a contest's change since the seat's previous contest.
#[derive(Debug, Clone, PartialEq)]
pub enum Since {
    /// The contest elects no seat (a selection, a leadership race): change does not apply.
    NotASeat,
    /// No earlier general election or by-election in this seat is loaded.
    NoPrevious,
    /// There is one, but the figures of one side are incomplete: nothing is computed.
    Partial {
        /// Index of the previous contest in the dataset.
        previous: usize,
        /// Why, in words (`stockport-ge-2017 has votes for 1 of 1 candidates`).
        reason: String,
    },
    Known(Box<Change>),
}

impl Since {
    /// What a list says of it ([`Changes::headline`] gives the same, at less cost).
    pub fn headline(&self) -> Result<Headline, Unknown> {
        match self {
            Since::NotASeat => Err(Unknown::NotASeat),
            Since::NoPrevious => Err(Unknown::NoPrevious),
            Since::Partial { .. } => Err(Unknown::Partial),
            Since::Known(change) => Ok(Headline {
                previous: change.previous,
                outcome: change.outcome.clone(),
                winner_points: winner_points(change),
            }),
        }
    }
}

/// What a list says of a contest's change (`Lab hold, +13.4 pts`): [`Changes::since`]'s
/// previous contest, result and winner's party's ± share, without the rest of the change.
#[derive(Debug, Clone, PartialEq)]
pub struct Headline {
    pub previous: usize,
    /// Who won against who won before (`None`: a winner is not known).
    pub outcome: Option<Outcome>,
    /// The winner's party's ± share in points ([`winner_points`]).
    pub winner_points: Option<f64>,
}

/// Why a contest's change is not known, in brief ([`Since`] says it in words).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unknown {
    NotASeat,
    NoPrevious,
    Partial,
}

/// The change between a contest and the seat's previous contest, both complete.
#[derive(Debug, Clone, PartialEq)]
pub struct Change {
    /// Index of the previous contest in the dataset.
    pub previous: usize,
    /// True when the two share only the constituency's name (no common id): the boundaries
    /// may differ.
    pub by_name: bool,
    /// Each party that stood in either: most votes now first; folded groups last.
    pub parties: Vec<PartyChange>,
    pub majority: Then<u64>,
    pub turnout: Then<f64>,
    /// The result as computed from the two winners; `None` when either winner is unknown or
    /// has no party.
    pub outcome: Option<Outcome>,
    /// Between the top two parties now, when both stood both times.
    pub swing: Option<Swing>,
}

/// A figure then (in the previous contest) and now.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Then<T> {
    pub then: Option<T>,
    pub now: Option<T>,
}

/// One party's votes and share then and now (`None`: it did not stand, or is not reported
/// apart from a folded group).
#[derive(Debug, Clone, PartialEq)]
pub struct PartyChange {
    /// The group the party counts as (a folded row: its label, e.g. `Other`).
    pub party: String,
    /// The short label of the group (`Lab`), when known.
    pub abbr: Option<String>,
    /// A folded group of several parties, not a party.
    pub folded: bool,
    pub then: Option<Figure>,
    pub now: Option<Figure>,
}

/// Votes and their share of the contest's valid votes, in percent.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Figure {
    pub votes: u64,
    pub share: f64,
}

impl PartyChange {
    /// ± share in percentage points, when the party stood both times.
    pub fn points(&self) -> Option<f64> {
        Some(self.now?.share - self.then?.share)
    }

    /// ± votes, when the party stood both times.
    pub fn votes(&self) -> Option<i64> {
        Some(self.now?.votes as i64 - self.then?.votes as i64)
    }
}

/// Who won relative to who won before.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    Hold { party: PartyKey },
    Gain { to: PartyKey, from: PartyKey },
}

impl Outcome {
    /// `Lab hold`, `Con gain from Lab`.
    pub fn label(&self) -> String {
        match self {
            Outcome::Hold { party } => format!("{} hold", party.short()),
            Outcome::Gain { to, from } => format!("{} gain from {}", to.short(), from.short()),
        }
    }

    /// The party that won this time.
    pub fn winner(&self) -> &PartyKey {
        match self {
            Outcome::Hold { party } => party,
            Outcome::Gain { to, .. } => to,
        }
    }

    /// The party that won last time.
    pub fn previous_winner(&self) -> &PartyKey {
        match self {
            Outcome::Hold { party } => party,
            Outcome::Gain { from, .. } => from,
        }
    }
}

/// Two-party (Butler) swing: half the difference of the two parties' changes in share, in
/// points, towards the one that gained relatively.
#[derive(Debug, Clone, PartialEq)]
pub struct Swing {
    pub to: String,
    pub from: String,
    pub points: f64,
}

/// The seats and party identities of a dataset, built once, to answer [`Changes::since`] for
/// any of its contests.
#[derive(Debug, Clone)]
pub struct Changes {
    seats: SeatIndex,
    /// Each contest's previous contest in its seat (see the module doc), when it elects a
    /// seat, has a date and the seat had a decided contest before it.
    previous: Vec<Option<u32>>,
    pub parties: Parties,
}

/// Whether contests of this kind elect a seat and so have a previous result.
pub fn elects_a_seat(kind: ContestKind) -> bool {
    matches!(kind, ContestKind::GeneralElection | ContestKind::ByElection)
}

impl Changes {
    pub fn build(dataset: &Dataset) -> Changes {
        let seats = SeatIndex::build(dataset);
        let latest = seats.latest(|j| {
            let c = &dataset.contests[j];
            let date = c.date?;
            (elects_a_seat(c.kind) && c.status == Status::Decided).then(|| {
                // How a candidate previous contest ranks: the latest date; on one day (one
                // contest from two sources) complete figures first, then the fuller list,
                // then the earlier index.
                let rank = (
                    date.sort_key(),
                    incomplete(c).is_none(),
                    c.candidates.len(),
                    std::cmp::Reverse(j),
                );
                (date.end(), rank)
            })
        });
        let previous = latest
            .before_each(&seats, dataset, |i| {
                let c = &dataset.contests[i];
                c.date.filter(|_| elects_a_seat(c.kind)).map(|d| d.start())
            })
            .into_iter()
            .map(|j| j.and_then(|j| u32::try_from(j).ok()))
            .collect();
        Changes {
            seats,
            previous,
            parties: Parties::of(dataset),
        }
    }

    /// The seats of the dataset (for a seat's whole history).
    pub fn seats(&self) -> &SeatIndex {
        &self.seats
    }

    /// The previous contest in the seat of contest `i` (see the module doc), if loaded.
    pub fn previous(&self, dataset: &Dataset, i: usize) -> Option<usize> {
        debug_assert_eq!(self.previous.len(), dataset.contests.len());
        self.previous.get(i).copied().flatten().map(|j| j as usize)
    }

    /// The change of contest `i` since the seat's previous contest.
    pub fn since(&self, dataset: &Dataset, i: usize) -> Since {
        let Some(contest) = dataset.contests.get(i) else {
            return Since::NotASeat;
        };
        if !elects_a_seat(contest.kind) {
            return Since::NotASeat;
        }
        let Some(previous) = self.previous(dataset, i) else {
            return Since::NoPrevious;
        };
        let before = &dataset.contests[previous];
        if let Some(reason) = incomplete(before) {
            return Since::Partial {
                previous,
                reason: format!("{} {reason}", before.id),
            };
        }
        if let Some(reason) = incomplete(contest) {
            return Since::Partial {
                previous,
                reason: format!("this contest {reason}"),
            };
        }
        Since::Known(Box::new(self.change(contest, before, previous)))
    }

    /// The previous contest and the computed result of contest `i` (`None`: a winner is not
    /// known), when its change is known: what [`Changes::since`] gives, without working out
    /// the rest of the change (for aggregates over every contest).
    pub fn result(&self, dataset: &Dataset, i: usize) -> Result<(usize, Option<Outcome>), Unknown> {
        let contest = dataset.contests.get(i).ok_or(Unknown::NotASeat)?;
        if !elects_a_seat(contest.kind) {
            return Err(Unknown::NotASeat);
        }
        let previous = self.previous(dataset, i).ok_or(Unknown::NoPrevious)?;
        let before = &dataset.contests[previous];
        if is_incomplete(before) || is_incomplete(contest) {
            return Err(Unknown::Partial);
        }
        Ok((previous, self.winners(contest, before)))
    }

    /// What a list says of contest `i`'s change ([`Headline`]): as [`Changes::since`] gives
    /// it, at a fraction of the cost (no party's figures but the winner's).
    pub fn headline(&self, dataset: &Dataset, i: usize) -> Result<Headline, Unknown> {
        let (previous, outcome) = self.result(dataset, i)?;
        let winner_points = outcome.as_ref().and_then(|outcome| {
            let group = &outcome.winner().group;
            let now = self.party_share(&dataset.contests[i], group)?;
            Some(now - self.party_share(&dataset.contests[previous], group)?)
        });
        Ok(Headline {
            previous,
            outcome,
            winner_points,
        })
    }

    /// The share of `contest`'s votes won by the candidates of party group `group` (not in a
    /// folded group), as [`Changes::since`] works out each party's share; `None` when none
    /// of them has votes.
    fn party_share(&self, contest: &Contest, group: &str) -> Option<f64> {
        let valid = arithmetic::denominator(contest).unwrap_or(0).max(1) as f64;
        let mut sum = None;
        for c in arithmetic::on_ballot(contest).filter(|c| !c.folded) {
            if let Some(votes) = c.votes
                && self.row_of(c).0 == group
            {
                sum = Some(sum.unwrap_or(0) + votes);
            }
        }
        sum.map(|sum| sum as f64 * 100.0 / valid)
    }

    /// The row of a change a candidate counts in: its party's group (or, without a party,
    /// its label) folded as the row's key, the name and abbreviation the row shows.
    fn row_of<'a>(&'a self, c: &'a Candidate) -> (Cow<'a, str>, Cow<'a, str>, Option<&'a str>) {
        // As `Parties::of_candidate` finds a candidate's party.
        let party = (c.party.as_deref()).filter(|p| !c.folded && !p.trim().is_empty());
        if let Some(party) = party {
            let group = self.parties.group(party);
            (group.key, group.name, group.abbr)
        } else {
            let label = (c.party.as_deref()).map_or_else(|| Cow::Owned(c.label()), Cow::Borrowed);
            (Cow::Owned(super::party::fold(&label)), label, None)
        }
    }

    /// The computed result of contest `i`, when known, with the previous contest's index.
    pub fn outcome(&self, dataset: &Dataset, i: usize) -> Option<(usize, Outcome)> {
        match self.result(dataset, i) {
            Ok((previous, Some(outcome))) => Some((previous, outcome)),
            _ => None,
        }
    }

    /// Who won relative to who won before, when both winners are known and have a party.
    fn winners(&self, now: &Contest, then: &Contest) -> Option<Outcome> {
        let winner = |c: &Contest| {
            arithmetic::winner(c)
                .filter(|w| !w.folded)
                .and_then(|w| self.parties.of_candidate(w))
        };
        match (winner(now)?, winner(then)?) {
            (to, from) if to.group == from.group => Some(Outcome::Hold { party: to }),
            (to, from) => Some(Outcome::Gain { to, from }),
        }
    }

    fn change(&self, now: &Contest, then: &Contest, previous: usize) -> Change {
        let mut rows: Vec<PartyChange> = Vec::new();
        // Keyed by the group borrowed: copied only for a row's first candidate.
        let mut slot: HashMap<(bool, Cow<str>), usize> = HashMap::default();
        for (contest, is_now) in [(now, true), (then, false)] {
            let valid = arithmetic::denominator(contest).unwrap_or(0).max(1) as f64;
            for c in arithmetic::on_ballot(contest) {
                let Some(votes) = c.votes else { continue };
                let (key, name, abbr) = self.row_of(c);
                let at = *slot.entry((c.folded, key)).or_insert_with(|| {
                    rows.push(PartyChange {
                        party: name.into_owned(),
                        abbr: abbr.map(str::to_string),
                        folded: c.folded,
                        then: None,
                        now: None,
                    });
                    rows.len() - 1
                });
                let figure = if is_now {
                    &mut rows[at].now
                } else {
                    &mut rows[at].then
                };
                let sum = figure.map_or(0, |f| f.votes) + votes;
                *figure = Some(Figure {
                    votes: sum,
                    share: sum as f64 * 100.0 / valid,
                });
            }
        }
        rows.sort_by_key(|r| {
            (
                r.folded,
                std::cmp::Reverse(r.now.map(|f| f.votes)),
                std::cmp::Reverse(r.then.map(|f| f.votes)),
            )
        });
        let outcome = self.winners(now, then);
        let parties: Vec<&PartyChange> = rows.iter().filter(|r| !r.folded).collect();
        let swing = match parties.as_slice() {
            [a, b, ..] => match (a.points(), b.points()) {
                (Some(da), Some(db)) => {
                    let points = (da - db) / 2.0;
                    let (to, from) = if points >= 0.0 { (a, b) } else { (b, a) };
                    Some(Swing {
                        to: to.party.clone(),
                        from: from.party.clone(),
                        points: points.abs(),
                    })
                }
                _ => None,
            },
            _ => None,
        };
        Change {
            previous,
            by_name: linked_by_name(now, then),
            parties: rows,
            majority: Then {
                then: arithmetic::margin_votes(then),
                now: arithmetic::margin_votes(now),
            },
            turnout: Then {
                then: arithmetic::turnout(then),
                now: arithmetic::turnout(now),
            },
            outcome,
            swing,
        }
    }
}

/// The winner's party's ± share in points since the previous contest, when the winner is
/// known and the party stood both times.
pub fn winner_points(change: &Change) -> Option<f64> {
    let winner = change.outcome.as_ref()?.winner();
    change
        .parties
        .iter()
        .find(|p| !p.folded && super::party::fold(&p.party) == winner.group)
        .and_then(PartyChange::points)
}

/// True when two contests share only the constituency's name (no common id).
pub fn linked_by_name(now: &Contest, then: &Contest) -> bool {
    !(has_id(now) && has_id(then))
}

fn has_id(contest: &Contest) -> bool {
    contest
        .constituency_id
        .as_deref()
        .is_some_and(|id| !id.trim().is_empty())
}

/// Why a contest's figures cannot be compared, if they cannot: some candidate's votes unknown.
/// Whether [`incomplete`] has a reason, without wording it.
fn is_incomplete(contest: &Contest) -> bool {
    let mut standing = arithmetic::on_ballot(contest).peekable();
    standing.peek().is_none() || standing.any(|c| c.votes.is_none())
}

fn incomplete(contest: &Contest) -> Option<String> {
    let standing = arithmetic::on_ballot(contest).count();
    let known = arithmetic::on_ballot(contest)
        .filter(|c| c.votes.is_some())
        .count();
    if standing == 0 {
        return Some("has no candidates".into());
    }
    (known < standing).then(|| format!("has votes for {known} of {standing} candidates"))
}

/// Parses a stated result (`Lab hold`, `Con gain from Lab Coop`) into the parties it names.
pub fn parse_stated(text: &str) -> Option<(String, Option<String>)> {
    let text = text.trim();
    if let Some(party) = text.strip_suffix(" hold") {
        return Some((party.trim().to_string(), None));
    }
    let (to, from) = text.split_once(" gain from ")?;
    Some((to.trim().to_string(), Some(from.trim().to_string())))
}

impl Outcome {
    /// Whether a stated result says the same as this one (parties compared by group, so `Lab
    /// Coop` is `Lab` when the catalogue says so); `None` when the text is not of the form
    /// `X hold` / `X gain from Y`.
    pub fn agrees_with(&self, stated: &str, parties: &Parties) -> Option<bool> {
        let (to, from) = parse_stated(stated)?;
        let same = |name: &str, key: &PartyKey| {
            let stated = parties.key(name);
            stated.group == key.group || super::party::fold(name) == super::party::fold(key.short())
        };
        Some(match (self, from) {
            (Outcome::Hold { party }, None) => same(&to, party),
            (Outcome::Gain { to: t, from: f }, Some(from)) => same(&to, t) && same(&from, f),
            _ => false,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dataset() -> Dataset {
        serde_json::from_value(serde_json::json!({
            "schema_version": 1,
            "factions": [
                {"id": "lab", "name": "Labour", "abbr": "Lab"},
                {"id": "coop", "name": "Labour and Co-operative", "group": "lab", "spellings": ["Lab Coop"]},
                {"id": "con", "name": "Conservative", "abbr": "Con", "spellings": ["Conservative Party"]}
            ],
            "contests": [
                {"id": "a15", "kind": "general-election", "title": "A 2015", "status": "decided",
                 "constituency": "A", "constituency_id": "E1", "date": "2015-05-07", "sources": [],
                 "ballots": {"eligible": 1000},
                 "candidates": [
                    {"party": "Labour", "votes": 500, "elected": true},
                    {"party": "Conservative", "votes": 300},
                    {"party": "Other", "folded": true, "votes": 200}]},
                {"id": "a17", "kind": "general-election", "title": "A 2017", "status": "decided",
                 "constituency": "A", "constituency_id": "E1", "date": "2017-06-08", "sources": [],
                 "ballots": {"eligible": 1000},
                 "candidates": [
                    {"name": "X", "party": "Labour and Co-operative", "votes": 600, "elected": true},
                    {"name": "Y", "party": "Conservative Party", "votes": 400}]},
                {"id": "a19", "kind": "general-election", "title": "A 2019", "status": "decided",
                 "constituency": "A", "constituency_id": "E1", "date": "2019-12-12", "sources": [],
                 "candidates": [
                    {"name": "Y", "party": "Conservative", "votes": 500, "elected": true},
                    {"name": "X", "party": "Labour"}]},
                {"id": "sel", "kind": "selection", "title": "A selection", "status": "decided",
                 "constituency": "A", "date": "2018", "sources": [],
                 "candidates": [{"name": "Z", "votes": 5, "elected": true}]}
            ]
        }))
        .unwrap()
    }

    #[test]
    fn a_hold_by_a_party_in_the_group_with_swing_and_majorities() {
        let ds = dataset();
        let changes = Changes::build(&ds);
        let Since::Known(change) = changes.since(&ds, 1) else {
            panic!("{:?}", changes.since(&ds, 1));
        };
        assert_eq!(change.previous, 0);
        assert!(!change.by_name);
        let labour = &change.parties[0];
        assert_eq!(labour.party, "Labour");
        assert_eq!(labour.votes(), Some(100));
        assert!((labour.points().unwrap() - 10.0).abs() < 1e-9);
        let con = &change.parties[1];
        assert!((con.points().unwrap() - 10.0).abs() < 1e-9);
        let other = change.parties.last().unwrap();
        assert!(other.folded && other.now.is_none());
        assert_eq!(change.outcome.as_ref().unwrap().label(), "Lab hold");
        let swing = change.swing.unwrap();
        assert!(swing.points.abs() < 1e-9);
        assert_eq!(
            (change.majority.then, change.majority.now),
            (Some(200), Some(200))
        );
        assert_eq!(change.turnout.now, None, "no ballots cast stated");
    }

    #[test]
    fn partial_figures_and_missing_previous_compute_nothing() {
        let ds = dataset();
        let changes = Changes::build(&ds);
        assert_eq!(changes.since(&ds, 0), Since::NoPrevious);
        assert_eq!(changes.since(&ds, 3), Since::NotASeat);
        assert_eq!(
            changes.since(&ds, 2),
            Since::Partial {
                previous: 1,
                reason: "this contest has votes for 1 of 2 candidates".into()
            }
        );
    }

    #[test]
    fn stated_results_compare_by_group() {
        let ds = dataset();
        let parties = Parties::of(&ds);
        let key = |p: &str| parties.key(p);
        let gain = Outcome::Gain {
            to: key("Conservative"),
            from: key("Labour"),
        };
        assert_eq!(gain.label(), "Con gain from Lab");
        assert_eq!(
            gain.agrees_with("Con gain from Lab Coop", &parties),
            Some(true)
        );
        assert_eq!(gain.agrees_with("Con hold", &parties), Some(false));
        assert_eq!(gain.agrees_with("elected", &parties), None);
    }
}
