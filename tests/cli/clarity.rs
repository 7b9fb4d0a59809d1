//! Clarity election-night XML through the real binary: opened by every command that reads
//! data and converted with `hustings import FILE`.

use crate::support::cli::{hustings, stdout};
use crate::support::data::real_data;

fn greenup() -> String {
    real_data("results/kentucky_greenup_2014_gop_senate_primary_precinct.xml")
        .display()
        .to_string()
}

#[test]
fn every_command_opens_a_clarity_file() {
    let data = greenup();
    let out = stdout(&["validate", &data]);
    assert!(out.starts_with("ok: 1 contests, 5 candidates"), "{out}");
    let list = stdout(&["list", "--data", &data]);
    assert!(
        list.contains("greenup-us-senator-republican-2014") && list.contains("Mitch McCONNELL"),
        "{list}"
    );
    let json = stdout(&[
        "show",
        "greenup-us-senator-republican-2014",
        "--data",
        &data,
        "--format",
        "json",
    ]);
    let doc: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(doc["contest"]["candidates"].as_array().unwrap().len(), 5);
}

#[test]
fn import_converts_a_clarity_file_with_a_summary() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("greenup.json");
    let run = hustings(&["import", &greenup(), "-o"])
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
        summary.contains(
            "as a Clarity election-night results file (XML): 1 contest, 5 candidates, 0 warnings"
        ),
        "{summary}"
    );
    assert!(
        summary.contains("note: US Senator - REPUBLICAN: 32 of 32 precincts reported"),
        "{summary}"
    );
    let doc: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    assert_eq!(doc["contests"][0]["candidates"][2]["votes"], 1135);
    let again = hustings(&["import", &greenup(), "-o"])
        .arg(&out)
        .output()
        .unwrap();
    assert_eq!(again.status.code(), Some(2));
}

#[test]
fn a_truncated_clarity_file_is_one_line_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("detail.xml");
    let text = std::fs::read_to_string(greenup()).unwrap();
    std::fs::write(&bad, &text[..text.len() / 2]).unwrap();
    let run = hustings(&["validate"]).arg(&bad).output().unwrap();
    assert_eq!(run.status.code(), Some(2));
    let err = String::from_utf8(run.stderr).unwrap();
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.contains("detail.xml:") && err.contains("truncated"),
        "{err}"
    );
}
