//! `hustings import csv` through the real binary, and an OpenElections CSV opened by
//! `hustings FILE.csv` with no flags.

use crate::support::cli::{hustings, stdout};
use crate::support::data::real_data;

#[test]
fn import_csv_maps_the_bundestag_file_by_flags() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("bt.json");
    let run = hustings(&["import", "csv"])
        .arg(real_data("csv/de_bundestag_2025_second_vote.csv"))
        .args([
            "--contest",
            "district",
            "--candidate",
            "name",
            "--votes",
            "votes",
            "--rejected-row",
            "? Ungültige",
            "--date",
            "2025-02-23",
            "--kind",
            "general-election",
            "-o",
        ])
        .arg(&out)
        .output()
        .unwrap();
    let summary = String::from_utf8_lossy(&run.stderr);
    assert!(run.status.success(), "{summary}");
    assert!(
        summary.contains("as a results CSV: 16 contests"),
        "{summary}"
    );
    assert!(
        summary.contains("taken as rejected ballots in 16 of 16 contests"),
        "{summary}"
    );
    let doc: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    assert_eq!(doc["contests"].as_array().unwrap().len(), 16);
    assert_eq!(doc["contests"][0]["ballots"]["rejected"], 9963);
    assert_eq!(doc["contests"][0]["date"], "2025-02-23");
    let again = hustings(&["import", "csv"])
        .arg(real_data("csv/de_bundestag_2025_second_vote.csv"))
        .arg("-o")
        .arg(&out)
        .output()
        .unwrap();
    assert_eq!(again.status.code(), Some(2));
}

#[test]
fn an_unmappable_header_names_the_columns_and_flags() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("x.csv");
    std::fs::write(&bad, "a;b;c\n1;2;3\n").unwrap();
    let run = hustings(&["import", "csv"]).arg(&bad).output().unwrap();
    assert_eq!(run.status.code(), Some(2));
    let err = String::from_utf8(run.stderr).unwrap();
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("x.csv:1:"), "{err}");
    assert!(
        err.contains("\"a\", \"b\", \"c\"") && err.contains("--contest COL"),
        "{err}"
    );
}

#[test]
fn an_open_elections_csv_opens_with_no_flags() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("20201103__ga__general__precinct.csv");
    std::fs::write(
        &file,
        "county,precinct,office,district,party,candidate,votes\n\
         Fulton,P1,U.S. House,5,DEM,Ann,1200\nFulton,P2,U.S. House,5,DEM,Ann,300\n\
         Fulton,P1,U.S. House,5,REP,Bob,900\n",
    )
    .unwrap();
    let path = file.to_str().unwrap();
    let out = stdout(&["validate", path]);
    assert!(out.starts_with("ok: 1 contests, 2 candidates"), "{out}");
    let list = stdout(&["list", "--data", path]);
    assert!(
        list.contains("u-s-house-district-5") && list.contains("Ann"),
        "{list}"
    );
    let run = hustings(&["import", path]).output().unwrap();
    assert!(run.status.success());
    assert!(String::from_utf8_lossy(&run.stderr).contains("as a results CSV: 1 contest"));
}

#[test]
fn open_elections_pseudo_rows_are_not_candidates() {
    // OpenElections files carry totals in the candidate column: they must never stand (an
    // undervote count can exceed the winner's votes).
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("20201103__xx__general__precinct.csv");
    std::fs::write(
        &file,
        "county,precinct,office,district,party,candidate,votes\n\
         A,1,State House,5,DEM,Jane Roe,120\nA,1,State House,5,REP,John Doe,100\n\
         A,1,State House,5,,Over Votes,3\nA,1,State House,5,,Under Votes,400\n\
         A,2,State House,5,DEM,Jane Roe,20\nA,2,State House,5,,Registered Voters,900\n\
         A,2,State House,5,,Over Votes,2\n",
    )
    .unwrap();
    let path = file.to_str().unwrap();
    let run = hustings(&["import", path]).output().unwrap();
    assert!(run.status.success());
    let summary = String::from_utf8_lossy(&run.stderr);
    for line in [
        "left out 1 rows whose candidate is \"Under Votes\" (a total, not a candidate",
        "rows named \"Registered Voters\" taken as the electorate (eligible)",
        "rows named \"Over Votes\" taken as rejected ballots",
    ] {
        assert!(summary.contains(line), "missing {line:?} in {summary}");
    }
    let doc: serde_json::Value = serde_json::from_slice(&run.stdout).unwrap();
    let contest = &doc["contests"][0];
    let names: Vec<&str> = contest["candidates"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["Jane Roe", "John Doe"]);
    assert_eq!(contest["ballots"]["rejected"], 5);
    assert_eq!(contest["ballots"]["eligible"], 900);
    assert_eq!(contest["candidates"][0]["elected"], true);
    // A flag decides otherwise for the rows it names.
    let run = hustings(&["import", "csv", path, "--not-candidate", "Over Votes"])
        .output()
        .unwrap();
    let doc: serde_json::Value = serde_json::from_slice(&run.stdout).unwrap();
    assert!(
        doc["contests"][0]["ballots"]["rejected"].is_null(),
        "{}",
        doc["contests"][0]
    );
    let summary = String::from_utf8_lossy(&run.stderr);
    assert!(
        summary.contains("left out 2 rows whose candidate is \"Over Votes\" (--not-candidate)"),
        "{summary}"
    );
}
