//! One set of numbers, two front ends: the explorer's scoreboard and endorsers views show what
//! `hustings stats --format json` prints for the same flags (faction, region, party, endorser).

use crate::support::cli::stdout;
use crate::support::data::fixture;
use clap::Parser;
use hustings::cli::args::Cli;
use hustings::explorer::action::Action;
use hustings::explorer::app::{App, Data};
use hustings::explorer::theme::Theme;
use hustings::load;
use serde_json::{Value, json};

/// The explorer started as `hustings FLAGS`, showing the scoreboard and then the endorsers.
fn explorer(flags: &[&str]) -> App {
    let cli = Cli::try_parse_from(std::iter::once("hustings").chain(flags.iter().copied()))
        .expect("the explorer accepts the flags");
    let loaded = load::load(&cli.data.sources(&cli.paths)).unwrap();
    let query = cli.query.spec().resolve(&loaded.dataset).unwrap();
    let mut app = App::new(vec![], Theme { color: false }, 120, 40);
    app.update(Action::SetQuery(Box::new(query)));
    app.update(Action::Loaded(std::sync::Arc::new(Data::new(loaded))));
    app.update(Action::ShowView(hustings::explorer::app::View::Scoreboard));
    app.update(Action::ShowView(
        hustings::explorer::app::View::Endorsements,
    ));
    app
}

fn stats(by: &str, flags: &[&str]) -> Value {
    let mut args = vec!["stats", "--format", "json", "--by", by];
    args.extend_from_slice(flags);
    serde_json::from_str(&stdout(&args)).expect("stats prints JSON")
}

/// The fields of `rows` named by `keys`, so documents compare without names and labels.
fn pick(rows: &Value, keys: &[&str]) -> Vec<Value> {
    rows.as_array()
        .unwrap()
        .iter()
        .map(|r| {
            Value::Object(
                keys.iter()
                    .map(|k| (k.to_string(), r[*k].clone()))
                    .collect(),
            )
        })
        .collect()
}

fn totals(t: &hustings::stats::Totals) -> Value {
    json!({
        "contests": t.contests, "decided": t.decided, "pending": t.pending,
        "decided_without_winner": t.decided_without_winner,
    })
}

#[test]
fn scoreboard_and_endorsers_match_stats_for_the_same_flags() {
    let fixture = fixture();
    let views = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/views.json");
    let (fixture, views) = (fixture.to_str().unwrap(), views.to_str().unwrap());
    let cases: Vec<Vec<&str>> = vec![
        vec![],
        vec!["--region", "North West"],
        vec!["--status", "decided"],
        vec!["--faction", "labour-left", "--any-candidate"],
        vec!["--since", "2019-10", "--search", "labour"],
        vec!["--endorser", "unite"],
        vec!["--data", fixture],
        vec!["--data", views],
        vec!["--data", views, "--region", "north"],
        vec![
            "--data",
            views,
            "--kind",
            "general-election",
            "--kind",
            "leadership",
        ],
    ];
    for flags in cases {
        let app = explorer(&flags);
        let board = app.views.board.as_ref().expect("the scoreboard was shown");

        let by_faction = stats("faction", &flags);
        assert_eq!(by_faction["totals"], totals(&board.totals), "{flags:?}");
        let keys = ["faction", "stood", "won", "lost", "pending"];
        let ours: Vec<Value> = board
            .factions
            .iter()
            .map(|r| json!({"faction": r.faction, "stood": r.stood, "won": r.won, "lost": r.lost, "pending": r.pending}))
            .collect();
        assert_eq!(ours, pick(&by_faction["rows"], &keys), "factions {flags:?}");

        let by_region = stats("region", &flags);
        let ours: Vec<Value> = board
            .regions
            .iter()
            .map(|g| {
                let wins: Vec<Value> = g.wins.iter().map(|(f, n)| json!({"faction": f, "won": n})).collect();
                json!({"region": g.key, "contests": g.contests, "decided": g.decided, "pending": g.pending, "wins": wins})
            })
            .collect();
        let theirs: Vec<Value> = pick(
            &by_region["rows"],
            &["region", "contests", "decided", "pending", "wins"],
        )
        .into_iter()
        .map(|mut r| {
            r["wins"] = Value::Array(pick(&r["wins"], &["faction", "won"]));
            r
        })
        .collect();
        assert_eq!(ours, theirs, "regions {flags:?}");

        let by_party = stats("party", &flags);
        assert_eq!(by_party["seat_totals"], totals(&board.seats), "{flags:?}");
        let ours: Vec<Value> = board
            .parties
            .iter()
            .map(|r| json!({"party": r.party, "stood": r.stood, "won": r.won, "lost": r.lost, "pending": r.pending}))
            .collect();
        let keys = ["party", "stood", "won", "lost", "pending"];
        assert_eq!(ours, pick(&by_party["rows"], &keys), "parties {flags:?}");

        let by_endorser = stats("endorser", &flags);
        let ours: Vec<Value> = app
            .views
            .endorsers
            .iter()
            .map(|r| json!({"endorser": r.name, "endorsed": r.endorsed, "won": r.won, "lost": r.lost, "pending": r.pending}))
            .collect();
        let keys = ["endorser", "endorsed", "won", "lost", "pending"];
        assert_eq!(
            ours,
            pick(&by_endorser["rows"], &keys),
            "endorsers {flags:?}"
        );
    }
}
