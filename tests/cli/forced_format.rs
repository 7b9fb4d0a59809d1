//! `hustings import FILE --format NAME`: one reader forced, whatever the file looks like; a
//! file not of that format is one line saying so, with exit status 2.

use crate::support::cli::hustings;
use crate::support::data::{fixture, real_data};

fn nist(name: &str) -> String {
    std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/nist")
        .join(name)
        .display()
        .to_string()
}

/// `hustings import FILE --format NAME` (to stdout): its exit status, the first line of its
/// summary or error, and the dataset written.
fn import(file: &str, format: &str) -> (Option<i32>, String, String) {
    let run = hustings(&["import", file, "--format", format])
        .output()
        .unwrap();
    let err = String::from_utf8(run.stderr).unwrap();
    (
        run.status.code(),
        err.lines().next().unwrap_or_default().to_string(),
        String::from_utf8(run.stdout).unwrap(),
    )
}

#[test]
fn each_format_reads_its_own_files() {
    let greenup = real_data("results/kentucky_greenup_2014_gop_senate_primary_precinct.xml");
    let maine = real_data("rcv/2018_maine_governor_primary.json");
    let hoc = real_data("HoC-GE2019-results-by-candidate.csv");
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("results.csv");
    std::fs::write(
        &csv,
        "office,candidate,party,votes\nMayor,Ann,Red,10\nMayor,Bob,Blue,7\n",
    )
    .unwrap();
    let fixture = fixture().display().to_string();
    for (file, format, read_as) in [
        (
            nist("ge2019-seats.xml"),
            "nist",
            "a NIST SP 1500-100 v2 election results report (XML): 5 contests",
        ),
        (
            nist("ge2019-seats.json"),
            "nist",
            "a NIST SP 1500-100 v2 election results report (JSON): 5 contests",
        ),
        (
            greenup.display().to_string(),
            "clarity",
            "a Clarity election-night results file (XML): 1 contest",
        ),
        (
            maine.display().to_string(),
            "count",
            "a count file (RCTab / Universal Tabulator JSON): 1 contest",
        ),
        (csv.display().to_string(), "csv", "a results CSV: 1 contest"),
        (
            hoc.display().to_string(),
            "hoc-candidates",
            "a House of Commons Library candidate CSV (GE2019 layout): 650 contests, 3320 candidates",
        ),
        (
            real_data("uk-history/GE_results.tsv").display().to_string(),
            "hoc-history",
            "a House of Commons Library party-level results file (CBP-8647): 4564 contests",
        ),
        (fixture.clone(), "hustings", "a hustings dataset:"),
    ] {
        let (code, first, out) = import(&file, format);
        assert_eq!(code, Some(0), "{format}: {first}");
        assert!(
            first.starts_with(&format!("read {file} as {read_as}")),
            "{format}: {first}"
        );
        assert!(out.starts_with("{\n  \"schema_version\": 1,"), "{format}");
    }
}

#[test]
fn a_file_not_of_the_forced_format_is_one_line() {
    let google = real_data("results/google_civics_post_election_sample_feed_summary.xml")
        .display()
        .to_string();
    let maine_nist = nist("maine-2018-governor-primary.json");
    let fixture = fixture().display().to_string();
    for (file, format, error) in [
        (google.clone(), "clarity", ":2:1: /ElectionReport[1]: expected a Clarity <ElectionResult>, found <ElectionReport>".to_string()),
        (maine_nist.clone(), "clarity", ": not a Clarity election-night results file (XML): it does not start with an XML element".into()),
        (maine_nist.clone(), "count", ": not a count file (RCTab / Universal Tabulator JSON): no `config` object and `results` list at the top level".into()),
        (maine_nist.clone(), "hoc-candidates", ": not a House of Commons Library candidate CSV: its first line is not the header of the GE2017 or GE2019 candidate layout".into()),
        (fixture.clone(), "nist", ": not a NIST SP 1500-100 election report: the top-level object has no \"@type\": \"ElectionResults.ElectionReport\"".into()),
        (maine_nist.clone(), "hustings", ":2:3: @type: unknown field `@type`".into()),
    ] {
        let run = hustings(&["import", &file, "--format", format]).output().unwrap();
        assert_eq!(run.status.code(), Some(2), "{format} on {file}");
        assert!(run.stdout.is_empty());
        let err = String::from_utf8(run.stderr).unwrap();
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(
            err.starts_with(&format!("error: {file}{error}")),
            "{format} on {file}: {err}"
        );
    }
}

#[test]
fn an_unknown_format_name_lists_the_names() {
    let run = hustings(&["import", &nist("ge2019-seats.xml"), "--format", "xml"])
        .output()
        .unwrap();
    assert_eq!(run.status.code(), Some(2));
    let err = String::from_utf8(run.stderr).unwrap();
    assert!(
        err.contains("invalid value 'xml' for '--format <NAME>'")
            && err
                .contains("[possible values: count, nist, clarity, hoc-candidates, hoc-history, csv, hustings]"),
        "{err}"
    );
    // The subcommands read their own formats; --format is for `import FILE`.
    let help = String::from_utf8(hustings(&["import", "--help"]).output().unwrap().stdout).unwrap();
    assert!(
        help.contains("--format <NAME>") && help.contains("- nist:"),
        "{help}"
    );
}

/// The names in "a, b and c".
fn and_list(text: &str) -> Vec<String> {
    let (rest, last) = text.rsplit_once(" and ").unwrap_or(("", text));
    rest.split(", ")
        .filter(|n| !n.is_empty())
        .chain([last])
        .map(str::to_string)
        .collect()
}

#[test]
fn recognition_format_values_and_the_unrecognised_file_error_list_the_same_formats() {
    // `--format`'s values, as `hustings import --help` lists them.
    let help = String::from_utf8(hustings(&["import", "--help"]).output().unwrap().stdout).unwrap();
    let values: Vec<String> = help
        .lines()
        .skip_while(|l| l.trim() != "Possible values:")
        .skip(1)
        .take_while(|l| !l.trim().is_empty())
        // A long description wraps onto lines of its own.
        .filter_map(|l| l.trim().strip_prefix("- "))
        .map(|l| l.split(':').next().unwrap().to_string())
        .collect();
    // The formats a file that is none of them is told about.
    let dir = tempfile::tempdir().unwrap();
    let text = dir.path().join("notes.txt");
    std::fs::write(&text, "Polling day notes\n").unwrap();
    let run = hustings(&["validate", &text.display().to_string()])
        .output()
        .unwrap();
    let err = String::from_utf8(run.stderr).unwrap();
    let listed = err
        .split_once("the formats hustings reads are ")
        .and_then(|(_, rest)| rest.split_once(" (hustings import --help)"))
        .map_or_else(
            || panic!("no list of formats in {err}"),
            |(names, _)| and_list(names),
        );
    assert_eq!(values, listed, "{help}\n{err}");
    // Every format is recognised by content: a file of it reads as forcing it reads.
    let csv = dir.path().join("results.csv");
    std::fs::write(&csv, "office,candidate,votes\nMayor,Ann,10\nMayor,Bob,7\n").unwrap();
    let samples = [
        ("count", real_data("rcv/2018_maine_governor_primary.json")),
        ("nist", nist("ge2019-seats.json").into()),
        (
            "clarity",
            real_data("results/kentucky_greenup_2014_gop_senate_primary_precinct.xml"),
        ),
        (
            "hoc-candidates",
            real_data("HoC-GE2019-results-by-candidate.csv"),
        ),
        ("hoc-history", real_data("uk-history/GE_results.tsv")),
        ("csv", csv),
        ("hustings", fixture()),
    ];
    let recognised: Vec<String> = samples.iter().map(|(n, _)| n.to_string()).collect();
    assert_eq!(
        values, recognised,
        "one sample per format, in the table's order"
    );
    for (format, file) in &samples {
        let file = file.display().to_string();
        let (code, by_content, _) = import_by_content(&file);
        let (forced_code, forced, _) = import(&file, format);
        assert_eq!(
            (code, forced_code),
            (Some(0), Some(0)),
            "{format}: {by_content}"
        );
        assert_eq!(by_content, forced, "{format}");
    }
}

/// `hustings import FILE` (to stdout), the format recognised by content: as [`import`].
fn import_by_content(file: &str) -> (Option<i32>, String, String) {
    let run = hustings(&["import", file]).output().unwrap();
    let err = String::from_utf8(run.stderr).unwrap();
    (
        run.status.code(),
        err.lines().next().unwrap_or_default().to_string(),
        String::from_utf8(run.stdout).unwrap(),
    )
}
