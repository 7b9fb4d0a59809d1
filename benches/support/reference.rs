//! Reference models for the scale bench: the least any program could hold of a dataset file
//! and still answer a query from it. A plain serde mirror of the hustings format, every field
//! the generated data fills that a list or a check reads, no checks, nothing derived:
//!
//! - owned: every string a `Box<str>`, every list a `Box<[T]>` (the tightest plain types);
//! - borrowed: every string a span of the file (owned only when it has an escape), the file
//!   kept in memory.
//!
//! Rarely filled parts (rounds, swing, holder, defection, a stated share, the catalogues) are
//! walked and not kept, so each model holds less than hustings does: its CPU and peak RSS are a
//! lower bound for a model of its kind, which says what a target needs beyond a faster model.

use std::borrow::Cow;
use std::fmt;

use serde::Deserialize;
use serde::de::{Deserializer, IgnoredAny, Visitor};

#[derive(Deserialize)]
#[serde(bound = "S: Deserialize<'de>")]
pub struct File<S> {
    pub title: Option<S>,
    pub schema_version: u32,
    pub regions: IgnoredAny,
    pub factions: IgnoredAny,
    pub contests: Box<[Contest<S>]>,
}

#[derive(Deserialize)]
#[serde(bound = "S: Deserialize<'de>")]
pub struct Contest<S> {
    pub id: S,
    pub kind: S,
    pub title: S,
    pub party: Option<S>,
    pub constituency: Option<S>,
    pub constituency_id: Option<S>,
    pub region: Option<S>,
    pub date: Option<S>,
    pub status: S,
    pub status_as_of: Option<S>,
    pub method: Option<S>,
    pub ballots: Option<Ballots>,
    pub candidates: Box<[Candidate<S>]>,
    pub majority: Option<u64>,
    pub result: Option<S>,
    pub notes: Option<S>,
    #[serde(default)]
    pub sources: Box<[Source<S>]>,
    pub rounds: Option<IgnoredAny>,
    pub swing: Option<IgnoredAny>,
    pub previous_holder: Option<IgnoredAny>,
    pub seat_majority: Option<IgnoredAny>,
    pub defection: Option<IgnoredAny>,
}

#[derive(Deserialize)]
pub struct Ballots {
    pub valid: Option<u64>,
    pub rejected: Option<u64>,
    pub eligible: Option<u64>,
    pub cast: Option<u64>,
}

#[derive(Deserialize)]
#[serde(bound = "S: Deserialize<'de>")]
pub struct Candidate<S> {
    pub name: S,
    pub party: Option<S>,
    pub faction: Option<S>,
    pub votes: Option<u64>,
    #[serde(default)]
    pub elected: bool,
    pub incumbent: Option<bool>,
    pub description: Option<S>,
    #[serde(default)]
    pub endorsements: Box<[S]>,
    pub share: Option<IgnoredAny>,
}

#[derive(Deserialize)]
#[serde(bound = "S: Deserialize<'de>")]
pub struct Source<S> {
    pub outlet: S,
    pub title: Option<S>,
    pub date: Option<S>,
    pub url: Option<S>,
    pub note: Option<S>,
}

/// A string of the file: a span of it, or owned when it had to be unescaped.
pub struct Span<'a>(pub Cow<'a, str>);

impl<'de: 'a, 'a> Deserialize<'de> for Span<'a> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Spans;
        impl<'de> Visitor<'de> for Spans {
            type Value = Span<'de>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a string")
            }
            fn visit_borrowed_str<E>(self, s: &'de str) -> Result<Span<'de>, E> {
                Ok(Span(Cow::Borrowed(s)))
            }
            fn visit_str<E>(self, s: &str) -> Result<Span<'de>, E> {
                Ok(Span(Cow::Owned(s.to_owned())))
            }
        }
        d.deserialize_str(Spans)
    }
}

/// Reads `file` into the owned model and keeps it (as hustings keeps its model to the exit).
pub fn owned(file: &std::path::Path) {
    let bytes = std::fs::read(file).unwrap();
    let model: File<Box<str>> = serde_json::from_slice(&bytes).unwrap();
    drop(bytes);
    assert!(!model.contests.is_empty());
    std::mem::forget(model);
}

/// Reads `file` into the borrowed model, which keeps the file.
pub fn borrowed(file: &std::path::Path) {
    let bytes = std::fs::read(file).unwrap();
    let model: File<Span> = serde_json::from_slice(&bytes).unwrap();
    assert!(!model.contests.is_empty());
    std::mem::forget(model);
    std::mem::forget(bytes);
}
