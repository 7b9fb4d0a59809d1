//! Which hexagon each contest stands on: by its `constituency_id` (an ONS code, a state's
//! postal code) when the map has it, else by its constituency's name folded (case, accents,
//! punctuation, `&`/`and`: `query::fold_place`), else nowhere — and said so, never dropped.

use std::collections::HashMap;

use crate::map::hexjson::HexMap;
use crate::model::{Contest, Dataset};
use crate::query::fold_place;

/// Looks contests up on one map.
pub struct Locator {
    by_id: HashMap<String, usize>,
    by_name: HashMap<String, usize>,
}

impl Locator {
    pub fn new(map: &HexMap) -> Locator {
        let mut by_id = HashMap::with_capacity(map.hexes.len());
        let mut by_name = HashMap::with_capacity(map.hexes.len());
        for (h, hex) in map.hexes.iter().enumerate() {
            by_id.insert(hex.id.trim().to_ascii_uppercase(), h);
            // Two hexes of one name (there are none in the built-in maps): the first keeps it.
            by_name.entry(fold_place(&hex.name)).or_insert(h);
        }
        Locator { by_id, by_name }
    }

    /// The hexagon (a position in the map's hexes) of `contest`'s seat, if the map has it.
    pub fn hex_of(&self, contest: &Contest) -> Option<usize> {
        let by_id = contest
            .constituency_id
            .as_deref()
            .and_then(|id| self.by_id.get(&id.trim().to_ascii_uppercase()));
        by_id
            .or_else(|| {
                let name = contest.constituency.as_deref()?;
                self.by_name.get(&fold_place(name))
            })
            .copied()
    }
}

/// The contest a hexagon shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shown {
    /// Index into the dataset's contests.
    pub contest: usize,
    /// Whether the filters keep it (a hex whose contests they all leave out is dimmed).
    pub listed: bool,
}

/// The contests of a dataset on one map.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Placement {
    /// Per hexagon (in the map's order): the latest listed contest there, else the latest of
    /// the others (dimmed), else none (drawn hollow).
    pub shown: Vec<Option<Shown>>,
    /// The listed contests on the map, with their hexagon.
    pub placed: HashMap<usize, usize>,
    /// The listed contests the map has no hexagon for, in the listed order.
    pub unplaced: Vec<usize>,
}

impl Placement {
    /// The contests the filters keep that the map shows, one a hexagon, in the map's order.
    pub fn listed_shown(&self) -> impl Iterator<Item = usize> + '_ {
        (self.shown.iter().flatten())
            .filter(|s| s.listed)
            .map(|s| s.contest)
    }

    /// The hexagons that show a contest the filters keep.
    pub fn listed_hexes(&self) -> usize {
        self.listed_shown().count()
    }
}

/// How contests on one hexagon rank: the latest date first (undated last), then the later in
/// the dataset.
fn rank(
    dataset: &Dataset,
    i: usize,
) -> (
    Option<(chrono::NaiveDate, crate::model::date::Precision)>,
    usize,
) {
    (dataset.contests[i].date.map(|d| d.sort_key()), i)
}

/// Places the `listed` contests (the filters' rows) and the `others` (the rest of the
/// dataset's rows, shown dimmed where no listed contest stands) on `map`.
pub fn place(
    map: &HexMap,
    dataset: &Dataset,
    listed: &[usize],
    others: impl Iterator<Item = usize>,
) -> Placement {
    let locator = Locator::new(map);
    let mut shown: Vec<Option<Shown>> = vec![None; map.hexes.len()];
    let mut placed = HashMap::with_capacity(listed.len());
    let mut unplaced = Vec::new();
    let mut keep = |hex: usize, contest: usize, listed: bool| {
        let better = match shown[hex] {
            None => true,
            Some(s) if s.listed != listed => listed,
            Some(s) => rank(dataset, contest) > rank(dataset, s.contest),
        };
        if better {
            shown[hex] = Some(Shown { contest, listed });
        }
    };
    for &i in listed {
        match locator.hex_of(&dataset.contests[i]) {
            Some(hex) => {
                placed.insert(i, hex);
                keep(hex, i, true);
            }
            None => unplaced.push(i),
        }
    }
    for i in others {
        if placed.contains_key(&i) {
            continue;
        }
        if let Some(hex) = locator.hex_of(&dataset.contests[i]) {
            keep(hex, i, false);
        }
    }
    Placement {
        shown,
        placed,
        unplaced,
    }
}

/// Of `maps`, the one that places the most of the `listed` contests (the first of those tied).
pub fn best_fit(maps: Vec<HexMap>, dataset: &Dataset, listed: &[usize]) -> Option<HexMap> {
    let mut best: Option<(usize, HexMap)> = None;
    for map in maps {
        let locator = Locator::new(&map);
        let count = listed
            .iter()
            .filter(|&&i| locator.hex_of(&dataset.contests[i]).is_some())
            .count();
        if best.as_ref().is_none_or(|(most, _)| count > *most) {
            best = Some((count, map));
        }
    }
    best.map(|(_, map)| map)
}
