//! Clarity / Scytl election-night results (`detail.xml`), as US counties and states publish
//! them: `<ElectionResult>` with the election's name, date, region and turnout, then one
//! `<Contest>` per race with its `<Choice>`s, each broken down by `<VoteType>` and precinct.
//!
//! Read as a stream of XML events (never a tree of the whole file), so a state's file is fine.
//! Mapping (docs/FORMATS.md says the same):
//! - a `Contest` is a contest: `text` its title, `voteFor` its seats, `Region` its
//!   constituency, `ElectionDate` (m/d/yyyy) its date, `Timestamp` its status date;
//! - a `Choice` is a candidate: `text`, `party`, `totalVotes` (else the sum of its
//!   `VoteType` votes); per-precinct counts are not kept (the totals are);
//! - `precinctsReported` of `precinctsParticipating` (or `precinctsReporting`): a contest not
//!   fully reported is pending and nobody is marked elected; otherwise most votes win, a tie
//!   is flagged and never broken;
//! - `VoterTurnout` (`ElectionVoterTurnout`): `totalVoters` is eligible, `ballotsCast` cast —
//!   kept as the contest's ballots cast only where they agree with its votes, undervotes and
//!   overvotes (they count every contest on the ballot), else named in the notes;
//! - undervotes and overvotes (contest `VoteType`s or attributes): rejected ballots in a
//!   vote-for-one contest, notes otherwise.

use std::collections::HashSet;

use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};

use crate::import::common::{self, Tie};
use crate::import::{ImportError, Read};
use crate::model::date::PartialDate;
use crate::model::strict_numbers::MAX_COUNT;
use crate::model::text::one_line;
use crate::model::{Ballots, Contest, ContestKind, Dataset, SCHEMA_VERSION, Source, Status};

/// Whether `bytes` is an XML document whose root element is `ElectionResult`.
pub fn recognise(bytes: &[u8]) -> bool {
    let mut reader = Reader::from_reader(&bytes[..bytes.len().min(1 << 16)]);
    let mut buf = Vec::new();
    loop {
        match reader.read_event_into(&mut buf) {
            Ok(Event::Start(e) | Event::Empty(e)) => {
                return e.local_name().as_ref() == b"ElectionResult";
            }
            Ok(Event::Eof) | Err(_) => return false,
            Ok(_) => {}
        }
        buf.clear();
    }
}

/// One `<Contest>` as read so far.
#[derive(Default)]
struct RawContest {
    key: Option<String>,
    text: Option<String>,
    vote_for: Option<u64>,
    question: bool,
    reported: Option<u64>,
    participating: Option<u64>,
    counties: Option<(u64, u64)>,
    undervotes: Option<u64>,
    overvotes: Option<u64>,
    choices: Vec<RawChoice>,
    ignored_vote_types: Vec<String>,
}

#[derive(Default)]
struct RawChoice {
    text: String,
    party: Option<String>,
    total: Option<u64>,
    by_type: Vec<(String, u64)>,
}

/// The election-wide facts, read before or after the contests.
#[derive(Default)]
struct Election {
    name: Option<String>,
    date: Option<String>,
    region: Option<String>,
    timestamp: Option<String>,
    eligible: Option<u64>,
    cast: Option<u64>,
}

/// Reads a Clarity `detail.xml` (or `summary.xml`-shaped) file.
pub fn read(file: &str, bytes: &[u8]) -> Result<Read, ImportError> {
    let mut reader = Reader::from_reader(bytes);
    reader.config_mut().trim_text(true);
    let mut buf = Vec::new();
    let mut stack: Vec<String> = Vec::new();
    // Sibling counters per depth, for XPath-like positions in errors (`Contest[2]`).
    let mut counts: Vec<Vec<(String, usize)>> = vec![Vec::new()];
    let mut path: Vec<String> = Vec::new();
    let mut election = Election::default();
    let mut contests: Vec<RawContest> = Vec::new();
    let mut text = String::new();
    let mut notes: Vec<String> = Vec::new();
    let mut ignored: Vec<String> = Vec::new();
    let mut precinct_rows = 0usize;
    let mut precincts: HashSet<String> = HashSet::new();
    let at = |offset: u64, path: &[String], attr: Option<&str>, message: String| {
        let (line, column) = common::line_column(bytes, offset as usize);
        let mut p = format!("/{}", path.join("/"));
        if let Some(a) = attr {
            p.push_str(&format!("/@{a}"));
        }
        // The path's names and the message quote the document: one line, whatever it holds.
        ImportError::At {
            file: file.to_string(),
            line,
            column,
            path: one_line(&p),
            message: one_line(&message),
        }
    };
    loop {
        let before = reader.buffer_position();
        let event = match reader.read_event_into(&mut buf) {
            Ok(e) => e,
            Err(e) => {
                let path = path.clone();
                return Err(at(
                    reader.error_position(),
                    &path,
                    None,
                    format!("not well-formed XML: {e}"),
                ));
            }
        };
        // Where this event starts: after any whitespace the reader trimmed.
        let start = before as usize
            + bytes[before as usize..]
                .iter()
                .take_while(|b| b.is_ascii_whitespace())
                .count();
        let start = start as u64;
        let (element, empty) =
            match event {
                Event::Start(e) => (e, false),
                Event::Empty(e) => (e, true),
                Event::Text(t) => {
                    let s = t
                        .xml10_content()
                        .map_err(|e| at(start, &path, None, format!("not UTF-8 text: {e}")))?;
                    text.push_str(&s);
                    buf.clear();
                    continue;
                }
                Event::CData(t) => {
                    text.push_str(&String::from_utf8_lossy(&t));
                    buf.clear();
                    continue;
                }
                Event::GeneralRef(r) => {
                    let name = String::from_utf8_lossy(&r).into_owned();
                    text.push_str(&common::xml_entity(&name).ok_or_else(|| {
                        at(start, &path, None, format!("unknown entity &{name};"))
                    })?);
                    buf.clear();
                    continue;
                }
                Event::End(_) => {
                    let name = stack.pop().unwrap_or_default();
                    let value = std::mem::take(&mut text).trim().to_string();
                    if stack.len() == 1 && !value.is_empty() {
                        match name.as_str() {
                            "ElectionName" => election.name = Some(value),
                            "ElectionDate" => election.date = Some(value),
                            "Region" => election.region = Some(value),
                            "Timestamp" => election.timestamp = Some(value),
                            _ => {}
                        }
                    }
                    path.pop();
                    counts.pop();
                    buf.clear();
                    continue;
                }
                Event::Eof => break,
                _ => {
                    buf.clear();
                    continue;
                }
            };
        let name = String::from_utf8_lossy(element.local_name().as_ref()).into_owned();
        let index = {
            let siblings = counts.last_mut().expect("a level per open element");
            match siblings.iter_mut().find(|(n, _)| *n == name) {
                Some((_, k)) => {
                    *k += 1;
                    *k
                }
                None => {
                    siblings.push((name.clone(), 1));
                    1
                }
            }
        };
        path.push(format!("{name}[{index}]"));
        text.clear();
        let attr = |key: &str| attribute(&element, key);
        let number = |key: &str| -> Result<Option<u64>, ImportError> {
            match attr(key) {
                Ok(Some(v)) => whole(&v)
                    .map(Some)
                    .map_err(|m| at(start, &path, Some(key), m)),
                Ok(None) => Ok(None),
                Err(m) => Err(at(start, &path, Some(key), m)),
            }
        };
        let string = |key: &str| -> Result<Option<String>, ImportError> {
            attr(key)
                .map(|v| v.map(|s| s.trim().to_string()).filter(|s| !s.is_empty()))
                .map_err(|m| at(start, &path, Some(key), m))
        };
        let depth = stack.len();
        let parent = stack.last().map(String::as_str);
        match (depth, parent, name.as_str()) {
            (0, _, "ElectionResult") => {}
            (0, _, other) => {
                return Err(at(
                    start,
                    &path,
                    None,
                    format!("expected a Clarity <ElectionResult>, found <{other}>"),
                ));
            }
            (1, _, "ElectionName" | "ElectionDate" | "Region" | "Timestamp") => {}
            (1, _, "VoterTurnout" | "ElectionVoterTurnout") => {
                election.eligible = number("totalVoters")?.filter(|&n| n > 0);
                election.cast = number("ballotsCast")?;
            }
            (1, _, "Contest") => {
                let mut c = RawContest {
                    key: string("key")?,
                    text: string("text")?,
                    vote_for: number("voteFor")?,
                    question: string("isQuestion")?.is_some_and(|q| q == "true"),
                    reported: number("precinctsReported")?,
                    undervotes: number("undervotes")?,
                    overvotes: number("overvotes")?,
                    ..RawContest::default()
                };
                // Older files say `precinctsReporting` for the precincts taking part.
                c.participating = match number("precinctsParticipating")? {
                    Some(n) => Some(n),
                    None => number("precinctsReporting")?,
                };
                if let (Some(r), Some(p)) = (
                    number("countiesReported")?,
                    number("countiesParticipating")?,
                ) {
                    c.counties = Some((r, p));
                }
                contests.push(c);
            }
            (2, Some("Contest"), "VoteType") => {
                let contest = contests.last_mut().expect("inside a contest");
                let kind = string("name")?.unwrap_or_default();
                let votes = number("votes")?;
                match kind.to_lowercase().replace([' ', '-', '_'], "").as_str() {
                    "undervotes" | "undervote" => contest.undervotes = votes,
                    "overvotes" | "overvote" => contest.overvotes = votes,
                    _ => contest.ignored_vote_types.push(kind),
                }
            }
            (2, Some("Contest"), "Choice") => {
                let contest = contests.last_mut().expect("inside a contest");
                let Some(text) = string("text")? else {
                    return Err(at(
                        start,
                        &path,
                        Some("text"),
                        "a choice needs a name".into(),
                    ));
                };
                contest.choices.push(RawChoice {
                    text,
                    party: string("party")?,
                    total: number("totalVotes")?,
                    by_type: Vec::new(),
                });
            }
            // Only a choice of a contest: a `Choice` elsewhere was never read, and its vote
            // types must not be added to the last contest's last choice.
            (3, Some("Choice"), "VoteType") if stack[1] == "Contest" => {
                let kind = string("name")?.unwrap_or_default();
                if let Some(votes) = number("votes")? {
                    let contest = contests.last_mut().expect("inside a contest");
                    let choice = contest.choices.last_mut().expect("inside a choice");
                    choice.by_type.push((kind, votes));
                }
            }
            (_, _, "Precinct" | "County") if depth >= 2 => {
                precinct_rows += 1;
                if let Some(n) = string("name")? {
                    precincts.insert(n);
                }
            }
            (_, _, "Precincts" | "Counties") => {}
            (1, _, other) if !ignored.iter().any(|i| i == other) => {
                ignored.push(other.to_string());
            }
            _ => {}
        }
        if empty {
            path.pop();
        } else {
            stack.push(name);
            counts.push(Vec::new());
        }
        buf.clear();
    }
    if let Some(open) = stack.last() {
        return Err(at(
            bytes.len() as u64,
            &path,
            None,
            format!("the file ends inside <{open}> (truncated?)"),
        ));
    }
    if contests.is_empty() && election.name.is_none() {
        return Err(ImportError::File {
            file: file.to_string(),
            message: "no <ElectionResult> with contests found".into(),
        });
    }
    for i in &ignored {
        notes.push(format!("ignored <{i}>"));
    }
    if precinct_rows > 0 {
        notes.push(format!(
            "kept each contest's totals; the per-precinct figures ({precinct_rows} rows for {} precincts or counties) are not kept",
            precincts.len()
        ));
    }
    build(file, election, contests, notes)
}

/// The contests of the file, from what was read.
fn build(
    file: &str,
    election: Election,
    raw: Vec<RawContest>,
    mut notes: Vec<String>,
) -> Result<Read, ImportError> {
    let bad_date = |text: &str, what: &str| ImportError::File {
        file: file.to_string(),
        message: one_line(&format!(
            "{what} \"{text}\" is not a date (expected m/d/yyyy)"
        )),
    };
    let date = match &election.date {
        Some(d) => Some(
            common::us_date(d)
                .and_then(|iso| PartialDate::parse(&iso).ok())
                .ok_or_else(|| bad_date(d, "ElectionDate"))?,
        ),
        None => None,
    };
    let as_of = election
        .timestamp
        .as_deref()
        .and_then(common::us_date)
        .and_then(|iso| PartialDate::parse(&iso).ok());
    let name = election.name.clone().unwrap_or_else(|| "Election".into());
    let lower = name.to_lowercase();
    let primary = lower.contains("primary");
    let base = common::base_name(file);
    let mut taken = HashSet::new();
    let mut contests = Vec::new();
    for c in raw {
        let title = c
            .text
            .clone()
            .or_else(|| c.key.as_ref().map(|k| format!("Contest {k}")))
            .unwrap_or_else(|| "Contest".into());
        let seats = c.vote_for.unwrap_or(1).max(1);
        // Sums must stay within the limit the loader holds every count to.
        let too_large = |what: String| ImportError::File {
            file: file.to_string(),
            message: one_line(&format!(
                "{title}: {what} add up to more than {MAX_COUNT}, the limit for a count"
            )),
        };
        let mut candidates = Vec::with_capacity(c.choices.len());
        for ch in &c.choices {
            let votes = match ch.total {
                Some(total) => Some(total),
                None if ch.by_type.is_empty() => None,
                None => Some(
                    sum(ch.by_type.iter().map(|(_, v)| *v))
                        .ok_or_else(|| too_large(format!("the vote types of \"{}\"", ch.text)))?,
                ),
            };
            candidates.push(common::candidate(ch.text.clone(), ch.party.clone(), votes));
        }
        let mut contest_notes: Vec<String> = Vec::new();
        let summed = c
            .choices
            .iter()
            .filter(|ch| ch.total.is_none() && !ch.by_type.is_empty())
            .count();
        if summed > 0 {
            notes.push(format!(
                "{title}: {summed} choices had no totalVotes; their vote types were summed"
            ));
        }
        let reporting = match (c.reported, c.participating) {
            (Some(r), Some(p)) => Some((r, p, "precincts")),
            _ => c.counties.map(|(r, p)| (r, p, "counties")),
        };
        let complete = reporting.is_none_or(|(r, p, _)| r >= p);
        if let Some((r, p, unit)) = reporting {
            contest_notes.push(format!("{r} of {p} {unit} reported."));
            notes.push(format!("{title}: {r} of {p} {unit} reported"));
        } else {
            contest_notes.push("The file does not say how many precincts reported.".into());
        }
        let mut tie: Option<Tie> = None;
        if complete {
            tie = common::mark_winners(&mut candidates, seats as usize);
        } else {
            contest_notes.push("Not fully reported, so nobody is marked elected.".into());
        }
        if let Some(t) = &tie {
            let s = t.sentence(seats as usize);
            notes.push(format!("{title}: {s}"));
            contest_notes.push(format!("{}.", capitalise(&s)));
        }
        let elected = candidates.iter().filter(|c| c.elected).count();
        let status = if complete && tie.is_none() && elected > 0 {
            Status::Decided
        } else {
            Status::Pending
        };
        // Ballots: only what is this contest's own.
        let votes: Option<u64> = match candidates
            .iter()
            .map(|c| c.votes)
            .collect::<Option<Vec<_>>>()
        {
            Some(votes) => Some(sum(votes).ok_or_else(|| too_large("the choices' votes".into()))?),
            None => None,
        };
        let vote_for_one = seats == 1 && !c.question;
        let mut ballots = Ballots {
            eligible: election.eligible,
            ..Ballots::default()
        };
        if vote_for_one {
            ballots.valid = votes;
            if let (Some(u), Some(o)) = (c.undervotes, c.overvotes) {
                ballots.rejected =
                    Some(sum([u, o]).ok_or_else(|| too_large("undervotes and overvotes".into()))?);
                contest_notes.push(format!(
                    "Rejected: {u} undervotes (blank for this contest) and {o} overvotes."
                ));
            }
        } else if c.undervotes.is_some() || c.overvotes.is_some() {
            contest_notes.push(format!(
                "Undervotes {}, overvotes {} (votes, not ballots, in a vote-for-{seats} contest).",
                show(c.undervotes),
                show(c.overvotes)
            ));
        }
        if let Some(cast) = election.cast {
            match (ballots.valid, ballots.rejected) {
                (Some(v), Some(r)) if v + r != cast => contest_notes.push(format!(
                    "The file's {cast} ballots cast are the whole election's (every contest on the ballot), not this contest's {v} votes and {r} rejected."
                )),
                (Some(v), None) if v > cast => contest_notes.push(format!(
                    "The file's {cast} ballots cast are fewer than this contest's {v} votes, so they are not kept."
                )),
                _ => ballots.cast = Some(cast),
            }
        }
        let party = if primary {
            party_named(&title).or_else(|| {
                let mut parties = c.choices.iter().filter_map(|ch| ch.party.clone());
                let first = parties.next()?;
                parties.all(|p| p == first).then_some(first)
            })
        } else {
            None
        };
        let kind = if primary {
            ContestKind::Selection
        } else if lower.contains("general") && !c.question {
            ContestKind::GeneralElection
        } else {
            ContestKind::Other
        };
        let mut id_text = title.clone();
        if let Some(r) = &election.region {
            id_text = format!("{r} {id_text}");
        }
        if let Some(d) = date {
            id_text.push_str(&format!(" {}", d.year()));
        }
        let id = common::unique(common::slug(&id_text, "contest"), &mut taken);
        for kind in &c.ignored_vote_types {
            notes.push(format!("{title}: ignored contest vote type \"{kind}\""));
        }
        if c.question {
            contest_notes.push("A ballot question: the choices are its answers.".into());
        }
        contests.push(Contest {
            party,
            constituency: election.region.clone(),
            date,
            status_as_of: as_of,
            method: Some(if seats > 1 {
                format!("plurality, vote for {seats}")
            } else {
                "plurality".to_string()
            }),
            ballots: Some(ballots).filter(|b| *b != Ballots::default()),
            candidates,
            seats: (seats > 1).then_some(seats as u32),
            sources: vec![Source {
                outlet: match &election.region {
                    Some(r) => format!("{r} election results (Clarity)"),
                    None => "Clarity election results".to_string(),
                },
                title: Some(base.clone()),
                date: as_of,
                url: None,
                note: Some("Clarity / Scytl detail.xml".to_string()),
            }],
            notes: Some(format!(
                "Imported from the Clarity file {base}. {}",
                contest_notes.join(" ")
            )),
            ..Contest::new(id, kind, title, status)
        });
    }
    let title = match &election.region {
        Some(r) => format!("{name}, {r}"),
        None => name.clone(),
    };
    Ok(Read {
        dataset: Dataset {
            schema_version: SCHEMA_VERSION,
            title: Some(title),
            regions: Vec::new(),
            factions: Vec::new(),
            contests,
        },
        format: "Clarity election-night results file (XML)",
        notes,
    })
}

/// An attribute's value, entities resolved; `Ok(None)` when absent.
fn attribute(element: &BytesStart, key: &str) -> Result<Option<String>, String> {
    for a in element.attributes() {
        let a = a.map_err(|e| format!("malformed attribute: {e}"))?;
        if a.key.local_name().as_ref() == key.as_bytes() {
            return a
                .normalized_value(quick_xml::XmlVersion::Implicit1_0)
                .map(|v| Some(v.into_owned()))
                .map_err(|e| format!("malformed value: {e}"));
        }
    }
    Ok(None)
}

/// The sum of counts, or `None` past the limit for a count.
fn sum(counts: impl IntoIterator<Item = u64>) -> Option<u64> {
    counts
        .into_iter()
        .try_fold(0u64, |total, n| total.checked_add(n))
        .filter(|&total| total <= MAX_COUNT)
}

/// A whole number of votes or voters: digits, perhaps with thousands separators, at most the
/// limit for a count (the loader's).
fn whole(text: &str) -> Result<u64, String> {
    let t = text.trim();
    let digits: String = t.chars().filter(|&c| c != ',').collect();
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(format!("expected a whole number, found \"{t}\""));
    }
    match digits.parse::<u64>() {
        Ok(n) if n <= MAX_COUNT => Ok(n),
        _ => Err(format!(
            "{t} is too large for a count (the limit is {MAX_COUNT})"
        )),
    }
}

/// The party a primary contest's title names (`US Senator - REPUBLICAN` → `Republican`).
fn party_named(title: &str) -> Option<String> {
    let lower = title.to_lowercase();
    [
        ("republican", "Republican"),
        ("democratic", "Democratic"),
        ("libertarian", "Libertarian"),
        ("green", "Green"),
        ("constitution", "Constitution"),
    ]
    .iter()
    .find(|(word, _)| lower.contains(word))
    .map(|(_, name)| name.to_string())
}

fn show(n: Option<u64>) -> String {
    n.map_or_else(|| "unknown".into(), |n| n.to_string())
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}
