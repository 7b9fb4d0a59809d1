//! `hustings list` run as a real process over the shipped dataset and the fixture.

use crate::support::cli::{hustings, listed_ids, stdout};
use crate::support::data::{dataset, fixture, seed_file};
use hustings::report::csv::LIST_COLUMNS;
use hustings::report::json::{ListDoc, OUTPUT_VERSION};
use predicates::prelude::*;

#[test]
fn yorkshire_lists_exactly_the_two_yorkshire_contests() {
    let json = stdout(&[
        "list",
        "--region",
        "Yorkshire and the Humber",
        "--format",
        "json",
    ]);
    let mut ids = listed_ids(&json);
    ids.sort();
    assert_eq!(
        ids,
        [
            "penistone-and-stocksbridge-selection-2019",
            "sheffield-hallam-selection-2019"
        ]
    );
    // The same in text, where the names are typed in another case.
    let text = stdout(&["list", "--region", "yorkshire AND the humber"]);
    let rows: Vec<&str> = text.lines().skip(1).filter(|l| l.contains("-20")).collect();
    assert_eq!(rows.len(), 2, "{text}");
    assert!(text.contains("2 contests (of 17)"));
}

#[test]
fn every_format_runs_on_both_datasets() {
    for data in [seed_file(), fixture()] {
        let data = data.to_str().unwrap();
        let text = stdout(&["list", "--data", data]);
        assert!(text.starts_with("ID"), "{text}");
        let json = stdout(&["list", "--data", data, "--format", "json"]);
        assert!(!listed_ids(&json).is_empty());
        let csv = stdout(&["list", "--data", data, "--format", "csv"]);
        assert!(csv.starts_with("contest_id,title,kind,"));
        let md = stdout(&["list", "--data", data, "-f", "markdown"]);
        assert!(md.starts_with("| ID | Date | Contest |"), "{md}");
        assert!(md.lines().nth(1).unwrap().starts_with("|---|"));
    }
}

#[test]
fn json_contests_round_trip_into_the_model() {
    for data in [seed_file(), fixture()] {
        let source = dataset(&data);
        let json = stdout(&["list", "--data", data.to_str().unwrap(), "--format", "json"]);
        let doc: ListDoc = serde_json::from_str(&json).unwrap();
        assert_eq!(doc.schema, "hustings.list");
        assert_eq!(doc.version, OUTPUT_VERSION);
        assert_eq!(doc.count, source.contests.len());
        assert_eq!(doc.factions, source.factions);
        for entry in &doc.contests {
            let original = source.contest(&entry.contest.id).unwrap();
            assert_eq!(&entry.contest, original);
            assert_eq!(entry.derived.candidates.len(), original.candidates.len());
        }
    }
}

#[test]
fn json_shares_are_numbers_stated_bounds_or_null() {
    let json = stdout(&["list", "--format", "json", "--region", "north-west"]);
    let doc: serde_json::Value = serde_json::from_str(&json).unwrap();
    let contest = |id: &str| {
        doc["contests"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["contest"]["id"] == id)
            .unwrap()
            .clone()
    };
    let stockport = contest("stockport-selection-2019");
    let mishra = &stockport["derived"]["candidates"][0];
    assert_eq!(mishra["name"], "Navendu Mishra");
    assert_eq!(mishra["share"]["percent"], 57.09);
    assert_eq!(mishra["share"]["basis"], "votes");
    assert_eq!(stockport["derived"]["margin_votes"], 120);
    assert_eq!(
        stockport["derived"]["turnout_percent"],
        serde_json::Value::Null
    );
    assert!(
        stockport["derived"]["warnings"][0]
            .as_str()
            .unwrap()
            .contains("591")
    );
    let bury = contest("bury-south-selection-2019");
    let burke = &bury["derived"]["candidates"][0];
    assert_eq!(
        burke["share"],
        serde_json::json!({"percent": 70.0, "bound": "over", "basis": "stated"})
    );
    assert_eq!(burke["share_label"], ">70%");
    let others = &bury["derived"]["candidates"];
    assert_eq!(others[1]["share"], serde_json::Value::Null);
    assert_eq!(others[1]["share_label"], "n/a");
    assert_eq!(
        bury["contest"]["candidates"][1]["votes"],
        serde_json::Value::Null
    );
}

#[test]
fn csv_has_one_row_per_candidate_and_parses_back() {
    for data in [seed_file(), fixture()] {
        let dataset = dataset(&data);
        let csv = stdout(&["list", "--data", data.to_str().unwrap(), "--format", "csv"]);
        let mut reader = csv::Reader::from_reader(csv.as_bytes());
        assert_eq!(reader.headers().unwrap(), LIST_COLUMNS.as_slice());
        let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
        let expected: usize = dataset
            .contests
            .iter()
            .map(|c| c.candidates.len().max(1))
            .sum();
        assert_eq!(rows.len(), expected);
        for contest in &dataset.contests {
            let mine: Vec<&csv::StringRecord> =
                rows.iter().filter(|r| r[0] == contest.id).collect();
            assert_eq!(
                mine.len(),
                contest.candidates.len().max(1),
                "{}",
                contest.id
            );
            let name = LIST_COLUMNS
                .iter()
                .position(|c| *c == "candidate_name")
                .unwrap();
            let mut names: Vec<&str> = mine.iter().map(|r| &r[name]).collect();
            let mut wanted: Vec<&str> =
                contest.candidates.iter().map(|c| c.name.as_str()).collect();
            if wanted.is_empty() {
                wanted.push("");
            }
            names.sort_unstable();
            wanted.sort_unstable();
            assert_eq!(names, wanted);
        }
    }
}

#[test]
fn csv_keeps_awkward_text_and_unknowns() {
    let csv = stdout(&["list", "--data", fixture().to_str().unwrap(), "-f", "csv"]);
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let header = reader.headers().unwrap().clone();
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let smith = rows
        .iter()
        .find(|r| r[col("candidate_name")] == *"Smith, \"Jo\"")
        .unwrap();
    assert_eq!(&smith[col("title")], "Quoted, \"awkward\" selection");
    assert_eq!(&smith[col("candidate_endorsements")], "Union A; Group, B");
    assert_eq!(&smith[col("candidate_share_percent")], "60.00");
    assert_eq!(&smith[col("turnout_percent")], "51.00");
    let unknown = rows
        .iter()
        .find(|r| r[col("candidate_name")] == *"Unknown")
        .unwrap();
    assert_eq!(&unknown[col("candidate_votes")], "");
    assert_eq!(&unknown[col("candidate_share_percent")], "");
    assert_eq!(&unknown[col("candidate_share_label")], "n/a");
    let over = rows
        .iter()
        .find(|r| r[col("candidate_name")] == *"Over")
        .unwrap();
    assert_eq!(&over[col("candidate_share_bound")], "over");
    let empty = rows.iter().find(|r| r[0] == *"empty-2020").unwrap();
    assert_eq!(&empty[col("candidate_elected")], "");
    assert_eq!(&empty[col("status")], "pending");
}

#[test]
fn filters_and_sorting_reach_the_query_engine() {
    let ids = |args: &[&str]| {
        let mut all = vec!["list", "--format", "json"];
        all.extend_from_slice(args);
        listed_ids(&stdout(&all))
    };
    assert_eq!(ids(&["--status", "pending"]).len(), 8);
    assert_eq!(ids(&["--kind", "general-election"]).len(), 2);
    // Mishra won Stockport and came third in Hazel Grove in 2017.
    assert_eq!(
        ids(&["--search", "mishra"]),
        ["stockport-selection-2019", "hazel-grove-ge-2017"]
    );
    assert_eq!(ids(&["--search", "Mishra  Brinnington"]).len(), 1);
    // A contest known only as "2019" may fall in any part of it, so it stays in.
    let october = ids(&["--since", "2019-10", "--until", "2019-10-24"]);
    assert_eq!(october.len(), 7);
    assert_eq!(
        october[..2],
        [
            "bury-south-selection-2019",
            "penistone-and-stocksbridge-selection-2019"
        ]
    );
    let later = ids(&["--since", "2019-10-25"]);
    assert!(!later.contains(&"bury-south-selection-2019".to_string()));
    assert!(later.contains(&"stockport-selection-2019".to_string()));
    assert_eq!(ids(&["--endorser", "unite"]).len(), 3);
    assert_eq!(ids(&["--faction", "LABOUR-LEFT"]).len(), 6);
    assert_eq!(
        ids(&["--faction", "Labour left / Momentum", "--any-candidate"]).len(),
        7
    );
    let by_title = ids(&["--sort", "title"]);
    let mut reversed = ids(&["--sort", "title", "--reverse"]);
    reversed.reverse();
    assert_eq!(by_title, reversed);
    assert_eq!(by_title[0], "barrow-and-furness-selection-2019");
}

#[test]
fn unknown_region_or_faction_lists_the_valid_ones() {
    hustings(&["list", "--region", "Yorkshire"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::starts_with(
            "error: unknown region \"Yorkshire\"; valid regions: North East (north-east),",
        ))
        .stderr(predicate::str::contains(
            "Yorkshire and the Humber (yorkshire-and-the-humber)",
        ));
    hustings(&["list", "--faction", "momentum"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "unknown faction \"momentum\"; valid factions: LL = Labour left / Momentum (labour-left)",
        ));
    hustings(&["list", "--since", "2019-13"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("there is no month 13"));
    // The explorer's flags are checked the same way.
    hustings(&["--region", "Atlantis"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("unknown region \"Atlantis\""));
}

#[test]
fn text_fits_the_width_given() {
    for columns in ["60", "80", "120", "200"] {
        let out = hustings(&["list"])
            .env("COLUMNS", columns)
            .assert()
            .success()
            .get_output()
            .stdout
            .clone();
        let text = String::from_utf8(out).unwrap();
        let width: usize = columns.parse().unwrap();
        for line in text.lines() {
            assert!(line.chars().count() <= width, "{columns}: {line:?}");
        }
        assert!(text.contains("stockport-selection-2019"));
    }
    // The seat's name is kept at every width; wider, the results come too.
    let at_100 = stdout(&["list"]);
    assert!(at_100.lines().next().unwrap().contains("CONTEST"));
    let wide = hustings(&["list"])
        .env("COLUMNS", "200")
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let wide = String::from_utf8(wide).unwrap();
    assert!(wide.lines().next().unwrap().contains("FACTION"), "{wide}");
}

#[test]
fn colour_only_when_asked_or_on_a_terminal() {
    let plain = stdout(&["list"]);
    assert!(!plain.contains('\x1b'), "not a terminal: no escapes");
    let forced = stdout(&["list", "--color", "always"]);
    assert!(forced.contains("\x1b["), "--color always colours");
    let no_color = hustings(&["list", "--color", "auto"])
        .env("NO_COLOR", "1")
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    assert!(!String::from_utf8(no_color).unwrap().contains('\x1b'));
    for format in ["json", "csv", "markdown"] {
        let out = stdout(&["list", "--color", "always", "--format", format]);
        assert!(!out.contains('\x1b'), "{format} is never coloured");
    }
}

#[test]
fn text_snapshot() {
    insta::assert_snapshot!(stdout(&["list"]));
    insta::assert_snapshot!(
        "fixture_list",
        stdout(&["list", "--data", fixture().to_str().unwrap()])
    );
}
