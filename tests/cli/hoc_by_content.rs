//! The House of Commons Library's candidate CSVs open by content, as they are published:
//! `hustings FILE.csv`, `--data`, `validate` and `hustings import FILE` read them without
//! `import hoc-candidates` (which can also join the constituency file).

use crate::support::cli::{hustings, stdout};
use crate::support::data::real_data;

#[test]
fn the_library_candidate_files_open_directly() {
    for (name, contests, candidates) in [
        ("HoC-GE2019-results-by-candidate.csv", 650, 3320),
        ("HoC-GE2017-results-by-candidate.csv", 650, 3304),
    ] {
        let file = real_data(name).display().to_string();
        assert_eq!(
            stdout(&["validate", &file]),
            format!("ok: {contests} contests, {candidates} candidates, 0 warnings\n")
        );
    }
    let file = real_data("HoC-GE2019-results-by-candidate.csv")
        .display()
        .to_string();
    // The same contests as `import hoc-candidates` makes (Birkenhead: ge2019-e14000559).
    let json = stdout(&[
        "show",
        "ge2019-e14000559",
        "--data",
        &file,
        "--format",
        "json",
    ]);
    let doc: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(doc["contest"]["title"], "Birkenhead, 2019 general election");
    assert_eq!(doc["contest"]["candidates"][0]["name"], "Mick Whitley");
    assert_eq!(doc["contest"]["candidates"][0]["votes"], 24990);
}

#[test]
fn import_names_the_layout_and_what_needs_the_constituency_file() {
    let file = real_data("HoC-GE2017-results-by-candidate.csv")
        .display()
        .to_string();
    let run = hustings(&["import", &file]).output().unwrap();
    assert!(run.status.success());
    let summary = String::from_utf8(run.stderr).unwrap();
    for line in [
        format!(
            "read {file} as a House of Commons Library candidate CSV (GE2017 layout): 650 contests, 3304 candidates, 0 warnings"
        ),
        "note: GE2017 candidate layout, 3304 candidate rows; election date 2017-06-08 (polling day of that release)".into(),
        "note: ballot totals, majorities and results need the constituency file: hustings import hoc-candidates FILE --constituencies FILE".into(),
    ] {
        assert!(summary.contains(&line), "missing {line:?} in:\n{summary}");
    }
    // The constituency-level file is not a candidate file: not recognised, so read as JSON.
    let seats = real_data("HoC-GE2019-results-by-constituency.csv")
        .display()
        .to_string();
    let run = hustings(&["validate", &seats]).output().unwrap();
    assert_eq!(run.status.code(), Some(2));
}
