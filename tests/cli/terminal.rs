//! JSON and CSV on a terminal: the data's exact strings would be obeyed there (serde_json
//! leaves a C1 CSI and bidi overrides raw, CSV everything), so printed to a terminal their
//! unsafe characters are escaped (JSON, same data) or shown by the one rule (CSV); printed to a
//! pipe or a file they stay exact. tests/data/hostile.json holds the hostile text.

use std::path::PathBuf;

use crate::support::pty::stdout_on_a_terminal;

fn hostile() -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/hostile.json")
        .display()
        .to_string()
}

/// Every run that prints the hostile data as JSON or CSV.
fn runs() -> Vec<Vec<&'static str>> {
    let mut runs = vec![
        vec!["show", "harbour-selection", "--format", "json"],
        vec!["show", "harbour-selection", "--format", "csv"],
        vec![
            "compare",
            "harbour-selection",
            "harbour-ge-2017",
            "--format",
            "json",
        ],
    ];
    for format in ["json", "csv"] {
        runs.push(vec!["list", "--format", format]);
        runs.push(vec!["history", "harbour-selection", "--format", format]);
        for by in ["faction", "region", "endorser", "party"] {
            runs.push(vec!["stats", "--by", by, "--format", format]);
        }
    }
    runs
}

/// The first character of `bytes` a terminal would obey (or that hides or reorders text),
/// with what came before it.
fn first_unsafe(bytes: &[u8]) -> Option<String> {
    let text = String::from_utf8_lossy(bytes);
    let (at, c) = text
        .char_indices()
        .find(|&(_, c)| c != '\n' && hustings::model::text::is_unsafe(c))?;
    let from = text[..at]
        .char_indices()
        .rev()
        .nth(40)
        .map_or(0, |(i, _)| i);
    Some(format!("{c:?} after {:?}", &text[from..at]))
}

/// `hustings ARGS --data hostile.json` as a plain process, for a terminal to be its stdout.
fn on_hostile(args: &[&str]) -> std::process::Command {
    let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_hustings"));
    cmd.args(args)
        .args(["--data", &hostile()])
        .env("COLUMNS", "100")
        .env_remove("NO_COLOR");
    cmd
}

#[test]
fn json_and_csv_printed_to_a_terminal_carry_no_control_character() {
    for args in runs() {
        let (code, bytes) = stdout_on_a_terminal(on_hostile(&args));
        assert_eq!(code, Some(0), "{args:?}");
        assert!(!bytes.is_empty(), "{args:?} printed nothing");
        if let Some(found) = first_unsafe(&bytes) {
            panic!("{args:?} on a terminal: {found}");
        }
    }
}

#[test]
fn json_on_a_terminal_is_the_same_data_and_piped_is_exact() {
    let args = ["show", "harbour-selection", "--format", "json"];
    let (_, shown) = stdout_on_a_terminal(on_hostile(&args));
    let piped = on_hostile(&args).output().unwrap().stdout;
    // Piped, the C1 CSI and the bidi override are there as the data has them.
    let piped_text = String::from_utf8(piped.clone()).unwrap();
    assert!(piped_text.contains("desc\u{9b}2J"), "{piped_text}");
    assert!(piped_text.contains("\u{202e}eman desrever"), "{piped_text}");
    // On a terminal they are escapes, and the document parses to the same strings.
    let shown_text = String::from_utf8(shown).unwrap();
    assert!(shown_text.contains(r"desc\u009b2J"), "{shown_text}");
    assert!(shown_text.contains(r"\u202eeman desrever"), "{shown_text}");
    let parse = |text: &str| serde_json::from_str::<serde_json::Value>(text).unwrap();
    assert_eq!(parse(&shown_text), parse(&piped_text));
}

#[test]
fn csv_on_a_terminal_is_shown_by_the_one_rule_and_piped_is_exact() {
    let args = ["list", "--format", "csv"];
    let (_, shown) = stdout_on_a_terminal(on_hostile(&args));
    let piped = String::from_utf8(on_hostile(&args).output().unwrap().stdout).unwrap();
    assert!(piped.contains("Party\u{1b}]0;pwned\u{7}"), "{piped}");
    let shown = String::from_utf8(shown).unwrap();
    assert!(!shown.contains("Party\u{1b}]0;pwned\u{7}"), "{shown}");
    assert!(shown.contains("Party␛]0;pwned␇"), "{shown}");
    // The same rows and columns: only the unsafe characters differ.
    assert_eq!(shown.lines().count(), piped.lines().count());
}

#[test]
fn an_import_printed_to_a_terminal_is_the_same_dataset_escaped() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("hostile.csv");
    std::fs::write(
        &csv,
        "district,name,votes\nHarbour\u{9b}2J,Ann\u{202e}x,10\nHarbour\u{9b}2J,Bob\u{fff9},5\n",
    )
    .unwrap();
    let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_hustings"));
    cmd.args(["import", "csv"]).arg(&csv).args([
        "--contest",
        "district",
        "--candidate",
        "name",
        "--votes",
        "votes",
        "--date",
        "2025-02-23",
        "--kind",
        "general-election",
    ]);
    let (code, bytes) = stdout_on_a_terminal(cmd);
    assert_eq!(code, Some(0));
    if let Some(found) = first_unsafe(&bytes) {
        panic!("import on a terminal: {found}");
    }
    let doc: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
    let names: Vec<&str> = doc["contests"][0]["candidates"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["Ann\u{202e}x", "Bob\u{fff9}"]);
}
