//! Structural rules that serde cannot express: unique ids, references into the catalogues,
//! round counts naming real candidates. Breaking one is an error: the data is not loaded.

use std::collections::{HashMap, HashSet};

use crate::locate::JsonPath;
use crate::model::{Contest, Dataset, SCHEMA_VERSION};

/// A rule broken at `path`.
#[derive(Debug, Clone, PartialEq)]
pub struct Violation {
    pub path: JsonPath,
    pub message: String,
}

fn violation(path: JsonPath, message: String) -> Violation {
    Violation { path, message }
}

/// Checks one parsed document; the first violation found is returned.
pub fn check(dataset: &Dataset) -> Result<(), Violation> {
    if dataset.schema_version != SCHEMA_VERSION {
        return Err(unsupported_version(dataset.schema_version));
    }
    let mut region_ids = HashSet::new();
    for (i, region) in dataset.regions.iter().enumerate() {
        let path = JsonPath::root().key("regions").index(i);
        non_empty(&region.id, || path.clone().key("id"))?;
        if !region_ids.insert(region.id.as_str()) {
            return Err(violation(
                path.key("id"),
                format!("duplicate region id \"{}\"", region.id),
            ));
        }
    }
    let mut faction_ids = HashSet::new();
    for (i, faction) in dataset.factions.iter().enumerate() {
        let path = JsonPath::root().key("factions").index(i);
        non_empty(&faction.id, || path.clone().key("id"))?;
        if !faction_ids.insert(faction.id.as_str()) {
            return Err(violation(
                path.key("id"),
                format!("duplicate faction id \"{}\"", faction.id),
            ));
        }
        if let Some(color) = &faction.color
            && !is_hex_colour(color)
        {
            return Err(violation(
                path.key("color"),
                format!("colour \"{color}\" is not of the form #rrggbb"),
            ));
        }
    }
    let mut contest_ids: HashMap<&str, usize> = HashMap::with_capacity(dataset.contests.len());
    for (i, contest) in dataset.contests.iter().enumerate() {
        let path = JsonPath::root().key("contests").index(i);
        non_empty(&contest.id, || path.clone().key("id"))?;
        if let Some(first) = contest_ids.insert(contest.id.as_str(), i) {
            return Err(violation(
                path.key("id"),
                format!(
                    "duplicate contest id \"{}\" (first used by contests[{first}])",
                    contest.id
                ),
            ));
        }
        check_contest(contest, &path, &region_ids, &faction_ids)?;
    }
    Ok(())
}

/// The error for a `schema_version` this build cannot read.
pub fn unsupported_version(found: u32) -> Violation {
    violation(
        JsonPath::root().key("schema_version"),
        format!("unsupported schema_version {found}: this hustings reads version {SCHEMA_VERSION}"),
    )
}

fn check_contest(
    contest: &Contest,
    path: &JsonPath,
    region_ids: &HashSet<&str>,
    faction_ids: &HashSet<&str>,
) -> Result<(), Violation> {
    if let Some(region) = &contest.region
        && !region_ids.contains(region.as_str())
    {
        return Err(violation(
            path.clone().key("region"),
            format!("unknown region \"{region}\" (not in the regions catalogue)"),
        ));
    }
    let mut names = HashSet::with_capacity(contest.candidates.len());
    for (j, candidate) in contest.candidates.iter().enumerate() {
        let cpath = path.clone().key("candidates").index(j);
        non_empty(&candidate.name, || cpath.clone().key("name"))?;
        if !names.insert(candidate.name.as_str()) {
            return Err(violation(
                cpath.key("name"),
                format!(
                    "candidate \"{}\" appears twice in this contest",
                    candidate.name
                ),
            ));
        }
        if let Some(faction) = &candidate.faction
            && !faction_ids.contains(faction.as_str())
        {
            return Err(violation(
                cpath.key("faction"),
                format!("unknown faction \"{faction}\" (not in the factions catalogue)"),
            ));
        }
    }
    for (r, round) in contest.rounds.iter().enumerate() {
        let rpath = path.clone().key("rounds").index(r);
        let unknown = |name: &str, at: JsonPath| {
            violation(
                at,
                format!("\"{name}\" is not one of this contest's candidates"),
            )
        };
        for (k, count) in round.counts.iter().enumerate() {
            if !names.contains(count.candidate.as_str()) {
                let at = rpath.clone().key("counts").index(k).key("candidate");
                return Err(unknown(&count.candidate, at));
            }
        }
        for (k, name) in round.eliminated.iter().enumerate() {
            if !names.contains(name.as_str()) {
                return Err(unknown(name, rpath.clone().key("eliminated").index(k)));
            }
        }
        for (k, t) in round.transfers.iter().enumerate() {
            for (field, name) in [("from", &t.from), ("to", &t.to)] {
                if !names.contains(name.as_str()) {
                    let at = rpath.clone().key("transfers").index(k).key(field);
                    return Err(unknown(name, at));
                }
            }
        }
    }
    Ok(())
}

fn non_empty(value: &str, path: impl Fn() -> JsonPath) -> Result<(), Violation> {
    if value.trim().is_empty() {
        Err(violation(path(), "must not be empty".to_string()))
    } else {
        Ok(())
    }
}

fn is_hex_colour(s: &str) -> bool {
    s.len() == 7 && s.starts_with('#') && s[1..].bytes().all(|b| b.is_ascii_hexdigit())
}
