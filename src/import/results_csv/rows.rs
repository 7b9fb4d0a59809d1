//! The rows into contests: pseudo-rows left out or taken as ballot figures, each candidate's
//! rows summed per level of places (a county's total apart from its precincts').

use std::borrow::Cow;
use std::collections::HashMap;

use crate::import::ImportError;
use crate::import::common;
use crate::model::date::PartialDate;
use crate::model::strict_numbers::MAX_COUNT;

use super::columns::Columns;
use super::pseudo::{Pseudo, is_total_place, pseudo_row};
use super::{Mapping, add, csv_error, row_error, whole};

/// Maps keyed by the file's text, hashed with foldhash: a million-row file looks a contest and a
/// candidate up on every row.
type FastMap<K, V> = HashMap<K, V, foldhash::fast::RandomState>;

/// Votes summed over the rows at one level of places; unknown once one row's are.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(super) struct Sum {
    pub votes: Option<u64>,
    pub rows: usize,
}

impl Sum {
    fn add(&mut self, votes: Option<u64>) -> Result<(), PastLimit> {
        self.votes = if self.rows == 0 {
            votes
        } else {
            match self.votes.zip(votes) {
                Some((a, b)) => Some(add(a, b).ok_or(PastLimit)?),
                None => None,
            }
        };
        self.rows += 1;
        Ok(())
    }
}

/// A candidate's rows: by level of places, 0 the coarsest (a statewide total row).
pub(super) struct Tally {
    pub name: String,
    pub party: Option<String>,
    pub levels: Vec<Sum>,
}

/// The ballot figures rows may carry by name, in `Building::ballot_rows`.
pub(super) const BALLOT_KINDS: [Pseudo; 3] = [Pseudo::Rejected, Pseudo::Eligible, Pseudo::Cast];

/// One contest as its rows come.
pub(super) struct Building {
    pub key: Vec<String>,
    pub candidates: Vec<Tally>,
    /// A candidate's name → its (party, index in `candidates`) pairs: usually one, more where
    /// one name stands for several parties. Keyed by name alone so that a row's `&str` finds
    /// it without building an owned key.
    index: FastMap<String, Vec<(Option<String>, usize)>>,
    /// Rows that are ballot figures by name, by `BALLOT_KINDS` and level.
    pub ballot_rows: [Vec<Sum>; 3],
    pub region: Option<String>,
    pub constituency: Option<String>,
    pub date: Option<PartialDate>,
    pub eligible: Option<u64>,
    pub valid: Option<u64>,
    pub rejected: Option<u64>,
    pub rows: usize,
}

/// The contests the rows make, and what was counted on the way for the notes.
#[derive(Default)]
pub(super) struct Rows {
    pub contests: Vec<Building>,
    by_key: FastMap<Vec<String>, usize>,
    /// Names taken as ballot figures by their name (`Over Votes`), not by a flag.
    pub by_name: Vec<(String, Pseudo)>,
    /// Rows left out, by why, and how many.
    pub left_out: Vec<(String, usize)>,
    /// Rows with no candidate, and the lines of the first few.
    pub no_candidate: (usize, Vec<u64>),
    pub empty_votes: usize,
    /// Per-contest cells that differ from the contest's first row.
    pub disagreements: usize,
    pub rows: usize,
    /// Levels of places: one more than the place columns.
    pub levels: usize,
}

/// One record as read, for its cells and for errors naming its line.
pub(super) struct Row<'r> {
    pub file: &'r str,
    pub header: &'r [String],
    pub record: &'r csv::StringRecord,
    pub line: u64,
}

impl Row<'_> {
    pub fn cell(&self, i: usize) -> &str {
        self.record.get(i).map_or("", str::trim)
    }

    fn error(&self, message: String) -> ImportError {
        row_error(self.file, self.line, message)
    }

    fn number(&self, i: usize) -> Result<Option<u64>, ImportError> {
        whole(self.cell(i)).map_err(|msg| self.error(format!("column {}: {msg}", self.header[i])))
    }

    /// The candidate: its cell, or its name's parts joined by spaces.
    fn candidate(&self, cols: &Columns) -> Cow<'_, str> {
        match cols.candidate.as_slice() {
            [one] => Cow::Borrowed(self.cell(*one)),
            parts => Cow::Owned(
                parts
                    .iter()
                    .map(|&i| self.cell(i))
                    .filter(|p| !p.is_empty())
                    .collect::<Vec<_>>()
                    .join(" "),
            ),
        }
    }

    /// How fine the place the row counts is: one more than the finest place column that
    /// names a place (not empty, not `Total`), 0 for none. A precinct named with its county
    /// left empty is still a precinct.
    fn level(&self, cols: &Columns) -> usize {
        cols.places
            .iter()
            .rposition(|&i| {
                let v = self.cell(i);
                !v.is_empty() && !is_total_place(v)
            })
            .map_or(0, |p| p + 1)
    }
}

/// Every row after the header into contests: blank rows skipped, pseudo-rows left out or
/// taken as ballot figures, a candidate's rows summed.
pub(super) fn read_rows<R: std::io::Read>(
    file: &str,
    reader: &mut csv::Reader<R>,
    header: &[String],
    m: &Mapping,
    cols: &Columns,
) -> Result<Rows, ImportError> {
    let mut rows = Rows {
        levels: cols.places.len() + 1,
        ..Rows::default()
    };
    // The row's contest key, its strings reused from row to row.
    let mut key: Vec<String> = vec![String::new(); cols.key().count()];
    let mut record = csv::StringRecord::new();
    loop {
        match reader.read_record(&mut record) {
            Ok(true) => {}
            Ok(false) => break,
            Err(e) => {
                let line = e.position().map_or(0, csv::Position::line);
                return Err(csv_error(file, line, "not valid CSV", &e));
            }
        }
        if record.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let row = Row {
            file,
            header,
            record: &record,
            line: record.position().map_or(0, csv::Position::line),
        };
        rows.rows += 1;
        for (k, i) in key.iter_mut().zip(cols.key()) {
            k.clear();
            k.push_str(row.cell(i));
        }
        rows.add(&row, &key, m, cols)?;
    }
    Ok(rows)
}

impl Rows {
    fn leave_out(&mut self, why: String) {
        match self.left_out.iter_mut().find(|(w, _)| *w == why) {
            Some((_, k)) => *k += 1,
            None => self.left_out.push((why, 1)),
        }
    }

    /// One row of the contest `key`.
    fn add(
        &mut self,
        row: &Row,
        key: &[String],
        m: &Mapping,
        cols: &Columns,
    ) -> Result<(), ImportError> {
        // A count for the whole ballot in the office column (`Registered Voters`) is no contest.
        if let Some(office) = cols
            .contest
            .iter()
            .map(|&i| row.cell(i))
            .find(|v| pseudo_row(v).is_some())
        {
            self.leave_out(format!(
                "whose {} is \"{office}\" (a count for the whole ballot, not a contest)",
                row.header[cols.contest[0]]
            ));
            return Ok(());
        }
        let name = row.candidate(cols);
        let name = name.as_ref();
        // Once per row: what the row is by its name (or its party's), unless a flag names it.
        let pseudo = if m.rejected_rows.iter().any(|r| r.trim() == name) {
            Some(Pseudo::Rejected)
        } else if m.not_candidates.iter().any(|n| n.trim() == name) {
            self.leave_out(format!("whose candidate is \"{name}\" (--not-candidate)"));
            return Ok(());
        } else {
            let by_name = pseudo_row(name).or_else(|| {
                cols.party
                    .and_then(|p| pseudo_row(row.cell(p)))
                    .filter(|&k| k == Pseudo::Rejected)
            });
            if let Some(kind) = by_name
                && !self.by_name.iter().any(|(n, _)| n == name)
                && kind != Pseudo::NotCandidate
            {
                self.by_name.push((name.to_string(), kind));
            }
            by_name
        };
        match pseudo {
            None if name.is_empty() => {
                self.no_candidate.0 += 1;
                if self.no_candidate.1.len() < 3 {
                    self.no_candidate.1.push(row.line);
                }
                Ok(())
            }
            Some(Pseudo::NotCandidate) => {
                self.leave_out(format!(
                    "whose candidate is \"{name}\" (a total, not a candidate; --not-candidate or --rejected-row decide otherwise)"
                ));
                Ok(())
            }
            Some(kind) => {
                let (c, votes, level) = self.counted_row(row, cols, key, m)?;
                let k = BALLOT_KINDS.iter().position(|&b| b == kind).unwrap_or(0);
                c.ballot_rows[k][level]
                    .add(votes)
                    .map_err(|PastLimit| past_limit(row, cols, &format!("the \"{name}\" rows")))
            }
            None => {
                let (c, votes, level) = self.counted_row(row, cols, key, m)?;
                let party = cols.party.map(|i| row.cell(i)).filter(|p| !p.is_empty());
                let added = c.add_votes(name, party, level, votes).map_err(|PastLimit| {
                    past_limit(row, cols, &format!("the votes of \"{name}\""))
                });
                if votes.is_none() {
                    self.empty_votes += 1;
                }
                added
            }
        }
    }

    /// A row that counts toward contest `key` (a candidate's or a ballot total's): its votes
    /// and level read, the contest found (or added), its row counted and its contest-wide
    /// cells taken.
    fn counted_row(
        &mut self,
        row: &Row,
        cols: &Columns,
        key: &[String],
        m: &Mapping,
    ) -> Result<(&mut Building, Option<u64>, usize), ImportError> {
        let votes = row.number(cols.votes)?;
        let level = row.level(cols);
        let at = self.contest_for(key, m);
        let c = &mut self.contests[at];
        c.rows += 1;
        self.disagreements += c.take_contest_cells(row, cols)?;
        Ok((c, votes, level))
    }

    /// The index of the contest `key`, added (empty) when new.
    fn contest_for(&mut self, key: &[String], m: &Mapping) -> usize {
        if let Some(&at) = self.by_key.get(key) {
            return at;
        }
        self.by_key.insert(key.to_vec(), self.contests.len());
        self.contests
            .push(Building::new(key.to_vec(), m.date, self.levels));
        self.contests.len() - 1
    }
}

/// A sum of rows past the loader's limit for a count.
#[derive(Debug)]
pub(super) struct PastLimit;

/// Rows summed must stay within the limit the loader holds every count to.
fn past_limit(row: &Row, cols: &Columns, what: &str) -> ImportError {
    row.error(format!(
        "column {}: {what} add up to more than {MAX_COUNT}, the limit for a count",
        row.header[cols.votes]
    ))
}

impl Building {
    fn new(key: Vec<String>, date: Option<PartialDate>, levels: usize) -> Building {
        Building {
            key,
            candidates: Vec::new(),
            index: FastMap::default(),
            ballot_rows: std::array::from_fn(|_| vec![Sum::default(); levels]),
            region: None,
            constituency: None,
            date,
            eligible: None,
            valid: None,
            rejected: None,
            rows: 0,
        }
    }

    /// The per-contest columns, which repeat on each row: the first value stands; returns how
    /// many of this row's cells disagree with it.
    fn take_contest_cells(&mut self, row: &Row, cols: &Columns) -> Result<usize, ImportError> {
        let mut disagreements = 0;
        for (slot, i) in [
            (&mut self.region, cols.region),
            (&mut self.constituency, cols.constituency),
        ] {
            if let Some(i) = i {
                let v = row.cell(i);
                match slot {
                    _ if v.is_empty() => {}
                    None => *slot = Some(v.to_string()),
                    Some(s) if s != v => disagreements += 1,
                    Some(_) => {}
                }
            }
        }
        for (slot, i) in [
            (&mut self.eligible, cols.eligible),
            (&mut self.valid, cols.valid),
            (&mut self.rejected, cols.rejected),
        ] {
            if let Some(i) = i
                && let Some(v) = row.number(i)?
            {
                match slot {
                    None => *slot = Some(v),
                    Some(s) if *s != v => disagreements += 1,
                    Some(_) => {}
                }
            }
        }
        if let Some(i) = cols.date
            && self.date.is_none()
            && !row.cell(i).is_empty()
        {
            let text = row.cell(i);
            let iso = common::us_date(text).unwrap_or_else(|| text.to_string());
            self.date = Some(
                PartialDate::parse(&iso)
                    .map_err(|e| row.error(format!("column {}: {e}", row.header[i])))?,
            );
        }
        Ok(disagreements)
    }

    /// A candidate row's votes, added to that candidate's (one per name and party). Unknown
    /// A candidate row's votes, added to that candidate's (one per name and party) at the
    /// row's level. Unknown votes make the candidate's total at that level unknown.
    fn add_votes(
        &mut self,
        name: &str,
        party: Option<&str>,
        level: usize,
        votes: Option<u64>,
    ) -> Result<(), PastLimit> {
        let known = self.index.get(name).and_then(|parties| {
            parties
                .iter()
                .find(|(p, _)| p.as_deref() == party)
                .map(|&(_, j)| j)
        });
        let j = if let Some(j) = known {
            j
        } else {
            let (name, party) = (name.to_string(), party.map(str::to_string));
            let j = self.candidates.len();
            self.index
                .entry(name.clone())
                .or_default()
                .push((party.clone(), j));
            let levels = self.ballot_rows[0].len();
            self.candidates.push(Tally {
                name,
                party,
                levels: vec![Sum::default(); levels],
            });
            j
        };
        self.candidates[j].levels[level].add(votes)
    }
}
