//! End to end in a real terminal (tmux): the number keys switch views, `e` writes a file in the
//! working directory, and `y` really reaches a terminal's clipboard through OSC 52 — tmux, with
//! `set-clipboard on`, keeps what it receives as a paste buffer, which is read back here.

use std::process::Command;

use crate::support::tmux::{BIN, Tmux};

fn cli(args: &[&str]) -> String {
    let out = Command::new(BIN).args(args).output().unwrap();
    assert!(out.status.success());
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn views_export_and_clipboard_in_a_real_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let tmux = Tmux::start("views", 120, 40);
    // tmux keeps what the program sends with OSC 52 as a paste buffer.
    tmux.accept_clipboard();
    tmux.launch_with(&format!("cd '{}' &&", dir.path().display()), "");
    tmux.wait_text("17 of 17 contests");

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
    let markdown = cli(&["show", "labour-leadership-2020", "--format", "markdown"]);
    assert_eq!(tmux.buffer(), markdown);

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
    tmux.wait_text("exit=0");
    tmux.assert_restored();
}

#[test]
fn prompts_edit_like_a_shell_line_in_a_real_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let tmux = Tmux::start("prompts", 120, 40);
    tmux.launch_with(&format!("cd '{}' &&", dir.path().display()), "");
    tmux.wait_text("17 of 17 contests");
    // The offered name is selected: the first character typed replaces it.
    tmux.keys(&["e"]);
    tmux.wait_text("labour-leadership-2020.md▏");
    tmux.type_text("out.md");
    tmux.wait_for("the typed name alone", |s| {
        s.contains("(.md or .csv): out.md▏") && !s.contains("labour-leadership-2020.md")
    });
    // ← twice and Ctrl-W / Ctrl-U, as the terminal sends them.
    tmux.keys(&["Left", "Left", "C-u"]);
    tmux.wait_text("(.md or .csv): ▏md");
    tmux.type_text("x.");
    tmux.keys(&["End", "Enter"]);
    tmux.wait_text("wrote Labour leadership");
    assert!(dir.path().join("x.md").exists());
    tmux.keys(&["/"]);
    tmux.type_text("stock port");
    tmux.keys(&["C-w"]);
    tmux.wait_text("/stock ▏");
    tmux.keys(&["Escape"]);
    tmux.wait_text("17 of 17 contests");
    tmux.keys(&["q"]);
    tmux.wait_text("exit=0");
    tmux.assert_restored();
}
