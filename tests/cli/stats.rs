//! `hustings stats` run as a real process: every grouping in every format, and agreement
//! with `list` through the shared query engine.

use crate::support::cli::{listed_ids, stdout};
use crate::support::data::fixture;
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
        for by in ["faction", "region", "endorser", "kind", "party", "month"] {
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
            // The fixture has no general election: no seats, so no party table.
            let no_seats = by == "party" && text.contains("\n0 seats");
            assert!(
                text.contains(&by.to_uppercase()) || no_seats,
                "{by}: {text}"
            );
            let text_json = with("json");
            // Every document starts with what it is (docs/OUTPUT.md, "Stability").
            assert!(
                text_json.starts_with(
                    "{\n  \"schema\": \"hustings.stats\",\n  \"version\": 1,\n  \"generator\": "
                ),
                "{text_json}"
            );
            let json: Value = serde_json::from_str(&text_json).unwrap();
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
    insta::assert_snapshot!("stats_party", stdout(&["stats", "--by", "party"]));
    insta::assert_snapshot!("stats_month", stdout(&["stats", "--by", "month"]));
}

#[test]
fn seats_per_party_count_general_elections_only() {
    let json = stats_json(&["--by", "party"]);
    // The seed's two 2017 general-election results; its selections elect no seat.
    assert_eq!(json["seat_totals"]["contests"], 2);
    assert_eq!(json["totals"]["contests"], 17);
    let rows = json["rows"].as_array().unwrap();
    let seats: Vec<(&str, u64, u64)> = rows
        .iter()
        .map(|r| {
            (
                r["party"].as_str().unwrap(),
                r["won"].as_u64().unwrap(),
                r["stood"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(seats, [("Labour", 1, 2), ("Conservative", 1, 1)]);
    let md = stdout(&["stats", "--by", "party", "--format", "markdown"]);
    assert!(
        md.contains("| Labour | 1 | 1 | 0 | 2 | at least 9,036 | n/a |"),
        "{md}"
    );
    assert!(
        md.contains("_2 seats (general elections and by-elections)"),
        "{md}"
    );
    let csv = stdout(&["stats", "--by", "party", "--format", "csv"]);
    assert!(
        csv.starts_with(
            "party,faction_id,stood,won,lost,pending,votes,votes_unknown,share_percent,parts,share_then_percent,share_points\n"
        ),
        "{csv}"
    );
}

#[test]
fn months_keep_the_precision_of_each_date() {
    let json = stats_json(&["--by", "month"]);
    let rows = json["rows"].as_array().unwrap();
    let find = |period: Value| rows.iter().find(|r| r["period"] == period).unwrap();
    // Five 2019 selections are dated only to the year: never counted in January.
    let year = find(Value::from("2019"));
    assert_eq!(
        (year["name"].as_str(), year["contests"].as_u64()),
        (Some("2019 (month unknown)"), Some(5))
    );
    assert!(
        rows.iter()
            .all(|r| r["period"] != "2019-01" || r["contests"] == 0)
    );
    assert_eq!(find(Value::from("2019-10"))["contests"], 2);
    assert_eq!(find(Value::Null)["contests"], 7, "undated");
    let total: u64 = rows.iter().map(|r| r["contests"].as_u64().unwrap()).sum();
    assert_eq!(total, 17);
    // Every month between the first and the last is a row in JSON and CSV (Jun 2017 – Oct 2019).
    let months = rows
        .iter()
        .filter(|r| r["period"].as_str().is_some_and(|p| p.len() == 7))
        .count();
    assert_eq!(months, 29);
    let csv = stdout(&["stats", "--by", "month", "--format", "csv"]);
    assert!(csv.contains("2019,2019 (month unknown),5,5,0,"), "{csv}");
}
