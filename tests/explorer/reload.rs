//! Reloads as `App::update` sees them — `Loaded`, `LoadFailed`, `Reload`, `Notice` in the
//! orders live reloading produces — with no terminal and no files: what stays (selection by
//! id, filters, sort, focus, an open picker) and what the status bar says.

use crate::support::tui::{self, app, press, select, selected_id};
use hustings::explorer::action::{Action, PickerKind};
use hustings::explorer::app::{App, Data, Focus, Overlay};
use hustings::load::{self, Loaded};
use hustings::query::SortKey;

/// The shipped data changed by `edit` (warnings recomputed, as a real load would).
fn edited(edit: impl FnOnce(&mut Loaded)) -> std::sync::Arc<Data> {
    let mut loaded = tui::seed();
    edit(&mut loaded);
    loaded.recheck();
    std::sync::Arc::new(Data::new(loaded))
}

fn without(ids: &[&str]) -> std::sync::Arc<Data> {
    edited(|l| l.dataset.contests.retain(|c| !ids.contains(&c.id.as_str())))
}

/// Ids of the listed contests, in order.
fn listed(app: &App) -> Vec<String> {
    let data = app.data.as_ref().expect("loaded");
    app.rows
        .iter()
        .map(|&i| data.dataset().contests[i].id.to_string())
        .collect()
}

fn status_line(app: &App) -> String {
    tui::status(app)
}

/// A load error exactly as the loader reports a half-written file.
fn truncated_file_error() -> String {
    let half = &load::EMBEDDED[..load::EMBEDDED.len() / 2];
    load::parse("contests.json", half).unwrap_err().to_string()
}

#[test]
fn new_data_keeps_selection_filters_sort_search_focus_and_scroll() {
    let mut app = app(120, 30);
    press(&mut app, "rjj\n"); // North West
    press(&mut app, "ss"); // sort by region
    press(&mut app, "/labour\n");
    select(&mut app, "stockport-selection-2019");
    press(&mut app, "\t");
    press(&mut app, "jj");
    let query = app.query.clone();
    // A vote count changes and a contest is added before it in the file.
    let data = edited(|l| {
        let stockport = l
            .dataset
            .contests
            .iter_mut()
            .find(|c| c.id == "stockport-selection-2019")
            .expect("stockport");
        stockport.candidates[3].votes = Some(40);
        let mut extra = stockport.clone();
        extra.id = "stockport-rerun-2019".into();
        l.dataset.contests.insert(0, extra);
    });
    app.update(Action::Loaded(data));
    assert_eq!(
        selected_id(&app).as_deref(),
        Some("stockport-selection-2019")
    );
    assert_eq!(app.query, query, "filters, search and sort are kept");
    assert_eq!(app.query.sort.key, SortKey::Region);
    assert!(listed(&app).contains(&"stockport-rerun-2019".to_string()));
    assert_eq!(app.focus, Focus::Detail);
    assert_eq!(app.detail_scroll, 2, "the detail stays where it was read");
    assert_eq!(app.error, None);
    let contest = app.selected_contest().expect("selected");
    assert_eq!(
        contest.candidates[3].votes,
        Some(40),
        "the new data is shown"
    );
}

#[test]
fn a_vanished_contest_hands_the_selection_to_its_neighbour() {
    let mut app = app(120, 30);
    select(&mut app, "stockport-selection-2019");
    let before = listed(&app);
    let at = app.selected;
    let (next, prev) = (before[at + 1].clone(), before[at - 1].clone());
    app.update(Action::ScrollDetail(1));
    // The contest after it in the list takes its place, read from the top.
    app.update(Action::Loaded(without(&["stockport-selection-2019"])));
    assert_eq!(selected_id(&app), Some(next.clone()));
    assert_eq!(app.selected, at);
    assert_eq!(app.detail_scroll, 0);
    // If it and everything after it go, the one before it.
    let now = listed(&app);
    let mut gone: Vec<&str> = now[at..].iter().map(String::as_str).collect();
    gone.push("stockport-selection-2019");
    app.update(Action::Loaded(without(&gone)));
    assert_eq!(selected_id(&app), Some(prev));
    assert_eq!(app.selected, at - 1);
}

#[test]
fn the_last_row_vanishing_selects_the_new_last_row() {
    let mut app = app(120, 30);
    press(&mut app, "G");
    let before = listed(&app);
    let last = before.last().expect("rows").clone();
    app.update(Action::Loaded(without(&[&last])));
    assert_eq!(selected_id(&app), Some(before[before.len() - 2].clone()));
    assert_eq!(app.selected, app.rows.len() - 1);
}

#[test]
fn when_nothing_listed_survives_the_first_row_is_selected() {
    let mut app = app(120, 30);
    press(&mut app, "/hallam\n");
    assert_eq!(listed(&app), ["sheffield-hallam-selection-2019"]);
    app.update(Action::Loaded(without(&[
        "sheffield-hallam-selection-2019",
    ])));
    assert!(app.rows.is_empty(), "the search still applies");
    assert_eq!(app.query.filter.search, "hallam");
    press(&mut app, "\x1b"); // clearing the search lists everything, first row selected
    assert_eq!(app.rows.len(), 16);
    assert_eq!(app.selected, 0);
}

#[test]
fn a_failed_reload_keeps_everything_and_shows_the_error_until_a_good_load() {
    let mut app = app(120, 30);
    press(&mut app, "p"); // decided only
    select(&mut app, "stockport-selection-2019");
    let rows = listed(&app);
    let error = truncated_file_error();
    assert!(error.starts_with("contests.json:"), "{error}");

    app.update(Action::Reload);
    assert!(status_line(&app).contains("reloading…"));
    app.update(Action::LoadFailed(error.clone()));
    assert_eq!(listed(&app), rows, "the last good data stays");
    assert_eq!(
        selected_id(&app).as_deref(),
        Some("stockport-selection-2019")
    );
    let status = status_line(&app);
    assert!(status.contains(&format!("⚠ {}", &error[..30])), "{status}");
    assert!(!status.contains("reloading"), "{status}");

    // Browsing goes on, and the error stays while the file is still broken.
    press(&mut app, "jk");
    assert_eq!(app.error.as_deref(), Some(error.as_str()));
    let other = load::parse("contests.json", b"{\"schema_version\": 1,")
        .unwrap_err()
        .to_string();
    app.update(Action::LoadFailed(other.clone()));
    assert_eq!(app.error, Some(other), "the newest error is the one shown");

    // Fixed: the error goes, the new data is shown, the notice says when.
    app.update(Action::Loaded(without(&["bury-south-selection-2019"])));
    app.update(Action::Notice("reloaded at 21:07:44".into()));
    assert_eq!(app.error, None);
    assert!(!listed(&app).contains(&"bury-south-selection-2019".to_string()));
    let status = status_line(&app);
    assert!(status.contains("reloaded at 21:07:44"), "{status}");
    assert!(!status.contains('⚠'), "{status}");
    // The notice lasts until the next key.
    press(&mut app, "j");
    assert!(!status_line(&app).contains("reloaded"));
}

#[test]
fn an_open_picker_survives_a_reload_with_its_marks() {
    let mut app = app(120, 30);
    // Region picker: mark North West and London, leave the cursor on London.
    press(&mut app, "rjj jjjjj ");
    app.update(Action::Loaded(without(&["stockport-selection-2019"])));
    let Overlay::Picker(picker) = &app.overlay else {
        panic!("the picker stays open")
    };
    assert_eq!(picker.kind, PickerKind::Region);
    let marked: Vec<&str> = picker
        .choices
        .iter()
        .zip(&picker.marked)
        .filter(|(_, m)| **m)
        .map(|(c, _)| c.id.as_str())
        .collect();
    assert_eq!(marked, ["north-west", "london"]);
    assert_eq!(picker.choices[picker.cursor - 1].id, "london");
    // Counts are the new data's: North West lost Stockport's selection.
    let nw = picker.choices.iter().find(|c| c.id == "north-west");
    assert_eq!(nw.map(|c| c.count), Some(7));
    press(&mut app, "\n");
    assert_eq!(app.query.filter.regions, ["north-west", "london"]);
}

#[test]
fn ctrl_c_quits_as_an_interruption_and_q_does_not() {
    use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    let mut app = app(80, 24);
    press(&mut app, "q");
    assert!(app.should_quit && !app.interrupted);
    let mut app = tui::app(80, 24);
    let ctrl_c = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
    let action = hustings::explorer::keymap::action_for(ctrl_c, app.mode()).expect("an action");
    app.update(action);
    assert!(app.should_quit && app.interrupted);
}

#[test]
fn r_asks_for_a_reload_only_once_there_is_data() {
    let mut app = App::new(
        vec!["x.json".into()],
        hustings::explorer::theme::Theme { color: false },
        80,
        24,
    );
    app.update(Action::Reload);
    assert_eq!(app.notice, None, "nothing to reload while loading");
    let mut app = tui::app(80, 24);
    press(&mut app, "R");
    assert_eq!(app.notice.as_deref(), Some("reloading…"));
}
