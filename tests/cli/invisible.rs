//! Invisible format characters (general category Cf: U+200E/U+200F/U+061C, the interlinear
//! annotation marks U+FFF9–U+FFFB, a soft hyphen, a word joiner, a byte-order mark) are shown
//! by the one rule like any control, so a list row keeps its columns and `validate` names them.
//! tests/data/injection.json holds them.

use unicode_width::UnicodeWidthStr;

use crate::support::cli::stdout;

fn injection() -> String {
    crate::support::data::injection().display().to_string()
}

#[test]
fn interlinear_annotations_do_not_shift_a_list_row() {
    let data = injection();
    let list = stdout(&["list", "--data", &data, "--color", "never"]);
    assert!(
        !list
            .chars()
            .any(|c| ('\u{fff9}'..='\u{fffb}').contains(&c) || c == '\u{200e}'),
        "{list}"
    );
    // Every row's region starts in the same column as a terminal draws it.
    let columns: Vec<usize> = list
        .lines()
        .filter_map(|line| line.find("North").map(|at| line[..at].width()))
        .collect();
    assert_eq!(columns.len(), 3, "{list}");
    assert!(
        columns.iter().all(|&c| c == columns[0]),
        "{columns:?}\n{list}"
    );
    assert!(list.contains("Seat\u{fffd}\u{fffd}\u{fffd}"), "{list}");
}

#[test]
fn validate_names_every_field_holding_invisible_characters() {
    let out = stdout(&["validate", &injection()]);
    for needle in [
        ": title holds control or bidi characters",
        ": candidates[0].name holds",
        "markup: candidates[1].name holds",
        "note: factions[1].name holds",
    ] {
        assert!(out.contains(needle), "{needle} missing:\n{out}");
    }
}
