//! The rounds view's numbers on the command line: `show` prints every round of a preferential
//! count (tests/data/views.json has three), with eliminations, transfers and exhausted ballots.

use std::path::PathBuf;

use crate::support::cli::stdout;

#[test]
fn show_prints_each_round_of_a_three_round_count() {
    let data = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/views.json");
    let args = ["show", "leadership-2023", "--data", data.to_str().unwrap()];
    let text = stdout(&args);
    let rounds = &text[text.find("\nRounds\n").expect("a Rounds section")..];
    for part in [
        "Round 1: Ash 400, Birch 300, Cedar 200, Dale 100; eliminated Dale",
        "Dale → Cedar 60",
        "10 exhausted",
        "Round 2: Ash 430, Birch 300, Cedar 260; eliminated Cedar",
        "30 exhausted",
        "Round 3: Ash 510, Birch 450",
    ] {
        assert!(rounds.contains(part), "{part} missing from\n{rounds}");
    }
    // The table of every candidate across the rounds comes first.
    for part in ["R1", "R2", "R3", "Dale", "100✗", "510✓"] {
        assert!(
            rounds.contains(part),
            "{part} missing from the table in\n{rounds}"
        );
    }
    let markdown = stdout(&[&args[..], &["--format", "markdown"]].concat());
    assert!(
        markdown.contains("### Rounds\n\n| Candidate | Round 1 | Round 2 | Round 3 |"),
        "{markdown}"
    );
    assert!(
        markdown.contains("| Ash | 400 | 430 | 510 ✓ |"),
        "{markdown}"
    );
    assert!(markdown.contains("\n1. Round 1: Ash 400"), "{markdown}");
    assert!(
        markdown.contains("3. Round 3: Ash 510, Birch 450"),
        "{markdown}"
    );
}
