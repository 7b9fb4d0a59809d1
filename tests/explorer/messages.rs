//! The message log: every notice, complaint and load error the status bar shows is kept, with
//! its time, and `M` shows them whole, newest first — where the status bar has to cut a long
//! one, it says so. The clock is pinned with `Action::Clock`, as the explorer loop sets it.

use std::path::PathBuf;

use crate::support::tui::{app, draw, pane, press, screen, step};
use chrono::NaiveTime;
use hustings::explorer::action::Action;
use hustings::explorer::app::{App, Overlay};
use hustings::explorer::keymap::{self, HELP, MESSAGES_KEY};
use hustings::load;

fn at(h: u32, m: u32, s: u32) -> Action {
    Action::Clock(NaiveTime::from_hms_opt(h, m, s).expect("a time"))
}

/// The file a reporter's data might live in: long enough to need the whole status line.
const LONG_PATH: &str = "/home/reporter/elections/2019-labour-selections/north-west/data.json";

/// A load error exactly as the loader reports a bad vote count in a file at `LONG_PATH`.
fn long_load_error() -> String {
    let text = std::str::from_utf8(load::EMBEDDED).expect("UTF-8");
    let bad = text.replacen("\"votes\": 338", "\"votes\": -338", 1);
    assert_ne!(bad, text, "the shipped data has Mishra's 338 votes");
    load::parse(LONG_PATH, bad.as_bytes())
        .unwrap_err()
        .to_string()
}

fn status_line(app: &App) -> String {
    crate::support::tui::status(app)
}

/// The popup's rows, inside its borders, trailing spaces trimmed.
fn popup_text(app: &App) -> Vec<String> {
    pane(&screen(app), "Messages")
        .iter()
        .map(|row| row.trim_end().to_string())
        .collect()
}

#[test]
fn a_long_load_error_is_shown_whole_above_the_filters_or_says_how_to_read_it() {
    let mut app = app(100, 30);
    let error = long_load_error();
    assert!(error.starts_with(LONG_PATH), "{error}");
    app.update(Action::LoadFailed(error.clone()));
    // Whole, on rows of its own above the status line: the filters and the count stay.
    let status = status_line(&app);
    let squeeze = |s: &str| s.split_whitespace().collect::<String>();
    assert!(squeeze(&status).contains(&squeeze(&error)), "{status}");
    assert!(!status.contains("messages)"), "{status}");
    let bar = crate::support::tui::status_bar(&app);
    assert!(
        bar.contains("no filters") && bar.contains("17 of 17 contests"),
        "{bar}"
    );
    // Longer than the rows a smaller screen gives it: cut, and it says how to read it.
    app.update(Action::Resize(60, 20));
    let status = status_line(&app);
    assert!(status.contains("… (M: messages)"), "{status}");
    assert!(
        status.starts_with(&format!("⚠ {}", &LONG_PATH[..40])),
        "{status}"
    );
    assert!(status.contains("17 of 17"), "the count stays: {status}");
    // A message that fits is not pointed at.
    let mut app = app_with_notice("reloaded at 21:07:44");
    let status = status_line(&app);
    assert!(status.contains("reloaded at 21:07:44"), "{status}");
    assert!(!status.contains("messages)"), "{status}");
    // A long notice is pointed at too, where it must be cut.
    let long = format!("wrote the list as Markdown to {LONG_PATH}.md (12,345 bytes) {LONG_PATH}");
    step(&mut app, Action::Resize(50, 12));
    step(&mut app, Action::Notice(long));
    assert!(
        status_line(&app).contains("… (M: messages)"),
        "{}",
        status_line(&app)
    );
}

fn app_with_notice(text: &str) -> App {
    let mut app = app(100, 30);
    step(&mut app, Action::Notice(text.into()));
    app
}

#[test]
fn filters_cut_short_are_not_messages() {
    let mut app = app(60, 20);
    // Region, status, dates and search: more than 60 columns of filters.
    press(&mut app, "rjj\np");
    press(&mut app, "d2019-01..2019-12\n/labour selection\n");
    let status = status_line(&app);
    assert!(
        status.contains("+3 more"),
        "the filters are counted: {status}"
    );
    assert!(!status.contains("messages)"), "{status}");
}

#[test]
fn the_hint_is_given_only_where_the_key_works() {
    let mut app = app(60, 20);
    app.update(Action::LoadFailed(long_load_error()));
    // In the search prompt M is a letter: the way to the log starts with Esc.
    press(&mut app, "/");
    let status = status_line(&app);
    assert!(!status.contains("(M: messages)"), "{status}");
    assert!(status.contains("(Esc, then M: messages)"), "{status}");
    press(&mut app, "\x1b");
    assert!(status_line(&app).contains("(M: messages)"));
}

#[test]
fn the_log_shows_a_long_load_error_whole() {
    let mut app = app(100, 30);
    step(&mut app, at(21, 5, 2));
    press(&mut app, "R");
    step(&mut app, at(21, 7, 44));
    let error = long_load_error();
    step(&mut app, Action::LoadFailed(error.clone()));
    press(&mut app, "M");
    assert_eq!(app.overlay, Overlay::Messages);
    insta::assert_snapshot!(draw(&app).backend());
    let lines = popup_text(&app);
    assert!(lines[0].starts_with(" 21:07:44  ⚠ "), "{lines:?}");
    // The path is whole on its line, and every character of the error is there.
    assert!(lines[0].contains(LONG_PATH), "{lines:?}");
    assert!(shows_whole(&lines, &error), "{lines:?}");
    // Continuation lines are indented under the text, not under the time.
    assert!(lines[1].starts_with("           "), "{lines:?}");
    // The older message follows.
    assert!(
        lines.iter().any(|l| l == " 21:05:02  reloading…"),
        "{lines:?}"
    );
}

/// Whether `text` is in the popup's `lines` in full: wrapping only adds line breaks and
/// indents, so with all white space gone it is there character for character.
fn shows_whole(lines: &[String], text: &str) -> bool {
    let squeeze = |s: &str| s.split_whitespace().collect::<String>();
    squeeze(&lines.concat()).contains(&squeeze(text))
}

#[test]
fn on_a_narrow_screen_the_time_has_its_own_line_and_nothing_is_cut() {
    let mut app = app(24, 12);
    step(&mut app, at(21, 7, 44));
    let error = long_load_error();
    step(&mut app, Action::LoadFailed(error.clone()));
    press(&mut app, "M");
    press(&mut app, "G");
    let max = app.messages.max;
    assert!(max > 0, "a long error on 24 columns scrolls");
    // Read it a page at a time, as a person would.
    let mut read: Vec<String> = Vec::new();
    press(&mut app, "g");
    loop {
        let scroll = app.messages.scroll;
        let rows = popup_text(&app);
        let skip = read.len().saturating_sub(usize::from(scroll));
        read.extend(rows.into_iter().skip(skip));
        if scroll == max {
            break;
        }
        press(&mut app, "j");
    }
    assert_eq!(read[0], "21:07:44");
    assert!(shows_whole(&read[1..], &error), "{read:?}");
}

#[test]
fn notices_complaints_refusals_and_errors_are_logged_newest_first() {
    let mut app = app(120, 40);
    assert!(app.messages.is_empty());
    step(&mut app, at(9, 0, 0));
    press(&mut app, "m"); // marks the selected contest: a notice
    step(&mut app, at(9, 0, 5));
    press(&mut app, "e"); // the file-name prompt, refusing a name without .md or .csv
    press(&mut app, &"\x08".repeat(80));
    press(&mut app, "contest.txt\n");
    press(&mut app, "\x1b");
    step(&mut app, at(9, 0, 9));
    press(&mut app, "d2019-13\n\x1b"); // a date that is no date: refused
    step(&mut app, at(9, 1, 0));
    press(&mut app, "/zzzz\n");
    press(&mut app, "E"); // nothing listed: a complaint
    press(&mut app, "\x1b");
    step(&mut app, at(9, 2, 0));
    step(&mut app, Action::LoadFailed("data.json:1:1: EOF".into()));
    step(&mut app, at(9, 3, 0));
    step(&mut app, Action::Notice("reloaded at 09:03:00".into()));
    let log: Vec<(String, bool, String)> = app
        .messages
        .newest_first()
        .map(|m| {
            (
                m.at.format("%H:%M:%S").to_string(),
                m.problem,
                m.text.clone(),
            )
        })
        .collect();
    let want = [
        ("09:03:00", false, "reloaded at 09:03:00"),
        ("09:02:00", true, "data.json:1:1: EOF"),
        (
            "09:01:00",
            true,
            "no contests are listed: nothing to export",
        ),
        ("09:00:09", true, "no month 13"),
        (
            "09:00:05",
            true,
            "the name must end in .md (Markdown) or .csv",
        ),
        ("09:00:00", false, "marked Labour leadership election 2020"),
    ];
    assert_eq!(log.len(), want.len(), "{log:#?}");
    for ((time, problem, text), (want_time, want_problem, want_text)) in log.iter().zip(want) {
        assert_eq!(
            (time.as_str(), *problem),
            (want_time, want_problem),
            "{text}"
        );
        assert!(
            text.contains(want_text),
            "{text:?} should say {want_text:?}"
        );
    }
    // The notice has gone from the status bar with the next key; the log keeps it.
    press(&mut app, "M");
    let lines = popup_text(&app);
    assert_eq!(lines[0], " 09:03:00  reloaded at 09:03:00");
    assert!(lines.iter().any(|l| l.starts_with(" 09:00:00  marked ")));
    assert!(!status_line(&app).contains("reloaded"));
}

#[test]
fn the_log_scrolls_by_line_and_page_and_closes_with_esc_or_m() {
    let mut app = app(80, 24);
    for n in 0..60 {
        step(&mut app, at(10, n / 60, n % 60));
        step(&mut app, Action::Notice(format!("notice number {n}")));
    }
    press(&mut app, "M");
    let max = app.messages.max;
    assert!(max > 0, "60 messages do not fit in 24 rows");
    assert_eq!(popup_text(&app)[0], " 10:00:59  notice number 59");
    press(&mut app, "jj");
    assert_eq!(app.messages.scroll, 2);
    assert_eq!(popup_text(&app)[0], " 10:00:57  notice number 57");
    press(&mut app, "k");
    assert_eq!(app.messages.scroll, 1);
    // A page is the popup's height less one line.
    let rows = popup_text(&app).len() as u16;
    app.update(Action::PageDown);
    assert_eq!(app.messages.scroll, 1 + rows - 1);
    app.update(Action::PageUp);
    assert_eq!(app.messages.scroll, 1);
    press(&mut app, "G");
    assert_eq!(app.messages.scroll, max);
    assert_eq!(
        popup_text(&app).last().unwrap(),
        " 10:00:00  notice number 0"
    );
    press(&mut app, "j");
    assert_eq!(app.messages.scroll, max, "scrolling stops at the oldest");
    press(&mut app, "\x1b");
    assert_eq!(app.overlay, Overlay::None);
    // Opened again, it starts at the newest; M closes it too.
    press(&mut app, "M");
    assert_eq!(app.messages.scroll, 0);
    press(&mut app, "M");
    assert_eq!(app.overlay, Overlay::None);
    // Keys inside the popup do nothing else: no picker, no quitting.
    press(&mut app, "Mrpq");
    assert_eq!(app.overlay, Overlay::None);
    assert!(!app.should_quit);
    assert!(app.query.filter.statuses.is_empty());
}

#[test]
fn an_empty_log_says_so_and_a_paste_changes_nothing_in_it() {
    let mut app = app(80, 24);
    press(&mut app, "M");
    assert_eq!(popup_text(&app).join("\n").trim_end(), " No messages yet.");
    assert_eq!(
        format!("{:?}", keymap::action_for_paste("qqqq".into(), app.mode())),
        "None"
    );
    step(&mut app, Action::Paste("qqqq".into()));
    assert_eq!(app.overlay, Overlay::Messages);
    assert!(app.query.filter.search.is_empty());
}

#[test]
fn the_log_popup_draws_at_every_size() {
    let mut app = app(1, 1);
    step(&mut app, Action::LoadFailed(long_load_error()));
    for w in (1..=60).step_by(3) {
        for h in (1..=24).step_by(2) {
            app.update(Action::Resize(w, h));
            press(&mut app, "M");
            press(&mut app, "jG");
            press(&mut app, "M");
        }
    }
}

#[test]
fn the_help_and_the_readme_document_the_messages_key_and_paste() {
    let readme =
        std::fs::read_to_string(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("README.md"))
            .expect("README.md");
    let key = MESSAGES_KEY.to_string();
    for (keys, readme_keys) in [
        (key.as_str(), format!("`{key}`")),
        ("paste", "paste".into()),
    ] {
        let (_, what) = HELP
            .iter()
            .find(|(k, _)| *k == keys)
            .unwrap_or_else(|| panic!("{keys} is in the help"));
        let row = format!("| {readme_keys} | {what}");
        assert!(readme.contains(&row), "README's key table lacks {row:?}");
    }
}
