//! Integrity warnings: data that loads but does not add up. Warnings are shown beside the data
//! and never "fixed" — the numbers stay as the source gave them.

use std::fmt;

use crate::model::arithmetic;
use crate::model::change::Changes;
use crate::model::tally::Tally;
use crate::model::text;
use crate::model::{Bound, Contest, Dataset, Status};
use crate::side_by_side::both;

/// How far (in percentage points) an "about" share may sit from the computed one.
const ABOUT_TOLERANCE: f64 = 1.0;
/// How far an "exact" share may sit from the computed one (sources round to one decimal).
const EXACT_TOLERANCE: f64 = 0.1;

/// One problem found in one contest.
#[derive(Debug, Clone, PartialEq)]
pub struct Warning {
    /// Index into the dataset's contests.
    pub contest: usize,
    pub contest_id: String,
    pub kind: WarningKind,
}

/// What does not add up.
#[derive(Debug, Clone, PartialEq)]
pub enum WarningKind {
    /// The candidates' votes do not sum to the valid ballots.
    VoteSum {
        sum: u64,
        valid: u64,
    },
    /// The known votes alone exceed the valid ballots.
    KnownVotesExceedValid {
        known: u64,
        valid: u64,
    },
    /// A stated share disagrees with the share computed from votes.
    ShareMismatch {
        candidate: String,
        stated: String,
        computed: f64,
    },
    /// In a single count, someone other than the top candidate is marked elected.
    ElectedNotTop {
        elected: String,
        top: String,
    },
    DecidedWithoutWinner,
    PendingWithWinner {
        elected: String,
    },
    /// Stated ballots cast differ from valid plus rejected.
    CastMismatch {
        cast: u64,
        valid: u64,
        rejected: u64,
    },
    /// More ballots than people entitled to vote.
    MoreBallotsThanEligible {
        ballots: u64,
        eligible: u64,
    },
    /// The stated majority differs from the margin computed from the votes.
    MajorityMismatch {
        stated: u64,
        computed: u64,
    },
    /// A candidate's first-round count differs from their `votes`.
    FirstRoundMismatch {
        candidate: String,
        /// The first round's tally, as given.
        round: String,
        votes: u64,
    },
    /// A round's tallies plus its inactive ballots differ from the previous round's, beyond
    /// the rounding of the file's own decimals: ballots appeared or vanished.
    BallotsNotConserved {
        round: usize,
        before: f64,
        now: f64,
    },
    /// The transfers out of a candidate do not add up to what they had.
    TransfersDoNotAddUp {
        round: usize,
        from: String,
        had: f64,
        moved: f64,
    },
    /// Elected with fewer votes than the round's threshold, though seats remained to be won
    /// by reaching it (the last seats may be filled by the last candidates standing).
    ElectedBelowThreshold {
        round: usize,
        candidate: String,
        votes: f64,
        threshold: f64,
    },
    /// Counted again after being eliminated.
    BackAfterElimination {
        round: usize,
        candidate: String,
        eliminated: usize,
    },
    NoSources,
    /// The data's `result` says otherwise than the two winners: this one and the seat's
    /// previous contest's (`model::change`).
    ResultDisagrees {
        stated: String,
        computed: String,
        previous_id: String,
    },
    /// Two or more candidates share a name (namesakes are real; the data must tell them
    /// apart with ids where a count refers to them).
    Namesakes {
        name: String,
    },
    /// This contest repeats an earlier one (same kind, date and constituency), e.g. from a
    /// second source: counted once, and compared.
    SameContest {
        first_id: String,
        first_file: String,
        /// What the two report differently, with both values; empty when they agree.
        differences: Vec<String>,
    },
    /// A candidate who withdrew, was not shortlisted or was disqualified is marked elected.
    ElectedDespiteStatus {
        candidate: String,
        /// The status as the format writes it (`withdrawn`, `not-shortlisted`, `disqualified`).
        status: &'static str,
    },
    /// A nomination count is smaller than the number of nominators named.
    FewerNominationsThanNamed {
        candidate: String,
        /// The kind of body, as the format writes it.
        body: &'static str,
        count: u64,
        named: usize,
    },
    /// A text field holds control or bidi characters (shown cleaned; the data keeps them).
    UnsafeText {
        /// Where, within the contest: `candidates[1].name`.
        path: String,
        /// The text as every output shows it (see `model::text::clean`).
        shown: String,
    },
}

impl fmt::Display for WarningKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use WarningKind::*;
        match self {
            VoteSum { sum, valid } => write!(
                f,
                "candidates' votes sum to {sum} but {valid} valid ballots were reported ({})",
                signed_difference(*sum, *valid)
            ),
            KnownVotesExceedValid { known, valid } => write!(
                f,
                "known votes alone sum to {known}, more than the {valid} valid ballots reported"
            ),
            ShareMismatch {
                candidate,
                stated,
                computed,
            } => write!(
                f,
                "{candidate}: stated share {stated} but votes give {computed:.1}%"
            ),
            ElectedNotTop { elected, top } => write!(
                f,
                "{elected} is marked elected but {top} has more votes in a single count"
            ),
            DecidedWithoutWinner => write!(f, "decided, but no candidate is marked elected"),
            PendingWithWinner { elected } => {
                write!(f, "pending, but {elected} is already marked elected")
            }
            CastMismatch {
                cast,
                valid,
                rejected,
            } => write!(
                f,
                "{cast} ballots cast reported, but valid {valid} + rejected {rejected} = {}",
                valid + rejected
            ),
            MoreBallotsThanEligible { ballots, eligible } => write!(
                f,
                "{ballots} ballots reported but only {eligible} people were eligible"
            ),
            MajorityMismatch { stated, computed } => write!(
                f,
                "stated majority {stated} but the votes give a margin of {computed}"
            ),
            FirstRoundMismatch {
                candidate,
                round,
                votes,
            } => write!(
                f,
                "{candidate}: first-round count {round} differs from votes {votes}"
            ),
            BallotsNotConserved { round, before, now } => write!(
                f,
                "round {round}: tallies and inactive ballots come to {now}, not the {before} of the round before"
            ),
            TransfersDoNotAddUp {
                round,
                from,
                had,
                moved,
            } => write!(
                f,
                "round {round}: transfers from {from} add up to {moved}, but {from} had {had}"
            ),
            ElectedBelowThreshold {
                round,
                candidate,
                votes,
                threshold,
            } => write!(
                f,
                "round {round}: {candidate} is elected with {votes}, below the threshold of {threshold}"
            ),
            BackAfterElimination {
                round,
                candidate,
                eliminated,
            } => write!(
                f,
                "round {round}: {candidate} is counted again after being eliminated in round {eliminated}"
            ),
            NoSources => write!(f, "no source cited"),
            ResultDisagrees {
                stated,
                computed,
                previous_id,
            } => write!(
                f,
                "result stated as \"{stated}\", but the winners here and at {previous_id} make it \"{computed}\""
            ),
            Namesakes { name } => write!(
                f,
                "more than one candidate is named {name} (namesakes: counts must use their ids)"
            ),
            SameContest {
                first_id,
                first_file,
                differences,
            } if differences.is_empty() => write!(
                f,
                "the same contest as {first_id} ({first_file}), counted once: confirmed by 2 sources (winner, votes and majority agree)"
            ),
            SameContest {
                first_id,
                first_file,
                differences,
            } => write!(
                f,
                "the same contest as {first_id} ({first_file}), counted once; they disagree on {}",
                differences.join("; ")
            ),
            ElectedDespiteStatus { candidate, status } => {
                write!(
                    f,
                    "{candidate} is marked elected but their status is {status}"
                )
            }
            FewerNominationsThanNamed {
                candidate,
                body,
                count,
                named,
            } => write!(
                f,
                "{candidate}: {count} {body} nominations counted but {named} nominators named"
            ),
            UnsafeText { path, shown } => write!(
                f,
                "{path} holds control or bidi characters, shown as \u{201c}{shown}\u{201d}"
            ),
        }
    }
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.contest_id, self.kind)
    }
}

fn signed_difference(sum: u64, valid: u64) -> String {
    if sum > valid {
        format!("{} more", sum - valid)
    } else {
        format!("{} fewer", valid - sum)
    }
}

/// Every warning in the dataset, in contest order.
pub fn warnings(dataset: &Dataset) -> Vec<Warning> {
    checked(dataset).warnings
}

/// What checking a dataset found: its warnings, and what the checks worked out on the way
/// that the front ends need again.
pub(crate) struct Checked {
    /// In contest order.
    pub warnings: Vec<Warning>,
    /// The seats, when some contest states a result to check against them, and whether no
    /// contest holds unsafe text (`strings::all_clean` of each).
    pub derived: super::Derived,
}

/// [`warnings`], with what the checks worked out on the way.
pub(crate) fn checked(dataset: &Dataset) -> Checked {
    let contests = &dataset.contests;
    // Built only when some contest states a result to check.
    let states_a_result = contests.iter().any(|c| c.result.is_some());
    let each = |part: &[Contest]| -> Vec<(Vec<WarningKind>, bool)> {
        part.iter().map(checked_contest).collect()
    };
    // Each contest's own warnings, and the seats for the stated results, are independent:
    // for a large dataset, worked out side by side.
    let (kinds, changes) = if contests.len() < IN_PARALLEL_FROM {
        (
            each(contests),
            states_a_result.then(|| Changes::build(dataset)),
        )
    } else {
        let (first, second) = contests.split_at(contests.len() / 2);
        let ((mut kinds, later), changes) = both(
            || both(|| each(first), || each(second)),
            || states_a_result.then(|| Changes::build(dataset)),
        );
        kinds.extend(later);
        (kinds, changes)
    };
    let mut out = Vec::new();
    let mut contests_clean = true;
    for (i, (contest, (kinds, clean))) in contests.iter().zip(kinds).enumerate() {
        contests_clean &= clean;
        let warning = |kind| Warning {
            contest: i,
            contest_id: contest.id.to_string(),
            kind,
        };
        out.extend(kinds.into_iter().map(warning));
        if let (Some(stated), Some(changes)) = (&contest.result, &changes)
            && let Some(kind) = result_disagrees(dataset, changes, i, stated)
        {
            out.push(warning(kind));
        }
    }
    Checked {
        warnings: out,
        derived: super::Derived::known(changes, contests_clean),
    }
}

/// Fewer contests than this are checked on one thread: a thread costs more than it saves.
const IN_PARALLEL_FROM: usize = 10_000;

/// A warning when the stated result is of the `X hold` / `X gain from Y` form and says
/// otherwise than the result computed from the two winners.
fn result_disagrees(
    dataset: &Dataset,
    changes: &Changes,
    i: usize,
    stated: &str,
) -> Option<WarningKind> {
    let (previous, outcome) = changes.outcome(dataset, i)?;
    match outcome.agrees_with(stated, &changes.parties) {
        Some(false) => Some(WarningKind::ResultDisagrees {
            stated: stated.to_string(),
            computed: outcome.label(),
            previous_id: dataset.contests[previous].id.to_string(),
        }),
        _ => None,
    }
}

/// The warnings of one contest.
pub fn contest_warnings(contest: &Contest) -> Vec<WarningKind> {
    checked_contest(contest).0
}

/// [`contest_warnings`], and whether every string of the contest can be shown as it is (the
/// quick test's own answer, which showing the data for people then trusts).
fn checked_contest(contest: &Contest) -> (Vec<WarningKind>, bool) {
    let mut out = Vec::new();
    // The quick test first; the walk that names each path only for a contest that fails it.
    let clean = crate::model::strings::all_clean(contest);
    if !clean {
        text::each_text(contest, &mut |path, s| {
            if !text::is_clean(s) {
                out.push(WarningKind::UnsafeText {
                    path: text::path_text(path),
                    shown: text::clean(s).into_owned(),
                });
            }
        });
    }
    let ballots = contest.ballots.clone().unwrap_or_default();
    if let Some(valid) = ballots.valid {
        match arithmetic::votes_sum(contest) {
            Some(sum) if sum != valid && !contest.candidates.is_empty() => {
                out.push(WarningKind::VoteSum { sum, valid });
            }
            Some(_) => {}
            None => {
                let known: u64 = contest.candidates.iter().filter_map(|c| c.votes).sum();
                if known > valid {
                    out.push(WarningKind::KnownVotesExceedValid { known, valid });
                }
            }
        }
    }
    if let (Some(cast), Some(valid), Some(rejected)) =
        (ballots.cast, ballots.valid, ballots.rejected)
        && cast != valid + rejected
    {
        out.push(WarningKind::CastMismatch {
            cast,
            valid,
            rejected,
        });
    }
    if let (Some(ballots_cast), Some(eligible)) = (
        arithmetic::cast(contest).or(ballots.valid),
        ballots.eligible,
    ) && ballots_cast > eligible
    {
        out.push(WarningKind::MoreBallotsThanEligible {
            ballots: ballots_cast,
            eligible,
        });
    }
    share_warnings(contest, &mut out);
    winner_warnings(contest, &mut out);
    if let (Some(stated), Some(computed)) = (contest.majority, arithmetic::computed_margin(contest))
        && stated != computed
    {
        out.push(WarningKind::MajorityMismatch { stated, computed });
    }
    if let Some(first) = contest.rounds.first() {
        let references = crate::model::references::References::of(contest);
        for count in &first.counts {
            let votes = match references.get(&count.candidate) {
                crate::model::CandidateRef::Found(i) => contest.candidates[i].votes,
                _ => None,
            };
            if let Some(votes) = votes
                && count.votes.whole() != Some(votes)
            {
                out.push(WarningKind::FirstRoundMismatch {
                    candidate: count.candidate.to_string(),
                    round: count.votes.to_string(),
                    votes,
                });
            }
        }
    }
    out.extend(count_warnings(contest));
    selection_warnings(contest, &mut out);
    if contest.sources.is_empty() {
        out.push(WarningKind::NoSources);
    }
    let mut names: Vec<&str> = contest
        .candidates
        .iter()
        .map(|c| c.name.as_str())
        .filter(|n| !n.is_empty())
        .collect();
    names.sort_unstable();
    for pair in names.windows(2) {
        if pair[0] == pair[1]
            && !out
                .iter()
                .any(|w| matches!(w, WarningKind::Namesakes { name } if name == pair[0]))
        {
            out.push(WarningKind::Namesakes {
                name: pair[0].to_string(),
            });
        }
    }
    (out, clean)
}

fn selection_warnings(contest: &Contest, out: &mut Vec<WarningKind>) {
    for c in &contest.candidates {
        if let Some(status) = c.status()
            && c.elected
            && status.left_the_contest()
        {
            out.push(WarningKind::ElectedDespiteStatus {
                candidate: c.name.to_string(),
                status: status.as_str(),
            });
        }
    }
    for nomination in &contest.nominations {
        for count in &nomination.counts {
            if let Some(n) = count.count
                && (n as usize) < count.from.len()
            {
                out.push(WarningKind::FewerNominationsThanNamed {
                    candidate: count.candidate.to_string(),
                    body: nomination.body.as_str(),
                    count: n,
                    named: count.from.len(),
                });
            }
        }
    }
}

fn share_warnings(contest: &Contest, out: &mut Vec<WarningKind>) {
    let Some(denominator) = arithmetic::denominator(contest) else {
        return;
    };
    for candidate in &contest.candidates {
        let (Some(votes), Some(stated)) = (candidate.votes, &candidate.share()) else {
            continue;
        };
        let computed = votes as f64 * 100.0 / denominator as f64;
        let consistent = match stated.bound {
            Bound::Exact => (computed - stated.percent).abs() <= EXACT_TOLERANCE,
            Bound::About => (computed - stated.percent).abs() <= ABOUT_TOLERANCE,
            Bound::Over => computed > stated.percent,
            Bound::Under => computed < stated.percent,
        };
        if !consistent {
            out.push(WarningKind::ShareMismatch {
                candidate: candidate.name.to_string(),
                stated: arithmetic::stated_label(stated),
                computed,
            });
        }
    }
}

fn winner_warnings(contest: &Contest, out: &mut Vec<WarningKind>) {
    let elected: Vec<_> = arithmetic::winners(contest).collect();
    match contest.status {
        Status::Decided if elected.is_empty() => out.push(WarningKind::DecidedWithoutWinner),
        Status::Pending => {
            if let Some(first) = elected.first() {
                out.push(WarningKind::PendingWithWinner {
                    elected: first.name.to_string(),
                });
            }
        }
        Status::Decided => {}
    }
    // Only a single count with one winner can be checked: in a preferential count the
    // first-round leader may lose, and multi-seat contests elect several.
    if contest.rounds.len() > 1 || elected.len() != 1 {
        return;
    }
    let winner = elected[0];
    let Some(winner_votes) = winner.votes else {
        return;
    };
    if let Some(top) = contest
        .candidates
        .iter()
        .filter(|c| c.votes.is_some_and(|v| v > winner_votes))
        .max_by_key(|c| c.votes)
    {
        out.push(WarningKind::ElectedNotTop {
            elected: winner.name.to_string(),
            top: top.name.to_string(),
        });
    }
}

/// What does not add up in a preferential count (see the `WarningKind`s it gives).
fn count_warnings(contest: &Contest) -> Vec<WarningKind> {
    let mut out = Vec::new();
    let rounds = &contest.rounds;
    // Tolerance: the file's own rounding — none for whole numbers (half a ballot absorbs
    // float error); for decimals, counting software cuts every fractional transfer to its
    // last decimal, which over many ballots comes to less than one ballot.
    let tolerance = |values: usize, places: usize| {
        if places == 0 {
            0.5
        } else {
            (values as f64 * 10f64.powi(-(places as i32))).max(1.0)
        }
    };
    let total = |r: &crate::model::Round| -> (f64, usize, usize) {
        let tallies = r.counts.iter().map(|c| &c.votes);
        let inactive = r.inactive.iter().map(|x| &x.ballots);
        let all: Vec<&Tally> = tallies.chain(inactive).collect();
        let places = all.iter().map(|t| t.decimals()).max().unwrap_or(0);
        (all.iter().map(|t| t.value()).sum(), all.len(), places)
    };
    let has_inactive = rounds.iter().any(|r| !r.inactive.is_empty());
    let mut eliminated_in: Vec<(String, usize)> = Vec::new();
    let mut elected_so_far = 0u32;
    let seats = contest.seats.unwrap_or(1);
    for (i, r) in rounds.iter().enumerate() {
        let number = i + 1;
        // Conservation is checkable only where the file accounts for inactive ballots.
        if has_inactive && i > 0 {
            let (before, n0, p0) = total(&rounds[i - 1]);
            let (now, n1, p1) = total(r);
            if (now - before).abs() > tolerance(n0 + n1, p0.max(p1)) {
                out.push(WarningKind::BallotsNotConserved {
                    round: number,
                    before,
                    now,
                });
            }
        }
        for e in &r.eliminated {
            let had = r
                .counts
                .iter()
                .find(|c| c.candidate == *e)
                .map(|c| &c.votes);
            let moved: Vec<&Tally> = r
                .transfers
                .iter()
                .filter(|t| t.from == *e)
                .map(|t| &t.votes)
                .collect();
            let own: Vec<&Tally> = r
                .set_aside
                .iter()
                .filter(|x| x.from == *e)
                .map(|x| &x.ballots)
                .collect();
            // Where the candidate's own set-aside ballots are given, their account is
            // complete, even in a batch elimination.
            if let Some(had) = had
                && !own.is_empty()
            {
                let all: Vec<&Tally> = moved.iter().chain(&own).copied().collect();
                let sum: f64 = all.iter().map(|t| t.value()).sum();
                let places = all.iter().map(|t| t.decimals()).max().unwrap_or(0);
                if (sum - had.value()).abs() > tolerance(all.len() + 1, places) {
                    out.push(WarningKind::TransfersDoNotAddUp {
                        round: number,
                        from: e.to_string(),
                        had: had.value(),
                        moved: sum,
                    });
                }
            // Otherwise only a count that lists the eliminated candidate's transfers, and says
            // where the rest went (inactive ballots), can be checked.
            } else if let Some(had) = had
                && !moved.is_empty()
                && has_inactive
                && rounds.get(i + 1).is_some()
            {
                let exhausted_now = |r: &crate::model::Round| -> f64 {
                    r.inactive.iter().map(|x| x.ballots.value()).sum()
                };
                let set_aside = exhausted_now(&rounds[i + 1]) - exhausted_now(r);
                let moved_sum: f64 = moved.iter().map(|t| t.value()).sum();
                let places = moved.iter().map(|t| t.decimals()).max().unwrap_or(0);
                let eliminated_here = r.eliminated.len();
                // With several eliminated at once the set-aside ballots cannot be split.
                if eliminated_here == 1
                    && (moved_sum + set_aside - had.value()).abs()
                        > tolerance(moved.len() + 2, places)
                {
                    out.push(WarningKind::TransfersDoNotAddUp {
                        round: number,
                        from: e.to_string(),
                        had: had.value(),
                        moved: moved_sum + set_aside,
                    });
                }
            }
            eliminated_in.push((e.to_string(), number));
        }
        for count in &r.counts {
            if let Some((_, gone)) = eliminated_in
                .iter()
                .find(|(name, at)| *name == count.candidate && *at < number)
            {
                out.push(WarningKind::BackAfterElimination {
                    round: number,
                    candidate: count.candidate.to_string(),
                    eliminated: *gone,
                });
            }
        }
        // Still in the race after this round: counted, not yet elected, not eliminated now.
        let elected_before = elected_so_far;
        let continuing = r.counts.len() as u32
            - (elected_before.min(r.counts.len() as u32))
            - (r.eliminated.len() as u32)
                .min(r.counts.len() as u32 - elected_before.min(r.counts.len() as u32));
        for e in &r.elected {
            elected_so_far += 1;
            let votes = r
                .counts
                .iter()
                .find(|c| c.candidate == *e)
                .map(|c| c.votes.value());
            // The last seats may go to the last standing, below the threshold.
            let last_standing = continuing <= seats.saturating_sub(elected_before);
            if let (Some(votes), Some(threshold)) = (votes, &r.threshold)
                && votes < threshold.value()
                && !last_standing
                && number < rounds.len()
            {
                out.push(WarningKind::ElectedBelowThreshold {
                    round: number,
                    candidate: e.to_string(),
                    votes,
                    threshold: threshold.value(),
                });
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A dataset large enough to be checked in two halves gives each contest's warnings, in
    /// contest order, as checking contest by contest does.
    #[test]
    fn a_large_dataset_checked_in_halves_keeps_contest_order() {
        let shipped: Dataset = serde_json::from_slice(crate::load::EMBEDDED).unwrap();
        let mut dataset = shipped.clone();
        dataset.contests = (0..=IN_PARALLEL_FROM)
            .map(|k| {
                let mut c = shipped.contests[k % shipped.contests.len()].clone();
                c.id = format!("{}-{k}", c.id).into();
                c
            })
            .collect();
        let found: Vec<(usize, WarningKind)> = warnings(&dataset)
            .into_iter()
            .filter(|w| !matches!(w.kind, WarningKind::ResultDisagrees { .. }))
            .map(|w| (w.contest, w.kind))
            .collect();
        let one_by_one: Vec<(usize, WarningKind)> = (dataset.contests.iter().enumerate())
            .flat_map(|(i, c)| contest_warnings(c).into_iter().map(move |k| (i, k)))
            .collect();
        // Both halves have some.
        let half = dataset.contests.len() / 2;
        assert!(one_by_one.iter().any(|(i, _)| *i < half));
        assert!(one_by_one.iter().any(|(i, _)| *i >= half));
        assert_eq!(found, one_by_one);
    }
}
