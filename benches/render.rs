//! Drawing one explorer frame (200×50, ratatui's TestBackend) at each dataset size. A frame
//! must cost the same whatever the size: only the visible rows and one contest are drawn.
//!
//!     cargo bench --bench render                      # 10k and 100k contests
//!     HUSTINGS_BENCH_1M=1 cargo bench --bench render  # also 1M

// In a benchmark, an unwrap is an assertion: a failure should stop it loudly.
#![allow(clippy::unwrap_used)]

mod support;

use divan::Bencher;
use hustings::explorer::action::Action;
use hustings::explorer::app::{App, Data, ListColumn};
use hustings::explorer::theme::Theme;
use hustings::load::Loaded;

fn main() {
    divan::main();
}

/// An explorer on the generated data, loaded, on a 200×50 screen.
fn app(contests: usize) -> App {
    let dataset = hustings::load::parse("generated.json", &support::fresh_bytes(contests)).unwrap();
    let loaded = Loaded {
        warnings: hustings::load::integrity::warnings(&dataset),
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
    app
}

/// The first screen: the top of the list and the first contest's detail.
#[divan::bench(args = support::sizes())]
fn frame_at_top(bencher: Bencher, contests: usize) {
    support::bench_frame(bencher, &app(contests));
}

/// The list with the result and change columns, sorted by the change: each row on screen
/// asks for its change (and the detail for the selected contest's).
#[divan::bench(args = support::sizes())]
fn frame_with_change_columns(bencher: Bencher, contests: usize) {
    let mut app = app(contests);
    for column in [ListColumn::Result, ListColumn::Change] {
        app.list_columns.toggle(column);
    }
    while !app.sort_by_change {
        app.update(Action::CycleSort);
    }
    support::bench_frame(bencher, &app);
}

/// The list scrolled to its end, where an O(offset) list would show.
#[divan::bench(args = support::sizes())]
fn frame_at_bottom(bencher: Bencher, contests: usize) {
    let mut app = app(contests);
    app.update(Action::Bottom);
    support::bench_frame(bencher, &app);
}
