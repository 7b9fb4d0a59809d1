//! Where the reader is in a long list (issue 23): the list's border says `row 312 of 650` and
//! `↑ more` / `↓ more` as the other panes do, and a re-sort keeps the selected contest in
//! the middle of the list, on the real GE2019 results (650 seats).

use std::path::PathBuf;

use crate::support::data::candidates_import;
use crate::support::tui::{app_on, press, screen, selected_id};
use hustings::explorer::app::App;
use hustings::load::{self, DataSource};

fn ge2019(width: u16, height: u16) -> App {
    let files: Vec<PathBuf> = vec![candidates_import(2019)];
    let sources: Vec<DataSource> = files.into_iter().map(DataSource::File).collect();
    app_on(load::load(&sources).expect("GE2019 loads"), width, height)
}

/// The list pane's top and bottom borders (the left half of the screen, beside the detail).
fn list_borders(app: &App) -> (String, String) {
    let shown = screen(app);
    let lines: Vec<&str> = shown.lines().collect();
    let half = |l: &str| {
        l.chars()
            .take(usize::from(app.areas().list.width))
            .collect()
    };
    let top = lines[usize::from(app.areas().list.y)];
    let bottom = lines[usize::from(app.areas().list.bottom() - 1)];
    (half(top), half(bottom))
}

#[test]
fn the_list_says_which_row_is_selected_and_that_there_is_more() {
    let mut app = ge2019(120, 40);
    let (top, bottom) = list_borders(&app);
    assert!(bottom.contains("row 1 of 650"), "{bottom}");
    assert!(
        bottom.contains("↓ more") && !top.contains("↑ more"),
        "{top}\n{bottom}"
    );
    press(&mut app, "jj");
    assert!(list_borders(&app).1.contains("row 3 of 650"));
    press(&mut app, "G");
    let (top, bottom) = list_borders(&app);
    assert!(bottom.contains("row 650 of 650"), "{bottom}");
    assert!(
        top.contains("↑ more") && !bottom.contains("↓ more"),
        "{top}\n{bottom}"
    );
    // In the middle, both.
    for _ in 0..300 {
        press(&mut app, "k");
    }
    let (top, bottom) = list_borders(&app);
    assert!(bottom.contains("row 350 of 650"), "{bottom}");
    assert!(
        top.contains("↑ more") && bottom.contains("↓ more"),
        "{top}\n{bottom}"
    );
    // A short list says neither.
    press(&mut app, "/bolsover\n");
    let (top, bottom) = list_borders(&app);
    assert!(bottom.contains("row 1 of 1"), "{bottom}");
    assert!(
        !top.contains("more") && !bottom.contains("more"),
        "{top}\n{bottom}"
    );
}

#[test]
fn a_re_sort_keeps_the_selection_in_the_middle_of_the_list() {
    let mut app = ge2019(120, 40);
    for _ in 0..200 {
        press(&mut app, "j");
    }
    let height = app.list_height();
    for keys in ["s", "s", "S", "s", "s", "s"] {
        let id = selected_id(&app);
        press(&mut app, keys);
        assert_eq!(selected_id(&app), id, "the same contest after {keys}");
        let shown = app.selected - app.offset;
        assert!(app.selected >= app.offset && shown < height, "on screen");
        // In the middle, unless the list's end is near.
        let near_end = app.selected < height / 2 || app.selected + height / 2 >= app.rows.len();
        assert!(
            near_end || shown == height / 2,
            "row {shown} of {height} on screen, selected {}",
            app.selected
        );
        let (_, bottom) = list_borders(&app);
        assert!(
            bottom.contains(&format!("row {} of 650", app.selected + 1)),
            "{bottom}"
        );
    }
}
