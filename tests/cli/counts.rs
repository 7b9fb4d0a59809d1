//! Count files from counting software through the real binary: opened directly by every
//! command that reads data, converted with `hustings import FILE`, shown round by round.

use crate::support::cli::{hustings, stdout};
use crate::support::data::real_data;

fn maine() -> String {
    real_data("rcv/2018_maine_governor_primary.json")
        .display()
        .to_string()
}

#[test]
fn every_command_opens_a_count_file() {
    let data = maine();
    let id = "maine-2018-democratic-governor-primary-race";
    let out = stdout(&["validate", &data]);
    assert!(out.starts_with("ok: 1 contests, 8 candidates"), "{out}");
    let list = stdout(&["list", "--data", &data]);
    assert!(
        list.contains(id) && list.contains("Mills, Janet T."),
        "{list}"
    );
    let show = stdout(&["show", id, "--data", &data]);
    assert!(
        show.contains("Margin          9,521 (8.1 pts, final round)"),
        "{show}"
    );
    assert!(
        show.contains("Winner's share  54.1% in the final round (33.1% of first preferences)"),
        "{show}"
    );
    assert!(
        show.contains("Round 4: Mills, Janet T. 63,387, Cote, Adam Roland 53,866"),
        "{show}"
    );
    let json = stdout(&["show", id, "--data", &data, "--format", "json"]);
    let doc: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(doc["contest"]["rounds"].as_array().unwrap().len(), 4);
    assert_eq!(doc["contest"]["rounds"][0]["threshold"], 63070);
    let stats = stdout(&["stats", "--by", "kind", "--data", &data]);
    assert!(stats.contains("selection"), "{stats}");
}

#[test]
fn import_converts_a_count_file_and_never_overwrites_unasked() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("maine.json");
    let run = hustings(&["import", &maine(), "-o"])
        .arg(&out)
        .output()
        .unwrap();
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let summary = String::from_utf8(run.stderr).unwrap();
    assert!(
        summary.starts_with(&format!(
            "read {} as a count file (RCTab / Universal Tabulator JSON): 1 contest, 8 candidates",
            maine()
        )),
        "{summary}"
    );
    // `summary.totalNumBallots` is read (the ballots cast); the rest of the summary is not.
    assert!(
        summary.contains("note: ignored `summary.undervotes`")
            && !summary.contains("summary.totalNumBallots"),
        "{summary}"
    );
    let written: serde_json::Value = serde_json::from_slice(&std::fs::read(&out).unwrap()).unwrap();
    assert_eq!(written["contests"][0]["ballots"]["cast"], 132_250);
    // What was written loads, keeping the rounds.
    let show = stdout(&[
        "show",
        "maine-2018-democratic-governor-primary-race",
        "--data",
        out.to_str().unwrap(),
    ]);
    assert!(show.contains("Round 4:"), "{show}");
    let again = hustings(&["import", &maine(), "-o"])
        .arg(&out)
        .output()
        .unwrap();
    assert_eq!(again.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&again.stderr).contains("already exists; pass --force"));
    let forced = hustings(&["import", &maine(), "--force", "-o"])
        .arg(&out)
        .output()
        .unwrap();
    assert!(forced.status.success());
}

#[test]
fn a_broken_count_file_is_one_line_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.json");
    std::fs::write(
        &bad,
        r#"{"config": {"contest": "X"}, "results": [{"round": 1, "tally": {"A": -3}}]}"#,
    )
    .unwrap();
    let run = hustings(&["validate"]).arg(&bad).output().unwrap();
    assert_eq!(run.status.code(), Some(2));
    let err = String::from_utf8(run.stderr).unwrap();
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.contains("results[0].tally.A: -3 is not a count"),
        "{err}"
    );
}

/// A count with several seats has winners in the order elected, and no single winner's share
/// or margin: Minneapolis Park Board 2013 elected Erwin (round 3), then Young and Forney
/// (round 10) — everywhere the winner is printed.
#[test]
fn several_seats_have_winners_in_the_order_elected() {
    let data = real_data("rcv/2013_minneapolis_park.json")
        .display()
        .to_string();
    let id = "2013-minneapolis-park-board";
    let wide = hustings(&["list", "--data", &data])
        .env("COLUMNS", "200")
        .output()
        .unwrap();
    let list = String::from_utf8(wide.stdout).unwrap();
    assert!(
        list.contains("Elected: JOHN ERWIN, ANNIE YOUNG, MEG FORNEY"),
        "{list}"
    );
    let csv = stdout(&["list", "--data", &data, "--format", "csv"]);
    let row = csv.lines().nth(1).unwrap();
    assert!(
        row.contains(",JOHN ERWIN; ANNIE YOUNG; MEG FORNEY,"),
        "{row}"
    );
    let json = stdout(&["list", "--data", &data, "--format", "json"]);
    let doc: serde_json::Value = serde_json::from_str(&json).unwrap();
    let derived = &doc["contests"][0]["derived"];
    assert_eq!(derived["winner"], serde_json::Value::Null);
    assert_eq!(
        derived["winners"],
        serde_json::json!(["JOHN ERWIN", "ANNIE YOUNG", "MEG FORNEY"])
    );
    let show = stdout(&["show", id, "--data", &data]);
    assert!(
        show.contains("  Elected  JOHN ERWIN, ANNIE YOUNG, MEG FORNEY\n"),
        "{show}"
    );
    assert!(!show.contains("Winner's share"), "{show}");
    assert!(!show.contains("Margin"), "{show}");
    let markdown = stdout(&["show", id, "--data", &data, "--format", "markdown"]);
    assert!(
        markdown.contains("- **Elected:** JOHN ERWIN, ANNIE YOUNG, MEG FORNEY"),
        "{markdown}"
    );
    // Eastpointe's two council seats, in the order its count elected them.
    let eastpointe = real_data("rcv/eastpointe_mi_2019_council_stv.json")
        .display()
        .to_string();
    let list = stdout(&["list", "--data", &eastpointe, "--format", "json"]);
    let doc: serde_json::Value = serde_json::from_str(&list).unwrap();
    let winners = &doc["contests"][0]["derived"]["winners"];
    assert_eq!(winners.as_array().unwrap().len(), 2, "{winners}");
}

/// Issue 23.18: files hustings does not read are named for what they are, in one line with
/// exit status 2 — RCTab's summary CSV, a Dominion "Election Summary Report" (XML with root
/// `<Report>`), an ElectionBuddy results CSV (all real files in tests/corpus), and a CSV whose
/// header is not recognised (made here).
#[test]
fn files_hustings_does_not_read_are_named_for_what_they_are() {
    let corpus = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/corpus");
    let dir = tempfile::tempdir().unwrap();
    let odd = dir.path().join("odd.csv");
    std::fs::write(&odd, "Race,Person,Tally\nMayor,Ann,10\n").unwrap();
    let cases = [
        (
            corpus.join("rctab/rctab-summary-csv/2018_maine_governor_primary_expected_summary.csv"),
            "an RCTab summary CSV: open the JSON report beside it (RCTab writes both; hustings reads the JSON)",
        ),
        (
            corpus.join("other/dominion-rcv-xml/dominion-multi-converter.xml"),
            "an XML file with root element `<Report>`: not a format hustings reads (it reads NIST and Clarity XML)",
        ),
        (
            corpus.join("other/electionbuddy/multiwinner.csv"),
            "an ElectionBuddy results CSV: not a format hustings reads (rcvformats converts it to Universal Tabulator JSON, which hustings reads)",
        ),
        (
            odd,
            "a CSV whose header `Race,Person,Tally` is not one hustings recognises: name its columns with `hustings import csv FILE --contest COL --candidate COL --votes COL` (hustings import csv --help)",
        ),
    ];
    for (path, said) in cases {
        let file = path.to_str().unwrap();
        let run = hustings(&["validate", file]).output().unwrap();
        assert_eq!(run.status.code(), Some(2), "{file}");
        let stderr = String::from_utf8(run.stderr).unwrap();
        assert_eq!(stderr, format!("error: {file}:1:1: (top level): {said}\n"));
        assert!(run.stdout.is_empty());
    }
}
