//! Finding things in the explorer (issue 17): searches blind to accents and case, the
//! contest's id on screen and in what `y` copies, pickers with type-to-find, an endorser
//! picker and "none" choices, the timeline's months to drill into, and the mouse selecting
//! whatever the keyboard can.

use std::path::PathBuf;

use hustings::explorer::action::{Action, PickerKind};
use hustings::explorer::app::{App, Overlay, View};
use hustings::explorer::effect::Effect;
use hustings::load::{self, DataSource};
use hustings::model::period::Period;
use ratatui::crossterm::event::{KeyModifiers, MouseButton, MouseEvent, MouseEventKind};

use crate::support::tui::{self, app_on, key, press, screen, select, selected_id, step, titles};

fn accents() -> App {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/accents.json");
    app_on(load::load(&[DataSource::File(path)]).unwrap(), 120, 40)
}

fn ids(app: &App) -> Vec<String> {
    let ds = app.data.as_ref().unwrap().dataset();
    app.rows
        .iter()
        .map(|&i| ds.contests[i].id.to_string())
        .collect()
}

#[test]
fn the_search_ignores_accents_and_case_typed_either_way() {
    for typed in ["sian", "SIAN", "siân", "Sian"] {
        let mut app = accents();
        press(&mut app, &format!("/{typed}"));
        let mut found = ids(&app);
        found.sort();
        assert_eq!(
            found,
            ["ceredigion-selection", "paris-selection"],
            "{typed}"
        );
    }
    let mut app = accents();
    press(&mut app, "/orfhlaith");
    assert_eq!(ids(&app), ["somewhere-selection"]);
    // A paste is a search like any other.
    let mut app = accents();
    step(&mut app, Action::Paste("zoe DUPRE".into()));
    assert_eq!(ids(&app), ["paris-selection"]);
}

#[test]
fn the_contest_id_is_on_screen_and_in_what_y_copies() {
    let mut app = tui::app(120, 40);
    select(&mut app, "stockport-selection-2019");
    assert!(screen(&app).contains("stockport-selection-2019 · selection"));
    press(&mut app, "y");
    let Some(Effect::Clipboard(osc52)) = app.outbox.last() else {
        panic!("a copy: {:?}", app.outbox);
    };
    use base64::Engine;
    let payload = osc52
        .trim_start_matches("\x1b]52;c;")
        .trim_end_matches('\x07')
        .trim_end_matches("\x1b\\");
    let text = base64::engine::general_purpose::STANDARD
        .decode(payload)
        .expect("OSC 52 carries base64");
    let text = String::from_utf8(text).unwrap();
    assert!(text.contains("`stockport-selection-2019`"), "{text}");
    assert!(
        app.notice
            .as_deref()
            .unwrap()
            .contains("(stockport-selection-2019)")
    );
    // At 80×24 only the list shows; Enter opens the detail, whose second line is the id.
    let mut app = tui::app(80, 24);
    select(&mut app, "bury-south-selection-2019");
    press(&mut app, "\n");
    assert!(screen(&app).contains("bury-south-selection-2019 ·"));
    // The seat history names each contest's id, for `show` and `compare`.
    press(&mut app, "\x1b6");
    assert!(
        screen(&app).contains("bury-south-selection-2019"),
        "{}",
        screen(&app)
    );
}

#[test]
fn pickers_find_by_typing() {
    let mut app = tui::app(120, 40);
    press(&mut app, "r/york");
    let Overlay::Picker(p) = &app.overlay else {
        panic!("the picker stays open");
    };
    assert!(p.finding);
    assert_eq!(p.shown.len(), 1);
    assert_eq!(p.current().unwrap().label, "Yorkshire and the Humber");
    assert!(screen(&app).contains("Region · find: york▏"));
    // Enter ends the typing; Enter again applies what is under the cursor.
    press(&mut app, "\n\n");
    assert_eq!(app.query.filter.regions, ["yorkshire-and-the-humber"]);
    assert_eq!(app.rows.len(), 2);
    // Faction names, ignoring case and accents; Esc while finding forgets the text.
    press(&mut app, "f/MOMENTUM");
    let Overlay::Picker(p) = &app.overlay else {
        panic!("open");
    };
    assert_eq!(p.shown.len(), 1);
    press(&mut app, "\x1b");
    let Overlay::Picker(p) = &app.overlay else {
        panic!("Esc while finding leaves the picker open");
    };
    assert!(!p.finding && p.find.is_empty() && p.shown.len() == p.choices.len());
    press(&mut app, "\x1b");
    assert_eq!(app.overlay, Overlay::None);
    // Nothing found: the picker says so and Enter applies nothing.
    press(&mut app, "t/zzz");
    assert!(screen(&app).contains("nothing holds \"zzz\""));
}

#[test]
fn the_endorser_picker_sets_an_endorser_and_its_chip_removes_it_alone() {
    let mut app = tui::app(120, 40);
    press(&mut app, "p");
    press(&mut app, "n");
    let Overlay::Picker(p) = &app.overlay else {
        panic!("n opens the endorser picker");
    };
    assert_eq!(p.kind, PickerKind::Endorser);
    let unite = p.choices.iter().find(|c| c.label == "Unite").unwrap();
    assert_eq!(unite.count, 3);
    assert!(screen(&app).contains("Endorsed by · Space marks"));
    press(&mut app, "/unite\n\n");
    assert_eq!(app.query.filter.endorsers, ["Unite"]);
    assert_eq!(app.rows.len(), 3);
    assert!(screen(&app).contains("[endorsed by: Unite]"));
    // x steps into the chips on the last one (the endorser); x removes it, the status stays.
    press(&mut app, "x");
    assert_eq!(app.overlay, Overlay::Chips(1));
    press(&mut app, "x");
    assert!(app.query.filter.endorsers.is_empty());
    assert_eq!(app.query.filter.statuses.len(), 1);
    assert_eq!(app.overlay, Overlay::Chips(0));
    press(&mut app, "\x1b");
    assert_eq!(app.overlay, Overlay::None);
    // The picker shows what is set, marked.
    app.query.filter.endorsers = vec!["unite".into()];
    press(&mut app, "n");
    let Overlay::Picker(p) = &app.overlay else {
        panic!("open");
    };
    assert_eq!(p.current().unwrap().label, "Unite");
}

#[test]
fn pickers_offer_no_region_and_no_faction() {
    let mut app = tui::app(120, 40);
    press(&mut app, "rG");
    assert!(screen(&app).contains("no region"));
    press(&mut app, "\n");
    assert!(app.query.filter.no_region && app.query.filter.regions.is_empty());
    assert_eq!(titles(&app), ["Labour leadership election 2020"]);
    assert!(screen(&app).contains("[no region]"));
    press(&mut app, "c");
    // Marked with a region: both are kept.
    press(&mut app, "rG ");
    press(&mut app, "k".repeat(5).as_str());
    press(&mut app, " \n");
    assert!(app.query.filter.no_region);
    assert_eq!(app.query.filter.regions.len(), 1);
    press(&mut app, "c");
    press(&mut app, "fG\n");
    assert!(app.query.filter.no_faction);
    assert!(titles(&app).contains(&"Hazel Grove, 2017 general election".to_string()));
    assert!(screen(&app).contains("[won by: no faction]"));
}

#[test]
fn enter_on_a_timeline_month_lists_exactly_its_contests() {
    let mut app = tui::app(120, 40);
    press(&mut app, "4");
    // The cursor starts on the first month; find October 2019.
    let target = Period::Month {
        year: 2019,
        month: 10,
    };
    let row = app
        .views
        .timeline
        .iter()
        .position(|g| matches!(g.key, hustings::stats::timeline::Span::One(p) if p == target))
        .expect("Oct 2019 is a row");
    let count = app.views.timeline[row].contests;
    // j steps month by month, over the gaps.
    press(&mut app, "g");
    for _ in 0..app.views.timeline.len() {
        if app.views.timeline_cursor == row {
            break;
        }
        press(&mut app, "j");
        let at = app.views.timeline_cursor;
        assert!(!matches!(
            app.views.timeline[at].key,
            hustings::stats::timeline::Span::Gap { .. }
        ));
    }
    assert_eq!(app.views.timeline_cursor, row);
    press(&mut app, "\n");
    assert_eq!(app.view, View::Contests);
    assert_eq!(app.query.filter.period, Some(target));
    assert_eq!(app.rows.len(), count, "{:?}", titles(&app));
    // Only contests dated in October 2019: not those known only to the year.
    let ds = app.data.as_ref().unwrap().dataset();
    for &i in app.rows.iter() {
        let date = ds.contests[i].date.unwrap();
        assert_eq!(date.human()[date.human().len() - 8..], *"Oct 2019");
    }
    assert!(screen(&app).contains("[timeline: Oct 2019]"));
    // The year's "month unknown" row lists the contests known only to the year.
    press(&mut app, "c4G");
    let last = app.views.timeline_cursor;
    assert!(matches!(
        app.views.timeline[last].key,
        hustings::stats::timeline::Span::One(Period::Undated)
    ));
    press(&mut app, "\n");
    assert!(app.rows.iter().all(|&i| {
        app.data.as_ref().unwrap().dataset().contests[i]
            .date
            .is_none()
    }));
}

fn click(app: &mut App, column: u16, row: u16) {
    let event = MouseEvent {
        kind: MouseEventKind::Down(MouseButton::Left),
        column,
        row,
        modifiers: KeyModifiers::NONE,
    };
    if let Some(action) = app.mouse_action(event) {
        step(app, action);
    }
}

/// The screen position of the first occurrence of `text`.
fn find(app: &App, text: &str) -> (u16, u16) {
    for (y, line) in screen(app).lines().enumerate() {
        if let Some(at) = line.find(text) {
            return (line[..at].chars().count() as u16, y as u16);
        }
    }
    panic!("{text} is not on screen:\n{}", screen(app));
}

#[test]
fn a_click_selects_tabs_endorsers_timeline_months_chips_and_picker_choices() {
    // Wide enough for all nine tabs in full.
    let mut app = tui::app(130, 40);
    let (x, y) = find(&app, "3 Endorsers");
    click(&mut app, x + 2, y);
    assert_eq!(app.view, View::Endorsements);
    let (x, y) = find(&app, "Momentum");
    click(&mut app, x, y);
    assert_eq!(
        app.views.endorsers[app.views.endorser_cursor].name,
        "Momentum"
    );
    let (x, y) = find(&app, "4 Timeline");
    click(&mut app, x, y);
    assert_eq!(app.view, View::Timeline);
    let (x, y) = find(&app, "Oct 2019");
    click(&mut app, x, y);
    let at = app.views.timeline_cursor;
    assert_eq!(app.views.timeline[at].key.to_string(), "Oct 2019");
    // Tabs shrunk to their numbers are clickable too.
    app.update(Action::Resize(80, 40));
    let (x, y) = find(&app, " 1 ");
    click(&mut app, x + 1, y);
    assert_eq!(app.view, View::Contests);
    // A click on a filter chip steps into the chips with it selected.
    let mut app = tui::app(120, 40);
    press(&mut app, "rjj\np");
    let (x, y) = find(&app, "[region: North West]");
    click(&mut app, x + 2, y);
    assert_eq!(app.overlay, Overlay::Chips(0));
    let (x, y) = find(&app, "[status: decided]");
    click(&mut app, x + 2, y);
    assert_eq!(app.overlay, Overlay::Chips(1));
    press(&mut app, "x\x1b");
    assert!(app.query.filter.statuses.is_empty());
    // A click on a picker's choice puts the cursor there and marks it.
    let mut app = app_on(crate::support::tui::seed(), 120, 40);
    press(&mut app, "r");
    let (x, y) = find(&app, "London");
    click(&mut app, x, y);
    let Overlay::Picker(p) = &app.overlay else {
        panic!("open");
    };
    assert_eq!(p.current().unwrap().label, "London");
    assert!(p.is_marked(p.cursor));
    key(&mut app, ratatui::crossterm::event::KeyCode::Enter);
    assert_eq!(app.query.filter.regions, ["london"]);
    assert_eq!(selected_id(&app).is_some(), !app.rows.is_empty());
}
