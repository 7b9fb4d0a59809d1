//! Any results CSV with one row per candidate per contest (or per candidate per precinct,
//! summed), mapped by column: `hustings import csv FILE --contest COL --candidate COL …`.
//! Without flags the header is recognised where it can be: the OpenElections layout
//! (`county,precinct,office,district,party,candidate,votes`: the contest is office and
//! district, precincts and counties summed) and common synonyms.
//!
//! Read row by row with the `csv` crate; memory grows with contests × candidates, never rows.
//! Numbers may have thousands separators; an empty cell is unknown (a candidate with one
//! unknown cell has unknown votes), never 0. Winners by most votes; a tie is flagged, never
//! broken.

use std::collections::{HashMap, HashSet};
use std::io::{BufRead, BufReader};

use crate::import::common::{self, Tie};
use crate::import::{ImportError, Read};
use crate::model::date::PartialDate;
use crate::model::strict_numbers::MAX_COUNT;
use crate::model::text::one_line;
use crate::model::{
    Ballots, Contest, ContestKind, Dataset, Region, SCHEMA_VERSION, Source, Status,
};

/// How to map the columns; every `String` names a column of the header.
#[derive(Debug, Clone, Default)]
pub struct Mapping {
    /// The contest is the combination of these columns' values.
    pub contest: Vec<String>,
    pub candidate: Option<String>,
    pub party: Option<String>,
    pub votes: Option<String>,
    pub region: Option<String>,
    pub constituency: Option<String>,
    /// One date for every contest.
    pub date: Option<PartialDate>,
    pub date_column: Option<String>,
    pub kind: Option<ContestKind>,
    pub eligible: Option<String>,
    pub valid: Option<String>,
    pub rejected: Option<String>,
    /// Candidate-column values that are the contest's rejected (invalid) ballots.
    pub rejected_rows: Vec<String>,
    /// Candidate-column values to leave out (and name in the notes).
    pub not_candidates: Vec<String>,
    pub delimiter: Option<u8>,
}

impl Mapping {
    fn is_empty(&self) -> bool {
        self.contest.is_empty()
            && self.candidate.is_none()
            && self.votes.is_none()
            && self.party.is_none()
    }
}

const CONTEST: &[&str] = &["office", "contest", "race", "contest_name", "contest name"];
const DISTRICT: &[&str] = &["district", "division"];
const CANDIDATE: &[&str] = &[
    "candidate",
    "candidate_name",
    "candidate name",
    "name",
    "choice",
];
const PARTY: &[&str] = &["party", "party_name", "party name", "affiliation"];
const VOTES: &[&str] = &[
    "votes",
    "vote",
    "total_votes",
    "total votes",
    "votes_total",
    "total",
];
const DATE: &[&str] = &["date", "election_date", "election date"];

/// What a pseudo-candidate row of an OpenElections-style file is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Pseudo {
    /// Over votes: ballots invalid in this contest.
    Rejected,
    /// Totals and counts that are no candidate: registered voters, ballots cast, under votes.
    NotCandidate,
}

/// The rows of OpenElections-style files that are counts, not candidates, recognised by name
/// (any case, spaces or underscores) unless `--rejected-row` or `--not-candidate` names them.
fn pseudo_row(name: &str) -> Option<Pseudo> {
    // The name lowercased, runs of spaces, `_` and `-` as one space, trimmed: built in a small
    // buffer without allocating (this runs on every row), given up past the longest name below.
    let mut buf = [0u8; 20];
    let mut len = 0;
    let mut gap = false;
    for c in name.chars() {
        if c.is_whitespace() || c == '_' || c == '-' {
            gap = len > 0;
            continue;
        }
        if !c.is_ascii() || len + usize::from(gap) >= buf.len() {
            return None;
        }
        if gap {
            buf[len] = b' ';
            len += 1;
            gap = false;
        }
        buf[len] = (c as u8).to_ascii_lowercase();
        len += 1;
    }
    match &buf[..len] {
        b"over votes" | b"overvotes" | b"over vote" | b"overvote" => Some(Pseudo::Rejected),
        b"under votes"
        | b"undervotes"
        | b"under vote"
        | b"undervote"
        | b"registered voters"
        | b"ballots cast"
        | b"total ballots cast"
        | b"total votes"
        | b"total votes cast"
        | b"times counted"
        | b"times cast" => Some(Pseudo::NotCandidate),
        _ => None,
    }
}

/// Whether a header line looks like the OpenElections layout (office, candidate and votes
/// columns by those names), for opening such a file with no flags.
pub fn recognise(bytes: &[u8]) -> bool {
    common::header_names(bytes, None).is_some_and(|names| {
        ["office", "candidate", "votes"]
            .iter()
            .all(|k| names.iter().any(|n| n == k))
    })
}

/// Maps keyed by the file's text, hashed with foldhash: a million-row file looks a contest and a
/// candidate up on every row.
type FastMap<K, V> = HashMap<K, V, foldhash::fast::RandomState>;

/// One contest as its rows come.
struct Building {
    key: Vec<String>,
    candidates: Vec<(String, Option<String>, Option<u64>, usize)>,
    /// A candidate's name → its (party, index in `candidates`) pairs: usually one, more where
    /// one name stands for several parties. Keyed by name alone so that a row's `&str` finds
    /// it without building an owned key.
    index: FastMap<String, Vec<(Option<String>, usize)>>,
    rejected_rows: Option<u64>,
    region: Option<String>,
    constituency: Option<String>,
    date: Option<PartialDate>,
    eligible: Option<u64>,
    valid: Option<u64>,
    rejected: Option<u64>,
    rows: usize,
}

/// Reads a results CSV from `input`, named `file` in errors and sources.
pub fn read(file: &str, input: impl std::io::Read, given: &Mapping) -> Result<Read, ImportError> {
    let Opened {
        mut reader,
        header,
        delimiter,
    } = read_header(file, input, given)?;
    let mut notes = Vec::new();
    let (m, cols) = map_columns(file, &header, given, delimiter, &mut notes)?;
    let rows = read_rows(file, &mut reader, &header, &m, &cols)?;
    if rows.contests.is_empty() {
        return Err(row_error(file, 1, "no result rows after the header".into()));
    }
    note_rows(&rows, &m, &mut notes);
    Ok(assemble(file, &header, &cols, &m, rows.contests, notes))
}

/// An error at line `line` of `file`. Messages quote the file's cells and header names: one
/// line, whatever they hold.
fn row_error(file: &str, line: u64, message: String) -> ImportError {
    ImportError::Row {
        file: file.to_string(),
        line,
        message: one_line(&message),
    }
}

/// A results CSV with its header read.
struct Opened<R> {
    /// Positioned after the header.
    reader: csv::Reader<BufReader<R>>,
    /// The header's names, trimmed.
    header: Vec<String>,
    /// Given, else sniffed from the first line.
    delimiter: u8,
}

/// Reads the header: an empty one is an error.
fn read_header<R: std::io::Read>(
    file: &str,
    input: R,
    given: &Mapping,
) -> Result<Opened<R>, ImportError> {
    let mut input = BufReader::new(input);
    let head = input.fill_buf().map_err(|e| ImportError::File {
        file: file.to_string(),
        message: e.to_string(),
    })?;
    let delimiter = given
        .delimiter
        .unwrap_or_else(|| common::sniff_delimiter(head));
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .from_reader(input);
    let header: Vec<String> = reader
        .headers()
        .map_err(|e| row_error(file, 1, format!("cannot read the header: {e}")))?
        .iter()
        .map(|h| h.trim_start_matches('\u{feff}').trim().to_string())
        .collect();
    if header.iter().all(String::is_empty) {
        return Err(row_error(
            file,
            1,
            "the file is empty (expected a header row)".into(),
        ));
    }
    Ok(Opened {
        reader,
        header,
        delimiter,
    })
}

/// The contests the rows make, and what was counted on the way for the notes.
#[derive(Default)]
struct Rows {
    contests: Vec<Building>,
    by_key: FastMap<Vec<String>, usize>,
    /// Names taken as rejected ballots by their name (`Over Votes`), not by a flag.
    rejected_by_default: Vec<String>,
    /// Rows left out, by candidate name, and how many.
    left_out: Vec<(String, usize)>,
    empty_votes: usize,
    /// Per-contest cells that differ from the contest's first row.
    disagreements: usize,
    rows: usize,
}

/// One record as read, for its cells and for errors naming its line.
struct Row<'r> {
    file: &'r str,
    header: &'r [String],
    record: &'r csv::StringRecord,
    line: u64,
}

impl Row<'_> {
    fn cell(&self, i: usize) -> &str {
        self.record.get(i).map_or("", str::trim)
    }

    fn error(&self, message: String) -> ImportError {
        row_error(self.file, self.line, message)
    }

    fn number(&self, i: usize) -> Result<Option<u64>, ImportError> {
        whole(self.cell(i)).map_err(|msg| self.error(format!("column {}: {msg}", self.header[i])))
    }
}

/// Every row after the header into contests: blank rows skipped, pseudo-candidate rows left
/// out or taken as rejected ballots, a candidate's rows summed.
fn read_rows<R: std::io::Read>(
    file: &str,
    reader: &mut csv::Reader<R>,
    header: &[String],
    m: &Mapping,
    cols: &Columns,
) -> Result<Rows, ImportError> {
    let mut rows = Rows::default();
    // The row's contest key, its strings reused from row to row.
    let mut key: Vec<String> = vec![String::new(); cols.contest.len()];
    let mut record = csv::StringRecord::new();
    loop {
        match reader.read_record(&mut record) {
            Ok(true) => {}
            Ok(false) => break,
            Err(e) => {
                let line = e.position().map_or(0, csv::Position::line);
                return Err(row_error(file, line, format!("not valid CSV: {e}")));
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
        for (k, &i) in key.iter_mut().zip(&cols.contest) {
            k.clear();
            k.push_str(row.cell(i));
        }
        rows.add(&row, &key, m, cols)?;
    }
    Ok(rows)
}

impl Rows {
    /// One row of the contest `key`.
    fn add(
        &mut self,
        row: &Row,
        key: &[String],
        m: &Mapping,
        cols: &Columns,
    ) -> Result<(), ImportError> {
        let name = row.cell(cols.candidate);
        // Once per row: what the row is by its name, unless a flag names it.
        let flagged = m
            .rejected_rows
            .iter()
            .chain(&m.not_candidates)
            .any(|r| r.trim() == name);
        let pseudo = if flagged { None } else { pseudo_row(name) };
        if m.not_candidates.iter().any(|n| n.trim() == name) || pseudo == Some(Pseudo::NotCandidate)
        {
            match self.left_out.iter_mut().find(|(n, _)| *n == name) {
                Some((_, k)) => *k += 1,
                None => self.left_out.push((name.to_string(), 1)),
            }
            return Ok(());
        }
        let votes = row.number(cols.votes)?;
        let at = self.contest_for(key, m);
        let c = &mut self.contests[at];
        c.rows += 1;
        self.disagreements += c.take_contest_cells(row, cols)?;
        if m.rejected_rows.iter().any(|r| r.trim() == name) || pseudo == Some(Pseudo::Rejected) {
            if !m.rejected_rows.iter().any(|r| r.trim() == name)
                && !self.rejected_by_default.iter().any(|r| r == name)
            {
                self.rejected_by_default.push(name.to_string());
            }
            c.rejected_rows = match (c.rejected_rows, votes) {
                (Some(a), Some(b)) => Some(
                    add(a, b)
                        .ok_or_else(|| past_limit(row, cols, &format!("the \"{name}\" rows")))?,
                ),
                (a, b) => a.or(b),
            };
            return Ok(());
        }
        if name.is_empty() {
            return Err(row.error(format!(
                "column {}: no candidate named",
                row.header[cols.candidate]
            )));
        }
        let party = cols.party.map(|i| row.cell(i)).filter(|p| !p.is_empty());
        if votes.is_none() {
            self.empty_votes += 1;
        }
        c.add_votes(name, party, votes)
            .map_err(|PastLimit| past_limit(row, cols, &format!("the votes of \"{name}\"")))
    }

    /// The index of the contest `key`, added (empty) when new.
    fn contest_for(&mut self, key: &[String], m: &Mapping) -> usize {
        if let Some(&at) = self.by_key.get(key) {
            return at;
        }
        self.by_key.insert(key.to_vec(), self.contests.len());
        self.contests.push(Building {
            key: key.to_vec(),
            candidates: Vec::new(),
            index: FastMap::default(),
            rejected_rows: None,
            region: None,
            constituency: None,
            date: m.date,
            eligible: None,
            valid: None,
            rejected: None,
            rows: 0,
        });
        self.contests.len() - 1
    }
}

/// A sum of rows past the loader's limit for a count.
#[derive(Debug)]
struct PastLimit;

/// Rows summed must stay within the limit the loader holds every count to.
fn past_limit(row: &Row, cols: &Columns, what: &str) -> ImportError {
    row.error(format!(
        "column {}: {what} add up to more than {MAX_COUNT}, the limit for a count",
        row.header[cols.votes]
    ))
}

impl Building {
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
    /// votes make the candidate's total unknown.
    fn add_votes(
        &mut self,
        name: &str,
        party: Option<&str>,
        votes: Option<u64>,
    ) -> Result<(), PastLimit> {
        let known = self.index.get(name).and_then(|parties| {
            parties
                .iter()
                .find(|(p, _)| p.as_deref() == party)
                .map(|&(_, j)| j)
        });
        if let Some(j) = known {
            let entry = &mut self.candidates[j];
            entry.2 = match entry.2.zip(votes) {
                Some((a, b)) => Some(add(a, b).ok_or(PastLimit)?),
                None => None,
            };
            entry.3 += 1;
        } else {
            let (name, party) = (name.to_string(), party.map(str::to_string));
            let j = self.candidates.len();
            self.index
                .entry(name.clone())
                .or_default()
                .push((party.clone(), j));
            self.candidates.push((name, party, votes, 1));
        }
        Ok(())
    }
}

/// What the rows came to, one sentence each: summed or not, rows left out, rejected-ballot
/// rows, empty vote cells, disagreeing per-contest cells.
fn note_rows(rows: &Rows, m: &Mapping, notes: &mut Vec<String>) {
    let contests = &rows.contests;
    let n = rows.rows;
    let summed = contests
        .iter()
        .any(|c| c.candidates.iter().any(|k| k.3 > 1));
    if summed {
        notes.push(format!(
            "{n} rows summed per contest and candidate (precincts or other sub-units)"
        ));
    } else {
        notes.push(format!("{n} rows, one per candidate per contest"));
    }
    for (name, n) in &rows.left_out {
        let why = if m.not_candidates.iter().any(|x| x.trim() == name) {
            "(--not-candidate)"
        } else {
            "(a total, not a candidate; --not-candidate or --rejected-row decide otherwise)"
        };
        notes.push(format!(
            "left out {n} rows whose candidate is \"{name}\" {why}"
        ));
    }
    if !rows.rejected_by_default.is_empty() {
        notes.push(format!(
            "rows named {} taken as rejected ballots (ballots overvoted in that contest; --rejected-row or --not-candidate decide otherwise)",
            quoted_list(&rows.rejected_by_default)
        ));
    }
    if rows.empty_votes > 0 {
        notes.push(format!(
            "{} empty vote cells: those candidates' votes are unknown",
            rows.empty_votes
        ));
    }
    if rows.disagreements > 0 {
        notes.push(format!(
            "{} per-contest cells differ from the contest's first row; the first row's value was kept",
            rows.disagreements
        ));
    }
    if !m.rejected_rows.is_empty() {
        let found = contests
            .iter()
            .filter(|c| c.rejected_rows.is_some())
            .count();
        notes.push(format!(
            "rows named {} taken as rejected ballots in {found} of {} contests",
            quoted_list(&m.rejected_rows),
            contests.len()
        ));
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

/// Column indices, once mapped.
struct Columns {
    contest: Vec<usize>,
    candidate: usize,
    party: Option<usize>,
    votes: usize,
    region: Option<usize>,
    constituency: Option<usize>,
    date: Option<usize>,
    eligible: Option<usize>,
    valid: Option<usize>,
    rejected: Option<usize>,
}

/// The flags' columns, or the header recognised when no flag maps the essentials.
fn map_columns(
    file: &str,
    header: &[String],
    given: &Mapping,
    delimiter: u8,
    notes: &mut Vec<String>,
) -> Result<(Mapping, Columns), ImportError> {
    let find = |names: &[&str]| {
        header
            .iter()
            .find(|h| names.iter().any(|n| h.eq_ignore_ascii_case(n)))
            .cloned()
    };
    let mut m = given.clone();
    if m.is_empty() {
        m.contest = [find(CONTEST), find(DISTRICT)]
            .into_iter()
            .flatten()
            .collect();
        m.candidate = find(CANDIDATE);
        m.party = find(PARTY);
        m.votes = find(VOTES);
        if m.date.is_none() && m.date_column.is_none() {
            m.date_column = find(DATE);
        }
        if !m.contest.is_empty() && m.candidate.is_some() && m.votes.is_some() {
            let mut used = m.contest.clone();
            used.extend(m.candidate.clone());
            used.extend(m.party.clone());
            used.extend(m.votes.clone());
            used.extend(m.date_column.clone());
            notes.push(format!(
                "columns recognised from the header: contest {}, candidate `{}`, votes `{}`{}",
                m.contest
                    .iter()
                    .map(|c| format!("`{c}`"))
                    .collect::<Vec<_>>()
                    .join(" + "),
                m.candidate.as_deref().unwrap_or(""),
                m.votes.as_deref().unwrap_or(""),
                m.party
                    .as_ref()
                    .map_or(String::new(), |p| format!(", party `{p}`"))
            ));
            let unused: Vec<&str> = header
                .iter()
                .filter(|h| !h.is_empty() && !used.contains(h))
                .map(String::as_str)
                .collect();
            if !unused.is_empty() {
                notes.push(format!("columns not read: {}", unused.join(", ")));
            }
        }
    }
    let found = || {
        header
            .iter()
            .map(|h| format!("\"{h}\""))
            .collect::<Vec<_>>()
            .join(", ")
    };
    if m.contest.is_empty() || m.candidate.is_none() || m.votes.is_none() {
        let mut missing = Vec::new();
        if m.contest.is_empty() {
            missing.push("--contest COL");
        }
        if m.candidate.is_none() {
            missing.push("--candidate COL");
        }
        if m.votes.is_none() {
            missing.push("--votes COL");
        }
        return Err(ImportError::Row {
            file: file.to_string(),
            line: 1,
            // The flags first: a wide header's list is cut at the message's length limit.
            message: one_line(&format!(
                "cannot tell which columns hold the contest, candidate and votes; map them with {}; columns found ({} separated): {}",
                missing.join(" "),
                match delimiter {
                    b'\t' => "tab".to_string(),
                    d => format!("'{}'", d as char),
                },
                found(),
            )),
        });
    }
    let index = |flag: &str, name: &str| -> Result<usize, ImportError> {
        header
            .iter()
            .position(|h| h == name)
            .or_else(|| header.iter().position(|h| h.eq_ignore_ascii_case(name)))
            .ok_or_else(|| ImportError::Row {
                file: file.to_string(),
                line: 1,
                message: one_line(&format!(
                    "{flag} {name}: no such column; columns found: {}",
                    found()
                )),
            })
    };
    let optional = |flag: &str, name: &Option<String>| -> Result<Option<usize>, ImportError> {
        name.as_deref().map(|n| index(flag, n)).transpose()
    };
    let cols = Columns {
        contest: m
            .contest
            .iter()
            .map(|c| index("--contest", c))
            .collect::<Result<_, _>>()?,
        candidate: index("--candidate", m.candidate.as_deref().unwrap_or(""))?,
        party: optional("--party", &m.party)?,
        votes: index("--votes", m.votes.as_deref().unwrap_or(""))?,
        region: optional("--region", &m.region)?,
        constituency: optional("--constituency", &m.constituency)?,
        date: optional("--date-column", &m.date_column)?,
        eligible: optional("--eligible", &m.eligible)?,
        valid: optional("--valid", &m.valid)?,
        rejected: optional("--rejected", &m.rejected)?,
    };
    Ok((m, cols))
}

/// The dataset from the contests built.
fn assemble(
    file: &str,
    header: &[String],
    cols: &Columns,
    m: &Mapping,
    contests: Vec<Building>,
    mut notes: Vec<String>,
) -> Read {
    let base = common::base_name(file);
    let mut taken = HashSet::new();
    let mut regions: Vec<Region> = Vec::new();
    let mut out = Vec::new();
    for c in contests {
        let title = title(&c.key, &cols.contest, header);
        let mut candidates: Vec<_> = c
            .candidates
            .iter()
            .map(|(name, party, votes, _)| common::candidate(name.clone(), party.clone(), *votes))
            .collect();
        let tie: Option<Tie> = common::mark_winners(&mut candidates, 1);
        let mut contest_notes = vec![format!("Imported from the results CSV {base}.")];
        if let Some(t) = &tie {
            let s = t.sentence(1);
            notes.push(format!("{title}: {s}"));
            contest_notes.push(format!("{s}."));
        }
        let elected = candidates.iter().any(|k| k.elected);
        let rejected = match (c.rejected, c.rejected_rows) {
            (Some(r), _) => Some(r),
            (None, r) => r,
        };
        if c.rejected_rows.is_some() {
            contest_notes.push("Rejected ballots from the file's invalid-votes row.".into());
        }
        let ballots = Ballots {
            valid: c.valid,
            rejected,
            eligible: c.eligible,
            cast: None,
        };
        let region = c.region.as_ref().map(|name| {
            let id = common::slug(name, "region");
            if !regions.iter().any(|r| r.id == id) {
                regions.push(Region {
                    id: id.clone(),
                    name: name.clone(),
                });
            }
            id
        });
        let mut id_text = title.clone();
        if let Some(d) = c.date {
            id_text.push_str(&format!(" {}", d.year()));
        }
        out.push(Contest {
            constituency: c.constituency,
            region,
            date: c.date,
            ballots: Some(ballots).filter(|b| *b != Ballots::default()),
            candidates,
            sources: vec![Source {
                outlet: "results CSV".to_string(),
                title: Some(base.clone()),
                date: None,
                url: None,
                note: Some(format!("{} rows", c.rows)),
            }],
            notes: Some(contest_notes.join(" ")),
            ..Contest::new(
                common::unique(common::slug(&id_text, "contest"), &mut taken),
                m.kind.unwrap_or(ContestKind::Other),
                title,
                if elected && tie.is_none() {
                    Status::Decided
                } else {
                    Status::Pending
                },
            )
        });
    }
    Read {
        dataset: Dataset {
            schema_version: SCHEMA_VERSION,
            title: Some(base),
            regions,
            factions: Vec::new(),
            contests: out,
        },
        format: "results CSV",
        notes,
    }
}

/// The contest's title from its key: values joined, a bare district number as `District 5`.
fn title(key: &[String], columns: &[usize], header: &[String]) -> String {
    let parts: Vec<String> = key
        .iter()
        .zip(columns)
        .filter(|(v, _)| !v.is_empty())
        .map(|(v, &i)| {
            let district = DISTRICT.iter().any(|d| header[i].eq_ignore_ascii_case(d));
            if district && v.bytes().all(|b| b.is_ascii_digit()) {
                format!("District {v}")
            } else {
                v.clone()
            }
        })
        .collect();
    if parts.is_empty() {
        "Contest".to_string()
    } else {
        parts.join(", ")
    }
}

/// A whole number with optional thousands separators (`1,234`, `1.234`, `1 234`, `1'234`);
/// empty is unknown.
fn whole(text: &str) -> Result<Option<u64>, String> {
    if text.is_empty() {
        return Ok(None);
    }
    if text.bytes().all(|b| b.is_ascii_digit()) {
        return count(text, text);
    }
    let bad = || format!("expected a whole number, found \"{text}\"");
    let groups: Vec<&str> = text
        .split([',', '.', ' ', '\'', '\u{a0}', '\u{202f}', '_'])
        .collect();
    if !groups
        .iter()
        .all(|g| !g.is_empty() && g.bytes().all(|b| b.is_ascii_digit()))
        || groups[1..].iter().any(|g| g.len() != 3)
        || (groups.len() > 1 && groups[0].len() > 3)
    {
        return Err(bad());
    }
    count(&groups.concat(), text)
}

/// `digits` as a count, at most the loader's limit; `text` is the cell as written.
fn count(digits: &str, text: &str) -> Result<Option<u64>, String> {
    match digits.parse::<u64>() {
        Ok(n) if n <= MAX_COUNT => Ok(Some(n)),
        _ => Err(format!(
            "\"{text}\" is too large for a count (the limit is {MAX_COUNT})"
        )),
    }
}

/// A sum of two counts, or `None` past the limit.
fn add(a: u64, b: u64) -> Option<u64> {
    a.checked_add(b).filter(|&n| n <= MAX_COUNT)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers() {
        assert_eq!(whole("1,234,567"), Ok(Some(1_234_567)));
        assert_eq!(whole("352.546"), Ok(Some(352_546)));
        assert_eq!(whole("12"), Ok(Some(12)));
        assert_eq!(whole("007"), Ok(Some(7)));
        assert!(
            whole("18446744073709551616")
                .unwrap_err()
                .contains("too large")
        );
        assert!(
            whole("18,446,744,073,709,551,616")
                .unwrap_err()
                .contains("too large")
        );
        assert_eq!(whole(""), Ok(None));
        assert!(whole("12.5").is_err());
        assert!(whole("-3").is_err());
        assert!(whole("1234,567").is_err());
        assert_eq!(common::sniff_delimiter(b"a;b;c\n"), b';');
    }

    #[test]
    fn pseudo_rows_by_name_in_any_case_spacing_or_punctuation() {
        assert_eq!(pseudo_row("Over Votes"), Some(Pseudo::Rejected));
        assert_eq!(pseudo_row("  OVER_votes "), Some(Pseudo::Rejected));
        assert_eq!(pseudo_row("over-vote"), Some(Pseudo::Rejected));
        assert_eq!(pseudo_row("Overvotes"), Some(Pseudo::Rejected));
        assert_eq!(
            pseudo_row("Total  Votes\u{a0}Cast"),
            Some(Pseudo::NotCandidate)
        );
        assert_eq!(pseudo_row("Registered Voters"), Some(Pseudo::NotCandidate));
        assert_eq!(pseudo_row("Over Votes Cast"), None);
        assert_eq!(pseudo_row("Over"), None);
        assert_eq!(pseudo_row("Registered"), None);
        assert_eq!(pseudo_row(""), None);
        assert_eq!(pseudo_row("Ann Smith"), None);
        assert_eq!(common::sniff_delimiter(b"a,b\n"), b',');
    }

    #[test]
    fn the_header_is_read_with_its_delimiter_sniffed() {
        let opened = read_header(
            "r.csv",
            &b"\xEF\xBB\xBF Office ;Candidate;Votes\n"[..],
            &Mapping::default(),
        )
        .unwrap();
        assert_eq!(opened.delimiter, b';');
        assert_eq!(opened.header, ["Office", "Candidate", "Votes"]);
        let err = read_header("r.csv", &b" , \n"[..], &Mapping::default())
            .err()
            .unwrap();
        assert_eq!(
            err.to_string(),
            "r.csv:1: the file is empty (expected a header row)"
        );
    }

    fn building() -> Building {
        Building {
            key: Vec::new(),
            candidates: Vec::new(),
            index: FastMap::default(),
            rejected_rows: None,
            region: None,
            constituency: None,
            date: None,
            eligible: None,
            valid: None,
            rejected: None,
            rows: 0,
        }
    }

    #[test]
    fn a_candidate_rows_sum_by_name_and_party() {
        let mut c = building();
        c.add_votes("Ann", Some("Red"), Some(5)).unwrap();
        c.add_votes("Ann", Some("Blue"), Some(2)).unwrap();
        c.add_votes("Ann", Some("Red"), Some(4)).unwrap();
        c.add_votes("Bob", None, Some(1)).unwrap();
        c.add_votes("Bob", None, None).unwrap();
        let totals: Vec<_> = c
            .candidates
            .iter()
            .map(|(n, p, v, rows)| (n.as_str(), p.as_deref(), *v, *rows))
            .collect();
        assert_eq!(
            totals,
            [
                ("Ann", Some("Red"), Some(9), 2),
                ("Ann", Some("Blue"), Some(2), 1),
                ("Bob", None, None, 2)
            ]
        );
        c.add_votes("Cy", None, Some(MAX_COUNT)).unwrap();
        assert!(c.add_votes("Cy", None, Some(1)).is_err());
    }

    #[test]
    fn per_contest_cells_keep_the_first_value_and_count_disagreements() {
        let header: Vec<String> = ["office", "region", "valid"].map(String::from).to_vec();
        let cols = Columns {
            contest: vec![0],
            candidate: 0,
            party: None,
            votes: 0,
            region: Some(1),
            constituency: None,
            date: None,
            eligible: None,
            valid: Some(2),
            rejected: None,
        };
        let mut c = building();
        for (cells, disagreements) in [
            (["Mayor", "North", "100"], 0),
            (["Mayor", "", "100"], 0),
            (["Mayor", "South", "99"], 2),
        ] {
            let record = csv::StringRecord::from(cells.to_vec());
            let row = Row {
                file: "r.csv",
                header: &header,
                record: &record,
                line: 2,
            };
            assert_eq!(c.take_contest_cells(&row, &cols).unwrap(), disagreements);
        }
        assert_eq!((c.region.as_deref(), c.valid), (Some("North"), Some(100)));
    }
}
