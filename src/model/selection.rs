//! How a selection ran, as sources report it: the stages it went through (longlist, shortlist,
//! ballot…), who nominated whom toward a threshold, each candidate's fate short of the ballot,
//! the bounds a source puts on an unknown date, and which facts the data's author inferred.

use compact_str::CompactString;
use std::fmt;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::model::date::PartialDate;
use crate::model::require_object;
use crate::model::strict_numbers::{count, count_opt};

/// One step of a selection, in order: who was still in it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Stage {
    pub stage: StageKind,
    /// When the stage was decided (or held), to the precision known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<PartialDate>,
    /// The candidates at this stage, each a candidate's `id` or name as in `candidates`.
    #[serde(default)]
    pub candidates: Vec<CompactString>,
    /// Anything else the sources say about the stage (people it left out whom they do not name).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<CompactString>,
}

/// The kinds of stage a selection goes through.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "kebab-case")]
pub enum StageKind {
    /// Everyone who applied or was longlisted.
    Longlist,
    /// Those shortlisted to go before the members.
    Shortlist,
    /// Those nominated (by branches, unions, MPs…) to go forward.
    Nominations,
    /// Those on the ballot paper.
    Ballot,
    /// Those who spoke at a hustings.
    Hustings,
    Other,
}

impl StageKind {
    pub const ALL: [StageKind; 6] = [
        StageKind::Longlist,
        StageKind::Shortlist,
        StageKind::Nominations,
        StageKind::Ballot,
        StageKind::Hustings,
        StageKind::Other,
    ];

    /// The name used in the data format and on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            StageKind::Longlist => "longlist",
            StageKind::Shortlist => "shortlist",
            StageKind::Nominations => "nominations",
            StageKind::Ballot => "ballot",
            StageKind::Hustings => "hustings",
            StageKind::Other => "other",
        }
    }
}

/// What became of a candidate short of (or instead of) a members' ballot. A candidate with no
/// status stood in the contest as its votes and `elected` say.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "kebab-case")]
pub enum CandidateStatus {
    /// Withdrew from the contest.
    Withdrawn,
    /// Sought selection but was not shortlisted.
    NotShortlisted,
    /// Chosen without a members' ballot (e.g. by the party's national executive).
    Imposed,
    /// Barred from standing.
    Disqualified,
}

impl CandidateStatus {
    pub const ALL: [CandidateStatus; 4] = [
        CandidateStatus::Withdrawn,
        CandidateStatus::NotShortlisted,
        CandidateStatus::Imposed,
        CandidateStatus::Disqualified,
    ];

    /// The name used in the data format and on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            CandidateStatus::Withdrawn => "withdrawn",
            CandidateStatus::NotShortlisted => "not-shortlisted",
            CandidateStatus::Imposed => "imposed",
            CandidateStatus::Disqualified => "disqualified",
        }
    }

    /// Whether the candidate left (or was kept out of) the contest, so cannot have won it.
    pub fn left_the_contest(self) -> bool {
        !matches!(self, CandidateStatus::Imposed)
    }
}

/// Nominations from one kind of body: who nominated whom, and how many are needed to go forward.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Nomination {
    pub body: NominatingBody,
    /// How many nominations of this kind a candidate needs to go forward, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(extend("exclusiveMinimum" = 0))]
    pub threshold: Option<f64>,
    /// The rule or the bodies as the source words them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<CompactString>,
    /// Each candidate's nominations from such bodies.
    #[serde(default, deserialize_with = "require_object::list")]
    pub counts: Vec<NominationCount>,
}

/// One way to go forward on nominations: every condition must hold (e.g. "at least 2 unions,
/// and at least 1 other affiliate"). A contest may have several routes, any one of which will do
/// (constituency parties *or* affiliates).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct NominationRoute {
    /// What the route is called, e.g. `affiliates`.
    pub route: CompactString,
    /// The rule as the source words it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<CompactString>,
    /// The conditions, all of which must hold.
    #[serde(deserialize_with = "require_object::list")]
    #[schemars(length(min = 1))]
    pub conditions: Vec<NominationCondition>,
}

/// One condition of a route: at least `at_least` nominations from the bodies named, together.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct NominationCondition {
    /// The kinds of body whose nominations count toward it (summed), at least one.
    #[schemars(length(min = 1))]
    pub bodies: Vec<NominatingBody>,
    /// How many are needed, more than 0.
    #[serde(deserialize_with = "count")]
    #[schemars(range(min = 1))]
    pub at_least: u64,
}

/// The kinds of body that nominate candidates.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "kebab-case")]
pub enum NominatingBody {
    /// Local party branches (wards).
    Branch,
    /// Constituency Labour Parties (or other constituency parties).
    Clp,
    /// Trade unions.
    Union,
    /// Affiliated organisations other than unions (socialist societies…).
    Affiliate,
    /// Members of Parliament (and MEPs).
    Mp,
    Other,
}

impl NominatingBody {
    pub const ALL: [NominatingBody; 6] = [
        NominatingBody::Branch,
        NominatingBody::Clp,
        NominatingBody::Union,
        NominatingBody::Affiliate,
        NominatingBody::Mp,
        NominatingBody::Other,
    ];

    /// The name used in the data format.
    pub fn as_str(self) -> &'static str {
        match self {
            NominatingBody::Branch => "branch",
            NominatingBody::Clp => "clp",
            NominatingBody::Union => "union",
            NominatingBody::Affiliate => "affiliate",
            NominatingBody::Mp => "mp",
            NominatingBody::Other => "other",
        }
    }
}

/// One candidate's nominations from one kind of body.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct NominationCount {
    /// A candidate's `id` or name as in `candidates`.
    pub candidate: CompactString,
    /// How many nominated the candidate; absent when only some nominators are named.
    #[serde(
        default,
        deserialize_with = "count_opt",
        skip_serializing_if = "Option::is_none"
    )]
    #[schemars(with = "Option<u64>")]
    pub count: Option<u64>,
    /// The nominators the sources name (maybe only some of `count`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub from: Vec<CompactString>,
}

impl NominationCount {
    /// The nominations known: `count`, else at least as many as are named.
    pub fn known(&self) -> Option<Known> {
        match (self.count, self.from.len()) {
            (Some(n), _) => Some(Known::Exactly(n)),
            (None, 0) => None,
            (None, named) => Some(Known::AtLeast(named as u64)),
        }
    }
}

/// A count known exactly, or only from below (the nominators named).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Known {
    Exactly(u64),
    AtLeast(u64),
}

impl Known {
    /// The count, or its lower bound.
    pub fn value(self) -> u64 {
        match self {
            Known::Exactly(n) | Known::AtLeast(n) => n,
        }
    }

    /// Whether this reaches `threshold`: `None` when a lower bound falls short (it may or may not).
    pub fn reaches(self, threshold: f64) -> Option<bool> {
        match self {
            Known::Exactly(n) => Some(n as f64 >= threshold),
            Known::AtLeast(n) if n as f64 >= threshold => Some(true),
            Known::AtLeast(_) => None,
        }
    }
}

/// A fact the data's author supplied that the sources do not state, and why it was supplied.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Inferred {
    /// A JSON path within the contest, such as `region`, `date` or `candidates[2].faction`.
    pub field: CompactString,
    /// What the value was inferred from.
    pub basis: CompactString,
}

/// Bounds the sources put on a date they do not give: the contest fell on or after `earliest`
/// and on or before `latest`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DateBounds {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub earliest: Option<PartialDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub latest: Option<PartialDate>,
    /// What in the sources sets the bounds.
    pub basis: CompactString,
}

/// One step of a path within a contest: `candidates[2].faction` is `candidates`, 2, `faction`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FieldStep {
    Key(String),
    Index(usize),
}

/// A path within a contest, parsed from its written form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldPath(pub Vec<FieldStep>);

impl FieldPath {
    /// Parses `key(.key|[n])*`: keys of letters, digits and `_`, indices whole numbers.
    pub fn parse(text: &str) -> Option<FieldPath> {
        let mut steps = Vec::new();
        let mut rest = text.trim();
        let mut expect_key = true;
        while !rest.is_empty() {
            if let Some(after) = rest.strip_prefix('[') {
                let close = after.find(']')?;
                let digits = &after[..close];
                if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
                    return None;
                }
                steps.push(FieldStep::Index(digits.parse().ok()?));
                rest = &after[close + 1..];
                expect_key = false;
                continue;
            }
            if !expect_key {
                rest = rest.strip_prefix('.')?;
            }
            let end = rest
                .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
                .unwrap_or(rest.len());
            if end == 0 {
                return None;
            }
            steps.push(FieldStep::Key(rest[..end].to_string()));
            rest = &rest[end..];
            expect_key = false;
        }
        match steps.first() {
            Some(FieldStep::Key(_)) => Some(FieldPath(steps)),
            _ => None,
        }
    }

    /// Whether `self` is `other` or lies within it (`candidates[2].faction` within `candidates[2]`).
    pub fn within(&self, other: &FieldPath) -> bool {
        self.0.starts_with(&other.0)
    }
}

impl fmt::Display for FieldPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, step) in self.0.iter().enumerate() {
            match step {
                FieldStep::Key(k) if i == 0 => write!(f, "{k}")?,
                FieldStep::Key(k) => write!(f, ".{k}")?,
                FieldStep::Index(n) => write!(f, "[{n}]")?,
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn field_paths_parse_and_nest() {
        let p = FieldPath::parse("candidates[2].faction").unwrap();
        assert_eq!(
            p.0,
            vec![
                FieldStep::Key("candidates".into()),
                FieldStep::Index(2),
                FieldStep::Key("faction".into())
            ]
        );
        assert_eq!(p.to_string(), "candidates[2].faction");
        assert!(p.within(&FieldPath::parse("candidates[2]").unwrap()));
        assert!(!p.within(&FieldPath::parse("candidates[1]").unwrap()));
        assert_eq!(FieldPath::parse(" region ").unwrap().to_string(), "region");
        for bad in ["", "[0]", "a..b", "a[x]", "a[]", "a.", "a b", "a[1"] {
            assert_eq!(FieldPath::parse(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn a_lower_bound_reaches_only_when_it_is_enough() {
        assert_eq!(Known::Exactly(1).reaches(2.0), Some(false));
        assert_eq!(Known::Exactly(2).reaches(2.0), Some(true));
        assert_eq!(Known::AtLeast(1).reaches(2.0), None);
        assert_eq!(Known::AtLeast(3).reaches(2.0), Some(true));
        let named = NominationCount {
            candidate: "A".into(),
            count: None,
            from: vec!["Unison".into()],
        };
        assert_eq!(named.known(), Some(Known::AtLeast(1)));
    }
}
