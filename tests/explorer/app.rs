//! `App::update` semantics: selection kept by identity, focus, scrolling, pickers, dates.

use crate::support::tui::{self, app, press, select, selected_id, titles};
use hustings::explorer::action::{Action, PickerKind};
use hustings::explorer::app::{Data, Focus, Overlay};
use hustings::load::{self, Loaded};
use hustings::query::SortKey;

#[test]
fn selection_is_kept_by_id_across_filters_and_sorts() {
    let mut app = app(120, 40);
    select(&mut app, "sheffield-hallam-selection-2019");
    // Narrow to Yorkshire: Sheffield Hallam is still listed, now second.
    press(&mut app, "rjjj\n");
    assert_eq!(app.rows.len(), 2);
    assert_eq!(app.selected, 1);
    assert_eq!(
        selected_id(&app).as_deref(),
        Some("sheffield-hallam-selection-2019")
    );
    // Sorting moves it, the selection follows.
    press(&mut app, "s");
    assert_eq!(app.query.sort.key, SortKey::Title);
    assert_eq!(
        selected_id(&app).as_deref(),
        Some("sheffield-hallam-selection-2019")
    );
    press(&mut app, "S");
    assert!(app.query.sort.reverse);
    assert_eq!(app.selected, 0);
    assert_eq!(
        selected_id(&app).as_deref(),
        Some("sheffield-hallam-selection-2019")
    );
    // Clearing keeps it too.
    press(&mut app, "c");
    assert_eq!(app.rows.len(), 17);
    assert_eq!(
        selected_id(&app).as_deref(),
        Some("sheffield-hallam-selection-2019")
    );
    // A filter that drops it selects the first row.
    press(&mut app, "/bury\n");
    assert_eq!(
        selected_id(&app).as_deref(),
        Some("bury-south-selection-2019")
    );
}

/// The seed dataset with its contests in reverse order: every index changes, ids do not.
fn reordered() -> Loaded {
    let mut loaded = tui::seed();
    loaded.dataset.contests.reverse();
    loaded.recheck();
    loaded
}

#[test]
fn reloading_keeps_the_selected_contest_and_the_filters() {
    let mut app = app(120, 40);
    press(&mut app, "rjj\n");
    select(&mut app, "stockport-selection-2019");
    let mut before = titles(&app);
    press(&mut app, "\t");
    app.update(Action::ScrollDetail(2));
    app.update(Action::Loaded(std::sync::Arc::new(Data::new(reordered()))));
    assert_eq!(
        selected_id(&app).as_deref(),
        Some("stockport-selection-2019")
    );
    assert_eq!(app.query.filter.regions, vec!["north-west"]);
    // Same filter, same contests (ties in the sort may now fall in the new data's order).
    let mut after = titles(&app);
    after.sort();
    before.sort();
    assert_eq!(after, before);
    assert_eq!(app.focus, Focus::Detail);
}

#[test]
fn a_failed_reload_keeps_the_last_good_data_and_shows_the_error() {
    let mut app = app(120, 40);
    select(&mut app, "stockport-selection-2019");
    let bad = load::parse("results.json", b"{").unwrap_err().to_string();
    app.update(Action::LoadFailed(bad.clone()));
    assert_eq!(app.rows.len(), 17);
    assert_eq!(
        selected_id(&app).as_deref(),
        Some("stockport-selection-2019")
    );
    assert!(
        tui::screen(&app).contains("results.json"),
        "error in the status bar"
    );
    // The next good load clears the error.
    app.update(Action::Loaded(std::sync::Arc::new(Data::new(tui::seed()))));
    assert_eq!(app.error, None);
}

#[test]
fn moving_paging_and_keeping_the_selection_visible() {
    let mut app = app(60, 10);
    // 60x10: one pane, status line, list box with a title row: 6 rows visible.
    assert_eq!(app.list_height(), 6);
    press(&mut app, "G");
    assert_eq!(app.selected, 16);
    assert_eq!(app.offset, 11);
    press(&mut app, "g");
    assert_eq!((app.selected, app.offset), (0, 0));
    app.update(Action::PageDown);
    assert_eq!(app.selected, 6);
    assert!(app.selected >= app.offset && app.selected < app.offset + 6);
    press(&mut app, "kkkkkkkkkk");
    assert_eq!((app.selected, app.offset), (0, 0));
    // Shrinking the terminal keeps the selection on screen.
    press(&mut app, "G");
    app.update(Action::Resize(60, 6));
    let h = app.list_height();
    assert!(app.selected >= app.offset && app.selected < app.offset + h);
}

#[test]
fn focus_enter_escape_and_detail_scrolling() {
    let mut app = app(120, 20);
    select(&mut app, "stockport-selection-2019");
    press(&mut app, "\n");
    assert_eq!(app.focus, Focus::Detail);
    let max = app.detail_max;
    assert!(max > 0, "Stockport's detail is longer than 18 lines");
    press(&mut app, "jjj");
    assert_eq!(app.detail_scroll, 3);
    assert_eq!(
        selected_id(&app).as_deref(),
        Some("stockport-selection-2019")
    );
    press(&mut app, "G");
    assert_eq!(app.detail_scroll, max);
    press(&mut app, "j");
    assert_eq!(app.detail_scroll, max, "scrolling stops at the end");
    press(&mut app, "\x1b");
    assert_eq!(app.focus, Focus::List);
    press(&mut app, "j");
    assert_eq!(app.detail_scroll, 0, "a new contest starts at its top");
}

#[test]
fn pickers_mark_several_and_escape_cancels() {
    let mut app = app(120, 40);
    press(&mut app, "r");
    assert!(matches!(&app.overlay, Overlay::Picker(p) if p.kind == PickerKind::Region));
    // North West and London: mark both, apply.
    press(&mut app, "jj jjjjj \n");
    assert_eq!(app.query.filter.regions, vec!["north-west", "london"]);
    assert_eq!(app.rows.len(), 8 + 3);
    // Reopening shows the marks; Esc leaves the filter as it was.
    press(&mut app, "r");
    let Overlay::Picker(p) = &app.overlay else {
        panic!("picker open")
    };
    assert_eq!(p.marked.iter().filter(|m| **m).count(), 2);
    press(&mut app, " \x1b");
    assert_eq!(app.query.filter.regions.len(), 2);
    // "any" clears the filter.
    press(&mut app, "rg\n");
    assert!(app.query.filter.regions.is_empty());
    // Kind picker: general elections only.
    press(&mut app, "tjjj\n");
    assert_eq!(titles(&app).len(), 2);
}

#[test]
fn status_and_date_filters() {
    let mut app = app(120, 40);
    press(&mut app, "p");
    assert_eq!(app.rows.len(), 9, "decided");
    press(&mut app, "p");
    assert_eq!(app.rows.len(), 8, "pending");
    press(&mut app, "p");
    assert_eq!(app.rows.len(), 17);
    // A malformed date keeps the prompt open with the reason.
    press(&mut app, "d2019-13\n");
    let Overlay::Input(input) = &app.overlay else {
        panic!("prompt stays open")
    };
    assert!(input.error.as_deref().unwrap_or("").contains("no month 13"));
    // Fix it: everything in 2017.
    for _ in 0..7 {
        press(&mut app, "\x08");
    }
    press(&mut app, "2017\n");
    assert_eq!(app.overlay, Overlay::None);
    assert_eq!(titles(&app).len(), 2);
    assert!(tui::screen(&app).contains("dates: 2017-01-01..2017-12-31"));
    // From October 2019 on: the dated 2019 contests overlap, so are kept.
    press(&mut app, "d");
    for _ in 0..30 {
        press(&mut app, "\x08");
    }
    press(&mut app, "2019-10..\n");
    assert!(titles(&app).contains(&"Bury South Labour selection".to_string()));
    assert!(!titles(&app).iter().any(|t| t.contains("2017")));
}

#[test]
fn mouse_clicks_select_rows_and_the_wheel_scrolls() {
    use ratatui::crossterm::event::{KeyModifiers, MouseButton, MouseEvent, MouseEventKind};
    let mut app = app(120, 40);
    let at = |kind, column, row| MouseEvent {
        kind,
        column,
        row,
        modifiers: KeyModifiers::NONE,
    };
    // Rows start at y=3 (header, border, column titles): y=6 is the fourth row.
    let click = app.mouse_action(at(MouseEventKind::Down(MouseButton::Left), 5, 6));
    app.update(click.expect("a row"));
    assert_eq!(app.selected, 3);
    let wheel = app.mouse_action(at(MouseEventKind::ScrollDown, 5, 10));
    app.update(wheel.expect("wheel"));
    assert_eq!(app.selected, 6);
    let detail = app.mouse_action(at(MouseEventKind::Down(MouseButton::Left), 90, 10));
    app.update(detail.expect("focus"));
    assert_eq!(app.focus, Focus::Detail);
    // Below the last row: nothing.
    assert!(
        app.mouse_action(at(MouseEventKind::Down(MouseButton::Left), 5, 30))
            .is_none()
    );
}

#[test]
fn help_scrolls_on_a_short_terminal_and_stops_at_its_end() {
    let mut app = app(80, 8);
    press(&mut app, "?");
    assert!(tui::screen(&app).contains("move down / up"));
    press(&mut app, "G");
    let end = app.help_scroll;
    let (last_keys, _) =
        hustings::explorer::keymap::HELP[hustings::explorer::keymap::HELP.len() - 1];
    assert!(end > 0, "a help longer than the screen scrolls");
    assert!(
        tui::screen(&app).contains(last_keys),
        "the last key is reachable"
    );
    press(&mut app, "j");
    assert_eq!(app.help_scroll, end, "scrolling stops at the last line");
    // The end is where the last line shows, so one key back moves the text at once.
    press(&mut app, "k");
    assert_eq!(app.help_scroll, end - 1, "one key back from the end");
    assert!(
        !tui::screen(&app).contains(last_keys),
        "one line back, the last line is off screen"
    );
    press(&mut app, "?");
    assert_eq!(app.overlay, Overlay::None);
}
