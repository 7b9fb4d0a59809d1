//! The data of the explorer's views at each dataset size — computed once each time the listed
//! contests change (scoreboard, endorsers, timeline, the seat index) — and one frame of each
//! view, which must cost the same whatever the size.
//!
//!     cargo bench --bench views                      # 10k and 100k contests
//!     HUSTINGS_BENCH_1M=1 cargo bench --bench views  # also 1M

// In a benchmark, an unwrap is an assertion: a failure should stop it loudly.
#![allow(clippy::unwrap_used)]

mod support;

use divan::{Bencher, black_box};
use hustings::explorer::action::Action;
use hustings::explorer::app::{App, Data, View};
use hustings::explorer::theme::Theme;
use hustings::load::Loaded;
use hustings::model::change::{Changes, Since};
use hustings::model::seat::SeatIndex;
use hustings::query::Query;
use hustings::stats;
use hustings::stats::timeline;

fn main() {
    divan::main();
}

/// Every contest, in the explorer's default order (newest first), as the views get them.
fn all(contests: usize) -> Vec<usize> {
    support::index(contests).run(&Query::default())
}

/// Everything the scoreboard shows: totals, factions, regions, seats and parties.
#[divan::bench(args = support::sizes(), sample_count = 10, sample_size = 1)]
fn scoreboard(bencher: Bencher, contests: usize) {
    let (index, rows) = (support::index(contests), all(contests));
    bencher.bench(|| stats::scoreboard(black_box(index), black_box(&rows)));
}

/// The endorsement record.
#[divan::bench(args = support::sizes(), sample_count = 10, sample_size = 1)]
fn endorsers(bencher: Bencher, contests: usize) {
    let (index, rows) = (support::index(contests), all(contests));
    bencher.bench(|| stats::by_endorser(black_box(index), black_box(&rows)));
}

/// Contests per month.
#[divan::bench(args = support::sizes(), sample_count = 10, sample_size = 1)]
fn months(bencher: Bencher, contests: usize) {
    let (index, rows) = (support::index(contests), all(contests));
    bencher.bench(|| timeline::by_month(black_box(index), black_box(&rows)));
}

/// The constituency index the seat-history view builds once per dataset.
#[divan::bench(args = support::sizes(), sample_count = 10, sample_size = 1)]
fn seat_index(bencher: Bencher, contests: usize) {
    let dataset = support::dataset(contests);
    bencher.bench(|| SeatIndex::build(black_box(dataset)));
}

/// One seat's history from the index (each move of the selection in the history view).
#[divan::bench(args = support::sizes())]
fn seat_history(bencher: Bencher, contests: usize) {
    let dataset = support::dataset(contests);
    let index = SeatIndex::build(dataset);
    bencher.bench(|| index.history(black_box(dataset), black_box(contests / 2), |_| true));
}

/// The seats and parties of the dataset, which the explorer builds once per load to answer
/// the change since a seat's previous contest.
#[divan::bench(args = support::sizes(), sample_count = 10, sample_size = 1)]
fn changes_build(bencher: Bencher, contests: usize) {
    let dataset = support::dataset(contests);
    bencher.bench(|| Changes::build(black_box(dataset)));
}

/// The change since the previous contest of every contest (what the list's sort by change
/// works out once per load).
#[divan::bench(args = support::sizes(), sample_count = 10, sample_size = 1)]
fn since_every_contest(bencher: Bencher, contests: usize) {
    let dataset = support::dataset(contests);
    let changes = Changes::build(dataset);
    bencher.bench(|| {
        (0..contests)
            .filter(|&i| matches!(changes.since(dataset, i), Since::Known(_)))
            .count()
    });
}

/// The seats changing hands among every contest (the `8` view, once per listing).
#[divan::bench(args = support::sizes(), sample_count = 10, sample_size = 1)]
fn change_matrix(bencher: Bencher, contests: usize) {
    let (dataset, rows) = (support::dataset(contests), all(contests));
    let changes = Changes::build(dataset);
    bencher.bench(|| stats::change::change_matrix(black_box(dataset), &changes, &rows));
}

/// An explorer on the generated data showing `view`, on a 200×50 screen.
fn app(contests: usize, view: View) -> App {
    let dataset = hustings::load::parse("generated.json", &support::fresh_bytes(contests)).unwrap();
    let loaded = Loaded {
        warnings: Vec::new(),
        dataset,
        sources: vec!["generated.json".into()],
        titles: Vec::new(),
        conflicts: Vec::new(),
        notes: Vec::new(),
        versions: hustings::load::Versions::default(),
        derived: hustings::load::Derived::default(),
    };
    let mut app = App::new(loaded.sources.clone(), Theme { color: true }, 200, 50);
    app.update(Action::Loaded(std::sync::Arc::new(Data::new(loaded))));
    app.update(Action::ShowView(view));
    app
}

fn frame(bencher: Bencher, contests: usize, view: View) {
    support::bench_frame(bencher, &app(contests, view));
}

#[divan::bench(args = support::sizes())]
fn frame_scoreboard(bencher: Bencher, contests: usize) {
    frame(bencher, contests, View::Scoreboard);
}

#[divan::bench(args = support::sizes())]
fn frame_endorsers(bencher: Bencher, contests: usize) {
    frame(bencher, contests, View::Endorsements);
}

#[divan::bench(args = support::sizes())]
fn frame_timeline(bencher: Bencher, contests: usize) {
    frame(bencher, contests, View::Timeline);
}

#[divan::bench(args = support::sizes())]
fn frame_history(bencher: Bencher, contests: usize) {
    frame(bencher, contests, View::History);
}

#[divan::bench(args = support::sizes())]
fn frame_changes(bencher: Bencher, contests: usize) {
    frame(bencher, contests, View::Changes);
}
