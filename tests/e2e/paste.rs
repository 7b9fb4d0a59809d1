//! Pasting into the real binary: tmux pastes with `paste-buffer -p`, bracketed because the
//! explorer asked for bracketed paste, and the pasted text must arrive as text, never as keys.

use crate::support::tmux::{Tmux, child_of};

/// The status line (the last non-empty line).
fn status(screen: &str) -> String {
    crate::support::tmux::status_area(screen)
}

#[test]
fn pasted_lines_and_letters_are_text_never_keys() {
    let tmux = Tmux::start("paste", 120, 40);
    tmux.launch("");
    tmux.wait_text("17 of 17 contests");
    let explorer = tmux.explorer_pid();

    // Two lines into the search: as keys, the line break would end the search, `p` cycle the
    // status filter and `r` open the region picker.
    tmux.keys(&["/"]);
    tmux.wait_text(" /▏");
    tmux.paste("stock\nport");
    let screen = tmux.wait_text("/stock port▏");
    assert!(!screen.contains("any region"), "a picker opened:\n{screen}");
    assert!(screen.contains("Stockport Labour se"), "{screen}");
    // Enter (a real key) ends the search: the status bar shows the filters again.
    tmux.keys(&["Enter"]);
    let screen = tmux.wait_text("search: \"stock port\"");
    let line = status(&screen);
    assert!(
        !line.contains("status:"),
        "the status filter changed: {line}"
    );
    assert!(!screen.contains("any region"), "a picker opened:\n{screen}");
    tmux.keys(&["Escape"]);
    tmux.wait_for("the search cleared", |s| {
        s.contains("17 of 17 contests") && !s.contains("search:")
    });

    // Outside a prompt, `qqqq` is a search for "qqqq", not four quits.
    tmux.paste("qqqq");
    let screen = tmux.wait_for("the pasted search", |s| {
        s.contains("/qqqq▏") && s.contains("0 of 17 contests")
    });
    assert!(!screen.contains("exit="), "the explorer quit:\n{screen}");
    assert!(tmux.alternate_screen_on());
    assert_eq!(
        child_of(tmux.shell_pid()),
        Some(explorer),
        "the explorer still runs"
    );

    tmux.keys(&["Escape"]);
    tmux.wait_text("17 of 17 contests");
    tmux.keys(&["q"]);
    tmux.wait_text("exit=0");
    tmux.assert_restored();
}
