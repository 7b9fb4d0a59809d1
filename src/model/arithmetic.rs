//! Numbers derived from a contest's data — shares, winner, margin, turnout — computed only
//! from what is known. Anything that cannot be computed is `None`, never a guess.

use crate::model::fixed::Fixed;
use crate::model::tally::Tally;
use crate::model::{Bound, Candidate, Contest, Round, StatedShare};

/// A candidate's share of the vote, as honestly as the data allows.
#[derive(Debug, Clone, PartialEq)]
pub enum Share {
    /// Votes divided by the contest's denominator, in percent.
    Computed(f64),
    /// Only a stated share is known ("over 70%").
    Stated(StatedShare),
    Unknown,
}

impl Share {
    /// The figure a bar may be drawn to; for a bound like "over 70%" this is the bound itself.
    pub fn percent(&self) -> Option<f64> {
        match self {
            Share::Computed(p) => Some(*p),
            Share::Stated(s) => Some(s.percent),
            Share::Unknown => None,
        }
    }

    /// `57.1%`, `>70%`, `~57%`, `<5%` or `n/a` (the share's `Display`).
    pub fn label(&self) -> String {
        self.to_string()
    }
}

impl std::fmt::Display for Share {
    /// The label; no width or fill.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        use std::fmt::Write as _;
        match self {
            Share::Computed(p) => {
                Fixed::new(*p, 1).write_to(f)?;
                f.write_char('%')
            }
            Share::Stated(s) => f.write_str(&stated_label(s)),
            Share::Unknown => f.write_str("n/a"),
        }
    }
}

/// A stated share as a reader would say it: `>70%`, `~57%`, `<5%`, `42%`.
pub fn stated_label(s: &StatedShare) -> String {
    let prefix = match s.bound {
        Bound::Exact => "",
        Bound::About => "~",
        Bound::Over => ">",
        Bound::Under => "<",
    };
    format!("{prefix}{}%", trim_number(s.percent))
}

fn trim_number(v: f64) -> String {
    if v.fract() == 0.0 {
        format!("{v:.0}")
    } else {
        format!("{v}")
    }
}

/// The candidates who stood in the count (see [`Contest::on_ballot`]): those who withdrew,
/// were not shortlisted or were kept off the ballot need no votes and are left out of sums.
pub fn on_ballot(contest: &Contest) -> impl Iterator<Item = &Candidate> {
    // Without a ballot stage each candidate's own facts decide: no list is made (a list of a
    // million contests asks this several times a row).
    let standing = contest.has_ballot_stage().then(|| contest.standing());
    (contest.candidates.iter().enumerate()).filter_map(move |(i, c)| {
        let on = standing.as_ref().map_or_else(|| c.stood(true), |s| s[i]);
        on.then_some(c)
    })
}

/// Sum of the votes of the candidates on the ballot, when every one of them is known.
pub fn votes_sum(contest: &Contest) -> Option<u64> {
    on_ballot(contest).map(|c| c.votes).sum()
}

/// Ballots the shares are taken of: the valid ballots when known, else the sum of all candidates' votes.
pub fn denominator(contest: &Contest) -> Option<u64> {
    contest
        .ballots
        .as_ref()
        .and_then(|b| b.valid)
        .or_else(|| votes_sum(contest))
        .filter(|&d| d > 0)
}

/// The shares of one contest's candidates: the denominator worked out once (summing every
/// candidate's votes when the valid ballots are unknown), so taking the share of each of n
/// candidates costs O(n), not O(n²). Build one per contest wherever all shares are taken.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shares {
    denominator: Option<u64>,
}

impl Shares {
    pub fn of(contest: &Contest) -> Shares {
        Shares {
            denominator: denominator(contest),
        }
    }

    /// The share of `candidate`, one of the contest's candidates.
    pub fn share(self, candidate: &Candidate) -> Share {
        match (candidate.votes, self.denominator) {
            (Some(v), Some(d)) => Share::Computed(v as f64 * 100.0 / d as f64),
            _ => match &candidate.share() {
                Some(s) => Share::Stated(StatedShare::clone(s)),
                None => Share::Unknown,
            },
        }
    }
}

/// The share of one candidate of this contest. It sums the contest's votes each time: for
/// the shares of several candidates, use one [`Shares`].
pub fn share(contest: &Contest, candidate: &Candidate) -> Share {
    Shares::of(contest).share(candidate)
}

/// Ballots cast in all: stated, or valid plus rejected when both are known.
pub fn cast(contest: &Contest) -> Option<u64> {
    let b = contest.ballots.as_ref()?;
    b.cast.or(match (b.valid, b.rejected) {
        (Some(v), Some(r)) => Some(v + r),
        _ => None,
    })
}

/// Turnout in percent: ballots cast over those eligible. None unless both are known.
pub fn turnout(contest: &Contest) -> Option<f64> {
    let eligible = contest.ballots.as_ref()?.eligible.filter(|&e| e > 0)?;
    Some(cast(contest)? as f64 * 100.0 / eligible as f64)
}

/// The elected candidates (usually one), in the order elected: by the round that elected
/// each in a count, then by votes (most first), then as the data lists them.
pub fn winners(contest: &Contest) -> impl Iterator<Item = &Candidate> {
    // One elected (most contests): nothing to order, and nothing to allocate.
    let mut elected = contest.candidates.iter().filter(|c| c.elected);
    let one = match (elected.next(), elected.next()) {
        (first, None) => Some(first),
        _ => None,
    };
    let several = match one {
        Some(_) => Vec::new(),
        None => in_order_elected(contest),
    };
    one.flatten().into_iter().chain(several)
}

/// The elected candidates in the order elected: by the round that elected them, then most
/// votes first, then the data's order.
fn in_order_elected(contest: &Contest) -> Vec<&Candidate> {
    let mut elected: Vec<(usize, std::cmp::Reverse<Option<u64>>, usize, &Candidate)> = contest
        .candidates
        .iter()
        .enumerate()
        .filter(|(_, c)| c.elected)
        .map(|(i, c)| {
            let round = contest
                .rounds
                .iter()
                .position(|r| r.elected.iter().any(|e| refers_to(contest, e, c)))
                .unwrap_or(usize::MAX);
            (round, std::cmp::Reverse(c.votes), i, c)
        })
        .collect();
    elected.sort_by_key(|&(round, votes, i, _)| (round, votes, i));
    elected.into_iter().map(|(_, _, _, c)| c).collect()
}

/// Whether `reference` (in a round) means `candidate`. Resolving a reference scans the
/// candidates, so only one that is the candidate's id or name is resolved: a loop over a
/// round's counts stays linear.
fn refers_to(contest: &Contest, reference: &str, candidate: &Candidate) -> bool {
    (candidate.id() == Some(reference) || candidate.name == reference)
        && contest
            .candidate_named(reference)
            .is_some_and(|k| std::ptr::eq(k, candidate))
}

/// The one winner: the elected candidate when exactly one is (a contest with several seats
/// has winners, not a winner).
pub fn winner(contest: &Contest) -> Option<&Candidate> {
    let mut elected = contest.candidates.iter().filter(|c| c.elected);
    let first = elected.next()?;
    elected.next().is_none().then_some(first)
}

/// Candidates ordered for display: most votes first, then by stated share, then elected, unknown
/// last; candidates who never reached the ballot after all of them, in the data's order.
/// Returns indices into `contest.candidates`; ties keep the data's order.
pub fn ranked(contest: &Contest) -> Vec<usize> {
    let standing = contest.standing();
    let (on, off): (Vec<usize>, Vec<usize>) =
        (0..contest.candidates.len()).partition(|&i| standing[i]);
    let mut order = rank_on_ballot(contest, on);
    order.extend(off);
    order
}

/// The candidates on the ballot, `order`ed for display (see [`ranked`]).
fn rank_on_ballot(contest: &Contest, mut order: Vec<usize>) -> Vec<usize> {
    let shares = Shares::of(contest);
    let key = |i: &usize| {
        let c = &contest.candidates[*i];
        let share = shares.share(c).percent().unwrap_or(-1.0);
        (
            std::cmp::Reverse(c.elected),
            std::cmp::Reverse(c.votes.map_or(0, |v| v + 1)),
            std::cmp::Reverse((share * 1000.0) as i64),
            c.place().unwrap_or(u32::MAX),
        )
    };
    // Votes decide the order where they are known; an elected flag only lifts a candidate
    // above others whose votes are unknown.
    if order.iter().all(|&i| contest.candidates[i].votes.is_some()) {
        // Most votes, then elected, then the stated place: read only on a tie, as it lies
        // apart from the candidate (a list ranks every contest it writes).
        order.sort_by(|&a, &b| {
            let (a, b) = (&contest.candidates[a], &contest.candidates[b]);
            let place = |c: &Candidate| c.place().unwrap_or(u32::MAX);
            (b.votes.cmp(&a.votes))
                .then(b.elected.cmp(&a.elected))
                .then_with(|| place(a).cmp(&place(b)))
        });
    } else {
        order.sort_by_key(key);
    }
    order
}

/// The two highest vote counts, when every candidate on the ballot (at least two) has known
/// votes. A folded group of small parties is not a candidate: when one polled at least as
/// many as the runner-up, the runner-up may be inside it, so the answer is `None`.
fn top_two(contest: &Contest) -> Option<(u64, u64)> {
    let mut votes: Vec<u64> = Vec::new();
    let mut folded = 0;
    for c in on_ballot(contest) {
        match (c.votes?, c.folded) {
            (v, true) => folded = folded.max(v),
            (v, false) => votes.push(v),
        }
    }
    if votes.len() < 2 {
        return None;
    }
    votes.sort_unstable_by(|a, b| b.cmp(a));
    (folded < votes[1]).then_some((votes[0], votes[1]))
}

/// The round that decided a single-seat preferential count: its last. `None` for a single
/// count or a count filling several seats (where a winner's share and margin mean little).
pub fn final_round(contest: &Contest) -> Option<&Round> {
    (contest.seats.unwrap_or(1) <= 1)
        .then(|| contest.rounds.last())
        .flatten()
}

/// The votes still counting in the final round (the sum of its tallies).
fn final_total(contest: &Contest) -> Option<f64> {
    let total: f64 = final_round(contest)?
        .counts
        .iter()
        .map(|c| c.votes.value())
        .sum();
    (total > 0.0).then_some(total)
}

/// The winner's share of the votes still counting in the final round, in percent.
pub fn final_share(contest: &Contest) -> Option<f64> {
    let round = final_round(contest)?;
    let winner = winner(contest)?;
    let tally = round
        .counts
        .iter()
        .find(|c| refers_to(contest, &c.candidate, winner))?;
    Some(tally.votes.value() * 100.0 / final_total(contest)?)
}

/// The winning margin in votes, computed from complete counts: the final round's top two in
/// a preferential count (when both are whole numbers), else the first count's.
pub fn computed_margin(contest: &Contest) -> Option<u64> {
    // Several seats: who won "by" how much has no single answer.
    if contest.seats.unwrap_or(1) > 1 {
        return None;
    }
    if let Some(round) = final_round(contest) {
        let mut tallies: Vec<&Tally> = round.counts.iter().map(|c| &c.votes).collect();
        if tallies.len() < 2 {
            return None;
        }
        tallies.sort_by(|a, b| b.value().total_cmp(&a.value()));
        return match (tallies[0].whole(), tallies[1].whole()) {
            (Some(a), Some(b)) => Some(a - b),
            _ => None,
        };
    }
    top_two(contest).map(|(a, b)| a - b)
}

/// The winning margin in votes: computed when every count is known, else as the source states it.
pub fn margin_votes(contest: &Contest) -> Option<u64> {
    computed_margin(contest).or(contest.majority)
}

/// The winning margin in percentage points of the denominator (of the final round's votes
/// in a preferential count); comparable across contests of any size.
pub fn margin_points(contest: &Contest) -> Option<f64> {
    points_of(contest, margin_votes(contest))
}

/// A margin of `votes` in `contest`, in percentage points as [`margin_points`] gives them.
pub fn points_of(contest: &Contest, votes: Option<u64>) -> Option<f64> {
    let votes = votes?;
    let d = match final_round(contest) {
        Some(_) => final_total(contest)?,
        None => denominator(contest)? as f64,
    };
    Some(votes as f64 * 100.0 / d)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Ballots, ContestKind, Status};
    use thin_vec::ThinVec;

    fn candidate(name: &str, votes: Option<u64>, elected: bool) -> Candidate {
        Candidate {
            votes,
            elected,
            ..Candidate::new(name)
        }
    }

    fn contest(candidates: Vec<Candidate>, ballots: Option<Ballots>) -> Contest {
        Contest {
            id: "t".into(),
            kind: ContestKind::Selection,
            title: "T".into(),
            party: None,
            constituency: None,
            constituency_id: None,
            region: None,
            date: None,
            date_bounds: None,
            status: Status::Decided,
            status_as_of: None,
            method: None,
            ballots,
            candidates,
            seats: None,
            stages: ThinVec::new(),
            nominations: ThinVec::new(),
            nomination_routes: ThinVec::new(),
            rounds: ThinVec::new(),
            majority: None,
            swing: None,
            result: None,
            previous_holder: None,
            defection: None,
            seat_majority: None,
            sources: vec![],
            notes: None,
            inferred: ThinVec::new(),
        }
    }

    #[test]
    fn shares_use_valid_ballots_then_the_sum() {
        let c = contest(
            vec![
                candidate("A", Some(338), true),
                candidate("B", Some(218), false),
                candidate("C", Some(23), false),
                candidate("D", Some(12), false),
            ],
            Some(Ballots {
                valid: Some(592),
                rejected: Some(70),
                ..Default::default()
            }),
        );
        assert_eq!(share(&c, &c.candidates[0]).label(), "57.1%");
        assert_eq!(votes_sum(&c), Some(591));
        assert_eq!(cast(&c), Some(662));
        assert_eq!(turnout(&c), None);
        assert_eq!(computed_margin(&c), Some(120));
        assert_eq!(ranked(&c), vec![0, 1, 2, 3]);
        let no_ballots = contest(c.candidates.clone(), None);
        assert_eq!(denominator(&no_ballots), Some(591));
    }

    #[test]
    fn unknown_votes_stay_unknown() {
        let mut c = contest(
            vec![candidate("A", None, true), candidate("B", None, false)],
            None,
        );
        assert_eq!(share(&c, &c.candidates[1]), Share::Unknown);
        c.candidates[0].more_mut().share = Some(StatedShare {
            percent: 70.0,
            bound: Bound::Over,
        });
        assert_eq!(share(&c, &c.candidates[0]).label(), ">70%");
        assert_eq!(computed_margin(&c), None);
        assert_eq!(margin_points(&c), None);
    }

    #[test]
    fn ranking_puts_known_before_unknown() {
        let c = contest(
            vec![
                candidate("A", None, false),
                candidate("B", Some(9036), false),
                candidate("W", None, true),
            ],
            None,
        );
        assert_eq!(ranked(&c), vec![2, 1, 0]);
    }
}
