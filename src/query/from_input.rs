//! Turning a query as the user typed it (region and faction names or ids, dates) into a
//! `Query` checked against a dataset. Shared by the command line and the explorer's flags.

use std::fmt;

use compact_str::CompactString;

use crate::load::suggest::closest;
use crate::model::change::{Changes, Outcome};
use crate::model::date::PartialDate;
use crate::model::party::{Parties, PartyKey};
use crate::model::{CandidateStatus, ContestKind, Dataset, SharedStr, StageKind, Status};
use crate::query::{FactionScope, Filter, Query, ResultMatches, Sort, fold};

/// A query in the user's words, before it is checked against a dataset.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct QuerySpec {
    /// Region ids or names, any case and accents; `no region` for contests without one.
    pub regions: Vec<String>,
    /// Faction ids, names or short labels (`LL`, `Con`), any case and accents; `no faction`
    /// for a winner (or candidate) without one.
    pub factions: Vec<String>,
    /// Match a faction against any candidate, not only the winner.
    pub any_candidate: bool,
    pub kinds: Vec<ContestKind>,
    pub statuses: Vec<Status>,
    /// From the first day of this date.
    pub since: Option<PartialDate>,
    /// To the last day of this date (`--until 2019` includes all of 2019).
    pub until: Option<PartialDate>,
    /// Endorser names, any case and accents; each must have endorsed someone.
    pub endorsers: Vec<String>,
    /// Stages reached (any of them).
    pub stages: Vec<StageKind>,
    /// Candidate statuses (a candidate with any of them).
    pub candidate_statuses: Vec<CandidateStatus>,
    pub search: String,
    /// Computed results to keep (any of them): `gain`, `hold`, or `gain:PARTY`,
    /// `loss:PARTY`, `hold:PARTY` (a party's name or short label, any case).
    pub results: Vec<String>,
    pub sort: Sort,
}

/// What the user typed for "no region" / "no faction" (the words the explorer shows them by).
pub const NO_REGION: &str = "no region";
pub const NO_FACTION: &str = "no faction";

/// A query the dataset cannot answer as typed: an unknown name, or dates that exclude
/// everything. Each says how to put it right.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ResolveError {
    /// A region, faction or party the dataset lacks.
    #[error("{0}")]
    Unknown(UnknownName),
    /// A `--result` value that is not `gain`, `hold`, `gain:PARTY`, `loss:PARTY` or `hold:PARTY`.
    #[error(
        "--result {given:?}: expected gain, hold, gain:PARTY, loss:PARTY or hold:PARTY (e.g. gain:Con)"
    )]
    BadResult { given: String },
    /// An endorser no candidate was endorsed by.
    #[error("unknown endorser \"{given}\"; {hint}")]
    UnknownEndorser { given: String, hint: String },
    /// `--since` after `--until`: nothing could match.
    #[error(
        "--since {since} is after --until {until}, so no contest could match; \
         swap them (--since {until} --until {since})"
    )]
    Backwards {
        since: PartialDate,
        until: PartialDate,
    },
}

/// A region or faction name or id that the dataset does not have.
#[derive(Debug, Clone, PartialEq)]
pub struct UnknownName {
    /// `region`, `faction` or `party`.
    pub what: &'static str,
    pub given: String,
    /// `Name (id)` of every valid choice (with the short label a faction is printed by).
    pub valid: Vec<String>,
}

impl fmt::Display for UnknownName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "unknown {} \"{}\"; valid {}: {}",
            self.what,
            self.given,
            match self.what {
                "party" => "parties",
                "region" => "regions",
                "faction" => "factions",
                other => other,
            },
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
        if let (Some(since), Some(until)) = (self.since, self.until)
            && since.start() > until.end()
        {
            return Err(ResolveError::Backwards { since, until });
        }
        let (regions, no_region) = resolve_names(
            "region",
            NO_REGION,
            &self.regions,
            dataset.regions.iter().map(|r| Choice {
                id: &r.id,
                name: &r.name,
                spellings: &r.spellings,
                short: None,
            }),
        )?;
        let (factions, no_faction) = resolve_names(
            "faction",
            NO_FACTION,
            &self.factions,
            dataset.factions.iter().map(|f| Choice {
                id: &f.id,
                name: &f.name,
                spellings: &f.spellings,
                short: Some(f.short_label()),
            }),
        )?;
        let endorsers = self
            .endorsers
            .iter()
            .map(|given| endorser(dataset, given))
            .collect::<Result<_, _>>()?;
        Ok(Query {
            filter: Filter {
                regions,
                no_region,
                factions,
                no_faction,
                faction_scope: if self.any_candidate {
                    FactionScope::AnyCandidate
                } else {
                    FactionScope::Winner
                },
                kinds: self.kinds.clone(),
                statuses: self.statuses.clone(),
                since: self.since.map(|d| d.start()),
                until: self.until.map(|d| d.end()),
                period: None,
                endorsers,
                stages: self.stages.clone(),
                candidate_statuses: self.candidate_statuses.clone(),
                search: self.search.clone(),
                results: (!self.results.is_empty())
                    .then(|| result_matches(dataset, &self.results))
                    .transpose()?,
                change_cell: None,
            },
            sort: self.sort,
        })
    }
}

/// What one `--result` value asks for.
enum ResultWanted {
    Gain(Option<String>),
    Loss(String),
    Hold(Option<String>),
}

fn parse_result(given: &str) -> Result<ResultWanted, ResolveError> {
    let (what, party) = match given.split_once(':') {
        Some((w, p)) => (
            w.trim(),
            Some(p.trim().to_string()).filter(|p| !p.is_empty()),
        ),
        None => (given.trim(), None),
    };
    match (what.to_ascii_lowercase().as_str(), party) {
        ("gain", p) => Ok(ResultWanted::Gain(p)),
        ("hold", p) => Ok(ResultWanted::Hold(p)),
        ("loss", Some(p)) => Ok(ResultWanted::Loss(p)),
        _ => Err(ResolveError::BadResult {
            given: given.to_string(),
        }),
    }
}

/// The contests whose computed result is one of `asked`.
fn result_matches(dataset: &Dataset, asked: &[String]) -> Result<ResultMatches, ResolveError> {
    result_matches_with(dataset, &Changes::build(dataset), asked)
}

/// The contests whose computed result is one of `asked`, with the dataset's seats and parties
/// already built (the explorer keeps them, and decides a result filter again on a reload or
/// when one of its values is removed).
pub fn result_matches_with(
    dataset: &Dataset,
    changes: &Changes,
    asked: &[String],
) -> Result<ResultMatches, ResolveError> {
    let wanted: Vec<ResultWanted> = asked
        .iter()
        .map(|a| parse_result(a))
        .collect::<Result<_, _>>()?;
    let is = |given: &str, key: &PartyKey| names_party(&changes.parties, given, key);
    // A party no candidate stood for is a mistake, not a filter that matches nothing.
    let mut standing: Vec<PartyKey> = Vec::new();
    for k in dataset.contests.iter().flat_map(|c| &c.candidates) {
        if let Some(key) = changes.parties.of_candidate(k)
            && !standing.iter().any(|s| s.group == key.group)
        {
            standing.push(key);
        }
    }
    for w in &wanted {
        let (ResultWanted::Hold(Some(p)) | ResultWanted::Gain(Some(p)) | ResultWanted::Loss(p)) = w
        else {
            continue;
        };
        if !standing.iter().any(|key| is(p, key)) {
            standing.sort_by(|a, b| a.group_name.cmp(&b.group_name));
            return Err(ResolveError::Unknown(UnknownName {
                what: "party",
                given: p.clone(),
                valid: standing
                    .iter()
                    .map(|k| match &k.group_abbr {
                        Some(abbr) => format!("{} ({abbr})", k.group_name),
                        None => k.group_name.clone(),
                    })
                    .collect(),
            }));
        }
    }
    let keep: Vec<bool> = (0..dataset.contests.len())
        .map(|i| {
            let Some((_, outcome)) = changes.outcome(dataset, i) else {
                return false;
            };
            wanted.iter().any(|w| match (w, &outcome) {
                (ResultWanted::Hold(None), Outcome::Hold { .. })
                | (ResultWanted::Gain(None), Outcome::Gain { .. }) => true,
                (ResultWanted::Hold(Some(p)), Outcome::Hold { party }) => is(p, party),
                (ResultWanted::Gain(Some(p)), Outcome::Gain { to, .. }) => is(p, to),
                (ResultWanted::Loss(p), Outcome::Gain { from, .. }) => is(p, from),
                _ => false,
            })
        })
        .collect();
    Ok(ResultMatches {
        asked: asked.to_vec(),
        keep: keep.into(),
    })
}

/// Whether `given` (a party's name, other spelling or short label, any case) names the party
/// `key` counts as: the one reading of a party typed after `gain:`, `share:`, `--swing`…
pub fn names_party(parties: &Parties, given: &str, key: &PartyKey) -> bool {
    parties.key(given).group == key.group || fold(given.trim()) == fold(key.short())
}

/// One entry of a catalogue as a user may name it.
struct Choice<'a> {
    id: &'a str,
    name: &'a str,
    /// Other names it went by in the data (`East` for `East of England`).
    spellings: &'a [CompactString],
    /// The short label it is printed by (factions: `LL`, `Con`).
    short: Option<String>,
}

/// The ids of the names given, and whether "none" (`no region`) was one of them.
fn resolve_names<'a>(
    what: &'static str,
    none: &str,
    given: &[String],
    catalogue: impl Iterator<Item = Choice<'a>> + Clone,
) -> Result<(Vec<String>, bool), ResolveError> {
    let mut ids = Vec::new();
    let mut wants_none = false;
    for g in given {
        if fold(g.trim()) == none {
            wants_none = true;
        } else {
            ids.push(find(what, none, g, catalogue.clone())?);
        }
    }
    Ok((ids, wants_none))
}

/// The id whose id, name, other spelling or short label is `given`, ignoring case and
/// accents. Ids and names come first: a short label is taken only when no id or name is meant, and only when one
/// entry has it.
fn find<'a>(
    what: &'static str,
    none: &str,
    given: &str,
    catalogue: impl Iterator<Item = Choice<'a>> + Clone,
) -> Result<String, ResolveError> {
    let wanted = fold(given.trim());
    let exact = catalogue.clone().find(|c| {
        fold(c.id) == wanted
            || fold(c.name) == wanted
            || c.spellings.iter().any(|s| fold(s) == wanted)
    });
    let short = || {
        let mut by_label = catalogue
            .clone()
            .filter(|c| c.short.as_deref().is_some_and(|s| fold(s) == wanted));
        match (by_label.next(), by_label.next()) {
            (Some(one), None) => Some(one),
            _ => None,
        }
    };
    exact
        .or_else(short)
        .map(|c| c.id.to_string())
        .ok_or_else(|| {
            let mut valid: Vec<String> = catalogue
                .map(|c| match &c.short {
                    Some(short) => format!("{short} = {} ({})", c.name, c.id),
                    None => format!("{} ({})", c.name, c.id),
                })
                .collect();
            valid.push(format!("\"{none}\""));
            ResolveError::Unknown(UnknownName {
                what,
                given: given.to_string(),
                valid,
            })
        })
}

/// The endorser as given, if some candidate was endorsed by that name (ignoring case and
/// accents, as the filter matches); else an error naming the closest endorsers.
fn endorser(dataset: &Dataset, given: &str) -> Result<String, ResolveError> {
    let wanted = fold(given.trim());
    let mut names: Vec<&str> = dataset
        .contests
        .iter()
        .flat_map(|c| {
            // A nominator named in `nominations` is an endorser to the filter too.
            let endorsements = (c.candidates.iter())
                .flat_map(|k| &k.endorsements)
                .map(SharedStr::as_str);
            let nominators = (c.nominations.iter())
                .flat_map(|n| &n.counts)
                .flat_map(|n| &n.from)
                .map(CompactString::as_str);
            endorsements.chain(nominators)
        })
        .collect();
    if names.iter().any(|n| fold(n) == wanted) {
        return Ok(given.trim().to_string());
    }
    names.sort_unstable();
    names.dedup();
    let hint = match closest(given, names.iter().copied()).as_slice() {
        [] if names.is_empty() => "no candidate in this data has an endorsement".to_string(),
        [] => "`hustings stats --by endorser` lists every endorser".to_string(),
        [one] => format!("did you mean \"{one}\"?"),
        many => format!(
            "did you mean one of {}?",
            many.iter()
                .map(|m| format!("\"{m}\""))
                .collect::<Vec<_>>()
                .join(", ")
        ),
    };
    Err(ResolveError::UnknownEndorser {
        given: given.to_string(),
        hint,
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
        assert!(err.ends_with(", \"no region\""), "{err}");
    }

    #[test]
    fn factions_resolve_by_the_short_label_they_are_printed_by() {
        let ds = load(&[DataSource::Embedded]).unwrap().dataset;
        let spec = QuerySpec {
            factions: vec!["LL".into(), "sl".into(), "No Faction".into()],
            regions: vec!["no region".into()],
            ..QuerySpec::default()
        };
        let q = spec.resolve(&ds).unwrap();
        assert_eq!(q.filter.factions, vec!["labour-left", "soft-left"]);
        assert!(q.filter.no_faction && q.filter.no_region);
        assert!(q.filter.regions.is_empty());
        let err = QuerySpec {
            factions: vec!["XX".into()],
            ..QuerySpec::default()
        }
        .resolve(&ds)
        .unwrap_err()
        .to_string();
        assert!(
            err.contains("LL = Labour left / Momentum (labour-left)"),
            "{err}"
        );
    }

    #[test]
    fn backwards_dates_and_unknown_endorsers_are_errors_with_a_hint() {
        let ds = load(&[DataSource::Embedded]).unwrap().dataset;
        let err = QuerySpec {
            since: Some(PartialDate::parse("2020").unwrap()),
            until: Some(PartialDate::parse("2019").unwrap()),
            ..QuerySpec::default()
        }
        .resolve(&ds)
        .unwrap_err()
        .to_string();
        assert_eq!(
            err,
            "--since 2020 is after --until 2019, so no contest could match; \
             swap them (--since 2019 --until 2020)"
        );
        let err = QuerySpec {
            endorsers: vec!["Unitee".into()],
            ..QuerySpec::default()
        }
        .resolve(&ds)
        .unwrap_err()
        .to_string();
        assert_eq!(err, "unknown endorser \"Unitee\"; did you mean \"Unite\"?");
        let ok = QuerySpec {
            endorsers: vec![" unite ".into()],
            ..QuerySpec::default()
        };
        assert_eq!(ok.resolve(&ds).unwrap().filter.endorsers, vec!["unite"]);
    }
}
