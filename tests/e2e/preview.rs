//! A large file in the real binary: its first contests come first (the threshold lowered with
//! `HUSTINGS_PREVIEW_FROM`, so a small file made here will do), then the whole file replaces
//! them, keeping the command line's search.

use std::fmt::Write;

use crate::support::tmux::{Tmux, status_area};

/// `n` small contests, `Contest 1` to `Contest n`, catalogues first.
fn contests(n: usize) -> String {
    let mut json = String::from(r#"{"schema_version":1,"regions":[],"factions":[],"contests":["#);
    for i in 1..=n {
        let comma = if i < n { "," } else { "" };
        write!(
            json,
            r#"{{"id":"c{i}","kind":"other","title":"Contest {i}","status":"pending","sources":[]}}{comma}"#
        )
        .unwrap();
    }
    json.push_str("]}");
    json
}

#[test]
fn the_first_contests_then_all_of_them_keeping_the_search() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("big.json");
    // More contests than a preview takes (5,000), so the last is only in the whole file.
    std::fs::write(&file, contests(6_000)).unwrap();
    let tmux = Tmux::start("preview", 120, 30);
    tmux.launch_with(
        "HUSTINGS_PREVIEW_FROM=1",
        &format!("'{}' --search 'contest 6000'", file.display()),
    );
    let screen = tmux.wait_for("the whole file", |s| {
        status_area(s).contains("loaded all 6,000 contests") && s.contains("1 of 6000 contests")
    });
    assert!(screen.contains("Contest 6000"), "{screen}");
    assert!(!screen.contains("loading…"), "{screen}");
    tmux.keys(&["q"]);
    tmux.wait_text("exit=0");
}

#[test]
fn a_bad_contest_after_the_first_ones_ends_the_explorer_with_its_error() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("big.json");
    // The first 5,000 preview well; the last contest's status is no status.
    let json = contests(6_000).replace(
        r#""c6000","kind":"other","title":"Contest 6000","status":"pending""#,
        r#""c6000","kind":"other","title":"Contest 6000","status":"unheard-of""#,
    );
    std::fs::write(&file, json).unwrap();
    let tmux = Tmux::start("preview-bad", 120, 30);
    tmux.launch_with("HUSTINGS_PREVIEW_FROM=1", &format!("'{}'", file.display()));
    let screen = tmux.wait_text("exit=2");
    assert!(screen.contains("big.json"), "{screen}");
    assert!(screen.contains("unheard-of"), "{screen}");
    // The terminal is the shell's again: nothing of the preview stays.
    assert!(!screen.contains("of the first"), "{screen}");
    assert!(!tmux.alternate_screen_on());
}
