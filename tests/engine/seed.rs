//! Facts of the shipped dataset, checked against what the source articles report.

use hustings::load::integrity::WarningKind;
use hustings::load::{self, DataSource};
use hustings::model::arithmetic;
use hustings::model::{Bound, ContestKind, Status};

fn seed() -> load::Loaded {
    load::load(&[DataSource::Embedded]).expect("the shipped dataset loads")
}

#[test]
fn stockport_has_all_four_counts_and_the_591_of_592_warning() {
    let loaded = seed();
    let stockport = loaded
        .dataset
        .contest("stockport-selection-2019")
        .expect("Stockport selection");
    let counts: Vec<(&str, Option<u64>)> = stockport
        .candidates
        .iter()
        .map(|c| (c.name.as_str(), c.votes))
        .collect();
    assert_eq!(
        counts,
        vec![
            ("Navendu Mishra", Some(338)),
            ("Julie Reid", Some(218)),
            ("Mike Cain", Some(12)),
            ("Fiona Dent", Some(23)),
        ]
    );
    let ballots = stockport.ballots.as_ref().unwrap();
    assert_eq!((ballots.valid, ballots.rejected), (Some(592), Some(70)));
    assert_eq!(
        arithmetic::winner(stockport).unwrap().name,
        "Navendu Mishra"
    );
    let stockport_warnings: Vec<&WarningKind> = loaded
        .warnings
        .iter()
        .filter(|w| w.contest_id == "stockport-selection-2019")
        .map(|w| &w.kind)
        .collect();
    assert_eq!(
        stockport_warnings,
        vec![&WarningKind::VoteSum {
            sum: 591,
            valid: 592
        }]
    );
    assert!(
        loaded
            .dataset
            .contests
            .iter()
            .all(|c| !c.sources.is_empty())
    );
}

#[test]
fn bury_south_has_a_stated_share_and_no_invented_votes() {
    let loaded = seed();
    let bury = loaded.dataset.contest("bury-south-selection-2019").unwrap();
    assert_eq!(bury.ballots.as_ref().unwrap().cast, Some(160));
    assert!(bury.candidates.iter().all(|c| c.votes.is_none()));
    let burke = &bury.candidates[0];
    assert_eq!(burke.name, "Lucy Burke");
    assert!(burke.elected);
    let share = burke.share.as_ref().unwrap();
    assert_eq!((share.percent, share.bound), (70.0, Bound::Over));
    assert_eq!(arithmetic::share(bury, burke).label(), ">70%");
    assert_eq!(arithmetic::share(bury, &bury.candidates[1]).label(), "n/a");
}

#[test]
fn seven_selections_are_pending_and_winners_only_seats_have_no_numbers() {
    let loaded = seed();
    let pending: Vec<&str> = loaded
        .dataset
        .contests
        .iter()
        .filter(|c| c.kind == ContestKind::Selection && c.status == Status::Pending)
        .map(|c| c.constituency.as_deref().unwrap())
        .collect();
    assert_eq!(
        pending,
        vec![
            "Enfield North",
            "Liverpool Wavertree",
            "Nottingham East",
            "Luton South",
            "Streatham",
            "Dudley North",
            "Liverpool Riverside"
        ]
    );
    for seat in [
        "birkenhead",
        "ilford-south",
        "barrow-and-furness",
        "sheffield-hallam",
        "penistone-and-stocksbridge",
    ] {
        let c = loaded
            .dataset
            .contest(&format!("{seat}-selection-2019"))
            .unwrap();
        assert_eq!(c.status, Status::Decided);
        assert_eq!(c.candidates.len(), 1, "{seat}: winner only");
        assert!(c.candidates[0].elected && c.candidates[0].votes.is_none());
    }
}

#[test]
fn general_election_and_leadership_figures() {
    let loaded = seed();
    let ds = &loaded.dataset;
    let stockport17 = ds.contest("stockport-ge-2017").unwrap();
    assert_eq!(stockport17.majority, Some(14477));
    assert_eq!(stockport17.swing.as_ref().unwrap().percent, 13.4);
    let hazel = ds.contest("hazel-grove-ge-2017").unwrap();
    let mishra = hazel
        .candidates
        .iter()
        .find(|c| c.name == "Navendu Mishra")
        .unwrap();
    assert_eq!((mishra.votes, mishra.place), (Some(9036), Some(3)));
    let leadership = ds.contest("labour-leadership-2020").unwrap();
    assert_eq!(leadership.status, Status::Pending);
    assert_eq!(leadership.region, None);
    assert_eq!(leadership.date.unwrap().to_string(), "2020");
    let nandy = leadership
        .candidates
        .iter()
        .find(|c| c.name == "Lisa Nandy")
        .unwrap();
    assert_eq!(nandy.endorsements, vec!["National Union of Mineworkers"]);
}

#[test]
fn the_shipped_dataset_round_trips() {
    let loaded = seed();
    let json = serde_json::to_vec(&loaded.dataset).unwrap();
    let again = load::parse("round-trip", &json).unwrap();
    assert_eq!(again, loaded.dataset);
}

#[test]
fn schema_copy_in_data_matches_the_generated_schema() {
    let shipped = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/data/contests.schema.json"
    ))
    .expect("data/contests.schema.json exists (regenerate with `hustings schema`)");
    assert_eq!(
        shipped,
        hustings::cli::schema::schema_json(),
        "data/contests.schema.json is stale: run `cargo run -- schema > data/contests.schema.json`"
    );
}
