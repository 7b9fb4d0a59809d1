//! The explorer marks inferred values outside the detail pane too: `†` in the list's columns,
//! and footnotes under the scoreboard's tallies and the timeline (on the shipped dataset).

use crate::support::tui::{app, pane, press, screen};

#[test]
fn the_list_marks_inferred_values_in_its_columns() {
    let app = app(200, 30);
    let rows = pane(&screen(&app), "Contests");
    let row = |title: &str| {
        rows.iter()
            .find(|l| l.contains(title))
            .unwrap_or_else(|| panic!("{title}:\n{}", rows.join("\n")))
            .clone()
    };
    let birkenhead = row("Birkenhead");
    assert!(birkenhead.contains("LL †"), "{birkenhead}");
    let hazel = row("Hazel Grove");
    assert!(hazel.contains("8 Jun 2017 †"), "{hazel}");
    let bury = row("Bury South");
    assert!(!bury.contains('†'), "{bury}");
    assert!(row("Labour leadership").contains("2020 †"));
}

#[test]
fn the_scoreboard_footnotes_the_counts_resting_on_inferred_values() {
    let mut app = app(120, 60);
    press(&mut app, "2");
    let shown = screen(&app);
    assert!(
        shown.contains(
            "† Labour left / Momentum: 2 of its 6 wins and its 1 loss rest on an inferred faction"
        ),
        "{shown}"
    );
    assert!(
        shown.contains("† 13 of the 16 contests with a region rest on an inferred region"),
        "{shown}"
    );
}

#[test]
fn the_scoreboard_counts_each_kind_of_contest_apart() {
    let mut app = app(120, 60);
    press(&mut app, "2");
    let shown = screen(&app);
    assert!(
        shown.contains("Counted together: 14 selections, 1 leadership election, 2 general"),
        "{shown}"
    );
    assert!(
        shown.contains("Labour left / Momentum: selections: won 6; general elections: lost 1"),
        "{shown}"
    );
}

#[test]
fn the_timeline_footnotes_the_dates_that_are_inferred() {
    let mut app = app(120, 60);
    press(&mut app, "4");
    let shown = screen(&app);
    assert!(
        shown.contains("† 6 of the 10 dated contests rest on an inferred date"),
        "{shown}"
    );
}
