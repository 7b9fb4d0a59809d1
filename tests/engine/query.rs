//! The shared query engine over the shipped dataset.

use hustings::load::{self, DataSource};
use hustings::model::{ContestKind, Dataset, Status};
use hustings::query::{FactionScope, Filter, Index, Query, Sort, SortKey};

fn seed() -> (Dataset, Index) {
    let dataset = load::load(&[DataSource::Embedded]).unwrap().dataset;
    let index = Index::build(&dataset);
    (dataset, index)
}

fn ids(dataset: &Dataset, rows: &[usize]) -> Vec<String> {
    rows.iter()
        .map(|&i| dataset.contests[i].id.to_string())
        .collect()
}

fn run(filter: Filter) -> Vec<String> {
    let (dataset, index) = seed();
    let mut rows = index.filter(&filter, None);
    rows.sort_unstable();
    ids(&dataset, &rows)
}

#[test]
fn region_filter_keeps_only_that_region() {
    let got = run(Filter {
        regions: vec!["yorkshire-and-the-humber".into()],
        ..Filter::default()
    });
    assert_eq!(
        got,
        vec![
            "penistone-and-stocksbridge-selection-2019",
            "sheffield-hallam-selection-2019"
        ]
    );
}

#[test]
fn faction_filter_matches_winner_or_any_candidate() {
    let soft_left_winners = run(Filter {
        factions: vec!["soft-left".into()],
        ..Filter::default()
    });
    assert_eq!(soft_left_winners, vec!["bury-south-selection-2019"]);
    let left_winners = run(Filter {
        factions: vec!["labour-left".into()],
        ..Filter::default()
    });
    assert_eq!(left_winners.len(), 6);
    assert!(!left_winners.contains(&"hazel-grove-ge-2017".to_string()));
    let left_anywhere = run(Filter {
        factions: vec!["labour-left".into()],
        faction_scope: FactionScope::AnyCandidate,
        ..Filter::default()
    });
    assert_eq!(left_anywhere.len(), 7);
    assert!(left_anywhere.contains(&"hazel-grove-ge-2017".to_string()));
}

#[test]
fn search_is_case_insensitive_over_candidates_endorsers_and_notes() {
    assert_eq!(
        run(Filter {
            search: "MISHRA".into(),
            ..Filter::default()
        }),
        vec!["stockport-selection-2019", "hazel-grove-ge-2017"]
    );
    assert_eq!(
        run(Filter {
            search: "mineworkers".into(),
            ..Filter::default()
        }),
        vec!["labour-leadership-2020"]
    );
    assert_eq!(
        run(Filter {
            search: "brinnington".into(),
            ..Filter::default()
        }),
        vec!["stockport-selection-2019"]
    );
    assert!(
        run(Filter {
            search: "mishra nandy".into(),
            ..Filter::default()
        })
        .is_empty()
    );
}

#[test]
fn kind_status_date_and_endorser_filters_combine() {
    let pending = run(Filter {
        statuses: vec![Status::Pending],
        ..Filter::default()
    });
    assert_eq!(pending.len(), 8);
    let ge = run(Filter {
        kinds: vec![ContestKind::GeneralElection],
        ..Filter::default()
    });
    assert_eq!(ge, vec!["stockport-ge-2017", "hazel-grove-ge-2017"]);
    // A contest dated only "2019" may fall in October, so it stays in an October range.
    let october = run(Filter {
        since: chrono::NaiveDate::from_ymd_opt(2019, 10, 1),
        until: chrono::NaiveDate::from_ymd_opt(2019, 10, 31),
        ..Filter::default()
    });
    assert!(october.contains(&"bury-south-selection-2019".to_string()));
    assert!(october.contains(&"stockport-selection-2019".to_string()));
    assert!(!october.contains(&"stockport-ge-2017".to_string()));
    assert!(
        !october.contains(&"enfield-north-selection-2019".to_string()),
        "undated"
    );
    let unite_in_yorkshire = run(Filter {
        endorsers: vec!["unite".into()],
        regions: vec!["yorkshire-and-the-humber".into()],
        ..Filter::default()
    });
    assert_eq!(
        unite_in_yorkshire,
        vec!["penistone-and-stocksbridge-selection-2019"]
    );
}

#[test]
fn narrowing_within_a_previous_result_equals_a_fresh_run() {
    let (dataset, index) = seed();
    let mut filter = Filter::default();
    let mut previous = index.filter(&filter, None);
    for prefix in ["s", "st", "sto", "stoc", "stock"] {
        filter.search = prefix.to_string();
        let narrowed = index.filter(&filter, Some(&previous));
        assert_eq!(narrowed, index.filter(&filter, None), "{prefix}");
        previous = narrowed;
    }
    let mut found = ids(&dataset, &previous);
    found.sort();
    // Birkenhead and Hazel Grove match through their notes ("before the Stockport count", "a
    // neighbouring seat" of Stockport).
    assert_eq!(
        found,
        vec![
            "birkenhead-selection-2019",
            "hazel-grove-ge-2017",
            "penistone-and-stocksbridge-selection-2019",
            "stockport-ge-2017",
            "stockport-selection-2019"
        ]
    );
}

#[test]
fn sorts_put_unknown_keys_last_in_both_directions() {
    let (dataset, index) = seed();
    for reverse in [false, true] {
        let rows = index.run(&Query {
            filter: Filter::default(),
            sort: Sort {
                key: SortKey::Date,
                reverse,
            },
        });
        let last = &dataset.contests[*rows.last().unwrap()];
        assert!(last.date.is_none(), "undated last (reverse={reverse})");
        let first = &dataset.contests[rows[0]];
        let expected = if reverse { "2017-06-08" } else { "2020" };
        assert_eq!(first.date.unwrap().to_string(), expected);
    }
    let by_margin = index.run(&Query {
        sort: Sort {
            key: SortKey::Margin,
            reverse: false,
        },
        ..Query::default()
    });
    assert_eq!(
        dataset.contests[by_margin[0]].id,
        "stockport-selection-2019"
    );
    let by_title = index.run(&Query {
        sort: Sort {
            key: SortKey::Title,
            reverse: false,
        },
        ..Query::default()
    });
    assert_eq!(
        dataset.contests[by_title[0]].title,
        "Barrow and Furness Labour selection"
    );
}

#[test]
fn region_sort_flips_regions_but_not_titles_and_keeps_national_last() {
    let (dataset, index) = seed();
    for reverse in [false, true] {
        let rows = index.run(&Query {
            sort: Sort {
                key: SortKey::Region,
                reverse,
            },
            ..Query::default()
        });
        let keyed: Vec<(Option<String>, String)> = rows
            .iter()
            .map(|&i| {
                let c = &dataset.contests[i];
                let region = c
                    .region
                    .as_deref()
                    .map(|r| dataset.region(r).unwrap().name.as_str().to_lowercase());
                (region, c.title.as_str().to_lowercase())
            })
            .collect();
        assert_eq!(keyed.last().unwrap().0, None, "national last ({reverse})");
        for pair in keyed.windows(2) {
            let ((ra, ta), (rb, tb)) = (&pair[0], &pair[1]);
            match (ra, rb) {
                (Some(a), Some(b)) if a == b => assert!(ta <= tb, "titles A→Z: {ta} {tb}"),
                (Some(a), Some(b)) => assert_eq!(a < b, !reverse, "{a} vs {b}"),
                (Some(_) | None, None) => {}
                (None, Some(_)) => panic!("a national contest before a regional one"),
            }
        }
    }
}

/// A search's first screenful, found by testing contests in the list's order until it is
/// full, is the beginning of the list (`Index::first_in_order`): for every sort, words common
/// and rare, with and without another filter. Nothing is found before the order is made, and
/// nothing when the screenful is not among the contests it may test.
#[test]
fn the_first_rows_found_in_order_begin_the_list() {
    const TESTED: usize = 1_000;
    let bytes = crate::generate::synth::dataset_bytes(3_000, 5);
    let dataset = load::parse("generated.json", &bytes).unwrap();
    let index = Index::build(&dataset);
    let newest_first = Sort {
        key: SortKey::Date,
        reverse: true,
    };
    assert!(index.made_order(newest_first).is_none());
    index.warm_orders(false);
    index.warm_orders(true);
    let since = chrono::NaiveDate::from_ymd_opt(2016, 1, 1);
    // Screens found early, and screens a search fills only beyond the contests tested.
    let (mut early, mut late) = (0, 0);
    for search in ["e", "ea", "lab", "2019 con", "zqx"] {
        for since in [None, since] {
            let filter = Filter {
                search: search.into(),
                since,
                ..Filter::default()
            };
            let found = index.filter(&filter, None);
            for key in SortKey::ALL {
                for reverse in [false, true] {
                    let sort = Sort { key, reverse };
                    let order = index.made_order(sort).unwrap();
                    let mut listed = found.clone();
                    index.sort(&mut listed, sort);
                    if let Some(first) = index.first_in_order(&filter, order, 30, TESTED) {
                        assert_eq!(first, listed[..30], "{search} {sort:?} {since:?}");
                        early += 1;
                    } else {
                        // The 30th row is beyond the contests tested, or there is none.
                        let beyond = listed.get(29).is_none_or(|&row| {
                            order.iter().position(|&i| i as usize == row).unwrap() >= TESTED
                        });
                        assert!(beyond, "{search} {sort:?} {since:?}");
                        late += usize::from(listed.len() >= 30);
                    }
                }
            }
        }
    }
    assert!(early >= 40 && late >= 5, "{early} early, {late} late");
}

/// Every row, unfiltered, is the whole-dataset order less the other sources' versions: what
/// running the empty filter and sorting gives, for every key and direction.
#[test]
fn the_unfiltered_list_is_every_row_in_order() {
    let bytes = crate::generate::synth::dataset_bytes(2_000, 7);
    let dataset = load::parse("generated.json", &bytes).unwrap();
    let hidden: Vec<usize> = (0..dataset.contests.len()).step_by(7).collect();
    let index = Index::build(&dataset).hide(&hidden);
    for key in SortKey::ALL {
        for reverse in [false, true] {
            let sort = Sort { key, reverse };
            let mut expected = index.filter(&Filter::default(), None);
            index.sort(&mut expected, sort);
            let listed = index.run(&Query {
                filter: Filter::default(),
                sort,
            });
            assert_eq!(listed, expected, "{sort:?}");
            assert_eq!(listed.len(), index.rows_total());
            assert!(listed.iter().all(|i| !hidden.contains(i)));
        }
    }
}
