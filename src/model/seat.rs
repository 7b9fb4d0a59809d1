//! Seats: which contests were fought in the same constituency, and a seat's history — every
//! contest fought there, oldest first (a general-election result, the selection that
//! followed, the next general election), also across merged files.
//!
//! Two contests are in the same constituency when both give a `constituency_id` and the ids
//! are equal; otherwise when their `constituency` names are equal, ignoring case and spaces at
//! the ends. Ids win when both have one because names repeat across boundary changes while ONS
//! ids do not; names bridge datasets where one side (e.g. a news report) has no id.

use std::borrow::Cow;

use foldhash::HashMap;

use chrono::NaiveDate;

use crate::model::{Contest, Dataset};

/// A constituency id or name as compared: trimmed, lowercased; `None` when absent or blank.
/// Borrowed when already so (an ONS code is looked up for every contest).
fn clean(s: Option<&str>) -> Option<Cow<'_, str>> {
    s.map(str::trim).filter(|s| !s.is_empty()).map(|s| {
        if s.bytes().any(|b| b.is_ascii_uppercase() || !b.is_ascii()) {
            Cow::Owned(s.to_lowercase())
        } else {
            Cow::Borrowed(s)
        }
    })
}

/// [`clean`] of `s`, handed to `f` without an allocation for most names (short, ASCII): a
/// list asks for every contest's seat.
fn with_clean<R>(s: Option<&str>, f: impl FnOnce(Option<&str>) -> R) -> R {
    let Some(s) = s.map(str::trim).filter(|s| !s.is_empty()) else {
        return f(None);
    };
    let mut buffer = [0u8; 96];
    if s.is_ascii() && s.len() <= buffer.len() {
        let lower = &mut buffer[..s.len()];
        lower.copy_from_slice(s.as_bytes());
        lower.make_ascii_lowercase();
        return f(std::str::from_utf8(lower).ok());
    }
    f(clean(Some(s)).as_deref())
}

/// Whether `a` and `b` were fought in the same constituency (see the module doc). A contest
/// with neither a constituency id nor a name matches nothing, not even itself.
pub fn same_constituency(a: &Contest, b: &Contest) -> bool {
    match (
        clean(a.constituency_id.as_deref()),
        clean(b.constituency_id.as_deref()),
    ) {
        (Some(x), Some(y)) => x == y,
        _ => {
            matches!((clean(a.constituency.as_deref()), clean(b.constituency.as_deref())), (Some(x), Some(y)) if x == y)
        }
    }
}

/// The constituency's name as the contest gives it.
pub fn constituency_name(contest: &Contest) -> Option<&str> {
    contest
        .constituency
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
}

/// The contests among `within` fought in the same constituency as contest `anchor` (the
/// anchor included when it is in `within`), oldest first; undated ones last; ties by id.
/// Empty when the anchor names no constituency. One question of a fresh [`SeatIndex`].
pub fn seat_history(dataset: &Dataset, anchor: usize, within: &[usize]) -> Vec<usize> {
    let mut keep = vec![false; dataset.contests.len()];
    for &i in within {
        if let Some(k) = keep.get_mut(i) {
            *k = true;
        }
    }
    SeatIndex::build(dataset).history(dataset, anchor, |i| keep[i])
}

/// The contests of a dataset by constituency, so a seat's history is found without scanning
/// every contest (the explorer asks on every move of the selection).
#[derive(Debug, Clone, Default)]
pub struct SeatIndex {
    by_id: HashMap<String, Vec<usize>>,
    by_name: HashMap<String, Vec<usize>>,
    /// Contests with a name but no id, by name: the only ones a contest with an id can match
    /// by name.
    by_name_without_id: HashMap<String, Vec<usize>>,
}

impl SeatIndex {
    /// Indexes every contest of `dataset` (linear in its size).
    pub fn build(dataset: &Dataset) -> SeatIndex {
        let mut index = SeatIndex::default();
        for (i, c) in dataset.contests.iter().enumerate() {
            let id = clean(c.constituency_id.as_deref());
            if let Some(id) = &id {
                index.by_id.entry(id.to_string()).or_default().push(i);
            }
            if let Some(name) = clean(c.constituency.as_deref()) {
                if id.is_none() {
                    index
                        .by_name_without_id
                        .entry(name.to_string())
                        .or_default()
                        .push(i);
                }
                index.by_name.entry(name.into_owned()).or_default().push(i);
            }
        }
        index
    }

    /// For every seat, the contests `rank` keeps (it gives each its last day and a key),
    /// ordered by that day with the best key so far — so that the best contest of a seat
    /// before any day is one binary search away (`Latest::before`), for every contest at
    /// once in O(n log n) where a scan per contest would be quadratic in a seat's contests.
    pub fn latest<K: Ord + Clone>(
        &self,
        rank: impl Fn(usize) -> Option<(NaiveDate, K)>,
    ) -> Latest<K> {
        let prefix = |map: &HashMap<String, Vec<usize>>| -> HashMap<String, Prefix<K>> {
            map.iter()
                .map(|(key, list)| {
                    let mut ranked: Vec<(NaiveDate, K, usize)> = list
                        .iter()
                        .filter_map(|&j| rank(j).map(|(end, k)| (end, k, j)))
                        .collect();
                    ranked.sort_by_key(|(end, _, _)| *end);
                    let mut best: Vec<(K, usize)> = Vec::with_capacity(ranked.len());
                    for (_, k, j) in &ranked {
                        let better = match best.last() {
                            Some((b, _)) if b >= k => best.last().cloned(),
                            _ => Some((k.clone(), *j)),
                        };
                        best.extend(better);
                    }
                    let ends = ranked.into_iter().map(|(end, _, _)| end).collect();
                    (key.clone(), Prefix { ends, best })
                })
                .collect()
        };
        Latest {
            by_id: prefix(&self.by_id),
            by_name: prefix(&self.by_name),
            by_name_without_id: prefix(&self.by_name_without_id),
        }
    }

    /// The same as [`seat_history`] over all contests, with `keep` deciding which are shown
    /// (e.g. those the filters list).
    pub fn history(
        &self,
        dataset: &Dataset,
        anchor: usize,
        keep: impl Fn(usize) -> bool,
    ) -> Vec<usize> {
        let Some(seat) = dataset.contests.get(anchor) else {
            return Vec::new();
        };
        fn get<'m>(map: &'m HashMap<String, Vec<usize>>, key: Option<&str>) -> &'m [usize] {
            clean(key)
                .and_then(|k| map.get(k.as_ref()))
                .map_or(&[][..], Vec::as_slice)
        }
        let mut rows: Vec<usize> = match clean(seat.constituency_id.as_deref()) {
            Some(_) => [
                get(&self.by_id, seat.constituency_id.as_deref()),
                get(&self.by_name_without_id, seat.constituency.as_deref()),
            ]
            .concat(),
            None => get(&self.by_name, seat.constituency.as_deref()).to_vec(),
        };
        rows.retain(|&i| keep(i));
        in_date_order(dataset, &mut rows);
        rows
    }
}

/// Per seat list of a [`SeatIndex`]: the ranked contests' last days in order, and the best
/// (key, contest) among those up to each.
#[derive(Debug, Clone)]
struct Prefix<K> {
    ends: Vec<NaiveDate>,
    best: Vec<(K, usize)>,
}

impl<K: Clone> Prefix<K> {
    /// The best contest that ended before `day`.
    fn before(&self, day: NaiveDate) -> Option<(K, usize)> {
        let n = self.ends.partition_point(|&end| end < day);
        n.checked_sub(1).map(|k| self.best[k].clone())
    }
}

/// The best contest of each seat before a day: see [`SeatIndex::latest`].
#[derive(Debug, Clone)]
pub struct Latest<K> {
    by_id: HashMap<String, Prefix<K>>,
    by_name: HashMap<String, Prefix<K>>,
    by_name_without_id: HashMap<String, Prefix<K>>,
}

impl<K: Ord + Clone> Latest<K> {
    /// For every contest of `dataset` that `day` gives a day, the best ranked contest in its
    /// seat (as [`SeatIndex::history`] finds the seat) whose last day is before that day.
    /// Worked out seat by seat: each seat's lists are found once and read while in cache,
    /// where asking contest by contest would hash a name and miss the cache at every step.
    pub fn before_each(
        &self,
        seats: &SeatIndex,
        dataset: &Dataset,
        day: impl Fn(usize) -> Option<NaiveDate>,
    ) -> Vec<Option<usize>> {
        let mut found = vec![None; dataset.contests.len()];
        // A contest with an id: the best of its id's seat and of the contests of its name
        // that have no id (the later of the two on a tie).
        for (id, contests) in &seats.by_id {
            let by_id = self.by_id.get(id);
            for &i in contests {
                let Some(day) = day(i) else { continue };
                let by_name = (!self.by_name_without_id.is_empty())
                    .then(|| {
                        with_clean(dataset.contests[i].constituency.as_deref(), |name| {
                            name.and_then(|name| self.by_name_without_id.get(name))
                                .and_then(|p| p.before(day))
                        })
                    })
                    .flatten();
                found[i] = (by_id.and_then(|p| p.before(day)).into_iter())
                    .chain(by_name)
                    .max_by(|a, b| a.0.cmp(&b.0))
                    .map(|(_, j)| j);
            }
        }
        // A contest with no id: its name's seat.
        for (name, contests) in &seats.by_name {
            let by_name = self.by_name.get(name);
            for &i in contests {
                // An id is given when it is more than spaces (as `clean` finds it), no copy
                // made: most of these contests have an upper-case ONS code.
                let has_id = (dataset.contests[i].constituency_id.as_deref())
                    .is_some_and(|id| !id.trim().is_empty());
                if let Some(day) = day(i).filter(|_| !has_id) {
                    found[i] = by_name.and_then(|p| p.before(day)).map(|(_, j)| j);
                }
            }
        }
        found
    }
}

/// Sorts contest indices oldest first, undated last, then by id so the order never depends on
/// the input order; an index given twice is kept once.
fn in_date_order(dataset: &Dataset, rows: &mut Vec<usize>) {
    let key = |c: &Contest| (c.date.is_none(), c.date.map(|d| d.sort_key()));
    rows.sort_by(|&a, &b| {
        let (a, b) = (&dataset.contests[a], &dataset.contests[b]);
        key(a).cmp(&key(b)).then_with(|| a.id.cmp(&b.id))
    });
    rows.dedup();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_cleaned_in_place_is_the_name_cleaned() {
        let long = format!("  {}  ", "Kensington and Bayswater ".repeat(5));
        for name in [
            None,
            Some(""),
            Some("   "),
            Some(" Central Sandwell "),
            Some("e14000969"),
            Some("E14000969"),
            Some("Ynys Môn"),
            Some("ÉCOSSE"),
            Some(long.as_str()),
        ] {
            let expected = clean(name).map(Cow::into_owned);
            assert_eq!(
                with_clean(name, |k| k.map(str::to_string)),
                expected,
                "{name:?}"
            );
        }
    }

    fn contest(id: &str, name: Option<&str>, ons: Option<&str>, date: Option<&str>) -> Contest {
        let json = serde_json::json!({
            "id": id, "kind": "general-election", "title": id, "status": "decided",
            "constituency": name, "constituency_id": ons, "date": date,
            "candidates": [], "sources": []
        });
        serde_json::from_value(json).unwrap()
    }

    fn dataset(contests: Vec<Contest>) -> Dataset {
        Dataset {
            schema_version: 1,
            title: None,
            regions: vec![],
            factions: vec![],
            contests,
        }
    }

    #[test]
    fn ids_decide_when_both_have_one_else_names_in_any_case() {
        let a = contest("a", Some("Stockport"), Some("E14000969"), None);
        let b = contest("b", Some("STOCKPORT "), None, None);
        let c = contest("c", Some("Stockport"), Some("E14001234"), None);
        let d = contest("d", None, Some("e14000969"), None);
        assert!(same_constituency(&a, &b));
        assert!(!same_constituency(&a, &c), "same name, different ids");
        assert!(same_constituency(&a, &d));
        assert!(
            !same_constituency(&b, &d),
            "no id on one side and no name on the other"
        );
        let nowhere = contest("x", None, None, None);
        assert!(!same_constituency(&nowhere, &nowhere));
    }

    #[test]
    fn history_is_in_date_order_and_only_within_the_rows_given() {
        let ds = dataset(vec![
            contest("ge-2019", Some("Stockport"), Some("E1"), Some("2019-12-12")),
            contest("sel-2019", Some("stockport"), None, Some("2019")),
            contest("ge-2017", Some("Stockport"), None, Some("2017-06-08")),
            contest("other", Some("Bury South"), None, Some("2019")),
            contest("undated", Some("Stockport"), None, None),
        ]);
        let all: Vec<usize> = (0..5).collect();
        let ids = |rows: Vec<usize>| -> Vec<String> {
            rows.iter()
                .map(|&i| ds.contests[i].id.to_string())
                .collect()
        };
        // "2019" sorts before "12 Dec 2019": the vaguer date starts earlier.
        assert_eq!(
            ids(seat_history(&ds, 0, &all)),
            ["ge-2017", "sel-2019", "ge-2019", "undated"]
        );
        assert_eq!(
            ids(seat_history(&ds, 1, &[1, 2, 3])),
            ["ge-2017", "sel-2019"]
        );
        assert_eq!(ids(seat_history(&ds, 3, &all)), ["other"]);
        assert!(seat_history(&ds, 9, &all).is_empty());
    }

    #[test]
    fn the_index_agrees_with_the_scan() {
        let ds = dataset(vec![
            contest("a", Some("Stockport"), Some("E1"), Some("2019-12-12")),
            contest("b", Some("stockport"), None, Some("2019")),
            contest("c", Some("Stockport"), Some("E2"), None),
            contest("d", None, Some("e1"), Some("2017")),
            contest("e", None, None, None),
            contest("f", Some(" Bury "), None, None),
        ]);
        let index = SeatIndex::build(&ds);
        let all: Vec<usize> = (0..ds.contests.len()).collect();
        for anchor in 0..=ds.contests.len() {
            assert_eq!(
                index.history(&ds, anchor, |_| true),
                seat_history(&ds, anchor, &all),
                "anchor {anchor}"
            );
            // The latest before each contest's day, against a scan of its history.
            let latest = index.latest(|j| {
                ds.contests[j]
                    .date
                    .map(|d| (d.end(), (d.sort_key(), std::cmp::Reverse(j))))
            });
            let before_each =
                latest.before_each(&index, &ds, |j| ds.contests[j].date.map(|d| d.start()));
            if let Some(day) = ds.contests.get(anchor).and_then(|c| c.date) {
                let scanned = index
                    .history(&ds, anchor, |j| {
                        ds.contests[j].date.is_some_and(|d| d.end() < day.start())
                    })
                    .into_iter()
                    .max_by_key(|&j| {
                        (
                            ds.contests[j].date.map(|d| d.sort_key()),
                            std::cmp::Reverse(j),
                        )
                    });
                assert_eq!(before_each[anchor], scanned, "anchor {anchor}");
            } else if let Some(&found) = before_each.get(anchor) {
                assert_eq!(found, None, "anchor {anchor}, undated");
            }
            assert_eq!(
                index.history(&ds, anchor, |i| i % 2 == 0),
                seat_history(&ds, anchor, &[0, 2, 4]),
                "anchor {anchor}, filtered"
            );
        }
    }
}
