//! The message log in the real binary: a load error too long for the status bar says
//! `(M: messages)`, and `M` shows it whole, stamped with the wall-clock time it happened.

use std::fs;

use chrono::{Local, NaiveTime, Timelike};

use crate::support::tmux::Tmux;

/// The time at the start of a log line (` 21:07:44  …`), if it has one.
fn time_of(line: &str) -> Option<NaiveTime> {
    // The popup's first time, whatever the pane behind it shows to its left.
    line.char_indices()
        .find_map(|(at, _)| NaiveTime::parse_from_str(line.get(at..at + 8)?, "%H:%M:%S").ok())
}

/// Seconds between two times of day, the short way round midnight.
fn apart(a: NaiveTime, b: NaiveTime) -> i64 {
    let d = (i64::from(a.num_seconds_from_midnight()) - i64::from(b.num_seconds_from_midnight()))
        .rem_euclid(86_400);
    d.min(86_400 - d)
}

#[test]
fn a_load_error_cut_in_the_status_bar_is_read_whole_with_m() {
    let dir = tempfile::tempdir().expect("temp dir");
    let relative = "2019-labour-selections/north-west-and-yorkshire/reporter-copy/data.json";
    let file = dir.path().join(relative);
    fs::create_dir_all(file.parent().expect("a directory")).expect("directories");
    let seed = fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/data/contests.json"))
        .expect("the shipped data");
    fs::write(&file, &seed).expect("data.json");

    // Twelve rows leave the status bar two rows for messages: the error needs more.
    let tmux = Tmux::start("messages", 100, 12);
    let cd = format!("cd '{}' &&", dir.path().display());
    tmux.launch_with(&cd, &format!("--no-watch {relative}"));
    tmux.wait_text("17 of 17 contests");

    // A bad vote count, reloaded by hand: the error is longer than the status bar.
    let bad = seed.replacen("\"votes\": 338", "\"votes\": -338", 1);
    assert_ne!(bad, seed);
    fs::write(&file, bad).expect("data.json");
    tmux.keys(&["R"]);
    let screen = tmux.wait_text("(M: messages)");
    let status = crate::support::tmux::status_area(&screen);
    assert!(status.contains("⚠ 2019-labour-selections/"), "{status}");
    assert!(
        status.contains("17 of 17"),
        "the filters' line stays: {status}"
    );
    assert!(!status.contains("null when unknown"), "cut: {status}");

    tmux.keys(&["M"]);
    let screen = tmux.wait_for("the whole error in the log", |s| {
        s.contains("Messages, newest first") && s.contains("null when unknown")
    });
    let first = screen
        .lines()
        .find(|l| l.contains('⚠') && l.contains(relative))
        .unwrap_or_else(|| panic!("the path whole on the error's first line:\n{screen}"));
    let at = time_of(first).unwrap_or_else(|| panic!("a time before the error: {first}"));
    let now = Local::now().time();
    assert!(
        apart(at, now) < 120,
        "stamped {at}, the clock says {now}: {first}"
    );
    assert!(screen.contains("reloading…"), "the older notice: {screen}");

    tmux.keys(&["Escape"]);
    tmux.wait_for("the log closed", |s| !s.contains("Messages, newest first"));
    tmux.keys(&["q"]);
    tmux.wait_text("exit=0");
    tmux.assert_restored();
}
