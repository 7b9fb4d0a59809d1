use super::*;
use crate::load::{DataSource, load};

/// Four contests: Left wins A (with Unite), Right wins B over Left, C is pending with Left and
/// an unaffiliated candidate, D is decided with nobody marked elected.
fn fixture() -> Dataset {
    serde_json::from_str(
        r#"{
        "schema_version": 1,
        "regions": [{"id": "north", "name": "North"}, {"id": "south", "name": "South"}],
        "factions": [{"id": "left", "name": "Left"}, {"id": "right", "name": "Right"}],
        "contests": [
          {"id": "a", "kind": "selection", "title": "A", "region": "south", "status": "decided", "sources": [],
           "candidates": [
             {"name": "L1", "faction": "left", "votes": 10, "elected": true, "endorsements": ["Unite", "unite", "GMB"]},
             {"name": "L2", "faction": "left", "votes": 5}]},
          {"id": "b", "kind": "selection", "title": "B", "region": "north", "status": "decided", "sources": [],
           "candidates": [
             {"name": "R1", "faction": "right", "votes": 10, "elected": true, "endorsements": ["GMB"]},
             {"name": "L3", "faction": "left", "votes": 9, "endorsements": ["UNITE"]}]},
          {"id": "c", "kind": "leadership", "title": "C", "status": "pending", "sources": [],
           "candidates": [
             {"name": "L4", "faction": "left", "endorsements": ["Unite"]},
             {"name": "X", "faction": null}]},
          {"id": "d", "kind": "selection", "title": "D", "region": "north", "status": "decided", "sources": [],
           "candidates": [{"name": "Y", "faction": null}]}
        ]}"#,
    )
    .unwrap()
}

fn all(index: &Index) -> Vec<usize> {
    (0..index.len()).collect()
}

#[test]
fn totals_count_statuses_and_missing_winners() {
    let ds = Index::build(&fixture());
    let t = totals(&ds, &all(&ds));
    assert_eq!(
        t,
        Totals {
            contests: 4,
            decided: 3,
            pending: 1,
            decided_without_winner: 1
        }
    );
    assert_eq!(totals(&ds, &[2]).decided, 0);
}

#[test]
fn factions_count_contests_not_candidates() {
    let ds = Index::build(&fixture());
    let got = by_faction(&ds, &all(&ds));
    let left = FactionRecord {
        faction: Some("left".into()),
        stood: 3,
        won: 1,
        lost: 1,
        pending: 1,
    };
    let right = FactionRecord {
        faction: Some("right".into()),
        stood: 1,
        won: 1,
        lost: 0,
        pending: 0,
    };
    let none = FactionRecord {
        faction: None,
        stood: 2,
        won: 0,
        lost: 1,
        pending: 1,
    };
    // Equal wins: more contests stood first; no-faction last.
    assert_eq!(got, vec![left, right, none]);
    for r in &got {
        assert_eq!(r.stood, r.won + r.lost + r.pending);
    }
}

#[test]
fn factions_only_see_the_given_rows() {
    let ds = Index::build(&fixture());
    let got = by_faction(&ds, &[1]);
    assert_eq!(got.len(), 2);
    assert_eq!((got[0].faction.as_deref(), got[0].won), (Some("right"), 1));
    assert_eq!((got[1].faction.as_deref(), got[1].lost), (Some("left"), 1));
    assert!(by_faction(&ds, &[]).is_empty());
}

#[test]
fn regions_follow_the_catalogue_with_national_last() {
    let ds = Index::build(&fixture());
    let got = by_region(&ds, &all(&ds));
    let keys: Vec<Option<&str>> = got.iter().map(|g| g.key.as_deref()).collect();
    assert_eq!(keys, vec![Some("north"), Some("south"), None]);
    let north = &got[0];
    assert_eq!((north.contests, north.decided, north.pending), (2, 2, 0));
    // D has no winner, so only B's win is counted.
    assert_eq!(north.wins, vec![(Some("right".to_string()), 1)]);
    assert_eq!((got[2].pending, got[2].wins.len()), (1, 0));
}

#[test]
fn kinds_follow_the_enum_order() {
    let ds = Index::build(&fixture());
    let got = by_kind(&ds, &all(&ds));
    assert_eq!(got.len(), 2);
    assert_eq!(got[0].key, ContestKind::Selection);
    assert_eq!(got[0].contests, 3);
    assert_eq!(
        got[0].wins,
        vec![
            (Some("left".to_string()), 1),
            (Some("right".to_string()), 1)
        ]
    );
    assert_eq!((got[1].key, got[1].pending), (ContestKind::Leadership, 1));
}

#[test]
fn endorsers_merge_case_and_count_each_candidate_once() {
    let ds = Index::build(&fixture());
    let got = by_endorser(&ds, &all(&ds));
    let unite = EndorserRecord {
        name: "Unite".into(),
        backing: Backing::Endorsement,
        endorsed: 3,
        won: 1,
        lost: 1,
        pending: 1,
    };
    let gmb = EndorserRecord {
        name: "GMB".into(),
        backing: Backing::Endorsement,
        endorsed: 2,
        won: 2,
        lost: 0,
        pending: 0,
    };
    assert_eq!(got, vec![gmb.clone(), unite.clone()]);
    assert_eq!(gmb.win_rate(), Some(1.0));
    assert_eq!(unite.win_rate(), Some(0.5));
    let only_pending = by_endorser(&ds, &[2]);
    assert_eq!(only_pending[0].win_rate(), None);
}

#[test]
fn seed_wins_add_up_to_decided_contests_with_winners() {
    let ds = Index::build(&load(&[DataSource::Embedded]).unwrap().dataset);
    let rows = all(&ds);
    let t = totals(&ds, &rows);
    let won: usize = by_faction(&ds, &rows).iter().map(|r| r.won).sum();
    assert_eq!(won, t.decided - t.decided_without_winner);
    let region_total: usize = by_region(&ds, &rows).iter().map(|g| g.contests).sum();
    assert_eq!(region_total, t.contests);
    let left = by_faction(&ds, &rows)
        .into_iter()
        .find(|r| r.faction.as_deref() == Some("labour-left"))
        .unwrap();
    assert_eq!(left.won, 6);
}

#[test]
fn ids_the_catalogue_lacks_keep_their_names_where_they_are_keys() {
    // Unvalidated data: region "east" and faction "blue" are not in the catalogues.
    let ds: Dataset = serde_json::from_str(
        r#"{"schema_version": 1, "regions": [{"id": "north", "name": "North"}],
        "factions": [{"id": "left", "name": "Left"}],
        "contests": [
          {"id": "a", "kind": "selection", "title": "A", "region": "east", "status": "decided", "sources": [],
           "candidates": [{"name": "B", "faction": "blue", "elected": true}, {"name": "L", "faction": "left"}]},
          {"id": "b", "kind": "selection", "title": "B", "status": "pending", "sources": [], "candidates": []},
          {"id": "c", "kind": "selection", "title": "C", "region": "north", "status": "pending", "sources": [], "candidates": []}
        ]}"#,
    )
    .unwrap();
    let index = Index::build(&ds);
    let rows = all(&index);
    let regions = by_region(&index, &rows);
    let keys: Vec<Option<&str>> = regions.iter().map(|g| g.key.as_deref()).collect();
    assert_eq!(keys, vec![Some("north"), Some("east"), None]);
    assert_eq!(regions[1].wins, vec![(Some("blue".to_string()), 1)]);
    // By faction, an unknown faction's candidates are of no known faction.
    let factions = by_faction(&index, &rows);
    let got: Vec<(Option<&str>, usize, usize)> = factions
        .iter()
        .map(|r| (r.faction.as_deref(), r.won, r.lost))
        .collect();
    assert_eq!(got, vec![(Some("left"), 0, 1), (None, 1, 0)]);
}

/// 100 general-election seats; the first and last spell their endorser and party differently.
fn spellings() -> Index {
    let contests: Vec<String> = (0..100)
        .map(|i| {
            let (endorser, party) = match i {
                0 => ("UNITE", "LABOUR"),
                99 => ("Unite", " Labour "),
                _ => ("unite", "labour"),
            };
            format!(
                r#"{{"id": "c{i}", "kind": "general-election", "title": "C{i}", "status": "decided",
                "sources": [], "candidates": [{{"name": "N", "party": "{party}", "elected": true,
                "endorsements": ["{endorser}"]}}]}}"#
            )
        })
        .collect();
    let ds: Dataset = serde_json::from_str(&format!(
        r#"{{"schema_version": 1, "contests": [{}]}}"#,
        contests.join(",")
    ))
    .unwrap();
    Index::build(&ds)
}

#[test]
fn names_are_spelt_as_first_met_in_the_rows_order() {
    let index = spellings();
    let forward = all(&index);
    let backward: Vec<usize> = forward.iter().rev().copied().collect();
    for (rows, endorser, party) in [
        (&forward, "UNITE", "LABOUR"),
        (&backward, "Unite", "Labour"),
    ] {
        let endorsers = by_endorser(&index, rows);
        assert_eq!(endorsers.len(), 1);
        assert_eq!(
            (endorsers[0].name.as_str(), endorsers[0].won),
            (endorser, 100)
        );
        let parties = by_party(&index, rows);
        assert_eq!(parties.len(), 1);
        assert_eq!(
            (parties[0].party.as_deref(), parties[0].won),
            (Some(party), 100)
        );
    }
}
