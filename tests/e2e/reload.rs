//! Live reload end to end: the real binary in tmux, its data files edited underneath it the
//! ways people and scripts do it — written in place, replaced by a rename, saved the way vim
//! saves, half-written and then fixed — and what the explorer shows after each.

use std::fs;
use std::path::{Path, PathBuf};
use std::time::Duration;

use crate::support::tmux::{self, Tmux};
use serde_json::{Value, json};

fn seed() -> Value {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/contests.json");
    serde_json::from_slice(&fs::read(path).expect("seed")).expect("seed is JSON")
}

fn fixture() -> Vec<u8> {
    fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/fixture.json"))
        .expect("fixture")
}

/// Sets a candidate's votes in a dataset document.
fn set_votes(doc: &mut Value, contest: &str, candidate: &str, votes: u64) {
    let contests = doc["contests"].as_array_mut().expect("contests");
    let c = contests
        .iter_mut()
        .find(|c| c["id"] == contest)
        .expect("contest");
    let cands = c["candidates"].as_array_mut().expect("candidates");
    let cand = cands
        .iter_mut()
        .find(|x| x["name"] == candidate)
        .expect("candidate");
    cand["votes"] = json!(votes);
}

fn bytes(doc: &Value) -> Vec<u8> {
    serde_json::to_vec_pretty(doc).expect("serialise")
}

#[cfg(unix)]
fn inode(path: &Path) -> u64 {
    std::os::unix::fs::MetadataExt::ino(&fs::metadata(path).expect("metadata"))
}

/// Truncates and rewrites the same file (the same inode), as `>` in a shell does.
fn write_in_place(path: &Path, contents: &[u8]) {
    #[cfg(unix)]
    let before = inode(path);
    fs::write(path, contents).expect("write");
    #[cfg(unix)]
    assert_eq!(inode(path), before, "written in place");
}

/// Writes a temporary file beside it and renames it over it, as careful scripts do.
fn replace_by_rename(path: &Path, contents: &[u8]) {
    let tmp = path.with_extension("json.tmp");
    fs::write(&tmp, contents).expect("write temp");
    fs::rename(&tmp, path).expect("rename");
}

/// vim's default save: move the original aside, write a new file, delete the backup.
fn save_like_vim(path: &Path, contents: &[u8]) {
    let backup = PathBuf::from(format!("{}~", path.display()));
    fs::rename(path, &backup).expect("backup");
    fs::write(path, contents).expect("write new");
    fs::remove_file(&backup).expect("remove backup");
}

/// The candidate's row in the detail shows `votes` (the row of the candidates table).
fn shows_votes(screen: &str, name: &str, votes: &str) -> bool {
    crate::support::tmux::shows_candidate_votes(screen, name, votes)
}

/// The status line (the last non-empty line).
fn status(screen: &str) -> String {
    crate::support::tmux::status_area(screen)
}

/// A load error for `file` in the status line: `file:LINE:COLUMN: ...`.
fn shows_error(screen: &str, file: &str) -> bool {
    let line = status(screen);
    let line = line.as_str();
    line.find(&format!("{file}:")).is_some_and(|at| {
        let rest = &line[at + file.len() + 1..];
        let mut parts = rest.splitn(3, ':');
        let digits = |p: Option<&str>| {
            p.is_some_and(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
        };
        digits(parts.next()) && digits(parts.next())
    })
}

/// Stockport's detail (its four candidates with these votes) is on screen.
fn stockport(screen: &str, votes: [&str; 4]) -> bool {
    ["Navendu Mishra", "Julie Reid", "Fiona Dent", "Mike Cain"]
        .iter()
        .zip(votes)
        .all(|(name, v)| shows_votes(screen, name, v))
}

/// Opens the explorer in a fresh directory on `count.json` (the shipped data) and
/// `extra.json` (the test fixture: four more contests), with Stockport's selection selected.
fn open(tmux: &Tmux, dir: &Path, flags: &str) {
    fs::write(dir.join("count.json"), bytes(&seed())).expect("count.json");
    fs::write(dir.join("extra.json"), fixture()).expect("extra.json");
    let cd = format!("cd '{}' &&", dir.display());
    tmux.launch_with(&cd, &format!("{flags} count.json extra.json"));
    tmux.wait_text("21 of 21 contests");
    // By date, newest first: Stockport's selection is the eighth row.
    tmux.keys(&["g", "j", "j", "j", "j", "j", "j", "j"]);
    tmux.wait_for("Stockport's detail", |s| {
        stockport(s, ["338", "218", "23", "12"])
    });
}

#[test]
fn edits_in_place_by_rename_like_vim_broken_and_fixed() {
    let dir = tempfile::tempdir().expect("temp dir");
    let count = dir.path().join("count.json");
    // Tall enough for all four candidates under Mishra's long description, error lines and all.
    let tmux = Tmux::start("reload", 120, 60);
    open(&tmux, dir.path(), "");
    let mut doc = seed();

    // 1. Written in place: a vote count changes and a contest is added at the top of the
    //    list (moving every row down); Stockport stays selected, showing the new count.
    set_votes(&mut doc, "stockport-selection-2019", "Mike Cain", 97);
    let mut extra = doc["contests"][0].clone();
    extra["id"] = json!("count-night-selection-2024");
    extra["title"] = json!("Count Night Labour selection");
    extra["date"] = json!("2024-07-04");
    // Stockport's bounds on its date (2019) would leave out the new one.
    extra
        .as_object_mut()
        .expect("a contest")
        .remove("date_bounds");
    doc["contests"]
        .as_array_mut()
        .expect("contests")
        .push(extra);
    write_in_place(&count, &bytes(&doc));
    tmux.wait_for("the in-place edit", |s| {
        s.contains("22 of 22 contests")
            && stockport(s, ["338", "218", "23", "97"])
            && s.contains("Count Night Labour")
            && status(s).contains("reloaded at")
    });

    // 2. Replaced by renaming a temporary file over it.
    set_votes(&mut doc, "stockport-selection-2019", "Julie Reid", 765);
    replace_by_rename(&count, &bytes(&doc));
    tmux.wait_for("the renamed-over file", |s| {
        s.contains("22 of 22 contests") && stockport(s, ["338", "765", "23", "97"])
    });

    // 3. Saved the way vim does: the old file moved aside, a new one written.
    set_votes(&mut doc, "stockport-selection-2019", "Fiona Dent", 41);
    save_like_vim(&count, &bytes(&doc));
    tmux.wait_for("vim's save", |s| stockport(s, ["338", "765", "41", "97"]));

    // 4. Half-written (cut off mid-document): the last good data stays, the error shows.
    let good = bytes(&doc);
    write_in_place(&count, &good[..good.len() / 2]);
    let screen = tmux.wait_for("the load error", |s| shows_error(s, "count.json"));
    assert!(stockport(&screen, ["338", "765", "41", "97"]), "{screen}");
    assert!(screen.contains("22 of 22 contests"), "{screen}");
    // Not JSON at all: still the last good data, still an error.
    write_in_place(&count, b"not json");
    let screen = tmux.wait_for("the second load error", |s| {
        shows_error(s, "count.json") && status(s).contains("count.json:1:")
    });
    assert!(stockport(&screen, ["338", "765", "41", "97"]), "{screen}");

    // 5. Fixed: the error goes and the new data is shown.
    set_votes(&mut doc, "stockport-selection-2019", "Navendu Mishra", 402);
    write_in_place(&count, &bytes(&doc));
    // The notice replaces the error in the status line: wait for it, not for a status line
    // half redrawn, in which the error may already be unreadable.
    tmux.wait_for("recovery", |s| {
        stockport(s, ["402", "765", "41", "97"])
            && !shows_error(s, "count.json")
            && status(s).contains("reloaded at")
    });

    // 6. The second file is watched too: dropping one of its contests shows at once.
    let mut fixture: Value = serde_json::from_slice(&fixture()).expect("fixture");
    fixture["contests"]
        .as_array_mut()
        .expect("contests")
        .retain(|c| c["id"] != "empty-2020");
    replace_by_rename(&dir.path().join("extra.json"), &bytes(&fixture));
    let screen = tmux.wait_text("21 of 21 contests");
    assert!(!screen.contains("Empty selection"), "{screen}");
    assert!(stockport(&screen, ["402", "765", "41", "97"]), "{screen}");

    tmux.keys(&["q"]);
    tmux.wait_text("exit=0");
    tmux.assert_restored();
}

#[test]
fn with_no_watch_changes_wait_for_r() {
    let dir = tempfile::tempdir().expect("temp dir");
    let count = dir.path().join("count.json");
    let tmux = Tmux::start("nowatch", 120, 45);
    open(&tmux, dir.path(), "--no-watch");
    // A watching explorer on the same files, for comparison.
    let control = Tmux::start("nowatch-control", 120, 45);
    control.launch_with(
        &format!("cd '{}' &&", dir.path().display()),
        "count.json extra.json",
    );
    control.wait_text("21 of 21 contests");

    let mut doc = seed();
    set_votes(&mut doc, "stockport-selection-2019", "Mike Cain", 97);
    doc["contests"]
        .as_array_mut()
        .expect("contests")
        .retain(|c| c["id"] != "bury-south-selection-2019");
    write_in_place(&count, &bytes(&doc));
    control.wait_text("20 of 20 contests");
    // The watching explorer has reloaded. Nothing can be waited for in the other one — the
    // point is that nothing happens — so give it a generous second more before looking.
    std::thread::sleep(Duration::from_secs(1));
    let screen = tmux.capture();
    assert!(
        screen.contains("21 of 21 contests"),
        "reloaded unasked:\n{screen}"
    );
    assert!(stockport(&screen, ["338", "218", "23", "12"]), "{screen}");

    // R reloads by hand, keeping Stockport selected.
    tmux.keys(&["R"]);
    let screen = tmux.wait_for("the manual reload", |s| {
        s.contains("20 of 20 contests") && stockport(s, ["338", "218", "23", "97"])
    });
    assert!(status(&screen).contains("reloaded at"), "{screen}");
    // A broken file on R: the error, the data kept.
    write_in_place(&count, b"{");
    tmux.keys(&["R"]);
    let screen = tmux.wait_for("the load error", |s| shows_error(s, "count.json"));
    assert!(stockport(&screen, ["338", "218", "23", "97"]), "{screen}");

    tmux.keys(&["q"]);
    tmux.wait_text("exit=0");
    tmux.assert_restored();
    control.keys(&["q"]);
    control.wait_text("exit=0");
}

#[test]
fn r_on_the_built_in_dataset_says_there_is_nothing_to_reload() {
    let tmux = Tmux::start("embedded-r", 120, 30);
    tmux.launch("");
    tmux.wait_text("17 of 17 contests");
    tmux.keys(&["R"]);
    tmux.wait_for("the notice", |s| {
        status(s).contains("nothing to reload: the built-in dataset is part of hustings")
    });
    tmux.keys(&["q"]);
    tmux.wait_text("exit=0");
    tmux.assert_restored();
}

#[test]
fn a_named_pipe_is_read_once_and_r_says_it_cannot_be_reloaded() {
    let pipe = tmux::SlowFile::new("reload-fifo");
    let tmux = Tmux::start("fifo-r", 120, 30);
    tmux.launch(&pipe.path());
    tmux.wait_text("Loading");
    pipe.deliver();
    tmux.wait_text("17 of 17 contests");
    // Reading it again would block for ever: R says so instead.
    tmux.keys(&["R"]);
    let screen = tmux.wait_text("not a regular file");
    assert!(screen.contains("17 of 17 contests"), "{screen}");
    tmux.keys(&["q"]);
    tmux.wait_text("exit=0");
    tmux.assert_restored();
}
