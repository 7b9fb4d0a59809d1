//! `hustings compare A B` as a real process: the facts of the explorer's compare view, both
//! bar charts, in text, Markdown and JSON.

use crate::support::cli::{hustings, stdout};
use serde_json::Value;

#[test]
fn text_puts_the_facts_side_by_side_then_the_charts() {
    let text = stdout(&[
        "compare",
        "stockport-selection-2019",
        "bury-south-selection-2019",
    ]);
    let line = |label: &str| -> String {
        text.lines()
            .find(|l| l.starts_with(label))
            .unwrap_or_else(|| panic!("no {label} line in\n{text}"))
            .to_string()
    };
    let margin = line("Margin");
    assert!(
        margin.contains("120 (20.3 pts)") && margin.ends_with("n/a"),
        "{margin}"
    );
    let share = line("Winner's share");
    assert!(
        share.contains("57.1%") && share.ends_with(">70%"),
        "{share}"
    );
    let a = text.find("A: Stockport Labour selection").unwrap();
    let b = text.find("B: Bury South Labour selection").unwrap();
    assert!(a < b);
    assert!(
        text[a..b].contains("✓ Navendu Mishra  338  57.1%  ███"),
        "{text}"
    );
    // The label column is as wide for both charts (one layout, one scale).
    assert!(
        text[b..].contains("✓ Lucy Burke      n/a   >70%  ███"),
        "{text}"
    );
}

#[test]
fn json_and_markdown_carry_the_same_facts() {
    let text = stdout(&[
        "compare",
        "stockport-ge-2017",
        "hazel-grove-ge-2017",
        "--format",
        "json",
    ]);
    // Every document starts with what it is (docs/OUTPUT.md, "Stability").
    assert!(
        text.starts_with("{\n  \"schema\": \"hustings.compare\",\n  \"version\": 1,"),
        "{text}"
    );
    let json: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(json["schema"], "hustings.compare");
    assert_eq!(json["contests"][0]["contest"]["id"], "stockport-ge-2017");
    assert_eq!(json["contests"][1]["derived"]["winner"], "William Wragg");
    let facts = json["facts"].as_array().unwrap();
    let winner = facts.iter().find(|f| f["label"] == "Winner").unwrap();
    assert_eq!(winner["a"], "Ann Coffey (LR)");
    assert_eq!(winner["b"], "William Wragg");
    let md = stdout(&[
        "compare",
        "stockport-ge-2017",
        "hazel-grove-ge-2017",
        "--format",
        "markdown",
    ]);
    assert!(
        md.contains("| Winner | Ann Coffey (LR) | William Wragg |"),
        "{md}"
    );
    assert!(
        md.contains("### B: Hazel Grove, 2017 general election"),
        "{md}"
    );
}

#[test]
fn an_unknown_id_is_an_error_naming_the_closest() {
    hustings(&["compare", "stockport-selection-2019", "bury-south"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("bury-south-selection-2019"));
}
