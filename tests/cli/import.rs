//! `hustings import hoc-candidates` and loading its output, through the real binary: output
//! files, refusal to overwrite, errors with exit status 2, and merging with other datasets.

use std::path::Path;

use crate::support::cli::hustings;
use crate::support::data::{file_names, real_data, seed_file};

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).unwrap()
}

/// Imports GE2019 (with the constituency file) into `dir/ge2019.json`; returns the stderr summary.
fn import_2019(dir: &Path) -> String {
    let out = hustings(&[])
        .current_dir(dir)
        .args(["import", "hoc-candidates"])
        .arg(real_data("HoC-GE2019-results-by-candidate.csv"))
        .arg("--constituencies")
        .arg(real_data("HoC-GE2019-results-by-constituency.csv"))
        .args(["-o", "ge2019.json"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(out.stdout.is_empty(), "with -o nothing goes to stdout");
    text(&out.stderr)
}

#[test]
fn import_writes_the_file_and_summarises_on_stderr() {
    let dir = tempfile::tempdir().unwrap();
    let summary = import_2019(dir.path());
    for line in [
        "GE2019 candidate layout, 3320 candidate rows",
        "election date 2019-12-12 (polling day of the GE2019 candidate release; give --date to override)",
        "on the ONS id: 650 of 650 seats matched",
        "unified with \"East of England\" (id east-of-england)",
        "(cells per column): party_name 2, party_abbreviation 1, firstname 192, surname 25",
        "the file's own shares, checked in 3320 rows, all agree",
        "650 contests, 3320 candidates, 12 regions, 17 factions, 3 warnings, 1 note",
        "note: ge2019-w07000041: The constituency file spells the seat \"Ynys Môn\"",
        "warning: ge2019-e14000811: candidates' votes sum to 55569 but 54829 valid ballots were reported (740 more)",
        "wrote ge2019.json",
    ] {
        assert!(summary.contains(line), "missing {line:?} in:\n{summary}");
    }
    assert!(summary.contains("region \"East\" in "), "{summary}");
    // Atomic: the output and nothing else (no temporary file left behind).
    assert_eq!(file_names(dir.path()), ["ge2019.json"]);
    let out = hustings(&[])
        .current_dir(dir.path())
        .args(["validate", "ge2019.json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        text(&out.stdout),
        "ok: 650 contests, 3320 candidates, 1 warnings\n\
         warning: ge2019-e14000811: candidates' votes sum to 55569 but 54829 valid ballots were reported (740 more)\n"
    );
}

#[test]
fn an_existing_output_is_never_overwritten_without_force() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("ge2017.json");
    std::fs::write(&target, "precious").unwrap();
    let run = |force: bool| {
        let mut cmd = hustings(&[]);
        cmd.current_dir(dir.path())
            .args(["import", "hoc-candidates"])
            .arg(real_data("HoC-GE2017-results-by-candidate.csv"))
            .args(["-o", "ge2017.json"]);
        if force {
            cmd.arg("--force");
        }
        cmd.output().unwrap()
    };
    let refused = run(false);
    assert_eq!(refused.status.code(), Some(2));
    assert_eq!(
        text(&refused.stderr),
        "error: ge2017.json: already exists; pass --force to overwrite it\n"
    );
    assert_eq!(std::fs::read_to_string(&target).unwrap(), "precious");
    let forced = run(true);
    assert!(forced.status.success(), "{}", text(&forced.stderr));
    let written = std::fs::read_to_string(&target).unwrap();
    assert!(written.starts_with("{\n  \"schema_version\": 1,"));
    assert_eq!(file_names(dir.path()), ["ge2017.json"]);
}

#[test]
fn without_o_the_dataset_goes_to_stdout() {
    let out = hustings(&[])
        .args(["import", "hoc-candidates"])
        .arg(real_data("HoC-GE2017-results-by-candidate.csv"))
        .args(["--title", "GE2017"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let dataset: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(dataset["title"], "GE2017");
    assert_eq!(dataset["contests"].as_array().unwrap().len(), 650);
    assert!(
        text(&out.stderr).contains(
            "650 contests, 3304 candidates, 12 regions, 16 factions, 0 warnings, 0 notes"
        )
    );
}

/// Writes `contents` to `dir/name` and imports it; returns (exit code, stderr).
fn import_text(dir: &Path, name: &str, contents: &[u8]) -> (Option<i32>, String) {
    std::fs::write(dir.join(name), contents).unwrap();
    let out = hustings(&[])
        .current_dir(dir)
        .args(["import", "hoc-candidates", name])
        .output()
        .unwrap();
    (out.status.code(), text(&out.stderr))
}

/// The first `rows` lines of the real GE2019 candidate file (its header and data rows).
fn head_2019(rows: usize) -> String {
    let all = std::fs::read_to_string(real_data("HoC-GE2019-results-by-candidate.csv")).unwrap();
    all.lines().take(rows).flat_map(|l| [l, "\n"]).collect()
}

#[test]
fn bad_input_is_one_line_naming_file_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    let (code, err) = import_text(dir.path(), "other.csv", b"name,party,count\nA,B,3\n");
    assert_eq!(code, Some(2));
    assert_eq!(
        err,
        "error: other.csv: not a recognised House of Commons Library candidate file: missing columns: \
         the GE2019 candidate layout needs \"ons_id\", \"constituency_name\", \"region_name\", \"party_name\", \
         \"firstname\", \"surname\", \"sitting_mp\", \"votes\"; or the GE2017 candidate layout needs \
         \"ONS ID\", \"Constituency name\", \"Region name\", \"Party name\", \"Candidate first name\", \
         \"Candidate surname\", \"Sitting MP\", \"Votes\"\n"
    );

    let no_votes = head_2019(3).replace(",votes,share,change", ",ballots,share,change");
    let (code, err) = import_text(dir.path(), "no-votes.csv", no_votes.as_bytes());
    assert_eq!(code, Some(2));
    assert!(
        err.ends_with("missing columns: the GE2019 candidate layout needs \"votes\"\n"),
        "{err}"
    );

    let bad_votes = head_2019(4)
        .replace(",17008,", ",17,008,")
        .replace(",6518,", ",6518x,");
    let (code, err) = import_text(dir.path(), "ragged.csv", bad_votes.as_bytes());
    assert_eq!(code, Some(2));
    assert_eq!(
        err,
        "error: ragged.csv:2: the row has 18 fields but the header has 17\n"
    );

    let bad_votes = head_2019(4).replace(",6518,", ",6518x,");
    let (code, err) = import_text(dir.path(), "votes.csv", bad_votes.as_bytes());
    assert_eq!(code, Some(2));
    assert_eq!(
        err,
        "error: votes.csv:3: column \"votes\": \"6518x\" is not a whole number of votes\n"
    );

    let (code, err) = import_text(dir.path(), "empty.csv", b"");
    assert_eq!(code, Some(2));
    assert_eq!(
        err,
        "error: empty.csv: the file is empty (expected a header row of column names)\n"
    );

    let missing = hustings(&[])
        .args(["import", "hoc-candidates", "nope.csv"])
        .output()
        .unwrap();
    assert_eq!(missing.status.code(), Some(2));
    assert_eq!(text(&missing.stderr), "error: nope.csv: no such file\n");
}

#[test]
fn bom_crlf_and_lf_give_the_same_dataset() {
    let dir = tempfile::tempdir().unwrap();
    let crlf = std::fs::read(real_data("HoC-GE2017-results-by-candidate.csv")).unwrap();
    assert!(
        crlf.windows(2).any(|w| w == b"\r\n"),
        "the 2017 file has CRLF line endings"
    );
    let lf = String::from_utf8(crlf.clone())
        .unwrap()
        .replace("\r\n", "\n");
    let mut bom = b"\xEF\xBB\xBF".to_vec();
    bom.extend_from_slice(lf.as_bytes());
    let mut outputs = Vec::new();
    for (name, bytes) in [
        ("crlf.csv", crlf),
        ("lf.csv", lf.into_bytes()),
        ("bom.csv", bom),
    ] {
        std::fs::write(dir.path().join(name), bytes).unwrap();
        let out = hustings(&[])
            .current_dir(dir.path())
            .args(["import", "hoc-candidates", name])
            .output()
            .unwrap();
        assert!(out.status.success(), "{name}: {}", text(&out.stderr));
        // The sources name the file; everything else must be identical.
        outputs.push(text(&out.stdout).replace(name, "FILE"));
    }
    assert_eq!(outputs[0], outputs[1]);
    assert_eq!(outputs[0], outputs[2]);
}

#[test]
fn the_seed_and_an_import_load_together_with_their_stockport_histories() {
    let dir = tempfile::tempdir().unwrap();
    let out = hustings(&[])
        .args(["import", "hoc-candidates"])
        .arg(real_data("HoC-GE2017-results-by-candidate.csv"))
        .output()
        .unwrap();
    std::fs::write(dir.path().join("ge2017.json"), &out.stdout).unwrap();
    let loaded = hustings::load::load(&[
        hustings::load::DataSource::File(seed_file()),
        hustings::load::DataSource::File(dir.path().join("ge2017.json")),
    ])
    .expect("seed and import load together");
    let stockport: Vec<&str> = loaded
        .dataset
        .contests
        .iter()
        .filter(|c| c.constituency.as_deref() == Some("Stockport"))
        .map(|c| c.id.as_str())
        .collect();
    assert_eq!(
        stockport,
        [
            "stockport-selection-2019",
            "stockport-ge-2017",
            "ge2017-e14000969"
        ]
    );
    // Catalogues merged by id: the seed's regions are reused, the parties added.
    assert_eq!(loaded.dataset.regions.len(), 12);
    assert!(
        loaded.dataset.faction("labour-left").is_some()
            && loaded.dataset.faction("labour").is_some()
    );
    assert!(loaded.conflicts.is_empty(), "{:?}", loaded.conflicts);

    import_2019(dir.path());
    let out = hustings(&[])
        .current_dir(dir.path())
        .arg("validate")
        .arg(seed_file())
        .args(["ge2019.json", "ge2017.json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let report = text(&out.stdout);
    assert!(
        report.starts_with("ok: 1317 contests, 6643 candidates, 4 warnings\n"),
        "{report}"
    );
    assert!(report.contains("warning: stockport-selection-2019:"));
    assert!(report.contains("warning: ge2019-e14000811:"));
    // Stockport and Hazel Grove 2017 are in the articles and in the Library's file: said,
    // counted once, and confirmed (the seed's 26,282 and 14,477 agree with the Library's).
    for (import, seed) in [
        ("ge2017-e14000969", "stockport-ge-2017"),
        ("ge2017-e14000738", "hazel-grove-ge-2017"),
    ] {
        assert!(
            report.contains(&format!(
                "warning: {import}: the same contest as {seed} ({}), counted once: confirmed by 2 sources",
                seed_file().display()
            )),
            "{report}"
        );
    }
}

#[test]
fn the_same_import_loaded_twice_is_a_clash_naming_both_files() {
    let dir = tempfile::tempdir().unwrap();
    import_2019(dir.path());
    std::fs::copy(dir.path().join("ge2019.json"), dir.path().join("copy.json")).unwrap();
    for (second, expected) in [
        (
            "ge2019.json",
            "error: ge2019.json:237:13: contests[0].id: contest id \"ge2019-w07000049\" is already used in ge2019.json\n",
        ),
        (
            "copy.json",
            "error: copy.json:237:13: contests[0].id: contest id \"ge2019-w07000049\" is already used in ge2019.json\n",
        ),
    ] {
        let out = hustings(&[])
            .current_dir(dir.path())
            .args(["validate", "ge2019.json", second])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2));
        assert_eq!(text(&out.stderr), expected);
    }
}

#[test]
fn a_region_defined_differently_by_two_files_keeps_the_first_and_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let file = |name: &str, region: &str, contest: &str| {
        let json = format!(
            r#"{{"schema_version": 1, "regions": [{{"id": "east-of-england", "name": "{region}"}}],
               "contests": [{{"id": "{contest}", "kind": "other", "title": "T", "region": "east-of-england",
                              "status": "pending", "sources": [{{"outlet": "X"}}]}}]}}"#
        );
        std::fs::write(dir.path().join(name), json).unwrap();
    };
    file("a.json", "East of England", "a");
    file("b.json", "East", "b");
    file("c.json", "EAST OF ENGLAND", "c");
    let out = hustings(&[])
        .current_dir(dir.path())
        .args(["validate", "a.json", "b.json", "c.json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        text(&out.stdout),
        "ok: 3 contests, 0 candidates, 0 warnings\n\
         note: region \"east-of-england\" is defined differently in a.json and b.json \
         (name \"East of England\" vs \"East\"); the definition in a.json is used\n"
    );
}

#[test]
fn help_shows_examples() {
    let out = hustings(&[])
        .args(["import", "hoc-candidates", "--help"])
        .output()
        .unwrap();
    let help = text(&out.stdout);
    assert!(
        help.contains("--constituencies HoC-GE2019-results-by-constituency.csv -o ge2019.json"),
        "{help}"
    );
    assert!(help.contains("--force"));
    assert!(help.contains("--date"));
}

/// Imports an input of the `import_hoc` fuzz target as the target reads it: the candidate file,
/// then (after a 0xFF byte, if there is one) the constituency file. Returns (exit code, stderr).
fn import_fuzz_input(input: &[u8]) -> (Option<i32>, String) {
    let dir = tempfile::tempdir().unwrap();
    let mut cmd = hustings(&[]);
    cmd.current_dir(dir.path())
        .args(["import", "hoc-candidates", "candidates.csv"]);
    let candidates = match input.iter().position(|&b| b == 0xFF) {
        Some(at) => {
            std::fs::write(dir.path().join("constituencies.csv"), &input[at + 1..]).unwrap();
            cmd.args(["--constituencies", "constituencies.csv"]);
            &input[..at]
        }
        None => input,
    };
    std::fs::write(dir.path().join("candidates.csv"), candidates).unwrap();
    let out = cmd.output().unwrap();
    (out.status.code(), text(&out.stderr))
}

/// Found by fuzzing: ONS ids that differ only in punctuation (`[W07000058`, `W07000058`) gave
/// two seats one contest id, `ge2017-w07000058`, and the import ended in "internal error: the
/// imported dataset does not load". ONS ids are now letters and digits only.
#[test]
fn fuzz_ons_ids_that_differ_in_punctuation_are_refused() {
    let (code, err) = import_fuzz_input(
        b"ONS ID,,Constituency name,,Region name,,,Party name,,,,,Candidate first name,\
          Candidate surname,d,Sitting MP,,,Votes,,C, \r\
          [W07000058,W,y,,e,,C,o,,2,,,u,,,,,,1,,0,\n\
          W07000058,,w,,W,,,e,C,,4,,u,,,,,,4,.,,\n",
    );
    assert_eq!(code, Some(2));
    assert_eq!(
        err,
        "error: candidates.csv:1: column \"ONS ID\": \"[W07000058\" is not an ONS id \
         (letters and digits, such as E14000969)\n"
    );
}

/// Found by fuzzing: a header name holding a line separator (U+2028) was quoted as it was in
/// the error, which then ran over two lines. Headers and cells in errors are now shown by the
/// loader's rule for messages: control and separator characters as stand-ins, long values
/// shortened.
#[test]
fn fuzz_a_line_separator_in_a_header_stays_on_one_line() {
    let (code, err) = import_fuzz_input(b",e\xE2\x80\xA87\rA");
    assert_eq!(code, Some(2));
    assert_eq!(
        err,
        "error: candidates.csv:1: the row has 1 fields but the header has 2 \
         (no value for column \"e\u{FFFD}7\" onwards)\n"
    );
    // A long cell is shortened in the message like a long value in a dataset.
    let long = head_2019(3).replace(",6518,", &format!(",{},", "9x".repeat(5_000)));
    let (code, err) = import_fuzz_input(long.as_bytes());
    assert_eq!(code, Some(2));
    assert_eq!(
        err,
        format!(
            "error: candidates.csv:3: column \"votes\": \"{}…\" is not a whole number of votes\n",
            "9x".repeat(30)
        )
    );
}

/// Found while writing the fuzz target (by reading `regions.rs`, before the fuzzer met it): a
/// region name without letters or digits (`-`), in a region the catalogue does not know, made
/// an empty region id and the import ended in "internal error: the imported dataset does not
/// load".
#[test]
fn fuzz_a_region_name_without_letters_or_digits_is_refused() {
    let (code, err) = import_fuzz_input(
        b"ons_id,constituency_name,region_name,party_name,firstname,surname,sitting_mp,votes\n\
          E1,A,-,Lab,X,Y,No,5\n",
    );
    assert_eq!(code, Some(2));
    assert_eq!(
        err,
        "error: candidates.csv:2: column \"region_name\": \"-\" is not a region name \
         (it has no letters or digits)\n"
    );
}
