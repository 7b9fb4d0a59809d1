//! The map view (9) in a real terminal on the GE2019 import: the map drawn, the seat under the
//! cursor named, a search dimming the seats it leaves out, the cursor stepping to a neighbour
//! and back, and Enter opening the seat's detail.

use crate::support::data;
use crate::support::tmux::Tmux;

#[test]
fn ge2019_map_cursor_filters_and_enter() {
    let ge2019 = data::ge2019();
    let tmux = Tmux::start("map", 120, 40);
    tmux.launch(&format!("'{}'", ge2019.display()));
    tmux.wait_text("650 of 650 contests");
    tmux.keys(&["9"]);
    let screen = tmux.wait_text("Map · uk-2010 · winner · placed 650 of 650 contests");
    assert!(screen.contains("Con 365 · ██ Lab 202"), "{screen}");

    // A search leaves one seat listed: the rest are dimmed, the cursor goes to it.
    tmux.type_text("/stockport");
    tmux.keys(&["Enter"]);
    let screen = tmux.wait_for("the search on the map", |s| {
        s.contains("1 of 650 contests") && s.contains("649 left out by the filters")
    });
    assert!(
        screen.contains("│Stockport: Navendu Mishra (Labour)"),
        "{screen}"
    );

    // → steps to the neighbour (left out by the search), ← comes back.
    tmux.keys(&["Right"]);
    tmux.wait_text("│Hazel Grove: William Wragg (Conservative)");
    tmux.wait_text("(left out by the filters)");
    tmux.keys(&["h"]);
    tmux.wait_text("│Stockport: Navendu Mishra");

    // Enter opens the seat's detail beside the list.
    tmux.keys(&["Enter"]);
    let screen = tmux.wait_for("Stockport's detail", |s| {
        s.contains("Detail") && s.contains("Stockport, 2019 general election")
    });
    assert!(!screen.contains("Map · uk-2010"), "{screen}");
    tmux.keys(&["q"]);
    tmux.wait_text("exit=0");
    tmux.assert_restored();
}
