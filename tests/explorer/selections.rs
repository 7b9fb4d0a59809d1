//! How a selection ran, in the detail pane: the stages, each candidate's status, nominations
//! with bars toward the threshold and inferred facts marked `†` — what `show` prints, for the
//! fixture (tests/data/selection.json) and the shipped contests that have them.

use crate::presentation::assert_detail_shows_what_show_prints;
use crate::support::data::selection_fixture;
use crate::support::tui::{app, app_on, pane, press, screen, select};
use hustings::load::{self, DataSource};

fn fixture_app() -> hustings::explorer::app::App {
    let loaded = load::load(&[DataSource::File(selection_fixture())]).unwrap();
    app_on(loaded, 200, 80)
}

#[test]
fn the_detail_pane_shows_the_selection_fixture_as_show_does() {
    let mut app = fixture_app();
    let file = selection_fixture();
    let data = ["--data", file.to_str().unwrap()];
    for id in ["anytown-selection", "othertown-selection"] {
        assert_detail_shows_what_show_prints(&mut app, id, &data);
    }
}

#[test]
fn a_path_a_withdrawal_and_an_imposed_candidate_in_the_detail_pane() {
    let mut app = fixture_app();
    select(&mut app, "anytown-selection");
    let detail = pane(&screen(&app), "Detail").join("\n");
    insta::assert_snapshot!("detail_selection_fixture", detail);
    // Each candidate's particulars under the name, in `show`'s words.
    let said = detail.split_whitespace().collect::<Vec<_>>().join(" ");
    for fact in [
        "Cat Cole withdrawn · not on a ballot",
        "Dan Dale not shortlisted · not on a ballot",
        "Bob Baker Labour right † inferred · 40 votes · 40.0%",
    ] {
        assert!(said.contains(fact), "{fact}:\n{detail}");
    }
    assert!(detail.contains("✓ Ann Able: 5 nominations, 3 needed, reached"));
    assert!(detail.contains("North West † inferred"));
    select(&mut app, "othertown-selection");
    let detail = pane(&screen(&app), "Detail").join("\n");
    assert!(detail.contains("No candidate stood in a ballot."));
    assert!(detail.contains("imposed · not on a ballot"), "{detail}");
}

#[test]
fn the_shipped_selections_show_their_shortlists_nominations_and_inferred_facts() {
    let mut app = app(200, 120);
    select(&mut app, "bury-south-selection-2019");
    let detail = pane(&screen(&app), "Detail").join(" ");
    let detail = detail.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        detail.contains("Shortlist (3): Lucy Burke, Fatima Mahmood, Gillian Oliver"),
        "{detail}"
    );
    select(&mut app, "stockport-selection-2019");
    let detail = pane(&screen(&app), "Detail").join(" ");
    let detail = detail.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(detail.contains("Navendu Mishra: 5 nominations"), "{detail}");
    assert!(detail.contains("Shortlist (4"), "{detail}");
    select(&mut app, "labour-leadership-2020");
    let detail = pane(&screen(&app), "Detail").join(" ");
    let detail = detail.split_whitespace().collect::<Vec<_>>().join(" ");
    // Two conditions, both needed, worded apart from the stage called Nominations.
    assert!(detail.contains("Nominations received"), "{detail}");
    assert!(
        detail.contains("To go forward: at least 2 unions † and at least 1 affiliate †"),
        "{detail}"
    );
    assert!(
        detail.contains("Lisa Nandy: needs 1 more union and 1 more affiliate"),
        "{detail}"
    );
    select(&mut app, "luton-south-selection-2019");
    let detail = pane(&screen(&app), "Detail").join(" ");
    let detail = detail.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        detail.contains("Region East of England † inferred"),
        "{detail}"
    );
    assert!(detail.contains("† region:"), "{detail}");
}

#[test]
fn pickers_filter_by_stage_reached_and_candidate_status() {
    let mut app = fixture_app();
    assert_eq!(app.rows.len(), 2);
    // l: the stage picker (any, longlist, shortlist, nominations, ballot…); ballot is row 4.
    press(&mut app, "ljjjj\n");
    assert_eq!(
        app.query.filter.stages,
        [hustings::model::StageKind::Ballot]
    );
    assert_eq!(app.rows.len(), 1);
    assert!(
        screen(&app).contains("stage reached: ballot"),
        "{}",
        screen(&app)
    );
    press(&mut app, "c");
    // w: the candidate status picker (any, withdrawn, not shortlisted, imposed…).
    press(&mut app, "wjjj\n");
    assert_eq!(
        app.query.filter.candidate_statuses,
        [hustings::model::CandidateStatus::Imposed]
    );
    let listed: Vec<&str> = app
        .rows
        .iter()
        .map(|&i| app.data.as_ref().unwrap().dataset().contests[i].id.as_str())
        .collect();
    assert_eq!(listed, ["othertown-selection"]);
    assert!(screen(&app).contains("a candidate: imposed"));
}

#[test]
fn nomination_bars_mark_the_threshold_as_the_rounds_do() {
    // Anytown: branches, 3 needed; Cat Cole had 2 (two thirds of the way).
    let mut app = fixture_app();
    select(&mut app, "anytown-selection");
    let detail = pane(&screen(&app), "Detail");
    let row = |name: &str| {
        detail
            .iter()
            .find(|l| l.contains(&format!("{name}: ")) && l.contains("needed"))
            .unwrap_or_else(|| panic!("{name}:\n{}", detail.join("\n")))
            .clone()
    };
    let cat = row("Cat Cole");
    let (bar, _) = cat.split_once('┆').expect("a threshold mark");
    let drawn = bar.trim();
    // The mark is at the threshold: where a full bar ends, the bars' scale being the
    // threshold; two nominations of three are two thirds of the way to it.
    let lead = bar.len() - bar.trim_start().len();
    let cells = bar.chars().count() - lead;
    assert!(cells >= 6, "{cat}");
    assert_eq!(drawn.chars().count(), (cells * 2).div_ceil(3), "{cat}");
    // Every row of a table with a threshold has its mark in the same column.
    let columns: Vec<usize> = detail
        .iter()
        .filter(|l| l.contains(" needed, "))
        .map(|l| l.chars().position(|c| c == '┆').expect(l))
        .collect();
    assert!(
        columns.len() > 1 && columns.iter().all(|c| *c == columns[0]),
        "{columns:?}"
    );
}

#[test]
fn the_status_picker_finds_stockports_councillor_who_was_not_shortlisted() {
    let mut app = app(120, 40);
    // w: any, withdrawn, not shortlisted…
    press(&mut app, "wjj\n");
    assert_eq!(
        app.query.filter.candidate_statuses,
        [hustings::model::CandidateStatus::NotShortlisted]
    );
    let listed: Vec<&str> = app
        .rows
        .iter()
        .map(|&i| app.data.as_ref().unwrap().dataset().contests[i].id.as_str())
        .collect();
    assert_eq!(listed, ["stockport-selection-2019"]);
}
