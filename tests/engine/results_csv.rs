//! Results CSVs mapped by column: the Bundestag 2025 second votes with flags, the OpenElections
//! layout with none (recognised by content), awkward files, and unmappable ones.

use hustings::import::results_csv::{self, Mapping};
use hustings::import::{self, ImportError};
use hustings::model::Status;

use crate::support::data::real_data;

#[test]
fn bundestag_second_votes_with_the_invalid_row_as_rejected() {
    let path = real_data("csv/de_bundestag_2025_second_vote.csv");
    let file = std::fs::File::open(&path).unwrap();
    let mapping = Mapping {
        contest: vec!["district".into()],
        candidate: Some("name".into()),
        votes: Some("votes".into()),
        rejected_rows: vec!["? Ungültige".into()],
        ..Mapping::default()
    };
    let read = results_csv::read("de.csv", file, &mapping).unwrap();
    let cs = &read.dataset.contests;
    assert_eq!(cs.len(), 16, "16 Länder");
    let sh = &cs[0];
    assert_eq!(sh.title, "Landesliste - Schleswig-Holstein");
    assert_eq!(sh.ballots.as_ref().unwrap().rejected, Some(9963));
    assert!(sh.candidates.iter().all(|k| k.name != "? Ungültige"));
    assert_eq!(sh.candidate_named("SPD").unwrap().votes, Some(352_546));
    let winner: Vec<_> = sh.candidates.iter().filter(|k| k.elected).collect();
    assert_eq!(winner.len(), 1);
    assert_eq!(winner[0].name, "CDU");
    assert!(
        cs.iter()
            .all(|c| c.ballots.as_ref().unwrap().rejected.is_some())
    );
    assert!(
        read.notes
            .iter()
            .any(|n| n.contains("in 16 of 16 contests"))
    );
}

const OPEN_ELECTIONS: &str = "\u{feff}county,precinct,office,district,party,candidate,votes\r\n\
Fulton,P1,U.S. House,5,DEM,Ann,\"1,200\"\r\n\
Fulton,P2,U.S. House,5,DEM,Ann,300\r\n\
Fulton,P1,U.S. House,5,REP,Bob,900\r\n\
Fulton,P2,U.S. House,5,REP,Bob,100\r\n\
Fulton,P1,Governor,,DEM,Cy,50\r\n\
Fulton,P1,Governor,,REP,Di,50\r\n\
Fulton,P1,Governor,,,Ed,\r\n";

#[test]
fn an_open_elections_file_opens_with_no_flags() {
    let read = import::read_other("ga.csv", OPEN_ELECTIONS.as_bytes())
        .expect("recognised")
        .unwrap();
    assert_eq!(read.format, "results CSV");
    let cs = &read.dataset.contests;
    assert_eq!(cs.len(), 2);
    let house = &cs[0];
    assert_eq!(house.title, "U.S. House, District 5");
    assert_eq!(
        house.candidate_named("Ann").unwrap().votes,
        Some(1500),
        "precincts summed"
    );
    assert!(house.candidate_named("Ann").unwrap().elected);
    assert_eq!(
        house.candidate_named("Bob").unwrap().party.as_deref(),
        Some("REP")
    );
    assert_eq!(house.status, Status::Decided);
    let governor = &cs[1];
    assert_eq!(governor.title, "Governor");
    assert_eq!(governor.status, Status::Pending, "a tie is not broken");
    assert!(governor.candidates.iter().all(|k| !k.elected));
    assert_eq!(
        governor.candidate_named("Ed").unwrap().votes,
        None,
        "empty is unknown"
    );
    assert!(
        read.notes
            .iter()
            .any(|n| n.contains("tie for first place: Cy and Di"))
    );
    assert!(read.notes.iter().any(|n| n.contains("summed")));
}

#[test]
fn other_delimiters_and_per_contest_columns() {
    let text = "Wahlkreis;Partei;Stimmen;Gültige;Wahlberechtigte\n\
                Nord;A;1.234;2.000;5.000\nNord;B;766;2.000;5.000\nNord;Ungültig;12;2.000;5.000\n";
    let mapping = Mapping {
        contest: vec!["Wahlkreis".into()],
        candidate: Some("Partei".into()),
        votes: Some("Stimmen".into()),
        valid: Some("Gültige".into()),
        eligible: Some("Wahlberechtigte".into()),
        rejected_rows: vec!["Ungültig".into()],
        ..Mapping::default()
    };
    let read = results_csv::read("n.csv", text.as_bytes(), &mapping).unwrap();
    let c = &read.dataset.contests[0];
    let b = c.ballots.as_ref().unwrap();
    assert_eq!(
        (b.valid, b.rejected, b.eligible),
        (Some(2000), Some(12), Some(5000))
    );
    assert_eq!(c.candidate_named("A").unwrap().votes, Some(1234));
}

fn error(text: &str, mapping: &Mapping) -> String {
    let e: ImportError = results_csv::read("bad.csv", text.as_bytes(), mapping).unwrap_err();
    let s = e.to_string();
    assert_eq!(s.lines().count(), 1, "{s}");
    s
}

#[test]
fn bad_files_are_one_line_with_the_row() {
    let e = error("Wahlkreis,Partei,Stimmen\nNord,A,1\n", &Mapping::default());
    assert_eq!(
        e,
        "bad.csv:1: cannot tell which columns hold the contest, candidate and votes; map them with `hustings import csv FILE` --contest COL --candidate COL --votes COL; columns found (',' separated): \"Wahlkreis\", \"Partei\", \"Stimmen\""
    );
    let e = error(
        "office,candidate,votes\nMayor,Ann,12\nMayor,Bob,lots\n",
        &Mapping::default(),
    );
    assert_eq!(
        e,
        "bad.csv:3: column votes: expected a whole number, found \"lots\""
    );
    let e = error(
        "office,candidate,votes\nMayor,Ann,12.5\n",
        &Mapping::default(),
    );
    assert!(e.contains("expected a whole number, found \"12.5\""), "{e}");
    let mapping = Mapping {
        contest: vec!["race".into()],
        candidate: Some("candidate".into()),
        votes: Some("votes".into()),
        ..Mapping::default()
    };
    let e = error("office,candidate,votes\nMayor,Ann,1\n", &mapping);
    assert!(
        e.starts_with("bad.csv:1: --contest race: no such column; columns found"),
        "{e}"
    );
    let e = error("", &Mapping::default());
    assert!(e.contains("empty"), "{e}");
}

/// Precinct rows are summed per contest and per (candidate, party): the same name for two
/// parties stays two candidates, whatever the order of the rows (the importer looks
/// candidates up by name, then party).
#[test]
fn rows_are_summed_per_candidate_and_party() {
    let text = "office,district,party,candidate,votes\n\
                Mayor,,DEM,Ann,10\nMayor,,REP,Ann,4\nMayor,,,Ann,1\nCouncil,2,DEM,Ann,7\n\
                Mayor,,REP,Ann,5\nMayor,,DEM,Ann,\"1,000\"\nMayor,,,Ann,2\nCouncil,2,DEM,Ann,8\n";
    let read = results_csv::read("m.csv", text.as_bytes(), &Mapping::default()).unwrap();
    let cs = &read.dataset.contests;
    assert_eq!(cs.len(), 2);
    let mayor: Vec<_> = cs[0]
        .candidates
        .iter()
        .map(|k| (k.party.as_deref(), k.votes))
        .collect();
    assert_eq!(
        mayor,
        [
            (Some("DEM"), Some(1010)),
            (Some("REP"), Some(9)),
            (None, Some(3))
        ]
    );
    assert_eq!(cs[1].title, "Council, District 2");
    assert_eq!(cs[1].candidates[0].votes, Some(15));
}

/// Found by fuzzing (target `results_csv`, in its first seconds; 77 inputs in a 3-minute run,
/// all this one fault): errors quoted cells, header names and the delimiter as they were, so
/// a quoted cell holding a line break, a header name holding one, or `--delimiter` given a
/// newline made the error several lines. Minimised: the prefix that gives `--delimiter` LF,
/// and the file `r`.
#[test]
fn fuzz_errors_quoting_line_breaks_stay_on_one_line() {
    let newline = Mapping {
        delimiter: Some(b'\n'),
        ..Mapping::default()
    };
    assert_eq!(
        error("r", &newline),
        "bad.csv:1: cannot tell which columns hold the contest, candidate and votes; map them with `hustings import csv FILE` --contest COL --candidate COL --votes COL; columns found (' ' separated): \"r\""
    );
    let e = error(
        "office,candidate,votes\nMayor,Ann,\"1\n2\"\n",
        &Mapping::default(),
    );
    assert_eq!(
        e,
        "bad.csv:2: column votes: expected a whole number, found \"1 2\""
    );
    let e = error(
        "\"off\nice\",name,count\nMayor,Ann,1\n",
        &Mapping::default(),
    );
    assert_eq!(
        e,
        "bad.csv:1: cannot tell which columns hold the contest, candidate and votes; map them with `hustings import csv FILE` --contest COL --votes COL; columns found (',' separated): \"off ice\", \"name\", \"count\""
    );
}

/// Found while writing the `results_csv` fuzz target (reading `whole` and the summing; a
/// 3-minute and a 2-minute run had not reached it): a vote count past the loader's limit
/// (2^40), or precinct rows summing past it, was imported, and `hustings import csv` stopped
/// with "internal error: the imported dataset does not load". Refused at the row, in one line.
#[test]
fn counts_past_the_limit_are_refused_at_the_row() {
    let e = error(
        "office,candidate,votes\nMayor,Ann,1099511627777\n",
        &Mapping::default(),
    );
    assert_eq!(
        e,
        "bad.csv:2: column votes: \"1099511627777\" is too large for a count (the limit is 1099511627776)"
    );
    let e = error(
        "office,candidate,votes\nMayor,Ann,99999999999999999999\n",
        &Mapping::default(),
    );
    assert_eq!(
        e,
        "bad.csv:2: column votes: \"99999999999999999999\" is too large for a count (the limit is 1099511627776)"
    );
    let e = error(
        "office,candidate,votes\nMayor,Ann,\"1,099,511,627,000\"\nMayor,Bob,1\nMayor,Ann,777\n",
        &Mapping::default(),
    );
    assert_eq!(
        e,
        "bad.csv:4: column votes: the votes of \"Ann\" add up to more than 1099511627776, the limit for a count"
    );
    let rejected = Mapping {
        rejected_rows: vec!["Over Votes".into()],
        ..Mapping::default()
    };
    let e = error(
        "office,candidate,votes\nMayor,Over Votes,1099511627776\nMayor,Ann,1\nMayor,Over Votes,1\n",
        &rejected,
    );
    assert_eq!(
        e,
        "bad.csv:4: column votes: the \"Over Votes\" rows add up to more than 1099511627776, the limit for a count"
    );
    // At the limit itself, a count reads.
    let read = results_csv::read(
        "m.csv",
        &b"office,candidate,votes\nMayor,Ann,1099511627000\nMayor,Ann,776\n"[..],
        &Mapping::default(),
    )
    .unwrap();
    assert_eq!(read.dataset.contests[0].candidates[0].votes, Some(1 << 40));
}

/// A corpus file read with no flags, as `hustings FILE` opens it.
fn corpus(path: &str) -> hustings::import::Read {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/corpus/openelections-csv")
        .join(path);
    let bytes = std::fs::read(&path).unwrap();
    import::read_other(&path.to_string_lossy(), &bytes)
        .expect("recognised as a results CSV")
        .unwrap()
}

fn votes(
    read: &hustings::import::Read,
    contest: &str,
    party: Option<&str>,
    name: &str,
) -> (Option<u64>, bool) {
    let c = read
        .dataset
        .contests
        .iter()
        .find(|c| c.title.starts_with(contest) && c.party.as_deref() == party)
        .unwrap_or_else(|| panic!("no contest {contest} {party:?}"));
    let k = c.candidate_named(name).unwrap();
    (k.votes, k.elected)
}

/// Classic Mac files end lines in CR alone: recognised and read (ND 2012: 58 contests).
#[test]
fn north_dakota_2012_with_cr_line_ends_reads() {
    let read = corpus("openelections-nd/20121106__nd__general__precinct.csv");
    assert_eq!(read.dataset.contests.len(), 58);
    assert_eq!(
        votes(&read, "President", None, "Mitt Romney"),
        (Some(189_540), true)
    );
}

/// An error's line counts CR-only line ends too.
#[test]
fn error_lines_count_cr_line_ends() {
    let e = error(
        "office,candidate,votes\rMayor,Ann,12\rMayor,Bob,lots\r",
        &Mapping::default(),
    );
    assert_eq!(
        e,
        "bad.csv:3: column votes: expected a whole number, found \"lots\""
    );
}

/// North Dakota 2016: nobody named TOTALS is elected; Burgum & Sanford win governor with 259863.
#[test]
fn north_dakota_2016_totals_are_no_candidate() {
    let read = corpus("openelections-nd/20161108__nd__general__county.csv");
    assert!(
        read.dataset
            .contests
            .iter()
            .all(|c| c.candidate_named("TOTALS").is_none())
    );
    assert_eq!(
        votes(&read, "Governor", None, "Doug Burgum & Brent Sanford"),
        (Some(259_863), true)
    );
    assert!(
        read.notes
            .iter()
            .any(|n| n.contains("left out 318 rows whose candidate is \"TOTALS\""))
    );
}

/// WV 2020: the statewide rows (empty county) are not added to the counties': Trump 545,382,
/// not 1,090,764; the totals are checked against the parts and agree.
#[test]
fn west_virginia_2020_statewide_rows_are_not_counted_twice() {
    let read = corpus("openelections-wv/20201103__wv__general__county.csv");
    assert_eq!(read.dataset.contests.len(), 100);
    assert_eq!(
        votes(&read, "President", None, "DONALD J. TRUMP"),
        (Some(545_382), true)
    );
    assert!(
        read.notes
            .iter()
            .any(|n| n.contains("260 aggregate rows") && n.contains("all agree")),
        "{:?}",
        read.notes
    );
}

/// PA 2001 special: where the total row disagrees with the counties (Shuster 55549 against
/// 58801), the counties' sum stands and the note says so.
#[test]
fn pennsylvania_2001_totals_that_disagree_are_noted() {
    let read = corpus("openelections-pa/20011106__pa__special__general.csv");
    assert_eq!(
        votes(&read, "U.S. House", None, "SHUSTER, BILL"),
        (Some(58_801), true)
    );
    assert!(
        read.notes
            .iter()
            .any(|n| n.contains("parts sum to 58801, total rows say 55549")),
        "{:?}",
        read.notes
    );
}

/// Office-column counts with no candidate (`Registered Voters`, `Ballots Cast`) are left out,
/// not refused: Florida 2020, Trump / Pence 5,668,731.
#[test]
fn florida_2020_rows_with_no_candidate_are_left_out() {
    let read = corpus("openelections-fl/20201103__fl__general__county.csv");
    assert_eq!(read.dataset.contests.len(), 144);
    assert_eq!(
        votes(&read, "President", None, "Trump / Pence"),
        (Some(5_668_731), true)
    );
    assert!(
        read.notes
            .iter()
            .any(|n| n.contains("whose office is \"Registered Voters\""))
    );
}

/// In primaries the party is part of the contest: ND 2016 has 10 contests, not 4.
#[test]
fn north_dakota_2016_primary_splits_contests_by_party() {
    let read = corpus("openelections-nd/20160614__nd__primary__county.csv");
    assert_eq!(read.dataset.contests.len(), 10);
    assert_eq!(
        votes(
            &read,
            "Governor",
            Some("REP"),
            "Doug Burgum & Brent Sanford"
        ),
        (Some(68_042), true)
    );
    assert!(
        read.dataset
            .contests
            .iter()
            .any(|c| c.title == "Governor (DFL)")
    );
}

/// Michigan 2016 has first/middle/last/suffix columns: the name is joined.
#[test]
fn michigan_2016_name_parts_are_joined() {
    let read = corpus("openelections-mi/20161108__mi__general__county.csv");
    assert_eq!(read.dataset.contests.len(), 128);
    assert_eq!(
        votes(
            &read,
            "President of the United States",
            None,
            "Donald J. Trump"
        ),
        (Some(2_279_543), true)
    );
}

/// The Alaska caucus file has no office column: one contest named from the file.
#[test]
fn alaska_caucus_with_no_office_column_is_one_contest() {
    let read = corpus("openelections-ak/20160329__ak__democratic__caucus__president.csv");
    let cs = &read.dataset.contests;
    assert_eq!(cs.len(), 1);
    assert_eq!(cs[0].title, "20160329__ak__democratic__caucus__president");
    assert_eq!(
        votes(&read, "2016", None, "Bernie Sanders"),
        (Some(8447), true)
    );
}

/// Invalid votes are no party: the Bundestag file's `? Ungültige` row is rejected ballots with
/// no flag (Schleswig-Holstein CDU 518,424 of 1,880,005 valid votes: 27.6 %, not 27.4 %).
#[test]
fn bundestag_invalid_row_is_rejected_with_no_flag() {
    let path = real_data("csv/de_bundestag_2025_second_vote.csv");
    let mapping = Mapping {
        contest: vec!["district".into()],
        candidate: Some("name".into()),
        votes: Some("votes".into()),
        ..Mapping::default()
    };
    let read = results_csv::read("de.csv", std::fs::File::open(&path).unwrap(), &mapping).unwrap();
    let sh = &read.dataset.contests[0];
    assert!(sh.candidate_named("? Ungültige").is_none());
    assert_eq!(sh.ballots.as_ref().unwrap().rejected, Some(9963));
    let valid: u64 = sh.candidates.iter().filter_map(|k| k.votes).sum();
    assert_eq!(valid, 1_880_005);
    assert!(
        read.notes
            .iter()
            .any(|n| n.contains("rows named \"? Ungültige\" taken as rejected ballots"))
    );
}
