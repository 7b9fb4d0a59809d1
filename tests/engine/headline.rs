//! What a list says of each contest's change (`Changes::headline`: the result and the
//! winner's party's ± share, worked out alone) is what the full change (`Changes::since`)
//! says, on real files and on generated data.

use hustings::load::{self, DataSource};
use hustings::model::Dataset;
use hustings::model::change::Changes;

use crate::generate::synth;
use crate::support::data::{candidates_import, history_import};

/// Every contest's headline against the full change's; how many had points.
fn same_as_the_full_change(dataset: &Dataset) -> usize {
    let changes = Changes::build(dataset);
    let mut with_points = 0;
    for i in 0..dataset.contests.len() {
        let headline = changes.headline(dataset, i);
        assert_eq!(
            headline,
            changes.since(dataset, i).headline(),
            "{}",
            dataset.contests[i].id
        );
        with_points += usize::from(headline.is_ok_and(|h| h.winner_points.is_some()));
    }
    with_points
}

#[test]
fn a_headline_is_what_the_full_change_says_on_the_librarys_results() {
    let sources = [
        candidates_import(2017),
        candidates_import(2019),
        history_import(),
    ]
    .map(DataSource::File);
    let loaded = load::load(&sources).expect("the real files load");
    // Most of the seats have a previous contest to compare with (5,051 of 5,864 contests).
    assert!(same_as_the_full_change(&loaded.dataset) > 4_000);
}

#[test]
fn a_headline_is_what_the_full_change_says_on_generated_data() {
    let bytes = synth::dataset_bytes(5_000, 3);
    let dataset = load::parse("generated.json", &bytes).expect("generated data loads");
    assert!(same_as_the_full_change(&dataset) > 200);
}
