//! Rows → dataset: one contest per seat (grouped and joined on the ONS id), the catalogues of
//! the regions and parties met, and the report of everything that disagreed.

use std::cmp::Reverse;
use std::collections::{HashMap, HashSet};

use chrono::{Days, NaiveDateTime};

use super::layouts::{CandidateRow, Layout, PARTY_COLUMNS, SeatRow};
use super::parties::{self, OTHER, PARTIES};
use super::problem::Problem;
use super::regions::{Regions, slug};
use super::{Cleaned, Imported, Join, Options, Report};
use crate::model::date::PartialDate;
use crate::model::{
    Ballots, Candidate, Contest, ContestKind, Dataset, SCHEMA_VERSION, Source, Status,
};

/// How far the file's share (a fraction) may sit from votes ÷ total: the files round to 6 places.
const SHARE_TOLERANCE: f64 = 0.000_05;

/// The attribution the Open Parliament Licence asks for.
const LICENCE: &str =
    "Contains Parliamentary information licensed under the Open Parliament Licence v3.0.";

/// Everything read from the files.
pub struct Input<'a> {
    pub options: &'a Options,
    /// The candidate file as named on the command line, and its bare file name for the sources.
    pub file: String,
    pub source_name: String,
    pub layout: &'static Layout,
    pub rows: Vec<CandidateRow>,
    pub cleaned: Vec<Cleaned>,
    pub seats: Option<SeatInput>,
}

/// The constituency file, read.
pub struct SeatInput {
    pub file: String,
    pub source_name: String,
    pub rows: Vec<SeatRow>,
    pub cleaned: Vec<Cleaned>,
}

/// Builds the dataset and the report.
pub fn assemble(input: Input) -> Imported {
    let date = input.options.date.unwrap_or_else(|| {
        PartialDate::parse(input.layout.election_date).expect("layout dates are valid")
    });
    let mut problems = Vec::new();
    let mut regions = Regions::default();
    let candidate_source = Source {
        outlet: "House of Commons Library".into(),
        title: Some(input.source_name.clone().into()),
        date: None,
        url: None,
        note: Some(format!("Results by candidate (CSV). {LICENCE}").into()),
    };
    let seat_source = input.seats.as_ref().map(|s| Source {
        outlet: "House of Commons Library".into(),
        title: Some(s.source_name.clone().into()),
        date: None,
        url: None,
        note: Some(
            format!("Results by constituency (CSV): ballot totals, majority, result. {LICENCE}")
                .into(),
        ),
    });

    let seat_index = index_seats(input.seats.as_ref(), &mut problems);
    let rows_read = input.rows.len();
    let rows_with_share = input.rows.iter().filter(|r| r.share.is_some()).count();
    let groups = group_by_seat(input.rows);
    let mut declared_elsewhere = Vec::new();
    let mut contests = Vec::with_capacity(groups.len());
    for group in &groups {
        let seat = seat_index.get(&key(&group[0].ons_id)).copied();
        let mut contest = seat_contest(group, date, &input.file, &mut regions, &mut problems);
        contest.sources.push(candidate_source.clone());
        if let (Some(seats), Some(source)) = (&input.seats, &seat_source) {
            match seat {
                Some(seat) => {
                    contest.sources.push(source.clone());
                    join_seat(
                        &mut contest,
                        seat,
                        date,
                        &mut problems,
                        &mut declared_elsewhere,
                    );
                }
                None => problems.push(Problem::NoSeatRow {
                    contest: contest.id.to_string(),
                    file: seats.file.clone(),
                }),
            }
        }
        contests.push(contest);
    }
    let mut join = None;
    if let Some(seats) = &input.seats {
        let in_candidates: HashSet<String> = groups.iter().map(|g| key(&g[0].ons_id)).collect();
        for row in &seats.rows {
            if !in_candidates.contains(&key(&row.ons_id)) {
                problems.push(Problem::NoCandidates {
                    file: seats.file.clone(),
                    line: row.line,
                    ons_id: row.ons_id.clone(),
                    constituency: row.constituency.clone(),
                });
            }
        }
        join = Some(Join {
            file: seats.file.clone(),
            rows: seats.rows.len(),
            matched: groups
                .iter()
                .filter(|g| seat_index.contains_key(&key(&g[0].ons_id)))
                .count(),
        });
    }
    if let Some((example, declared)) = declared_elsewhere.first() {
        problems.push(Problem::DeclarationDay {
            seats: declared_elsewhere.len(),
            example: example.clone(),
            declared: declared.clone(),
            date: date.to_string(),
        });
    }
    add_notes(&mut contests, &problems);

    let used: HashSet<&str> = contests
        .iter()
        .flat_map(|c| &c.candidates)
        .filter_map(|c| c.faction.as_deref())
        .collect();
    let co_op = contests
        .iter()
        .flat_map(|c| &c.candidates)
        .any(|c| c.party.as_deref().is_some_and(parties::is_labour_co_op));
    let factions = PARTIES
        .iter()
        .chain([&OTHER])
        .filter(|p| used.contains(p.id))
        .chain(co_op.then_some(&parties::LABOUR_CO_OP))
        .map(super::parties::PartyFaction::faction)
        .collect();
    let title = input.options.title.clone().unwrap_or_else(|| {
        format!(
            "UK general election, {} (House of Commons Library)",
            date.human()
        )
    });
    let mut cleaned = input.cleaned;
    if let Some(seats) = input.seats {
        cleaned.extend(seats.cleaned);
    }
    Imported {
        dataset: Dataset {
            schema_version: SCHEMA_VERSION,
            title: Some(title.into()),
            regions: regions.catalogue(),
            factions,
            contests,
        },
        report: Report {
            candidates_file: input.file,
            layout: input.layout.name,
            rows: rows_read,
            date,
            date_from_layout: input.options.date.is_none(),
            join,
            unified: regions.unified,
            shares_checked: rows_with_share,
            cleaned,
            problems,
        },
    }
}

/// ONS ids compared ignoring case and surrounding space.
fn key(ons_id: &str) -> String {
    ons_id.trim().to_ascii_uppercase()
}

/// Rows grouped by seat, seats in order of first appearance, rows in file order.
fn group_by_seat(rows: Vec<CandidateRow>) -> Vec<Vec<CandidateRow>> {
    let mut groups: Vec<Vec<CandidateRow>> = Vec::new();
    let mut at: HashMap<String, usize> = HashMap::new();
    for row in rows {
        if let Some(&i) = at.get(&key(&row.ons_id)) {
            groups[i].push(row);
        } else {
            at.insert(key(&row.ons_id), groups.len());
            groups.push(vec![row]);
        }
    }
    groups
}

/// The constituency rows by ONS id; a repeated id keeps its first row and is reported.
fn index_seats<'a>(
    seats: Option<&'a SeatInput>,
    problems: &mut Vec<Problem>,
) -> HashMap<String, &'a SeatRow> {
    let mut index: HashMap<String, &SeatRow> = HashMap::new();
    if let Some(seats) = seats {
        for row in &seats.rows {
            if let Some(first) = index.get(&key(&row.ons_id)) {
                problems.push(Problem::DuplicateSeatRow {
                    file: seats.file.clone(),
                    line: row.line,
                    first_line: first.line,
                    ons_id: row.ons_id.clone(),
                });
            } else {
                index.insert(key(&row.ons_id), row);
            }
        }
    }
    index
}

/// The contest of one seat from its candidate rows alone.
fn seat_contest(
    group: &[CandidateRow],
    date: PartialDate,
    file: &str,
    regions: &mut Regions,
    problems: &mut Vec<Problem>,
) -> Contest {
    let first = &group[0];
    let id = format!("ge{}-{}", date.year(), slug(&first.ons_id));
    for row in &group[1..] {
        for (what, a, b) in [
            ("constituency name", &first.constituency, &row.constituency),
            ("region", &first.region, &row.region),
        ] {
            if a != b {
                problems.push(Problem::SeatDisagrees {
                    contest: id.clone(),
                    line: row.line,
                    what,
                    first: a.clone(),
                    other: b.clone(),
                });
            }
        }
    }
    let region = regions.resolve(&first.region_id, &first.region, file);
    let total: u64 = group.iter().map(|r| r.votes).sum();
    let mut names = HashSet::new();
    let mut candidates: Vec<Candidate> = Vec::with_capacity(group.len());
    for row in group {
        let mut name = row.name.clone();
        if !names.insert(name.clone()) {
            name = format!("{} ({})", row.name, row.party);
            let mut n = 2;
            while !names.insert(name.clone()) {
                name = format!("{} ({}, {n})", row.name, row.party);
                n += 1;
            }
            problems.push(Problem::DuplicateName {
                contest: id.clone(),
                line: row.line,
                renamed: name.clone(),
            });
        }
        if let Some(stated) = row.share
            && total > 0
        {
            let computed = row.votes as f64 / total as f64;
            if (stated - computed).abs() > SHARE_TOLERANCE {
                problems.push(Problem::Share {
                    contest: id.clone(),
                    candidate: name.clone(),
                    stated,
                    computed,
                });
            }
        }
        candidates.push(Candidate {
            party: Some(row.party.clone().into()),
            faction: Some(
                parties::faction_of(&row.party, &row.party_abbr)
                    .id
                    .to_string()
                    .into(),
            ),
            votes: Some(row.votes),
            incumbent: row.sitting_mp,
            ..Candidate::new(name)
        });
    }
    // Most votes first (stable, so equal counts keep the file's order); the files disagree
    // on row order, so the winner is found by votes, never by position.
    candidates.sort_by_key(|c| Reverse(c.votes));
    let top = candidates[0].votes;
    let tied: Vec<String> = candidates
        .iter()
        .filter(|c| c.votes == top)
        .map(|c| c.name.to_string())
        .collect();
    if tied.len() == 1 {
        candidates[0].elected = true;
    } else {
        problems.push(Problem::Tie {
            contest: id.clone(),
            names: tied,
            votes: top.unwrap_or(0),
        });
    }
    Contest {
        constituency: Some(first.constituency.clone().into()),
        constituency_id: Some(first.ons_id.clone().into()),
        region: Some(region.into()),
        date: Some(date),
        method: Some("first past the post".into()),
        candidates,
        ..Contest::new(
            id,
            ContestKind::GeneralElection,
            format!("{}, {} general election", first.constituency, date.year()),
            Status::Decided,
        )
    }
}

/// Adds the constituency file's figures to a seat's contest and checks them against its candidates.
fn join_seat(
    contest: &mut Contest,
    seat: &SeatRow,
    date: PartialDate,
    problems: &mut Vec<Problem>,
    declared_elsewhere: &mut Vec<(String, String)>,
) {
    contest.ballots = Some(Ballots {
        valid: seat.valid,
        rejected: seat.invalid,
        eligible: seat.electorate,
        cast: None,
    });
    contest.majority = seat.majority;
    contest.result = Some(seat.result.clone())
        .filter(|r| !r.is_empty())
        .map(Into::into);
    let name = contest.constituency.clone().unwrap_or_default();
    if !seat.constituency.is_empty() && seat.constituency != name {
        problems.push(Problem::NameSpelling {
            contest: contest.id.to_string(),
            candidates: name.to_string(),
            constituencies: seat.constituency.clone(),
        });
    }
    if let Some(winner) = contest.candidates.iter().find(|c| c.elected)
        && !seat.member.is_empty()
        && !seat.member.to_lowercase().eq(&winner.name.to_lowercase())
    {
        problems.push(Problem::MemberNotWinner {
            contest: contest.id.to_string(),
            member: seat.member.clone(),
            winner: winner.name.to_string(),
        });
    }
    if let Some(stated) = &seat.party_votes {
        let mut from_candidates = vec![0u64; PARTY_COLUMNS.len() + 1];
        for c in &contest.candidates {
            let faction = c.faction.as_deref().unwrap_or_default();
            let column = PARTY_COLUMNS
                .iter()
                .position(|(_, f)| *f == faction)
                .unwrap_or(PARTY_COLUMNS.len());
            from_candidates[column] += c.votes.unwrap_or(0);
        }
        for (i, (&s, &c)) in stated.iter().zip(&from_candidates).enumerate() {
            if s != c {
                problems.push(Problem::PartyVotes {
                    contest: contest.id.to_string(),
                    column: PARTY_COLUMNS
                        .get(i)
                        .map_or(super::layouts::OTHERS_COLUMN, |(h, _)| h),
                    stated: s,
                    candidates: c,
                });
            }
        }
    }
    if !seat.declared.is_empty() {
        let note = match NaiveDateTime::parse_from_str(&seat.declared, "%d/%m/%Y %H:%M") {
            Ok(at) => {
                let day = at.date();
                let last = date.end().checked_add_days(Days::new(1)).unwrap_or(day);
                if day < date.start() || day > last {
                    declared_elsewhere.push((contest.id.to_string(), seat.declared.clone()));
                }
                format!(
                    "Declared at {} on {}.",
                    at.format("%H:%M"),
                    at.format("%-d %b %Y")
                )
            }
            Err(_) => format!("Declaration time as given: {}.", seat.declared),
        };
        contest.notes = Some(note.into());
    }
}

/// Appends each seat's problems to its contest's notes, so they are seen in the explorer too.
fn add_notes(contests: &mut [Contest], problems: &[Problem]) {
    let at: HashMap<&str, usize> = contests
        .iter()
        .enumerate()
        .map(|(i, c)| (c.id.as_str(), i))
        .collect();
    let mut extra: Vec<Vec<String>> = vec![Vec::new(); contests.len()];
    for problem in problems {
        if let Some(&i) = problem.contest().and_then(|id| at.get(id)) {
            extra[i].push(problem.detail());
        }
    }
    for (contest, lines) in contests.iter_mut().zip(extra) {
        if lines.is_empty() {
            continue;
        }
        let mut notes: Vec<String> = contest.notes.take().into_iter().map(String::from).collect();
        notes.extend(lines);
        contest.notes = Some(notes.join(" ").into());
    }
}
