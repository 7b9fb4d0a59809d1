//! Issue 16 in a real terminal: the real binary on the shipped dataset and the Library's
//! party-level results 1997–2019 (imported through the library), narrowed to Stockport, shows
//! the seat's history (`6`) with each contest's change since the one before (±).

use crate::support::data::{history_import, seed_file};
use crate::support::tmux::{Tmux, lines_with};

#[test]
fn stockport_seat_history_shows_the_change_column() {
    // Copied under short names: the command line stays clear of the words looked for.
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(seed_file(), dir.path().join("seed.json")).unwrap();
    std::fs::copy(history_import(), dir.path().join("history.json")).unwrap();
    // Tall enough for the eight contests of the seat without scrolling.
    let tmux = Tmux::start("psephology", 120, 70);
    tmux.launch_with(
        &format!("cd '{}' &&", dir.path().display()),
        "seed.json history.json --search stockport",
    );
    tmux.wait_for("the Stockport contests", |s| {
        // 4581 contests, two of them (Stockport and Hazel Grove 2017) in both files: one row each.
        s.contains("9 of 4579 contests") && s.contains("Detail")
    });
    // The first row is the 2019 general election; its seat's history, oldest first.
    tmux.keys(&["6"]);
    let screen = tmux.wait_for("the seat history with its ± column", |s| {
        s.contains("Seat history: Stockport") && s.contains("± Lab hold, -11.3 pts")
    });
    assert_eq!(
        lines_with(&screen, "± is the change since the seat's previous contest").len(),
        1,
        "{screen}"
    );
    let changes: Vec<String> = screen
        .lines()
        .filter_map(|l| {
            let pane = l.split('│').nth(3)?;
            Some(pane.strip_prefix("    ± ")?.trim_end().to_string())
        })
        .collect();
    assert_eq!(
        changes,
        [
            "no previous result",
            "Lab hold, -4.3 pts",
            "Lab hold, -8.1 pts",
            "Lab hold, -7.8 pts",
            "Lab hold, +7.2 pts",
            // The seed's 2017 contest (partial figures) is the Library's: one row.
            "Lab hold, +13.4 pts",
            "—",
            "Lab hold, -11.3 pts",
        ],
        "{screen}"
    );
    tmux.keys(&["q"]);
    tmux.wait_text("exit=0");
    tmux.assert_restored();
}
