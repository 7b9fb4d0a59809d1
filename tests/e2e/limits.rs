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

/// The CPU time the process's main thread (the UI thread) has used, in clock ticks.
fn main_thread_ticks(pid: u32) -> u64 {
    let stat = fs::read_to_string(format!("/proc/{pid}/task/{pid}/stat")).unwrap_or_default();
    // "pid (comm) state ...": utime and stime are the 12th and 13th fields after the comm.
    let fields: Vec<&str> = stat
        .rsplit_once(')')
        .map_or(vec![], |(_, rest)| rest.split_whitespace().collect());
    let field = |n: usize| {
        fields
            .get(n)
            .and_then(|v| v.parse::<u64>().ok())
            .unwrap_or(0)
    };
    field(11) + field(12)
}

/// `q` ends the explorer at once even while its UI thread is busy with a contest of 200,000
/// candidates (each named on its ballot stage), which it once took minutes to draw.
#[test]
fn q_quits_at_once_while_a_huge_contest_is_being_drawn() {
    let dir = tempfile::tempdir().unwrap();
    let names: Vec<String> = (0..200_000).map(|k| format!("Candidate {k:06}")).collect();
    let candidates: Vec<serde_json::Value> = names
        .iter()
        .enumerate()
        .map(|(k, name)| match k % 2 {
            0 => serde_json::json!({"name": name, "votes": 400_000 - k}),
            _ => serde_json::json!({"name": name}),
        })
        .collect();
    let doc = serde_json::json!({
        "schema_version": 1, "regions": [], "factions": [],
        "contests": [{
            "id": "huge", "kind": "selection", "title": "A huge selection", "date": "2019",
            "status": "decided", "sources": [], "candidates": candidates,
            "stages": [{"stage": "ballot", "candidates": names}],
        }],
    });
    fs::write(
        dir.path().join("huge.json"),
        serde_json::to_vec(&doc).unwrap(),
    )
    .unwrap();
    drop(doc);
    let tmux = Tmux::start("huge-quit", 120, 30);
    tmux.launch_with(&format!("cd '{}' &&", dir.path().display()), "huge.json");
    let pid = tmux.explorer_pid();
    // Loading happens on another thread; once the UI thread has spent a third of a second
    // computing, it is busy drawing the contest (or it has drawn it: then it is idle).
    let start = std::time::Instant::now();
    let before = main_thread_ticks(pid);
    loop {
        let busy = main_thread_ticks(pid) >= before + 33;
        if busy || tmux.capture().contains("1 of 1 contests") {
            break;
        }
        assert!(
            start.elapsed() < crate::support::tmux::DEADLINE,
            "never loaded"
        );
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    let pressed = std::time::Instant::now();
    tmux.keys(&["q"]);
    tmux.wait_for("the explorer to end", |s| s.contains("exit=0"));
    let took = pressed.elapsed();
    assert!(
        took < std::time::Duration::from_secs(2),
        "q took {took:?} to end the explorer"
    );
    tmux.assert_restored();
}
