//! The bad-input corpus, given to the real binary as `hustings validate PATH`: the files in
//! tests/bad_input/ plus cases made here because they are huge, binary or not files at all.
//!
//! Every case must fail the same way: exactly one line on stderr, `error: ` then the file
//! (and the JSON path and line:column where they apply), exit code 2, nothing on stdout, no
//! panic — and so nothing half-loaded.

use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// Each corpus file and the error line it must produce (after `error: `).
const CORPUS: &[(&str, &str)] = &[
    (
        "bom-broken.json",
        "bom-broken.json:20:54: contests[0].candidates[1]: expected `,` or `}`",
    ),
    (
        "colour-short-hex.json",
        r##"colour-short-hex.json:7:52: factions[0].color: colour "#12345" is not #rgb, #rrggbb or a CSS colour name (such as navy)"##,
    ),
    (
        "colour-unknown-name.json",
        r#"colour-unknown-name.json:7:52: factions[0].color: colour "reddish" is not #rgb, #rrggbb or a CSS colour name (such as navy)"#,
    ),
    (
        "duplicate-contest-id.json",
        r#"duplicate-contest-id.json:25:13: contests[1].id: duplicate contest id "stockport" (first used by contests[0])"#,
    ),
    (
        "empty.json",
        "empty.json:1:1: (top level): the file is empty (expected a JSON object with schema_version, regions, factions and contests)",
    ),
    (
        "fuzz-crash-cr-in-key.json",
        "fuzz-crash-cr-in-key.json:2:3: schema_ve␍sion: unknown field `schema_ve␍sion`; did you mean `schema_version`?",
    ),
    (
        // Found by fuzzing: an unknown key of 300 DEL characters and backticks (which upset
        // the shortening of quoted values) gave a 2.6 KB line; messages are now cut by bytes.
        "fuzz-crash-long-key-with-backticks.json",
        r"fuzz-crash-long-key-with-backticks.json:2:1: rrrrr\\\expected val\X\\\ted v␡␡␡␡␡␡␡␡␡␡␡␡␡␡␡␡␡␡␡␡issikid`␡␡␡␡␡␡␡␡␡␡␡␡␡␡␡␡␡␡␡␡␡␡␡␡␡␡␡␡␡␡␡␡␡␡␡␡␡␡␡␡␡␡␡␡␡␡␡␡␡␡␡␡␡␡␡␡␡␡␡␡…`␡␡␡␡␡␡␡␡␡␡␡␡␡␡␡␡␡␡␡␡␡␡␡␡␡␡␡␡␡␡␡␡␡␡␡␡␡␡␡␡␡␡␡␡␡␡␡␡␡␡␡␡␡␡␡␡␡␡␡␡␡␡␡\ g ld `kind`␡␡␡␡␡␡␡␡␡␡␡␡␡␡␡␡␡␡␡␡␡␡␡␡␡␡␡␡␡␡␡␡␡␡␡␡␡␡␡␡…: unknown field `rrrrr\\\expected val\X\\\ted v␡␡␡␡␡␡␡␡␡␡␡␡␡␡␡␡␡␡␡␡issikid`␡␡␡␡␡␡␡␡␡␡␡␡␡␡␡␡␡␡␡␡␡␡␡␡␡␡␡␡␡␡␡␡␡␡␡␡␡␡␡␡␡␡␡␡␡␡␡␡␡␡␡␡␡␡␡␡␡␡␡␡␡␡␡␡␡␡␡␡␡␡␡␡␡␡␡␡␡␡␡␡␡␡␡␡␡␡␡␡␡␡␡␡␡␡␡␡␡␡␡␡1␡␡␡␡␡`␡␡␡␡␡␡␡␡␡␡␡␡␡␡␡␡␡␡␡␡␡␡␡␡␡␡␡␡␡␡␡␡␡␡␡␡␡␡␡␡␡␡␡␡␡␡␡␡␡␡␡␡␡␡␡␡␡…",
    ),
    (
        "impossible-date.json",
        r#"impossible-date.json:15:15: contests[0].date: invalid date "2019-02-30": that day does not exist"#,
    ),
    (
        "not-json.json",
        "not-json.json:1:1: (top level): a CSV whose header `name,votes` is not one hustings recognises: name its columns with `hustings import csv FILE --contest COL --candidate COL --votes COL` (hustings import csv --help)",
    ),
    (
        "round-names-non-candidate.json",
        r#"round-names-non-candidate.json:22:79: contests[0].rounds[0].counts[1].candidate: "Robert" is not one of this contest's candidates"#,
    ),
    (
        "trailing-garbage.json",
        "trailing-garbage.json:27:1: (top level): unexpected text after the end of the JSON document",
    ),
    (
        "truncated-mid-string.json",
        "truncated-mid-string.json:13:21: contests[0].title: EOF while parsing a string (the file ends too early)",
    ),
    (
        "unknown-faction.json",
        r#"unknown-faction.json:19:36: contests[0].candidates[0].faction: unknown faction "momentum" (not in the factions catalogue)"#,
    ),
    (
        "unknown-field.json",
        "unknown-field.json:20:42: contests[0].candidates[1].vote: unknown field `vote`; did you mean `votes`?",
    ),
    (
        "unknown-region.json",
        r#"unknown-region.json:14:17: contests[0].region: unknown region "north-east" (not in the regions catalogue)"#,
    ),
    (
        "unknown-schema-version.json",
        "unknown-schema-version.json:2:21: schema_version: unsupported schema_version 2: this hustings reads version 1",
    ),
    (
        "votes-fractional.json",
        "votes-fractional.json:20:51: contests[0].candidates[1].votes: invalid type: floating point `10.5`, expected a whole number of votes (0 or more), or null when unknown",
    ),
    (
        "votes-negative.json",
        "votes-negative.json:20:51: contests[0].candidates[1].votes: invalid value: integer `-10`, expected a whole number of votes (0 or more), or null when unknown",
    ),
    (
        "votes-too-large.json",
        "votes-too-large.json:20:51: contests[0].candidates[1].votes: number too large for a vote count (the limit is 1099511627776)",
    ),
    (
        "whitespace.json",
        "whitespace.json:1:1: (top level): the file is empty (expected a JSON object with schema_version, regions, factions and contests)",
    ),
    (
        "wrong-type-ballots.json",
        "wrong-type-ballots.json:17:18: contests[0].ballots: invalid type: sequence, expected a JSON object",
    ),
    (
        "wrong-type-candidate.json",
        r#"wrong-type-candidate.json:20:66: contests[0].candidates[1].elected: invalid type: string "false", expected a boolean"#,
    ),
    (
        "wrong-type-contest.json",
        "wrong-type-contest.json:13:16: contests[0].title: invalid type: integer `2019`, expected a string",
    ),
    (
        "wrong-type-faction.json",
        "wrong-type-faction.json:7:52: factions[0].color: invalid type: sequence, expected a string",
    ),
    (
        "wrong-type-region.json",
        "wrong-type-region.json:4:5: regions[0]: invalid type: sequence, expected a JSON object",
    ),
    (
        "wrong-type-rounds.json",
        "wrong-type-rounds.json:22:79: contests[0].rounds[0].counts[1].candidate: invalid type: sequence, expected a string",
    ),
    (
        "wrong-type-schema-version.json",
        r#"wrong-type-schema-version.json:2:21: schema_version: invalid type: string "one", expected a whole number (0 or more)"#,
    ),
    (
        "wrong-type-share.json",
        "wrong-type-share.json:19:110: contests[0].candidates[0].share.bound: invalid type: number, expected a string",
    ),
    (
        "wrong-type-sources.json",
        "wrong-type-sources.json:23:30: contests[0].sources[0].outlet: invalid type: null, expected a string",
    ),
    (
        "wrong-type-top.json",
        "wrong-type-top.json:1:1: (top level): invalid type: sequence, expected a JSON object",
    ),
];

fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/bad_input")
}

fn binary() -> &'static Path {
    assert_cmd::cargo::cargo_bin!("hustings")
}

/// `hustings validate ARG` run in `dir`, so messages name the file as given.
fn validate(dir: &Path, arg: &str) -> Output {
    Command::new(binary())
        .args(["validate", arg])
        .current_dir(dir)
        .output()
        .expect("hustings runs")
}

/// Checks the one way every bad input must fail; returns what was wrong, if anything.
fn failure_problems(output: &Output, expected: &str) -> Vec<String> {
    let stderr = String::from_utf8_lossy(&output.stderr);
    let mut problems = Vec::new();
    if output.status.code() != Some(2) {
        problems.push(format!(
            "exit status {:?}, expected 2",
            output.status.code()
        ));
    }
    if !output.stdout.is_empty() {
        problems.push(format!(
            "stdout not empty: {:?}",
            String::from_utf8_lossy(&output.stdout)
        ));
    }
    if stderr.contains("panicked") {
        problems.push("panicked".to_string());
    }
    let want = format!("error: {expected}\n");
    if stderr != want {
        problems.push(format!("stderr was {stderr:?}\n   expected {want:?}"));
    }
    problems
}

fn assert_fails_cleanly(output: &Output, expected: &str) {
    let problems = failure_problems(output, expected);
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn every_corpus_file_fails_with_its_one_line_error() {
    let mut report = Vec::new();
    for (file, expected) in CORPUS {
        let problems = failure_problems(&validate(&corpus_dir(), file), expected);
        if !problems.is_empty() {
            report.push(format!("{file}:\n  {}", problems.join("\n  ")));
        }
    }
    assert!(report.is_empty(), "{}", report.join("\n"));
}

#[test]
fn every_corpus_file_has_an_expected_error() {
    let mut missing: Vec<String> = fs::read_dir(corpus_dir())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name != "bom.json" && !CORPUS.iter().any(|(f, _)| f == name))
        .collect();
    missing.sort();
    assert!(
        missing.is_empty(),
        "corpus files with no expected error: {missing:?}"
    );
}

#[test]
fn a_byte_order_mark_is_accepted() {
    let output = validate(&corpus_dir(), "bom.json");
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(output.stderr, b"");
    assert_eq!(
        String::from_utf8_lossy(&output.stdout),
        "ok: 1 contests, 2 candidates, 0 warnings\n"
    );
}

fn minimal() -> String {
    fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/minimal.json"))
        .unwrap()
}

#[test]
fn bytes_that_are_not_utf8() {
    let dir = tempfile::tempdir().unwrap();
    // "Zoë" saved as Latin-1, as an old spreadsheet export would.
    let doc = minimal().replace("\"Bob\"", "\"Zo\u{0}\"");
    let bytes: Vec<u8> = doc.bytes().map(|b| if b == 0 { 0xEB } else { b }).collect();
    fs::write(dir.path().join("latin1.json"), bytes).unwrap();
    assert_fails_cleanly(
        &validate(dir.path(), "latin1.json"),
        "latin1.json:20:21: contests[0].candidates[1].name: the file is not valid UTF-8 text (byte 0xEB); save it as UTF-8",
    );
    // Saved as UTF-16 (with its byte-order mark), as some Windows editors do.
    let utf16: Vec<u8> = "\u{FEFF}{\"schema_version\": 1}"
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    fs::write(dir.path().join("utf16.json"), utf16).unwrap();
    assert_fails_cleanly(
        &validate(dir.path(), "utf16.json"),
        "utf16.json:1:1: (top level): the file is not valid UTF-8 text (byte 0xFF); save it as UTF-8",
    );
    fs::write(
        dir.path().join("binary.json"),
        [0x00, 0xFF, 0x7B, 0x80, 0x0A],
    )
    .unwrap();
    assert_fails_cleanly(
        &validate(dir.path(), "binary.json"),
        "binary.json:1:1: (top level): this is not JSON: a dataset file is a JSON object, starting with `{`; the formats hustings reads are count, nist, clarity, hoc-candidates, hoc-history, csv and hustings (hustings import --help)",
    );
}

#[test]
fn deeply_nested_arrays_do_not_overflow_the_stack() {
    const DEPTH: usize = 100_000;
    let open = "[".repeat(DEPTH);
    let close = "]".repeat(DEPTH);
    let deep = format!("{open}{close}");
    let deep_objects = format!("{}1{}", "{\"a\": ".repeat(DEPTH), "}".repeat(DEPTH));
    let base = minimal();
    let cases: Vec<(&str, String, String)> = vec![
        (
            "whole.json",
            deep.clone(),
            "whole.json:1:1: (top level): invalid type: sequence, expected a JSON object".into(),
        ),
        (
            "unclosed.json",
            open.clone(),
            "unclosed.json:1:1: (top level): invalid type: sequence, expected a JSON object".into(),
        ),
        (
            "unknown-field.json",
            format!(r#"{{"schema_version": 1, "contests": [], "deep": {deep}}}"#),
            "unknown-field.json:1:39: deep: unknown field `deep`, expected one of `schema_version`, `title`, `regions`, `factions`, `contests`".into(),
        ),
        (
            "unknown-field-objects.json",
            format!(r#"{{"deep": {deep_objects}, "schema_version": 1}}"#),
            "unknown-field-objects.json:1:2: deep: unknown field `deep`, expected one of `schema_version`, `title`, `regions`, `factions`, `contests`".into(),
        ),
        (
            // The schema_version check reads past unknown fields, however deep.
            "before-version.json",
            format!(r#"{{"deep": {deep}, "schema_version": 2}}"#),
            format!(
                "before-version.json:1:{}: schema_version: unsupported schema_version 2: this hustings reads version 1",
                2 * DEPTH + 30
            ),
        ),
        (
            "title.json",
            format!(r#"{{"schema_version": 1, "contests": [], "title": {open}"#),
            "title.json:1:48: title: invalid type: sequence, expected a string".into(),
        ),
        (
            "contests.json",
            format!(r#"{{"schema_version": 1, "contests": {deep}}}"#),
            "contests.json:1:36: contests[0]: invalid type: sequence, expected a JSON object".into(),
        ),
        (
            "endorsements.json",
            base.replace(r#""name": "Bob","#, &format!(r#""name": "Bob", "endorsements": {deep},"#)),
            "endorsements.json:20:42: contests[0].candidates[1].endorsements[0]: invalid type: sequence, expected a string".into(),
        ),
    ];
    let dir = tempfile::tempdir().unwrap();
    for (name, doc, expected) in &cases {
        fs::write(dir.path().join(name), doc).unwrap();
        assert_fails_cleanly(&validate(dir.path(), name), expected);
    }
}

/// A string longer than three of the loader's 8 MiB read chunks (a value no buffer holds
/// whole) is one short line, not 25 MB of it.
#[test]
fn a_25_mb_string() {
    let dir = tempfile::tempdir().unwrap();
    let mut doc = Vec::with_capacity(25_000_002);
    doc.push(b'"');
    doc.resize(25_000_001, b'a');
    doc.push(b'"');
    fs::write(dir.path().join("huge.json"), &doc).unwrap();
    drop(doc);
    assert_fails_cleanly(
        &validate(dir.path(), "huge.json"),
        &format!(
            "huge.json:1:1: (top level): invalid type: string \"{}…\", expected a JSON object",
            "a".repeat(60)
        ),
    );
}

#[test]
fn a_directory_or_a_missing_file() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir(dir.path().join("results.json")).unwrap();
    assert_fails_cleanly(
        &validate(dir.path(), "results.json"),
        "results.json: is a directory, not a data file",
    );
    assert_fails_cleanly(
        &validate(dir.path(), "nowhere.json"),
        "nowhere.json: no such file",
    );
    let output = Command::new(binary())
        .args(["validate", "--data", "nowhere.json"])
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert_fails_cleanly(&output, "nowhere.json: no such file");
}

#[test]
fn an_unreadable_file() {
    let dir = tempfile::tempdir().unwrap();
    // Let another user reach the file, so only the file's own mode stops them.
    fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o755)).unwrap();
    let path = dir.path().join("locked.json");
    fs::write(&path, minimal()).unwrap();
    fs::set_permissions(&path, fs::Permissions::from_mode(0o000)).unwrap();
    let expected = "locked.json: permission denied (cannot read the file)";
    if fs::File::open(&path).is_err() {
        assert_fails_cleanly(&validate(dir.path(), "locked.json"), expected);
        return;
    }
    // Running as root: mode 000 does not stop root reading, so the file simply loads...
    let as_root = validate(dir.path(), "locked.json");
    assert_eq!(as_root.status.code(), Some(0), "{as_root:?}");
    // ...and the refusal is checked as an unprivileged user, when one can be switched to.
    let as_nobody = Command::new("setpriv")
        .args(["--reuid=65534", "--regid=65534", "--clear-groups"])
        .arg(binary())
        .args(["validate", "locked.json"])
        .current_dir(dir.path())
        .output();
    match as_nobody {
        Ok(output) if !String::from_utf8_lossy(&output.stderr).starts_with("setpriv") => {
            assert_fails_cleanly(&output, expected);
        }
        other => eprintln!(
            "note: running as root and cannot switch to an unprivileged user ({other:?}); \
             the permission-denied message was not exercised"
        ),
    }
}

#[test]
fn a_named_pipe_is_read_once() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("pipe.json");
    let made = Command::new("mkfifo").arg(&fifo).status();
    if !made.is_ok_and(|s| s.success()) {
        eprintln!("note: mkfifo is not available; the named-pipe case was not exercised");
        return;
    }
    // As `hustings validate <(command)` would see it: the bytes can be read only once.
    let bad = fs::read(corpus_dir().join("votes-negative.json")).unwrap();
    let writer = {
        let fifo = fifo.clone();
        std::thread::spawn(move || fs::write(fifo, bad))
    };
    // A second open of the pipe would wait for a writer forever; the timeout turns that hang
    // into a failure instead of a stuck test.
    let output = assert_cmd::Command::new(binary())
        .args(["validate", "pipe.json"])
        .current_dir(dir.path())
        .timeout(std::time::Duration::from_secs(60))
        .output()
        .unwrap();
    assert_fails_cleanly(
        &output,
        "pipe.json:20:51: contests[0].candidates[1].votes: invalid value: integer `-10`, expected a whole number of votes (0 or more), or null when unknown",
    );
    writer.join().unwrap().unwrap();
}
