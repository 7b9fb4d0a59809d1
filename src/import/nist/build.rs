//! Events → the intermediate `Report`. Both readers walk their syntax (JSON objects, XML
//! elements), check every value against the schema's type table, and tell the builder what
//! they found: an object opens (reached through a property), it has a class and an id, a
//! property holds a value, the object closes. The builder keeps what `mapping` uses and
//! drops the rest; every id referred to anywhere is checked, once the whole document is
//! read, to be the `@id` of an object of a class the schema allows there.

use std::collections::{HashMap, HashSet};

use crate::import::nist::report::{
    Amount, BallotCount, Candidate, Code, Contest, Election, GpUnit, Id, Office, OtherCount, Party,
    Report, Selection, VoteCount,
};
use crate::import::nist::schema::or_list;
use crate::model::date::PartialDate;
use crate::model::json_path::JsonPath;
use crate::model::strict_numbers::MAX_COUNT;
use crate::model::tally::Tally;
use crate::model::text::one_line;

type FastMap<K, V> = HashMap<K, V, foldhash::fast::RandomState>;
type FastSet<T> = HashSet<T, foldhash::fast::RandomState>;

/// Where something is in the document, as its reader can turn it into a line and column.
#[derive(Debug, Clone, PartialEq)]
pub enum Place {
    /// The JSON path of the value (located in the text only when an error needs it).
    Json(JsonPath),
    /// The byte offset of the element (or its text) and its path (`/ElectionReport/GpUnit[3]`).
    Xml { offset: usize, path: String },
}

/// A value of a property, already checked against the property's type.
#[derive(Debug, Clone, Copy)]
pub enum Scalar<'a> {
    Str(&'a str),
    Int(i64),
    /// A number; `text` is its digits where the syntax keeps them (XML), for exact decimals.
    Num {
        value: f64,
        text: Option<&'a str>,
    },
    Bool(bool),
    /// A word of an enumeration, from the schema's list.
    Enum(&'static str),
    Date(&'a str),
    /// A reference to the `@id` of an object of one of `kinds`.
    Ref {
        id: &'a str,
        kinds: &'static [&'static str],
    },
}

/// What is being read, and what it will become.
enum Frame {
    Report,
    Election(Election),
    Contest(Contest),
    Selection(Selection),
    VoteCounts(RawCounts),
    BallotCounts(RawCounts),
    OtherCounts(RawCounts),
    GpUnit(GpUnit),
    Code(Code),
    Party(Party),
    Office(Office),
    Candidate(Candidate),
    /// An `InternationalizedText`: its strings by language.
    Text(Vec<(Option<String>, String)>),
    /// One `LanguageString`.
    Language(Option<String>, Option<String>),
    /// Anything hustings does not use: only its id is kept (others may refer to it).
    Skip,
}

/// The fields of the three kinds of counts, as read.
#[derive(Default)]
struct RawCounts {
    unit: Option<Id>,
    kind: Option<&'static str>,
    round: Option<u64>,
    count: Option<Amount>,
    suppressed: bool,
    cast: Option<u64>,
    rejected: Option<u64>,
    overvotes: Option<Amount>,
    undervotes: Option<Amount>,
    write_ins: Option<u64>,
}

struct Open {
    /// The property of the parent holding this object.
    key: &'static str,
    class: Option<&'static str>,
    /// Classes the schema allows here (`@type` must say which when there are several).
    choices: &'static [&'static str],
    id: Option<Id>,
    frame: Frame,
}

/// Builds a `Report` from a reader's events.
pub struct Builder {
    report: Report,
    stack: Vec<Open>,
    interned: FastMap<Box<str>, Id>,
    /// The class of the object each id names, once defined.
    defined: Vec<Option<&'static str>>,
    /// The first reference to each id with each list of allowed classes, in document order.
    references: Vec<(Id, &'static [&'static str], Place)>,
    referenced: FastSet<(Id, usize)>,
    ignored: FastSet<String>,
    /// Keys not named in the notes, past the first `MAX_NAMED`.
    more_ignored: usize,
}

/// How many different unknown keys the notes name one by one.
const MAX_NAMED: usize = 20;

impl Default for Builder {
    fn default() -> Self {
        Builder::new()
    }
}

impl Builder {
    pub fn new() -> Builder {
        Builder {
            report: Report::default(),
            stack: vec![Open {
                key: "",
                class: Some("ElectionReport"),
                choices: &["ElectionReport"],
                id: None,
                frame: Frame::Report,
            }],
            interned: FastMap::default(),
            defined: Vec::new(),
            references: Vec::new(),
            referenced: FastSet::default(),
            ignored: FastSet::default(),
            more_ignored: 0,
        }
    }

    fn intern(&mut self, text: &str) -> Id {
        if let Some(&id) = self.interned.get(text) {
            return id;
        }
        let id = self.report.ids.len() as Id;
        self.report.ids.push(text.to_string());
        self.defined.push(None);
        self.interned.insert(text.into(), id);
        id
    }

    /// An object opens, reached through the parent's property `key`; `choices` are the
    /// classes the schema allows there.
    pub fn open(&mut self, key: &'static str, choices: &'static [&'static str]) {
        let parent = &self.stack.last().expect("the report is open").frame;
        let frame = match (parent, key) {
            (Frame::Report, "Election") => Frame::Election(Election::default()),
            (Frame::Report, "GpUnit") => Frame::GpUnit(GpUnit::default()),
            (Frame::Report, "Party") => Frame::Party(Party::default()),
            (Frame::Report, "Office") => Frame::Office(Office::default()),
            (Frame::Election(_), "Candidate") => Frame::Candidate(Candidate::default()),
            (Frame::Election(_), "Contest") => Frame::Contest(Contest::default()),
            (Frame::Election(_), "BallotCounts") => Frame::BallotCounts(RawCounts::default()),
            (Frame::Contest(_), "ContestSelection") => Frame::Selection(Selection::default()),
            (Frame::Contest(_), "OtherCounts") => Frame::OtherCounts(RawCounts::default()),
            (Frame::Selection(_), "VoteCounts") => Frame::VoteCounts(RawCounts::default()),
            (Frame::GpUnit(_), "ExternalIdentifier") => Frame::Code(Code::default()),
            (Frame::Election(_) | Frame::GpUnit(_) | Frame::Office(_), "Name")
            | (Frame::Contest(_), "BallotTitle")
            | (Frame::Selection(_), "Selection")
            | (Frame::Party(_), "Name" | "Abbreviation")
            | (Frame::Candidate(_), "BallotName") => Frame::Text(Vec::new()),
            (Frame::Text(_), "Text") => Frame::Language(None, None),
            _ => Frame::Skip,
        };
        self.stack.push(Open {
            key,
            class: (choices.len() == 1).then(|| choices[0]),
            choices,
            id: None,
            frame,
        });
    }

    /// The open object's class, as its `@type` (or `xsi:type`) says.
    pub fn class(&mut self, class: &'static str) {
        let open = self.stack.last_mut().expect("an object is open");
        open.class = Some(class);
        let slot = match &mut open.frame {
            Frame::Contest(c) => &mut c.class,
            Frame::Selection(s) => &mut s.class,
            Frame::GpUnit(u) => &mut u.class,
            Frame::Party(p) => &mut p.class,
            _ => return,
        };
        *slot = class;
    }

    /// The open object's `@id`.
    pub fn id(&mut self, text: &str) -> Result<(), String> {
        let id = self.intern(text);
        if self.defined[id as usize].is_some() {
            return Err(format!(
                "@id \"{text}\" is already the id of another object (ids must be unique)"
            ));
        }
        let open = self.stack.last_mut().expect("an object is open");
        // Marked now, so a second object with the id is caught where it is; the class is
        // settled when the object closes.
        self.defined[id as usize] = Some(open.class.unwrap_or(""));
        open.id = Some(id);
        match &mut open.frame {
            Frame::Contest(c) => c.id = Some(id),
            Frame::Selection(s) => s.id = Some(id),
            Frame::GpUnit(u) => u.id = Some(id),
            Frame::Party(p) => p.id = Some(id),
            Frame::Candidate(c) => c.id = Some(id),
            Frame::Office(o) => o.id = Some(id),
            _ => {}
        }
        Ok(())
    }

    /// A key or element the schema does not have: skipped, and named once in the notes.
    pub fn unknown(&mut self, class: &str, key: &str) {
        let what = one_line(&format!("{class}.{key}"));
        if self.ignored.contains(&what) {
            return;
        }
        if self.ignored.len() >= MAX_NAMED {
            self.more_ignored += 1;
            return;
        }
        self.ignored.insert(what.clone());
        self.report.notes.push(format!(
            "ignored `{what}`, which is not part of NIST SP 1500-100 v2"
        ));
    }

    /// Property `key` of the open object holds `value` (once per item of a list). `here`
    /// names the place, asked for only when it must be kept.
    pub fn scalar(
        &mut self,
        key: &'static str,
        value: Scalar,
        here: &dyn Fn() -> Place,
    ) -> Result<(), String> {
        let value = match value {
            Scalar::Ref { id, kinds } => {
                let id = self.intern(id);
                // One entry per id and list of classes: a precinct counted a million times
                // is checked once, at its first mention.
                if self.referenced.insert((id, kinds.as_ptr() as usize)) {
                    self.references.push((id, kinds, here()));
                }
                Value::Ref(id)
            }
            Scalar::Str(s) => Value::Str(s),
            Scalar::Int(n) => Value::Int(n),
            Scalar::Num { value, text } => Value::Num(value, text),
            Scalar::Bool(b) => Value::Bool(b),
            Scalar::Enum(e) => Value::Enum(e),
            Scalar::Date(d) => Value::Str(d),
        };
        let frame = &mut self.stack.last_mut().expect("an object is open").frame;
        match frame {
            Frame::Report => match key {
                "Issuer" => self.report.issuer = value.text(),
                "IssuerAbbreviation" => self.report.issuer_abbreviation = value.text(),
                "Status" => self.report.status = value.word(),
                "GeneratedDate" => self.report.generated = value.text(),
                _ => {}
            },
            Frame::Election(e) => match key {
                "Type" => e.kind = value.word(),
                "OtherType" => e.other_kind = value.text(),
                "StartDate" => {
                    if let Value::Str(d) = value {
                        e.start = Some(date(d)?);
                    }
                }
                "ElectionScopeId" => e.scope = value.id(),
                _ => {}
            },
            Frame::Contest(c) => match key {
                "Name" => c.name = value.text(),
                "ElectionDistrictId" => c.district = value.id(),
                "VotesAllowed" => c.votes_allowed = value.count()?,
                "NumberElected" => c.number_elected = value.count()?,
                "PrimaryPartyIds" => c.primary_parties.extend(value.id()),
                "OfficeIds" => c.offices.extend(value.id()),
                "VoteVariation" => c.variation = value.word(),
                "OtherVoteVariation" => c.other_variation = value.text(),
                "SubUnitsReported" => c.sub_units_reported = value.count()?,
                "TotalSubUnits" => c.total_sub_units = value.count()?,
                _ => {}
            },
            Frame::Selection(s) => match key {
                "CandidateIds" => s.candidates.extend(value.id()),
                "PartyIds" => s.parties.extend(value.id()),
                "EndorsementPartyIds" => s.endorsements.extend(value.id()),
                "IsWriteIn" => s.write_in = value.flag(),
                _ => {}
            },
            Frame::VoteCounts(r) | Frame::BallotCounts(r) | Frame::OtherCounts(r) => match key {
                "GpUnitId" => r.unit = value.id(),
                "Type" => r.kind = value.word(),
                "Round" => r.round = value.count()?,
                "Count" => r.count = value.amount()?,
                "IsSuppressedForPrivacy" => r.suppressed = value.flag(),
                "BallotsCast" => r.cast = value.count()?,
                "BallotsRejected" => r.rejected = value.count()?,
                "Overvotes" => r.overvotes = value.amount()?,
                "Undervotes" => r.undervotes = value.amount()?,
                "WriteIns" => r.write_ins = value.count()?,
                _ => {}
            },
            Frame::GpUnit(u) => match key {
                "Type" => u.kind = value.word(),
                "OtherType" => u.other_kind = value.text(),
                "ComposingGpUnitIds" => u.children.extend(value.id()),
                "VotersRegistered" => u.registered = value.count()?,
                _ => {}
            },
            Frame::Code(c) => match key {
                "Type" => c.kind = value.word(),
                "OtherType" => c.other_kind = value.text(),
                "Value" => c.value = value.text(),
                _ => {}
            },
            Frame::Party(p) => {
                if key == "Color" {
                    p.color = value.text();
                }
            }
            Frame::Candidate(c) => match key {
                "PartyId" => c.party = value.id(),
                "IsIncumbent" => c.incumbent = value.flag(),
                "PostElectionStatus" => c.post_status = value.word(),
                "PreElectionStatus" => c.pre_status = value.word(),
                _ => {}
            },
            Frame::Language(language, content) => match key {
                "Language" => *language = value.text(),
                "Content" => *content = value.text(),
                _ => {}
            },
            Frame::Office(_) | Frame::Text(_) | Frame::Skip => {}
        }
        Ok(())
    }

    /// The open object closes: it is checked and given to its parent.
    pub fn close(&mut self) -> Result<(), String> {
        if self.stack.len() == 1 {
            return Ok(());
        }
        let open = self.stack.pop().expect("an object is open");
        let Some(class) = open.class else {
            return Err(format!(
                "no @type to say which of {} this is",
                or_list(open.choices)
            ));
        };
        if let Some(id) = open.id {
            self.defined[id as usize] = Some(class);
        }
        let parent = &mut self.stack.last_mut().expect("the report is open").frame;
        match (parent, open.frame) {
            (Frame::Report, Frame::Election(e)) => self.report.elections.push(e),
            (Frame::Report, Frame::GpUnit(u)) => self.report.units.push(u),
            (Frame::Report, Frame::Party(p)) => self.report.parties.push(p),
            (Frame::Report, Frame::Office(o)) => self.report.offices.push(o),
            (Frame::Election(e), Frame::Candidate(c)) => e.candidates.push(c),
            (Frame::Election(e), Frame::Contest(c)) => {
                if c.district.is_none() {
                    return Err(format!(
                        "this {class} has no ElectionDistrictId (the unit it is held in)"
                    ));
                }
                e.contests.push(c);
            }
            (Frame::Election(e), Frame::BallotCounts(r)) => e.ballots.push(BallotCount {
                unit: needs(r.unit, "GpUnitId", "BallotCounts")?,
                kind: needs(r.kind, "Type", "BallotCounts")?,
                round: r.round,
                cast: r.cast,
                rejected: r.rejected,
                suppressed: r.suppressed,
            }),
            (Frame::Contest(c), Frame::Selection(s)) => c.selections.push(s),
            (Frame::Contest(c), Frame::OtherCounts(r)) => c.other_counts.push(OtherCount {
                unit: needs(r.unit, "GpUnitId", "OtherCounts")?,
                overvotes: r.overvotes,
                undervotes: r.undervotes,
                write_ins: r.write_ins,
            }),
            (Frame::Selection(s), Frame::VoteCounts(r)) => {
                let count = needs(r.count, "Count", "VoteCounts")?;
                s.counts.push(VoteCount {
                    unit: needs(r.unit, "GpUnitId", "VoteCounts")?,
                    kind: needs(r.kind, "Type", "VoteCounts")?,
                    round: r.round,
                    count: (!r.suppressed).then_some(count),
                });
            }
            (Frame::GpUnit(u), Frame::Code(c)) => u.codes.push(c),
            (parent, Frame::Text(texts)) => {
                let text = choose(texts);
                match (parent, open.key) {
                    (Frame::Election(e), "Name") => e.name = text,
                    (Frame::Contest(c), "BallotTitle") => c.ballot_title = text,
                    (Frame::Selection(s), "Selection") => s.label = text,
                    (Frame::GpUnit(u), "Name") => u.name = text,
                    (Frame::Party(p), "Name") => p.name = text,
                    (Frame::Party(p), "Abbreviation") => p.abbreviation = text,
                    (Frame::Office(o), "Name") => o.name = text,
                    (Frame::Candidate(c), "BallotName") => c.ballot_name = text,
                    _ => {}
                }
            }
            (Frame::Text(texts), Frame::Language(language, Some(content))) => {
                texts.push((language, content));
            }
            _ => {}
        }
        Ok(())
    }

    /// The document has ended: every reference must name an object of a class allowed there.
    pub fn finish(mut self) -> Result<Report, (Place, String)> {
        if self.more_ignored > 0 {
            self.report.notes.push(format!(
                "ignored {} more keys or elements that are not part of NIST SP 1500-100 v2",
                self.more_ignored
            ));
        }
        for (id, kinds, place) in &self.references {
            let text = &self.report.ids[*id as usize];
            match self.defined[*id as usize] {
                None => {
                    return Err((
                        place.clone(),
                        format!(
                            "\"{text}\" is not the @id of any object in the file (expected a {})",
                            or_list(kinds)
                        ),
                    ));
                }
                Some(class) if !kinds.contains(&class) => {
                    return Err((
                        place.clone(),
                        format!(
                            "\"{text}\" is the @id of a {class}, not of a {}",
                            or_list(kinds)
                        ),
                    ));
                }
                Some(_) => {}
            }
        }
        Ok(self.report)
    }
}

/// A value as the builder takes it, with references interned.
#[derive(Clone, Copy)]
enum Value<'a> {
    Str(&'a str),
    Int(i64),
    Num(f64, Option<&'a str>),
    Bool(bool),
    Enum(&'static str),
    Ref(Id),
}

impl Value<'_> {
    /// Text, trimmed; empty is unknown.
    fn text(self) -> Option<String> {
        match self {
            Value::Str(s) => Some(s.trim()).filter(|s| !s.is_empty()).map(str::to_string),
            Value::Enum(e) => Some(e.to_string()),
            _ => None,
        }
    }

    fn word(self) -> Option<&'static str> {
        match self {
            Value::Enum(e) => Some(e),
            _ => None,
        }
    }

    fn id(self) -> Option<Id> {
        match self {
            Value::Ref(id) => Some(id),
            _ => None,
        }
    }

    fn flag(self) -> bool {
        matches!(self, Value::Bool(true))
    }

    /// A count of voters, ballots, seats or rounds: 0 or more.
    fn count(self) -> Result<Option<u64>, String> {
        match self {
            Value::Int(n) => match u64::try_from(n) {
                Ok(n) if n > MAX_COUNT => Err(format!(
                    "{n} is too large for a count (the limit is {MAX_COUNT})"
                )),
                Ok(n) => Ok(Some(n)),
                Err(_) => Err(format!("{n} is not a count (0 or more)")),
            },
            _ => Ok(None),
        }
    }

    /// A number of votes: 0 or more, whole or decimal, digits kept where the syntax has them.
    fn amount(self) -> Result<Option<Amount>, String> {
        let Value::Num(value, text) = self else {
            return Ok(None);
        };
        let exact = text.and_then(|t| Tally::parse(t.trim()).ok());
        let tally = match exact {
            Some(t) => t,
            None => Tally::from_f64(value)?,
        };
        Ok(Some(Amount::from_tally(tally)))
    }
}

/// A required field of a count: missing, the count means nothing.
fn needs<T>(value: Option<T>, key: &str, class: &str) -> Result<T, String> {
    value.ok_or_else(|| format!("this {class} has no {key}"))
}

/// `YYYY-MM-DD`, perhaps with a time zone after it (XML dates may carry one).
fn date(text: &str) -> Result<PartialDate, String> {
    let t = text.trim();
    let day = t.get(..10).unwrap_or(t);
    PartialDate::parse(day)
        .ok()
        .filter(|_| t.len() == 10 || t.len() > 10 && !t.as_bytes()[10].is_ascii_digit())
        .ok_or_else(|| format!("\"{t}\" is not a date (expected YYYY-MM-DD)"))
}

/// The text in English when there is one, else in the first language given.
fn choose(texts: Vec<(Option<String>, String)>) -> Option<String> {
    let english = |l: &Option<String>| {
        l.as_deref().is_some_and(|l| {
            let l = l.trim().to_ascii_lowercase();
            l == "en" || l.starts_with("en-")
        })
    };
    let mut first = None;
    for (language, content) in texts {
        let content = content.trim().to_string();
        if content.is_empty() {
            continue;
        }
        if english(&language) {
            return Some(content);
        }
        first.get_or_insert(content);
    }
    first
}
