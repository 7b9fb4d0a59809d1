//! Which column is what: from the flags, or recognised from the header.

use crate::import::ImportError;
use crate::import::common;
use crate::model::text::one_line;

use super::Mapping;

const CONTEST: &[&str] = &["office", "contest", "race", "contest_name", "contest name"];
pub(super) const DISTRICT: &[&str] = &["district", "division"];
const CANDIDATE: &[&str] = &[
    "candidate",
    "candidate_name",
    "candidate name",
    "name",
    "choice",
];
/// A candidate's name in parts, joined in this order when the file has no candidate column.
const NAME_PARTS: &[&[&str]] = &[
    &["first", "first_name", "first name", "firstname"],
    &["middle", "middle_name", "middle name"],
    &["last", "last_name", "last name", "lastname", "surname"],
    &["suffix", "name_suffix"],
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
/// Columns naming where a row's votes were counted, coarsest first: a row whose cell is empty
/// or `Total` where others name a place is an aggregate of those.
const PLACES: &[&str] = &[
    "county",
    "parish",
    "jurisdiction",
    "municipality",
    "city",
    "town",
    "township",
    "community",
    "ward",
    "precinct",
    "reporting_unit",
];

/// Whether a header line looks like the OpenElections layout (office, candidate and votes
/// columns by those names; first and last name columns for a candidate column; or no office
/// column, the file being one contest), for opening such a file with no flags.
pub fn recognise(bytes: &[u8]) -> bool {
    common::header_names(bytes, None).is_some_and(|names| {
        let has = |k: &str| names.iter().any(|n| n == k);
        let name_parts = has("first") && has("last");
        has("votes") && (has("candidate") || (has("office") && name_parts))
    })
}

/// Column indices, once mapped.
pub(super) struct Columns {
    pub contest: Vec<usize>,
    /// The party is part of a contest (primaries): its column ends the contest's key.
    pub party_in_key: bool,
    /// The candidate's column, or the columns of its name's parts, joined by spaces.
    pub candidate: Vec<usize>,
    pub party: Option<usize>,
    pub votes: usize,
    /// Where a row was counted, coarsest first (county, precinct): not otherwise mapped.
    pub places: Vec<usize>,
    pub region: Option<usize>,
    pub constituency: Option<usize>,
    pub date: Option<usize>,
    pub eligible: Option<usize>,
    pub valid: Option<usize>,
    pub rejected: Option<usize>,
}

impl Columns {
    /// The contest's key columns: its own, and the party's in primaries.
    pub fn key(&self) -> impl Iterator<Item = usize> + '_ {
        self.contest
            .iter()
            .copied()
            .chain(self.party.filter(|_| self.party_in_key))
    }
}

/// Whether the file's name says it holds primaries or caucuses (`…__primary__…`).
fn named_primary(file: &str) -> bool {
    common::base_name(file)
        .to_ascii_lowercase()
        .split(|c: char| !c.is_ascii_alphanumeric())
        .any(|w| matches!(w, "primary" | "primaries" | "caucus" | "caucuses"))
}

/// The mapping recognised from the header when no flag maps the essentials, with a note
/// naming what was taken; the name's parts when there is no candidate column.
fn recognised(
    header: &[String],
    m: &mut Mapping,
    name_parts: &mut Vec<String>,
    notes: &mut Vec<String>,
) {
    let find = |names: &[&str]| {
        header
            .iter()
            .find(|h| names.iter().any(|n| h.eq_ignore_ascii_case(n)))
            .cloned()
    };
    m.contest = [find(CONTEST), find(DISTRICT)]
        .into_iter()
        .flatten()
        .collect();
    m.candidate = find(CANDIDATE);
    if m.candidate.is_none() && !m.contest.is_empty() {
        let parts: Vec<String> = NAME_PARTS.iter().filter_map(|p| find(p)).collect();
        if parts.len() >= 2 {
            *name_parts = parts;
        }
    }
    m.party = find(PARTY);
    m.votes = find(VOTES);
    if m.date.is_none() && m.date_column.is_none() {
        m.date_column = find(DATE);
    }
    if (m.candidate.is_none() && name_parts.is_empty()) || m.votes.is_none() {
        return;
    }
    if m.contest.is_empty() && find(CONTEST).is_none() {
        notes.push("no contest column: the file is one contest, named from the file's name".into());
    }
    let mut used = m.contest.clone();
    used.extend(m.candidate.clone());
    used.extend(name_parts.iter().cloned());
    used.extend(m.party.clone());
    used.extend(m.votes.clone());
    used.extend(m.date_column.clone());
    let candidate = m.candidate.as_ref().map_or_else(
        || {
            name_parts
                .iter()
                .map(|p| format!("`{p}`"))
                .collect::<Vec<_>>()
                .join(" + ")
        },
        |c| format!("`{c}`"),
    );
    notes.push(format!(
        "columns recognised from the header: contest {}, candidate {candidate}, votes `{}`{}",
        if m.contest.is_empty() {
            "(none)".to_string()
        } else {
            m.contest
                .iter()
                .map(|c| format!("`{c}`"))
                .collect::<Vec<_>>()
                .join(" + ")
        },
        m.votes.as_deref().unwrap_or(""),
        m.party
            .as_ref()
            .map_or(String::new(), |p| format!(", party `{p}`"))
    ));
    let unused: Vec<&str> = header
        .iter()
        .filter(|h| !h.is_empty() && !used.contains(h))
        .filter(|h| !PLACES.iter().any(|p| h.eq_ignore_ascii_case(p)))
        .map(String::as_str)
        .collect();
    if !unused.is_empty() {
        notes.push(format!("columns not read: {}", unused.join(", ")));
    }
}

/// The flags' columns, or the header recognised when no flag maps the essentials.
pub(super) fn map_columns(
    file: &str,
    header: &[String],
    given: &Mapping,
    delimiter: u8,
    notes: &mut Vec<String>,
) -> Result<(Mapping, Columns), ImportError> {
    let mut m = given.clone();
    let mut name_parts = Vec::new();
    let auto = m.is_empty();
    if auto {
        recognised(header, &mut m, &mut name_parts, notes);
    }
    let found = || {
        header
            .iter()
            .map(|h| format!("\"{h}\""))
            .collect::<Vec<_>>()
            .join(", ")
    };
    // With no flags, a file with candidates and votes and no contest column is one contest.
    let one_contest = auto && m.contest.is_empty();
    let no_candidate = m.candidate.is_none() && name_parts.is_empty();
    if (m.contest.is_empty() && !(one_contest && !no_candidate && m.votes.is_some()))
        || no_candidate
        || m.votes.is_none()
    {
        let mut missing = Vec::new();
        if m.contest.is_empty() {
            missing.push("--contest COL");
        }
        if no_candidate {
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
                "cannot tell which columns hold the contest, candidate and votes; map them with `hustings import csv FILE` {}; columns found ({} separated): {}",
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
    let candidate = match &m.candidate {
        Some(c) => vec![index("--candidate", c)?],
        None => name_parts
            .iter()
            .map(|p| index("--candidate", p))
            .collect::<Result<_, _>>()?,
    };
    let mut cols = Columns {
        contest: m
            .contest
            .iter()
            .map(|c| index("--contest", c))
            .collect::<Result<_, _>>()?,
        party_in_key: false,
        candidate,
        party: optional("--party", &m.party)?,
        votes: index("--votes", m.votes.as_deref().unwrap_or(""))?,
        places: Vec::new(),
        region: optional("--region", &m.region)?,
        constituency: optional("--constituency", &m.constituency)?,
        date: optional("--date-column", &m.date_column)?,
        eligible: optional("--eligible", &m.eligible)?,
        valid: optional("--valid", &m.valid)?,
        rejected: optional("--rejected", &m.rejected)?,
    };
    let primary = m.primary.unwrap_or_else(|| named_primary(file));
    if primary && let Some(p) = cols.party {
        cols.party_in_key = true;
        notes.push(format!(
            "primaries: the party (`{}`) is part of each contest",
            header[p]
        ));
    }
    let mut mapped: Vec<usize> = cols.contest.clone();
    mapped.extend(&cols.candidate);
    mapped.push(cols.votes);
    mapped.extend(
        [cols.party, cols.region, cols.constituency, cols.date]
            .into_iter()
            .chain([cols.eligible, cols.valid, cols.rejected])
            .flatten(),
    );
    cols.places = PLACES
        .iter()
        .filter_map(|p| header.iter().position(|h| h.eq_ignore_ascii_case(p)))
        .filter(|i| !mapped.contains(i))
        .collect();
    Ok((m, cols))
}
