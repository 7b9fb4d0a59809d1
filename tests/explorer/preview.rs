//! A large file's first contests shown while it loads (`Action::Preview`), then the whole
//! file (`Action::Loaded`): the preview is browsable and says it is only the first contests,
//! reloads and exports wait, and the full data keeps the query, the selection and the view.

use std::sync::Arc;

use crate::support::tui::{self, press, select, selected_id, step};
use hustings::explorer::action::Action;
use hustings::explorer::app::{App, Data, Overlay};
use hustings::explorer::screen::View;
use hustings::explorer::theme::Theme;

/// The shipped data's first `n` contests, as the loader previews a file.
fn first(n: usize) -> Arc<Data> {
    let mut loaded = tui::seed();
    loaded.dataset.contests.truncate(n);
    loaded.recheck();
    Arc::new(Data::new(loaded))
}

/// An app as the explorer starts one on a large file: the query, then the preview.
fn previewing(n: usize) -> App {
    let mut app = App::new(vec!["big.json".into()], Theme { color: true }, 120, 30);
    step(&mut app, Action::SetQuery(Box::default()));
    step(&mut app, Action::Preview(first(n)));
    app
}

#[test]
fn the_first_contests_are_shown_marked_as_loading() {
    let app = previewing(6);
    let screen = tui::screen(&app);
    assert!(
        screen.contains(" Contests 6 of the first 6 · loading… "),
        "{screen}"
    );
    assert!(
        tui::status_bar(&app).contains("loading… 6 of the first 6 contests"),
        "{screen}"
    );
    let seed = tui::seed();
    let mut titles = tui::titles(&app);
    titles.sort();
    let mut first_six: Vec<String> = seed.dataset.contests[..6]
        .iter()
        .map(|c| c.title.to_string())
        .collect();
    first_six.sort();
    assert_eq!(titles, first_six);
}

#[test]
fn the_whole_file_replaces_the_preview_keeping_query_selection_and_view() {
    let mut app = previewing(6);
    let total = tui::seed().dataset.contests.len();
    press(&mut app, "s"); // sort by the next key
    press(&mut app, "/south\n");
    select(&mut app, "ilford-south-selection-2019");
    press(&mut app, "2"); // the scoreboard
    assert!(
        tui::screen(&app).contains(" Scoreboard: 2 of the first 6 contests · loading… "),
        "{}",
        tui::screen(&app)
    );
    let query = app.query.clone();

    step(&mut app, Action::Loaded(Arc::new(Data::new(tui::seed()))));
    assert!(!app.preview);
    assert_eq!(app.query, query);
    assert_eq!(app.query.filter.search, "south");
    assert_eq!(app.view, View::Scoreboard);
    assert_eq!(
        selected_id(&app).as_deref(),
        Some("ilford-south-selection-2019")
    );
    // Luton South, beyond the preview, is listed now.
    assert_eq!(app.rows.len(), 3);
    let screen = tui::screen(&app);
    assert!(
        screen.contains(&format!(" Scoreboard: 3 of {total} contests ")),
        "{screen}"
    );
    assert!(!screen.contains("loading…"), "{screen}");
    assert!(
        tui::status(&app).contains(&format!("loaded all {total} contests")),
        "{}",
        tui::status(&app)
    );
}

#[test]
fn reloads_and_exports_wait_for_the_whole_file() {
    let mut app = previewing(6);
    for keys in ["R", "e", "E", "y", "Y"] {
        press(&mut app, keys);
        assert_eq!(app.overlay, Overlay::None, "{keys}");
        assert!(app.take_effects().is_empty(), "{keys}");
        assert!(
            tui::status(&app).contains("still loading the whole file"),
            "{keys}: {}",
            tui::status(&app)
        );
    }
    step(&mut app, Action::Loaded(Arc::new(Data::new(tui::seed()))));
    press(&mut app, "E");
    assert!(matches!(app.overlay, Overlay::Input(_)));
}

#[test]
fn quitting_works_while_the_rest_loads() {
    let mut app = previewing(6);
    press(&mut app, "q");
    assert!(app.should_quit);
}
