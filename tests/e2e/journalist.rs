//! Issue 17's done-when, in a real terminal: a journalist opens the GE2019 import at 120×40
//! sorted by margin and sees the closest seat first — Fermanagh and South Tyrone, its margin
//! (57) on its row and its id on screen — then finds a seat by a name typed without accents.

use crate::support::data;
use crate::support::tmux::{Tmux, lines_with};

#[test]
fn ge2019_by_margin_shows_the_closest_seat_its_margin_and_its_id() {
    let ge2019 = data::ge2019();
    let tmux = Tmux::start("journalist", 120, 40);
    tmux.launch(&format!("'{}' --sort margin", ge2019.display()));
    let screen = tmux.wait_for("the list sorted by margin", |s| {
        s.contains("650 of 650 contests") && s.contains("Margin↓") && s.contains("Detail")
    });
    // The first row of the list is Fermanagh and South Tyrone, with its margin on the row.
    let first = screen
        .lines()
        .nth(3)
        .expect("the list's first row")
        .to_string();
    assert!(first.contains("Fermanagh and South"), "{screen}");
    let row = first.split('│').nth(1).expect("the list pane");
    assert!(row.contains("57 (0.1 pts)"), "{screen}");
    // Its id, as `show` takes it, is on screen (the detail's second line).
    let fermanagh = "ge2019-n06000007";
    assert_eq!(lines_with(&screen, fermanagh).len(), 1, "{screen}");

    // A name typed without its accent finds Órfhlaith Begley's seat.
    tmux.type_text("/orfhlaith");
    let screen = tmux.wait_for("the search", |s| s.contains("1 of 650 contests"));
    assert!(screen.contains("West Tyrone"), "{screen}");
    tmux.keys(&["Enter"]);
    tmux.wait_text("[search: \"orfhlaith\"]");
    tmux.keys(&["Escape"]);
    tmux.wait_text("650 of 650 contests");
    tmux.keys(&["q"]);
    tmux.wait_text("exit=0");
    tmux.assert_restored();
}
