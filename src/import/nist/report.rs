//! What hustings keeps of a NIST election report, whichever syntax it came in: the one
//! intermediate both readers build (through `build`) and `mapping` turns into contests.
//!
//! Ids (`@id` / `ObjectId`, and every reference to one) are interned: `Id` indexes
//! `Report::ids`, so a precinct named by a million counts is stored once.

use crate::model::date::PartialDate;
use crate::model::tally::Tally;

/// An interned `@id`: an index into `Report::ids`.
pub type Id = u32;

/// A whole report.
#[derive(Debug, Default)]
pub struct Report {
    /// The text of every id, by `Id`.
    pub ids: Vec<String>,
    pub issuer: Option<String>,
    pub issuer_abbreviation: Option<String>,
    /// `Status`: `certified`, `unofficial-complete`, `unofficial-partial`…
    pub status: Option<&'static str>,
    /// `GeneratedDate`, as written.
    pub generated: Option<String>,
    pub elections: Vec<Election>,
    pub units: Vec<GpUnit>,
    pub parties: Vec<Party>,
    pub offices: Vec<Office>,
    /// What the reading ignored, one sentence each (unknown keys and elements).
    pub notes: Vec<String>,
}

impl Report {
    /// The text of `id`.
    pub fn id(&self, id: Id) -> &str {
        &self.ids[id as usize]
    }
}

/// One `Election`.
#[derive(Debug, Default)]
pub struct Election {
    pub name: Option<String>,
    /// `Type`: `general`, `primary`, `partisan-primary-closed`…
    pub kind: Option<&'static str>,
    pub other_kind: Option<String>,
    pub start: Option<PartialDate>,
    /// `ElectionScopeId`: the unit the whole election covers.
    pub scope: Option<Id>,
    pub candidates: Vec<Candidate>,
    pub contests: Vec<Contest>,
    pub ballots: Vec<BallotCount>,
}

/// One contest of any class.
#[derive(Debug, Default)]
pub struct Contest {
    pub id: Option<Id>,
    /// `CandidateContest`, `PartyContest`, `BallotMeasureContest` or `RetentionContest`.
    pub class: &'static str,
    pub name: Option<String>,
    pub ballot_title: Option<String>,
    /// `ElectionDistrictId` (`ElectoralDistrictId` in older files).
    pub district: Option<Id>,
    pub votes_allowed: Option<u64>,
    pub number_elected: Option<u64>,
    pub primary_parties: Vec<Id>,
    /// `OfficeIds`: the offices (seats) it fills.
    pub offices: Vec<Id>,
    /// `VoteVariation`: `plurality`, `rcv`, `n-of-m`…
    pub variation: Option<&'static str>,
    pub other_variation: Option<String>,
    pub sub_units_reported: Option<u64>,
    pub total_sub_units: Option<u64>,
    pub selections: Vec<Selection>,
    pub other_counts: Vec<OtherCount>,
}

/// One `ContestSelection` (`BallotSelection` in older files).
#[derive(Debug, Default)]
pub struct Selection {
    pub id: Option<Id>,
    /// `CandidateSelection`, `PartySelection` or `BallotMeasureSelection`.
    pub class: &'static str,
    pub candidates: Vec<Id>,
    pub parties: Vec<Id>,
    pub endorsements: Vec<Id>,
    pub write_in: bool,
    /// A ballot measure's answer (`Selection`).
    pub label: Option<String>,
    pub counts: Vec<VoteCount>,
}

/// A number as the file gives it: whole numbers (nearly all) without an allocation.
#[derive(Debug, Clone, PartialEq)]
pub enum Amount {
    Whole(u64),
    Decimal(Tally),
}

impl Amount {
    pub fn from_tally(t: Tally) -> Amount {
        match (t.decimals(), t.whole()) {
            (0, Some(n)) => Amount::Whole(n),
            _ => Amount::Decimal(t),
        }
    }

    pub fn to_tally(&self) -> Tally {
        match self {
            Amount::Whole(n) => Tally::whole_number(*n),
            Amount::Decimal(t) => t.clone(),
        }
    }

    /// The whole number, when it is one.
    pub fn whole(&self) -> Option<u64> {
        match self {
            Amount::Whole(n) => Some(*n),
            Amount::Decimal(t) => t.whole(),
        }
    }
}

/// One `VoteCounts`.
#[derive(Debug)]
pub struct VoteCount {
    pub unit: Id,
    /// `Type`: `total`, `election-day`, `absentee`…
    pub kind: &'static str,
    pub round: Option<u64>,
    /// None when `IsSuppressedForPrivacy` says the number is not the real one.
    pub count: Option<Amount>,
}

/// One `BallotCounts` (of an election, per unit).
#[derive(Debug)]
pub struct BallotCount {
    pub unit: Id,
    pub kind: &'static str,
    pub round: Option<u64>,
    pub cast: Option<u64>,
    pub rejected: Option<u64>,
    pub suppressed: bool,
}

/// One `OtherCounts` of a contest.
#[derive(Debug)]
pub struct OtherCount {
    pub unit: Id,
    pub overvotes: Option<Amount>,
    pub undervotes: Option<Amount>,
    pub write_ins: Option<u64>,
}

/// One `GpUnit`: a `ReportingUnit` (a country, county, precinct…) or a `ReportingDevice`.
#[derive(Debug, Default)]
pub struct GpUnit {
    pub id: Option<Id>,
    pub class: &'static str,
    pub name: Option<String>,
    /// `Type`: `country`, `state`, `county`, `precinct`, `other`…
    pub kind: Option<&'static str>,
    pub other_kind: Option<String>,
    /// `ComposingGpUnitIds`: the units it is made of.
    pub children: Vec<Id>,
    pub registered: Option<u64>,
    /// `ExternalIdentifier`s: (type, other type, value).
    pub codes: Vec<Code>,
}

/// One `ExternalIdentifier`.
#[derive(Debug, Default, Clone)]
pub struct Code {
    pub kind: Option<&'static str>,
    pub other_kind: Option<String>,
    pub value: Option<String>,
}

/// One `Party` or `Coalition`.
#[derive(Debug, Default)]
pub struct Party {
    pub id: Option<Id>,
    pub class: &'static str,
    pub name: Option<String>,
    pub abbreviation: Option<String>,
    /// `Color`, as written (six hex digits).
    pub color: Option<String>,
}

/// One `Office`: the seat a contest fills.
#[derive(Debug, Default)]
pub struct Office {
    pub id: Option<Id>,
    pub name: Option<String>,
}

/// One `Candidate` of an election.
#[derive(Debug, Default)]
pub struct Candidate {
    pub id: Option<Id>,
    pub ballot_name: Option<String>,
    pub party: Option<Id>,
    pub incumbent: bool,
    /// `PostElectionStatus`: `winner`, `projected-winner`, `defeated`, `withdrawn`…
    pub post_status: Option<&'static str>,
    /// `PreElectionStatus`: `filed`, `qualified`, `withdrawn`.
    pub pre_status: Option<&'static str>,
}
