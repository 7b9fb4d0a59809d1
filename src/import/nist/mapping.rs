//! The intermediate `Report` → hustings contests, whichever syntax it was read from.
//! docs/FORMATS.md gives the mapping field by field; in short:
//!
//! - every `CandidateContest` and `PartyContest` of every `Election` is a contest (ballot
//!   measures and retention questions are left out, with a note); its `Name` is the title,
//!   its `ElectionDistrictId` unit the constituency (`ExternalIdentifier` the code), the unit
//!   that unit is part of (`ComposingGpUnitIds`) its region unless that is the whole
//!   election's scope;
//! - the election's `Type` gives the kind (`general` → general election, `special` →
//!   by-election, `primary` and `partisan-primary-*` → selection, with the contest's
//!   `PrimaryPartyIds` as its party), `StartDate` the date;
//! - a `CandidateSelection` is a candidate: `BallotName` of its candidates (a ticket's joined
//!   with ` / `), `PartyId` party and faction, `IsIncumbent`, `IsWriteIn`,
//!   `EndorsementPartyIds` endorsements, `PostElectionStatus` `winner` elected; a
//!   `PartySelection` is its parties;
//! - votes: see `sum` (the district's counts, else the sub-units' summed; `total`, else the
//!   types summed); `Round`s are the rounds of a preferential count;
//! - ballots: the unit's `VotersRegistered` eligible, the election's `BallotCounts` for the
//!   unit cast and rejected.

use std::collections::{HashMap, HashSet};

use crate::import::Read;
use crate::import::common::{self, Tie};
use crate::import::nist::count;
use crate::import::nist::report::{Amount, Candidate as NistCandidate, Contest as NistContest};
use crate::import::nist::report::{Election, Id, Office, OtherCount, Party, Report, Selection};
use crate::import::nist::sum::{self, Account, BallotRecords, Entry, Units};
use crate::model::date::PartialDate;
use crate::model::{
    Ballots, Candidate, CandidateMore, CandidateStatus, Contest, ContestKind, Dataset, Faction,
    Region, SCHEMA_VERSION, Source, Status,
};

/// Seats as the model holds them (a u32); a number past that is no real contest's. Without
/// `NumberElected`, a plurality contest's `VotesAllowed` (vote for two: two are elected);
/// never an approval contest's, where a voter may mark several for one seat.
fn seats(c: &NistContest, said: &mut Vec<String>) -> u64 {
    let by_votes_allowed = matches!(c.variation, None | Some("plurality" | "n-of-m"));
    match (c.number_elected, c.votes_allowed) {
        (Some(n), _) if n > u64::from(u32::MAX) => {
            said.push(format!(
                "NumberElected {n} is not a number of seats: left unknown."
            ));
            1
        }
        (Some(n), _) => n.max(1),
        (None, Some(n)) if by_votes_allowed && n > 1 && u32::try_from(n).is_ok() => {
            said.push(format!(
                "Seats: {n}, from VotesAllowed (the file gives no NumberElected)."
            ));
            n
        }
        _ => 1,
    }
}

/// A contest's selections as candidates, counted.
struct Selections {
    candidates: Vec<Candidate>,
    /// Each selection's `PostElectionStatus`.
    statuses: Vec<Option<&'static str>>,
    /// The name a round refers to each candidate by.
    refs: Vec<String>,
    rounds: Vec<crate::model::Round>,
    /// Whether each candidate is still in the count's last round.
    in_last_round: Vec<bool>,
}

/// The contests of `report`, read from `file` in the syntax `format` names.
pub fn map(file: &str, report: Report, format: &'static str) -> Read {
    Mapper::new(file, &report, format).run()
}

struct Mapper<'r> {
    report: &'r Report,
    units: Units<'r>,
    format: &'static str,
    base: String,
    as_of: Option<PartialDate>,
    parties: HashMap<Id, &'r Party>,
    candidates: HashMap<Id, &'r NistCandidate>,
    offices: HashMap<Id, &'r Office>,
    /// Candidate and party contests per district, in the election being mapped.
    per_district: HashMap<Id, usize>,
    factions: Vec<Faction>,
    faction_of: HashMap<Id, String>,
    faction_ids: HashSet<String>,
    regions: Vec<Region>,
    region_of: HashMap<Id, String>,
    region_ids: HashSet<String>,
    taken: HashSet<String>,
    notes: Vec<String>,
}

impl<'r> Mapper<'r> {
    fn new(file: &str, report: &'r Report, format: &'static str) -> Mapper<'r> {
        let parties = report
            .parties
            .iter()
            .filter_map(|p| Some((p.id?, p)))
            .collect();
        let candidates = report
            .elections
            .iter()
            .flat_map(|e| &e.candidates)
            .filter_map(|c| Some((c.id?, c)))
            .collect();
        Mapper {
            report,
            units: Units::new(report),
            format,
            base: common::base_name(file),
            as_of: report
                .generated
                .as_deref()
                .and_then(|g| g.get(..10))
                .and_then(|d| PartialDate::parse(d).ok()),
            parties,
            candidates,
            offices: report
                .offices
                .iter()
                .filter_map(|o| Some((o.id?, o)))
                .collect(),
            per_district: HashMap::new(),
            factions: Vec::new(),
            faction_of: HashMap::new(),
            faction_ids: HashSet::new(),
            regions: Vec::new(),
            region_of: HashMap::new(),
            region_ids: HashSet::new(),
            taken: HashSet::new(),
            notes: report.notes.clone(),
        }
    }

    fn run(mut self) -> Read {
        let mut contests = Vec::new();
        let mut left_out = 0;
        for election in &self.report.elections {
            let records = BallotRecords::new(election);
            self.per_district.clear();
            for c in &election.contests {
                if let ("CandidateContest" | "PartyContest", Some(d)) = (c.class, c.district) {
                    *self.per_district.entry(d).or_default() += 1;
                }
            }
            for contest in &election.contests {
                match contest.class {
                    "CandidateContest" | "PartyContest" => {
                        contests.push(self.contest(election, &records, contest));
                    }
                    _ => left_out += 1,
                }
            }
        }
        if left_out > 0 {
            self.notes.push(format!(
                "left out {left_out} ballot-measure or retention contest{}: hustings holds contests between candidates or parties",
                if left_out == 1 { "" } else { "s" }
            ));
        }
        if contests.is_empty() {
            self.notes
                .push("the report has no candidate or party contests".into());
        }
        let names: Vec<&str> = self
            .report
            .elections
            .iter()
            .filter_map(|e| e.name.as_deref())
            .collect();
        let title = if names.is_empty() {
            self.report.issuer.clone()
        } else {
            Some(names.join("; "))
        };
        Read {
            dataset: Dataset {
                schema_version: SCHEMA_VERSION,
                title: title.map(Into::into),
                regions: self.regions,
                factions: self.factions,
                contests,
            },
            format: self.format,
            notes: self.notes,
        }
    }

    fn id_text(&self, id: Option<Id>) -> &str {
        id.map_or("", |id| self.report.id(id))
    }

    fn party_name(&self, id: Id) -> String {
        self.parties
            .get(&id)
            .and_then(|p| p.name.clone())
            .unwrap_or_else(|| self.report.id(id).to_string())
    }

    /// The faction of party `id`, made the first time a candidate needs it.
    fn faction(&mut self, id: Id) -> String {
        if let Some(f) = self.faction_of.get(&id) {
            return f.clone();
        }
        let party = self.parties.get(&id).copied();
        let name = self.party_name(id);
        let fid = common::unique(common::slug(&name, "party"), &mut self.faction_ids);
        let color = party.and_then(|p| p.color.as_deref()).and_then(|c| {
            let c = c.trim();
            (c.len() == 6 && c.bytes().all(|b| b.is_ascii_hexdigit()))
                .then(|| format!("#{}", c.to_ascii_lowercase()))
        });
        if let Some(raw) = party.and_then(|p| p.color.as_deref())
            && color.is_none()
        {
            self.notes.push(format!(
                "party {name}: colour {raw:?} is not six hex digits, so not used"
            ));
        }
        self.factions.push(Faction {
            id: fid.clone().into(),
            name: name.into(),
            abbr: party.and_then(|p| p.abbreviation.clone()).map(Into::into),
            color: color.map(Into::into),
            description: None,
            group: None,
            spellings: Vec::new(),
        });
        self.faction_of.insert(id, fid.clone());
        fid
    }

    /// The region of a contest held in `district`: the unit the district is part of, unless
    /// that is the whole election's area (or there is none).
    fn region(&mut self, district: Id, scope: Option<Id>) -> Option<String> {
        if Some(district) == scope {
            return None;
        }
        let parent = self.units.parent(district)?;
        if Some(parent) == scope {
            return None;
        }
        if let Some(r) = self.region_of.get(&parent) {
            return Some(r.clone());
        }
        let name = self.units.name(parent);
        let rid = common::unique(common::slug(&name, "region"), &mut self.region_ids);
        self.regions.push(Region {
            id: rid.clone().into(),
            name: name.into(),
            spellings: Vec::new(),
        });
        self.region_of.insert(parent, rid.clone());
        Some(rid)
    }

    /// One candidate or party contest: its candidates and their votes, the winners, ballots,
    /// party, seat and region; what the mapping noticed goes in its notes.
    fn contest(
        &mut self,
        election: &'r Election,
        records: &BallotRecords<'r>,
        c: &'r NistContest,
    ) -> Contest {
        let district = c.district.expect("the builder requires a district");
        let title = c
            .name
            .clone()
            .or_else(|| c.ballot_title.clone())
            .unwrap_or_else(|| format!("Contest {}", self.id_text(c.id)));
        let mut said: Vec<String> = Vec::new();
        let primary = matches!(
            election.kind,
            Some("primary" | "partisan-primary-closed" | "partisan-primary-open")
        );
        let kind = match election.kind {
            Some("general") => ContestKind::GeneralElection,
            Some("special") => ContestKind::ByElection,
            _ if primary => ContestKind::Selection,
            _ => ContestKind::Other,
        };
        let seats = seats(c, &mut said);
        let mut tally = Account::default();
        let mut counted = self.count_selections(c, district, &mut tally, &mut said);
        let tie = self.mark_winners(c, &title, seats, &mut counted, &mut said);
        let Selections {
            candidates,
            mut rounds,
            refs,
            in_last_round,
            ..
        } = counted;
        if let Some(last) = rounds.last_mut() {
            for (i, k) in candidates.iter().enumerate() {
                if k.elected && in_last_round[i] {
                    last.elected.push(refs[i].clone().into());
                }
            }
        }
        let elected = candidates.iter().any(|k| k.elected);
        let status = if elected && tie.is_none() {
            Status::Decided
        } else {
            Status::Pending
        };
        let ballots = self.ballots(
            c,
            records,
            &candidates,
            rounds.is_empty(),
            &mut tally,
            &mut said,
        );
        said.extend(other_counts(&self.units, district, c));
        let party = if primary {
            self.primary_party(c, &candidates)
        } else {
            None
        };
        let (constituency, constituency_id) = self.seat(c, &title, party.as_deref());
        let region = self.region(district, election.scope);
        let id = self.contest_id(election, &title);
        let method = method(c, rounds.len());
        for s in tally.sentences(&self.units, district) {
            self.notes.push(format!("{title}: {s}"));
            said.push(format!("{}.", capitalise(&s)));
        }
        let mut note = format!(
            "Imported from the NIST election results file {}.",
            self.base
        );
        for s in &said {
            note.push(' ');
            note.push_str(s);
        }
        Contest {
            party: party.map(Into::into),
            constituency: constituency.map(Into::into),
            constituency_id: constituency_id.map(Into::into),
            region: region.map(Into::into),
            date: election.start,
            status_as_of: self.as_of,
            method: method.map(Into::into),
            ballots: Some(ballots).filter(|b| *b != Ballots::default()),
            candidates,
            seats: (seats > 1).then_some(seats as u32),
            rounds: rounds.into(),
            sources: vec![Source {
                outlet: self
                    .report
                    .issuer
                    .clone()
                    .unwrap_or_else(|| "NIST election results report".into())
                    .into(),
                title: Some(self.base.clone().into()),
                date: self.as_of,
                url: None,
                note: Some(
                    format!(
                        "NIST SP 1500-100 election results report ({})",
                        syntax(self.format)
                    )
                    .into(),
                ),
            }],
            notes: Some(note.into()),
            ..Contest::new(id, kind, title, status)
        }
    }

    /// The contest's selections as candidates with their votes and the rounds of its count.
    fn count_selections(
        &mut self,
        c: &'r NistContest,
        district: Id,
        tally: &mut Account,
        said: &mut Vec<String>,
    ) -> Selections {
        let mut candidates: Vec<Candidate> = Vec::new();
        let mut statuses: Vec<Option<&'static str>> = Vec::new();
        for (i, s) in c.selections.iter().enumerate() {
            let (candidate, status) = self.candidate(s, i, said);
            candidates.push(candidate);
            statuses.push(status);
        }
        // The name a round refers to each candidate by.
        let ids: Vec<String> = c
            .selections
            .iter()
            .enumerate()
            .map(|(i, s)| match s.id {
                Some(id) => self.report.id(id).to_string(),
                None => format!("selection-{}", i + 1),
            })
            .collect();
        let refs = refer(&mut candidates, &ids);
        let names: Vec<String> = candidates.iter().map(|k| k.name.to_string()).collect();
        let counted = count::count(&self.units, district, &c.selections, &names, &refs, tally);
        said.extend(counted.said);
        for (k, votes) in candidates.iter_mut().zip(counted.votes) {
            k.votes = votes;
        }
        Selections {
            candidates,
            statuses,
            refs,
            rounds: counted.rounds,
            in_last_round: counted.in_last_round,
        }
    }

    /// Winners as the file says; else, for a complete single count by plurality with every
    /// count known, most votes (a tie is returned, never broken).
    fn mark_winners(
        &mut self,
        c: &NistContest,
        title: &str,
        seats: u64,
        counted: &mut Selections,
        said: &mut Vec<String>,
    ) -> Option<Tie> {
        let candidates = &mut counted.candidates;
        for (i, status) in counted.statuses.iter().enumerate() {
            match *status {
                Some("winner") => candidates[i].elected = true,
                Some("projected-winner") => said.push(format!(
                    "The file names {} the projected winner (not yet the winner).",
                    candidates[i].name
                )),
                Some("advanced-to-runoff") => {
                    said.push(format!("{} advanced to a runoff.", candidates[i].name));
                }
                _ => {}
            }
        }
        let complete = matches!(
            self.report.status,
            Some("certified" | "unofficial-complete")
        ) && match (c.sub_units_reported, c.total_sub_units) {
            (Some(r), Some(t)) => r >= t,
            _ => true,
        };
        let by_plurality = matches!(
            c.variation,
            None | Some("plurality" | "n-of-m" | "approval")
        );
        if let (Some(r), Some(t)) = (c.sub_units_reported, c.total_sub_units) {
            said.push(format!("{r} of {t} sub-units reported."));
            self.notes
                .push(format!("{title}: {r} of {t} sub-units reported"));
        }
        if counted.statuses.iter().any(Option::is_some) {
            return None;
        }
        // Most votes win only where every count is known: an unknown one might be larger.
        let all_known = candidates.iter().all(|k| k.votes.is_some());
        if !(complete && by_plurality && counted.rounds.is_empty() && all_known) {
            said.push("The file names no winner.".into());
            return None;
        }
        let tie = common::mark_winners(candidates, seats as usize);
        if candidates.iter().any(|k| k.elected) {
            said.push(
                "The file names no winner; the results are complete, so most votes win.".into(),
            );
        }
        if let Some(t) = &tie {
            let s = t.sentence(seats as usize);
            self.notes.push(format!("{title}: {s}"));
            said.push(format!("{}.", capitalise(&s)));
        }
        tie
    }

    /// The district's ballots: its unit's registered voters, and the election's ballot counts
    /// for it (cast and rejected), cast dropped where fewer than a single count's votes.
    fn ballots(
        &self,
        c: &NistContest,
        records: &BallotRecords<'r>,
        candidates: &[Candidate],
        single_count: bool,
        tally: &mut Account,
        said: &mut Vec<String>,
    ) -> Ballots {
        let district = c.district.expect("the builder requires a district");
        let unit = self.units.get(district);
        let mut ballots = Ballots {
            eligible: unit.and_then(|u| u.registered).filter(|&n| n > 0),
            ..Ballots::default()
        };
        let area = self.units.area(district);
        let cast = sum::figure(&self.units, district, &records.entries(&area, |b| b.cast));
        let rejected = sum::figure(
            &self.units,
            district,
            &records.entries(&area, |b| b.rejected),
        );
        tally.record(&cast, "ballots cast", "the ballots cast");
        tally.record(&rejected, "rejected ballots", "the rejected ballots");
        ballots.cast = cast.amount.and_then(|a| a.whole());
        ballots.rejected = rejected.amount.and_then(|a| a.whole());
        let votes: Option<u64> = candidates.iter().map(|k| k.votes).sum();
        if let (Some(cast), Some(votes)) = (ballots.cast, votes)
            && c.votes_allowed.unwrap_or(1) <= 1
            && single_count
            && votes > cast
        {
            said.push(format!(
                "The file's {cast} ballots cast are fewer than the contest's {votes} votes, so they are not kept."
            ));
            ballots.cast = None;
        }
        ballots
    }

    /// A primary's party: the parties it names (`PrimaryPartyIds`), else its candidates' one
    /// party when they all share it.
    fn primary_party(&self, c: &NistContest, candidates: &[Candidate]) -> Option<String> {
        let named: Vec<String> = c
            .primary_parties
            .iter()
            .map(|&p| self.party_name(p))
            .collect();
        if !named.is_empty() {
            return Some(named.join(" / "));
        }
        let mut parties = candidates
            .iter()
            .filter_map(|k| k.party.as_deref().map(String::from));
        parties.next().filter(|first| {
            let first = first.clone();
            parties.all(|p| p == first)
        })
    }

    /// `{issuer abbreviation} {title} {year}` as a slug, unique in the file; the year only
    /// when the title does not already hold it.
    fn contest_id(&mut self, election: &Election, title: &str) -> String {
        let mut id_text = match &self.report.issuer_abbreviation {
            Some(a) => format!("{a} {title}"),
            None => title.to_string(),
        };
        if let Some(y) = election.start.map(|d| d.year())
            && !title.contains(&y.to_string())
        {
            id_text.push_str(&format!(" {y}"));
        }
        common::unique(common::slug(&id_text, "contest"), &mut self.taken)
    }

    /// The seat a contest fills, as a constituency name and code: its district, when it is
    /// the election's only candidate or party contest there (`per_district`); else the office it fills (`OfficeIds`) or, without
    /// one, its own name, in the district (`Governor, Virginia`), with a primary's party
    /// (`Governor (Democratic), Maine`). Contests for different offices (or parties) in one
    /// area must not look like one seat: they would be counted once.
    fn seat(
        &self,
        c: &NistContest,
        title: &str,
        primary_of: Option<&str>,
    ) -> (Option<String>, Option<String>) {
        let district = c.district.expect("the builder requires a district");
        let area = self.units.name(district);
        let alone = self.per_district.get(&district).copied().unwrap_or(0) <= 1;
        let code = self.units.get(district).and_then(|u| {
            [
                "ocd-id",
                "national-level",
                "state-level",
                "local-level",
                "fips",
            ]
            .iter()
            .find_map(|want| {
                u.codes
                    .iter()
                    .find(|code| code.kind == Some(*want))
                    .and_then(|code| code.value.clone())
            })
        });
        if alone {
            return (Some(area), code);
        }
        let office = match c.offices.as_slice() {
            [one] => self.offices.get(one).and_then(|o| o.name.clone()),
            _ => None,
        };
        let mut seat = office.unwrap_or_else(|| title.to_string());
        // A party's primary is for that party's candidacy: two parties' primaries for one
        // office are two seats.
        if let Some(party) = primary_of
            && !seat.to_lowercase().contains(&party.to_lowercase())
        {
            seat = format!("{seat} ({party})");
        }
        let name = if seat.to_lowercase().contains(&area.to_lowercase()) {
            seat
        } else {
            format!("{seat}, {area}")
        };
        let code = code.map(|c| format!("{c}#{}", common::slug(&name, "seat")));
        (Some(name), code)
    }

    /// A selection as a candidate, and its post-election status.
    fn candidate(
        &mut self,
        s: &'r Selection,
        index: usize,
        said: &mut Vec<String>,
    ) -> (Candidate, Option<&'static str>) {
        let people: Vec<&NistCandidate> = s
            .candidates
            .iter()
            .filter_map(|id| self.candidates.get(id).copied())
            .collect();
        let mut name = match s.class {
            "PartySelection" => s
                .parties
                .iter()
                .map(|&p| self.party_name(p))
                .collect::<Vec<_>>()
                .join(" / "),
            "BallotMeasureSelection" => s.label.clone().unwrap_or_default(),
            _ => people
                .iter()
                .map(|p| {
                    p.ballot_name
                        .clone()
                        .unwrap_or_else(|| self.id_text(p.id).to_string())
                })
                .collect::<Vec<_>>()
                .join(" / "),
        };
        if name.is_empty() {
            name = if s.write_in {
                "Write-in".into()
            } else {
                let id = self.id_text(s.id);
                let shown = if id.is_empty() {
                    format!("Selection {}", index + 1)
                } else {
                    format!("Selection {id}")
                };
                said.push(format!("{shown} names no candidate."));
                shown
            };
        }
        let party_id = match s.class {
            "PartySelection" => s.parties.first().copied(),
            _ => people.first().and_then(|p| p.party),
        };
        let faction = party_id.map(|p| self.faction(p));
        let party = party_id.map(|p| self.party_name(p));
        let post = people.iter().find_map(|p| p.post_status);
        let withdrawn = people
            .iter()
            .any(|p| p.post_status == Some("withdrawn") || p.pre_status == Some("withdrawn"));
        let candidate = Candidate {
            party: party.map(Into::into),
            faction: faction.map(Into::into),
            more: CandidateMore {
                status: withdrawn.then_some(CandidateStatus::Withdrawn),
                ..CandidateMore::default()
            }
            .boxed(),
            incumbent: people.first().is_some_and(|p| p.incumbent),
            write_in: s.write_in,
            endorsements: s
                .endorsements
                .iter()
                .map(|&p| self.party_name(p).into())
                .collect(),
            ..Candidate::new(name)
        };
        (candidate, post)
    }
}

/// A contest's `OtherCounts` for its district, as a sentence: they count votes, not ballots.
fn other_counts(units: &Units, district: Id, c: &NistContest) -> Option<String> {
    type Field = fn(&OtherCount) -> Option<Amount>;
    let fields: [(&str, Field); 3] = [
        ("overvotes", |o| o.overvotes.clone()),
        ("undervotes", |o| o.undervotes.clone()),
        ("write-ins", |o| o.write_ins.map(Amount::Whole)),
    ];
    let parts: Vec<String> = fields
        .iter()
        .filter_map(|(what, field)| {
            let list: Vec<Entry> = c
                .other_counts
                .iter()
                .filter_map(|o| {
                    Some(Entry {
                        unit: o.unit,
                        kind: "total",
                        amount: Ok(field(o)?),
                    })
                })
                .collect();
            let a = sum::figure(units, district, &list).amount?;
            Some(format!("{what} {}", a.to_tally().as_str()))
        })
        .collect();
    (!parts.is_empty()).then(|| {
        format!(
            "Other counts as the file gives them (votes, not ballots): {}.",
            parts.join(", ")
        )
    })
}

/// How rounds refer to each candidate: the name, or for namesakes their selection's id, which
/// they are given (`ids`, one per candidate).
fn refer(candidates: &mut [Candidate], ids: &[String]) -> Vec<String> {
    let mut count: HashMap<String, usize> = HashMap::new();
    for c in candidates.iter() {
        *count.entry(c.name.to_string()).or_default() += 1;
    }
    // Ids are unique among themselves and unlike any name (a reference is either).
    let mut taken: HashSet<String> = count.keys().cloned().collect();
    let mut refs = Vec::with_capacity(candidates.len());
    for (c, id) in candidates.iter_mut().zip(ids) {
        if count[c.name.as_str()] > 1 {
            let id = common::unique(id.clone(), &mut taken);
            c.more_mut().id = Some(id.clone().into());
            refs.push(id);
        } else {
            refs.push(c.name.to_string());
        }
    }
    refs
}

/// The method, in words: the vote variation, with the rounds of a preferential count.
fn method(c: &NistContest, rounds: usize) -> Option<String> {
    let allowed = c.votes_allowed.unwrap_or(1);
    let words = match c.variation {
        Some("plurality") if allowed > 1 => format!("plurality, vote for {allowed}"),
        Some("plurality") => "plurality".into(),
        Some("n-of-m") => format!("vote for {allowed}"),
        Some("rcv") => "ranked-choice voting".into(),
        Some("approval") => "approval voting".into(),
        Some("cumulative") => "cumulative voting".into(),
        Some("borda") => "Borda count".into(),
        Some("range") => "range voting".into(),
        Some("majority") => "majority".into(),
        Some("super-majority") => "super-majority".into(),
        Some("proportional") => "proportional representation".into(),
        Some(_) => c.other_variation.clone().unwrap_or_else(|| "other".into()),
        None if rounds > 0 => "preferential count".into(),
        None => return None,
    };
    Some(if rounds > 0 {
        format!("{words}, {rounds} rounds")
    } else {
        words
    })
}

fn syntax(format: &str) -> &'static str {
    if format.ends_with("(XML)") {
        "XML"
    } else {
        "JSON"
    }
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

    #[test]
    fn seats_past_what_a_contest_can_have_are_left_unknown() {
        let mut said = Vec::new();
        let contest = |n| NistContest {
            number_elected: n,
            ..NistContest::default()
        };
        assert_eq!(seats(&contest(Some(3)), &mut said), 3);
        assert_eq!(seats(&contest(Some(0)), &mut said), 1);
        assert_eq!(seats(&contest(None), &mut said), 1);
        assert!(said.is_empty());
        assert_eq!(seats(&contest(Some(1 << 33)), &mut said), 1);
        assert_eq!(
            said,
            ["NumberElected 8589934592 is not a number of seats: left unknown."]
        );
    }

    fn selections(votes: &[Option<u64>], statuses: &[Option<&'static str>]) -> Selections {
        Selections {
            candidates: votes
                .iter()
                .enumerate()
                .map(|(i, &v)| common::candidate(format!("c{i}"), None, v))
                .collect(),
            statuses: statuses.to_vec(),
            refs: Vec::new(),
            rounds: Vec::new(),
            in_last_round: Vec::new(),
        }
    }

    fn elected(s: &Selections) -> Vec<bool> {
        s.candidates.iter().map(|k| k.elected).collect()
    }

    #[test]
    fn winners_are_the_files_else_most_votes_in_complete_results() {
        let mut report = Report {
            status: Some("certified"),
            ..Report::default()
        };
        let c = NistContest::default();
        let mut said = Vec::new();
        // The file names a winner: only that one, whatever the votes.
        let mut s = selections(&[Some(9), Some(5)], &[None, Some("winner")]);
        let tie = Mapper::new("r.json", &report, "x").mark_winners(&c, "T", 1, &mut s, &mut said);
        assert_eq!((tie, elected(&s)), (None, vec![false, true]));
        // Complete, no winner named: most votes.
        let mut s = selections(&[Some(9), Some(5)], &[None, None]);
        Mapper::new("r.json", &report, "x").mark_winners(&c, "T", 1, &mut s, &mut said);
        assert_eq!(elected(&s), [true, false]);
        // An unknown count might be larger: nobody.
        let mut s = selections(&[Some(9), None], &[None, None]);
        Mapper::new("r.json", &report, "x").mark_winners(&c, "T", 1, &mut s, &mut said);
        assert_eq!(elected(&s), [false, false]);
        // Not complete: nobody.
        report.status = Some("unofficial-partial");
        let mut s = selections(&[Some(9), Some(5)], &[None, None]);
        Mapper::new("r.json", &report, "x").mark_winners(&c, "T", 1, &mut s, &mut said);
        assert_eq!(elected(&s), [false, false]);
        assert_eq!(
            said.last().map(String::as_str),
            Some("The file names no winner.")
        );
    }
}
