//! A large list's aggregate views worked out off the UI thread: `update` asks through the
//! outbox (`Effect::WorkOut`) and the view stays drawn — a line saying what is being worked
//! out, or its last figures marked `updating…` — until the answer (`Action::ViewData`)
//! arrives; an answer for rows listed before is dropped. The threshold is lowered so the
//! shipped dataset counts as large.

use crate::support::tui::{app, press, screen, step};
use hustings::explorer::action::Action;
use hustings::explorer::aggregates::{self, Aggregate, Request, ViewData};
use hustings::explorer::app::{App, Freshness};
use hustings::explorer::background_work::Job;
use hustings::explorer::effect::Effect;

/// The shipped dataset, its aggregates worked out off the UI thread whatever the list's size.
fn large_app() -> App {
    let mut app = app(120, 40);
    app.work_in_background_from = 1;
    app
}

/// The view-data requests in the outbox, taken from it.
fn requests(app: &mut App) -> Vec<Request> {
    (app.take_effects().into_iter())
        .map(|e| match e {
            Effect::WorkOut(request) => request,
            other => panic!("only view data asked for, not {other:?}"),
        })
        .collect()
}

/// The worker's answer to `request`, handed to the app as the event loop does.
fn answer(app: &mut App, request: &Request) {
    step(app, Action::ViewData(Box::new(request.work_out())));
}

/// The scoreboard's title line.
fn title(app: &App) -> String {
    let shown = screen(app);
    let line = shown.lines().find(|l| l.contains("Scoreboard:"));
    line.unwrap_or_else(|| panic!("no scoreboard:\n{shown}"))
        .to_string()
}

#[test]
fn a_large_lists_scoreboard_is_asked_for_shown_when_ready_and_updated_after_a_filter() {
    let mut app = large_app();
    let all = app.rows.len();
    press(&mut app, "2");
    // Asked for once, with the rows as listed; nothing to show yet but what is happening.
    let first = requests(&mut app);
    assert_eq!(first.len(), 1, "{first:?}");
    assert_eq!(
        (first[0].which, &first[0].rows),
        (Aggregate::Scoreboard, &app.rows)
    );
    let shown = screen(&app);
    assert!(
        shown.contains(&format!("working out the scoreboard for {all} contests…")),
        "{shown}"
    );
    assert!(!shown.contains("Decided"), "{shown}");
    // Keys go on working meanwhile, and nothing is asked twice.
    press(&mut app, "jk");
    assert!(requests(&mut app).is_empty());

    // A filter before the answer: the new rows are asked for.
    press(&mut app, "p");
    let decided = app.rows.len();
    assert!(decided < all);
    let second = requests(&mut app);
    assert_eq!(second.len(), 1, "{second:?}");
    assert_eq!(second[0].rows, app.rows);
    assert!(second[0].version > first[0].version);
    // The answer to the first request, arriving late, is for rows no longer listed: dropped.
    answer(&mut app, &first[0]);
    assert_eq!(app.views.board, None);
    let shown = screen(&app);
    assert!(
        shown.contains(&format!(
            "working out the scoreboard for {decided} contests…"
        )),
        "{shown}"
    );

    answer(&mut app, &second[0]);
    let board = app.views.board.clone().expect("the scoreboard arrived");
    assert_eq!(
        ViewData::Scoreboard(board.clone()),
        aggregates::work_out(
            app.data.as_ref().unwrap(),
            Aggregate::Scoreboard,
            &app.rows,
            &[]
        )
    );
    assert_eq!(board.totals.contests, decided);
    assert_eq!(
        app.views.freshness(Aggregate::Scoreboard),
        Freshness::Current
    );
    assert!(screen(&app).contains(&format!("Decided {}", board.totals.decided)));
    assert!(!title(&app).contains("updating"), "{}", title(&app));

    // Another filter: the last figures stay, marked, while the new rows' are worked out.
    press(&mut app, "p");
    let third = requests(&mut app);
    assert_eq!(third.len(), 1, "{third:?}");
    assert!(title(&app).contains("updating…"), "{}", title(&app));
    assert_eq!(app.views.board.as_ref(), Some(&board));
    assert!(screen(&app).contains(&format!("Decided {}", board.totals.decided)));

    answer(&mut app, &third[0]);
    let pending = app.views.board.clone().unwrap();
    assert_eq!(pending.totals.contests, app.rows.len());
    assert_ne!(pending, board);
    assert!(!title(&app).contains("updating"), "{}", title(&app));
}

#[test]
fn every_aggregate_view_says_what_it_is_working_out_and_q_quits_meanwhile() {
    let mut app = large_app();
    let all = app.rows.len();
    for (key, noun) in [
        ("3", "the endorsement record"),
        ("4", "the timeline"),
        ("8", "the seats changing hands"),
    ] {
        press(&mut app, key);
        let asked = requests(&mut app);
        assert_eq!(asked.len(), 1, "{key}: {asked:?}");
        let shown = screen(&app);
        assert!(
            shown.contains(&format!("working out {noun} for {all} contests…")),
            "{key}:\n{shown}"
        );
        // Its answer shows the view itself.
        answer(&mut app, &asked[0]);
        assert!(!screen(&app).contains("working out"), "{key}");
        assert!(app.views.freshness(asked[0].which) == Freshness::Current);
    }
    // A filter on view 8, then view 2: each asks for its own.
    press(&mut app, "p2");
    let asked: Vec<Aggregate> = requests(&mut app).iter().map(|r| r.which).collect();
    assert_eq!(asked, [Aggregate::Changes, Aggregate::Scoreboard]);
    assert!(app.views.awaiting());
    press(&mut app, "q");
    assert!(app.should_quit);
}

#[test]
fn a_small_list_is_worked_out_at_once() {
    let mut app = app(120, 40);
    press(&mut app, "2p3p4p8");
    assert!(app.take_effects().is_empty());
    assert!(!screen(&app).contains("working out"));
    assert!(!app.views.awaiting());
}

/// Working out the figures failed on the worker (a bug it caught): the view says so and stops
/// waiting; the next list asks again.
#[test]
fn a_view_whose_figures_could_not_be_worked_out_says_so_and_stops_waiting() {
    let mut app = large_app();
    press(&mut app, "2");
    let asked = requests(&mut app);
    assert!(app.views.awaiting());
    step(&mut app, Action::ViewData(Box::new(asked[0].failed())));
    let shown = screen(&app);
    assert!(
        shown.contains("could not work out the scoreboard"),
        "{shown}"
    );
    assert!(!shown.contains("working out the scoreboard"), "{shown}");
    assert!(!app.views.awaiting());
    // Another list: asked again, and shown when it comes.
    press(&mut app, "s");
    let again = requests(&mut app);
    assert_eq!(again.len(), 1, "{again:?}");
    answer(&mut app, &again[0]);
    assert!(!screen(&app).contains("could not work out"));
    assert!(title(&app).contains("Scoreboard:"));
}

/// The map of a large list is placed off the UI thread too (at a million contests, over a
/// second's work): the view says so until it comes, then draws it; after a filter the last
/// map stays, marked, until the new one comes.
#[test]
fn a_large_lists_map_is_placed_off_the_ui_thread() {
    let mut app = large_app();
    press(&mut app, "9");
    let asked = requests(&mut app);
    assert_eq!(asked.len(), 1, "{asked:?}");
    assert_eq!(asked[0].which, Aggregate::Map);
    let shown = screen(&app);
    assert!(
        shown.contains("working out the map for 17 contests…"),
        "{shown}"
    );
    answer(&mut app, &asked[0]);
    let shown = screen(&app);
    assert!(
        shown.contains("Map · uk-2010 · winner · placed 16 of 17 contests"),
        "{shown}"
    );
    assert!(!shown.contains("updating"), "{shown}");
    // The cursor is on the selected contest's seat, as when the map is placed at once.
    let placed_at_once = {
        let mut small = crate::support::tui::app(120, 40);
        press(&mut small, "9");
        small.views.map.cursor
    };
    assert_eq!(app.views.map.cursor, placed_at_once);

    press(&mut app, "p");
    let again = requests(&mut app);
    assert_eq!(again.len(), 1, "{again:?}");
    let shown = screen(&app);
    assert!(
        shown.contains("placed 16 of 17 contests · updating…"),
        "{shown}"
    );
    answer(&mut app, &again[0]);
    let shown = screen(&app);
    let placed = app.views.map.picture.as_ref().unwrap().placement_words();
    assert_eq!(placed, format!("placed 9 of {} contests", app.rows.len()));
    assert!(shown.contains(&placed), "{shown}");
    assert!(!shown.contains("updating"), "{shown}");
}
