//! The data format, version 1: serde types for datasets of contests.
//!
//! Unknown numbers stay unknown (`None`), never zero. Every field is documented in docs/FORMAT.md;
//! `hustings schema` prints the JSON Schema generated from these types.

pub mod arithmetic;
pub mod change;
pub mod colour;
pub mod date;
pub mod fixed;
pub mod json_path;
pub mod party;
pub mod period;
pub mod references;
pub mod require_object;
pub mod seat;
pub mod selection;
pub mod shared_str;
pub mod strict_numbers;
pub mod strings;
pub mod tally;
pub mod text;

use compact_str::CompactString;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use thin_vec::ThinVec;

use crate::model::date::PartialDate;
pub use crate::model::selection::{
    CandidateStatus, DateBounds, FieldPath, Inferred, NominatingBody, Nomination,
    NominationCondition, NominationCount, NominationRoute, Stage, StageKind,
};
pub use crate::model::shared_str::SharedStr;
use crate::model::strict_numbers::{percent, vote_count, vote_count_opt};
use crate::model::tally::Tally;

/// The only `schema_version` this build reads.
pub const SCHEMA_VERSION: u32 = 1;

/// A whole dataset: catalogues of regions and factions, and the contests that refer to them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Dataset {
    /// Must be 1.
    pub schema_version: u32,
    /// A short name for the dataset, shown in the explorer's title bar.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<CompactString>,
    #[serde(default, deserialize_with = "require_object::list")]
    pub regions: Vec<Region>,
    #[serde(default, deserialize_with = "require_object::list")]
    pub factions: Vec<Faction>,
    #[serde(deserialize_with = "require_object::list")]
    pub contests: Vec<Contest>,
}

/// A geographical region contests belong to.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Region {
    /// Stable identifier referred to by `contest.region`, e.g. `north-west`.
    pub id: CompactString,
    /// Display name, e.g. `North West`.
    pub name: CompactString,
    /// Other names the region goes by in the data it came from (`East` for `East of
    /// England`): a filter may name it by any of them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub spellings: Vec<CompactString>,
}

/// A faction or party that candidates belong to; also gives the colour of their bars.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Faction {
    /// Stable identifier referred to by `candidate.faction`, e.g. `labour-left`.
    pub id: CompactString,
    /// Display name, e.g. `Labour left / Momentum`.
    pub name: CompactString,
    /// A short label (one to four characters) used where colour is unavailable (NO_COLOR) or space is tight.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub abbr: Option<CompactString>,
    /// Colour of the faction's bars and marks: `#rgb` or `#rrggbb` (hex digits in any case), or a CSS colour name in any case (one of the 148 of CSS Color Module Level 4, such as `navy` or `RebeccaPurple`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(pattern(colour::SCHEMA_PATTERN))]
    pub color: Option<CompactString>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<CompactString>,
    /// The id of the faction this party is part of, counted with it in seat totals (e.g.
    /// `Labour and Co-operative` in `labour`). One level only: a group has no group.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group: Option<CompactString>,
    /// Other spellings of the party's name met in data (`Sinn Fein` for `Sinn Féin`): a
    /// candidate's `party` spelt so is this faction's party.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub spellings: Vec<CompactString>,
}

/// What sort of contest this is.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "kebab-case")]
pub enum ContestKind {
    /// A party choosing its candidate for a seat.
    Selection,
    /// A party choosing its leader (or deputy).
    Leadership,
    /// One seat at a general election.
    GeneralElection,
    ByElection,
    Other,
}

impl ContestKind {
    pub const ALL: [ContestKind; 5] = [
        ContestKind::Selection,
        ContestKind::Leadership,
        ContestKind::GeneralElection,
        ContestKind::ByElection,
        ContestKind::Other,
    ];

    /// The name used in the data format and on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            ContestKind::Selection => "selection",
            ContestKind::Leadership => "leadership",
            ContestKind::GeneralElection => "general-election",
            ContestKind::ByElection => "by-election",
            ContestKind::Other => "other",
        }
    }
}

/// Whether the result is known.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    Decided,
    Pending,
}

impl Status {
    pub const ALL: [Status; 2] = [Status::Decided, Status::Pending];

    pub fn as_str(self) -> &'static str {
        match self {
            Status::Decided => "decided",
            Status::Pending => "pending",
        }
    }
}

/// One contest: a selection, a leadership race, a general-election seat...
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Contest {
    /// Unique across all loaded datasets, e.g. `stockport-selection-2019`.
    pub id: CompactString,
    pub kind: ContestKind,
    pub title: CompactString,
    /// The party holding the contest (selections, leadership) or null.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub party: Option<SharedStr>,
    /// The seat contested; contests in one seat are linked by it (or by `constituency_id`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub constituency: Option<CompactString>,
    /// An official code for the seat (e.g. the ONS id `E14000969`), preferred to the name for linking.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub constituency_id: Option<CompactString>,
    /// A region id from the catalogue, or null for a national contest.
    #[serde(default)]
    pub region: Option<SharedStr>,
    /// When the contest was decided (or is due), to the precision known; null when unknown.
    #[serde(default)]
    pub date: Option<PartialDate>,
    /// Bounds the sources put on a date they do not give (e.g. between a declaration and a report).
    #[serde(
        default,
        deserialize_with = "require_object::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub date_bounds: Option<Box<DateBounds>>,
    pub status: Status,
    /// The date the status was last reported (useful for pending contests).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status_as_of: Option<PartialDate>,
    /// How the vote was run, e.g. `postal ballot`, `hustings meeting`, `first past the post`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub method: Option<SharedStr>,
    #[serde(
        default,
        deserialize_with = "require_object::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub ballots: Option<Ballots>,
    #[serde(default, deserialize_with = "require_object::list")]
    pub candidates: Vec<Candidate>,
    /// Seats the contest fills (default 1); more than one in a single transferable vote.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub seats: Option<u32>,
    /// The stages the contest went through, in order (longlist, shortlist, ballot…).
    #[serde(
        default,
        deserialize_with = "require_object::list",
        skip_serializing_if = "ThinVec::is_empty"
    )]
    #[schemars(with = "Vec<Stage>")]
    pub stages: ThinVec<Stage>,
    /// Nominations per kind of body, with the threshold to go forward where known.
    #[serde(
        default,
        deserialize_with = "require_object::list",
        skip_serializing_if = "ThinVec::is_empty"
    )]
    #[schemars(with = "Vec<Nomination>")]
    pub nominations: ThinVec<Nomination>,
    /// The ways to go forward on nominations when a rule has several conditions (or several
    /// routes, any one of which will do); each condition counts the `nominations` of its bodies.
    #[serde(
        default,
        deserialize_with = "require_object::list",
        skip_serializing_if = "ThinVec::is_empty"
    )]
    #[schemars(with = "Vec<NominationRoute>")]
    pub nomination_routes: ThinVec<NominationRoute>,
    /// Preferential counts, round by round (first round first). Empty for a single count.
    #[serde(
        default,
        deserialize_with = "require_object::list",
        skip_serializing_if = "ThinVec::is_empty"
    )]
    #[schemars(with = "Vec<Round>")]
    pub rounds: ThinVec<Round>,
    /// The winner's margin over the runner-up in votes, as the source states it.
    #[serde(
        default,
        deserialize_with = "vote_count_opt",
        skip_serializing_if = "Option::is_none"
    )]
    #[schemars(with = "Option<u64>")]
    pub majority: Option<u64>,
    /// The swing as the source states it.
    #[serde(
        default,
        deserialize_with = "require_object::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub swing: Option<Box<Swing>>,
    /// The official result text, e.g. `Lab hold` or `Con gain from Lab`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub result: Option<CompactString>,
    /// Who held the seat (or post) before this contest.
    #[serde(
        default,
        deserialize_with = "require_object::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub previous_holder: Option<Box<Holder>>,
    /// The previous holder's departure from the party, where that is why the contest is held.
    #[serde(
        default,
        deserialize_with = "require_object::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub defection: Option<Box<Defection>>,
    /// The seat's majority at the last general election (context for a selection).
    #[serde(
        default,
        deserialize_with = "require_object::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub seat_majority: Option<Box<SeatMajority>>,
    /// Where the facts come from; every contest should cite at least one source.
    #[serde(deserialize_with = "require_object::list")]
    pub sources: Vec<Source>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<CompactString>,
    /// Facts the data's author supplied that the sources do not state, each with its basis.
    #[serde(
        default,
        deserialize_with = "require_object::list",
        skip_serializing_if = "ThinVec::is_empty"
    )]
    #[schemars(with = "Vec<Inferred>")]
    pub inferred: ThinVec<Inferred>,
}

/// How a count refers to a candidate, once resolved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CandidateRef {
    /// The candidate at this index of `candidates`.
    Found(usize),
    /// Several candidates have this name and none this id.
    Ambiguous,
    Missing,
}

impl Contest {
    /// The candidate a count, an elimination or a transfer means by `reference`: the one with
    /// that `id`, else the only one with that name.
    pub fn candidate_ref(&self, reference: &str) -> CandidateRef {
        if let Some(i) = self
            .candidates
            .iter()
            .position(|c| c.id() == Some(reference))
        {
            return CandidateRef::Found(i);
        }
        let mut named = self
            .candidates
            .iter()
            .enumerate()
            .filter(|(_, c)| c.name == reference)
            .map(|(i, _)| i);
        match (named.next(), named.next()) {
            (Some(i), None) => CandidateRef::Found(i),
            (Some(_), Some(_)) => CandidateRef::Ambiguous,
            (None, _) => CandidateRef::Missing,
        }
    }

    /// The candidate `reference` means, if exactly one.
    pub fn candidate_named(&self, reference: &str) -> Option<&Candidate> {
        match self.candidate_ref(reference) {
            CandidateRef::Found(i) => Some(&self.candidates[i]),
            CandidateRef::Ambiguous | CandidateRef::Missing => None,
        }
    }

    /// Whether candidate `i` stood in a count: not when they have a status (withdrawn, not
    /// shortlisted, disqualified, or imposed without a ballot) or a `ballot` stage leaves them
    /// out — unless they have votes all the same (a late withdrawal still counted). Shares,
    /// sums and margins are of these candidates.
    pub fn on_ballot(&self, i: usize) -> bool {
        let c = &self.candidates[i];
        if c.votes.is_some() {
            return true;
        }
        if c.status().is_some() {
            return false;
        }
        let mut ballots = self
            .stages
            .iter()
            .filter(|s| s.stage == StageKind::Ballot)
            .peekable();
        if ballots.peek().is_none() {
            return true;
        }
        ballots.any(|s| {
            s.candidates
                .iter()
                .any(|r| self.candidate_ref(r) == CandidateRef::Found(i))
        })
    }

    /// The basis of every inferred fact at `path` or within it (`candidates[2]` covers
    /// `candidates[2].faction`), in the data's order.
    pub fn inferred_within(&self, path: &FieldPath) -> Vec<&Inferred> {
        self.inferred
            .iter()
            .filter(|i| FieldPath::parse(&i.field).is_some_and(|f| f.within(path)))
            .collect()
    }

    /// Whether anything at `path` (written as in `inferred`) or within it is inferred.
    pub fn is_inferred(&self, path: &str) -> bool {
        !self.inferred.is_empty()
            && FieldPath::parse(path).is_some_and(|p| !self.inferred_within(&p).is_empty())
    }
}

/// Ballot totals; each is optional because sources often give only some.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Ballots {
    /// Valid ballots counted.
    #[serde(
        default,
        deserialize_with = "vote_count_opt",
        skip_serializing_if = "Option::is_none"
    )]
    #[schemars(with = "Option<u64>")]
    pub valid: Option<u64>,
    /// Rejected, spoilt or ineligible ballots.
    #[serde(
        default,
        deserialize_with = "vote_count_opt",
        skip_serializing_if = "Option::is_none"
    )]
    #[schemars(with = "Option<u64>")]
    pub rejected: Option<u64>,
    /// Everyone entitled to vote (the electorate or eligible membership).
    #[serde(
        default,
        deserialize_with = "vote_count_opt",
        skip_serializing_if = "Option::is_none"
    )]
    #[schemars(with = "Option<u64>")]
    pub eligible: Option<u64>,
    /// Ballots cast in all (valid and rejected), when a source gives only this total ("a turnout of 160").
    #[serde(
        default,
        deserialize_with = "vote_count_opt",
        skip_serializing_if = "Option::is_none"
    )]
    #[schemars(with = "Option<u64>")]
    pub cast: Option<u64>,
}

/// One person standing.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(from = "CandidateRecord")]
pub struct Candidate {
    /// The person's name; empty where the source gives results by party only, or describes
    /// someone without naming them (see [`CandidateRecord`]).
    pub name: CompactString,
    pub party: Option<SharedStr>,
    /// A faction id from the catalogue, or none when unknown or none.
    pub faction: Option<SharedStr>,
    /// First-count votes; none when the source gives no number.
    pub votes: Option<u64>,
    pub elected: bool,
    pub incumbent: bool,
    pub write_in: bool,
    pub folded: bool,
    pub endorsements: ThinVec<SharedStr>,
    /// What few candidates have, out of line: a candidate is five to a contest, and these
    /// would take over a third of its room.
    pub more: Option<Box<CandidateMore>>,
}

/// A candidate's rarely known facts (see [`CandidateRecord`] for each).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CandidateMore {
    pub id: Option<CompactString>,
    pub share: Option<StatedShare>,
    pub status: Option<CandidateStatus>,
    pub place: Option<u32>,
    pub description: Option<CompactString>,
}

impl CandidateMore {
    /// Boxed, or nothing when every fact is unknown.
    pub fn boxed(self) -> Option<Box<CandidateMore>> {
        (self != CandidateMore::default()).then(|| Box::new(self))
    }
}

impl From<CandidateRecord> for Candidate {
    fn from(r: CandidateRecord) -> Candidate {
        Candidate {
            name: r.name,
            party: r.party,
            faction: r.faction,
            votes: r.votes,
            elected: r.elected,
            incumbent: r.incumbent,
            write_in: r.write_in,
            folded: r.folded,
            endorsements: r.endorsements,
            more: CandidateMore {
                id: r.id,
                share: r.share,
                status: r.status,
                place: r.place,
                description: r.description,
            }
            .boxed(),
        }
    }
}

impl Serialize for Candidate {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        /// The record's fields, borrowed, in its order.
        #[derive(Serialize)]
        struct Record<'a> {
            #[serde(skip_serializing_if = "str::is_empty")]
            name: &'a str,
            #[serde(skip_serializing_if = "Option::is_none")]
            id: Option<&'a str>,
            #[serde(skip_serializing_if = "Option::is_none")]
            party: Option<&'a str>,
            faction: Option<&'a str>,
            votes: Option<u64>,
            #[serde(skip_serializing_if = "Option::is_none")]
            share: Option<&'a StatedShare>,
            elected: bool,
            #[serde(skip_serializing_if = "Option::is_none")]
            status: Option<CandidateStatus>,
            #[serde(skip_serializing_if = "Option::is_none")]
            place: Option<u32>,
            #[serde(skip_serializing_if = "std::ops::Not::not")]
            incumbent: bool,
            #[serde(skip_serializing_if = "std::ops::Not::not")]
            write_in: bool,
            #[serde(skip_serializing_if = "std::ops::Not::not")]
            folded: bool,
            #[serde(skip_serializing_if = "Option::is_none")]
            description: Option<&'a str>,
            endorsements: &'a [SharedStr],
        }
        Record {
            name: &self.name,
            id: self.id(),
            party: self.party.as_deref(),
            faction: self.faction.as_deref(),
            votes: self.votes,
            share: self.share(),
            elected: self.elected,
            status: self.status(),
            place: self.place(),
            incumbent: self.incumbent,
            write_in: self.write_in,
            folded: self.folded,
            description: self.description(),
            endorsements: &self.endorsements,
        }
        .serialize(serializer)
    }
}

impl JsonSchema for Candidate {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        CandidateRecord::schema_name()
    }

    fn schema_id() -> std::borrow::Cow<'static, str> {
        CandidateRecord::schema_id()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        CandidateRecord::json_schema(generator)
    }
}

/// A candidate as the format writes one: every field at the top level. The model keeps what
/// few candidates have (an id, a description, a status, a place, a stated share) out of line
/// ([`Candidate::more`]); this is what is read, and what the schema describes. Its
/// `skip_serializing_if`s are what `Candidate`'s `Serialize` does (the schema reads them).
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(rename = "Candidate", description = "One person standing.")]
struct CandidateRecord {
    /// The person's name; absent where the source gives results by party only (then `party`
    /// names the row, and nothing refers to it by name), or where it describes someone without
    /// naming them (then `description` says who; never a namesake of another unnamed person).
    #[serde(default, skip_serializing_if = "CompactString::is_empty")]
    name: CompactString,
    /// Tells namesakes apart: unique within the contest when given; rounds may refer to the
    /// candidate by it instead of the name (and must, when two candidates share a name).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    id: Option<CompactString>,
    /// The candidate's party (needed for general-election seats).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    party: Option<SharedStr>,
    /// A faction id from the catalogue, or null when unknown or none.
    #[serde(default)]
    faction: Option<SharedStr>,
    /// First-count votes; null when the source gives no number.
    #[serde(default, deserialize_with = "vote_count_opt")]
    #[schemars(with = "Option<u64>")]
    votes: Option<u64>,
    /// A share of the vote as the source states it, e.g. "over 70%", when votes are unknown or to cross-check them.
    #[serde(
        default,
        deserialize_with = "require_object::option",
        skip_serializing_if = "Option::is_none"
    )]
    share: Option<StatedShare>,
    #[serde(default)]
    elected: bool,
    /// What became of the candidate short of (or instead of) a members' ballot.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    status: Option<CandidateStatus>,
    /// Finishing position when the source states it but not the votes ("came third").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    place: Option<u32>,
    /// Held the seat going into this contest.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    incumbent: bool,
    /// Written in by voters rather than printed on the ballot (a count may treat the write-ins
    /// together as one candidate).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    write_in: bool,
    /// Several small parties' votes reported together (e.g. `Other`): a group, not a party, so
    /// it never wins, holds or gains a seat.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    folded: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    description: Option<CompactString>,
    /// Who backed the candidate: unions, groups, politicians.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    endorsements: ThinVec<SharedStr>,
}

/// A share of the vote known only as precisely as a source reports it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct StatedShare {
    /// Percentage, 0–100.
    #[serde(deserialize_with = "percent")]
    #[schemars(with = "f64", range(min = 0, max = 100))]
    pub percent: f64,
    /// How the source qualifies it: `exact`, `about` ("approximately 57 per cent"), `over` ("over 70%") or `under`.
    #[serde(default)]
    pub bound: Bound,
}

/// The qualifier on a stated share.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Bound {
    #[default]
    Exact,
    About,
    Over,
    Under,
}

/// One round of a preferential count.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Round {
    /// Each continuing candidate's votes in this round (a candidate's `id` or name).
    #[serde(deserialize_with = "require_object::list")]
    pub counts: Vec<RoundCount>,
    /// Candidates elected in this round (reaching the threshold, or the last ones standing).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub elected: Vec<CompactString>,
    /// Candidates eliminated at the end of this round (several at once in a batch elimination).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub eliminated: Vec<CompactString>,
    /// Votes moved at the end of this round, where the source gives them: an eliminated
    /// candidate's ballots, or an elected candidate's surplus.
    #[serde(
        default,
        deserialize_with = "require_object::list",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub transfers: Vec<Transfer>,
    /// Ballots with no further preference, set aside at the end of this round (format v1;
    /// `inactive` says more).
    #[serde(
        default,
        deserialize_with = "vote_count_opt",
        skip_serializing_if = "Option::is_none"
    )]
    #[schemars(with = "Option<u64>")]
    pub exhausted: Option<u64>,
    /// Ballots of a candidate elected or eliminated in this round that went to no candidate,
    /// per candidate and reason (`exhausted`, `residual surplus`…), where the source gives
    /// them: with `transfers`, every one of their ballots accounted for.
    #[serde(
        default,
        deserialize_with = "require_object::list",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub set_aside: Vec<SetAside>,
    /// The votes a candidate needs to be elected in this round (quota or majority), as stated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub threshold: Option<Tally>,
    /// Ballots no longer counting for anyone as of this round's counts, by reason
    /// (`exhausted`, `overvotes`, `residual surplus`…): running totals, not this round's change.
    #[serde(
        default,
        deserialize_with = "require_object::list",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub inactive: Vec<Inactive>,
}

/// A candidate's votes in one round.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RoundCount {
    /// A candidate's `id`, or name exactly as in `candidates`.
    pub candidate: CompactString,
    /// Whole or decimal (fractional transfers), kept as given.
    pub votes: Tally,
}

/// Ballots set aside for one reason, as of a round.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Inactive {
    /// Why, as the counting software says: `exhausted`, `overvotes`, `undervotes`,
    /// `skipped rankings`, `repeated rankings`, `residual surplus`, `inactive ballots`…
    pub reason: CompactString,
    pub ballots: Tally,
}

/// One elected or eliminated candidate's ballots that went to nobody at the end of a round.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SetAside {
    /// The candidate whose ballots these were (an `id` or name).
    pub from: CompactString,
    /// Why, as the counting software says: `exhausted`, `residual surplus`…
    pub reason: CompactString,
    /// Whole or decimal, kept as given.
    pub ballots: Tally,
}

/// Votes passed from one candidate to another between rounds.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Transfer {
    pub from: CompactString,
    pub to: CompactString,
    /// Whole or decimal (a surplus moves fractions of ballots), kept as given.
    pub votes: Tally,
}

/// A swing as stated, e.g. 13.4 points to Labour.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Swing {
    #[serde(deserialize_with = "percent")]
    #[schemars(with = "f64", range(min = 0, max = 100))]
    pub percent: f64,
    /// The party the swing was towards.
    pub to: CompactString,
}

/// The person who held the seat or post.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Holder {
    pub name: CompactString,
    /// Their party when last elected.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub party: Option<CompactString>,
    /// When they first won the seat.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub since: Option<PartialDate>,
}

/// A holder's departure from the party.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Defection {
    /// Where they went, e.g. `The Independent Group`; absent when a source says only that they left.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to: Option<CompactString>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<PartialDate>,
}

/// A seat's majority at a general election.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SeatMajority {
    #[serde(deserialize_with = "vote_count")]
    #[schemars(with = "u64")]
    pub votes: u64,
    /// The party that holds it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub party: Option<CompactString>,
    /// The election that produced it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub as_of: Option<PartialDate>,
}

/// A source the facts come from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// The publisher, e.g. `LabourList`.
    pub outlet: SharedStr,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<CompactString>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<PartialDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<CompactString>,
    /// Anything a reader should know about the source itself (e.g. that its headline is not preserved).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<CompactString>,
}

impl Contest {
    /// A contest with only its id, kind, title and status: every other fact empty or unknown.
    /// Importers start from it and fill in what their files give
    /// (`Contest { ballots, candidates, ..Contest::new(id, kind, title, status) }`).
    pub fn new(
        id: impl Into<CompactString>,
        kind: ContestKind,
        title: impl Into<CompactString>,
        status: Status,
    ) -> Contest {
        Contest {
            id: id.into(),
            kind,
            title: title.into(),
            party: None,
            constituency: None,
            constituency_id: None,
            region: None,
            date: None,
            date_bounds: None,
            status,
            status_as_of: None,
            method: None,
            ballots: None,
            candidates: Vec::new(),
            seats: None,
            stages: ThinVec::new(),
            nominations: ThinVec::new(),
            nomination_routes: ThinVec::new(),
            rounds: ThinVec::new(),
            majority: None,
            swing: None,
            result: None,
            previous_holder: None,
            defection: None,
            seat_majority: None,
            sources: Vec::new(),
            notes: None,
            inferred: ThinVec::new(),
        }
    }
}

impl Candidate {
    /// A candidate with only a name: no party, faction or votes known, not elected.
    pub fn new(name: impl Into<CompactString>) -> Candidate {
        Candidate {
            name: name.into(),
            party: None,
            faction: None,
            votes: None,
            elected: false,
            incumbent: false,
            write_in: false,
            folded: false,
            endorsements: ThinVec::new(),
            more: None,
        }
    }

    /// Tells namesakes apart (see [`CandidateRecord`]).
    pub fn id(&self) -> Option<&str> {
        self.more.as_ref()?.id.as_deref()
    }

    /// A share of the vote as the source states it.
    pub fn share(&self) -> Option<&StatedShare> {
        self.more.as_ref()?.share.as_ref()
    }

    /// What became of the candidate short of (or instead of) a members' ballot.
    pub fn status(&self) -> Option<CandidateStatus> {
        self.more.as_ref()?.status
    }

    /// Finishing position when the source states it but not the votes.
    pub fn place(&self) -> Option<u32> {
        self.more.as_ref()?.place
    }

    /// Who the candidate is, where the source describes them.
    pub fn description(&self) -> Option<&str> {
        self.more.as_ref()?.description.as_deref()
    }

    /// The rare facts, to fill in (made when first needed).
    pub fn more_mut(&mut self) -> &mut CandidateMore {
        self.more.get_or_insert_with(Box::default)
    }

    /// What to call the candidate: the name, else the party (`Labour`, or `Other (several
    /// parties)` for a folded group), else `(not named)` (the description says who).
    pub fn label(&self) -> String {
        match (self.name.is_empty(), &self.party) {
            (false, _) => self.name.to_string(),
            (true, Some(p)) if self.folded => format!("{p} (several parties)"),
            (true, Some(p)) => p.to_string(),
            (true, None) => UNNAMED.to_string(),
        }
    }

    /// Whether the source describes this person without naming them.
    pub fn is_unnamed(&self) -> bool {
        self.name.is_empty() && self.party.is_none()
    }
}

/// What a person the sources do not name is called.
pub const UNNAMED: &str = "(not named)";

impl Faction {
    /// The short label of the faction: its `abbr` (at most four characters), else the initials
    /// of its name — what a narrow column prints, and what a user may type back.
    pub fn short_label(&self) -> String {
        match &self.abbr {
            Some(a) if !a.trim().is_empty() => a.trim().chars().take(4).collect(),
            _ => self
                .name
                .split_whitespace()
                .filter_map(|w| w.chars().next())
                .filter(|c| c.is_alphanumeric())
                .take(4)
                .collect::<String>()
                .to_uppercase(),
        }
    }
}

impl Dataset {
    /// An empty dataset of the current version.
    pub fn empty() -> Self {
        Dataset {
            schema_version: SCHEMA_VERSION,
            title: None,
            regions: Vec::new(),
            factions: Vec::new(),
            contests: Vec::new(),
        }
    }

    pub fn region(&self, id: &str) -> Option<&Region> {
        self.regions.iter().find(|r| r.id == id)
    }

    pub fn faction(&self, id: &str) -> Option<&Faction> {
        self.factions.iter().find(|f| f.id == id)
    }

    pub fn contest(&self, id: &str) -> Option<&Contest> {
        self.contests.iter().find(|c| c.id == id)
    }
}
