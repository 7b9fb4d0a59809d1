//! Every integrity-warning class: data that loads but does not add up is flagged, with the
//! contest id and a plain sentence, and the numbers are kept exactly as given.

use hustings::load;
use hustings::load::integrity::{self, WarningKind};
use hustings::model::Dataset;

fn minimal() -> String {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/minimal.json");
    std::fs::read_to_string(path).expect("tests/data/minimal.json")
}

/// The minimal dataset with each `(from, to)` replacement made (each `from` must occur once).
fn edited(edits: &[(&str, &str)]) -> Dataset {
    let mut doc = minimal();
    for (from, to) in edits {
        assert_eq!(doc.matches(from).count(), 1, "{from:?} must occur once");
        doc = doc.replace(from, to);
    }
    load::parse("t.json", doc.as_bytes()).expect("warnings never stop a load")
}

/// Every warning of the edited dataset, as `validate` prints them.
fn warnings(edits: &[(&str, &str)]) -> Vec<String> {
    integrity::warnings(&edited(edits))
        .iter()
        .map(ToString::to_string)
        .collect()
}

const VALID: &str = r#""valid": 30"#;
const ANN: &str = r#""votes": 20, "elected": true"#;
const BOB: &str = r#""votes": 10, "elected": false"#;
const SHARE: &str = r#""share": {"percent": 66.7, "bound": "about"}"#;

#[test]
fn the_minimal_dataset_has_no_warnings() {
    assert_eq!(warnings(&[]), Vec::<String>::new());
}

#[test]
fn vote_sum_differs_from_valid_ballots_and_is_not_fixed() {
    let edits = [(VALID, r#""valid": 31"#), (SHARE, r#""share": null"#)];
    assert_eq!(
        warnings(&edits),
        ["stockport: candidates' votes sum to 30 but 31 valid ballots were reported (1 fewer)"]
    );
    let dataset = edited(&edits);
    let contest = &dataset.contests[0];
    assert_eq!(contest.ballots.as_ref().unwrap().valid, Some(31));
    assert_eq!(contest.candidates[0].votes, Some(20));
    let kinds: Vec<WarningKind> = integrity::warnings(&dataset)
        .into_iter()
        .map(|w| w.kind)
        .collect();
    assert_eq!(kinds, [WarningKind::VoteSum { sum: 30, valid: 31 }]);
}

#[test]
fn known_votes_alone_exceed_valid_ballots() {
    let edits = [
        (VALID, r#""valid": 15"#),
        (BOB, r#""votes": null, "elected": false"#),
        (SHARE, r#""share": null"#),
        (
            r#"{"candidate": "Ann", "votes": 20}, {"candidate": "Bob", "votes": 10}"#,
            r#"{"candidate": "Ann", "votes": 20}"#,
        ),
    ];
    assert_eq!(
        warnings(&edits),
        ["stockport: known votes alone sum to 20, more than the 15 valid ballots reported"]
    );
}

#[test]
fn stated_shares_that_disagree_with_the_votes() {
    // Ann has 20 of 30 valid ballots: 66.7%.
    let cases = [
        (r#""share": {"percent": 66.7, "bound": "exact"}"#, None),
        (
            r#""share": {"percent": 60, "bound": "exact"}"#,
            Some("stated share 60%"),
        ),
        (r#""share": {"percent": 67.5, "bound": "about"}"#, None),
        (
            r#""share": {"percent": 68, "bound": "about"}"#,
            Some("stated share ~68%"),
        ),
        (r#""share": {"percent": 60, "bound": "over"}"#, None),
        (
            r#""share": {"percent": 70, "bound": "over"}"#,
            Some("stated share >70%"),
        ),
        (r#""share": {"percent": 70, "bound": "under"}"#, None),
        (
            r#""share": {"percent": 50, "bound": "under"}"#,
            Some("stated share <50%"),
        ),
    ];
    for (share, stated) in cases {
        let expected: Vec<String> = stated
            .map(|s| format!("stockport: Ann: {s} but votes give 66.7%"))
            .into_iter()
            .collect();
        assert_eq!(warnings(&[(SHARE, share)]), expected, "{share}");
    }
}

#[test]
fn elected_candidate_who_did_not_top_a_single_count() {
    let rounds = r#""rounds": [{"counts": [{"candidate": "Ann", "votes": 20}, {"candidate": "Bob", "votes": 10}]}],"#;
    let edits = [
        (ANN, r#""votes": 20, "elected": false"#),
        (BOB, r#""votes": 10, "elected": true"#),
        (SHARE, r#""share": null"#),
        (rounds, ""),
    ];
    assert_eq!(
        warnings(&edits),
        ["stockport: Bob is marked elected but Ann has more votes in a single count"]
    );
    // In a preferential count the first-round leader may lose: no warning.
    let two_rounds = r#""rounds": [{"counts": [{"candidate": "Ann", "votes": 20}, {"candidate": "Bob", "votes": 10}]}, {"counts": [{"candidate": "Bob", "votes": 30}]}],"#;
    let edits = [edits[0], edits[1], edits[2], (rounds, two_rounds)];
    assert_eq!(warnings(&edits), Vec::<String>::new());
}

#[test]
fn decided_without_a_winner_and_pending_with_one() {
    assert_eq!(
        warnings(&[(ANN, r#""votes": 20, "elected": false"#)]),
        ["stockport: decided, but no candidate is marked elected"]
    );
    assert_eq!(
        warnings(&[(r#""status": "decided""#, r#""status": "pending""#)]),
        ["stockport: pending, but Ann is already marked elected"]
    );
}

#[test]
fn ballots_cast_differ_from_valid_plus_rejected() {
    assert_eq!(
        warnings(&[(r#""rejected": 2}"#, r#""rejected": 2, "cast": 33}"#)]),
        ["stockport: 33 ballots cast reported, but valid 30 + rejected 2 = 32"]
    );
}

#[test]
fn more_ballots_than_eligible_voters() {
    assert_eq!(
        warnings(&[(r#""rejected": 2}"#, r#""rejected": 2, "eligible": 31}"#)]),
        ["stockport: 32 ballots reported but only 31 people were eligible"]
    );
}

#[test]
fn stated_majority_differs_from_the_computed_margin() {
    let edits = [(
        r#""status": "decided","#,
        r#""status": "decided", "majority": 12,"#,
    )];
    assert_eq!(
        warnings(&edits),
        ["stockport: stated majority 12 but the votes give a margin of 10"]
    );
}

#[test]
fn first_round_count_differs_from_the_candidates_votes() {
    let edits = [(
        r#"{"candidate": "Bob", "votes": 10}"#,
        r#"{"candidate": "Bob", "votes": 11}"#,
    )];
    assert_eq!(
        warnings(&edits),
        ["stockport: Bob: first-round count 11 differs from votes 10"]
    );
}

#[test]
fn contest_without_sources() {
    let edits = [(
        r#""sources": [{"outlet": "LabourList", "date": "2019-10-25"}]"#,
        r#""sources": []"#,
    )];
    assert_eq!(warnings(&edits), ["stockport: no source cited"]);
}

#[test]
fn several_warnings_are_all_reported_in_contest_order() {
    let edits = [
        (VALID, r#""valid": 40"#),
        (ANN, r#""votes": 20, "elected": false"#),
        (
            r#""sources": [{"outlet": "LabourList", "date": "2019-10-25"}]"#,
            r#""sources": []"#,
        ),
    ];
    let all = integrity::warnings(&edited(&edits));
    assert!(
        all.iter()
            .all(|w| w.contest == 0 && w.contest_id == "stockport")
    );
    let kinds: Vec<String> = all.iter().map(|w| w.kind.to_string()).collect();
    assert_eq!(
        kinds,
        [
            "candidates' votes sum to 30 but 40 valid ballots were reported (10 fewer)",
            "Ann: stated share ~66.7% but votes give 50.0%",
            "decided, but no candidate is marked elected",
            "no source cited",
        ]
    );
}
