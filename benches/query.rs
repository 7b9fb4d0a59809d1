//! The query engine at each dataset size: building the index, each keystroke of a search,
//! toggling a region or a faction, and every sort.
//!
//!     cargo bench --bench query                      # 10k and 100k contests
//!     HUSTINGS_BENCH_1M=1 cargo bench --bench query  # also 1M

// In a benchmark, an unwrap is an assertion: a failure should stop it loudly.
#![allow(clippy::unwrap_used)]

mod support;

use std::fmt;

use divan::{Bencher, black_box};
use hustings::query::{FactionScope, Filter, Sort, SortKey};

fn main() {
    divan::main();
}

/// The word typed one key at a time (a surname part that occurs in the generated names).
const WORD: &str = "burke";

#[divan::bench(args = support::sizes(), sample_count = 10, sample_size = 1)]
fn index_build(bencher: Bencher, contests: usize) {
    let dataset = support::dataset(contests);
    bencher.bench(|| hustings::query::Index::build(black_box(dataset)));
}

/// One keystroke: the search grows by one letter and only the previous result is re-tested.
#[derive(Clone, Copy)]
struct Keystroke {
    contests: usize,
    letters: usize,
}

impl fmt::Display for Keystroke {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "{}/{:?}", self.contests, &WORD[..self.letters])
    }
}

fn keystrokes() -> Vec<Keystroke> {
    support::sizes()
        .into_iter()
        .flat_map(|contests| (1..=WORD.len()).map(move |letters| Keystroke { contests, letters }))
        .collect()
}

fn search(prefix: &str) -> Filter {
    Filter {
        search: prefix.to_string(),
        ..Filter::default()
    }
}

#[divan::bench(args = keystrokes())]
fn type_search_key(bencher: Bencher, key: Keystroke) {
    let index = support::index(key.contests);
    let previous = (key.letters > 1).then(|| index.filter(&search(&WORD[..key.letters - 1]), None));
    let filter = search(&WORD[..key.letters]);
    bencher.bench(|| index.filter(black_box(&filter), previous.as_deref()));
}

/// Backspace widens the search, so the whole dataset is scanned again.
#[divan::bench(args = support::sizes())]
fn search_full_scan(bencher: Bencher, contests: usize) {
    let index = support::index(contests);
    let filter = search(&WORD[..WORD.len() - 1]);
    bencher.bench(|| index.filter(black_box(&filter), None));
}

#[divan::bench(args = support::sizes())]
fn toggle_region(bencher: Bencher, contests: usize) {
    let index = support::index(contests);
    let filter = Filter {
        regions: vec!["north-west".into()],
        ..Filter::default()
    };
    bencher.bench(|| index.filter(black_box(&filter), None));
}

#[divan::bench(args = support::sizes())]
fn toggle_faction(bencher: Bencher, contests: usize) {
    let index = support::index(contests);
    let filter = Filter {
        factions: vec!["labour-left".into()],
        faction_scope: FactionScope::Winner,
        ..Filter::default()
    };
    bencher.bench(|| index.filter(black_box(&filter), None));
}

/// Every sort key, over all contests.
#[derive(Clone, Copy)]
struct SortCase {
    contests: usize,
    key: SortKey,
}

impl fmt::Display for SortCase {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "{}/{}", self.contests, self.key.as_str())
    }
}

fn sort_cases() -> Vec<SortCase> {
    support::sizes()
        .into_iter()
        .flat_map(|contests| SortKey::ALL.map(|key| SortCase { contests, key }))
        .collect()
}

#[divan::bench(args = sort_cases(), sample_count = 20)]
fn sort(bencher: Bencher, case: SortCase) {
    let index = support::index(case.contests);
    let all: Vec<usize> = (0..index.len()).collect();
    let sort = Sort {
        key: case.key,
        reverse: false,
    };
    bencher
        .with_inputs(|| all.clone())
        .bench_local_refs(|rows| index.sort(rows, sort));
}
