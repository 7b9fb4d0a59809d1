//! Prompts edit like a shell's line (issue 23): the export's offered name is selected, so the
//! first character typed replaces it; ← / →, Home / End, Ctrl-A / Ctrl-E, Backspace / Delete,
//! Ctrl-W and Ctrl-U work in every prompt — search, date range, file name.

use crate::support::data::candidates_import;
use crate::support::tui::{app, app_on, key, press, select, status, step, titles};
use hustings::explorer::app::{App, Overlay};
use hustings::explorer::keymap;
use hustings::load::{self, DataSource};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::style::Modifier;

/// Presses Ctrl and `c`.
fn ctrl(app: &mut App, c: char) {
    let event = KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL);
    if let Some(action) = keymap::action_for(event, app.mode()) {
        step(app, action);
    }
}

/// The prompt's text, with `|` at the cursor.
fn typed(app: &App) -> String {
    let Overlay::Input(input) = &app.overlay else {
        panic!("no prompt: {:?}", app.overlay);
    };
    let (before, after) = input.split();
    format!("{before}|{after}")
}

fn ge2019() -> App {
    let sources = vec![DataSource::File(candidates_import(2019))];
    app_on(load::load(&sources).unwrap(), 120, 40)
}

#[test]
fn the_offered_file_name_is_selected_and_the_first_key_replaces_it() {
    let mut app = ge2019();
    press(&mut app, "/bury south\n");
    press(&mut app, "e");
    let offered = typed(&app);
    assert!(
        offered.starts_with("ge2019-") && offered.ends_with(".md|"),
        "{offered}"
    );
    // Shown selected (reversed) in the status line.
    let terminal = crate::support::tui::draw(&app);
    let buffer = terminal.backend().buffer();
    let row = buffer.area.height - 1;
    let name = offered.trim_end_matches('|');
    let line: String = (0..buffer.area.width)
        .map(|x| buffer[(x, row)].symbol().to_string())
        .collect();
    let at = line.find(name).expect("the name on the status line");
    let x = line[..at].chars().count() as u16;
    assert!(
        buffer[(x, row)].modifier.contains(Modifier::REVERSED),
        "{line}"
    );
    // Typing replaces it: no more `….mdburysouth.csv`.
    press(&mut app, "burysouth.csv");
    assert_eq!(typed(&app), "burysouth.csv|");
    let terminal = crate::support::tui::draw(&app);
    let buffer = terminal.backend().buffer();
    assert!(!buffer[(x, row)].modifier.contains(Modifier::REVERSED));
    // Ctrl-U clears it; so does Backspace on a fresh suggestion.
    ctrl(&mut app, 'u');
    assert_eq!(typed(&app), "|");
    press(&mut app, "\x1be");
    key(&mut app, KeyCode::Backspace);
    assert_eq!(typed(&app), "|");
    // A movement key keeps the suggestion, to edit it.
    press(&mut app, "\x1be");
    key(&mut app, KeyCode::Home);
    press(&mut app, "x-");
    assert!(typed(&app).starts_with("x-|ge2019-"), "{}", typed(&app));
    ctrl(&mut app, 'e');
    key(&mut app, KeyCode::Backspace);
    key(&mut app, KeyCode::Backspace);
    press(&mut app, "csv");
    assert!(typed(&app).ends_with(".csv|"), "{}", typed(&app));
}

#[test]
fn line_editing_keys_in_the_search() {
    let mut app = app(120, 40);
    press(&mut app, "/stock port");
    assert!(titles(&app).contains(&"Penistone and Stocksbridge Labour selection".to_string()));
    // ← five times, Delete: the space goes, the search applies as it is edited.
    for _ in 0..5 {
        key(&mut app, KeyCode::Left);
    }
    assert_eq!(typed(&app), "stock| port");
    key(&mut app, KeyCode::Delete);
    assert_eq!(typed(&app), "stock|port");
    let found = titles(&app);
    assert!(
        found.contains(&"Stockport Labour selection".to_string()),
        "{found:?}"
    );
    assert!(
        !found.iter().any(|t| t.starts_with("Penistone")),
        "{found:?}"
    );
    assert!(status(&app).contains("/stock▏port"), "{}", status(&app));
    // Home / End and Ctrl-A / Ctrl-E; Ctrl-W deletes the word before the cursor.
    key(&mut app, KeyCode::Home);
    assert_eq!(typed(&app), "|stockport");
    ctrl(&mut app, 'e');
    press(&mut app, " labour");
    ctrl(&mut app, 'a');
    key(&mut app, KeyCode::Right);
    assert_eq!(typed(&app), "s|tockport labour");
    key(&mut app, KeyCode::End);
    ctrl(&mut app, 'w');
    assert_eq!(typed(&app), "stockport |");
    // Ctrl-U: everything before the cursor; the list widens again.
    ctrl(&mut app, 'u');
    assert_eq!(typed(&app), "|");
    assert_eq!(app.rows.len(), 17);
    // ↑ / ↓ still walk the results while typing.
    press(&mut app, "stock");
    let first = app.selected;
    key(&mut app, KeyCode::Down);
    assert_eq!(app.selected, first + 1);
}

#[test]
fn line_editing_keys_in_the_date_range() {
    let mut app = app(120, 40);
    select(&mut app, "bury-south-selection-2019");
    press(&mut app, "d2019-06..2019-12");
    for _ in 0..7 {
        key(&mut app, KeyCode::Left);
    }
    assert_eq!(typed(&app), "2019-06..|2019-12");
    ctrl(&mut app, 'u');
    press(&mut app, "2019-10..");
    assert_eq!(typed(&app), "2019-10..|2019-12");
    press(&mut app, "\n");
    assert!(status(&app).contains("2019-10"), "{}", status(&app));
    assert!(app.rows.len() < 17);
}
