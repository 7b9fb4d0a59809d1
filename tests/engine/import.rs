//! Importing the House of Commons Library's real results files (tests/data/real): facts
//! read from the files themselves, for both candidate layouts and the constituency join.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use crate::support::data::real_data;

use hustings::import::hoc::{self, Imported, Options, Problem};
use hustings::load::integrity::{self, WarningKind};
use hustings::model::arithmetic;
use hustings::model::{Contest, Dataset, Status};

const CANDIDATES_2019: &str = "HoC-GE2019-results-by-candidate.csv";
const CONSTITUENCIES_2019: &str = "HoC-GE2019-results-by-constituency.csv";
const CANDIDATES_2017: &str = "HoC-GE2017-results-by-candidate.csv";

/// GE2019 candidates joined with the GE2019 constituency file (imported once for all tests).
fn ge2019() -> &'static Imported {
    static CELL: OnceLock<Imported> = OnceLock::new();
    CELL.get_or_init(|| {
        hoc::candidates(&Options {
            candidates: real_data(CANDIDATES_2019),
            constituencies: Some(real_data(CONSTITUENCIES_2019)),
            ..Options::default()
        })
        .expect("the GE2019 files import")
    })
}

/// GE2017 candidates alone.
fn ge2017() -> &'static Imported {
    static CELL: OnceLock<Imported> = OnceLock::new();
    CELL.get_or_init(|| {
        hoc::candidates(&Options {
            candidates: real_data(CANDIDATES_2017),
            ..Options::default()
        })
        .expect("the GE2017 file imports")
    })
}

fn seat<'a>(dataset: &'a Dataset, name: &str) -> &'a Contest {
    let found: Vec<&Contest> = dataset
        .contests
        .iter()
        .filter(|c| c.constituency.as_deref() == Some(name))
        .collect();
    assert_eq!(found.len(), 1, "exactly one contest for {name}");
    found[0]
}

fn winner(contest: &Contest) -> (&str, &str, u64) {
    let w = arithmetic::winner(contest).expect("a winner");
    (
        w.name.as_str(),
        w.party.as_deref().unwrap(),
        w.votes.unwrap(),
    )
}

fn seats_per_region(dataset: &Dataset) -> BTreeMap<String, usize> {
    let mut out = BTreeMap::new();
    for c in &dataset.contests {
        let name = &dataset.region(c.region.as_deref().unwrap()).unwrap().name;
        *out.entry(name.to_string()).or_default() += 1;
    }
    out
}

/// The file's rows as (ONS id, full name, votes) in file order, read independently of the importer.
fn raw_rows(
    file: &str,
    id: &str,
    first: &str,
    last: &str,
    votes: &str,
) -> Vec<(String, String, u64)> {
    let mut reader = csv::Reader::from_path(real_data(file)).unwrap();
    let header = reader.headers().unwrap().clone();
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    let (id, first, last, votes) = (col(id), col(first), col(last), col(votes));
    reader
        .records()
        .map(|r| {
            let r = r.unwrap();
            let name = format!("{} {}", r[first].trim(), r[last].trim());
            (r[id].to_string(), name, r[votes].parse().unwrap())
        })
        .collect()
}

#[test]
fn ge2019_has_650_seats_with_east_unified_into_east_of_england() {
    let imported = ge2019();
    let d = &imported.dataset;
    assert_eq!(d.contests.len(), 650);
    assert_eq!(
        d.contests.iter().map(|c| c.candidates.len()).sum::<usize>(),
        3320
    );
    let expected: BTreeMap<String, usize> = [
        ("South East", 84),
        ("North West", 75),
        ("London", 73),
        ("Scotland", 59),
        ("West Midlands", 59),
        ("East of England", 58),
        ("South West", 55),
        ("Yorkshire and The Humber", 54),
        ("East Midlands", 46),
        ("Wales", 40),
        ("North East", 29),
        ("Northern Ireland", 18),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v))
    .collect();
    assert_eq!(seats_per_region(d), expected);
    let unified = &imported.report.unified;
    assert_eq!(unified.len(), 1, "{unified:?}");
    assert_eq!(
        (
            unified[0].spelled.as_str(),
            unified[0].name.as_str(),
            unified[0].id.as_str()
        ),
        ("East", "East of England", "east-of-england")
    );
    assert!(unified[0].file.ends_with(CANDIDATES_2019));
    assert_eq!(imported.report.layout, "GE2019 candidate");
    assert_eq!(imported.report.date.to_string(), "2019-12-12");
    assert!(imported.report.date_from_layout);
    let join = imported.report.join.as_ref().unwrap();
    assert_eq!((join.rows, join.matched), (650, 650));
}

#[test]
fn ge2017_has_650_seats_per_region_from_its_own_layout() {
    let imported = ge2017();
    let d = &imported.dataset;
    assert_eq!(d.contests.len(), 650);
    assert_eq!(
        d.contests.iter().map(|c| c.candidates.len()).sum::<usize>(),
        3304
    );
    let regions = seats_per_region(d);
    assert_eq!(regions["North West"], 75);
    assert_eq!(regions["London"], 73);
    assert_eq!(regions["East of England"], 58);
    assert_eq!(regions.values().sum::<usize>(), 650);
    assert!(
        imported.report.unified.is_empty(),
        "the 2017 file already says East of England"
    );
    assert_eq!(imported.report.layout, "GE2017 candidate");
    assert_eq!(imported.report.date.to_string(), "2017-06-08");
    assert!(
        d.contests
            .iter()
            .all(|c| c.id.starts_with("ge2017-") && c.ballots.is_none())
    );
}

#[test]
fn birkenhead_2019_winner_votes_majority_and_ballots() {
    let c = seat(&ge2019().dataset, "Birkenhead");
    assert_eq!(c.id, "ge2019-e14000559");
    assert_eq!(c.constituency_id.as_deref(), Some("E14000559"));
    assert_eq!(c.title, "Birkenhead, 2019 general election");
    assert_eq!(c.region.as_deref(), Some("north-west"));
    assert_eq!(c.date.unwrap().to_string(), "2019-12-12");
    assert_eq!(c.status, Status::Decided);
    assert_eq!(c.method.as_deref(), Some("first past the post"));
    assert_eq!(winner(c), ("Mick Whitley", "Labour", 24990));
    assert_eq!(
        arithmetic::winner(c).unwrap().faction.as_deref(),
        Some("labour")
    );
    assert_eq!(c.majority, Some(17705));
    assert_eq!(arithmetic::computed_margin(c), Some(17705));
    let b = c.ballots.as_ref().unwrap();
    assert_eq!(
        (b.valid, b.rejected, b.eligible),
        (Some(42329), Some(73), Some(63762))
    );
    assert_eq!(c.result.as_deref(), Some("Lab hold"));
    assert_eq!(
        arithmetic::share(c, arithmetic::winner(c).unwrap()).label(),
        "59.0%"
    );
    assert!(
        c.notes
            .as_deref()
            .unwrap()
            .contains("Declared at 02:04 on 13 Dec 2019")
    );
    // Frank Field, the sitting MP, stood for his own party and lost.
    let field = c
        .candidates
        .iter()
        .find(|x| x.name == "Frank Field")
        .unwrap();
    assert!(field.incumbent && !field.elected);
    assert_eq!(
        field.party.as_deref(),
        Some("Birkenhead Social Justice Party")
    );
    assert_eq!(field.faction.as_deref(), Some("other"));
}

#[test]
fn barrow_and_furness_2019_is_a_conservative_gain() {
    let c = seat(&ge2019().dataset, "Barrow and Furness");
    assert_eq!(winner(c), ("Simon Fell", "Conservative", 23876));
    assert_eq!(c.result.as_deref(), Some("Con gain from Lab Coop"));
    assert_eq!(c.majority, Some(5789));
    assert!(!arithmetic::winner(c).unwrap().incumbent);
}

#[test]
fn stockport_2017_winner_found_although_the_file_lists_lowest_first() {
    let rows = raw_rows(
        CANDIDATES_2017,
        "ONS ID",
        "Candidate first name",
        "Candidate surname",
        "Votes",
    );
    let stockport: Vec<_> = rows.iter().filter(|r| r.0 == "E14000969").collect();
    // The file's order is fewest votes first: the winner is the last row, not the first.
    assert_eq!(stockport.last().unwrap().1, "Ann Coffey");
    assert_eq!(stockport.first().unwrap().1, "Gary Lawson");
    let c = seat(&ge2017().dataset, "Stockport");
    assert_eq!(c.id, "ge2017-e14000969");
    assert_eq!(winner(c), ("Ann Coffey", "Labour", 26282));
    assert!(arithmetic::winner(c).unwrap().incumbent);
    // The margin the seed dataset quotes from the news (14,477) follows from the file's votes.
    assert_eq!(arithmetic::computed_margin(c), Some(14477));
}

/// In every seat of both years exactly one candidate is elected, the one with most votes:
/// the first row of each seat in the 2019 file and the last in the 2017 file.
#[test]
fn every_winner_is_the_top_candidate_whatever_the_row_order() {
    for (imported, file, cols, winner_row_is_last) in [
        (
            ge2019(),
            CANDIDATES_2019,
            ["ons_id", "firstname", "surname", "votes"],
            false,
        ),
        (
            ge2017(),
            CANDIDATES_2017,
            [
                "ONS ID",
                "Candidate first name",
                "Candidate surname",
                "Votes",
            ],
            true,
        ),
    ] {
        let rows = raw_rows(file, cols[0], cols[1], cols[2], cols[3]);
        let mut expected: BTreeMap<String, &str> = BTreeMap::new();
        for (id, name, _) in &rows {
            if winner_row_is_last || !expected.contains_key(id) {
                expected.insert(id.clone(), name);
            }
        }
        for c in &imported.dataset.contests {
            let elected: Vec<_> = c.candidates.iter().filter(|x| x.elected).collect();
            assert_eq!(elected.len(), 1, "{}", c.id);
            let top = c.candidates.iter().filter_map(|x| x.votes).max();
            assert_eq!(elected[0].votes, top, "{}", c.id);
            let id = c.constituency_id.as_deref().unwrap();
            assert_eq!(
                elected[0].name.split_whitespace().collect::<Vec<_>>(),
                expected[id].split_whitespace().collect::<Vec<_>>(),
                "{}",
                c.id
            );
        }
    }
}

#[test]
fn meon_valley_vote_sum_is_the_one_vote_sum_warning() {
    let imported = ge2019();
    let warnings = integrity::warnings(&imported.dataset);
    let sums: Vec<_> = warnings
        .iter()
        .filter(|w| matches!(w.kind, WarningKind::VoteSum { .. }))
        .collect();
    assert_eq!(sums.len(), 1, "{sums:?}");
    assert_eq!(sums[0].contest_id, "ge2019-e14000811");
    assert_eq!(
        sums[0].kind,
        WarningKind::VoteSum {
            sum: 55569,
            valid: 54829
        }
    );
    assert_eq!(
        seat(&imported.dataset, "Meon Valley").id,
        "ge2019-e14000811"
    );
    // Every warning of the whole import is about Meon Valley.
    assert!(
        warnings.iter().all(|w| w.contest_id == "ge2019-e14000811"),
        "{warnings:?}"
    );
    // The constituency file's party columns show where the two files part: Labour and Green.
    let party: Vec<_> = imported
        .report
        .problems
        .iter()
        .filter_map(|p| match p {
            Problem::PartyVotes {
                contest,
                column,
                stated,
                candidates,
            } => Some((contest.as_str(), *column, *stated, *candidates)),
            _ => None,
        })
        .collect();
    assert_eq!(
        party,
        [
            ("ge2019-e14000811", "Lab", 5644, 5664),
            ("ge2019-e14000811", "Green", 2198, 2918)
        ]
    );
    let notes = seat(&imported.dataset, "Meon Valley")
        .notes
        .as_deref()
        .unwrap();
    assert!(
        notes.contains("Lab column says 5,644 votes, but the candidates' rows give 5,664"),
        "{notes}"
    );
}

/// After the join, each seat's figures agree between the two files (valid votes = the
/// candidates' sum, majority = the top two's difference), read here straight from the
/// constituency file: all 650 except Meon Valley's sum.
#[test]
fn joined_figures_agree_with_the_constituency_file_except_meon_valley() {
    let dataset = &ge2019().dataset;
    let mut reader = csv::Reader::from_path(real_data(CONSTITUENCIES_2019)).unwrap();
    let header = reader.headers().unwrap().clone();
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    let (id, name, valid, majority) = (
        col("ONS ID"),
        col("Constituency name"),
        col("Valid votes"),
        col("Majority"),
    );
    let mut disagree = Vec::new();
    let mut checked = 0;
    for record in reader.records() {
        let r = record.unwrap();
        let contest = dataset
            .contest(&format!("ge2019-{}", r[id].to_lowercase()))
            .unwrap();
        let stated_valid: u64 = r[valid].parse().unwrap();
        let stated_majority: u64 = r[majority].parse().unwrap();
        assert_eq!(contest.ballots.as_ref().unwrap().valid, Some(stated_valid));
        assert_eq!(contest.majority, Some(stated_majority));
        assert_eq!(
            arithmetic::computed_margin(contest),
            Some(stated_majority),
            "{}",
            &r[name]
        );
        if arithmetic::votes_sum(contest) != Some(stated_valid) {
            disagree.push(r[name].to_string());
        }
        checked += 1;
    }
    assert_eq!(checked, 650);
    assert_eq!(disagree, ["Meon Valley"]);
}

#[test]
fn non_ascii_names_are_kept_intact() {
    let d19 = &ge2019().dataset;
    let names: Vec<&str> = d19
        .contests
        .iter()
        .flat_map(|c| &c.candidates)
        .map(|c| c.name.as_str())
        .collect();
    for name in [
        "Órfhlaith Begley",
        "Thérèse Coffey",
        "Siân Caiach",
        "Eóin Tennyson",
        "Zöe Franklin",
    ] {
        assert!(names.contains(&name), "{name}");
    }
    assert_eq!(
        winner(seat(d19, "West Tyrone")),
        ("Órfhlaith Begley", "Sinn Fein", 16544)
    );
    assert_eq!(
        arithmetic::winner(seat(d19, "West Tyrone"))
            .unwrap()
            .faction
            .as_deref(),
        Some("sinn-fein")
    );
    let aontu = d19
        .contests
        .iter()
        .flat_map(|c| &c.candidates)
        .filter(|c| c.party.as_deref() == Some("Aontú"))
        .count();
    assert_eq!(aontu, 7);
    let d17 = &ge2017().dataset;
    assert_eq!(seat(d17, "Ynys Môn").id, "ge2017-w07000041");
    assert!(
        d17.contests
            .iter()
            .flat_map(|c| &c.candidates)
            .any(|c| c.name == "Siân Berry")
    );
    let sf = d17
        .contests
        .iter()
        .flat_map(|c| &c.candidates)
        .find(|c| c.faction.as_deref() == Some("sinn-fein"))
        .unwrap();
    assert_eq!(sf.party.as_deref(), Some("Sinn Féin"));
}

#[test]
fn stray_spaces_are_trimmed_and_counted() {
    let imported = ge2019();
    let d = &imported.dataset;
    let find =
        |seat_name: &str, name: &str| seat(d, seat_name).candidates.iter().any(|c| c.name == name);
    assert!(find("Amber Valley", "Kate Smith"));
    assert!(find("Stockport", "Lee Montague-Trenchard"));
    assert!(find("Rutherglen and Hamilton West", "Janice Mackay"));
    for c in d.contests.iter().flat_map(|c| &c.candidates) {
        assert_eq!(
            c.name,
            c.name.split_whitespace().collect::<Vec<_>>().join(" ")
        );
        let party = c.party.as_deref().unwrap();
        assert_eq!(party, party.trim());
    }
    let cleaned: BTreeMap<&str, usize> = imported
        .report
        .cleaned
        .iter()
        .map(|c| (c.column.as_str(), c.cells))
        .collect();
    let expected: BTreeMap<&str, usize> = [
        ("firstname", 192),
        ("surname", 25),
        ("party_name", 2),
        ("party_abbreviation", 1),
    ]
    .into();
    assert_eq!(cleaned, expected);
}

#[test]
fn name_spelling_differences_are_noted_not_fixed() {
    let imported = ge2019();
    let ynys = seat(&imported.dataset, "Ynys Mon");
    assert!(
        ynys.notes
            .as_deref()
            .unwrap()
            .contains("spells the seat \"Ynys Môn\"")
    );
    let notes: Vec<_> = imported
        .report
        .problems
        .iter()
        .filter(|p| p.is_note())
        .collect();
    assert_eq!(notes.len(), 1, "{notes:?}");
    // Only the Meon Valley party columns are warnings among the importer's own findings.
    let others: Vec<_> = imported
        .report
        .problems
        .iter()
        .filter(|p| !p.is_note() && !matches!(p, Problem::PartyVotes { .. }))
        .collect();
    assert!(others.is_empty(), "{others:?}");
}

#[test]
fn parties_map_to_factions_with_colours() {
    let d = &ge2019().dataset;
    let ids: Vec<&str> = d.factions.iter().map(|f| f.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "conservative",
            "labour",
            "liberal-democrat",
            "snp",
            "plaid-cymru",
            "green",
            "brexit-party",
            "ukip",
            "dup",
            "sinn-fein",
            "sdlp",
            "uup",
            "alliance",
            "speaker",
            "independent",
            "other",
            "labour-co-op"
        ]
    );
    assert!(
        d.factions
            .iter()
            .all(|f| f.color.is_some() && f.abbr.is_some())
    );
    let co_op = d
        .contests
        .iter()
        .flat_map(|c| &c.candidates)
        .filter(|c| c.party.as_deref() == Some("Labour and Co-operative"));
    assert!(
        co_op.clone().count() == 50
            && co_op
                .clone()
                .all(|c| c.faction.as_deref() == Some("labour"))
    );
    assert_eq!(
        winner(seat(d, "Chorley")),
        ("Lindsay Hoyle", "Speaker", 26831)
    );
    assert_eq!(
        arithmetic::winner(seat(d, "Chorley"))
            .unwrap()
            .faction
            .as_deref(),
        Some("speaker")
    );
    // Seats won per faction, counted from the constituency file's "First party" column.
    let mut won: BTreeMap<&str, usize> = BTreeMap::new();
    for c in &d.contests {
        *won.entry(arithmetic::winner(c).unwrap().faction.as_deref().unwrap())
            .or_default() += 1;
    }
    assert_eq!(won["conservative"], 365);
    assert_eq!(won["labour"], 202);
    assert_eq!(won["snp"], 48);
    assert_eq!(won["liberal-democrat"], 11);
    assert_eq!(won["alliance"], 1);
}

#[test]
fn shares_are_computed_not_stored_and_the_files_shares_agree() {
    for imported in [ge2019(), ge2017()] {
        assert!(
            imported
                .dataset
                .contests
                .iter()
                .flat_map(|c| &c.candidates)
                .all(|c| c.share().is_none())
        );
        assert!(
            !imported
                .report
                .problems
                .iter()
                .any(|p| matches!(p, Problem::Share { .. }))
        );
    }
}

#[test]
fn a_2017_file_joined_with_2019_totals_is_caught_by_the_declaration_dates() {
    let imported = hoc::candidates(&Options {
        candidates: real_data(CANDIDATES_2017),
        constituencies: Some(real_data(CONSTITUENCIES_2019)),
        ..Options::default()
    })
    .unwrap();
    let days: Vec<_> = imported
        .report
        .problems
        .iter()
        .filter_map(|p| match p {
            Problem::DeclarationDay { seats, date, .. } => Some((*seats, date.as_str())),
            _ => None,
        })
        .collect();
    assert_eq!(days, [(650, "2017-06-08")]);
}
