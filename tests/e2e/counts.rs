//! A count file opened as a journalist would: `hustings FILE`, the rounds view, stepping on.

use crate::support::data::real_data;
use crate::support::tmux::Tmux;

#[test]
fn the_maine_primary_round_by_round() {
    let tmux = Tmux::start("maine", 140, 70);
    let file = real_data("rcv/2018_maine_governor_primary.json");
    tmux.launch(&format!("--no-watch {}", file.display()));
    tmux.wait_text("1 of 1 contests");
    tmux.keys(&["5"]);
    // The whole frame: the round, its transfers, and the table of every round below.
    let screen = tmux.wait_for("round 1 and the table", |s| {
        s.contains("Round 1 of 4") && s.contains("All rounds") && s.contains("overvotes")
    });
    assert!(screen.contains("threshold 63,070"), "{screen}");
    tmux.keys(&["Right", "Right", "Right"]);
    let screen = tmux.wait_for("round 4 in full", |s| {
        s.contains("Round 4 of 4") && s.contains("After the last round") && s.contains("All rounds")
    });
    let mills = screen
        .lines()
        .find(|l| l.contains("✓ Mills, Janet T."))
        .unwrap_or_else(|| panic!("Mills elected in round 4:\n{screen}"));
    assert!(
        mills.contains("63,387") && mills.contains("54.1%"),
        "{mills}"
    );
    assert!(
        screen.contains("After the last round: elected Mills, Janet T."),
        "{screen}"
    );
    tmux.keys(&["q"]);
    tmux.wait_text("exit=0");
    tmux.assert_restored();
}
