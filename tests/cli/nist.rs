//! NIST SP 1500-100 election results (JSON and XML) through the real binary: opened by every
//! command that reads data, converted with `hustings import FILE`, and bad reports refused in
//! one line with exit status 2.

use crate::support::cli::{hustings, stdout};
use crate::support::data::real_data;

fn report(name: &str) -> String {
    std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/nist")
        .join(name)
        .display()
        .to_string()
}

#[test]
fn every_command_opens_nist_json_and_xml() {
    for name in ["ge2019-seats.json", "ge2019-seats.xml"] {
        let data = report(name);
        assert_eq!(
            stdout(&["validate", &data]),
            "ok: 5 contests, 21 candidates, 0 warnings\n"
        );
        let list = stdout(&["list", "--data", &data]);
        assert!(
            list.contains("hcl-belfast-east-2019")
                && list.contains("Gavin Robinson")
                && list.contains("5 contests: 5 decided, 0 pending"),
            "{list}"
        );
        let stats = stdout(&["stats", "--by", "party", "--data", &data]);
        assert!(
            stats.contains("Labour                         2"),
            "{stats}"
        );
        let json = stdout(&[
            "show",
            "hcl-ealing-north-2019",
            "--data",
            &data,
            "--format",
            "json",
        ]);
        let doc: serde_json::Value = serde_json::from_str(&json).unwrap();
        let murray = &doc["contest"]["candidates"][0];
        assert_eq!(murray["name"], "James Murray");
        assert_eq!(murray["votes"], 28036);
        assert_eq!(murray["endorsements"][0], "Co-operative Party");
        assert_eq!(doc["contest"]["ballots"]["eligible"], 74473);
    }
    let maine = report("maine-2018-governor-primary.xml");
    let show = stdout(&[
        "show",
        "me-democratic-primary-for-governor-2018",
        "--data",
        &maine,
    ]);
    assert!(
        show.contains("Method          ranked-choice voting, 4 rounds")
            && show.contains("Margin          9,521 (8.1 pts, final round)"),
        "{show}"
    );
    let google = real_data("results/google_civics_post_election_sample_feed_summary.xml");
    assert_eq!(
        stdout(&["validate", &google.display().to_string()]),
        "ok: 15 contests, 24 candidates, 0 warnings\n"
    );
}

#[test]
fn import_converts_a_nist_report_with_a_summary() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("maine.json");
    let run = hustings(&["import", &report("maine-2018-governor-primary.json"), "-o"])
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
            "read {} as a NIST SP 1500-100 v2 election results report (JSON): 1 contest, 8 candidates, 0 warnings\n",
            report("maine-2018-governor-primary.json")
        )),
        "{summary}"
    );
    assert!(
        summary.ends_with(&format!("wrote {}\n", out.display())),
        "{summary}"
    );
    // What was written loads as a hustings dataset, rounds and all.
    let doc: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    assert_eq!(doc["contests"][0]["rounds"].as_array().unwrap().len(), 4);
    assert_eq!(
        stdout(&["validate", &out.display().to_string()]),
        "ok: 1 contests, 8 candidates, 0 warnings\n"
    );
    // Google's feed: what was not understood is named.
    let google = real_data("results/google_civics_post_election_sample_feed_summary.xml");
    let run = hustings(&["import"]).arg(&google).output().unwrap();
    assert!(run.status.success());
    let summary = String::from_utf8(run.stderr).unwrap();
    for line in [
        "note: ignored `ElectionReport.GovernmentBodyCollection`, which is not part of NIST SP 1500-100 v2",
        "note: Governor: 21 of 31 sub-units reported",
    ] {
        assert!(summary.contains(line), "missing {line:?} in:\n{summary}");
    }
}

/// Runs `hustings validate FILE` on `text` written to `name`; returns the one line of stderr.
fn refused(name: &str, text: &str) -> String {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    std::fs::write(&path, text).unwrap();
    let run = hustings(&["validate"]).arg(&path).output().unwrap();
    assert_eq!(run.status.code(), Some(2), "{name}");
    assert!(run.stdout.is_empty());
    let err = String::from_utf8(run.stderr).unwrap();
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.starts_with(&format!("error: {}:", path.display())),
        "{err}"
    );
    err
}

#[test]
fn bad_reports_are_one_line_with_exit_status_2() {
    let json = std::fs::read_to_string(report("maine-2018-governor-primary.json")).unwrap();
    let xml = std::fs::read_to_string(report("maine-2018-governor-primary.xml")).unwrap();
    let err = refused(
        "wrong-type.json",
        &json.replacen(r#""Count": 41735"#, r#""Count": true"#, 1),
    );
    assert!(
        err.ends_with(": Election[0].Contest[0].ContestSelection[4].VoteCounts[0].Count: invalid type: boolean `true`, expected a number\n"),
        "{err}"
    );
    let err = refused("truncated.xml", &xml[..xml.len() * 2 / 3]);
    assert!(err.contains("truncated?"), "{err}");
    let err = refused("truncated.json", &json[..json.len() * 2 / 3]);
    assert!(
        err.contains("(the file ends too soon: truncated?)"),
        "{err}"
    );
    let err = refused(
        "unknown-unit.xml",
        &xml.replacen(
            "<GpUnitId>ru-me</GpUnitId>",
            "<GpUnitId>ru-nh</GpUnitId>",
            1,
        ),
    );
    assert!(
        err.contains(":5:7: /ElectionReport[1]/Election[1]/BallotCounts[1]/GpUnitId[1]: \"ru-nh\" is not the @id of any object in the file"),
        "{err}"
    );
    let err = refused(
        "unknown-party.json",
        &json.replacen(
            r#""PrimaryPartyIds": ["#,
            r#""PrimaryPartyIds": ["par-gop", "#,
            1,
        ),
    );
    assert!(
        err.contains("Election[0].Contest[0].PrimaryPartyIds[0]: \"par-gop\" is not the @id of any object in the file (expected a Party or Coalition)"),
        "{err}"
    );
}
