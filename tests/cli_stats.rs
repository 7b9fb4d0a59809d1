//! `hustings stats` run as a real process: every grouping in every format, and agreement
//! with `list` through the shared query engine.

mod common;

use common::{fixture, listed_ids, stdout};
use serde_json::Value;

fn stats_json(args: &[&str]) -> Value {
    let mut all = vec!["stats", "--format", "json"];
    all.extend_from_slice(args);
    serde_json::from_str(&stdout(&all)).expect("stats output is JSON")
}

#[test]
fn every_grouping_in_every_format() {
    let fixture = fixture();
    for data in [None, Some(fixture.to_str().unwrap())] {
        for by in ["faction", "region", "endorser", "kind"] {
            let mut base = vec!["stats", "--by", by];
            if let Some(d) = data {
                base.extend(["--data", d]);
            }
            let with = |format: &str| {
                let mut args = base.clone();
                args.extend(["--format", format]);
                stdout(&args)
            };
            let text = with("text");
            assert!(text.contains(" contests"), "{by}: {text}");
            assert!(text.contains(&by.to_uppercase()), "{by}: {text}");
            let json: Value = serde_json::from_str(&with("json")).unwrap();
            assert_eq!(json["schema"], "hustings.stats");
            assert_eq!(json["by"], by);
            let csv = with("csv");
            let mut reader = csv::Reader::from_reader(csv.as_bytes());
            let rows = reader.records().map(Result::unwrap).count();
            assert_eq!(rows, json["rows"].as_array().unwrap().len(), "{by}");
            let md = with("markdown");
            assert!(md.starts_with("| "), "{by}: {md}");
        }
    }
}

#[test]
fn faction_wins_match_the_list_of_decided_contests() {
    let json = stats_json(&[]);
    assert_eq!(json["totals"]["contests"], 17);
    assert_eq!(json["totals"]["pending"], 8);
    let rows = json["rows"].as_array().unwrap();
    assert_eq!(rows[0]["faction"], "labour-left");
    assert_eq!(
        (rows[0]["won"].as_u64(), rows[0]["stood"].as_u64()),
        (Some(6), Some(7))
    );
    for row in rows {
        let Some(faction) = row["faction"].as_str() else {
            continue;
        };
        let listed = listed_ids(&stdout(&[
            "list",
            "--format",
            "json",
            "--faction",
            faction,
            "--status",
            "decided",
        ]));
        assert_eq!(Some(listed.len() as u64), row["won"].as_u64(), "{faction}");
    }
}

#[test]
fn filters_narrow_the_statistics() {
    let json = stats_json(&["--by", "region", "--region", "Yorkshire and the Humber"]);
    let rows = json["rows"].as_array().unwrap();
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0]["region"], "yorkshire-and-the-humber");
    assert_eq!(rows[0]["contests"], 2);
    assert_eq!(rows[0]["wins"][0]["faction"], "labour-left");
    assert_eq!(rows[0]["wins"][0]["won"], 2);
    assert_eq!(json["query"]["regions"][0], "yorkshire-and-the-humber");
}

#[test]
fn endorsers_report_endorsed_and_won() {
    let json = stats_json(&["--by", "endorser"]);
    let unite = json["rows"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["endorser"] == "Unite")
        .unwrap();
    assert_eq!(
        (unite["endorsed"].as_u64(), unite["won"].as_u64()),
        (Some(3), Some(3))
    );
    let lavery = json["rows"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["endorser"] == "Ian Lavery")
        .unwrap();
    assert_eq!(lavery["pending"], 1);
    assert_eq!(
        lavery["win_rate"],
        Value::Null,
        "nothing decided: no rate, not 0"
    );
    let fixture = fixture();
    let csv = stdout(&[
        "stats",
        "--by",
        "endorser",
        "--format",
        "csv",
        "--data",
        fixture.to_str().unwrap(),
    ]);
    assert!(csv.contains("Union A,4,2,2,0,0.50"), "{csv}");
}

#[test]
fn text_snapshots() {
    insta::assert_snapshot!("stats_faction", stdout(&["stats"]));
    insta::assert_snapshot!("stats_region", stdout(&["stats", "--by", "region"]));
}
