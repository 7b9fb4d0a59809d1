//! The `?` overlay and the README's key table are one table: `keymap::HELP`. The README must
//! hold it exactly, row for row, so neither says more or less than the program does.

use std::path::PathBuf;

use hustings::explorer::keymap::HELP;

/// A key as the README writes it: in backticks, unless it is words (`mouse`, `in a picker`).
fn readme_keys(keys: &str) -> String {
    let words = keys.len() > 1 && keys.chars().all(|c| c.is_ascii_lowercase() || c == ' ');
    if words {
        keys.to_string()
    } else {
        format!("`{keys}`")
    }
}

/// The README's key table as HELP makes it.
pub fn key_table() -> String {
    let mut table = String::from("| Keys | |\n| --- | --- |\n");
    for (keys, what) in HELP {
        table.push_str(&format!("| {} | {what} |\n", readme_keys(keys)));
    }
    table
}

#[test]
fn the_readme_key_table_is_the_help_overlay() {
    let readme =
        std::fs::read_to_string(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("README.md"))
            .expect("README.md");
    let table = key_table();
    assert!(
        readme.contains(&table),
        "README.md's key table should be, exactly:\n{table}"
    );
    // And only one key table: no second, stale one.
    assert_eq!(readme.matches("| Keys | |").count(), 1);
}
