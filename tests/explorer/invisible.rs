//! Invisible format characters (U+FFF9–U+FFFB, U+200E…) in the data are drawn as stand-ins in
//! the explorer's list, so each row keeps its columns where a terminal draws them.

use hustings::load::{self, DataSource};
use unicode_width::UnicodeWidthStr;

use crate::support::data::injection;
use crate::support::tui::{app_on, screen};

#[test]
fn interlinear_annotations_do_not_shift_a_row_of_the_list() {
    let loaded = load::load(&[DataSource::File(injection())]).unwrap();
    let app = app_on(loaded, 120, 20);
    let shown = screen(&app);
    assert!(
        !shown
            .chars()
            .any(|c| ('\u{fff9}'..='\u{fffb}').contains(&c) || c == '\u{200e}'),
        "{shown}"
    );
    // The date column of every row of the list starts in the same terminal column.
    let columns: Vec<usize> = shown
        .lines()
        .filter(|line| line.starts_with("│█"))
        .filter_map(|line| line.find("Oct 2019").map(|at| line[..at].width()))
        .collect();
    assert_eq!(columns.len(), 3, "{shown}");
    assert!(
        columns.iter().all(|&c| c == columns[0]),
        "{columns:?}\n{shown}"
    );
}
