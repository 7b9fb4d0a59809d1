//! Clarity / Scytl election-night files (tests/data/real/results): the Greenup County,
//! Kentucky 2014 Republican Senate primary opens directly; broken files are one precise line.

use hustings::import::{self, ImportError};
use hustings::load::{self, DataSource};
use hustings::model::{ContestKind, Status, arithmetic};
use hustings::query::{Index, Query};

use crate::support::data::real_data;

const GREENUP: &str = "results/kentucky_greenup_2014_gop_senate_primary_precinct.xml";

fn read(xml: &str) -> Result<import::Read, ImportError> {
    import::read_other("t.xml", xml.as_bytes()).expect("recognised as Clarity")
}

#[test]
fn greenup_county_senate_primary() {
    let loaded = load::load(&[DataSource::File(real_data(GREENUP))]).expect("the file opens");
    let d = &loaded.dataset;
    assert_eq!(d.title.as_deref(), Some("2014 Primary Election, Greenup"));
    assert_eq!(d.contests.len(), 1);
    let c = &d.contests[0];
    assert_eq!(c.id, "greenup-us-senator-republican-2014");
    assert_eq!(c.title, "US Senator - REPUBLICAN");
    assert_eq!(c.kind, ContestKind::Selection);
    assert_eq!(c.party.as_deref(), Some("Republican"));
    // The county reports; the senate primary's constituency is the state, not the county.
    assert_eq!(c.constituency, None);
    assert_eq!(c.region.as_deref(), Some("greenup"));
    assert_eq!(c.date.unwrap().to_string(), "2014-05-20");
    assert_eq!(c.status, Status::Decided);
    assert_eq!(c.candidates.len(), 5);
    // The file's totalVotes for McConnell, which its 32 precinct counts also sum to.
    let mcconnell = c.candidate_named("Mitch McCONNELL").unwrap();
    assert_eq!(mcconnell.votes, Some(1135));
    assert!(mcconnell.elected);
    assert_eq!(c.candidates.iter().filter(|k| k.elected).count(), 1);
    assert_eq!(c.candidate_named("Matt BEVIN").unwrap().votes, Some(820));
    let b = c.ballots.as_ref().unwrap();
    assert_eq!(b.valid, Some(2060));
    assert_eq!(b.rejected, Some(0), "undervotes 0 + overvotes 0");
    // 5,926 ballots were cast of 28,162 registered in the county's whole primary, not in this
    // contest: a note, and no turnout of 2,060 votes over every voter in the county.
    assert_eq!((b.eligible, b.cast), (None, None));
    assert_eq!(arithmetic::turnout(c), None);
    let notes = c.notes.as_deref().unwrap();
    assert!(notes.contains("32 of 32 precincts reported."), "{notes}");
    assert!(
        notes.contains("turnout is the whole election's (every contest on the ballot): 5926 ballots cast of 28162 registered voters (21.0%)"),
        "{notes}"
    );
    assert_eq!(arithmetic::cast(c), Some(2060));
    assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);
}

const PARTIAL: &str = r#"<?xml version="1.0"?>
<ElectionResult>
  <ElectionName>2024 General Election</ElectionName>
  <ElectionDate>11/5/2024</ElectionDate>
  <Region>Example County</Region>
  <ElectionVoterTurnout totalVoters="1,000" ballotsCast="400" />
  <Contest key="1" text="Mayor" voteFor="1" precinctsParticipating="10" precinctsReported="4">
    <Choice key="1" text="Ann &amp; Co" party="DEM"><VoteType name="Election Day" votes="100"/><VoteType name="Absentee" votes="50"/></Choice>
    <Choice key="2" text="Bob" party="REP" totalVotes="120"/>
  </Contest>
  <Contest key="2" text="Council" voteFor="2" precinctsParticipating="10" precinctsReported="10" undervotes="7" overvotes="1">
    <Choice key="1" text="Cy" totalVotes="90"/>
    <Choice key="2" text="Di" totalVotes="80"/>
    <Choice key="3" text="Ed" totalVotes="80"/>
    <Choice key="4" text="Write-in" totalVotes="3"/>
  </Contest>
  <Contest key="3" text="Clerk" voteFor="1" precinctsParticipating="10" precinctsReported="10">
    <Choice key="1" text="Fay" totalVotes="50"/>
    <Choice key="2" text="Gus" totalVotes="50"/>
  </Contest>
</ElectionResult>"#;

#[test]
fn partly_reported_contests_are_pending_and_ties_are_flagged() {
    let read = read(PARTIAL).unwrap();
    let cs = &read.dataset.contests;
    assert_eq!(cs.len(), 3);
    let mayor = &cs[0];
    assert_eq!(mayor.kind, ContestKind::GeneralElection);
    assert_eq!(mayor.status, Status::Pending);
    assert!(mayor.candidates.iter().all(|k| !k.elected));
    assert_eq!(mayor.candidates[0].name, "Ann & Co");
    assert_eq!(mayor.candidates[0].votes, Some(150), "vote types summed");
    assert_eq!(mayor.candidates[0].party.as_deref(), Some("DEM"));
    assert!(
        mayor
            .notes
            .as_deref()
            .unwrap()
            .contains("4 of 10 precincts reported")
    );
    assert!(
        read.notes
            .iter()
            .any(|n| n == "Mayor: 4 of 10 precincts reported")
    );
    let b = mayor.ballots.as_ref().unwrap();
    assert_eq!(
        (b.eligible, b.cast, b.valid),
        (Some(1000), Some(400), Some(270))
    );
    // Vote for two: Cy wins, Di and Ed tie for the second seat and neither is elected.
    let council = &cs[1];
    assert_eq!(council.seats, Some(2));
    assert_eq!(council.status, Status::Pending);
    let elected: Vec<_> = council
        .candidates
        .iter()
        .filter(|k| k.elected)
        .map(|k| &k.name)
        .collect();
    assert_eq!(elected, ["Cy"]);
    assert!(council.candidates[3].write_in);
    let notes = council.notes.as_deref().unwrap();
    assert!(notes.contains("Undervotes 7, overvotes 1"), "{notes}");
    assert!(notes.contains("Di and Ed have 80 votes each"), "{notes}");
    assert_eq!(council.ballots.as_ref().unwrap().rejected, None);
    let clerk = &cs[2];
    assert_eq!(clerk.status, Status::Pending);
    assert!(
        read.notes
            .iter()
            .any(|n| n.contains("tie for first place: Fay and Gus"))
    );
}

fn error(xml: &str) -> String {
    let e = read(xml).unwrap_err();
    let s = e.to_string();
    assert_eq!(s.lines().count(), 1, "{s}");
    s
}

#[test]
fn broken_files_are_one_line_with_line_and_column() {
    // Truncated mid-contest.
    let cut = &PARTIAL[..PARTIAL.find("<Contest key=\"3\"").unwrap()];
    let e = error(cut);
    assert!(e.starts_with("t.xml:"), "{e}");
    assert!(e.contains("truncated"), "{e}");
    // A count that is not a number.
    let e = error(&PARTIAL.replace("totalVotes=\"120\"", "totalVotes=\"lots\""));
    assert_eq!(
        e,
        "t.xml:9:5: /ElectionResult[1]/Contest[1]/Choice[2]/@totalVotes: expected a whole number, found \"lots\""
    );
    // Mismatched tags.
    let e = error(&PARTIAL.replace(
        "</Contest>\n  <Contest key=\"2\"",
        "</Choice>\n  <Contest key=\"2\"",
    ));
    assert!(e.contains("not well-formed XML"), "{e}");
    // A US date that is not one.
    let e = error(&PARTIAL.replace("11/5/2024", "13/45/2024"));
    assert!(
        e.contains("ElectionDate \"13/45/2024\" is not a date"),
        "{e}"
    );
}

#[test]
fn only_clarity_xml_is_recognised() {
    // A NIST report's root element is the NIST reader's, not Clarity's.
    let nist = import::read_other("x.xml", b"<?xml version=\"1.0\"?><ElectionReport/>")
        .expect("recognised")
        .expect("an empty report reads");
    assert!(
        nist.format.starts_with("NIST SP 1500-100"),
        "{}",
        nist.format
    );
    assert!(import::read_other("x.xml", b"<html></html>").is_none());
    assert!(
        import::read_other("x.xml", b"\xEF\xBB\xBF  <ElectionResult></ElectionResult>").is_some()
    );
}

/// Found by fuzzing (target `clarity`, in its first seconds): a mismatched end tag was quoted
/// by the XML reader up to the next `>`, across lines, and the error was several lines.
#[test]
fn fuzz_a_mismatched_end_tag_across_lines_stays_on_one_line() {
    let e = import::clarity::read("t.xml", b"</\n>")
        .unwrap_err()
        .to_string();
    assert_eq!(
        e,
        "t.xml:1:1: /: not well-formed XML: ill-formed document: close tag `</ >` does not match any open tag"
    );
    let e = error(&PARTIAL.replace("</Region>", "</Region\n  "));
    assert_eq!(
        e,
        "t.xml:5:25: /ElectionResult[1]/Region[1]: not well-formed XML: ill-formed document: expected `</Region>`, but `</Region      <ElectionVoterTurnout totalVoters=\"1,000\" ball…` was found"
    );
}

/// Found by fuzzing (target `clarity`, after about 4,000 runs): a `Choice` outside a
/// `Contest` was not read, but its `VoteType`s were added to the last contest's last choice —
/// or, before any contest, the reader panicked.
#[test]
fn fuzz_vote_types_of_a_choice_outside_a_contest_are_not_read() {
    let e = import::clarity::read(
        "t.xml",
        b"<ElectionResult><><Choice><VoteType\n votes=\"5\">",
    )
    .unwrap_err()
    .to_string();
    assert_eq!(
        e,
        "t.xml:2:12: /ElectionResult[1]/[1]/Choice[1]/VoteType[1]: the file ends inside <VoteType> (truncated?)"
    );
    let xml = r#"<ElectionResult>
  <Contest key="1" text="Mayor"><Choice key="1" text="Ann"/></Contest>
  <Elsewhere><Choice key="1" text="Bob"><VoteType name="Election Day" votes="5"/></Choice></Elsewhere>
</ElectionResult>"#;
    let read = read(xml).unwrap();
    let ann = read.dataset.contests[0].candidate_named("Ann").unwrap();
    assert_eq!(ann.votes, None, "Bob's votes are not Ann's");
}

/// Found by fuzzing (target `clarity`, after 57 k runs): a count past the loader's limit
/// (`totalVoters="01099516277760"`) was imported, and `hustings import` stopped with "internal
/// error: the imported dataset does not load". Counts past the limit are refused where they
/// stand, and so are sums past it (a choice's vote types, a contest's votes, undervotes and
/// overvotes).
#[test]
fn fuzz_counts_past_the_limit_are_refused() {
    let e = import::clarity::read(
        "t.xml",
        b"<ElectionResult><ElectionVoterTurnout totalVoters=\"01099516277760\" />\n  <Contest key=\"1\"></Contest>\n</ElectionResult>",
    )
    .unwrap_err()
    .to_string();
    assert_eq!(
        e,
        "t.xml:1:17: /ElectionResult[1]/ElectionVoterTurnout[1]/@totalVoters: 01099516277760 is too large for a count (the limit is 1099511627776)"
    );
    let e = error(&PARTIAL.replace("totalVotes=\"120\"", "totalVotes=\"1,099,511,627,700\""));
    assert_eq!(
        e,
        "t.xml: Mayor: the choices' votes add up to more than 1099511627776, the limit for a count"
    );
    let e = error(&PARTIAL.replace("votes=\"50\"", "votes=\"1099511627776\""));
    assert_eq!(
        e,
        "t.xml: Mayor: the vote types of \"Ann & Co\" add up to more than 1099511627776, the limit for a count"
    );
    let e = error(
        &PARTIAL
            .replace("overvotes=\"1\"", "overvotes=\"1099511627776\"")
            .replace("undervotes=\"7\"", "undervotes=\"1\"")
            .replace("voteFor=\"2\"", "voteFor=\"1\""),
    );
    assert_eq!(
        e,
        "t.xml: Council: undervotes and overvotes add up to more than 1099511627776, the limit for a count"
    );
    // At the limit itself, a count reads.
    let read = read(r#"<ElectionResult><Contest key="1" text="Mayor"><Choice key="1" text="Bob" totalVotes="1099511627776"/></Contest></ElectionResult>"#).unwrap();
    let bob = read.dataset.contests[0].candidate_named("Bob").unwrap();
    assert_eq!(bob.votes, Some(1 << 40));
}

/// A county's election-night file holds every race on its ballot (Atkinson County, Georgia,
/// 2020: 25, from the president to the soil and water board). Each is its own contest,
/// counted once, and none is taken for another from a second source.
#[test]
fn every_race_of_a_county_file_is_its_own_contest() {
    let file = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/corpus/clarity/elex-clarity/ga_atkinson_precincts_11-3.xml");
    let loaded = load::load(&[DataSource::File(file)]).expect("the file opens");
    let d = &loaded.dataset;
    assert_eq!(d.contests.len(), 25);
    let listed = Index::of(&loaded).run(&Query::default());
    assert_eq!(listed.len(), 25);
    assert!(
        !loaded
            .warnings
            .iter()
            .any(|w| w.to_string().contains("the same contest")),
        "{:?}",
        loaded.warnings
    );
    let president = d
        .contests
        .iter()
        .find(|c| c.title == "President of the United States")
        .unwrap();
    assert_eq!(president.region.as_deref(), Some("atkinson"));
    assert_eq!(president.constituency, None);
    let trump = arithmetic::winner(president).unwrap();
    assert_eq!(
        (trump.name.as_str(), trump.votes),
        ("Donald J. Trump (I) (Rep)", Some(2300))
    );
}
