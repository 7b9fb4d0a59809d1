//! Clarity / Scytl election-night results (`detail.xml`), as US counties and states publish
//! them: `<ElectionResult>` with the election's name, date, region and turnout, then one
//! `<Contest>` per race with its `<Choice>`s, each broken down by `<VoteType>` and precinct.
//!
//! Read as a stream of XML events (never a tree of the whole file), so a state's file is fine.
//! Mapping (docs/FORMATS.md says the same):
//! - a `Contest` is a contest: `text` its title, `voteFor` its seats, `ElectionDate`
//!   (m/d/yyyy) its date, `Timestamp` its status date; the file's `Region` (the county or
//!   state that reports) is every contest's region, never its constituency: a county's file
//!   holds the president's race and the coroner's, which are different contests;
//! - a `Choice` is a candidate: `text`, `party`, `totalVotes` (else the sum of its
//!   `VoteType` votes); per-precinct counts are not kept (the totals are);
//! - `precinctsReported` of `precinctsParticipating` (or `precinctsReporting`): a contest not
//!   fully reported is pending and nobody is marked elected; otherwise most votes win, a tie
//!   is flagged and never broken;
//! - `VoterTurnout` (`ElectionVoterTurnout`): `totalVoters` registered, `ballotsCast` cast —
//!   the whole election's (every contest on the ballot), so kept as the contest's eligible
//!   and cast only where the cast agree with its votes, undervotes and overvotes, else given
//!   in its notes with the election's turnout, labelled as the whole election's;
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
use crate::model::{
    Ballots, Candidate, Contest, ContestKind, Dataset, Region, SCHEMA_VERSION, Source, Status,
};

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
    let mut doc = Document {
        place: Place {
            file,
            bytes,
            path: Vec::new(),
        },
        stack: Vec::new(),
        counts: vec![Vec::new()],
        text: String::new(),
        found: Found::default(),
    };
    loop {
        let before = reader.buffer_position();
        let event = match reader.read_event_into(&mut buf) {
            Ok(e) => e,
            Err(e) => {
                return Err(doc.place.at(
                    reader.error_position(),
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
        match event {
            Event::Start(e) => doc.open(&e, false, start)?,
            Event::Empty(e) => doc.open(&e, true, start)?,
            Event::Text(t) => {
                let s = t
                    .xml10_content()
                    .map_err(|e| doc.place.at(start, None, format!("not UTF-8 text: {e}")))?;
                doc.text.push_str(&s);
            }
            Event::CData(t) => doc.text.push_str(&String::from_utf8_lossy(&t)),
            Event::GeneralRef(r) => {
                let name = String::from_utf8_lossy(&r).into_owned();
                let resolved = common::xml_entity(&name).ok_or_else(|| {
                    doc.place
                        .at(start, None, format!("unknown entity &{name};"))
                })?;
                doc.text.push_str(&resolved);
            }
            Event::End(_) => doc.close(),
            Event::Eof => break,
            _ => {}
        }
        buf.clear();
    }
    let (found, notes) = doc.finish()?;
    build(file, found.election, found.contests, notes)
}

/// Where in the file the reading is, for errors.
struct Place<'a> {
    file: &'a str,
    bytes: &'a [u8],
    /// The open elements with their positions among their siblings (`Contest[2]`).
    path: Vec<String>,
}

impl Place<'_> {
    /// An error at byte `offset`, in the element at the end of the path (at its attribute `attr`).
    fn at(&self, offset: u64, attr: Option<&str>, message: String) -> ImportError {
        let (line, column) = common::line_column(self.bytes, offset as usize);
        let mut p = format!("/{}", self.path.join("/"));
        if let Some(a) = attr {
            p.push_str(&format!("/@{a}"));
        }
        // The path's names and the message quote the document: one line, whatever it holds.
        ImportError::At {
            file: self.file.to_string(),
            line,
            column,
            path: one_line(&p),
            message: one_line(&message),
        }
    }
}

/// What the elements read so far hold.
#[derive(Default)]
struct Found {
    election: Election,
    contests: Vec<RawContest>,
    /// Elements under `<ElectionResult>` that are not read, by name.
    ignored: Vec<String>,
    precinct_rows: usize,
    precincts: HashSet<String>,
}

/// The reading of a document, element by element.
struct Document<'a> {
    place: Place<'a>,
    /// The names of the open elements.
    stack: Vec<String>,
    /// Sibling counters per depth, for the positions in the path.
    counts: Vec<Vec<(String, usize)>>,
    /// The text of the element being read.
    text: String,
    found: Found,
}

impl Document<'_> {
    /// An element opens (and closes at once when `empty`) at byte `start`.
    fn open(&mut self, element: &BytesStart, empty: bool, start: u64) -> Result<(), ImportError> {
        let name = String::from_utf8_lossy(element.local_name().as_ref()).into_owned();
        let siblings = self.counts.last_mut().expect("a level per open element");
        let index = if let Some((_, k)) = siblings.iter_mut().find(|(n, _)| *n == name) {
            *k += 1;
            *k
        } else {
            siblings.push((name.clone(), 1));
            1
        };
        self.place.path.push(format!("{name}[{index}]"));
        self.text.clear();
        let attributes = Attributes {
            element,
            place: &self.place,
            start,
        };
        read_element(&mut self.found, &self.stack, &name, &attributes)?;
        if empty {
            self.place.path.pop();
        } else {
            self.stack.push(name);
            self.counts.push(Vec::new());
        }
        Ok(())
    }

    /// The open element closes: the election's own facts are its children's text.
    fn close(&mut self) {
        let name = self.stack.pop().unwrap_or_default();
        let value = std::mem::take(&mut self.text).trim().to_string();
        if self.stack.len() == 1 && !value.is_empty() {
            let election = &mut self.found.election;
            match name.as_str() {
                "ElectionName" => election.name = Some(value),
                "ElectionDate" => election.date = Some(value),
                "Region" => election.region = Some(value),
                "Timestamp" => election.timestamp = Some(value),
                _ => {}
            }
        }
        self.place.path.pop();
        self.counts.pop();
    }

    /// At the end of the file: what was found, with notes on what was not kept; a truncated
    /// file or one with nothing of an election is an error.
    fn finish(self) -> Result<(Found, Vec<String>), ImportError> {
        if let Some(open) = self.stack.last() {
            return Err(self.place.at(
                self.place.bytes.len() as u64,
                None,
                format!("the file ends inside <{open}> (truncated?)"),
            ));
        }
        let found = self.found;
        if found.contests.is_empty() && found.election.name.is_none() {
            return Err(ImportError::File {
                file: self.place.file.to_string(),
                message: "no <ElectionResult> with contests found".into(),
            });
        }
        let mut notes: Vec<String> = found
            .ignored
            .iter()
            .map(|i| format!("ignored <{i}>"))
            .collect();
        if found.precinct_rows > 0 {
            notes.push(format!(
                "kept each contest's totals; the per-precinct figures ({} rows for {} precincts or counties) are not kept",
                found.precinct_rows,
                found.precincts.len()
            ));
        }
        Ok((found, notes))
    }
}

/// An element's attributes, read as numbers or strings; a bad one is an error at the element.
struct Attributes<'e> {
    element: &'e BytesStart<'e>,
    place: &'e Place<'e>,
    start: u64,
}

impl Attributes<'_> {
    fn number(&self, key: &str) -> Result<Option<u64>, ImportError> {
        match attribute(self.element, key) {
            Ok(Some(v)) => whole(&v)
                .map(Some)
                .map_err(|m| self.place.at(self.start, Some(key), m)),
            Ok(None) => Ok(None),
            Err(m) => Err(self.place.at(self.start, Some(key), m)),
        }
    }

    /// Trimmed; empty is absent.
    fn string(&self, key: &str) -> Result<Option<String>, ImportError> {
        attribute(self.element, key)
            .map(|v| v.map(|s| s.trim().to_string()).filter(|s| !s.is_empty()))
            .map_err(|m| self.place.at(self.start, Some(key), m))
    }
}

/// What an element named `name`, inside the open elements `stack`, adds to what was found.
fn read_element(
    found: &mut Found,
    stack: &[String],
    name: &str,
    attrs: &Attributes,
) -> Result<(), ImportError> {
    let depth = stack.len();
    let parent = stack.last().map(String::as_str);
    match (depth, parent, name) {
        (0, _, "ElectionResult") => {}
        (0, _, other) => {
            return Err(attrs.place.at(
                attrs.start,
                None,
                format!("expected a Clarity <ElectionResult>, found <{other}>"),
            ));
        }
        (1, _, "ElectionName" | "ElectionDate" | "Region" | "Timestamp") => {}
        (1, _, "VoterTurnout" | "ElectionVoterTurnout") => {
            found.election.eligible = attrs.number("totalVoters")?.filter(|&n| n > 0);
            found.election.cast = attrs.number("ballotsCast")?;
        }
        (1, _, "Contest") => found.contests.push(raw_contest(attrs)?),
        (2, Some("Contest"), "VoteType") => {
            let contest = found.contests.last_mut().expect("inside a contest");
            let kind = attrs.string("name")?.unwrap_or_default();
            let votes = attrs.number("votes")?;
            match kind.to_lowercase().replace([' ', '-', '_'], "").as_str() {
                "undervotes" | "undervote" => contest.undervotes = votes,
                "overvotes" | "overvote" => contest.overvotes = votes,
                _ => contest.ignored_vote_types.push(kind),
            }
        }
        (2, Some("Contest"), "Choice") => {
            let contest = found.contests.last_mut().expect("inside a contest");
            let Some(text) = attrs.string("text")? else {
                return Err(attrs.place.at(
                    attrs.start,
                    Some("text"),
                    "a choice needs a name".into(),
                ));
            };
            contest.choices.push(RawChoice {
                text,
                party: attrs.string("party")?,
                total: attrs.number("totalVotes")?,
                by_type: Vec::new(),
            });
        }
        // Only a choice of a contest: a `Choice` elsewhere was never read, and its vote
        // types must not be added to the last contest's last choice.
        (3, Some("Choice"), "VoteType") if stack[1] == "Contest" => {
            let kind = attrs.string("name")?.unwrap_or_default();
            if let Some(votes) = attrs.number("votes")? {
                let contest = found.contests.last_mut().expect("inside a contest");
                let choice = contest.choices.last_mut().expect("inside a choice");
                choice.by_type.push((kind, votes));
            }
        }
        (_, _, "Precinct" | "County") if depth >= 2 => {
            found.precinct_rows += 1;
            if let Some(n) = attrs.string("name")? {
                found.precincts.insert(n);
            }
        }
        (_, _, "Precincts" | "Counties") => {}
        (1, _, other) if !found.ignored.iter().any(|i| i == other) => {
            found.ignored.push(other.to_string());
        }
        _ => {}
    }
    Ok(())
}

/// A `<Contest>`'s attributes.
fn raw_contest(attrs: &Attributes) -> Result<RawContest, ImportError> {
    let mut c = RawContest {
        key: attrs.string("key")?,
        text: attrs.string("text")?,
        vote_for: attrs.number("voteFor")?,
        question: attrs.string("isQuestion")?.is_some_and(|q| q == "true"),
        reported: attrs.number("precinctsReported")?,
        undervotes: attrs.number("undervotes")?,
        overvotes: attrs.number("overvotes")?,
        ..RawContest::default()
    };
    // Older files say `precinctsReporting` for the precincts taking part.
    c.participating = match attrs.number("precinctsParticipating")? {
        Some(n) => Some(n),
        None => attrs.number("precinctsReporting")?,
    };
    if let (Some(r), Some(p)) = (
        attrs.number("countiesReported")?,
        attrs.number("countiesParticipating")?,
    ) {
        c.counties = Some((r, p));
    }
    Ok(c)
}

/// What every contest of a file shares.
struct Shared<'a> {
    file: &'a str,
    election: &'a Election,
    date: Option<PartialDate>,
    /// The date of the results (`Timestamp`).
    as_of: Option<PartialDate>,
    /// The election's name in lower case: it says whether contests are primaries.
    name: String,
    /// The file's name without its directories.
    base: String,
}

/// The contests of the file, from what was read.
fn build(
    file: &str,
    election: Election,
    raw: Vec<RawContest>,
    mut notes: Vec<String>,
) -> Result<Read, ImportError> {
    let date = match &election.date {
        Some(d) => Some(
            common::us_date(d)
                .and_then(|iso| PartialDate::parse(&iso).ok())
                .ok_or_else(|| ImportError::File {
                    file: file.to_string(),
                    message: one_line(&format!(
                        "ElectionDate \"{d}\" is not a date (expected m/d/yyyy)"
                    )),
                })?,
        ),
        None => None,
    };
    let as_of = election
        .timestamp
        .as_deref()
        .and_then(common::us_date)
        .and_then(|iso| PartialDate::parse(&iso).ok());
    let name = election.name.clone().unwrap_or_else(|| "Election".into());
    let shared = Shared {
        file,
        election: &election,
        date,
        as_of,
        name: name.to_lowercase(),
        base: common::base_name(file),
    };
    let mut taken = HashSet::new();
    let mut contests = Vec::new();
    for c in raw {
        contests.push(contest(&shared, c, &mut taken, &mut notes)?);
    }
    let title = match &election.region {
        Some(r) => format!("{name}, {r}"),
        None => name,
    };
    let regions = election
        .region
        .iter()
        .map(|r| Region {
            id: region_id(r).into(),
            name: r.clone().into(),
            spellings: Vec::new(),
        })
        .collect();
    Ok(Read {
        dataset: Dataset {
            schema_version: SCHEMA_VERSION,
            title: Some(title.into()),
            regions,
            factions: Vec::new(),
            contests,
        },
        format: "Clarity election-night results file (XML)",
        notes,
    })
}

/// One contest: its candidates, result, ballots, kind and party, and its notes; sentences for
/// the import's summary go to `notes`.
fn contest(
    shared: &Shared,
    c: RawContest,
    taken: &mut HashSet<String>,
    notes: &mut Vec<String>,
) -> Result<Contest, ImportError> {
    let title = c
        .text
        .clone()
        .or_else(|| c.key.as_ref().map(|k| format!("Contest {k}")))
        .unwrap_or_else(|| "Contest".into());
    let seats = c.vote_for.unwrap_or(1).max(1);
    // Sums must stay within the limit the loader holds every count to.
    let too_large = |what: String| ImportError::File {
        file: shared.file.to_string(),
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
    let mut contest_notes: Vec<String> = Vec::new();
    let status = mark_result(
        &c,
        &title,
        seats,
        &mut candidates,
        &mut contest_notes,
        notes,
    );
    let ballots =
        ballots(shared.election, &c, seats, &candidates, &mut contest_notes).map_err(too_large)?;
    let primary = shared.name.contains("primary");
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
    } else if shared.name.contains("general") && !c.question {
        ContestKind::GeneralElection
    } else {
        ContestKind::Other
    };
    let region = &shared.election.region;
    let mut id_text = title.clone();
    if let Some(r) = region {
        id_text = format!("{r} {id_text}");
    }
    if let Some(d) = shared.date {
        id_text.push_str(&format!(" {}", d.year()));
    }
    let id = common::unique(common::slug(&id_text, "contest"), taken);
    for kind in &c.ignored_vote_types {
        notes.push(format!("{title}: ignored contest vote type \"{kind}\""));
    }
    if c.question {
        contest_notes.push("A ballot question: the choices are its answers.".into());
    }
    Ok(Contest {
        party: party.map(Into::into),
        region: region.as_deref().map(region_id).map(Into::into),
        date: shared.date,
        status_as_of: shared.as_of,
        method: Some(if seats > 1 {
            format!("plurality, vote for {seats}").into()
        } else {
            "plurality".into()
        }),
        ballots: Some(ballots).filter(|b| *b != Ballots::default()),
        candidates,
        seats: (seats > 1).then_some(seats as u32),
        sources: vec![Source {
            outlet: match region {
                Some(r) => format!("{r} election results (Clarity)").into(),
                None => "Clarity election results".into(),
            },
            title: Some(shared.base.clone().into()),
            date: shared.as_of,
            url: None,
            note: Some("Clarity / Scytl detail.xml".into()),
        }],
        notes: Some(
            format!(
                "Imported from the Clarity file {}. {}",
                shared.base,
                contest_notes.join(" ")
            )
            .into(),
        ),
        ..Contest::new(id, kind, title, status)
    })
}

/// The id of the region a file reports for (`Atkinson` → `atkinson`).
fn region_id(name: &str) -> String {
    common::slug(name, "region")
}

/// Marks the winners of a fully reported contest (most votes; a tie is noted, never broken)
/// and says how far it was reported; the contest's status.
fn mark_result(
    c: &RawContest,
    title: &str,
    seats: u64,
    candidates: &mut [Candidate],
    contest_notes: &mut Vec<String>,
    notes: &mut Vec<String>,
) -> Status {
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
        tie = common::mark_winners(candidates, seats as usize);
    } else {
        contest_notes.push("Not fully reported, so nobody is marked elected.".into());
    }
    if let Some(t) = &tie {
        let s = t.sentence(seats as usize);
        notes.push(format!("{title}: {s}"));
        contest_notes.push(format!("{}.", capitalise(&s)));
    }
    let elected = candidates.iter().filter(|c| c.elected).count();
    if complete && tie.is_none() && elected > 0 {
        Status::Decided
    } else {
        Status::Pending
    }
}

/// The contest's ballots, only what is its own: valid votes and rejected ballots (undervotes
/// and overvotes) in a vote-for-one contest, the election's eligible voters, and its ballots
/// cast where they agree with this contest's figures. `Err` names the figures whose sum is
/// past the limit for a count.
fn ballots(
    election: &Election,
    c: &RawContest,
    seats: u64,
    candidates: &[Candidate],
    contest_notes: &mut Vec<String>,
) -> Result<Ballots, String> {
    let votes: Option<u64> = match candidates
        .iter()
        .map(|c| c.votes)
        .collect::<Option<Vec<_>>>()
    {
        Some(votes) => Some(sum(votes).ok_or("the choices' votes")?),
        None => None,
    };
    let mut ballots = Ballots::default();
    if seats == 1 && !c.question {
        ballots.valid = votes;
        if let (Some(u), Some(o)) = (c.undervotes, c.overvotes) {
            ballots.rejected = Some(sum([u, o]).ok_or("undervotes and overvotes")?);
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
    // The file's turnout counts every contest on the ballot: it is this contest's only when
    // its ballots are exactly this contest's. Otherwise a turnout from them would put one
    // contest's votes over the whole electorate, so both stay in a note.
    let whole = |cast: u64| match election.eligible {
        Some(e) if e > 0 => format!(
            "{cast} ballots cast of {e} registered voters ({:.1}%)",
            cast as f64 * 100.0 / e as f64
        ),
        _ => format!("{cast} ballots cast"),
    };
    match (election.cast, ballots.valid, ballots.rejected) {
        (Some(cast), Some(v), Some(r)) if v + r != cast => contest_notes.push(format!(
            "The file's turnout is the whole election's (every contest on the ballot): {}, not this contest's {v} votes and {r} rejected.",
            whole(cast)
        )),
        (Some(cast), Some(v), None) if v > cast => contest_notes.push(format!(
            "The file's {cast} ballots cast are fewer than this contest's {v} votes, so they are not kept."
        )),
        (Some(cast), _, _) => {
            ballots.cast = Some(cast);
            ballots.eligible = election.eligible;
        }
        (None, _, _) => {
            if let Some(e) = election.eligible {
                contest_notes.push(format!(
                    "The file gives {e} registered voters for the whole election, and no ballots cast: no turnout is worked out."
                ));
            }
        }
    }
    Ok(ballots)
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
        .try_fold(0u64, u64::checked_add)
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

#[cfg(test)]
mod tests {
    use super::*;

    fn choices(votes: &[u64]) -> Vec<Candidate> {
        votes
            .iter()
            .enumerate()
            .map(|(i, &v)| common::candidate(format!("c{i}"), None, Some(v)))
            .collect()
    }

    #[test]
    fn a_contest_not_fully_reported_has_nobody_elected() {
        let mut c = RawContest {
            reported: Some(3),
            participating: Some(4),
            ..RawContest::default()
        };
        let (mut own, mut notes) = (Vec::new(), Vec::new());
        let mut candidates = choices(&[10, 7]);
        let status = mark_result(&c, "Mayor", 1, &mut candidates, &mut own, &mut notes);
        assert_eq!(status, Status::Pending);
        assert!(candidates.iter().all(|c| !c.elected));
        assert_eq!(notes, ["Mayor: 3 of 4 precincts reported"]);
        c.reported = Some(4);
        let mut candidates = choices(&[10, 7]);
        let status = mark_result(&c, "Mayor", 1, &mut candidates, &mut own, &mut notes);
        assert_eq!(status, Status::Decided);
        assert!(candidates[0].elected && !candidates[1].elected);
    }

    #[test]
    fn ballots_cast_are_kept_only_where_they_are_the_contests_own() {
        let c = RawContest {
            undervotes: Some(2),
            overvotes: Some(1),
            ..RawContest::default()
        };
        let mut election = Election {
            eligible: Some(100),
            cast: Some(20),
            ..Election::default()
        };
        let mut own = Vec::new();
        let b = ballots(&election, &c, 1, &choices(&[10, 7]), &mut own).unwrap();
        assert_eq!(
            (b.valid, b.rejected, b.cast, b.eligible),
            (Some(17), Some(3), Some(20), Some(100))
        );
        // The whole election's ballots, not this contest's: named, not kept.
        election.cast = Some(50);
        let b = ballots(&election, &c, 1, &choices(&[10, 7]), &mut own).unwrap();
        assert_eq!(b.cast, None);
        assert!(
            own.last().unwrap().contains("the whole election's"),
            "{own:?}"
        );
        // Vote for two: undervotes are votes, not ballots.
        let b = ballots(&election, &c, 2, &choices(&[10, 7]), &mut own).unwrap();
        assert_eq!((b.valid, b.rejected), (None, None));
        assert_eq!(
            ballots(&election, &c, 1, &choices(&[MAX_COUNT, 1]), &mut own).unwrap_err(),
            "the choices' votes"
        );
    }

    #[test]
    fn a_contest_element_gives_its_attributes() {
        let place = Place {
            file: "d.xml",
            bytes: b"",
            path: vec!["ElectionResult[1]".into(), "Contest[1]".into()],
        };
        let element = BytesStart::from_content(
            r#"Contest key="7" text=" Mayor " voteFor="2" precinctsReported="3" precinctsReporting="4""#,
            7,
        );
        let attrs = Attributes {
            element: &element,
            place: &place,
            start: 0,
        };
        let c = raw_contest(&attrs).unwrap();
        assert_eq!(
            (c.key.as_deref(), c.text.as_deref()),
            (Some("7"), Some("Mayor"))
        );
        assert_eq!(
            (c.vote_for, c.reported, c.participating),
            (Some(2), Some(3), Some(4))
        );
        let bad = BytesStart::from_content(r#"Contest voteFor="two""#, 7);
        let err = raw_contest(&Attributes {
            element: &bad,
            place: &place,
            start: 0,
        })
        .err()
        .unwrap();
        assert_eq!(
            err.to_string(),
            "d.xml:1:1: /ElectionResult[1]/Contest[1]/@voteFor: expected a whole number, found \"two\""
        );
    }
}
