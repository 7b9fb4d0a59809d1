//! The contests built into a dataset: each candidate's votes from the parts where a contest
//! has both parts and totals of them, the totals checked against the parts; the notes.

use std::collections::HashSet;

use crate::import::Read;
use crate::import::common::{self, Tie};
use crate::model::{
    Ballots, Contest, ContestKind, Dataset, Region, SCHEMA_VERSION, Source, Status,
};

use super::Mapping;
use super::columns::{Columns, DISTRICT};
use super::rows::{BALLOT_KINDS, Building, Rows, Sum};

impl Rows {
    /// What the rows came to, one sentence each: summed or not, rows left out, ballot-figure
    /// rows, empty vote cells, disagreeing per-contest cells.
    pub(super) fn note(&self, m: &Mapping, notes: &mut Vec<String>) {
        let n = self.rows;
        let summed = self.contests.iter().any(|c| {
            c.candidates
                .iter()
                .any(|k| k.levels.iter().any(|s| s.rows > 1))
        });
        if summed {
            notes.push(format!(
                "{n} rows summed per contest and candidate (precincts or other sub-units)"
            ));
        } else {
            notes.push(format!("{n} rows, one per candidate per contest"));
        }
        for (why, n) in &self.left_out {
            notes.push(format!("left out {n} rows {why}"));
        }
        if self.no_candidate.0 > 0 {
            let lines: Vec<String> = self.no_candidate.1.iter().map(u64::to_string).collect();
            notes.push(format!(
                "left out {} rows with no candidate (e.g. lines {})",
                self.no_candidate.0,
                lines.join(", ")
            ));
        }
        for kind in BALLOT_KINDS {
            let names: Vec<String> = self
                .by_name
                .iter()
                .filter(|(_, k)| *k == kind)
                .map(|(n, _)| n.clone())
                .collect();
            if !names.is_empty() {
                notes.push(format!(
                    "rows named {} taken as {} by their name (--rejected-row or --not-candidate decide otherwise)",
                    quoted_list(&names),
                    kind.taken_as()
                ));
            }
        }
        if self.empty_votes > 0 {
            notes.push(format!(
                "{} empty vote cells: those candidates' votes are unknown",
                self.empty_votes
            ));
        }
        if self.disagreements > 0 {
            notes.push(format!(
                "{} per-contest cells differ from the contest's first row; the first row's value was kept",
                self.disagreements
            ));
        }
        if !m.rejected_rows.is_empty() {
            let found = self
                .contests
                .iter()
                .filter(|c| c.ballot_rows[0].iter().any(|s| s.rows > 0))
                .count();
            notes.push(format!(
                "rows named {} taken as rejected ballots in {found} of {} contests",
                quoted_list(&m.rejected_rows),
                self.contests.len()
            ));
        }
    }
}

/// `"A", "B"`.
fn quoted_list(names: &[String]) -> String {
    names
        .iter()
        .map(|r| format!("\"{r}\""))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Aggregate rows met while choosing each candidate's level, for one note.
#[derive(Default)]
struct Aggregates {
    rows: usize,
    /// `title / name: parts sum to A, total rows say B`, for the first few.
    disagree: Vec<String>,
    disagreeing: usize,
    /// Candidates (or ballot figures) with total rows and no parts where their contest has
    /// parts: left out, the first few named.
    alone: usize,
    alone_names: Vec<String>,
    /// Contests with total rows only where the file has finer rows: left out, the first few
    /// named.
    contests: usize,
    contest_names: Vec<String>,
}

impl Aggregates {
    /// The sum that stands among `levels`: the contest's finest level (`top`); the coarser
    /// sums are aggregates of it, checked. Rows with nothing at `top` (total rows with no
    /// parts, where the contest has parts) are left out: `None`.
    fn choose(&mut self, levels: &[Sum], top: usize, what: &dyn Fn() -> String) -> Option<Sum> {
        levels.iter().rposition(|s| s.rows > 0)?;
        if levels[top].rows == 0 {
            self.alone += 1;
            if self.alone_names.len() < 3 {
                self.alone_names.push(what());
            }
            self.rows += levels.iter().map(|s| s.rows).sum::<usize>();
            return None;
        }
        for s in levels[..top].iter().filter(|s| s.rows > 0) {
            self.rows += s.rows;
            if s.votes != levels[top].votes {
                self.disagreeing += 1;
                if self.disagree.len() < 3 {
                    let show = |v: Option<u64>| v.map_or("unknown".into(), |v| v.to_string());
                    self.disagree.push(format!(
                        "{}: parts sum to {}, total rows say {}",
                        what(),
                        show(levels[top].votes),
                        show(s.votes)
                    ));
                }
            }
        }
        Some(levels[top])
    }

    fn note(&self, notes: &mut Vec<String>) {
        if self.rows == 0 {
            return;
        }
        let mut s = format!(
            "{} aggregate rows (county or precinct empty or `Total` where other rows of the contest name one) not added to the parts they total",
            self.rows
        );
        if self.disagreeing == 0 {
            s.push_str("; all agree with the sum of their parts");
        } else {
            s.push_str(&format!(
                "; {} disagree with the sum of their parts, which was kept: {}",
                self.disagreeing,
                self.disagree.join("; ")
            ));
        }
        if self.alone > 0 {
            s.push_str(&format!(
                "; left out {} candidates or figures found only in total rows of a contest with parts (e.g. {})",
                self.alone,
                self.alone_names.join("; ")
            ));
        }
        if self.contests > 0 {
            s.push_str(&format!(
                "; left out {} contests found only in total rows where the file has finer rows (e.g. {})",
                self.contests,
                self.contest_names.join("; ")
            ));
        }
        notes.push(s);
    }
}

/// The dataset from the contests built.
pub(super) fn assemble(
    file: &str,
    header: &[String],
    cols: &Columns,
    m: &Mapping,
    rows: Rows,
    mut notes: Vec<String>,
) -> Read {
    let base = common::base_name(file);
    let mut taken = HashSet::new();
    let mut regions: Vec<Region> = Vec::new();
    let mut out = Vec::new();
    let mut aggregates = Aggregates::default();
    let mut no_contest = (0, 0);
    let key_cols: Vec<usize> = cols.key().collect();
    let file_finest = rows.contests.iter().map(finest).max().unwrap_or(0);
    for c in rows.contests {
        if c.candidates.is_empty() {
            no_contest.0 += 1;
            no_contest.1 += c.rows;
            continue;
        }
        let title = title(&c.key, &key_cols, cols, header, &base);
        if finest(&c) < file_finest {
            aggregates.contests += 1;
            aggregates.rows += c.rows;
            if aggregates.contest_names.len() < 3 {
                aggregates.contest_names.push(title);
            }
            continue;
        }
        out.push(contest(
            c,
            &title,
            m,
            cols,
            &base,
            &mut aggregates,
            &mut regions,
            &mut taken,
            &mut notes,
        ));
    }
    if no_contest.0 > 0 {
        notes.push(format!(
            "left out {} rows of {} contests with no candidate (ballot figures with no contest of their own)",
            no_contest.1, no_contest.0
        ));
    }
    aggregates.note(&mut notes);
    Read {
        dataset: Dataset {
            schema_version: SCHEMA_VERSION,
            title: Some(base.into()),
            regions,
            factions: Vec::new(),
            contests: out,
        },
        format: "results CSV",
        notes,
    }
}

/// The finest level of places among a contest's rows.
fn finest(c: &Building) -> usize {
    c.candidates
        .iter()
        .map(|k| &k.levels)
        .chain(&c.ballot_rows)
        .filter_map(|l| l.iter().rposition(|s| s.rows > 0))
        .max()
        .unwrap_or(0)
}

/// One contest from its rows.
#[allow(clippy::too_many_arguments)]
fn contest(
    c: Building,
    title: &str,
    m: &Mapping,
    cols: &Columns,
    base: &str,
    aggregates: &mut Aggregates,
    regions: &mut Vec<Region>,
    taken: &mut HashSet<String>,
    notes: &mut Vec<String>,
) -> Contest {
    let top = finest(&c);
    let mut candidates: Vec<_> = c
        .candidates
        .iter()
        .filter_map(|k| {
            let what = || format!("{title} / {}", k.name);
            let sum = aggregates.choose(&k.levels, top, &what)?;
            Some(common::candidate(
                k.name.clone(),
                k.party.clone(),
                sum.votes,
            ))
        })
        .collect();
    let [rejected_rows, eligible_rows, cast_rows] = std::array::from_fn(|i| {
        let what = || format!("{title} / {}", BALLOT_KINDS[i].taken_as());
        aggregates
            .choose(&c.ballot_rows[i], top, &what)
            .and_then(|s| s.votes)
    });
    let tie: Option<Tie> = common::mark_winners(&mut candidates, 1);
    let mut contest_notes = vec![format!("Imported from the results CSV {base}.")];
    if let Some(t) = &tie {
        let s = t.sentence(1);
        notes.push(format!("{title}: {s}"));
        contest_notes.push(format!("{s}."));
    }
    let elected = candidates.iter().any(|k| k.elected);
    if rejected_rows.is_some() && c.rejected.is_none() {
        contest_notes.push("Rejected ballots from the file's invalid-votes row.".into());
    }
    let ballots = Ballots {
        valid: c.valid,
        rejected: c.rejected.or(rejected_rows),
        eligible: c.eligible.or(eligible_rows),
        cast: cast_rows,
    };
    let region = c.region.as_ref().map(|name| {
        let id = common::slug(name, "region");
        if !regions.iter().any(|r| r.id == id) {
            regions.push(Region {
                id: id.clone().into(),
                name: name.clone().into(),
                spellings: Vec::new(),
            });
        }
        id
    });
    let mut id_text = title.to_string();
    if let Some(d) = c.date {
        id_text.push_str(&format!(" {}", d.year()));
    }
    let party = c
        .key
        .last()
        .filter(|p| cols.party_in_key && !p.is_empty())
        .cloned();
    Contest {
        constituency: c.constituency.map(Into::into),
        region: region.map(Into::into),
        date: c.date,
        party: party.map(Into::into),
        ballots: Some(ballots).filter(|b| *b != Ballots::default()),
        candidates,
        sources: vec![Source {
            outlet: "results CSV".into(),
            title: Some(base.into()),
            date: None,
            url: None,
            note: Some(format!("{} rows", c.rows).into()),
        }],
        notes: Some(contest_notes.join(" ").into()),
        ..Contest::new(
            common::unique(common::slug(&id_text, "contest"), taken),
            m.kind.unwrap_or(ContestKind::Other),
            title.to_string(),
            if elected && tie.is_none() {
                Status::Decided
            } else {
                Status::Pending
            },
        )
    }
}

/// The contest's title from its key: values joined, a bare district number as `District 5`,
/// a primary's party in brackets; the file's name (without `.csv`) when there is no key.
fn title(
    key: &[String],
    columns: &[usize],
    cols: &Columns,
    header: &[String],
    base: &str,
) -> String {
    let party = cols.party.filter(|_| cols.party_in_key);
    let mut parts: Vec<String> = Vec::new();
    let mut suffix = String::new();
    for (v, &i) in key.iter().zip(columns).filter(|(v, _)| !v.is_empty()) {
        if Some(i) == party {
            suffix = format!(" ({v})");
            continue;
        }
        let district = DISTRICT.iter().any(|d| header[i].eq_ignore_ascii_case(d));
        parts.push(if district && v.bytes().all(|b| b.is_ascii_digit()) {
            format!("District {v}")
        } else {
            v.clone()
        });
    }
    if parts.is_empty() {
        let stem = base
            .rsplit_once('.')
            .map_or(base, |(stem, _)| stem)
            .to_string();
        parts.push(if cols.contest.is_empty() {
            stem
        } else {
            "Contest".into()
        });
    }
    parts.join(", ") + &suffix
}
