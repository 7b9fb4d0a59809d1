//! Structural rules that serde cannot express: unique ids, references into the catalogues,
//! round counts naming real candidates. Breaking one is an error: the data is not loaded.

use std::collections::{HashMap, HashSet};

use foldhash::fast::RandomState;

use crate::model::colour::{self, Rgb};
use crate::model::json_path::JsonPath;
use crate::model::selection::FieldStep;
use crate::model::{CandidateRef, Contest, Dataset, DateBounds, FieldPath, SCHEMA_VERSION};

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
    let mut region_ids = FoldHashSet::default();
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
    let mut faction_ids = FoldHashSet::default();
    for (i, faction) in dataset.factions.iter().enumerate() {
        let path = JsonPath::root().key("factions").index(i);
        non_empty(&faction.id, || path.clone().key("id"))?;
        if !faction_ids.insert(faction.id.as_str()) {
            return Err(violation(
                path.key("id"),
                format!("duplicate faction id \"{}\"", faction.id),
            ));
        }
        for (k, spelling) in faction.spellings.iter().enumerate() {
            non_empty(spelling, || path.clone().key("spellings").index(k))?;
        }
        if let Some(color) = &faction.color
            && Rgb::parse(color).is_none()
        {
            // Debug quoting keeps the message on one line whatever the value holds.
            return Err(violation(
                path.key("color"),
                format!("colour {color:?} is not {}", colour::ACCEPTED_FORMS),
            ));
        }
    }
    check_groups(dataset)?;
    let mut contest_ids: FoldHashMap<&str, usize> =
        HashMap::with_capacity_and_hasher(dataset.contests.len(), RandomState::default());
    for (i, contest) in dataset.contests.iter().enumerate() {
        // Paths are built only when something is wrong: a million contests are checked
        // on every load, and allocating a path for each would cost more than the checks.
        let path = || JsonPath::root().key("contests").index(i);
        non_empty(&contest.id, || path().key("id"))?;
        if let Some(first) = contest_ids.insert(contest.id.as_str(), i) {
            return Err(violation(
                path().key("id"),
                format!(
                    "duplicate contest id \"{}\" (first used by contests[{first}])",
                    contest.id
                ),
            ));
        }
        check_contest(contest, path, &region_ids, &faction_ids)?;
    }
    Ok(())
}

/// A faction's `group` names another faction, which has no group of its own.
fn check_groups(dataset: &Dataset) -> Result<(), Violation> {
    for (i, faction) in dataset.factions.iter().enumerate() {
        let Some(group) = &faction.group else {
            continue;
        };
        let path = || JsonPath::root().key("factions").index(i).key("group");
        match dataset.faction(group) {
            None => {
                return Err(violation(
                    path(),
                    format!("unknown faction \"{group}\" (not in the factions catalogue)"),
                ));
            }
            Some(g) if g.id == faction.id => {
                return Err(violation(
                    path(),
                    "a faction cannot be its own group".into(),
                ));
            }
            Some(g) if g.group.is_some() => {
                return Err(violation(
                    path(),
                    format!(
                        "\"{group}\" is itself part of a group: a group has no group of its own"
                    ),
                ));
            }
            Some(_) => {}
        }
    }
    Ok(())
}

type FoldHashMap<K, V> = HashMap<K, V, RandomState>;
type FoldHashSet<T> = HashSet<T, RandomState>;

/// The error for a `schema_version` this build cannot read.
pub fn unsupported_version(found: u32) -> Violation {
    violation(
        JsonPath::root().key("schema_version"),
        format!("unsupported schema_version {found}: this hustings reads version {SCHEMA_VERSION}"),
    )
}

/// Candidates' names in one contest. Contests rarely have more than a dozen candidates,
/// where a scan of a small list beats hashing every name.
enum Names<'a> {
    Few(Vec<&'a str>),
    Many(FoldHashSet<&'a str>),
}

impl<'a> Names<'a> {
    const FEW: usize = 16;

    fn with_capacity(n: usize) -> Self {
        if n <= Self::FEW {
            Names::Few(Vec::with_capacity(n))
        } else {
            Names::Many(HashSet::with_capacity_and_hasher(n, RandomState::default()))
        }
    }

    /// False when the name was already there.
    fn insert(&mut self, name: &'a str) -> bool {
        match self {
            Names::Few(list) if list.contains(&name) => false,
            Names::Few(list) => {
                list.push(name);
                true
            }
            Names::Many(set) => set.insert(name),
        }
    }

    fn contains(&self, name: &str) -> bool {
        match self {
            Names::Few(list) => list.contains(&name),
            Names::Many(set) => set.contains(name),
        }
    }
}

fn check_contest(
    contest: &Contest,
    path: impl Fn() -> JsonPath,
    region_ids: &FoldHashSet<&str>,
    faction_ids: &FoldHashSet<&str>,
) -> Result<(), Violation> {
    if let Some(region) = &contest.region
        && !region_ids.contains(region.as_str())
    {
        return Err(violation(
            path().key("region"),
            format!("unknown region \"{region}\" (not in the regions catalogue)"),
        ));
    }
    // Namesakes are allowed (a warning); ids, which tell them apart, must be unique.
    let mut ids = Names::with_capacity(0);
    let mut namesakes = false;
    let mut names = Names::with_capacity(contest.candidates.len());
    for (j, candidate) in contest.candidates.iter().enumerate() {
        let cpath = || path().key("candidates").index(j);
        // A party-level row (results by party only) has no name; then the party names it. A
        // person a source describes but does not name has a description instead.
        if candidate.name.is_empty() {
            match (&candidate.party, &candidate.description()) {
                (Some(party), _) => non_empty(party, || cpath().key("party"))?,
                (None, Some(description)) => {
                    non_empty(description, || cpath().key("description"))?;
                }
                (None, None) => {
                    return Err(violation(
                        cpath().key("name"),
                        "must not be empty (a row without a name needs a party, for results by party only, or a description, for someone a source does not name)"
                            .into(),
                    ));
                }
            }
        } else {
            non_empty(&candidate.name, || cpath().key("name"))?;
            namesakes |= !names.insert(candidate.name.as_str());
        }
        if let Some(id) = candidate.id() {
            non_empty(id, || cpath().key("id"))?;
            if !ids.insert(id) {
                return Err(violation(
                    cpath().key("id"),
                    format!("candidate id \"{id}\" is used twice in this contest"),
                ));
            }
        }
        if let Some(faction) = &candidate.faction
            && !faction_ids.contains(faction.as_str())
        {
            return Err(violation(
                cpath().key("faction"),
                format!("unknown faction \"{faction}\" (not in the factions catalogue)"),
            ));
        }
    }
    // A reference is a candidate's id or name; a name two candidates share says nobody.
    let known = |name: &str, at: &dyn Fn() -> JsonPath| -> Result<(), Violation> {
        if ids.contains(name) || (names.contains(name) && !namesakes) {
            return Ok(());
        }
        match contest.candidate_ref(name) {
            CandidateRef::Found(_) => Ok(()),
            CandidateRef::Ambiguous => Err(violation(
                at(),
                format!(
                    "\"{name}\" is the name of more than one candidate: give them ids and refer to one by its id"
                ),
            )),
            CandidateRef::Missing => Err(violation(
                at(),
                format!("\"{name}\" is not one of this contest's candidates"),
            )),
        }
    };
    for (r, round) in contest.rounds.iter().enumerate() {
        let rpath = || path().key("rounds").index(r);
        for (k, count) in round.counts.iter().enumerate() {
            known(&count.candidate, &|| {
                rpath().key("counts").index(k).key("candidate")
            })?;
        }
        for (k, name) in round.eliminated.iter().enumerate() {
            known(name, &|| rpath().key("eliminated").index(k))?;
        }
        for (k, t) in round.transfers.iter().enumerate() {
            for (field, name) in [("from", &t.from), ("to", &t.to)] {
                known(name, &|| rpath().key("transfers").index(k).key(field))?;
            }
        }
        for (k, x) in round.set_aside.iter().enumerate() {
            known(&x.from, &|| rpath().key("set_aside").index(k).key("from"))?;
        }
    }
    for (s, stage) in contest.stages.iter().enumerate() {
        for (k, name) in stage.candidates.iter().enumerate() {
            known(name, &|| {
                path().key("stages").index(s).key("candidates").index(k)
            })?;
        }
    }
    for (n, nomination) in contest.nominations.iter().enumerate() {
        let npath = || path().key("nominations").index(n);
        if let Some(threshold) = nomination.threshold
            && threshold.partial_cmp(&0.0) != Some(std::cmp::Ordering::Greater)
        {
            return Err(violation(
                npath().key("threshold"),
                format!(
                    "threshold {threshold} is not positive: it is how many nominations a candidate needs, more than 0"
                ),
            ));
        }
        for (k, count) in nomination.counts.iter().enumerate() {
            known(&count.candidate, &|| {
                npath().key("counts").index(k).key("candidate")
            })?;
        }
    }
    for (r, route) in contest.nomination_routes.iter().enumerate() {
        let rpath = || path().key("nomination_routes").index(r);
        non_empty(&route.route, || rpath().key("route"))?;
        if route.conditions.is_empty() {
            return Err(violation(
                rpath().key("conditions"),
                "a route needs at least one condition".into(),
            ));
        }
        for (k, condition) in route.conditions.iter().enumerate() {
            let cpath = || rpath().key("conditions").index(k);
            if condition.bodies.is_empty() {
                return Err(violation(
                    cpath().key("bodies"),
                    "a condition counts the nominations of at least one kind of body".into(),
                ));
            }
            if condition.at_least == 0 {
                return Err(violation(
                    cpath().key("at_least"),
                    "at_least 0 is not positive: it is how many nominations a candidate needs, more than 0"
                        .into(),
                ));
            }
        }
    }
    if let Some(bounds) = &contest.date_bounds {
        check_date_bounds(contest, bounds, || path().key("date_bounds"))?;
    }
    if !contest.inferred.is_empty() {
        check_inferred(contest, path)?;
    }
    Ok(())
}

/// Bounds must bound something, the right way round, and hold the contest's own date.
fn check_date_bounds(
    contest: &Contest,
    bounds: &DateBounds,
    path: impl Fn() -> JsonPath,
) -> Result<(), Violation> {
    non_empty(&bounds.basis, || path().key("basis"))?;
    if let (Some(earliest), Some(latest)) = (bounds.earliest, bounds.latest)
        && earliest.start() > latest.end()
    {
        return Err(violation(
            path().key("latest"),
            format!("latest {latest} is before earliest {earliest}"),
        ));
    }
    if bounds.earliest.is_none() && bounds.latest.is_none() {
        return Err(violation(
            path(),
            "date bounds need an earliest date, a latest date or both".to_string(),
        ));
    }
    if let Some(date) = contest.date {
        let before = bounds.latest.is_some_and(|l| date.start() > l.end());
        let after = bounds.earliest.is_some_and(|e| date.end() < e.start());
        if before || after {
            return Err(violation(
                path(),
                format!("the bounds leave out the contest's date {date}"),
            ));
        }
    }
    Ok(())
}

/// Every inferred field is a path to a value the contest gives, with a basis.
fn check_inferred(contest: &Contest, path: impl Fn() -> JsonPath) -> Result<(), Violation> {
    // Only contests that mark inferred facts pay for this copy.
    let value = serde_json::to_value(contest).unwrap_or(serde_json::Value::Null);
    for (k, inferred) in contest.inferred.iter().enumerate() {
        let ipath = || path().key("inferred").index(k);
        let field = &inferred.field;
        let Some(steps) = FieldPath::parse(field) else {
            return Err(violation(
                ipath().key("field"),
                format!(
                    "{field:?} is not a path within the contest such as region, date or candidates[2].faction"
                ),
            ));
        };
        match lookup(&value, &steps) {
            Some(serde_json::Value::Null) => {
                return Err(violation(
                    ipath().key("field"),
                    format!(
                        "{field:?} is null in this contest: only a value the data gives can be inferred"
                    ),
                ));
            }
            Some(_) => {}
            None => {
                return Err(violation(
                    ipath().key("field"),
                    format!("{field:?} is not in this contest (no value at that path)"),
                ));
            }
        }
        non_empty(&inferred.basis, || ipath().key("basis"))?;
    }
    Ok(())
}

/// The value at `path` within `value`, if there is one.
fn lookup<'v>(value: &'v serde_json::Value, path: &FieldPath) -> Option<&'v serde_json::Value> {
    path.0.iter().try_fold(value, |v, step| match step {
        FieldStep::Key(k) => v.as_object()?.get(k),
        FieldStep::Index(i) => v.as_array()?.get(*i),
    })
}

fn non_empty(value: &str, path: impl Fn() -> JsonPath) -> Result<(), Violation> {
    // Most values start with a visible ASCII character; only the rest need a full trim.
    let visible = value.as_bytes().first().is_some_and(u8::is_ascii_graphic);
    if !visible && value.trim().is_empty() {
        Err(violation(path(), "must not be empty".to_string()))
    } else {
        Ok(())
    }
}
