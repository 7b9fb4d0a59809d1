//! Every class of load error, with its exact one-line message: file, line:column, JSON path.
//!
//! Each case edits one spot of tests/data/minimal.json (a small valid dataset) and checks the
//! whole message, so a wrong position or a vaguer wording fails the test.

use std::path::PathBuf;

use hustings::load::{self, DataSource, LoadError};

fn minimal() -> String {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/minimal.json");
    std::fs::read_to_string(path).expect("tests/data/minimal.json")
}

/// The message for the minimal dataset with `from` (which must occur exactly once) replaced by `to`.
fn error_for(from: &str, to: &str) -> String {
    let doc = minimal();
    assert_eq!(doc.matches(from).count(), 1, "{from:?} must occur once");
    let doc = doc.replace(from, to);
    match load::parse("t.json", doc.as_bytes()) {
        Ok(_) => panic!("replacing {from:?} by {to:?} should not load"),
        Err(err) => err.to_string(),
    }
}

fn assert_error(from: &str, to: &str, expected: &str) {
    assert_eq!(error_for(from, to), expected);
}

fn parse_error(doc: &[u8]) -> String {
    load::parse("t.json", doc).unwrap_err().to_string()
}

#[test]
fn the_minimal_dataset_loads() {
    let dataset = load::parse("t.json", minimal().as_bytes()).unwrap();
    assert_eq!(dataset.contests.len(), 1);
    assert_eq!(dataset.contests[0].candidates[0].votes, Some(20));
}

#[test]
fn empty_and_blank_documents() {
    let empty = "t.json:1:1: (top level): the file is empty (expected a JSON object with schema_version, regions, factions and contests)";
    assert_eq!(parse_error(b""), empty);
    assert_eq!(parse_error(b" \n\t\r\n"), empty);
    assert_eq!(parse_error(b"\xEF\xBB\xBF"), empty);
}

#[test]
fn truncated_document_says_it_ends_too_early() {
    let doc = minimal();
    let cut = &doc[..doc.find("Stockport selection").unwrap() + 5];
    assert_eq!(
        parse_error(cut.as_bytes()),
        "t.json:13:21: contests[0].title: EOF while parsing a string (the file ends too early)"
    );
}

#[test]
fn trailing_garbage_after_the_document() {
    let doc = format!("{}\n,{{}}\n", minimal().trim_end());
    assert_eq!(
        parse_error(doc.as_bytes()),
        "t.json:27:1: (top level): unexpected text after the end of the JSON document"
    );
}

#[test]
fn a_byte_order_mark_is_skipped_and_positions_ignore_it() {
    let doc = minimal();
    let mut with_bom = b"\xEF\xBB\xBF".to_vec();
    with_bom.extend_from_slice(doc.as_bytes());
    assert!(load::parse("t.json", &with_bom).is_ok());
    let mut broken = b"\xEF\xBB\xBF".to_vec();
    broken.extend_from_slice(doc.replace("\"votes\": 10,", "\"votes\": -10,").as_bytes());
    assert_eq!(
        parse_error(&broken),
        "t.json:20:51: contests[0].candidates[1].votes: invalid value: integer `-10`, expected a whole number of votes (0 or more), or null when unknown"
    );
}

#[test]
fn bytes_that_are_not_utf8() {
    let doc = minimal().replace("Stockport selection", "Stockport \u{0}selection");
    let mut bytes = doc.into_bytes();
    let at = bytes.iter().position(|&b| b == 0).unwrap();
    bytes[at] = 0xFF;
    assert_eq!(
        parse_error(&bytes),
        "t.json:13:27: contests[0].title: the file is not valid UTF-8 text (byte 0xFF); save it as UTF-8"
    );
    assert_eq!(
        parse_error(b"\xFF\xFE{\0"),
        "t.json:1:1: (top level): the file is not valid UTF-8 text (byte 0xFF); save it as UTF-8"
    );
}

#[test]
fn long_and_multi_line_values_are_shortened_to_one_line() {
    let long = "x".repeat(5_000);
    let message = error_for(
        "\"region\": \"north-west\"",
        &format!("\"region\": \"north\\nwest {long}\""),
    );
    assert_eq!(
        message,
        format!(
            // The line feed is a space, as in every output (`model::text`): one line.
            "t.json:14:17: contests[0].region: unknown region \"north west {}…\" (not in the regions catalogue)",
            "x".repeat(49)
        )
    );
    let message = error_for("\"kind\": \"selection\"", "\"kind\": \"sel\\r\\nection\"");
    assert!(!message.contains(['\n', '\r']), "{message}");
    assert!(message.contains("`sel␍ ection`"), "{message}");
}

#[test]
fn duplicate_contest_id() {
    let doc = minimal();
    let start = doc.find("    {\n      \"id\": \"stockport\"").unwrap();
    let end = doc.rfind("    }\n  ]").unwrap() + "    }".len();
    let contest = &doc[start..end];
    let twice = doc.replace(contest, &format!("{contest},\n{contest}"));
    assert_eq!(
        parse_error(twice.as_bytes()),
        "t.json:26:13: contests[1].id: duplicate contest id \"stockport\" (first used by contests[0])"
    );
}

#[test]
fn duplicate_region_and_faction_ids() {
    assert_error(
        r#"{"id": "north-west", "name": "North West"}"#,
        r#"{"id": "north-west", "name": "North West"}, {"id": "north-west", "name": "NW"}"#,
        "t.json:4:56: regions[1].id: duplicate region id \"north-west\"",
    );
    assert_error(
        r##"{"id": "left", "name": "Labour left", "color": "#e4003b"}"##,
        r#"{"id": "left", "name": "Labour left"}, {"id": "left", "name": "Left"}"#,
        "t.json:7:51: factions[1].id: duplicate faction id \"left\"",
    );
}

#[test]
fn contest_id_used_in_two_files() {
    let dir = tempfile::tempdir().unwrap();
    let write = |name: &str| {
        let path = dir.path().join(name);
        std::fs::write(&path, minimal()).unwrap();
        path
    };
    let (a, b) = (write("a.json"), write("b.json"));
    let err = load::load(&[DataSource::File(a.clone()), DataSource::File(b.clone())]).unwrap_err();
    assert_eq!(
        err.to_string(),
        format!(
            "{}:11:13: contests[0].id: contest id \"stockport\" is already used in {}",
            b.display(),
            a.display()
        )
    );
}

#[test]
fn files_that_cannot_be_read() {
    let dir = tempfile::tempdir().unwrap();
    let missing: PathBuf = dir.path().join("nowhere.json");
    let err = load::load(&[DataSource::File(missing.clone())]).unwrap_err();
    assert_eq!(
        err.to_string(),
        format!("{}: no such file", missing.display())
    );
    let err = load::load(&[DataSource::File(dir.path().to_path_buf())]).unwrap_err();
    assert_eq!(
        err,
        LoadError::Read {
            file: dir.path().display().to_string(),
            message: "is a directory, not a data file".into()
        }
    );
}

#[test]
fn syntax_missing_comma() {
    assert_error(
        r#""schema_version": 1,"#,
        r#""schema_version": 1"#,
        "t.json:3:3: (top level): expected `,` or `}`",
    );
}

#[test]
fn syntax_trailing_comma() {
    assert_error(
        r#"{"outlet": "LabourList", "date": "2019-10-25"}]"#,
        r#"{"outlet": "LabourList", "date": "2019-10-25"},]"#,
        "t.json:23:66: contests[0].sources: trailing comma",
    );
}

#[test]
fn syntax_single_quotes() {
    assert_error(
        r#""title": "Stockport selection""#,
        "'title': 'Stockport selection'",
        "t.json:13:7: contests[0]: key must be a string",
    );
}

#[test]
fn top_array() {
    assert_error(
        r#"{
  "schema_version": 1,"#,
        r#"[
  "schema_version", 1,"#,
        "t.json:1:1: (top level): invalid type: sequence, expected a JSON object",
    );
}

#[test]
fn top_version_string() {
    assert_error(
        r#""schema_version": 1"#,
        r#""schema_version": "1""#,
        r#"t.json:2:21: schema_version: invalid type: string "1", expected a whole number (0 or more)"#,
    );
}

#[test]
fn top_version_unknown() {
    assert_error(
        r#""schema_version": 1"#,
        r#""schema_version": 2"#,
        "t.json:2:21: schema_version: unsupported schema_version 2: this hustings reads version 1",
    );
}

#[test]
fn top_version_missing() {
    assert_error(
        r#"  "schema_version": 1,
"#,
        "",
        "t.json:1:1: (top level): missing field `schema_version`",
    );
}

#[test]
fn top_regions_map() {
    assert_error(
        r#""regions": [
    {"id": "north-west", "name": "North West"}
  ]"#,
        r#""regions": {"north-west": "North West"}"#,
        "t.json:3:14: regions: invalid type: map, expected a list (JSON array) of objects",
    );
}

#[test]
fn top_contests_string() {
    assert_error(
        r#""contests": ["#,
        r#""contests": "none", "x": ["#,
        r#"t.json:9:15: contests: invalid type: string "none", expected a list (JSON array) of objects"#,
    );
}

#[test]
fn top_unknown_field() {
    assert_error(
        r#""schema_version": 1,"#,
        r#""schema_version": 1, "version": 1,"#,
        "t.json:2:24: version: unknown field `version`; did you mean `schema_version`?",
    );
}

#[test]
fn region_string() {
    assert_error(
        r#"{"id": "north-west", "name": "North West"}"#,
        r#""north-west""#,
        r#"t.json:4:5: regions[0]: invalid type: string "north-west", expected a JSON object"#,
    );
}

#[test]
fn region_id_number() {
    assert_error(
        r#"{"id": "north-west""#,
        r#"{"id": 7"#,
        "t.json:4:12: regions[0].id: invalid type: integer `7`, expected a string",
    );
}

#[test]
fn region_empty_id() {
    assert_error(
        r#"{"id": "north-west""#,
        r#"{"id": """#,
        "t.json:4:12: regions[0].id: must not be empty",
    );
}

#[test]
fn faction_name_null() {
    assert_error(
        r#""name": "Labour left""#,
        r#""name": null"#,
        "t.json:7:28: factions[0].name: invalid type: null, expected a string",
    );
}

#[test]
fn faction_color_number() {
    assert_error(
        r##""color": "#e4003b""##,
        r#""color": 14942267"#,
        "t.json:7:52: factions[0].color: invalid type: integer `14942267`, expected a string",
    );
}

#[test]
fn faction_bad_colour() {
    // The value is quoted as JSON would write it, so a line break cannot split the message.
    for bad in [
        r#""reddish""#,
        r##""#12345""##,
        r#""bright-red""#,
        r#""red\nblue""#,
    ] {
        assert_error(
            r##""color": "#e4003b""##,
            &format!(r#""color": {bad}"#),
            &format!(
                "t.json:7:52: factions[0].color: colour {bad} is not #rgb, #rrggbb or a CSS colour name (such as navy)"
            ),
        );
    }
}

#[test]
fn contest_array() {
    assert_error(
        r#""contests": [
    {"#,
        r#""contests": [
    ["stockport"], {"#,
        "t.json:10:5: contests[0]: invalid type: sequence, expected a JSON object",
    );
}

#[test]
fn contest_title_array() {
    assert_error(
        r#""title": "Stockport selection""#,
        r#""title": ["Stockport", "selection"]"#,
        "t.json:13:16: contests[0].title: invalid type: sequence, expected a string",
    );
}

#[test]
fn contest_kind_unknown() {
    assert_error(
        r#""kind": "selection""#,
        r#""kind": "primary""#,
        "t.json:12:15: contests[0].kind: unknown variant `primary`, expected one of `selection`, `leadership`, `general-election`, `by-election`, `other`",
    );
}

#[test]
fn contest_status_bool() {
    assert_error(
        r#""status": "decided""#,
        r#""status": true"#,
        "t.json:16:17: contests[0].status: invalid type: boolean, expected a string",
    );
}

#[test]
fn contest_candidates_object() {
    assert_error(
        r#""candidates": ["#,
        r#""candidates": {"x": ["#,
        "t.json:18:21: contests[0].candidates: invalid type: map, expected a list (JSON array) of objects",
    );
}

#[test]
fn contest_empty_id() {
    assert_error(
        r#""id": "stockport""#,
        r#""id": "  ""#,
        "t.json:11:13: contests[0].id: must not be empty",
    );
}

#[test]
fn contest_unknown_region() {
    assert_error(
        r#""region": "north-west""#,
        r#""region": "north-east""#,
        r#"t.json:14:17: contests[0].region: unknown region "north-east" (not in the regions catalogue)"#,
    );
}

#[test]
fn contest_date_impossible() {
    assert_error(
        r#""date": "2019-10-24""#,
        r#""date": "2019-02-30""#,
        r#"t.json:15:15: contests[0].date: invalid date "2019-02-30": that day does not exist"#,
    );
}

#[test]
fn contest_date_month() {
    assert_error(
        r#""date": "2019-10-24""#,
        r#""date": "2019-13""#,
        r#"t.json:15:15: contests[0].date: invalid date "2019-13": there is no month 13"#,
    );
}

#[test]
fn contest_date_shape() {
    assert_error(
        r#""date": "2019-10-24""#,
        r#""date": "24/10/2019""#,
        r#"t.json:15:15: contests[0].date: invalid date "24/10/2019": expected "YYYY", "YYYY-MM" or "YYYY-MM-DD""#,
    );
}

#[test]
fn contest_date_number() {
    assert_error(
        r#""date": "2019-10-24""#,
        r#""date": 2019"#,
        r#"t.json:15:15: contests[0].date: invalid type: integer `2019`, expected a date string "YYYY", "YYYY-MM" or "YYYY-MM-DD""#,
    );
}

#[test]
fn ballots_array() {
    assert_error(
        r#""ballots": {"valid": 30, "rejected": 2}"#,
        r#""ballots": [30, 2]"#,
        "t.json:17:18: contests[0].ballots: invalid type: sequence, expected a JSON object",
    );
}

#[test]
fn ballots_valid_string() {
    assert_error(
        r#""ballots": {"valid": 30"#,
        r#""ballots": {"valid": "30""#,
        r#"t.json:17:28: contests[0].ballots.valid: invalid type: string "30", expected a whole number of votes (0 or more), or null when unknown"#,
    );
}

#[test]
fn ballots_unknown_field() {
    assert_error(
        r#""rejected": 2}"#,
        r#""rejected": 2, "spoilt": 1}"#,
        "t.json:17:47: contests[0].ballots.spoilt: unknown field `spoilt`, expected one of `valid`, `rejected`, `eligible`, `cast`",
    );
}

#[test]
fn candidate_string() {
    assert_error(
        r#"{"name": "Bob", "faction": null, "votes": 10, "elected": false}"#,
        r#""Bob""#,
        r#"t.json:20:9: contests[0].candidates[1]: invalid type: string "Bob", expected a JSON object"#,
    );
}

#[test]
fn candidate_name_number() {
    assert_error(
        r#"{"name": "Bob""#,
        r#"{"name": 42"#,
        "t.json:20:18: contests[0].candidates[1].name: invalid type: integer `42`, expected a string",
    );
}

#[test]
fn candidate_empty_name() {
    assert_error(
        r#"{"name": "Bob""#,
        r#"{"name": """#,
        "t.json:20:18: contests[0].candidates[1].name: must not be empty (a row without a name needs a party, for results by party only, or a description, for someone a source does not name)",
    );
}

#[test]
fn namesakes_referred_to_by_name_are_ambiguous() {
    // Two candidates named Ann load (namesakes are real); a count that says "Ann" does not.
    assert_error(
        r#"{"name": "Bob""#,
        r#"{"name": "Ann""#,
        r#"t.json:22:44: contests[0].rounds[0].counts[0].candidate: "Ann" is the name of more than one candidate: give them ids and refer to one by its id"#,
    );
}

#[test]
fn candidate_ids_are_unique() {
    let doc = minimal()
        .replace(r#"{"name": "Ann","#, r#"{"name": "Ann", "id": "a","#)
        .replace(r#"{"name": "Bob","#, r#"{"name": "Bob", "id": "a","#);
    assert_eq!(
        parse_error(doc.as_bytes()),
        r#"t.json:20:31: contests[0].candidates[1].id: candidate id "a" is used twice in this contest"#
    );
}

#[test]
fn namesakes_load_when_counts_use_their_ids() {
    let doc = minimal()
        .replace(r#"{"name": "Ann","#, r#"{"name": "Ann", "id": "ann-1","#)
        .replace(r#"{"name": "Bob","#, r#"{"name": "Ann", "id": "ann-2","#)
        .replace(r#"{"candidate": "Ann""#, r#"{"candidate": "ann-1""#)
        .replace(r#"{"candidate": "Bob""#, r#"{"candidate": "ann-2""#);
    let dataset = load::parse("t.json", doc.as_bytes()).expect("namesakes with ids load");
    let warnings = hustings::load::integrity::warnings(&dataset);
    let said: Vec<String> = warnings.iter().map(|w| w.kind.to_string()).collect();
    assert!(
        said.contains(
            &"more than one candidate is named Ann (namesakes: counts must use their ids)"
                .to_string()
        ),
        "{said:?}"
    );
    let view = hustings::report::rounds::round(&dataset.contests[0], 0).unwrap();
    let names: Vec<&str> = view.rows.iter().map(|r| r.name.as_str()).collect();
    assert_eq!(names, ["Ann", "Ann"], "people read names, not ids");
}

#[test]
fn candidate_elected_string() {
    assert_error(
        r#""elected": false}"#,
        r#""elected": "no"}"#,
        r#"t.json:20:66: contests[0].candidates[1].elected: invalid type: string "no", expected a boolean"#,
    );
}

#[test]
fn candidate_unknown_faction() {
    assert_error(
        r#""faction": "left""#,
        r#""faction": "right""#,
        r#"t.json:19:36: contests[0].candidates[0].faction: unknown faction "right" (not in the factions catalogue)"#,
    );
}

#[test]
fn candidate_vote_typo() {
    assert_error(
        r#""votes": 10,"#,
        r#""vote": 10,"#,
        "t.json:20:42: contests[0].candidates[1].vote: unknown field `vote`; did you mean `votes`?",
    );
}

#[test]
fn votes_negative() {
    assert_error(
        r#""votes": 10,"#,
        r#""votes": -10,"#,
        "t.json:20:51: contests[0].candidates[1].votes: invalid value: integer `-10`, expected a whole number of votes (0 or more), or null when unknown",
    );
}

#[test]
fn votes_fractional() {
    assert_error(
        r#""votes": 10,"#,
        r#""votes": 10.5,"#,
        "t.json:20:51: contests[0].candidates[1].votes: invalid type: floating point `10.5`, expected a whole number of votes (0 or more), or null when unknown",
    );
}

#[test]
fn votes_exponent() {
    assert_error(
        r#""votes": 10,"#,
        r#""votes": 1e1,"#,
        "t.json:20:51: contests[0].candidates[1].votes: invalid type: floating point `10.0`, expected a whole number of votes (0 or more), or null when unknown",
    );
}

#[test]
fn votes_too_large() {
    assert_error(
        r#""votes": 10,"#,
        r#""votes": 1099511627777,"#,
        "t.json:20:51: contests[0].candidates[1].votes: 1099511627777 is too large for a vote count (the limit is 1099511627776)",
    );
}

#[test]
fn votes_huge() {
    assert_error(
        r#""votes": 10,"#,
        r#""votes": 123456789012345678901234567890,"#,
        "t.json:20:51: contests[0].candidates[1].votes: number too large for a vote count (the limit is 1099511627776)",
    );
}

#[test]
fn votes_string() {
    assert_error(
        r#""votes": 10,"#,
        r#""votes": "10","#,
        r#"t.json:20:51: contests[0].candidates[1].votes: invalid type: string "10", expected a whole number of votes (0 or more), or null when unknown"#,
    );
}

#[test]
fn share_array() {
    assert_error(
        r#""share": {"percent": 66.7, "bound": "about"}"#,
        r#""share": [66.7, "about"]"#,
        "t.json:19:83: contests[0].candidates[0].share: invalid type: sequence, expected a JSON object",
    );
}

#[test]
fn share_percent_string() {
    assert_error(
        r#""percent": 66.7"#,
        r#""percent": "66.7""#,
        r#"t.json:19:95: contests[0].candidates[0].share.percent: invalid type: string "66.7", expected a percentage from 0 to 100"#,
    );
}

#[test]
fn share_percent_range() {
    assert_error(
        r#""percent": 66.7"#,
        r#""percent": 166.7"#,
        "t.json:19:95: contests[0].candidates[0].share.percent: invalid value: floating point `166.7`, expected a percentage from 0 to 100",
    );
}

#[test]
fn share_bound_unknown() {
    assert_error(
        r#""bound": "about""#,
        r#""bound": "roughly""#,
        "t.json:19:110: contests[0].candidates[0].share.bound: unknown variant `roughly`, expected one of `exact`, `about`, `over`, `under`",
    );
}

#[test]
fn rounds_object() {
    assert_error(
        r#""rounds": [{"counts": [{"candidate": "Ann", "votes": 20}, {"candidate": "Bob", "votes": 10}]}]"#,
        r#""rounds": {"counts": []}"#,
        "t.json:22:17: contests[0].rounds: invalid type: map, expected a list (JSON array) of objects",
    );
}

#[test]
fn rounds_counts_string() {
    assert_error(
        r#""rounds": [{"counts": [{"candidate": "Ann", "votes": 20}, {"candidate": "Bob", "votes": 10}]}]"#,
        r#""rounds": [{"counts": "Ann 20"}]"#,
        r#"t.json:22:29: contests[0].rounds[0].counts: invalid type: string "Ann 20", expected a list (JSON array) of objects"#,
    );
}

#[test]
fn round_votes_null() {
    assert_error(
        r#"{"candidate": "Bob", "votes": 10}"#,
        r#"{"candidate": "Bob", "votes": null}"#,
        "t.json:22:95: contests[0].rounds[0].counts[1].votes: invalid type: null, expected a count of ballots (0 or more; a number, or digits in a string)",
    );
}

#[test]
fn round_non_candidate() {
    assert_error(
        r#"{"candidate": "Bob", "votes": 10}"#,
        r#"{"candidate": "Bobby", "votes": 10}"#,
        r#"t.json:22:79: contests[0].rounds[0].counts[1].candidate: "Bobby" is not one of this contest's candidates"#,
    );
}

#[test]
fn round_eliminated_non_candidate() {
    assert_error(
        r#""votes": 10}]}]"#,
        r#""votes": 10}], "eliminated": ["Carl"]}]"#,
        r#"t.json:22:116: contests[0].rounds[0].eliminated[0]: "Carl" is not one of this contest's candidates"#,
    );
}

#[test]
fn round_transfer_non_candidate() {
    assert_error(
        r#""votes": 10}]}]"#,
        r#""votes": 10}], "transfers": [{"from": "Bob", "to": "Dan", "votes": 3}]}]"#,
        r#"t.json:22:137: contests[0].rounds[0].transfers[0].to: "Dan" is not one of this contest's candidates"#,
    );
}

#[test]
fn sources_string() {
    assert_error(
        r#""sources": [{"outlet": "LabourList", "date": "2019-10-25"}]"#,
        r#""sources": "LabourList""#,
        r#"t.json:23:18: contests[0].sources: invalid type: string "LabourList", expected a list (JSON array) of objects"#,
    );
}

#[test]
fn sources_element_array() {
    assert_error(
        r#""sources": [{"outlet": "LabourList", "date": "2019-10-25"}]"#,
        r#""sources": [["LabourList"]]"#,
        "t.json:23:19: contests[0].sources[0]: invalid type: sequence, expected a JSON object",
    );
}

#[test]
fn source_outlet_number() {
    assert_error(
        r#""outlet": "LabourList""#,
        r#""outlet": 3"#,
        "t.json:23:30: contests[0].sources[0].outlet: invalid type: integer `3`, expected a string",
    );
}

#[test]
fn source_missing_outlet() {
    assert_error(
        r#"{"outlet": "LabourList", "date": "2019-10-25"}"#,
        r#"{"date": "2019-10-25"}"#,
        "t.json:23:19: contests[0].sources[0]: missing field `outlet`",
    );
}

#[test]
fn contest_missing_status() {
    assert_error(
        r#"      "status": "decided",
"#,
        "",
        "t.json:10:5: contests[0]: missing field `status`",
    );
}

#[test]
fn duplicate_field() {
    assert_error(
        r#""votes": 10,"#,
        r#""votes": 10, "votes": 11,"#,
        "t.json:20:55: contests[0].candidates[1]: duplicate field `votes`",
    );
}

#[test]
fn contest_status_object() {
    assert_error(
        r#""status": "decided""#,
        r#""status": {}"#,
        "t.json:16:17: contests[0].status: invalid type: object, expected a string",
    );
}

#[test]
fn contest_status_as_an_object_naming_a_status() {
    assert_error(
        r#""status": "decided""#,
        r#""status": {"decided": 1}"#,
        "t.json:16:17: contests[0].status: invalid type: object, expected a string",
    );
}
