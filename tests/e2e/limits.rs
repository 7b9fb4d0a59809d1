//! The explorer's inputs within bounds: a watched file replaced by something that must not be
//! read (a symbolic link to `/dev/zero`) is refused with a message and the data stays.

use std::fs;
use std::path::Path;

use crate::support::tmux::{Tmux, status_area};

/// The explorer's resident memory in kB (from /proc).
fn resident_kb(pid: u32) -> u64 {
    let status = fs::read_to_string(format!("/proc/{pid}/status")).unwrap();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.split_whitespace().next())
        .and_then(|v| v.parse().ok())
        .unwrap()
}

#[test]
fn a_watched_file_replaced_by_a_link_to_a_device_is_refused_and_the_data_stays() {
    let dir = tempfile::tempdir().unwrap();
    let seed = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/contests.json");
    fs::copy(&seed, dir.path().join("data.json")).unwrap();
    let tmux = Tmux::start("watch-device", 120, 30);
    tmux.launch_with(&format!("cd '{}' &&", dir.path().display()), "data.json");
    tmux.wait_text("17 of 17 contests");
    let pid = tmux.explorer_pid();
    // Replaced the way a script replaces a file: a new name renamed over it.
    std::os::unix::fs::symlink("/dev/zero", dir.path().join("link")).unwrap();
    fs::rename(dir.path().join("link"), dir.path().join("data.json")).unwrap();
    let screen = tmux.wait_for("the refusal", |s| {
        status_area(s).contains("data.json: is a character device, not a data file")
    });
    assert!(screen.contains("17 of 17 contests"), "{screen}");
    // Not read: a reader of /dev/zero grows by hundreds of MB a second.
    let rss = resident_kb(pid);
    assert!(rss < 200_000, "the explorer holds {rss} kB");
    tmux.keys(&["q"]);
    tmux.wait_text("exit=0");
    tmux.assert_restored();
}
