//! Property tests of the loader and the query engine, over random input and random valid
//! datasets (strategies in tests/support/strategies.rs). Case counts stay modest so CI is quick;
//! the fuzz target (fuzz/) explores the loader far longer.

use std::collections::HashSet;

use compact_str::CompactString;

use crate::support::strategies;
use hustings::load::integrity;
use hustings::load::validate;
use hustings::load::{self, DataSource, LoadError};
use hustings::model::require_object;
use hustings::model::{CandidateStatus, ContestKind, Dataset, StageKind, Status};
use hustings::query::{FactionScope, Filter, Index, Query, Sort, SortKey};
use proptest::collection::vec;
use proptest::option;
use proptest::prelude::*;
use proptest::sample::{Index as Pick, select, subsequence};
use proptest::test_runner::FileFailurePersistence;

/// Whatever the bytes, the loader returns: data that passes the integrity checks, or one
/// error line that points inside the document.
fn check_outcome(bytes: &[u8]) -> Result<(), TestCaseError> {
    match load::parse("p.json", bytes) {
        Ok(dataset) => {
            let _ = integrity::warnings(&dataset);
        }
        Err(err) => {
            let line = err.to_string();
            prop_assert!(!line.contains(['\n', '\r']), "multi-line error {line:?}");
            prop_assert!(line.starts_with("p.json"), "{line}");
            prop_assert!(line.chars().count() < 1_000, "overlong error {line:?}");
            if let LoadError::Invalid { line, column, .. } = err {
                let lines = bytes.split(|&b| b == b'\n').count();
                prop_assert!(line >= 1 && line <= lines.max(1), "line {line} of {lines}");
                prop_assert!(column >= 1, "column {column}");
            }
        }
    }
    Ok(())
}

/// The plain reading of a document: serde_json over the model (records as objects), then the
/// structural checks. `load::parse` may take a faster road but must arrive at the same place.
fn plain(bytes: &[u8]) -> Option<Dataset> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let dataset: Dataset = require_object::whole(bytes).ok()?;
    validate::check(&dataset).ok()?;
    Some(dataset)
}

/// The loader accepts exactly what the plain reading accepts, with the same result.
fn check_agrees(bytes: &[u8]) -> Result<(), TestCaseError> {
    prop_assert_eq!(load::parse("p.json", bytes).ok(), plain(bytes));
    Ok(())
}

/// Every node of a JSON value, as JSON pointers.
fn pointers(value: &serde_json::Value, here: String, out: &mut Vec<String>) {
    match value {
        serde_json::Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                pointers(item, format!("{here}/{i}"), out);
            }
        }
        serde_json::Value::Object(map) => {
            for (k, v) in map {
                let k = k.replace('~', "~0").replace('/', "~1");
                pointers(v, format!("{here}/{k}"), out);
            }
        }
        _ => {}
    }
    out.push(here);
}

/// A filter over `dataset`, mostly using what it contains, sometimes what it does not.
fn filter_for(dataset: &Dataset) -> impl Strategy<Value = Filter> + use<> {
    let mut region_ids: Vec<String> = dataset.regions.iter().map(|r| r.id.to_string()).collect();
    region_ids.push("nowhere".into());
    let mut faction_ids: Vec<String> = dataset.factions.iter().map(|f| f.id.to_string()).collect();
    faction_ids.push("no-faction".into());
    let mut endorsers: Vec<String> = dataset
        .contests
        .iter()
        .flat_map(|c| &c.candidates)
        .flat_map(|c| c.endorsements.iter().map(|e| e.as_str().to_uppercase()))
        .collect();
    endorsers.push("Nobody".into());
    let mut words: Vec<String> = dataset
        .contests
        .iter()
        .flat_map(|c| {
            let names = c.candidates.iter().map(|k| k.name.as_str());
            std::iter::once(c.title.as_str()).chain(names)
        })
        .flat_map(str::split_whitespace)
        .map(str::to_string)
        .collect();
    words.push("zzz".into());
    let nr = region_ids.len();
    let nf = faction_ids.len();
    let ne = endorsers.len();
    (
        (
            prop_oneof![Just(Vec::new()), subsequence(region_ids, 0..=nr)],
            any::<bool>(),
        ),
        prop_oneof![Just(Vec::new()), subsequence(faction_ids, 0..=nf)],
        select(&[FactionScope::Winner, FactionScope::AnyCandidate][..]),
        subsequence(ContestKind::ALL.to_vec(), 0..=2),
        subsequence(Status::ALL.to_vec(), 0..=1),
        option::of(strategies::partial_date()),
        option::of(strategies::partial_date()),
        prop_oneof![Just(Vec::new()), subsequence(endorsers, 0..=ne.min(2))],
        vec(
            (select(words), 0usize..3).prop_map(|(w, cut)| {
                // A piece of a real word, in any case.
                let chars: Vec<char> = w.chars().collect();
                let piece: String = chars[..chars.len().saturating_sub(cut).max(1)]
                    .iter()
                    .collect();
                if cut == 2 {
                    piece.to_uppercase()
                } else {
                    piece
                }
            }),
            0..3,
        ),
        subsequence(StageKind::ALL.to_vec(), 0..=2),
        subsequence(CandidateStatus::ALL.to_vec(), 0..=1),
    )
        .prop_map(
            |(
                (regions, no_region),
                factions,
                faction_scope,
                kinds,
                statuses,
                since,
                until,
                endorsers,
                words,
                stages,
                candidate_statuses,
            )| {
                Filter {
                    regions,
                    no_region,
                    no_faction: false,
                    factions,
                    faction_scope,
                    kinds,
                    statuses,
                    since: since.map(|d| d.start()),
                    until: until.map(|d| d.end()),
                    period: None,
                    endorsers,
                    stages,
                    candidate_statuses,
                    search: words.join(" "),
                    results: None,
                    change_cell: None,
                }
            },
        )
}

fn sort() -> impl Strategy<Value = Sort> {
    (select(&SortKey::ALL[..]), any::<bool>()).prop_map(|(key, reverse)| Sort { key, reverse })
}

/// Case-insensitive as a person means it: letter by letter, and Σ, σ and ς are one letter.
/// And accents are not letters of their own: what is left of a letter once it is decomposed and
/// its combining marks dropped is the letter (decomposed before and after lowercasing, where the
/// engine lowercases first).
fn fold(text: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    use unicode_normalization::char::is_combining_mark;
    text.nfd()
        .filter(|&c| !is_combining_mark(c))
        .flat_map(char::to_lowercase)
        .map(|c| if c == 'ς' { 'σ' } else { c })
        .nfd()
        .filter(|&c| !is_combining_mark(c))
        .collect()
}

/// Whether `contest` matches the kind, status, region, stage, candidate status and search parts
/// of `filter`, computed independently of the index.
fn oracle(dataset: &Dataset, i: usize, filter: &Filter) -> bool {
    let c = &dataset.contests[i];
    let mut fields: Vec<&str> = vec![&c.title, &c.id];
    fields.extend(
        [
            c.constituency.as_deref(),
            c.party.as_deref(),
            c.notes.as_deref(),
            c.result.as_deref(),
        ]
        .into_iter()
        .flatten(),
    );
    for k in &c.candidates {
        fields.push(&k.name);
        fields.extend(k.party.as_deref());
        fields.extend(
            k.endorsements
                .iter()
                .map(hustings::model::SharedStr::as_str),
        );
    }
    fields.extend(c.stages.iter().filter_map(|s| s.notes.as_deref()));
    for n in &c.nominations {
        fields.extend(n.description.as_deref());
        fields.extend(
            n.counts
                .iter()
                .flat_map(|k| &k.from)
                .map(CompactString::as_str),
        );
    }
    let fields: Vec<String> = fields.into_iter().map(fold).collect();
    (filter.kinds.is_empty() || filter.kinds.contains(&c.kind))
        && (filter.stages.is_empty() || c.stages.iter().any(|s| filter.stages.contains(&s.stage)))
        && (filter.candidate_statuses.is_empty()
            || c.candidates.iter().any(|k| {
                k.status()
                    .is_some_and(|s| filter.candidate_statuses.contains(&s))
            }))
        && (filter.statuses.is_empty() || filter.statuses.contains(&c.status))
        && ((filter.regions.is_empty() && !filter.no_region)
            || match &c.region {
                Some(r) => filter.regions.iter().any(|f| f == r),
                None => filter.no_region,
            })
        && filter
            .search
            .split_whitespace()
            .all(|w| fields.iter().any(|f| f.contains(&fold(w))))
}

/// The fuzz target's checks, on every file of the bad-input corpus (its regression seeds).
#[test]
fn the_bad_input_corpus_meets_the_fuzz_targets_checks() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/bad_input");
    let mut checked = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let bytes = std::fs::read(&path).unwrap();
        let outcome = check_outcome(&bytes).and_then(|()| check_agrees(&bytes));
        assert!(outcome.is_ok(), "{}: {outcome:?}", path.display());
        checked += 1;
    }
    assert!(checked > 20, "only {checked} corpus files");
}

proptest! {
    // Failing cases are kept beside this file, in properties.proptest-regressions. (By default
    // proptest would look up from here for a main.rs, find tests/engine/main.rs, and use
    // tests/proptest-regressions/properties.txt.)
    #![proptest_config(ProptestConfig {
        cases: 128,
        failure_persistence: Some(Box::new(FileFailurePersistence::WithSource(
            "proptest-regressions",
        ))),
        ..ProptestConfig::default()
    })]

    #[test]
    fn arbitrary_bytes_never_panic_the_loader(bytes in vec(any::<u8>(), 0..400)) {
        check_outcome(&bytes)?;
        check_agrees(&bytes)?;
    }

    #[test]
    fn arbitrary_json_never_panics_the_loader(value in strategies::json_value()) {
        for text in [serde_json::to_vec(&value).unwrap(), serde_json::to_vec_pretty(&value).unwrap()] {
            check_outcome(&text)?;
            check_agrees(&text)?;
        }
    }

    #[test]
    fn valid_datasets_load_and_round_trip(dataset in strategies::dataset(6)) {
        for text in [
            serde_json::to_vec(&dataset).unwrap(),
            serde_json::to_vec_pretty(&dataset).unwrap(),
        ] {
            let loaded = load::parse("p.json", &text);
            prop_assert!(loaded.is_ok(), "{}", loaded.unwrap_err());
            prop_assert_eq!(&loaded.unwrap(), &dataset);
            check_agrees(&text)?;
        }
        let _ = integrity::warnings(&dataset);
        // From a file, the loader streams: the same data again.
        let file = tempfile::NamedTempFile::new().unwrap();
        std::fs::write(file.path(), serde_json::to_vec_pretty(&dataset).unwrap()).unwrap();
        let from_file = load::load(&[DataSource::File(file.path().to_path_buf())]);
        prop_assert!(from_file.is_ok(), "{}", from_file.unwrap_err());
        prop_assert_eq!(&from_file.unwrap().dataset, &dataset);
    }

    #[test]
    fn a_valid_dataset_with_one_node_replaced_fails_cleanly(
        dataset in strategies::dataset(3),
        pick in any::<Pick>(),
        replacement in strategies::json_value(),
    ) {
        let mut value = serde_json::to_value(&dataset).unwrap();
        let mut all = Vec::new();
        pointers(&value, String::new(), &mut all);
        let at = pick.get(&all);
        match value.pointer_mut(at) {
            Some(node) => *node = replacement,
            None => prop_assert!(false, "pointer {at} not found"),
        }
        let text = serde_json::to_vec_pretty(&value).unwrap();
        check_outcome(&text)?;
        check_agrees(&text)?;
    }

    #[test]
    fn queries_return_sorted_subsets_without_duplicates(
        (dataset, filter) in strategies::dataset(8).prop_flat_map(|d| {
            let f = filter_for(&d);
            (Just(d), f)
        }),
        sort in sort(),
    ) {
        let index = Index::build(&dataset);
        let rows = index.run(&Query { filter: filter.clone(), sort });
        let unique: HashSet<usize> = rows.iter().copied().collect();
        prop_assert_eq!(unique.len(), rows.len(), "duplicates in {:?}", rows);
        prop_assert!(rows.iter().all(|&i| i < dataset.contests.len()));
        // Sorting only reorders: the same rows as the unsorted filter.
        let mut filtered = index.filter(&filter, None);
        let mut sorted = rows.clone();
        filtered.sort_unstable();
        sorted.sort_unstable();
        prop_assert_eq!(&sorted, &filtered);
        // The simple parts of the filter, checked against an independent reading of the data.
        let simple = Filter {
            factions: Vec::new(),
            since: None,
            until: None,
            endorsers: Vec::new(),
            ..filter.clone()
        };
        let expected: Vec<usize> = (0..dataset.contests.len())
            .filter(|&i| oracle(&dataset, i, &simple))
            .collect();
        prop_assert_eq!(index.filter(&simple, None), expected, "filter {:?}", simple);
    }

    #[test]
    fn narrowing_within_the_previous_result_equals_a_fresh_filter(
        (dataset, filter) in strategies::dataset(8).prop_flat_map(|d| {
            let f = filter_for(&d);
            (Just(d), f)
        }),
        extra in strategies::word(),
        new_word in any::<bool>(),
    ) {
        let index = Index::build(&dataset);
        let previous = index.filter(&filter, None);
        // Typing more only narrows: more letters on the last word, or another word.
        let separator = if new_word || filter.search.is_empty() { " " } else { "" };
        let narrower = Filter {
            search: format!("{}{separator}{extra}", filter.search),
            ..filter.clone()
        };
        prop_assert_eq!(
            index.filter(&narrower, Some(&previous)),
            index.filter(&narrower, None),
            "{:?} then {:?}", filter.search, narrower.search
        );
    }
}
