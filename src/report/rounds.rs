//! A preferential count round by round, as plain values for the explorer's rounds view and
//! `show`: each round's tallies and shares of the continuing votes, the change since the
//! previous round, the threshold, who was elected and eliminated, the transfers and the
//! inactive ballots the source gives, and a table of every candidate across every round.
//! Nothing is inferred that the data does not say: a transfer not listed is not shown, only
//! the change in the counts. Counts keep their digits (`8.8832`), whole or decimal.

use std::collections::HashMap;

use compact_str::CompactString;

use crate::model::tally::Tally;
use crate::model::{Candidate, Contest, Inactive, Round, SetAside, Transfer};
use crate::report::round_words;
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
    /// Elected in this round (or, in a count that does not say when, marked elected in the
    /// contest and shown in the last round).
    Elected,
    /// Elected in an earlier round (1-based); a single transferable vote still counts them.
    Won { round: usize },
}

/// One candidate's line in a round.
#[derive(Debug, Clone, PartialEq)]
pub struct RoundRow {
    pub name: String,
    /// The candidate's faction id, if any.
    pub faction: Option<String>,
    /// Votes in this round; `None` when no longer counted.
    pub votes: Option<Tally>,
    /// Percent of the votes counted in this round.
    pub percent: Option<f64>,
    /// Votes gained (or lost) since the previous round, with the source's decimals (`+1,213`,
    /// `-0.0064`); `None` in the first round or when the candidate is not counted in both.
    pub change: Option<String>,
    pub state: RoundState,
    /// In a count of several seats with a stated threshold (the quota), the votes over it
    /// (`10`, `0.0000`) of a candidate at or above it and not elected in an earlier round.
    pub surplus: Option<Tally>,
}

/// One round of a contest's count.
#[derive(Debug, Clone, PartialEq)]
pub struct RoundView {
    /// This round, from 1.
    pub number: usize,
    /// How many rounds the count had.
    pub of: usize,
    /// Seats to fill.
    pub seats: u32,
    /// Counted candidates by votes (most first), then those already out, latest out first.
    pub rows: Vec<RoundRow>,
    /// Votes counted in this round (the sum of its tallies).
    pub counted: f64,
    /// `counted` with the decimals its tallies have.
    pub counted_label: String,
    /// The votes needed to be elected in this round, as stated.
    pub threshold: Option<Tally>,
    /// Elected in this round (names).
    pub elected: Vec<String>,
    /// Eliminated at the end of this round (names).
    pub eliminated: Vec<String>,
    /// Votes moved at the end of this round, as the source gives them (names).
    pub transfers: Vec<Transfer>,
    /// Ballots set aside at the end of this round (format v1).
    pub exhausted: Option<u64>,
    /// Each elected or eliminated candidate's ballots that went to nobody (names).
    pub set_aside: Vec<SetAside>,
    /// Inactive ballots as of this round, by reason.
    pub inactive: Vec<Inactive>,
    /// The largest tally or threshold in the whole count: every round's bars use it.
    pub scale: f64,
}

/// A count's references (ids or names) resolved once, so a round of a thousand candidates
/// costs no more than a thousand lookups.
struct Names<'a> {
    contest: &'a Contest,
    by_reference: HashMap<&'a str, usize>,
}

impl<'a> Names<'a> {
    fn new(contest: &'a Contest) -> Names<'a> {
        let mut by_reference = HashMap::with_capacity(contest.candidates.len() * 2);
        let mut seen: HashMap<&str, u32> = HashMap::with_capacity(contest.candidates.len());
        for c in &contest.candidates {
            *seen.entry(c.name.as_str()).or_default() += 1;
        }
        for (i, c) in contest.candidates.iter().enumerate() {
            if seen[c.name.as_str()] == 1 {
                by_reference.insert(c.name.as_str(), i);
            }
        }
        // An id wins over a name that happens to equal it.
        for (i, c) in contest.candidates.iter().enumerate() {
            if let Some(id) = c.id() {
                by_reference.insert(id, i);
            }
        }
        Names {
            contest,
            by_reference,
        }
    }

    fn candidate(&self, reference: &str) -> Option<&'a Candidate> {
        self.by_reference
            .get(reference)
            .map(|&i| &self.contest.candidates[i])
    }

    /// The name people read for a reference.
    fn shown(&self, reference: &str) -> String {
        self.candidate(reference)
            .map_or_else(|| reference.to_string(), |c| c.name.to_string())
    }

    /// A key that is the same for every reference to one candidate.
    fn key<'r>(&self, reference: &'r str) -> Key<'r> {
        match self.by_reference.get(reference) {
            Some(&i) => Key::Candidate(i),
            None => Key::Unknown(reference),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Key<'r> {
    Candidate(usize),
    Unknown(&'r str),
}

/// Whether any round says who was elected when.
fn says_when_elected(contest: &Contest) -> bool {
    contest.rounds.iter().any(|r| !r.elected.is_empty())
}

/// `a - b` with the decimals of the more precise, signed: `+1,213`, `-0.0064`.
fn difference(now: &Tally, before: &Tally) -> String {
    let places = now.decimals().max(before.decimals());
    let d = now.value() - before.value();
    let sign = if d < 0.0 { "-" } else { "+" };
    let magnitude = format!("{:.places$}", d.abs());
    match magnitude.split_once('.') {
        Some((w, f)) => format!("{sign}{}.{f}", thousands(w.parse().unwrap_or(0))),
        None => format!("{sign}{}", thousands(magnitude.parse().unwrap_or(0))),
    }
}

/// `votes - threshold` (0 at least) with the decimals of the more precise: `10`, `0.0000`.
fn over(votes: &Tally, threshold: &Tally) -> Tally {
    let places = votes.decimals().max(threshold.decimals());
    let d = (votes.value() - threshold.value()).max(0.0);
    Tally::parse(&format!("{d:.places$}")).unwrap_or_else(|_| Tally::whole_number(0))
}

/// A sum of tallies, with the most decimals among them (`0` for none).
pub(crate) fn sum(tallies: &[&Tally]) -> Tally {
    let places = tallies.iter().map(|t| t.decimals()).max().unwrap_or(0);
    let total: f64 = tallies.iter().map(|t| t.value()).sum();
    Tally::parse(&format!("{total:.places$}")).unwrap_or_else(|_| Tally::whole_number(0))
}

/// A sum of tallies with the most decimals among them.
fn sum_label(tallies: &[&Tally]) -> (f64, String) {
    let places = tallies.iter().map(|t| t.decimals()).max().unwrap_or(0);
    let sum: f64 = tallies.iter().map(|t| t.value()).sum();
    let text = format!("{sum:.places$}");
    let label = Tally::parse(&text).map_or(text, |t| t.label());
    (sum, label)
}

/// The largest tally or threshold over the whole count.
pub fn scale(contest: &Contest) -> f64 {
    contest
        .rounds
        .iter()
        .flat_map(|r| {
            r.counts
                .iter()
                .map(|c| c.votes.value())
                .chain(r.threshold.iter().map(Tally::value))
        })
        .fold(0.0, f64::max)
}

/// Round `index` (from 0) of `contest`'s count, or `None` if it has no such round.
pub fn round(contest: &Contest, index: usize) -> Option<RoundView> {
    Count::new(contest).round(index)
}

/// Every round of `contest`'s count, in order: what the rounds share (the names resolved, who
/// was elected when, the scale) worked out once, not once a round — a count of a thousand
/// rounds would otherwise go over the whole count a thousand times.
pub fn rounds(contest: &Contest) -> impl Iterator<Item = RoundView> + '_ {
    let count = Count::new(contest);
    (0..contest.rounds.len()).filter_map(move |i| count.round(i))
}

/// What every round of one count shares.
struct Count<'a> {
    contest: &'a Contest,
    names: Names<'a>,
    /// Whether any round says who was elected when.
    when: bool,
    /// The round (from 1) each candidate was first elected in.
    elected_in: HashMap<Key<'a>, usize>,
    scale: f64,
}

impl<'a> Count<'a> {
    fn new(contest: &'a Contest) -> Count<'a> {
        let names = Names::new(contest);
        let mut elected_in: HashMap<Key, usize> = HashMap::new();
        for (r, round) in contest.rounds.iter().enumerate() {
            for e in &round.elected {
                elected_in.entry(names.key(e)).or_insert(r + 1);
            }
        }
        Count {
            contest,
            when: says_when_elected(contest),
            elected_in,
            scale: scale(contest),
            names,
        }
    }

    /// Round `index` (from 0).
    fn round(&self, index: usize) -> Option<RoundView> {
        let Count {
            contest,
            names,
            when,
            elected_in,
            scale,
        } = self;
        let (contest, when) = (*contest, *when);
        let this: &Round = contest.rounds.get(index)?;
        let last = index + 1 == contest.rounds.len();
        let tallies: Vec<&Tally> = this.counts.iter().map(|c| &c.votes).collect();
        let (counted, counted_label) = sum_label(&tallies);
        let before: HashMap<Key, &Tally> = index
            .checked_sub(1)
            .and_then(|p| contest.rounds.get(p))
            .map(|p| {
                p.counts
                    .iter()
                    .map(|c| (names.key(&c.candidate), &c.votes))
                    .collect()
            })
            .unwrap_or_default();
        let eliminated_here: Vec<Key> = this.eliminated.iter().map(|e| names.key(e)).collect();
        let mut rows: Vec<RoundRow> = this
            .counts
            .iter()
            .map(|count| {
                let key = names.key(&count.candidate);
                let candidate = names.candidate(&count.candidate);
                let state = if eliminated_here.contains(&key) {
                    RoundState::Eliminated
                } else if when {
                    match elected_in.get(&key) {
                        Some(&r) if r == index + 1 => RoundState::Elected,
                        Some(&r) if r <= index => RoundState::Won { round: r },
                        _ => RoundState::Continuing,
                    }
                } else if last && candidate.is_some_and(|c| c.elected) {
                    RoundState::Elected
                } else {
                    RoundState::Continuing
                };
                let surplus = this
                    .threshold
                    .as_ref()
                    .filter(|t| {
                        contest.seats.unwrap_or(1) > 1
                            && count.votes.value() >= t.value()
                            && !matches!(state, RoundState::Won { .. })
                    })
                    .map(|t| over(&count.votes, t));
                RoundRow {
                    name: names.shown(&count.candidate),
                    faction: candidate
                        .and_then(|c| c.faction.as_deref())
                        .map(str::to_string),
                    percent: (counted > 0.0).then(|| count.votes.value() * 100.0 / counted),
                    change: before.get(&key).map(|b| difference(&count.votes, b)),
                    votes: Some(count.votes.clone()),
                    state,
                    surplus,
                }
            })
            .collect();
        // Stable: equal counts keep the source's order.
        rows.sort_by(|a, b| {
            let v = |r: &RoundRow| r.votes.as_ref().map_or(0.0, Tally::value);
            v(b).total_cmp(&v(a))
        });
        let mut listed: std::collections::HashSet<Key> = this
            .counts
            .iter()
            .map(|c| names.key(&c.candidate))
            .collect();
        for (earlier, r) in contest.rounds[..index].iter().enumerate().rev() {
            for name in &r.eliminated {
                if !listed.insert(names.key(name)) {
                    continue;
                }
                rows.push(RoundRow {
                    name: names.shown(name),
                    faction: names
                        .candidate(name)
                        .and_then(|c| c.faction.clone())
                        .map(Into::into),
                    votes: None,
                    percent: None,
                    change: None,
                    state: RoundState::Out { round: earlier + 1 },
                    surplus: None,
                });
            }
        }
        let shown = |list: &[CompactString]| list.iter().map(|n| names.shown(n)).collect();
        Some(RoundView {
            number: index + 1,
            of: contest.rounds.len(),
            seats: contest.seats.unwrap_or(1),
            rows,
            counted,
            counted_label,
            threshold: this.threshold.clone(),
            elected: shown(&this.elected),
            eliminated: shown(&this.eliminated),
            transfers: this
                .transfers
                .iter()
                .map(|t| Transfer {
                    from: names.shown(&t.from).into(),
                    to: names.shown(&t.to).into(),
                    ..t.clone()
                })
                .collect(),
            exhausted: this.exhausted,
            set_aside: this
                .set_aside
                .iter()
                .map(|x| SetAside {
                    from: names.shown(&x.from).into(),
                    ..x.clone()
                })
                .collect(),
            inactive: this.inactive.clone(),
            scale: *scale,
        })
    }
}

/// Where one elected or eliminated candidate's ballots went at the end of a round.
#[derive(Debug, Clone, PartialEq)]
pub struct Account {
    pub name: String,
    /// The votes transferred to candidates, summed; `None` when the source lists none.
    pub transferred: Option<Tally>,
    /// Ballots that went to nobody, by reason: (`exhausted`, 375).
    pub set_aside: Vec<(String, Tally)>,
}

impl Account {
    /// `Dion, Donna J.: 1,221 transferred, 375 exhausted`.
    pub fn said(&self) -> String {
        round_words::account(
            &self.name,
            round_words::Went {
                transferred: self.transferred.as_ref(),
                set_aside: &self.set_aside,
            },
        )
    }
}

/// Every elected or eliminated candidate's ballots accounted for, for a round whose source
/// says what of them went to nobody (`set_aside`); empty otherwise, the transfers and the
/// round's exhausted total then saying what is known.
pub fn accounts(view: &RoundView) -> Vec<Account> {
    if view.set_aside.is_empty() {
        return Vec::new();
    }
    let mut who: Vec<&str> = view.elected.iter().map(String::as_str).collect();
    who.extend(view.eliminated.iter().map(String::as_str));
    for name in view.transfers.iter().map(|t| t.from.as_str()) {
        if !who.contains(&name) {
            who.push(name);
        }
    }
    for name in view.set_aside.iter().map(|x| x.from.as_str()) {
        if !who.contains(&name) {
            who.push(name);
        }
    }
    who.into_iter().map(|name| account(view, name)).collect()
}

/// Where `name`'s ballots went at the end of the round in `view`: the transfers from them,
/// summed, and what went to nobody, by reason.
pub fn account(view: &RoundView, name: &str) -> Account {
    let moved: Vec<&Tally> = view
        .transfers
        .iter()
        .filter(|t| t.from == name)
        .map(|t| &t.votes)
        .collect();
    let mut set_aside: Vec<(String, Vec<&Tally>)> = Vec::new();
    for x in view.set_aside.iter().filter(|x| x.from == name) {
        match set_aside.iter_mut().find(|(r, _)| *r == x.reason) {
            Some((_, list)) => list.push(&x.ballots),
            None => set_aside.push((x.reason.to_string(), vec![&x.ballots])),
        }
    }
    Account {
        name: name.to_string(),
        transferred: (!moved.is_empty()).then(|| sum(&moved)),
        set_aside: set_aside
            .into_iter()
            .map(|(reason, list)| (reason, sum(&list)))
            .collect(),
    }
}

/// The order the seats were filled: (round, name), for counts that say.
pub fn seat_order(contest: &Contest) -> Vec<(usize, String)> {
    let names = Names::new(contest);
    contest
        .rounds
        .iter()
        .enumerate()
        .flat_map(|(i, r)| r.elected.iter().map(move |e| (i + 1, e)))
        .map(|(i, e)| (i, names.shown(e)))
        .collect()
}

/// Every candidate across every round: one row each, in the order they finished (elected
/// first, in the order of election; then the rest by how long they lasted and their last
/// tally), and one row per inactive reason.
#[derive(Debug, Clone, PartialEq)]
pub struct RoundTable {
    pub rounds: usize,
    pub rows: Vec<TableRow>,
    /// Each round's threshold, where stated.
    pub thresholds: Vec<Option<Tally>>,
    /// Inactive ballots by reason, per round (running totals).
    pub inactive: Vec<(String, Vec<Option<Tally>>)>,
    /// Cells the widest count in the table takes as a label (worked out once: a count may
    /// have a million cells).
    pub label_width: usize,
}

/// A candidate's tally in each round (`None`: not counted in it).
#[derive(Debug, Clone, PartialEq)]
pub struct TableRow {
    pub name: String,
    pub faction: Option<String>,
    pub tallies: Vec<Option<Tally>>,
    /// Elected in this round (1-based).
    pub elected: Option<usize>,
    /// Eliminated at the end of this round (1-based).
    pub eliminated: Option<usize>,
}

/// The table of `contest`'s count.
pub fn table(contest: &Contest) -> RoundTable {
    let n = contest.rounds.len();
    let names = Names::new(contest);
    let mut rows: Vec<TableRow> = Vec::new();
    let mut row_of: HashMap<Key, usize> = HashMap::new();
    for (i, round) in contest.rounds.iter().enumerate() {
        for count in &round.counts {
            let at = *row_of
                .entry(names.key(&count.candidate))
                .or_insert_with(|| {
                    rows.push(TableRow {
                        faction: names
                            .candidate(&count.candidate)
                            .and_then(|c| c.faction.as_deref().map(str::to_string)),
                        name: names.shown(&count.candidate),
                        tallies: vec![None; n],
                        elected: None,
                        eliminated: None,
                    });
                    rows.len() - 1
                });
            rows[at].tallies[i] = Some(count.votes.clone());
        }
        for e in &round.elected {
            if let Some(&at) = row_of.get(&names.key(e)) {
                rows[at].elected.get_or_insert(i + 1);
            }
        }
        for e in &round.eliminated {
            if let Some(&at) = row_of.get(&names.key(e)) {
                rows[at].eliminated.get_or_insert(i + 1);
            }
        }
    }
    if !says_when_elected(contest) && n > 0 {
        for row in &mut rows {
            if names.candidate(&row.name).is_some_and(|c| c.elected) {
                row.elected = Some(n);
            }
        }
    }
    let lasted = |r: &TableRow| r.tallies.iter().rposition(Option::is_some).unwrap_or(0);
    let last_tally = |r: &TableRow| {
        r.tallies
            .iter()
            .rev()
            .flatten()
            .next()
            .map_or(0.0, Tally::value)
    };
    rows.sort_by(|a, b| {
        let key = |r: &TableRow| r.elected.unwrap_or(usize::MAX);
        key(a)
            .cmp(&key(b))
            .then_with(|| lasted(b).cmp(&lasted(a)))
            .then_with(|| last_tally(b).total_cmp(&last_tally(a)))
    });
    let mut inactive: Vec<(String, Vec<Option<Tally>>)> = Vec::new();
    for (i, round) in contest.rounds.iter().enumerate() {
        for x in &round.inactive {
            let at = if let Some(at) = inactive.iter().position(|(r, _)| *r == x.reason) {
                at
            } else {
                inactive.push((x.reason.to_string(), vec![None; n]));
                inactive.len() - 1
            };
            inactive[at].1[i] = Some(x.ballots.clone());
        }
    }
    let thresholds: Vec<Option<Tally>> =
        contest.rounds.iter().map(|r| r.threshold.clone()).collect();
    // The widest label is the largest count's, with the most decimals any count has.
    let all = || {
        rows.iter()
            .flat_map(|r| r.tallies.iter().flatten())
            .chain(thresholds.iter().flatten())
            .chain(inactive.iter().flat_map(|(_, v)| v.iter().flatten()))
    };
    let largest = all().map(Tally::value).fold(0.0, f64::max);
    let decimals = all().map(Tally::decimals).max().unwrap_or(0);
    let whole = crate::report::words::thousands(largest as u64).len();
    let label_width = whole + if decimals > 0 { decimals + 1 } else { 0 };
    RoundTable {
        rounds: n,
        rows,
        thresholds,
        inactive,
        label_width,
    }
}

/// Every round of `contest`'s count, one line each: counts (most first), threshold, elected,
/// eliminated, transfers, inactive ballots — the rounds view's numbers, as `show` prints them.
pub fn lines(contest: &Contest) -> Vec<String> {
    rounds(contest).map(|view| line(&view)).collect()
}

/// `Round 1: Ash 400, Birch 300; threshold 351; elected Ash; eliminated Dale; transfers
/// Dale → Ash 30; 5 exhausted (no further preference); inactive ballots so far: overvotes 430`
/// (the phrases of `round_words`, which the explorer's rounds pane uses too).
pub fn line(view: &RoundView) -> String {
    let counts: Vec<String> = view
        .rows
        .iter()
        .filter_map(|r| {
            r.votes
                .as_ref()
                .map(|v| format!("{} {}", r.name, v.label()))
        })
        .collect();
    let mut parts = vec![format!("Round {}: {}", view.number, counts.join(", "))];
    if let Some(t) = &view.threshold {
        parts.push(format!("threshold {}", t.label()));
    }
    let over: Vec<(&str, &Tally)> = view
        .rows
        .iter()
        .filter_map(|r| r.surplus.as_ref().map(|s| (r.name.as_str(), s)))
        .collect();
    if !over.is_empty() {
        parts.push(round_words::surpluses(&over));
    }
    if !view.elected.is_empty() {
        parts.push(round_words::elected(&view.elected));
    }
    if !view.eliminated.is_empty() {
        parts.push(round_words::eliminated(&view.eliminated));
    }
    if !view.transfers.is_empty() {
        parts.push(round_words::transfers(&view.transfers));
    }
    let accounts = accounts(view);
    parts.extend(accounts.iter().map(Account::said));
    if let Some(x) = view.exhausted.filter(|_| accounts.is_empty()) {
        parts.push(round_words::exhausted(x));
    }
    if !view.inactive.is_empty() {
        parts.push(round_words::inactive(&view.inactive));
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
        assert_eq!((r.number, r.of, r.counted), (1, 3, 100.0));
        assert_eq!(r.rows[0].percent, Some(40.0));
        assert_eq!(r.rows[0].faction.as_deref(), Some("red"));
        assert_eq!(r.rows[3].state, RoundState::Eliminated);
        assert!(r.rows.iter().all(|row| row.change.is_none()));
        assert_eq!(r.transfers.len(), 2);
        assert_eq!(r.exhausted, Some(1));
        assert!((r.scale - 50.0).abs() < f64::EPSILON);
    }

    #[test]
    fn later_rounds_show_changes_and_who_is_out() {
        let r = round(&contest(), 1).unwrap();
        let names: Vec<&str> = r.rows.iter().map(|x| x.name.as_str()).collect();
        assert_eq!(names, ["A", "B", "C", "D"]);
        assert_eq!(r.rows[2].change.as_deref(), Some("+6"));
        assert_eq!(r.rows[3].state, RoundState::Out { round: 1 });
        assert_eq!(r.rows[3].votes, None);
        assert!((r.counted - 99.0).abs() < f64::EPSILON);
        let last = round(&contest(), 2).unwrap();
        let names: Vec<&str> = last.rows.iter().map(|x| x.name.as_str()).collect();
        // Sorted by votes; the latest eliminated first among those out.
        assert_eq!(names, ["A", "B", "C", "D"]);
        assert_eq!(last.rows[0].state, RoundState::Elected);
        assert_eq!(last.rows[1].change.as_deref(), Some("+15"));
        assert_eq!(last.rows[2].state, RoundState::Out { round: 2 });
        assert_eq!(last.rows[3].state, RoundState::Out { round: 1 });
        assert!(round(&contest(), 3).is_none());
    }

    #[test]
    fn decimals_are_kept_and_the_table_orders_by_finish() {
        let c: Contest = serde_json::from_value(serde_json::json!({
            "id": "stv", "kind": "other", "title": "STV", "status": "decided", "sources": [],
            "seats": 2,
            "candidates": [{"name": "H"}, {"name": "L"}, {"name": "M"}],
            "rounds": [
                {"counts": [{"candidate": "H", "votes": 144}, {"candidate": "L", "votes": 96},
                            {"candidate": "M", "votes": 80}],
                 "threshold": "134", "elected": ["H"],
                 "transfers": [{"from": "H", "to": "L", "votes": "8.8832"}]},
                {"counts": [{"candidate": "H", "votes": 134}, {"candidate": "L", "votes": "104.8832"},
                            {"candidate": "M", "votes": "81.1104"}],
                 "threshold": "134",
                 "inactive": [{"reason": "residual surplus", "ballots": "0.0064"}]}
            ]
        }))
        .unwrap();
        let r = round(&c, 1).unwrap();
        assert_eq!(r.rows[1].change.as_deref(), Some("+8.8832"));
        assert_eq!(r.rows[0].state, RoundState::Won { round: 1 });
        assert_eq!(r.counted_label, "319.9936");
        assert_eq!(r.seats, 2);
        let t = table(&c);
        let names: Vec<&str> = t.rows.iter().map(|r| r.name.as_str()).collect();
        assert_eq!(names, ["H", "L", "M"]);
        assert_eq!(t.inactive[0].0, "residual surplus");
        assert_eq!(seat_order(&c), [(1, "H".to_string())]);
        assert!(line(&r).contains("L 104.8832"), "{}", line(&r));
    }
}
