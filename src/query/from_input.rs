//! Turning a query as the user typed it (region and faction names or ids, dates) into a
//! `Query` checked against a dataset. Shared by the command line and the explorer's flags.

use std::fmt;

use crate::model::date::PartialDate;
use crate::model::{CandidateStatus, ContestKind, Dataset, StageKind, Status};
use crate::query::{FactionScope, Filter, Query, Sort};

/// A query in the user's words, before it is checked against a dataset.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct QuerySpec {
    /// Region ids or names, any case.
    pub regions: Vec<String>,
    /// Faction ids or names, any case.
    pub factions: Vec<String>,
    /// Match a faction against any candidate, not only the winner.
    pub any_candidate: bool,
    pub kinds: Vec<ContestKind>,
    pub statuses: Vec<Status>,
    /// From the first day of this date.
    pub since: Option<PartialDate>,
    /// To the last day of this date (`--until 2019` includes all of 2019).
    pub until: Option<PartialDate>,
    pub endorsers: Vec<String>,
    /// Stages reached (any of them).
    pub stages: Vec<StageKind>,
    /// Candidate statuses (a candidate with any of them).
    pub candidate_statuses: Vec<CandidateStatus>,
    pub search: String,
    pub sort: Sort,
}

/// A name or id in the query that the dataset does not have.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub struct ResolveError {
    /// `region` or `faction`.
    pub what: &'static str,
    pub given: String,
    /// `Name (id)` of every valid choice.
    pub valid: Vec<String>,
}

impl fmt::Display for ResolveError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "unknown {} \"{}\"; valid {}s: {}",
            self.what,
            self.given,
            self.what,
            if self.valid.is_empty() {
                "(none in this dataset)".to_string()
            } else {
                self.valid.join(", ")
            }
        )
    }
}

impl QuerySpec {
    /// Checks names against the dataset's catalogues and builds the query.
    pub fn resolve(&self, dataset: &Dataset) -> Result<Query, ResolveError> {
        let regions = self
            .regions
            .iter()
            .map(|given| {
                find(
                    "region",
                    given,
                    dataset.regions.iter().map(|r| (&r.id, &r.name)),
                )
            })
            .collect::<Result<_, _>>()?;
        let factions = self
            .factions
            .iter()
            .map(|given| {
                find(
                    "faction",
                    given,
                    dataset.factions.iter().map(|f| (&f.id, &f.name)),
                )
            })
            .collect::<Result<_, _>>()?;
        Ok(Query {
            filter: Filter {
                regions,
                factions,
                faction_scope: if self.any_candidate {
                    FactionScope::AnyCandidate
                } else {
                    FactionScope::Winner
                },
                kinds: self.kinds.clone(),
                statuses: self.statuses.clone(),
                since: self.since.map(|d| d.start()),
                until: self.until.map(|d| d.end()),
                endorsers: self.endorsers.clone(),
                stages: self.stages.clone(),
                candidate_statuses: self.candidate_statuses.clone(),
                search: self.search.clone(),
            },
            sort: self.sort,
        })
    }
}

/// The id whose id or name equals `given`, ignoring case.
fn find<'a>(
    what: &'static str,
    given: &str,
    catalogue: impl Iterator<Item = (&'a String, &'a String)> + Clone,
) -> Result<String, ResolveError> {
    let wanted = given.trim();
    catalogue
        .clone()
        .find(|(id, name)| {
            id.eq_ignore_ascii_case(wanted) || name.to_lowercase() == wanted.to_lowercase()
        })
        .map(|(id, _)| id.clone())
        .ok_or_else(|| ResolveError {
            what,
            given: given.to_string(),
            valid: catalogue
                .map(|(id, name)| format!("{name} ({id})"))
                .collect(),
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::{DataSource, load};

    #[test]
    fn names_and_ids_resolve_in_any_case() {
        let ds = load(&[DataSource::Embedded]).unwrap().dataset;
        let spec = QuerySpec {
            regions: vec!["YORKSHIRE AND THE HUMBER".into(), "london".into()],
            factions: vec!["Soft left / Open Labour".into()],
            until: Some(PartialDate::parse("2019").unwrap()),
            ..QuerySpec::default()
        };
        let q = spec.resolve(&ds).unwrap();
        assert_eq!(q.filter.regions, vec!["yorkshire-and-the-humber", "london"]);
        assert_eq!(q.filter.factions, vec!["soft-left"]);
        assert_eq!(q.filter.until.unwrap().to_string(), "2019-12-31");
    }

    #[test]
    fn unknown_names_list_the_valid_ones() {
        let ds = load(&[DataSource::Embedded]).unwrap().dataset;
        let spec = QuerySpec {
            regions: vec!["Yorkshire".into()],
            ..QuerySpec::default()
        };
        let err = spec.resolve(&ds).unwrap_err().to_string();
        assert!(err.starts_with("unknown region \"Yorkshire\"; valid regions: "));
        assert!(err.contains("Yorkshire and the Humber (yorkshire-and-the-humber)"));
    }
}
