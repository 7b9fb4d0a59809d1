//! `hustings history ID` as a real process: the contests of one constituency, oldest first,
//! matched by id or by name across merged files.

use crate::support::cli::{hustings, listed_ids, stdout};
use crate::support::data::seed_file;

#[test]
fn seed_stockport_history_in_date_order() {
    let text = stdout(&["history", "stockport-selection-2019"]);
    assert!(text.starts_with("Stockport, oldest first\n"), "{text}");
    let ge = text.find("stockport-ge-2017").unwrap();
    let selection = text.find("stockport-selection-2019").unwrap();
    assert!(ge < selection, "{text}");
    let json = stdout(&["history", "stockport-ge-2017", "--format", "json"]);
    assert!(json.contains("\"schema\": \"hustings.history\""));
    assert_eq!(
        listed_ids(&json),
        ["stockport-ge-2017", "stockport-selection-2019"]
    );
}

#[test]
fn filters_narrow_the_history_and_unknown_ids_are_errors() {
    let json = stdout(&[
        "history",
        "STOCKPORT-SELECTION-2019",
        "--kind",
        "general-election",
        "--format",
        "json",
    ]);
    assert_eq!(listed_ids(&json), ["stockport-ge-2017"]);
    hustings(&["history", "stockport-2019"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("stockport-selection-2019"));
}

#[test]
fn merged_files_match_by_constituency_id_and_name() {
    let dir = tempfile::tempdir().unwrap();
    let extra = dir.path().join("ge.json");
    // Two general elections with ONS ids (one spelt in another case) and a namesake seat with
    // a different id, which is another constituency.
    std::fs::write(
        &extra,
        r#"{"schema_version": 1, "regions": [], "factions": [], "contests": [
          {"id": "ge2019-stockport", "kind": "general-election", "title": "Stockport 2019",
           "constituency": "Stockport", "constituency_id": "E14000969", "date": "2019-12-12",
           "status": "decided", "candidates": [], "sources": []},
          {"id": "ge2024-stockport", "kind": "general-election", "title": "Stockport 2024",
           "constituency": "STOCKPORT", "constituency_id": "e14000969", "date": "2024-07-04",
           "status": "decided", "candidates": [], "sources": []},
          {"id": "elsewhere", "kind": "general-election", "title": "Another Stockport",
           "constituency": "Stockport", "constituency_id": "E99999999", "date": "2024-07-04",
           "status": "decided", "candidates": [], "sources": []}
        ]}"#,
    )
    .unwrap();
    let (seed, extra) = (seed_file(), extra.to_str().unwrap().to_string());
    let ids = |id: &str| {
        listed_ids(&stdout(&[
            "history",
            id,
            "--data",
            seed.to_str().unwrap(),
            "--data",
            &extra,
            "--format",
            "json",
        ]))
    };
    // From the seed's selection (no id): every contest named Stockport.
    assert_eq!(
        ids("stockport-selection-2019"),
        [
            "stockport-ge-2017",
            "stockport-selection-2019",
            "ge2019-stockport",
            "elsewhere",
            "ge2024-stockport"
        ]
    );
    // From a contest with an id: the other id is another seat.
    assert_eq!(
        ids("ge2019-stockport"),
        [
            "stockport-ge-2017",
            "stockport-selection-2019",
            "ge2019-stockport",
            "ge2024-stockport"
        ]
    );
}
