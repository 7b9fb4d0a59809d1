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

/// Issue 23: a count of several seats says who was elected in which round with what, against
/// the quota, and where a surplus went — in text, Markdown and JSON (Minneapolis Park Board
/// 2013, three seats; Eastpointe 2019, two).
#[test]
fn counts_of_several_seats_say_the_seats_filled_quota_and_surplus() {
    let data = real_data("rcv/2013_minneapolis_park.json")
        .display()
        .to_string();
    let id = "2013-minneapolis-park-board";
    let show = stdout(&["show", id, "--data", &data]);
    assert!(
        show.contains(
            "  Seats filled:\n  - JOHN ERWIN elected in round 3 with 14,866 (quota 14,866)\n"
        ),
        "{show}"
    );
    assert!(
        show.contains("ANNIE YOUNG elected in round 10 with 15,044.0000 (quota 14,866), surplus"),
        "{show}"
    );
    assert!(show.contains("over the quota: JOHN ERWIN 0"), "{show}");
    let markdown = stdout(&["show", id, "--data", &data, "--format", "markdown"]);
    assert!(
        markdown.contains(
            "**Seats filled:**\n\n- JOHN ERWIN elected in round 3 with 14,866 (quota 14,866)\n"
        ),
        "{markdown}"
    );
    let json = stdout(&["show", id, "--data", &data, "--format", "json"]);
    let doc: serde_json::Value = serde_json::from_str(&json).unwrap();
    let seats = &doc["count"]["seats_filled"];
    assert_eq!(
        seats[0],
        serde_json::json!({"round": 3, "candidate": "JOHN ERWIN", "votes": 14866,
            "quota": 14866, "surplus": 0, "transferred": null, "set_aside": []})
    );
    assert_eq!(seats[1]["candidate"], "ANNIE YOUNG");
    assert_eq!(seats[1]["surplus"], "178.0000");
    let eastpointe = real_data("rcv/eastpointe_mi_2019_council_stv.json")
        .display()
        .to_string();
    let id = "city-of-eastpointe-macomb-county-mi-2019";
    // Long lines wrap with a hanging indent: read them whole.
    let show = stdout(&["show", id, "--data", &eastpointe]).replace("\n    ", " ");
    assert!(
        show.contains(
            "Harvey Curley elected in round 2 with 144 (quota 134), surplus 10: 9.9936 transferred, 0.0064 residual surplus"
        ),
        "{show}"
    );
    let json = stdout(&["show", id, "--data", &eastpointe, "--format", "json"]);
    let doc: serde_json::Value = serde_json::from_str(&json).unwrap();
    let curley = doc["count"]["rounds"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["round"] == 2 && r["candidate"] == "Harvey Curley")
        .unwrap()
        .clone();
    assert_eq!(
        curley,
        serde_json::json!({"round": 2, "candidate": "Harvey Curley", "faction_id": null,
            "votes": 144, "share_percent": 36.0, "change": 64, "status": "elected",
            "transfers_in": null, "transfers_out": "9.9936", "exhausted": null,
            "set_aside": "0.0064", "threshold": 134, "surplus": 10})
    );
}

/// Issue 23.5: Maine 2018's first round eliminates four at once; `show` accounts for each
/// one's ballots instead of one exhausted total.
#[test]
fn a_batch_elimination_accounts_for_each_candidate() {
    let data = maine();
    let id = "maine-2018-democratic-governor-primary-race";
    for format in ["text", "markdown"] {
        let show =
            stdout(&["show", id, "--data", &data, "--format", format]).replace("\n    ", " ");
        assert!(
            show.contains("Dion, Donna J.: 1,221 transferred, 375 exhausted; Dion, Mark N.: 4,296 transferred, 904 exhausted; Russell, Diane Marie: 2,443 transferred, 285 exhausted; Write-in: 266 transferred, 482 exhausted;"),
            "{format}: {show}"
        );
        assert!(!show.contains("2,046 exhausted"), "{format}: {show}");
    }
}

/// Issue 23: `show --format csv` writes every round of a count, one row per candidate per
/// round; text from the file is formula-safe unless --csv-raw; a contest without rounds is
/// refused in one line.
#[test]
fn show_writes_every_round_of_a_count_as_csv() {
    let data = maine();
    let id = "maine-2018-democratic-governor-primary-race";
    let csv = stdout(&["show", id, "--data", &data, "--format", "csv"]);
    let mut rows = csv.lines();
    assert_eq!(
        rows.next(),
        Some(
            "contest_id,round,candidate,faction_id,votes,share_percent,change,status,transfers_in,transfers_out,exhausted,set_aside,threshold,surplus,seats"
        )
    );
    // Eight candidates in each of four rounds, those out included.
    assert_eq!(csv.lines().count(), 1 + 4 * 8);
    assert!(
        csv.contains(&format!(
            "{id},1,\"Dion, Donna J.\",,1596,1.27,,eliminated,,1221,375,375,63070,,1\n"
        )),
        "{csv}"
    );
    assert!(
        csv.contains(&format!(
            "{id},1,\"Mills, Janet T.\",,41735,33.09,,continuing,2307,,,,63070,,1\n"
        )),
        "{csv}"
    );
    assert!(
        csv.contains(&format!(
            "{id},4,\"Mills, Janet T.\",,63387,54.06,13442,elected,,,,,58627,,1\n"
        )),
        "{csv}"
    );
    assert!(
        csv.contains(&format!("{id},4,\"Dion, Donna J.\",,,,,out,,,,,58627,,1\n")),
        "{csv}"
    );
    // A candidate named like a formula, in a count file made here.
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("formula.json");
    std::fs::write(
        &file,
        r#"{"config": {"contest": "Formula"}, "results": [
            {"round": 1, "tally": {"=HYPERLINK(1)": "5", "Ann": "7"},
             "tallyResults": [{"eliminated": "=HYPERLINK(1)", "transfers": {"Ann": "4", "exhausted": "1"}}]},
            {"round": 2, "tally": {"Ann": "11"}, "tallyResults": [{"elected": "Ann"}]}]}"#,
    )
    .unwrap();
    let file = file.to_str().unwrap();
    let safe = stdout(&["show", "formula", "--data", file, "--format", "csv"]);
    assert!(safe.contains(",'=HYPERLINK(1),"), "{safe}");
    let raw = stdout(&[
        "show",
        "formula",
        "--data",
        file,
        "--format",
        "csv",
        "--csv-raw",
    ]);
    assert!(raw.contains(",=HYPERLINK(1),"), "{raw}");
    // No rounds: refused, saying what to use instead.
    let run = hustings(&["show", "labour-leadership-2020", "--format", "csv"])
        .output()
        .unwrap();
    assert_eq!(run.status.code(), Some(2));
    let err = String::from_utf8(run.stderr).unwrap();
    assert_eq!(
        err,
        "error: show --format csv writes the rounds of a preferential count, and labour-leadership-2020 has none; `hustings list --format csv` writes every contest's candidates\n"
    );
    assert!(run.stdout.is_empty());
}
