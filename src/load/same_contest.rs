//! The same contest from two sources: a news report's Stockport 2017 and the House of Commons
//! Library's. Two contests are the same when they are of the same kind, on the same date, in
//! the same constituency (ids compared when both give one, else names, ignoring case — the
//! rule of `model::seat`), for the same party when both are a party's (two parties' primaries
//! for one seat on one day are two contests), and between the same people: when both name
//! candidates, at least one stands in both (by party where one side gives parties only), so
//! a governor's race and a lieutenant governor's in one district are never one contest. The
//! Contests of one file are never the same contest from two sources: the file tells them
//! apart by its own ids (a primary's two parties' races may name the same candidate). The
//! later one is counted once (aggregates skip it), and what the two say is compared: where
//! they agree the data is confirmed, where they differ both values are reported.

use std::collections::HashMap;

use crate::model::arithmetic;
use crate::model::date::PartialDate;
use crate::model::party::Parties;
use crate::model::{Candidate, Contest, ContestKind, Dataset};

/// A contest that repeats an earlier one.
#[derive(Debug, Clone, PartialEq)]
pub struct Repeat {
    /// Index of the repeating contest (the later one).
    pub contest: usize,
    /// Index of the contest it repeats (the first seen).
    pub first: usize,
    /// What the two say differently, each with both values; empty when they agree.
    pub differences: Vec<String>,
}

fn clean(s: Option<&str>) -> Option<String> {
    s.map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_lowercase)
}

type Key = (ContestKind, PartialDate, String);

/// Every contest that repeats an earlier one from another source, in data order;
/// `source_of(i)` is the file contest `i` was read from (never decreasing with `i`: each
/// file's contests are one run, as `load` merges them).
pub fn repeats(dataset: &Dataset, source_of: impl Fn(usize) -> usize) -> Vec<Repeat> {
    find(dataset, source_of).0
}

/// The repeats (as [`repeats`]) and the rows they make ([`Versions`]); `names` are the
/// sources' names, by `source_of`'s numbers.
pub fn repeats_and_versions(
    dataset: &Dataset,
    source_of: impl Fn(usize) -> usize,
    names: &[String],
) -> (Vec<Repeat>, Versions) {
    let (repeats, parties) = find(dataset, &source_of);
    let versions = Versions::build(dataset, &repeats, parties.as_ref(), |i| {
        names.get(source_of(i)).cloned().unwrap_or_default()
    });
    (repeats, versions)
}

/// The repeats, and the parties of the dataset when some were compared.
fn find(dataset: &Dataset, source_of: impl Fn(usize) -> usize) -> (Vec<Repeat>, Option<Parties>) {
    // Only contests from two sources repeat each other, and each source's contests are one
    // run: a single source has none (most loads; no need to index every seat).
    let n = dataset.contests.len();
    if n == 0 || source_of(0) == source_of(n - 1) {
        return (Vec::new(), None);
    }
    // Every contest under each key: contests in one seat on one day that are not the same
    // (two parties' primaries, two offices) share a key.
    let mut by_id: HashMap<Key, Vec<usize>> = HashMap::new();
    let mut by_name: HashMap<Key, Vec<usize>> = HashMap::new();
    let mut by_name_without_id: HashMap<Key, Vec<usize>> = HashMap::new();
    let mut out = Vec::new();
    // Built only when some contest repeats another.
    let mut parties: Option<Parties> = None;
    for (i, c) in dataset.contests.iter().enumerate() {
        let Some(date) = c.date else { continue };
        let id = clean(c.constituency_id.as_deref()).map(|id| (c.kind, date, id));
        let name = clean(c.constituency.as_deref()).map(|n| (c.kind, date, n));
        let empty = Vec::new();
        let seen: &[usize] = match (&id, &name) {
            (Some(id), name) => by_id
                .get(id)
                .or_else(|| name.as_ref().and_then(|n| by_name_without_id.get(n)))
                .unwrap_or(&empty),
            (None, Some(name)) => by_name.get(name).unwrap_or(&empty),
            (None, None) => &empty,
        };
        let first = seen.iter().copied().find(|&j| {
            let earlier = &dataset.contests[j];
            source_of(j) != source_of(i)
                && same_party(earlier, c)
                && stand_together(
                    earlier,
                    c,
                    parties.get_or_insert_with(|| Parties::of(dataset)),
                )
        });
        if let Some(first) = first {
            out.push(Repeat {
                contest: i,
                first,
                differences: differences(
                    &dataset.contests[first],
                    c,
                    parties.get_or_insert_with(|| Parties::of(dataset)),
                ),
            });
            continue;
        }
        if let Some(id) = id {
            by_id.entry(id).or_default().push(i);
        }
        if let Some(name) = name {
            if clean(c.constituency_id.as_deref()).is_none() {
                by_name_without_id.entry(name.clone()).or_default().push(i);
            }
            by_name.entry(name).or_default().push(i);
        }
    }
    (out, parties)
}

/// One contest as given by each source that has it: which version is its row, and how each
/// other version compares with it.
#[derive(Debug, Clone, PartialEq)]
pub struct Group {
    /// The row first (the most complete version, see [`Versions`]), then the others in data
    /// order.
    pub versions: Vec<Version>,
}

/// One source's version of a contest.
#[derive(Debug, Clone, PartialEq)]
pub struct Version {
    /// Index of the contest in the dataset.
    pub contest: usize,
    /// The file it was read from, as messages name it.
    pub file: String,
    /// What it reports differently from the row, each with both values (the row's first);
    /// empty when it agrees, and for the row itself.
    pub differences: Vec<String>,
}

impl Group {
    /// The version listed as the contest's row.
    pub fn row(&self) -> &Version {
        &self.versions[0]
    }

    /// The versions not listed (each reachable by its id: `show ID~2`).
    pub fn others(&self) -> &[Version] {
        &self.versions[1..]
    }
}

/// Which contests are rows: a contest confirmed by several sources is one row, its most
/// complete version — most candidates with known votes, then one stating its valid ballots
/// (an official count states them; a news report seldom does), then most candidates, then
/// the first loaded. The other versions stay in the dataset (by id, for `show`) but are
/// never listed nor counted. Built once per load; asking is a binary search.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Versions {
    /// The contests that are another version of a row, ascending.
    hidden: Vec<usize>,
    /// Every contest of a group with its group's place in `groups`, ascending by contest.
    members: Vec<(usize, usize)>,
    groups: Vec<Group>,
}

/// A version of the contest given to [`Versions::of`], within its group.
#[derive(Debug, Clone, Copy)]
pub struct VersionsOf<'a> {
    pub group: &'a Group,
    /// The contest asked about (the row or one of the others).
    pub this: usize,
}

impl VersionsOf<'_> {
    /// Whether the contest asked about is the listed row.
    pub fn is_row(&self) -> bool {
        self.group.row().contest == self.this
    }
}

impl Versions {
    /// Whether contest `i` is a row (every contest is, but the other versions of one).
    pub fn is_row(&self, i: usize) -> bool {
        self.hidden.binary_search(&i).is_err()
    }

    /// The contests that are not rows (other versions of one), ascending.
    pub fn hidden(&self) -> &[usize] {
        &self.hidden
    }

    /// The versions of contest `i`, when more than one source has it.
    pub fn of(&self, i: usize) -> Option<VersionsOf<'_>> {
        let at = self.members.binary_search_by_key(&i, |m| m.0).ok()?;
        Some(VersionsOf {
            group: &self.groups[self.members[at].1],
            this: i,
        })
    }

    /// Groups the repeats of one contest (each repeat names the first seen), picks each
    /// group's row and compares every other version with it. `file_of(i)` names contest
    /// `i`'s file.
    fn build(
        dataset: &Dataset,
        repeats: &[Repeat],
        parties: Option<&Parties>,
        file_of: impl Fn(usize) -> String,
    ) -> Versions {
        let Some(parties) = parties else {
            return Versions::default();
        };
        let mut by_first: HashMap<usize, Vec<&Repeat>> = HashMap::new();
        for r in repeats {
            by_first.entry(r.first).or_default().push(r);
        }
        let mut firsts: Vec<usize> = by_first.keys().copied().collect();
        firsts.sort_unstable();
        let mut out = Versions::default();
        for first in firsts {
            let later = &by_first[&first];
            let mut members: Vec<usize> = std::iter::once(first)
                .chain(later.iter().map(|r| r.contest))
                .collect();
            let row = members
                .iter()
                .copied()
                .max_by_key(|&i| (completeness(&dataset.contests[i]), std::cmp::Reverse(i)))
                .unwrap_or(first);
            members.retain(|&i| i != row);
            let versions = std::iter::once(Version {
                contest: row,
                file: file_of(row),
                differences: Vec::new(),
            })
            .chain(members.iter().map(|&i| Version {
                contest: i,
                file: file_of(i),
                // Compared with the first seen already; else compared with the row now.
                differences: match later.iter().find(|r| r.contest == i) {
                    Some(r) if row == first => r.differences.clone(),
                    _ => differences(&dataset.contests[row], &dataset.contests[i], parties),
                },
            }))
            .collect();
            let group = out.groups.len();
            out.hidden.extend(&members);
            out.members.push((row, group));
            out.members.extend(members.iter().map(|&i| (i, group)));
            out.groups.push(Group { versions });
        }
        out.hidden.sort_unstable();
        out.members.sort_unstable();
        out
    }
}

/// How complete a version is, the most complete greatest (see [`Versions`]).
fn completeness(c: &Contest) -> (usize, bool, usize) {
    (
        c.candidates.iter().filter(|k| k.votes.is_some()).count(),
        c.ballots.as_ref().is_some_and(|b| b.valid.is_some()),
        c.candidates.len(),
    )
}

/// Whether `a` and `b` are for the same party, or at least one is no party's contest.
fn same_party(a: &Contest, b: &Contest) -> bool {
    match (clean(a.party.as_deref()), clean(b.party.as_deref())) {
        (Some(x), Some(y)) => x == y,
        _ => true,
    }
}

/// Whether someone stands in both `a` and `b` (by party where one side gives parties only),
/// or either names nobody (then nothing disagrees).
fn stand_together(a: &Contest, b: &Contest, parties: &Parties) -> bool {
    if a.candidates.is_empty() || b.candidates.is_empty() {
        return true;
    }
    let key = candidate_key(a, b, parties);
    let theirs: Vec<String> = b.candidates.iter().filter_map(&key).collect();
    a.candidates
        .iter()
        .filter_map(&key)
        .any(|k| theirs.contains(&k))
}

/// How a candidate of `a` or `b` is matched across the two: by name, or by party group when
/// either gives results by party only (nameless rows).
fn candidate_key<'p>(
    a: &Contest,
    b: &Contest,
    parties: &'p Parties,
) -> impl Fn(&Candidate) -> Option<String> + 'p {
    let by_party = [a, b]
        .iter()
        .any(|c| c.candidates.iter().any(|k| k.name.trim().is_empty()));
    move |k: &Candidate| {
        if by_party {
            parties.of_candidate(k).map(|p| p.group)
        } else {
            Some(k.name.trim().to_lowercase())
        }
    }
}

/// What `a` and `b` report differently: the winner, each shared candidate's votes, the
/// majority, the valid ballots — as `what: A here, B there`. Where one side gives results by
/// party only (no names), winners and votes are compared by party (`model::party`).
fn differences(a: &Contest, b: &Contest, parties: &Parties) -> Vec<String> {
    let mut out = Vec::new();
    let by_party = [a, b]
        .iter()
        .any(|c| c.candidates.iter().any(|k| k.name.trim().is_empty()));
    let key = candidate_key(a, b, parties);
    let winner = |c: &Contest| arithmetic::winner(c).and_then(&key);
    if let (Some(x), Some(y)) = (winner(a), winner(b))
        && x != y
    {
        let name = |c: &Contest| arithmetic::winner(c).map_or(String::new(), Candidate::label);
        out.push(format!("winner: {} and {}", name(a), name(b)));
    }
    // Votes per candidate (or per party), summed where a party has several rows.
    let votes = |c: &Contest| {
        let mut sums: Vec<(String, String, Option<u64>)> = Vec::new();
        for k in &c.candidates {
            let Some(id) = key(k) else { continue };
            let label = if by_party {
                parties
                    .of_candidate(k)
                    .map_or_else(|| k.label(), |p| p.group_name)
            } else {
                k.name.to_string()
            };
            match sums.iter_mut().find(|(i, _, _)| *i == id) {
                Some((_, _, v)) => *v = v.zip(k.votes).map(|(x, y)| x + y),
                None => sums.push((id, label, k.votes)),
            }
        }
        sums
    };
    let theirs = votes(b);
    for (id, label, x) in votes(a) {
        if let Some((_, _, y)) = theirs.iter().find(|(i, _, _)| *i == id)
            && let (Some(x), Some(y)) = (x, *y)
            && x != y
        {
            out.push(format!("{label}'s votes: {x} and {y}"));
        }
    }
    if let (Some(x), Some(y)) = (arithmetic::margin_votes(a), arithmetic::margin_votes(b))
        && x != y
    {
        out.push(format!("majority: {x} and {y}"));
    }
    let valid = |c: &Contest| c.ballots.as_ref().and_then(|b| b.valid);
    if let (Some(x), Some(y)) = (valid(a), valid(b))
        && x != y
    {
        out.push(format!("valid ballots: {x} and {y}"));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Candidate, SCHEMA_VERSION, Status};

    /// A contest in Cedar County on 3 March 2020.
    fn contest(id: &str, party: Option<&str>, names: &[&str]) -> Contest {
        Contest {
            party: party.map(Into::into),
            constituency: Some("Cedar County".into()),
            date: Some(PartialDate::parse("2020-03-03").unwrap()),
            candidates: names.iter().map(|&n| Candidate::new(n)).collect(),
            ..Contest::new(id, ContestKind::Selection, id, Status::Decided)
        }
    }

    fn repeated(contests: Vec<Contest>) -> Vec<(usize, usize)> {
        let dataset = Dataset {
            schema_version: SCHEMA_VERSION,
            title: None,
            regions: Vec::new(),
            factions: Vec::new(),
            contests,
        };
        // Each contest its own source, as if from a file each.
        repeats(&dataset, |i| i)
            .iter()
            .map(|r| (r.contest, r.first))
            .collect()
    }

    #[test]
    fn contests_of_one_file_are_told_apart_by_its_ids() {
        let dataset = Dataset {
            schema_version: SCHEMA_VERSION,
            title: None,
            regions: Vec::new(),
            factions: Vec::new(),
            contests: vec![
                contest("senate-dem", Some("Democratic"), &["Ann"]),
                contest("senate-lib", Some("Democratic"), &["Ann", "Bob"]),
            ],
        };
        assert!(repeats(&dataset, |_| 0).is_empty());
        assert_eq!(repeats(&dataset, |i| i).len(), 1);
    }

    #[test]
    fn two_parties_primaries_in_one_seat_on_one_day_are_two_contests() {
        let dem = contest("dem", Some("Democratic"), &["Ann"]);
        let rep = contest("rep", Some("Republican"), &["Bob"]);
        assert_eq!(repeated(vec![dem, rep]), []);
    }

    #[test]
    fn two_offices_with_no_one_in_common_are_two_contests() {
        let governor = contest("governor", None, &["Ann", "Bob"]);
        let lieutenant = contest("lieutenant", None, &["Cy", "Di"]);
        assert_eq!(repeated(vec![governor, lieutenant]), []);
    }

    #[test]
    fn one_race_from_two_sources_is_one_contest_even_among_others() {
        let first = contest("report", Some("Democratic"), &["Ann", "Bob"]);
        let other = contest("other-race", Some("Democratic"), &["Cy"]);
        let again = contest("official", Some("democratic"), &["ann", "Bob", "Write-in"]);
        // A source that names nobody yet disagrees with nothing.
        let bare = contest("bare", None, &[]);
        assert_eq!(repeated(vec![first, other, again, bare]), [(2, 0), (3, 0)]);
    }
}
