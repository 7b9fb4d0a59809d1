//! Stages, candidate statuses, nominations, date bounds and inferred facts through load and
//! validation: each loads as written, and each rule broken is one line naming the file,
//! line:column and JSON path (edits of tests/data/minimal.json, as in `load_errors`).

use hustings::load::integrity::{self, WarningKind};
use hustings::load::{self};
use hustings::model::{CandidateStatus, NominatingBody, StageKind, arithmetic};

fn minimal() -> String {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/minimal.json");
    std::fs::read_to_string(path).expect("tests/data/minimal.json")
}

/// The minimal dataset with `fields` added to its contest (just before `sources`, on line 23).
fn with(fields: &str) -> String {
    let doc = minimal();
    assert_eq!(doc.matches(r#""sources": ["#).count(), 1);
    doc.replace(r#""sources": ["#, &format!(r#"{fields}, "sources": ["#))
}

fn error(doc: &str) -> String {
    match load::parse("t.json", doc.as_bytes()) {
        Ok(_) => panic!("should not load:\n{doc}"),
        Err(e) => e.to_string(),
    }
}

#[test]
fn every_new_field_loads_as_written() {
    let doc = with(
        r#""stages": [{"stage": "longlist", "date": "2019-09", "candidates": ["Ann", "Bob", "Cy"], "notes": "One more, not named, applied"},
                     {"stage": "ballot", "candidates": ["Ann", "Bob"]}],
        "nominations": [{"body": "clp", "threshold": 2.5, "description": "CLPs", "counts": [{"candidate": "Ann", "count": 3, "from": ["X", "Y"]}, {"candidate": "Bob"}]}],
        "date_bounds": {"earliest": "2019-06-17", "latest": "2019-10-25", "basis": "declared; reported"},
        "inferred": [{"field": "region", "basis": "not stated"}, {"field": "candidates[2].status", "basis": "guess"}]"#,
    )
    .replace(
        r#"{"name": "Bob", "faction": null, "votes": 10, "elected": false}"#,
        r#"{"name": "Bob", "faction": null, "votes": 10, "elected": false}, {"name": "Cy", "status": "not-shortlisted"}"#,
    );
    let ds = load::parse("t.json", doc.as_bytes()).expect("loads");
    let c = &ds.contests[0];
    assert_eq!(c.stages[0].stage, StageKind::Longlist);
    assert_eq!(c.stages[0].date.unwrap().to_string(), "2019-09");
    assert_eq!(c.stages[1].candidates, ["Ann", "Bob"]);
    assert_eq!(
        c.candidates[2].status(),
        Some(CandidateStatus::NotShortlisted)
    );
    assert_eq!(c.nominations[0].body, NominatingBody::Clp);
    assert_eq!(c.nominations[0].threshold, Some(2.5));
    assert_eq!(c.nominations[0].counts[1].count, None);
    assert_eq!(c.date_bounds.as_ref().unwrap().basis, "declared; reported");
    assert!(c.is_inferred("region") && c.is_inferred("candidates[2]"));
    assert!(!c.is_inferred("candidates[1]"));
    // Cy, never on the ballot, needs no votes: the sum is of Ann and Bob, as before.
    assert_eq!(arithmetic::votes_sum(c), Some(30));
    assert!(!c.on_ballot(2));
    assert!(integrity::warnings(&ds).is_empty());
    // Written back, it reads the same.
    let again = load::parse("again.json", &serde_json::to_vec(&ds).unwrap()).unwrap();
    assert_eq!(again, ds);
}

#[test]
fn a_stage_names_only_candidates_of_the_contest() {
    assert_eq!(
        error(&with(
            r#""stages": [{"stage": "shortlist", "candidates": ["Ann", "Zed"]}]"#
        )),
        r#"t.json:23:63: contests[0].stages[0].candidates[1]: "Zed" is not one of this contest's candidates"#
    );
}

#[test]
fn a_stage_kind_must_be_one_of_the_six() {
    assert_eq!(
        error(&with(
            r#""stages": [{"stage": "selection", "candidates": []}]"#
        )),
        "t.json:23:28: contests[0].stages[0].stage: unknown variant `selection`, expected one of `longlist`, `shortlist`, `nominations`, `ballot`, `hustings`, `other`"
    );
}

#[test]
fn a_candidate_status_must_be_one_of_the_four() {
    let doc = minimal().replace(
        r#""votes": 10, "elected": false}"#,
        r#""votes": 10, "elected": false, "status": "lost"}"#,
    );
    assert_eq!(
        error(&doc),
        "t.json:20:83: contests[0].candidates[1].status: unknown variant `lost`, expected one of `withdrawn`, `not-shortlisted`, `imposed`, `disqualified`"
    );
}

#[test]
fn a_nomination_names_only_candidates_of_the_contest() {
    assert_eq!(
        error(&with(
            r#""nominations": [{"body": "branch", "counts": [{"candidate": "Zed", "count": 2}]}]"#
        )),
        r#"t.json:23:67: contests[0].nominations[0].counts[0].candidate: "Zed" is not one of this contest's candidates"#
    );
}

#[test]
fn a_threshold_is_positive() {
    for (threshold, col) in [("0", 54), ("-2", 54)] {
        assert_eq!(
            error(&with(&format!(
                r#""nominations": [{{"body": "union", "threshold": {threshold}, "counts": []}}]"#
            ))),
            format!(
                "t.json:23:{col}: contests[0].nominations[0].threshold: threshold {threshold} is not positive: it is how many nominations a candidate needs, more than 0"
            )
        );
    }
}

#[test]
fn a_nomination_count_is_a_whole_number() {
    assert_eq!(
        error(&with(
            r#""nominations": [{"body": "mp", "counts": [{"candidate": "Ann", "count": 1.5}]}]"#
        )),
        "t.json:23:79: contests[0].nominations[0].counts[0].count: invalid type: floating point `1.5`, expected a whole number of nominations (0 or more), or null when unknown"
    );
}

#[test]
fn an_inferred_field_is_a_path_to_a_value_the_contest_gives() {
    assert_eq!(
        error(&with(
            r#""inferred": [{"field": "candidates[5].faction", "basis": "b"}]"#
        )),
        r#"t.json:23:30: contests[0].inferred[0].field: "candidates[5].faction" is not in this contest (no value at that path)"#
    );
    assert_eq!(
        error(&with(
            r#""inferred": [{"field": "candidates[1].faction", "basis": "b"}]"#
        )),
        r#"t.json:23:30: contests[0].inferred[0].field: "candidates[1].faction" is null in this contest: only a value the data gives can be inferred"#
    );
    assert_eq!(
        error(&with(
            r#""inferred": [{"field": "region..name", "basis": "b"}]"#
        )),
        r#"t.json:23:30: contests[0].inferred[0].field: "region..name" is not a path within the contest such as region, date or candidates[2].faction"#
    );
    assert_eq!(
        error(&with(r#""inferred": [{"field": "region", "basis": " "}]"#)),
        "t.json:23:49: contests[0].inferred[0].basis: must not be empty"
    );
    assert!(
        load::parse(
            "t.json",
            with(r#""inferred": [{"field": "candidates[1].votes", "basis": "b"}]"#).as_bytes()
        )
        .is_ok()
    );
}

#[test]
fn date_bounds_bound_the_date() {
    assert_eq!(
        error(&with(
            r#""date_bounds": {"earliest": "2019-10", "latest": "2019-09", "basis": "b"}"#
        )),
        "t.json:23:56: contests[0].date_bounds.latest: latest 2019-09 is before earliest 2019-10"
    );
    assert_eq!(
        error(&with(
            r#""date_bounds": {"latest": "2019-10-01", "basis": "b"}"#
        )),
        "t.json:23:22: contests[0].date_bounds: the bounds leave out the contest's date 2019-10-24"
    );
    assert_eq!(
        error(&with(r#""date_bounds": {"basis": "b"}"#)),
        "t.json:23:22: contests[0].date_bounds: date bounds need an earliest date, a latest date or both"
    );
}

#[test]
fn statuses_and_nominations_that_do_not_add_up_are_warnings() {
    let doc = with(
        r#""nominations": [{"body": "union", "counts": [{"candidate": "Bob", "count": 1, "from": ["A", "B"]}]}]"#,
    )
    .replace(
        r#""votes": 20, "elected": true,"#,
        r#""votes": 20, "elected": true, "status": "withdrawn","#,
    );
    let ds = load::parse("t.json", doc.as_bytes()).expect("warnings, not errors");
    let said: Vec<(WarningKind, String)> = integrity::warnings(&ds)
        .into_iter()
        .map(|w| (w.kind.clone(), w.kind.to_string()))
        .collect();
    let sentences: Vec<&str> = said.iter().map(|(_, s)| s.as_str()).collect();
    assert!(
        sentences.contains(&"Ann is marked elected but their status is withdrawn"),
        "{sentences:?}"
    );
    assert!(
        sentences.contains(&"Bob: 1 union nominations counted but 2 nominators named"),
        "{sentences:?}"
    );
}
