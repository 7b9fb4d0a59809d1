//! One query engine, two front ends: the same flags give the same contests, in the same order,
//! from `hustings list` and in the explorer's list.

use crate::support::cli::{listed_ids, stdout};
use crate::support::data::fixture;
use clap::Parser;
use hustings::cli::args::Cli;
use hustings::explorer::action::Action;
use hustings::explorer::app::{App, Data};
use hustings::explorer::theme::Theme;
use hustings::load;

/// The ids the explorer lists when started as `hustings FLAGS` (parsed by the real CLI types).
fn explorer_ids(flags: &[&str]) -> Vec<String> {
    let cli = Cli::try_parse_from(std::iter::once("hustings").chain(flags.iter().copied()))
        .expect("the explorer accepts the flags");
    let sources = cli.data.sources(&cli.paths);
    let loaded = load::load(&sources).unwrap();
    let query = cli.query.spec().resolve(&loaded.dataset).unwrap();
    let mut app = App::new(vec![], Theme { color: false }, 120, 40);
    app.update(Action::SetQuery(Box::new(query)));
    app.update(Action::Loaded(std::sync::Arc::new(Data::new(loaded))));
    let dataset = &app.data.as_ref().unwrap().loaded.dataset;
    app.rows
        .iter()
        .map(|&i| dataset.contests[i].id.to_string())
        .collect()
}

fn list_ids(flags: &[&str]) -> Vec<String> {
    let mut args = vec!["list", "--format", "json"];
    args.extend_from_slice(flags);
    listed_ids(&stdout(&args))
}

#[test]
fn list_and_explorer_agree_on_the_same_flags() {
    let fixture = fixture();
    let fixture = fixture.to_str().unwrap();
    let cases: Vec<Vec<&str>> = vec![
        vec![],
        vec!["--region", "Yorkshire and the Humber"],
        vec!["--region", "North West", "--search", "mishra"],
        vec![
            "--region",
            "north-west",
            "--region",
            "London",
            "--sort",
            "title",
        ],
        vec![
            "--faction",
            "Labour left / Momentum",
            "--any-candidate",
            "--sort",
            "region",
        ],
        vec!["--faction", "labour-left", "--sort", "margin", "--reverse"],
        vec!["--status", "pending", "--sort", "title", "--reverse"],
        vec!["--kind", "general-election", "--kind", "leadership"],
        vec!["--since", "2019-10", "--until", "2019", "--sort", "turnout"],
        vec!["--endorser", "Unite", "--sort", "date", "--reverse"],
        vec!["--data", fixture, "--sort", "margin"],
        vec![
            "--data",
            fixture,
            "--endorser",
            "union a",
            "--faction",
            "red",
            "--any-candidate",
        ],
    ];
    for flags in &cases {
        let from_list = list_ids(flags);
        let from_explorer = explorer_ids(flags);
        assert_eq!(from_list, from_explorer, "flags {flags:?}");
        if !flags.is_empty() && !flags.contains(&"--data") && !flags.contains(&"--sort") {
            assert!(from_list.len() < 17, "{flags:?} filters something");
        }
    }
}
