//! The explorer on a hostile file, in a real terminal: the escape sequences in its text set no
//! window title, write no clipboard and clear no screen; they show as visible stand-ins.

use crate::support::tmux::Tmux;

#[test]
fn a_hostile_file_changes_nothing_but_what_is_drawn() {
    let tmux = Tmux::start("hostile", 160, 45);
    // If anything sent OSC 52, tmux would take it as a paste buffer.
    tmux.accept_clipboard();
    let title = tmux.format("#{pane_title}");
    let data = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/hostile.json");
    tmux.launch(&format!("--no-watch {data}"));
    let screen = tmux.wait_text("2 of 2 contests");
    // The selected contest's detail, with the escape sequences visible.
    assert!(screen.contains("Harbour selection"), "{screen}");
    assert!(screen.contains('␛'), "stand-ins shown:\n{screen}");
    // Every view, and the detail scrolled through.
    for keys in [
        &["Tab"][..],
        &["PageDown", "PageDown", "PageDown"],
        &["Tab", "j"],
        &["2"],
        &["3"],
        &["4"],
        &["5"],
        &["6"],
        &["m", "k", "m", "7"],
        &["1"],
    ] {
        tmux.keys(keys);
    }
    let screen = tmux.wait_for("the list again", |s| {
        s.contains("2 of 2 contests") && s.contains("Contests")
    });
    assert!(
        screen
            .lines()
            .next()
            .is_some_and(|l| l.contains("hustings")),
        "the screen was not cleared or moved:\n{screen}"
    );
    assert_eq!(
        tmux.format("#{pane_title}"),
        title,
        "the window title changed"
    );
    let buffers = tmux.run(&["list-buffers"]);
    assert!(
        buffers.stdout.is_empty(),
        "something wrote the clipboard: {}",
        String::from_utf8_lossy(&buffers.stdout)
    );
    tmux.keys(&["q"]);
    tmux.wait_text("exit=0");
    tmux.assert_restored();
}
