//! End to end in a real terminal (tmux): the number keys switch views, `e` writes a file in the
//! working directory, and `y` really reaches a terminal's clipboard through OSC 52 — tmux, with
//! `set-clipboard on`, keeps what it receives as a paste buffer, which is read back here.

use std::process::{Command, Output};
use std::thread;
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_hustings");
/// Generous: a debug build on a busy 2-core machine.
const DEADLINE: Duration = Duration::from_secs(20);

/// A tmux server of its own running one `sh` in a fixed-size window, in `dir`.
struct Tmux {
    socket: String,
}

impl Tmux {
    fn start(name: &str, dir: &std::path::Path) -> Tmux {
        let tmux = Tmux {
            socket: format!("hustings-e2e-views-{}-{name}", std::process::id()),
        };
        let dir = dir.to_str().unwrap();
        let out = tmux.run(&[
            "new-session",
            "-d",
            "-s",
            "t",
            "-x",
            "120",
            "-y",
            "40",
            "-c",
            dir,
            "env",
            "PS1=$ ",
            "sh",
        ]);
        assert!(out.status.success(), "tmux failed: {out:?}");
        tmux.run(&["set-option", "-g", "window-size", "manual"]);
        // Accept OSC 52 from the program and keep it as a buffer.
        tmux.run(&["set-option", "-g", "set-clipboard", "on"]);
        tmux
    }

    fn run(&self, args: &[&str]) -> Output {
        Command::new("tmux")
            .args(["-L", &self.socket, "-f", "/dev/null"])
            .args(args)
            .output()
            .expect("tmux is installed (CI installs it)")
    }

    fn keys(&self, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", "t"];
        args.extend_from_slice(keys);
        assert!(self.run(&args).status.success());
    }

    fn capture(&self) -> String {
        String::from_utf8_lossy(&self.run(&["capture-pane", "-p", "-t", "t"]).stdout).into_owned()
    }

    fn wait_for(&self, what: &str, ready: impl Fn(&str) -> bool) -> String {
        let start = Instant::now();
        loop {
            let screen = self.capture();
            if ready(&screen) {
                return screen;
            }
            if start.elapsed() > DEADLINE {
                panic!("timed out waiting for {what}; the screen was:\n{screen}");
            }
            thread::sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = self.run(&["kill-server"]);
    }
}

fn cli(args: &[&str]) -> String {
    let out = Command::new(BIN).args(args).output().unwrap();
    assert!(out.status.success());
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn views_export_and_clipboard_in_a_real_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let tmux = Tmux::start("views", dir.path());
    tmux.keys(&["-l", BIN]);
    tmux.keys(&["Enter"]);
    tmux.wait_for("the list", |s| s.contains("17 of 17 contests"));

    tmux.keys(&["2"]);
    // Wait for the whole view: a capture can land between two parts of a frame.
    tmux.wait_for("the scoreboard", |s| {
        s.contains("Contests won per faction")
            && s.contains("Seats per party (2 seats: 2 decided, 0 pending)")
    });
    tmux.keys(&["4"]);
    tmux.wait_for("the timeline", |s| s.contains("2019 (month unknown)"));
    tmux.keys(&["Escape"]);
    tmux.wait_for("the list again", |s| {
        s.contains("Contest ") && s.contains("Detail")
    });

    // The first row is selected: the 2020 leadership race.
    tmux.keys(&["y"]);
    tmux.wait_for("the copy message", |s| {
        s.contains("sent to clipboard (OSC 52)")
    });
    let buffer = tmux.run(&["show-buffer"]);
    let markdown = cli(&["show", "labour-leadership-2020", "--format", "markdown"]);
    assert_eq!(String::from_utf8_lossy(&buffer.stdout), markdown);

    tmux.keys(&["e"]);
    tmux.wait_for("the file prompt", |s| {
        s.contains("labour-leadership-2020.md")
    });
    tmux.keys(&["Enter"]);
    tmux.wait_for("the write message", |s| {
        s.contains("wrote Labour leadership")
    });
    let written = std::fs::read_to_string(dir.path().join("labour-leadership-2020.md")).unwrap();
    assert_eq!(written, markdown);
    // Again: the file exists now, so it asks.
    tmux.keys(&["e"]);
    tmux.wait_for("the file prompt", |s| {
        s.contains("labour-leadership-2020.md▏")
    });
    tmux.keys(&["Enter"]);
    tmux.wait_for("the question", |s| s.contains("exists. Replace it? (y/n)"));
    tmux.keys(&["n"]);
    tmux.wait_for("the refusal", |s| s.contains("not written"));

    tmux.keys(&["q"]);
    tmux.wait_for("the shell", |s| s.lines().any(|l| l.trim() == "$"));
}
