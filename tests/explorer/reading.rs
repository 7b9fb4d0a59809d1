//! Reading the explorer (issue 17): the sorted-by column at every width and results before
//! context, filters as chips that messages never hide (and that read apart without colour),
//! messages whole above the status line, prompts scrolled to what is typed, signs of more in
//! every scrolling pane, and hints that do not mislead.

use hustings::explorer::action::Action;
use hustings::explorer::app::{Overlay, View};
use hustings::explorer::theme::Theme;
use hustings::load::{Loaded, parse};
use hustings::query::SortKey;

use crate::support::tui::{self, app_on, app_with, pane, press, screen, status, status_bar, step};

/// The list pane's column titles at `width`×`height`, sorted by `sort`.
fn list_header(width: u16, height: u16, sort: SortKey) -> String {
    let mut app = tui::app(width, height);
    let mut query = app.query.clone();
    query.sort.key = sort;
    step(&mut app, Action::SetQuery(Box::new(query)));
    let shown = screen(&app);
    pane(&shown, "Contests")[0].clone()
}

#[test]
fn the_sorted_by_column_shows_at_every_width() {
    for (width, height) in [
        (40, 12),
        (80, 24),
        (100, 30),
        (120, 40),
        (160, 40),
        (200, 60),
    ] {
        for (sort, title) in [
            (SortKey::Date, "Date↓"),
            (SortKey::Title, "Contest↓"),
            (SortKey::Region, "Region↓"),
            (SortKey::Margin, "Margin↓"),
            (SortKey::Turnout, "Turnout↓"),
        ] {
            let header = list_header(width, height, sort);
            let shown = header.contains(title) || header.contains(&title[..title.len() - 4]);
            assert!(shown, "{sort:?} at {width}×{height}: {header}");
        }
    }
    // Reversed, the arrow says so.
    let mut app = tui::app(120, 40);
    press(&mut app, "S");
    assert!(pane(&screen(&app), "Contests")[0].contains("Date↑"));
}

#[test]
fn the_winner_shows_beside_the_detail_and_context_is_never_cut() {
    for width in [100, 120] {
        let header = list_header(width, 40, SortKey::Date);
        assert!(header.contains("Winner"), "{width}: {header}");
    }
    let mut app = tui::app(200, 60);
    let shown = screen(&app);
    let rows = pane(&shown, "Contests");
    for want in ["Winner", "Share", "Margin", "Region"] {
        assert!(rows[0].contains(want), "{want}: {}", rows[0]);
    }
    // The region whole, never `Yorkshire and t…`; a kind, where shown, never `general`.
    assert!(rows.iter().any(|r| r.contains("Yorkshire and the Humber")));
    assert!(!shown.contains("Yorkshire and t…"));
    if rows[0].contains("Kind") {
        assert!(rows.iter().any(|r| r.contains("general election")));
    }
    // Sorted by margin: the margin is on each row.
    press(&mut app, "sss");
    assert_eq!(app.query.sort.key, SortKey::Margin);
    assert!(screen(&app).contains("120 (20.3 pts)"));
}

#[test]
fn messages_never_hide_the_filters() {
    let mut app = tui::app(100, 30);
    press(&mut app, "rjj\np");
    step(&mut app, Action::Notice("reloaded at 21:07:44".into()));
    let bar = status_bar(&app);
    assert!(
        bar.contains("[region: North West] [status: decided]"),
        "{bar}"
    );
    assert!(status(&app).starts_with("reloaded at 21:07:44"));
    // Gone at the next key, and the rows it took are the list's again.
    let rows = app.list_height();
    press(&mut app, "j");
    assert!(!status(&app).contains("reloaded"));
    assert_eq!(app.list_height(), rows + 1);
}

#[test]
fn a_prompts_refusal_is_shown_whole_and_the_prompt_scrolls_to_the_cursor() {
    let mut app = tui::app(80, 24);
    press(&mut app, "d20foo\n");
    let said = status(&app);
    let error = match &app.overlay {
        Overlay::Input(input) => input.error.clone().expect("refused"),
        other => panic!("the prompt stays open: {other:?}"),
    };
    assert!(said.contains(&format!("⚠ {error}")), "{said}");
    assert!(!said.contains('…'), "{said}");
    // At 40 columns the date prompt shows what is typed, not the start of its label.
    let mut app = tui::app(40, 12);
    press(&mut app, "d2019-06..2019-12");
    let bar = status_bar(&app);
    assert!(bar.contains("2019-06..2019-12▏"), "{bar}");
    assert!(bar.starts_with('…'), "{bar}");
}

#[test]
fn filters_are_chips_told_apart_without_colour_and_removed_one_by_one() {
    let mut app = app_with(120, 40, Theme { color: false });
    press(&mut app, "rjj\n");
    press(&mut app, "p");
    press(&mut app, "/mishra\n");
    let bar = status_bar(&app);
    assert!(
        bar.contains("[region: North West] [status: decided] [search: \"mishra\"]"),
        "{bar}"
    );
    // x, then ← to the status, x removes it alone.
    press(&mut app, "x");
    assert_eq!(app.overlay, Overlay::Chips(2));
    press(&mut app, "h");
    assert_eq!(app.overlay, Overlay::Chips(1));
    assert!(status_bar(&app).contains("x removes"));
    press(&mut app, "x");
    assert!(app.query.filter.statuses.is_empty());
    assert_eq!(app.query.filter.regions, ["north-west"]);
    assert_eq!(app.query.filter.search, "mishra");
    press(&mut app, "xx");
    assert_eq!(app.overlay, Overlay::None, "no chips left");
    assert!(status_bar(&app).contains("no filters"));
    // Without filters, x says so.
    press(&mut app, "x");
    assert_eq!(app.notice.as_deref(), Some("no filters to remove"));
}

#[test]
fn scrolling_panes_say_there_is_more() {
    let mut app = tui::app(80, 24);
    press(&mut app, "?");
    assert!(screen(&app).contains("↓ more"), "{}", screen(&app));
    press(&mut app, "G");
    let shown = screen(&app);
    assert!(
        shown.contains("↑ more") && !shown.contains("↓ more"),
        "{shown}"
    );
    assert!(
        shown.contains("q, Ctrl-c"),
        "the last line of help: {shown}"
    );
    press(&mut app, "?");
    press(&mut app, "\n");
    assert!(screen(&app).contains("↓ more"));
    press(&mut app, "\x1b2");
    assert!(screen(&app).contains("↓ more"));
    // A pane that fits says nothing.
    let mut app = tui::app(200, 60);
    press(&mut app, "2");
    assert!(!screen(&app).contains("more "));
}

fn empty() -> Loaded {
    let dataset = parse("empty.json", br#"{"schema_version": 1, "contests": []}"#).unwrap();
    Loaded {
        dataset,
        warnings: Vec::new(),
        sources: vec!["empty.json".into()],
        titles: Vec::new(),
        conflicts: Vec::new(),
        notes: Vec::new(),
        versions: hustings::load::Versions::default(),
        derived: hustings::load::Derived::default(),
    }
}

#[test]
fn hints_say_what_works_where_the_user_is() {
    // While typing a search, c is a letter: the hint names keys that work there.
    let mut app = tui::app(120, 40);
    press(&mut app, "/zzzz");
    let shown = screen(&app);
    assert!(!shown.contains("Press c"), "{shown}");
    assert!(shown.contains("Backspace widens it"), "{shown}");
    // Nor is ? help there (it is a letter too); it is again once the typing ends.
    assert!(!status_bar(&app).contains("? help"), "{}", status_bar(&app));
    press(&mut app, "\n");
    let shown = screen(&app);
    assert!(shown.contains("Press x to remove filters"), "{shown}");
    assert!(!shown.contains("Backspace"), "{shown}");
    // An empty file is not a filter to clear.
    let app = app_on(empty(), 120, 40);
    let shown = screen(&app);
    assert!(shown.contains("The data has no contests."), "{shown}");
    assert!(!shown.contains("Press c"), "{shown}");
    // Without colour, the legend speaks of no colour.
    let mut app = app_with(120, 40, Theme { color: false });
    press(&mut app, "2");
    let shown = screen(&app);
    assert!(shown.contains("█ won  ▒ decided"), "{shown}");
    assert!(!shown.contains("colour"), "{shown}");
    press(&mut app, "4");
    assert!(!screen(&app).contains("colour"));
    // The faction picker says whose faction it filters.
    let mut app = tui::app(120, 40);
    press(&mut app, "f");
    assert!(screen(&app).contains("Winner's faction (a: any candidate's)"));
    press(&mut app, "a");
    assert!(screen(&app).contains("Any candidate's faction (a: the winner's)"));
}

#[test]
fn rounds_and_history_show_their_pane_where_one_pane_fits() {
    let mut app = tui::app(80, 24);
    press(&mut app, "5");
    assert_eq!(app.view, View::Rounds);
    assert!(
        screen(&app).contains("No round-by-round count"),
        "{}",
        screen(&app)
    );
    press(&mut app, "\x1b");
    assert!(pane(&screen(&app), "Contests").len() > 3);
    press(&mut app, "6");
    assert!(screen(&app).contains("Seat history"), "{}", screen(&app));
}
