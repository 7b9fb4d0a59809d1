//! The explorer's views beyond the contest list — scoreboard, endorsers, timeline, rounds, seat
//! history, compare — driven by keys and snapshotted, on the shipped dataset and on
//! tests/data/views.json (a three-round preferential count, a constituency fought three times
//! with ids in two spellings and a name in capitals, a general election with three parties).

use std::path::PathBuf;

use crate::support::data::{real_data, seed_file};

use crate::support::tui::{self, app, app_on, draw, key, press, screen, select, titles};
use hustings::explorer::action::Action;
use hustings::explorer::app::{App, View};
use hustings::explorer::theme::Theme;
use hustings::load::{self, DataSource, Loaded};
use hustings::query::Index;
use hustings::stats;
use hustings::stats::Backing;
use ratatui::crossterm::event::KeyCode;

fn views_fixture() -> Loaded {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/views.json");
    load::load(&[DataSource::File(path)]).expect("the views fixture loads")
}

fn fixture_app() -> App {
    app_on(views_fixture(), 120, 40)
}

/// The ids of the contests in the seat history pane, oldest first.
fn history_ids(app: &App) -> Vec<String> {
    let ds = app.data.as_ref().unwrap().dataset();
    app.views
        .history
        .iter()
        .map(|&i| ds.contests[i].id.to_string())
        .collect()
}

#[test]
fn number_keys_switch_views_and_the_tabs_say_which() {
    // Wide enough for all nine tabs in full.
    let mut app = app(130, 40);
    let header = |app: &App| screen(app).lines().next().unwrap().to_string();
    assert!(
        header(&app).contains("1 Contests  2 Scoreboard  3 Endorsers"),
        "{}",
        header(&app)
    );
    for (k, view) in ('1'..='9').zip(View::ALL) {
        press(&mut app, &k.to_string());
        assert_eq!(app.view, view);
    }
    // Esc leaves a full-screen view for the contest list.
    press(&mut app, "2\x1b");
    assert_eq!(app.view, View::Contests);
    // On a narrow screen the other tabs shrink to their numbers.
    let mut narrow = tui::app(80, 24);
    press(&mut narrow, "3");
    let top = header(&narrow);
    assert!(top.contains(" 3 Endorsers "), "{top}");
    assert!(!top.contains("Scoreboard"), "{top}");
}

#[test]
fn scoreboard_on_the_shipped_dataset() {
    let mut app = app(120, 40);
    press(&mut app, "2");
    insta::assert_snapshot!(draw(&app).backend());
}

#[test]
fn scoreboard_on_the_fixture_has_seats_per_party() {
    let mut app = fixture_app();
    press(&mut app, "2");
    let shown = screen(&app);
    assert!(
        shown.contains("Seats per party (3 seats: 3 decided, 0 pending)"),
        "{shown}"
    );
    insta::assert_snapshot!(draw(&app).backend());
}

#[test]
fn the_scoreboard_follows_the_filters() {
    let mut app = app(120, 40);
    // Region picker: any, North East, North West.
    press(&mut app, "rjj\n2");
    let ds = app.data.as_ref().unwrap().dataset();
    let board = app.views.board.clone().unwrap();
    let mut expected = stats::scoreboard(&Index::build(ds), &app.rows);
    // What only the dataset can tell: the one election of its seats, shares since the last.
    expected.election = stats::one_general_election(ds, &app.rows);
    let changes = hustings::model::change::Changes::build(ds);
    stats::add_previous_shares(ds, &changes, &app.rows, &mut expected.parties);
    expected.inferred = stats::inferred::inferred_counts(ds, &app.rows);
    expected.kinds = stats::kinds::factions_per_kind(ds, &Index::build(ds), &app.rows);
    assert_eq!(board, expected);
    assert_eq!(board.totals.contests, 8);
    assert_eq!(board.regions.len(), 1);
    assert!(screen(&app).contains("Scoreboard: 8 of 17 contests"));
    // Scrolling moves the view and stops at its end.
    press(&mut app, "G");
    let max = app.views.scroll_max;
    press(&mut app, "j");
    assert_eq!(app.views.scroll, max);
    press(&mut app, "g");
    assert_eq!(app.views.scroll, 0);
}

#[test]
fn endorsers_on_the_shipped_dataset_sort_and_list_their_contests() {
    let mut app = app(120, 40);
    press(&mut app, "3");
    insta::assert_snapshot!("endorsers_seed", draw(&app).backend());
    let names =
        |app: &App| -> Vec<String> { app.views.endorsers.iter().map(|r| r.name.clone()).collect() };
    assert_eq!(names(&app)[0], "Unite");
    // s: by candidates backed; again: by win rate (no decided candidate last); then by name.
    press(&mut app, "s");
    assert!(screen(&app).contains("by backed ↓"));
    press(&mut app, "s");
    // Last: the records with no decided candidate, ending with the nominations (counted apart).
    let last = app.views.endorsers.last().unwrap();
    assert_eq!(
        (last.name.as_str(), last.backing, last.win_rate()),
        ("National Union of Mineworkers", Backing::Nomination, None)
    );
    press(&mut app, "s");
    assert_eq!(names(&app)[0], "Angela Rayner");
    press(&mut app, "S");
    assert_eq!(names(&app)[0], "Unite");
    assert!(screen(&app).contains("by name ↑"));
    // Back to the default order; Enter on Unite lists its candidates' three contests.
    press(&mut app, "sS");
    assert_eq!(names(&app)[0], "Unite");
    press(&mut app, "g\n");
    assert_eq!(app.view, View::Contests);
    assert_eq!(app.query.filter.endorsers, ["Unite"]);
    assert_eq!(app.rows.len(), 3, "{:?}", titles(&app));
    let shown = screen(&app);
    assert!(shown.contains("endorsed by: Unite"), "{shown}");
    insta::assert_snapshot!("endorsers_seed_enter_lists_contests", draw(&app).backend());
}

#[test]
fn endorsers_on_the_fixture_merge_spellings() {
    let mut app = fixture_app();
    press(&mut app, "3");
    let union_a = &app.views.endorsers[0];
    // "Union A" and "union a" are one endorser: Ash (won), Cedar (lost), Jo Smith (won).
    assert_eq!(
        (
            union_a.name.as_str(),
            union_a.endorsed,
            union_a.won,
            union_a.lost
        ),
        ("Union A", 3, 2, 1)
    );
    press(&mut app, "j");
    insta::assert_snapshot!(draw(&app).backend());
}

#[test]
fn timeline_on_the_shipped_dataset_keeps_years_out_of_january() {
    let mut app = app(120, 40);
    press(&mut app, "4");
    let shown = screen(&app);
    assert!(shown.contains("2019 (month unknown)"), "{shown}");
    assert!(!shown.contains("Jan 2019"), "{shown}");
    assert!(shown.contains("Jul 2017 – Sep 2019 (27 months)"), "{shown}");
    insta::assert_snapshot!(draw(&app).backend());
}

#[test]
fn timeline_on_the_fixture() {
    let mut app = fixture_app();
    press(&mut app, "4");
    let shown = screen(&app);
    assert!(shown.contains("5 dated to the month or day · 1 known only to the year · 1 undated"));
    insta::assert_snapshot!(draw(&app).backend());
}

#[test]
fn rounds_step_through_a_three_round_count() {
    let mut app = fixture_app();
    select(&mut app, "leadership-2023");
    press(&mut app, "5");
    insta::assert_snapshot!("rounds_fixture_round_1", draw(&app).backend());
    key(&mut app, KeyCode::Right);
    let round2 = screen(&app);
    assert!(round2.contains("Round 2 of 3"), "{round2}");
    assert!(round2.contains("out after round 1"), "{round2}");
    insta::assert_snapshot!("rounds_fixture_round_2", draw(&app).backend());
    press(&mut app, "]]");
    assert_eq!(app.current_round(), 2, "stepping stops at the last round");
    insta::assert_snapshot!("rounds_fixture_round_3", draw(&app).backend());
    press(&mut app, "[");
    assert_eq!(app.current_round(), 1);
    // Another contest starts at its first round; coming back finds the round left.
    press(&mut app, "j");
    assert_eq!(app.current_round(), 0);
    press(&mut app, "k");
    assert_eq!(app.current_round(), 1);
    // ← and → do nothing outside the rounds view.
    press(&mut app, "1");
    key(&mut app, KeyCode::Right);
    press(&mut app, "5");
    assert_eq!(app.current_round(), 1);
}

#[test]
fn rounds_on_the_shipped_dataset_say_there_are_none() {
    let mut app = app(120, 40);
    press(&mut app, "5");
    let shown = screen(&app);
    assert!(shown.contains("No round-by-round count is recorded for this contest."));
    assert!(shown.contains("None of the listed contests has one."));
    insta::assert_snapshot!(draw(&app).backend());
}

#[test]
fn seat_history_on_the_shipped_dataset() {
    let mut app = app(120, 40);
    select(&mut app, "stockport-selection-2019");
    press(&mut app, "6");
    assert_eq!(
        history_ids(&app),
        ["stockport-ge-2017", "stockport-selection-2019"]
    );
    insta::assert_snapshot!(draw(&app).backend());
    // Esc leaves the view; with the pane focused, the first Esc leaves the pane.
    press(&mut app, "\t\x1b");
    assert_eq!(app.view, View::History);
    press(&mut app, "\x1b");
    assert_eq!(app.view, View::Contests);
}

#[test]
fn seat_history_on_the_fixture_matches_ids_and_names_and_counts_what_filters_hide() {
    let mut app = fixture_app();
    select(&mut app, "northtown-ge-2019");
    press(&mut app, "6");
    assert_eq!(
        history_ids(&app),
        [
            "northtown-ge-2017",
            "northtown-selection-2019",
            "northtown-ge-2019"
        ]
    );
    insta::assert_snapshot!(draw(&app).backend());
    // Only general elections: the selection is hidden, and the pane says so.
    press(&mut app, "tjjj \n");
    assert_eq!(
        history_ids(&app),
        ["northtown-ge-2017", "northtown-ge-2019"]
    );
    assert_eq!(app.views.history_hidden, 1);
    assert!(screen(&app).contains("1 more hidden by the filters"));
    // The selection moves: so does the history.
    select(&mut app, "southby-ge-2019");
    assert_eq!(history_ids(&app), ["southby-ge-2019"]);
}

#[test]
fn seat_history_joins_the_seed_and_the_real_ge2019_results() {
    let ge2019 = hustings::import::hoc::candidates(&hustings::import::hoc::Options {
        candidates: real_data("HoC-GE2019-results-by-candidate.csv"),
        constituencies: Some(real_data("HoC-GE2019-results-by-constituency.csv")),
        ..Default::default()
    })
    .expect("the real GE2019 files import");
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("ge2019.json");
    std::fs::write(&file, serde_json::to_vec(&ge2019.dataset).unwrap()).unwrap();
    let loaded = load::load(&[DataSource::File(seed_file()), DataSource::File(file)]).unwrap();
    let mut app = app_on(loaded, 120, 40);
    // Narrowed to Stockport first, so the selection does not walk 667 rows.
    press(&mut app, "/stockport\n");
    select(&mut app, "ge2019-e14000969");
    press(&mut app, "6");
    assert_eq!(
        history_ids(&app),
        [
            "stockport-ge-2017",
            "stockport-selection-2019",
            "ge2019-e14000969"
        ]
    );
    let shown = screen(&app);
    assert!(shown.contains("Seat history: Stockport"), "{shown}");
    assert!(shown.contains("✓ Navendu Mishra"), "{shown}");
}

#[test]
fn compare_two_marked_contests_on_the_shipped_dataset() {
    let mut app = app(120, 40);
    press(&mut app, "7");
    assert!(screen(&app).contains("Mark two contests with m"));
    press(&mut app, "1");
    select(&mut app, "stockport-selection-2019");
    press(&mut app, "m");
    assert!(screen(&app).contains("marked Stockport Labour selection"));
    select(&mut app, "bury-south-selection-2019");
    press(&mut app, "m");
    assert_eq!(
        app.marks,
        ["stockport-selection-2019", "bury-south-selection-2019"]
    );
    let shown = screen(&app);
    assert!(shown.contains("[A] Stockport"), "{shown}");
    assert!(shown.contains("[B] Bury South"), "{shown}");
    insta::assert_snapshot!("compare_seed_marks_in_the_list", draw(&app).backend());
    press(&mut app, "7");
    insta::assert_snapshot!("compare_seed", draw(&app).backend());
    // A third mark replaces the oldest; m on a marked contest unmarks it.
    press(&mut app, "1");
    select(&mut app, "birkenhead-selection-2019");
    press(&mut app, "m");
    assert_eq!(
        app.marks,
        ["bury-south-selection-2019", "birkenhead-selection-2019"]
    );
    press(&mut app, "m");
    assert_eq!(app.marks, ["bury-south-selection-2019"]);
    // One mark: compared with the selected contest.
    press(&mut app, "7");
    let shown = screen(&app);
    assert!(shown.contains("B (selected)"), "{shown}");
    assert!(shown.contains("Birkenhead Labour selection"), "{shown}");
}

#[test]
fn compare_on_the_fixture() {
    let mut app = fixture_app();
    select(&mut app, "northtown-ge-2017");
    press(&mut app, "m");
    select(&mut app, "northtown-ge-2019");
    press(&mut app, "m7");
    insta::assert_snapshot!(draw(&app).backend());
    // Stacked on a narrow screen.
    app.update(Action::Resize(70, 40));
    let shown = screen(&app);
    assert!(
        shown.contains("A (marked)") && shown.contains("B (marked)"),
        "{shown}"
    );
}

#[test]
fn views_without_colour_still_tell_factions_apart() {
    let mut app = app_on(views_fixture(), 120, 40);
    app.theme = Theme { color: false };
    press(&mut app, "2");
    insta::assert_snapshot!(draw(&app).backend());
}

/// The lines of the README's indented capture that follows `intro`.
fn readme_capture(intro: &str) -> Vec<String> {
    let readme =
        std::fs::read_to_string(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("README.md"))
            .unwrap();
    let start = readme.find(intro).expect("the README has the capture");
    readme[start..]
        .lines()
        .skip_while(|l| !l.starts_with("    "))
        .take_while(|l| l.starts_with("    "))
        .map(|l| l[4..].to_string())
        .collect()
}

#[test]
fn the_readme_captures_are_what_the_explorer_draws() {
    let mut app = app(100, 30);
    press(&mut app, "2");
    let drawn: Vec<String> = screen(&app)
        .lines()
        .map(|l| l.trim_end().to_string())
        .collect();
    let board = readme_capture("The scoreboard of the shipped dataset");
    assert_eq!(board.len(), 30);
    for line in &board {
        assert!(
            drawn.contains(line),
            "README line not drawn:\n{line}\n{}",
            drawn.join("\n")
        );
    }
    press(&mut app, "1jjj");
    let drawn: Vec<String> = screen(&app)
        .lines()
        .map(|l| l.trim_end().to_string())
        .collect();
    let chart = readme_capture("A contest's vote-share chart");
    assert_eq!(chart, drawn[..20]);
}

/// A count with several seats lists its winners in the order elected, in the list and the
/// detail alike (Minneapolis Park Board 2013: Erwin, then Young and Forney).
#[test]
fn several_seats_are_elected_in_order_in_the_list_and_the_detail() {
    let loaded = load::load(&[DataSource::File(real_data(
        "rcv/2013_minneapolis_park.json",
    ))])
    .expect("the count opens");
    // Tall enough for the detail's facts below its chart and candidates.
    let app = app_on(loaded, 160, 80);
    let drawn = screen(&app);
    // The list's winner column is as wide as it can be; the detail says it whole.
    assert!(drawn.contains("Elected: JOHN ERWIN, AN…"), "{drawn}");
    assert!(
        drawn.contains("│Elected         JOHN ERWIN, ANNIE YOUNG, MEG FORNEY"),
        "{drawn}"
    );
    assert!(!drawn.contains("Winner's share"), "{drawn}");
}

#[test]
fn rounds_jump_to_the_first_and_last_round_of_the_real_minneapolis_park_count() {
    let file = real_data("rcv/2013_minneapolis_park.json");
    let loaded = load::load(&[DataSource::File(file)]).expect("the RCTab summary loads");
    let mut app = app_on(loaded, 120, 40);
    press(&mut app, "5");
    let of = app.selected_contest().unwrap().rounds.len();
    assert!(of > 2, "a count of several rounds: {of}");
    let border = |app: &App| screen(app).lines().nth(1).unwrap().to_string();
    assert!(
        border(&app).contains(&format!("Round 1 of {of}:")),
        "{}",
        border(&app)
    );
    // `}`: the last round at once, and the border says so.
    press(&mut app, "}");
    assert_eq!(app.current_round(), of - 1);
    assert!(
        border(&app).contains(&format!("Round {of} of {of}:")),
        "{}",
        border(&app)
    );
    assert!(screen(&app).contains("{ first · ←"), "{}", screen(&app));
    // Again: it stays there. `{`: back to the first.
    press(&mut app, "}");
    assert_eq!(app.current_round(), of - 1);
    press(&mut app, "[{");
    assert_eq!(app.current_round(), 0);
    assert!(
        border(&app).contains(&format!("Round 1 of {of}:")),
        "{}",
        border(&app)
    );
    // With the count's pane focused, G and End still scroll it and leave the round alone.
    press(&mut app, "}\tG");
    assert_eq!(app.current_round(), of - 1);
    press(&mut app, "{");
    assert_eq!(app.current_round(), 0);
    // Outside the rounds view the keys do nothing.
    press(&mut app, "\x1b\x1b1}");
    press(&mut app, "5");
    assert_eq!(app.current_round(), 0);
}

/// A count of several seats (Eastpointe 2019, 2 seats, quota 134): the round that elects
/// Harvey Curley marks his surplus beside his bar, says where his ballots went, and lists the
/// seats filled in order with their quotas and surpluses.
#[test]
fn rounds_show_the_quota_surplus_and_seats_filled_of_a_real_stv_count() {
    let file = real_data("rcv/eastpointe_mi_2019_council_stv.json");
    let loaded = load::load(&[DataSource::File(file)]).expect("the count loads");
    let mut app = app_on(loaded, 240, 50);
    press(&mut app, "5]");
    let shown = screen(&app);
    assert!(
        shown.contains("Round 2 of 5 · 2 seats · threshold 134"),
        "{shown}"
    );
    let curley = shown
        .lines()
        .find(|l| l.contains("✓ Harvey Curley"))
        .unwrap_or_default();
    assert!(curley.contains("surplus 10"), "{shown}");
    assert!(
        shown.contains("Harvey Curley: 9.9936 transferred, 0.0064 residual surplus"),
        "{shown}"
    );
    assert!(shown.contains("Seats filled:"), "{shown}");
    assert!(
        shown.contains(
            "Harvey Curley elected in round 2 with 144 (quota 134), surplus 10: 9.9936 transferred,"
        ),
        "{shown}"
    );
    insta::assert_snapshot!("rounds_eastpointe_round_2", draw(&app).backend());
}

/// Maine 2018's first round eliminates four at once; each one's ballots are accounted for,
/// what transferred and what exhausted, instead of one exhausted total.
#[test]
fn rounds_account_for_each_candidate_of_a_batch_elimination() {
    let file = real_data("rcv/2018_maine_governor_primary.json");
    let loaded = load::load(&[DataSource::File(file)]).expect("the count loads");
    let mut app = app_on(loaded, 120, 60);
    press(&mut app, "5");
    let shown = screen(&app);
    for said in [
        "Dion, Donna J.: 1,221 transferred, 375 exhausted",
        "Dion, Mark N.: 4,296 transferred, 904 exhausted",
        "Russell, Diane Marie: 2,443 transferred, 285 exhausted",
        "Write-in: 266 transferred, 482 exhausted",
    ] {
        assert!(shown.contains(said), "{said}: {shown}");
    }
    assert!(!shown.contains("2,046 exhausted"), "{shown}");
    assert!(!shown.contains("Seats filled"), "a single seat: {shown}");
}

/// A timeline taller than its pane is drawn a screenful at a time (only the months shown are
/// laid out): scrolled anywhere by its cursor, what the pane shows is the same run of lines
/// a pane tall enough for all of it shows.
#[test]
fn a_scrolled_timeline_shows_the_lines_a_tall_one_does() {
    // The lines inside the timeline's pane, below its title.
    fn inside(app: &App) -> Vec<String> {
        let shown = screen(app);
        (shown.lines())
            .skip_while(|l| !l.contains("Timeline:"))
            .skip(1)
            .take_while(|l| !l.starts_with('└'))
            .map(str::to_string)
            .collect()
    }
    let mut tall = app(120, 40);
    press(&mut tall, "4");
    let all = inside(&tall);
    let rows = tall.views.timeline.len();
    let mut short = app(120, 10);
    press(&mut short, "4");
    let mut scrolled = false;
    for _ in 0..rows {
        let window = inside(&short);
        assert!(window.len() < all.len(), "the short pane scrolls");
        let at = all
            .windows(window.len())
            .position(|w| w == window.as_slice());
        assert!(at.is_some(), "{window:#?}\nis not a run of\n{all:#?}");
        scrolled |= at != Some(0);
        press(&mut short, "j");
    }
    assert!(scrolled);
}
