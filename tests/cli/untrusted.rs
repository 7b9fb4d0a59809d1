//! A results file is untrusted input. tests/data/hostile.json puts escape sequences (OSC 0
//! window title, OSC 8 link, OSC 52 clipboard, CSI clear screen), a C1 CSI, a bidi override,
//! BEL, CR and backspace in every text field, formula-like names and endorsers, and namesakes
//! told apart by ids. Nothing of it may reach a terminal or a document as a control sequence.

use std::path::PathBuf;

use crate::support::cli::{hustings, stdout};
use crate::support::data::{real_data, seed_file};

fn hostile() -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/hostile.json")
        .display()
        .to_string()
}

/// `text` with the program's own colour sequences (SGR: `ESC [ … m`) taken out.
fn without_own_colour(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(at) = rest.find("\u{1b}[") {
        out.push_str(&rest[..at]);
        let after = &rest[at + 2..];
        let end = after.find(|c: char| !(c.is_ascii_digit() || c == ';'));
        match end {
            Some(e) if after[e..].starts_with('m') => rest = &after[e + 1..],
            // Not one of ours: keep it, so the check below fails on it.
            _ => {
                out.push_str(&rest[at..at + 2]);
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// Panics naming the first control or bidi character in `text` (a line feed is fine).
fn assert_shown_safely(what: &str, text: &str) {
    let text = without_own_colour(text);
    if let Some((at, c)) = text.char_indices().find(|&(_, c)| {
        c != '\n'
            && matches!(c, '\u{0}'..='\u{1f}' | '\u{7f}'..='\u{9f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
    }) {
        let from = text[..at].char_indices().rev().nth(30).map_or(0, |(i, _)| i);
        panic!("{what}: {c:?} at byte {at}, after {:?}", &text[from..at]);
    }
}

#[test]
fn no_subcommand_or_format_for_people_lets_a_control_character_through() {
    let data = hostile();
    let mut runs: Vec<Vec<&str>> = Vec::new();
    for format in ["text", "markdown"] {
        runs.push(vec!["list", "--format", format]);
        runs.push(vec!["show", "harbour-selection", "--format", format]);
        runs.push(vec!["show", "harbour-ge-2017", "--format", format]);
        runs.push(vec![
            "compare",
            "harbour-selection",
            "harbour-ge-2017",
            "--format",
            format,
        ]);
        runs.push(vec!["history", "harbour-selection", "--format", format]);
        for by in ["faction", "region", "endorser", "kind", "party", "month"] {
            runs.push(vec!["stats", "--by", by, "--format", format]);
        }
    }
    runs.push(vec!["validate"]);
    for args in runs {
        for colour in ["never", "always"] {
            let mut cmd = hustings(&args);
            if args[0] == "validate" {
                cmd.arg(&data);
            } else {
                cmd.args(["--data", &data]);
                if !args.contains(&"markdown") {
                    cmd.args(["--color", colour]);
                }
            }
            let out = cmd.output().unwrap();
            assert!(
                out.status.success(),
                "{args:?}: {}",
                String::from_utf8_lossy(&out.stderr)
            );
            let what = format!("{args:?} --color {colour}");
            assert_shown_safely(&what, &String::from_utf8(out.stdout).unwrap());
            assert_shown_safely(&what, &String::from_utf8(out.stderr).unwrap());
        }
    }
}

#[test]
fn shown_as_visible_stand_ins_and_kept_exactly_in_json() {
    let data = hostile();
    let text = stdout(&["show", "harbour-selection", "--data", &data]);
    assert!(text.contains("Red faction␛[2J␛[H"), "{text}");
    assert!(text.contains("Jo Smith"), "{text}");
    assert!(
        text.contains("\u{fffd}eman desrever"),
        "the bidi override is shown, not obeyed"
    );
    let json = stdout(&[
        "show",
        "harbour-selection",
        "--data",
        &data,
        "--format",
        "json",
    ]);
    let doc: serde_json::Value = serde_json::from_str(&json).unwrap();
    let file: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&data).unwrap()).unwrap();
    assert_eq!(
        doc["contest"]["title"], file["contests"][0]["title"],
        "JSON keeps the bytes"
    );
    assert_eq!(doc["contest"]["notes"], file["contests"][0]["notes"]);
}

#[test]
fn errors_quote_data_without_obeying_it() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.json");
    std::fs::write(
        &bad,
        "{\"schema_version\": 1, \"regions\": [], \"factions\": [], \"contests\": [{\"id\": \"x\", \"kind\": \"selection\", \"title\": \"t\", \"region\": \"\\u001b]0;pwned\\u0007\", \"status\": \"decided\", \"candidates\": [], \"sources\": []}]}",
    )
    .unwrap();
    let out = hustings(&["validate"]).arg(&bad).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert_shown_safely("the error", &err);
    assert!(err.contains("unknown region \"␛]0;pwned␇\""), "{err}");
}

#[test]
fn validate_names_every_field_holding_control_characters() {
    let out = stdout(&["validate", &hostile()]);
    for needle in [
        "warning: harbour-selection: title holds control or bidi characters",
        "warning: harbour-selection: candidates[0].description holds",
        "warning: harbour-selection: candidates[1].description holds",
        "warning: harbour-selection: sources[0].url holds",
        "warning: harbour-ge-2017: candidates[1].name holds",
        "note: regions[0].name holds",
        "note: factions[0].name holds",
        "warning: harbour-selection: more than one candidate is named Jo Smith",
    ] {
        assert!(out.contains(needle), "{needle} missing:\n{out}");
    }
}

#[test]
fn a_contest_from_two_sources_is_said_compared_and_counted_once() {
    let dir = tempfile::tempdir().unwrap();
    let ge2017 = dir.path().join("ge2017.json");
    let out = hustings(&["import", "hoc-candidates"])
        .arg(real_data("HoC-GE2017-results-by-candidate.csv"))
        .arg("-o")
        .arg(&ge2017)
        .output()
        .unwrap();
    assert!(out.status.success());
    let seed = seed_file().display().to_string();
    let both = ["--data", &seed, "--data", ge2017.to_str().unwrap()];
    let stats = stdout(&[&["stats", "--by", "party"][..], &both].concat());
    assert!(
        stats.contains("650 seats (general elections and by-elections)"),
        "{stats}"
    );
    // A copy of the seed whose Stockport 2017 states a majority one higher disagrees, and
    // says both values.
    let edited = dir.path().join("edited.json");
    let text = std::fs::read_to_string(seed_file()).unwrap();
    assert_eq!(text.matches("\"majority\": 14477").count(), 1);
    std::fs::write(
        &edited,
        text.replace("\"majority\": 14477", "\"majority\": 14478"),
    )
    .unwrap();
    let out = stdout(&[
        "validate",
        edited.to_str().unwrap(),
        ge2017.to_str().unwrap(),
    ]);
    assert!(
        out.contains("warning: ge2017-e14000969: the same contest as stockport-ge-2017")
            && out.contains("they disagree on majority: 14478 and 14477"),
        "{out}"
    );
}

/// A GE2019-layout candidate file whose every text holds ESC, BEL, a C1 CSI and bidi controls,
/// with a tie, a namesake, a region spelled two ways, a seat named two ways and shares that
/// disagree — so every kind of problem the import reports quotes hostile text — read from a
/// file and written to a file whose names hold the same.
const HOSTILE_CANDIDATES: &[u8] =
    b"ons_id,ons_region_id,constituency_name,county_name,region_name,\
country_name,constituency_type,party_name,party_abbreviation,firstname,surname,gender,sitting_mp,\
former_mp,votes,share,change\n\
W07000049,W92000004,Aber\x1b]0;pwned\x07avon,West Glamorgan,Wales\xe2\x80\xae,Wales,County,\
Labour\xc2\x9b2J,Lab,Ste\x1b[2J,Kin\xe2\x81\xa7nock,Male,Yes,Yes,100,0.9,-0.14\n\
W07000049,W92000004,Aberavon,West Glamorgan,Wales,Wales,County,Labour\xc2\x9b2J,Lab,Ste\x1b[2J,\
Kin\xe2\x81\xa7nock,Male,No,No,100,0.5,0.02\n\
W07000050,W92000004,Other,West Glamorgan,wales,Wales,County,Con,Con,A,B,Male,No,No,100,0.5,0.02\n";

/// Runs `hustings import ARGS…` in a fresh directory holding the hostile candidate file as
/// `input`, writing to `-o output`; returns stderr.
fn import_stderr(input: &str, output: &str, args: &[&str]) -> String {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join(input), HOSTILE_CANDIDATES).unwrap();
    let out = hustings(&[])
        .current_dir(dir.path())
        .arg("import")
        .args(args)
        .arg(input)
        .args(["-o", output])
        .output()
        .unwrap();
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(out.status.success(), "{err}");
    err
}

#[test]
fn untrusted_import_summaries_show_problems_and_file_names_safely() {
    let input = "c\u{1b}[2Jand\u{202e}.csv";
    let output = "o\u{1b}[1mut\u{9b}.json";
    let err = import_stderr(input, output, &["hoc-candidates", "--date", "2019-12-12"]);
    assert_shown_safely("import hoc-candidates", &err);
    // Every kind of line is still there, with the stand-ins in place.
    for line in [
        "read c␛[2Jand\u{fffd}.csv: GE2019 candidate layout",
        "region \"Wales\u{fffd}\" in c␛[2Jand\u{fffd}.csv unified with \"Wales\"",
        "earlier rows as \"Aber␛]0;pwned␇avon\"",
        "Two candidates share a name",
        "tie for first place",
        "the file gives a share of 90.00%",
        "wrote o␛[1mut\u{fffd}.json",
    ] {
        assert!(err.contains(line), "no {line:?} in:\n{err}");
    }
}

#[test]
fn untrusted_file_names_in_every_import_summary_are_shown_safely() {
    let input = "c\u{1b}[2Jand\u{202e}.csv";
    let output = "o\u{1b}[1mut\u{9b}.json";
    // `import FILE` (recognised by content) and `import csv` name the files they read and write.
    let err = import_stderr(input, output, &[]);
    assert_shown_safely("import", &err);
    assert!(err.contains("read c␛[2Jand\u{fffd}.csv as a"), "{err}");
    assert!(err.contains("wrote o␛[1mut\u{fffd}.json"), "{err}");
}

/// `COLUMNS=4294967296` once drew a 4-billion-column chart and was killed by the OOM killer.
/// Run with 1 GB of address space, a width past the cap is fitted to the cap and said so.
#[test]
fn untrusted_columns_beyond_the_cap_are_capped_and_said_so() {
    let data = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/fixture.json");
    for (columns, id) in [
        ("4294967296", "quoted-2021"),
        ("99999999999999999999999", "rounds-2023"),
    ] {
        let out = std::process::Command::new("sh")
            .arg("-c")
            .arg("ulimit -v 1000000; exec \"$0\" \"$@\"")
            .arg(env!("CARGO_BIN_EXE_hustings"))
            .args(["show", id, "--data"])
            .arg(&data)
            .env("COLUMNS", columns)
            .env("NO_COLOR", "1")
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success(), "COLUMNS={columns}: {err}");
        assert_eq!(
            err,
            format!(
                "warning: COLUMNS={columns} is wider than hustings draws; using 10000 columns\n"
            )
        );
        let text = String::from_utf8(out.stdout).unwrap();
        let widest = text.lines().map(|l| l.chars().count()).max().unwrap();
        assert!(widest <= 10_000, "a line of {widest} columns");
    }
}
