//! Which of a report's counts make one figure of a contest (a selection's votes in a round,
//! the ballots cast): the counts for the contest's own district when the file gives them,
//! else the sum over the sub-units it gives (precincts, counties), never both; for one unit,
//! its `total` counts, else the sum of its counts by type (election day, early, absentee…).
//!
//! `BallotRecords` picks an election's ballot counts for a contest's area; `Account` gathers
//! what each of a contest's figures was made of into a few sentences for its notes.
//!
//! Nothing is guessed: a count suppressed for privacy, counts by type that may overlap
//! (`absentee` beside `absentee-mail`), or sub-units of different kinds that the file does not
//! place within one another (which may overlap) leave the figure unknown, with the reason.

use std::collections::{HashMap, HashSet};

use crate::import::nist::report::{Amount, BallotCount, Election, GpUnit, Id, Report};
use crate::model::strict_numbers::MAX_COUNT;
use crate::model::tally::Tally;

type FastMap<K, V> = HashMap<K, V, foldhash::fast::RandomState>;
type FastSet<T> = HashSet<T, foldhash::fast::RandomState>;

/// The report's units, found by id, with their hierarchy.
pub struct Units<'r> {
    report: &'r Report,
    by_id: Vec<Option<usize>>,
    /// The units each unit is one of the `ComposingGpUnitIds` of.
    parents: Vec<Vec<Id>>,
}

impl<'r> Units<'r> {
    pub fn new(report: &'r Report) -> Units<'r> {
        let mut by_id = vec![None; report.ids.len()];
        let mut parents = vec![Vec::new(); report.ids.len()];
        for (i, unit) in report.units.iter().enumerate() {
            if let Some(id) = unit.id {
                by_id[id as usize] = Some(i);
                for &child in &unit.children {
                    parents[child as usize].push(id);
                }
            }
        }
        Units {
            report,
            by_id,
            parents,
        }
    }

    pub fn get(&self, id: Id) -> Option<&'r GpUnit> {
        self.by_id[id as usize].map(|i| &self.report.units[i])
    }

    /// The unit's name, else its id.
    pub fn name(&self, id: Id) -> String {
        self.get(id)
            .and_then(|u| u.name.clone())
            .unwrap_or_else(|| self.report.id(id).to_string())
    }

    /// The first unit that `id` is part of.
    pub fn parent(&self, id: Id) -> Option<Id> {
        self.parents[id as usize].first().copied()
    }

    /// `id` and every unit within it (its `ComposingGpUnitIds`, at any depth).
    pub fn area(&self, id: Id) -> Vec<Id> {
        let mut seen: FastSet<Id> = FastSet::default();
        let mut out = Vec::new();
        let mut todo = vec![id];
        while let Some(u) = todo.pop() {
            if !seen.insert(u) {
                continue;
            }
            out.push(u);
            if let Some(unit) = self.get(u) {
                todo.extend(unit.children.iter().rev());
            }
        }
        out
    }

    /// Whether `id` is part of `area` (at any depth), as the file's hierarchy says.
    pub fn within(&self, id: Id, area: Id) -> bool {
        let mut one: FastSet<Id> = FastSet::default();
        one.insert(area);
        self.within_any(id, &one)
    }

    /// Whether a unit that `id` is part of (at any depth) is in `set`.
    fn within_any(&self, id: Id, set: &FastSet<Id>) -> bool {
        let mut seen: FastSet<Id> = FastSet::default();
        let mut todo: Vec<Id> = self.parents[id as usize].clone();
        while let Some(up) = todo.pop() {
            if !seen.insert(up) {
                continue;
            }
            if set.contains(&up) {
                return true;
            }
            todo.extend(&self.parents[up as usize]);
        }
        false
    }

    /// The kind of a unit, for messages: its `Type` (`OtherType` for `other`), or `device`.
    fn kind(&self, id: Id) -> String {
        match self.get(id) {
            Some(u) => match (u.kind, &u.other_kind) {
                (Some("other") | None, Some(o)) => o.clone(),
                (Some(k), _) => k.to_string(),
                (None, None) if u.class == "ReportingDevice" => "device".into(),
                (None, None) => "unit".into(),
            },
            None => "unit".into(),
        }
    }
}

/// One count as the figure sees it: for which unit, of which type, how many — or why the
/// number is not known (`SUPPRESSED`, `NOT_GIVEN`).
#[derive(Debug, Clone)]
pub struct Entry {
    pub unit: Id,
    pub kind: &'static str,
    pub amount: Result<Amount, &'static str>,
}

/// Why a count is unknown: the file suppressed it for privacy.
pub const SUPPRESSED: &str = "a count is suppressed for privacy";
/// Why a count is unknown: the unit's ballot counts do not give this figure.
pub const NOT_GIVEN: &str = "its ballot counts do not give this figure";

/// Where a figure came from.
#[derive(Debug, Clone, PartialEq)]
pub enum Basis {
    /// No count at all.
    None,
    /// The district's own counts.
    District {
        /// How many sub-units also had counts (not summed).
        sub_units: usize,
        /// What those sub-units sum to, when it differs from the district's figure.
        sub_units_differ: Option<String>,
    },
    /// The sum over these sub-units (the file gives no count for the district itself).
    SubUnits { units: usize, kinds: Vec<String> },
}

/// A figure: the amount (None when unknown), where it came from, and why it is unknown, or
/// which types were summed when a unit had no `total`.
#[derive(Debug, Clone)]
pub struct Figure {
    pub amount: Option<Amount>,
    pub basis: Basis,
    pub unknown_because: Option<String>,
    /// Types summed for want of a `total` (`absentee`, `early`…).
    pub types_summed: Vec<&'static str>,
}

/// The figure for `district` from `entries` (the counts of one selection in one round, or
/// one field of the ballot counts).
pub fn figure(units: &Units, district: Id, entries: &[Entry]) -> Figure {
    let mut order: Vec<Id> = Vec::new();
    let mut by_unit: FastMap<Id, Vec<&Entry>> = FastMap::default();
    for e in entries {
        by_unit
            .entry(e.unit)
            .or_insert_with(|| {
                order.push(e.unit);
                Vec::new()
            })
            .push(e);
    }
    let mut types_summed = Vec::new();
    if let Some(own) = by_unit.get(&district) {
        let (amount, unknown_because) = match one_unit(own, &mut types_summed) {
            Ok(a) => (a, None),
            Err(why) => (None, Some(why)),
        };
        let others: Vec<Id> = order.iter().copied().filter(|&u| u != district).collect();
        let sub_units_differ = if others.is_empty() {
            None
        } else {
            let sub = sum_units(units, &others, &by_unit, &mut Vec::new());
            match (&amount, sub) {
                (Some(a), Ok(Some(s))) if s != *a => Some(s.to_tally().as_str().to_string()),
                _ => None,
            }
        };
        return Figure {
            amount,
            basis: Basis::District {
                sub_units: others.len(),
                sub_units_differ,
            },
            unknown_because,
            types_summed,
        };
    }
    if order.is_empty() {
        return Figure {
            amount: None,
            basis: Basis::None,
            unknown_because: None,
            types_summed,
        };
    }
    let set: FastSet<Id> = order.iter().copied().collect();
    let top: Vec<Id> = order
        .iter()
        .copied()
        .filter(|&u| !units.within_any(u, &set))
        .collect();
    let mut kinds: Vec<String> = Vec::new();
    for &u in &top {
        let k = units.kind(u);
        if !kinds.contains(&k) {
            kinds.push(k);
        }
    }
    let basis = Basis::SubUnits {
        units: top.len(),
        kinds: kinds.clone(),
    };
    // Units of different kinds (wards and precincts) may overlap, unless the file's hierarchy
    // places every one of them within the district (and none within another: they are the
    // topmost of those counted).
    if kinds.len() > 1 && !top.iter().all(|&u| units.within(u, district)) {
        return Figure {
            amount: None,
            basis,
            unknown_because: Some(format!(
                "counts are given for units of several kinds ({}) that the file does not place within the district, so they may overlap and are not summed",
                kinds.join(", ")
            )),
            types_summed,
        };
    }
    let (amount, unknown_because) = match sum_units(units, &top, &by_unit, &mut types_summed) {
        Ok(a) => (a, None),
        Err(why) => (None, Some(why)),
    };
    Figure {
        amount,
        basis,
        unknown_because,
        types_summed,
    }
}

/// The sum over `ids` (each unit's own figure); Err with the reason when one is unknown.
fn sum_units(
    units: &Units,
    ids: &[Id],
    by_unit: &FastMap<Id, Vec<&Entry>>,
    types_summed: &mut Vec<&'static str>,
) -> Result<Option<Amount>, String> {
    let mut parts = Vec::new();
    for &u in ids {
        match one_unit(&by_unit[&u], types_summed) {
            Ok(Some(a)) => parts.push(a),
            Ok(None) => {}
            Err(why) => return Err(format!("{} ({}): {why}", units.name(u), units.kind(u))),
        }
    }
    if parts.is_empty() {
        return Ok(None);
    }
    add(&parts).map(Some)
}

/// One unit's figure: its `total` counts (summed, as for several device classes), else its
/// counts by type summed. `seats` counts seats, not votes, and is never part of it.
fn one_unit(
    entries: &[&Entry],
    types_summed: &mut Vec<&'static str>,
) -> Result<Option<Amount>, String> {
    let totals: Vec<&&Entry> = entries.iter().filter(|e| e.kind == "total").collect();
    let chosen: Vec<&&Entry> = if totals.is_empty() {
        let parts: Vec<&&Entry> = entries.iter().filter(|e| e.kind != "seats").collect();
        let whole_absentee = parts.iter().any(|e| e.kind == "absentee");
        if let Some(sub) = parts
            .iter()
            .find(|e| whole_absentee && e.kind.starts_with("absentee-"))
        {
            return Err(format!(
                "it has no `total` and counts both `absentee` and `{}`, which may overlap",
                sub.kind
            ));
        }
        for e in &parts {
            if !types_summed.contains(&e.kind) {
                types_summed.push(e.kind);
            }
        }
        parts
    } else {
        totals
    };
    if chosen.is_empty() {
        return Ok(None);
    }
    if let Some(why) = chosen.iter().find_map(|e| e.amount.as_ref().err()) {
        return Err(why.to_string());
    }
    let amounts: Vec<Amount> = chosen
        .iter()
        .filter_map(|e| e.amount.as_ref().ok().cloned())
        .collect();
    add(&amounts).map(Some)
}

/// The sum of amounts: exact for whole numbers, to the most decimal places given otherwise.
pub fn add(amounts: &[Amount]) -> Result<Amount, String> {
    let mut whole: u64 = 0;
    let mut all_whole = true;
    for a in amounts {
        match a {
            Amount::Whole(n) => whole = whole.saturating_add(*n),
            Amount::Decimal(_) => all_whole = false,
        }
    }
    if all_whole {
        if whole > MAX_COUNT {
            return Err(format!(
                "the counts add up to {whole}, more than any count can be (the limit is {MAX_COUNT})"
            ));
        }
        return Ok(Amount::Whole(whole));
    }
    let tallies: Vec<Tally> = amounts.iter().map(Amount::to_tally).collect();
    let places = tallies.iter().map(Tally::decimals).max().unwrap_or(0);
    let sum: f64 = tallies.iter().map(Tally::value).sum();
    Tally::parse(&format!("{sum:.places$}")).map(Amount::from_tally)
}

/// An election's ballot counts without a round, by unit: a contest takes those of its
/// district and of the units within it.
pub struct BallotRecords<'r> {
    by_unit: HashMap<Id, Vec<&'r BallotCount>>,
}

impl<'r> BallotRecords<'r> {
    pub fn new(election: &'r Election) -> BallotRecords<'r> {
        let mut by_unit: HashMap<Id, Vec<&BallotCount>> = HashMap::new();
        for b in election.ballots.iter().filter(|b| b.round.is_none()) {
            by_unit.entry(b.unit).or_default().push(b);
        }
        BallotRecords { by_unit }
    }

    /// The counts of one field (`BallotsCast`, `BallotsRejected`) for the units of `area`.
    /// A unit's record without the field makes it unknown there, unless no record gives it
    /// at all (then the file simply does not state it).
    pub fn entries(&self, area: &[Id], field: fn(&BallotCount) -> Option<u64>) -> Vec<Entry> {
        let records: Vec<&BallotCount> = area
            .iter()
            .filter_map(|u| self.by_unit.get(u))
            .flatten()
            .copied()
            .collect();
        if !records.iter().any(|b| b.suppressed || field(b).is_some()) {
            return Vec::new();
        }
        records
            .iter()
            .map(|b| Entry {
                unit: b.unit,
                kind: b.kind,
                amount: match (b.suppressed, field(b)) {
                    (true, _) => Err(SUPPRESSED),
                    (false, Some(n)) => Ok(Amount::Whole(n)),
                    (false, None) => Err(NOT_GIVEN),
                },
            })
            .collect()
    }
}

/// What one contest's figures were made of, gathered into a few sentences.
#[derive(Default)]
pub struct Account {
    /// What was summed over sub-units (the file gave no district total), with the largest
    /// number of units and their kinds.
    summed: Vec<(&'static str, usize, Vec<String>)>,
    /// Sub-units whose counts were left aside for the district's own.
    district_over: usize,
    differ: Vec<String>,
    types: Vec<&'static str>,
    unknown: Vec<String>,
}

impl Account {
    /// `fig`, the figure of `what` (a candidate's name, `ballots cast`), one of `category`
    /// (`the votes`, `the ballots cast`…).
    pub fn record(&mut self, fig: &Figure, what: &str, category: &'static str) {
        match &fig.basis {
            Basis::SubUnits { units, kinds } if fig.amount.is_some() => {
                match self.summed.iter_mut().find(|(c, ..)| *c == category) {
                    Some((_, n, k)) if units > n => (*n, *k) = (*units, kinds.clone()),
                    Some(_) => {}
                    None => self.summed.push((category, *units, kinds.clone())),
                }
            }
            Basis::SubUnits { .. } => {}
            Basis::District {
                sub_units,
                sub_units_differ,
            } => {
                self.district_over = self.district_over.max(*sub_units);
                if let (Some(d), Some(a)) = (sub_units_differ, &fig.amount) {
                    self.differ.push(format!(
                        "{what}: {} for the district, {d} summed over its sub-units",
                        a.to_tally().as_str()
                    ));
                }
            }
            Basis::None => {}
        }
        for t in &fig.types_summed {
            if !self.types.contains(t) {
                self.types.push(t);
            }
        }
        if let Some(why) = &fig.unknown_because {
            self.unknown.push(format!("{what}: unknown, as {why}"));
        }
    }

    pub fn sentences(&self, units: &Units, district: Id) -> Vec<String> {
        let mut out = Vec::new();
        let name = units.name(district);
        for (category, n, kinds) in &self.summed {
            out.push(format!(
                "the file gives no counts for {name} itself, so {category} are the sum over its {n} {} units",
                kinds.join("/")
            ));
        }
        if self.district_over > 0 {
            out.push(format!(
                "the counts given for {name} itself are used; those for {} sub-units are not added to them",
                self.district_over
            ));
        }
        if !self.differ.is_empty() {
            out.push(format!(
                "the sub-units do not add up to the district: {}",
                self.differ.join("; ")
            ));
        }
        if !self.types.is_empty() {
            out.push(format!(
                "no `total` counts, so the counts by type ({}) were summed",
                self.types.join(", ")
            ));
        }
        out.extend(self.unknown.iter().cloned());
        out
    }
}
