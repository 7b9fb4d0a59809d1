//! A value the sources do not state is marked wherever it is printed: `†` in `list` (text and
//! Markdown), an `inferred` field of paths in CSV and JSON, and footnotes under `stats` saying
//! how many counted contests rest on one (on the shipped dataset).

use crate::support::cli::{hustings, stdout};

/// `hustings ARGS` wide enough for every column.
fn wide(args: &[&str]) -> String {
    let out = hustings(args).env("COLUMNS", "250").output().unwrap();
    assert!(out.status.success());
    String::from_utf8(out.stdout).unwrap()
}

/// The line of `text` that mentions `id`.
fn line_of<'a>(text: &'a str, id: &str) -> &'a str {
    text.lines()
        .find(|l| l.contains(id))
        .unwrap_or_else(|| panic!("no {id}:\n{text}"))
}

#[test]
fn list_marks_inferred_values_in_text_and_markdown() {
    let text = wide(&["list"]);
    // Birkenhead: region and Whitley's faction inferred; Bury South: nothing.
    let birkenhead = line_of(&text, "birkenhead-selection-2019");
    assert!(birkenhead.contains("North West †"), "{birkenhead}");
    assert!(birkenhead.contains("LL †"), "{birkenhead}");
    let bury = line_of(&text, "bury-south-selection-2019");
    assert!(!bury.contains('†'), "{bury}");
    // Penistone's date is inferred (from "on Thursday evening"), its faction stated.
    let penistone = line_of(&text, "penistone-and-stocksbridge-selection-2019");
    assert!(penistone.contains("24 Oct 2019 †"), "{penistone}");
    assert!(!penistone.contains("LL †"), "{penistone}");
    assert!(line_of(&text, "hazel-grove-ge-2017").contains("8 Jun 2017 †"));
    assert!(text.contains("† inferred: see `show ID` for the basis"));

    let md = stdout(&["list", "--format", "markdown"]);
    let ilford = line_of(&md, "ilford-south-selection-2019");
    assert!(ilford.contains("| London † |"), "{ilford}");
    assert!(ilford.contains("| Labour left / Momentum † |"), "{ilford}");
    assert!(md.contains("† inferred: see `show ID` for the basis"));
}

#[test]
fn csv_and_json_list_the_inferred_paths() {
    let csv = stdout(&["list", "--format", "csv"]);
    let header: Vec<&str> = csv.lines().next().unwrap().split(',').collect();
    assert_eq!(header.last(), Some(&"inferred"));
    let whitley = line_of(&csv, "Mick Whitley");
    assert!(
        whitley.ends_with(",region; candidates[0].faction"),
        "{whitley}"
    );
    assert!(line_of(&csv, "Lucy Burke").ends_with(','));

    let json: serde_json::Value =
        serde_json::from_str(&stdout(&["list", "--format", "json"])).unwrap();
    let inferred = |id: &str| -> Vec<String> {
        json["contests"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["contest"]["id"] == id)
            .unwrap()["derived"]["inferred"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p.as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(
        inferred("hazel-grove-ge-2017"),
        ["date", "region", "candidates[1].faction"]
    );
    assert!(inferred("bury-south-selection-2019").is_empty());
}

#[test]
fn stats_footnotes_say_how_many_counted_contests_rest_on_an_inferred_value() {
    let factions = stdout(&["stats"]);
    assert!(
        factions.contains(
            "† Labour left / Momentum: 2 of its 6 wins and its 1 loss rest on an inferred faction"
        ),
        "{factions}"
    );
    let regions = stdout(&["stats", "--by", "region"]);
    assert!(
        regions.contains("† 13 of the 16 contests with a region rest on an inferred region"),
        "{regions}"
    );
    let months = stdout(&["stats", "--by", "month"]);
    assert!(
        months.contains("† 6 of the 10 dated contests rest on an inferred date"),
        "{months}"
    );
    let md = stdout(&["stats", "--format", "markdown"]);
    assert!(
        md.contains("_† Labour left / Momentum: 2 of its 6 wins"),
        "{md}"
    );
    // JSON carries the same notes, a line each.
    let json: serde_json::Value =
        serde_json::from_str(&stdout(&["stats", "--format", "json"])).unwrap();
    let notes: Vec<&str> = json["notes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n.as_str().unwrap())
        .collect();
    assert!(
        notes.contains(
            &"† Labour left / Momentum: 2 of its 6 wins and its 1 loss rest on an inferred faction"
        ),
        "{notes:?}"
    );
    assert!(
        notes.contains(
            &"Counted together: 14 selections, 1 leadership election, 2 general elections."
        ),
        "{notes:?}"
    );
    // Nothing inferred among those counted: no footnote.
    let bury = stdout(&["stats", "--by", "region", "--search", "bury south"]);
    assert!(!bury.contains('†'), "{bury}");
    let bury: serde_json::Value = serde_json::from_str(&stdout(&[
        "stats",
        "--by",
        "region",
        "--search",
        "bury south",
        "--format",
        "json",
    ]))
    .unwrap();
    assert!(bury.get("notes").is_none(), "{bury}");
}

/// A tally over several kinds of contest says so, and counts each faction kind by kind: the
/// Labour left's one loss is a general election, not a selection.
#[test]
fn stats_over_mixed_kinds_count_each_kind_apart() {
    let factions = stdout(&["stats"]);
    assert!(
        factions.contains(
            "Counted together: 14 selections, 1 leadership election, 2 general elections."
        ),
        "{factions}"
    );
    assert!(
        factions.contains("Labour left / Momentum: selections: won 6; general elections: lost 1"),
        "{factions}"
    );
    assert!(factions.contains("Labour right: general elections: won 1"));
    let regions = stdout(&["stats", "--by", "region"]);
    assert!(
        regions.contains("Counted together: 14 selections"),
        "{regions}"
    );
    // One kind: nothing to say.
    let selections = stdout(&["stats", "--kind", "selection"]);
    assert!(!selections.contains("Counted together"), "{selections}");
}
