//! Pasting (bracketed paste): text, never keys. Into a prompt it is typed (line breaks and
//! tabs as spaces), outside one it starts a search, and popups ignore it. Pastes go through
//! `keymap::action_for_paste` as the explorer loop sends them.

use crate::support::tui::{app, press, screen, step, titles};
use hustings::explorer::action::{Action, PickerKind};
use hustings::explorer::app::{App, Field, Overlay};
use hustings::explorer::keymap;
use hustings::query::Query;

/// Pastes `text` as the explorer loop does: through the paste map for the current mode.
fn paste(app: &mut App, text: &str) {
    if let Some(action) = keymap::action_for_paste(text.to_string(), app.mode()) {
        step(app, action);
    }
}

/// The text of the open prompt, and which prompt it is.
fn prompt(app: &App) -> Option<(Field, String)> {
    match &app.overlay {
        Overlay::Input(input) => Some((input.field, input.text.clone())),
        _ => None,
    }
}

#[test]
fn a_paste_into_the_search_narrows_exactly_as_typing_it() {
    let mut typed = app(120, 40);
    press(&mut typed, "/stock");
    let mut pasted = app(120, 40);
    press(&mut pasted, "/");
    paste(&mut pasted, "stock");
    assert_eq!(pasted.query, typed.query);
    assert_eq!(titles(&pasted), titles(&typed));
    assert_eq!(pasted.rows.len(), 5);
    // Pasted after typed text, it narrows further, as typing on would.
    press(&mut typed, "port");
    paste(&mut pasted, "port");
    assert_eq!(pasted.query.filter.search, "stockport");
    assert_eq!(titles(&pasted), titles(&typed));
    // The list under the prompt is the one the search gives from scratch.
    let mut fresh = app(120, 40);
    fresh.update(Action::SetQuery(Box::new(pasted.query.clone())));
    assert_eq!(titles(&pasted), titles(&fresh));
}

#[test]
fn lines_pasted_into_the_search_are_words_not_enter_and_keys() {
    // tmux and most terminals send a pasted line feed as a carriage return.
    for text in ["stock\nport", "stock\rport", "stock\r\nport"] {
        let mut app = app(120, 40);
        press(&mut app, "/");
        paste(&mut app, text);
        // Typed, the line break would close the prompt, `p` cycle the status filter and `r`
        // open the region picker.
        assert_eq!(
            prompt(&app),
            Some((Field::Search, "stock port".into())),
            "{text:?}"
        );
        assert!(app.query.filter.statuses.is_empty(), "{text:?}");
        assert_eq!(app.query.filter.search, "stock port");
        assert!(titles(&app).contains(&"Stockport Labour selection".to_string()));
        assert!(screen(&app).contains("/stock port▏"), "{}", screen(&app));
    }
}

#[test]
fn tabs_are_spaces_and_escape_sequences_lose_their_escape() {
    let mut app = app(120, 40);
    press(&mut app, "/");
    paste(&mut app, "bury\tsouth\x1b[2J\x07");
    assert_eq!(prompt(&app), Some((Field::Search, "bury south[2J".into())));
    let shown = screen(&app);
    assert!(!shown.contains('\x1b') && !shown.contains('\x07'));
}

#[test]
fn qqqq_pasted_outside_a_prompt_searches_for_it_and_does_not_quit() {
    let mut app = app(120, 40);
    paste(&mut app, "qqqq");
    assert!(!app.should_quit, "a paste is not four q keys");
    assert_eq!(prompt(&app), Some((Field::Search, "qqqq".into())));
    assert!(app.rows.is_empty());
    assert!(screen(&app).contains("0 of 17 contests"));
    // Esc leaves the prompt and clears the search, as for a typed one.
    press(&mut app, "\x1b");
    assert_eq!(app.rows.len(), 17);
}

#[test]
fn a_paste_outside_a_prompt_replaces_the_search() {
    let mut app = app(120, 40);
    press(&mut app, "/bury\n");
    assert_eq!(titles(&app), ["Bury South Labour selection"]);
    paste(&mut app, "hallam\n");
    assert_eq!(prompt(&app), Some((Field::Search, "hallam ".into())));
    assert_eq!(titles(&app), ["Sheffield Hallam Labour selection"]);
    // A paste of nothing but a line break starts no search and keeps this one.
    press(&mut app, "\n");
    paste(&mut app, "\r\n");
    assert_eq!(app.overlay, Overlay::None);
    assert_eq!(app.query.filter.search, "hallam ");
}

#[test]
fn a_date_range_and_a_file_name_can_be_pasted() {
    let mut app = app(120, 40);
    press(&mut app, "d");
    paste(&mut app, "2017\n");
    assert_eq!(prompt(&app), Some((Field::Dates, "2017 ".into())));
    press(&mut app, "\n");
    assert_eq!(app.overlay, Overlay::None);
    assert_eq!(app.rows.len(), 2, "the 2017 general elections");
    // The offered file name (selected) is replaced, as typing would; then extended.
    press(&mut app, "e");
    paste(&mut app, "out.bak\n.md");
    let (_, now) = prompt(&app).expect("still the file-name prompt");
    assert_eq!(now, "out.bak .md");
    paste(&mut app, "x");
    assert_eq!(prompt(&app).unwrap().1, "out.bak .mdx");
    assert!(
        app.take_effects().is_empty(),
        "nothing is written by a paste"
    );
}

#[test]
fn pickers_the_help_and_a_question_ignore_a_paste() {
    let mut app = app(120, 40);
    let query: Query = app.query.clone();
    press(&mut app, "rj");
    let before = app.overlay.clone();
    paste(&mut app, "q\n");
    // Sent to `update` directly too: it ignores a paste here whatever the key map says.
    step(&mut app, Action::Paste("q\n".into()));
    assert_eq!(app.overlay, before, "the picker is as it was");
    assert!(matches!(&app.overlay, Overlay::Picker(p) if p.kind == PickerKind::Region));
    assert_eq!(app.query, query);
    press(&mut app, "\x1b?");
    paste(&mut app, "q");
    step(&mut app, Action::Paste("q".into()));
    assert_eq!(app.overlay, Overlay::Help);
    press(&mut app, "?");

    // A yes/no question: replace an existing file?
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("taken.md");
    std::fs::write(&path, "keep me").unwrap();
    press(&mut app, "e");
    let (_, offered) = prompt(&app).expect("the file-name prompt");
    press(&mut app, &"\x08".repeat(offered.chars().count()));
    press(&mut app, path.to_str().unwrap());
    press(&mut app, "\n");
    assert!(matches!(app.overlay, Overlay::Confirm(_)), "asked first");
    paste(&mut app, "y");
    step(&mut app, Action::Paste("y\n".into()));
    assert!(matches!(app.overlay, Overlay::Confirm(_)), "still asking");
    assert!(app.take_effects().is_empty());
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "keep me");
    assert!(!app.should_quit);
}

#[test]
fn a_paste_while_loading_does_nothing() {
    let mut app = App::new(
        vec!["big.json".into()],
        hustings::explorer::theme::Theme { color: true },
        80,
        24,
    );
    paste(&mut app, "qqqq");
    assert_eq!(app.overlay, Overlay::None);
    assert!(!app.should_quit);
}
