//! A frame of the map view (9) with every one of the 650 GE2019 seats on it: the whole UK map
//! two rows to a line at 160×45, and a line a row at 100×56 — target ≤ 2 ms a frame. Also the
//! map drawn whole onto cells (as `hustings map` prints it) and a recolouring (`c`).
//!
//!     cargo bench --bench map

// In a benchmark, an unwrap is an assertion: a failure should stop it loudly.
#![allow(clippy::unwrap_used)]

use std::path::PathBuf;

use divan::{Bencher, black_box};
use hustings::explorer::action::Action;
use hustings::explorer::app::{App, Data, View};
use hustings::explorer::theme::Theme;
use hustings::explorer::ui;
use hustings::load::{Loaded, Versions};
use hustings::map::{Colouring, Picture, Request, builtin};
use hustings::model::Dataset;
use hustings::model::change::Changes;
use hustings::query::Index;
use hustings::report::map::canvas::{self, Look, Window};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn main() {
    divan::main();
}

/// GE2019, imported from the House of Commons Library's file in the repository.
fn ge2019() -> Dataset {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/real/HoC-GE2019-results-by-candidate.csv");
    hustings::import::hoc::candidates(&hustings::import::hoc::Options {
        candidates: path,
        ..Default::default()
    })
    .unwrap()
    .dataset
}

/// The explorer on GE2019 showing the map, on a `width`×`height` screen.
fn app(width: u16, height: u16) -> App {
    let loaded = Loaded {
        warnings: Vec::new(),
        dataset: ge2019(),
        sources: vec!["ge2019.json".into()],
        titles: Vec::new(),
        conflicts: Vec::new(),
        notes: Vec::new(),
        versions: Versions::default(),
        derived: hustings::load::Derived::default(),
    };
    let mut app = App::new(loaded.sources.clone(), Theme { color: true }, width, height);
    app.update(Action::Loaded(std::sync::Arc::new(Data::new(loaded))));
    app.update(Action::ShowView(View::Map));
    assert_eq!(
        app.views
            .map
            .picture
            .as_ref()
            .unwrap()
            .placement
            .placed
            .len(),
        650
    );
    app
}

fn frame(bencher: Bencher, width: u16, height: u16) {
    let app = app(width, height);
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    bencher.bench_local(|| {
        terminal
            .draw(|frame| {
                ui::render(frame, &app);
            })
            .unwrap();
    });
}

/// The whole UK map, two rows of hexagons to a line.
#[divan::bench]
fn frame_160x45_dense(bencher: Bencher) {
    frame(bencher, 160, 45);
}

/// The whole UK map, a line a row.
#[divan::bench]
fn frame_100x56_full(bencher: Bencher) {
    frame(bencher, 100, 56);
}

/// The map drawn whole onto cells, as `hustings map` prints it.
#[divan::bench]
fn canvas_whole_map(bencher: Bencher) {
    let dataset = ge2019();
    let changes = Changes::build(&dataset);
    let rows: Vec<usize> = (0..dataset.contests.len()).collect();
    let index = Index::build(&dataset);
    let picture = Picture::new(
        builtin::BUILTIN[0].map(),
        &Request {
            dataset: &dataset,
            changes: &changes,
            listed: &rows,
            index: &index,
            colouring: &Colouring::Winner,
            swing: None,
        },
    );
    let window = Window::whole(&picture.geometry);
    let look = Look {
        colour: true,
        dense: false,
    };
    bencher.bench_local(|| {
        canvas::draw(black_box(&picture), window, look, None)
            .cells
            .len()
    });
}

/// `c`: the 650 seats classified again (here by margin).
#[divan::bench]
fn recolour_650_seats(bencher: Bencher) {
    let dataset = ge2019();
    let changes = Changes::build(&dataset);
    let rows: Vec<usize> = (0..dataset.contests.len()).collect();
    let index = Index::build(&dataset);
    let request = Request {
        dataset: &dataset,
        changes: &changes,
        listed: &rows,
        index: &index,
        colouring: &Colouring::Margin,
        swing: None,
    };
    let mut picture = Picture::new(builtin::BUILTIN[0].map(), &request);
    bencher.bench_local(|| {
        picture.recolour(black_box(&request));
        picture.coloured.classes.len()
    });
}
