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
            // The councillor the sources describe but do not name, never on a ballot.
            ("", None),
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
    let share = burke.share().unwrap();
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
    assert!((stockport17.swing.as_ref().unwrap().percent - 13.4).abs() < 1e-9);
    let hazel = ds.contest("hazel-grove-ge-2017").unwrap();
    let mishra = hazel
        .candidates
        .iter()
        .find(|c| c.name == "Navendu Mishra")
        .unwrap();
    assert_eq!((mishra.votes, mishra.place()), (Some(9036), Some(3)));
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

#[test]
fn selections_in_full_as_the_articles_give_them() {
    use hustings::model::{NominatingBody, StageKind};
    let loaded = seed();
    let ds = &loaded.dataset;
    // Bury South: Burke beat "two other shortlisted candidates".
    let bury = ds.contest("bury-south-selection-2019").unwrap();
    assert_eq!(bury.stages[0].stage, StageKind::Shortlist);
    assert_eq!(
        bury.stages[0].candidates,
        ["Lucy Burke", "Fatima Mahmood", "Gillian Oliver"]
    );
    assert_eq!(bury.stages[1].date.unwrap().to_string(), "2019-10-24");
    // Ivan Lewis is an ex-Labour MP; where he went is not said.
    assert_eq!(bury.defection.as_ref().unwrap().to, None);
    // Stockport: a shortlist the JLM-endorsed councillor (not named) did not make, and Mishra's
    // five branch nominations; the date bounded by his declaration and the 25 Oct report.
    let stockport = ds.contest("stockport-selection-2019").unwrap();
    assert_eq!(stockport.stages[0].stage, StageKind::Shortlist);
    assert_eq!(stockport.stages[0].candidates.len(), 4);
    let notes = stockport.stages[0].notes.as_deref().unwrap();
    assert!(notes.contains("Jewish Labour Movement, not named"));
    assert!(stockport.is_inferred("stages[0].candidates"));
    assert_eq!(stockport.nominations[0].body, NominatingBody::Branch);
    assert_eq!(stockport.nominations[0].threshold, None);
    assert_eq!(stockport.nominations[0].counts[0].count, Some(5));
    let bounds = stockport.date_bounds.as_ref().unwrap();
    assert_eq!(bounds.earliest.unwrap().to_string(), "2019-06-17");
    assert_eq!(bounds.latest.unwrap().to_string(), "2019-10-25");
    assert_eq!(
        stockport.date.unwrap().to_string(),
        "2019",
        "no precise date invented"
    );
    // The leadership race at its nomination stage: a rule of two conditions (a second union and
    // another affiliate), its numbers inferred; Nandy has one union.
    let leadership = ds.contest("labour-leadership-2020").unwrap();
    assert_eq!(leadership.stages[0].stage, StageKind::Nominations);
    let unions = &leadership.nominations[0];
    assert_eq!(
        (unions.body, unions.threshold),
        (NominatingBody::Union, None)
    );
    let rule = &leadership.nomination_routes[0].conditions;
    assert_eq!(
        rule.iter()
            .map(|k| (k.bodies.clone(), k.at_least))
            .collect::<Vec<_>>(),
        [
            (vec![NominatingBody::Union], 2),
            (vec![NominatingBody::Affiliate], 1)
        ]
    );
    assert!(leadership.is_inferred("nomination_routes[0].conditions[0].at_least"));
    let nandy = unions
        .counts
        .iter()
        .find(|c| c.candidate == "Lisa Nandy")
        .unwrap();
    assert_eq!(nandy.count, Some(1));
    assert_eq!(nandy.from, ["National Union of Mineworkers"]);
    // Every inferred path names a value (load checks that) and has a basis.
    assert!(
        ds.contests
            .iter()
            .flat_map(|c| &c.inferred)
            .all(|i| !i.basis.trim().is_empty())
    );
}

#[test]
fn the_facts_the_articles_do_not_give_are_marked_inferred() {
    let loaded = seed();
    let ds = &loaded.dataset;
    let inferred = |field: &str| -> Vec<&str> {
        ds.contests
            .iter()
            .filter(|c| c.inferred.iter().any(|i| i.field == field))
            .map(|c| c.id.as_str())
            .collect()
    };
    // Only Stockport (its selection and its 2017 seat) and Bury South are placed: Hazel Grove is
    // only "a neighbouring seat".
    let placed: Vec<&str> = ds
        .contests
        .iter()
        .filter(|c| c.region.is_some() && !c.is_inferred("region"))
        .map(|c| c.id.as_str())
        .collect();
    assert_eq!(
        placed,
        [
            "stockport-selection-2019",
            "bury-south-selection-2019",
            "stockport-ge-2017"
        ]
    );
    assert_eq!(inferred("region").len(), 13);
    assert_eq!(
        inferred("date"),
        [
            "penistone-and-stocksbridge-selection-2019",
            "barrow-and-furness-selection-2019",
            "sheffield-hallam-selection-2019",
            "stockport-ge-2017",
            "hazel-grove-ge-2017",
            "labour-leadership-2020"
        ]
    );
    let factions: Vec<String> = ds
        .contests
        .iter()
        .flat_map(|c| {
            c.inferred
                .iter()
                .filter(|i| i.field.ends_with(".faction"))
                .map(move |i| format!("{}:{}", c.id, i.field))
        })
        .collect();
    assert_eq!(
        factions,
        [
            "birkenhead-selection-2019:candidates[0].faction",
            "ilford-south-selection-2019:candidates[0].faction",
            "hazel-grove-ge-2017:candidates[1].faction",
        ]
    );
    assert_eq!(inferred("title"), ["labour-leadership-2020"]);
    // The report states Penistone's Labour-left win ("The Labour left has secured further
    // gains … winning … Penistone and Stocksbridge"): not inferred.
    let penistone = ds
        .contest("penistone-and-stocksbridge-selection-2019")
        .unwrap();
    assert_eq!(
        penistone.candidates[0].faction.as_deref(),
        Some("labour-left")
    );
    assert!(!penistone.is_inferred("candidates[0].faction"));
}
