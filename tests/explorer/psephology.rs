//! Psephology in the explorer (issue 16): the change since a seat's previous contest in the
//! detail pane, the ± column of the seat history, votes and shares per party and the seats
//! changing hands on the scoreboard, and the result and change columns of the list — on the
//! real House of Commons Library files, imported through the library.

use crate::support::data::{candidates_import, history_import, seed_file};
use crate::support::tui::{app_on, pane, press, screen, select};
use hustings::explorer::app::App;
use hustings::load::{self, DataSource, Loaded};

fn load_files(files: &[std::path::PathBuf]) -> Loaded {
    let sources: Vec<DataSource> = files.iter().cloned().map(DataSource::File).collect();
    load::load(&sources).expect("the imports load")
}

/// The shipped dataset with the history import: Stockport from 1997 to 2019.
fn stockport(width: u16, height: u16) -> App {
    let mut app = app_on(load_files(&[seed_file(), history_import()]), width, height);
    press(&mut app, "/stockport\n");
    app
}

#[test]
fn debug_screens() {
    let mut app = app_on(load_files(&[candidates_import(2019)]), 80, 30);
    press(&mut app, "2");
    for _ in 0..22 { press(&mut app, "j"); }
    println!("{}", screen(&app));
    let _ = pane;
    let _ = stockport;
}
