//! NIST reports that cannot be read: each is one line naming the file, the line:column where
//! the bad value (or the reference, or the cut) is, its path, and what is wrong. The inputs
//! are the test reports of tests/data/nist with one thing broken.

use hustings::import::{self, ImportError, Read};

use crate::support::data::real_data;

/// `hustings import FILE --format nist`, in the library.
fn read_as_nist(file: &str, bytes: &[u8]) -> Result<Read, ImportError> {
    let nist = import::formats::named("nist").unwrap();
    import::read_as(nist, file, bytes).expect("NIST is not the native format")
}

fn fixture(name: &str) -> String {
    let path = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/nist")
        .join(name);
    std::fs::read_to_string(path).unwrap()
}

/// `text` with the first `from` replaced by `to`, and where `to` starts (line, column).
fn broken(text: &str, from: &str, to: &str) -> (String, (usize, usize)) {
    let at = text
        .find(from)
        .unwrap_or_else(|| panic!("{from:?} is in the report"));
    let before = &text[..at];
    let line = before.matches('\n').count() + 1;
    let column = before.len() - before.rfind('\n').map_or(0, |i| i + 1) + 1;
    (text.replacen(from, to, 1), (line, column))
}

/// The error reading `text` as `name` (recognised by content).
fn error(name: &str, text: &str) -> String {
    let err = import::read_other(name, text.as_bytes())
        .expect("recognised")
        .expect_err("the report is broken");
    let line = err.to_string();
    assert!(!line.contains('\n'), "one line: {line}");
    assert!(line.starts_with(&format!("{name}:")), "{line}");
    line
}

fn json() -> String {
    fixture("maine-2018-governor-primary.json")
}

fn xml() -> String {
    fixture("maine-2018-governor-primary.xml")
}

const SELECTION: &str = "Election[0].Contest[0].ContestSelection[0]";

#[test]
fn a_json_value_of_the_wrong_type() {
    let (text, (l, c)) = broken(&json(), r#""Count": 35478"#, r#""Count": "35478""#);
    assert_eq!(
        error("m.json", &text),
        format!(
            "m.json:{l}:{}: {SELECTION}.VoteCounts[0].Count: invalid type: string \"35478\", expected a number",
            c + 9
        )
    );
    let (text, (l, c)) = broken(&json(), r#""IsWriteIn": true"#, r#""IsWriteIn": "yes""#);
    assert_eq!(
        error("m.json", &text),
        format!(
            "m.json:{l}:{}: Election[0].Contest[0].ContestSelection[7].IsWriteIn: invalid type: string \"yes\", expected true or false",
            c + 13
        )
    );
    let (text, (l, c)) = broken(&json(), r#""VotesAllowed": 1"#, r#""VotesAllowed": 1.5"#);
    assert_eq!(
        error("m.json", &text),
        format!(
            "m.json:{l}:{}: Election[0].Contest[0].VotesAllowed: expected a whole number, found 1.5",
            c + 16
        )
    );
    let (text, (l, c)) = broken(
        &json(),
        r#""CandidateIds": ["#,
        r#""CandidateIds": 7, "x": ["#,
    );
    assert_eq!(
        error("m.json", &text),
        format!(
            "m.json:{l}:{}: {SELECTION}.CandidateIds: invalid type: integer `7`, expected a list (array) of ids",
            c + 16
        )
    );
    let (text, (l, c)) = broken(
        &json(),
        r#""Type": "partisan-primary-closed""#,
        r#""Type": "caucus""#,
    );
    assert_eq!(
        error("m.json", &text),
        format!(
            "m.json:{l}:{}: Election[0].Type: expected one of general, other, partisan-primary-closed, partisan-primary-open, primary, runoff, special; found \"caucus\"",
            c + 8
        )
    );
    let (text, (l, c)) = broken(&json(), r#""BallotsCast": 132250"#, r#""BallotsCast": -3"#);
    assert_eq!(
        error("m.json", &text),
        format!(
            "m.json:{l}:{}: Election[0].BallotCounts[0].BallotsCast: -3 is not a count (0 or more)",
            c + 15
        )
    );
    let (text, (l, c)) = broken(
        &json(),
        r#""StartDate": "2018-06-12""#,
        r#""StartDate": "June 2018""#,
    );
    assert_eq!(
        error("m.json", &text),
        format!(
            "m.json:{l}:{}: Election[0].StartDate: \"June 2018\" is not a date (expected YYYY-MM-DD)",
            c + 13
        )
    );
}

#[test]
fn a_json_object_of_a_class_not_allowed_there_or_of_no_class() {
    let (text, (l, c)) = broken(
        &json(),
        r#""@type": "ElectionResults.CandidateContest""#,
        r#""@type": "ElectionResults.Candidate""#,
    );
    assert_eq!(
        error("m.json", &text),
        format!(
            "m.json:{l}:{}: Election[0].Contest[0].@type: @type \"ElectionResults.Candidate\" is not allowed here (expected \"ElectionResults.PartyContest\", \"ElectionResults.BallotMeasureContest\", \"ElectionResults.CandidateContest\" or \"ElectionResults.RetentionContest\")",
            c + 9
        )
    );
    let (text, _) = broken(
        &json(),
        r#""@type": "ElectionResults.CandidateContest","#,
        "",
    );
    let err = error("m.json", &text);
    assert!(
        err.ends_with(": Election[0].Contest[0]: no @type to say which of PartyContest, BallotMeasureContest, CandidateContest or RetentionContest this is"),
        "{err}"
    );
    // A JSON object of the format's family that is not a report is not read as one.
    let err = read_as_nist("e.json", br#"{"@type": "ElectionResults.Election"}"#)
        .unwrap_err()
        .to_string();
    assert_eq!(
        err,
        "e.json:1:11: @type: @type \"ElectionResults.Election\" is not allowed here (expected \"ElectionResults.ElectionReport\")"
    );
}

#[test]
fn an_id_referred_to_that_no_object_has_or_of_the_wrong_class() {
    // In a list of ids (the candidate's own @id is followed by a comma).
    let (text, (l, c)) = broken(&json(), "\"can-me-5\"\n", "\"can-me-55\"\n");
    assert_eq!(
        error("m.json", &text),
        format!(
            "m.json:{l}:{c}: Election[0].Contest[0].ContestSelection[4].CandidateIds[0]: \"can-me-55\" is not the @id of any object in the file (expected a Candidate)"
        )
    );
    let (text, (l, c)) = broken(&json(), r#""PartyId": "par-dem""#, r#""PartyId": "ru-me""#);
    assert_eq!(
        error("m.json", &text),
        format!(
            "m.json:{l}:{}: Election[0].Candidate[0].PartyId: \"ru-me\" is the @id of a ReportingUnit, not of a Party or Coalition",
            c + 11
        )
    );
    let (text, (l, c)) = broken(&json(), r#""@id": "can-me-2""#, r#""@id": "can-me-1""#);
    assert_eq!(
        error("m.json", &text),
        format!(
            "m.json:{l}:{}: Election[0].Candidate[1].@id: @id \"can-me-1\" is already the id of another object (ids must be unique)",
            c + 7
        )
    );
}

#[test]
fn a_truncated_json_report() {
    let text = json();
    let cut = &text[..text.len() / 2];
    let err = error("m.json", cut);
    assert!(
        err.contains("(the file ends too soon: truncated?)"),
        "{err}"
    );
    let lines = cut.lines().count();
    assert!(
        err.starts_with(&format!("m.json:{lines}:")),
        "{err} (the cut is on line {lines})"
    );
}

#[test]
fn xml_values_of_the_wrong_type_or_kind() {
    let (text, (l, c)) = broken(&xml(), "<Count>35478</Count>", "<Count>lots</Count>");
    assert_eq!(
        error("m.xml", &text),
        format!(
            "m.xml:{l}:{c}: /ElectionReport[1]/Election[1]/Contest[1]/ContestSelection[1]/VoteCounts[1]/Count[1]: expected a number, found \"lots\""
        )
    );
    let (text, (l, c)) = broken(
        &xml(),
        "<IsWriteIn>true</IsWriteIn>",
        "<IsWriteIn>yes</IsWriteIn>",
    );
    assert_eq!(
        error("m.xml", &text),
        format!(
            "m.xml:{l}:{c}: /ElectionReport[1]/Election[1]/Contest[1]/ContestSelection[8]/IsWriteIn[1]: expected true or false, found \"yes\""
        )
    );
    let (text, (l, c)) = broken(
        &xml(),
        "<Count>35478</Count>",
        "<Count><b>35478</b></Count>",
    );
    assert_eq!(
        error("m.xml", &text),
        format!(
            "m.xml:{l}:{}: /ElectionReport[1]/Election[1]/Contest[1]/ContestSelection[1]/VoteCounts[1]/Count[1]: <Count> holds a value (a number), not elements; found <b>",
            c + 7
        )
    );
    let (text, (l, c)) = broken(
        &xml(),
        r#"<Contest xsi:type="CandidateContest""#,
        r#"<Contest xsi:type="Bogus""#,
    );
    assert_eq!(
        error("m.xml", &text),
        format!(
            "m.xml:{l}:{c}: /ElectionReport[1]/Election[1]/Contest: xsi:type \"Bogus\" is not allowed here (expected PartyContest, BallotMeasureContest, CandidateContest or RetentionContest)"
        )
    );
    let (text, (l, c)) = broken(
        &xml(),
        r#"<Contest xsi:type="CandidateContest""#,
        "<Contest",
    );
    assert_eq!(
        error("m.xml", &text),
        format!(
            "m.xml:{l}:{c}: /ElectionReport[1]/Election[1]/Contest: <Contest> needs an xsi:type saying which of PartyContest, BallotMeasureContest, CandidateContest or RetentionContest it is"
        )
    );
}

#[test]
fn an_xml_reference_to_no_object() {
    let (text, (l, c)) = broken(
        &xml(),
        "<GpUnitId>ru-me</GpUnitId>",
        "<GpUnitId>ru-mx</GpUnitId>",
    );
    assert_eq!(
        error("m.xml", &text),
        format!(
            "m.xml:{l}:{c}: /ElectionReport[1]/Election[1]/BallotCounts[1]/GpUnitId[1]: \"ru-mx\" is not the @id of any object in the file (expected a ReportingDevice or ReportingUnit)"
        )
    );
}

#[test]
fn truncated_and_malformed_xml() {
    let text = xml();
    let cut = &text[..text.len() / 2];
    let err = error("m.xml", cut);
    // At the end of the file, where the element is left open.
    let end = cut.matches('\n').count() + 1;
    assert!(err.starts_with(&format!("m.xml:{end}:")), "{err}");
    assert!(err.contains("(truncated?)"), "{err}");
    let (text, (l, c)) = broken(&xml(), "35478</Count>", "35478</Cnt>");
    assert_eq!(
        error("m.xml", &text),
        format!(
            "m.xml:{l}:{}: /ElectionReport[1]/Election[1]/Contest[1]/ContestSelection[1]/VoteCounts[1]/Count[1]: not well-formed XML: ill-formed document: expected `</Count>`, but `</Cnt>` was found",
            c + 5
        )
    );
}

#[test]
fn a_file_forced_to_be_nist_that_is_not() {
    let greenup = std::fs::read(real_data(
        "results/kentucky_greenup_2014_gop_senate_primary_precinct.xml",
    ))
    .unwrap();
    let err = read_as_nist("g.xml", &greenup).unwrap_err();
    assert!(
        matches!(
            err,
            ImportError::At {
                line: 4,
                column: 1,
                ..
            }
        ),
        "{err}"
    );
    assert_eq!(
        err.to_string(),
        "g.xml:4:1: /ElectionResult[1]: not a NIST SP 1500-100 election report: the root element is <ElectionResult>, not <ElectionReport>"
    );
    let count = std::fs::read(real_data("rcv/2018_maine_governor_primary.json")).unwrap();
    assert_eq!(
        read_as_nist("c.json", &count).unwrap_err().to_string(),
        "c.json: not a NIST SP 1500-100 election report: the top-level object has no \"@type\": \"ElectionResults.ElectionReport\""
    );
    assert_eq!(
        read_as_nist("r.csv", b"office,candidate,votes\n")
            .unwrap_err()
            .to_string(),
        "r.csv: not a NIST SP 1500-100 election report: expected a JSON object or an XML document"
    );
}
