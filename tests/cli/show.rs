//! `hustings show` run as a real process: full detail, honest partial data, suggestions.

use crate::support::cli::{hustings, stdout};
use crate::support::data::{dataset, fixture, seed_file};
use hustings::report::json::ShowDoc;
use predicates::prelude::*;

#[test]
fn stockport_prints_its_counts_and_the_591_vs_592_warning() {
    let text = stdout(&["show", "stockport-selection-2019"]);
    for number in ["338", "218", "23", "12"] {
        let line = text
            .lines()
            .find(|l| l.contains("  ") && l.split_whitespace().any(|w| w == number))
            .unwrap_or_else(|| panic!("{number} missing:\n{text}"));
        assert!(line.contains('%'), "{line}");
    }
    assert!(text.contains("candidates' votes sum to 591 but 592 valid ballots were reported"));
    assert!(
        text.contains("57.1% (stated ~57%)"),
        "stated share kept beside the computed one"
    );
    assert!(text.contains("Seat majority    14,477 (Labour, 2017)"));
    assert!(text.contains("Defection        to The Independent Group (18 Feb 2019)"));
    assert!(text.contains("Endorsed by Momentum, Unite, Unison"));
    assert!(text.contains("Morning Star"));
    let md = stdout(&["show", "stockport-selection-2019", "--format", "markdown"]);
    assert!(md.contains("| ✓ Navendu Mishra (elected) | Labour left / Momentum | 338 | 57.1% |"));
    assert!(md.contains("- ⚠ candidates' votes sum to 591 but 592"));
}

#[test]
fn bury_south_shows_the_bound_and_invents_nothing() {
    let text = stdout(&["show", "bury-south-selection-2019"]);
    let burke = text.lines().find(|l| l.contains("Lucy Burke")).unwrap();
    assert!(burke.contains("n/a  >70%  ███"), "{burke}");
    assert!(burke.ends_with('▸'), "bar marked as a lower bound: {burke}");
    for name in ["Fatima Mahmood", "Gillian Oliver"] {
        let line = text.lines().find(|l| l.contains(name)).unwrap();
        assert!(
            line.trim_end().ends_with("n/a"),
            "no bar for an unknown share: {line}"
        );
        assert!(!line.contains('█'));
    }
    // The only percentage anywhere is the stated one.
    let percents: Vec<&str> = text
        .split_whitespace()
        .filter(|w| w.contains('%'))
        .collect();
    assert!(percents.iter().all(|p| p.contains("70%")), "{percents:?}");
    // No percentage invented: the 160 voters are said as the source says them.
    assert!(text.contains("Turnout          160 voted, as stated (no electorate given"));
    assert!(text.contains("Margin           n/a"));
    assert!(text.contains("160 cast"));
    assert!(!text.contains(" 0 votes"));
    let json: serde_json::Value = serde_json::from_str(&stdout(&[
        "show",
        "bury-south-selection-2019",
        "-f",
        "json",
    ]))
    .unwrap();
    assert_eq!(json["derived"]["margin_votes"], serde_json::Value::Null);
    assert_eq!(
        json["derived"]["candidates"][1]["share"],
        serde_json::Value::Null
    );
    let md = stdout(&["show", "bury-south-selection-2019", "-f", "markdown"]);
    // `>` is escaped in a cell as in running text (it renders as `>70%`).
    assert!(md.contains("| ✓ Lucy Burke (elected) | Soft left / Open Labour | n/a | \\>70% |"));
}

#[test]
fn unknown_id_suggests_the_closest() {
    hustings(&["show", "stockport-selection-2018"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::starts_with(
            "error: unknown contest \"stockport-selection-2018\"; did you mean",
        ))
        .stderr(predicate::str::contains("stockport-selection-2019"));
    hustings(&["show", "qqqqqqqq"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "`hustings list` shows every contest's id",
        ));
}

#[test]
fn every_contest_in_every_format() {
    for data in [seed_file(), fixture()] {
        let dataset = dataset(&data);
        let data = data.to_str().unwrap();
        for contest in &dataset.contests {
            let id = contest.id.as_str();
            let text = stdout(&["show", id, "--data", data]);
            assert!(text.starts_with(contest.title.as_str()), "{text}");
            assert!(text.contains("\nContest\n"));
            let md = stdout(&["show", id, "--data", data, "--format", "markdown"]);
            assert!(md.starts_with("## "), "{md}");
            let json = stdout(&["show", id, "--data", data, "--format", "json"]);
            let doc: ShowDoc = serde_json::from_str(&json).unwrap();
            assert_eq!(doc.schema, "hustings.show");
            assert_eq!(&doc.contest, contest, "JSON round-trips into the model");
            for candidate in &contest.candidates {
                assert!(
                    text.contains(candidate.name.as_str()),
                    "{id}: {}",
                    candidate.name
                );
            }
        }
    }
}

#[test]
fn rounds_and_bounds_from_the_fixture() {
    let data = fixture();
    let data = data.to_str().unwrap();
    let wide = hustings(&["show", "rounds-2023", "--data", data])
        .env("COLUMNS", "200")
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let rounds = String::from_utf8(wide).unwrap();
    assert!(rounds.contains("Round 1: Ash 40, Birch 35, Cedar 25; eliminated Cedar;"));
    assert!(rounds.contains("Cedar → Ash 15, Cedar → Birch 8; 2 exhausted"));
    assert!(rounds.contains("Round 2: Ash 55, Birch 43"));
    let bounds = stdout(&["show", "bounds-2022", "--data", data]);
    let line = |name: &str| {
        bounds
            .lines()
            .find(|l| l.contains(name))
            .unwrap()
            .to_string()
    };
    assert!(line("Over").ends_with('▸'));
    assert!(line("About").ends_with('~'));
    assert!(line("Under").contains("<5%  ░"));
    assert!(line("Unknown").trim_end().ends_with("n/a"));
    assert!(bounds.contains("the true share is higher"));
    let empty = stdout(&["show", "empty-2020", "--data", data]);
    assert!(empty.contains("No candidates known yet."));
}

#[test]
fn colour_only_when_asked() {
    let plain = stdout(&["show", "stockport-selection-2019"]);
    assert!(!plain.contains('\x1b'));
    let forced = stdout(&["show", "stockport-selection-2019", "--color", "always"]);
    assert!(
        forced.contains("\x1b[38;2;215;25;28m"),
        "the faction's colour"
    );
}

#[test]
fn text_fits_the_width() {
    for columns in ["50", "80", "140"] {
        let out = hustings(&["show", "stockport-selection-2019"])
            .env("COLUMNS", columns)
            .assert()
            .success()
            .get_output()
            .stdout
            .clone();
        let width: usize = columns.parse().unwrap();
        for line in String::from_utf8(out).unwrap().lines() {
            assert!(line.chars().count() <= width, "{columns}: {line:?}");
        }
    }
}

#[test]
fn snapshots() {
    insta::assert_snapshot!(
        "show_stockport",
        stdout(&["show", "stockport-selection-2019"])
    );
    insta::assert_snapshot!(
        "show_bury_south",
        stdout(&["show", "bury-south-selection-2019"])
    );
    insta::assert_snapshot!(
        "show_stockport_markdown",
        stdout(&["show", "stockport-selection-2019", "--format", "markdown"])
    );
}

/// Piped with no `COLUMNS`, a chart's names are whole (GE2019 Denton and Reddish's Monster
/// Raving Loony candidate, 30 characters); on a terminal `COLUMNS` wide they are cut to fit.
#[test]
fn piped_charts_keep_every_name_whole() {
    let data = crate::support::data::ge2019();
    let data = data.to_str().unwrap();
    let piped = hustings(&["show", "ge2019-e14000661", "--data", data])
        .env_remove("COLUMNS")
        .output()
        .unwrap();
    let text = String::from_utf8(piped.stdout).unwrap();
    assert!(
        text.contains("    Farmin Lord F'Tang F'Tang Dave     324   0.8%"),
        "{text}"
    );
    let narrow = hustings(&["show", "ge2019-e14000661", "--data", data])
        .env("COLUMNS", "60")
        .output()
        .unwrap();
    let text = String::from_utf8(narrow.stdout).unwrap();
    assert!(text.contains("Farmin Lord F'Tang…"), "{text}");
}
