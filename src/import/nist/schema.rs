//! The classes of NIST SP 1500-100 version 2 (Election Results Common Data Format) and the type
//! of each property, as its JSON Schema states them: what both readers check a document
//! against while they read it. Generated from the published schema
//! (`NIST_V2_election_results_reporting.json`); a test (`tests/engine/nist.rs`) reads the schema
//! again and fails if this table and it ever differ.
//!
//! The XML schema (`.xsd`) of the same version declares the same classes and properties:
//! there a property is an element (or, for `ObjectId`, `Language`, `Label` and `Annotation`,
//! an attribute), an abstract class is chosen with `xsi:type`, and a list of references is
//! one element holding the ids separated by spaces.

/// What a property holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// Text.
    Str,
    /// A whole number (negative allowed by the schema).
    Int,
    /// A number, perhaps with a fraction.
    Num,
    Bool,
    /// A date, `YYYY-MM-DD`.
    Date,
    /// One of a fixed list of words.
    Enum(&'static [&'static str]),
    /// An object of one of these classes (several: `@type` says which).
    Class(&'static [&'static str]),
    /// The `@id` of an object of one of these classes.
    Ref(&'static [&'static str]),
}

/// One property of a class.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Prop {
    pub key: &'static str,
    pub shape: Shape,
    /// A list of values (a JSON array; repeated elements, or ids separated by spaces, in XML).
    pub many: bool,
}

/// A class and its properties, sorted by key.
#[derive(Debug)]
pub struct Class {
    pub name: &'static str,
    pub props: &'static [Prop],
    /// Whether its objects carry an `@id` (`ObjectId` in XML) that others refer to.
    pub has_id: bool,
}

impl Class {
    /// The property named `key`, if the class has one.
    pub fn prop(&self, key: &str) -> Option<&'static Prop> {
        self.props
            .binary_search_by(|p| p.key.cmp(key))
            .ok()
            .map(|i| &self.props[i])
    }
}

/// The class named `name` (without the JSON `ElectionResults.` prefix).
pub fn class(name: &str) -> Option<&'static Class> {
    CLASSES
        .binary_search_by(|c| c.name.cmp(name))
        .ok()
        .map(|i| &CLASSES[i])
}

/// `name` as the JSON `@type` writes it: `ElectionResults.CandidateContest`.
pub const TYPE_PREFIX: &str = "ElectionResults.";

/// The value of an enumeration equal to `text`, as a static string.
pub fn enum_value(values: &'static [&'static str], text: &str) -> Option<&'static str> {
    values.iter().copied().find(|v| *v == text)
}

/// `a`, `a or b`, `a, b or c` — for messages listing what was expected.
pub fn or_list(words: &[&str]) -> String {
    match words {
        [] => String::new(),
        [one] => one.to_string(),
        [rest @ .., last] => format!("{} or {last}", rest.join(", ")),
    }
}

const fn prop(key: &'static str, shape: Shape, many: bool) -> Prop {
    Prop { key, shape, many }
}

use Shape::*;

pub static BALLOT_MEASURE_TYPE: [&str; 5] = [
    "ballot-measure",
    "initiative",
    "other",
    "recall",
    "referendum",
];
pub static CANDIDATE_POST_ELECTION_STATUS: [&str; 5] = [
    "advanced-to-runoff",
    "defeated",
    "projected-winner",
    "winner",
    "withdrawn",
];
pub static CANDIDATE_PRE_ELECTION_STATUS: [&str; 3] = ["filed", "qualified", "withdrawn"];
pub static COUNT_ITEM_STATUS: [&str; 4] = ["completed", "in-process", "not-processed", "unknown"];
pub static COUNT_ITEM_TYPE: [&str; 12] = [
    "absentee",
    "absentee-fwab",
    "absentee-in-person",
    "absentee-mail",
    "early",
    "election-day",
    "other",
    "provisional",
    "seats",
    "total",
    "uocava",
    "write-in",
];
pub static DAY_TYPE: [&str; 10] = [
    "all",
    "friday",
    "monday",
    "saturday",
    "sunday",
    "thursday",
    "tuesday",
    "wednesday",
    "weekday",
    "weekend",
];
pub static DEVICE_TYPE: [&str; 7] = [
    "bmd",
    "dre",
    "manual-count",
    "opscan-central",
    "opscan-precinct",
    "other",
    "unknown",
];
pub static ELECTION_TYPE: [&str; 7] = [
    "general",
    "other",
    "partisan-primary-closed",
    "partisan-primary-open",
    "primary",
    "runoff",
    "special",
];
pub static GEO_SPATIAL_FORMAT: [&str; 5] = ["geo-json", "gml", "kml", "shp", "wkt"];
pub static IDENTIFIER_TYPE: [&str; 6] = [
    "fips",
    "local-level",
    "national-level",
    "ocd-id",
    "other",
    "state-level",
];
pub static OFFICE_TERM_TYPE: [&str; 2] = ["full-term", "unexpired-term"];
pub static REPORT_DETAIL_LEVEL: [&str; 2] = ["precinct-level", "summary-contest"];
pub static REPORTING_UNIT_TYPE: [&str; 29] = [
    "ballot-batch",
    "ballot-style-area",
    "borough",
    "city",
    "city-council",
    "combined-precinct",
    "congressional",
    "country",
    "county",
    "county-council",
    "drop-box",
    "judicial",
    "municipality",
    "other",
    "polling-place",
    "precinct",
    "school",
    "special",
    "split-precinct",
    "state",
    "state-house",
    "state-senate",
    "town",
    "township",
    "utility",
    "village",
    "vote-center",
    "ward",
    "water",
];
pub static RESULTS_STATUS: [&str; 6] = [
    "certified",
    "correction",
    "pre-election",
    "recount",
    "unofficial-complete",
    "unofficial-partial",
];
pub static VOTE_VARIATION: [&str; 11] = [
    "approval",
    "borda",
    "cumulative",
    "majority",
    "n-of-m",
    "other",
    "plurality",
    "proportional",
    "range",
    "rcv",
    "super-majority",
];

/// Every class of the schema with its properties (`@id` and `@type` apart), by name.
pub static CLASSES: &[Class] = &[
    Class {
        name: "AnnotatedString",
        props: &[prop("Annotation", Str, false), prop("Content", Str, false)],
        has_id: false,
    },
    Class {
        name: "AnnotatedUri",
        props: &[prop("Annotation", Str, false), prop("Content", Str, false)],
        has_id: false,
    },
    Class {
        name: "BallotCounts",
        props: &[
            prop("BallotsCast", Int, false),
            prop("BallotsOutstanding", Int, false),
            prop("BallotsRejected", Int, false),
            prop("DeviceClass", Class(&["DeviceClass"]), false),
            prop(
                "GpUnitId",
                Ref(&["ReportingDevice", "ReportingUnit"]),
                false,
            ),
            prop("IsSuppressedForPrivacy", Bool, false),
            prop("OtherType", Str, false),
            prop("Round", Int, false),
            prop("Type", Enum(&COUNT_ITEM_TYPE), false),
        ],
        has_id: false,
    },
    Class {
        name: "BallotMeasureContest",
        props: &[
            prop("Abbreviation", Str, false),
            prop("BallotSubTitle", Class(&["InternationalizedText"]), false),
            prop("BallotTitle", Class(&["InternationalizedText"]), false),
            prop("ConStatement", Class(&["InternationalizedText"]), false),
            prop(
                "ContestSelection",
                Class(&[
                    "PartySelection",
                    "BallotMeasureSelection",
                    "CandidateSelection",
                ]),
                true,
            ),
            prop("CountStatus", Class(&["CountStatus"]), true),
            prop("EffectOfAbstain", Class(&["InternationalizedText"]), false),
            prop("ElectionDistrictId", Ref(&["ReportingUnit"]), false),
            prop("ExternalIdentifier", Class(&["ExternalIdentifier"]), true),
            prop("FullText", Class(&["InternationalizedText"]), false),
            prop("HasRotation", Bool, false),
            prop("InfoUri", Class(&["AnnotatedUri"]), true),
            prop("Name", Str, false),
            prop("OtherCounts", Class(&["OtherCounts"]), true),
            prop("OtherType", Str, false),
            prop("OtherVoteVariation", Str, false),
            prop("PassageThreshold", Class(&["InternationalizedText"]), false),
            prop("ProStatement", Class(&["InternationalizedText"]), false),
            prop("SequenceOrder", Int, false),
            prop("SubUnitsReported", Int, false),
            prop("SummaryText", Class(&["InternationalizedText"]), false),
            prop("TotalSubUnits", Int, false),
            prop("Type", Enum(&BALLOT_MEASURE_TYPE), false),
            prop("VoteVariation", Enum(&VOTE_VARIATION), false),
        ],
        has_id: true,
    },
    Class {
        name: "BallotMeasureSelection",
        props: &[
            prop("ExternalIdentifier", Class(&["ExternalIdentifier"]), true),
            prop("Selection", Class(&["InternationalizedText"]), false),
            prop("SequenceOrder", Int, false),
            prop("VoteCounts", Class(&["VoteCounts"]), true),
        ],
        has_id: true,
    },
    Class {
        name: "BallotStyle",
        props: &[
            prop("ExternalIdentifier", Class(&["ExternalIdentifier"]), true),
            prop(
                "GpUnitIds",
                Ref(&["ReportingDevice", "ReportingUnit"]),
                true,
            ),
            prop("ImageUri", Class(&["AnnotatedUri"]), true),
            prop(
                "OrderedContent",
                Class(&["OrderedContest", "OrderedHeader"]),
                true,
            ),
            prop("PartyIds", Ref(&["Party", "Coalition"]), true),
        ],
        has_id: false,
    },
    Class {
        name: "Candidate",
        props: &[
            prop("BallotName", Class(&["InternationalizedText"]), false),
            prop("CampaignSlogan", Class(&["InternationalizedText"]), false),
            prop("ContactInformation", Class(&["ContactInformation"]), false),
            prop("ExternalIdentifier", Class(&["ExternalIdentifier"]), true),
            prop("FileDate", Date, false),
            prop("IsIncumbent", Bool, false),
            prop("IsTopTicket", Bool, false),
            prop("PartyId", Ref(&["Party", "Coalition"]), false),
            prop("PersonId", Ref(&["Person"]), false),
            prop(
                "PostElectionStatus",
                Enum(&CANDIDATE_POST_ELECTION_STATUS),
                false,
            ),
            prop(
                "PreElectionStatus",
                Enum(&CANDIDATE_PRE_ELECTION_STATUS),
                false,
            ),
        ],
        has_id: true,
    },
    Class {
        name: "CandidateContest",
        props: &[
            prop("Abbreviation", Str, false),
            prop("BallotSubTitle", Class(&["InternationalizedText"]), false),
            prop("BallotTitle", Class(&["InternationalizedText"]), false),
            prop(
                "ContestSelection",
                Class(&[
                    "PartySelection",
                    "BallotMeasureSelection",
                    "CandidateSelection",
                ]),
                true,
            ),
            prop("CountStatus", Class(&["CountStatus"]), true),
            prop("ElectionDistrictId", Ref(&["ReportingUnit"]), false),
            prop("ExternalIdentifier", Class(&["ExternalIdentifier"]), true),
            prop("HasRotation", Bool, false),
            prop("Name", Str, false),
            prop("NumberElected", Int, false),
            prop("NumberRunoff", Int, false),
            prop("OfficeIds", Ref(&["Office"]), true),
            prop("OtherCounts", Class(&["OtherCounts"]), true),
            prop("OtherVoteVariation", Str, false),
            prop("PrimaryPartyIds", Ref(&["Party", "Coalition"]), true),
            prop("SequenceOrder", Int, false),
            prop("SubUnitsReported", Int, false),
            prop("TotalSubUnits", Int, false),
            prop("VoteVariation", Enum(&VOTE_VARIATION), false),
            prop("VotesAllowed", Int, false),
        ],
        has_id: true,
    },
    Class {
        name: "CandidateSelection",
        props: &[
            prop("CandidateIds", Ref(&["Candidate"]), true),
            prop("EndorsementPartyIds", Ref(&["Party", "Coalition"]), true),
            prop("IsWriteIn", Bool, false),
            prop("SequenceOrder", Int, false),
            prop("VoteCounts", Class(&["VoteCounts"]), true),
        ],
        has_id: true,
    },
    Class {
        name: "Coalition",
        props: &[
            prop("Abbreviation", Class(&["InternationalizedText"]), false),
            prop("Color", Str, false),
            prop("ContactInformation", Class(&["ContactInformation"]), false),
            prop(
                "ContestIds",
                Ref(&[
                    "PartyContest",
                    "BallotMeasureContest",
                    "CandidateContest",
                    "RetentionContest",
                ]),
                true,
            ),
            prop("ExternalIdentifier", Class(&["ExternalIdentifier"]), true),
            prop("IsRecognizedParty", Bool, false),
            prop("LeaderPersonIds", Ref(&["Person"]), true),
            prop("LogoUri", Class(&["AnnotatedUri"]), true),
            prop("Name", Class(&["InternationalizedText"]), false),
            prop("PartyIds", Ref(&["Party", "Coalition"]), true),
            prop(
                "PartyScopeGpUnitIds",
                Ref(&["ReportingDevice", "ReportingUnit"]),
                true,
            ),
            prop("Slogan", Class(&["InternationalizedText"]), false),
        ],
        has_id: true,
    },
    Class {
        name: "ContactInformation",
        props: &[
            prop("AddressLine", Str, true),
            prop("Directions", Class(&["InternationalizedText"]), false),
            prop("Email", Class(&["AnnotatedString"]), true),
            prop("Fax", Class(&["AnnotatedString"]), true),
            prop("Label", Str, false),
            prop("LatLng", Class(&["LatLng"]), false),
            prop("Name", Str, false),
            prop("Phone", Class(&["AnnotatedString"]), true),
            prop("Schedule", Class(&["Schedule"]), true),
            prop("Uri", Class(&["AnnotatedUri"]), true),
        ],
        has_id: false,
    },
    Class {
        name: "CountStatus",
        props: &[
            prop("OtherType", Str, false),
            prop("Status", Enum(&COUNT_ITEM_STATUS), false),
            prop("Type", Enum(&COUNT_ITEM_TYPE), false),
        ],
        has_id: false,
    },
    Class {
        name: "DeviceClass",
        props: &[
            prop("Manufacturer", Str, false),
            prop("Model", Str, false),
            prop("OtherType", Str, false),
            prop("Type", Enum(&DEVICE_TYPE), false),
        ],
        has_id: false,
    },
    Class {
        name: "Election",
        props: &[
            prop("BallotCounts", Class(&["BallotCounts"]), true),
            prop("BallotStyle", Class(&["BallotStyle"]), true),
            prop("Candidate", Class(&["Candidate"]), true),
            prop("ContactInformation", Class(&["ContactInformation"]), false),
            prop(
                "Contest",
                Class(&[
                    "PartyContest",
                    "BallotMeasureContest",
                    "CandidateContest",
                    "RetentionContest",
                ]),
                true,
            ),
            prop("CountStatus", Class(&["CountStatus"]), true),
            prop("ElectionScopeId", Ref(&["ReportingUnit"]), false),
            prop("EndDate", Date, false),
            prop("ExternalIdentifier", Class(&["ExternalIdentifier"]), true),
            prop("Name", Class(&["InternationalizedText"]), false),
            prop("OtherType", Str, false),
            prop("StartDate", Date, false),
            prop("Type", Enum(&ELECTION_TYPE), false),
        ],
        has_id: false,
    },
    Class {
        name: "ElectionAdministration",
        props: &[
            prop("ContactInformation", Class(&["ContactInformation"]), false),
            prop("ElectionOfficialPersonIds", Ref(&["Person"]), true),
            prop("Name", Str, false),
        ],
        has_id: false,
    },
    Class {
        name: "ElectionReport",
        props: &[
            prop("Election", Class(&["Election"]), true),
            prop("ExternalIdentifier", Class(&["ExternalIdentifier"]), true),
            prop("Format", Enum(&REPORT_DETAIL_LEVEL), false),
            prop("GeneratedDate", Str, false),
            prop("GpUnit", Class(&["ReportingDevice", "ReportingUnit"]), true),
            prop("Header", Class(&["Header"]), true),
            prop("IsTest", Bool, false),
            prop("Issuer", Str, false),
            prop("IssuerAbbreviation", Str, false),
            prop("Notes", Str, false),
            prop("Office", Class(&["Office"]), true),
            prop("OfficeGroup", Class(&["OfficeGroup"]), true),
            prop("Party", Class(&["Party", "Coalition"]), true),
            prop("Person", Class(&["Person"]), true),
            prop("SequenceEnd", Int, false),
            prop("SequenceStart", Int, false),
            prop("Status", Enum(&RESULTS_STATUS), false),
            prop("TestType", Str, false),
            prop("VendorApplicationId", Str, false),
        ],
        has_id: false,
    },
    Class {
        name: "ExternalIdentifier",
        props: &[
            prop("Label", Str, false),
            prop("OtherType", Str, false),
            prop("Type", Enum(&IDENTIFIER_TYPE), false),
            prop("Value", Str, false),
        ],
        has_id: false,
    },
    Class {
        name: "Header",
        props: &[
            prop("ExternalIdentifier", Class(&["ExternalIdentifier"]), true),
            prop("Name", Class(&["InternationalizedText"]), false),
        ],
        has_id: true,
    },
    Class {
        name: "Hours",
        props: &[
            prop("Day", Enum(&DAY_TYPE), false),
            prop("EndTime", Str, false),
            prop("Label", Str, false),
            prop("StartTime", Str, false),
        ],
        has_id: false,
    },
    Class {
        name: "InternationalizedText",
        props: &[
            prop("Label", Str, false),
            prop("Text", Class(&["LanguageString"]), true),
        ],
        has_id: false,
    },
    Class {
        name: "LanguageString",
        props: &[prop("Content", Str, false), prop("Language", Str, false)],
        has_id: false,
    },
    Class {
        name: "LatLng",
        props: &[
            prop("Label", Str, false),
            prop("Latitude", Num, false),
            prop("Longitude", Num, false),
            prop("Source", Str, false),
        ],
        has_id: false,
    },
    Class {
        name: "Office",
        props: &[
            prop("ContactInformation", Class(&["ContactInformation"]), false),
            prop("Description", Class(&["InternationalizedText"]), false),
            prop("ElectionDistrictId", Ref(&["ReportingUnit"]), false),
            prop("ExternalIdentifier", Class(&["ExternalIdentifier"]), true),
            prop("FilingDeadline", Date, false),
            prop("IsPartisan", Bool, false),
            prop("Name", Class(&["InternationalizedText"]), false),
            prop("OfficeHolderPersonIds", Ref(&["Person"]), true),
            prop("Term", Class(&["Term"]), false),
        ],
        has_id: true,
    },
    Class {
        name: "OfficeGroup",
        props: &[
            prop("Label", Str, false),
            prop("Name", Str, false),
            prop("OfficeIds", Ref(&["Office"]), true),
            prop("SubOfficeGroup", Class(&["OfficeGroup"]), true),
        ],
        has_id: false,
    },
    Class {
        name: "OrderedContest",
        props: &[
            prop(
                "ContestId",
                Ref(&[
                    "PartyContest",
                    "BallotMeasureContest",
                    "CandidateContest",
                    "RetentionContest",
                ]),
                false,
            ),
            prop(
                "OrderedContestSelectionIds",
                Ref(&[
                    "PartySelection",
                    "BallotMeasureSelection",
                    "CandidateSelection",
                ]),
                true,
            ),
        ],
        has_id: false,
    },
    Class {
        name: "OrderedHeader",
        props: &[
            prop("HeaderId", Ref(&["Header"]), false),
            prop(
                "OrderedContent",
                Class(&["OrderedContest", "OrderedHeader"]),
                true,
            ),
        ],
        has_id: false,
    },
    Class {
        name: "OtherCounts",
        props: &[
            prop("DeviceClass", Class(&["DeviceClass"]), false),
            prop(
                "GpUnitId",
                Ref(&["ReportingDevice", "ReportingUnit"]),
                false,
            ),
            prop("Overvotes", Num, false),
            prop("Undervotes", Num, false),
            prop("WriteIns", Int, false),
        ],
        has_id: false,
    },
    Class {
        name: "Party",
        props: &[
            prop("Abbreviation", Class(&["InternationalizedText"]), false),
            prop("Color", Str, false),
            prop("ContactInformation", Class(&["ContactInformation"]), false),
            prop("ExternalIdentifier", Class(&["ExternalIdentifier"]), true),
            prop("IsRecognizedParty", Bool, false),
            prop("LeaderPersonIds", Ref(&["Person"]), true),
            prop("LogoUri", Class(&["AnnotatedUri"]), true),
            prop("Name", Class(&["InternationalizedText"]), false),
            prop(
                "PartyScopeGpUnitIds",
                Ref(&["ReportingDevice", "ReportingUnit"]),
                true,
            ),
            prop("Slogan", Class(&["InternationalizedText"]), false),
        ],
        has_id: true,
    },
    Class {
        name: "PartyContest",
        props: &[
            prop("Abbreviation", Str, false),
            prop("BallotSubTitle", Class(&["InternationalizedText"]), false),
            prop("BallotTitle", Class(&["InternationalizedText"]), false),
            prop(
                "ContestSelection",
                Class(&[
                    "PartySelection",
                    "BallotMeasureSelection",
                    "CandidateSelection",
                ]),
                true,
            ),
            prop("CountStatus", Class(&["CountStatus"]), true),
            prop("ElectionDistrictId", Ref(&["ReportingUnit"]), false),
            prop("ExternalIdentifier", Class(&["ExternalIdentifier"]), true),
            prop("HasRotation", Bool, false),
            prop("Name", Str, false),
            prop("OtherCounts", Class(&["OtherCounts"]), true),
            prop("OtherVoteVariation", Str, false),
            prop("SequenceOrder", Int, false),
            prop("SubUnitsReported", Int, false),
            prop("TotalSubUnits", Int, false),
            prop("VoteVariation", Enum(&VOTE_VARIATION), false),
        ],
        has_id: true,
    },
    Class {
        name: "PartyRegistration",
        props: &[
            prop("Count", Int, false),
            prop("PartyId", Ref(&["Party", "Coalition"]), false),
        ],
        has_id: false,
    },
    Class {
        name: "PartySelection",
        props: &[
            prop("PartyIds", Ref(&["Party", "Coalition"]), true),
            prop("SequenceOrder", Int, false),
            prop("VoteCounts", Class(&["VoteCounts"]), true),
        ],
        has_id: true,
    },
    Class {
        name: "Person",
        props: &[
            prop("ContactInformation", Class(&["ContactInformation"]), true),
            prop("DateOfBirth", Date, false),
            prop("ExternalIdentifier", Class(&["ExternalIdentifier"]), true),
            prop("FirstName", Str, false),
            prop("FullName", Class(&["InternationalizedText"]), false),
            prop("Gender", Str, false),
            prop("LastName", Str, false),
            prop("MiddleName", Str, true),
            prop("Nickname", Str, false),
            prop("PartyId", Ref(&["Party", "Coalition"]), false),
            prop("Prefix", Str, false),
            prop("Profession", Class(&["InternationalizedText"]), false),
            prop("Suffix", Str, false),
            prop("Title", Class(&["InternationalizedText"]), false),
        ],
        has_id: true,
    },
    Class {
        name: "ReportingDevice",
        props: &[
            prop(
                "ComposingGpUnitIds",
                Ref(&["ReportingDevice", "ReportingUnit"]),
                true,
            ),
            prop("DeviceClass", Class(&["DeviceClass"]), false),
            prop("ExternalIdentifier", Class(&["ExternalIdentifier"]), true),
            prop("Name", Class(&["InternationalizedText"]), false),
            prop("SerialNumber", Str, false),
        ],
        has_id: true,
    },
    Class {
        name: "ReportingUnit",
        props: &[
            prop("AuthorityIds", Ref(&["Person"]), true),
            prop(
                "ComposingGpUnitIds",
                Ref(&["ReportingDevice", "ReportingUnit"]),
                true,
            ),
            prop("ContactInformation", Class(&["ContactInformation"]), false),
            prop("CountStatus", Class(&["CountStatus"]), true),
            prop(
                "ElectionAdministration",
                Class(&["ElectionAdministration"]),
                false,
            ),
            prop("ExternalIdentifier", Class(&["ExternalIdentifier"]), true),
            prop("IsDistricted", Bool, false),
            prop("IsMailOnly", Bool, false),
            prop("Name", Class(&["InternationalizedText"]), false),
            prop("Number", Str, false),
            prop("OtherType", Str, false),
            prop("PartyRegistration", Class(&["PartyRegistration"]), true),
            prop("SpatialDimension", Class(&["SpatialDimension"]), false),
            prop("SubUnitsReported", Int, false),
            prop("TotalSubUnits", Int, false),
            prop("Type", Enum(&REPORTING_UNIT_TYPE), false),
            prop("VotersParticipated", Int, false),
            prop("VotersRegistered", Int, false),
        ],
        has_id: true,
    },
    Class {
        name: "RetentionContest",
        props: &[
            prop("Abbreviation", Str, false),
            prop("BallotSubTitle", Class(&["InternationalizedText"]), false),
            prop("BallotTitle", Class(&["InternationalizedText"]), false),
            prop("CandidateId", Ref(&["Candidate"]), false),
            prop("ConStatement", Class(&["InternationalizedText"]), false),
            prop(
                "ContestSelection",
                Class(&[
                    "PartySelection",
                    "BallotMeasureSelection",
                    "CandidateSelection",
                ]),
                true,
            ),
            prop("CountStatus", Class(&["CountStatus"]), true),
            prop("EffectOfAbstain", Class(&["InternationalizedText"]), false),
            prop("ElectionDistrictId", Ref(&["ReportingUnit"]), false),
            prop("ExternalIdentifier", Class(&["ExternalIdentifier"]), true),
            prop("FullText", Class(&["InternationalizedText"]), false),
            prop("HasRotation", Bool, false),
            prop("InfoUri", Class(&["AnnotatedUri"]), true),
            prop("Name", Str, false),
            prop("OfficeId", Ref(&["Office"]), false),
            prop("OtherCounts", Class(&["OtherCounts"]), true),
            prop("OtherType", Str, false),
            prop("OtherVoteVariation", Str, false),
            prop("PassageThreshold", Class(&["InternationalizedText"]), false),
            prop("ProStatement", Class(&["InternationalizedText"]), false),
            prop("SequenceOrder", Int, false),
            prop("SubUnitsReported", Int, false),
            prop("SummaryText", Class(&["InternationalizedText"]), false),
            prop("TotalSubUnits", Int, false),
            prop("Type", Enum(&BALLOT_MEASURE_TYPE), false),
            prop("VoteVariation", Enum(&VOTE_VARIATION), false),
        ],
        has_id: true,
    },
    Class {
        name: "Schedule",
        props: &[
            prop("EndDate", Date, false),
            prop("Hours", Class(&["Hours"]), true),
            prop("IsOnlyByAppointment", Bool, false),
            prop("IsOrByAppointment", Bool, false),
            prop("IsSubjectToChange", Bool, false),
            prop("Label", Str, false),
            prop("StartDate", Date, false),
        ],
        has_id: false,
    },
    Class {
        name: "SpatialDimension",
        props: &[
            prop("MapUri", Class(&["AnnotatedUri"]), true),
            prop("SpatialExtent", Class(&["SpatialExtent"]), false),
        ],
        has_id: false,
    },
    Class {
        name: "SpatialExtent",
        props: &[
            prop("Coordinates", Str, false),
            prop("Format", Enum(&GEO_SPATIAL_FORMAT), false),
        ],
        has_id: false,
    },
    Class {
        name: "Term",
        props: &[
            prop("EndDate", Date, false),
            prop("Label", Str, false),
            prop("StartDate", Date, false),
            prop("Type", Enum(&OFFICE_TERM_TYPE), false),
        ],
        has_id: false,
    },
    Class {
        name: "VoteCounts",
        props: &[
            prop("Count", Num, false),
            prop("DeviceClass", Class(&["DeviceClass"]), false),
            prop(
                "GpUnitId",
                Ref(&["ReportingDevice", "ReportingUnit"]),
                false,
            ),
            prop("IsSuppressedForPrivacy", Bool, false),
            prop("OtherType", Str, false),
            prop("Round", Int, false),
            prop("Type", Enum(&COUNT_ITEM_TYPE), false),
        ],
        has_id: false,
    },
];
